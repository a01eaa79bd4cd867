"""Print each catalog's translated / fuzzy / untranslated counts, and the total.

``make stats``: a table for each translated language. Fuzzy and untranslated
messages are shown in English on the site until a translator completes them.
"""

import argparse
import sys

from docs_engine.translation.po_checks import Progress, catalog_progress
from docs_engine.translators.site_catalogs import add_language_option, catalog_folder, chosen_languages


def print_table(language: str) -> None:
    folder = catalog_folder(language)
    rows = [(path.relative_to(folder).as_posix(), catalog_progress(str(path)))
            for path in sorted(folder.rglob("*.po"))]
    total = Progress(*(sum(getattr(p, field) for _, p in rows)
                       for field in ("translated", "fuzzy", "untranslated")))
    title = f"catalog ({language})"
    width = max(len(title), *(len(name) for name, _ in rows))
    print(f"{title:<{width}}  translated  fuzzy  untranslated  percent")
    for name, progress in [*rows, ("total", total)]:
        print(f"{name:<{width}}  {progress.translated:>10}  {progress.fuzzy:>5}"
              f"  {progress.untranslated:>12}  {progress.percent:>6.1f}%")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_language_option(parser)
    args = parser.parse_args(argv)
    for number, language in enumerate(chosen_languages(args.language)):
        if number:
            print()
        print_table(language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
