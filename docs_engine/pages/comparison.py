"""The ``variant-comparison`` directive: every variant's real results, side by side.

The directive's content is a table written in the page, one row per variant,
whose first cell links to the example (``{doc}`` role) and whose other cells
say what the variant writes by hand and what PyTorch does for it: prose, so
it is translated like the rest of the page. The directive adds the numbers,
read from the executed gallery, never typed in:

- the final loss, rounded for reading (:data:`LOSS_DECIMALS`), with the
  value exactly as the example's log prints it for screen readers and, on
  focus or hover, on screen (:class:`exact_number`);
- its ratio to the least-squares optimum of the same problem, computed here;
- the iterations, from the log;
- the training time per iteration, from :mod:`docs_engine.execution.training_record` (left out
  when ``SOURCE_DATE_EPOCH`` asks for a reproducible build).

Every number of the table is written as the page's language writes it
(:mod:`docs_engine.numbers`); the figure's logarithmic axes keep matplotlib's
powers of ten (10², 10³), which no language writes otherwise. Number
columns are right-aligned in figures of equal width (``site.css``).
Above the table it draws every variant's loss curve on one figure, its
legend below the axes, where it hides no curve, in two columns when the
titles fit, else in one, wrapped if need be (:mod:`docs_engine.translation.figure_fit`;
a title that still does not fit is reported, naming it). The figure is
files in the doctree folder, named after what they show (the curves, the
texts, the drawing code), drawn when no such file exists yet: an image per
theme and resolution (:mod:`docs_engine.pages.figure_renditions`), which
Sphinx copies into ``_images/`` where a browser caches them. An example
whose log cannot be read stops the build, naming the example.
"""

import hashlib
import json
import math
import os
from pathlib import Path
from html import escape

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from docs_engine.pages import figure_renditions
from docs_engine.pages.table_cell import table_cell
from docs_engine.translation import figure_fit

from docs_engine.translation.catalogs import EXTENSIONS_CATALOG, note_catalog, translations
from docs_engine.execution.contract import ContractError, example_results
from docs_engine.example import build_gallery
from docs_engine import numbers
from docs_engine.translation.example_sources import example_title

MESSAGES = {
    "loss": "Final loss",
    "ratio": "Ratio to the optimum",
    "iterations": "Iterations",
    "time": "Training time per iteration",
    "no-time": "not measured",
    "x-label": "iteration",
    "y-label": "loss",
}
# The final loss is shown with this many decimals; the exact value stays on the page.
LOSS_DECIMALS = 3
LINE_STYLES = ["-", "--", ":", "-."]
LEGEND_COLUMNS = 2
# Part of the figure's file names: change it when loss_chart draws otherwise.
CHART_VERSION = "1"
FIGURES_FOLDER = "figures"  # in the doctree folder, beside the example figures'

logger = logging.getLogger(__name__)


def least_squares_optimum() -> float:
    """The smallest sum of squared errors a cubic reaches on the problem."""
    import numpy as np  # here, not at start-up: most rebuilds leave this page alone

    x = np.linspace(-math.pi, math.pi, 2000)
    features = np.stack([np.ones_like(x), x, x**2, x**3], axis=1)
    coefficients, *_ = np.linalg.lstsq(features, np.sin(x), rcond=None)
    return float(np.square(features @ coefficients - np.sin(x)).sum())


class exact_number(nodes.inline):
    """A rounded number that keeps the exact value it stands for.

    In HTML, the rounded text is what the eye reads; screen readers read the
    exact value instead, and keyboard users can focus the number to see it.
    Other builders show the rounded text, as an ordinary inline.
    """


def visit_exact_number_html(translator, node: exact_number) -> None:
    translator.body.append(
        f'<data class="exact-number" value="{escape(node["exact"])}" tabindex="0">'
        '<span aria-hidden="true">'
    )


def depart_exact_number_html(translator, node: exact_number) -> None:
    translator.body.append(
        f'</span><span class="visually-hidden">{escape(node["exact"])}</span></data>'
    )


def rounded_loss(printed: str, language: str = "en") -> exact_number:
    return exact_number("", numbers.decimal(float(printed), language, LOSS_DECIMALS), exact=printed)


def loss_chart(curves: list[tuple[str, list[float]]], x_label: str, y_label: str):
    """Every variant's loss at each iteration, as a matplotlib figure."""
    from matplotlib.figure import Figure  # no pyplot: no global state to share

    figure = Figure(figsize=(8, 6.5), layout="constrained")
    axes = figure.subplots()
    for number, (label, losses) in enumerate(curves):
        # Variants that compute the same updates draw the same curve: dashes
        # let the ones underneath show through.
        style = LINE_STYLES[number % len(LINE_STYLES)]
        axes.plot(range(1, len(losses) + 1), losses, label=label, linestyle=style)
    axes.set(xscale="log", yscale="log", xlabel=x_label, ylabel=y_label)
    # Below the axes: inside them, the legend would hide part of a curve.
    figure.legend(loc="outside lower center", ncols=LEGEND_COLUMNS, fontsize="small", frameon=False)
    return figure


def fitted_loss_chart(curves: list[tuple[str, list[float]]], x_label: str, y_label: str):
    """:func:`loss_chart`, its texts fitted; and those that do not fit, with why."""
    figure = loss_chart(curves, x_label, y_label)
    return figure, figure_fit.fit_texts(figure, {label for label, _ in curves} | {x_label, y_label})


def loss_figures(curves: list[tuple[str, list[float]]], x_label: str, y_label: str,
                 folder: Path, renditions: bool) -> tuple[dict[tuple[str, int], Path], list]:
    """Every variant's loss at each iteration, as PNG files in ``folder``.

    Returns the file of each rendition (only the light one at the figure's
    resolution unless ``renditions``) and the texts that do not fit, with why.
    """
    shows = json.dumps([CHART_VERSION, figure_renditions.style_version(), curves, x_label, y_label],
                       ensure_ascii=False)
    base = folder / f"comparison-{hashlib.sha256(shows.encode('utf-8')).hexdigest()[:16]}.png"
    files = {rendition: figure_renditions.rendition_path(base, *rendition)
             for rendition in (figure_renditions.RENDITIONS if renditions else [("light", 1)])}
    unfitted_file = base.with_suffix(".unfitted.json")
    missing = {rendition: path for rendition, path in files.items() if not path.exists()}
    if missing or not unfitted_file.exists():
        figure, unfitted = fitted_loss_chart(curves, x_label, y_label)
        # Every image optimised: none is sphinx-gallery's.
        figure_renditions.save_renditions(figure, missing, {"dpi": 100}, exact=None)
        unfitted_file.write_text(json.dumps(unfitted, ensure_ascii=False), encoding="utf-8")
    return files, [tuple(problem) for problem in json.loads(unfitted_file.read_text(encoding="utf-8"))]


class VariantComparison(SphinxDirective):
    has_content = True
    option_spec = {"alt": str}

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, container)
        # The table's prose is the page's to translate: give it a source,
        # without which Sphinx leaves a message out of the catalog.
        source, line = self.get_source_info()
        for paragraph in container.findall(nodes.paragraph):
            paragraph.source, paragraph.line = paragraph.source or source, paragraph.line or line
        tables = list(container.findall(nodes.table))
        if len(tables) != 1:
            raise self.error("variant-comparison expects one table")
        table = tables[0]
        table["classes"].append("variant-comparison")
        gettext = translations(self.env, EXTENSIONS_CATALOG).gettext
        optimum = least_squares_optimum()
        reproducible = "SOURCE_DATE_EPOCH" in os.environ
        language = self.config.language or "en"
        tgroup = next(table.findall(nodes.tgroup))
        head_row = next(tgroup.findall(nodes.thead)).children[0]
        for key in ("loss", "ratio", "iterations", "time"):
            tgroup.insert(tgroup["cols"], nodes.colspec(colwidth=10))
            tgroup["cols"] += 1
            head_row += table_cell(gettext(MESSAGES[key]), number=True)
        curves = []
        for row in next(tgroup.findall(nodes.tbody)).children:
            docname = self._variant(row)
            example = build_gallery(self.env).by_docname(docname)
            if example is None:
                raise self.error(f"{docname} is not an example of the gallery")
            self.env.note_dependency(self.env.doc2path(docname))
            try:
                results = example_results(example.executed, docname)
            except ContractError as error:
                raise self.error(str(error)) from error
            log, per_iteration = results.log, results.seconds_per_iteration
            row += table_cell(rounded_loss(log.printed_losses[-1], language), number=True)
            row += table_cell(numbers.decimal(log.final_loss / optimum, language, 3), number=True)
            row += table_cell(numbers.integer(log.total_iterations, language), number=True)
            row += table_cell(
                gettext(MESSAGES["no-time"]) if reproducible
                else numbers.integer(per_iteration * 1e6, language) + " µs",
                number=True,
            )
            # The curve's label is the example's title, from the example's catalog.
            note_catalog(self.env, docname)
            title = example_title(self.env, example.executed)
            curves.append((title, results.losses))
        renditions = figure_renditions.shows_renditions(self.env)
        files, unfitted = loss_figures(
            curves, gettext(MESSAGES["x-label"]), gettext(MESSAGES["y-label"]),
            Path(self.env.doctreedir) / FIGURES_FOLDER, renditions)
        for text, problem in unfitted:
            logger.warning("the comparison figure's text does not fit even in an adapted layout: %s (%r)",
                           problem, text, location=self.get_location(), type="docs-engine",
                           subtype="figure-fit")
        page_folder = Path(self.env.doc2path(self.env.docname)).parent
        figure = nodes.image(
            uri=os.path.relpath(files[("light", 1)], page_folder),
            alt=self.options.get("alt", ""),
            classes=["variant-comparison-figure"],
        )
        self.set_source_info(figure)
        if renditions:
            figure = figure_renditions.renditions_node(figure, files, page_folder)
        return [figure, *container.children]

    def _variant(self, row: nodes.row) -> str:
        links = [
            node for node in row.findall(addnodes.pending_xref) if node["reftype"] == "doc"
        ]
        if not links:
            raise self.error("each row of variant-comparison starts with a {doc} link")
        target = links[0]["reftarget"]
        if target.startswith("/"):
            return target[1:]
        return os.path.normpath(os.path.join(os.path.dirname(self.env.docname), target))
