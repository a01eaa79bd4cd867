"""Time the builds a reader, a learner and a translator wait for: ``make benchmark``.

Works on a temporary copy of the project, so it never touches ``_build``.
Prints one line per measurement, in seconds, and the per-example execution
times sphinx-gallery reports. A benchmark, not a test: nothing here fails on
a slow machine.
"""

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docs_engine.project import copy_project
VENV = Path(sys.prefix)


def make(root: Path, *targets: str) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(["make", f"VENV={VENV}", f"INSTALLED={VENV}/.installed", *targets],
                            cwd=root, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, result.stdout + result.stderr


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        english_only = copy_project(Path(folder) / "english")
        seconds, _ = make(english_only, "html-en")
        print(f"clean build, English only (make html-en):    {seconds:6.1f} s")

        root = copy_project(Path(folder) / "both")
        seconds, log = make(root, "html")
        print(f"clean build, both languages (make html):     {seconds:6.1f} s")
        seconds, _ = make(root, "-j2", "html")
        print(f"no-change rebuild (make -j2 html):           {seconds:6.1f} s")

        catalog = root / "locales/es/LC_MESSAGES/intro.po"
        catalog.write_text(catalog.read_text().replace("Introducción", "Introducción", 1))
        catalog.touch()
        seconds, edit_log = make(root, "html-es")
        html_log = edit_log[edit_log.index("-b html"):]
        rebuilt = re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", html_log)
        print(f"rebuild after editing intro.po (html-es):    {seconds:6.1f} s"
              f"  ({len(rebuilt)} pages written: {', '.join(rebuilt)})")

        for target in ("lint-po", "stats"):
            seconds, _ = make(root, target)
            print(f"make {target}:{' ' * (35 - len(target))}{seconds:6.1f} s")

        print("\nexample execution times (sphinx-gallery):")
        summary = log[log.index("computation time summary:"):]
        for line in summary.splitlines()[1:]:
            if not line.startswith("    -"):
                break
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
