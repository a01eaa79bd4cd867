"""The learner's kit on the tiny project: the box, notebooks with results, requirements.txt."""

import base64
import json
import zipfile
from importlib import metadata

import nbformat
import polib
from bs4 import BeautifulSoup
from packaging.version import Version

from docs_engine.run_it_yourself import MESSAGES
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
