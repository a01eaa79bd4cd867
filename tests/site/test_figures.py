"""Example figures in the reader's language, drawn again from the executed ones."""

import filecmp
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
from docs_engine.translation.figures import TEXTS_KEY, draw_figure
from tests.site.conftest import break_build
from tests.site.helpers import EXAMPLES, download, run_as_built, soup

FIGURES = "img.sphx-glr-single-img"
THUMBNAILS = "div.sphx-glr-thumbcontainer img"
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
