"""Translate the text of an example script with its page's message catalog.

A sphinx-gallery script is Python code with reST text in its module docstring
and in ``# %%`` comment blocks. Sphinx extracts that text, paragraph by
paragraph, into the page's catalog. This module goes the other way: it
rewrites each text block of the script with the catalog's translations,
translates the comments in the code (:mod:`docs_engine.translation.comment_texts`), the string
literals the figures draw (:mod:`docs_engine.translation.figure_texts`) and the docstrings of its
classes and functions (:mod:`docs_engine.translation.docstrings`), leaves every other token of
the code untouched, and re-wraps the prose to the script's width.
Messages without a translation stay in English.

Whatever a translation holds, the translated script is the English one with
other strings and comments: :func:`same_code` is the check, and
:func:`translate_script` refuses a script that fails it.

Only the reST our examples use is understood: section titles, paragraphs and
"- " bullet lists. Anything else is copied unchanged.
"""

import ast
import io
import re
import textwrap
import tokenize
from collections.abc import Callable

from docs_engine.translation.comment_texts import LINE_WIDTH, translate_comments
from docs_engine.translation.docstrings import splice_docstrings
from docs_engine.translation.figure_texts import splice_figure_texts

Translate = Callable[[str], str]

TITLE_UNDERLINE = re.compile(r"([=\-~^\"'*+#])\1+")
BULLET = "- "
# The line sphinx-gallery starts a text block with.
CELL_SEPARATOR = re.compile(r"^# ?%%", re.M)


def _message(lines: list[str]) -> str:
    """The message Sphinx extracts from these reST lines: one line of text."""
    return " ".join(line.strip() for line in lines)


def _fill(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _bullet_items(lines: list[str]) -> list[list[str]]:
    items: list[list[str]] = []
    for line in lines:
        if line.startswith(BULLET):
            items.append([line[len(BULLET) :]])
        else:
            items[-1].append(line)
    return items


def translate_rst(text: str, translate: Translate, width: int = LINE_WIDTH) -> str:
    """Translate the titles, paragraphs and bullet items of a reST text."""
    chunks = []
    for chunk in re.split(r"\n[ \t]*\n", text.strip("\n")):
        lines = chunk.splitlines()
        if len(lines) == 2 and TITLE_UNDERLINE.fullmatch(lines[1].strip()):
            title = " ".join(translate(lines[0].strip()).split())  # one line, as its underline
            chunks.append([title, lines[1].strip()[0] * len(title)])
        elif lines[0].startswith(BULLET):
            chunks.append(
                [
                    wrapped
                    for item in _bullet_items(lines)
                    for wrapped in _fill(translate(_message(item)), width, BULLET, "  ")
                ]
            )
        elif lines[0].startswith((" ", "\t", "..")):
            chunks.append(lines)  # a directive or quoted block: not ours to touch
        else:
            chunks.append(_fill(translate(_message(lines)), width))
    return "\n\n".join("\n".join(chunk) for chunk in chunks) + "\n"


def _docstring_lines(source: str) -> tuple[int, int] | None:
    """The first and last line (1-based) of the module docstring, if any."""
    body = ast.parse(source).body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        if isinstance(body[0].value.value, str):
            return body[0].lineno, body[0].end_lineno
    return None


class UnsafeTranslation(ValueError):
    """A translation that would change an example's code, not only its text."""


def translate_script(source: str, translate: Translate) -> str:
    """Return the script with its text blocks, code comments, figure texts and
    docstrings translated.

    Raises :class:`UnsafeTranslation` where the result would not be the
    English script's code (:func:`same_code`).
    """
    translated = _translate_script(source, translate)
    if not same_code(source, translated):
        raise UnsafeTranslation("a translation would change the example's code")
    return translated


def _code_shape(source: str) -> tuple[str, int]:
    """A script's syntax tree with every string left out, and its count of text blocks."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
    return ast.dump(tree), len(CELL_SEPARATOR.findall(source))


def same_code(english: str, translated: str) -> bool:
    """Whether ``translated`` is ``english`` with other strings, comments and text only."""
    try:
        return _code_shape(translated) == _code_shape(english)
    except (SyntaxError, ValueError):
        return False


def _docstring_body(text: str) -> list[str]:
    """The lines of a translated module docstring, escaped where Python would not read them as text."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r'"{3,}', lambda quotes: '\\"' * len(quotes.group()), text)
    return text.splitlines()


def _bracket_breaks(source: str) -> dict[int, list[tuple[int, int]]]:
    """Where each line may break: after a comma inside brackets, with the column
    the rest of the line aligns to (just inside the innermost open bracket), or
    after an open bracket, the rest indented four spaces more than the line.

    By line (1-based): (column after the comma, column to align to).
    """
    breaks: dict[int, list[tuple[int, int]]] = {}
    opened: list[int] = []  # the column after each open bracket
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return {}
    for token, following in zip(tokens, tokens[1:]):
        if token.type != tokenize.OP:
            continue
        same_line = (following.start[0] == token.end[0]
                     and following.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE))
        if token.string in "([{":
            opened.append(token.end[1])
            if same_line and following.string not in ")]}":  # a hanging indent
                indent = len(token.line) - len(token.line.lstrip())
                breaks.setdefault(token.end[0], []).append((token.end[1], indent + 4))
        elif token.string in ")]}" and opened:
            opened.pop()
        elif token.string == "," and opened and same_line:
            breaks.setdefault(token.end[0], []).append((token.end[1], opened[-1]))
    return breaks


def wrap_long_lines(source: str, width: int = LINE_WIDTH) -> str:
    """``source`` with each line longer than ``width`` broken after commas inside
    its brackets, each new line aligned just inside the bracket, where that
    makes it fit.

    A translated figure text can make a line of code longer than the English
    one; Python allows a line break anywhere inside brackets.
    """
    lines = source.split("\n")
    breaks = _bracket_breaks(source)
    out = []
    for number, line in enumerate(lines, start=1):

        def length(begin: int, end: int, indent: int | None) -> int:
            text = line[begin:end]
            return len(text.rstrip()) if indent is None else indent + len(text.strip())

        pieces: list[str] = []
        start, indent = 0, None  # None: the first piece keeps its own indentation
        while length(start, len(line), indent) > width:
            fitting = [(column, align) for column, align in breaks.get(number, [])
                       if column > start and length(start, column, indent) <= width]
            if not fitting:
                break
            column, align = fitting[-1]
            pieces.append(line[start:column].rstrip() if indent is None
                          else " " * indent + line[start:column].strip())
            start, indent = column, align
        out += [*pieces, " " * indent + line[start:].strip()] if pieces else [line]
    return "\n".join(out)


def _translate_script(source: str, translate: Translate) -> str:
    source = splice_docstrings(splice_figure_texts(source, translate), translate)
    lines = source.splitlines()
    out: list[str] = []
    code: list[str] = []  # code lines since the last text block

    def flush_code() -> None:
        if code:
            out.extend(translate_comments("\n".join(code) + "\n", translate).splitlines())
            code.clear()

    index = 0
    span = _docstring_lines(source)
    if span:
        first, last = span
        docstring = ast.get_docstring(ast.parse(source), clean=False) or ""
        translated = translate_rst(docstring, translate)
        out += lines[: first - 1]
        out += ['"""', *_docstring_body(translated), '"""']
        index = last
    while index < len(lines):
        line = lines[index]
        index += 1
        if not CELL_SEPARATOR.match(line):
            code.append(line)
            continue
        flush_code()
        out.append(line)
        block = []
        while index < len(lines) and lines[index].startswith("#"):
            block.append(re.sub(r"^# ?", "", lines[index]))
            index += 1
        if block:
            translated = translate_rst("\n".join(block), translate, LINE_WIDTH - 2)
            out += [f"# {text}".rstrip() for text in translated.splitlines()]
    flush_code()
    return wrap_long_lines("\n".join(out) + "\n")
