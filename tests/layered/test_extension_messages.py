"""The extensions' catalog template: what `make gettext` writes into extensions.pot."""

import polib

from docs_engine.execution import environment as execution_environment
from docs_engine.hosting import not_found
from docs_engine.pages import run_it_yourself
from tests.layered.conftest import GALLERY_STEP, PROJECT, sphinx


def extensions_template(root, **overrides):
    build = sphinx(root, "gettext", docs_engine_gallery_execute=False, **overrides)
    assert build.status == 0, build.warnings
    return (root / "_build" / "gettext" / "en" / "extensions.pot").read_bytes()


def test_the_template_holds_every_extension_message_once_each_build(tiny_copy):
    assert sphinx(tiny_copy, "dummy", **GALLERY_STEP).status == 0  # the pages read the gallery
    first = extensions_template(tiny_copy)
    # The messages are asked of the extensions when the template is written, never
    # kept between builds: a second build in the same process with another site
    # title lists that title alone.
    retitled = polib.pofile(extensions_template(tiny_copy, html_title="Another title").decode())
    assert retitled.find("Another title") and not retitled.find("Learning PyTorch by example")
    assert extensions_template(tiny_copy) == first
    template = polib.pofile(first.decode("utf-8"))
    messages = [entry.msgid for entry in template]
    assert len(messages) == len(set(messages))
    for message in (run_it_yourself.MESSAGES["title"], execution_environment.MESSAGES["same digits"],
                    not_found.TITLE, "Learning PyTorch by example"):  # conf.py's html_title
        assert message in messages
    # Every message is translated in the project's Spanish catalog.
    spanish = polib.pofile(str(PROJECT / "locales/es/LC_MESSAGES/extensions.po"))
    assert [m for m in messages if not (spanish.find(m) and spanish.find(m).msgstr)] == []
