"""Spanish: the hunspell dictionary es_ES, and the forms of a glossary term.

The glossary gives a Spanish term as a dictionary does: a noun or an
adjective in the singular (*pérdida*, *propio*), a verb in the infinitive
(*generar*). Each stands for every form of the word: a noun's plural
(*pérdidas*), an adjective's gender and number (*propia*, *propios*), a
verb's conjugation (*genera*, *generado*, *generamos*). The check compares
plain text (lower case, no accents), so *generación* is *generacion* here.
"""

import re

from docs_engine.languages import LanguageRules

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


RULES = LanguageRules("es", spelling_dictionary="es_ES", term_pattern=term_pattern,
                      dictionary_package="hunspell-es")
