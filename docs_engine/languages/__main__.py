"""What installs the languages' hunspell dictionaries, for the Makefile's ``system-tools``.

``python -m docs_engine.languages es fr`` prints, for each language whose
own module (:mod:`docs_engine.languages`) names the Debian package of its
dictionary, ``/usr/share/hunspell/<dictionary>.dic:<package>``, as the
Makefile's ``SYSTEM_TOOLS`` lists a tool: a file, and the package that makes
it. A language without a module prints nothing: ``make lint-po`` says it
goes without the spelling check, and why. Standard library only, as the
Makefile runs it with the system's Python, before the virtual environment
exists.
"""

import sys

from docs_engine.languages import own_rules

for code in sys.argv[1:]:
    rules = own_rules(code)
    if rules is not None and rules.dictionary_package:
        print(f"/usr/share/hunspell/{rules.spelling_dictionary}.dic:{rules.dictionary_package}")
