"""docs_engine.opengraph: sphinxext-opengraph, loaded without its social-card module."""

import subprocess
import sys

import pytest

from docs_engine import opengraph


class FakeApp:
    """What the extension's setup uses of Sphinx: loading an extension, the configuration."""

    def __init__(self, cards):
        self.config = type("Config", (), {"ogp_social_cards": cards})()
        self.loaded = []

    def setup_extension(self, name):
        self.loaded.append(name)
        __import__(name)


def load_in_new_process(cards) -> str:
    """Load the extension in a process that has not imported sphinxext-opengraph yet."""
    code = ("import sys; from docs_engine import opengraph; from tests.unit.test_opengraph"
            f" import FakeApp; app = FakeApp({cards!r}); opengraph.setup(app);"
            " import sphinxext.opengraph as og; print(app.loaded, 'matplotlib' in sys.modules,"
            " og.create_social_card, opengraph.CARDS_MODULE in sys.modules)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_it_loads_sphinxext_opengraph_without_matplotlib():
    result = load_in_new_process({"enable": False})
    assert result.returncode == 0, result.stderr
    # The stand-in is gone once loaded: whoever asks gets the real module.
    assert result.stdout.split() == ["['sphinxext.opengraph']", "False", "None", "False"]


def test_cards_turned_on_stop_the_build_naming_the_fix():
    result = load_in_new_process({"enable": True})
    assert result.returncode != 0
    assert "list sphinxext.opengraph in conf.py's extensions instead" in result.stderr


def test_a_version_it_does_not_know_is_loaded_as_it_is(monkeypatch):
    monkeypatch.setattr(opengraph, "version", lambda name: "99.0")
    monkeypatch.delitem(sys.modules, "sphinxext.opengraph", raising=False)
    monkeypatch.delitem(sys.modules, opengraph.CARDS_MODULE, raising=False)
    app = FakeApp({"enable": True})
    opengraph.setup(app)  # the real module, which could draw cards: no error
    assert sys.modules["sphinxext.opengraph"].create_social_card is not None


def test_known_version_is_the_pinned_one():
    from importlib.metadata import version

    assert version("sphinxext-opengraph") == opengraph.KNOWN_VERSION
