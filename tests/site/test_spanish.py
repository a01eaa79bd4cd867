"""The Spanish site: complete, linked to the English one, and searchable."""

import ast
import io
import json
import tokenize
import re
import subprocess
from pathlib import Path

import polib
import pytest
import snowballstemmer

from docs_engine.translation.comment_texts import LINE_WIDTH
from docs_engine.translation.docstrings import docstring_message, docstring_messages, find_docstrings
from docs_engine.translation.figure_texts import figure_messages
from docs_engine.adapters.sphinx_gallery import shown_code_blocks, split_code_and_text_blocks
from tests.site.conftest import break_build
from tests.site.helpers import EXAMPLES, LANGUAGES, NOT_FOUND_PAGE, ROOT, download, html_pages, soup

CATALOGS = sorted((ROOT / "locales" / "es" / "LC_MESSAGES").rglob("*.po"))
# Pages every built language has besides the documents: Sphinx's own and the 404 page.
GENERATED_PAGES = {"genindex.html", "search.html", NOT_FOUND_PAGE}


def test_every_english_page_has_a_spanish_twin(site):
    english = html_pages(site.html / "en")
    assert english == html_pages(site.html / "es")
    assert len(english - GENERATED_PAGES) >= len(EXAMPLES) + 4


@pytest.mark.parametrize("language,other", [("en", "es"), ("es", "en")])
def test_language_switcher_links_to_the_same_page(site, language, other):
    for name in html_pages(site.html / language) - {NOT_FOUND_PAGE}:  # test_hosting.py
        page = site.html / language / name
        links = soup(page).select(f".language-switcher a[hreflang={other}]")
        assert links, f"{language}/{name} has no link to {other}"
        target = (page.parent / links[0]["href"]).resolve()
        assert target == (site.html / other / name).resolve()
        assert target.is_file()


def test_every_page_declares_its_language_and_alternates(site):
    for language in LANGUAGES:
        for name in html_pages(site.html / language):
            page = soup(site.html / language / name)
            assert page.html["lang"] == language
            if name == NOT_FOUND_PAGE:  # for visitors only: test_hosting.py
                continue
            alternates = {link["hreflang"] for link in page.select('link[rel=alternate][hreflang]')}
            assert alternates == {*LANGUAGES, "x-default"}, name


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_catalog_is_valid_and_complete(catalog):
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(catalog)], check=True)
    po = polib.pofile(str(catalog))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


def _visible_text(page: Path) -> str:
    tree = soup(page)
    for hidden in tree(["script", "style", "pre", "code", "head"]):
        hidden.decompose()
    return " ".join(tree.get_text(" ").split())


def test_no_spanish_page_shows_english_prose_from_its_catalog(site):
    """Each translated message's English text is gone from the Spanish page."""
    for catalog in CATALOGS:
        docname = catalog.relative_to(ROOT / "locales/es/LC_MESSAGES").with_suffix("").as_posix()
        page = site.page("es", docname)
        if not page.exists():
            continue  # the extensions' catalog: tested through the pages below
        text = _visible_text(page)
        for entry in polib.pofile(str(catalog)).translated_entries():
            plain = entry.msgid
            if entry.msgstr == plain or re.search(r"[`*$\[{<:|]", plain) or len(plain) < 12:
                continue  # kept as it is, or markup that renders differently
            assert plain not in text, f"{docname} shows English: {plain!r}"


def test_gallery_chrome_is_translated(site):
    for example in EXAMPLES:
        text = _visible_text(site.page("es", example))
        for english in ("Go to the end", "Download", "Total running time", "Gallery generated"):
            assert english not in text, (example, english)
    index = _visible_text(site.page("es", "examples/index"))
    assert "Download" not in index
    thumbnails = soup(site.page("es", "examples/index")).select("div.sphx-glr-thumbcontainer")
    english_titles = {t.select_one(".sphx-glr-thumbnail-title").get_text()
                      for t in soup(site.page("en", "examples/index")).select("div.sphx-glr-thumbcontainer")}
    for thumbnail in thumbnails:
        assert thumbnail.select_one(".sphx-glr-thumbnail-title").get_text() not in english_titles
        assert thumbnail["tooltip"]


def test_figure_alt_text_is_translated(site):
    for example in EXAMPLES:
        english = [img["alt"] for img in soup(site.page("en", example)).select("img.sphx-glr-single-img")]
        spanish = [img["alt"] for img in soup(site.page("es", example)).select("img.sphx-glr-single-img")]
        assert all(e != s for e, s in zip(english, spanish)), example


def _blocks(script: Path) -> tuple[list[str], list[str]]:
    _, blocks = split_code_and_text_blocks(script)
    code = [block.content for block in blocks if block.type == "code"]
    text = [block.content for block in blocks if block.type == "text"]
    return code, text


def _tokens(code: str, comments: bool = False) -> list[tuple[int, str]]:
    """The code's tokens: without comments and blank lines, or only comments."""
    tokens = tokenize.generate_tokens(io.StringIO(code).readline)
    if comments:
        return [(t.type, t.string) for t in tokens if t.type == tokenize.COMMENT]
    skip = {tokenize.COMMENT, tokenize.NL}
    return [(t.type, t.string) for t in tokens if t.type not in skip]


@pytest.mark.parametrize("example", EXAMPLES)
def test_spanish_downloads_translate_the_text_and_keep_the_code(site, example):
    english_script = download(site.page("en", example), ".py")
    spanish_script = download(site.page("es", example), ".py")
    english_code, english_text = _blocks(english_script)
    spanish_code, spanish_text = _blocks(spanish_script)
    english_tokens = [token for code in english_code for token in _tokens(code)]
    spanish_tokens = [token for code in spanish_code for token in _tokens(code)]
    assert len(spanish_tokens) == len(english_tokens)
    # Only the string literals the figures draw and the docstrings differ:
    # each is now its translation.
    catalog = polib.pofile(str(ROOT / "locales/es/LC_MESSAGES" / f"{example}.po"))
    english_source = english_script.read_text(encoding="utf-8")
    figure_texts = set(figure_messages(english_source))
    docstrings = set(docstring_messages(english_source))
    changed = [(en, es) for en, es in zip(english_tokens, spanish_tokens) if en != es]
    assert changed, "no figure text is translated"
    for (english_type, english), (spanish_type, spanish) in changed:
        assert english_type == spanish_type == tokenize.STRING
        english, spanish = ast.literal_eval(english), ast.literal_eval(spanish)
        if english in figure_texts:
            assert spanish == catalog.find(english).msgstr
        else:
            assert docstring_message(english) in docstrings
            assert docstring_message(spanish) == catalog.find(docstring_message(english)).msgstr
    assert len(spanish_text) == len(english_text)
    assert all(es != en for es, en in zip(spanish_text, english_text))
    english_comments = {c for code in english_code for c in _tokens(code, comments=True)}
    spanish_comments = {c for code in spanish_code for c in _tokens(code, comments=True)}
    assert spanish_comments - english_comments, "the code comments are not translated"
    notebook = json.loads(download(site.page("es", example), ".ipynb").read_text())
    markdown = " ".join("".join(cell["source"]) for cell in notebook["cells"]
                        if cell["cell_type"] == "markdown")
    assert spanish_text[0].split("\n")[1].strip()[:20] in markdown


@pytest.mark.parametrize("example", EXAMPLES)
def test_a_spanish_page_shows_its_downloads_code_character_for_character(site, example):
    """The page's code blocks are the .py download's: its strings, comments and docstrings."""
    page = site.page("es", example)
    shown = [block.get_text().rstrip("\n") for block in soup(page).select("div.highlight-Python pre")]
    script = download(page, ".py")
    assert shown == [code.strip("\n").rstrip() for code in shown_code_blocks(
        script, {"remove_config_comments": True})]


@pytest.mark.parametrize("language", LANGUAGES)
def test_downloads_keep_the_examples_line_length(site, language):
    """The examples are written to LINE_WIDTH, what a desktop's code column holds;
    their translations are wrapped to it too."""
    for example in EXAMPLES:
        script = download(site.page(language, example), ".py").read_text(encoding="utf-8")
        long_lines = [line for line in script.splitlines() if len(line) > LINE_WIDTH]
        assert long_lines == [], example


@pytest.mark.parametrize("example", EXAMPLES)
def test_no_translated_docstring_stays_english(site, example):
    catalog = polib.pofile(str(ROOT / "locales/es/LC_MESSAGES" / f"{example}.po"))
    translated = {entry.msgid for entry in catalog.translated_entries()}
    english = {docstring.span: docstring.message for docstring in
               find_docstrings(download(site.page("en", example), ".py").read_text(encoding="utf-8"))}
    spanish = [docstring.message for docstring in
               find_docstrings(download(site.page("es", example), ".py").read_text(encoding="utf-8"))]
    assert len(spanish) == len(english)
    for message, spanish_message in zip(english.values(), spanish):
        if message in translated:
            assert spanish_message == catalog.find(message).msgstr != message


def test_code_comments_on_spanish_pages_are_translated(site):
    for example in EXAMPLES:
        english = [c.get_text() for c in soup(site.page("en", example)).select("div.highlight-Python .c1")]
        spanish = [c.get_text() for c in soup(site.page("es", example)).select("div.highlight-Python .c1")]
        assert english and spanish
        assert set(spanish) - set(english), example


def search_index(site, language):
    index_js = (site.html / language / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(index_js[index_js.index("(") + 1: index_js.rindex(")")])


def search(index, stem):
    """The pages Sphinx's search finds for a stem: in their text or titles."""
    found = set()
    for field in ("terms", "titleterms"):
        documents = index[field].get(stem, [])
        documents = documents if isinstance(documents, list) else [documents]
        found |= {index["docnames"][number] for number in documents}
    return found


def test_spanish_search_uses_spanish_stems(site):
    spanish, english = snowballstemmer.stemmer("spanish"), snowballstemmer.stemmer("english")
    index = search_index(site, "es")
    assert "examples/autograd/plot_3_autograd" in search(index, spanish.stemWord("gradientes"))
    # Only a Spanish stemmer reduces these words to the stems in the index.
    for word in ("entrenamiento", "iteraciones", "pérdidas"):
        stem = spanish.stemWord(word)
        assert stem != english.stemWord(word)
        assert len(search(index, stem)) >= len(EXAMPLES), word


def test_a_po_syntax_error_stops_the_build_naming_file_and_line(project_copy):
    def break_catalog(root):
        with open(root / "locales/es/LC_MESSAGES/intro.po", "a") as catalog:
            catalog.write('\nmsgid "Unclosed"\nmsgstr "Sin cerrar\n')

    log = break_build(project_copy, break_catalog, "html-es")
    assert re.search(r"locales/es/LC_MESSAGES/intro\.po:\d+: ", log)


@pytest.mark.parametrize("breakage,complaint", [
    (lambda text: text.replace("``", "`", 1), "inline code"),
    (lambda text: text + " `clic <javascript:alert(1)>`_", "link target 'javascript:alert(1)'"),
    (lambda text: text + " <script>alert(1)</script>", "HTML '<script>'"),
])
def test_a_translation_that_breaks_markup_fails_the_build_naming_it(project_copy, breakage, complaint):
    catalog_name = "examples/tensors/plot_1_numpy.po"

    def break_translation(root):
        path = root / "locales/es/LC_MESSAGES" / catalog_name
        catalog = polib.pofile(str(path))
        entry = next(e for e in catalog if "``" in e.msgstr)
        entry.msgstr = breakage(entry.msgstr)
        catalog.save(str(path))

    log = break_build(project_copy, break_translation, "html-es")
    assert re.search(rf"{re.escape(catalog_name)}:\d+: WARNING: translation breaks its markup", log)
    assert complaint in log
