"""What a reader downloads for each kind of page: its HTML and the images it shows.

For each language, kind of page (an example, a gallery index, the
comparison, any other page) and screen (light or dark theme, one or two
device pixels per CSS pixel), the mean over the pages of that kind of the
bytes of the HTML and of the images a browser picks: the ``<img>`` of the
theme (pydata-sphinx-theme's ``only-light``/``only-dark``, an image of
neither class in both themes), and in its ``srcset`` the candidate of the
screen's density (the smallest at least that dense, else the densest).
Stylesheets, scripts and fonts are left out: every page shares them, and a
browser fetches them once.

``python -m benchmarks.page_weight _build/html`` prints the table of a built site.
"""

import statistics
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

SCREENS = [("light", 1), ("light", 2), ("dark", 1), ("dark", 2)]
HIDDEN_IN = {"only-light": "dark", "only-dark": "light"}


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []  # (classes, src, srcset) of each <img>

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            attributes = dict(attrs)
            self.images.append(((attributes.get("class") or "").split(), attributes.get("src"),
                                attributes.get("srcset") or ""))


def _chosen(src: str, srcset: str, density: int) -> str:
    candidates = {1.0: src}
    for candidate in filter(None, (part.strip() for part in srcset.split(","))):
        url, _, descriptor = candidate.partition(" ")
        candidates[float(descriptor.strip().rstrip("x") or 1)] = url
    dense_enough = [d for d in candidates if d >= density]
    return candidates[min(dense_enough) if dense_enough else max(candidates)]


def weight(page: Path, theme: str, density: int) -> int:
    """Bytes of ``page`` and of the images it shows on that screen."""
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    total = page.stat().st_size
    for classes, src, srcset in parser.images:
        if not src or src.startswith("data:") or any(HIDDEN_IN.get(c) == theme for c in classes):
            continue
        image = page.parent / unquote(_chosen(src, srcset, density))
        total += image.stat().st_size if image.exists() else 0
    return total


def kind(page: Path, language_root: Path) -> str:
    name = page.relative_to(language_root).as_posix()
    if name.startswith("examples/") and page.name.startswith("plot_"):
        return "example page"
    if name.startswith("examples/"):
        return "gallery index"
    return "comparison" if name == "comparison.html" else "other page"


def page_weights(html: Path) -> dict[tuple[str, str], dict[tuple[str, int], float]]:
    """(language, kind of page): mean bytes for each screen."""
    pages = {}
    for language_root in sorted(path for path in html.iterdir() if (path / "index.html").exists()):
        for page in language_root.rglob("*.html"):
            if page.name not in ("search.html", "genindex.html", "404.html"):
                pages.setdefault((language_root.name, kind(page, language_root)), []).append(page)
    return {key: {screen: statistics.mean(weight(page, *screen) for page in found) for screen in SCREENS}
            for key, found in sorted(pages.items())}


def table(html: Path) -> str:
    lines = [f"{'page weight (KB: HTML + images shown)':<40}"
             + "".join(f"{f'{theme} {density}x':>10}" for theme, density in SCREENS)]
    for (language, page_kind), weights in page_weights(html).items():
        lines.append(f"{f'{language} {page_kind}':<40}"
                     + "".join(f"{weights[screen] / 1024:10.0f}" for screen in SCREENS))
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")))
