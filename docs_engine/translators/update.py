"""Merge the English templates into the catalogs: ``make update-po``.

Runs ``sphinx-intl update``, which keeps every translation and marks a
translation fuzzy when its English message changed. sphinx-intl does not
record what the English said before; this script adds it, as the ``#|``
lines PO editors show next to a fuzzy message, so the translator sees
exactly what changed. It also gives every message the extracted comments
(``#.``) its template has now, such as the mark of figure text: sphinx-intl
rewrites a catalog only when its set of messages changed.

The ``sphinx`` domain's catalog is left out: ``sphinx.po`` completes the
theme's and Sphinx's own catalogs message by message
(:mod:`docs_engine.translation.theme_messages`), while ``sphinx.pot`` lists the messages
of every template the gettext build finds, the theme's included.

Messages the English no longer has (obsolete entries, ``#~``) leave the
catalogs; their translations go first into the language's translation
memory, ``locales/<lang>/memory.po``, where ``make find-po`` finds them
(:mod:`docs_engine.translators.memory`).

The languages are every one languages.toml translates, unless ``--language``
names some; a new language's catalogs are made from the templates. A catalog
that is not valid gettext would be merged as a parser guesses it: then
nothing is written, each broken catalog (or memory) is named with its line
in msgfmt's words, and the exit code is 2.
"""

import argparse
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from babel.messages.pofile import read_po

from docs_engine.project import ROOT

from docs_engine.translation.po_checks import LINE_WIDTH, formatted, read_catalog as read
from docs_engine.translators.memory import memory_file, retire
from docs_engine.translators.site_catalogs import (CatalogError, add_language_option, catalog_folder,
                                                   chosen_languages, syntax_error)


def copy_extracted_comments(template: Path, catalog) -> bool:
    """Give the catalog's messages the template's extracted comments; whether any changed."""
    with template.open("rb") as source:
        comments = {message.id: message.auto_comments for message in read_po(source) if message.id}
    changed = False
    for message in catalog:
        if message.id in comments and message.auto_comments != comments[message.id]:
            message.auto_comments = list(comments[message.id])
            changed = True
    return changed


# Templates sphinx-intl does not merge (see above).
NOT_MERGED = {"sphinx.pot"}


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
    catalogs = {language: sorted(catalog_folder(language).rglob("*.po")) for language in languages}
    memories = [memory_file(language) for language in languages if memory_file(language).is_file()]
    with ThreadPoolExecutor() as pool:
        errors = [error for error in pool.map(
            syntax_error, [path.relative_to(ROOT) for paths in [*catalogs.values(), memories] for path in paths])
            if error]
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 2
    before = {path: {m.string: m.id for m in read(path) if m.id and m.string}
              for paths in catalogs.values() for path in paths}
    with tempfile.TemporaryDirectory() as merged:
        for template in args.pot_dir.rglob("*.pot"):
            name = template.relative_to(args.pot_dir)
            if name.as_posix() not in NOT_MERGED:
                (Path(merged) / name).parent.mkdir(parents=True, exist_ok=True)
                (Path(merged) / name).symlink_to(template.resolve())
        merging = subprocess.run(
            [Path(sys.executable).parent / "sphinx-intl", "update", "--pot-dir", merged,
             "--locale-dir", str(ROOT / "locales"), "--line-width", str(LINE_WIDTH),
             *(f"--language={language}" for language in languages)],
        )
    if merging.returncode != 0:
        print(f"sphinx-intl update failed (exit code {merging.returncode}); see its messages above",
              file=sys.stderr)
        return 1
    for language, paths in catalogs.items():
        updated, retired = {}, {}
        for path in paths:
            catalog = read(path)
            name = path.relative_to(catalog_folder(language)).with_suffix(".pot")
            template = args.pot_dir / name
            changed = (name.as_posix() not in NOT_MERGED and template.exists()
                       and copy_extracted_comments(template, catalog))
            for message in catalog:
                if message.fuzzy and message.id and not message.previous_id:
                    previous = before[path].get(message.string)
                    if previous and previous != message.id:
                        message.previous_id = [previous]
                        changed = True
            if catalog.obsolete:
                retired[path.relative_to(catalog_folder(language)).as_posix()] = catalog
            if changed or catalog.obsolete:
                updated[path] = catalog
        # The memory first: if writing it fails, the catalogs still hold everything.
        kept = retire(language, retired)
        left = sum(len(catalog.obsolete) for catalog in retired.values())
        for path, catalog in updated.items():
            catalog.obsolete.clear()
            path.write_bytes(formatted(catalog))
        if retired:
            print(f"{left} obsolete messages left {len(retired)} catalogs; {kept} new translations"
                  f" kept in {memory_file(language).relative_to(ROOT)}, where `make find-po` finds them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
