from pathlib import Path

import pytest
from docs_engine.catalog_compiler import CatalogError, compile_catalog

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_a_valid_catalog_compiles(tmp_path):
    po = tmp_path / "page.po"
    po.write_text(HEADER + 'msgid "Hello"\nmsgstr "Hola"\n')
    compile_catalog(po, tmp_path / "out" / "page.mo")
    assert (tmp_path / "out" / "page.mo").stat().st_size > 0


def test_a_syntax_error_names_the_file_and_line(tmp_path):
    po = tmp_path / "page.po"
    po.write_text(HEADER + 'msgid "Hello"\nmsgstr "Hola\n')
    with pytest.raises(CatalogError, match=r"page\.po:\d+: end-of-line within string"):
        compile_catalog(po, tmp_path / "page.mo")
    assert not (tmp_path / "page.mo").exists()


def test_a_translation_that_breaks_markup_is_left_out(tmp_path):
    import gettext

    po = tmp_path / "page.po"
    po.write_text(HEADER + 'msgid "Call ``f()``."\nmsgstr "Llame <script>x</script>."\n\n'
                  'msgid "Hello"\nmsgstr "Hola"\n')
    mo = tmp_path / "page.mo"
    problems = compile_catalog(po, mo)
    assert {p.line for p in problems} == {5}  # the broken entry, reported
    with mo.open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)
    assert catalog.gettext("Hello") == "Hola"
    assert catalog.gettext("Call ``f()``.") == "Call ``f()``."  # English, not the script
