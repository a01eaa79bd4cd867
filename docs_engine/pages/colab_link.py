""""Open in Colab": the link in an example's "Run it yourself" box to its notebook.

The link opens, in Google Colab, the page's own notebook in the page's
language, as the workflow publishes it to the branch
``docs_engine_notebook_branch`` (:mod:`docs_engine.hosting.notebook_branch`,
at :func:`~docs_engine.hosting.notebook_branch.notebook_path`) of the
repository ``docs_engine_repository_url``, the one the source links name
(:mod:`docs_engine.pages.repository_links`). A page shows no link where it
would lead nowhere: without a repository, on a host other than github.com
(Colab opens GitHub's files only), or without a branch, as in a pull
request's preview (``conf.py`` empties it there: the notebooks of a pull
request are published nowhere, and ``main``'s may not be the notebook its
preview shows).

The box is built while the page is read, but those settings only make Sphinx
write the pages again: the box holds a :class:`colab_link` placeholder, its
label translated, and the link is made from the settings when the page is
written (:func:`resolve_colab_links`).
"""

from docutils import nodes
from sphinx.application import Sphinx

from docs_engine.hosting.notebook_branch import notebook_path
from docs_engine.pages.repository_address import github_repository

COLAB = "https://colab.research.google.com/github"
MESSAGES = {
    "open": "Open in Colab",
    # {link} is the link, labelled with the message above.
    "colab": "{link}: this example's notebook, with its outputs, in Google Colab, where it"
             " runs in your browser with nothing to install.",
}


class colab_link(nodes.Inline, nodes.TextElement):
    """The link's label, until the page is written; ``docname`` is its page."""


def colab_paragraph(docname: str, gettext) -> nodes.paragraph:
    """The box's paragraph with the link, in ``gettext``'s language."""
    label = gettext(MESSAGES["open"])
    before, _, after = gettext(MESSAGES["colab"]).partition("{link}")
    paragraph = nodes.paragraph("", "", classes=["colab"])
    if before:
        paragraph += nodes.Text(before)
    paragraph += colab_link(label, label, docname=docname)
    if after:
        paragraph += nodes.Text(after)
    return paragraph


def colab_url(config, docname: str) -> str | None:
    """Colab's address of ``docname``'s notebook in the page's language, or None."""
    repository = github_repository(config.docs_engine_repository_url)
    branch = config.docs_engine_notebook_branch
    if not repository or not branch:
        return None
    return f"{COLAB}/{repository}/blob/{branch}/{notebook_path(config.language, docname)}"


def resolve_colab_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Make each placeholder the link, or drop its paragraph where it would lead nowhere."""
    for placeholder in list(doctree.findall(colab_link)):
        url = colab_url(app.config, placeholder["docname"])
        if url is None:
            placeholder.parent.parent.remove(placeholder.parent)
        else:
            placeholder.replace_self(nodes.reference("", "", *placeholder.children, refuri=url,
                                                     classes=["colab-link"]))
