"""OpenGraph tags, which a link preview reads: each page's title, address, type and site.

The site's pages need four tags and the description (:mod:`docs_engine.pages.page_description`
gives it, as a page's ``og:description`` field); sphinxext-opengraph wrote
them, but it imports matplotlib whenever it loads, for social cards the site
does not draw, even with ``ogp_social_cards = {"enable": False}``: a second
of a translator's rebuild, which otherwise draws nothing. Written here from
Sphinx's page context instead, as sphinxext-opengraph writes them:

- ``og:title``: the page's title, without markup;
- ``og:type``: ``website``;
- ``og:url``: the page's address, when the site's is known (:mod:`docs_engine.hosting.site_urls`);
- ``og:site_name``: the site's title, in the page's language (:mod:`docs_engine.pages.language_links`);
- any ``og:`` field of the page (``og:description``).

Pages Sphinx generates without a document (search, index) get none.
"""

from markupsafe import Markup, escape
from sphinx.application import Sphinx

from docs_engine.hosting.site_urls import language_base_url


def opengraph_tags(app: Sphinx, pagename: str, context: dict) -> dict[str, str]:
    """The page's OpenGraph properties, by name, as plain text."""
    tags = {"og:title": Markup(context.get("title") or "").striptags(), "og:type": "website"}
    base = language_base_url(app.config, app.config.language)
    if base:
        tags["og:url"] = base + app.builder.get_target_uri(pagename)
    tags["og:site_name"] = app.config.html_title
    fields = context.get("meta") or {}
    tags.update({name: value for name, value in fields.items() if name.startswith("og:")})
    return tags


def add_opengraph_tags(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is None:
        return
    tags = opengraph_tags(app, pagename, context)
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<meta property="{name}" content="{escape(value)}">' for name, value in tags.items())
