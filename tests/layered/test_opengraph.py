"""docs_engine.hosting.opengraph: the OpenGraph tags of a page, from Sphinx's page context."""

import subprocess
import sys
from types import SimpleNamespace

from docs_engine.hosting.opengraph import add_opengraph_tags, opengraph_tags


def app(site_url: str = "") -> SimpleNamespace:
    config = SimpleNamespace(site_url=site_url, docs_engine_site_version_path="", language="es",
                             html_title="Aprender PyTorch con ejemplos")
    builder = SimpleNamespace(get_target_uri=lambda pagename: f"{pagename}.html")
    return SimpleNamespace(config=config, builder=builder)


def test_a_page_is_named_by_its_title_without_markup_and_the_translated_site():
    context = {"title": "Tensores: <code>y = a + b x</code> &amp; más", "meta": {}}
    assert opengraph_tags(app(), "intro", context) == {
        "og:title": "Tensores: y = a + b x & más",
        "og:type": "website",
        "og:site_name": "Aprender PyTorch con ejemplos",
    }


def test_its_address_is_absolute_when_the_site_has_one():
    tags = opengraph_tags(app("https://example.org/docs/"), "examples/index", {"title": "T"})
    assert tags["og:url"] == "https://example.org/docs/es/examples/index.html"


def test_the_page_fields_give_the_description_and_the_tags_are_escaped():
    context = {"title": "T", "meta": {"og:description": 'Un "ajuste" <cúbico>', "author": "x"},
               "metatags": ""}
    add_opengraph_tags(app(), "intro", "page.html", context, doctree=object())
    assert '<meta property="og:description" content="Un &#34;ajuste&#34; &lt;cúbico&gt;">' \
        in context["metatags"]
    assert "author" not in context["metatags"]


def test_a_page_without_a_document_gets_none():
    context = {"title": "Search", "metatags": ""}
    add_opengraph_tags(app(), "search", "search.html", context, doctree=None)
    assert context["metatags"] == ""


def test_loading_it_imports_no_matplotlib():
    code = "import sys, docs_engine.hosting.opengraph; print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
