"""Link every page to the same page in the site's other languages.

Each language is built into its own folder beside the others
(``_build/html/en/``, ``_build/html/es/``) with the same page names, so the
twin of ``<lang>/<page>.html`` is ``<other>/<page>.html``. This extension
gives templates ``language_links`` for the header's switcher and adds
``<link rel="alternate" hreflang>`` to every page. The root ``index.html``,
which sends a visitor to the language their browser prefers, is written by
:mod:`docs_engine.root_page`. The switcher's own name ("Language") is a
message of our extensions' catalog.
"""

from sphinx.application import Sphinx
from sphinx.config import Config

from docs_engine.catalogs import EXTENSIONS_CATALOG, add_messages, translations


def twin_url(pagename: str, language: str) -> str:
    """The relative URL of ``pagename`` in ``language``, seen from the page."""
    return "../" * (pagename.count("/") + 1) + f"{language}/{pagename}.html"


def add_language_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    links = [
        {
            "code": code,
            "name": name,
            "url": twin_url(pagename, code),
            "current": code == app.config.language,
        }
        for code, name in app.config.languages.items()
    ]
    context["language_links"] = links
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<link rel="alternate" hreflang="{link["code"]}" href="{link["url"]}">'
        for link in links
    )


# The name of the header's language switcher, read out before the current language.
SWITCHER_LABEL = "Language"


def add_switcher_label(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    context["language_switcher_label"] = translations(app, EXTENSIONS_CATALOG).gettext(SWITCHER_LABEL)


def declare_title(app: Sphinx, config: Config) -> None:
    """The site's title is text to translate, like the pages'."""
    add_messages(config.html_title)


def translate_title(app: Sphinx) -> None:
    app.config.html_title = translations(app, EXTENSIONS_CATALOG).gettext(app.config.html_title)


def setup(app: Sphinx) -> dict:
    app.add_config_value("languages", {"en": "English"}, "html", types=[dict])
    app.setup_extension("docs_engine.catalogs")
    add_messages(SWITCHER_LABEL)
    app.connect("config-inited", declare_title)
    app.connect("builder-inited", translate_title)
    app.connect("html-page-context", add_language_links)
    app.connect("html-page-context", add_switcher_label)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
