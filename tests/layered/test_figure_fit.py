"""A translated figure text gets another layout rather than running off its figure,
and one that cannot fit is reported, naming the example, the figure and the message."""

import polib
from matplotlib.figure import Figure

from docs_engine.translation import figure_fit
from tests.layered.conftest import build_tinysite
from tests.layered.test_tinysite import _rebuild_spanish

LONG_TITLE = "Una traducción bastante más larga que el título inglés de esta figura pequeña"


def test_a_title_too_long_for_its_figure_is_wrapped_onto_it():
    figure = Figure(figsize=(4, 3))
    axes = figure.subplots()
    axes.plot([1, 2, 3])
    axes.set_title(LONG_TITLE)
    assert [problem for _, problem, _ in figure_fit.text_problems(figure)] == ["it runs off the figure"]
    assert figure_fit.fit_texts(figure, {LONG_TITLE}) == []
    assert axes.get_title().replace("\n", " ") == LONG_TITLE
    assert figure_fit.text_problems(figure) == []


def test_a_text_the_author_drew_is_never_rewrapped():
    figure = Figure(figsize=(4, 3))
    axes = figure.subplots()
    axes.set_title(LONG_TITLE)
    assert figure_fit.fit_texts(figure, set()) != []  # reported, not changed
    assert axes.get_title() == LONG_TITLE


def test_wrapping_never_breaks_math():
    assert figure_fit.wrap("la curva $a + b x + c x^2$ frente a sin(x)", 8).splitlines() == [
        "la curva", "$a + b x + c x^2$", "frente a", "sin(x)"]


def test_a_translation_that_cannot_fit_is_reported_with_its_example_figure_and_message(tiny_copy):
    build_tinysite(tiny_copy)
    catalog = tiny_copy / "locales/es/LC_MESSAGES/examples/basics/plot_1_tiny.po"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        'msgstr "Pérdida durante el entrenamiento"', f'msgstr "{"Pérdida" * 30}"'), encoding="utf-8")
    build = _rebuild_spanish(tiny_copy)
    line = polib.pofile(str(catalog)).find("Training loss").linenum
    assert (f"examples/basics/plot_1_tiny.po:{line}: WARNING: figure text does not fit figure 1"
            " of examples/basics/plot_1_tiny even in an adapted layout: it runs off the figure"
            " (message 'Training loss')") in build.warnings, build.warnings
