"""Merge the English templates into the catalogs: ``make update-po``.

Runs ``sphinx-intl update``, which keeps every translation and marks a
translation fuzzy when its English message changed. sphinx-intl does not
record what the English said before; this script adds it, as the ``#|``
lines PO editors show next to a fuzzy message, so the translator sees
exactly what changed. It also gives every message the extracted comments
(``#.``) its template has now, such as the mark of figure text: sphinx-intl
rewrites a catalog only when its set of messages changed.
"""

import argparse
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from docs_engine.project import ROOT

from docs_engine.po_checks import LINE_WIDTH, formatted, read_catalog as read


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pot-dir", required=True, type=Path)
    parser.add_argument("--language", action="append", required=True)
    args = parser.parse_args(argv)
    # Each catalog, and the template it is updated from.
    catalogs = {path: args.pot_dir / path.relative_to(folder).with_suffix(".pot")
                for language in args.language
                for folder in [ROOT / "locales" / language / "LC_MESSAGES"]
                for path in folder.rglob("*.po")}
    before = {path: {m.string: m.id for m in read(path) if m.id and m.string} for path in catalogs}
    subprocess.run(
        [Path(sys.executable).parent / "sphinx-intl", "update", "--pot-dir", str(args.pot_dir),
         "--locale-dir", str(ROOT / "locales"), "--line-width", str(LINE_WIDTH),
         *(f"--language={language}" for language in args.language)],
        check=True,
    )
    for path, old_ids in before.items():
        catalog = read(path)
        changed = False
        if catalogs[path].exists():
            changed |= copy_extracted_comments(catalogs[path], catalog)
        for message in catalog:
            if message.fuzzy and message.id and not message.previous_id:
                previous = old_ids.get(message.string)
                if previous and previous != message.id:
                    message.previous_id = [previous]
                    changed = True
        if changed:
            path.write_bytes(formatted(catalog))
    return 0


if __name__ == "__main__":
    sys.exit(main())
