"""The docstrings of an example's classes and functions, as messages of its catalog.

A docstring is English a learner reads on the page and in the download, and
``help()`` prints it; it is not prose Sphinx extracts (the module docstring
is: it is the page's text, :mod:`docs_engine.translation.example_text`). Each
docstring of a class or function is one message of the example's catalog,
its paragraphs' lines joined as Sphinx joins a paragraph's
(:func:`docstring_message`), extracted beside the figure texts
(:mod:`docs_engine.translation.figure_messages`) and marked for translators
with :data:`DOCSTRING_COMMENT`.

A translation goes back in its place as a docstring written like the English
one, wrapped to the examples' line length (:func:`docstring_literal`), when
Python reads that literal back as the translation; whatever else a
translation holds (quotes that would close the string, backslashes, line
breaks, code) it goes in as an escaped literal instead. Either way it stays
one string: the syntax tree of the translated script is the English one with
other strings. ``make lint-po`` names the translations that need escaping
(:func:`docstring_problems`), so that a translator can write them plainly.
"""

import ast
import functools
import inspect
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from docs_engine.translation.comment_texts import LINE_WIDTH
from docs_engine.translation.figure_texts import Span, replace_spans, source_span, string_literal

# The extracted comment that marks docstrings in the catalogs.
DOCSTRING_COMMENT = "docstring (Python; written into the string as it is, and wrapped)"

QUOTES = '"""'
DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@dataclass(frozen=True)
class Docstring:
    """A class's or function's docstring in a script: its literal's place, and its message."""

    span: Span
    message: str
    code: str  # the literal as written


def docstring_message(text: str) -> str:
    """A docstring as one message: cleaned as ``help()`` shows it, each paragraph on one line."""
    paragraphs = re.split(r"\n[ \t]*\n", inspect.cleandoc(text))
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs if paragraph.strip())


@functools.lru_cache(maxsize=128)  # a build reads each script for its page and its downloads
def find_docstrings(source: str) -> tuple[Docstring, ...]:
    """The docstring of every class and function of a script, in the order of the source.

    Returns nothing for source that does not parse.
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return ()
    found = []
    for definition in ast.walk(tree):
        if not isinstance(definition, DEFINITIONS) or not definition.body:
            continue
        first = definition.body[0]
        if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str) and first.value.value.strip()):
            span, code = source_span(source, first.value)
            found.append(Docstring(span, docstring_message(first.value.value), code))
    return tuple(sorted(found, key=lambda docstring: docstring.span))


def docstring_messages(source: str) -> list[str]:
    """The messages of a script's docstrings, each once, in order."""
    return list(dict.fromkeys(docstring.message for docstring in find_docstrings(source)))


def docstring_problems(translation: str) -> list[str]:
    """Why a translation cannot be written as a plain docstring; empty if it can.

    Such a translation still goes into the script, as an escaped string
    literal, which is harder to read than a docstring.
    """
    problems = []
    if "\\" in translation:
        problems.append("holds a backslash, which Python would read as an escape")
    if '"' * 3 in translation or translation.rstrip().endswith('"'):
        problems.append("holds quotes that would end the docstring early")
    if any(not line.isprintable() for line in translation.split("\n")):
        problems.append("holds a control character")
    return problems


def _plain_docstring(translation: str, column: int, one_line: bool) -> str:
    """The translation written as a triple-quoted docstring at ``column``, PEP 257's way."""
    indent = " " * column
    paragraphs = translation.split("\n\n")
    if one_line and len(paragraphs) == 1 and column + len(translation) + 6 <= LINE_WIDTH:
        return QUOTES + translation + QUOTES
    lines: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        first = indent + " " * len(QUOTES) if number == 0 else indent
        wrapped = textwrap.wrap(paragraph, LINE_WIDTH, initial_indent=first, subsequent_indent=indent,
                                break_long_words=False, break_on_hyphens=False)
        if number:
            lines.append("")
        lines += wrapped
    body = "\n".join(lines)[column + len(QUOTES):]
    return QUOTES + body + "\n" + indent + QUOTES


def docstring_literal(translation: str, english: Docstring) -> str:
    """The literal that puts ``translation`` where ``english`` was.

    A plain docstring when the translation can be one and Python reads it
    back as the translation; otherwise an escaped literal, which evaluates to
    the translation whatever it holds.
    """
    text = docstring_message(translation)
    if not docstring_problems(text):
        one_line = "\n" not in english.code
        literal = _plain_docstring(text, english.span.column, one_line)
        try:
            if docstring_message(ast.literal_eval(literal)) == text:
                return literal
        except (SyntaxError, ValueError):
            pass
    return string_literal(text, QUOTES)


def splice_docstrings(source: str, translate: Callable[[str], str]) -> str:
    """``source`` with each class's and function's docstring translated."""
    replacements = []
    for docstring in find_docstrings(source):
        translated = translate(docstring.message)
        if translated != docstring.message and translated.strip():
            replacements.append((docstring.span, docstring_literal(translated, docstring)))
    return replace_spans(source, replacements)
