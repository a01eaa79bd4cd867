"""The order in which a reader meets the examples: the numbers in their names.

Examples are numbered across the whole series (``plot_1_numpy.py`` ...
``plot_8_dynamic.py``), whatever section they sit in. sphinx-gallery sorts
the sections of the gallery by :class:`SectionOrder` and the examples inside
each by :func:`example_key`: a new example or section takes its place from
its number, with no list to keep up to date.
"""

import math
import re
from dataclasses import dataclass
from pathlib import Path

from docs_engine.adapters.gallery_files import EXAMPLE_PATTERN

EXAMPLE_NUMBER = re.compile(r"plot_(\d+)")


def example_key(filename: str) -> tuple[float, str]:
    """Sort key of an example file: its number, then its name."""
    name = Path(filename).name
    match = EXAMPLE_NUMBER.match(name)
    return (int(match[1]) if match else math.inf, name)


@dataclass(frozen=True)
class SectionOrder:
    """Sort key of a gallery section (a folder): its first example's number.

    sphinx-gallery names a section relative to the Sphinx source folder,
    ``source_dir``: the gallery step sets this key, for its source folder, in
    ``sphinx_gallery_conf`` (:func:`docs_engine.execution.gallery.gallery_folders`).
    Equal for the same folder, so that Sphinx sees the configuration unchanged.
    """

    source_dir: Path

    def __call__(self, section: str) -> tuple[float, str]:
        folder = self.source_dir / section
        numbers = [example_key(p.name)[0] for p in folder.glob(EXAMPLE_PATTERN)]
        return (min(numbers, default=math.inf), folder.name)
