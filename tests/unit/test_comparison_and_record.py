import json
from pathlib import Path

import pytest

from docs_engine.comparison import least_squares_optimum
from docs_engine.training_record import record_path, record_training

def test_least_squares_optimum_of_the_problem():
    assert least_squares_optimum() == pytest.approx(8.817, abs=1e-3)


def test_training_record_times_the_block_that_grew_the_losses(tmp_path):
    target = str(tmp_path / "plot_x.py")
    example_globals = {}
    block_vars = {"target_file": target, "example_globals": example_globals}
    assert record_training(None, block_vars, {}) == ""  # the data block
    assert not record_path(Path(target)).exists()
    example_globals["losses"] = [3.0, 2.0, 1.0]  # the training block ran
    record_training(None, block_vars, {})
    record = json.loads(record_path(Path(target)).read_text())
    assert record["losses"] == [3.0, 2.0, 1.0] and record["seconds"] >= 0


def test_a_new_run_forgets_the_record_of_an_earlier_one(tmp_path):
    target = tmp_path / "plot_old.py"
    record_path(target).write_text('{"seconds": 1, "losses": [1.0]}')
    record_training(None, {"target_file": str(target), "example_globals": {}}, {})
    assert not record_path(target).exists()  # this run grew no `losses`
