"""What a visitor does in a real browser: headless Chromium, driven by playwright.

The ``server`` and ``browser`` fixtures (conftest.py) serve the whole session;
tests/test_reader.py checks the reading experience itself.
"""

import pytest

EXAMPLE = "examples/autograd/plot_3_autograd.html"


def test_switcher_leads_to_the_same_example_in_spanish(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/en/{EXAMPLE}")
    page.locator(".bd-header .language-switcher button").first.click()
    page.locator(".bd-header .language-switcher a[hreflang=es]").first.click()
    page.wait_for_url(f"{server}/es/{EXAMPLE}")
    assert page.locator("html").get_attribute("lang") == "es"
    assert "Autograd" in page.title()


@pytest.mark.parametrize("locale,language", [("es-MX", "es"), ("en-GB", "en"), ("fr-FR", "en")])
def test_root_page_picks_the_browser_language(server, browser, locale, language):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(f"{server}/index.html")
    page.wait_for_url(f"{server}/{language}/index.html")
    context.close()
