"""The glossary check of `make lint-po`, on a small glossary of its own."""

import polib
import pytest

from docs_engine.translators import lint

GLOSSARY = """\
| English | Spanish | Note |
| --- | --- | --- |
| build | construir | A model or a graph. |
| build | generar / generación | The site. |
| custom | propio | |
| loss | pérdida | |
| script | script | Kept in English. |
"""


@pytest.fixture
def check(tmp_path, monkeypatch):
    """Check one message against the small glossary; return the problems."""
    glossary = tmp_path / "glossary.md"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.setattr(lint, "GLOSSARY", glossary)

    def check_message(msgid: str, msgstr: str) -> list[str]:
        catalog = polib.POFile()
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
        return lint.check_glossary(tmp_path / "page.po", catalog)

    return check_message


@pytest.mark.parametrize("msgid,msgstr", [
    ("PyTorch builds the graph.", "PyTorch construye el grafo."),  # a verb in any form
    ("We build the cubic.", "Construimos la cúbica."),
    ("In every build.", "En cada generación."),  # the other sense of the term
    ("Build the site.", "Generar el sitio."),
    ("A custom module.", "Un módulo propio."),
    ("A custom function.", "Una función propia."),  # the Spanish in any gender
    ("The loss of the script.", "La pérdida del script."),
])
def test_a_translation_that_uses_the_glossary_passes(check, msgid, msgstr):
    assert check(msgid, msgstr) == []


@pytest.mark.parametrize("msgid,msgstr,missing", [
    ("In every build.", "En cada compilación.", "'construir / generar / generación'"),
    ("A custom module.", "Un módulo personalizado.", "'propio'"),
    ("The loss.", "La merma.", "'pérdida'"),
])
def test_a_translation_without_the_glossary_term_is_reported(check, msgid, msgstr, missing):
    problems = check(msgid, msgstr)
    assert len(problems) == 1
    assert f"lacks the glossary's {missing}" in problems[0]
