"""docs_engine.example: one value names an example's files, page and catalog."""

import subprocess
import sys
from pathlib import Path

from docs_engine.example import Gallery


def make_gallery(root: Path) -> Gallery:
    for name in ("nn/plot_10_later.py", "nn/plot_5_nn.py", "basics/plot_1_first.py", "basics/helper.py"):
        (root / "examples" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "examples" / name).write_text("print(1)\n", encoding="utf-8")
    (root / "docs").mkdir()
    return Gallery.from_settings(root / "docs", "../examples", "examples")


def test_the_examples_are_the_plot_scripts_in_reading_order(tmp_path):
    gallery = make_gallery(tmp_path)
    assert [example.name for example in gallery.examples] == [
        "basics/plot_1_first.py", "nn/plot_5_nn.py", "nn/plot_10_later.py"]


def test_an_example_names_its_source_copy_page_and_outputs(tmp_path):
    example = make_gallery(tmp_path).example("nn/plot_5_nn.py")
    gallery = (tmp_path / "docs" / "examples").resolve()
    assert example.source == (tmp_path / "examples" / "nn" / "plot_5_nn.py").resolve()
    assert example.executed == gallery / "nn" / "plot_5_nn.py"
    assert example.docname == "examples/nn/plot_5_nn"
    assert example.page == gallery / "nn" / "plot_5_nn.rst"
    assert example.notebook == gallery / "nn" / "plot_5_nn.ipynb"
    assert example.archive == gallery / "nn" / "plot_5_nn.zip"
    assert example.thumbnail == gallery / "nn" / "images" / "thumb" / "sphx_glr_plot_5_nn_thumb.png"


def test_pages_are_told_apart(tmp_path):
    gallery = make_gallery(tmp_path)
    assert gallery.by_docname("examples/nn/plot_5_nn") == gallery.example("nn/plot_5_nn.py")
    assert gallery.by_docname("examples/nn/index") is None
    assert gallery.by_docname("examples/basics/helper") is None  # not an example
    assert gallery.by_docname("intro") is None
    assert gallery.is_gallery_page("examples/index") and gallery.is_gallery_page("examples/nn/index")
    assert not gallery.is_gallery_page("examples-extra") and not gallery.is_gallery_page("index")
    header = (tmp_path / "examples" / "nn" / "GALLERY_HEADER.rst").resolve()
    assert gallery.section_header("examples/nn/index") == header
    assert gallery.section_header("examples/nn/plot_5_nn") is None


def test_the_model_loads_no_sphinx():
    loaded = subprocess.run([sys.executable, "-c", "import sys, docs_engine.example; print(*sys.modules)"],
                            capture_output=True, text=True, check=True).stdout.split()
    assert not [name for name in loaded if name.split(".")[0] in {"sphinx", "docutils", "sphinx_gallery"}]
