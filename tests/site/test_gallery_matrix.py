"""The workflow executes the gallery on a matrix of machines and keeps it across runs
(README, "The gallery on several machines"). The workflow's schema and zizmor's
audit are test_hosting.py's, for the whole file."""

import re

from tests.site.helpers import ROOT
from tests.site.test_hosting import WORKFLOW, yaml

PINNED = re.compile(r"[\w./-]+@[0-9a-f]{40}")


def steps_using(job: dict, action: str) -> list[dict]:
    return [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]


def run_step(job: dict, command: str) -> dict:
    return next(step for step in job["steps"] if step.get("run", "").startswith(command))


def test_one_setting_gives_the_matrix_its_shards_planned_once():
    workflow = yaml(WORKFLOW)
    jobs = workflow["jobs"]
    shards = workflow["env"]["GALLERY_SHARDS"]
    assert isinstance(shards, int) and shards >= 1
    plan = jobs["plan"]
    assert run_step(plan, "make shard-plan")["run"] == 'make shard-plan SHARDS="$GALLERY_SHARDS"'
    assert plan["outputs"]["shards"] == "${{ steps.plan.outputs.shards }}"
    [handed] = steps_using(plan, "actions/upload-artifact")
    assert handed["with"]["name"] == "shard-plan" and handed["with"]["path"] == "_build/shard-plan.json"
    gallery = jobs["gallery"]
    assert gallery["needs"] == "plan"
    assert gallery["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.plan.outputs.shards) }}"
    assert gallery["strategy"]["fail-fast"] is False
    [received] = steps_using(gallery, "actions/download-artifact")
    assert received["with"] == {"name": "shard-plan", "path": "_build"}
    execute = run_step(gallery, "make gallery")
    assert execute["run"] == 'make gallery SHARD="$SHARD/$GALLERY_SHARDS"'
    assert execute["env"] == {"SHARD": "${{ matrix.shard }}"}


def test_every_shard_is_uploaded_even_failed_and_merged_before_the_build():
    jobs = yaml(WORKFLOW)["jobs"]
    [upload] = steps_using(jobs["gallery"], "actions/upload-artifact")
    assert upload["if"] == "${{ !cancelled() }}"  # its manifest names a failed example
    assert upload["with"]["name"] == "gallery-shard-${{ matrix.shard }}"
    assert upload["with"]["path"] == "_build/shard-artifacts/${{ matrix.shard }}"
    assert upload["with"]["if-no-files-found"] == "error"
    build = jobs["build"]
    assert build["needs"] == ["plan", "gallery"]
    assert build["if"] == "${{ !cancelled() && needs.plan.result == 'success' }}"
    downloads = [step["with"] for step in steps_using(build, "actions/download-artifact")]
    assert {"name": "shard-plan", "path": "_build"} in downloads
    assert {"pattern": "gallery-shard-*", "path": "_build/shard-artifacts"} in downloads
    commands = [step["run"] for step in build["steps"] if "run" in step]
    assert commands.index("make merge-shards") < commands.index("make html") < commands.index("make test")
    # What publishes waits for the build, which waits for every shard.
    assert jobs["deploy"]["needs"] == jobs["notebooks"]["needs"] == "build"


def test_the_executed_gallery_is_kept_across_runs_of_one_environment():
    jobs = yaml(WORKFLOW)["jobs"]
    [restore] = steps_using(jobs["plan"], "actions/cache/restore")
    key, restore_keys = restore["with"]["key"], restore["with"]["restore-keys"].splitlines()
    assert restore["with"]["path"] == "_build/gallery"
    environment = ("runner.os", "runner.arch", "steps.python.outputs.python-version",
                   "hashFiles('requirements.txt', 'requirements-test.txt', 'constraints.txt')")
    # A cache of another environment is never restored: every fallback key holds it.
    assert [fallback for fallback in restore_keys if not all(part in fallback for part in environment)] == []
    assert all(key.startswith(fallback) for fallback in restore_keys)
    sources = key.removeprefix(restore_keys[0])
    for source in ("examples/**", "conf.py", "docs_engine/**/*.py"):
        assert source in sources
    build = jobs["build"]
    [again] = steps_using(build, "actions/cache/restore")
    assert again["with"]["key"] == "${{ needs.plan.outputs.restored-gallery }}"  # the plan's very gallery
    assert "restore-keys" not in again["with"] and again["with"]["fail-on-cache-miss"] is True
    [save] = steps_using(build, "actions/cache/save")
    assert save["with"] == {"path": "_build/gallery", "key": "${{ needs.plan.outputs.gallery-key }}"}
    commands = [step.get("run") for step in build["steps"]]
    assert commands.index("make html") < build["steps"].index(save) < commands.index("make test")


def test_the_matrix_artifact_and_cache_actions_are_pinned_by_commit():
    jobs = yaml(WORKFLOW)["jobs"]
    uses = [step["uses"] for job in ("plan", "gallery", "build") for step in jobs[job]["steps"] if "uses" in step]
    for action in ("actions/cache/restore", "actions/cache/save", "actions/upload-artifact",
                   "actions/download-artifact"):
        assert any(use.startswith(action + "@") for use in uses), action
    assert [use for use in uses if not PINNED.fullmatch(use)] == []
    # One version of each action in the whole workflow.
    text = WORKFLOW.read_text(encoding="utf-8")
    for action in ("actions/cache", "actions/upload-artifact", "actions/download-artifact"):
        assert len(set(re.findall(rf"{action}(?:/\w+)?@([0-9a-f]{{40}})", text))) == 1, action
    assert (ROOT / "Makefile").read_text().count("merge-shards:") == 1
