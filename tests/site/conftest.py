"""Build the real site once per test session, in a temporary copy.

The copy holds what git tracks and what a contributor has not committed yet
(never ``_build`` or ``.venv``), and is built with the project's own Makefile
and virtual environment, exactly as ``make html`` does. The browser tests
share one local web server and one headless Chromium for the whole session.
"""

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from docs_engine.project import copy_project
from tests.site.browsing import open_shared_tab
from tests.site.helpers import serve
from tests.site.page_tour import PageVisit, tour

VENV = Path(sys.prefix)
ANSI_COLOR = re.compile(r"\x1b\[[0-9;]*m")
# 2026-01-01, for builds that must not depend on when they run.
REPRODUCIBLE_DATE = "1767225600"
# Where the site lives, for builds that must not depend on where they run:
# tests set these themselves.
# (GITHUB_EVENT_NAME: a pull request's preview links no notebook to Colab.)
HOSTING_VARIABLES = ("SITE_URL", "READTHEDOCS", "GITHUB_EVENT_NAME")
# A site published under a sub-path, as GitHub Pages serves a project's site.
SITE_URL = "https://example.org/learn-pytorch/"
# The repository the pages link to, as GitHub Actions announces it (and the
# same wherever the tests run): see repository_links.py.
REPOSITORY = {"GITHUB_SERVER_URL": "https://github.com",
              "GITHUB_REPOSITORY": "example/learning-pytorch"}
CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium tries to reach Google's services at every start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass
class Site:
    root: Path
    log: str

    @property
    def html(self) -> Path:
        return self.root / "_build" / "html"

    @property
    def gallery(self) -> Path:
        return self.root / "_build" / "gallery"

    def page(self, language: str, name: str) -> Path:
        return self.html / language / f"{name}.html"


def build_environment(**variables: str) -> dict[str, str]:
    """This session's environment, for a reproducible build, plus ``variables``."""
    environment = {name: value for name, value in os.environ.items()
                   if not name.startswith(HOSTING_VARIABLES)}
    # A reproducible build: no timing on any page (see comparison.py).
    # The repository the pages link to, whatever CI this runs on.
    return {**environment, **REPOSITORY, "SOURCE_DATE_EPOCH": REPRODUCIBLE_DATE, "NO_COLOR": "1",
            **variables}


def make(root: Path, *targets: str, check: bool = True, env: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess:
    """Run the project's Makefile in ``root`` with this session's environment (and ``env``)."""
    result = subprocess.run(
        # The session's environment is used as it is (-o): were the copy's
        # requirements newer than it, Make would reinstall the editable
        # docs_engine from the copy, and every later build would import it.
        ["make", f"VENV={VENV}", f"INSTALLED={VENV}/.installed", "-o", f"{VENV}/.installed",
         *targets],
        cwd=root,
        capture_output=True,
        text=True,
        env=build_environment(**(env or {})),
    )
    if check and result.returncode != 0:
        pytest.fail(f"make {' '.join(targets)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def build_site(target: Path, *targets: str, jobs: int = 2, env: dict[str, str] | None = None) -> Site:
    """Build the site in ``target``, a copy of the project or a new one, with
    ``make html`` (or ``targets``): examples and languages run ``jobs`` at a
    time (the Makefile's default is the number of cores)."""
    root = target if (target / "Makefile").exists() else copy_project(target)
    result = make(root, *(targets or ["html"]), f"JOBS={jobs}", env=env)
    return Site(root, ANSI_COLOR.sub("", result.stdout + result.stderr))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The whole site, every language, built once for the session."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory, site):
    """A factory of copies of the project, to break on purpose.

    Each holds the session's executed gallery, so that its build executes
    only the examples a test adds or changes.
    """

    def fresh_copy() -> Path:
        root = copy_project(tmp_path_factory.mktemp("broken"))
        for built in ("gallery", "vendor"):  # the executed examples, MathJax
            shutil.copytree(site.root / "_build" / built, root / "_build" / built)
        return root

    return fresh_copy


@pytest.fixture(scope="session")
def hosted_site(project_copy) -> Site:
    """The whole site built for publishing at :data:`SITE_URL`, and its archive."""
    return build_site(project_copy(), "dist", env={"SITE_URL": SITE_URL})


def break_build(project_copy, edit, target: str = "html") -> str:
    """Build a copy of the project broken by ``edit``; return the failing log."""
    root = project_copy()
    edit(root)
    result = make(root, target, check=False)
    assert result.returncode != 0
    return result.stdout + result.stderr


@pytest.fixture(scope="session")
def server(site):
    """The built site on a local web server, as a visitor reaches it."""
    with serve(site.html) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def tab(browser):
    """The tab the browser tests share; borrow it with ``tests.site.browsing.browsing``."""
    shared = open_shared_tab(browser)
    yield shared
    shared.context.close()


@pytest.fixture(scope="session")
def page_tour(site, server, browser) -> dict[str, PageVisit]:
    """Every page of the site, each loaded once in the browser (tests/site/page_tour.py)."""
    return tour(browser, server, site.html)
