from docs_engine.language_links import REDIRECT, locale_name


def test_redirect_page_prefers_the_browser_language_then_the_default():
    page = REDIRECT.format(default="en", title="T", codes='["en", "es"]', links="")
    assert "navigator.languages" in page
    assert '(preferred[0] || "en")' in page


def test_opengraph_locales_name_the_likely_territory():
    assert locale_name("en") == "en_US"
    assert locale_name("es") == "es_ES"
    assert locale_name("pt_BR") == "pt_BR"
