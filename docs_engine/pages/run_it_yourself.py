"""The "Run it yourself" box: what a learner installs to get the numbers on the site.

Every example page gets the box before its downloads, and a page shows it
where it writes the directive (the introduction)::

    ```{run-it-yourself}
    ```

It names the packages the examples import, at the versions installed where
the site was built (:mod:`docs_engine.execution.learner_requirements`, never typed into a page),
with the command that installs them and the one for PyTorch's CPU-only build;
on an example's page, what made its log (the record of its execution:
versions, threads, processor) and what reproduces it digit for digit
(:mod:`docs_engine.execution.environment`) and, last, the link that opens its
notebook in Colab (:mod:`docs_engine.pages.colab_link`); everywhere, what to
expect otherwise.

Its sentences are messages of our extensions' catalog, so the box is built
after Sphinx translated the page (the directive leaves a placeholder), and
none of it lands in a page's catalog.
"""

import re

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from docs_engine import priorities
from docs_engine.example import build_gallery
from docs_engine.execution import environment as execution_environment
from docs_engine.execution import learner_requirements
from docs_engine.translation.catalogs import EXTENSIONS_CATALOG, note_catalog, translations
from docs_engine.execution.environment import describe, tolerance
from docs_engine.execution.learner_requirements import page_requirements
from docs_engine.adapters.sphinx_gallery import CSS
from docs_engine.pages.colab_link import colab_paragraph
from docs_engine.execution.training_record import read_environment, training_record_path

logger = logging.getLogger(__name__)

MESSAGES = {
    "title": "Run it yourself",
    "example": "To run this example yourself, install the packages the examples import, at"
               " the versions that made the log and figures on this page (with Python"
               " {python}):",
    "site": "To run the examples yourself, install the packages they import, at the versions"
            " that made the logs and figures on this site (with Python {python}):",
    "zip": "Each zip download holds the same list in a file named ``requirements.txt``,"
           " which ``pip install -r requirements.txt`` installs.",
}
INLINE_LITERAL = re.compile(r"``(.+?)``")
# The box's code column on a 1280 px desktop holds 64 characters (its
# admonition's margins take six of the article's 70): a longer command is
# continued on the next line.
COMMAND_WIDTH = 64


class run_it_yourself(nodes.General, nodes.Element):
    """Where the box goes, until the page is translated; ``scope`` is "example" or "site"."""


class RunItYourselfDirective(Directive):
    def run(self) -> list[nodes.Node]:
        return [run_it_yourself(scope="site")]


def paragraph(text: str) -> nodes.paragraph:
    """A paragraph of ``text``, its ``literals`` as inline code."""
    parts = INLINE_LITERAL.split(text)  # text, literal, text, ...
    return nodes.paragraph("", "", *(nodes.literal(part, part) if i % 2 else nodes.Text(part)
                                     for i, part in enumerate(parts) if part))


def wrapped_command(text: str, width: int = COMMAND_WIDTH) -> str:
    """A shell command on lines of at most ``width`` characters where its words
    allow, continued with backslashes, so that no part of it is hidden."""
    words: list[str] = []
    for word in text.split():  # an option stays with its value: --index-url URL
        if words and words[-1].startswith("-") and " " not in words[-1] and not word.startswith("-"):
            words[-1] += " " + word
        else:
            words.append(word)
    lines = [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) + len(" \\") > width:
            lines[-1] += " \\"
            lines.append("    ")
        lines[-1] += ("" if not lines[-1].strip() else " ") + word
    return "\n".join(lines)


def command(text: str) -> nodes.literal_block:
    text = wrapped_command(text)
    return nodes.literal_block(text, text, language="shell")


class RunItYourself(SphinxTransform):
    """Put a box before an example page's downloads; fill every box in."""

    default_priority = priorities.ADDS_RUN_IT_YOURSELF  # built translated

    def apply(self, **kwargs) -> None:
        for footer in list(self.document.findall(nodes.container)):
            if CSS["example footer"] in footer["classes"]:
                anchor = footer.parent if isinstance(footer.parent, addnodes.only) else footer
                anchor.parent.insert(anchor.parent.index(anchor), run_it_yourself(scope="example"))
        for placeholder in list(self.document.findall(run_it_yourself)):
            placeholder.replace_self(self.box(placeholder["scope"]))

    def box(self, scope: str) -> nodes.admonition:
        gettext = translations(self.env, EXTENSIONS_CATALOG).gettext
        note_catalog(self.env, EXTENSIONS_CATALOG)
        requirements = page_requirements(self.env)
        box = nodes.admonition("", nodes.title("", gettext(MESSAGES["title"])),
                               classes=["tip", "run-it-yourself"])
        box += paragraph(gettext(MESSAGES[scope]).format(python=requirements.python))
        box += command(requirements.install_command)
        if requirements.cpu_command:
            box += paragraph(gettext(learner_requirements.MESSAGES["cpu"]))
            box += command(requirements.cpu_command)
        box += paragraph(gettext(MESSAGES["zip"]))
        for text in self.reproduction(scope, gettext):
            box += paragraph(text)
        if scope == "example":
            box += colab_paragraph(self.env.docname, gettext)
        for node in box.findall(nodes.TextElement):
            node["translatable"] = False  # translated already, from our catalog
        return box

    def reproduction(self, scope: str, gettext) -> list[str]:
        """What made the page's log and what reproduces it; on the site's box,
        where each example's page says so."""
        messages = execution_environment.MESSAGES
        language = self.config.language
        if scope == "site":
            return [gettext(messages["each page"]),
                    gettext(messages["other order"]).format(tolerance=tolerance(language))]
        executed = build_gallery(self.env).by_docname(self.env.docname).executed
        self.env.note_dependency(str(training_record_path(executed)))
        environment = read_environment(executed)
        if environment is None:
            logger.warning("no record of what executed this example: `make gallery` executes"
                           " it again", location=self.env.docname, type="example",
                           subtype="record")
            return []
        return describe(environment, gettext, language)
