from docutils import nodes

from docs_engine.translation_status import TranslationStatus, _table
from docs_engine.po_checks import Progress


def test_table_has_a_header_row_and_body_rows():
    table = _table([["Catalog", "Translated"], ["a.po", "3"], ["b.po", "4"]])
    assert len(list(table.findall(nodes.thead))[0].children) == 1
    assert len(list(table.findall(nodes.tbody))[0].children) == 2


def test_cells_give_counts_and_a_rounded_percentage():
    assert TranslationStatus._cells("a.po", Progress(2, 1, 0)) == ["a.po", "2", "1", "0", "67%"]
