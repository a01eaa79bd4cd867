"""docs_engine.theme_messages, in a tiny project built in-process."""

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.application import Sphinx

from docs_engine.theme_messages import TEXT_OPTIONS

SEARCH = TEXT_OPTIONS["search_bar_text"]
SPANISH = "Buscar en la documentación…"
CATALOG = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
           f'msgid "{SEARCH}"\nmsgstr "{SPANISH}"\n')


@pytest.fixture
def build(tmp_path):
    """Build a one-page project with the theme in ``language``; return the page and the app."""
    source = tmp_path / "docs"
    source.mkdir()
    (source / "index.rst").write_text("Title\n=====\n\nText.\n")
    compiled = tmp_path / "locales"
    (source / "conf.py").write_text(
        'extensions = ["docs_engine.theme_messages"]\n'
        'html_theme = "pydata_sphinx_theme"\n'
        f'locale_dirs = [{str(compiled)!r}]\n')
    po = tmp_path / "extensions.po"
    po.write_text(CATALOG, encoding="utf-8")
    for domain in ("extensions", "sphinx"):
        mo = compiled / "es" / "LC_MESSAGES" / f"{domain}.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)

    def build_language(language: str) -> tuple[BeautifulSoup, Sphinx]:
        out = tmp_path / "html" / language
        app = Sphinx(source, source, out, tmp_path / "doctrees" / language, "html",
                     confoverrides={"language": language}, status=None, freshenv=True)
        app.build()
        page = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
        return page, app

    return build_language


@pytest.mark.parametrize("language,text", [("es", SPANISH), ("en", SEARCH)])
def test_the_search_box_speaks_the_page_language(build, language, text):
    page, _ = build(language)
    boxes = page.select("input[name=q]")
    assert boxes
    for box in boxes:
        assert box["placeholder"] == text
        assert box["aria-label"] == text


def test_the_configuration_keeps_what_conf_py_says(build):
    _, app = build("es")
    assert "search_bar_text" not in app.config.html_theme_options


def test_every_page_depends_on_the_catalogs_of_the_theme_text(build):
    _, app = build("es")
    compiled = Path(app.config.locale_dirs[0]) / "es" / "LC_MESSAGES"
    assert {compiled / "sphinx.mo", compiled / "extensions.mo"} <= {
        Path(app.srcdir, dependency) for dependency in app.env.dependencies["index"]}
