from docs_engine.language_links import REDIRECT, twin_url


def test_twin_url_climbs_out_of_the_language_folder():
    assert twin_url("index", "es") == "../es/index.html"
    assert twin_url("examples/nn/plot_5_nn", "en") == "../../../en/examples/nn/plot_5_nn.html"


def test_redirect_page_prefers_the_browser_language_then_the_default():
    page = REDIRECT.format(default="en", title="T", codes='["en", "es"]', links="")
    assert "navigator.languages" in page
    assert '(preferred[0] || "en")' in page
