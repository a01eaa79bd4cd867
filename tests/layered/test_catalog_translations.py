"""The build reads the compiled catalogs (docs_engine.translation.catalogs, a Sphinx module)."""

from types import SimpleNamespace

from docs_engine.translation.catalog_compiler import compile_catalog
from docs_engine.translation.catalogs import translations

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_a_catalog_compiled_again_is_read_again_in_the_same_process(tmp_path):
    config = SimpleNamespace(language="es", docs_engine_languages={"en": "English", "es": "Español"},
                             locale_dirs=["locales"])
    app = SimpleNamespace(srcdir=tmp_path, config=config)
    po, mo = tmp_path / "page.po", tmp_path / "locales/es/LC_MESSAGES/page.mo"
    for translation in ("Hola", "Buenas"):
        po.write_text(HEADER + f'msgid "Hello"\nmsgstr "{translation}"\n')
        compile_catalog(po, mo)
        assert translations(app, "page").gettext("Hello") == translation
    mo.unlink()
    assert translations(app, "page").gettext("Hello") == "Hello"
