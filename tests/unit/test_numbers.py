"""Numbers as each language writes them (docs_engine.numbers, through Babel)."""

import random

import pytest

from docs_engine import numbers

NARROW = "\u202f"  # narrow no-break space
NO_BREAK = "\u00a0"


def test_english_writes_what_python_prints_digit_for_digit():
    assert numbers.decimal(9.086012216057796, "en", 3) == "9.086"
    assert numbers.decimal(1.0301, "en", 3) == "1.030"
    assert numbers.integer(30000, "en") == "30000"  # as the prose and the code: never grouped
    assert numbers.integer(289.4, "en") == "289"
    assert numbers.percent(0.01, "en") == "1%"
    generator = random.Random(22)
    for _ in range(2000):
        value = generator.uniform(-1e5, 1e5) * generator.choice([1, 1e-3, 1e-6])
        places = generator.randint(0, 5)
        assert numbers.decimal(value, "en", places) == f"{value:.{places}f}"
    for tie in (0.0005, 0.0015, 0.125, 2.5, 3.5):  # rounded as the float's exact value is
        assert numbers.decimal(tie, "en", 2) == f"{tie:.2f}"


def test_spanish_groups_five_digits_and_more_with_a_narrow_space_as_the_prose():
    assert numbers.integer(30000, "es") == f"30{NARROW}000"
    assert numbers.integer(1234567, "es") == f"1{NARROW}234{NARROW}567"
    assert numbers.integer(2000, "es") == "2000"  # four digits stay together (RAE)
    assert numbers.decimal(12345.5, "es", 1) == f"12{NARROW}345.5"


def test_spanish_keeps_the_decimal_point_and_never_three_decimals_after_it():
    # 1.030 would read as one thousand and thirty where a point groups thousands.
    assert numbers.decimal(1.0301, "es", 3) == "1.0301"
    assert numbers.decimal(9.086012216057796, "es", 3) == "9.0860"
    assert numbers.decimal(8.823, "es", 2) == "8.82"  # as the prose writes the optimum
    assert numbers.percent(0.01, "es") == f"1{NO_BREAK}%"


@pytest.mark.parametrize("language, expected", [
    # German: a decimal comma and a point between thousands, from four digits.
    ("de", ("1,030", "9,086", "2.000", "30.000", f"1{NO_BREAK}%", f"50,0{NO_BREAK}%")),
    # French: a decimal comma and a narrow space between thousands.
    ("fr", ("1,030", "9,086", f"2{NARROW}000", f"30{NARROW}000", f"1{NO_BREAK}%",
            f"50,0{NO_BREAK}%")),
    # A region after the language, as Sphinx names it: Brazil's Portuguese.
    ("pt_BR", ("1,030", "9,086", "2.000", "30.000", "1%", "50,0%")),
])
def test_another_language_follows_its_cldr_locale(language, expected):
    assert (numbers.decimal(1.0301, language, 3), numbers.decimal(9.086012, language, 3),
            numbers.integer(2000, language), numbers.integer(30000, language),
            numbers.percent(0.01, language), numbers.percent(0.5, language, 1)) == expected


def test_an_unknown_language_writes_numbers_as_english_does():
    assert numbers.decimal(1.0301, "xx", 3) == "1.030"
    assert numbers.percent(0.01, "") == "1%"
