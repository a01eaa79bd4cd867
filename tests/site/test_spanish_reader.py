"""The Spanish site as a Spanish reader meets it: no English outside code.

Every Spanish page is read as a person and a screen reader get it: its text
and the ``title``, ``aria-label``, ``placeholder`` and ``alt`` attributes.
Code, output blocks and math are left out; so is text marked as being in
another language (the switcher's ``<a lang="en">English</a>``) and the
glossary's English column, which is content. What remains holds no English
word, but for the terms Spanish-speaking practitioners keep in English, in
one reviewed list: ``tests/site/data/english_allowed.txt``.

Which words are English, :func:`tests.site.helpers.english_words` tells. The
search page's messages, which its script writes, are checked in Chromium
(test_browser.py).
"""

import re
from collections import defaultdict
from pathlib import Path

import pytest
from bs4.element import NavigableString, PreformattedString

from tests.site.helpers import WORD, english_words, soup

ALLOWED = Path(__file__).parent / "data" / "english_allowed.txt"

# Where English is not a leak: code, program output and math, and what the
# browser does not show as text.
NOT_PROSE = ("script, style, template, noscript, pre, code, kbd, samp, .highlight,"
             " .sphx-glr-script-out, .math, mjx-container")
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
URL = re.compile(r"\b[a-z]+://\S+")


def allowed_terms() -> list[str]:
    """The terms of the allow-list, each before its ``# why``."""
    lines = ALLOWED.read_text(encoding="utf-8").splitlines()
    return [term for line in lines if (term := line.split("#", 1)[0].strip())]


def reader_texts(page: Path) -> list[str]:
    """The texts of a page a reader or a screen reader gets, outside code, output and math."""
    html = soup(page)
    for element in html.select(NOT_PROSE):
        element.decompose()
    for element in html.select("body [lang]"):
        if element["lang"] != "es":
            element.decompose()
    if page.name == "glossary.html":
        for cell in html.select("table tbody td:first-child"):
            cell.decompose()  # the English term of each row: content
    texts = [str(text) for text in html.find_all(string=True)
             if isinstance(text, NavigableString) and not isinstance(text, PreformattedString)]
    return texts + [element[name] for element in html.find_all(True)
                    for name in ATTRIBUTES if element.has_attr(name)]


def spanish_pages(site) -> list[Path]:
    folder = site.html / "es"
    return sorted(page for page in folder.rglob("*.html")
                  if not page.relative_to(folder).parts[0].startswith("_"))


@pytest.fixture(scope="module")
def reading(site):
    """Each word of the Spanish site, with the pages that show it, and the allowed terms used."""
    words, used = defaultdict(set), set()
    terms = {term: re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)
             for term in allowed_terms()}
    for page in spanish_pages(site):
        name = page.relative_to(site.html).as_posix()
        for text in reader_texts(page):
            text = URL.sub(" ", text)
            for term, pattern in terms.items():
                text, count = pattern.subn(" ", text)
                if count:
                    used.add(term)
            for word in WORD.findall(text):
                for part in re.split(r"[-'’]", word):
                    if len(part) > 1:
                        words[part].add(name)
    return words, used


def test_the_detector_tells_english_from_spanish():
    english = {"More", "Search", "the", "docs", "Link", "to", "this", "heading", "Language",
               "Out", "Collapse", "Sidebar", "is", "and", "of"}
    spanish = {"Más", "Buscar", "la", "documentación", "Enlace", "este", "encabezado",
               "Idioma", "Salida", "Contraer", "barra", "lateral", "a", "no", "me", "con",
               "tensor", "pérdida", "final", "total", "control"}
    assert english_words(english | spanish) == english


def test_spanish_pages_have_no_english_outside_code(reading):
    words, _ = reading
    leaks = {word: words[word] for word in english_words(set(words))}
    assert not leaks, "English on the Spanish site (translate it, or add a kept term to " \
        f"{ALLOWED.name}):\n" + "\n".join(
            f"  {word!r} on {len(pages)} pages: {', '.join(sorted(pages)[:3])}"
            for word, pages in sorted(leaks.items()))


def test_every_allowed_english_term_is_still_used(reading):
    _, used = reading
    assert set(allowed_terms()) == used, f"terms no Spanish page uses: remove them from {ALLOWED}"


# The packages' Spanish that is wrong: grammar, usted, a calque. sphinx.po
# (and sphinx.js for the search page) replaces it.
UPSTREAM_MISTAKES = ["Navegación del sección", "Colapsar barra lateral", "Miga de pan",
                     "Por favor, active JavaScript"]


def test_no_page_shows_the_packages_wrong_spanish(site):
    for page in spanish_pages(site):
        html = page.read_text(encoding="utf-8")
        for mistake in UPSTREAM_MISTAKES:
            assert mistake not in html, f"{page}: {mistake!r}"
