"""Print each catalog's translated / fuzzy / untranslated counts, and the total.

``make stats``: a table for each translated language, every one
languages.toml lists unless ``--language`` names some; a language with no
catalogs yet says so (``make update-po`` makes them). Fuzzy and untranslated
messages are shown in English on the site until a translator completes them.
A catalog that is not valid gettext stops the tool with msgfmt's
``file:line: problem`` in one line, and exit code 2: its counts would be
wrong (polib reads some broken catalogs without a word).
"""

import argparse
import sys

from docs_engine.project import ROOT
from docs_engine.translation.po_checks import Progress, progress_of
from docs_engine.translators.site_catalogs import (CatalogError, add_language_option, catalog_folder,
                                                   chosen_languages, read_strictly)


def table(language: str) -> str:
    folder = catalog_folder(language)
    paths = sorted(path.relative_to(ROOT) for path in folder.rglob("*.po"))
    if not paths:
        return (f"catalog ({language})\nno catalogs in {folder.relative_to(ROOT)} yet;"
                " `make update-po` makes them")
    rows = [(path.relative_to(folder.relative_to(ROOT)).as_posix(), progress_of(catalog))
            for path, catalog in zip(paths, read_strictly(paths))]
    total = Progress(*(sum(getattr(p, field) for _, p in rows)
                       for field in ("translated", "fuzzy", "untranslated")))
    title = f"catalog ({language})"
    width = max(len(title), *(len(name) for name, _ in rows))
    lines = [f"{title:<{width}}  translated  fuzzy  untranslated  percent"]
    for name, progress in [*rows, ("total", total)]:
        lines.append(f"{name:<{width}}  {progress.translated:>10}  {progress.fuzzy:>5}"
                     f"  {progress.untranslated:>12}  {progress.percent:>6.1f}%")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_language_option(parser)
    args = parser.parse_args(argv)
    try:  # every table is made before any is printed: a broken catalog prints its one line alone
        tables = [table(language) for language in chosen_languages(args.language)]
    except CatalogError as error:
        print(error.line(), file=sys.stderr)
        return 2
    print("\n\n".join(tables))
    return 0


if __name__ == "__main__":
    sys.exit(main())
