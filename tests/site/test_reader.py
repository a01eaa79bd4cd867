"""The reader's experience, measured in headless Chromium: accessibility (axe),
phones, the language switcher, the comparison page, thumbnails and chrome.

Everything here is measured on the built pages in the browser (computed
styles, layout boxes, axe results), never read from a stylesheet. The tests
share the session's one browser, web server and tab (conftest.py,
tests/site/browsing.py), except the page tour, which has a tab of its own.
"""

import re
import unicodedata
from urllib.parse import quote_plus

import pytest
from playwright.sync_api import expect

from docs_engine import numbers
from tests.site.conftest import REPOSITORY
from tests.site.browsing import browsing
from tests.site.helpers import EXAMPLES, LANGUAGES, ROOT, html_pages, page_log, soup
from tests.site.page_tour import DESKTOP, PHONE_WIDTHS, THEMES

# WCAG AA: text against its background, and a focus ring against what surrounds it.
TEXT_CONTRAST = 4.5
FOCUS_RING_CONTRAST = 3.0
# Pages with no sibling pages, where a left sidebar would stay empty.
PAGES_WITHOUT_SIDEBAR = ["intro", "comparison", "glossary", "contributing", "translation-status"]
# Pages that Sphinx and sphinx-notfound-page write themselves: no source file.
GENERATED_PAGES = ["genindex", "search", "404"]
# The comparison's final losses are shown with this many decimals.
LOSS_DECIMALS = 3

# -- Accessibility ------------------------------------------------------------


def test_axe_finds_no_violation_on_any_page_in_either_theme(page_tour):
    """Every page of both languages, in the light theme and in the dark one."""
    assert {path.split("/")[0] for path in page_tour} == set(LANGUAGES)
    assert all(set(visit.violations) == set(THEMES) for visit in page_tour.values())
    violations = [f"{path} ({theme}): {violation['id']} at {violation['targets']}"
                  for path, visit in page_tour.items()
                  for theme, found in visit.violations.items() for violation in found]
    assert violations == []


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_is_readable_named_and_shows_its_focus(server, tab, theme, language):
    with browsing(tab, theme=theme) as page:
        page.goto(f"{server}/{language}/intro.html")
        button = page.locator(".bd-header .language-switcher button")
        text_contrast = button.evaluate(
            "b => contrast(getComputedStyle(b).color, backgroundOf(b))")
        assert text_contrast >= TEXT_CONTRAST

        # Its accessible name holds the text it shows ("Language: English").
        visible_text = button.evaluate("""b => { const shown = b.cloneNode(true);
            shown.querySelectorAll(".visually-hidden").forEach(hidden => hidden.remove());
            return shown.textContent.trim(); }""")
        name = re.search(r'button "([^"]*)"', button.aria_snapshot()).group(1)
        assert visible_text and visible_text in name and name != visible_text

        # Reached with the keyboard, it shows a clear focus ring.
        page.locator(".bd-header .search-button").first.focus()
        for _ in range(10):
            page.keyboard.press("Tab")
            if button.evaluate("b => b === document.activeElement"):
                break
        ring = button.evaluate("""b => {
            const style = getComputedStyle(b);
            return {style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                    contrast: contrast(style.outlineColor, backgroundOf(b.parentElement))};
        }""")
        assert button.evaluate("b => b.matches(':focus-visible')")
        assert ring["style"] != "none" and ring["width"] >= 2
        assert ring["contrast"] >= FOCUS_RING_CONTRAST


# -- The header at every width --------------------------------------------------

HEADER_WIDTHS = [320, 390, 768, 960, 992, 1024, 1100, 1200, 1280, 1920, 2560]
# The theme's desktop header starts here: below, its menu holds the links.
DESKTOP_HEADER = 960
# What the header shows, each a box of its own: the title, each link, each
# control. Hidden ones (the other layout's) have no box.
HEADER_BOXES = """() => [...document.querySelectorAll(
    ".bd-header .navbar-brand, .bd-header .navbar-header-items .navbar-nav > .nav-item,"
    + " .bd-header .navbar-header-items__end .navbar-item, .bd-header .sidebar-toggle,"
    + " .bd-header .navbar-persistent--mobile")]
    .map(item => [item.className, item.getBoundingClientRect().toJSON()])
    .filter(([, box]) => box.width > 0 && box.height > 0)"""


def _overlap(first: dict, second: dict) -> bool:
    return (first["left"] < second["right"] - 0.5 and second["left"] < first["right"] - 0.5
            and first["top"] < second["bottom"] - 0.5 and second["top"] < first["bottom"] - 0.5)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_fits_every_width_in_one_row_on_a_desktop(server, tab, language):
    """From a small phone to a wide screen nothing in the header overlaps or
    leaves the window; from the desktop width up it is one row."""
    for theme, widths in (("light", HEADER_WIDTHS), ("dark", [1024])):
        with browsing(tab, theme=theme) as page:
            page.goto(f"{server}/{language}/examples/nn/plot_8_dynamic.html")
            for width in widths:
                page.set_viewport_size({"width": width, "height": 800})
                boxes = page.evaluate(HEADER_BOXES)
                names = [name for name, _ in boxes]
                assert any("navbar-brand" in name for name in names), width
                for index, (name, box) in enumerate(boxes):
                    assert 0 <= box["left"] and box["right"] <= width, (width, name)
                    for other, other_box in boxes[index + 1:]:
                        assert not _overlap(box, other_box), (width, name, other)
                if width >= DESKTOP_HEADER:
                    assert sum("nav-item" in name for name in names) >= 3, width  # links and More
                    assert max(box["top"] for _, box in boxes) < min(box["bottom"] for _, box in boxes), \
                        f"{width} px: the header takes more than one row"


# -- Search in every language --------------------------------------------------

# A fixed list of queries a reader types, accented and not: each finds pages,
# and every snippet shows the word, marked.
SEARCHES = {"en": ["loss", "gradient", "optimizer", "tensor", "autograd"],
            "es": ["pérdida", "perdida", "parámetros", "parametros", "módulo", "modulo",
                   "gradiente", "optimizador"]}
# A rounded number run together with its exact value, the copy for screen readers.
ROUNDED_AND_EXACT = re.compile(r"\d\.\d{3,4}\d\.\d{5,}")


def _plain(text: str) -> str:
    return "".join(letter for letter in unicodedata.normalize("NFD", text.lower())
                   if not unicodedata.combining(letter))


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_and_marks_the_readers_word_with_or_without_accents(server, tab, language):
    with browsing(tab) as page:
        for query in SEARCHES[language]:
            page.goto(f"{server}/{language}/search.html?q={quote_plus(query)}")
            # Finished (the status says how many pages it found), and every
            # result's snippet fetched: each comes when its page has loaded.
            page.wait_for_function(
                """() => /\\d/.test(document.querySelector("#search-results p.search-summary")
                        ?.textContent) && [...document.querySelectorAll("#search-results li")]
                        .every(item => item.querySelector("p.context"))""")
            results = page.evaluate("""() => [...document.querySelectorAll("#search-results li")]
                .map(item => ({snippet: item.querySelector("p.context")?.textContent || "",
                               marked: [...item.querySelectorAll("p.context .highlighted")]
                                   .map(mark => mark.textContent)}))""")
            assert len(results) >= 5, query
            for result in results:
                assert result["marked"], (query, result["snippet"])
                # The marked words are the query's, accents aside, or its word family.
                assert all(_plain(word).startswith(_plain(query)[:4]) for word in result["marked"]), \
                    (query, result["marked"])
                # Only what the page shows: no formula source, no screen-reader copy.
                assert "\\(" not in result["snippet"] and "\\[" not in result["snippet"], query
                assert not ROUNDED_AND_EXACT.search(result["snippet"]), query


# -- The 404 page, tooltips and downloads, in the theme's look ------------------

@pytest.mark.parametrize("theme", THEMES)
def test_the_404_search_is_the_themes_search_field(server, tab, theme):
    """No Bootstrap box: the field is drawn on the page's own background, in
    both modes, and its button is text in the theme's link colour."""
    with browsing(tab, theme=theme) as page:
        page.goto(f"{server}/es/404.html")
        page.mouse.move(0, 0)  # nothing hovered, and no colour halfway through its transition
        page.evaluate("document.getAnimations().forEach(animation => animation.finish())")
        field = page.locator(".bd-article form[role=search]")
        colours = field.evaluate("""form => ({
            page: backgroundOf(document.querySelector(".bd-article")),
            form: backgroundOf(form.querySelector("input")),
            button: getComputedStyle(form.querySelector("button")).backgroundColor,
            text: getComputedStyle(form.querySelector("button")).color,
            link: getComputedStyle(document.querySelector(".bd-article a")).color})""")
        assert colours["form"] == colours["page"]
        assert colours["button"] in ("rgba(0, 0, 0, 0)", "transparent")
        assert colours["text"] == colours["link"]


def test_a_gallery_tooltip_shows_six_whole_lines_and_nothing_of_a_seventh(server, tab):
    with browsing(tab) as page:
        page.goto(f"{server}/es/examples/index.html")
        for index in range(page.locator(".sphx-glr-thumbcontainer[tooltip]").count()):
            card = page.locator(".sphx-glr-thumbcontainer[tooltip]").nth(index)
            card.hover()
            box = card.evaluate("""card => { const style = getComputedStyle(card, "::after");
                return [parseFloat(style.height), parseFloat(style.lineHeight),
                        parseFloat(style.paddingTop), parseFloat(style.paddingBottom)]; }""")
            height, line, top, bottom = box
            lines = (height - top - bottom) / line
            # Whole lines only, at most six, and no padding under them for a
            # seventh to show through.
            assert lines <= 6.01 and abs(lines - round(lines)) < 0.01 and bottom == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_download_buttons_share_one_width_and_keep_text_beside_the_icon(server, tab, language):
    with browsing(tab, width=PHONE_WIDTHS[-1], height=800) as page:
        for width in (PHONE_WIDTHS[-1], DESKTOP["width"]):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(f"{server}/{language}/examples/nn/plot_8_dynamic.html")
            buttons = page.evaluate("""() => [...document.querySelectorAll(
                    "div.sphx-glr-download a.download")].map(link => {
                const box = link.getBoundingClientRect();
                const lines = [...link.querySelector("code").getClientRects()];
                return {width: box.width, left: box.left,
                        lines: lines.map(line => line.left)}; })""")
            assert len(buttons) == 3
            assert max(b["width"] for b in buttons) - min(b["width"] for b in buttons) < 1, width
            for button in buttons:
                # The icon (the theme's, before the text) keeps the text's
                # start to its right, on every line the text wraps to.
                assert min(button["lines"]) - button["left"] > 12, width
                assert max(button["lines"]) - min(button["lines"]) < 1, width


# -- Code on a desktop -----------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_no_line_of_code_is_hidden_on_a_1280_px_desktop(server, tab, language):
    """Every code block of every example page, the Run it yourself box's included,
    fits its column: nothing needs sideways scrolling."""
    with browsing(tab, width=1280) as page:
        for example in EXAMPLES:
            page.goto(f"{server}/{language}/{example}.html")
            hidden = page.evaluate("""() => [...document.querySelectorAll("article div.highlight pre")]
                .filter(pre => pre.scrollWidth > pre.clientWidth)
                .map(pre => [pre.scrollWidth - pre.clientWidth, pre.textContent.slice(0, 50)])""")
            assert hidden == [], example


# -- Phones -------------------------------------------------------------------

TABLE_PAGES = ["comparison", "glossary", "intro", "translation-status"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_tables_on_a_phone_fit_or_keep_their_first_column_in_view(server, tab, language):
    """A table wider than a phone's column scrolls sideways, its first column
    (what each row is about) staying in place while the numbers scroll by."""
    with browsing(tab, width=PHONE_WIDTHS[-1], height=800) as page:
        for name in TABLE_PAGES:
            page.goto(f"{server}/{language}/{name}.html")
            containers = page.locator("article .pst-scrollable-table-container")
            assert containers.count(), name
            for index in range(containers.count()):
                found = containers.nth(index).evaluate("""container => {
                    container.scrollLeft = container.scrollWidth;
                    const left = container.getBoundingClientRect().left;
                    const firsts = [...container.querySelectorAll("tr > :first-child")];
                    return {scrolls: container.scrollWidth > container.clientWidth,
                            offsets: firsts.map(cell => cell.getBoundingClientRect().left - left),
                            widths: firsts.map(cell => cell.getBoundingClientRect().width),
                            column: container.clientWidth};
                }""")
                if found["scrolls"]:
                    assert all(abs(offset) < 1 for offset in found["offsets"]), name
                    # The first column leaves most of the screen to the others.
                    assert max(found["widths"]) <= 0.5 * found["column"], name

def test_no_page_scrolls_sideways_on_a_phone(page_tour):
    too_wide, off_screen = [], []
    for path, visit in page_tour.items():
        assert set(visit.phones) == set(PHONE_WIDTHS)
        for width, view in visit.phones.items():
            if view.scroll_width > width:
                too_wide.append(f"{path} at {width} px: {view.scroll_width} px wide")
            off_screen += [f"{path} at {width} px: {control['name']} ends at"
                           f" {control['right']:.0f} px"
                           for control in view.header_controls
                           if control["left"] < 0 or control["right"] > width]
    assert too_wide == []
    assert off_screen == []


@pytest.mark.parametrize("page_name", ["intro", "examples/nn/plot_8_dynamic"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_menu_holds_the_language_and_theme_switchers(server, tab, language, page_name):
    with browsing(tab, width=PHONE_WIDTHS[0], height=800) as page:
        page.goto(f"{server}/{language}/{page_name}.html")
        page.locator(".bd-header button.primary-toggle").click()
        menu = page.locator("#pst-primary-sidebar-modal")
        for control in (".language-switcher button", ".theme-switch-button"):
            # Waits for the menu to slide in, then for the control to be wholly on screen.
            expect(menu.locator(control)).to_be_in_viewport(ratio=1)
        menu.locator(".language-switcher button").click()
        other = next(code for code in LANGUAGES if code != language)
        assert menu.locator(f".language-switcher a[hreflang={other}]").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_wide_boxes_scroll_inside_themselves_on_a_phone(server, tab, language):
    with browsing(tab, width=PHONE_WIDTHS[0], height=800) as page:
        page.goto(f"{server}/{language}/comparison.html")
        table = page.locator("table.variant-comparison").locator("xpath=..").evaluate(
            "box => ({overflow: getComputedStyle(box).overflowX,"
            " scroll: box.scrollWidth, width: box.clientWidth})")
        assert table["overflow"] == "auto" and table["scroll"] > table["width"]
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE_WIDTHS[0]

        page.goto(f"{server}/{language}/examples/nn/plot_8_dynamic.html")
        boxes = page.evaluate("""() => Array.from(document.querySelectorAll("div.highlight pre"))
            .map(pre => ({output: !!pre.closest(".sphx-glr-script-out"),
                          overflow: getComputedStyle(pre).overflowX,
                          scroll: pre.scrollWidth, width: pre.clientWidth}))""")
        code = [box for box in boxes if not box["output"]]
        outputs = [box for box in boxes if box["output"]]
        # Code keeps its lines and scrolls; the printed log wraps its long "Result:" line.
        assert any(box["scroll"] > box["width"] for box in code)
        assert all(box["overflow"] in ("auto", "scroll") for box in code)
        assert outputs and all(box["scroll"] <= box["width"] for box in outputs)


def test_previous_and_next_titles_are_not_cut_off_on_a_phone(server, tab):
    """Spanish titles are the longest."""
    with browsing(tab, width=PHONE_WIDTHS[0], height=800) as page:
        for example in EXAMPLES:
            page.goto(f"{server}/es/{example}.html")
            for width in PHONE_WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                clipped = page.evaluate("""() => Array.from(document.querySelectorAll(
                        ".prev-next-area a")).filter(a => a.scrollWidth > a.clientWidth)
                    .map(a => a.innerText)""")
                assert clipped == [], (example, width)


# -- The language switcher keeps the reader's place ----------------------------


def follow_switcher(page, language: str) -> None:
    page.locator(".bd-header .language-switcher button").click()
    page.locator(f".bd-header .language-switcher a[hreflang={language}]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("start,target", [("en", "es"), ("es", "en")])
def test_switcher_keeps_the_section(server, tab, start, target):
    with browsing(tab) as page:
        page.goto(f"{server}/{start}/intro.html#how-every-example-trains")
        follow_switcher(page, target)
        assert page.url == f"{server}/{target}/intro.html#how-every-example-trains"
        heading = page.locator("#how-every-example-trains").bounding_box()
        assert page.evaluate("window.scrollY") > 0 and 0 <= heading["y"] < DESKTOP["height"] / 2


# The section the reader is in, and how far into its part: the last section
# whose heading is above the reading line, 32 px below the sticky header; its
# part runs to the next section's heading.
READERS_PLACE = """() => {
    const line = document.querySelector(".bd-header").getBoundingClientRect().bottom + 32;
    const all = [...document.querySelectorAll("article.bd-article section[id]")];
    const index = all.findLastIndex(section => section.getBoundingClientRect().top <= line);
    const top = all[index].getBoundingClientRect().top;
    const end = index + 1 < all.length ? all[index + 1].getBoundingClientRect().top
                                       : all[index].getBoundingClientRect().bottom;
    return [all[index].id, (line - top) / (end - top)];
}"""


@pytest.mark.parametrize("start,target", [("en", "es"), ("es", "en")])
@pytest.mark.parametrize("depth", [0.35, 0.7])
def test_switcher_keeps_the_section_and_the_place_in_it_without_an_anchor(server, tab, start, target,
                                                                          depth):
    """Scrolled down a long page with no #section in the address, the switch opens
    the twin page in the same section, as far into it (a share: translations differ
    in length)."""
    page_name = "examples/nn/plot_8_dynamic.html"
    with browsing(tab) as page:
        page.goto(f"{server}/{start}/{page_name}")
        page.wait_for_load_state("load")
        page.evaluate("depth => window.scrollTo(0, depth * document.body.scrollHeight)", depth)
        section, share = page.evaluate(READERS_PLACE)
        # The link as the reader follows it, without the menu, which Playwright
        # would scroll the page to reach.
        page.evaluate("language => document.querySelector("
                      "`.bd-header .language-switcher a[hreflang=${language}]`).click()", target)
        page.wait_for_url(f"{server}/{target}/{page_name}#{section}")
        page.wait_for_load_state("load")
        page.wait_for_function("() => !sessionStorage.getItem('language-switcher-place')")
        twin_section, twin_share = page.evaluate(READERS_PLACE)
        assert twin_section == section
        assert twin_share == pytest.approx(share, abs=0.02)


@pytest.mark.parametrize("start,target", [("en", "es"), ("es", "en")])
def test_switcher_keeps_the_search(server, tab, start, target):
    with browsing(tab) as page:
        page.goto(f"{server}/{start}/search.html?q=gradient")
        follow_switcher(page, target)
        assert page.url == f"{server}/{target}/search.html?q=gradient"
        assert page.locator(".bd-search-container input[name=q]").input_value() == "gradient"


def test_switcher_opens_the_top_of_a_page_without_the_section(server, tab):
    with browsing(tab) as page:
        page.goto(f"{server}/en/intro.html#a-section-only-english-has")
        follow_switcher(page, "es")
        assert page.url == f"{server}/es/intro.html#a-section-only-english-has"
        assert page.locator("html").get_attribute("lang") == "es"
        assert page.evaluate("window.scrollY") == 0


def test_switcher_carries_no_place_to_a_home_page_standing_in_for_a_page(server, tab):
    """The 404 page's switcher leads to the other language's home page, as it is."""
    with browsing(tab) as page:
        page.goto(f"{server}/en/404.html?q=gradient#a-section")
        home = page.locator(".bd-header .language-switcher a[hreflang=es]")
        assert home.evaluate("a => a.href") == f"{server}/es/index.html"


def test_switcher_keeps_the_place_with_absolute_links(server, tab):
    """The links may be absolute (a site URL set): the place travels all the same."""
    with browsing(tab) as page:
        page.goto(f"{server}/en/glossary.html")
        page.evaluate("""origin => document.querySelectorAll(".language-switcher a[hreflang]")
            .forEach(a => a.setAttribute("href", origin + "/" + a.hreflang + "/glossary.html"))""",
                      server)
        page.evaluate("location.hash = 'glossary'")
        follow_switcher(page, "es")
        assert page.url == f"{server}/es/glossary.html#glossary"


# -- The comparison page -------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_comparison_table_fits_a_desktop_window(server, tab, language):
    with browsing(tab) as page:
        page.goto(f"{server}/{language}/comparison.html")
        box = page.locator("table.variant-comparison").locator("xpath=..")
        assert box.evaluate("b => b.scrollWidth <= b.clientWidth")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= DESKTOP["width"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_comparison_losses_are_rounded_with_the_exact_value_reachable(site, server, tab,
                                                                      language):
    with browsing(tab) as page:
        page.goto(f"{server}/{language}/comparison.html")
        rows = page.locator("table.variant-comparison tbody tr")
        assert rows.count() == len(EXAMPLES)
        for row, example in zip(rows.all(), EXAMPLES):
            printed = page_log(site.page(language, example)).strip().splitlines()[-2].split()[1]
            number = row.locator(".exact-number")
            shown_rounded = number.locator("[aria-hidden=true]").inner_text()
            # As the page's language writes it (docs_engine.numbers).
            assert shown_rounded == numbers.decimal(float(printed), language, LOSS_DECIMALS)
            # Screen readers read the exact value...
            assert printed in number.aria_snapshot()
            # ...and keyboard users reach the number and see it.
            assert number.evaluate("n => n.tabIndex") == 0
            number.focus()
            shown = number.evaluate("n => getComputedStyle(n, '::after').content")
            assert shown == f'"{printed}"'


def test_comparison_numbers_are_right_aligned_in_equal_width_figures(server, tab):
    with browsing(tab) as page:
        page.goto(f"{server}/en/comparison.html")
        cells = page.locator("table.variant-comparison td.number")
        assert cells.count() == 4 * len(EXAMPLES)
        for style in cells.evaluate_all(
                "cells => cells.map(c => [getComputedStyle(c).textAlign,"
                " getComputedStyle(c).fontVariantNumeric])"):
            assert style == ["right", "tabular-nums"]
        # The ratios' last digits line up.
        ratio_ends = page.evaluate("""() => Array.from(
                document.querySelectorAll("table.variant-comparison tbody tr"))
            .map(row => row.querySelectorAll("td.number")[1].querySelector("p"))
            .map(p => { const range = document.createRange(); range.selectNodeContents(p);
                        return range.getBoundingClientRect().right; })""")
        assert max(ratio_ends) - min(ratio_ends) < 1


# -- Thumbnails ----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_thumbnails_are_named_and_their_tooltip_spares_the_title(server, tab, language):
    with browsing(tab) as page:
        page.goto(f"{server}/{language}/examples/index.html")
        cards = page.locator(".sphx-glr-thumbcontainer")
        assert cards.count() == len(EXAMPLES)
        for card in cards.all():
            title = card.locator(".sphx-glr-thumbnail-title").inner_text().strip()
            # Each rendition (light, dark) is named by the title.
            alts = [image.get_attribute("alt") for image in card.locator("img").all()]
            assert alts and set(alts) == {title}
            assert f'link "{title}"' in card.locator("a").aria_snapshot()
            card.hover()
            tooltip_bottom, title_top = card.evaluate("""card => {
                const tooltip = getComputedStyle(card, "::after");
                return [parseFloat(tooltip.top) + parseFloat(tooltip.height),
                        card.querySelector(".sphx-glr-thumbnail-title").offsetTop];
            }""")
            assert card.evaluate("c => getComputedStyle(c, '::after').content") != "none"
            assert tooltip_bottom <= title_top, title


# -- Chrome: copy buttons, source links, sidebars, downloads ----------------------


def test_copy_button_copies_the_code_only(server, tab):
    with browsing(tab) as page:
        page.goto(f"{server}/en/examples/tensors/plot_1_numpy.html")
        assert page.locator(".sphx-glr-script-out button.copybtn").count() == 0
        block = page.locator("div.highlight-Python").first
        block.hover()
        block.locator("button.copybtn").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == block.locator("pre").inner_text().strip()
        assert copied.startswith("import math")

        page.goto(f"{server}/en/contributing.html")
        block = page.locator("div.highlight-sh").first
        block.hover()
        block.locator("button.copybtn").click()
        assert page.evaluate("navigator.clipboard.readText()").strip() == "make update-po"

        # A block with prompts: only the commands are copied, not the prompts or
        # what the commands print.
        block.locator("pre").evaluate(
            "pre => { pre.textContent = '$ make html\\nbuilding...\\n>>> import torch\\n'; }")
        block.locator("button.copybtn").click()
        assert page.evaluate("navigator.clipboard.readText()").split() == [
            "make", "html", "import", "torch"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_to_its_source_and_translated_pages_to_their_catalog(site, language):
    # The site is built as on GitHub Actions (conftest.REPOSITORY).
    prefix = f"{REPOSITORY['GITHUB_SERVER_URL']}/{REPOSITORY['GITHUB_REPOSITORY']}/blob/main/"
    for name in sorted(html_pages(site.html / language)):
        path = f"{language}/{name}"
        page = site.html / path
        links = {a["class"][1].removeprefix("repository-link--"): a["href"]
                 for a in soup(page).select("a.repository-link")}
        if name.removesuffix(".html") in GENERATED_PAGES:
            assert links == {}
            continue
        expected = {"source", "report"} | ({"translate"} if language != "en" else set())
        assert set(links) == expected, path
        # "Report a problem" opens a new issue about this page (its address in the body).
        report = links.pop("report")
        assert report.startswith(prefix.removesuffix("blob/main/") + "issues/new?"), path
        assert quote_plus(f"{language}/{name}") in report, path
        for url in links.values():
            assert url.startswith(prefix)
            assert (ROOT / url.removeprefix(prefix)).is_file(), url
        if name.startswith("examples/") and not name.endswith("index.html"):
            assert links["source"].endswith(name.replace(".html", ".py"))
        if "translate" in links:
            assert links["translate"].endswith(f"locales/es/LC_MESSAGES/{name[:-5]}.po")


def test_pages_without_siblings_give_the_text_the_sidebar_width(page_tour):
    # The theme shows none on generated pages and on the home page.
    without = PAGES_WITHOUT_SIDEBAR + GENERATED_PAGES + ["index"]
    for path, visit in page_tour.items():
        assert not visit.sidebar["shown"] or visit.sidebar["links"] > 0, path
        name = path.split("/", 1)[1].removesuffix(".html")
        assert visit.sidebar["shown"] == (name not in without), path


@pytest.mark.parametrize("width", [PHONE_WIDTHS[0], DESKTOP["width"]])
def test_download_buttons_keep_their_icon_beside_the_text(server, tab, width):
    with browsing(tab, width=width) as page:
        for language in LANGUAGES:
            page.goto(f"{server}/{language}/examples/nn/plot_8_dynamic.html")
            for button in page.locator("div.sphx-glr-download a.download").all():
                heights = button.evaluate("""a => {
                    const style = getComputedStyle(a);
                    return [a.getBoundingClientRect().height - parseFloat(style.paddingTop)
                              - parseFloat(style.paddingBottom)
                              - parseFloat(style.borderTopWidth) - parseFloat(style.borderBottomWidth),
                            a.querySelector("code").getBoundingClientRect().height];
                }""")
                # An icon on a line of its own would make the button a line taller.
                assert heights[0] == pytest.approx(heights[1], abs=2)
