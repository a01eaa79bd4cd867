"""Compile the translation catalogs into the build folder, strictly.

Sphinx would compile ``locales/<lang>/LC_MESSAGES/*.po`` into ``.mo`` files
beside them, in a tracked folder, and would accept a broken ``.po`` file
silently. Here each catalog is compiled by GNU ``msgfmt --check`` into
``<doctrees>/locales``: a syntax error stops the build with msgfmt's own
``file:line: problem`` messages, and the tracked folder stays untouched.
Fuzzy entries are left out of the ``.mo`` file, so they fall back to English,
and so is a translation that breaks its markup (:mod:`po_checks`), with a
warning naming the catalog, the line and the message.

Each page depends on its ``.po`` file, so editing one catalog re-reads only
the pages it translates. The text our own extensions write into pages has a
catalog of its own, ``extensions.po``.
"""

import gettext
import os
import subprocess
import tempfile
from pathlib import Path

import polib
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain

from docs_engine.po_checks import LINE_WIDTH, catalog_markup_problems

logger = logging.getLogger(__name__)


# The text our extensions write into pages (labels, notices, chrome) is
# translated through one catalog of its own, whose template `make gettext`
# writes from the messages each extension adds here when it is set up.
EXTENSIONS_CATALOG = "extensions"
_extension_messages: dict[str, None] = {}


def add_messages(*messages: str) -> None:
    """Declare messages of the extensions' catalog (``{name}`` placeholders allowed)."""
    _extension_messages.update(dict.fromkeys(messages))


def write_extensions_template(app: Sphinx, exception: Exception | None) -> None:
    """Write ``extensions.pot`` beside the pages' templates."""
    if exception or app.builder.name != "gettext":
        return
    catalog = Catalog(project=app.config.project, fuzzy=False)
    for message in _extension_messages:
        catalog.add(message, flags=["python-brace-format"] if "{" in message else [])
    with open(Path(app.outdir) / f"{EXTENSIONS_CATALOG}.pot", "wb") as pot:
        write_po(pot, catalog, width=LINE_WIDTH)


def catalogs_root(app: Sphinx) -> Path:
    """``locales/``, the folder of every language's ``.po`` files.

    ``locale_dirs`` names it until :func:`compile_catalogs` points Sphinx at
    the compiled catalogs; from then on ``translation_sources`` does.
    """
    sources = app.config.translation_sources or app.config.locale_dirs
    return Path(app.srcdir, sources[0]).resolve()


def catalog_folder(app: Sphinx, language: str | None = None) -> Path:
    """The folder that holds the ``.po`` files of a language (the build's)."""
    return catalogs_root(app) / (language or app.config.language) / "LC_MESSAGES"


def msgfmt(po_path: Path, mo_path: Path, shown_as: Path) -> None:
    """Compile with GNU msgfmt, raising its messages if the catalog is broken."""
    mo_path.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file", str(mo_path), str(po_path)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        mo_path.unlink(missing_ok=True)
        errors = result.stderr.strip().replace(str(po_path), str(shown_as))
        raise ConfigError(f"cannot compile the catalog {shown_as}:\n{errors}")


def compile_catalog(po_path: Path, mo_path: Path) -> None:
    """Compile one catalog, leaving out translations that break their markup.

    A translation that drops or adds markup (inline code, a role, a link, raw
    HTML, a directive...) is reported as a warning naming the catalog, the
    line and the message, which fails a strict build, and it is left out of
    the compiled catalog, so the page shows the English text instead.
    Checked on every build: a broken translation fails every build until it
    is fixed.
    """
    if not (mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime):
        msgfmt(po_path, mo_path, po_path)  # stops here on a syntax error
    problems = catalog_markup_problems(str(po_path))
    by_message: dict[tuple[int, str], list[str]] = {}
    for problem in problems:
        by_message.setdefault((problem.line, problem.msgid), []).append(problem.text)
    for (line, msgid), texts in by_message.items():
        logger.warning(
            "translation breaks its markup: %s; it is left out, the English shows"
            " (message %r)",
            "; ".join(texts),
            msgid,
            location=f"{po_path}:{line}",
            type="i18n",
            subtype="markup",
        )
    if not problems:
        return
    catalog = polib.pofile(str(po_path))
    broken = {problem.msgid for problem in problems}
    for entry in catalog:
        if entry.msgid in broken:
            entry.msgstr = ""
    with tempfile.TemporaryDirectory() as folder:
        safe_copy = Path(folder) / po_path.name
        catalog.save(str(safe_copy))
        msgfmt(safe_copy, mo_path, po_path)
    os.utime(mo_path, (0, 0))  # stale: compiled again, and checked, next time


def compile_catalogs(app: Sphinx, config: Config) -> None:
    """Compile every catalog of the language and point Sphinx at the results."""
    if not config.language or config.language == "en":
        return
    compiled_dir = Path(app.doctreedir) / "locales"
    source = catalog_folder(app)
    target = compiled_dir / config.language / "LC_MESSAGES"
    for po_path in sorted(source.rglob("*.po")):
        compile_catalog(po_path, target / po_path.relative_to(source).with_suffix(".mo"))
    config.translation_sources = list(config.locale_dirs)
    config.locale_dirs = [str(compiled_dir)]


def translations(app: Sphinx, domain: str) -> gettext.NullTranslations:
    """The compiled catalog ``domain`` of the build's language, if there is one.

    Without one (an English build, a page nobody translated yet) every
    message stays as it is.
    """
    if app.config.language == "en":
        return gettext.NullTranslations()
    return gettext.translation(
        domain, app.config.locale_dirs[0], [app.config.language], fallback=True
    )


def translation_source(app: Sphinx, docname: str) -> Path:
    """The ``.po`` file that translates the page ``docname``."""
    domain = docname_to_domain(docname, app.config.gettext_compact)
    return catalog_folder(app) / f"{domain}.po"


def note_catalog(app: Sphinx, docname: str) -> None:
    """Make the page ``docname`` depend on its ``.po`` file, if it has one.

    A missing dependency would make Sphinx re-read the page on every build.
    """
    if app.config.translation_sources:
        po_path = translation_source(app, docname)
        if po_path.exists():
            app.env.note_dependency(str(po_path), docname=app.env.docname)


def note_own_catalog(app: Sphinx, doctree: nodes.document) -> None:
    note_catalog(app, app.env.docname)


def setup(app: Sphinx) -> dict:
    app.add_config_value("translation_sources", [], "")
    app.connect("config-inited", compile_catalogs)
    app.connect("doctree-read", note_own_catalog)
    app.connect("build-finished", write_extensions_template)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
