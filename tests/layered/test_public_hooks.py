"""What the engine does through public hooks only, shown on the tiny project:
the configuration a build leaves is the one the next build reads, the 404
pages, the translated thumbnails and the OpenGraph tags."""

import re

from bs4 import BeautifulSoup

from tests.layered.conftest import build_tinysite, sphinx

# "The configuration has changed (1 option: 'x')", or "(2 options: 'x', 'y')".
CONFIGURATION_CHANGED = re.compile(r"The configuration has changed \((\d+) options?: ([^)]*)\)")
# sphinx-copybutton adds its folder to html_static_path once the builder
# starts, which no setting avoids: the one change a build may report.
CHANGED_BY_OTHERS = {"html_static_path"}


def changed_options(output: str) -> set[str]:
    """The configuration values Sphinx says changed since the last build."""
    match = CONFIGURATION_CHANGED.search(output)
    if match is None:
        return set()
    names = set(re.findall(r"'([^']+)'", match[2]))
    assert len(names) == int(match[1]), f"the list is cut short: {match[0]}"
    return names


def soup(build, name: str) -> BeautifulSoup:
    return BeautifulSoup((build.html / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def test_a_rebuild_with_nothing_changed_finds_the_configuration_unchanged(tiny_copy):
    build_tinysite(tiny_copy)
    for language in ("en", "es"):
        again = sphinx(tiny_copy, "html", language, docs_engine_gallery_execute=False)
        assert again.status == 0, again.warnings
        assert "loading pickled environment" in again.output  # a rebuild indeed
        assert changed_options(again.output) <= CHANGED_BY_OTHERS, language


def test_the_root_404_page_is_the_first_languages_page_as_written(tinysite):
    english, spanish = tinysite["en"].html, tinysite["es"].html
    root = english.parent / "404.html"
    assert root.read_bytes() == (english / "404.html").read_bytes()
    for build, language in ((tinysite["en"], "en"), (tinysite["es"], "es")):
        page = soup(build, "404")
        # Every language's page finds its language in the path; the root's sends a visitor on.
        script = next(s.string for s in page.head.find_all("script")
                      if s.string and "window.location.pathname" in s.string)
        assert f'here = "{language}"' in script
        assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert soup(tinysite["es"], "404").h1.get_text() == "Página no encontrada"
    assert soup(tinysite["es"], "404").title.get_text().startswith("Página no encontrada")
    assert not spanish.joinpath("404.html").read_text(encoding="utf-8").count("Page not found")


def test_thumbnails_show_the_translated_intro_and_title(tinysite):
    for language, intro, title in (
            ("en", "We fit one number by gradient descent.", "Tiny: a constant by gradient descent"),
            ("es", "Ajustamos un número por descenso de gradiente.",
             "Diminuto: una constante por descenso de gradiente")):
        thumbnail = soup(tinysite[language], "examples/index").select_one("div.sphx-glr-thumbcontainer")
        assert thumbnail["tooltip"].strip() == intro
        assert thumbnail.select_one("div.sphx-glr-thumbnail-title").get_text() == title
        assert thumbnail.img["alt"] == title


def test_opengraph_tags_name_the_page_and_the_translated_site(tinysite):
    page = soup(tinysite["es"], "index")
    tags = {tag["property"]: tag["content"] for tag in page.select("meta[property^='og:']")}
    assert tags["og:title"] == "Sitio diminuto"
    assert tags["og:type"] == "website"
    assert tags["og:site_name"] == "Aprender PyTorch con ejemplos"
    assert tags["og:description"] == page.select_one("meta[name=description]")["content"]
    assert "og:url" not in tags  # a local build: no address to give
    assert not page.select("meta[property='og:image']")


def test_opengraph_urls_are_the_pages_addresses(tiny_copy):
    build_tinysite(tiny_copy)
    hosted = sphinx(tiny_copy, "html", "es", docs_engine_gallery_execute=False,
                    site_url="https://example.org/docs/")
    tags = {tag["property"]: tag["content"]
            for tag in soup(hosted, "examples/basics/plot_1_tiny").select("meta[property^='og:']")}
    assert tags["og:url"] == "https://example.org/docs/es/examples/basics/plot_1_tiny.html"
