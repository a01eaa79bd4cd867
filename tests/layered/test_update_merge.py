"""``make update-po``'s merge (GNU msgmerge --previous), in a project of one catalog.

A fuzzy message keeps, in its ``#|`` lines, the English its translation was
made from until a translator reviews it, however many updates come before:
the update step once took it from the catalog's other messages and lost it
(turning long ``#|`` lines into stray comments) when the catalog changed again.
"""

import subprocess
import sys
from pathlib import Path

import polib

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
# Long enough to be wrapped: its `#|` lines are wider than 79 columns.
TRANSLATED = ("The learned polynomial stays close to the sine in the middle of the interval and drifts away"
              " near the ends, where no cubic can follow the curve exactly.")
TRANSLATION = ("El polinomio aprendido se mantiene cerca del seno en el centro del intervalo y se aleja"
               " cerca de los extremos, donde ningún polinomio cúbico puede seguir la curva exactamente.")
KEPT = "A message that stays as it is."


def update(project: Path, *messages: str) -> polib.POFile:
    """Run the update step with a template of ``messages``; the catalog it leaves."""
    template = polib.POFile()
    template.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for message in messages:
        template.append(polib.POEntry(msgid=message))
    (project / "gettext").mkdir(exist_ok=True)
    template.save(str(project / "gettext" / "page.pot"))
    result = subprocess.run([sys.executable, "-m", "docs_engine.translators.update", "--pot-dir", "gettext"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return polib.pofile(str(project / "locales/es/LC_MESSAGES/page.po"))


def test_a_fuzzy_message_keeps_the_english_its_translation_was_made_from(tmp_path):
    (tmp_path / "languages.toml").write_text('en = "English"\nes = "Español"\n', encoding="utf-8")
    catalog = tmp_path / "locales/es/LC_MESSAGES/page.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(HEADER + f'msgid "{TRANSLATED}"\nmsgstr "{TRANSLATION}"\n\n'
                       f'msgid "{KEPT}"\nmsgstr "Un mensaje que sigue igual."\n', encoding="utf-8")
    once = TRANSLATED.replace("no cubic", "no cubic at all")
    first = update(tmp_path, once, KEPT)
    assert first.find(once).fuzzy and first.find(once).previous_msgid == TRANSLATED
    assert first.find(once).msgstr == TRANSLATION

    # Before the translator reviews it, another message of the catalog changes...
    second = update(tmp_path, once, KEPT + " Now longer.")
    assert second.find(once).fuzzy and second.find(once).previous_msgid == TRANSLATED
    assert second.find(KEPT + " Now longer.").previous_msgid == KEPT
    assert all(not entry.tcomment for entry in second)  # no stray comment

    # ... and then its own English again: the translation is still of the first English.
    twice = once.replace("the curve", "that curve")
    third = update(tmp_path, twice, KEPT + " Now longer.")
    assert third.find(twice).fuzzy and third.find(twice).msgstr == TRANSLATION
    assert third.find(twice).previous_msgid == TRANSLATED
    assert all(not entry.tcomment for entry in third)
