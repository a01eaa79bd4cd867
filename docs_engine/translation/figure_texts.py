"""The text an example draws in its figures, found in its source code.

Titles, axis labels, legend entries and annotations are string literals in
an example's code: ``ax.set_title("Training loss")``, ``ax.plot(x, y,
label="sin(x)")``. Each literal is a message of the example's catalog
(:mod:`docs_engine.translation.figure_messages`), so that a page in another language can
show the figure drawn again with the translations
(:mod:`docs_engine.translation.figures`), and the translated download can
carry the same translations in place of those literals
(:func:`splice_figure_texts`). Nothing else in the code changes: a
translation goes into the script as ``repr(translation)``, a literal that
evaluates to it whatever it holds.

A figure text the code computes (an f-string, a concatenation, a variable)
has no fixed message to translate: :func:`find_figure_texts` reports it as
not literal, and the build asks for a literal instead.

Translations of figure text must keep matplotlib's math (``$...$``) as it
is: :func:`mathtext_problems` is the check the build and ``make lint-po``
share.
"""

import ast
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

# The extracted comment that marks figure text in the catalogs.
FIGURE_TEXT_COMMENT = "figure text (matplotlib; keep $...$ math as it is)"

# Calls whose argument at this position, or with one of these keyword names,
# is text matplotlib draws (Axes, Figure and pyplot spell them alike).
TEXT_ARGUMENT: dict[str, tuple[int, tuple[str, ...]]] = {
    "set_title": (0, ("label",)),
    "set_xlabel": (0, ("xlabel",)),
    "set_ylabel": (0, ("ylabel",)),
    "set_label": (0, ("s", "label")),
    "suptitle": (0, ("t",)),
    "supxlabel": (0, ("t",)),
    "supylabel": (0, ("t",)),
    "title": (0, ("label",)),
    "xlabel": (0, ("xlabel",)),
    "ylabel": (0, ("ylabel",)),
    "text": (2, ("s",)),
    "figtext": (2, ("s",)),
    "annotate": (0, ("text",)),
}
# Keyword arguments that are figure text in any call: ax.plot(label=...),
# ax.set(title=...), ax.legend(title=...).
TEXT_KEYWORDS = {"label", "title", "xlabel", "ylabel"}
# ax.legend(["a", "b"]), ax.legend(handles, ["a", "b"]), ax.legend(labels=[...]):
# each string of a list or tuple display is a legend entry.
LEGEND = "legend"


@dataclass(frozen=True, order=True)
class Span:
    """Where an expression is in a script: lines 1-based, columns 0-based, in characters."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class FigureText:
    """A figure text in a script: where it is, and its message if it is a literal.

    The span covers the whole expression (all the strings of an implicit
    concatenation).
    """

    span: Span
    literal: bool
    message: str | None  # the string, for a literal
    code: str  # the expression as written

    @property
    def line(self) -> int:
        return self.span.line


def _call_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return None


def _text_arguments(call: ast.Call) -> list[tuple[ast.expr, bool]]:
    """The arguments of ``call`` drawn as figure text, each with whether it is a legend label."""
    name = _call_name(call)
    found = [(kw.value, kw.arg == "label") for kw in call.keywords if kw.arg in TEXT_KEYWORDS]
    if name in TEXT_ARGUMENT:
        position, keywords = TEXT_ARGUMENT[name]
        if len(call.args) > position and not any(
                isinstance(arg, ast.Starred) for arg in call.args[:position + 1]):
            found.append((call.args[position], name == "set_label"))
        found += [(kw.value, name == "set_label") for kw in call.keywords
                  if kw.arg in keywords and kw.arg not in TEXT_KEYWORDS]
    if name == LEGEND:
        for value in [*call.args, *(kw.value for kw in call.keywords if kw.arg == "labels")]:
            if isinstance(value, (ast.List, ast.Tuple)):
                found += [(element, True) for element in value.elts]
    return found


def _is_drawn(node: ast.expr, legend_label: bool) -> bool:
    """Whether this argument can be text matplotlib draws.

    ``None`` and numbers are not messages; matplotlib leaves out of a legend
    the labels that start with an underscore.
    """
    if isinstance(node, ast.Constant):
        return (isinstance(node.value, str) and node.value != ""
                and not (legend_label and node.value.startswith("_")))
    return True


@functools.lru_cache(maxsize=128)  # a build reads each script for its page, downloads, thumbnails
def find_figure_texts(source: str) -> tuple[FigureText, ...]:
    """Every figure text of a script, in the order of the source.

    Returns nothing for source that does not parse.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return ()
    found = {}
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        for node, legend_label in _text_arguments(call):
            if not _is_drawn(node, legend_label):
                continue
            literal = isinstance(node, ast.Constant)
            span, code = source_span(source, node)
            found[span] = FigureText(span=span, literal=literal,
                                     message=node.value if literal else None, code=code)
    return tuple(found[span] for span in sorted(found))


def figure_messages(source: str) -> list[str]:
    """The messages of a script's literal figure texts, each once, in order."""
    return list(dict.fromkeys(t.message for t in find_figure_texts(source) if t.literal))


def _offsets(source: str) -> list[int]:
    """The offset in ``source`` where each line (1-based) starts."""
    starts = [0, 0]
    for match in re.finditer("\n", source):
        starts.append(match.end())
    return starts


def source_span(source: str, node: ast.expr) -> tuple[Span, str]:
    """Where an expression of ``source``'s syntax tree is, and its code as written."""
    lines = source.split("\n")

    def column(line: int, byte_offset: int) -> int:  # ast counts UTF-8 bytes
        return len(lines[line - 1].encode("utf-8")[:byte_offset].decode("utf-8"))

    span = Span(node.lineno, column(node.lineno, node.col_offset),
                node.end_lineno, column(node.end_lineno, node.end_col_offset))
    starts = _offsets(source)
    return span, source[starts[span.line] + span.column:starts[span.end_line] + span.end_column]


def replace_spans(source: str, replacements: list[tuple[Span, str]]) -> str:
    """``source`` with the code at each span, in the order of the source, replaced.

    Every character outside the spans stays as it is.
    """
    starts = _offsets(source)
    out, position = [], 0
    for span, code in replacements:
        start = starts[span.line] + span.column
        out += [source[position:start], code]
        position = starts[span.end_line] + span.end_column
    return "".join(out) + source[position:]


def string_literal(text: str, like: str = "") -> str:
    """A Python literal of ``text``: its ``repr``, in double quotes if ``like`` uses them.

    Whatever ``text`` holds (quotes, backslashes, line breaks), the literal
    evaluates to it and stays one token.
    """
    literal = repr(text)
    if like.startswith('"') and literal.startswith("'") and '"' not in text:
        literal = f'"{literal[1:-1]}"'  # repr escaped no quote: the text has none
    return literal


def splice_figure_texts(source: str, translate: Callable[[str], str]) -> str:
    """``source`` with each literal figure text replaced by its translation.

    A translation goes in as its ``repr`` (:func:`string_literal`), at the
    exact place of the literal it replaces; every other character of the script stays. A
    translation matplotlib cannot draw (:func:`mathtext_problems`) leaves
    the English literal in place, as the figures on the page do.
    """
    replacements = []
    for text in find_figure_texts(source):
        if not text.literal:
            continue
        translated = usable_translation(text.message, translate(text.message))
        if translated != text.message:
            replacements.append((text.span, string_literal(translated, text.code)))
    return replace_spans(source, replacements)


# -- Math ----------------------------------------------------------------------

def dollar_signs(text: str) -> int:
    """The unescaped ``$`` in a text, counted as matplotlib counts them."""
    return text.count("$") - text.count(r"\$")


def is_math_text(text: str) -> bool:
    """Whether matplotlib draws this text with mathtext: an even, non-zero count of ``$``."""
    count = dollar_signs(text)
    return count > 0 and count % 2 == 0


def mathtext_problems(english: str, translation: str) -> list[str]:
    """Why matplotlib could not draw ``translation`` as it draws ``english``; empty if none.

    The two must have the same number of unescaped ``$`` (with one ``$`` too
    few or too many, matplotlib silently draws the math as plain text, dollar
    signs included), and the math must be math matplotlib knows.
    """
    if dollar_signs(translation) != dollar_signs(english):
        return [f"has {dollar_signs(translation)} unescaped '$' where the English has"
                f" {dollar_signs(english)}, so matplotlib would not draw the same math"]
    if not is_math_text(translation):
        return []
    from matplotlib.mathtext import MathTextParser  # only for text with math

    try:
        MathTextParser("path").parse(translation)
    except ValueError as error:
        reason = str(error).strip().splitlines()[-1]
        return [f"holds math that matplotlib cannot draw ({reason})"]
    return []


def usable_translation(english: str, translation: str) -> str:
    """The translation, or the English if matplotlib could not draw it the same way."""
    return english if mathtext_problems(english, translation) else translation
