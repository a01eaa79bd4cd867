"""The gallery step executing examples side by side (docs_engine.execution.shards)."""

import os
import re
import shutil
from pathlib import Path

import pytest
from sphinx.errors import ExtensionError

from tests.layered.conftest import GALLERY_STEP, sphinx

# Each example leaves a file named after the process that executed it, in its
# source folder (sphinx-gallery executes an example there).
RECORD_PROCESS = 'import os\nopen(f"{os.getpid()}.pid", "w").close()\n'


def processes(basics: Path) -> set[int]:
    """The processes that executed the examples of ``basics``."""
    return {int(p.stem) for p in basics.glob("*.pid")}


def add_examples(root: Path, *extra: str) -> Path:
    """Record the executing process in the tiny example and in copies of it named ``extra``."""
    basics = root / "examples/basics"
    tiny = basics / "plot_1_tiny.py"
    source = tiny.read_text().replace("losses = []\n", RECORD_PROCESS + "losses = []\n")
    for name in ("plot_1_tiny", *extra):
        (basics / f"{name}.py").write_text(source)
    return basics


def test_examples_run_side_by_side_in_processes_of_their_own(tiny_copy):
    basics = add_examples(tiny_copy, "plot_2_twin", "plot_3_triplet")
    gallery = sphinx(tiny_copy, "dummy", **GALLERY_STEP, docs_engine_gallery_jobs=2)
    assert gallery.status == 0, gallery.warnings
    executing = processes(basics)
    assert len(executing) == 2 and os.getpid() not in executing
    executed = tiny_copy / "_build/gallery/basics"
    assert sorted(p.name for p in executed.glob("*.py.md5")) == [
        "plot_1_tiny.py.md5", "plot_2_twin.py.md5", "plot_3_triplet.py.md5"]
    # The whole-gallery run wrote the index with every example.
    index = (executed / "index.rst").read_text()
    assert all(name in index for name in ("plot_1_tiny", "plot_2_twin", "plot_3_triplet"))


def test_one_job_executes_every_example_in_the_build_itself(tiny_copy):
    basics = add_examples(tiny_copy, "plot_2_twin")
    assert sphinx(tiny_copy, "dummy", **GALLERY_STEP, docs_engine_gallery_jobs=1).status == 0
    assert processes(basics) == {os.getpid()}


def test_an_example_failing_in_a_shard_fails_the_build_with_its_traceback(tiny_copy):
    basics = add_examples(tiny_copy, "plot_2_twin")
    (basics / "plot_3_fails.py").write_text(
        '"""\nFails\n=====\n\nOn purpose.\n"""\n\nraise ValueError("broken on purpose")\n')
    # sphinx-gallery's own report, as when it executes every example itself.
    with pytest.raises(ExtensionError, match=r"(?s)plot_3_fails\.py.*Traceback"
                                             r".*ValueError: broken on purpose"):
        sphinx(tiny_copy, "dummy", **GALLERY_STEP, docs_engine_gallery_jobs=2)
    # What the shards executed is kept; the failing example will run again.
    executed = tiny_copy / "_build/gallery/basics"
    assert (executed / "plot_1_tiny.py.md5").exists() and (executed / "plot_2_twin.py.md5").exists()
    assert not (executed / "plot_3_fails.py.md5").exists()


# Warnings raised while an example executes: sphinx-gallery's, for a missing
# thumbnail file (it names the example), and one that anything running then (a
# scraper, an extension, the example) logs.
WARNS = {
    "missing thumbnail": ("# sphinx_gallery_thumbnail_path = 'missing.png'\n",
                          r"WARNING: .*sphinx_gallery_thumbnail_path .*missing\.png.*"
                          r"examples/basics/plot_3_warns\.py"),
    "logged": ('from sphinx.util import logging\n'
               'logging.getLogger("example").warning("drifted on purpose")\n',
               r"WARNING: drifted on purpose"),
}


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("warning", WARNS)
def test_a_warning_while_an_example_executes_fails_the_build(tiny_copy, warning, jobs):
    basics = add_examples(tiny_copy, "plot_2_twin", "plot_3_warns")
    line, reported = WARNS[warning]
    example = basics / "plot_3_warns.py"
    example.write_text(example.read_text().replace("losses = []\n", line + "losses = []\n"))
    gallery = sphinx(tiny_copy, "dummy", **GALLERY_STEP, docs_engine_gallery_jobs=jobs)
    assert gallery.status != 0
    assert re.search(reported, gallery.warnings), gallery.warnings
    assert "_build/shards" not in gallery.warnings  # the build's own paths


# What two executions of the same example differ by, in the same process or not:
# the seconds it took, and its figures' pickles (their images are compared).
RUNNING_TIME = re.compile(rb"\*\*Total running time of the script:\*\* \(.*\)")


def gallery_files(root: Path) -> dict[str, bytes]:
    """Every file of the executed gallery, without what depends on how fast it ran."""
    gallery = root / "_build/gallery"
    return {p.relative_to(gallery).as_posix(): RUNNING_TIME.sub(b"", p.read_bytes())
            for p in sorted(gallery.rglob("*"))
            if p.is_file() and not p.name.endswith((".cost.json", ".pickle"))}


def test_the_merged_shards_give_the_gallery_one_job_gives(tiny_copy):
    add_examples(tiny_copy, "plot_2_twin", "plot_3_triplet")
    assert sphinx(tiny_copy, "dummy", **GALLERY_STEP, docs_engine_gallery_jobs=1).status == 0
    one_job = gallery_files(tiny_copy)
    shutil.rmtree(tiny_copy / "_build")
    assert sphinx(tiny_copy, "dummy", **GALLERY_STEP, docs_engine_gallery_jobs=2).status == 0
    assert not (tiny_copy / "_build/shards").exists()  # merged, then removed
    two_jobs = gallery_files(tiny_copy)
    assert sorted(two_jobs) == sorted(one_job)
    assert [name for name in one_job if one_job[name] != two_jobs[name]] == []
