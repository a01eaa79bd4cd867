"""A tiny project built in-process with the site's conf.py and extensions.

The fast layer of the tests: no torch, no Makefile, about a second a build.
Each build runs Sphinx the way ``sphinx-build`` does, with the project's
``conf.py`` and the tiny sources of ``tests/tinysite``; the catalogs are
compiled first, as the Makefile's catalog step does.

The layer also holds the tests of single pieces that need Sphinx, docutils or
matplotlib loaded, themselves or through the module they test (each imports
Sphinx): ``tests/unit`` runs without them (``test_unit_layer.py``).
"""

import gettext
import io
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from sphinx import locale as sphinx_locale
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

from docs_engine.translation.catalog_compiler import compile_catalogs

PROJECT = Path(__file__).resolve().parents[2]
TINYSITE = PROJECT / "tests" / "tinysite"
CHROME_CATALOGS = ("extensions.po", "sphinx.po", "sphinx.js")


@dataclass
class Build:
    root: Path
    language: str
    status: int
    warnings: str
    output: str = ""  # what Sphinx printed: the pages it read and wrote

    @property
    def html(self) -> Path:
        return self.root / "_build" / "html" / self.language


def copy_tinysite(target: Path) -> Path:
    shutil.copytree(TINYSITE, target)
    # The chrome's translations are the project's own: our extensions', the
    # theme's and Sphinx's, and the search page's.
    for name in CHROME_CATALOGS:
        shutil.copy(PROJECT / "locales/es/LC_MESSAGES" / name,
                    target / "locales/es/LC_MESSAGES" / name)
    (target / "docs" / "examples").symlink_to("../_build/gallery")
    return target


# The Makefile installs MathJax into _build/vendor before a language's build;
# the tiny site does without it. A new list for each build: sphinx-gallery
# appends its own folder to it, which the next build would see as a change
# of configuration and write every page again.
def no_mathjax() -> dict:
    return {"html_static_path": ["docs/_static"]}


def sphinx(root: Path, builder: str, language: str = "en", **overrides) -> Build:
    """Build ``root`` as the Makefile would, in this process."""
    if language != "en":
        compile_catalogs(root / "locales", root / "_build" / "locales", language)
    outdir = root / "_build" / ("html" if builder == "html" else builder) / language
    # The gallery step keeps its environment apart from the languages', as in the Makefile.
    doctrees = root / "_build" / "doctrees" / ("gallery" if overrides.get("docs_engine_gallery_execute")
                                               else language)
    output, warnings = io.StringIO(), io.StringIO()
    with patch_docutils(PROJECT), docutils_namespace():
        app = Sphinx(root / "docs", PROJECT, outdir, doctrees,
                     builder, confoverrides={"language": language, **no_mathjax(), **overrides},
                     status=output, warning=warnings, warningiserror=True,
                     keep_going=True)  # as the Makefile: -W --keep-going
        app.build()
    # sphinx.locale keeps the translations a build loaded, for the process: a
    # later build in another language would show them. Forget them, as
    # sphinx.testing does after each build. Sphinx loads them through
    # gettext.translation, which keeps every catalog file it read, by path, for
    # the process, with no public way to forget it: forget them too, so that
    # the next build reads the catalogs as compiled since, as a new
    # sphinx-build would. (Our extensions read catalogs by their content.)
    sphinx_locale.translators.clear()
    gettext._translations.clear()
    return Build(root, language, app.statuscode, warnings.getvalue(), output.getvalue())


# What the Makefile's gallery step sets (GALLERY_STEP): it reads the root page only.
GALLERY_STEP = {"docs_engine_gallery_execute": True, "include_patterns": ["index.md"],
                "suppress_warnings": ["toc.not_readable", "ref.doc"]}


def build_tinysite(root: Path, **overrides) -> dict[str, Build]:
    """Execute the gallery once, then build each language from it (``overrides``:
    configuration values, for every step, as ``-D`` gives them)."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    gallery = sphinx(root, "dummy", **GALLERY_STEP, **overrides)
    assert gallery.status == 0, gallery.warnings
    return {language: sphinx(root, "html", language, docs_engine_gallery_execute=False, **overrides)
            for language in ("en", "es")}


@pytest.fixture(scope="session")
def tinysite(tmp_path_factory) -> dict[str, Build]:
    root = copy_tinysite(tmp_path_factory.mktemp("tiny") / "site")
    return build_tinysite(root)


@pytest.fixture
def tiny_copy(tmp_path):
    """A fresh copy of the tiny project, to change before building it."""
    return copy_tinysite(tmp_path / "site")
