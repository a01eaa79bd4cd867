from docs_engine.translation.comment_texts import comment_messages, translate_comments

CODE = """import torch

# Create the data: 2000 points
# between -pi and pi.
x = torch.linspace(-3, 3, 2000)  # evenly spaced
for t in range(3):
    # Forward pass.
    y = x * t
"""
SPANISH = {
    "Create the data: 2000 points between -pi and pi.": "Creamos los datos: 2000 puntos entre -pi y pi.",
    "evenly spaced": "equidistantes",
    "Forward pass.": "Pasada hacia adelante.",
}


def test_consecutive_comment_lines_are_one_message():
    assert comment_messages(CODE) == list(SPANISH)


def test_translation_changes_comments_and_nothing_else():
    translated = translate_comments(CODE, lambda m: SPANISH.get(m, m))
    assert "# Creamos los datos: 2000 puntos entre -pi y pi.\n" in translated
    assert "x = torch.linspace(-3, 3, 2000)  # equidistantes\n" in translated
    assert "    # Pasada hacia adelante.\n    y = x * t\n" in translated
    strip = lambda code: [l.split("#")[0].rstrip() for l in code.splitlines() if l.split("#")[0].strip()]
    assert strip(translated) == strip(CODE)


def test_untranslated_code_is_returned_unchanged():
    assert translate_comments(CODE, lambda m: m) == CODE


def test_code_that_does_not_tokenize_is_left_alone():
    assert comment_messages("x = (1,\n# open\n") == []
