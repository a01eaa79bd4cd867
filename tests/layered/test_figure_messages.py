from pathlib import Path

import polib
from babel.messages.catalog import Catalog

from docs_engine.translation.figure_texts import FIGURE_TEXT_COMMENT
from docs_engine.translation.po_checks import formatted
from docs_engine.translators.lint import check_figure_texts
from docs_engine.translators.update import merge, needs_writing


def _write(path: Path, messages: dict[str, tuple[str, list[str]]]) -> Path:
    catalog = Catalog(locale="es" if path.suffix == ".po" else None)
    for message, (translation, comments) in messages.items():
        catalog.add(message, translation, auto_comments=comments)
    path.write_bytes(formatted(catalog))
    return path


def test_update_gives_catalogs_the_figure_text_comment_of_their_template(tmp_path):
    template = _write(tmp_path / "page.pot", {"Training loss": ("", [FIGURE_TEXT_COMMENT]),
                                              "Prose.": ("", [])})
    po = _write(tmp_path / "page.po", {"Training loss": ("Pérdida", []), "Prose.": ("Prosa.", [])})
    catalog = merge(po, template)
    assert needs_writing(catalog, po)
    assert catalog["Training loss"].auto_comments == [FIGURE_TEXT_COMMENT]
    assert catalog["Training loss"].string == "Pérdida"
    assert catalog["Prose."].auto_comments == []
    po.write_bytes(formatted(catalog))
    assert not needs_writing(merge(po, template), po)  # nothing left to change


def test_lint_checks_the_math_of_figure_texts_only(tmp_path):
    po = _write(tmp_path / "page.po", {
        "$x$ axis": ("eje $\\foo$", [FIGURE_TEXT_COMMENT]),
        "loss": ("pérdida en $", [FIGURE_TEXT_COMMENT]),
        "sin(x)": ("sin(x)", [FIGURE_TEXT_COMMENT]),
        "It costs $5 or $6.": ("Cuesta $5 o $6 o $7.", []),  # prose: not matplotlib's
    })
    problems = check_figure_texts(po, polib.pofile(str(po)))
    assert len(problems) == 2
    assert problems[0].startswith(f"{po}:") and "Unknown symbol: \\foo" in problems[0]
    assert "has 1 unescaped '$' where the English has 0" in problems[1]
    assert "'loss'" in problems[1]
