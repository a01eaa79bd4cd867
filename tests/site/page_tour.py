"""One visit of every page of the built site, in headless Chromium, for the tests
that check every page: the ``page_tour`` fixture (conftest.py).

Loading a page is most of what such a check costs (its scripts, MathJax, its
fonts), so each page is loaded once, as a reader on a desktop would get it,
and everything those tests ask of it is recorded then: the requests that left
the site or failed, its formulas, what axe-core finds in the light and the
dark theme, its left sidebar, and its width on phones. The tests then assert
on the records (test_reader.py, test_hosting.py).
"""

from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe

from tests.site.helpers import LANGUAGES, html_pages

DESKTOP = {"width": 1280, "height": 900}
PHONE_WIDTHS = [360, 390]
THEMES = ["light", "dark"]
# axe-core's rules for WCAG 2.0, 2.1 and 2.2, levels A and AA; plus the check
# that a control's name holds its visible text (WCAG 2.5.3), experimental in
# axe 4.12 and so off by default.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"label-content-name-mismatch": {"enabled": True}},
    "resultTypes": ["violations"],
}
# The dark theme changes colours only (pydata-sphinx-theme swaps its colour
# variables): in the dark theme, the rules whose result depends on colour.
AXE_COLOUR_OPTIONS = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
AXE_OPTIONS_BY_THEME = {"light": AXE_OPTIONS, "dark": AXE_COLOUR_OPTIONS}
AXE_JS = "([context, options]) => axe.run(context, options).then("\
    " results => results.violations.map(v => ({id: v.id, targets: v.nodes.map(n => n.target)})))"
# Highlighted code is most of what axe's colour checks read (each token is a
# span), and its tokens look the same on every page. A token's contrast depends
# only on its colour, the background it is drawn on, its size, weight and
# opacity: the tour checks the code of a page with axe only where it shows a
# combination no page before it showed, in that theme; the rest of every page,
# always.
CODE_TOKENS = "div.highlight pre span"
CODE_LOOKS_JS = """() => {
    const background = element => {
        for (let node = element; node; node = node.parentElement) {
            const color = getComputedStyle(node).backgroundColor;
            const parts = color.match(/[\\d.]+/g);
            if (parts.length === 3 || Number(parts[3]) > 0.99) return color;
        }
        return "rgb(255, 255, 255)";
    };
    return Array.from(new Set(Array.from(document.querySelectorAll("div.highlight pre span"),
        span => { const style = getComputedStyle(span);
                  return [style.color, background(span), style.fontSize, style.fontWeight,
                          style.opacity].join(" "); })));
}"""

# The header's controls that are drawn, and their boxes.
HEADER_CONTROLS_JS = """() => Array.from(document.querySelectorAll(".bd-header button, .bd-header a"))
    .map(control => [control, control.getBoundingClientRect()])
    .filter(([control, box]) => box.width > 0 && box.height > 0)
    .map(([control, box]) => ({name: control.getAttribute("aria-label") || control.className,
                               left: box.left, right: box.right}))"""
SIDEBAR_JS = """() => {
    const bar = document.querySelector(".bd-sidebar-primary");
    return {shown: !!bar && bar.getBoundingClientRect().width > 0,
            links: bar ? bar.querySelectorAll(".bd-docs-nav a").length : 0};
}"""
FORMULAS_JS = """() => ({
    formulas: document.querySelectorAll(".math").length,
    rendered: Array.from(document.querySelectorAll(".math"))
        .filter(math => math.querySelector("mjx-container")).length,
    errors: document.querySelectorAll("mjx-merror").length,
    text: document.body.innerText,
})"""


@dataclass
class PhoneView:
    scroll_width: int
    header_controls: list[dict]  # name, left and right of each drawn control


@dataclass
class PageVisit:
    """What the browser saw on one page (``<lang>/<path>``)."""

    path: str
    blocked: list[str] = field(default_factory=list)  # requests to another host
    failed: list[str] = field(default_factory=list)  # responses with an error status
    formulas: dict = field(default_factory=dict)  # FORMULAS_JS: counts, and the page's text
    violations: dict[str, list[dict]] = field(default_factory=dict)  # by theme
    sidebar: dict = field(default_factory=dict)  # SIDEBAR_JS, on a desktop
    phones: dict[int, PhoneView] = field(default_factory=dict)  # by width
    loading: bool = True  # until its formulas are typeset and its fonts loaded


def tour(browser, server: str, html) -> dict[str, PageVisit]:
    """Visit every page of every language of the site built in ``html``."""
    # Reduced motion: no colour transition under way while axe measures colours.
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    context.add_init_script(Axe().axe_script)  # the axe-core axe-playwright-python ships
    tab = context.new_page()
    visit = None

    def local_only(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            visit.blocked.append(route.request.url)
            route.abort()

    def record_failure(response):
        # Only the page's own requests: axe fetches the page's style sheets
        # again to read them, and resolves an @import against the wrong folder.
        if response.status >= 400 and visit.loading:
            visit.failed.append(response.url)

    tab.route("**/*", local_only)
    tab.on("response", record_failure)
    visits = {}
    code_looks_checked = {theme: set() for theme in THEMES}
    try:
        for language in LANGUAGES:
            for name in sorted(html_pages(html / language)):
                visit = visits[f"{language}/{name}"] = PageVisit(f"{language}/{name}")
                _look_at(tab, server, visit, code_looks_checked)
    finally:
        context.close()
    return visits


def _look_at(tab, server: str, visit: PageVisit, code_looks_checked: dict[str, set]) -> None:
    tab.set_viewport_size(DESKTOP)
    tab.emulate_media(color_scheme=THEMES[0])
    tab.goto(f"{server}/{visit.path}")  # its scripts, styles and images loaded
    # Then the formulas typeset, and the fonts they and the text use.
    if tab.evaluate("() => Boolean(window.MathJax && MathJax.startup)"):
        tab.evaluate("() => MathJax.startup.promise")
    tab.evaluate("() => document.fonts.ready.then(() => true)")
    visit.loading = False
    visit.formulas = tab.evaluate(FORMULAS_JS)
    visit.sidebar = tab.evaluate(SIDEBAR_JS)
    for theme in THEMES:  # the theme follows the system's colour scheme
        tab.emulate_media(color_scheme=theme)
        tab.wait_for_function("theme => document.documentElement.dataset.theme === theme",
                              arg=theme)
        options = AXE_OPTIONS_BY_THEME[theme]
        found = tab.evaluate(AXE_JS, [{"exclude": [[CODE_TOKENS]]}, options])
        looks = set(tab.evaluate(CODE_LOOKS_JS))
        if looks - code_looks_checked[theme]:
            found += tab.evaluate(AXE_JS, [{"include": [[CODE_TOKENS]]}, AXE_COLOUR_OPTIONS])
            code_looks_checked[theme] |= looks
        visit.violations[theme] = found
    for width in PHONE_WIDTHS:
        tab.set_viewport_size({"width": width, "height": 800})
        visit.phones[width] = PhoneView(tab.evaluate("document.scrollingElement.scrollWidth"),
                                        tab.evaluate(HEADER_CONTROLS_JS))
