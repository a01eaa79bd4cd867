from docs_engine.translation.example_text import translate_rst, translate_script

SPANISH = {
    "The data": "Los datos",
    "We fit a cubic with ``numpy``.": "Ajustamos un polinomio cúbico con ``numpy``.",
    "first item that is long enough to wrap around the line": "primer elemento",
    "second item": "segundo elemento",
    "Fit": "Ajuste",
}


def translate(message):
    return SPANISH.get(message, message)


def test_titles_get_an_underline_of_their_new_length():
    assert translate_rst("The data\n--------\n", translate) == "Los datos\n---------\n"


def test_paragraphs_are_joined_translated_and_rewrapped():
    text = "We fit a cubic\nwith ``numpy``.\n"
    assert translate_rst(text, translate, width=30) == "Ajustamos un polinomio cúbico\ncon ``numpy``.\n"


def test_bullet_items_are_translated_one_by_one():
    text = "- first item that is long enough\n  to wrap around the line\n- second item\n"
    assert translate_rst(text, translate) == "- primer elemento\n- segundo elemento\n"


def test_untranslated_messages_stay_in_english():
    assert translate_rst("Nobody translated this.\n", translate) == "Nobody translated this.\n"


def test_script_code_is_untouched_and_text_blocks_translated():
    script = '''"""
Fit
===

We fit a cubic with ``numpy``.
"""

# %%
# The data
# --------

x = 1  # The data
'''
    translated = translate_script(script, translate)
    assert '"""\nAjuste\n======\n\nAjustamos un polinomio cúbico con ``numpy``.\n"""' in translated
    assert "# Los datos\n# ---------\n" in translated
    assert translated.endswith("x = 1  # Los datos\n")  # code kept, comment translated


def test_backslashes_in_the_docstring_stay_escaped():
    script = '"""\nTitle\n=====\n\n:math:`\\\\pi`\n"""\nx = 1\n'
    assert ":math:`\\\\pi`" in translate_script(script, translate)
