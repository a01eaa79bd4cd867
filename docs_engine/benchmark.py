"""Time the builds a reader, a learner and a translator wait for: ``make benchmark``.

Works on temporary copies of the project, so it never touches ``_build``.
Each measurement is taken ``--repeat`` times, the two sides of every ratio
in the same round, and the medians are printed with the ratios the build
engine is held to:

- a no-change ``make html``: Make finds nothing to do and starts no Sphinx;
- one translation edited in a catalog, ``make html``, against a clean build
  of that language (its catalogs compiled, its pages built);
- a clean ``make html`` (every language) against a clean ``make html-en``;
- the gallery step with the examples side by side against one at a time.

A benchmark, not a test: nothing here fails on a slow machine.
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

from docs_engine.project import copy_project

VENV = Path(sys.prefix)
EDITED_CATALOG = "locales/es/LC_MESSAGES/intro.po"


def make(root: Path, *targets: str) -> float:
    """Seconds ``make`` takes in ``root`` (with this virtual environment)."""
    start = time.perf_counter()
    # -o: never reinstall the editable docs_engine from the temporary copy (see tests/conftest.py).
    subprocess.run(["make", f"VENV={VENV}", f"INSTALLED={VENV}/.installed", "-o",
                    f"{VENV}/.installed", *targets],
                   cwd=root, capture_output=True, text=True, check=True)
    return time.perf_counter() - start


def edit_one_translation(catalog: Path) -> None:
    """Change a paragraph's translation in ``catalog``, as a translator would:
    its page is read and written again, and the pages that list it written again."""
    entries = polib.pofile(str(catalog))
    paragraph = max(entries.translated_entries(), key=lambda entry: len(entry.msgid))
    paragraph.msgstr += " (revisado)"
    entries.save()


def one_round(folder: Path) -> dict[str, float]:
    times = {}
    english = copy_project(folder / "english")
    times["clean make html-en"] = make(english, "html-en")
    both = copy_project(folder / "both")
    times["clean make html"] = make(both, "html")
    times["no-change make html"] = make(both, "html")

    edit_one_translation(both / EDITED_CATALOG)
    times["make html after editing one catalog"] = make(both, "html")
    for built in ("html/es", "doctrees/es", "locales/es"):
        shutil.rmtree(both / "_build" / built)
    for stamp in ("html-es", "catalogs-es"):
        (both / "_build/stamps" / stamp).unlink()
    times["clean make html-es (gallery executed)"] = make(both, "html-es")

    serial, parallel = copy_project(folder / "serial"), copy_project(folder / "parallel")
    times["gallery step, one example at a time"] = make(serial, "gallery", "JOBS=1")
    times["gallery step, side by side"] = make(parallel, "gallery")
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rounds = []
    for number in range(args.repeat):
        with tempfile.TemporaryDirectory() as folder:
            rounds.append(one_round(Path(folder)))
        print(f"round {number + 1} of {args.repeat} done", file=sys.stderr)
    median = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
    for key, seconds in median.items():
        print(f"{key + ':':<45}{seconds:7.2f} s")
    ratios = [
        ("no-change make html (goal <= 0.5 s)", median["no-change make html"], "s"),
        ("catalog edit / clean html-es (goal <= 0.40)",
         median["make html after editing one catalog"]
         / median["clean make html-es (gallery executed)"], "x"),
        ("clean html / clean html-en (goal <= 1.15)",
         median["clean make html"] / median["clean make html-en"], "x"),
        ("gallery side by side / serial (goal <= 0.75)",
         median["gallery step, side by side"]
         / median["gallery step, one example at a time"], "x"),
    ]
    print(f"\nmedians of {args.repeat} rounds")
    for label, value, unit in ratios:
        print(f"{label + ':':<50}{value:6.2f} {unit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
