"""Each language's own rules for the translators' checks, one module per language.

``make lint-po`` spell-checks a language's catalogs with a hunspell
dictionary, and checks that a translation uses the glossary's term
(``docs/glossary.md``) wherever its English message uses the English one.
Which dictionary, and which forms of a word count as the glossary's term
(Spanish: *generar* stands for *genera*, *generamos*...), are the language's
own: a module of this package named by the language's code (:mod:`.es`,
``pt_BR.py``) gives them as ``RULES``, a :class:`LanguageRules`. The source
language has its module too (:mod:`.en`): its rules find the English term.

:func:`rules` returns them; a language without a module gets
:func:`generic_rules`: the dictionary CLDR's likely region names (fr_FR for
fr), and a term that counts only as the glossary writes it, with any ending
(a plural). A code with a region and no module of its own (es_MX) has its
language's rules, with the region's dictionary. ``make lint-po`` says which
checks a language goes without, and why (``fr: not checked: ...``).

Adding a language's rules is adding its module: the tools find it by the
code in ``languages.toml``. This package imports the standard library (and
Babel, for a locale's name: :func:`locale_name`), never Sphinx: the
translators' tools run without it. ``python -m docs_engine.languages`` tells
the Makefile which Debian packages hold the languages' dictionaries
(:mod:`.__main__`).
"""

import dataclasses
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from docs_engine.project import LANGUAGE_CODE


@dataclass(frozen=True)
class NumberConvention:
    """Where the site writes a language's numbers otherwise than its CLDR locale
    (:mod:`docs_engine.numbers`), in CLDR's own terms."""

    # Number symbols that replace the locale's ("decimal", "group").
    symbols: dict[str, str] = field(default_factory=dict)
    # How many digits a whole part has before it is grouped; None: never grouped.
    grouping_from: int | None = 4
    # Whether a number with exactly three decimals could be read as thousands
    # (it then gets a fourth).
    three_decimals_read_as_thousands: bool = False


@dataclass(frozen=True)
class LanguageRules:
    """What the checks of one language's catalogs need to know of the language."""

    # The language's code, as languages.toml writes it (es, pt_BR).
    code: str
    # The name of the hunspell dictionary that spells it (es_ES).
    spelling_dictionary: str
    # The glossary term's pattern: given a term as plain text (lower case,
    # without accents), a pattern that finds it in plain text in any of the
    # forms that count as the term.
    term_pattern: Callable[[str], re.Pattern]
    # The package that installs the dictionary on Debian (hunspell-es); None
    # if the rules do not know it.
    dictionary_package: str | None = None
    # How the site writes its numbers where not as its CLDR locale does.
    numbers: NumberConvention = NumberConvention()
    # Whether the rules are the language's own (a module here) or generic.
    own: bool = True


def locale_name(code: str) -> str:
    """The ``language_TERRITORY`` a code stands for, from CLDR's likely subtags: es_ES for es.

    The generic rules' dictionary, and the locale OpenGraph gives a page
    (``og:locale``, :mod:`docs_engine.pages.language_links`).
    """
    from babel.core import get_global  # when needed: not for a language with a module of its own

    likely = get_global("likely_subtags").get(code, code)
    language, _, rest = likely.partition("_")
    territory = rest.rsplit("_", 1)[-1] if rest else ""
    return f"{language}_{territory}" if territory else language


def any_ending(term: str) -> re.Pattern:
    """The generic term: its words as written, each with any ending (a plural)."""
    return re.compile(r"\b" + r"\s+".join(re.escape(word) + r"\w*" for word in term.split()) + r"\b")


def generic_rules(code: str) -> LanguageRules:
    """The rules of a language that has no module here."""
    return LanguageRules(code, spelling_dictionary=locale_name(code), term_pattern=any_ending, own=False)


def own_rules(code: str) -> LanguageRules | None:
    """The rules of the language's own module here (es.py for es); None if it has none."""
    if not LANGUAGE_CODE.fullmatch(code):
        return None  # not a language's code (a folder under locales/ may be anything)
    try:
        module = importlib.import_module(f"{__name__}.{code}")
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{code}":
            raise  # the module exists, and imports something missing
        return None
    return module.RULES


@cache
def rules(code: str) -> LanguageRules:
    """A language's rules: those of its module here, else generic (see the module's docstring)."""
    own = own_rules(code)
    if own is not None:
        return own
    language, _, region = code.partition("_")
    if region and (own := own_rules(language)) is not None:
        return dataclasses.replace(own, code=code, spelling_dictionary=locale_name(code),
                                   dictionary_package=None)
    return generic_rules(code)
