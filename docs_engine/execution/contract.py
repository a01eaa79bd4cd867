"""What every example promises the site, and the check that it kept its word.

The comparison page, the tests and the translated downloads rely on each
example script doing four things:

1. print one training log, in one code block: a ``t loss`` line every few
   iterations, from iteration 0 or later, then one ``Result: y = ...`` line
   (:mod:`docs_engine.execution.training_log` owns that format);
2. append every iteration's loss to a global list named ``losses``, in that
   same block (:mod:`docs_engine.execution.training_record` times the block that made
   ``losses`` grow);
3. have as many losses as iterations: the last printed ``t`` is the last
   iteration, so ``len(losses) == t + 1``;
4. print, at each logged iteration ``t``, the loss it recorded as
   ``losses[t]``.

:func:`example_results` reads an executed example's results (through
:mod:`docs_engine.adapters.sphinx_gallery`, which knows how sphinx-gallery
wrote them) and raises :class:`ContractError` naming the example, what is
wrong and how to fix it. The gallery step checks every example this way
right after executing it.
"""

import json
import math
from dataclasses import dataclass
from pathlib import Path

from sphinx.errors import ExtensionError

from docs_engine.adapters.sphinx_gallery import printed_outputs
from docs_engine.execution.training_log import LogFormatError, TrainingLog, parse_training_log
from docs_engine.execution.training_record import training_record_path


class ContractError(ExtensionError):
    """An executed example that does not give the site what it needs."""

    category = "Example contract error"


@dataclass(frozen=True)
class ExampleResults:
    log: TrainingLog  # what the example printed
    losses: list[float]  # every iteration's loss
    seconds: float  # CPU time of the training block

    @property
    def seconds_per_iteration(self) -> float:
        return self.seconds / len(self.losses)


FIX = {
    "log": "print `t, loss` every few iterations and then one `Result: y = ...` line,"
           " in the training block, and nothing else",
    "losses": "append each iteration's loss (a float) to a global list named `losses`"
              " inside the training loop",
}


def example_results(executed_script: Path, name: str | None = None) -> ExampleResults:
    """The results of an executed example; ContractError if it broke the contract."""
    name = name or executed_script.name

    def broken(problem: str, fix: str) -> ContractError:
        return ContractError(f"example {name} breaks the site's contract: {problem}; {fix}"
                             " (see docs_engine/execution/contract.py)")

    outputs = printed_outputs(executed_script.with_suffix(".rst"))
    if len(outputs) != 1:
        raise broken(f"it printed in {len(outputs)} code blocks, expected one log", FIX["log"])
    try:
        log = parse_training_log(outputs[0])
    except LogFormatError as error:
        raise broken(f"its log cannot be read ({error})", FIX["log"]) from error
    record = training_record_path(executed_script)
    if not record.exists():
        raise broken("no code block made a global list `losses` grow", FIX["losses"])
    data = json.loads(record.read_text(encoding="utf-8"))
    losses = data["losses"]
    if len(losses) != log.total_iterations:
        raise broken(f"`losses` has {len(losses)} values for {log.total_iterations} iterations"
                     f" (the log ends at t = {log.iterations[-1]})", FIX["losses"])
    for iteration, printed in zip(log.iterations, log.losses):
        recorded = losses[iteration]
        if not (math.isclose(recorded, printed, rel_tol=1e-6) or
                (math.isnan(recorded) and math.isnan(printed))):
            raise broken(f"it printed {printed} at t = {iteration} but recorded {recorded}",
                         "print the same loss you append to `losses`")
    return ExampleResults(log, losses, data["seconds"])
