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

from docs_engine.example import Example, build_gallery
from docs_engine.translation.catalogs import Build, is_translated, translations
from docs_engine.translation.example_text import translate_script
from docs_engine.adapters.sphinx_gallery import extract_intro_and_title


def executed_examples(build: Build) -> list[Example]:
    """The examples the gallery step executed (their copies are in the gallery
    folder), in the order of their copies' paths."""
    return sorted((example for example in build_gallery(build).examples if example.executed.exists()),
                  key=lambda example: example.executed)


def translated_source(build: Build, script: Path) -> str:
    """The example's script with its text and comments in the build's language."""
    source = script.read_text(encoding="utf-8")
    if not is_translated(build):
        return source
    return _translated(source, translations(build, build_gallery(build).by_executed(script).docname))


# Keyed by content: translations() gives the same object for the same compiled catalog.
@functools.lru_cache(maxsize=64)
def _translated(source: str, catalog: gettext.NullTranslations) -> str:
    return translate_script(source, catalog.gettext)


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
