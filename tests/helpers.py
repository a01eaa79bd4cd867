"""Reading the built site: pages, logs, downloads."""

import functools
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from bs4 import BeautifulSoup

from docs_engine.training_log import parse_training_log

ROOT = Path(__file__).resolve().parent.parent
# The examples in reading order: their files are numbered across sections.
EXAMPLES = sorted(
    (path.relative_to(ROOT).with_suffix("").as_posix()
     for path in (ROOT / "examples").glob("*/plot_*.py")),
    key=lambda name: int(name.rsplit("/plot_", 1)[1].split("_")[0]),
)
LANGUAGES = ["en", "es"]


def docname(example: str) -> str:
    """``examples/tensors/plot_1_numpy`` is also the page's name."""
    return example


def run_tool(name: str, *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None):
    """Run one of the translators' tools, as the Makefile does, in ``cwd``."""
    return subprocess.run([sys.executable, "-m", f"docs_engine.translators.{name}", *args],
                          cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})})


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_log(page: Path) -> str:
    """The output the page shows under the training code."""
    outputs = soup(page).select("div.sphx-glr-script-out pre")
    assert len(outputs) == 1, f"{page} shows {len(outputs)} outputs, expected the training log"
    return outputs[0].get_text()


def download(page: Path, suffix: str) -> Path:
    """The file the page's download link with this suffix points at."""
    links = [a["href"] for a in soup(page).select("a.download") if a["href"].endswith(suffix)]
    assert links, f"{page} has no {suffix} download"
    path = (page.parent / links[0]).resolve()
    assert path.is_file(), f"{page} links to a missing download {links[0]}"
    return path


@dataclass(frozen=True)
class ScriptRun:
    """What a learner gets from running a downloaded script on its own."""

    stdout: str
    figure_texts: list[list[str]]  # the texts of each figure left open at the end


# Runs a script as `python script.py` does, then writes the texts of its figures.
_RUN_AND_READ_FIGURES = """
import json, runpy, sys
import matplotlib.pyplot as plt
from matplotlib.text import Text
runpy.run_path(sys.argv[1], run_name="__main__")
texts = [[t.get_text() for t in plt.figure(n).findobj(Text) if t.get_text()]
         for n in plt.get_fignums()]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(texts, out)
"""


@functools.cache
def run_script(script: Path, python: Path = Path(sys.executable)) -> ScriptRun:
    """Run a downloaded script headless (once per session: training takes a while),
    with the project's Python or another one (a learner's virtual environment)."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [str(python), "-c", _RUN_AND_READ_FIGURES, str(script), "figures.json"],
            cwd=folder,
            capture_output=True,
            text=True,
            env={"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"},
            check=True,
        )
        texts = json.loads((Path(folder) / "figures.json").read_text(encoding="utf-8"))
    return ScriptRun(result.stdout, texts)


def page_figures(page: Path) -> list[bytes]:
    """The figures the page shows under the code, in order, as their files' bytes."""
    return [(page.parent / image["src"]).resolve().read_bytes()
            for image in soup(page).select("img.sphx-glr-single-img")]


def least_squares_loss() -> float:
    """The smallest sum of squared errors any cubic reaches on the problem."""
    x = np.linspace(-math.pi, math.pi, 2000)
    features = np.stack([np.ones_like(x), x, x**2, x**3], axis=1)
    coefficients, *_ = np.linalg.lstsq(features, np.sin(x), rcond=None)
    return float(np.square(features @ coefficients - np.sin(x)).sum())


def training_log(page: Path):
    return parse_training_log(page_log(page))


# Debian's wamerican and hunspell-es (`make test` installs them).
ENGLISH_DICTIONARY = Path("/usr/share/dict/american-english")
SPANISH_DICTIONARY = "es_ES"
# English words that hunspell's Spanish dictionary accepts too, as forms no
# Spanish text here uses ("more", from morar): the dictionaries alone would
# let them through. Words as common in Spanish as in English ("a", "no",
# "me") are not here.
ENGLISH_ALSO_SPANISH = {"are", "as", "be", "can", "edit", "her", "home", "in", "is", "light",
                        "more", "note", "show", "table", "to", "too", "top"}
# A word, hyphenated or with an apostrophe ("sphinx-lint", "you've").
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def english_words(words: set[str]) -> set[str]:
    """The words of ``words`` that are English, not Spanish.

    A word is English when the English dictionary has it and hunspell's
    Spanish dictionary does not ("Search", "heading", "Language", "Out"), or
    when it is one of ``ENGLISH_ALSO_SPANISH`` ("More", "to", "is").
    """
    english = {word.lower() for word in ENGLISH_DICTIONARY.read_text(encoding="utf-8").split()}
    result = subprocess.run(["hunspell", "-i", "utf-8", "-d", SPANISH_DICTIONARY, "-l"],
                            input="\n".join(sorted(words)), capture_output=True, text=True,
                            check=True)
    not_spanish = set(result.stdout.split())
    return {word for word in words if word.lower() in ENGLISH_ALSO_SPANISH
            or (word in not_spanish and word.lower() in english)}
