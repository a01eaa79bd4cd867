"""Time the translator's desk: ``python -m benchmarks.translator_desk``.

Runs ``make todo``, ``make find-po`` and ``make review-po`` as a translator
types them, several times each, on a copy of the project's catalogs and on a
copy whose catalogs hold ten times as many messages (each message nine more
times, with a numbered English; one in ten of them fuzzy, one in ten
untranslated), and prints the median seconds. A benchmark, not a test:
nothing here fails on a slow machine. Never touches the project itself.
"""

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from babel.messages.catalog import Message

from docs_engine.translation.po_checks import formatted, read_catalog
from docs_engine.project import copy_project
from docs_engine.translators.site_catalogs import catalog_folder

VENV = Path(sys.prefix)
RUNS = 7
CHANGED = "examples/nn/plot_5_nn.po"  # the catalog a pull request changes


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.org",
                    *args], cwd=root, check=True, capture_output=True)


def tenfold(root: Path) -> None:
    """Each catalog's messages ten times over, the copies numbered."""
    for path in catalog_folder("es", root).rglob("*.po"):
        catalog = read_catalog(path)
        originals = [m for m in catalog if m.id]
        for copy in range(1, 10):
            for number, message in enumerate(originals):
                state = (copy * len(originals) + number) % 10
                catalog[f"{message.id} ({copy})"] = Message(
                    f"{message.id} ({copy})", "" if state == 0 else f"{message.string} ({copy})",
                    flags={"fuzzy"} if state == 1 else set(), previous_id=[message.id] if state == 1 else [])
        path.write_bytes(formatted(catalog))


def project(folder: Path, name: str, scale: bool) -> tuple[Path, int]:
    """A committed copy of the project, then one changed translation; and its number of messages."""
    root = copy_project(folder / name)
    if scale:
        tenfold(root)
    git(root, "init", "--quiet")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", "benchmark")
    changed = catalog_folder("es", root) / CHANGED
    catalog = read_catalog(changed)
    message = next(m for m in catalog if m.id and m.string)
    message.string += " (revisado)"
    changed.write_bytes(formatted(catalog))
    messages = sum(len([m for m in read_catalog(p) if m.id]) for p in catalog_folder("es", root).rglob("*.po"))
    return root, messages


def median_seconds(root: Path, *arguments: str) -> str:
    """The median wall-clock and CPU seconds of a make command, as ``wall / CPU``."""
    command = ["make", "--silent", f"VENV={VENV}", f"INSTALLED={VENV}/.installed",
               "--old-file", f"{VENV}/.installed", *arguments]
    walls, cpus = [], []
    for _ in range(RUNS):
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=root, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime)
    return f"{statistics.median(walls):.2f} / {statistics.median(cpus):.2f}"


COMMANDS = [
    ("make todo", ["todo"]),
    ("make todo LIMIT=0", ["todo", "LIMIT=0"]),
    ("make find-po TERM=loss", ["find-po", "TERM=loss"]),
    ("make review-po BASE=HEAD (1 catalog)", ["review-po", "BASE=HEAD"]),
]


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        real, real_messages = project(Path(folder), "real", scale=False)
        scaled, scaled_messages = project(Path(folder), "tenfold", scale=True)
        print(f"median of {RUNS} runs, seconds (wall / CPU){'':4}{real_messages:>6} messages"
              f"  {scaled_messages:>6} messages")
        for label, arguments in COMMANDS:
            print(f"{label:<44}{median_seconds(real, *arguments):>12}"
                  f"{median_seconds(scaled, *arguments):>17}")
        # The worst case of a review: every catalog changed.
        for root in (real, scaled):
            for path in catalog_folder("es", root).rglob("*.po"):
                catalog = read_catalog(path)
                message = next((m for m in catalog if m.id and m.string), None)
                if message:
                    message.string += " (revisado)"
                    path.write_bytes(formatted(catalog))
        arguments = ("review-po", "BASE=HEAD")
        print(f"{'make review-po BASE=HEAD (every catalog)':<44}{median_seconds(real, *arguments):>12}"
              f"{median_seconds(scaled, *arguments):>17}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
