"""What a learner installs to run the examples, read from the build's own environment.

The logs and figures on the site are what the examples printed and drew with
the packages installed where the site was built. :func:`example_requirements`
names those packages from what the example scripts import (never typed in),
at the versions installed, as the public package index names them: a local
version label such as torch's ``+cpu`` is dropped, since the index has no
such label (PEP 440); the CPU-only build of PyTorch comes from its own index
(:data:`CPU_BUILD`).

The one :class:`Requirements` it gives is what every zip of examples holds
as ``requirements.txt`` (:mod:`docs_engine.execution.gallery`, :mod:`docs_engine.translation.downloads`)
and what the "Run it yourself" box shows (:mod:`docs_engine.pages.run_it_yourself`).
"""

import ast
import functools
import importlib.util
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError

from docs_engine.translation.example_sources import executed_examples
from docs_engine.execution.environment import either

REQUIREMENTS_FILE = "requirements.txt"
# The package whose default wheel on Linux is built for NVIDIA GPUs (gigabytes),
# and the index of its CPU-only build.
CPU_BUILD = ("torch", "https://download.pytorch.org/whl/cpu")
COMMENT_WIDTH = 79

# The comments of requirements.txt (the "cpu" one is also in the box).
MESSAGES = {
    "pinned": "The packages the examples import, at the versions that made the logs and"
              " figures on the site (built with Python {python}):",
    "cpu": "On a computer without an NVIDIA GPU, install the smaller CPU-only version of"
           " PyTorch first:",
    "same digits": "With these versions, the examples print the logs on the site digit for"
                   " digit on the same kind of processor as the one that made them: {machines}."
                   " The first cell of each notebook says what made its outputs.",
}


class RequirementsError(ExtensionError):
    category = "Example requirements error"


@dataclass(frozen=True)
class Requirements:
    python: str  # major.minor of the build's Python
    pins: tuple[str, ...]  # "name==version", sorted by name
    # The imported modules' files: installing another version rewrites them.
    installed_files: tuple[Path, ...]

    @property
    def install_command(self) -> str:
        return "pip install " + " ".join(self.pins)

    @property
    def cpu_command(self) -> str | None:
        """The command that installs the CPU-only build, if the examples need it."""
        name, index = CPU_BUILD
        pin = next((p for p in self.pins if p.partition("==")[0] == name), None)
        return pin and f"pip install {pin} --index-url {index}"

    def requirements_txt(self, machines: Sequence[str], language: str,
                         gettext: Callable[[str], str] = lambda message: message) -> str:
        """The ``requirements.txt`` of a zip, its comments in ``gettext``'s ``language``;
        ``machines`` made the logs (:attr:`ExecutionEnvironment.machine`)."""
        lines = _comment(gettext(MESSAGES["pinned"]).format(python=self.python))
        lines.append(f"#   pip install -r {REQUIREMENTS_FILE}")
        if self.cpu_command:
            lines += _comment(gettext(MESSAGES["cpu"]))
            lines.append(f"#   {self.cpu_command}")
        if machines:
            lines += _comment(gettext(MESSAGES["same digits"]).format(
                machines=either(machines, language)))
        return "\n".join([*lines, *self.pins]) + "\n"


def _comment(text: str) -> list[str]:
    return textwrap.wrap(text, COMMENT_WIDTH, initial_indent="# ", subsequent_indent="# ",
                         break_long_words=False, break_on_hyphens=False)


def imported_packages(script: Path) -> set[str]:
    """The top-level modules a script imports, leaving out the standard library's."""
    return set(_imported_packages(script.read_text(encoding="utf-8"), str(script)))


@functools.lru_cache(maxsize=64)  # by the script's content: an edit is seen at once
def _imported_packages(source: str, filename: str) -> frozenset[str]:
    tree = ast.parse(source, filename=filename)
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.partition(".")[0])
    return frozenset(modules - set(sys.stdlib_module_names))


def _installation() -> tuple[tuple[str, int], ...]:
    """What the installed packages are looked up by: the import path's folders and
    when each last changed (installing or removing a package changes its folder)."""
    return tuple((folder, os.stat(folder).st_mtime_ns) for folder in sys.path
                 if os.path.isdir(folder))


@functools.cache
def _providers(installation: tuple) -> dict[str, list[str]]:
    return metadata.packages_distributions()


@functools.cache
def _installed(module: str, installation: tuple) -> tuple[dict[str, str], Path] | None:
    """The installed versions of the distributions that provide ``module``, and its file."""
    names = _providers(installation).get(module)
    if not names:
        return None
    versions = {name: metadata.version(name) for name in names}
    return versions, Path(importlib.util.find_spec(module).origin)


def _installed_imports(script: Path) -> list[tuple[dict[str, str], Path]]:
    """What provides each package ``script`` imports; RequirementsError if nothing does."""
    found = []
    installation = _installation()  # each package looked up once until one is installed
    for module in sorted(imported_packages(script)):
        installed = _installed(module, installation)
        if installed is None:
            raise RequirementsError(
                f"{script}: imports {module}, which no installed package provides: add the"
                " package that provides it to requirements.txt (and constraints.txt)")
        found.append(installed)
    return found


def installed_versions(script: Path) -> dict[str, str]:
    """The installed version of each distribution ``script`` imports, local label included
    (torch's ``+cpu``): what made its log (:mod:`docs_engine.execution.environment`)."""
    return {name: version for versions, _ in _installed_imports(script)
            for name, version in versions.items()}


def example_requirements(scripts: Iterable[Path]) -> Requirements:
    """The installed packages that ``scripts`` import, pinned to their public versions."""
    pins: dict[str, str] = {}
    installed_files: list[Path] = []
    for script in scripts:
        for versions, installed_file in _installed_imports(script):
            pins.update({name: version.partition("+")[0] for name, version in versions.items()})
            installed_files.append(installed_file)
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    names = sorted(pins, key=str.lower)
    return Requirements(python, tuple(f"{name}=={pins[name]}" for name in names),
                        tuple(dict.fromkeys(installed_files)))


def page_requirements(env: BuildEnvironment) -> Requirements:
    """The requirements of every example, for the page being read, which depends on them.

    One list for every example, so that one environment runs the whole
    series; the page is read again when an example or an installed version
    changes.
    """
    scripts = [example.executed for example in executed_examples(env)]
    requirements = example_requirements(scripts)
    for path in [*scripts, *requirements.installed_files]:
        env.note_dependency(str(path))
    return requirements
