"""Docstrings as messages: found, written back as docstrings, and inert whatever a translation holds."""

import ast

import pytest

from docs_engine.translation.comment_texts import LINE_WIDTH
from docs_engine.translation.docstrings import (docstring_messages, docstring_problems,
                                                find_docstrings, splice_docstrings)
from docs_engine.translation.example_text import UnsafeTranslation, same_code, translate_script

SCRIPT = '''"""
Title
=====

The module docstring is the page's text, not a docstring message.
"""


class Model:
    """A model with
    two lines."""

    def forward(self, x):
        """
        Compute the output.

        A second paragraph.
        """
        return x


def start_near(value):
    """Return a tensor close to ``value``."""
    return value
'''


def docstrings(source: str) -> dict[str, str | None]:
    tree = ast.parse(source)
    return {node.name: ast.get_docstring(node) for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.ClassDef))}


def test_each_class_and_function_docstring_is_one_message_with_its_lines_joined():
    assert docstring_messages(SCRIPT) == [
        "A model with two lines.",
        "Compute the output.\n\nA second paragraph.",
        "Return a tensor close to ``value``.",
    ]
    assert [docstring.span.line for docstring in find_docstrings(SCRIPT)] == [10, 14, 23]


def test_a_translation_is_written_as_a_docstring_like_the_english_one():
    spanish = {
        "Return a tensor close to ``value``.": "Devuelve un tensor cercano a ``value``.",
        "Compute the output.\n\nA second paragraph.":
            "Calcula la salida con una frase lo bastante larga como para que haya que partirla"
            " en dos líneas.\n\nUn segundo párrafo.",
    }
    translated = splice_docstrings(SCRIPT, lambda message: spanish.get(message, message))
    assert '    """Devuelve un tensor cercano a ``value``."""\n' in translated
    assert ('        """Calcula la salida con una frase lo bastante larga como para\n'
            '        que haya que partirla en dos líneas.\n\n        Un segundo párrafo.\n        """\n'
            ) in translated
    assert max(len(line) for line in translated.splitlines()) <= LINE_WIDTH
    assert docstrings(translated)["forward"] == (
        "Calcula la salida con una frase lo bastante larga como para\n"
        "que haya que partirla en dos líneas.\n\nUn segundo párrafo.")
    assert same_code(SCRIPT, translated)


HOSTILE = [
    'Fin."""; import os; os.system("rm -rf ~"); """',
    "Una barra \\ invertida y \\n un escape",
    "Termina con comillas\"",
    "Comillas simples ''' y dobles \"\"\"\"",
    "Una línea\n\nimport os\n",
    "Un carácter nulo \x00 y un separador \u2028 de línea",
    "{value} %(x)s",
    "\\N{BULLET} unicode",
]


@pytest.mark.parametrize("translation", HOSTILE)
def test_a_hostile_docstring_translation_stays_inside_its_string(translation):
    def translate(message):
        return translation if message.startswith("Return") else message

    translated = translate_script(SCRIPT, translate)  # raises if the code changed
    assert same_code(SCRIPT, translated)
    written = docstrings(translated)["start_near"]
    assert " ".join(written.split()) == " ".join(translation.split())


def test_the_lint_names_what_a_plain_docstring_cannot_hold():
    assert docstring_problems("Devuelve un tensor cercano a ``value``.") == []
    assert docstring_problems('Fin."""') == ["holds quotes that would end the docstring early"]
    assert docstring_problems("a \\ b") == ["holds a backslash, which Python would read as an escape"]
    assert docstring_problems("nulo \x00") == ["holds a control character"]


def test_a_comment_too_long_after_its_code_goes_above_it():
    script = "for t in range(3):\n    x = step(x)  # One step.\n"
    long = "Un paso de descenso de gradiente, con la tasa de aprendizaje de siempre."
    translated = translate_script(script, lambda m: long if m == "One step." else m)
    assert translated == ("for t in range(3):\n"
                          "    # Un paso de descenso de gradiente, con la tasa de aprendizaje de\n"
                          "    # siempre.\n"
                          "    x = step(x)\n")


def test_a_comment_translation_stays_on_its_line():
    script = "x = 1  # Set x.\ny = 2\n"
    translated = translate_script(script, lambda m: "Pon x.\nimport os" if m == "Set x." else m)
    assert translated == "x = 1  # Pon x. import os\ny = 2\n"


def test_a_module_docstring_translation_cannot_close_the_docstring():
    script = '"""\nTitle\n=====\n\nText.\n"""\nx = 1\n'
    translated = translate_script(script, lambda m: 'Texto."""; import os; """' if m == "Text." else m)
    assert same_code(script, translated)
    assert 'import os' in ast.get_docstring(ast.parse(translated))


def test_text_translations_stay_in_their_lines():
    script = '"""\nTitle\n=====\n\nText.\n"""\n\n# %%\n# More\n# ----\n#\n# More text.\n\nx = 1\n'
    spanish = {"More": "Más\n\n%% x = 2", "More text.": "Más texto.\n\n%% x = 3"}
    translated = translate_script(script, lambda m: spanish.get(m, m))
    assert "# Más %% x = 2\n# ------------\n#\n# Más texto. %% x = 3\n" in translated


def test_a_translation_that_would_start_a_text_block_is_refused():
    script = '"""\nTitle\n=====\n\nText.\n"""\n\n# Set x.\nx = 1\n'
    with pytest.raises(UnsafeTranslation):
        translate_script(script, lambda m: "%% Pon x." if m == "Set x." else m)


def test_a_line_a_translation_made_too_long_breaks_inside_its_brackets():
    script = 'ax.plot(x, y, linestyle="--", label="fitted cubic")\nplt.show()\n'
    long = "el polinomio cúbico ajustado por descenso de gradiente"
    translated = translate_script(script, lambda m: long if m == "fitted cubic" else m)
    assert translated == ('ax.plot(x, y, linestyle="--",\n'
                          f'        label="{long}")\n'
                          "plt.show()\n")
    assert same_code(script, translated)


def test_a_call_of_one_long_argument_breaks_after_its_bracket():
    script = 'ax.set_title("The fitted cubic")\n'
    long = "La cúbica ajustada más allá del intervalo de entrenamiento, y más"
    translated = translate_script(script, lambda m: long if m == "The fitted cubic" else m)
    assert translated == f'ax.set_title(\n    "{long}")\n'
