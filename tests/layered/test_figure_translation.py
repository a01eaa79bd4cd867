import json
import os

import numpy as np
import pytest
from PIL import Image

from docs_engine.adapters import gallery_files
from docs_engine.adapters import sphinx_gallery as sg
from docs_engine.execution.figure_record import _record, read_figure_record, figure_record_path
from docs_engine.translation.figures import (PROBLEMS_KEY, TEXTS_KEY, draw_figure, drawing_key,
                                            example_figure_messages)

MESSAGES = frozenset({"Training loss", "iteration", "sin(x)", "fitted cubic"})
SPANISH = {"Training loss": "Pérdida durante el entrenamiento", "iteration": "iteración",
           "fitted cubic": "polinomio cúbico ajustado"}


@pytest.fixture
def recorded(tmp_path):
    """A figure saved as sphinx-gallery saves it, with its record beside it."""
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots()  # as the examples make theirs
    axes.plot([0, 1, 2], [0, 1, 0], label="sin(x)")
    axes.plot([0, 1, 2], [0, 0.9, 0.1], "--", label="fitted cubic")
    axes.set_xlabel("iteration")
    axes.set_title("Training loss")
    axes.legend()
    image = tmp_path / "images" / "sphx_glr_plot_1_numpy_001.png"
    image.parent.mkdir()
    record = _record(figure)
    figure.savefig(image, **_savefig_options(figure))
    plt.close("all")  # as the scraper does
    figure_record_path(image).write_bytes(record)
    return image


def _savefig_options(figure):
    import matplotlib

    return sg.savefig_options(figure, matplotlib.rcParams)


def _pixels(path):
    return np.asarray(Image.open(path).convert("RGBA"))


def test_the_record_knows_the_texts_the_figure_shows(recorded):
    record = read_figure_record(recorded)
    assert set(record.texts) >= MESSAGES


def test_drawn_again_without_translations_the_figure_is_the_english_image(recorded, tmp_path):
    import matplotlib.pyplot as plt

    target = tmp_path / "again.png"
    assert draw_figure(read_figure_record(recorded), MESSAGES, {}, target) == []
    assert plt.get_fignums() == []  # no figure left open for the next example to find
    assert Image.open(target).size == Image.open(recorded).size
    assert np.array_equal(_pixels(target), _pixels(recorded))


def test_drawn_with_translations_the_figure_shows_them_and_says_so(recorded, tmp_path):
    target = tmp_path / "es.png"
    assert draw_figure(read_figure_record(recorded), MESSAGES, SPANISH, target) == []
    drawn = json.loads(Image.open(target).text[TEXTS_KEY])
    assert sorted(drawn) == sorted([*SPANISH.values(), "sin(x)"])
    assert Image.open(target).size == Image.open(recorded).size
    assert not np.array_equal(_pixels(target), _pixels(recorded))


def test_a_translation_the_fonts_cannot_draw_leaves_the_english(recorded, tmp_path):
    target = tmp_path / "bad.png"
    translations = {**SPANISH, "iteration": "迭代"}  # no CJK glyphs in matplotlib's default font
    problems = draw_figure(read_figure_record(recorded), MESSAGES, translations, target)
    assert [message for message, _ in problems] == ["iteration"]
    assert "missing from font" in problems[0][1]
    drawn = json.loads(Image.open(target).text[TEXTS_KEY])
    assert "iteration" in drawn and "迭代" not in drawn
    assert json.loads(Image.open(target).text[PROBLEMS_KEY]) == [list(problems[0])]


def test_a_drawing_is_keyed_by_its_english_image_and_the_translations_it_uses():
    key = drawing_key(b"png", {"a": "b", "c": "d"})
    assert key == drawing_key(b"png", {"c": "d", "a": "b"})  # order does not matter
    assert key != drawing_key(b"png", {"a": "b", "c": "e"})  # an edited translation
    assert key != drawing_key(b"png", {"a": "b"})  # one translation fewer
    assert key != drawing_key(b"other png", {"a": "b", "c": "d"})  # the example changed


def test_images_are_traced_back_to_their_example(tmp_path):
    gallery = tmp_path / "nn"
    assert gallery_files.example_of_image(gallery / "images" / "sphx_glr_plot_5_nn_002.png") == (
        gallery / "plot_5_nn.py", 2)
    assert gallery_files.example_of_image(gallery / "images" / "thumb" / "sphx_glr_plot_5_nn_thumb.png") == (
        gallery / "plot_5_nn.py", None)
    assert gallery_files.example_of_image(gallery / "images" / "logo.png") is None
    assert gallery_files.example_of_image(gallery / "sphx_glr_plot_5_nn_002.png") is None
    assert gallery_files.figure_path(gallery, "plot_5_nn", 2) == gallery / "images" / "sphx_glr_plot_5_nn_002.png"


@pytest.mark.parametrize("setting,number", [
    ("", 1),
    ("# sphinx_gallery_thumbnail_number = 2\n", 2),
    ("# sphinx_gallery_thumbnail_number = -1\n", 3),
    ("# sphinx_gallery_thumbnail_path = '_static/logo.png'\n", None),
])
def test_the_thumbnail_comes_from_the_figure_sphinx_gallery_picks(tmp_path, setting, number):
    script = tmp_path / "plot_x.py"
    script.write_text(f'"""\nTitle\n=====\n\nText.\n"""\n\n{setting}print(1)\n')
    assert sg.thumbnail_figure(script, figures=3) == number


def test_an_edited_script_gives_its_new_figure_texts_even_within_the_same_clock_tick(tmp_path):
    script = tmp_path / "plot_1_a.py"
    for title in ("Loss", "Error"):
        script.write_text(f'ax.set_title("{title}")\n')
        os.utime(script, ns=(0, 0))  # one time for both, as a coarse clock may give
        assert example_figure_messages(script) == {title}
