from docs_engine.language_links import twin_url
from docs_engine.root_page import root_page


def test_twin_url_climbs_out_of_the_language_folder():
    assert twin_url("index", "es") == "../es/index.html"
    assert twin_url("examples/nn/plot_5_nn", "en") == "../../../en/examples/nn/plot_5_nn.html"


def test_root_page_prefers_the_browser_language_then_the_first():
    page = root_page({"en": "English", "es": "Español"}, "T & co")
    assert "navigator.languages" in page
    assert '(preferred[0] || "en")' in page
    assert '<a href="es/index.html" hreflang="es" lang="es">Español</a>' in page
    assert "<title>T &amp; co</title>" in page
