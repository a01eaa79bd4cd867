"""English, the source language: how the glossary check finds an English term.

A term of the glossary's English column counts in the singular and in the
plural (*gradient*, *gradients*; *loss*, *losses*), and as written otherwise:
*build* is not *building*.
"""

import re

from docs_engine.languages import LanguageRules, NumberConvention


def term_pattern(term: str) -> re.Pattern:
    """The term as written, its last word also with -s or -es."""
    return re.compile(r"\b" + r"\s+".join(re.escape(word) for word in term.split()) + r"(?:s|es)?\b")


RULES = LanguageRules("en", spelling_dictionary="en_US", term_pattern=term_pattern,
                      dictionary_package="hunspell-en-us",
                      # Never grouped: the prose and the examples' code write 30000.
                      numbers=NumberConvention(grouping_from=None))
