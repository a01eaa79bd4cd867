"""Merge the English templates into the catalogs: ``make update-po``.

GNU ``msgmerge --previous`` merges each template into its catalog: every
translation is kept, a message whose English changed keeps the translation
of its closest old message, marked fuzzy, with the English it translated in
``#|`` lines (kept from one update to the next until a translator reviews
it), and every message gets the extracted comments (``#.``) its template
has now, such as the mark of figure text. The merged catalog is written back
in the project's one wrapping (:func:`~docs_engine.translation.po_checks.formatted`),
and only when its messages, their ``#|`` lines or their comments changed, so
that a template's new date alone changes nothing. A template without a
catalog (a new page, a new language) becomes one.

The ``sphinx`` domain's catalog is left out: ``sphinx.po`` completes the
theme's and Sphinx's own catalogs message by message
(:mod:`docs_engine.translation.theme_messages`), while ``sphinx.pot`` lists the messages
of every template the gettext build finds, the theme's included.

Messages the English no longer has (obsolete entries, ``#~``) leave the
catalogs; their translations go first into the language's translation
memory, ``locales/<lang>/memory.po``, where ``make find-po`` finds them
(:mod:`docs_engine.translators.memory`).

The languages are every one languages.toml translates, unless ``--language``
names some. A catalog that is not valid gettext would be merged as a parser
guesses it: then nothing is written, each broken catalog (or memory) is named
with its line in msgfmt's words, and the exit code is 2.
"""

import argparse
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from docs_engine.project import ROOT
from docs_engine.translation.po_checks import formatted, read_catalog
from docs_engine.translators.memory import memory_file, retire
from docs_engine.translators.site_catalogs import (CatalogError, add_language_option, catalog_folder,
                                                   chosen_languages, syntax_error)

# Templates that are not merged (see above).
NOT_MERGED = {"sphinx.pot"}
# msgmerge keeps the `#|` lines of an obsolete message (as `#~|`), which Babel
# cannot read; an obsolete message leaves the catalog without them anyway.
_OBSOLETE_PREVIOUS = re.compile(rb"^#~\|.*\n", re.M)


def merge(catalog: Path, template: Path) -> Catalog:
    """The catalog with the template merged in by GNU msgmerge, as Babel reads it."""
    result = subprocess.run(["msgmerge", "--previous", "--quiet", "--output-file=-", str(catalog), str(template)],
                            capture_output=True)
    if result.returncode != 0:
        raise CatalogError(result.stderr.decode(errors="replace").strip()
                           or f"msgmerge could not merge {template} into {catalog}")
    return read_catalog(catalog, _OBSOLETE_PREVIOUS.sub(b"", result.stdout))


def _messages(catalog: Catalog) -> dict:
    return {message.id: (message.previous_id, message.auto_comments) for message in catalog if message.id}


def needs_writing(merged: Catalog, catalog: Path) -> bool:
    """Whether the merge changed the catalog's messages, their ``#|`` lines or comments,
    or left messages obsolete: a template's new date alone changes nothing."""
    return bool(merged.obsolete) or _messages(merged) != _messages(read_catalog(catalog))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pot-dir", required=True, type=Path)
    add_language_option(parser)
    args = parser.parse_args(argv)
    try:
        languages = chosen_languages(args.language)
    except CatalogError as error:
        print(error.line(), file=sys.stderr)
        return 2
    templates = sorted(template for template in args.pot_dir.rglob("*.pot")
                       if template.relative_to(args.pot_dir).as_posix() not in NOT_MERGED)
    catalogs = {language: [catalog_folder(language) / template.relative_to(args.pot_dir).with_suffix(".po")
                           for template in templates] for language in languages}
    checked = [path.relative_to(ROOT) for language in languages for path in
               [*sorted(catalog_folder(language).rglob("*.po")), memory_file(language)] if path.is_file()]
    with ThreadPoolExecutor() as pool:
        errors = [error for error in pool.map(syntax_error, checked) if error]
        if errors:
            print("\n".join(errors), file=sys.stderr)
            return 2
        try:  # msgmerge runs as a process for each catalog, side by side
            merged = {language: list(pool.map(
                lambda pair: merge(*pair) if pair[0].is_file() else None, zip(paths, templates)))
                for language, paths in catalogs.items()}
        except CatalogError as error:
            print(f"msgmerge failed: {error}", file=sys.stderr)
            return 1
    for language, paths in catalogs.items():
        created, updated, retired = {}, {}, {}
        for path, template, catalog in zip(paths, templates, merged[language]):
            if catalog is None:  # a new catalog: the template's messages, none translated
                with template.open("rb") as source:
                    created[path] = read_po(source, locale=language)
                continue
            if catalog.obsolete:
                retired[path.relative_to(catalog_folder(language)).as_posix()] = catalog
            if needs_writing(catalog, path):
                updated[path] = catalog
        # The memory first: if writing it fails, the catalogs still hold everything.
        kept = retire(language, retired)
        left = sum(len(catalog.obsolete) for catalog in retired.values())
        for path, catalog in [*created.items(), *updated.items()]:
            catalog.obsolete.clear()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(formatted(catalog))
            print(f"{'Create' if path in created else 'Update'}: {path.relative_to(ROOT)}")
        if retired:
            print(f"{left} obsolete messages left {len(retired)} catalogs; {kept} new translations"
                  f" kept in {memory_file(language).relative_to(ROOT)}, where `make find-po` finds them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
