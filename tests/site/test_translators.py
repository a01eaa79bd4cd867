"""The translators' workflow: stats, lint-po, wrap-po, update-po, notices."""

import re

import polib
import pytest

from tests.site.conftest import make
from tests.site.helpers import ROOT, run_tool, soup
from docs_engine.translation.po_checks import catalog_progress

CATALOGS = sorted((ROOT / "locales" / "es" / "LC_MESSAGES").rglob("*.po"))
SAMPLE = "locales/es/LC_MESSAGES/examples/tensors/plot_1_numpy.po"


def test_stats_prints_every_catalog_and_the_total():
    output = run_tool("stats").stdout
    for catalog in CATALOGS:
        progress = catalog_progress(str(catalog))
        name = catalog.relative_to(ROOT / "locales/es/LC_MESSAGES").as_posix()
        assert re.search(rf"^{re.escape(name)}\s+{progress.translated}\s+{progress.fuzzy}"
                         rf"\s+{progress.untranslated}\s+{progress.percent:.1f}%$", output, re.M)
    assert re.search(r"^total\s+\d+\s+0\s+0\s+100\.0%$", output, re.M)


# A percentage as each language writes it (Spanish, as the RAE asks: "100 %").
PERCENT = {"en": "{}%", "es": "{}\u00a0%"}


def test_status_page_shows_the_same_numbers_in_both_languages(site):
    for language in ("en", "es"):
        rows = soup(site.page(language, "translation-status")).select("table.translation-status tbody tr")
        cells = {row.select("td")[0].get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")[1:]]
                 for row in rows}
        for catalog in CATALOGS:
            progress = catalog_progress(str(catalog))
            name = catalog.relative_to(ROOT / "locales/es/LC_MESSAGES").as_posix()
            assert cells[name] == [str(progress.translated), str(progress.fuzzy),
                                   str(progress.untranslated),
                                   PERCENT[language].format(f"{progress.percent:.0f}")]


def test_contributing_guide_is_published_in_both_languages(site):
    for language in ("en", "es"):
        text = soup(site.page(language, "contributing")).get_text()
        for command in ("make update-po", "make html-es", "make serve", "make lint-po", "make stats",
                        "make todo", "make find-po", "make review-po"):
            assert command in text
    assert "contributing.md" in (ROOT / "README.md").read_text()


def test_fully_translated_pages_show_no_notice(site):
    for page in (site.html / "es").rglob("*.html"):
        assert not soup(page).select(".translation-notice"), page


def test_lint_po_passes_on_the_catalogs():
    result = run_tool("lint")
    assert result.returncode == 0, result.stdout


@pytest.fixture
def catalog_copy(tmp_path):
    """A copy of the project's locales and glossary, to break one catalog."""
    for name in ("locales", "docs/glossary.md"):
        source = ROOT / name
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            import shutil
            shutil.copytree(source, target)
        else:
            target.write_bytes(source.read_bytes())
    return tmp_path


def _edit_entry(path, change):
    catalog = polib.pofile(str(path), wrapwidth=79)
    entry = next(e for e in catalog if "``" in e.msgstr and "pérdida" in e.msgstr)
    change(entry)
    catalog.save(str(path))
    return entry.msgid


BREAKAGES = {
    "spelling": (lambda e: setattr(e, "msgstr", e.msgstr.replace("pérdida", "pérdidda")),
                 "unknown word 'pérdidda'"),
    "glossary": (lambda e: setattr(e, "msgstr", e.msgstr.replace("pérdida", "merma")),
                 "lacks the glossary's 'pérdida'"),
    "markup": (lambda e: setattr(e, "msgstr", e.msgstr.replace("``", "`", 1)),
               "inline code"),
    "raw HTML": (lambda e: setattr(e, "msgstr", e.msgstr + " <script>alert(1)</script>"),
                 "adds the HTML '<script>'"),
    "directive": (lambda e: setattr(e, "msgstr", e.msgstr + "\n\n.. raw:: html\n\n   <b>x</b>"),
                  "adds the directive '.. raw::'"),
    "new link": (lambda e: setattr(e, "msgstr", e.msgstr + " `aquí <https://example.org>`_"),
                 "adds the link target 'https://example.org'"),
    "javascript link": (lambda e: setattr(e, "msgstr", e.msgstr + " `clic <javascript:alert(1)>`_"),
                        "adds the link target 'javascript:alert(1)'"),
    "sphinx-lint": (lambda e: setattr(e, "msgstr", e.msgstr.replace("`` ", "``x ", 1)),
                    "missing-space-after-literal"),
}


@pytest.mark.parametrize("kind", BREAKAGES)
def test_lint_po_reports_file_line_and_message(catalog_copy, kind):
    change, complaint = BREAKAGES[kind]
    path = catalog_copy / SAMPLE
    _edit_entry(path, change)
    before = path.read_bytes()
    result = run_tool("lint", SAMPLE, cwd=catalog_copy)
    assert result.returncode == 1
    assert re.search(rf"^{re.escape(SAMPLE)}:\d+: .*{re.escape(complaint)}", result.stdout, re.M), result.stdout
    assert path.read_bytes() == before  # lint never rewrites a catalog


def test_lint_po_reports_a_syntax_error_with_its_line(catalog_copy):
    path = catalog_copy / SAMPLE
    with path.open("a") as catalog:
        catalog.write('\nmsgid "Unclosed"\nmsgstr "Sin cerrar\n')
    result = run_tool("lint", SAMPLE, cwd=catalog_copy)
    assert result.returncode == 1
    assert re.search(rf"{re.escape(SAMPLE)}:\d+: end-of-line within string", result.stdout)


def test_wrap_po_fixes_only_the_wrapping_lint_reports(catalog_copy):
    path = catalog_copy / SAMPLE
    original = polib.pofile(str(path))
    catalog = polib.pofile(str(path), wrapwidth=40)
    catalog.save(str(path))
    lint = run_tool("lint", SAMPLE, cwd=catalog_copy)
    assert "not wrapped at 79 columns; run `make wrap-po`" in lint.stdout
    assert run_tool("wrap", cwd=catalog_copy).returncode == 0
    rewrapped = polib.pofile(str(path))
    assert [(e.msgid, e.msgstr, e.flags) for e in rewrapped] == [(e.msgid, e.msgstr, e.flags) for e in original]
    lint = run_tool("lint", SAMPLE, cwd=catalog_copy)
    assert lint.returncode == 0, lint.stdout


def test_update_po_keeps_a_changed_message_as_fuzzy_and_the_page_says_so(project_copy):
    root = project_copy()
    script = root / "examples/tensors/plot_1_numpy.py"
    old_sentence = "NumPy knows nothing about neural networks, gradients or training:"
    assert old_sentence in script.read_text()  # on one line of the script
    script.write_text(script.read_text().replace(old_sentence, old_sentence.replace("NumPy knows", "NumPy truly knows")))
    catalog_path = root / SAMPLE
    old = next(e for e in polib.pofile(str(catalog_path)) if e.msgid.startswith("NumPy knows nothing"))

    make(root, "update-po")
    catalog = polib.pofile(str(catalog_path))
    changed = next(e for e in catalog if e.msgid.startswith("NumPy truly knows"))
    assert changed.fuzzy and changed.msgstr == old.msgstr
    assert changed.previous_msgid == old.msgid  # the #| lines show what changed
    translated_before = {e.msgid: e.msgstr for e in polib.pofile(str(ROOT / SAMPLE)).translated_entries()}
    for entry in catalog.translated_entries():
        assert translated_before[entry.msgid] == entry.msgstr  # nothing lost

    stats = make(root, "stats").stdout
    assert re.search(r"examples/tensors/plot_1_numpy\.po\s+\d+\s+1\s+0\s+", stats)

    make(root, "html-es")
    page = soup(root / "_build/html/es/examples/tensors/plot_1_numpy.html")
    notice = page.select_one(".translation-notice")
    percent = int(catalog_progress(str(catalog_path)).percent)
    assert PERCENT["es"].format(percent) in notice.get_text()
    assert notice.select_one("a")["href"].endswith("contributing.html")
    assert "NumPy truly knows" in page.get_text()  # the fuzzy message falls back to English


def test_lint_po_reports_a_misspelling_as_such_not_as_a_failure_of_pospell(catalog_copy):
    path = catalog_copy / SAMPLE
    _edit_entry(path, lambda e: setattr(e, "msgstr", e.msgstr.replace("pérdida", "pérdidda")))
    result = run_tool("lint", SAMPLE, cwd=catalog_copy)
    assert "unknown word 'pérdidda'" in result.stdout
    assert "could not be spell-checked" not in result.stdout
