from types import SimpleNamespace

from docutils import nodes
from sphinx import addnodes

from docs_engine.translation.gallery_chrome import GalleryChrome, MESSAGES
from docs_engine.execution.gallery import gallery_folders


def _config(execute: bool):
    return SimpleNamespace(
        docs_engine_gallery_execute=execute, gallery_shard=-1, docs_engine_examples_dir="../examples", docs_engine_gallery_dir="examples",
        sphinx_gallery_conf={},
    )


def test_executing_build_creates_the_folder_behind_the_link(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "examples").symlink_to("../_build/gallery")
    gallery_folders(SimpleNamespace(srcdir=tmp_path / "docs"), _config(True))
    assert (tmp_path / "_build" / "gallery").is_dir()


def test_language_builds_hide_the_gallery_from_sphinx_gallery(tmp_path):
    config = _config(False)
    gallery_folders(SimpleNamespace(srcdir=tmp_path), config)
    assert config.sphinx_gallery_conf["examples_dirs"] == []
    assert config.sphinx_gallery_conf["gallery_dirs"] == []


def test_relabel_keeps_the_link_and_replaces_all_text():
    link = addnodes.download_reference("", "", nodes.literal("", "Download Python source code: x.py"),
                                       reftarget="x.py")
    paragraph = nodes.paragraph("", "", link, nodes.Text(" trailing"))
    container = nodes.container("", paragraph)
    label = MESSAGES["python"].format(filename="x.py")
    GalleryChrome._relabel(container, label)
    assert paragraph.astext() == label
    assert paragraph["translatable"] is False
    assert paragraph.children == [link]
