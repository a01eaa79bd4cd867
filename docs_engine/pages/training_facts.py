"""What the prose says about how the examples train, read from the examples.

A page that says "every example takes 2000 steps with a learning rate of
10⁻⁶" is true until someone edits one example. So the pages type no such
number. Two pieces put them in, in the page's language
(:mod:`docs_engine.numbers`), from the examples themselves:

- the ``training-facts`` directive: a table of how each example trains, one
  row per example in reading order: how it updates the coefficients (by hand,
  or which ``torch.optim`` optimizer, with its momentum), its learning rate
  (from its source: ``learning_rate = ...`` or the optimizer's ``lr=``; a
  dash for an example that states neither), its
  iterations and how often it prints the loss (from the log it printed when
  the gallery ran);
- the ``example-fact`` role, for a fact every example shares: ``points``,
  the number of points ``x`` (the third argument of each example's
  ``linspace(-pi, pi, ...)``, among the examples that have one), and ``optimum``, the least-squares optimum's loss. A fact
  the examples do not share stops the build, naming the page and the
  examples that differ.

A translator keeps the role as it is in the translation (``make lint-po``
checks it), and the number comes out in the translation's conventions.
"""

import ast
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective, SphinxRole

from docs_engine import numbers
from docs_engine.example import Example, build_gallery
from docs_engine.execution.contract import ContractError, example_results
from docs_engine.pages.comparison import least_squares_optimum
from docs_engine.pages.table_cell import table_cell
from docs_engine.translation.catalogs import EXTENSIONS_CATALOG, note_catalog, translations
from docs_engine.translation.example_sources import example_title

MESSAGES = {
    "example": "Example",
    "update": "Updates",
    "learning-rate": "Learning rate",
    "iterations": "Iterations",
    "printed-every": "Loss printed every",
    "by-hand": "by hand",
    "momentum": "{name}, momentum {momentum}",
}
OPTIMIZER_MODULE = "optim"  # torch.optim.<Optimizer>(...)
UNKNOWN = "—"  # a fact the example's source does not state


class FactError(ValueError):
    """An example whose source does not say a fact the page needs, in words."""


@dataclass(frozen=True)
class UpdateRule:
    optimizer: str | None  # the torch.optim class, None for updates by hand
    learning_rate: float
    momentum: float | None = None


def _number(node: ast.expr) -> float | None:
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return None
    return float(value) if isinstance(value, (int, float)) else None


def update_rule(source: str) -> UpdateRule:
    """How a script updates its coefficients: its ``torch.optim`` optimizer and
    that call's ``lr`` and ``momentum``, or a learning rate of its own
    (``learning_rate = ...``) for updates written by hand."""
    tree = ast.parse(source)
    assigned = {target.id: node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                for target in node.targets if isinstance(target, ast.Name)}
    for call in ast.walk(tree):
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and isinstance(call.func.value, ast.Attribute)
                and call.func.value.attr == OPTIMIZER_MODULE):
            keywords = {keyword.arg: keyword.value for keyword in call.keywords}
            rate = keywords.get("lr")
            if isinstance(rate, ast.Name):
                rate = assigned.get(rate.id)
            if rate is None or _number(rate) is None:
                raise FactError(f"its torch.optim.{call.func.attr} call has no literal lr=")
            momentum = keywords.get("momentum")
            return UpdateRule(call.func.attr, _number(rate),
                              _number(momentum) if momentum is not None else None)
    if "learning_rate" in assigned and _number(assigned["learning_rate"]) is not None:
        return UpdateRule(None, _number(assigned["learning_rate"]))
    raise FactError("it neither calls a torch.optim optimizer with lr= nor sets learning_rate = <number>")


def points(source: str) -> int:
    """The number of points of a script's ``linspace(-pi, pi, points)``: the
    problem's ``x`` (an example may draw other curves on other points)."""
    for call in ast.walk(ast.parse(source)):
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == "linspace" and len(call.args) >= 3
                and all(ast.unparse(bound).endswith("pi") for bound in call.args[:2])):
            count = _number(call.args[2])
            if count is not None:
                return int(count)
    raise FactError("it has no linspace(-pi, pi, points) with a literal number of points")


def power_of_ten(value: float, language: str) -> nodes.math:
    """``value`` as LaTeX: 10^{-6}, or 5 \\times 10^{-6}, its mantissa in the language's conventions."""
    exponent = int(f"{value:e}".split("e")[1])
    mantissa = value / 10**exponent
    if round(mantissa, 6) == 1:
        return nodes.math(text=f"10^{{{exponent}}}")
    written = numbers.decimal(mantissa, language, 0 if round(mantissa, 6).is_integer() else 1)
    return nodes.math(text=f"{written} \\times 10^{{{exponent}}}")


def _source(example: Example) -> str:
    return example.executed.read_text(encoding="utf-8")


class TrainingFacts(SphinxDirective):
    """The table of how each example trains."""

    def run(self) -> list[nodes.Node]:
        gettext = translations(self.env, EXTENSIONS_CATALOG).gettext
        note_catalog(self.env, EXTENSIONS_CATALOG)
        language = self.config.language or "en"
        columns = ["example", "update", "learning-rate", "iterations", "printed-every"]
        table = nodes.table(classes=["training-facts"])
        group = nodes.tgroup(cols=len(columns))
        table += group
        group += [nodes.colspec(colwidth=1) for _ in columns]
        group += nodes.thead("", nodes.row("", *(table_cell(gettext(MESSAGES[key])) for key in columns)))
        body = nodes.tbody()
        group += body
        for example in build_gallery(self.env).examples:
            if not example.executed.exists():
                continue
            self.env.note_dependency(str(example.executed))
            self.env.note_dependency(self.env.doc2path(example.docname))  # its log
            try:
                log = example_results(example.executed, example.docname).log
            except ContractError as error:
                raise self.error(f"{example.name}: {error}") from error
            try:
                rule = update_rule(_source(example))
            except FactError:
                rule = None  # an example that states no learning rate: nothing to say
            intervals = {later - earlier for earlier, later in zip(log.iterations, log.iterations[1:])}
            if len(intervals) != 1:
                raise self.error(f"{example.name}: its log is not printed at a regular interval")
            note_catalog(self.env, example.docname)
            link = addnodes.pending_xref("", nodes.inline(text=example_title(self.env, example.executed)),
                                         refdomain="std", reftype="doc", reftarget="/" + example.docname,
                                         refexplicit=True, refwarn=True)
            if rule is None:
                update = [nodes.Text(UNKNOWN)]
            elif rule.optimizer is None:
                update = [nodes.Text(gettext(MESSAGES["by-hand"]))]
            elif rule.momentum is None:
                update = [nodes.literal(text=rule.optimizer)]
            else:  # the optimizer's name as code, wherever the translation puts it
                before, _, after = gettext(MESSAGES["momentum"]).format(
                    name="\0", momentum=numbers.decimal(rule.momentum, language, 1)).partition("\0")
                update = [nodes.Text(before), nodes.literal(text=rule.optimizer), nodes.Text(after)]
            body += nodes.row("", table_cell(link), table_cell(update),
                              table_cell(power_of_ten(rule.learning_rate, language) if rule else UNKNOWN,
                                         number=True),
                              table_cell(numbers.integer(log.total_iterations, language), number=True),
                              table_cell(numbers.integer(intervals.pop(), language), number=True))
        self.set_source_info(table)
        return [table]


class ExampleFact(SphinxRole):
    """A fact every example shares, as a number in the page's language."""

    FACTS = ("points", "optimum")

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        language = self.config.language or "en"
        if self.text == "optimum":
            return [nodes.inline(text=numbers.decimal(least_squares_optimum(), language, 1),
                                 classes=["example-fact"])], []
        if self.text != "points":
            message = self.inliner.reporter.error(
                f"example-fact knows {', '.join(self.FACTS)}, not {self.text!r}", line=self.lineno)
            return [], [message]
        found: dict[int, list[str]] = {}
        for example in build_gallery(self.env).examples:
            if example.executed.exists():
                self.env.note_dependency(str(example.executed))
                try:
                    found.setdefault(points(_source(example)), []).append(example.name)
                except FactError:
                    continue  # an example of another problem: it states no points
        if not found:
            return [], [self.inliner.reporter.error(
                "no example has a linspace(-pi, pi, points) to give its points", line=self.lineno)]
        if len(found) != 1:
            differ = "; ".join(f"{count} in {', '.join(names)}" for count, names in sorted(found.items()))
            return [], [self.inliner.reporter.error(
                f"the examples do not share their number of points ({differ})", line=self.lineno)]
        return [nodes.inline(text=numbers.integer(next(iter(found)), language), classes=["example-fact"])], []
