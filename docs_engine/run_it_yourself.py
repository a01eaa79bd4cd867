"""The "Run it yourself" box: what a learner installs to get the numbers on the site.

Every example page gets the box before its downloads, and a page shows it
where it writes the directive (the introduction)::

    ```{run-it-yourself}
    ```

It names the packages the examples import, at the versions installed where
the site was built (:mod:`learner_requirements`, never typed into a page),
with the command that installs them, the one for PyTorch's CPU-only build,
and what to expect from other versions or a GPU.

Its sentences are messages of our extensions' catalog, so the box is built
after Sphinx translated the page (the directive leaves a placeholder), and
none of it lands in a page's catalog.
"""

import re

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from docs_engine import learner_requirements
from docs_engine.catalogs import EXTENSIONS_CATALOG, add_messages, note_catalog, translations
from docs_engine.learner_requirements import page_requirements
from docs_engine.sphinx_gallery_adapter import CSS

MESSAGES = {
    "title": "Run it yourself",
    "example": "To run this example yourself, install the packages the examples import, at"
               " the versions that made the log and figures on this page (with Python"
               " {python}):",
    "site": "To run the examples yourself, install the packages they import, at the versions"
            " that made the logs and figures on this site (with Python {python}):",
    "zip": "Each zip download holds the same list in a file named ``requirements.txt``,"
           " which ``pip install -r requirements.txt`` installs.",
    "other versions": "With other versions, or on a GPU, the log may differ in its last"
                      " digits, because the arithmetic is done in a different order; the fit"
                      " still ends near the least-squares optimum.",
}
INLINE_LITERAL = re.compile(r"``(.+?)``")


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


def command(text: str) -> nodes.literal_block:
    return nodes.literal_block(text, text, language="shell")


class RunItYourself(SphinxTransform):
    """Put a box before an example page's downloads; fill every box in."""

    default_priority = 25  # after sphinx.transforms.i18n.Locale (20): built translated

    def apply(self, **kwargs) -> None:
        for footer in list(self.document.findall(nodes.container)):
            if CSS["example footer"] in footer["classes"]:
                anchor = footer.parent if isinstance(footer.parent, addnodes.only) else footer
                anchor.parent.insert(anchor.parent.index(anchor), run_it_yourself(scope="example"))
        for placeholder in list(self.document.findall(run_it_yourself)):
            placeholder.replace_self(self.box(placeholder["scope"]))

    def box(self, scope: str) -> nodes.admonition:
        app = self.app
        gettext = translations(app, EXTENSIONS_CATALOG).gettext
        note_catalog(app, EXTENSIONS_CATALOG)
        requirements = page_requirements(app)
        box = nodes.admonition("", nodes.title("", gettext(MESSAGES["title"])),
                               classes=["tip", "run-it-yourself"])
        box += paragraph(gettext(MESSAGES[scope]).format(python=requirements.python))
        box += command(requirements.install_command)
        if requirements.cpu_command:
            box += paragraph(gettext(learner_requirements.MESSAGES["cpu"]))
            box += command(requirements.cpu_command)
        box += paragraph(gettext(MESSAGES["zip"]))
        box += paragraph(gettext(MESSAGES["other versions"]))
        for node in box.findall(nodes.TextElement):
            node["translatable"] = False  # translated already, from our catalog
        return box


def setup(app: Sphinx) -> dict:
    app.setup_extension("docs_engine.catalogs")
    add_messages(*MESSAGES.values(), *learner_requirements.MESSAGES.values())
    app.add_directive("run-it-yourself", RunItYourselfDirective)
    app.add_transform(RunItYourself)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
