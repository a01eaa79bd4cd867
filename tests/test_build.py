"""The build as a whole: strict, reproducible, each example executed once."""

import filecmp
import re
from pathlib import Path

import pytest

from tests.conftest import break_build, build_site, make
from tests.helpers import EXAMPLES, soup


def test_each_example_is_executed_once_for_all_languages(site):
    executed = re.findall(r"Sphinx-Gallery successfully executed (\d+) out of", site.log)
    assert sum(map(int, executed)) == len(EXAMPLES)
    for example in EXAMPLES:  # sphinx-gallery names each script it runs
        script = Path(example).name + ".py"
        assert len(re.findall(rf"\] {script}$", site.log, re.M)) == 1, script


def _tree(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}


def test_two_builds_give_identical_outputs(site, tmp_path_factory):
    again = build_site(tmp_path_factory.mktemp("again"))
    first, second = _tree(site.html), _tree(again.html)
    assert first.keys() == second.keys()
    different = [name for name in first if not filecmp.cmp(first[name], second[name], shallow=False)]
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


def test_without_a_repository_url_no_page_shows_repository_links(project_copy):
    """Outside CI nothing says where the repository is: no links, rather than broken ones."""
    root = project_copy()
    nowhere = {"GITHUB_SERVER_URL": "", "GITHUB_REPOSITORY": "", "READTHEDOCS_GIT_CLONE_URL": ""}
    make(root, "html-es", environment=nowhere)
    pages = list((root / "_build/html/es").rglob("*.html"))
    assert len(pages) > len(EXAMPLES)
    with_links = [page for page in pages if soup(page).select(".repository-links, a.repository-link")]
    assert with_links == []
