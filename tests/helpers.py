"""Reading the built site: pages, logs, downloads."""

import math
import os
import subprocess
import sys
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


def run_script(script: Path, cwd: Path) -> str:
    """What a learner sees when running the downloaded script on its own."""
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"},
        check=True,
    )
    return result.stdout


def least_squares_loss() -> float:
    """The smallest sum of squared errors any cubic reaches on the problem."""
    x = np.linspace(-math.pi, math.pi, 2000)
    features = np.stack([np.ones_like(x), x, x**2, x**3], axis=1)
    coefficients, *_ = np.linalg.lstsq(features, np.sin(x), rcond=None)
    return float(np.square(features @ coefficients - np.sin(x)).sum())


def training_log(page: Path):
    return parse_training_log(page_log(page))
