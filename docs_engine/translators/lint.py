"""Check translation catalogs: ``make lint-po`` (all) or ``python -m docs_engine.translators.lint FILE...``.

Each problem is printed as ``file:line: what is wrong; how to fix it``, and
the exit code is 1 if there is any. Nothing is ever written: ``make wrap-po``
fixes wrapping, the translator fixes the rest.

Checks, in order: ``msgfmt --check``; wrapping at ``WIDTH`` columns as
``make update-po`` writes it; sphinx-lint; spelling with the hunspell
dictionary of the catalog's language and ``locales/<lang>/wordlist.txt``
(pospell); the glossary (``docs/glossary.md``), whose complaint says how
other messages translate the term (the translation memory,
:mod:`docs_engine.translators.memory`);
markup parity, which also rejects raw HTML, scripts, directives and links
that the English message does not have; and, for the messages marked as
figure text, mathtext parity: matplotlib must be able to draw the
translation's ``$...$`` math as it draws the English; for the messages
marked as docstrings, nothing a plain docstring cannot hold (a backslash,
closing quotes, a control character), which the build would write escaped.

What a check needs to know of a language (its dictionary, which forms of a
word count as the glossary's term) is in that language's module of
:mod:`docs_engine.languages`; a language without one gets the generic rules,
and lint says which checks it goes without (``fr: not checked: ...``). A
catalog that is not valid gettext gets msgfmt's ``file:line: problem`` and
no other check.

The catalogs are those of ``locales/<lang>/LC_MESSAGES``, of every language
languages.toml translates unless ``--language`` names some; a catalog given
by its path is checked in the language of the folder it lives in. The memory
file beside that folder holds translations of messages the site no longer
has, and is not checked.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import polib
from babel import Locale, UnknownLocaleError

from docs_engine.languages import rules
from docs_engine.project import ROOT
from docs_engine.translation.docstrings import DOCSTRING_COMMENT, docstring_problems
from docs_engine.translation.figure_texts import FIGURE_TEXT_COMMENT, mathtext_problems
from docs_engine.translation.po_checks import LINE_WIDTH as WIDTH
from docs_engine.translation.po_checks import (CatalogSyntaxError, catalog_language, catalog_markup_problems,
                                               formatted, load_catalog, read_catalog, syntax_error)
from docs_engine.translators.memory import Translation, translations
from docs_engine.translators.site_catalogs import (CatalogError, add_language_option, catalog_folder,
                                                   chosen_languages)

GLOSSARY = ROOT / "docs" / "glossary.md"
TOOLS = Path(sys.executable).parent


def rewrapped(path: Path) -> bytes:
    """The catalog as ``make update-po`` and ``make wrap-po`` write it."""
    return formatted(read_catalog(path))


def check_wrapping(path: Path) -> list[str]:
    actual = path.read_bytes().splitlines()
    expected = rewrapped(path).splitlines()
    for number, (line, wanted) in enumerate(zip(actual, expected), start=1):
        if line != wanted:
            return [f"{path}:{number}: not wrapped at {WIDTH} columns; run `make wrap-po`"]
    if len(actual) != len(expected):
        return [f"{path}:{min(len(actual), len(expected)) + 1}: not wrapped at {WIDTH} columns;"
                " run `make wrap-po`"]
    return []


# MyST roles ({doc}`page`) look like reST default roles without a space.
SPHINX_LINT_OFF = ["missing-space-before-default-role"]


def check_sphinx_lint(paths: list[Path]) -> list[str]:
    result = subprocess.run(
        [TOOLS / "sphinx-lint", *(f"--disable={check}" for check in SPHINX_LINT_OFF), *map(str, paths)],
        capture_output=True, text=True,
    )
    output = (result.stdout + result.stderr).splitlines()
    return [f"{line}; see `sphinx-lint --list --verbose`" for line in output
            if re.match(r"\S+:\d+: ", line)]


# MyST markup pospell reads as words: roles, link targets and math.
MYST_NOT_WORDS = re.compile(r"\{[\w:-]+\}`[^`]*`|\]\([^)\s]*\)|\$[^$]*\$")


def check_spelling(paths: list[Path], language: str) -> list[str]:
    """pospell on copies of the catalogs whose translations lose their MyST markup."""
    wordlist = ROOT / "locales" / language / "wordlist.txt"
    lines: dict[str, tuple[str, dict[int, int]]] = {}  # copy: original, its line numbers
    with tempfile.TemporaryDirectory() as folder:
        for number, path in enumerate(paths):
            try:
                catalog = load_catalog(path, check=False)
            except CatalogSyntaxError:
                continue  # lint reports it, and there is nothing to spell
            original_lines = [entry.linenum for entry in catalog]
            for entry in catalog:
                entry.msgstr = MYST_NOT_WORDS.sub(" ", entry.msgstr)
            copy = Path(folder) / f"{number}.po"
            catalog.save(str(copy))
            copied = polib.pofile(str(copy))
            lines[str(copy)] = (str(path), {
                entry.linenum: line for entry, line in zip(copied, original_lines)})
        if not lines:
            return []
        result = subprocess.run(
            [TOOLS / "pospell", "-l", rules(language).spelling_dictionary, "-p", str(wordlist), *lines],
            capture_output=True, text=True,
        )
    problems = []
    for match in re.finditer(r"^(\S+\.po):(\d+):(.+)$", result.stdout, re.M):
        copy, number, word = match.groups()
        if copy not in lines:
            continue
        path, line_map = lines[copy]
        original = line_map.get(int(number), max(n for n in line_map if n <= int(number)))
        problems.append(f"{path}:{original}: unknown word {word!r}; correct it,"
                        f" or add it to {wordlist.relative_to(ROOT)} if it is a term or a name")
    # pospell exits with -1 both when it finds unknown words and when it fails
    # (on broken markup); only a failure leaves no word.
    if result.returncode != 0 and not problems:
        if len(paths) > 1:
            return [p for path in paths for p in check_spelling([path], language)]
        problems.append(f"{paths[0]}:1: could not be spell-checked (pospell failed);"
                        " fix the markup problems reported for this catalog first")
    return problems


def _plain(text: str) -> str:
    """Lower-case text without accents, code, roles, math or link targets."""
    text = re.sub(r"``[^`]*``|`[^`]*`|\$[^$]*\$|<[^>]*>", " ", text)
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def _glossary_rows() -> list[tuple[str, str]]:
    """The glossary page's table, its header first: (English, translation) pairs;
    none if the project has no glossary page."""
    if not GLOSSARY.is_file():
        return []
    pairs = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and not set(cells[0]) <= {"-", " "}:
            pairs.append((cells[0], cells[1]))
    return pairs


def glossary() -> list[tuple[str, str]]:
    """The (English, translation) pairs of the glossary page's table."""
    return _glossary_rows()[1:]  # the first row is the header


def has_glossary(language: str) -> bool:
    """Whether the glossary's table translates into ``language``: its column is
    named by the language in English, as Babel names it (the same name for a
    language and its regions: es and es_MX). Which forms of a word count as
    the term is the language's rule (:mod:`docs_engine.languages`)."""
    rows = _glossary_rows()
    if not rows:
        return False
    column = rows[0][1]
    try:
        name = Locale.parse(language).get_language_name("en")
    except (ValueError, UnknownLocaleError):
        return False
    return name == column


def glossary_language(column: int = 1) -> str | None:
    """The code of the language a column of the glossary names (1: the
    translation's, 0: the English's), as Babel knows it; None if none."""
    rows = _glossary_rows()
    if not rows:
        return None
    return next((code for code, name in Locale("en").languages.items() if name == rows[0][column]), None)


@cache
def hunspell_dictionaries() -> frozenset[str]:
    """The dictionaries hunspell finds on this machine, by name (es_ES, pt_BR)."""
    result = subprocess.run(["hunspell", "-D"], input="", capture_output=True, text=True)
    listing = (result.stdout + result.stderr).split("AVAILABLE DICTIONARIES", 1)[-1]
    return frozenset(Path(line.strip()).name for line in listing.splitlines()[1:]
                     if line.startswith("/"))


def skipped_checks(language: str) -> list[str]:
    """The checks a language's catalogs do without, each with why: those that need
    rules or tools this language does not have here."""
    skipped = []
    language_rules = rules(language)
    dictionary = language_rules.spelling_dictionary
    if dictionary not in hunspell_dictionaries():
        install = (f"on Debian, `apt-get install {language_rules.dictionary_package}`"
                   if language_rules.dictionary_package else
                   "on Debian, install the hunspell package of that language")
        skipped.append(f"spelling: hunspell has no {dictionary} dictionary here ({install})")
    if not has_glossary(language):
        skipped.append(f"glossary: {GLOSSARY.relative_to(ROOT)} has no column for {language}"
                       if GLOSSARY.is_file() else f"glossary: the project has no {GLOSSARY.relative_to(ROOT)}")
    elif not language_rules.own:
        skipped.append(f"glossary's word forms: docs_engine/languages/ has no rules for {language},"
                       " so a term counts only as the glossary writes it, with any ending")
    return skipped


# The translation memory, each message with its English and translation made plain.
PlainMemory = Callable[[], list[tuple[Translation, str, str]]]
TermOptions = list[tuple[str, re.Pattern]]


def glossary_terms(language: str) -> list[tuple[str, str, re.Pattern, TermOptions]]:
    """Each English term, the translation the glossary gives it, and their patterns,
    each language's forms of the term by its rules (:mod:`docs_engine.languages`).

    A cell may give alternatives, "polinomio cúbico / cúbica". A term with
    several senses has a row for each ("build": a model, the site); the check
    cannot tell senses apart, so it accepts the translation of any of them.
    """
    source = rules(glossary_language(0) or "").term_pattern
    target = rules(language).term_pattern
    senses: dict[str, list[str]] = {}
    for english, translation in glossary():
        senses.setdefault(english, []).extend(translation.split(" / "))
    return [(english, " / ".join(options), source(_plain(english)),
             [(option, target(_plain(option))) for option in options])
            for english, options in senses.items()
            if any(_plain(english) != _plain(option) for option in options)]


def _usage(in_source: re.Pattern, options: TermOptions, memory: PlainMemory,
           english: str, path: Path, line: int) -> str:
    """How the other messages that use a term translate it, for a glossary complaint."""
    found, otherwise = Counter(), 0
    for message, source, translation in memory():
        if ((message.path, message.line) == (path, line) or message.fuzzy
                or message.english == message.translation or not in_source.search(source)):
            continue  # as check_glossary, which leaves untranslated text (a code line) alone
        used = [option for option, pattern in options if pattern.search(translation)]
        found.update(used)
        otherwise += not used
    if not found and not otherwise:
        return "no other message uses it yet"
    counts = [f"{option!r} ({count}\N{MULTIPLICATION SIGN})" for option, count in found.most_common()]
    if otherwise:
        counts.append(f"other wording ({otherwise}\N{MULTIPLICATION SIGN},"
                      f" `make find-po TERM={english!r}` lists them)")
    return "elsewhere translated as: " + ", ".join(counts)


def check_glossary(path: Path, catalog: polib.POFile, memory: PlainMemory | None = None,
                   language: str | None = None) -> list[str]:
    """The translations that lack the glossary's term, in the catalog's language
    (by default that of its folder, else the one the glossary's column names)."""
    problems = []
    terms = glossary_terms(language or catalog_language(path) or glossary_language() or "")
    for entry in catalog.translated_entries():
        if entry.msgid == entry.msgstr:
            continue
        source, translation = _plain(entry.msgid), _plain(entry.msgstr)
        for english, translated, in_source, options in terms:
            if in_source.search(source) and not any(p.search(translation) for _, p in options):
                usage = ("; " + _usage(in_source, options, memory, english, path, entry.linenum)
                         if memory else "")
                problems.append(f"{path}:{entry.linenum}: uses {english!r} but the translation"
                                f" lacks the glossary's {translated!r}{usage}; follow docs/glossary.md")
    return problems


def check_figure_texts(path: Path, catalog: polib.POFile) -> list[str]:
    """Mathtext parity of the translations of figure text (marked by its extracted comment)."""
    return [f"{path}:{entry.linenum}: figure text {problem}; keep the English message's"
            " $...$ math as it is, and add no '$' (message"
            f" {entry.msgid if len(entry.msgid) <= 60 else entry.msgid[:57] + '...'!r})"
            for entry in catalog.translated_entries()
            if FIGURE_TEXT_COMMENT in entry.comment.splitlines()
            for problem in mathtext_problems(entry.msgid, entry.msgstr)]


def check_docstrings(path: Path, catalog: polib.POFile) -> list[str]:
    """Translations of docstrings (marked by their extracted comment) that a plain
    docstring cannot hold: the build writes them as escaped strings instead."""
    return [f"{path}:{entry.linenum}: docstring {problem}; the example would show it as an"
            " escaped string, so write it without (message"
            f" {entry.msgid if len(entry.msgid) <= 60 else entry.msgid[:57] + '...'!r})"
            for entry in catalog.translated_entries()
            if DOCSTRING_COMMENT in entry.comment.splitlines()
            for problem in docstring_problems(entry.msgstr)]


def lint(paths: list[Path], language: str) -> list[str]:
    @cache
    def memory() -> list[tuple[Translation, str, str]]:
        return [(message, _plain(message.english), _plain(message.translation))
                for message in translations(language, strict=False)]

    spell = rules(language).spelling_dictionary in hunspell_dictionaries()
    glossary_rules = has_glossary(language)
    # A catalog that is not valid gettext gets msgfmt's complaint and no other
    # check: they would only report the same breakage, or stop on it. msgfmt
    # runs as a process for each catalog, side by side.
    with ThreadPoolExecutor() as pool:
        errors = dict(zip(paths, pool.map(syntax_error, paths)))
    problems = [error for error in errors.values() if error]
    paths = [path for path in paths if not errors[path]]
    # sphinx-lint and pospell each run as a process: they work while the rest is checked here.
    with ThreadPoolExecutor(max_workers=2) as pool:
        sphinx_lint = pool.submit(check_sphinx_lint, paths) if paths else None
        spelling = pool.submit(check_spelling, paths, language) if spell and paths else None
        for path in paths:
            try:
                catalog = load_catalog(path, check=False)
            except CatalogSyntaxError as error:  # valid for msgfmt, not for polib
                problems.append(str(error))
                continue
            problems += check_wrapping(path)
            if glossary_rules:
                problems += check_glossary(path, catalog, memory, language)
            problems += check_figure_texts(path, catalog)
            problems += check_docstrings(path, catalog)
            problems += [f"{problem}; keep the English message's markup, and add none"
                         for problem in catalog_markup_problems(str(path), catalog)]
        return (problems + (sphinx_lint.result() if sphinx_lint else [])
                + (spelling.result() if spelling else []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="catalogs (default: every catalog of the languages)")
    add_language_option(parser)
    args = parser.parse_args(argv)
    by_language: dict[str, list[Path]] = {}
    problems = []
    for path in args.files:
        language = catalog_language(path)
        if language:
            by_language.setdefault(language, []).append(path.resolve())
        else:
            problems.append(f"{path}:1: not in a locales/<language>/ folder, so its language is unknown;"
                            " check the catalogs where they live")
    if not args.files:
        try:
            languages = chosen_languages(args.language)
        except CatalogError as error:
            print(error.line(), file=sys.stderr)
            return 2
        by_language = {language: sorted(catalog_folder(language).rglob("*.po")) for language in languages}
    os.chdir(ROOT)  # the tools below report paths relative to the project
    for language, paths in by_language.items():
        for skipped in skipped_checks(language):
            print(f"{language}: not checked: {skipped}", file=sys.stderr)
        problems += lint([path.relative_to(ROOT) if path.is_relative_to(ROOT) else path for path in paths],
                         language)
    for problem in problems:
        print(problem)
    checked = sum(len(paths) for paths in by_language.values())
    print(f"{checked} catalogs checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
