"""Link every page to its source file, and translated pages to their catalog.

``docs_engine_repository_url`` (one setting, in ``conf.py``) names the repository; by
default it is read from the CI that builds the site (GitHub Actions, Read the
Docs: :mod:`docs_engine.pages.repository_address`), and left empty elsewhere.
Empty, no page shows these links: a link that leads nowhere is worse than none.

The source of a page is the file a contributor edits: ``docs/<page>.md``, or
for an example the script in ``examples/`` (not the reST sphinx-gallery
generates from it). A translated page also links to the ``.po`` file that
translates it, for translators. Templates get ``repository_links``, a list of
``{"text", "url", "kind"}``; ``repository-links.html`` shows them.
"""

from pathlib import Path

from sphinx.application import Sphinx

from docs_engine.example import build_gallery
from docs_engine.translation.catalogs import (EXTENSIONS_CATALOG, is_translated, translation_source,
                                  translations)

MESSAGES = {
    "source": "View the source of this page",
    "translate": "Translate this page",
}


def project_folder(app: Sphinx) -> Path:
    """The repository's folder: the one that holds ``docs/``, the source folder."""
    return Path(app.srcdir).resolve().parent


def source_file(app: Sphinx, docname: str) -> Path | None:
    """The file, relative to the project folder, that a contributor edits for ``docname``."""
    gallery = build_gallery(app)
    example = gallery.by_docname(docname)
    if example is not None:
        path = example.source
    else:  # a section's index is written from its header; any other page is its own source
        path = gallery.section_header(docname) or Path(app.env.doc2path(docname))
    path = path.resolve()
    if not path.is_file():
        return None
    return path.relative_to(project_folder(app))


def page_links(app: Sphinx, docname: str) -> list[dict]:
    """The links ``docname`` shows: none without a repository URL."""
    repository = app.config.docs_engine_repository_url.removesuffix("/")
    if not repository:
        return []
    gettext = translations(app, EXTENSIONS_CATALOG).gettext
    blob = f"{repository}/blob/{app.config.docs_engine_repository_branch}/"
    links = []
    source = source_file(app, docname)
    if source:
        links.append({"kind": "source", "text": gettext(MESSAGES["source"]),
                      "url": blob + source.as_posix()})
    if is_translated(app):
        catalog = translation_source(app, docname)
        if catalog.is_file():
            path = catalog.resolve().relative_to(project_folder(app))
            links.append({"kind": "translate", "text": gettext(MESSAGES["translate"]),
                          "url": blob + path.as_posix()})
    return links


def add_repository_links(app: Sphinx, pagename: str, templatename: str, context: dict,
                         doctree) -> None:
    # Pages Sphinx makes itself (search, index) have no source file.
    context["repository_links"] = page_links(app, pagename) if doctree else []
