"""What the intro states about how the examples train is what they do, in every language."""

import re

import pytest

from docs_engine import numbers
from tests.site.helpers import EXAMPLES, LANGUAGES, ROOT, least_squares_loss, soup, training_log

# How an example states its learning rate: its own variable, or an optimizer's lr=.
LEARNING_RATE = re.compile(r"(?:learning_rate = |lr=)([0-9.e-]+)")
OPTIMIZER = re.compile(r"torch\.optim\.(\w+)\(")
POINTS = re.compile(r"linspace\(\s*-(?:math|np)\.pi,\s*(?:math|np)\.pi,\s*(\d+)")


def _latex_number(text: str) -> float:
    """A learning rate as the table writes it: 10^{-6} or 5 \\times 10^{-6}."""
    found = re.fullmatch(r"\\\((?:([0-9.,]+) \\times )?10\^\{(-?\d+)\}\\\)", text.strip())
    assert found, text
    return float((found[1] or "1").replace(",", ".")) * 10 ** int(found[2])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_training_table_says_what_each_example_does(site, language):
    intro = site.page(language, "intro")
    rows = soup(intro).select("table.training-facts tbody tr")
    assert len(rows) == len(EXAMPLES)
    for example, row in zip(EXAMPLES, rows):
        link, update, rate, iterations, interval = row.select("td")
        assert link.a["href"].removesuffix(".html").endswith(example.removeprefix("examples/"))
        source = (ROOT / f"{example}.py").read_text(encoding="utf-8")
        log = training_log(site.page(language, example))
        assert iterations.get_text(strip=True) == numbers.integer(log.iterations[-1] + 1, language)
        assert interval.get_text(strip=True) == numbers.integer(log.iterations[1] - log.iterations[0],
                                                                language)
        assert _latex_number(rate.get_text()) == pytest.approx(float(LEARNING_RATE.search(source)[1]))
        optimizer = OPTIMIZER.search(source)
        if optimizer:
            assert optimizer[1] in update.get_text()
        else:
            assert update.get_text(strip=True) and not update.code


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_intro_states_no_number_the_examples_do_not_give(site, language):
    article = soup(site.page(language, "intro")).select_one("article")
    facts = [fact.get_text() for fact in article.select(".example-fact")]
    shared_points = {POINTS.search((ROOT / f"{example}.py").read_text(encoding="utf-8"))[1]
                     for example in EXAMPLES}
    assert len(shared_points) == 1
    assert facts == [numbers.integer(int(shared_points.pop()), language),
                     numbers.decimal(least_squares_loss(), language, 1)]
    # What the build writes itself: the facts, math, code, tables and the Run it
    # yourself box (versions from the requirements, the tolerance from the engine).
    for hidden in article.select(".example-fact, .math, code, table, .headerlink, .run-it-yourself"):
        hidden.decompose()
    prose = article.get_text(" ")
    assert not re.search(r"\d", prose), re.findall(r"\S*\d\S*", prose)
