"""Print each catalog's translated / fuzzy / untranslated counts, and the total.

``make stats``. Fuzzy and untranslated messages are shown in English on the
site until a translator completes them.
"""

import argparse
import sys
from pathlib import Path

from docs_engine.project import ROOT

from docs_engine.po_checks import Progress, catalog_progress


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="es")
    args = parser.parse_args(argv)
    folder = ROOT / "locales" / args.language / "LC_MESSAGES"
    rows = [(path.relative_to(folder).as_posix(), catalog_progress(str(path)))
            for path in sorted(folder.rglob("*.po"))]
    total = Progress(*(sum(getattr(p, field) for _, p in rows)
                       for field in ("translated", "fuzzy", "untranslated")))
    width = max(len(name) for name, _ in rows)
    print(f"{'catalog':<{width}}  translated  fuzzy  untranslated  percent")
    for name, progress in [*rows, ("total", total)]:
        print(f"{name:<{width}}  {progress.translated:>10}  {progress.fuzzy:>5}"
              f"  {progress.untranslated:>12}  {progress.percent:>6.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
