"""Numbers as the page's language writes them: one place, built on Babel.

Every number our code puts on a page (a table cell, a caption, a sentence
of our own) goes through :func:`decimal`, :func:`integer` or
:func:`percent`, with the page's language as Sphinx names it (``es``,
``pt_BR``). Babel does the work from CLDR's data: the locale's decimal and
group symbols, its grouping sizes, its percent pattern, its rounding.

Where the site's convention for a language is not CLDR's, the language's
rules say how, in CLDR's own terms (:class:`docs_engine.languages.NumberConvention`,
in its module: English never groups digits, Spanish takes a decimal point, a
narrow no-break space between thousands and never exactly three decimals).
Any other language follows its CLDR locale as Babel has it.
"""

from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal, format_percent

from docs_engine.languages import NumberConvention, rules


class _SiteLocale(Locale):
    """A CLDR locale with some of its number symbols replaced."""

    def __init__(self, base: Locale, symbols: dict[str, str]):
        super().__init__(base.language, base.territory, base.script, base.variant, base.modifier)
        self._symbols = symbols

    @property
    def number_symbols(self):
        symbols = dict(super().number_symbols)
        symbols["latn"] = {**super().number_symbols["latn"], **self._symbols}
        return symbols


def _convention(language: str) -> NumberConvention:
    return rules(language or "en").numbers


def locale(language: str) -> Locale:
    """The locale whose number conventions a page in ``language`` follows."""
    try:
        base = Locale.parse(language or "en")
    except (ValueError, UnknownLocaleError):
        base = Locale.parse("en")
    symbols = _convention(language).symbols
    return _SiteLocale(base, symbols) if symbols else base


def _grouped(value: float | Decimal, language: str) -> bool:
    grouping_from = _convention(language).grouping_from
    return grouping_from is not None and abs(int(value)) >= 10 ** (grouping_from - 1)


def decimal(value: float, language: str, decimals: int) -> str:
    """``value`` with ``decimals`` decimals, as ``language`` writes it.

    Where three decimals could read as thousands, it gets a fourth.
    """
    if decimals == 3 and _convention(language).three_decimals_read_as_thousands:
        decimals = 4
    # The float's exact value, rounded once: what f"{value:.{decimals}f}" gives.
    rounded = round(Decimal(float(value)), decimals)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(rounded, format=pattern, locale=locale(language),
                          decimal_quantization=True, group_separator=_grouped(rounded, language))


def integer(value: int | float, language: str) -> str:
    """``value`` rounded to a whole number, as ``language`` writes it."""
    return decimal(value, language, 0)


def percent(fraction: float, language: str, decimals: int = 0) -> str:
    """``fraction`` (0.01 is 1 %) as a percentage, as ``language`` writes it."""
    pattern = None
    if decimals:
        base = locale(language).percent_formats[None].pattern
        pattern = base.replace("0", "0." + "0" * decimals, 1) if "." not in base else None
    return format_percent(fraction, format=pattern, locale=locale(language),
                          decimal_quantization=True,
                          group_separator=_grouped(fraction * 100, language))
