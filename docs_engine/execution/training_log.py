"""Read the log every example prints: ``t loss`` lines, then ``Result: ...``.

The comparison page and the tests both read examples' logs; this is the one
place that knows their format.
"""

import re
from dataclasses import dataclass

LOSS_LINE = re.compile(r"(?P<iteration>\d+) (?P<loss>[-+0-9.eE]+|nan|inf)")
RESULT_LINE = re.compile(r"Result: y = (?P<model>.+)")


class LogFormatError(ValueError):
    """The text is not a training log of the expected format."""


@dataclass(frozen=True)
class TrainingLog:
    iterations: list[int]  # the iteration numbers printed, from 0
    losses: list[float]  # the loss printed at each of them
    printed_losses: list[str]  # the same, exactly as printed
    model: str  # what follows "Result: y = "

    @property
    def final_loss(self) -> float:
        return self.losses[-1]

    @property
    def total_iterations(self) -> int:
        return self.iterations[-1] + 1


def parse_training_log(text: str) -> TrainingLog:
    """Parse a log; raise LogFormatError naming the first line that does not fit."""
    lines = [line.strip() for line in text.strip().splitlines()]
    if not lines:
        raise LogFormatError("the log is empty")
    *loss_lines, result_line = lines
    iterations, printed = [], []
    for number, line in enumerate(loss_lines, start=1):
        match = LOSS_LINE.fullmatch(line)
        if not match:
            raise LogFormatError(f"line {number} is not 't loss': {line!r}")
        iterations.append(int(match["iteration"]))
        printed.append(match["loss"])
    result = RESULT_LINE.fullmatch(result_line)
    if not result:
        raise LogFormatError(f"the last line is not 'Result: y = ...': {result_line!r}")
    if not printed:
        raise LogFormatError("the log has no 't loss' line")
    return TrainingLog(iterations, [float(loss) for loss in printed], printed, result["model"])
