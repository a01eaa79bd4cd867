"""A cell of the tables the engine writes into pages (comparison, training facts)."""

from docutils import nodes


def table_cell(content: str | nodes.Node | list[nodes.Node], number: bool = False) -> nodes.entry:
    """A table cell holding ``content`` in a paragraph; a ``number`` cell is
    right-aligned in figures of equal width (``site.css``)."""
    if isinstance(content, str):
        content = nodes.Text(content)
    children = content if isinstance(content, list) else [content]
    return nodes.entry("", nodes.paragraph("", "", *children), classes=["number"] if number else [])
