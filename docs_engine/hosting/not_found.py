"""The 404 page of each language, in that language, that renders at any path.

sphinx-notfound-page writes ``404.html`` with absolute URLs for its assets and
links (``notfound_urls_prefix``, from :mod:`docs_engine.hosting.site_urls`), so the page renders
the same whatever missing address a host serves it at. Its text is ours,
translated through the extensions' catalog: it offers the home page and a
search. The page is for visitors only: no canonical link, no alternates, and
search engines are told not to index it.

A host that serves one ``404.html`` from the site's root for every missing
path (GitHub Pages) gets a copy of the first language's page, which sends a
visitor whose path is in another language to that language's 404 page.
Every language's page carries that script (in its own folder it finds its
own language in the path, and stays): the copy is the page as Sphinx wrote it.

The text and the script are given to the page as it is written
(``html-page-context``), not through ``notfound_context``: a configuration
value changed once the configuration is read makes every next build say
that the configuration changed.
"""

import json
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import escape
from sphinx.application import Sphinx

from docs_engine import priorities
from docs_engine.build_files import replace_file
from docs_engine.translation.catalogs import EXTENSIONS_CATALOG, translations
from docs_engine.hosting.site_urls import page_url
from docs_engine.project import source_language

TITLE = "Page not found"
EXPLANATION = "There is no page at this address: it may have moved, or the address may be mistyped."
HOME = "Go to the home page"
SEARCH = "Search the site"
SEARCH_BUTTON = "Search"
MESSAGES = (TITLE, EXPLANATION, HOME, SEARCH, SEARCH_BUTTON)

BODY = """<h1>{title}</h1>
<p>{explanation}</p>
<p><a href="{home_url}">{home}</a></p>
<form class="bd-search not-found-search d-flex align-items-center" action="{search_url}" method="get" role="search">
  <i class="fa-solid fa-magnifying-glass" aria-hidden="true"></i>
  <input class="form-control" type="search" name="q" aria-label="{search}" placeholder="{search}">
  <button class="btn btn-sm" type="submit">{search_button}</button>
</form>
"""
# The form is the theme's own search field (its bd-search look, in both
# modes), with a button for those who do not press Enter.

# Runs first on the 404 page: the language is the first segment after the site's root.
LANGUAGE_FROM_PATH = """
  (function () {{
    var root = {root}, languages = {languages}, here = {language};
    var path = window.location.pathname;
    if (path.indexOf(root) !== 0) return;
    var language = path.slice(root.length).split("/")[0];
    if (language !== here && languages.indexOf(language) !== -1) {{
      window.location.replace(root + language + "/404.html");
    }}
  }})();
"""


def translate_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The page's text in the build's language, with links that work from any path."""
    if pagename != app.config.notfound_pagename:
        return
    _ = translations(app, EXTENSIONS_CATALOG).gettext
    here, language = app.config.notfound_pagename, app.config.language
    context.update({
        "title": _(TITLE),
        "body": BODY.format(
            title=escape(_(TITLE)),
            explanation=escape(_(EXPLANATION)),
            home=escape(_(HOME)),
            home_url=page_url(app, app.config.root_doc, language, from_page=here),
            search=escape(_(SEARCH)),
            search_url=page_url(app, "search", language, from_page=here),
            search_button=escape(_(SEARCH_BUTTON)),
        ),
    })


def keep_out_of_search_engines(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if pagename != app.config.notfound_pagename:
        return
    context["pageurl"] = None  # no canonical link
    context["content_root"] = app.config.notfound_urls_prefix  # what scripts resolve URLs against
    context["metatags"] = context.get("metatags", "") + '\n<meta name="robots" content="noindex">'


def pick_language_from_path(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Give the 404 page the script that sends a visitor to their path's language."""
    if pagename != app.config.notfound_pagename:
        return
    script = LANGUAGE_FROM_PATH.format(
        root=json.dumps(urlsplit(app.config.site_url).path or "/"),
        languages=json.dumps(list(app.config.docs_engine_languages)),
        language=json.dumps(app.config.language),
    )
    # Called here, it adds the script to this page only (Sphinx's documented behaviour).
    app.add_js_file(None, body=script, priority=priorities.LANGUAGE_FROM_PATH_SCRIPT)


def write_root_not_found(app: Sphinx, exception: Exception | None) -> None:
    """Copy the first language's 404 page, which picks the path's language, to the root."""
    source = source_language(app.config.docs_engine_languages)
    if exception or app.builder.format != "html" or app.config.language != source:
        return
    page = Path(app.outdir) / f"{app.config.notfound_pagename}.html"
    replace_file(Path(app.outdir).parent / "404.html", page.read_bytes())
