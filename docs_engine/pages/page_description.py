"""Each page's description, from its own text: translated with the page.

Search engines show ``<meta name="description">`` under a result, and
OpenGraph's ``og:description`` is the text of a link preview.
Here the description is the page's first paragraphs of running text,
those without formulas, where a reader would see raw TeX (``y = \\sin(x)``),
up to :data:`LENGTH` characters; :mod:`docs_engine.hosting.opengraph` writes it as the page's
``og:description`` field.
"""

from docutils import nodes
from markupsafe import escape
from sphinx.application import Sphinx

LENGTH = 200
NOT_PROSE = (nodes.math, nodes.raw)


def is_prose(paragraph: nodes.paragraph) -> bool:
    """A paragraph of the page's running text: not in a list, note or table,
    not a link on its own (a gallery's thumbnail), no formula."""
    links = "".join(link.astext() for link in paragraph.findall(nodes.reference))
    return (isinstance(paragraph.parent, (nodes.section, nodes.document))
            and links.strip() != paragraph.astext().strip()
            and not any(isinstance(node, NOT_PROSE) for node in paragraph.findall()))


def describe(doctree: nodes.document, length: int = LENGTH) -> str:
    """The first paragraphs of prose, cut at a word to at most ``length`` characters."""
    text = ""
    for paragraph in doctree.findall(nodes.paragraph):
        if not is_prose(paragraph):
            continue
        text = f"{text} {' '.join(paragraph.astext().split())}".strip()
        if len(text) >= length // 2:
            break
    if len(text) <= length:
        return text
    return text[:length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def add_description(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is None:
        return
    description = describe(doctree)
    if not description:
        return
    context["meta"] = {**(context.get("meta") or {}), "og:description": description}
    context["metatags"] = (context.get("metatags", "")
                           + f'\n<meta name="description" content="{escape(description)}">')
