"""The example contract and how the adapter reads an executed example."""

import json

import pytest

from docs_engine.execution.contract import ContractError, example_results
from docs_engine.adapters.sphinx_gallery import executed_blocks
from docs_engine.execution.training_record import training_record_path

# The reST sphinx-gallery writes for an executed code block that prints, and
# for one that draws.
CODE = ".. code-block:: Python\n\n\n    {code}\n\n\n\n\n"
OUTPUT = (".. rst-class:: sphx-glr-script-out\n\n .. code-block:: none\n\n"
          "{lines}\n\n\n\n")
IMAGE = (".. image-sg:: /examples/x/images/sphx_glr_plot_x_001.png\n   :alt: Loss\n"
         "   :srcset: /examples/x/images/sphx_glr_plot_x_001.png\n"
         "   :class: sphx-glr-single-img\n\n\n\n")
LOG = ["0 30.5", "1 20.25", "Result: y = 1 + 2 x"]


def write_example(folder, log=LOG, losses=(30.5, 20.25), blocks=1):
    rst = "Title\n=====\n\n"
    for _ in range(blocks):
        rst += CODE.format(code="train()") + OUTPUT.format(
            lines="\n".join("    " + line for line in log))
    rst += CODE.format(code="plot()") + IMAGE
    script = folder / "plot_x.py"
    script.with_suffix(".rst").write_text(rst)
    if losses is not None:
        training_record_path(script).write_text(json.dumps({"seconds": 0.5, "losses": list(losses)}))
    return script


def test_the_adapter_reads_each_block_with_its_output_and_figures(tmp_path):
    blocks = executed_blocks(write_example(tmp_path).with_suffix(".rst"))
    assert [b.code for b in blocks] == ["train()\n", "plot()\n"]
    assert blocks[0].output == "\n".join(LOG) + "\n" and blocks[0].images == []
    assert blocks[1].output is None
    assert blocks[1].images == ["/examples/x/images/sphx_glr_plot_x_001.png"]


def test_an_example_that_keeps_the_contract(tmp_path):
    results = example_results(write_example(tmp_path))
    assert results.log.printed_losses == ["30.5", "20.25"]
    assert results.seconds_per_iteration == 0.25


@pytest.mark.parametrize("breakage,problem", [
    ({"blocks": 2}, "printed in 2 code blocks"),
    ({"log": ["0 30.5", "done"]}, "its log cannot be read"),
    ({"losses": None}, "no code block made a global list `losses` grow"),
    ({"losses": (30.5,)}, "`losses` has 1 values for 2 iterations"),
    ({"losses": (30.5, 19.0)}, "printed 20.25 at t = 1 but recorded 19.0"),
])
def test_a_broken_contract_names_the_example_the_problem_and_the_fix(tmp_path, breakage, problem):
    with pytest.raises(ContractError) as error:
        example_results(write_example(tmp_path, **breakage), "nn/plot_x.py")
    message = str(error.value)
    assert message.startswith("example nn/plot_x.py breaks the site's contract: ")
    assert problem in message
    assert "docs_engine/execution/contract.py" in message


def test_a_one_block_script_has_its_output_before_its_code(tmp_path):
    rst = tmp_path / "plot_y.rst"
    rst.write_text("Title\n=====\n\n" + OUTPUT.format(lines="    0 1.0\n    Result: y = 1")
                   + CODE.format(code="train()"))
    (block,) = executed_blocks(rst)
    assert block.code == "train()\n" and block.output == "0 1.0\nResult: y = 1\n"


def test_an_unknown_sphinx_gallery_version_stops_the_build_naming_what_to_check(monkeypatch):
    from sphinx.errors import ExtensionError

    from docs_engine.adapters import sphinx_gallery as sphinx_gallery_adapter

    monkeypatch.setattr(sphinx_gallery_adapter, "version", lambda name: "99.0")
    with pytest.raises(ExtensionError, match=r"sphinx-gallery 99\.0 is installed.*"
                                             r"adapters/sphinx_gallery\.py.*KNOWN_VERSIONS"):
        sphinx_gallery_adapter.check_version()
