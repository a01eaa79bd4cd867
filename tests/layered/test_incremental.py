"""An incremental build is a correct build: for each kind of edit, the tiny
project built before and after it re-reads the pages the edit changes, and no
others, and its output equals, byte for byte, a clean build of the edited
sources, in every language.

Each test builds the tiny project, edits it, builds it again as ``make html``
would (the gallery step, then each language), and builds a copy of the edited
sources from nothing. All in one process, as ``sphinx-autobuild`` or a test
suite builds: what a build keeps must not leak into the next.
"""

import difflib
import json
import re
import shutil
from pathlib import Path

import pytest

from docs_engine import project
from tests.layered.conftest import PROJECT, Build, build_tinysite

LANGUAGES = ("en", "es")
EXAMPLE = "examples/basics/plot_1_tiny"
GALLERY_PAGES = {EXAMPLE, "examples/index", "examples/basics/index"}
EVERY_PAGE = {"index", "compare", "status", *GALLERY_PAGES}
# What shows an executed example's results: its page, the gallery's index (its
# zips), the comparison and the home page's "Run it yourself" (its record).
EXECUTED_PAGES = {EXAMPLE, "examples/index", "compare", "index"}
# Sphinx colours its output, and on a terminal (or with CI=true) redraws its
# progress on one line: erase-line sequences and carriage returns.
TERMINAL_CONTROLS = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# What the HTML builder keeps for itself: the configuration's hash, the same
# for the same configuration, and its backup after a change.
BUILD_INFO = {".buildinfo", ".buildinfo.bak"}


def listed(build: Build, step: str) -> set[str]:
    """The pages Sphinx names at ``step`` ("reading sources", "writing output")."""
    lines = TERMINAL_CONTROLS.sub("", build.output).replace("\r", "\n")
    return set(re.findall(rf"^{step}\.\.\. \[\s*\d+%\] (\S+)$", lines, re.MULTILINE))


def reread(builds: dict[str, Build]) -> dict[str, set[str]]:
    return {language: listed(build, "reading sources") for language, build in builds.items()}


def written(builds: dict[str, Build]) -> dict[str, set[str]]:
    return {language: listed(build, "writing output") for language, build in builds.items()}


def site_files(root: Path, language: str) -> dict[str, bytes]:
    html = root / "_build" / "html" / language
    return {path.relative_to(html).as_posix(): _comparable(path)
            for path in sorted(html.rglob("*")) if path.is_file() and path.name not in BUILD_INFO}


SEARCH_INDEX = re.compile(r"Search\.setIndex\((.*)\)", re.S)


def _comparable(path: Path) -> bytes:
    """A file's bytes; the search index without the words that no page holds.

    Sphinx keeps a word, with an empty list of pages, when the pages that held
    it are read again (its IndexBuilder prunes pages, never words), and no
    public API reaches the index before it is written: a Sphinx bug to report,
    harmless to a reader (such a word finds nothing), left out here so that
    every other difference from a clean build still fails.
    """
    data = path.read_bytes()
    if path.name != "searchindex.js":
        return data
    index = json.loads(SEARCH_INDEX.fullmatch(data.decode("utf-8").strip())[1])
    for terms in ("terms", "titleterms"):
        index[terms] = {word: pages for word, pages in index[terms].items() if pages != []}
    return json.dumps(index, sort_keys=True).encode("utf-8")


def assert_equals_a_clean_build(root: Path, builds: dict[str, Build], **overrides) -> None:
    for build in builds.values():
        assert build.status == 0 and build.warnings == "", build.warnings
    clean = root.parent / "clean"
    shutil.copytree(root, clean, symlinks=True, ignore=shutil.ignore_patterns("_build"))
    build_tinysite(clean, **overrides)
    for language in LANGUAGES:
        incremental, fresh = site_files(root, language), site_files(clean, language)
        assert sorted(incremental) == sorted(fresh), language
        differing = [name for name in fresh if incremental[name] != fresh[name]]
        assert differing == [], f"{language}: differs from a clean build:\n" + "\n".join(
            first_difference(incremental[name], fresh[name]) for name in differing)


def first_difference(incremental: bytes, clean: bytes) -> str:
    lines = difflib.unified_diff(incremental.decode(errors="replace").splitlines(),
                                 clean.decode(errors="replace").splitlines(),
                                 "incremental", "clean", n=0, lineterm="")
    return "\n".join(line[:300] for line in list(lines)[:8])


@pytest.fixture
def built(tiny_copy):
    """The tiny project, built once: the edits start from there."""
    build_tinysite(tiny_copy)
    return tiny_copy


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


CATALOGS = Path("locales/es/LC_MESSAGES")


def test_nothing_changed_reads_and_writes_nothing(built):
    builds = build_tinysite(built)
    assert reread(builds) == {"en": set(), "es": set()}
    assert written(builds) == {"en": set(), "es": set()}


def test_a_page_catalog_edit_rereads_its_page(built):
    replace(built / CATALOGS / "index.po", 'msgstr "Segunda sección"', 'msgstr "Sección segunda"')
    builds = build_tinysite(built)
    assert_equals_a_clean_build(built, builds)
    assert reread(builds) == {"en": {"status"}, "es": {"index", "status"}}


def test_a_page_edit_rereads_it_in_every_language(built):
    replace(built / "docs/index.md", "More text.", "More text, edited.")
    builds = build_tinysite(built)
    assert_equals_a_clean_build(built, builds)
    assert reread(builds) == {"en": {"index"}, "es": {"index"}}


def test_an_example_prose_edit_rereads_its_page_and_the_pages_that_show_it(built):
    replace(built / "examples/basics/plot_1_tiny.py",
            "Three steps are enough.", "Three steps are plenty.")
    builds = build_tinysite(built)
    assert_equals_a_clean_build(built, builds)
    assert reread(builds) == {language: EXECUTED_PAGES for language in LANGUAGES}


def test_an_example_code_edit_rereads_its_page_and_the_pages_that_show_its_results(built):
    replace(built / "examples/basics/plot_1_tiny.py", "for t in range(3):", "for t in range(4):")
    builds = build_tinysite(built)
    assert_equals_a_clean_build(built, builds)
    # The figure changed, and with it the section index's thumbnail.
    assert reread(builds) == {language: EXECUTED_PAGES | {"examples/basics/index"}
                              for language in LANGUAGES}


def test_an_extensions_catalog_edit_rereads_every_translated_page(built):
    replace(built / CATALOGS / "extensions.po", 'msgstr "Pérdida final"', 'msgstr "Pérdida al final"')
    builds = build_tinysite(built)
    assert_equals_a_clean_build(built, builds)
    assert reread(builds) == {"en": {"status"}, "es": EVERY_PAGE}


def test_a_theme_catalog_edit_rereads_every_translated_page(built):
    # A message of Sphinx's own, on every heading's link.
    replace(built / CATALOGS / "sphinx.po",
            'msgstr "Enlace a este encabezado"', 'msgstr "Enlace a este título"')
    builds = build_tinysite(built)
    assert_equals_a_clean_build(built, builds)
    assert "Enlace a este título" in (built / "_build/html/es/index.html").read_text()
    assert reread(builds) == {"en": {"status"}, "es": EVERY_PAGE}


def drawn_figures(root: Path) -> dict[str, int]:
    """The example figures drawn in Spanish (each rendition), and when each was drawn."""
    return {path.name: path.stat().st_mtime_ns
            for path in (root / "_build/doctrees/es/figures").glob("sphx_glr_*.png")}


# An example's catalog: its title shows on its page, in the gallery's indexes
# and as the comparison's curve label; a figure text in the figure and its
# thumbnail, drawn again; prose on its page and in its downloads.
@pytest.mark.parametrize(("translation", "edited", "new_drawings"), [
    ("Diminuto: una constante", "Minúsculo: una constante", 0),
    # The figure (light, light sharp, dark) and its thumbnail (light, dark).
    ("Pérdida durante el entrenamiento", "Pérdida al entrenar", 5),
    ("Bastan tres pasos.", "Tres pasos bastan.", 0),
], ids=["title", "figure text", "prose"])
def test_an_example_catalog_edit_rereads_the_pages_that_show_it(built, translation, edited,
                                                                new_drawings):
    drawn = drawn_figures(built)
    replace(built / CATALOGS / "examples/basics/plot_1_tiny.po",
            f'msgstr "{translation}', f'msgstr "{edited}')
    builds = build_tinysite(built)
    assert_equals_a_clean_build(built, builds)
    redrawn = drawn_figures(built)
    assert len(redrawn.keys() - drawn.keys()) == new_drawings
    assert all(redrawn[name] == drawn[name] for name in drawn)  # none drawn twice
    # The translation status page counts every catalog's messages, in every language.
    assert reread(builds) == {"en": {"status"}, "es": GALLERY_PAGES | {"compare", "status"}}


def test_a_template_edit_writes_every_page_and_reads_none(built):
    # The project's templates, copied into the tiny project to be edited there.
    templates = built / "templates"
    shutil.copytree(PROJECT / "docs/_templates", templates)
    settings = {"templates_path": [str(templates)]}
    build_tinysite(built, **settings)
    replace(templates / "layout.html", "{%- block extrahead %}\n  {{- super() }}",
            '{%- block extrahead %}\n  {{- super() }}\n  <meta name="edited" content="yes">')
    builds = build_tinysite(built, **settings)
    assert_equals_a_clean_build(built, builds, **settings)
    assert 'name="edited"' in (built / "_build/html/es/compare.html").read_text()
    assert reread(builds) == {"en": set(), "es": set()}
    assert written(builds) == {"en": EVERY_PAGE, "es": EVERY_PAGE}


def test_a_configuration_edit_writes_every_page_it_changes(built):
    settings = {"html_title": "Tiny title"}
    builds = build_tinysite(built, **settings)
    assert_equals_a_clean_build(built, builds, **settings)
    assert "Tiny title" in (built / "_build/html/es/compare.html").read_text()
    assert written(builds) == {"en": EVERY_PAGE, "es": EVERY_PAGE}


def test_an_engine_edit_rereads_every_page_without_being_told(built, monkeypatch):
    # As if docs_engine's code had changed: its checksum, the env_version our
    # extensions give Sphinx, is another (the Makefile passes no -E).
    version = project.engine_version()
    monkeypatch.setattr(project, "engine_version", lambda: version + 1)
    builds = build_tinysite(built)
    assert reread(builds) == {"en": EVERY_PAGE, "es": EVERY_PAGE}
    assert_equals_a_clean_build(built, builds)


def test_the_engine_version_is_a_checksum_of_its_code(tmp_path, monkeypatch):
    version = project.engine_version()
    assert version == project.engine_version()
    package = tmp_path / "docs_engine"
    shutil.copytree(PROJECT / "docs_engine", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(project, "__file__", str(package / "project.py"))
    assert project.engine_version() == version
    text = (package / "pages" / "comparison.py").read_text(encoding="utf-8")
    (package / "pages" / "comparison.py").write_text(text + "# An edit.\n", encoding="utf-8")
    assert project.engine_version() != version
