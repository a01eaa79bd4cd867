"""How a term was translated before: ``make find-po TERM='gradient descent'``.

Lists each English message of the translation memory
(:mod:`docs_engine.translators.memory`: every catalog, then the translations
of messages that left them) that contains the term, with its translation,
catalog and line, in reading order. The term is literal text, never a regular
expression; case does not matter, and it must start a word (``gradient``
also finds *gradients*). Nothing is written; the exit code is 0 when the
search ran, matches or not, and 2 on bad input (an empty term, a broken
catalog), with one line saying what to fix.
"""

import argparse
import sys

from docs_engine.translators.memory import Translation, containing, translations
from docs_engine.translators.site_catalogs import CatalogError, add_language_option, chosen_languages
from docs_engine.translators.todo import labelled

USAGE = "make find-po TERM='gradient descent'"


def describe(found: Translation) -> str:
    state = " (fuzzy)" if found.fuzzy else ""
    return "\n".join([f"{found.where}{state}", labelled("English:", found.english),
                      labelled("Translation:", found.translation)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("term", nargs="?", default="", help="the English text to look for")
    add_language_option(parser)
    args = parser.parse_args(argv)
    term = " ".join(args.term.split())
    if not term:
        print(f"error: give the English term to look for, e.g. {USAGE}", file=sys.stderr)
        return 2
    try:
        memory = [t for language in chosen_languages(args.language) for t in translations(language)]
    except CatalogError as error:
        print(error.line(), file=sys.stderr)
        return 2
    found = containing(term, memory)
    if not found:
        print(f"No English message contains {term!r}.")
        return 0
    print("\n\n".join(describe(t) for t in found))
    catalogs = {t.path for t in found}
    print(f"\n{len(found)} message{'s' if len(found) > 1 else ''} contain{'' if len(found) > 1 else 's'}"
          f" {term!r}, in {len(catalogs)} catalog{'s' if len(catalogs) > 1 else ''}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
