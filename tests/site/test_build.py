"""The build as a whole: strict, reproducible, each example executed once."""

import filecmp
import re
from pathlib import Path

import pytest

from tests.site.conftest import break_build, build_site
from tests.site.helpers import EXAMPLES


def test_each_example_is_executed_once_for_all_languages(site):
    # The build's own sphinx-gallery run counts what it executed; each shard
    # (docs_engine.execution.shards) names what it executed, and its own run's
    # count is printed after its prefix.
    in_build = re.findall(r"^Sphinx-Gallery successfully executed (\d+) out of", site.log, re.M)
    in_shards = [name for names in re.findall(r"^\[shard \d\] executed: (.*)$", site.log, re.M)
                 for name in names.split(", ")]
    assert in_shards  # the session's site is built with two jobs
    assert sum(map(int, in_build)) + len(in_shards) == len(EXAMPLES)
    assert sorted(in_shards) == sorted(Path(e).name + ".py" for e in EXAMPLES)


def _tree(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}


def test_a_serial_build_gives_the_same_bytes_as_the_parallel_one(site, tmp_path_factory):
    """Reproducible, and the examples running side by side change nothing."""
    again = build_site(tmp_path_factory.mktemp("again"), jobs=1)
    assert "[shard " not in again.log
    assert "[shard 2] " in site.log
    # The published site: every page, figure and download (_images, _downloads).
    first, second = _tree(site.html), _tree(again.html)
    assert first.keys() == second.keys()
    different = [n for n in first if not filecmp.cmp(first[n], second[n], shallow=False)]
    assert different == []


def test_generated_files_stay_out_of_tracked_folders(site):
    for folder in ("docs", "examples", "locales"):
        stray = [p for p in (site.root / folder).rglob("*")
                 if p.suffix in {".mo", ".ipynb", ".md5", ".zip"} or p.name == "__pycache__"]
        assert stray == [], stray
    assert (site.root / "docs" / "examples").is_symlink()


@pytest.mark.parametrize("name,code,error", [
    ("plot_0_raises", 'raise ValueError("broken on purpose")', "ValueError: broken on purpose"),
    ("plot_0_imports", "import no_such_package",
     "ModuleNotFoundError: No module named 'no_such_package'"),
])
def test_an_example_that_fails_stops_the_build_with_its_traceback(project_copy, name, code, error):
    def add_failing_example(root):
        (root / f"examples/tensors/{name}.py").write_text(
            f'"""\nFails\n=====\n\nOn purpose.\n"""\n\n{code}\n'
        )

    log = break_build(project_copy, add_failing_example)
    assert f"{name}.py" in log
    assert "Traceback" in log and error in log


def test_broken_markup_in_a_page_fails_the_build_naming_it(project_copy):
    def break_intro(root):
        page = root / "docs/intro.md"
        page.write_text(page.read_text() + "\n```{not-a-directive}\n```\n")

    log = break_build(project_copy, break_intro)
    assert re.search(r"docs/intro\.md:\d+: (WARNING|ERROR)", log)


def test_an_example_that_breaks_the_contract_stops_the_build_naming_it_and_the_fix(project_copy):
    def forget_the_losses(root):
        script = root / "examples/autograd/plot_3_autograd.py"
        script.write_text(script.read_text().replace("losses.append(loss.item())", "pass"))

    log = break_build(project_copy, forget_the_losses)
    assert ("example examples/autograd/plot_3_autograd.py breaks the site's contract:"
            " no code block made a global list `losses` grow") in log
    assert "append each iteration's loss" in log
