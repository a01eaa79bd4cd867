"""Link every page to the same page in the site's other languages.

Each language is built into its own folder beside the others
(``_build/html/en/``, ``_build/html/es/``) with the same page names; where
the folders are published is :mod:`docs_engine.hosting.site_urls`' business. This extension
gives templates ``language_links`` for the header's switcher, adds
``<link rel="alternate" hreflang>`` (and ``x-default``, the first language)
and ``og:locale`` to every page, and keeps the sitemap's alternates to pages
that exist. A page that another language leaves out links to that language's home
page instead, and has no alternate for it. The root ``index.html``, which
sends a visitor to the language their browser prefers, is written by
:mod:`docs_engine.hosting.root_page`. The switcher's own name
("Language") is a message of our extensions' catalog.
"""

from pathlib import Path
from xml.etree import ElementTree

from sphinx.application import Sphinx
from sphinx.config import Config

from docs_engine.translation.catalogs import EXTENSIONS_CATALOG, translations
from docs_engine.languages import locale_name
from docs_engine.project import language_tag, source_language
from docs_engine.hosting.site_urls import has_twin, language_base_url, page_url

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def add_language_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    config = app.config
    not_found = pagename == config.notfound_pagename
    links = []
    for code, name in config.docs_engine_languages.items():
        # The 404 page's twin is no use: it leads to the other language's home.
        twin = has_twin(app, pagename, code) and not not_found
        links.append({
            "code": code,
            "tag": language_tag(code),  # for lang and hreflang: pt-BR, where the folder is pt_BR
            "name": name,
            "url": page_url(app, pagename if twin else config.root_doc, code, from_page=pagename),
            "current": code == config.language,
            "twin": twin,
        })
    context["language_links"] = links
    twins = [link for link in links if link["twin"]]
    if not twins:
        return
    default = source_language(config.docs_engine_languages)
    alternates = [(link["tag"], link["url"]) for link in twins]
    alternates += [("x-default", link["url"]) for link in twins if link["code"] == default]
    tags = [f'<link rel="alternate" hreflang="{code}" href="{url}">' for code, url in alternates]
    if doctree is not None:  # a page with OpenGraph tags (docs_engine.hosting.opengraph's)
        tags.append(f'<meta property="og:locale" content="{locale_name(config.language)}">')
        tags += [f'<meta property="og:locale:alternate" content="{locale_name(link["code"])}">'
                 for link in twins if not link["current"]]
    context["metatags"] = context.get("metatags", "") + "".join(f"\n{tag}" for tag in tags)


def keep_sitemap_alternates_to_twins(app: Sphinx, exception: Exception | None) -> None:
    """Drop sphinx-sitemap's alternates to pages another language leaves out."""
    sitemap = Path(app.outdir) / app.config.sitemap_filename
    if exception or not app.config.docs_engine_language_exclude_patterns or not sitemap.exists():
        return
    base = language_base_url(app.config, app.config.language)
    code = {language_tag(code): code for code in app.config.docs_engine_languages}  # sphinx-sitemap writes tags
    tree = ElementTree.parse(sitemap)
    for url in tree.getroot():
        pagename = url.find(f"{{{SITEMAP}}}loc").text.removeprefix(base).removesuffix(".html")
        for link in url.findall(f"{{{XHTML}}}link"):
            if not has_twin(app, pagename, code[link.get("hreflang")]):
                url.remove(link)
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    tree.write(sitemap, xml_declaration=True, encoding="utf-8", method="xml")


# The name of the header's language switcher, read out before the current language.
SWITCHER_LABEL = "Language"


def add_switcher_label(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    context["language_switcher_label"] = translations(app, EXTENSIONS_CATALOG).gettext(SWITCHER_LABEL)


def translate_title(app: Sphinx, config: Config) -> None:
    """The site's title is text to translate, like the pages': the header's title,
    and the site name OpenGraph gives with every page.

    Translated as the configuration is read, as Sphinx's extensions derive their
    values: a value changed later would differ, at the next build, from the one
    conf.py gives, and Sphinx would say that the configuration changed.
    """
    config.html_title = translations(app, EXTENSIONS_CATALOG).gettext(config.html_title)
