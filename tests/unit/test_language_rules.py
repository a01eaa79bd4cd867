"""Each language's rules for the translators' checks, and its locale's name (docs_engine.languages)."""

import pytest

from docs_engine.languages import LanguageRules, generic_rules, locale_name, rules


def test_spanish_has_rules_of_its_own():
    spanish = rules("es")
    assert spanish.own and spanish.code == "es"
    assert (spanish.spelling_dictionary, spanish.dictionary_package) == ("es_ES", "hunspell-es")


@pytest.mark.parametrize("term,forms,other", [
    ("ajustar", ["ajustamos", "ajusta", "ajustado"], "calculamos"),  # a verb, by its infinitive
    ("propio", ["propia", "propios"], "personalizado"),  # an adjective in any gender and number
    ("perdida", ["perdidas"], "merma"),  # a noun in the plural (plain text: no accents)
    ("descenso de gradiente", ["descensos de gradientes", "descenso del gradiente"], "descenso por gradiente"),
])
def test_a_spanish_term_stands_for_every_form_of_its_words(term, forms, other):
    pattern = rules("es").term_pattern(term)
    assert all(pattern.search(f"y {form} aqui") for form in forms)
    assert not pattern.search(f"y {other} aqui")


def test_an_english_term_counts_in_the_singular_and_the_plural_only():
    pattern = rules("en").term_pattern("loss")
    assert pattern.search("the losses") and pattern.search("a loss")
    assert not rules("en").term_pattern("build").search("building")


@pytest.mark.parametrize("code,dictionary", [("fr", "fr_FR"), ("pt_BR", "pt_BR"), ("de", "de_DE")])
def test_a_language_without_a_module_gets_generic_rules(code, dictionary):
    found = rules(code)
    assert found == generic_rules(code) and not found.own
    assert found.spelling_dictionary == dictionary and found.dictionary_package is None
    # A term counts as the glossary writes it, with any ending: no grammar of the language's.
    assert found.term_pattern("perte").search("les pertes")
    assert not found.term_pattern("ajustar").search("ajustamos")


def test_a_region_without_a_module_has_its_languages_rules_and_its_own_dictionary():
    mexican = rules("es_MX")
    assert mexican.own and mexican.code == "es_MX" and mexican.spelling_dictionary == "es_MX"
    assert mexican.term_pattern("ajustar").search("ajustamos")


@pytest.mark.parametrize("folder", ["__init__", "es-ES", "../es", ""])
def test_a_folder_that_is_no_language_code_gets_generic_rules(folder):
    assert not rules(folder).own


def test_rules_are_immutable():
    with pytest.raises(AttributeError):
        rules("es").spelling_dictionary = "es_MX"  # type: ignore[misc]
    assert isinstance(rules("es"), LanguageRules)


def test_opengraph_locales_name_the_likely_territory():
    assert locale_name("en") == "en_US"
    assert locale_name("es") == "es_ES"
    assert locale_name("pt_BR") == "pt_BR"
