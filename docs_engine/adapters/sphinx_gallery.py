"""The one place that knows sphinx-gallery's internals and output formats.

Every other module of docs_engine goes through this one for anything it
needs from sphinx-gallery beyond its documented configuration, so that an
upgrade has one file to check. What is assumed here, for the versions in
:data:`KNOWN_VERSIONS`:

- functions imported from its modules: ``extract_intro_and_title``
  (``gen_rst``), ``jupyter_notebook`` (``notebook``),
  ``split_code_and_text_blocks``, ``remove_ignore_blocks`` and
  ``remove_config_comments`` (``py_source_parser``, applied to the code
  blocks in that order, as ``gen_rst`` does: :func:`shown_code_blocks`), ``scale_image``
  (``utils``), the ``imgsgnode`` node (``directives``), the public
  ``matplotlib_scraper`` (``scrapers``); that ``gen_gallery``'s
  ``builder-inited`` handler (``generate_gallery_rst``) reads
  ``ignore_pattern`` and ``download_all_examples`` when it runs
  (:func:`skip_examples`) and records the examples that failed in
  ``failing_examples`` (:func:`failed_examples`);
- the scraper's ``block_vars``: ``target_file``, ``example_globals`` and
  ``image_path_iterator`` (whose ``paths`` lists the images written so far),
  one dict for every block of one execution of an example, new for the next
  (:func:`execution_state`);
- how ``matplotlib_scraper`` saves a figure (:func:`savefig_options`) and
  how the thumbnail is made: figure ``sphinx_gallery_thumbnail_number``
  (default 1, negative counts from the last), scaled by ``scale_image`` to
  ``thumbnail_size`` (:func:`thumbnail_figure`);
- how it decides to execute an example again: the text-mode md5 of the
  source against ``<gallery copy>.md5`` (so it runs again when that file is
  gone); and its ``ignore_pattern``, a
  regular expression searched in each example's file name (file names are
  unique across a gallery);
- the event priorities of its handlers: it fills its configuration's
  defaults at ``config-inited`` priority 10 and generates the gallery at
  ``builder-inited`` priority 500;
- that ``gen_gallery`` imports matplotlib whenever it fills its defaults,
  and that its documented ``sphinx_gallery.load_style`` extension registers
  the ``image-sg`` directive and the stylesheet, all a build that executes
  nothing needs (:func:`setup_reading`), with ``DEFAULT_GALLERY_CONF`` for
  the values our modules read (``thumbnail_size``, the notebook's);
- the files it writes for each example, and their names, are
  :mod:`docs_engine.adapters.gallery_files`' (which needs no package, for
  the code that only names them); ``<name>.cost.json`` holds the seconds
  the last execution took in ``time``; the reST it writes for an executed
  example holds each printed output as an
  ``sphx-glr-script-out`` block (:func:`executed_blocks` reads them), each
  figure as an ``image-sg`` directive whose path starts at the source folder
  (:func:`image_file`);
- the notebook it writes for an example: one code cell per code block of
  the script, in order, between the optional cells its configuration's
  ``first_notebook_cell`` and ``last_notebook_cell`` add
  (:func:`example_code_cells`);
- the zips it writes: each file in one is named by its path from the zip's
  own folder (:func:`zip_sources`);
- the CSS classes of its chrome (:data:`CSS`), and the reST of a gallery
  index: each thumbnail's image followed by a paragraph that links its
  example, ``:doc:`/<page>``` (:func:`thumbnail_links`,
  :func:`thumbnail_image`), inside an ``only:: html`` directive between two
  ``raw:: html`` blocks, the container that opens with the example's first
  paragraph as its ``tooltip`` and the title that closes it
  (:func:`thumbnail_frame`, :func:`thumbnail_frame_html`).

:func:`check_version` runs when the build starts and stops it, naming this
file, when the installed sphinx-gallery is not a version listed here.
"""

import json
import re
import zipfile
from dataclasses import dataclass, field
from html import escape
from importlib.metadata import version
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ExtensionError

from docs_engine.adapters import gallery_files

# Versions whose internals and output were checked against this module.
KNOWN_VERSIONS = {"0.22.1"}

# Priorities of sphinx-gallery's own handlers, for ours to run around them.
FILLS_DEFAULTS_AT = 10  # config-inited
GENERATES_GALLERY_AT = 500  # builder-inited (Sphinx's default priority)

# CSS classes of the text sphinx-gallery writes around an example.
CSS = {
    "output": "sphx-glr-script-out",
    "timing": "sphx-glr-timing",
    "note": "sphx-glr-download-link-note",
    "download": "sphx-glr-download-{kind}",  # python, jupyter, zip
    "gallery footer": "sphx-glr-footer-gallery",
    "example footer": "sphx-glr-footer-example",
    "thumbnail": "sphx-glr-thumb",
}


def check_version() -> None:
    installed = version("sphinx-gallery")
    if installed not in KNOWN_VERSIONS:
        raise ExtensionError(
            f"sphinx-gallery {installed} is installed, but docs_engine knows only"
            f" {', '.join(sorted(KNOWN_VERSIONS))}: check the assumptions listed in"
            f" {__file__} against the new version (its changelog, and a build of"
            " the site), then add it to KNOWN_VERSIONS, or pin the known version"
            " in requirements.txt"
        )


check_version()  # before importing its internals, which may have moved

from sphinx_gallery import gen_gallery  # noqa: E402
from sphinx_gallery.directives import imgsgnode as GalleryImageNode  # noqa: E402
from sphinx_gallery.gen_rst import extract_intro_and_title  # noqa: E402
from sphinx_gallery.notebook import jupyter_notebook  # noqa: E402
from sphinx_gallery.py_source_parser import (remove_config_comments, remove_ignore_blocks,  # noqa: E402
                                              split_code_and_text_blocks)
from sphinx_gallery.scrapers import matplotlib_scraper  # noqa: E402
from sphinx_gallery.utils import get_md5sum, scale_image  # noqa: E402

__all__ = ["GalleryImageNode", "extract_intro_and_title", "jupyter_notebook",
           "split_code_and_text_blocks", "matplotlib_scraper", "scale_image"]


# -- Loading it ----------------------------------------------------------------

def setup_reading(app) -> None:
    """What a build that executes no example needs of sphinx-gallery, without
    ``gen_gallery``, which imports matplotlib whenever it starts (a second of
    each language build, which draws only when a translation changed).

    The executed pages need only the ``image-sg`` directive and the
    stylesheet: sphinx-gallery's ``load_style`` extension, made for this.
    ``sphinx_gallery_conf`` is declared here as ``gen_gallery`` declares it,
    and completed with its defaults once conf.py is read (:func:`fill_reading_defaults`,
    at ``config-inited``, :data:`FILLS_DEFAULTS_AT`).
    """
    app.setup_extension("sphinx_gallery.load_style")
    app.add_config_value("sphinx_gallery_conf", {}, "html", types=[dict])


def fill_reading_defaults(app, config) -> None:
    """conf.py's ``sphinx_gallery_conf`` completed with sphinx-gallery's defaults."""
    config.sphinx_gallery_conf = {**gen_gallery.DEFAULT_GALLERY_CONF, **config.sphinx_gallery_conf}


def pyplot():
    """matplotlib's pyplot, on the Agg backend, which sphinx-gallery draws with too."""
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot

    return matplotlib.pyplot


# -- What the scrapers see ----------------------------------------------------

def block_example(block_vars: dict) -> Path:
    """The executed copy of the example a block belongs to."""
    return Path(block_vars["target_file"])


def block_globals(block_vars: dict) -> dict:
    """The example's global variables after the block ran."""
    return block_vars["example_globals"]


def execution_state(block_vars: dict, owner: str) -> dict:
    """A dict of ``owner``'s that lasts one execution of the example: the blocks of an
    execution share ``block_vars``, and the next execution (the next build, in this
    process or another) starts with new ones, so nothing outlives the run."""
    return block_vars.setdefault(f"docs_engine.{owner}", {})


def block_images(block_vars: dict) -> list[str]:
    """The images written for the example so far (every block's), in order."""
    return list(block_vars["image_path_iterator"].paths)


# -- Which examples it executes ------------------------------------------------

def needs_execution(source: Path, gallery_copy: Path) -> bool:
    """Whether sphinx-gallery will execute the example (its source changed)."""
    checksum = gallery_files.output(gallery_copy, gallery_files.CHECKSUM)
    return not checksum.exists() or checksum.read_text() != get_md5sum(source, mode="t")


def last_running_time(gallery_copy: Path, unknown: float | None = 1.0) -> float | None:
    """How many seconds the example took the last time it ran (``unknown`` if never)."""
    cost = gallery_files.output(gallery_copy, gallery_files.COST)
    return json.loads(cost.read_text())["time"] if cost.exists() else unknown


def ignore_pattern(default: str, ignored: list[str]) -> str:
    """sphinx-gallery's ``ignore_pattern`` that also skips these examples
    (paths relative to the examples folder)."""
    if not ignored:
        return default
    names = "|".join(re.escape(Path(name).name) for name in ignored)
    return f"{default}|^(?:{names})$"


def skip_examples(gallery_conf: dict, ignored: list[str]) -> None:
    """Make sphinx-gallery's run leave out ``ignored`` (paths relative to the examples
    folder), as if they were not there: the run of one shard. The gallery-wide zips
    are left to the whole gallery's run."""
    gallery_conf["ignore_pattern"] = ignore_pattern(gallery_conf["ignore_pattern"], ignored)
    gallery_conf["download_all_examples"] = False


def failed_examples(gallery_conf: dict) -> list[Path]:
    """The source files of the examples that raised in this run (absolute)."""
    return [Path(source).resolve() for source in gallery_conf["failing_examples"]]


# -- What sphinx-gallery wrote (its file names: gallery_files) -----------------

def thumbnail_figure(script: Path, figures: int) -> int | None:
    """The number of the figure the example's thumbnail is made from.

    ``None`` when the example names an image file of its own instead.
    """
    file_conf, _ = split_code_and_text_blocks(script)
    number = file_conf.get("thumbnail_number")
    if number is None and file_conf.get("thumbnail_path") is not None:
        return None
    number = 1 if number is None else number
    return number + figures + 1 if number < 0 else number


def thumbnail_size(gallery_conf: dict) -> tuple[int, int]:
    """The box a thumbnail is scaled into (width, height), in pixels."""
    return tuple(gallery_conf["thumbnail_size"])


def savefig_options(figure, rc_params) -> dict:
    """The ``savefig`` arguments ``matplotlib_scraper`` gives this figure.

    It keeps a figure's face and edge colours when they are not the
    defaults of ``rc_params`` (``savefig`` would otherwise use those).
    """
    from matplotlib.colors import to_rgba

    options = {}
    for attr in ("facecolor", "edgecolor"):
        value = getattr(figure, f"get_{attr}")()
        if to_rgba(value) != to_rgba(rc_params[f"figure.{attr}"]):
            options[attr] = value
    return options


@dataclass
class ExecutedBlock:
    """One code block of an executed example, and what running it produced."""

    code: str
    output: str | None = None  # the text it printed, if any
    images: list[str] = field(default_factory=list)  # figures, as docnames' paths


_CODE_BLOCK = re.compile(r"^\.\. code-block:: Python\n\n((?:    .*\n|\n)+)", re.M)
_OUTPUT_BLOCK = re.compile(
    r"^\.\. rst-class:: sphx-glr-script-out\n\n \.\. code-block:: none\n\n((?:    .*\n|\n)+)",
    re.M,
)
_IMAGE = re.compile(r"^\s*\.\. image-sg:: (\S+)$", re.M)


def _dedent(text: str) -> str:
    """A block's text without its indent and the blank lines around it."""
    return "\n".join(line[4:] for line in text.strip("\n").splitlines()) + "\n"


def executed_blocks(executed_rst: Path) -> list[ExecutedBlock]:
    """The code blocks of an executed example's page, with their output and figures.

    sphinx-gallery writes each code block, then the figures and the printed
    text it produced, before the next text or code block; except for a
    script that is one code block, whose output it writes before the code.
    """
    text = executed_rst.read_text(encoding="utf-8")
    blocks: list[ExecutedBlock] = []
    events = sorted(
        [(m.start(), "code", _dedent(m[1])) for m in _CODE_BLOCK.finditer(text)]
        + [(m.start(), "output", _dedent(m[1])) for m in _OUTPUT_BLOCK.finditer(text)]
        + [(m.start(), "image", m[1]) for m in _IMAGE.finditer(text)]
    )
    before_code = ExecutedBlock(code="")  # what a one-block script produced
    for _, kind, value in events:
        if kind == "code":
            blocks.append(ExecutedBlock(code=value))
            continue
        block = blocks[-1] if blocks else before_code
        if kind == "output":
            block.output = value
        else:
            block.images.append(value)
    if blocks and (before_code.output or before_code.images):
        blocks[0].output, blocks[0].images = before_code.output, before_code.images
    return blocks


def shown_code_blocks(script: Path, gallery_conf: dict) -> list[str]:
    """The code blocks of a script as sphinx-gallery shows them on its page.

    Its ignore blocks and, if the gallery removes them, its configuration
    comments are left out, as ``gen_rst`` leaves them out.
    """
    _, blocks = split_code_and_text_blocks(script)
    shown = []
    for kind, code, _ in blocks:
        if kind == "code":
            code = remove_ignore_blocks(code)
            shown.append(remove_config_comments(code) if gallery_conf["remove_config_comments"] else code)
    return shown


def image_file(source_folder: Path, image: str) -> Path:
    """The file of a figure an :class:`ExecutedBlock` names."""
    return Path(source_folder) / image.lstrip("/")


def printed_outputs(executed_rst: Path) -> list[str]:
    """Everything the example printed, one text per code block that printed."""
    return [block.output for block in executed_blocks(executed_rst) if block.output]


def example_code_cells(notebook: dict, gallery_conf: dict) -> list[dict]:
    """The code cells of a notebook made from the script's code blocks, in order."""
    cells = notebook["cells"]
    first = 1 if gallery_conf.get("first_notebook_cell") is not None else 0
    last = len(cells) - (1 if gallery_conf.get("last_notebook_cell") is not None else 0)
    return [cell for cell in cells[first:last] if cell["cell_type"] == "code"]


def zip_sources(archive: Path) -> dict[str, Path]:
    """Each file a gallery zip holds, by name, and the file beside it it came from.

    Files the zip holds that have no such file (ones added after
    sphinx-gallery wrote it) are left out.
    """
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
    return {name: archive.parent / name for name in names if (archive.parent / name).is_file()}


# -- Thumbnails on a gallery index ---------------------------------------------

# The reST link sphinx-gallery writes under each thumbnail: :doc:`/<example page>`.
THUMBNAIL_LINK = re.compile(r":doc:`[^`<>]+`")


def thumbnail_links(document: nodes.document) -> list[nodes.paragraph]:
    """The paragraphs that link a gallery index's thumbnails to their examples."""
    return [paragraph for paragraph in document.findall(nodes.paragraph)
            if THUMBNAIL_LINK.fullmatch(paragraph.rawsource)]


def thumbnail_image(link: nodes.paragraph) -> tuple[nodes.image, str] | None:
    """The thumbnail's image and its example's page (``/``-rooted docname), for the
    paragraph of its link: sphinx-gallery writes the image right before it (the
    first of its renditions, when a node holds them: the light one, whose alt
    text they all show; docs_engine.pages.figure_renditions)."""
    siblings = link.parent.children
    position = siblings.index(link)
    image = siblings[position - 1] if position else None
    if isinstance(image, nodes.Element) and not isinstance(image, nodes.image):
        image = next(image.findall(nodes.image), None)
    reference = next(link.findall(addnodes.pending_xref), None)
    if isinstance(image, nodes.image) and reference is not None:
        return image, reference["reftarget"]
    return None


# The raw HTML sphinx-gallery writes around a thumbnail (its THUMBNAIL_TEMPLATE),
# for an example without tags.
THUMBNAIL_OPENING = '<div class="sphx-glr-thumbcontainer" tooltip="{intro}">'
THUMBNAIL_CLOSING = '  <div class="sphx-glr-thumbnail-title">{title}</div>\n</div>'


def thumbnail_frame(link: nodes.paragraph) -> tuple[nodes.raw, nodes.raw] | None:
    """The raw HTML nodes that open and close a thumbnail's container, for the
    paragraph of its link: right before and after the ``only`` node that holds it."""
    only = link.parent
    if not isinstance(only, addnodes.only) or only.parent is None:
        return None
    siblings = only.parent.children
    position = siblings.index(only)
    around = siblings[position - 1:position + 2:2] if position else []
    if len(around) == 2 and all(isinstance(node, nodes.raw) for node in around) \
            and CSS["thumbnail"] in around[0].astext():
        return around[0], around[1]
    return None


def thumbnail_frame_html(intro: str, title: str) -> tuple[str, str]:
    """The opening and closing HTML of a thumbnail's container, for this intro and title."""
    return (THUMBNAIL_OPENING.format(intro=escape(intro)),
            THUMBNAIL_CLOSING.format(title=escape(title, quote=False)))
