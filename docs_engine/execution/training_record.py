"""Record each example's training, and what ran it, while sphinx-gallery runs it.

sphinx-gallery calls every image scraper right after each code block of an
example. This "scraper" draws nothing: it notes the time between calls, and
when a block made the example's ``losses`` list grow (the training loop), it
writes that block's duration and the losses to ``<example>.training.json``
beside the executed example. The comparison page reads those files, so that
timing the training needs no second run of anything, and excludes the time
spent importing packages and drawing figures. The record also holds what
executed the example (:mod:`docs_engine.execution.environment`: Python's and the imported
packages' versions, PyTorch's threads, the processor), read in the process
that ran it: the pages say it, and the gallery step executes the example
again when the installed versions change (:func:`read_environment`).

The time is the CPU time of the process running the example, not the wall
clock: examples run side by side (the gallery step runs them in parallel),
and CPU time counts only the cycles this example used, whatever ran beside
it. The Makefile gives each example one thread (OMP_NUM_THREADS=1), so CPU
time is also the compute time.
"""

import json
import time
from collections.abc import Iterable
from pathlib import Path

from docs_engine.execution.environment import ExecutionEnvironment, current
from docs_engine.execution.learner_requirements import imported_packages, installed_versions
from docs_engine.adapters.sphinx_gallery import block_example, block_globals, execution_state


def training_record_path(executed_script: Path) -> Path:
    return executed_script.with_suffix(".training.json")


def record_training(block, block_vars: dict, gallery_conf: dict) -> str:
    """An image scraper that writes the training record of the example."""
    now = time.process_time()
    target = block_example(block_vars)
    losses = block_globals(block_vars).get("losses", [])
    # When this execution's previous block ended, and how many losses it had
    # recorded by then; empty at its first block.
    state = execution_state(block_vars, "training_record")
    if not state:  # the example's first block: forget any earlier run
        training_record_path(target).unlink(missing_ok=True)
    started, recorded = state.get("block_ended", now), state.get("losses", 0)
    if len(losses) > recorded:
        environment = current(imported_packages(target), installed_versions(target))
        record = {"seconds": now - started, "losses": [float(loss) for loss in losses],
                  "environment": environment.to_json()}
        training_record_path(target).write_text(json.dumps(record), encoding="utf-8")
    state.update(block_ended=time.process_time(), losses=len(losses))
    return ""


def read_environment(executed_script: Path) -> ExecutionEnvironment | None:
    """What executed the example, as its record says; None without a record
    (never executed, or recorded before records held it)."""
    try:
        data = json.loads(training_record_path(executed_script).read_text(encoding="utf-8"))
        return ExecutionEnvironment.from_json(data["environment"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def recorded_machines(executed_scripts: Iterable[Path]) -> list[str]:
    """The machines that made the logs of ``executed_scripts``, each once."""
    return list(dict.fromkeys(environment.machine for script in executed_scripts
                              if (environment := read_environment(script))))
