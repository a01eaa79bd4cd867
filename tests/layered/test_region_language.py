"""A language with a region (pt_BR), on the tiny project: built, translated, listed and linked.

Its catalogs are the Spanish ones copied: what is checked is where the
language's pages go and how the others name it, not its words.
"""

import shutil

from bs4 import BeautifulSoup

from tests.layered.conftest import GALLERY_STEP, sphinx

LANGUAGES = {"en": "English", "es": "Español", "pt_BR": "Português (Brasil)"}
PAGE = "examples/basics/plot_1_tiny"


def soup(build, name: str) -> BeautifulSoup:
    return BeautifulSoup((build.html / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def test_a_language_with_a_region_is_built_and_named_by_its_tag(tiny_copy, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    shutil.copytree(tiny_copy / "locales/es", tiny_copy / "locales/pt_BR")
    gallery = sphinx(tiny_copy, "dummy", **GALLERY_STEP, docs_engine_languages=LANGUAGES)
    assert gallery.status == 0, gallery.warnings
    brazilian, english = (sphinx(tiny_copy, "html", language, docs_engine_gallery_execute=False, docs_engine_languages=LANGUAGES)
                          for language in ("pt_BR", "en"))
    assert (brazilian.status, brazilian.warnings) == (0, "")
    assert brazilian.html == tiny_copy / "_build/html/pt_BR"

    page = soup(brazilian, PAGE)
    assert page.html["lang"] == "pt-BR"
    assert page.h1.get_text().startswith("Diminuto")  # translated through locales/pt_BR
    assert page.select_one('meta[property="og:locale"]')["content"] == "pt_BR"
    script = page.select_one("a.download[href$='.py']")["href"]
    assert "Diminuto: una constante" in (brazilian.html / "examples/basics" / script).read_text(encoding="utf-8")

    english_page = soup(english, PAGE)
    switcher = {a["hreflang"]: a["href"] for a in english_page.select(".language-switcher a[hreflang]")}
    assert set(switcher) == {"en", "es", "pt-BR"}
    assert switcher["pt-BR"].endswith(f"pt_BR/{PAGE}.html")
    assert english_page.select_one('.language-switcher a[hreflang="pt-BR"]')["lang"] == "pt-BR"
    alternate = english_page.select_one('link[rel=alternate][hreflang="pt-BR"]')
    assert alternate["href"].endswith(f"pt_BR/{PAGE}.html")
