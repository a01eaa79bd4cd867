"""Keep each figure an example draws, so that other languages can draw it again.

conf.py names :func:`record_figures` as the gallery's matplotlib scraper. It
lets sphinx-gallery's own ``matplotlib_scraper`` save every figure as it
always does (the English images are its images, byte for byte), and beside
each image ``sphx_glr_<name>_NNN.png`` it keeps the figure itself, pickled,
in ``sphx_glr_<name>_NNN.pickle``: a record from which a translated build
draws the same figure with translated text
(:mod:`docs_engine.translation.figures`), without running the example again.

A record also holds what drawing it again needs to give the same image: the
``savefig`` options the scraper used and matplotlib's settings (rcParams) at
the time, and the texts the figure shows, so that a build can tell which
messages a figure uses without unpickling it. Records are read only from
the project's own build folder, which the gallery step writes.

An executed gallery made before records existed has images without them:
the gallery step then runs those examples again (:func:`rerun_unrecorded`).
"""

import pickle
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from docs_engine.adapters import gallery_files
from docs_engine.adapters import sphinx_gallery as sg
from docs_engine.example import build_gallery

logger = logging.getLogger(__name__)

RECORD_SUFFIX = ".pickle"
# Bump when what a record holds changes: older records are then not read.
RECORD_FORMAT = 1


def figure_record_path(image: Path) -> Path:
    """Where the record of the figure saved as ``image`` is kept."""
    return Path(image).with_suffix(RECORD_SUFFIX)


def figure_texts_shown(figure) -> list[str]:
    """The non-empty texts of every matplotlib Text artist of a figure."""
    from matplotlib.text import Text

    return [text.get_text() for text in figure.findobj(Text) if text.get_text()]


def _record(figure) -> bytes:
    import matplotlib

    rc_params = {key: value for key, value in matplotlib.rcParams.items() if key != "backend"}
    return pickle.dumps({
        "format": RECORD_FORMAT,
        "texts": figure_texts_shown(figure),
        "savefig": sg.savefig_options(figure, rc_params),
        "rc": rc_params,
        "figure": pickle.dumps(figure),
    })


def record_figures(block, block_vars: dict, gallery_conf: dict) -> str:
    """sphinx-gallery's matplotlib scraper, keeping a record of each figure it saves."""
    import matplotlib.pyplot as plt

    # The scraper closes the figures: record them first, in the order it saves them.
    records = [_record(plt.figure(number)) for number in plt.get_fignums()]
    saved_before = len(sg.block_images(block_vars))
    rst = sg.matplotlib_scraper(block, block_vars, gallery_conf)
    for image, record in zip(sg.block_images(block_vars)[saved_before:], records):
        figure_record_path(Path(image)).write_bytes(record)
    return rst


@dataclass(frozen=True)
class FigureRecord:
    texts: list[str]
    savefig: dict
    rc_params: dict
    pickled_figure: bytes

    def figure(self):
        """A new copy of the recorded figure, which pyplot does not hold."""
        plt = sg.pyplot()  # a pyplot figure comes back with a manager of the current backend
        figure = pickle.loads(self.pickled_figure)
        # A figure pyplot made comes back into pyplot's open figures, where it
        # would stay, and where the next example run in this process would find it.
        plt.close(figure)
        return figure


def read_figure_record(image: Path) -> FigureRecord | None:
    """The record of the figure saved as ``image``, if the gallery step kept one."""
    path = figure_record_path(image)
    if not path.exists():
        return None
    record = pickle.loads(path.read_bytes())
    if record.get("format") != RECORD_FORMAT:
        return None
    return FigureRecord(record["texts"], record["savefig"], record["rc"], record["figure"])


def rerun_unrecorded(app: Sphinx) -> None:
    """Run again the executed examples that have figures without records.

    The gallery step does, before it plans which examples to execute
    (:mod:`docs_engine.execution.shards`).
    """
    if not app.config.docs_engine_gallery_execute:
        return
    for example in build_gallery(app.env).examples:
        if any(read_figure_record(image) is None for image in example.figures):
            logger.info("running %s again: its figures have no records", example.executed.name)
            gallery_files.forget_execution(example.executed)
