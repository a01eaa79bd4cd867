"""The "Open in Colab" link (docs_engine.pages.colab_link): made when the page is
written, from the repository and branch settings, or left out where it would
lead nowhere."""

from types import SimpleNamespace

import pytest
from docutils import nodes

from docs_engine.pages.colab_link import MESSAGES, colab_paragraph, resolve_colab_links

DOCNAME = "examples/nn/plot_5_nn"


def written_box(language="es", repository="https://github.com/owner/site", branch="notebooks"):
    """A box holding the link's paragraph, as Sphinx writes its page with these settings."""
    box = nodes.admonition("", nodes.paragraph("", "Before"), colab_paragraph(DOCNAME, str))
    document = nodes.document(None, None)
    document += box
    config = SimpleNamespace(language=language, docs_engine_repository_url=repository,
                             docs_engine_notebook_branch=branch)
    resolve_colab_links(SimpleNamespace(config=config), document, DOCNAME)
    return box


def test_the_link_opens_the_pages_own_notebook_in_its_language_on_the_branch():
    box = written_box()
    [link] = box.findall(nodes.reference)
    assert link["refuri"] == ("https://colab.research.google.com/github/owner/site/blob/notebooks/"
                              "es/examples/nn/plot_5_nn.ipynb")
    assert link.astext() == MESSAGES["open"]  # a label that says where it leads
    assert box[-1].astext() == MESSAGES["colab"].format(link=MESSAGES["open"])


@pytest.mark.parametrize("settings", [
    {"repository": ""},  # no repository configured
    {"repository": "https://gitlab.com/owner/site"},  # Colab opens GitHub's files only
    {"branch": ""},  # a pull request's preview: its notebooks are published nowhere
])
def test_no_link_where_it_would_lead_nowhere(settings):
    box = written_box(**settings)
    assert not list(box.findall(nodes.reference)) and box.astext() == "Before"
