
import pytest
from docs_engine.translation.catalog_compiler import CompileError, compile_catalog, compile_catalogs

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_a_valid_catalog_compiles(tmp_path):
    po = tmp_path / "page.po"
    po.write_text(HEADER + 'msgid "Hello"\nmsgstr "Hola"\n')
    compile_catalog(po, tmp_path / "out" / "page.mo")
    assert (tmp_path / "out" / "page.mo").stat().st_size > 0


def test_a_syntax_error_names_the_file_and_line(tmp_path):
    po = tmp_path / "page.po"
    po.write_text(HEADER + 'msgid "Hello"\nmsgstr "Hola\n')
    with pytest.raises(CompileError, match=r"page\.po:\d+: end-of-line within string"):
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


def test_an_unchanged_catalog_is_not_compiled_again_and_keeps_its_problems(tmp_path, monkeypatch):
    from docs_engine.translation import catalog_compiler

    catalogs = tmp_path / "locales/es/LC_MESSAGES"
    catalogs.mkdir(parents=True)
    (catalogs / "page.po").write_text(HEADER + 'msgid "Call ``f()``."\nmsgstr "Llame f()."\n')
    (catalogs / "other.po").write_text(HEADER + 'msgid "Hello"\nmsgstr "Hola"\n')
    output = tmp_path / "_build/locales"
    first = compile_catalogs(tmp_path / "locales", output, "es")
    assert [p.path for p in first] == [str(catalogs / "page.po")]

    compiled = []
    real_msgfmt = catalog_compiler.msgfmt
    monkeypatch.setattr(catalog_compiler, "msgfmt",
                        lambda po, shown_as: compiled.append(shown_as.name) or real_msgfmt(po, shown_as))
    assert compile_catalogs(tmp_path / "locales", output, "es") == first
    assert compiled == []
    (catalogs / "other.po").write_text(HEADER + 'msgid "Hello"\nmsgstr "¡Hola!"\n')
    assert compile_catalogs(tmp_path / "locales", output, "es") == first
    assert compiled == ["other.po"]
    (output / "es/LC_MESSAGES/page.mo").unlink()  # a compiled file gone is compiled again
    assert compile_catalogs(tmp_path / "locales", output, "es") == first
    assert set(compiled[1:]) == {"page.po"}
