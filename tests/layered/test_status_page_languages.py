"""The translation status page with a third language, and with a broken catalog.

The page (``translation-status``) shows a table for every language of the
site that has catalogs; a catalog polib cannot read is named in one warning
line, with its file and line, never a traceback. The tiny project is built
in English only: the status page of any language reads every language's
catalogs.
"""

import polib
from bs4 import BeautifulSoup

from tests.layered.conftest import GALLERY_STEP, sphinx

LANGUAGES = {"en": "English", "es": "Español", "fr": "Français"}


def add_french(root) -> None:
    """French's catalogs, as the update step makes them: the messages, untranslated."""
    spanish = root / "locales/es/LC_MESSAGES"
    for catalog in [*spanish.rglob("*.po")]:
        french = polib.pofile(str(catalog))
        french.metadata["Language"] = "fr"
        for entry in french:
            entry.msgstr = ""
        path = root / "locales/fr/LC_MESSAGES" / catalog.relative_to(spanish)
        path.parent.mkdir(parents=True, exist_ok=True)
        french.save(str(path))


def build_english(root):
    assert sphinx(root, "dummy", **GALLERY_STEP).status == 0
    return sphinx(root, "html", "en", docs_engine_gallery_execute=False, docs_engine_languages=LANGUAGES)


def test_the_status_page_shows_every_language(tiny_copy):
    add_french(tiny_copy)
    build = build_english(tiny_copy)
    assert build.status == 0, build.warnings
    page = BeautifulSoup((build.html / "status.html").read_text(encoding="utf-8"), "html.parser")
    titles = [rubric.get_text(strip=True) for rubric in page.select("p.rubric")]
    assert titles == ["Español (es)", "Français (fr)"]
    totals = [[cell.get_text(strip=True) for cell in table.select("tbody tr")[-1].select("td")]
              for table in page.select("table.translation-status")]
    messages = sum(len(polib.pofile(str(path)).translated_entries())
                   for path in (tiny_copy / "locales/es/LC_MESSAGES").rglob("*.po"))
    assert [row[1:4] for row in totals] == [[str(messages), "0", "0"], ["0", "0", str(messages)]]


def test_a_catalog_polib_cannot_read_is_one_warning_line(tiny_copy):
    add_french(tiny_copy)
    catalog = tiny_copy / "locales/es/LC_MESSAGES/index.po"
    catalog.write_text(catalog.read_text(encoding="utf-8") + "\nthis is not gettext\n", encoding="utf-8")
    build = build_english(tiny_copy)
    assert build.status != 0
    assert "Traceback" not in build.warnings + build.output
    lines = [line for line in build.warnings.splitlines() if "index.po" in line]
    assert len(lines) == 1 and "locales/es/LC_MESSAGES/index.po:" in lines[0], build.warnings
    assert 'keyword "this" unknown' in lines[0]
