"""The executed examples, and their text in the build's language.

Several extensions need an example's script translated: its page's downloads,
the gallery indexes' thumbnails and zips, the comparison page's titles. This
module is the one place that finds the executed scripts and translates each
once per build (:func:`translated_source` remembers the result for as long as
neither the script nor its compiled catalog changes).
"""

import ast
import functools
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.i18n import docname_to_domain

from docs_engine.catalogs import compiled_folder, is_translated, translations
from docs_engine.example_translation import translate_script
from docs_engine.sphinx_gallery_adapter import extract_intro_and_title

_translated: dict[tuple, str] = {}


def example_scripts(app: Sphinx) -> list[Path]:
    """The executed copies of the example scripts, in the gallery folder."""
    return sorted((Path(app.srcdir) / app.config.gallery_dir).rglob("plot_*.py"))


def script_docname(app: Sphinx, script: Path) -> str:
    return script.relative_to(app.srcdir).with_suffix("").as_posix()


def mtime(path: Path) -> int:
    """When ``path`` last changed, 0 if it does not exist: for keys of per-build caches."""
    return path.stat().st_mtime_ns if path.exists() else 0


def translation_key(app: Sphinx, script: Path) -> tuple:
    """What the example's text in the build's language depends on: the executed
    script and its compiled catalog, as they are now."""
    docname = script_docname(app, script)
    domain = docname_to_domain(docname, app.config.gettext_compact)
    catalog = compiled_folder(app) / "LC_MESSAGES" / f"{domain}.mo"
    return (str(script), app.config.language, mtime(script), mtime(catalog))


def translated_source(app: Sphinx, script: Path) -> str:
    """The example's script with its text and comments in the build's language."""
    source = script.read_text(encoding="utf-8")
    if not is_translated(app):
        return source
    key = translation_key(app, script)
    if key not in _translated:
        gettext = translations(app, script_docname(app, script)).gettext
        _translated[key] = translate_script(source, gettext)
    return _translated[key]


def intro_and_title(app: Sphinx, script: Path, translated: bool = True) -> tuple[str, str]:
    """An example's first paragraph and title, as sphinx-gallery shows them."""
    source = translated_source(app, script) if translated else script.read_text(encoding="utf-8")
    return _intro_and_title(script, source)


@functools.lru_cache(maxsize=64)  # asked for by every page that names an example
def _intro_and_title(script: Path, source: str) -> tuple[str, str]:
    docstring = ast.get_docstring(ast.parse(source), clean=False) or ""
    return extract_intro_and_title(script, docstring)


def example_title(app: Sphinx, script: Path) -> str:
    """An example's title in the build's language."""
    return intro_and_title(app, script)[1]
