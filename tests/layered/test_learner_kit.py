"""The learner's kit on the tiny project: the box, notebooks with results, requirements.txt."""

import base64
import json
import platform
import shutil
import zipfile
from importlib import metadata
from pathlib import Path

import nbformat
import polib
from bs4 import BeautifulSoup
from packaging.version import Version

from docs_engine.execution.environment import MESSAGES as REPRODUCTION
from docs_engine.execution.environment import processor_name, tolerance
from docs_engine.pages.run_it_yourself import MESSAGES
from docs_engine.execution.training_record import read_environment, training_record_path
from tests.layered.conftest import GALLERY_STEP, PROJECT, build_tinysite, sphinx

EXAMPLE = "examples/basics/plot_1_tiny"
# The tiny example imports matplotlib only: no PyTorch, so no CPU-only build to mention.
MATPLOTLIB = f"matplotlib=={Version(metadata.version('matplotlib')).public}"


def page(build, name):
    return BeautifulSoup((build.html / f"{name}.html").read_text(encoding="utf-8"),
                         "html.parser")


def download(build, name, suffix):
    soup = page(build, name)
    link = soup.select_one(f"a.download[href$='{suffix}']")
    return (build.html / name).parent.joinpath(link["href"]).resolve()


def spanish(message: str) -> str:
    return polib.pofile(str(PROJECT / "locales/es/LC_MESSAGES/extensions.po")).find(message).msgstr


def test_the_box_is_before_the_downloads_and_on_the_directive_page(tinysite):
    for language, title in (("en", MESSAGES["title"]), ("es", spanish(MESSAGES["title"]))):
        example_box = page(tinysite[language], EXAMPLE).select_one("div.run-it-yourself")
        assert "sphx-glr-footer-example" in example_box.find_next_sibling()["class"]
        index_box = page(tinysite[language], "index").select_one("div.run-it-yourself")
        for box in (example_box, index_box):
            assert box.select_one(".admonition-title").get_text() == title
            assert [pre.get_text().strip() for pre in box.select("pre")] == \
                [f"pip install {MATPLOTLIB}"]


def test_notebooks_carry_the_page_log_and_figures_in_both_languages(tinysite):
    for language, build in tinysite.items():
        soup = page(build, EXAMPLE)
        notebook = nbformat.read(download(build, EXAMPLE, ".ipynb"), as_version=4)
        nbformat.validate(notebook)
        outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
        printed = "".join(o.text for o in outputs if o.output_type == "stream")
        assert printed == soup.select_one("div.sphx-glr-script-out pre").get_text()
        figures = [base64.b64decode(o.data["image/png"]) for o in outputs
                   if o.output_type == "display_data"]
        page_figures = [(build.html / EXAMPLE).parent.joinpath(img["src"]).resolve().read_bytes()
                        for img in soup.select("img.sphx-glr-single-img")]
        assert figures == page_figures and figures, language


def test_every_zip_holds_the_requirements_in_the_page_language(tinysite):
    for language, build in tinysite.items():
        archives = [download(build, EXAMPLE, ".zip"),
                    download(build, "examples/index", "_python.zip"),
                    download(build, "examples/index", "_jupyter.zip")]
        for archive in archives:
            text = zipfile.ZipFile(archive).read("requirements.txt").decode()
            assert [line for line in text.splitlines() if not line.startswith("#")] == \
                [MATPLOTLIB]
            assert ("packages" in text) == (language == "en"), (language, archive.name)


def test_a_notebook_unlike_the_executed_code_is_an_error_naming_it(tiny_copy):
    assert sphinx(tiny_copy, "dummy", **GALLERY_STEP).status == 0
    executed = tiny_copy / "_build/gallery/basics/plot_1_tiny.rst"  # as if from an older run
    executed.write_text(executed.read_text().replace("range(3)", "range(4)"))
    notebook = tiny_copy / "_build/gallery/basics/plot_1_tiny.ipynb"
    stale = json.loads(notebook.read_text())
    for cell in stale["cells"][1:]:
        cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "stale"}]
    notebook.write_text(json.dumps(stale))
    gallery = sphinx(tiny_copy, "dummy", **GALLERY_STEP)
    assert gallery.status != 0
    assert ("the notebook of example examples/basics/plot_1_tiny.py cannot carry the build's"
            " results: its code cell 1") in gallery.warnings
    assert not (tiny_copy / "_build/gallery/basics/plot_1_tiny.py.md5").exists()
    builds = build_tinysite(tiny_copy)  # executes it again
    assert all(build.status == 0 for build in builds.values())
    cells = json.loads(notebook.read_text())["cells"]
    assert "stale" not in json.dumps(cells) and any(cell.get("outputs") for cell in cells)


def test_the_record_box_notebook_and_zip_say_what_made_the_log(tinysite):
    root = tinysite["en"].root
    environment = read_environment(root / "_build/gallery/basics/plot_1_tiny.py")
    assert environment.processor == processor_name()
    assert environment.architecture == platform.machine()
    assert environment.python == platform.python_version()
    assert dict(environment.packages) == {"matplotlib": metadata.version("matplotlib")}
    assert environment.threads is None  # the tiny example imports no PyTorch
    for language, build in tinysite.items():
        gettext = (lambda message: message) if language == "en" else spanish
        made = gettext(REPRODUCTION["made"]).split("{")[0]
        same_digits = gettext(REPRODUCTION["same digits"])
        box = " ".join(p.get_text() for p in page(build, EXAMPLE).select("div.run-it-yourself p"))
        notebook = nbformat.read(download(build, EXAMPLE, ".ipynb"), as_version=4)
        first_cell = notebook.cells[0]
        assert first_cell.cell_type == "markdown" and "made-with" in first_cell.metadata.tags
        zip_comment = " ".join(
            line.removeprefix("# ") for line in zipfile.ZipFile(download(build, EXAMPLE, ".zip"))
            .read("requirements.txt").decode().splitlines() if line.startswith("#"))
        for text in (box, first_cell.source.replace("``", "")):  # inline code in Markdown
            assert made in text and same_digits in text, language
            assert environment.machine in text and f"Python {environment.python}" in text
            assert f"matplotlib {metadata.version('matplotlib')}" in text
        assert environment.machine in zip_comment and "Python" in zip_comment
        assert tolerance(language) in box
    assert tolerance("es") == "1\N{NO-BREAK SPACE}%" != tolerance("en")  # each language's way


def install(site_packages: Path, name: str, version: str) -> None:
    """Install a one-module distribution as pip does: its module and a dist-info
    folder named by its version, in place of any other version's."""
    for old in site_packages.glob(f"{name}-*.dist-info"):
        shutil.rmtree(old)
    (site_packages / f"{name}.py").write_text("VALUE = 1.0\n")
    dist_info = site_packages / f"{name}-{version}.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    (dist_info / "RECORD").write_text(f"{name}.py,,\n")
    (dist_info / "top_level.txt").write_text(f"{name}\n")


def test_installing_another_version_of_what_an_example_imports_executes_it_again(
        tiny_copy, tmp_path, monkeypatch):
    site_packages = tmp_path / "site-packages"
    site_packages.mkdir()
    monkeypatch.syspath_prepend(str(site_packages))
    install(site_packages, "tinylib", "1.0")
    source = tiny_copy / "examples/basics/plot_1_tiny.py"
    source.write_text(source.read_text().replace("import matplotlib.pyplot as plt",
                                                 "import matplotlib.pyplot as plt\nimport tinylib"))
    executed = tiny_copy / "_build/gallery/basics/plot_1_tiny.py"

    def gallery_step() -> dict[str, str]:
        assert sphinx(tiny_copy, "dummy", **GALLERY_STEP).status == 0
        return dict(read_environment(executed).packages)

    assert gallery_step()["tinylib"] == "1.0"
    executed_at = training_record_path(executed).stat().st_mtime_ns
    assert gallery_step()["tinylib"] == "1.0"  # nothing changed: nothing executed
    assert training_record_path(executed).stat().st_mtime_ns == executed_at
    install(site_packages, "tinylib", "1.1")
    assert gallery_step()["tinylib"] == "1.1"  # executed again, with the new version
    assert training_record_path(executed).stat().st_mtime_ns != executed_at
    builds = {language: sphinx(tiny_copy, "html", language, docs_engine_gallery_execute=False)
              for language in ("en", "es")}
    for language, build in builds.items():
        assert build.status == 0, build.warnings
        assert "tinylib 1.1" in page(build, EXAMPLE).select_one("div.run-it-yourself").get_text()
