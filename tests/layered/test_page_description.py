from docutils.core import publish_doctree

from docs_engine.pages.page_description import describe

PAGE = """
Title
=====

.. note:: A note is not the page's text.

The problem: fit :math:`y = \\sin(x)` with a cubic.

- A list item is not running text either.

Every example ran while the site was built.

`A lone link <https://example.org>`_

Each page lets you download the script.
"""


def test_the_description_is_the_running_text_without_formulas():
    assert describe(publish_doctree(PAGE)) == (
        "Every example ran while the site was built. Each page lets you download the script.")


def test_a_long_description_is_cut_at_a_word():
    doctree = publish_doctree("word " * 100)
    description = describe(doctree, length=42)
    assert len(description) <= 42
    assert description.endswith("word…")
