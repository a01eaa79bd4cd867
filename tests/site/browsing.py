"""The tab most browser tests share, and how a test borrows it.

A page loads two to three times faster in a tab that has loaded one before:
its renderer process is up and the site's scripts are compiled. So the
browser tests that need no browser settings of their own (a locale, say)
share one tab for the whole session (the ``tab`` fixture, conftest.py), and
:func:`browsing` hands it over as a fresh tab would be: at the size and in
the theme a test asks for, with nothing left by the test before.
"""

from contextlib import contextmanager

from tests.site.page_tour import DESKTOP

# WCAG 2 relative luminance and contrast of two "rgb(...)" colours, computed in the page.
CONTRAST_JS = r"""
(function () {
  function channels(color) {
    return color.match(/[\d.]+/g).slice(0, 3).map(Number);
  }
  function luminance(color) {
    const [r, g, b] = channels(color).map(function (value) {
      value /= 255;
      return value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  window.contrast = function (first, second) {
    const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  };
  // The colour an element is drawn on: its first ancestor with an opaque background.
  window.backgroundOf = function (element) {
    for (let node = element; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      const parts = color.match(/[\d.]+/g);
      if (parts.length === 3 || Number(parts[3]) > 0.99) {
        return color;
      }
    }
    return "rgb(255, 255, 255)";
  };
})();
"""


def open_shared_tab(browser):
    """The shared tab: it may use the clipboard, and measures contrast (``CONTRAST_JS``)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(CONTRAST_JS)
    return context.new_page()


@contextmanager
def browsing(tab, width: int = DESKTOP["width"], height: int = DESKTOP["height"],
             theme: str = "light"):
    """Lend ``tab`` to a test; take it back blank, with no cookies or storage left."""
    tab.set_viewport_size({"width": width, "height": height})
    tab.emulate_media(color_scheme=theme)
    try:
        yield tab
    finally:
        if tab.url.startswith("http"):
            tab.wait_for_load_state()  # a page the test left still loading
            tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        tab.context.clear_cookies()
        tab.mouse.move(0, 0)  # nothing left hovered on the next test's page
        # A page of its own for the next test, even at the same address.
        tab.goto("about:blank")
