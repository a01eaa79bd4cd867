from docs_engine.pages.language_links import locale_name


def test_opengraph_locales_name_the_likely_territory():
    assert locale_name("en") == "en_US"
    assert locale_name("es") == "es_ES"
    assert locale_name("pt_BR") == "pt_BR"
