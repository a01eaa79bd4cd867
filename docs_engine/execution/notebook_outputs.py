"""Notebooks that carry the build's results.

sphinx-gallery writes each example's notebook with empty outputs. Here each
code cell gets what its code block printed and drew when the gallery step
executed the example, as Jupyter records them (the figures first, as on
the page, then the printed text), so that a notebook reads complete before
it is run. Nothing is executed again: the outputs are the ones recorded in
the executed example's page (:func:`docs_engine.adapters.sphinx_gallery.executed_blocks`)
and the figures' PNG files, the ones the page shows.

A cell is matched to the executed block with the same code, its comments
aside; a translated notebook, whose figure texts are translated too, by the
code of the English script it was made from, cell by cell. A notebook whose
cells do not all match (an example that changed after it ran) never gets
outputs: :class:`StaleNotebookError` names the example.

Before its first cell, a notebook gets a text cell that says what made
those outputs and what reproduces them (:mod:`docs_engine.execution.environment`,
from the example's record), in the notebook's language.

The English notebooks get their outputs in the gallery step
(:mod:`docs_engine.execution.gallery`), the translated ones where they are written
(:mod:`docs_engine.translation.downloads`), with the figures in their language.
"""

import base64
import io
import json
import tokenize
from collections.abc import Callable
from pathlib import Path

from sphinx.errors import ExtensionError

from docs_engine.build_files import write_if_changed
from docs_engine.adapters.sphinx_gallery import (ExecutedBlock, example_code_cells,
                                               executed_blocks, image_file)

# A figure's file, from the path an executed block names it by.
FigureFile = Callable[[str], Path]


class StaleNotebookError(ExtensionError):
    """A notebook whose code is not the code that was executed."""

    category = "Notebook outputs error"


def code_tokens(code: str) -> list[tuple[int, str]]:
    """The code's tokens, without its comments and blank lines."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code.strip() + "\n").readline))
    except (tokenize.TokenError, SyntaxError):
        return [(tokenize.ERRORTOKEN, code.strip())]
    return [(t.type, t.string) for t in tokens if t.type not in (tokenize.COMMENT, tokenize.NL)]


def block_outputs(block: ExecutedBlock, figure_file: FigureFile) -> list[dict]:
    """A code cell's outputs: the block's figures, as PNG, then its printed text."""
    outputs = [
        {"output_type": "display_data",
         "data": {"image/png": base64.b64encode(figure_file(image).read_bytes()).decode("ascii")},
         "metadata": {}}
        for image in block.images
    ]
    if block.output:
        outputs.append({"output_type": "stream", "name": "stdout",
                        "text": block.output.splitlines(keepends=True)})
    return outputs


# The tag of the text cell that says what made the outputs (Jupyter's cell tags).
MADE_WITH_TAG = "made-with"


def _is_made_with(cell: dict) -> bool:
    return MADE_WITH_TAG in cell.get("metadata", {}).get("tags", [])


def add_outputs(notebook: dict, blocks: list[ExecutedBlock], gallery_conf: dict,
                figure_file: FigureFile, example: str, made_with: list[str],
                source_code: list[str] | None = None) -> dict:
    """Give each code cell of ``notebook`` the outputs of its executed block, and the
    notebook a first cell of ``made_with``'s paragraphs (Markdown).

    A translated notebook, whose figure texts are translated in its code,
    passes ``source_code``: the code of each cell in the script it was
    translated from, to match against what was executed.
    """
    # A notebook given its outputs before keeps one first cell, the new one.
    notebook["cells"] = [cell for cell in notebook["cells"] if not _is_made_with(cell)]
    cells = example_code_cells(notebook, gallery_conf)
    codes = ["".join(cell["source"]) for cell in cells] if source_code is None else source_code
    if len(codes) != len(cells):
        raise _stale(example, f"it has {len(cells)} code cells, its script"
                              f" {len(codes)} code blocks")
    for number, (code, block) in enumerate(zip(codes, blocks), start=1):
        if code_tokens(code) != code_tokens(block.code):
            first_line = code.strip().splitlines()[0]
            raise _stale(example, f"its code cell {number} ({first_line!r}…) is not the code"
                                  " that was executed")
    if len(cells) != len(blocks):
        raise _stale(example, f"it has {len(cells)} code cells, the executed example"
                              f" {len(blocks)} code blocks")
    for cell, block in zip(cells, blocks):
        cell["outputs"] = block_outputs(block, figure_file)
    text = "\n\n".join(made_with)
    notebook["cells"].insert(0, {"cell_type": "markdown", "metadata": {"tags": [MADE_WITH_TAG]},
                                 "source": text.splitlines(keepends=True)})
    return notebook


def _stale(example: str, problem: str) -> StaleNotebookError:
    return StaleNotebookError(
        f"the notebook of example {example} cannot carry the build's results: {problem}."
        " The example changed after it was executed; `make html` executes it again"
    )


def notebook_json(notebook: dict) -> bytes:
    """A notebook file's bytes: the same for the same notebook."""
    return (json.dumps(notebook, indent=2) + "\n").encode("utf-8")


def add_build_outputs(executed_script: Path, source_folder: Path, gallery_conf: dict,
                      example: str, made_with: list[str]) -> None:
    """Add its outputs to the notebook sphinx-gallery wrote beside an executed example."""
    path = executed_script.with_suffix(".ipynb")
    notebook = json.loads(path.read_text(encoding="utf-8"))
    add_outputs(notebook, executed_blocks(executed_script.with_suffix(".rst")), gallery_conf,
                lambda image: image_file(source_folder, image), example, made_with)
    write_if_changed(path, notebook_json(notebook))
