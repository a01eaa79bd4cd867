"""Link every page to its source file, and translated pages to their catalog.

``docs_engine_repository_url`` (one setting, in ``conf.py``) names the repository; by
default it is read from the CI that builds the site (GitHub Actions, Read the
Docs: :mod:`docs_engine.pages.repository_address`), and left empty elsewhere.
Empty, no page shows these links: a link that leads nowhere is worse than none.

The source of a page is the file a contributor edits: ``docs/<page>.md``, or
for an example the script in ``examples/`` (not the reST sphinx-gallery
generates from it). A translated page also links to the ``.po`` file that
translates it, for translators. Every page also links to the repository's form
for a new issue about it, pre-filled with the page's address, its language and,
translated, its catalog (:mod:`docs_engine.pages.problem_report`); a small
script adds the text the reader selected, if any, when the link is followed.
Templates get ``repository_links``, a list of ``{"text", "url", "kind"}`` (the
report's also ``selection_label``); ``repository-links.html`` shows them.
"""

from pathlib import Path

from sphinx.application import Sphinx

from docs_engine.example import build_gallery
from docs_engine.hosting.site_urls import language_base_url
from docs_engine.pages.problem_report import new_issue_url, report_labels
from docs_engine.translation.catalogs import (EXTENSIONS_CATALOG, is_translated, translation_source,
                                  translations)

MESSAGES = {
    "source": "View the source of this page",
    "translate": "Translate this page",
    "report": "Report a problem with this page",
    # The new issue's title and body, in the page's language.
    "report title": "Problem on the page {page} ({language})",
    "report page": "Page: {address}",
    "report language": "Language: {language}",
    "report catalog": "Catalog: {catalog}",
    "report problem": "Describe the problem:",
    "report selection": "Selected text:",
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


def catalog_file(app: Sphinx, docname: str) -> Path | None:
    """The ``.po`` file, relative to the project folder, that translates ``docname``
    on a translated page; None elsewhere, or where no catalog translates it."""
    if not is_translated(app):
        return None
    catalog = translation_source(app, docname)
    if not catalog.is_file():
        return None
    return catalog.resolve().relative_to(project_folder(app))


def page_address(app: Sphinx, docname: str) -> str:
    """The page's address on its host; without one (a local build), its path in the site."""
    language = app.config.language
    target = app.builder.get_target_uri(docname)
    return (language_base_url(app.config, language) or f"{language}/") + target


def report_link(app: Sphinx, docname: str, repository: str, catalog: Path | None, gettext) -> dict:
    """The link that opens a new issue about ``docname``, pre-filled."""
    language = app.config.language
    name = app.config.docs_engine_languages.get(language, language)
    lines = [gettext(MESSAGES["report page"]).format(address=page_address(app, docname)),
             gettext(MESSAGES["report language"]).format(language=f"{name} ({language})")]
    if catalog:
        lines.append(gettext(MESSAGES["report catalog"]).format(catalog=catalog.as_posix()))
    body = "\n".join(lines) + "\n\n" + gettext(MESSAGES["report problem"]) + "\n\n"
    title = gettext(MESSAGES["report title"]).format(page=docname, language=language)
    return {"kind": "report", "text": gettext(MESSAGES["report"]),
            "url": new_issue_url(repository, title, body, report_labels(is_translated(app))),
            "selection_label": gettext(MESSAGES["report selection"])}


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
    catalog = catalog_file(app, docname)
    if catalog:
        links.append({"kind": "translate", "text": gettext(MESSAGES["translate"]),
                      "url": blob + catalog.as_posix()})
    links.append(report_link(app, docname, repository, catalog, gettext))
    return links


def add_repository_links(app: Sphinx, pagename: str, templatename: str, context: dict,
                         doctree) -> None:
    # Pages Sphinx makes itself (search, index) have no source file.
    context["repository_links"] = page_links(app, pagename) if doctree else []
