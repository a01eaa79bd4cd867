"""What made an example's log: the versions, PyTorch's threads and the processor.

The numbers an example prints depend on the order in which its sums are
added, and that order depends on the versions of the packages it imports, on
how many threads PyTorch splits a sum over, and on the processor (the vector
instructions PyTorch and its linear algebra library choose for it). The
examples run PyTorch on one thread themselves (``torch.set_num_threads(1)``),
so that a learner's computer adds in the build's order whatever its number of
cores; everything else that made a log is recorded while the example runs
(:mod:`docs_engine.execution.training_record` stores :func:`current` in the example's record) and
said wherever a learner meets the log: the "Run it yourself" box
(:mod:`docs_engine.pages.run_it_yourself`), the notebook's first cell (:mod:`docs_engine.execution.notebook_outputs`)
and the ``requirements.txt`` of every zip (:mod:`docs_engine.execution.learner_requirements`), in
the reader's language (:func:`describe`); the box and the notebook also say how
to run a PyTorch example on Colab's GPU.

The gallery step executes an example again when Python's version or the
installed versions of what it imports are no longer the recorded ones
(:func:`is_current`): a log never outlives what made it.
"""

import os
import platform
import sys
from collections.abc import Callable, Collection, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.lists import format_list

from docs_engine import numbers

# Environment variables that change how the examples' libraries add numbers:
# their thread counts, and the vector instructions they may choose.
ARITHMETIC_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                        "OPENBLAS_CORETYPE", "ATEN_CPU_CAPABILITY", "MKL_CBWR")
# How far a run in another order ends from the recorded final loss, at most:
# what the learner is promised, and what the tests hold every example to.
FINAL_LOSS_TOLERANCE = 0.01

# What a learner reads about the log (messages of the extensions' catalog).
MESSAGES = {
    "made": "The log and figures of this example were made with {software}, on this"
            " processor: {processor}.",
    "made one thread": "The log and figures of this example were made with {software}, PyTorch"
                       " running on one thread, on this processor: {processor}.",
    "made threads": "The log and figures of this example were made with {software}, PyTorch"
                    " running on {threads} threads, on this processor: {processor}.",
    "same digits": "With these versions, on the same kind of processor, the example prints the"
                   " same log digit for digit.",
    "one thread": "It runs PyTorch on one thread (``torch.set_num_threads(1)``), so the number"
                  " of cores does not change the order in which it adds numbers.",
    "other order": "With other versions, on another processor, on a GPU or on more threads,"
                   " the numbers are added in another order: the log differs in its last"
                   " digits, and coefficients near zero may differ entirely, but the final loss"
                   " stays within {tolerance} of the recorded one, near the least-squares"
                   " optimum.",
    # Last: a notebook opened in Colab, which has PyTorch installed, runs as it is.
    "gpu": "In Google Colab, PyTorch is installed already: run the notebook as it is. To run"
           " it on a GPU, choose Runtime > Change runtime type, pick a GPU, and write"
           " ``\"cuda\"`` in the example's ``device`` line.",
    "each page": "The page of each example says which versions and processor made its log,"
                 " and how to get the same digits.",
}


@dataclass(frozen=True)
class ExecutionEnvironment:
    """What executed an example, as its record holds it."""

    python: str  # Python's full version
    packages: tuple[tuple[str, str], ...]  # (distribution, installed version), by name
    threads: int | None  # PyTorch's threads, when the example imports it
    architecture: str  # "x86_64", "arm64", ...
    processor: str  # its model name
    vector_instructions: str | None  # the kernels PyTorch chose ("AVX512"), when imported
    variables: tuple[tuple[str, str], ...]  # the ARITHMETIC_VARIABLES that were set

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "ExecutionEnvironment":
        return cls(**{**data, "packages": tuple(map(tuple, data["packages"])),
                      "variables": tuple(map(tuple, data["variables"]))})

    @property
    def machine(self) -> str:
        """The processor, its architecture and PyTorch's vector instructions."""
        details = ", ".join(filter(None, [self.architecture, self.vector_instructions]))
        return f"{self.processor} ({details})"


def processor_name() -> str:
    """The processor's model name, as the operating system gives it."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition(":")
            if name.strip() == "model name" and value.strip():
                return value.strip()
    except OSError:  # not Linux
        pass
    return platform.processor() or "unknown"


def current(imports: Collection[str], versions: dict[str, str]) -> ExecutionEnvironment:
    """The environment executing an example now, in the process that runs it: the
    example imports the top-level packages ``imports``, installed at ``versions``."""
    torch = sys.modules.get("torch") if "torch" in imports else None
    return ExecutionEnvironment(
        python=platform.python_version(),
        packages=tuple(sorted(versions.items())),
        threads=torch.get_num_threads() if torch else None,
        architecture=platform.machine(),
        processor=processor_name(),
        vector_instructions=torch.backends.cpu.get_cpu_capability() if torch else None,
        variables=tuple((name, os.environ[name]) for name in ARITHMETIC_VARIABLES
                        if name in os.environ),
    )


def is_current(recorded: ExecutionEnvironment | None, versions: dict[str, str]) -> bool:
    """Whether a log made in ``recorded`` is the one its example prints with Python and
    the packages it imports (installed at ``versions``) as they are now. The
    processor is left out: the record says which one made the log."""
    return (recorded is not None and recorded.python == platform.python_version()
            and dict(recorded.packages) == versions)


def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language or "en")
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def either(items: Iterable[str], language: str) -> str:
    """``items``, each once, as the language lists alternatives ("a, b, or c")."""
    return format_list(list(dict.fromkeys(items)), style="or", locale=_locale(language))


def tolerance(language: str) -> str:
    """:data:`FINAL_LOSS_TOLERANCE` as the language writes a percentage."""
    return numbers.percent(FINAL_LOSS_TOLERANCE, language)


def describe(environment: ExecutionEnvironment, gettext: Callable[[str], str],
             language: str) -> list[str]:
    """What made an example's log and what reproduces it, in ``gettext``'s
    language: one paragraph each, ``literals`` marked as inline code."""
    # Names and versions are shown as code: they are the same in every language.
    software = format_list([f"``Python {environment.python}``",
                            *(f"``{name} {version}``" for name, version in environment.packages)],
                           locale=_locale(language))
    made = ("made" if environment.threads is None
            else "made one thread" if environment.threads == 1 else "made threads")
    paragraphs = [
        gettext(MESSAGES[made]).format(software=software, processor=f"``{environment.machine}``",
                                       threads=environment.threads),
        gettext(MESSAGES["same digits"]),
    ]
    if environment.threads == 1:
        paragraphs.append(gettext(MESSAGES["one thread"]))
    paragraphs.append(gettext(MESSAGES["other order"]).format(tolerance=tolerance(language)))
    if "torch" in dict(environment.packages):
        paragraphs.append(gettext(MESSAGES["gpu"]))
    return paragraphs
