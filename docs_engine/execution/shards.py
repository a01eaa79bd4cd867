"""Execute the gallery's examples side by side: one strict Sphinx run per shard, merged.

sphinx-gallery executes a gallery's sections one after another, so its own
``parallel`` option can only run examples of the same section side by side,
and the longest example of the series (the dynamic network) would hold back
the whole step. Just before sphinx-gallery generates the gallery, this
extension splits the examples that need executing into ``docs_engine_gallery_jobs``
shards of about equal running time (the longest first, by the time each took
last time; by their loop iterations when some never ran), and runs one
``sphinx-build`` per shard, side by side, each a process of its own started
afresh (nothing is forked from this one), strict (``-W --keep-going``), with
this build's builder, configuration and overrides, and ``docs_engine_gallery_examples``
set to the shard's examples: sphinx-gallery leaves out the others
(:func:`docs_engine.adapters.sphinx_gallery.skip_examples`).

Each shard writes only into its own folder, ``<build>/shards/<n>/``: its
source folder (:func:`shard_sources`: links to the build's sources, except
the gallery folder, its own), its doctrees, its output and its warnings
file (kept when a shard fails, to look into; removed once every shard is
merged). Nothing there is written by two processes. Its lines are printed as
they come, prefixed ``[shard N]``; the last names the examples it executed
(``[shard N] executed: plot_1_numpy.py, ...``). Its warnings and errors are
then logged by this build, as the one-job build logs them (the shard's paths
given as the build's own): under ``-W`` any of them fails the step, naming
the example. A shard that fails without a warning (an example that raised)
fails the step too.

When every shard has finished, one step (:func:`merge_shard`) moves what
each shard wrote for each example it executed, and that passed, into the
gallery: the files :data:`~docs_engine.adapters.sphinx_gallery.EXAMPLE_OUTPUTS`
lists (the page, the downloads, the checksum, the record of what executed
it) and its figures. sphinx-gallery's own run in this process then finds
those examples current (it skips them by checksum) and writes what covers the
whole gallery: the indexes, the zips; the execution step then checks every
example against the contract (:mod:`docs_engine.execution.gallery`). An
example that failed in a shard is not merged and has no checksum, so that run
executes it again and reports it as it reports any failing example: with its
name and traceback.

A shard's process starts Sphinx and the extensions afresh: about 2 s of
processor time per shard that a fork from this process saved (the real
gallery in two shards took 24-26 s of processor time, forked 20-23 s); the
price of a shard that reports as the build does, with nothing shared.

With one job, or one example to execute, nothing happens here and
sphinx-gallery executes the examples itself, in this process. The outputs
are the same bytes either way: each example is executed once, by the same
code, from the same sources at the same paths from the source folder.

The Makefile's gallery step sets the number of shards::

    sphinx-build -D docs_engine_gallery_jobs=2 ...

On several machines, each executes one shard of a plan made once
(:mod:`docs_engine.execution.shard_plan`, by :func:`plan_shards` too):
``-D docs_engine_gallery_shard=k/N`` makes :func:`skip_other_examples` leave
out every example but shard k's, and :mod:`docs_engine.execution.shard_artifacts`
packs and merges what the machines wrote.
"""

import ast
import os
import re
import selectors
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.util import logging

from docs_engine.adapters import gallery_files
from docs_engine.adapters import sphinx_gallery as sg
from docs_engine.example import Gallery, build_gallery
from docs_engine.execution.fingerprint import sources_fingerprint
from docs_engine.execution.gallery import remove_outputs
from docs_engine.execution.shard_plan import PlanError, plan_path, shard_examples

logger = logging.getLogger(__name__)


def plan_shards(pending: dict[str, float], jobs: int) -> list[list[str]]:
    """Split examples (name: expected seconds) into at most ``jobs`` balanced shards."""
    shards: list[tuple[float, list[str]]] = [(0.0, []) for _ in range(min(jobs, len(pending)))]
    for name in sorted(pending, key=lambda n: (-pending[n], n)):
        index = min(range(len(shards)), key=lambda i: (shards[i][0], i))
        total, names = shards[index]
        shards[index] = (total + pending[name], [*names, name])
    return [sorted(names) for _, names in shards if names]


def loop_iterations(source: str) -> int:
    """The iterations of the script's ``for ... in range(<number>)`` loops, nested
    loops multiplied: what an example never run before is weighed by."""
    def count(node: ast.AST, factor: int) -> int:
        total = 0
        for child in ast.iter_child_nodes(node):
            inner = factor
            if (isinstance(child, ast.For) and isinstance(child.iter, ast.Call)
                    and getattr(child.iter.func, "id", None) == "range" and child.iter.args
                    and isinstance(child.iter.args[-1], ast.Constant)
                    and isinstance(child.iter.args[-1].value, int)):
                inner = factor * child.iter.args[-1].value
                total += inner
            total += count(child, inner)
        return total
    return max(count(ast.parse(source), 1), 1)


def pending_examples(gallery: Gallery) -> dict[str, float]:
    """The examples sphinx-gallery would execute, each with its expected cost.

    The cost is the seconds it took last time; if any example has never run
    (a clean build), every one is weighed by its loop iterations instead.
    """
    pending = {
        example.name: sg.last_running_time(example.executed, None)
        for example in sorted(gallery.examples, key=lambda example: example.name)
        if sg.needs_execution(example.source, example.executed)
    }
    if None in pending.values():
        return {name: float(loop_iterations(gallery.example(name).source.read_text(encoding="utf-8")))
                for name in pending}
    return pending


# -- One shard -------------------------------------------------------------------

@dataclass
class Shard:
    number: int
    examples: list[str]  # paths from the examples folder
    root: Path  # everything it writes is under this folder

    @property
    def warnings_file(self) -> Path:
        return self.root / "warnings.txt"


def shard_sources(app: Sphinx, root: Path) -> dict[Path, Path]:
    """Lay out the shard's source folder under ``root``; the links it made, to what.

    It is the build's source folder at ``root/<its name>``: a link to each of
    its entries but the gallery folder, which is the shard's own (created
    by :func:`docs_engine.execution.gallery.gallery_folders`), and a link to
    the examples folder at the same path from it. sphinx-gallery therefore
    writes the same paths from the source folder into the pages as in the
    build itself.
    """
    source = Path(app.srcdir)
    shard_source = root / source.name
    shard_source.mkdir(parents=True)
    own = Path(app.config.docs_engine_gallery_dir).parts[0]
    links = {shard_source / entry.name: entry for entry in source.iterdir() if entry.name != own}
    examples_dir = app.config.docs_engine_examples_dir
    link = Path(os.path.normpath(shard_source / examples_dir))
    if not link.is_relative_to(shard_source):  # else inside the source folder: already linked
        if not link.is_relative_to(root):
            raise ExtensionError(f"docs_engine_gallery_jobs: the examples folder {examples_dir!r} is more than"
                                 " one folder above the source folder; a shard cannot link it")
        links[link] = Path(os.path.normpath(source / examples_dir))
    for link, target in links.items():
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target.resolve(), target_is_directory=target.is_dir())
    links[shard_source] = source
    return links


def override_options(overrides: dict) -> list[str]:
    """``-D name=value`` options giving a ``sphinx-build`` these configuration overrides."""
    options = []
    for name, value in overrides.items():
        if isinstance(value, bool):
            value = int(value)
        elif isinstance(value, (list, tuple)):
            value = ",".join(map(str, value))
        elif isinstance(value, dict):
            raise ExtensionError(f"docs_engine_gallery_jobs: the override {name} is a dictionary, which a"
                                 " shard's sphinx-build cannot be given; build with one job")
        options += ["-D", f"{name}={value}"]
    return options


def shard_command(app: Sphinx, shard: Shard, source: Path) -> list[str]:
    """The ``sphinx-build`` that executes ``shard``: this build's, into the shard's folders.

    Always strict: its warnings are logged again by this build, which decides
    whether they fail it (:func:`report_warnings`)."""
    overrides = {**app.config.overrides, "docs_engine_gallery_jobs": 1, "docs_engine_gallery_examples": shard.examples}
    return [sys.executable, "-m", "sphinx", "-b", app.builder.name, "-c", str(app.confdir),
            "-d", str(shard.root / "doctrees"), "-w", str(shard.warnings_file), "-W",
            "--keep-going", *override_options(overrides), str(source), str(shard.root / "out")]


# A warnings file's entries: "<location>: WARNING: <message>" (the location is optional),
# each followed by the lines that continue it.
_ENTRY = re.compile(r"^(?:(?P<location>.+?): )?(?P<level>WARNING|ERROR|CRITICAL): ", re.M)


def warning_entries(text: str) -> list[tuple[str, str | None, str]]:
    """The (level, location, message) of each warning or error a warnings file holds."""
    starts = list(_ENTRY.finditer(text))
    return [(match["level"], match["location"], text[match.end():end].rstrip("\n"))
            for match, end in zip(starts, [m.start() for m in starts[1:]] + [len(text)])]


def build_paths(text: str, links: dict[Path, Path]) -> str:
    """``text`` with the shard's paths given as the build's own (the links' targets)."""
    for link in sorted(links, key=lambda p: -len(str(p))):
        text = text.replace(str(link), str(links[link]))
    return text


def report_warnings(shard: Shard, links: dict[Path, Path]) -> int:
    """Log the shard's warnings and errors in this build, as it logged them; how many."""
    text = shard.warnings_file.read_text(encoding="utf-8") if shard.warnings_file.exists() else ""
    entries = warning_entries(build_paths(text, links))
    for level, location, message in entries:
        log = logger.warning if level == "WARNING" else logger.error
        log(message, location=location)
    return len(entries)


def merge_shard(shard: Shard, gallery: Gallery, shard_gallery: Path) -> list[str]:
    """Move what the shard wrote (into ``shard_gallery``) for each example it executed
    and that passed (it has a checksum) into the gallery, replacing what was there;
    the examples merged."""
    merged = []
    for name in shard.examples:
        example = gallery.example(name)
        if not example.source.exists():
            continue
        executed = shard_gallery / name
        if not gallery_files.is_executed(executed):
            continue  # failed: the build's own run executes it again and reports it
        example.section.mkdir(parents=True, exist_ok=True)
        remove_outputs(example.section, example.stem)
        for output in gallery_files.example_files(executed):
            moved = example.section / output.relative_to(executed.parent)
            moved.parent.mkdir(parents=True, exist_ok=True)
            os.replace(output, moved)
        merged.append(name)
    return merged


# -- The shards side by side -----------------------------------------------------

def run_side_by_side(commands: dict[int, list[str]]) -> dict[int, int]:
    """Run the commands at once, printing their lines as they come, prefixed
    ``[shard N]``, in this thread; each one's exit status."""
    processes = {number: subprocess.Popen(command, stdout=subprocess.PIPE,
                                          stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
                 for number, command in commands.items()}
    with selectors.DefaultSelector() as selector:
        for number, process in processes.items():
            selector.register(process.stdout, selectors.EVENT_READ, [number, b""])
        while selector.get_map():
            for key, _ in selector.select():
                number, pending = key.data
                chunk = os.read(key.fd, 65536)
                *lines, key.data[1] = (pending + chunk).split(b"\n")
                if not chunk:
                    lines, key.data[1] = [pending] if pending else [], b""
                    selector.unregister(key.fileobj)
                    key.fileobj.close()
                for line in lines:
                    logger.info("[shard %d] %s", number, line.decode("utf-8", "replace"))
    return {number: process.wait() for number, process in processes.items()}


def execute_shards(app: Sphinx) -> None:
    """builder-inited, just before sphinx-gallery: execute the pending examples in shards."""
    jobs = app.config.docs_engine_gallery_jobs
    if (not app.config.docs_engine_gallery_execute or jobs < 2 or app.config.docs_engine_gallery_examples
            or app.config.docs_engine_gallery_shard):
        return
    gallery = build_gallery(app.env)
    planned = plan_shards(pending_examples(gallery), jobs)
    if len(planned) < 2:
        return
    shards_folder = gallery.gallery_folder.parent / "shards"
    shutil.rmtree(shards_folder, ignore_errors=True)
    shards = [Shard(number, examples, shards_folder / str(number))
              for number, examples in enumerate(planned, start=1)]
    links, commands = {}, {}
    for shard in shards:
        links[shard.number] = shard_sources(app, shard.root)
        source = shard.root / Path(app.srcdir).name
        commands[shard.number] = shard_command(app, shard, source)
    sys.stdout.flush()
    sys.stderr.flush()
    statuses = run_side_by_side(commands)
    for shard in shards:
        logger.info("[shard %d] executed: %s", shard.number,
                    ", ".join(Path(name).name for name in shard.examples))
        reported = report_warnings(shard, links[shard.number])
        source = shard.root / Path(app.srcdir).name
        merge_shard(shard, gallery, (source / app.config.docs_engine_gallery_dir).resolve())
        if statuses[shard.number] != 0 and not reported:
            logger.error("shard %d failed (exit status %d): its lines above say why; the"
                         " examples it did not execute are executed again below",
                         shard.number, statuses[shard.number])
    if all(status == 0 for status in statuses.values()):
        shutil.rmtree(shards_folder)


def skip_other_examples(app: Sphinx, config: Config) -> None:
    """config-inited, in a shard's build, once sphinx-gallery has filled its defaults:
    it executes only the shard's examples (a local shard's list, or one machine's
    shard of the shard plan, which may be none)."""
    if not config.docs_engine_gallery_execute:
        return
    # Before the build's environment, and so its gallery, exists: from the settings.
    gallery = Gallery.from_settings(Path(app.srcdir), config.docs_engine_examples_dir, config.docs_engine_gallery_dir)
    if config.docs_engine_gallery_shard:
        wanted = set(machine_shard(app, config, gallery))
    elif config.docs_engine_gallery_examples:
        wanted = set(config.docs_engine_gallery_examples)
    else:
        return
    examples = gallery.examples_folder
    ignored = [source.relative_to(examples).as_posix() for source in sorted(examples.rglob("*.py"))
               if source.relative_to(examples).as_posix() not in wanted]
    sg.skip_examples(config.sphinx_gallery_conf, ignored)


def machine_shard(app: Sphinx, config: Config, gallery: Gallery) -> list[str]:
    """The examples of ``docs_engine_gallery_shard`` ("k/N") in the build's shard plan,
    which must be of these sources (:mod:`docs_engine.execution.shard_plan`); none,
    and an error that fails the build in one line, if it cannot be used."""
    fingerprint = sources_fingerprint(Path(app.confdir), gallery.examples_folder)
    try:
        return shard_examples(plan_path(gallery.gallery_folder.parent), config.docs_engine_gallery_shard,
                              fingerprint)
    except PlanError as error:
        logger.error(str(error))
        return []
