"""What sphinx-gallery writes for an example, and where: names and paths only.

The part of the adapter that needs no package but the standard library, so
that :class:`docs_engine.example.Example`, the Make steps and the unit tests
can name an example's files without loading Sphinx or sphinx-gallery. What is
assumed, for the versions :mod:`docs_engine.adapters.sphinx_gallery` checks:

- the examples are the scripts ``plot_*.py`` of each section folder
  (:data:`EXAMPLE_PATTERN`: sphinx-gallery's default ``filename_pattern``
  executes them; this site has no other scripts), and a section's index is
  written from its ``GALLERY_HEADER.rst`` (:data:`SECTION_HEADER`);
- beside each executed copy ``<name>.py`` in the gallery folder it writes
  the files of :data:`EXAMPLE_OUTPUTS` (the page, the notebook, the zip, the
  checksum of the source it executed, its code objects, its cost; and our
  training record); the images go to ``images/sphx_glr_<name>_NNN.png`` and
  ``images/thumb/sphx_glr_<name>_thumb.png``;
- the gallery-wide zips are :data:`ALL_EXAMPLES_ZIPS`;
- it executes an example again when ``<name>.py.md5`` is gone
  (:func:`forget_execution`).
"""

import re
from pathlib import Path

EXAMPLE_PATTERN = "plot_*.py"
SECTION_HEADER = "GALLERY_HEADER.rst"
IMAGES = "images"
THUMBNAILS = "thumb"  # inside IMAGES

# The page, the notebook and the zip, each beside the executed copy.
PAGE, NOTEBOOK, ARCHIVE = ".rst", ".ipynb", ".zip"
# The checksum of the source last executed, which decides whether to execute it again.
CHECKSUM = ".py.md5"
# How many seconds the last execution took (its "time").
COST = ".cost.json"
# The files sphinx-gallery (and our training record) writes beside each
# executed example, by suffix after the example's stem.
EXAMPLE_OUTPUTS = (".py", PAGE, NOTEBOOK, ARCHIVE, CHECKSUM, ".codeobj.json", COST, ".training.json")
# The gallery-wide zips, and the suffix of the files each holds.
ALL_EXAMPLES_ZIPS = {"examples_python.zip": ".py", "examples_jupyter.zip": NOTEBOOK}


def output(executed_script: Path, suffix: str) -> Path:
    """The file of ``suffix`` (one of :data:`EXAMPLE_OUTPUTS`) written beside an executed example."""
    return executed_script.with_name(executed_script.stem + suffix)


def example_images(gallery_folder: Path, stem: str) -> list[Path]:
    """The figures and thumbnail written for the example ``stem``."""
    images = gallery_folder / IMAGES
    return [*sorted(images.glob(f"sphx_glr_{stem}_[0-9][0-9][0-9].*")),
            *sorted((images / THUMBNAILS).glob(f"sphx_glr_{stem}_thumb.*"))]


def example_files(executed_script: Path) -> list[Path]:
    """Every file written for an executed example that exists: its outputs and images."""
    outputs = [output(executed_script, suffix) for suffix in EXAMPLE_OUTPUTS]
    images = example_images(executed_script.parent, executed_script.stem)
    return [path for path in [*outputs, *images] if path.exists()]


def example_figures(gallery_folder: Path, stem: str) -> list[Path]:
    """The figures (PNG) written for the example ``stem``, in order; not its thumbnail."""
    return sorted((gallery_folder / IMAGES).glob(f"sphx_glr_{stem}_[0-9][0-9][0-9].png"))


def is_thumbnail(image: Path) -> bool:
    return image.parent.name == THUMBNAILS


def thumbnail_path(gallery_folder: Path, stem: str) -> Path:
    return gallery_folder / IMAGES / THUMBNAILS / f"sphx_glr_{stem}_thumb.png"


def figure_path(gallery_folder: Path, stem: str, number: int) -> Path:
    """Figure ``number`` (1-based) of the example ``stem``."""
    return gallery_folder / IMAGES / f"sphx_glr_{stem}_{number:03}.png"


_FIGURE_NAME = re.compile(r"sphx_glr_(?P<stem>.+)_(?P<number>[0-9]{3}|thumb)\.png")


def example_of_image(image: Path) -> tuple[Path, int | None] | None:
    """The executed example a figure or thumbnail belongs to, and the figure's number.

    ``(example script, number)`` for a figure, ``(example script, None)``
    for a thumbnail, ``None`` for any other image.
    """
    match = _FIGURE_NAME.fullmatch(image.name)
    folder = image.parent.parent if is_thumbnail(image) else image.parent
    if not match or folder.name != IMAGES:
        return None
    number = None if match["number"] == "thumb" else int(match["number"])
    if (number is None) != is_thumbnail(image):
        return None
    return folder.parent / f"{match['stem']}.py", number


def is_executed(executed_script: Path) -> bool:
    """Whether sphinx-gallery executed it and kept the result (its checksum)."""
    return output(executed_script, CHECKSUM).exists()


def forget_execution(executed_script: Path) -> None:
    """Make sphinx-gallery run an executed example again at its next build.

    sphinx-gallery itself keeps the checksum of the last run that passed when
    an example fails: if the source is then put back as it was, it would
    trust the failed run's page and notebook."""
    output(executed_script, CHECKSUM).unlink(missing_ok=True)
