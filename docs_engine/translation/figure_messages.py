"""Make the text an example draws in its figures messages of its catalog.

Sphinx never extracts code, and figure titles, axis labels and legend
entries are string literals in code (:mod:`docs_engine.translation.figure_texts`). As
:mod:`docs_engine.translation.code_messages` does for comments, each code block of an
example page gets a hidden companion node whose messages are the block's
figure texts: the gettext builder extracts them into the page's catalog,
where translators find them beside the prose they illustrate. The companion
is removed before a page is written; translated figures are drawn by
:mod:`docs_engine.translation.figures` from the same catalog.

Translators need to know that such a message is drawn by matplotlib, whose
``$...$`` math must stay as it is. Sphinx's gettext builder writes no
comments, so when it has finished this extension adds the extracted comment
``#. figure text ...`` to those messages in the templates; ``make update-po``
carries it into the catalogs, and ``make lint-po`` checks the translations
it marks (:func:`docs_engine.translation.figure_texts.mathtext_problems`).

A figure text the code computes (an f-string, a concatenation, a variable)
is no message anyone can translate: the gallery step warns, naming the
example and line, so a strict build fails until it is a fixed literal.
"""

from pathlib import Path

from babel.messages.pofile import read_po
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain

from docs_engine import priorities
from docs_engine.build_files import write_if_changed
from docs_engine.example import build_gallery
from docs_engine.translation.code_messages import add_companions, take_companions
from docs_engine.translation.figure_texts import FIGURE_TEXT_COMMENT, figure_messages, find_figure_texts
from docs_engine.translation.po_checks import formatted

logger = logging.getLogger(__name__)


class figure_texts(nodes.Element, addnodes.translatable):
    """The figure texts of the code block before it, as translatable messages."""

    def preserve_original_messages(self) -> None:
        self["original"] = list(self["messages"])

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        pass  # figures are drawn from the compiled catalog, not from the page

    def extract_original_messages(self) -> list[str]:
        return self.get("original", self["messages"])


class ExtractFigureTexts(SphinxTransform):
    """Give each code block of an example page its figure texts as messages."""

    default_priority = priorities.EXTRACTS_FIGURE_TEXTS

    def apply(self, **kwargs) -> None:
        if build_gallery(self.env).by_docname(self.env.docname) is None:
            return
        add_companions(self.document, self.companion)

    @staticmethod
    def companion(code: str) -> figure_texts | None:
        messages = figure_messages(code)
        return figure_texts(messages=messages) if messages else None


class DropFigureTexts(SphinxTransform):
    """Remove the companions once Sphinx has translated the page."""

    default_priority = priorities.DROPS_FIGURE_TEXTS

    def apply(self, **kwargs) -> None:
        take_companions(self, figure_texts)


def mark_figure_texts_in_templates(app: Sphinx, exception: Exception | None) -> None:
    """Add the figure-text comment to those messages of the examples' templates."""
    if exception or app.builder.name != "gettext":
        return
    for docname in sorted(app.env.found_docs):
        example = build_gallery(app.env).by_docname(docname)
        if example is None or not example.executed.exists():
            continue
        messages = set(figure_messages(example.executed.read_text(encoding="utf-8")))
        template = Path(app.outdir) / f"{docname_to_domain(docname, app.config.gettext_compact)}.pot"
        if not messages or not template.exists():
            continue
        with template.open("rb") as source:
            catalog = read_po(source)
        for message in catalog:
            if message.id in messages and FIGURE_TEXT_COMMENT not in message.auto_comments:
                message.auto_comments.append(FIGURE_TEXT_COMMENT)
        write_if_changed(template, formatted(catalog))


def warn_about_computed_figure_texts(app: Sphinx) -> None:
    """Warn about each figure text an example computes (gallery step, whole-gallery run)."""
    if not app.config.docs_engine_gallery_execute:
        return
    for example in build_gallery(app.env).examples:
        for text in find_figure_texts(example.source.read_text(encoding="utf-8")):
            if not text.literal:
                logger.warning(
                    "figure text computed at run time, %s: it cannot be matched to a"
                    " message of the catalogs, so no translation can draw it; give it"
                    " a fixed string literal", text.code,
                    location=f"{example.file}:{text.line}", type="i18n", subtype="figure-text",
                )
