"""The translator's desk, piece by piece: word differences, the memory, reading order."""

import subprocess
from pathlib import Path

import polib
import pytest
from babel.messages.catalog import Catalog

from docs_engine.translation.po_checks import formatted, read_catalog
from docs_engine.translators.memory import (MEMORY_NAME, Translation, containing, memory_file, retire,
                                            term_pattern, translations)
from docs_engine.translators.site_catalogs import (CatalogError, built_page, catalogs_in_reading_order,
                                                   find_catalog, pages_in_reading_order, read_strictly)
from docs_engine.translators.review import cell, changed_messages, translation_cell
from docs_engine.translators.todo import word_diff


# -- Word-level differences ---------------------------------------------------

@pytest.mark.parametrize("old,new,expected", [
    ("NumPy knows nothing", "NumPy truly knows nothing", "NumPy {+truly+} knows nothing"),
    ("the loss falls fast", "the loss falls", "the loss falls [-fast-]"),
    ("a small step size", "a large step size", "a [-small-] {+large+} step size"),
    ("fit the cubic", "fit the cubic polynomial", "fit the cubic {+polynomial+}"),
])
def test_word_diff_marks_removed_and_added_words(old, new, expected):
    assert word_diff(old, new) == expected


def test_word_diff_ignores_rewrapping():
    assert word_diff("a long\nparagraph  here", "a long paragraph\nhere") == "a long paragraph here"


def test_word_diff_marks_a_changed_punctuation_mark_with_its_word():
    assert word_diff("training: every step", "training; every step") == \
        "[-training:-] {+training;+} every step"


# -- Finding a term -----------------------------------------------------------

def _memory(*pairs: tuple[str, str]) -> list[Translation]:
    return [Translation(Path("page.po"), line, english, spanish, False)
            for line, (english, spanish) in enumerate(pairs, start=1)]


MEMORY = _memory(
    ("Plain gradient descent", "Descenso de gradiente simple"),
    ("The Gradients flow back", "Los gradientes fluyen hacia atrás"),
    ("A radiant sun", "Un sol radiante"),
    ("The term x^2 and (a|b)", "El término x^2 y (a|b)"),
    ("gradient\ndescent over two lines", "descenso de gradiente en dos líneas"),
    ("Anything at all", "Cualquier cosa"),
)


def _lines(term: str) -> list[int]:
    return [found.line for found in containing(term, MEMORY)]


def test_a_term_is_found_in_any_case_at_a_word_start():
    assert _lines("gradient") == [1, 2, 5]  # "gradients" too, never "radiant"
    assert _lines("GRADIENT DESCENT") == [1, 5]  # any white space between the words
    assert _lines("radient") == []


@pytest.mark.parametrize("term,lines", [("x^2", [4]), ("(a|b)", [4]), (".*", []), ("a|b", [4])])
def test_a_term_is_literal_text_never_a_regular_expression(term, lines):
    assert _lines(term) == lines


def test_an_empty_term_is_refused():
    with pytest.raises(ValueError):
        term_pattern("   ")


# -- The memory file ----------------------------------------------------------

HEADER = ('msgid ""\nmsgstr ""\n"POT-Creation-Date: {date}\\n"\n"Language: es\\n"\n'
          '"Content-Type: text/plain; charset=utf-8\\n"\n\n')


def _catalog(tmp_path: Path, name: str, body: str, date: str = "2026-01-01 10:00+0000") -> Catalog:
    path = tmp_path / "locales/es/LC_MESSAGES" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER.format(date=date) + body, encoding="utf-8")
    return read_catalog(path)


LEAVING = ('msgid "Kept"\nmsgstr "Guardado"\n\n'
           '#~ msgid "Gone"\n#~ msgstr "Ido"\n\n'
           '#~ msgid "Never translated"\n#~ msgstr ""\n\n'
           '#, fuzzy\n#~ msgid "Half done"\n#~ msgstr "A medias"\n')


def _entries(tmp_path: Path) -> list[tuple[str, str, str, bool]]:
    memory = polib.pofile(str(memory_file("es", tmp_path)))
    return [(e.msgctxt, e.msgid, e.msgstr, e.fuzzy) for e in memory]


def test_retired_translations_are_kept_with_the_catalog_they_left(tmp_path):
    catalogs = {"b/page.po": _catalog(tmp_path, "b/page.po", LEAVING),
                "a.po": _catalog(tmp_path, "a.po", '#~ msgid "Zeta"\n#~ msgstr "Zeta es"\n')}
    assert retire("es", catalogs, tmp_path) == 3
    # Sorted by catalog, then English; the untranslated one carried nothing.
    assert _entries(tmp_path) == [("a.po", "Zeta", "Zeta es", False),
                                  ("b/page.po", "Gone", "Ido", False),
                                  ("b/page.po", "Half done", "A medias", True)]


def test_the_memory_file_is_a_plain_catalog_written_once_for_the_same_messages(tmp_path):
    catalogs = {"page.po": _catalog(tmp_path, "page.po", LEAVING)}
    retire("es", catalogs, tmp_path)
    path = memory_file("es", tmp_path)
    written = path.read_bytes()
    assert retire("es", catalogs, tmp_path) == 0  # no duplicates
    assert path.read_bytes() == written
    assert formatted(read_catalog(path)) == written  # `make wrap-po` leaves it as it is
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)]).returncode == 0
    assert path.parent.name == "es" and path.name == MEMORY_NAME  # outside LC_MESSAGES


def test_the_memory_file_depends_on_the_messages_not_on_their_order(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    one = '#~ msgid "One"\n#~ msgstr "Uno"\n'
    two = '#~ msgid "Two"\n#~ msgstr "Dos"\n'
    retire("es", {"one.po": _catalog(first, "one.po", one)}, first)
    retire("es", {"two.po": _catalog(first, "two.po", two, "2026-02-01 10:00+0000")}, first)
    retire("es", {"two.po": _catalog(second, "two.po", two, "2026-02-01 10:00+0000")}, second)
    retire("es", {"one.po": _catalog(second, "one.po", one)}, second)
    assert memory_file("es", first).read_bytes() == memory_file("es", second).read_bytes()
    assert b"POT-Creation-Date: 2026-02-01" in memory_file("es", first).read_bytes()  # the newest


def test_another_translation_of_the_same_english_is_kept_too(tmp_path):
    retire("es", {"page.po": _catalog(tmp_path, "page.po", '#~ msgid "Loss"\n#~ msgstr "Pérdida"\n')},
           tmp_path)
    retire("es", {"page.po": _catalog(tmp_path, "page.po", '#~ msgid "Loss"\n#~ msgstr "La pérdida"\n')},
           tmp_path)
    assert _entries(tmp_path) == [("page.po", "Loss", "Pérdida", False),
                                  ("page.po (2)", "Loss", "La pérdida", False)]


def test_the_memory_holds_catalogs_then_retired_translations(tmp_path):
    _catalog(tmp_path, "page.po", LEAVING)
    retire("es", {"page.po": read_catalog(tmp_path / "locales/es/LC_MESSAGES/page.po")}, tmp_path)
    found = translations("es", tmp_path)
    assert [(t.english, t.left) for t in found] == [
        ("Kept", None), ("Gone", "page.po"), ("Half done", "page.po")]
    assert found[1].where.endswith(f"{MEMORY_NAME}:{found[1].line} (left page.po)")


def test_a_broken_catalog_is_named_with_its_line(tmp_path):
    _catalog(tmp_path, "page.po", 'msgid "Open"\nmsgstr "Abierto\n')
    with pytest.raises(CatalogError, match=r"page\.po:\d+: .*; fix the entry's syntax"):
        translations("es", tmp_path)
    # lint reports broken catalogs itself, and reads the memory without stopping.
    assert [t.english for t in translations("es", tmp_path, strict=False)] == ["Open"]


# -- Reading order ------------------------------------------------------------

def _site(tmp_path: Path) -> Path:
    """A tiny site: pages with toctrees, a gallery of two sections."""
    (tmp_path / "docs/guide").mkdir(parents=True)
    (tmp_path / "docs/index.md").write_text(
        "# Home\n\n```{toctree}\n:maxdepth: 2\n\nguide/index\nexamples/index\nAbout us <about>\n```\n")
    (tmp_path / "docs/guide/index.md").write_text("# Guide\n\n:::{toctree}\nstart\n/about\n:::\n")
    for script in ("second/plot_3_c.py", "first/plot_1_a.py", "second/plot_2_b.py", "first/plot_10_d.py"):
        (tmp_path / "examples" / script).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "examples" / script).write_text("")
    return tmp_path


def test_pages_follow_the_toctrees_and_the_examples_numbers(tmp_path):
    assert pages_in_reading_order(_site(tmp_path)) == (
        "index", "guide/index", "guide/start", "about", "examples/index",
        "examples/first/index", "examples/first/plot_1_a", "examples/first/plot_10_d",
        "examples/second/index", "examples/second/plot_2_b", "examples/second/plot_3_c",
    )


def test_catalogs_of_no_page_come_last(tmp_path):
    root = _site(tmp_path)
    folder = root / "locales/es/LC_MESSAGES"
    for name in ("sphinx", "about", "extensions", "examples/second/plot_3_c", "index"):
        (folder / f"{name}.po").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.po").write_text("")
    assert [p.as_posix().removeprefix("locales/es/LC_MESSAGES/")
            for p in catalogs_in_reading_order("es", root)] == [
        "index.po", "about.po", "examples/second/plot_3_c.po", "extensions.po", "sphinx.po"]
    assert built_page(Path("locales/es/LC_MESSAGES/examples/second/plot_3_c.po"), "es", root) == \
        "es/examples/second/plot_3_c.html"
    assert built_page(Path("locales/es/LC_MESSAGES/extensions.po"), "es", root) is None


def test_a_catalog_is_found_by_page_name_or_path(tmp_path):
    folder = tmp_path / "locales/es/LC_MESSAGES/examples/nn"
    folder.mkdir(parents=True)
    (folder / "plot_5_nn.po").write_text("")
    wanted = Path("locales/es/LC_MESSAGES/examples/nn/plot_5_nn.po")
    for name in ("examples/nn/plot_5_nn", "examples/nn/plot_5_nn.po", wanted.as_posix()):
        assert find_catalog(name, "es", tmp_path) == wanted
    with pytest.raises(CatalogError, match="no catalog 'plot_5'"):
        find_catalog("plot_5", "es", tmp_path)


def test_reading_strictly_accepts_valid_catalogs(tmp_path):
    _catalog(tmp_path, "page.po", LEAVING)
    [catalog] = read_strictly([Path("locales/es/LC_MESSAGES/page.po")], tmp_path)
    assert [e.msgid for e in catalog if not e.obsolete] == ["Kept"]


# -- Review of a pull request ---------------------------------------------------

def _po(*entries: polib.POEntry) -> polib.POFile:
    catalog = polib.POFile()
    catalog.extend(entries)
    return catalog


def test_review_pairs_each_changed_translation_with_what_it_was():
    before = _po(polib.POEntry(msgid="The loss falls", msgstr="La pérdida baja"),
                 polib.POEntry(msgid="Same", msgstr="Igual"),
                 polib.POEntry(msgid="Fit the cubic to the sine", msgstr="Ajustar la cúbica"))
    after = _po(polib.POEntry(msgid="The loss falls", msgstr="La pérdida disminuye"),
                polib.POEntry(msgid="Same", msgstr="Igual"),
                polib.POEntry(msgid="Fit the cubic polynomial to the sine", msgstr="Ajustar el polinomio"),
                polib.POEntry(msgid="Brand new", msgstr=""))
    changes = changed_messages(before, after)
    assert [(c.english, c.before.msgstr, c.after.msgstr) for c in changes] == [
        ("The loss falls", "La pérdida baja", "La pérdida disminuye"),
        # The #| lines are gone: the closest English that left the catalog.
        ("Fit the cubic {+polynomial+} to the sine", "Ajustar la cúbica", "Ajustar el polinomio"),
    ]


def test_review_shows_a_message_that_became_fuzzy_with_its_previous_english():
    before = _po(polib.POEntry(msgid="Old words", msgstr="Palabras viejas"))
    after = _po(polib.POEntry(msgid="New words", msgstr="Palabras viejas", flags=["fuzzy"],
                              previous_msgid="Old words"))
    [change] = changed_messages(before, after)
    assert change.english == "[-Old-] {+New+} words" and change.before.msgstr == "Palabras viejas"
    assert translation_cell(change.after) == "` Palabras viejas ` *(fuzzy)*"


@pytest.mark.parametrize("text,shown", [
    ("plain", "` plain `"),
    ("a | b", "` a \\| b `"),
    ("``code`` here", "``` ``code`` here ```"),
    ("two\nlines", "` two ↵ lines `"),
    ("", "—"),
])
def test_a_table_cell_shows_the_text_as_it_is(text, shown):
    assert cell(text) == shown


def test_a_catalog_outside_the_language_folder_is_not_one(tmp_path):
    (tmp_path / "locales/es/LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "locales/es/memory.po").write_text("")
    with pytest.raises(CatalogError):
        find_catalog("../memory.po", "es", tmp_path)
