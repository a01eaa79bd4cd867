"""Record how long each example's training took, while sphinx-gallery runs it.

sphinx-gallery calls every image scraper right after each code block of an
example. This "scraper" draws nothing: it notes the time between calls, and
when a block made the example's ``losses`` list grow (the training loop), it
writes that block's duration and the losses to ``<example>.training.json``
beside the executed example. The comparison page reads those files, so that
timing the training needs no second run of anything, and excludes the time
spent importing packages and drawing figures.
"""

import json
import time
from pathlib import Path

# For each example being run: when its previous block ended, and how many
# losses it had recorded by then.
_previous: dict[str, tuple[float, int]] = {}


def record_path(executed_script: Path) -> Path:
    return executed_script.with_suffix(".training.json")


def record_training(block, block_vars: dict, gallery_conf: dict) -> str:
    """An image scraper that writes the training record of the example."""
    now = time.perf_counter()
    target = block_vars["target_file"]
    losses = block_vars["example_globals"].get("losses", [])
    started, recorded = _previous.get(target, (now, 0))
    if len(losses) > recorded:
        record = {"seconds": now - started, "losses": [float(loss) for loss in losses]}
        record_path(Path(target)).write_text(json.dumps(record), encoding="utf-8")
    _previous[target] = (time.perf_counter(), len(losses))
    return ""
