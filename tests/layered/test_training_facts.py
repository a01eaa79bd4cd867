"""The facts the intro states about the examples, read from their sources."""

import pytest

from docs_engine.pages.training_facts import FactError, UpdateRule, points, power_of_ten, update_rule

BY_HAND = """
import numpy as np
x = np.linspace(-math.pi, math.pi, 2000)
curve = np.linspace(-1, 1, 201)
learning_rate = 5e-6
"""
OPTIMIZER = """
x = torch.linspace(-math.pi, math.pi, 500)
rate = 1e-3
optimizer = torch.optim.SGD(model.parameters(), lr=rate, momentum=0.9)
"""


def test_updates_by_hand_take_the_scripts_learning_rate():
    assert update_rule(BY_HAND) == UpdateRule(None, 5e-6)


def test_an_optimizer_gives_its_name_rate_and_momentum():
    assert update_rule(OPTIMIZER) == UpdateRule("SGD", 1e-3, 0.9)


def test_a_script_without_a_learning_rate_is_named():
    with pytest.raises(FactError, match="neither calls a torch.optim optimizer"):
        update_rule("x = 1\n")


def test_the_points_are_those_of_the_problems_linspace():
    assert points(BY_HAND) == 2000 and points(OPTIMIZER) == 500
    with pytest.raises(FactError):
        points("curve = np.linspace(-1, 1, 201)\n")


@pytest.mark.parametrize("value,language,latex", [
    (1e-6, "en", "10^{-6}"), (5e-6, "en", "5 \\times 10^{-6}"), (1e-3, "es", "10^{-3}"),
    (2.5e-4, "en", "2.5 \\times 10^{-4}"), (2.5e-4, "de", "2,5 \\times 10^{-4}"),
])
def test_learning_rates_are_powers_of_ten_in_the_languages_conventions(value, language, latex):
    assert power_of_ten(value, language).astext() == latex
