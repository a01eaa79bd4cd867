"""What a shard is checked against: the sources fingerprint, and a shard's name."""

import pytest

from docs_engine.execution.fingerprint import sources_fingerprint
from docs_engine.execution.shard_plan import PlanError, parse_shard


@pytest.fixture
def project(tmp_path):
    (tmp_path / "conf.py").write_text("project = 'x'\n")
    (tmp_path / "requirements.txt").write_text("torch==2.5.1\n")
    section = tmp_path / "examples/basics"
    section.mkdir(parents=True)
    (section / "plot_1_tiny.py").write_text("print(1)\n")
    (section / "GALLERY_HEADER.rst").write_text("Basics\n======\n")
    return tmp_path


def test_the_fingerprint_follows_the_sources_and_nothing_an_execution_leaves(project):
    before = sources_fingerprint(project, project / "examples")
    (project / "examples/basics/__pycache__").mkdir()
    (project / "examples/basics/__pycache__/plot_1_tiny.cpython-311.pyc").write_bytes(b"\0")
    (project / "examples/basics/1234.pid").write_text("")
    assert sources_fingerprint(project, project / "examples") == before
    for edited in ("examples/basics/plot_1_tiny.py", "examples/basics/GALLERY_HEADER.rst",
                   "requirements.txt", "conf.py"):
        path = project / edited
        text = path.read_text()
        path.write_text(text + "# edited\n")
        assert sources_fingerprint(project, project / "examples") != before, edited
        path.write_text(text)
    assert sources_fingerprint(project, project / "examples") == before


def test_a_shard_is_named_k_of_n():
    assert parse_shard("2/3") == (2, 3)
    for wrong in ("0/3", "4/3", "2", "a/b", "2/3/4", ""):
        with pytest.raises(PlanError, match=r"write the shard as k/N"):
            parse_shard(wrong)
