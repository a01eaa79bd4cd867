"""The learner's kit on the real site: what to install, notebooks with results, zips that run.

The mechanisms, and a notebook unlike the executed code, are shown on the tiny
project (tests/layered/test_learner_kit.py); here what only the real examples show.
"""

import base64
import re
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

import nbformat
import polib
import pytest
from babel.numbers import format_percent
from packaging.version import Version

from docs_engine.execution.environment import FINAL_LOSS_TOLERANCE
from docs_engine.execution.environment import MESSAGES as REPRODUCTION
from docs_engine.pages.colab_link import MESSAGES as COLAB_MESSAGES
from tests.site.conftest import REPOSITORY, make
from tests.site.helpers import (EXAMPLES, LANGUAGES, ROOT, download, execution_record,
                                page_figures, page_log, run_as_built, soup)

# The box shows the install command, then the command for PyTorch's CPU-only build.
CPU_INDEX = "https://download.pytorch.org/whl/cpu"
PIN = re.compile(r"([A-Za-z0-9_.-]+)==(\S+)")
# The pages with a "Run it yourself" box: every example and the introduction.
BOX_PAGES = [*EXAMPLES, "intro"]


def box(page: Path):
    boxes = soup(page).select("div.run-it-yourself")
    assert len(boxes) == 1, f"{page} has {len(boxes)} 'Run it yourself' boxes"
    return boxes[0]


def box_commands(page: Path) -> list[str]:
    """The box's commands as a shell runs them: continued lines joined."""
    return [re.sub(r" \\\n\s*", " ", pre.get_text().strip()) for pre in box(page).select("pre")]


def installed_pin(name: str) -> str:
    """``name==version`` as the public index names the installed version."""
    return f"{name}=={Version(metadata.version(name)).public}"


def imported_distributions(script: Path) -> set[str]:
    """The installed distributions whose modules a script imports at top level."""
    modules = set(re.findall(r"^(?:import|from) (\w+)", script.read_text(), re.M))
    providers = metadata.packages_distributions()
    return {name for module in modules - set(sys.stdlib_module_names) for name in providers[module]}


def notebook_outputs(notebook) -> tuple[str, list[bytes]]:
    """Everything the notebook's cells printed, and the PNG figures they show, in order."""
    printed, figures = [], []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                assert output.name == "stdout"
                printed.append(output.text)
            else:
                assert output.output_type == "display_data"
                figures.append(base64.b64decode(output.data["image/png"]))
    return "".join(printed), figures


def requirement_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


# -- "Run it yourself" ---------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", BOX_PAGES)
def test_box_shows_the_versions_installed_where_the_site_was_built(site, language, name):
    install, cpu = box_commands(site.page(language, name))
    pins = install.removeprefix("pip install ").split()
    assert install.startswith("pip install ") and pins
    for pin in pins:
        package = PIN.fullmatch(pin)[1]
        assert pin == installed_pin(package)
        assert "+" not in pin  # a local label, such as +cpu, is on no public index
    assert cpu == f"pip install {installed_pin('torch')} --index-url {CPU_INDEX}"
    names = {PIN.fullmatch(pin)[1] for pin in pins}
    for example in EXAMPLES:  # one environment runs every example
        assert imported_distributions(download(site.page(language, example), ".py")) <= names


@pytest.mark.parametrize("name", BOX_PAGES)
def test_box_is_in_the_page_language(site, name):
    english, spanish = (box(site.page(language, name)) for language in ("en", "es"))
    assert english.select_one(".admonition-title").get_text() == "Run it yourself"
    for english_text, spanish_text in zip(english.select("p"), spanish.select("p"), strict=True):
        assert spanish_text.get_text() != english_text.get_text()


def extensions_gettext(language: str):
    """Our extensions' messages in ``language``, from its source catalog."""
    if language == "en":
        return lambda message: message
    catalog = polib.pofile(str(ROOT / "locales" / language / "LC_MESSAGES" / "extensions.po"))
    return lambda message: catalog.find(message).msgstr


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("example", EXAMPLES)
def test_box_and_notebook_say_what_made_the_log_and_what_reproduces_it(site, language, example):
    """The versions, threads and processor of the example's record, the promise of
    the same digits, and what to expect otherwise, in the page's language."""
    environment = execution_record(site.gallery, example)
    gettext = extensions_gettext(language)
    page = site.page(language, example)
    notebook = nbformat.read(download(page, ".ipynb"), as_version=4)
    first_cell = notebook.cells[0]
    assert first_cell.cell_type == "markdown"
    promise = [gettext(REPRODUCTION["same digits"])]
    if environment.threads == 1:
        promise.append(gettext(REPRODUCTION["one thread"]))
    promise.append(gettext(REPRODUCTION["other order"]).format(
        tolerance=format_percent(FINAL_LOSS_TOLERANCE, locale=language)))
    if "torch" in dict(environment.packages):  # Colab runs it as it is, on its GPU if asked
        promise.append(gettext(REPRODUCTION["gpu"]))
    # The box's text with its quotes as typed (the page curls them); last, the Colab link.
    box_texts = [paragraph.get_text().replace("\N{RIGHT SINGLE QUOTATION MARK}", "'")
                 for paragraph in box(page).select("p")][:-1]
    assert box_texts[-len(promise):] == [text.replace("``", "") for text in promise]
    assert first_cell.source.split("\n\n")[1:] == promise
    for made in (box_texts[-len(promise) - 1],
                 first_cell.source.split("\n\n")[0].replace("``", "")):
        message = "made" if environment.threads is None else "made one thread"
        assert made.startswith(gettext(REPRODUCTION[message]).split("{")[0])
        assert made.endswith(f"{environment.machine}.")
        for name, version in [("Python", environment.python), *environment.packages]:
            assert f"{name} {version}" in made


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("example", EXAMPLES)
def test_box_comes_right_before_the_downloads(site, language, example):
    following = box(site.page(language, example)).find_next_sibling()
    assert "sphx-glr-footer-example" in following["class"]


# -- Open in Colab: the notebooks branch ---------------------------------------

# Colab's address of a notebook in a GitHub repository.
COLAB = re.compile(r"https://colab\.research\.google\.com/github/(?P<repository>[^/]+/[^/]+)"
                   r"/blob/(?P<branch>[^/]+)/(?P<path>.+)")


def colab_link(page: Path) -> tuple[str, re.Match]:
    """The label and the parts of the page's one link to Colab, in its box."""
    links = box(page).select("a.colab-link")
    assert len(links) == 1, f"{page} has {len(links)} Colab links"
    address = COLAB.fullmatch(links[0]["href"])
    assert address, links[0]["href"]
    return links[0].get_text(), address


def git(repository: Path, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(repository), *arguments], check=True,
                          capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def notebook_branch(site, tmp_path_factory) -> SimpleNamespace:
    """The session's notebooks published twice, with the workflow's two commands
    (make notebooks, make publish-notebooks), into a bare repository that stands
    for GitHub's and already has a main branch."""
    remote = tmp_path_factory.mktemp("github") / "learning-pytorch.git"
    git(remote.parent, "init", "--quiet", "--bare", str(remote))
    work = tmp_path_factory.mktemp("main")
    git(work, "init", "--quiet")
    (work / "README.md").write_text("the project\n")
    git(work, "add", "README.md")
    git(work, "-c", "user.name=a", "-c", "user.email=a@example.org", "commit", "--quiet", "-m", "main")
    git(work, "push", "--quiet", str(remote), "HEAD:refs/heads/main")
    main = git(remote, "rev-parse", "main")
    trees = []
    for _ in range(2):  # two pushes to main
        make(site.root, "notebooks")
        make(site.root, "publish-notebooks", f"NOTEBOOK_REMOTE={remote}")
        trees.append(git(remote, "ls-tree", "-r", "--name-only", "notebooks").split())
    return SimpleNamespace(remote=remote, trees=trees, main=main)


def test_each_publication_leaves_the_branch_one_commit_at_the_same_paths(notebook_branch):
    remote = notebook_branch.remote
    assert git(remote, "rev-list", "--count", "notebooks") == "1"  # it never grows
    first, second = notebook_branch.trees
    assert first == second and len(first) == 1 + len(EXAMPLES) * len(LANGUAGES)  # and its README
    assert git(remote, "rev-parse", "main") == notebook_branch.main  # other branches untouched
    assert git(remote, "for-each-ref", "--format=%(refname)").split() == [
        "refs/heads/main", "refs/heads/notebooks"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_colab_link_opens_the_pages_own_notebook_as_published(site, notebook_branch, language):
    """Owner, repository, branch and path of each link name a notebook of the
    branch: the page's own, in its language, with the build's outputs."""
    gettext = extensions_gettext(language)
    for example in EXAMPLES:
        page = site.page(language, example)
        label, address = colab_link(page)
        assert label == gettext(COLAB_MESSAGES["open"])
        # The repository of the page's source link, as the publication's.
        source = soup(page).select_one("a[href*='/blob/main/examples/']")["href"]
        assert source.startswith(f"https://github.com/{address['repository']}/blob/")
        assert address["repository"] == REPOSITORY["GITHUB_REPOSITORY"]
        assert address["path"] == f"{language}/{example}.ipynb"
        published = subprocess.run(
            ["git", "-C", str(notebook_branch.remote), "show", f"{address['branch']}:{address['path']}"],
            check=True, capture_output=True).stdout
        assert published == download(page, ".ipynb").read_bytes()
        notebook = nbformat.reads(published.decode("utf-8"), as_version=4)
        assert gettext(REPRODUCTION["same digits"]) in notebook.cells[0].source
        printed, figures = notebook_outputs(notebook)
        assert printed == page_log(page) and figures == page_figures(page)


# -- Notebooks that carry the build's results -----------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("example", EXAMPLES)
def test_notebook_shows_the_page_log_and_figures(site, language, example):
    page = site.page(language, example)
    notebook = nbformat.read(download(page, ".ipynb"), as_version=4)
    nbformat.validate(notebook)
    assert notebook.cells[1].source == "%matplotlib inline" and notebook.cells[1].outputs == []
    printed, figures = notebook_outputs(notebook)
    assert printed == page_log(page)
    assert figures == page_figures(page)  # the Spanish page's figures in the Spanish notebook
    assert all(cell.execution_count is None for cell in notebook.cells if cell.cell_type == "code")


@pytest.mark.parametrize("language", LANGUAGES)
def test_zips_hold_the_notebooks_with_outputs(site, language):
    index = site.page(language, "examples/index")
    with zipfile.ZipFile(download(index, "_jupyter.zip")) as all_notebooks:
        for example in EXAMPLES:
            notebook = download(site.page(language, example), ".ipynb")
            with zipfile.ZipFile(download(site.page(language, example), ".zip")) as one:
                assert one.read(notebook.name) == notebook.read_bytes()
            assert all_notebooks.read(example.removeprefix("examples/") + ".ipynb") == \
                notebook.read_bytes()


# -- requirements.txt in every zip ----------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_zip_pins_what_the_box_shows(site, language):
    pins = box_commands(site.page(language, "intro"))[0].removeprefix("pip install ").split()
    zips = [download(site.page(language, "examples/index"), suffix)
            for suffix in ("_python.zip", "_jupyter.zip")]
    zips += [download(site.page(language, example), ".zip") for example in EXAMPLES]
    for archive in zips:
        text = zipfile.ZipFile(archive).read("requirements.txt").decode()
        assert requirement_lines(text) == pins, archive
        assert f"--index-url {CPU_INDEX}" in text  # in a comment: how to get the CPU build
        comments = " ".join(line for line in text.splitlines() if line.startswith("#"))
        assert ("packages" in comments) == (language == "en")  # in the page's language


@pytest.fixture(scope="session")
def learner_python(tmp_path_factory) -> Path:
    """A fresh virtual environment, as a learner makes one: nothing installed yet."""
    folder = tmp_path_factory.mktemp("learner") / "venv"
    subprocess.run(["python3.11", "-m", "venv", str(folder)], check=True)
    return folder / "bin" / "python"


def learner_setup(site, language: str, learner_python: Path, folder: Path) -> Path:
    """Extract a language's zip of every script and ``pip install -r requirements.txt``."""
    with zipfile.ZipFile(download(site.page(language, "examples/index"), "_python.zip")) as zipped:
        zipped.extractall(folder)
    subprocess.run([str(learner_python), "-m", "pip", "install", "--quiet", "-r",
                    "requirements.txt"], cwd=folder, check=True)
    return folder


def test_a_zip_installs_and_reproduces_every_page_log(site, learner_python, tmp_path):
    folder = learner_setup(site, "en", learner_python, tmp_path)
    for example in EXAMPLES:
        script = folder / (example.removeprefix("examples/") + ".py")
        assert run_as_built(site.gallery, example, script, learner_python).stdout == \
            page_log(site.page("en", example)), example


# One Spanish script is enough beside the English ones: the same code, the same
# requirements (test_every_zip_pins_what_the_box_shows); running them all takes a minute.
SPANISH_SAMPLE = "examples/nn/plot_6_optim"


def test_a_spanish_zip_installs_and_reproduces_the_page_log(site, learner_python, tmp_path):
    folder = learner_setup(site, "es", learner_python, tmp_path)
    script = folder / (SPANISH_SAMPLE.removeprefix("examples/") + ".py")
    assert run_as_built(site.gallery, SPANISH_SAMPLE, script, learner_python).stdout == \
        page_log(site.page("es", SPANISH_SAMPLE))
