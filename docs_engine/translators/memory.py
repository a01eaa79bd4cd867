"""The translation memory: every English message with its translation.

It holds the translated and fuzzy messages of a language's catalogs, and
those of ``locales/<lang>/memory.po``: the translations of messages that left
the catalogs (obsolete entries, ``#~``), which ``make update-po`` moves there
so that no translation is lost with them. ``make find-po`` searches the
memory, and ``make lint-po``'s glossary check counts in it how a term is
translated elsewhere.

``memory.po`` is a plain PO file outside ``LC_MESSAGES``, so the build never
reads it: each message's context (``msgctxt``) names the catalog it left,
messages are sorted by that catalog and their English, a translation is kept
once, and the same messages always give the same bytes. It needs no git
history: a copy of the project holds all of it.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import polib
from babel.messages.catalog import Catalog, Message

from docs_engine.translation.po_checks import formatted, read_catalog
from docs_engine.project import ROOT
from docs_engine.translators.site_catalogs import catalogs_in_reading_order, read_strictly

MEMORY_NAME = "memory.po"
HEADER = """\
# Translations of messages that left the catalogs of LC_MESSAGES/.
# `make update-po` adds them, `make find-po` searches them; the build never
# reads this file. Each message's context names the catalog it left.
#"""


def memory_file(language: str, root: Path = ROOT) -> Path:
    return root / "locales" / language / MEMORY_NAME


@dataclass(frozen=True)
class Translation:
    """One English message and its translation, where a translator finds it."""

    path: Path  # the catalog, relative to the project
    line: int
    english: str
    translation: str
    fuzzy: bool
    left: str | None = None  # in the memory file: the catalog the message left

    @property
    def where(self) -> str:
        place = f"{self.path}:{self.line}"
        return f"{place} (left {self.left})" if self.left else place


def _translations(path: Path, catalog: polib.POFile) -> list[Translation]:
    return [Translation(path, entry.linenum, entry.msgid, entry.msgstr, entry.fuzzy,
                        entry.msgctxt if path.name == MEMORY_NAME else None)
            for entry in catalog if entry.msgid and entry.msgstr and not entry.obsolete]


def translations(language: str, root: Path = ROOT, strict: bool = True) -> list[Translation]:
    """The memory of a language: its catalogs in reading order, then the memory file.

    Strict (the default), a broken catalog raises
    :class:`~docs_engine.translators.site_catalogs.CatalogError`; otherwise it
    is skipped, for a caller that reports broken catalogs itself.
    """
    paths = catalogs_in_reading_order(language, root)
    if memory_file(language, root).is_file():
        paths.append(memory_file(language, root).relative_to(root))
    if strict:
        return [t for path, catalog in zip(paths, read_strictly(paths, root))
                for t in _translations(path, catalog)]
    found = []
    for path in paths:
        try:
            found += _translations(path, polib.pofile(str(root / path)))
        except (OSError, ValueError):
            continue
    return found


def term_pattern(term: str) -> re.Pattern:
    """The literal ``term`` (never a regular expression), in any case, at a word's start.

    A space matches any run of white space. A term that starts with a letter
    or a digit must start a word, which may go on after it: ``gradient``
    finds *gradients*, ``loss`` *losses*, but ``radient`` nothing.
    """
    words = term.split()
    if not words:
        raise ValueError("an empty term")
    pattern = r"\s+".join(re.escape(word) for word in words)
    if re.match(r"\w", words[0]):
        pattern = r"(?<!\w)" + pattern
    return re.compile(pattern, re.IGNORECASE)


def containing(term: str, memory: list[Translation]) -> list[Translation]:
    """The messages whose English contains ``term``."""
    pattern = term_pattern(term)
    return [t for t in memory if pattern.search(t.english)]


def retire(language: str, catalogs: dict[str, Catalog], root: Path = ROOT) -> int:
    """Add the translations of the catalogs' obsolete messages to the memory file.

    ``catalogs`` maps a catalog's name (``intro.po``) to the catalog, as
    :func:`~docs_engine.translation.po_checks.read_catalog` reads it, whose ``obsolete``
    messages are leaving it. Untranslated ones carry nothing and are dropped;
    a translation already in the memory is not added twice. The file's
    header is that of the newest catalog it took messages from, so the same
    messages give the same bytes, whatever the order they came in. Returns how
    many translations were added; the file is written only if there are any.
    """
    path = memory_file(language, root)
    memory = read_catalog(path) if path.is_file() else None
    kept = [m for m in memory if m.id] if memory else []
    known = {(m.id, m.string) for m in kept}
    taken = {(m.context, m.id) for m in kept}
    header, added = memory, 0
    for name, catalog in sorted(catalogs.items()):
        count = 0
        for message in catalog.obsolete.values():
            if not message.string or (message.id, message.string) in known:
                continue
            # The same English left the same catalog before, translated otherwise.
            context, number = name, 2
            while (context, message.id) in taken:
                context, number = f"{name} ({number})", number + 1
            kept.append(Message(message.id, message.string, flags=message.flags & {"fuzzy"},
                                context=context))
            known.add((message.id, message.string))
            taken.add((context, message.id))
            count += 1
        if count and (header is None or catalog.creation_date > header.creation_date):
            header = catalog
        added += count
    if added:
        written = Catalog(locale=language, header_comment=HEADER, fuzzy=False)
        written.mime_headers = header.mime_headers
        for message in sorted(kept, key=lambda m: (m.context, m.id)):
            written[message.id] = message
        path.write_bytes(formatted(written))
    return added
