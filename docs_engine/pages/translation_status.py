"""Tell readers how complete the translation is.

- The ``translation-status`` directive renders the table ``make stats``
  prints: per catalog, translated / fuzzy / untranslated messages and the
  percentage, and the total.
- On a translated page whose catalog is incomplete, a notice at the top gives
  the translated percentage and links to the contributing guide. Untranslated
  and fuzzy messages are shown in English meanwhile.

Both read the ``.po`` files while the page is read, and depend on them, so
they are current after every edit of a catalog. The table covers every
language of ``languages.toml`` that has catalogs; a catalog polib cannot
read (not valid gettext) is left out of it with a warning, one line naming
its file and line, in msgfmt's words.
"""

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from docs_engine import numbers, priorities
from docs_engine.translation.catalogs import (EXTENSIONS_CATALOG, catalog_sources_folder, is_translated,
                                  translation_source, translations)
from docs_engine.translation.po_checks import (CatalogSyntaxError, Progress, catalog_progress, load_catalog,
                                               progress_of)

logger = logging.getLogger(__name__)

MESSAGES = {
    "catalog": "Catalog",
    "translated": "Translated",
    "fuzzy": "Fuzzy",
    "untranslated": "Untranslated",
    "percent": "Percentage",
    # A percentage as the language writes it (Spanish: "100 %").
    "percent value": "{percent}%",
    "total": "Total",
    "notice": "{percent}% of this page is translated; the rest is shown in English.",
    "help": "Help translate it",
}
GUIDE = "contributing"


def _table(rows: list[list[str | nodes.Node]]) -> nodes.table:
    table = nodes.table(classes=["translation-status"])
    group = nodes.tgroup(cols=len(rows[0]))
    table += group
    group += [nodes.colspec(colwidth=1) for _ in rows[0]]
    head, body = nodes.thead(), nodes.tbody()
    for index, cells in enumerate(rows):
        row = nodes.row()
        row += [nodes.entry("", nodes.paragraph(
            "", "", cell if isinstance(cell, nodes.Node) else nodes.Text(cell))) for cell in cells]
        (head if index == 0 else body).append(row)
    group += [head, body]
    return table


class TranslationStatus(SphinxDirective):
    """The progress of every catalog of every language the site is translated into."""

    def run(self) -> list[nodes.Node]:
        gettext = translations(self.env, EXTENSIONS_CATALOG).gettext
        result = []
        for language, name in self.config.docs_engine_languages.items():
            folder = catalog_sources_folder(self.env, language)
            catalogs = sorted(folder.rglob("*.po"))
            if not catalogs:
                continue
            rows = [[gettext(MESSAGES[key]) for key in
                     ("catalog", "translated", "fuzzy", "untranslated", "percent")]]
            progress = []
            for path in catalogs:
                self.env.note_dependency(str(path))
                try:  # polib alone: the catalog step checks a translated build's catalogs with msgfmt
                    progress.append(progress_of(load_catalog(path, check=False)))
                except CatalogSyntaxError as error:
                    logger.warning(str(error), type="translation-status", subtype="catalog")
                    continue
                catalog = path.relative_to(folder).as_posix()  # a file name: code
                rows.append(self._cells(nodes.literal(catalog, catalog), progress[-1], gettext,
                                        self.config.language or "en"))
            total = Progress(*(sum(getattr(p, f) for p in progress)
                               for f in ("translated", "fuzzy", "untranslated")))
            rows.append(self._cells(gettext(MESSAGES["total"]), total, gettext,
                                    self.config.language or "en"))
            title = nodes.rubric("", f"{name} ({language})")
            result += [title, _table(rows)]
        return result

    @staticmethod
    def _cells(name: str | nodes.Node, progress: Progress, gettext,
               language: str = "en") -> list[str | nodes.Node]:
        """A row: the numbers as the page's ``language`` writes them."""
        percent = gettext(MESSAGES["percent value"]).format(
            percent=numbers.integer(progress.percent, language))
        return [name, *(numbers.integer(count, language) for count in
                        (progress.translated, progress.fuzzy, progress.untranslated)), percent]


class IncompleteTranslationNotice(SphinxTransform):
    """Put a notice at the top of a translated page whose catalog is incomplete."""

    default_priority = priorities.NOTES_INCOMPLETE_TRANSLATION

    def apply(self, **kwargs) -> None:
        if not is_translated(self.env):
            return
        po_path = translation_source(self.env, self.env.docname)
        if not po_path.exists():
            return
        progress = catalog_progress(str(po_path))
        if progress.percent >= 100:
            return
        gettext = translations(self.env, EXTENSIONS_CATALOG).gettext
        link = addnodes.pending_xref("", nodes.inline("", gettext(MESSAGES["help"])),
                                     refdomain="std", reftype="doc", reftarget=f"/{GUIDE}",
                                     refexplicit=True, refwarn=True)
        # Whole percents, cut down: never 100 for a page not fully translated.
        percent = numbers.integer(int(progress.percent), self.config.language or "en")
        text = gettext(MESSAGES["notice"]).format(percent=percent)
        notice = nodes.admonition("", nodes.paragraph("", text + " ", link),
                                  classes=["translation-notice", "warning"])
        sections = list(self.document.findall(nodes.section))
        target = sections[0] if sections else self.document
        position = 1 if sections and isinstance(target[0], nodes.title) else 0
        target.insert(position, notice)
