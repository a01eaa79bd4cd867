import json
import platform
import sys
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from matplotlib.backends.backend_agg import FigureCanvasAgg

from docs_engine.pages.comparison import (depart_exact_number_html, least_squares_optimum, loss_chart,
                                    rounded_loss, visit_exact_number_html)
from docs_engine.execution import training_record
from docs_engine.execution.training_record import read_environment, training_record_path, record_training


def test_least_squares_optimum_of_the_problem():
    assert least_squares_optimum() == pytest.approx(8.817, abs=1e-3)


def test_training_record_times_the_block_that_grew_the_losses(tmp_path):
    target = tmp_path / "plot_x.py"
    target.write_text("import numpy\n")
    example_globals = {}
    block_vars = {"target_file": str(target), "example_globals": example_globals}
    assert record_training(None, block_vars, {}) == ""  # the data block
    assert not training_record_path(target).exists()
    example_globals["losses"] = [3.0, 2.0, 1.0]  # the training block ran
    record_training(None, block_vars, {})
    record = json.loads(training_record_path(target).read_text())
    assert record["losses"] == [3.0, 2.0, 1.0] and record["seconds"] >= 0


def test_the_record_says_what_executed_the_example(tmp_path, monkeypatch):
    target = tmp_path / "plot_x.py"
    target.write_text("import math\nimport torch\n")
    # PyTorch as the example left it: on three threads, with AVX2 kernels.
    torch = SimpleNamespace(get_num_threads=lambda: 3, backends=SimpleNamespace(
        cpu=SimpleNamespace(get_cpu_capability=lambda: "AVX2")))
    monkeypatch.setitem(sys.modules, "torch", torch)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    monkeypatch.setattr(training_record, "installed_versions",
                        lambda script: {"torch": "2.13.0+cpu"})
    record_training(None, {"target_file": str(target), "example_globals": {"losses": [1.0]}}, {})
    environment = read_environment(target)
    assert environment.packages == (("torch", "2.13.0+cpu"),)
    assert environment.python == platform.python_version()
    assert (environment.threads, environment.vector_instructions) == (3, "AVX2")
    assert environment.architecture == platform.machine() and environment.processor
    assert ("OMP_NUM_THREADS", "3") in environment.variables
    assert environment.machine == f"{environment.processor} ({platform.machine()}, AVX2)"


def test_a_record_from_before_records_held_the_environment_reads_as_none(tmp_path):
    target = tmp_path / "plot_x.py"
    training_record_path(target).write_text('{"seconds": 1, "losses": [1.0]}')
    assert read_environment(target) is None
    assert read_environment(tmp_path / "plot_never_run.py") is None


def test_a_new_run_forgets_the_record_of_an_earlier_one(tmp_path):
    target = tmp_path / "plot_old.py"
    training_record_path(target).write_text('{"seconds": 1, "losses": [1.0]}')
    record_training(None, {"target_file": str(target), "example_globals": {}}, {})
    assert not training_record_path(target).exists()  # this run grew no `losses`


def test_loss_legend_sits_outside_the_axes_where_it_hides_no_curve():
    curves = [(f"variant {n}", [10.0 ** -k for k in range(50)]) for n in range(8)]
    figure = loss_chart(curves, "iteration", "loss")
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)  # lays out the constrained layout
    (axes,), (legend,) = figure.axes, figure.legends
    assert not legend.get_window_extent(renderer).overlaps(axes.get_window_extent(renderer))
    assert len(legend.get_texts()) == len(curves)


def test_rounded_loss_keeps_the_exact_value_for_screen_readers_and_focus():
    node = rounded_loss("9.086012216057796")
    translator = SimpleNamespace(body=[])
    visit_exact_number_html(translator, node)
    translator.body.append(node.astext())
    depart_exact_number_html(translator, node)
    number = BeautifulSoup("".join(translator.body), "html.parser").select_one("data")
    assert number["value"] == "9.086012216057796" and number["tabindex"] == "0"
    assert number.select_one("[aria-hidden=true]").get_text() == "9.086"
    assert number.select_one(".visually-hidden").get_text() == "9.086012216057796"


def test_running_an_example_again_in_the_same_process_records_the_new_run(tmp_path):
    target = tmp_path / "plot_x.py"
    target.write_text("import numpy\n")
    for run, losses in enumerate(([3.0, 2.0], [5.0, 4.0])):  # two builds, one process
        block_vars = {"target_file": str(target), "example_globals": {}}
        record_training(None, block_vars, {})  # the data block
        block_vars["example_globals"]["losses"] = losses
        record_training(None, block_vars, {})
        assert json.loads(training_record_path(target).read_text())["losses"] == losses, run
