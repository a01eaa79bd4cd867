"""What a visitor does in a real browser: headless Chromium, driven by playwright.

The ``server``, ``browser`` and ``tab`` fixtures (conftest.py) serve the
whole session; tests/site/test_reader.py checks the reading experience itself.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.site.browsing import browsing
from tests.site.helpers import WORD, english_words

EXAMPLE = "examples/autograd/plot_3_autograd.html"


def test_switcher_leads_to_the_same_example_in_spanish(server, tab):
    with browsing(tab, width=1400) as page:
        page.goto(f"{server}/en/{EXAMPLE}")
        page.locator(".bd-header .language-switcher button").first.click()
        page.locator(".bd-header .language-switcher a[hreflang=es]").first.click()
        page.wait_for_url(f"{server}/es/{EXAMPLE}")
        assert page.locator("html").get_attribute("lang") == "es"
        assert "Autograd" in page.title()


@pytest.mark.parametrize("locale,language", [("es-MX", "es"), ("en-GB", "en"), ("fr-FR", "en")])
def test_root_page_picks_the_browser_language(server, browser, locale, language):
    context = browser.new_context(locale=locale)
    try:
        page = context.new_page()
        page.goto(f"{server}/index.html")
        page.wait_for_url(f"{server}/{language}/index.html")
    finally:
        context.close()


@pytest.mark.parametrize("language,label", [("en", "Out:"), ("es", "Salida:")])
def test_output_blocks_are_labelled_in_the_page_language(server, tab, language, label):
    with browsing(tab) as page:
        page.goto(f"{server}/{language}/{EXAMPLE}")
        outputs = page.locator(".sphx-glr-script-out")
        assert outputs.count() >= 1
        # The label is the `content` of each output block's ::before, as rendered.
        labels = outputs.evaluate_all("blocks => blocks.map("
                                      "block => getComputedStyle(block, '::before').content)")
        assert labels == [f'"{label}"'] * outputs.count()


# A word every example page has, and one no page has.
@pytest.mark.parametrize("query,found", [("gradiente", True), ("zxqwvj", False)])
def test_spanish_search_reports_in_spanish(server, tab, query, found):
    with browsing(tab) as page:
        page.goto(f"{server}/es/search.html?q={query}")
        summary = page.locator("#search-results .search-summary")
        expect(summary).to_have_text(re.compile(r"\S"))  # the search has finished
        results = page.locator("#search-results ul.search > li").count()
        assert (results > 0) == found
        if found:  # the summary gives the number of results
            assert re.search(rf"\b{results}\b", summary.inner_text())
        messages = page.locator("#search-results h2").inner_text() + " " + summary.inner_text()
    assert not english_words(set(WORD.findall(messages))), messages


def test_the_shared_tab_comes_back_blank_to_the_next_test(server, tab):
    """What one test leaves in the shared tab (tests/site/browsing.py) never reaches the next."""
    with browsing(tab, theme="dark") as page:
        page.goto(f"{server}/en/intro.html")
        page.evaluate("() => { localStorage.setItem('left', '1');"
                      " sessionStorage.setItem('left', '1'); }")
        page.context.add_cookies([{"name": "seen", "value": "1", "url": server}])
    assert tab.url == "about:blank"
    with browsing(tab) as page:
        page.goto(f"{server}/en/intro.html")
        assert page.evaluate(
            "() => [localStorage.getItem('left'), sessionStorage.getItem('left')]") == [None, None]
        assert page.context.cookies() == []
        assert page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches") is False
