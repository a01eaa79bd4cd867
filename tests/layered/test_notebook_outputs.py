"""Notebook cells matched to the executed code blocks, and given their outputs."""

import base64

import nbformat
import pytest

from docs_engine.execution.notebook_outputs import (StaleNotebookError, add_outputs, code_tokens,
                                          notebook_json)
from docs_engine.adapters.sphinx_gallery import ExecutedBlock, jupyter_notebook

GALLERY_CONF = {"first_notebook_cell": "%matplotlib inline", "last_notebook_cell": None,
                "promote_jupyter_magic": False, "notebook_images": False,
                "pypandoc": False}
TRAIN = "losses = []\nfor t in range(2):\n    # one step\n    print(t)\n"
PLOT = "plt.plot(losses)\nplt.show()\n"
PNG = b"\x89PNG\r\n\x1a\n not really an image"
# What the notebook's first cell says, as execution_environment.describe gives it.
MADE_WITH = ["Made with Python 3.11.", "With ``these`` versions, the same digits."]


def notebook(*codes: str) -> dict:
    """The notebook sphinx-gallery makes of a script with these code blocks."""
    blocks = [("text", "\nTitle\n=====\n", 1)]
    blocks += [("code", code, 2 + i) for i, code in enumerate(codes)]
    return jupyter_notebook(blocks, GALLERY_CONF, ".")


def executed() -> list[ExecutedBlock]:
    return [ExecutedBlock(code=TRAIN, output="0\n1\n"),
            ExecutedBlock(code=PLOT, images=["/examples/x/images/sphx_glr_plot_x_001.png"])]


def figure_file(tmp_path):
    (tmp_path / "figure.png").write_bytes(PNG)
    return lambda image: tmp_path / "figure.png"


def test_each_cell_gets_what_its_block_printed_and_drew(tmp_path):
    result = add_outputs(notebook(TRAIN, PLOT), executed(), GALLERY_CONF, figure_file(tmp_path),
                         "x/plot_x", MADE_WITH)
    nbformat.validate(nbformat.from_dict(result))
    first, train, plot = (c for c in result["cells"] if c["cell_type"] == "code")
    assert first["outputs"] == []  # %matplotlib inline
    assert train["outputs"] == [{"output_type": "stream", "name": "stdout",
                                 "text": ["0\n", "1\n"]}]
    assert [o["output_type"] for o in plot["outputs"]] == ["display_data"]
    assert base64.b64decode(plot["outputs"][0]["data"]["image/png"]) == PNG


def test_a_translated_cell_matches_its_block_by_code(tmp_path):
    translated = TRAIN.replace("# one step", "# un paso,\n    # en dos líneas")
    result = add_outputs(notebook(translated, PLOT), executed(), GALLERY_CONF,
                         figure_file(tmp_path), "x/plot_x", MADE_WITH)
    assert result["cells"][3]["outputs"][0]["text"] == ["0\n", "1\n"]


def test_a_translated_notebook_matches_by_the_code_it_was_translated_from(tmp_path):
    translated = notebook(TRAIN, PLOT.replace("plt.plot(losses)", 'plt.title("Pérdida")'))
    result = add_outputs(translated, executed(), GALLERY_CONF, figure_file(tmp_path), "x",
                         MADE_WITH, source_code=[TRAIN, PLOT])
    assert base64.b64decode(result["cells"][4]["outputs"][0]["data"]["image/png"]) == PNG
    with pytest.raises(StaleNotebookError, match="its script 1 code blocks"):
        add_outputs(notebook(TRAIN, PLOT), executed(), GALLERY_CONF, figure_file(tmp_path), "x",
                    MADE_WITH, source_code=[TRAIN])


def test_adding_twice_gives_the_same_notebook(tmp_path):
    once = add_outputs(notebook(TRAIN, PLOT), executed(), GALLERY_CONF, figure_file(tmp_path), "x",
                       MADE_WITH)
    twice = add_outputs(once, executed(), GALLERY_CONF, figure_file(tmp_path), "x", MADE_WITH)
    assert notebook_json(twice) == notebook_json(once)


def test_the_first_cell_says_what_made_the_outputs_once(tmp_path):
    once = add_outputs(notebook(TRAIN, PLOT), executed(), GALLERY_CONF, figure_file(tmp_path), "x",
                       MADE_WITH)
    again = add_outputs(once, executed(), GALLERY_CONF, figure_file(tmp_path), "x",
                        ["Made with Python 3.12."])
    nbformat.validate(nbformat.from_dict(again))
    first, *others = again["cells"]
    assert first["cell_type"] == "markdown"
    assert "".join(first["source"]) == "Made with Python 3.12."
    assert not any("Made with" in "".join(cell["source"]) for cell in others)


@pytest.mark.parametrize("codes,problem", [
    ((TRAIN.replace("range(2)", "range(3)"), PLOT),
     "its code cell 1 ('losses = []'…) is not the code that was executed"),
    ((TRAIN, PLOT, "print('new')\n"), "it has 3 code cells, the executed example 2 code blocks"),
    ((TRAIN,), "it has 1 code cells, the executed example 2 code blocks"),
])
def test_a_notebook_unlike_the_executed_code_gets_no_outputs(tmp_path, codes, problem):
    stale = notebook(*codes)
    with pytest.raises(StaleNotebookError) as error:
        add_outputs(stale, executed(), GALLERY_CONF, figure_file(tmp_path), "nn/plot_x.py",
                    MADE_WITH)
    message = str(error.value)
    assert message.startswith("the notebook of example nn/plot_x.py cannot carry the build's")
    assert problem in message and "make html" in message
    assert all(cell.get("outputs", []) == [] for cell in stale["cells"])


def test_code_tokens_leave_out_comments_and_blank_lines_only():
    assert code_tokens("x = 1  # one\n\n# two\ny = 2\n") == code_tokens("x = 1\ny = 2")
    assert code_tokens("x = 1\ny = 2\n") != code_tokens("x = 1\ny = 3\n")
    assert code_tokens("s = '# not a comment'") != code_tokens("s = ''")
