"""The order in which a reader meets the examples: the numbers in their names.

Examples are numbered across the whole series (``plot_1_numpy.py`` ...
``plot_8_dynamic.py``), whatever section they sit in. sphinx-gallery takes
these two functions (named in conf.py as dotted strings) to sort the
sections of the gallery and the examples inside each: a new example or
section takes its place from its number, with no list to keep up to date.
"""

import math
import re
from pathlib import Path

EXAMPLE_NUMBER = re.compile(r"plot_(\d+)")


def example_key(filename: str) -> tuple[float, str]:
    """Sort key of an example file: its number, then its name."""
    name = Path(filename).name
    match = EXAMPLE_NUMBER.match(name)
    return (int(match[1]) if match else math.inf, name)


# sphinx-gallery names a section relative to the Sphinx source folder, which
# the gallery step records here when the build starts.
source_dir = Path.cwd()


def section_key(section: str) -> tuple[float, str]:
    """Sort key of a gallery section (a folder): its first example's number."""
    folder = source_dir / section
    numbers = [example_key(p.name)[0] for p in folder.glob("plot_*.py")]
    return (min(numbers, default=math.inf), folder.name)
