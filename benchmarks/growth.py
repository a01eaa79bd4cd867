"""How the builds grow with the number of examples and of languages: ``make benchmark-growth``.

A generated project (:func:`generated_project`): the site's Makefile, ``conf.py``
and engine, the tiny test project's pages (``tests/tinysite/docs``), and a
gallery of small examples in sections of ten, each drawing a figure, in as many
languages as asked, each with a catalog for every page (generated: the tiny
example's Spanish, numbered). For each point (examples, languages) it times, one
after another on this machine:

- the gallery step executing every example, one at a time (``JOBS=1``);
- the gallery step again with every example current (what the merging job of a
  sharded build does: indexes, zips, checks; nothing executes);
- the languages, one after another (``make html JOBS=1``);
- a no-change ``make html``, one example edited, one catalog edited.

It then spreads the real examples' recorded times (``_build/gallery``'s
``*.cost.json`` of this checkout, when it has been built) over 1 to 8
shards by the plan the gallery's shards follow, and fits the cost model of
README ("What a build costs") to the measurements (:class:`CostModel`); it
prints what that predicts for 200 examples on 15 shards. ``--save`` keeps the
measurements, ``--load`` fits saved ones again without measuring.

Last, the real site (``--real-shards N``, 3 by default): built on one machine,
and with its gallery executed in N shards on copies of their own and merged
on another (``make shard-plan``, ``make gallery SHARD=k/N``, ``make
merge-shards``, ``make html``), timed, and the two sites compared byte for
byte.

A benchmark, not a test: nothing here fails on a slow machine. One round,
modest sizes (the defaults take 10 to 20 minutes on two shared cores).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.build import make
from docs_engine.execution.shards import plan_shards
from docs_engine.project import ROOT, copy_project

TINYSITE = ROOT / "tests" / "tinysite"
TINY_EXAMPLE = TINYSITE / "examples/basics/plot_1_tiny.py"
TINY_CATALOG = TINYSITE / "locales/es/LC_MESSAGES/examples/basics/plot_1_tiny.po"
TINY_TITLE = "Tiny: a constant by gradient descent"
# Translated languages, in the order a point adds them (the catalogs are Spanish's: sizes count).
TRANSLATIONS = {"es": "Español", "fr": "Français", "de": "Deutsch", "it": "Italiano"}
CHROME_CATALOGS = ("extensions.po", "sphinx.po", "sphinx.js")
SECTION_SIZE = 10


def generated_project(root: Path, examples: int, languages: int) -> Path:
    """A project of ``examples`` examples in sections of ten and ``languages`` languages."""
    copy_project(root)
    for page in (root / "docs").glob("*.md"):
        page.unlink()
    for page in (TINYSITE / "docs").glob("*.md"):
        # The comparison compares the first example (the tiny project's, renamed).
        text = page.read_text().replace("examples/basics/plot_1_tiny", "examples/section_01/plot_1_example")
        (root / "docs" / page.name).write_text(text)
    shutil.rmtree(root / "examples")
    shutil.rmtree(root / "locales")
    (root / "examples").mkdir()
    shutil.copy(TINYSITE / "examples/GALLERY_HEADER.rst", root / "examples")
    codes = ["en", *list(TRANSLATIONS)[:languages - 1]]
    (root / "languages.toml").write_text(
        "".join(f'{code} = "{TRANSLATIONS.get(code, "English")}"\n' for code in codes), encoding="utf-8")
    tiny, catalog = TINY_EXAMPLE.read_text(), TINY_CATALOG.read_text()
    for number in range(1, examples + 1):
        section = f"section_{(number - 1) // SECTION_SIZE + 1:02}"
        title = f"Example {number}: a constant by gradient descent"
        folder = root / "examples" / section
        if not folder.exists():
            folder.mkdir()
            (folder / "GALLERY_HEADER.rst").write_text(f"{section}\n{'=' * len(section)}\n\nExamples.\n")
        (folder / f"plot_{number}_example.py").write_text(
            tiny.replace(TINY_TITLE, title).replace("=" * len(TINY_TITLE), "=" * len(title)))
        for code in codes[1:]:
            po = root / "locales" / code / "LC_MESSAGES" / "examples" / section / f"plot_{number}_example.po"
            po.parent.mkdir(parents=True, exist_ok=True)
            po.write_text(catalog.replace(f'msgid "{TINY_TITLE}"', f'msgid "{title}"')
                          .replace("Language: es", f"Language: {code}")
                          .replace("Diminuto:", f"Ejemplo {number}:"), encoding="utf-8")
    for code in codes[1:]:
        messages = root / "locales" / code / "LC_MESSAGES"
        for name in CHROME_CATALOGS:
            shutil.copy(ROOT / "locales/es/LC_MESSAGES" / name, messages / name)
        shutil.copy(TINYSITE / "locales/es/LC_MESSAGES/index.po", messages / "index.po")
    return root


def edit_example(root: Path) -> None:
    example = next((root / "examples").rglob("plot_1_example.py"))
    example.write_text(example.read_text() + "# Edited.\n")


def edit_catalog(root: Path) -> None:
    catalog = next((root / "locales").rglob("plot_1_example.po"), None)
    if catalog:  # an English-only project has none
        catalog.write_text(catalog.read_text().replace("Bastan tres pasos.", "Bastan tres pasos (revisado)."))


def measure(folder: Path, examples: int, languages: int) -> dict[str, float]:
    root = generated_project(folder / f"e{examples}-l{languages}", examples, languages)
    times = {"execute": make(root, "gallery", "JOBS=1")}
    (root / "_build/stamps/gallery").unlink()
    times["finish gallery"] = make(root, "gallery", "JOBS=1")
    times["languages"] = make(root, "html", "JOBS=1")
    times["no change"] = make(root, "html", "JOBS=1")
    edit_example(root)
    times["one example edited"] = make(root, "html", "JOBS=1")
    if languages > 1:
        edit_catalog(root)
        times["one catalog edited"] = make(root, "html", "JOBS=1")
    shutil.rmtree(root)
    return times


def fit(rows: list[list[float]], values: list[float]) -> list[float]:
    """Least squares: the coefficients ``c`` making ``sum(c[i] * row[i])`` nearest each value."""
    import numpy  # matplotlib's, installed with the site

    return list(numpy.linalg.lstsq(numpy.array(rows, dtype=float), numpy.array(values, dtype=float),
                                   rcond=None)[0])


@dataclass
class CostModel:
    """Seconds, one process at a time, for E examples in L languages (README, "What a build costs")."""

    execute: list[float]  # a + x·E: the gallery step executing every example
    finish: list[float]  # c + f·E: the gallery step with every example current
    languages: list[float]  # h + p·E·L: every page written once per language
    example_edit: list[float]  # d + e·E·L
    catalog_edit: list[float]  # k + m·E

    @classmethod
    def fitted(cls, results: dict[tuple[int, int], dict[str, float]]) -> "CostModel":
        points = list(results.items())
        translated = [(e, t) for (e, lang), t in points if lang > 1]
        return cls(
            execute=fit([[1, e] for (e, _), _ in points], [t["execute"] for _, t in points]),
            finish=fit([[1, e] for (e, _), _ in points], [t["finish gallery"] for _, t in points]),
            languages=fit([[1, lang * e] for (e, lang), _ in points], [t["languages"] for _, t in points]),
            example_edit=fit([[1, e * lang] for (e, lang), _ in points],
                             [t["one example edited"] for _, t in points]),
            catalog_edit=fit([[1, e] for e, _ in translated], [t["one catalog edited"] for _, t in translated]),
        )

    def gallery_finished(self, examples: int) -> float:
        return self.finish[0] + self.finish[1] * examples

    def languages_built(self, examples: int, languages: int) -> float:
        h, p = self.languages
        return h + p * examples * languages

    def describe(self) -> str:
        (a, x), (c, f), (h, p) = self.execute, self.finish, self.languages
        (d, e), (k, m) = self.example_edit, self.catalog_edit
        return (f"execute {a:.2f} + {x:.3f}·E; finish the gallery {c:.2f} + {f:.4f}·E;"
                f" languages {h:.2f} + {p:.4f}·E·L;"
                f" one example edited {d:.2f} + {e:.4f}·E·L; one catalog edited {k:.2f} + {m:.4f}·E")


def recorded_times(gallery: Path) -> dict[str, float]:
    return {cost.relative_to(gallery).as_posix(): json.loads(cost.read_text())["time"]
            for cost in sorted(gallery.rglob("*.cost.json"))}


def spread(times: dict[str, float], shards: int) -> float:
    """The longest shard's total when the plan spreads ``times`` over ``shards``."""
    return max(sum(times[name] for name in shard) for shard in plan_shards(times, shards))


def sharded_real_site(folder: Path, count: int) -> tuple[dict[str, float], bool]:
    """The real site built on one machine, and with its gallery executed in ``count``
    shards on machines of their own (copies) and merged on another: the seconds
    of each, and whether the two sites are the same bytes."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")  # no build time on the pages
    one, merging = copy_project(folder / "one"), copy_project(folder / "merging")
    times = {"one machine: make html": make(one, "html")}
    times["merging machine: make shard-plan"] = make(merging, "shard-plan", f"SHARDS={count}")
    plan = merging / "_build" / "shard-plan.json"
    for number in range(1, count + 1):
        shard_machine = copy_project(folder / f"machine-{number}")
        (shard_machine / "_build").mkdir()
        shutil.copy(plan, shard_machine / "_build")
        times[f"machine {number}: make gallery SHARD={number}/{count}"] = make(
            shard_machine, "gallery", f"SHARD={number}/{count}")
        shutil.copytree(shard_machine / "_build/shard-artifacts" / str(number),
                        merging / "_build/shard-artifacts" / f"gallery-shard-{number}")
    times["merging machine: make merge-shards"] = make(merging, "merge-shards")
    times["merging machine: make html"] = make(merging, "html")
    html = [root / "_build/html" for root in (one, merging)]
    files = [sorted(p.relative_to(tree) for p in tree.rglob("*") if p.is_file()) for tree in html]
    same = files[0] == files[1] and all((html[0] / f).read_bytes() == (html[1] / f).read_bytes()
                                        for f in files[0])
    return times, same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, nargs="+", default=[25, 50, 100])
    parser.add_argument("--languages", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--base-examples", type=int, default=50, help="the examples of the languages' series")
    parser.add_argument("--base-languages", type=int, default=2, help="the languages of the examples' series")
    parser.add_argument("--real-shards", type=int, default=3,
                        help="build the real site from this many shards too, and compare (0: do not)")
    parser.add_argument("--save", type=Path, help="write the measurements to this JSON file")
    parser.add_argument("--load", type=Path, nargs="+",
                        help="fit the measurements of these JSON files (each point's median); measure nothing")
    args = parser.parse_args(argv)
    points = sorted({(e, args.base_languages) for e in args.examples}
                    | {(args.base_examples, lang) for lang in args.languages})
    rounds: dict[tuple[int, int], list[dict[str, float]]] = {}
    if args.load:
        for saved in args.load:
            for e, lang, times in json.loads(saved.read_text()):
                rounds.setdefault((e, lang), []).append(times)
    else:
        with tempfile.TemporaryDirectory() as folder:
            for examples, languages in points:
                start = time.perf_counter()
                rounds[examples, languages] = [measure(Path(folder), examples, languages)]
                print(f"{examples} examples, {languages} languages: measured in"
                      f" {time.perf_counter() - start:.0f} s", file=sys.stderr)
    if args.save:
        args.save.write_text(json.dumps([[e, lang, times] for (e, lang), measured in rounds.items()
                                         for times in measured], indent=1))
    results = {point: {key: statistics.median(times[key] for times in measured)
                       for key in measured[0]} for point, measured in sorted(rounds.items())}
    keys = ["execute", "finish gallery", "languages", "no change", "one example edited", "one catalog edited"]
    print("examples languages " + " ".join(f"{key:>18}" for key in keys)
          + f"   (seconds, JOBS=1; medians of {len(next(iter(rounds.values())))} rounds)")
    for (examples, languages), times in results.items():
        print(f"{examples:8} {languages:9} " + " ".join(
            f"{times[key]:18.2f}" if key in times else f"{'-':>18}" for key in keys))

    model = CostModel.fitted(results)
    print(f"\ncost model (seconds, one process at a time): {model.describe()}")

    real = recorded_times(ROOT / "_build/gallery")
    if real:
        total = sum(real.values())
        print(f"\nthe real examples' recorded times ({len(real)} examples, {total:.2f} s in all)"
              " spread over N shards by the plan:")
        for shards in range(1, 9):
            longest = spread(real, shards)
            print(f"  N={shards}: longest shard {longest:.2f} s, {total / shards / longest:.0%} of an even split")
        # 200 examples with the real ones' times, each 25 times over, on 15 shards.
        scaled = {f"{copy}/{name}": seconds for copy in range(200 // len(real) + 1)
                  for name, seconds in real.items()}
        scaled = dict(list(scaled.items())[:200])
        longest = spread(scaled, 15)
        shard_job = model.execute[0] + longest
        for languages in (2, 4):
            merge_job = model.gallery_finished(200) + model.languages_built(200, languages)
            print(f"\n200 examples of the real ones' times on 15 shards, {languages} languages:"
                  f" a shard job {shard_job:.0f} s (its longest shard {longest:.1f} s of execution),"
                  f" the merging job {merge_job:.0f} s (the gallery finished in"
                  f" {model.gallery_finished(200):.0f} s, the languages one at a time in"
                  f" {model.languages_built(200, languages):.0f} s): about {shard_job + merge_job:.0f} s,"
                  f" against {model.execute[0] + sum(scaled.values()) + merge_job:.0f} s on one machine"
                  " executing one example at a time")
    else:
        print("\nno recorded times: build the site (make html) for the shards' spread")
    if args.real_shards:
        with tempfile.TemporaryDirectory() as folder:
            sharded, same = sharded_real_site(Path(folder), args.real_shards)
        print(f"\nthe real site, its gallery in {args.real_shards} shards on machines of their own (copies):")
        for step, seconds in sharded.items():
            print(f"  {step + ':':<52}{seconds:7.2f} s")
        print(f"  the sites built on one machine and from the merged shards are"
              f" {'the same bytes' if same else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as error:  # what make said, not only that it failed
        sys.exit(f"{' '.join(error.cmd)} failed:\n" + "\n".join((error.stdout + error.stderr).splitlines()[-15:]))
