"""The engine is one extension, and Sphinx runs its pieces in the table's order.

Reads what Sphinx resolved (its registry's transforms, its event listeners)
from an application made with the project's conf.py for a translated language
of the tiny project. The gallery step registers the same pieces (its handlers
return at once in a language's build); only sphinx-gallery's part differs.
"""

import ast
import io

import pytest
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransformer
from sphinx.transforms.i18n import Locale, PreserveTranslatableMessages, TranslationProgressTotaliser
from sphinx.util.docutils import docutils_namespace, patch_docutils

from docs_engine import pipeline
from docs_engine.translation.catalog_compiler import compile_catalogs
from tests.layered.conftest import PROJECT, copy_tinysite, no_mathjax

ENGINE = PROJECT / "docs_engine"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    root = copy_tinysite(tmp_path_factory.mktemp("pipeline") / "site")
    compile_catalogs(root / "locales", root / "_build" / "locales", "es")
    with patch_docutils(PROJECT), docutils_namespace():
        yield Sphinx(root / "docs", PROJECT, root / "_build" / "html", root / "_build" / "doctrees", "html",
                     confoverrides={"language": "es", "docs_engine_gallery_execute": False, **no_mathjax()},
                     status=io.StringIO(), warning=io.StringIO())


def ours(name: str) -> bool:
    return name.startswith("docs_engine.")


def qualified(function) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def test_conf_py_lists_the_engine_once_and_no_module_of_it_sets_itself_up():
    conf = ast.parse((PROJECT / "conf.py").read_text(encoding="utf-8"))
    extensions = next(ast.literal_eval(node.value) for node in conf.body
                      if isinstance(node, ast.Assign) and node.targets[0].id == "extensions")
    assert [name for name in extensions if ours(name + ".")] == ["docs_engine"]
    setups = {path.relative_to(PROJECT).as_posix() for path in ENGINE.rglob("*.py")
              for node in ast.parse(path.read_text(encoding="utf-8")).body
              if isinstance(node, ast.FunctionDef) and node.name == "setup"}
    assert setups == {"docs_engine/__init__.py", "docs_engine/pipeline.py"}


def test_the_transforms_run_in_the_tables_order_each_at_a_moment_of_its_own(app):
    transformer = SphinxTransformer(None)
    transformer.add_transforms(app.registry.get_transforms())
    transformer.transforms.sort()
    resolved = [transform for _, transform, _, _ in transformer.transforms]
    table = [piece.transform for piece in pipeline.PIPELINE
             if isinstance(piece, pipeline.Transform) and not piece.post]
    by_priority = sorted(table, key=lambda transform: transform.default_priority)
    assert [transform for transform in resolved if transform in table] == by_priority
    # No tie with any other transform: the order of registration decides nothing.
    numbers = [transform.default_priority for transform in resolved]
    assert all(numbers.count(transform.default_priority) == 1 for transform in table)
    # Sphinx's translation steps, which ours are placed around.
    position = {transform: resolved.index(transform) for transform in resolved}
    extract, chrome, apply = (position[transform] for transform in (
        by_priority[0], pipeline.gallery_chrome.GalleryChrome, pipeline.code_messages.ShowTranslatedCode))
    assert extract < position[PreserveTranslatableMessages] < chrome < position[Locale]
    assert position[TranslationProgressTotaliser] < apply


def test_each_event_calls_our_handlers_in_the_tables_order(app):
    table = [piece for piece in pipeline.PIPELINE
             if isinstance(piece, pipeline.Handler) and (piece.when is None or piece.when(app))]
    for event in {piece.event for piece in table}:
        expected = [qualified(piece.function)
                    for piece in sorted((p for p in table if p.event == event), key=lambda p: p.priority)]
        listeners = sorted(app.events.listeners[event], key=lambda listener: listener.priority)
        resolved = [qualified(listener.handler) for listener in listeners if ours(listener.handler.__module__)]
        assert resolved == expected, event


def test_the_extensions_the_engine_builds_on_are_set_up_by_it(app):
    built_on = {piece.name for piece in pipeline.PIPELINE if isinstance(piece, pipeline.Extension)}
    assert built_on <= set(app.extensions)
    # A language's build reads the executed gallery: sphinx-gallery's directive
    # and style, not its generator (which imports matplotlib).
    assert "sphinx_gallery.load_style" in app.extensions
    assert "sphinx_gallery.gen_gallery" not in app.extensions
