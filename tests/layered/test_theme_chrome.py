"""The theme's and Sphinx's own text in the page's language (docs_engine.translation.theme_messages)."""

import pickle

import polib
from bs4 import BeautifulSoup

from docs_engine.translation.theme_messages import TEXT_OPTIONS
from tests.layered.conftest import PROJECT

CATALOGS = PROJECT / "locales" / "es" / "LC_MESSAGES"


def page(build, name="index"):
    return BeautifulSoup((build.html / f"{name}.html").read_text(encoding="utf-8"),
                         "html.parser")


def translation(catalog: str, msgid: str) -> str:
    return polib.pofile(str(CATALOGS / catalog)).find(msgid).msgstr


def test_the_search_box_speaks_the_page_language(tinysite):
    english = TEXT_OPTIONS["search_bar_text"]
    spanish = translation("extensions.po", english)
    assert spanish and spanish != english
    for language, text in (("en", english), ("es", spanish)):
        boxes = page(tinysite[language]).select("input[name=q]")
        assert boxes, language
        assert {box["placeholder"] for box in boxes} == {box["aria-label"] for box in boxes} == {text}


def test_the_project_catalog_comes_before_the_packages(tinysite):
    # Sphinx's own Spanish catalog leaves this message empty.
    spanish = translation("sphinx.po", "Link to this heading")
    links = page(tinysite["es"]).select("a.headerlink")
    assert links and {link["title"] for link in links} == {spanish}


def test_the_search_page_reads_the_projects_messages(tinysite):
    used = tinysite["es"].html / "_static" / "translations.js"
    assert used.read_bytes() == (CATALOGS / "sphinx.js").read_bytes()


def test_every_spanish_page_depends_on_the_theme_catalogs(tinysite):
    build = tinysite["es"]
    env = pickle.loads((build.root / "_build/doctrees/es/environment.pickle").read_bytes())
    compiled = build.root / "_build" / "locales" / "es" / "LC_MESSAGES"
    wanted = {str(compiled / "sphinx.mo"), str(compiled / "extensions.mo")}
    for docname in env.found_docs:
        assert wanted <= {str(dependency) for dependency in env.dependencies[docname]}, docname
