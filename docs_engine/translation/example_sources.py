"""The executed examples, and their text in the build's language.

Several extensions need an example's script translated: its page's downloads,
the gallery indexes' thumbnails and zips, the comparison page's titles. This
module is the one place that finds the executed scripts and translates them
(:func:`translated_source` remembers a translation by the script's and its
compiled catalog's content: an edit of either is seen, in the same process too).
"""

import ast
import functools
import gettext
from pathlib import Path

import polib
from sphinx.util import logging

from docs_engine.example import Example, build_gallery
from docs_engine.translation.catalogs import Build, is_translated, translation_source, translations
from docs_engine.translation.example_text import UnsafeTranslation, translate_script
from docs_engine.adapters.sphinx_gallery import extract_intro_and_title

logger = logging.getLogger(__name__)


def executed_examples(build: Build) -> list[Example]:
    """The examples the gallery step executed (their copies are in the gallery
    folder), in the order of their copies' paths."""
    return sorted((example for example in build_gallery(build).examples if example.executed.exists()),
                  key=lambda example: example.executed)


def translated_source(build: Build, script: Path) -> str:
    """The example's script with its text, comments, figure texts and docstrings
    in the build's language.

    Where a translation would change the code (:class:`UnsafeTranslation`),
    the build warns, naming the message's line in the catalog, and the
    example keeps its English script.
    """
    source = script.read_text(encoding="utf-8")
    if not is_translated(build):
        return source
    docname = build_gallery(build).by_executed(script).docname
    translated, unsafe = _translated(source, translations(build, docname))
    if unsafe:
        path = translation_source(build, docname)
        lines = {entry.msgid: entry.linenum for entry in polib.pofile(str(path))}
        for message in unsafe:
            if (path, message) in _warned:  # asked for by the page, its downloads, the indexes
                continue
            _warned.add((path, message))
            logger.warning("the translation would change the example's code, not only its text,"
                           " so the example keeps its English script; keep the translation inside"
                           " its comment, text or string (message %r)", message,
                           location=f"{path}:{lines.get(message, 1)}", type="i18n", subtype="code")
    return translated


_warned: set[tuple[Path, str]] = set()


# Keyed by content: translations() gives the same object for the same compiled catalog.
@functools.lru_cache(maxsize=64)
def _translated(source: str, catalog: gettext.NullTranslations) -> tuple[str, tuple[str, ...]]:
    """The translated script, or the English one and the messages that made it unsafe."""
    try:
        return translate_script(source, catalog.gettext), ()
    except UnsafeTranslation:
        return source, tuple(_unsafe_messages(source, catalog))


def _unsafe_messages(source: str, catalog: gettext.NullTranslations) -> list[str]:
    """The messages whose translation alone makes :func:`translate_script` refuse the script."""
    asked: list[str] = []
    translate_script(source, lambda message: asked.append(message) or message)
    unsafe = []
    for message in dict.fromkeys(asked):
        try:
            translate_script(source, lambda text: catalog.gettext(text) if text == message else text)
        except UnsafeTranslation:
            unsafe.append(message)
    return unsafe


def intro_and_title(build: Build, script: Path, translated: bool = True) -> tuple[str, str]:
    """An example's first paragraph and title, as sphinx-gallery shows them."""
    source = translated_source(build, script) if translated else script.read_text(encoding="utf-8")
    return _intro_and_title(script, source)


@functools.lru_cache(maxsize=64)  # asked for by every page that names an example
def _intro_and_title(script: Path, source: str) -> tuple[str, str]:
    docstring = ast.get_docstring(ast.parse(source), clean=False) or ""
    return extract_intro_and_title(script, docstring)


def example_title(build: Build, script: Path) -> str:
    """An example's title in the build's language."""
    return intro_and_title(build, script)[1]
