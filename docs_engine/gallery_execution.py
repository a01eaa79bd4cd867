"""Execute the example gallery once per build, whatever the number of languages.

sphinx-gallery runs the examples while the builder starts and writes their
reST, figures and downloads into the gallery folder. The Makefile runs that
step once (``gallery_execute = True``), then builds each language with
``-D gallery_execute=0``: those builds read the executed gallery as ordinary
sources and must not touch it, so that two languages can build side by side
(``make -j2 html``) without racing on the same files.

The gallery folder (``docs/examples``) is a link into ``_build/gallery`` so
that generated files never land in a tracked folder; the link's target is
created here because sphinx-gallery cannot create a folder behind a link.
Its zip files are rewritten without build dates, so that builds are
reproducible.
"""

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from docs_engine.build_files import normalize_zip


def gallery_folders(app: Sphinx, config: Config) -> None:
    """Create each gallery folder, or hide the gallery from sphinx-gallery."""
    gallery_conf = config.sphinx_gallery_conf
    if not config.gallery_execute:
        gallery_conf["examples_dirs"] = []
        gallery_conf["gallery_dirs"] = []
        return
    for gallery_dir in gallery_conf["gallery_dirs"]:
        (Path(app.srcdir) / gallery_dir).resolve().mkdir(parents=True, exist_ok=True)


def reproducible_zips(app: Sphinx) -> None:
    """Take the build dates out of the zips sphinx-gallery just wrote."""
    if not app.config.gallery_execute:
        return
    for gallery_dir in app.config.sphinx_gallery_conf["gallery_dirs"]:
        for archive in (Path(app.srcdir) / gallery_dir).rglob("*.zip"):
            normalize_zip(archive)


def setup(app: Sphinx) -> dict:
    app.add_config_value("gallery_execute", True, "env", types=[bool])
    app.add_config_value("gallery_dir", "examples", "env", types=[str])
    # Where the example scripts live, relative to the source folder.
    app.add_config_value("examples_dir", "../examples", "env", types=[str])
    # Before sphinx-gallery fills its defaults (priority 10).
    app.connect("config-inited", gallery_folders, priority=5)
    # After sphinx-gallery generates the gallery (default priority, 500).
    app.connect("builder-inited", reproducible_zips, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
