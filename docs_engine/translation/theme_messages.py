"""Keep the theme's text in the build's language, on every page.

pydata-sphinx-theme takes most of its text from Sphinx's message catalogs,
which the project's ``locales/<lang>/LC_MESSAGES/sphinx.po`` completes. A few
texts are theme options instead, written into every page as they are: the
search box's placeholder and label is ``search_bar_text`` ("Search the docs
..."), on every page and in the Ctrl+K dialog. Each such text is a message of
our extensions' catalog (``extensions.po``), and the option is set to its
translation when the builder starts, for that build only.

Every page shows this text, so every page depends on the two compiled
catalogs that translate it: editing ``sphinx.po`` or ``extensions.po``
rebuilds every page, not only the pages those catalogs also translate.

The search page's messages come from a ``sphinx.js`` beside the compiled
catalogs, which replaces Sphinx's own; Sphinx looks for it in
``locale_dirs`` relative to the working folder, not to the source folder as
for the catalogs, so ``locale_dirs`` is made absolute once the catalogs are
loaded.
"""

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from docs_engine.translation.catalogs import EXTENSIONS_CATALOG, note_catalog, translations

# The gettext domain of Sphinx's and the theme's own messages.
THEME_CATALOG = "sphinx"

# The theme options that hold text a reader sees, with the theme's English.
TEXT_OPTIONS = {
    "search_bar_text": "Search the docs ...",
}


def translate_theme_options(app: Sphinx) -> None:
    """Set the text options of this build's theme to their translations."""
    options = getattr(app.builder, "theme_options", None)
    if options is None:  # not an HTML builder
        return
    gettext = translations(app, EXTENSIONS_CATALOG).gettext
    # A copy: html_theme_options itself stays as conf.py wrote it.
    translated = dict(options)
    for name, english in TEXT_OPTIONS.items():
        translated[name] = gettext(options.get(name, english))
    app.builder.theme_options = translated


def resolve_locale_dirs(app: Sphinx, config: Config) -> None:
    """``locale_dirs`` as absolute paths, which Sphinx reads alike everywhere."""
    config.locale_dirs = [str(Path(app.srcdir, folder).resolve()) for folder in config.locale_dirs]


def depend_on_theme_catalogs(app: Sphinx, doctree: nodes.document) -> None:
    for catalog in (THEME_CATALOG, EXTENSIONS_CATALOG):
        note_catalog(app.env, catalog)
