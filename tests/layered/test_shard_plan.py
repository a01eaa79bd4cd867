from pathlib import Path

import pytest
from sphinx.errors import ExtensionError

from docs_engine.execution.shards import (build_paths, loop_iterations, override_options,
                                        plan_shards, warning_entries)


def test_the_longest_examples_are_spread_first_over_balanced_shards():
    pending = {"nn/plot_8.py": 8.0, "nn/plot_6.py": 2.0, "a/plot_1.py": 0.7,
               "a/plot_2.py": 1.6, "b/plot_3.py": 0.4, "b/plot_4.py": 0.5}
    shards = plan_shards(pending, 2)
    assert shards == [["nn/plot_8.py"], ["a/plot_1.py", "a/plot_2.py", "b/plot_3.py",
                                         "b/plot_4.py", "nn/plot_6.py"]]


def test_no_more_shards_than_examples_to_run():
    assert plan_shards({"a/plot_1.py": 1.0}, 4) == [["a/plot_1.py"]]
    assert plan_shards({}, 2) == []


def test_examples_never_run_are_weighed_by_their_loop_iterations():
    assert loop_iterations("for t in range(2000):\n    pass\n") == 2000
    assert loop_iterations("for t in range(30000):\n    for k in range(3):\n        pass\n") == 120000
    assert loop_iterations("x = 1\n") == 1


def test_a_shards_warnings_file_is_read_entry_by_entry():
    text = ("/site/examples/a/plot_1.py:12: WARNING: drifted [misc.drift]\n"
            "WARNING: no location\n"
            "ERROR: broken\n  on two lines\n")
    assert warning_entries(text) == [
        ("WARNING", "/site/examples/a/plot_1.py:12", "drifted [misc.drift]"),
        ("WARNING", None, "no location"),
        ("ERROR", None, "broken\n  on two lines"),
    ]
    assert warning_entries("") == []


def test_a_shards_paths_are_given_as_the_builds_own():
    links = {Path("/b/shards/1/docs"): Path("/site/docs"),
             Path("/b/shards/1/docs/_static"): Path("/site/docs/_static"),
             Path("/b/shards/1/examples"): Path("/site/examples")}
    assert build_paths("'/b/shards/1/docs/missing.png' not found for"
                       " '/b/shards/1/examples/a/plot_1.py'", links) == \
        "'/site/docs/missing.png' not found for '/site/examples/a/plot_1.py'"


def test_the_builds_overrides_are_given_to_a_shard_as_options():
    assert override_options({"include_patterns": ["index.md"], "nitpicky": True,
                             "docs_engine_gallery_jobs": 1}) == [
        "-D", "include_patterns=index.md", "-D", "nitpicky=1", "-D", "docs_engine_gallery_jobs=1"]
    with pytest.raises(ExtensionError, match="intersphinx_mapping"):
        override_options({"intersphinx_mapping": {}})
