"""Execute the gallery's examples side by side, inside the gallery step's one Sphinx run.

sphinx-gallery executes a gallery's sections one after another, so its own
``parallel`` option can only run examples of the same section side by side,
and the longest example of the series (the dynamic network) would hold back
the whole step. Just before sphinx-gallery generates the gallery, this
extension splits the examples that need executing into ``gallery_jobs``
shards of about equal running time (the longest first, by the time each took
last time), and forks one process per shard: each starts from the Sphinx
application already set up, so Sphinx and its extensions are not loaded
again (each imports the examples' own packages, such as torch, for itself,
side by side with the other), and runs sphinx-gallery with the other shards'
examples ignored
(:func:`docs_engine.sphinx_gallery_adapter.execute_only`). Their lines are
printed as they come, prefixed ``[shard N]``; each shard's last line names the
examples it executed (``[shard N] executed: plot_1_numpy.py, ...``).

When every shard has finished, sphinx-gallery's own run in the main process
finds every example current (it skips them by checksum) and writes what
covers the whole gallery: the indexes, the thumbnails, the zips; the
execution step then checks every example against the contract
(:mod:`docs_engine.gallery_execution`). An example that failed in a shard has
no checksum, so that run executes it again and reports it as it reports any
failing example: with its name and traceback, failing the build.

With one job, one example to execute, or no ``os.fork`` (not POSIX),
nothing happens here and sphinx-gallery executes the examples itself. The
outputs are the same either way: each example is executed once, by the same
code, in a process of its own or the main one.

The Makefile's gallery step sets the number of shards::

    sphinx-build -D gallery_jobs=2 ...
"""

import ast
import os
import sys
import threading
import traceback
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from docs_engine import sphinx_gallery_adapter as sg
from docs_engine.gallery_execution import galleries

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


def pending_examples(examples: Path, gallery: Path) -> dict[str, float]:
    """The examples sphinx-gallery would execute, each with its expected cost.

    The cost is the seconds it took last time; if any example has never run
    (a clean build), every one is weighed by its loop iterations instead.
    """
    pending = {
        source.relative_to(examples).as_posix(): sg.last_running_time(gallery_copy, None)
        for source in sorted(examples.rglob("plot_*.py"))
        if sg.needs_execution(source, gallery_copy := gallery / source.relative_to(examples))
    }
    if None in pending.values():
        return {name: float(loop_iterations((examples / name).read_text(encoding="utf-8")))
                for name in pending}
    return pending


def _stream(pipe, prefix: str) -> None:
    with os.fdopen(pipe, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            sys.stdout.write(prefix + line)
            sys.stdout.flush()


def _execute_shard(app: Sphinx, ignored: list[str], output: int) -> int:
    """In a forked process: execute one shard, printing into ``output``; its exit code."""
    os.dup2(output, 1)
    os.dup2(output, 2)
    try:
        passed, failed = sg.execute_only(app, ignored)
        logger.info("executed: %s", ", ".join(source.name for source in passed + failed))
        return 1 if failed else 0
    except BaseException:  # a shard must never return into the main process's build
        traceback.print_exc()
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def execute_shards(app: Sphinx) -> None:
    """builder-inited, just before sphinx-gallery: execute the pending examples in shards."""
    jobs = app.config.gallery_jobs
    if not app.config.gallery_execute or jobs < 2 or not hasattr(os, "fork"):
        return
    pending = {}
    for examples, gallery in galleries(app):
        pending |= pending_examples(examples, gallery)
    shards = plan_shards(pending, jobs)
    if len(shards) < 2:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    children = []
    for number, shard in enumerate(shards, start=1):
        ignored = [name for other in shards if other is not shard for name in other]
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            os._exit(_execute_shard(app, ignored, write_end))
        os.close(write_end)
        reader = threading.Thread(target=_stream, args=(read_end, f"[shard {number}] "))
        reader.start()
        children.append((number, pid, reader))
    for number, pid, reader in children:
        reader.join()
        if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0:
            logger.info("shard %d did not execute all its examples: the gallery run"
                        " below executes them again and reports what fails", number)


def setup(app: Sphinx) -> dict:
    app.setup_extension("docs_engine.gallery_execution")
    # Set by the Makefile's gallery step: how many examples to execute side by side.
    app.add_config_value("gallery_jobs", 1, "", types=[int])
    # After the execution step has removed stale outputs and forgotten the
    # examples to run again (docs_engine.figure_record), before sphinx-gallery.
    app.connect("builder-inited", execute_shards, priority=sg.GENERATES_GALLERY_AT - 10)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
