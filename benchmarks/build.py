"""Time the builds a reader, a learner and a translator wait for: ``make benchmark``.

Works on temporary copies of the project, so it never touches ``_build``.
Each measurement is taken ``--repeat`` times. The two sides of every ratio
run back to back in the same round, in the other order every other round,
and the medians are printed with the median of each ratio's rounds, for the
ratios the build engine is held to:

- a no-change ``make html``: Make finds nothing to do and starts no Sphinx;
- one translation edited in a catalog, ``make html``, against a clean build
  of that language (its catalogs compiled, its pages built);
- a clean ``make html`` (every language) against a clean ``make html-en``;
- the gallery step with the examples side by side against one at a time.

It ends on the weight of each kind of page of the clean build, in each
theme and screen density (:mod:`benchmarks.page_weight`).

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

from benchmarks import page_weight
from docs_engine.project import copy_project

VENV = Path(sys.prefix)
EDITED_CATALOG = "locales/es/LC_MESSAGES/intro.po"


def make(root: Path, *targets: str) -> float:
    """Seconds ``make`` takes in ``root`` (with this virtual environment)."""
    start = time.perf_counter()
    # -o: never reinstall the editable docs_engine from the temporary copy
    # (see tests/site/conftest.py).
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


def in_turn(first, second, swapped: bool) -> None:
    """Run two measurements back to back, ``second`` first when ``swapped``: a
    machine that speeds up or slows down during a round then favours neither
    side of a ratio over the rounds."""
    for measure in ((second, first) if swapped else (first, second)):
        measure()


def one_round(folder: Path, swapped: bool) -> tuple[dict[str, float], str]:
    times = {}
    english, both = copy_project(folder / "english"), copy_project(folder / "both")

    def clean_english():
        times["clean make html-en"] = make(english, "html-en")

    def clean_all():
        times["clean make html"] = make(both, "html")

    in_turn(clean_english, clean_all, swapped)
    weights = page_weight.table(both / "_build" / "html")
    times["no-change make html"] = make(both, "html")

    def edit():
        edit_one_translation(both / EDITED_CATALOG)
        times["make html after editing one catalog"] = make(both, "html")

    def clean_spanish():
        for built in ("html/es", "doctrees/es", "locales/es"):
            shutil.rmtree(both / "_build" / built)
        for stamp in ("html-es", "catalogs-es"):
            (both / "_build/stamps" / stamp).unlink()
        times["clean make html-es (gallery executed)"] = make(both, "html-es")

    in_turn(edit, clean_spanish, swapped)

    serial, parallel = copy_project(folder / "serial"), copy_project(folder / "parallel")

    def one_at_a_time():
        times["gallery step, one example at a time"] = make(serial, "gallery", "JOBS=1")

    def side_by_side():
        times["gallery step, side by side"] = make(parallel, "gallery")

    in_turn(one_at_a_time, side_by_side, swapped)
    return times, weights


# The ratios the build engine is held to: (label, numerator, denominator).
RATIOS = [
    ("catalog edit / clean html-es (goal <= 0.40)",
     "make html after editing one catalog", "clean make html-es (gallery executed)"),
    ("clean html / clean html-en (goal <= 1.15)", "clean make html", "clean make html-en"),
    ("gallery side by side / serial (goal <= 0.75)",
     "gallery step, side by side", "gallery step, one example at a time"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rounds = []
    for number in range(args.repeat):
        with tempfile.TemporaryDirectory() as folder:
            times, weights = one_round(Path(folder), swapped=number % 2 == 1)
            rounds.append(times)
        print(f"round {number + 1} of {args.repeat} done", file=sys.stderr)
    for key in rounds[0]:
        seconds = statistics.median(r[key] for r in rounds)
        print(f"{key + ':':<45}{seconds:7.2f} s")
    print(f"\nmedians of {args.repeat} rounds; each ratio is taken within a round")
    no_change = statistics.median(r["no-change make html"] for r in rounds)
    print(f"{'no-change make html (goal <= 0.5 s):':<50}{no_change:6.2f} s")
    for label, numerator, denominator in RATIOS:
        ratios = [r[numerator] / r[denominator] for r in rounds]
        rounds_shown = " ".join(f"{ratio:.2f}" for ratio in ratios)
        print(f"{label + ':':<50}{statistics.median(ratios):6.2f} x   (rounds: {rounds_shown})")
    print(f"\n{weights}")  # the same in every round: the same sources, built clean
    return 0


if __name__ == "__main__":
    sys.exit(main())
