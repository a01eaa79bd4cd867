"""Example figures in the reader's language, drawn again from the executed ones."""

import filecmp
import io
import json
import re
from pathlib import Path

import numpy as np
import polib
import pytest
from PIL import Image

from docs_engine.adapters import gallery_files
from docs_engine.adapters import sphinx_gallery as sg
from docs_engine.execution.figure_record import read_figure_record
from docs_engine.translation.figure_texts import figure_messages
from docs_engine.pages import comparison, figure_renditions
from docs_engine.translation.figure_fit import drawn_texts
from docs_engine.translation.figures import TEXTS_KEY, draw_figure, translated_figure
from tests.site.browsing import browsing
from tests.site.conftest import break_build
from tests.site.helpers import EXAMPLES, LANGUAGES, download, run_as_built, soup
from tests.site.page_tour import DESKTOP

FIGURES = "img.sphx-glr-single-img"
# The light thumbnails (the dark ones: test_every_figure_has_a_dark_and_a_sharp_rendition).
THUMBNAILS = "div.sphx-glr-thumbcontainer img.only-light"
# The gallery indexes that show thumbnails: the whole gallery and each section.
INDEXES = ["examples/index", *sorted({f"{Path(e).parent.as_posix()}/index" for e in EXAMPLES})]


def _images(page: Path, selector: str = FIGURES) -> list[Path]:
    return [(page.parent / image["src"]).resolve() for image in soup(page).select(selector)]


def _drawn_texts(png: Path) -> list[str] | None:
    """The figure texts a drawn image says it shows (none in an image drawn once)."""
    with Image.open(png) as image:
        texts = image.text.get(TEXTS_KEY)
    return None if texts is None else json.loads(texts)


def _pixels(png: Path) -> np.ndarray:
    with Image.open(png) as image:
        return np.asarray(image.convert("RGBA"))


def _spanish(site, example: str) -> dict[str, str]:
    """The translations of the example's catalog, as translators wrote them."""
    catalog = polib.pofile(str(site.root / "locales/es/LC_MESSAGES" / f"{example}.po"))
    return {entry.msgid: entry.msgstr for entry in catalog.translated_entries()}


def _messages(site, example: str) -> set[str]:
    return set(figure_messages((site.root / f"{example}.py").read_text(encoding="utf-8")))


def _gallery_figure(site, example: str, number: int) -> Path:
    """Figure ``number`` as the gallery step saved it, with its record beside it."""
    section = site.gallery / Path(example).parent.relative_to("examples")
    return gallery_files.figure_path(section, Path(example).name, number)


@pytest.mark.parametrize("example", EXAMPLES)
def test_english_figures_are_the_executed_ones(site, example, tmp_path):
    messages = _messages(site, example)
    for number, image in enumerate(_images(site.page("en", example)), start=1):
        executed = _gallery_figure(site, example, number)
        assert filecmp.cmp(image, executed, shallow=False)
        assert _drawn_texts(image) is None  # sphinx-gallery's own image
        record = read_figure_record(executed)
        shown = [text for text in record.texts if text in messages]
        assert shown, f"figure {number} of {example} shows none of its figure texts"
        # The record draws the English image again, pixel for pixel.
        again = tmp_path / f"{number}.png"
        draw_figure(record, frozenset(messages), {}, again)
        assert np.array_equal(_pixels(again), _pixels(image))
        assert _drawn_texts(again) == shown


@pytest.mark.parametrize("example", EXAMPLES)
def test_spanish_figures_show_the_spanish_texts(site, example):
    messages, spanish = _messages(site, example), _spanish(site, example)
    english_images = _images(site.page("en", example))
    spanish_page = soup(site.page("es", example))
    assert len(spanish_page.select(FIGURES)) == len(english_images)
    for number, (english, image, tag) in enumerate(
            zip(english_images, _images(site.page("es", example)), spanish_page.select(FIGURES)),
            start=1):
        shown = [t for t in read_figure_record(_gallery_figure(site, example, number)).texts if t in messages]
        expected = [spanish.get(text, text) for text in shown]
        assert expected != shown, f"figure {number} of {example} has no translated text"
        assert sorted(_drawn_texts(image)) == sorted(expected)
        assert Image.open(image).size == Image.open(english).size
        assert not np.array_equal(_pixels(image), _pixels(english))
        assert tag["alt"] in _drawn_texts(image)  # the alt text is the title the image shows


def test_spanish_thumbnails_are_scaled_from_the_spanish_figures(site):
    for index in INDEXES:
        english = _images(site.page("en", index), THUMBNAILS)
        spanish = _images(site.page("es", index), THUMBNAILS)
        assert len(spanish) == len(english) > 0
        for english_thumbnail, thumbnail in zip(english, spanish):
            stem = re.fullmatch(r"sphx_glr_(.+)_thumb\.png", english_thumbnail.name)[1]
            example = next(e for e in EXAMPLES if e.endswith(f"/{stem}"))
            figures = _images(site.page("es", example))
            # The figure the example chose (sphinx_gallery_thumbnail_number), 1 by default.
            figure = figures[sg.thumbnail_figure(site.root / f"{example}.py", len(figures)) - 1]
            assert _drawn_texts(thumbnail) == _drawn_texts(figure)
            assert Image.open(thumbnail).size == Image.open(english_thumbnail).size
            assert not np.array_equal(_pixels(thumbnail), _pixels(english_thumbnail))


@pytest.mark.parametrize("example", EXAMPLES)
def test_spanish_downloads_draw_the_spanish_figures(site, example):
    spanish = _spanish(site, example)
    english_run = run_as_built(site.gallery, example, download(site.page("en", example), ".py"))
    run = run_as_built(site.gallery, example, download(site.page("es", example), ".py"))
    assert run.stdout == english_run.stdout
    page_figures = _images(site.page("es", example))
    assert len(run.figure_texts) == len(page_figures)
    for texts, english_texts, image in zip(run.figure_texts, english_run.figure_texts, page_figures):
        assert set(_drawn_texts(image)) <= set(texts)  # the figures on the Spanish page
        translated = {t for t in english_texts if spanish.get(t, t) != t}
        assert translated and not translated & set(texts)


@pytest.mark.parametrize("translation,complaint", [
    ("iteración en $", "figure text has 1 unescaped '$' where the English has 0"),
    ("iteración $\\foo$", "translation breaks its markup"),
])
def test_a_figure_text_matplotlib_cannot_draw_fails_the_build_and_shows_english(
        project_copy, translation, complaint):
    catalog_name = "examples/tensors/plot_1_numpy.po"
    roots = []

    def break_translation(root):
        roots.append(root)
        path = root / "locales/es/LC_MESSAGES" / catalog_name
        catalog = polib.pofile(str(path))
        catalog.find("iteration").msgstr = translation
        catalog.save(str(path))

    log = break_build(project_copy, break_translation, "html-es")
    path = roots[0] / "locales/es/LC_MESSAGES" / catalog_name
    line = polib.pofile(str(path)).find("iteration").linenum
    assert re.search(rf"{re.escape(catalog_name)}:{line}: WARNING: {re.escape(complaint)}", log), log
    page = roots[0] / "_build/html/es/examples/tensors/plot_1_numpy.html"
    texts = _drawn_texts(_images(page)[0])
    assert "iteration" in texts and "Pérdida durante el entrenamiento" in texts


# -- Every text fits, in every language ----------------------------------------

def _translations(site, language: str, catalog: str) -> dict[str, str]:
    """A catalog's translations in ``language`` (none in the source language)."""
    path = site.root / "locales" / language / "LC_MESSAGES" / f"{catalog}.po"
    if language == LANGUAGES[0] or not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)).translated_entries()}


def _assert_texts_fit(figure, what: str) -> None:
    """Every text the renderer draws lies on the canvas and clear of the others."""
    boxes = drawn_texts(figure)
    assert boxes, what
    canvas = figure.bbox
    for number, (text, box) in enumerate(boxes):
        assert (box.x0 >= canvas.x0 - 1 and box.y0 >= canvas.y0 - 1
                and box.x1 <= canvas.x1 + 1 and box.y1 <= canvas.y1 + 1), \
            f"{what}: {text.get_text()!r} runs off the figure"
        for other, other_box in boxes[number + 1:]:
            overlap = (min(box.x1, other_box.x1) - max(box.x0, other_box.x0),
                       min(box.y1, other_box.y1) - max(box.y0, other_box.y0))
            assert min(overlap) <= 1, f"{what}: {text.get_text()!r} overlaps {other.get_text()!r}"


def _png_pixels(figure, **savefig) -> np.ndarray:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", **savefig)
    with Image.open(buffer) as image:
        return np.asarray(image.convert("RGBA"))


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_figure_text_fits_in_every_language(site, example):
    messages = frozenset(_messages(site, example))
    for language in LANGUAGES:
        translations = _translations(site, language, example)
        for number, shown in enumerate(_images(site.page(language, example)), start=1):
            record = read_figure_record(_gallery_figure(site, example, number))
            translated = {text: translations[text] for text in record.texts
                          if text in messages and translations.get(text, text) != text}
            with translated_figure(record, messages, translated) as drawing:
                _assert_texts_fit(drawing.figure, f"figure {number} of {example} ({language})")
                # What was measured is what the page shows.
                assert np.array_equal(_png_pixels(drawing.figure, **record.savefig), _pixels(shown))


def _comparison_curves(site, language: str) -> list[tuple[str, list[float]]]:
    """The comparison's curves as its page draws them: each example's title and losses."""
    curves = []
    for row in soup(site.page(language, "comparison")).select("table.variant-comparison tbody tr"):
        example = (site.page(language, "comparison").parent / row.select_one("a")["href"]).resolve()
        heading = soup(example).select_one("h1")
        for link in heading.select("a.headerlink"):
            link.decompose()
        name = example.relative_to(site.html / language).with_suffix("").as_posix()
        record = json.loads((site.gallery / (name.removeprefix("examples/") + ".training.json")).read_text())
        curves.append((heading.get_text().strip(), record["losses"]))
    return curves


def test_the_comparison_figure_fits_in_every_language(site, tmp_path):
    for language in LANGUAGES:
        extensions = _translations(site, language, "extensions")
        x_label, y_label = (extensions.get(text) or text for text in ("iteration", "loss"))
        figure, unfitted = comparison.fitted_loss_chart(_comparison_curves(site, language), x_label, y_label)
        assert unfitted == []
        _assert_texts_fit(figure, f"the comparison figure ({language})")
        # What was measured is what the page shows, saved as loss_figures saves it.
        drawn = tmp_path / f"{language}.png"
        figure_renditions.save_renditions(figure, {("light", 1): drawn}, {"dpi": 100}, exact=None)
        shown = _images(site.page(language, "comparison"), "img.variant-comparison-figure")
        assert len(shown) == 1 and filecmp.cmp(drawn, shown[0], shallow=False)


# -- Renditions: dark, and sharp on dense screens -------------------------------

# Every kind of page that shows figures: examples, gallery indexes, the comparison.
FIGURE_PAGES = [*EXAMPLES, *INDEXES, "comparison"]


def _luminance(png: Path) -> float:
    """The mean luminance of an image's opaque pixels, from 0 (black) to 1 (white)
    (a thumbnail is padded to its box with transparent ones)."""
    with Image.open(png) as image:
        pixels = np.asarray(image.convert("RGBA"), dtype=float)
    grey = pixels[..., :3] @ [0.299, 0.587, 0.114] / 255
    return float(grey[pixels[..., 3] > 127].mean())


def _srcset(page: Path, image) -> dict[float, Path]:
    """An <img>'s files by density: its src at 1, then each srcset candidate."""
    files = {1.0: (page.parent / image["src"]).resolve()}
    for candidate in filter(None, (part.strip() for part in image.get("srcset", "").split(","))):
        url, density = candidate.split()
        files[float(density.rstrip("x"))] = (page.parent / url).resolve()
    return files


def test_every_figure_has_a_dark_and_a_sharp_rendition(site):
    for language in LANGUAGES:
        for name in FIGURE_PAGES:
            page = site.page(language, name)
            lights = soup(page).select("img.only-light")
            assert lights, f"{language}/{name} shows no figure"
            for light in lights:
                dark = light.find_next_sibling("img")
                assert "only-dark" in dark["class"] and dark["alt"] == light["alt"]
                assert dark["class"][:-1] == [f"{name}-dark" for name in light["class"][:-1]]
                light_files, dark_files = _srcset(page, light), _srcset(page, dark)
                shown = Image.open(light_files[1.0]).size
                # A figure: a light file twice as wide for dense screens, a
                # dark one as wide (shown at the light one's width); a
                # thumbnail, already drawn larger than shown: one of each.
                sharp = dark_files[max(dark_files)]
                if len(light_files) > 1:
                    assert Image.open(light_files[2.0]).size == (2 * shown[0], 2 * shown[1])
                    assert Image.open(sharp).size == (2 * shown[0], 2 * shown[1])
                    assert int(dark["width"]) == shown[0]
                    # Small: four times the pixels, in a palette PNG, for at most 2.5 times the bytes.
                    assert light_files[2.0].stat().st_size <= 2.5 * light_files[1.0].stat().st_size
                else:
                    assert Image.open(sharp).size == shown
                assert _luminance(light_files[1.0]) > 0.8 > 0.2 > _luminance(sharp), (light_files, sharp)
                # The same texts, in the page's language (an image drawn
                # once, sphinx-gallery's, does not list them).
                if _drawn_texts(light_files[1.0]) is not None:
                    assert _drawn_texts(sharp) == _drawn_texts(light_files[1.0])


def test_the_comparison_figure_is_files_the_browser_caches(site):
    for language in LANGUAGES:
        page = site.page(language, "comparison")
        for image in soup(page).select("img.variant-comparison-figure, img.variant-comparison-figure-dark"):
            assert not image["src"].startswith("data:")
            assert image["src"].startswith("_images/") and (page.parent / image["src"]).exists()
    # Each language's figure shows its own texts.
    shown = [soup(site.page(language, "comparison")).select_one("img.variant-comparison-figure")["src"]
             for language in LANGUAGES]
    assert len(set(shown)) == len(LANGUAGES)


# -- In the browser: the theme's rendition, live, and sharp on dense screens ----

EXAMPLE_PAGE = "es/examples/tensors/plot_1_numpy.html"
RENDITIONS = "img.only-light, img.only-dark"
LOADED_JS = "image => image.complete && image.naturalWidth > 0"
# The width in pixels of the file an <img> chose (its naturalWidth is in CSS pixels).
FILE_WIDTH_JS = """image => fetch(image.currentSrc).then(response => response.blob())
    .then(createImageBitmap).then(bitmap => bitmap.width)"""


def _shown_images(page) -> list:
    """The renditions the page displays (a lazy image not yet loaded has no height)."""
    images = page.locator(RENDITIONS)
    shown = []
    for number in range(images.count()):
        image = images.nth(number)
        if image.evaluate("image => getComputedStyle(image).display") == "none":
            continue
        image.scroll_into_view_if_needed()  # the dark image loads when it comes into view
        page.wait_for_function(LOADED_JS, arg=image.element_handle())
        shown.append(image)
    return shown


def _displayed_luminance(image) -> float:
    """The mean luminance of the image as the browser draws it, from a screenshot."""
    with Image.open(io.BytesIO(image.screenshot())) as shot:
        return float(np.asarray(shot.convert("L"), dtype=float).mean() / 255)


def _assert_theme_shown(page, theme: str) -> None:
    shown = _shown_images(page)
    assert shown
    for image in shown:
        assert ("only-dark" in image.get_attribute("class")) == (theme == "dark")
        luminance = _displayed_luminance(image)
        assert luminance < 0.25 if theme == "dark" else luminance > 0.8, (theme, luminance)


def test_figures_follow_the_theme_and_its_switch_without_reloading(server, tab):
    with browsing(tab, theme="dark") as page:
        for path in (EXAMPLE_PAGE, "es/examples/index.html"):
            page.goto(f"{server}/{path}")
            page.wait_for_function("document.documentElement.dataset.theme === 'dark'")
            _assert_theme_shown(page, "dark")
        page.evaluate("window.notReloaded = true")
        # The theme's own switch, not the system's preference, turns it light.
        page.locator(".bd-header .theme-switch-button").first.click()
        page.locator(".bd-header .theme-change-button[data-mode=light]").first.click()
        page.wait_for_function("document.documentElement.dataset.theme === 'light'")
        _assert_theme_shown(page, "light")
        assert page.evaluate("window.notReloaded === true")


def test_dense_screens_get_figures_twice_as_wide_as_shown(server, browser):
    context = browser.new_context(viewport=DESKTOP, device_scale_factor=2)
    try:
        page = context.new_page()
        for theme in ("light", "dark"):
            page.emulate_media(color_scheme=theme)
            for path in (EXAMPLE_PAGE, "en/comparison.html"):
                page.goto(f"{server}/{path}")
                for image in _shown_images(page):
                    shown_width = image.evaluate("image => image.getBoundingClientRect().width")
                    assert image.evaluate(FILE_WIDTH_JS) >= 2 * shown_width, (theme, path)
    finally:
        context.close()


def test_no_rendition_of_the_other_theme_shows_before_the_theme_script_runs(server, browser):
    for theme in ("light", "dark"):
        context = browser.new_context(viewport=DESKTOP, color_scheme=theme)
        try:
            page = context.new_page()
            # A first visit, the theme's script not run yet: html[data-theme] is empty.
            page.route("**/pydata-sphinx-theme.js*", lambda route: route.abort())
            page.goto(f"{server}/{EXAMPLE_PAGE}")
            assert page.evaluate("document.documentElement.dataset.theme") == ""
            displays = page.eval_on_selector_all(
                "img.only-light, img.only-dark",
                "images => images.map(image => [image.className, getComputedStyle(image).display])")
            assert displays and all((display == "none") == (theme not in name)
                                    for name, display in displays), displays
        finally:
            context.close()
