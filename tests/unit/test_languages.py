"""The site's languages: languages.toml's one reader, and the root page's choice among them."""

import json
import re
import subprocess
from pathlib import Path

import pytest

from docs_engine import project
from docs_engine.project import language_tag, read_languages, source_language, translated_languages
from docs_engine.hosting.root_page import root_page


def languages_file(tmp_path, text: str):
    (tmp_path / "languages.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_first_language_is_the_source_and_region_codes_are_languages(tmp_path):
    languages = read_languages(languages_file(tmp_path, (
        '# a comment\nes = "Español"\npt_BR = "Português (Brasil)"\nzh_CN = "中文"\n')))
    assert list(languages) == ["es", "pt_BR", "zh_CN"]
    assert source_language(languages) == "es"
    assert translated_languages(languages) == ["pt_BR", "zh_CN"]
    assert language_tag("pt_BR") == "pt-BR"


@pytest.mark.parametrize("line", ['pt-BR = "Português"', 'PT = "Português"', '"pt BR" = "Português"',
                                  "pt = 1"])
def test_a_code_sphinx_cannot_read_is_refused_naming_the_line(tmp_path, line):
    code = line.split(" = ")[0].strip('"')
    with pytest.raises(ValueError, match=re.escape(f"{code} = ")):
        read_languages(languages_file(tmp_path, f'en = "English"\n{line}\n'))


def test_a_file_without_languages_is_refused(tmp_path):
    with pytest.raises(ValueError, match="no language"):
        read_languages(languages_file(tmp_path, "# nothing yet\n"))


def test_the_makefile_reads_the_languages_with_the_standard_library_only(tmp_path):
    """``make`` runs the reader before the virtual environment exists."""
    languages_file(tmp_path, 'en = "English"\npt_BR = "Português (Brasil)"\n')
    (tmp_path / "docs_engine").mkdir()
    (tmp_path / "docs_engine/project.py").write_bytes(Path(project.__file__).read_bytes())
    result = subprocess.run(["python3", "-S", "-m", "docs_engine.project"], cwd=tmp_path,
                            capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["en", "pt_BR"]


# The root page's script, run in Node with the visitor's navigator.languages:
# where it sends them.
CHOOSE = """
const vm = require("vm");
const {script, languages} = JSON.parse(require("fs").readFileSync(0, "utf-8"));
let target = null;
vm.runInNewContext(script, {
  navigator: {languages: languages, language: languages[0]},
  window: {location: {replace: (url) => { target = url; }}},
});
process.stdout.write(target);
"""


def chosen(site_languages: list[str], preferred: list[str]) -> str:
    page = root_page({code: code for code in site_languages}, "Title")
    script = re.search(r"<script>(.*)</script>", page, re.S).group(1)
    result = subprocess.run(["node", "-e", CHOOSE], input=json.dumps({"script": script, "languages": preferred}),
                            capture_output=True, text=True, check=True)
    return result.stdout.removesuffix("/index.html")


@pytest.mark.parametrize("preferred,language", [
    (["pt-BR"], "pt_BR"),  # exact, whatever the case and separator
    (["PT_br"], "pt_BR"),
    (["pt"], "pt_BR"),  # the language, in the site's only region
    (["pt-PT", "en"], "pt_BR"),  # the visitor's order wins over an exact match further down
    (["fr-FR", "es-MX"], "es"),
    (["en-GB", "pt-BR"], "en"),
    (["fr"], "en"),  # none: the source language
    ([], "en"),
])
def test_the_root_page_chooses_by_bcp47_in_the_visitors_order(preferred, language):
    assert chosen(["en", "es", "pt_BR"], preferred) == language


@pytest.mark.parametrize("preferred,language", [
    (["pt-PT"], "pt"),  # the language itself before another region of it
    (["pt-BR"], "pt_BR"),
    (["pt"], "pt"),
    (["zh-Hant-TW"], "zh_TW"),
])
def test_a_region_the_site_lacks_falls_back_to_the_language(preferred, language):
    assert chosen(["en", "pt_BR", "pt", "zh_TW"], preferred) == language


def test_the_root_page_falls_back_to_the_first_language_whatever_it_is():
    assert chosen(["es", "en"], ["fr"]) == "es"


def test_without_javascript_the_root_page_lists_the_languages_by_their_tags():
    page = root_page({"pt_BR": "Português (Brasil)", "en": "English"}, "T & co")
    assert "<title>T &amp; co</title>" in page
    assert '<html lang="pt-BR">' in page
    assert '<a href="pt_BR/index.html" hreflang="pt-BR" lang="pt-BR">Português (Brasil)</a>' in page


def test_without_javascript_the_languages_are_listed_under_the_title_in_each_language(tmp_path):
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    from docs_engine.hosting.root_page import translated_titles

    catalog = Catalog(locale="es")
    catalog.add("Learning by example", "Aprender con ejemplos")
    (tmp_path / "es" / "LC_MESSAGES").mkdir(parents=True)
    with (tmp_path / "es" / "LC_MESSAGES" / "extensions.mo").open("wb") as compiled:
        write_mo(compiled, catalog)
    languages = {"en": "English", "es": "Español", "fr": "Français"}  # fr: not compiled yet
    titles = translated_titles("Learning by example", languages, tmp_path)
    assert titles == {"es": "Aprender con ejemplos"}
    page = root_page(languages, "Learning by example", titles)
    assert "<title>Learning by example · Aprender con ejemplos</title>" in page
    assert ('<h1><span lang="en">Learning by example</span> · '
            '<span lang="es">Aprender con ejemplos</span></h1>') in page
