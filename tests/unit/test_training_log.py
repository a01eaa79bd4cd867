import pytest

from docs_engine.execution.training_log import LogFormatError, parse_training_log


def test_a_log_gives_iterations_losses_and_the_model():
    log = parse_training_log("99 12.5\n199 10.25\nResult: y = 1 + 2 x\n")
    assert log.iterations == [99, 199]
    assert log.losses == [12.5, 10.25]
    assert log.final_loss == 10.25 and log.total_iterations == 200
    assert log.model == "1 + 2 x"


@pytest.mark.parametrize("text,complaint", [
    ("", "empty"),
    ("step 99: 12.5\nResult: y = 1\n", "line 1"),
    ("99 12.5\n", "last line"),
    ("Result: y = 1\n", "no 't loss' line"),
])
def test_anything_else_is_a_format_error(text, complaint):
    with pytest.raises(LogFormatError, match=complaint):
        parse_training_log(text)
