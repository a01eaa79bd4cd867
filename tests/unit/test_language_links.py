from docs_engine.language_links import locale_name
from docs_engine.root_page import root_page


def test_root_page_prefers_the_browser_language_then_the_first():
    page = root_page({"en": "English", "es": "Español"}, "T & co")
    assert "navigator.languages" in page
    assert '(preferred[0] || "en")' in page
    assert '<a href="es/index.html" hreflang="es" lang="es">Español</a>' in page
    assert "<title>T &amp; co</title>" in page


def test_opengraph_locales_name_the_likely_territory():
    assert locale_name("en") == "en_US"
    assert locale_name("es") == "es_ES"
    assert locale_name("pt_BR") == "pt_BR"
