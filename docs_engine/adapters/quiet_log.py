"""Keep the build log to progress, warnings and errors.

Some extensions print their configuration at every start: myst-parser its
whole ``MdParserConfig``, sphinx-gallery which converter it uses for
notebooks, Sphinx every static template it evaluates. Over the several
Sphinx runs of a build that buries the warnings a contributor must read.
:func:`drop_configuration_dumps` drops those informational lines (never a
warning or an error) from the log Sphinx prints. The filter itself is
standard logging, which needs no Sphinx.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Informational messages that only repeat the configuration, by their start.
CONFIGURATION_DUMPS = (
    "myst v",
    "Using Sphinx-Gallery to convert rst text blocks",
    "Writing evaluated template result to",
)


class DropConfigurationDumps(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO:
            return True
        message = str(record.msg).replace("\x1b[01m", "").replace("\x1b[39;49;00m", "")
        return not message.startswith(CONFIGURATION_DUMPS)


def drop_configuration_dumps(app: Sphinx) -> None:
    # Sphinx attached its handlers before loading extensions.
    for handler in logging.getLogger("sphinx").handlers:
        handler.addFilter(DropConfigurationDumps())
