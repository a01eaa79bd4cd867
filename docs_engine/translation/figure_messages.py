"""Mark the strings of an example's code in its catalog, and ask for literal figure texts.

Figure texts and docstrings are messages of an example's catalog
(:mod:`docs_engine.translation.code_messages` extracts them with the code's
comments). Translators need to know that a figure text is drawn by
matplotlib, whose ``$...$`` math must stay as it is, and that a docstring is
written into a Python string. Sphinx's gettext builder writes no comments,
so when it has finished this extension adds the extracted comment
(:data:`~docs_engine.translation.figure_texts.FIGURE_TEXT_COMMENT`,
:data:`~docs_engine.translation.docstrings.DOCSTRING_COMMENT`) to those
messages in the templates; ``make update-po`` carries it into the catalogs,
and ``make lint-po`` checks the translations it marks.

A figure text the code computes (an f-string, a concatenation, a variable)
is no message anyone can translate: the gallery step warns, naming the
example and line, so a strict build fails until it is a fixed literal.
"""

from pathlib import Path

from babel.messages.pofile import read_po
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain

from docs_engine.build_files import write_if_changed
from docs_engine.example import build_gallery
from docs_engine.translation.docstrings import DOCSTRING_COMMENT, docstring_messages
from docs_engine.translation.figure_texts import FIGURE_TEXT_COMMENT, figure_messages, find_figure_texts
from docs_engine.translation.po_checks import formatted

logger = logging.getLogger(__name__)


def code_string_comments(source: str) -> dict[str, str]:
    """The extracted comment of each figure text and docstring of a script, by message."""
    return ({message: DOCSTRING_COMMENT for message in docstring_messages(source)}
            | {message: FIGURE_TEXT_COMMENT for message in figure_messages(source)})


def mark_code_strings_in_templates(app: Sphinx, exception: Exception | None) -> None:
    """Add the figure-text and docstring comments to those messages of the examples' templates."""
    if exception or app.builder.name != "gettext":
        return
    for docname in sorted(app.env.found_docs):
        example = build_gallery(app.env).by_docname(docname)
        if example is None or not example.executed.exists():
            continue
        comments = code_string_comments(example.executed.read_text(encoding="utf-8"))
        template = Path(app.outdir) / f"{docname_to_domain(docname, app.config.gettext_compact)}.pot"
        if not comments or not template.exists():
            continue
        with template.open("rb") as source:
            catalog = read_po(source)
        for message in catalog:
            comment = comments.get(message.id)
            if comment and comment not in message.auto_comments:
                message.auto_comments.append(comment)
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
