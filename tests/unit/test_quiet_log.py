import logging

from docs_engine.adapters.quiet_log import DropConfigurationDumps


def _record(level, message):
    return logging.LogRecord("sphinx.x", level, __file__, 1, message, (), None)


def test_configuration_dumps_are_dropped_but_never_warnings():
    keep = DropConfigurationDumps().filter
    assert not keep(_record(logging.INFO, "\x1b[01mmyst v%s:\x1b[39;49;00m %s"))
    assert not keep(_record(logging.INFO, "Writing evaluated template result to %s"))
    assert keep(_record(logging.INFO, "reading sources... "))
    assert keep(_record(logging.WARNING, "myst v5: something is wrong"))
