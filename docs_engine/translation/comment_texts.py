"""The comments of Python code as messages, and the code with them translated.

Consecutive comment lines are one message (:func:`comment_messages`);
:func:`translate_comments` puts each message's translation back in its
place, re-wrapped, and changes nothing else of the code. The example pages
(:mod:`docs_engine.translation.code_messages`) and the translated downloads
(:mod:`docs_engine.translation.example_text`) translate comments with it, so
that the page and the script a learner downloads read the same. Standard
library only.
"""

import io
import textwrap
import tokenize
from collections.abc import Callable

# The examples' line length, which a translated comment or docstring is
# wrapped to, as the English is written: what the theme's code column holds
# on a 1280 px desktop (622 px of 14 px monospace, 8.43 px a character, less
# its padding), so that no line of a page's code is hidden there.
LINE_WIDTH = 70


def comment_groups(code: str) -> list[tuple[int, int, int, bool]]:
    """Each comment message: (first row, last row, column, on a line of its own).

    Rows are 0-based. Consecutive comment lines at the same column are one
    message; a comment after code is a message of its own.
    """
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError):
        return []  # not Python we can read: leave it as it is
    lines = code.splitlines()
    groups: list[list] = []
    for token in tokens:
        if token.type != tokenize.COMMENT or token.string.startswith("#!"):
            continue
        row, column = token.start[0] - 1, token.start[1]
        alone = not lines[row][:column].strip()
        last = groups[-1] if groups else None
        if alone and last and last[3] and last[1] == row - 1 and last[2] == column:
            last[1] = row
        else:
            groups.append([row, row, column, alone])
    return [tuple(group) for group in groups]


def _comment_text(line: str, column: int) -> str:
    return line[column:].lstrip("#").strip()


def comment_messages(code: str) -> list[str]:
    lines = code.splitlines()
    return [
        " ".join(_comment_text(lines[row], column) for row in range(first, last + 1))
        for first, last, column, _ in comment_groups(code)
    ]


def translate_comments(code: str, translate: Callable[[str], str]) -> str:
    """``code`` with each comment message translated and re-wrapped."""
    lines = code.splitlines()
    replaced: dict[int, list[str]] = {}
    for (first, last, column, alone), message in zip(comment_groups(code), comment_messages(code)):
        # One line of words, whatever the translation holds: a line break
        # would put the rest of it outside the comment, into the code.
        translated = " ".join(translate(message).split())
        if translated == message or not translated:
            continue
        if alone:
            indent = " " * column
            replaced[first] = textwrap.wrap(
                translated, LINE_WIDTH, initial_indent=indent + "# ",
                subsequent_indent=indent + "# ", break_long_words=False,
                break_on_hyphens=False,
            )
            for row in range(first + 1, last + 1):
                replaced[row] = []
        elif len(lines[first][:column] + "# " + translated) <= LINE_WIDTH:
            replaced[first] = [lines[first][:column] + "# " + translated]
        else:  # too long after its code: on lines of its own above it
            code_line = lines[first][:column].rstrip()
            indent = code_line[:len(code_line) - len(code_line.lstrip())]
            replaced[first] = [*textwrap.wrap(
                translated, LINE_WIDTH, initial_indent=indent + "# ", subsequent_indent=indent + "# ",
                break_long_words=False, break_on_hyphens=False), code_line]
    out = [new for row, line in enumerate(lines) for new in replaced.get(row, [line])]
    return "\n".join(out) + ("\n" if code.endswith("\n") else "")
