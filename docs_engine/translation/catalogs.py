"""Translate pages and our extensions' text from the compiled catalogs.

The catalogs are compiled before Sphinx starts, by the Make step
:mod:`docs_engine.translation.catalog_compiler`, into the folder conf.py's
``locale_dirs`` names; their sources stay in ``docs_engine_catalog_sources``
(``locales/``). This extension

- gives our extensions :func:`translations`, the compiled catalog of a page
  or of their own text (``extensions.po``, whose template ``make gettext``
  writes from the messages each extension declares with
  :func:`add_messages`);
- makes each page depend on its compiled catalog, so that a changed catalog
  re-reads only the pages it translates;
- reports, as warnings naming catalog, line and message, the translations
  the compile step left out because they break their markup: a strict build
  fails until they are fixed.
"""

import functools
import gettext
from collections.abc import Callable
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain

from docs_engine.translation.catalog_compiler import read_problems
from docs_engine.translation.po_checks import LINE_WIDTH
from docs_engine.project import source_language

logger = logging.getLogger(__name__)


# The text our extensions write into pages (labels, notices, chrome) is
# translated through one catalog of its own, whose template `make gettext`
# writes from the messages each extension gives when this event asks (in the
# order they were set up): nothing is kept between modules or builds.
EXTENSIONS_CATALOG = "extensions"
MESSAGES_EVENT = "extension-messages"


def add_messages(app: Sphinx, *messages: str | Callable[[Sphinx], str]) -> None:
    """Declare messages of the extensions' catalog (``{name}`` placeholders allowed);
    a callable gives its message from the application when the catalog is written."""
    app.connect(MESSAGES_EVENT, lambda app: [m(app) if callable(m) else m for m in messages])


def write_extensions_template(app: Sphinx, exception: Exception | None) -> None:
    """Write ``extensions.pot`` beside the pages' templates."""
    if exception or app.builder.name != "gettext":
        return
    catalog = Catalog(project=app.config.project, fuzzy=False)
    messages = [message for given in app.emit(MESSAGES_EVENT) for message in given]
    for message in dict.fromkeys(messages):
        catalog.add(message, flags=["python-brace-format"] if "{" in message else [])
    with open(Path(app.outdir) / f"{EXTENSIONS_CATALOG}.pot", "wb") as pot:
        write_po(pot, catalog, width=LINE_WIDTH)


# The functions below read the build's source folder and configuration, from
# the application (an event handler's) or the environment (a transform's or a
# directive's: Sphinx 9 deprecated their ``app``); both give the same.
Build = Sphinx | BuildEnvironment


def catalog_sources_folder(build: Build, language: str | None = None) -> Path:
    """The folder of a language's ``.po`` files (the build's language by default)."""
    root = Path(build.srcdir, build.config.docs_engine_catalog_sources).resolve()
    return root / (language or build.config.language) / "LC_MESSAGES"


def compiled_folder(build: Build) -> Path:
    """The folder of the build language's compiled catalogs."""
    return Path(build.srcdir, build.config.locale_dirs[0]).resolve() / build.config.language


def check_compiled(app: Sphinx) -> None:
    """Stop if the catalogs were not compiled; report the translations left out."""
    if not is_translated(app):
        return
    folder = compiled_folder(app)
    if not (folder / "LC_MESSAGES").is_dir():
        raise ConfigError(
            f"no compiled catalogs in {folder}: build through the Makefile"
            f" (`make html-{app.config.language}`), which compiles them first"
        )
    by_message: dict[tuple[str, int, str], list[str]] = {}
    for problem in read_problems(folder):
        key = (problem["path"], problem["line"], problem["msgid"])
        by_message.setdefault(key, []).append(problem["text"])
    for (path, line, msgid), texts in by_message.items():
        logger.warning(
            "translation breaks its markup: %s; it is left out, the English shows"
            " (message %r)",
            "; ".join(texts), msgid,
            location=f"{path}:{line}", type="i18n", subtype="markup",
        )


def is_translated(build: Build) -> bool:
    """Whether the build's language is a translation: any but the source, languages.toml's first."""
    return build.config.language != source_language(build.config.docs_engine_languages)


def translations(build: Build, domain: str) -> gettext.NullTranslations:
    """The compiled catalog ``domain`` of the build's language, if there is one.

    Without one (an English build, a page nobody translated yet) every
    message stays as it is.
    """
    if not is_translated(build):
        return NO_TRANSLATIONS
    try:
        compiled = (compiled_folder(build) / "LC_MESSAGES" / f"{domain}.mo").read_bytes()
    except FileNotFoundError:
        return NO_TRANSLATIONS
    return _parsed(compiled)


NO_TRANSLATIONS = gettext.NullTranslations()  # every message as it is


# Keyed by the catalog's content: a catalog compiled again is read again, in
# the same process too (gettext.translation keeps the first it read of a path).
@functools.lru_cache(maxsize=64)
def _parsed(compiled: bytes) -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(compiled))


def translation_source(build: Build, docname: str) -> Path:
    """The ``.po`` file that translates the page ``docname``."""
    domain = docname_to_domain(docname, build.config.gettext_compact)
    return catalog_sources_folder(build) / f"{domain}.po"


def note_catalog(env: BuildEnvironment, docname: str) -> None:
    """Make the page being read depend on the compiled catalog of ``docname``.

    A missing dependency would make Sphinx re-read the page on every build.
    """
    if is_translated(env):
        domain = docname_to_domain(docname, env.config.gettext_compact)
        mo_path = compiled_folder(env) / "LC_MESSAGES" / f"{domain}.mo"
        if mo_path.exists():
            env.note_dependency(str(mo_path), docname=env.docname)


def note_own_catalog(app: Sphinx, doctree: nodes.document) -> None:
    note_catalog(app.env, app.env.docname)
