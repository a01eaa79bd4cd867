"""docs_engine.adapters.sphinx_build: a build's process runs every exit handler, ends with
the build's status, and skips the interpreter's teardown."""

import subprocess
import sys

from sphinx import __display_version__

# A build that registers an exit handler (as Sphinx's modules do) and leaves an
# object whose finaliser the interpreter's teardown would run.
BUILD = """
import atexit, sys
from docs_engine.adapters import sphinx_build

class Left:
    def __del__(self):
        print("torn down", flush=True)

def build(argv):
    atexit.register(lambda: print("handler ran", flush=True))
    sys.modules["__main__"].left = Left()
    print("built", *argv, end="\\n")  # the stream is flushed before the end
    return {status}

sphinx_build.run(["-b", "html"], build)
"""


def run_build(status: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BUILD.format(status=status)],
                          capture_output=True, text=True)


def test_exit_handlers_run_and_the_status_is_the_builds():
    for status in (0, 2):
        result = run_build(status)
        assert result.returncode == status
        assert result.stdout.splitlines() == ["built -b html", "handler ran"]


def test_a_build_that_raises_fails():
    result = subprocess.run([sys.executable, "-c", "from docs_engine.adapters import sphinx_build\n"
                             "def build(argv): raise RuntimeError('broken')\n"
                             "sphinx_build.run([], build)"], capture_output=True, text=True)
    assert result.returncode == 1 and "RuntimeError: broken" in result.stderr


def test_a_real_sphinx_build_command_line_answers():
    result = subprocess.run([sys.executable, "-m", "docs_engine.adapters.sphinx_build", "--version"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and __display_version__ in result.stdout
