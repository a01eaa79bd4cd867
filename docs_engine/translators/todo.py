"""The next messages to translate or review, in reading order: ``make todo``.

Untranslated and fuzzy messages, catalog by catalog in the order a reader
meets the pages (:mod:`docs_engine.translators.site_catalogs`), each as
``catalog:line`` with its English. A fuzzy message also shows how its English
changed since it was translated, word by word: ``[-removed-]`` and
``{+added+}``, from the previous English that ``make update-po`` keeps in its
``#|`` lines. Nothing is written; the exit code is 0 when the listing works,
nothing to do included, and 2 on bad input (a broken catalog, an unknown
one), with one line saying what to fix.
"""

import argparse
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import polib

from docs_engine.translation.po_checks import catalog_language
from docs_engine.translators.site_catalogs import (CatalogError, add_language_option, catalogs_in_reading_order,
                                                   chosen_languages, find_catalog, read_strictly)

WIDTH = 79
INDENT = "    "


def word_diff(old: str, new: str) -> str:
    """``new`` with the words ``old`` had instead marked: ``[-removed-]``, ``{+added+}``.

    Words are what white space separates, so a rewrapped paragraph shows no
    change and a changed punctuation mark marks its word.
    """
    old_words, new_words = old.split(), new.split()
    parts = []
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            parts.append(" ".join(new_words[new_start:new_end]))
        if tag in ("delete", "replace"):
            parts.append("[-" + " ".join(old_words[old_start:old_end]) + "-]")
        if tag in ("insert", "replace"):
            parts.append("{+" + " ".join(new_words[new_start:new_end]) + "+}")
    return " ".join(parts)


# What to do with each kind of message.
HOW = {
    "untranslated": "fill its msgstr",
    "fuzzy": "check the translation against the English, then remove the fuzzy flag and the #| lines",
}


@dataclass(frozen=True)
class Task:
    path: str
    entry: polib.POEntry

    @property
    def kind(self) -> str:
        return "fuzzy" if self.entry.fuzzy else "untranslated"


def tasks(language: str, catalog: str | None = None, fuzzy_only: bool = False) -> list[Task]:
    """The messages left to do, in reading order."""
    paths = [find_catalog(catalog, language)] if catalog else catalogs_in_reading_order(language)
    found = []
    for path, po in zip(paths, read_strictly(paths)):
        for entry in po:
            if entry.obsolete or not entry.msgid:
                continue
            if entry.fuzzy or (not fuzzy_only and not entry.msgstr):
                found.append(Task(path.as_posix(), entry))
    return found


def labelled(label: str, text: str) -> str:
    """A labelled, indented paragraph; the message's own line breaks are kept."""
    lines = []
    for number, line in enumerate(text.splitlines() or [""]):
        first = f"{INDENT}{label:<13}" if number == 0 else INDENT + " " * 13
        lines += textwrap.wrap(line, WIDTH, initial_indent=first, subsequent_indent=INDENT + " " * 13,
                               break_long_words=False, break_on_hyphens=False) or [first.rstrip()]
    return "\n".join(lines)


def describe(task: Task) -> str:
    entry = task.entry
    lines = [f"{task.path}:{entry.linenum}: {task.kind}; {HOW[task.kind]}"]
    previous = entry.previous_msgid
    if entry.fuzzy and previous and previous != entry.msgid:
        change = word_diff(previous, entry.msgid)
        if "[-" not in change and "{+" not in change:
            change += "  (only spacing or line breaks changed)"
        lines.append(labelled("English:", change))
    else:
        lines.append(labelled("English:", entry.msgid))
        if entry.fuzzy:
            lines.append(f"{INDENT}(no previous English recorded: compare the translation with it)")
    if entry.msgstr:
        lines.append(labelled("Translation:", entry.msgstr))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_language_option(parser)
    parser.add_argument("--catalog", help="one catalog: a page name (examples/nn/plot_5_nn) or a path")
    parser.add_argument("--fuzzy", action="store_true", help="only fuzzy messages, to review")
    parser.add_argument("--limit", type=int, default=10, help="how many to show; 0 for all (default 10)")
    args = parser.parse_args(argv)
    if args.limit < 0:
        print("error: --limit (LIMIT=) must be 0 (all) or more", file=sys.stderr)
        return 2
    # A catalog named by its path is in the language of the folder it lives in.
    in_folder = args.catalog and catalog_language(Path(args.catalog))
    try:
        languages = [in_folder] if in_folder else chosen_languages(args.language)
        found = [task for language in languages for task in tasks(language, args.catalog, args.fuzzy)]
    except CatalogError as error:
        print(error.line(), file=sys.stderr)
        return 2
    what = "fuzzy message{} to review" if args.fuzzy else "message{} to translate or review"
    where = args.catalog or "the catalogs of " + ", ".join(f"locales/{language}" for language in languages)
    if not found:
        print(f"Nothing to do: no {what.format('s')} in {where}.")
        return 0
    shown = found[:args.limit] if args.limit else found
    counts = Counter(task.kind for task in found)
    detail = "" if args.fuzzy else " (" + ", ".join(f"{counts[k]} {k}" for k in HOW if counts[k]) + ")"
    print(f"{len(found)} {what.format('s' if len(found) > 1 else '')} in {where}{detail},"
          " in reading order:\n")
    print("\n\n".join(describe(task) for task in shown))
    if len(shown) < len(found):
        print(f"\n... and {len(found) - len(shown)} more: LIMIT=0 (--limit 0) lists them all.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
