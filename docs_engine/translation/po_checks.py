"""Checks of translated messages, shared by the build and ``make lint-po``.

A translation must keep the markup of its English message: the same inline
code, roles and their targets, math, links and URLs, placeholders and bold or
emphasis markers, neither dropping nor adding any. That one rule also keeps
a translation from putting into the site anything its source does not have:
raw HTML, a script, a directive (``raw``, ``include``, ``image``...), a new
link, a ``javascript:`` URL.

Messages come from reST (example scripts) and MyST Markdown (pages); the
patterns below cover the syntax of both.
"""

import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import polib
from babel.messages.pofile import denormalize, normalize, read_po, write_po

# The one wrapping of every catalog, as `make update-po` writes it.
LINE_WIDTH = 79

# Each kind of markup, most specific first: the text is scanned once, and a
# span taken by one kind is not looked at again (a role's backquotes are not
# inline code). Group "keep", when a match has it, is what must match
# between source and translation (a link's target, not its text).
MARKUP = [
    ("role", r"(?::[\w:+-]+:|\{[\w:+-]+\})`(?:[^`<]*<(?P<role_target>[^`>]+)>|[^`]*)`"),
    ("link target", r"`[^`<]*<(?P<link_target>[^`>]+)>`__?|\]\((?P<md_target>[^)]*)\)"),
    ("inline code", r"``[^`]+``|`[^`]+`"),
    ("URL", r"(?:https?|ftp|mailto|javascript|data|vbscript):[^\s`>)\]]*"),
    ("math", r"\$[^$]+\$"),
    ("HTML", r"</?[a-zA-Z][^>]*>|&#?\w+;"),
    ("directive", r"(?m:^[ \t]*(?:\.\. [\w:-]+::|```\s*\{[\w:-]+\}|:::\s*\{[\w:-]+\}))"),
    ("substitution or footnote", r"\|[^|\s][^|]*\||\[#?\w*\]_|\[\^\w+\]"),
    ("placeholder", r"\{\w*\}|%\(\w+\)s"),
    ("bold or emphasis", r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])"),
]
_SCANNER = re.compile(
    "|".join(f"(?P<k{index}>{pattern})" for index, (_, pattern) in enumerate(MARKUP)),
    re.IGNORECASE,
)
_TARGETS = ("role_target", "link_target", "md_target")


def markup(text: str) -> Counter:
    """The markup in ``text``: a count of (kind, what must match) pairs."""
    found = Counter()
    for match in _SCANNER.finditer(text):
        index = int(match.lastgroup[1:]) if match.lastgroup.startswith("k") else None
        if index is None:  # lastgroup is an inner target group
            index = next(i for i in range(len(MARKUP)) if match.group(f"k{i}"))
        target = next((match.group(name) for name in _TARGETS if match.group(name)), None)
        found[MARKUP[index][0], target or match.group(0)] += 1
    return found


def markup_problems(source: str, translation: str) -> list[str]:
    """What markup the translation drops or adds, in words; empty if none."""
    expected, actual = markup(source), markup(translation)
    problems = []
    for kind, value in sorted(expected - actual):
        problems.append(f"drops the {kind} {value!r}")
    for kind, value in sorted(actual - expected):
        problems.append(f"adds the {kind} {value!r}, which the English message does not have")
    return problems


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    msgid: str
    text: str

    def __str__(self) -> str:
        excerpt = self.msgid if len(self.msgid) <= 60 else self.msgid[:57] + "..."
        return f"{self.path}:{self.line}: {self.text} (message {excerpt!r})"


def catalog_markup_problems(path: str, catalog: polib.POFile | None = None) -> list[Problem]:
    """Markup problems of every translated, non-fuzzy entry of a catalog."""
    catalog = catalog if catalog is not None else polib.pofile(path)
    problems = []
    for entry in catalog.translated_entries():
        for text in markup_problems(entry.msgid, entry.msgstr):
            problems.append(Problem(path, entry.linenum, entry.msgid, text))
    return problems


@dataclass(frozen=True)
class Progress:
    """How much of one catalog is translated."""

    translated: int
    fuzzy: int
    untranslated: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def catalog_progress(path: str) -> Progress:
    return progress_of(polib.pofile(path))


def progress_of(catalog: polib.POFile) -> Progress:
    return Progress(
        len(catalog.translated_entries()),
        len(catalog.fuzzy_entries()),
        len(catalog.untranslated_entries()),
    )


class CatalogSyntaxError(ValueError):
    """A catalog that is not valid gettext, in one line: ``file:line: problem; fix``."""


FIX_SYNTAX = "fix the entry's syntax (quotes, msgid/msgstr pairs)"
# A line of msgfmt's that says more of the error before it: where a duplicate
# message was first defined.
_MSGFMT_MORE = re.compile(r".*?:(\d+)(?::\d+)?: \.\.\.(.*)")


def first_msgfmt_error(stderr: str) -> str | None:
    """The first error GNU msgfmt printed, in one line: ``file:line: problem; fix``.

    Only the first counts (the others often follow from it); what msgfmt says
    more of it on lines of their own joins it, and warnings are left out.
    """
    errors: list[str] = []
    for line in stderr.strip().splitlines():
        more = _MSGFMT_MORE.fullmatch(line)
        if more and errors:
            errors[-1] = errors[-1].removesuffix("...") + f" (line {more.group(1)}: {more.group(2)})"
        elif not line.startswith("msgfmt:") and ": warning: " not in line:
            errors.append(line)
    return f"{errors[0]}; {FIX_SYNTAX}" if errors else None


def syntax_error(path: Path) -> str | None:
    """GNU msgfmt's first complaint about a catalog, in one line:
    ``file:line: problem; fix``. None if the catalog is valid gettext.

    msgfmt is the reference for the syntax: polib and Babel both read some
    broken catalogs (an unclosed string, a second ``msgstr``) without a word.
    """
    try:
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                                capture_output=True, text=True)
    except FileNotFoundError:
        return (f"{path}:1: cannot be checked, msgfmt is missing;"
                " install GNU gettext (`apt-get install gettext`)")
    if result.returncode == 0:
        return None
    return first_msgfmt_error(result.stderr) or f"{path}:1: msgfmt cannot read it; {FIX_SYNTAX}"


def load_catalog(path: Path, check: bool = True) -> polib.POFile:
    """A catalog as polib reads it, or :class:`CatalogSyntaxError` if it is not valid gettext.

    With ``check``, msgfmt checks it first (:func:`syntax_error`). Without,
    for a caller that checked it already or that reads catalogs where a
    broken one is rare (a build's status page), only a catalog polib cannot
    read is refused; the error is msgfmt's then, or polib's where msgfmt
    finds none.
    """
    if check and (error := syntax_error(path)):
        raise CatalogSyntaxError(error)
    try:
        return polib.pofile(str(path))
    except (OSError, ValueError) as error:
        if not check and (msgfmt_error := syntax_error(path)):
            raise CatalogSyntaxError(msgfmt_error) from None
        found = re.search(r"\(line (\d+)\)(?::\s*)?(.*)", str(error))
        line, text = (found.group(1), found.group(2) or "syntax error") if found else ("1", str(error))
        raise CatalogSyntaxError(f"{path}:{line}: {text} (polib); {FIX_SYNTAX}") from None


def catalog_language(path: Path) -> str | None:
    """The language of a catalog, from where it lives: ``locales/<language>/...``.

    None for a file outside a ``locales`` folder.
    """
    parts = Path(path).absolute().parts
    under = [index + 1 for index, part in enumerate(parts[:-2]) if part == "locales"]
    return parts[under[-1]] if under else None


def read_catalog(path: Path, content: bytes | None = None):
    """A catalog as Babel reads it, in the language of the folder it lives in:
    the file's, or ``content`` if given (what msgmerge made of it).

    Babel reads a fuzzy message's ``#| msgid`` lines as a comment; they are
    turned back into the message's previous English here.
    """
    catalog = read_po(BytesIO(path.read_bytes() if content is None else content),
                      locale=catalog_language(path))
    for message in catalog:
        previous = [c[2:] for c in message.user_comments if c.startswith("| ")]
        if previous and previous[0].startswith("msgid "):
            message.user_comments = [c for c in message.user_comments if not c.startswith("| ")]
            message.previous_id = [denormalize("\n".join([previous[0][6:], *previous[1:]]))]
    return catalog


def formatted(catalog) -> bytes:
    """A catalog written the way every tool of the project writes it.

    A fuzzy message's previous English goes in ``#|`` lines, wrapped like
    its ``msgid`` (Babel's own ``include_previous`` re-wraps them as prose).
    """
    buffer = BytesIO()
    write_po(buffer, catalog, width=LINE_WIDTH)
    text = buffer.getvalue().decode("utf-8")
    for message in catalog:
        if message.id and message.previous_id:
            current = f"msgid {normalize(message.id, width=LINE_WIDTH)}\nmsgstr"
            previous = "\n".join(
                f"#| {line}" for line in
                f"msgid {normalize(message.previous_id[0], width=LINE_WIDTH)}".splitlines()
            )
            text = text.replace(current, f"{previous}\n{current}", 1)
    return text.encode("utf-8")
