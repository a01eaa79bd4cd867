"""What every layer of the tests shares: the project's root and its tools.

Standard library only, so that every layer may import it, ``tests/unit``
included, which runs without Sphinx, docutils, matplotlib, torch or playwright
(``tests/unit_blocker.py``). The real site's helpers (its pages, logs,
downloads) are in ``tests/site/helpers.py``.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_tool(name: str, *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None):
    """Run one of the translators' tools, as the Makefile does, in ``cwd``."""
    return subprocess.run([sys.executable, "-m", f"docs_engine.translators.{name}", *args],
                          cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})})
