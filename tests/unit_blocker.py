"""A pytest plugin that runs the unit layer as if only its own packages were installed.

    PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python -m pytest -p tests.unit_blocker tests/unit

(as ``tests/layered/test_unit_layer.py`` runs it). Once this plugin is loaded,
importing a module of any installed distribution other than those of
``requirements-unit.txt`` and what they require raises ImportError, as it
would in an environment with only those installed: Sphinx, docutils,
matplotlib, torch, playwright, numpy and the rest of the site's packages. The
standard library and the project's own packages stay importable. (The other
pytest plugins installed here are left out by PYTEST_DISABLE_PLUGIN_AUTOLOAD:
loaded after this one, they would be refused too.)
"""

import re
import sys
from importlib.metadata import PackageNotFoundError, distribution, packages_distributions
from pathlib import Path

REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements-unit.txt"
# The project's own packages, whatever distribution may also ship a "tests".
PROJECT_PACKAGES = {"docs_engine", "tests"}
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
EXTRA = re.compile(r"\bextra\s*==")


def canonical(name: str) -> str:
    """A distribution's name as packaging normalizes it (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def unit_distributions() -> set[str]:
    """The distributions of ``requirements-unit.txt`` and every one they require
    (but for optional extras; an environment marker counts as met)."""
    pending = [match.group() for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines()
               if (match := NAME.match(line.strip()))]
    found = set()
    while pending:
        name = canonical(pending.pop())
        if name in found:
            continue
        found.add(name)
        try:
            requires = distribution(name).requires or []
        except PackageNotFoundError:
            continue
        pending += [NAME.match(requirement).group() for requirement in requires
                    if not EXTRA.search(requirement)]
    return found


def blocked_modules() -> frozenset[str]:
    """The top-level modules of every installed distribution the unit layer does without."""
    unit = unit_distributions()
    return frozenset(module for module, owners in packages_distributions().items()
                     if module not in PROJECT_PACKAGES
                     and not any(canonical(owner) in unit for owner in owners))


class ImportBlocker:
    """A finder, first on ``sys.meta_path``, that refuses the blocked modules."""

    def __init__(self, blocked: frozenset[str]):
        self.blocked = blocked

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in self.blocked:
            raise ModuleNotFoundError(
                f"No module named {name!r}: the unit layer runs without it "
                f"(tests/unit_blocker.py; its packages are requirements-unit.txt's)", name=name)
        return None


BLOCKED = blocked_modules()
sys.meta_path.insert(0, ImportBlocker(BLOCKED))
