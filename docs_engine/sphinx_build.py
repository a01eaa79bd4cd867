"""``sphinx-build`` without the interpreter's clean-up: ``python -m docs_engine.sphinx_build``.

The Makefile runs every Sphinx build through this module. A build leaves
millions of small objects behind (the environment, the doctrees, the
translations); letting the interpreter free them one by one when it exits
took about 0.4 s on our 2-core machine, a quarter of an incremental build
such as the translators' preview. Everything a build writes is written and
closed before ``sphinx.cmd.build.main`` returns, so this module then runs
the ``atexit`` handlers, flushes the standard streams and ends the process
at once with the build's exit status.
"""

import atexit
import os
import sys

from sphinx.cmd.build import main


def run(argv: list[str]) -> None:
    status = main(argv)
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    run(sys.argv[1:])
