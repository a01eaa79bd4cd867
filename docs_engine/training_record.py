"""Record how long each example's training took, while sphinx-gallery runs it.

sphinx-gallery calls every image scraper right after each code block of an
example. This "scraper" draws nothing: it notes the time between calls, and
when a block made the example's ``losses`` list grow (the training loop), it
writes that block's duration and the losses to ``<example>.training.json``
beside the executed example. The comparison page reads those files, so that
timing the training needs no second run of anything, and excludes the time
spent importing packages and drawing figures.

The time is the CPU time of the process running the example, not the wall
clock: examples run side by side (the gallery step runs them in parallel),
and CPU time counts only the cycles this example used, whatever ran beside
it. The Makefile gives each example one thread (OMP_NUM_THREADS=1), so CPU
time is also the compute time.
"""

import json
import time
from pathlib import Path

from docs_engine.sphinx_gallery_adapter import block_example, block_globals

# For each example being run: when its previous block ended, and how many
# losses it had recorded by then.
_previous: dict[str, tuple[float, int]] = {}


def record_path(executed_script: Path) -> Path:
    return executed_script.with_suffix(".training.json")


def record_training(block, block_vars: dict, gallery_conf: dict) -> str:
    """An image scraper that writes the training record of the example."""
    now = time.process_time()
    target = str(block_example(block_vars))
    losses = block_globals(block_vars).get("losses", [])
    if target not in _previous:  # the example's first block: forget any earlier run
        record_path(Path(target)).unlink(missing_ok=True)
    started, recorded = _previous.get(target, (now, 0))
    if len(losses) > recorded:
        record = {"seconds": now - started, "losses": [float(loss) for loss in losses]}
        record_path(Path(target)).write_text(json.dumps(record), encoding="utf-8")
    _previous[target] = (time.process_time(), len(losses))
    return ""
