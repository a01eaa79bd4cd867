"""``sphinx-build`` without the interpreter's teardown: ``python -m docs_engine.adapters.sphinx_build``.

The Makefile runs every Sphinx build through this module. A build leaves
millions of small objects behind (the environment, the doctrees, the
translations); the interpreter frees them one by one when it exits, after
the exit handlers: 0.45 s of the 2.5 s a catalog edit's rebuild of the
Spanish site took on our 2-core machine. Everything a build writes is
written and closed before ``sphinx.cmd.build.main`` returns.

So the process ends as Python ends any program (``sys.exit``, which runs
every exit handler: logging's, multiprocessing's, Sphinx's), and the last
handler, registered before Sphinx is imported, flushes the standard streams
and ends the process with the build's status (``os._exit``), before the
teardown. Only public APIs: ``atexit.register`` runs handlers last-in,
first-out, and ``os._exit`` ends a process without its clean-up.
"""

import atexit
import os
import sys
from collections.abc import Callable


def run(argv: list[str], build: Callable[[list[str]], int] | None = None) -> None:
    """Run ``build`` (sphinx-build's ``main``) on ``argv``, then end the process."""
    status = 1  # a build that raises ends as a failure

    def end_before_teardown() -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)

    atexit.register(end_before_teardown)  # first registered, so the last to run
    if build is None:
        from sphinx.cmd.build import main as build  # its handlers run before ours
    try:
        status = build(argv)
    except SystemExit as stop:  # its command line's own exits (--help, --version)
        status = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
        raise
    sys.exit(status)


if __name__ == "__main__":
    run(sys.argv[1:])
