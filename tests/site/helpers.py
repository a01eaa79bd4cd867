"""Reading the built site: pages, logs, downloads."""

import functools
import http.server
import json
import math
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from bs4 import BeautifulSoup

from docs_engine.execution.environment import ExecutionEnvironment
from docs_engine.execution.training_log import parse_training_log
from docs_engine.execution.training_record import read_environment
# The project's root and its tools, shared with the other layers.
from tests.helpers import ROOT, run_tool  # noqa: F401

# The examples in reading order: their files are numbered across sections.
EXAMPLES = sorted(
    (path.relative_to(ROOT).with_suffix("").as_posix()
     for path in (ROOT / "examples").glob("*/plot_*.py")),
    key=lambda name: int(name.rsplit("/plot_", 1)[1].split("_")[0]),
)
LANGUAGES = ["en", "es"]
NOT_FOUND_PAGE = "404.html"


def docname(example: str) -> str:
    """``examples/tensors/plot_1_numpy`` is also the page's name."""
    return example


def html_pages(folder: Path) -> set[str]:
    """The pages of a built language, by their path in its folder."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.html")
            if not p.relative_to(folder).parts[0].startswith("_")}


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
# With "default threads", the script's own torch.set_num_threads() does
# nothing: PyTorch keeps the machine's default, as for a learner who leaves
# that line out.
_RUN_AND_READ_FIGURES = """
import json, runpy, sys
import matplotlib.pyplot as plt
from matplotlib.text import Text
if sys.argv[3] == "default threads":
    import torch
    torch.set_num_threads = lambda threads: None
runpy.run_path(sys.argv[1], run_name="__main__")
texts = [[t.get_text() for t in plt.figure(n).findobj(Text) if t.get_text()]
         for n in plt.get_fignums()]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(texts, out)
"""
# What a learner's shell has, before any variable the build set.
_LEARNER_ENVIRONMENT = {"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"}


@functools.cache
def run_script(script: Path, python: Path = Path(sys.executable),
               variables: tuple[tuple[str, str], ...] = (),
               default_threads: bool = False) -> ScriptRun:
    """Run a downloaded script headless (once per session: training takes a while),
    with the project's Python or another one (a learner's virtual environment),
    and the environment ``variables`` on top of a learner's shell; with
    ``default_threads``, PyTorch on the machine's default number of threads."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [str(python), "-c", _RUN_AND_READ_FIGURES, str(script), "figures.json",
             "default threads" if default_threads else "as written"],
            cwd=folder,
            capture_output=True,
            text=True,
            env={**_LEARNER_ENVIRONMENT, **dict(variables)},
            check=True,
        )
        texts = json.loads((Path(folder) / "figures.json").read_text(encoding="utf-8"))
    return ScriptRun(result.stdout, texts)


def execution_record(gallery: Path, example: str) -> ExecutionEnvironment:
    """What executed ``example`` in the build whose executed gallery is ``gallery``."""
    environment = read_environment(gallery / f"{example.removeprefix('examples/')}.py")
    assert environment is not None, f"the build kept no record of what executed {example}"
    return environment


def run_as_built(gallery: Path, example: str, script: Path,
                 python: Path = Path(sys.executable)) -> ScriptRun:
    """Run ``script`` (a download of ``example``) the way the build executed the example:
    with the environment variables that set the threads and kernels of its
    libraries as its record names them (the Makefile's OMP_NUM_THREADS=1,
    and any the machine sets), so that it adds numbers in the build's order
    whatever the processor and its number of cores."""
    return run_script(script, python, execution_record(gallery, example).variables)


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
class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """A static host: files as they are, ``not_found`` (if any) for a missing path."""

    not_found: Path | None = None

    def send_error(self, code, message=None, explain=None):
        if code != 404 or self.not_found is None:
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that leaves a page (a redirect) drops its requests: not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path, not_found: Path | None = None) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 as a static host would; yield its address.

    With ``not_found``, a missing path gets that page, as GitHub Pages serves
    the site's ``404.html``.
    """
    handler = type("Host", (_StaticHost,), {"not_found": not_found})
    httpd = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
