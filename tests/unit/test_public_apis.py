"""The engine uses other packages through their public APIs only.

A private name, a module put into ``sys.modules``, a function of another
package replaced, or generated HTML edited as text each break silently when
the package behind them changes. Read from the engine's source.
"""

import ast
import re
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[2] / "docs_engine"
MODULES = sorted(ENGINE.rglob("*.py"))
# os._exit is the documented way to end a forked child without the parent's clean-up.
DOCUMENTED = {("os", "_exit")}
# An HTML fragment: a tag's bracket or an attribute's value.
HTML_FRAGMENT = re.compile(r'<[a-z/!]|="|">')


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported_modules(module: ast.Module) -> dict[str, str]:
    """The names bound to other packages' modules and objects: ``import x.y as z``
    -> {z: x.y}, ``from x import y`` -> {y: x.y}."""
    names = {}
    for node in ast.walk(module):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and not node.module.startswith("docs_engine"):
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_uses(path: Path) -> list[str]:
    module = tree(path)
    modules = imported_modules(module)
    found = []
    for node in ast.walk(module):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if not node.module.startswith("docs_engine"):
                found += [f"from {node.module} import {alias.name}" for alias in node.names
                          if is_private(alias.name)]
                if any(is_private(part) for part in node.module.split(".")):
                    found.append(f"from {node.module} import ...")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            bound = modules.get(node.value.id)
            if bound and is_private(node.attr) and (bound, node.attr) not in DOCUMENTED:
                found.append(f"{node.value.id}.{node.attr}")
    return found


def patches(path: Path) -> list[str]:
    """Assignments into another package's module, or into ``sys.modules``."""
    module = tree(path)
    modules = imported_modules(module)
    found = []
    for node in ast.walk(module):
        targets = node.targets if isinstance(node, ast.Assign) else []
        for target in targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                    and target.value.id in modules:
                found.append(ast.unparse(target))
            if isinstance(target, ast.Subscript) and ast.unparse(target.value) == "sys.modules":
                found.append(ast.unparse(target))
    return found


def html_edits(path: Path) -> list[str]:
    """``.replace()`` calls that look for, or put in, a piece of HTML."""
    found = []
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "replace":
            literals = [part.value for argument in node.args for part in ast.walk(argument)
                        if isinstance(part, ast.Constant) and isinstance(part.value, str)]
            if any(HTML_FRAGMENT.search(text) for text in literals):
                found.append(ast.unparse(node))
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(ENGINE).as_posix())
def test_no_private_name_of_another_package(path):
    assert private_uses(path) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(ENGINE).as_posix())
def test_no_module_of_another_package_is_patched(path):
    assert patches(path) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(ENGINE).as_posix())
def test_no_generated_html_is_edited_as_text(path):
    assert html_edits(path) == []


def test_the_checks_find_what_they_look_for(tmp_path):
    """Each check, on the kinds of code it is there to refuse."""
    source = tmp_path / "hooks.py"
    source.write_text(
        "import atexit, os, sys\n"
        "from sphinx_gallery import gen_gallery\n"
        "from sphinx_gallery.scrapers import _import_matplotlib\n"
        "from sphinx.util._serialise import stable_str\n"
        "gen_gallery._import_matplotlib = None\n"
        "sys.modules['sphinxext.opengraph._social_cards'] = None\n"
        "atexit._run_exitfuncs()\n"
        "os._exit(0)\n"
        "page = page.replace('<head>', '<head><script></script>', 1)\n"
        "html = html.replace(f'tooltip=\"{intro}\"', new)\n"
        "text = text.replace('\\x1b[01m', '')\n",
        encoding="utf-8")
    assert private_uses(source) == [
        "from sphinx_gallery.scrapers import _import_matplotlib",
        "from sphinx.util._serialise import ...",
        "gen_gallery._import_matplotlib",
        "atexit._run_exitfuncs",
    ]
    assert patches(source) == ["gen_gallery._import_matplotlib",
                               "sys.modules['sphinxext.opengraph._social_cards']"]
    assert len(html_edits(source)) == 2
