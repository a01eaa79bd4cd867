"""Load sphinxext-opengraph without the module that draws social cards.

The site draws no social cards (``ogp_social_cards = {"enable": False}`` in
conf.py), yet sphinxext-opengraph 0.13 imports its ``_social_cards`` module,
and with it matplotlib, whenever it loads. A language build needs matplotlib
only to draw a figure (see ``import_matplotlib_when_executing`` in
sphinx_gallery_adapter.py), and a rebuild after a catalog edit draws none:
without this, that import is a fifth of such a rebuild. conf.py lists this
extension in place of sphinxext.opengraph; it loads sphinxext-opengraph with
a stand-in for that one module, which offers no card to draw, and stops the
build if cards are turned on.

A sphinxext-opengraph other than :data:`KNOWN_VERSION` is loaded as it is,
matplotlib and all: how it imports that module may have changed.
"""

import sys
import types
from importlib.metadata import version

from sphinx.application import Sphinx
from sphinx.errors import ConfigError

KNOWN_VERSION = "0.13.0"
CARDS_MODULE = "sphinxext.opengraph._social_cards"


def _no_cards() -> types.ModuleType:
    """What sphinxext-opengraph imports from its cards module, drawing no card."""
    cards = types.ModuleType(CARDS_MODULE)
    cards.DEFAULT_SOCIAL_CONFIG = {"enable": False}
    cards.create_social_card = None
    return cards


def setup(app: Sphinx) -> dict:
    stand_in = (version("sphinxext-opengraph") == KNOWN_VERSION
                and "sphinxext.opengraph" not in sys.modules)
    if stand_in:
        sys.modules[CARDS_MODULE] = _no_cards()
    try:
        app.setup_extension("sphinxext.opengraph")
    finally:
        if stand_in:  # the real module stays importable for whoever asks for it
            del sys.modules[CARDS_MODULE]
    draws_cards = sys.modules["sphinxext.opengraph"].create_social_card is not None
    if not draws_cards and (app.config.ogp_social_cards or {}).get("enable") is not False:
        raise ConfigError("ogp_social_cards: docs_engine.opengraph loads sphinxext-opengraph"
                          " without its social cards; to draw them, list sphinxext.opengraph"
                          " in conf.py's extensions instead")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
