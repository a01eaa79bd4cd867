"""The Spanish catalogs of the theme's and Sphinx's own text (the `sphinx` domain).

``sphinx.po`` completes and corrects the packages' catalogs, message by
message, so each msgid must be exactly the English a template or the code
uses. ``sphinx.js`` (the search page's messages) replaces Sphinx's own file
whole, so it must keep every message Sphinx's file has.
"""

import json
import re
from pathlib import Path

import polib
import pydata_sphinx_theme
import pytest
import sphinx

from docs_engine.translation.po_checks import markup_problems
from tests.helpers import ROOT

CATALOGS = ROOT / "locales" / "es" / "LC_MESSAGES"
SPHINX_JS = Path(sphinx.__file__).parent / "locale" / "es" / "LC_MESSAGES" / "sphinx.js"
# Where the `sphinx` domain's messages come from: the packages' templates and
# code, and our own templates.
SOURCES = [Path(sphinx.__file__).parent, Path(pydata_sphinx_theme.__file__).parent,
           ROOT / "docs" / "_templates"]


def read_js_catalog(path: Path) -> dict:
    """The catalog a ``Documentation.addTranslations({...});`` file holds."""
    text = re.sub(r"^//.*\n", "", path.read_text(encoding="utf-8"), flags=re.M)
    match = re.fullmatch(r"\s*Documentation\.addTranslations\((.*)\);\s*", text, re.S)
    assert match, f"{path} is not one Documentation.addTranslations(...) call"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def source_texts() -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace")
                     for folder in SOURCES for pattern in ("*.py", "*.html", "*.conf")
                     for path in folder.rglob(pattern))


@pytest.mark.parametrize("entry", polib.pofile(str(CATALOGS / "sphinx.po")),
                         ids=lambda entry: entry.msgid)
def test_each_sphinx_message_is_one_the_templates_use(entry, source_texts):
    quoted = (f'"{entry.msgid}"', f"'{entry.msgid}'", f"%}}{entry.msgid}{{%")
    assert any(form in source_texts for form in quoted), \
        f"no template or code of {[p.name for p in SOURCES]} uses {entry.msgid!r}"


def test_the_search_messages_keep_every_message_of_sphinx():
    ours, upstream = read_js_catalog(CATALOGS / "sphinx.js"), read_js_catalog(SPHINX_JS)
    assert ours["locale"] == "es"
    assert set(ours["messages"]) >= set(upstream["messages"])


def test_every_search_message_is_translated_with_its_markup():
    catalog = read_js_catalog(CATALOGS / "sphinx.js")
    for english, translation in catalog["messages"].items():
        forms = translation if isinstance(translation, list) else [translation]
        assert all(forms), f"empty translation of {english!r}"
        assert markup_problems(english, forms[0]) == [], english


def test_the_result_count_has_every_plural_form():
    catalog = read_js_catalog(CATALOGS / "sphinx.js")
    one, many = catalog["messages"]["Search finished, found one page matching the search query."]
    assert "${resultCount}" not in one and "${resultCount}" in many
    # Sphinx evaluates plural_expr in JavaScript: the form for one page, then for more.
    assert catalog["plural_expr"] == "n == 1 ? 0 : 1"
