"""Spanish: the hunspell dictionary es_ES, and the forms of a glossary term.

The glossary gives a Spanish term as a dictionary does: a noun or an
adjective in the singular (*pérdida*, *propio*), a verb in the infinitive
(*generar*). Each stands for every form of the word: a noun's plural
(*pérdidas*), an adjective's gender and number (*propia*, *propios*), a
verb's conjugation (*genera*, *generado*, *generamos*). The check compares
plain text (lower case, no accents), so *generación* is *generacion* here.
"""

import re

from docs_engine.languages import LanguageRules, NumberConvention

# A verb's infinitive ending, after a stem of three letters at least (so that
# a short word such as "par" is left whole).
INFINITIVE = re.compile(r"(?<=\w{3})[aei]r$")


def stem(word: str) -> str:
    """What every form of a glossary word starts with: a verb without its
    infinitive ending (*gener-*), another word without its final vowel, which
    gender and number change (*propi-*)."""
    if INFINITIVE.search(word):
        return INFINITIVE.sub("", word)
    return word[:-1] if word[-1] in "aeo" else word


def term_pattern(term: str) -> re.Pattern:
    """The glossary's term, each of its words in any of its forms."""
    return re.compile(r"\b" + r"\s+".join(re.escape(stem(word)) + r"\w*" for word in term.split()) + r"\b")


# Neutral Spanish, written as the RAE recommends (Ortografía de la lengua
# española, 2010): a decimal point, as in Mexico, Central America and the
# examples' own output (8.82); thousands grouped by a narrow no-break space
# from five digits on (30 000, but 2000: CLDR's minimumGroupingDigits of es,
# which Babel does not apply). Its readers group thousands with a point in
# Spain and with a comma in much of Latin America, so a number never shows
# exactly three decimals (1.030 would read as one thousand and thirty).
NUMBERS = NumberConvention(symbols={"decimal": ".", "group": "\u202f"}, grouping_from=5,
                           three_decimals_read_as_thousands=True)

RULES = LanguageRules("es", spelling_dictionary="es_ES", term_pattern=term_pattern,
                      dictionary_package="hunspell-es", numbers=NUMBERS)
