import ast
import difflib
import io
import tokenize

import pytest

from docs_engine.translation.figure_texts import (figure_messages, find_figure_texts, mathtext_problems,
                                      splice_figure_texts, string_literal, usable_translation)

SCRIPT = '''import matplotlib.pyplot as plt

fig, ax = plt.subplots()
ax.plot(x, y, label="sin(x)")  # a legend entry
ax.plot(x, z, "--", label=None)
ax.plot(x, w, label="_hidden")
ax.set(title="Set title", xlabel="x")
ax.set_ylabel(r"$\\sin(x)$")
ax.text(0.5, 0.5, "a note", color="red")
ax.annotate("peak", xy=(1, 1))
ax.legend(["first", "second"], title="Curves")
fig.suptitle("Über " "alles")
plt.title(f"loss after {n} steps")
plt.xlabel("iteration " + str(n))
ax.set_title(name)
print("not a figure text")
'''


def _texts():
    return {text.code: text for text in find_figure_texts(SCRIPT)}


def test_finds_every_kind_of_figure_text_in_source_order():
    assert figure_messages(SCRIPT) == [
        "sin(x)", "Set title", "x", "$\\sin(x)$", "a note", "peak", "first", "second", "Curves",
        "Über alles",
    ]


def test_reports_where_each_literal_is():
    text = _texts()['"sin(x)"']
    assert (text.span.line, text.span.column, text.span.end_line, text.span.end_column) == (4, 20, 4, 28)
    assert text.literal and text.message == "sin(x)"


def test_columns_are_characters_even_after_non_ascii_text():
    source = 'ax.plot(x, y, label="é"); ax.set_title("ñandú")\n'
    title = next(t for t in find_figure_texts(source) if t.message == "ñandú")
    assert source[title.span.column:title.span.end_column] == '"ñandú"'


def test_computed_figure_texts_are_not_literal():
    texts = _texts()
    for code in ('f"loss after {n} steps"', '"iteration " + str(n)', "name"):
        assert not texts[code].literal and texts[code].message is None
    assert texts["name"].line == 15


def test_none_private_labels_and_other_strings_are_not_figure_texts():
    assert not {"None", '"_hidden"', '"not a figure text"', '"--"', '"red"'} & set(_texts())


def test_source_that_does_not_parse_has_no_figure_texts():
    assert find_figure_texts("ax.set_title('open\n") == ()


SPANISH = {"sin(x)": "seno de x", "a note": "una nota", "Curves": "Curvas", "Über alles": "Sobre todo"}


def _tokens(code):
    return [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(code).readline)]


def _string_tokens(code):
    return [t for t in _tokens(code) if t[0] == tokenize.STRING]


def test_splicing_replaces_only_translated_literals():
    spliced = splice_figure_texts(SCRIPT, lambda m: SPANISH.get(m, m))
    for english, spanish in SPANISH.items():
        assert repr(english) not in spliced and spanish in spliced
    before, after = _tokens(SCRIPT), _tokens(spliced)
    changes = [(before[i1:i2], after[j1:j2]) for op, i1, i2, j1, j2
               in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
               if op != "equal"]
    assert [[string for _, string in new] for _, new in changes] == [
        ['"seno de x"'], ['"una nota"'], ['"Curvas"'], ['"Sobre todo"']]
    assert all({kind for kind, _ in old} == {tokenize.STRING} for old, _ in changes)
    # The implicit concatenation "Über " "alles" became one literal.
    assert [string for _, string in changes[-1][0]] == ['"Über "', '"alles"']


def test_splicing_without_translations_changes_nothing():
    assert splice_figure_texts(SCRIPT, lambda m: m) == SCRIPT


HOSTILE = [
    'comillas "dobles" y \'simples\'',
    'fin"); import os; os.system("rm -rf /"); ("',
    "barra \\ invertida y \\n no es salto",
    "dos\nlíneas\r\ny retorno",
    '"""triple"""',
    "'''triple'''",
    "__import__('os').system('echo pwned')",
    "# no es un comentario",
    "separador\u2028de línea\x0c y nulo \x00",
    "\\",
    "{llaves} y %s",
]


@pytest.mark.parametrize("translation", HOSTILE)
def test_a_hostile_translation_stays_inside_its_literal(translation):
    script = 'ax.set_title("Training loss")  # the title\nprint(1)\n'
    spliced = splice_figure_texts(script, lambda m: translation if m == "Training loss" else m)
    before, after = _tokens(script), _tokens(spliced)
    assert len(after) == len(before)
    differing = [index for index, (old, new) in enumerate(zip(before, after)) if old != new]
    assert differing == [4]  # ax . set_title ( STRING ) COMMENT ...
    literal = after[4][1]
    assert after[4][0] == tokenize.STRING
    assert ast.literal_eval(literal) == translation
    assert figure_messages(spliced) == [translation]


def test_string_literal_keeps_double_quotes_where_it_can():
    assert string_literal("pérdida", '"loss"') == '"pérdida"'
    assert string_literal("pérdida", "'loss'") == "'pérdida'"
    assert string_literal('di "hola"', '"say"') == repr('di "hola"')
    for text in HOSTILE:
        assert ast.literal_eval(string_literal(text, '"x"')) == text


@pytest.mark.parametrize("english,translation,problem", [
    ("loss", "pérdida", None),
    ("$x^2$ value", "valor de $x^2$", None),
    ("cost in \\$", "coste en \\$", None),
    ("loss", "pérdida en $", "has 1 unescaped '$' where the English has 0"),
    ("$x^2$", "$x^2", "has 1 unescaped '$' where the English has 2"),
    ("$x$", "$\\foo$", "Unknown symbol: \\foo"),
    ("$\\frac{1}{2}$", "$\\frac{1}{2$", "cannot draw"),
])
def test_mathtext_parity(english, translation, problem):
    problems = mathtext_problems(english, translation)
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problem in problems[0]


def test_a_translation_matplotlib_cannot_draw_leaves_the_english():
    assert usable_translation("$x$ axis", "eje $\\foo$") == "$x$ axis"
    assert splice_figure_texts('ax.set_xlabel("$x$ axis")\n', lambda m: "eje $\\foo$") == \
        'ax.set_xlabel("$x$ axis")\n'
    assert usable_translation("$x$ axis", "eje $x$") == "eje $x$"
