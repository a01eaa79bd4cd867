import gettext

from docutils import nodes

from docs_engine.pages.translation_status import TranslationStatus, _table
from docs_engine.translation.po_checks import Progress


def test_table_has_a_header_row_and_body_rows():
    table = _table([["Catalog", "Translated"], ["a.po", "3"], ["b.po", "4"]])
    assert len(list(table.findall(nodes.thead))[0].children) == 1
    assert len(list(table.findall(nodes.tbody))[0].children) == 2


def test_cells_give_counts_and_a_rounded_percentage():
    english = gettext.NullTranslations().gettext
    assert TranslationStatus._cells("a.po", Progress(2, 1, 0), english) == [
        "a.po", "2", "1", "0", "67%"]


def test_cells_write_the_percentage_as_the_language_does():
    spanish = {"{percent}%": "{percent}\u00a0%"}.get
    assert TranslationStatus._cells("a.po", Progress(1, 0, 0), spanish)[-1] == "100\u00a0%"
