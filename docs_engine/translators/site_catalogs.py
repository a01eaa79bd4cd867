"""A language's catalogs in the order a reader meets their pages.

The order is the site's navigation, read from the sources: the toctree of
``docs/index.md`` (and of every page it lists that has one), where the
gallery's index stands for the whole gallery: its sections, each index
followed by its examples, in the order of the examples' numbers
(``plot_1_...`` to ``plot_8_...``), which is the order sphinx-gallery shows
them in. Catalogs that translate no page (``extensions.po``, the labels our
extensions write on every page; ``sphinx.po``, the theme's) come last.

Catalogs are read strictly here: GNU msgfmt checks each one first, and a
broken catalog stops the tool with msgfmt's ``file:line: problem`` in one
line, since polib reads some broken catalogs without a word.
"""

import argparse
import re
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path, PurePosixPath

import polib

from docs_engine.translation.po_checks import CatalogSyntaxError, load_catalog
from docs_engine.translation.po_checks import syntax_error as catalog_syntax_error
from docs_engine.project import ROOT, read_languages, translated_languages
from docs_engine import settings
from docs_engine.example import Gallery

_TOCTREE = re.compile(r"^(`{3,}|:{3,})\s*\{toctree\}[^\n]*\n(.*?)^\1", re.M | re.S)


class CatalogError(Exception):
    """A catalog (or a request for one) the tools cannot work with, in one line."""

    def line(self) -> str:
        """What a tool prints for it: ``error: what to fix``."""
        return f"error: {self}"


class BrokenCatalog(CatalogError):
    """A catalog that is not valid gettext: ``file:line: problem; fix``, which a
    tool prints as it is, as msgfmt and ``make lint-po`` do (an editor jumps
    to the line)."""

    def line(self) -> str:
        return str(self)


def catalog_folder(language: str, root: Path = ROOT) -> Path:
    return root / "locales" / language / "LC_MESSAGES"


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """The tools' ``--language``, which :func:`chosen_languages` reads."""
    parser.add_argument("--language", action="append",
                        help="a translated language, again for more (default: every one languages.toml lists)")


def chosen_languages(given: list[str] | None, root: Path = ROOT) -> list[str]:
    """The languages a tool was given (``--language``), else every one languages.toml translates.

    Raises :class:`CatalogError` if languages.toml cannot be read.
    """
    if given:
        return given
    try:
        return translated_languages(read_languages(root))
    except (OSError, ValueError) as error:  # read_languages' own messages name the file
        where = "" if "languages.toml" in str(error) else f"{root / 'languages.toml'}: "
        raise CatalogError(f"{where}{error}") from None


def _toctree_entries(page: Path) -> list[str]:
    """The documents a MyST page's toctrees list, as names relative to the page."""
    entries = []
    for _, body in _TOCTREE.findall(page.read_text(encoding="utf-8")):
        for line in body.splitlines():
            line = line.strip()
            if line and not line.startswith(":"):
                target = re.search(r"<([^>]+)>$", line)  # "Title <name>"
                entries.append(target.group(1) if target else line)
    return entries


def site_gallery(root: Path = ROOT) -> Gallery:
    """The gallery the site's build executes, without Sphinx: conf.py leaves its
    folders to the settings' defaults, which the tools read too."""
    return Gallery.from_settings(root / "docs", settings.default("docs_engine_examples_dir"), settings.default("docs_engine_gallery_dir"))


def gallery_pages(root: Path = ROOT) -> list[str]:
    """The gallery's pages: sections in the order of their first example, examples by number."""
    gallery = site_gallery(root)
    sections: dict[str, list[str]] = {}
    for example in gallery.examples:
        section = PurePosixPath(example.docname).parent.as_posix()
        sections.setdefault(section, []).append(example.docname)
    pages = [f"{gallery.gallery_dir}/index"]
    for section, examples in sections.items():
        pages += ([] if section == gallery.gallery_dir else [f"{section}/index"]) + examples
    return pages


@cache
def pages_in_reading_order(root: Path = ROOT) -> tuple[str, ...]:
    """Every page's name (``examples/nn/plot_5_nn``), in the site's navigation order."""
    pages: list[str] = []

    def visit(name: str) -> None:
        if name in pages:
            return
        if name == f"{settings.default('docs_engine_gallery_dir')}/index":
            pages.extend(page for page in gallery_pages(root) if page not in pages)
            return
        pages.append(name)
        source = root / "docs" / f"{name}.md"
        if source.is_file():
            folder = name.rpartition("/")[0]
            for entry in _toctree_entries(source):
                entry = entry.lstrip("/") if entry.startswith("/") else \
                    f"{folder}/{entry}".lstrip("/")
                visit(entry.removesuffix(".md"))

    if (root / "docs" / "index.md").is_file():
        visit("index")
    return tuple(pages)


def page_name(catalog: Path, language: str, root: Path = ROOT) -> str:
    """``locales/es/LC_MESSAGES/examples/nn/plot_5_nn.po`` -> ``examples/nn/plot_5_nn``."""
    return (root / catalog).relative_to(catalog_folder(language, root)).with_suffix("").as_posix()


def built_page(catalog: Path, language: str, root: Path = ROOT) -> str | None:
    """The page a catalog translates, as built under ``_build/html``; None for the site's labels."""
    name = page_name(catalog, language, root)
    return f"{language}/{name}.html" if name in pages_in_reading_order(root) else None


def catalogs_in_reading_order(language: str, root: Path = ROOT) -> list[Path]:
    """The language's catalogs, relative to ``root``: pages in reading order, then the rest by name."""
    pages = pages_in_reading_order(root)
    position = {name: index for index, name in enumerate(pages)}
    catalogs = sorted(catalog_folder(language, root).rglob("*.po"))
    catalogs.sort(key=lambda path: position.get(page_name(path, language, root), len(pages)))
    return [path.relative_to(root) for path in catalogs]


def find_catalog(name: str, language: str, root: Path = ROOT) -> Path:
    """A catalog named as a translator would: a path, or a page name with or without ``.po``."""
    folder = catalog_folder(language, root).resolve()
    name = name.strip()
    for candidate in (root / name, folder / name, folder / f"{name}.po"):
        candidate = candidate.resolve()
        if candidate.is_file() and candidate.suffix == ".po" and candidate.is_relative_to(folder):
            return candidate.relative_to(root.resolve())
    raise CatalogError(f"no catalog {name!r} in {catalog_folder(language, root).relative_to(root)}; name one that"
                       " `make stats` lists, e.g. CATALOG=examples/nn/plot_5_nn")


def syntax_error(path: Path, root: Path = ROOT) -> str | None:
    """msgfmt's first error about a catalog (relative to ``root``), in one line; None if it is valid."""
    error = catalog_syntax_error(root / path)
    return error.replace(f"{root}/", "", 1) if error else None


def check_syntax(paths: list[Path], root: Path = ROOT) -> None:
    """Raise :class:`BrokenCatalog` naming the first of the catalogs (relative to
    ``root``) that is not valid gettext, and its line. msgfmt checks them side
    by side: each check is a process of its own."""
    with ThreadPoolExecutor() as pool:
        errors = list(pool.map(lambda path: syntax_error(path, root), paths))
    for error in errors:
        if error:
            raise BrokenCatalog(error)


def read_strictly(paths: list[Path], root: Path = ROOT) -> list[polib.POFile]:
    """The catalogs (relative to ``root``), each checked by msgfmt first.

    Raises :class:`BrokenCatalog` naming the first broken catalog and line.
    """
    check_syntax(paths, root)
    try:
        return [load_catalog(root / path, check=False) for path in paths]
    except CatalogSyntaxError as error:  # valid for msgfmt, not for polib
        raise BrokenCatalog(str(error).replace(f"{root}/", "", 1)) from None
