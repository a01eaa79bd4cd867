"""The gallery executed on several machines (make gallery SHARD=k/N, make merge-shards),
and restored from a cache: docs_engine.execution.shard_plan, shard_artifacts.

Each "machine" is a copy of the tiny project of its own, as a CI matrix job is
a checkout of its own; the artifacts travel between them as folders.
"""

import json
import re
import shutil
from pathlib import Path

import pytest
from sphinx.errors import ExtensionError

from docs_engine.example import Gallery
from docs_engine.execution import environment, shard_artifacts, shard_plan
from docs_engine.execution.fingerprint import sources_fingerprint
from docs_engine.execution.shard_artifacts import ShardError, merge, pack
from docs_engine.execution.shard_plan import PlanError, make_plan, plan_path, shard_examples, write_plan
from tests.layered.conftest import GALLERY_STEP, PROJECT, build_tinysite, copy_tinysite, sphinx

EXAMPLES = ("plot_1_tiny", "plot_2_twin", "plot_3_triplet")
# Each example notes its name in the file EXECUTED_LOG names, when it executes.
NOTE_EXECUTION = ('import os\nwith open(os.environ.get("EXECUTED_LOG", os.devnull), "a") as log:\n'
                  '    log.write("{name}\\n")\n')


def machine(folder: Path, *, failing: bool = False, edited: str = "") -> Path:
    """A copy of the tiny project with three examples (and one that raises, or one edited)."""
    root = copy_tinysite(folder)
    basics = root / "examples/basics"
    tiny = (basics / "plot_1_tiny.py").read_text()
    for name in EXAMPLES:
        source = tiny.replace("losses = []\n", NOTE_EXECUTION.format(name=name) + "losses = []\n")
        (basics / f"{name}.py").write_text(source + (f"# {edited}\n" if name == "plot_2_twin" and edited else ""))
    if failing:
        (basics / "plot_4_fails.py").write_text('"""\nFails\n=====\n\nOn purpose.\n"""\n\nraise ValueError("no")\n')
    return root


def gallery(root: Path) -> Gallery:
    return Gallery.from_settings(root / "docs", "../examples", "examples")


def fingerprint(root: Path) -> str:
    return sources_fingerprint(PROJECT, root / "examples")


def plan(root: Path, count: int) -> Path:
    """Make the shard plan of ``root`` (as make shard-plan does); its file."""
    write_plan(make_plan(gallery(root), count, fingerprint(root), ""), plan_path(root / "_build"))
    return plan_path(root / "_build")


def execute_shard(root: Path, shard: str, plan_file: Path) -> Path:
    """make gallery SHARD=k/N on the machine ``root``, given the plan: its artifact."""
    if plan_file != plan_path(root / "_build"):
        plan_path(root / "_build").parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(plan_file, plan_path(root / "_build"))
    try:
        status = sphinx(root, "dummy", **GALLERY_STEP, docs_engine_gallery_shard=shard).status
    except ExtensionError:  # an example raised: the artifact is packed all the same
        status = 1
    examples = shard_examples(plan_path(root / "_build"), shard, fingerprint(root))
    return pack(root / "_build", gallery(root), shard, examples, fingerprint(root), "", status)


def receive(root: Path, artifacts: dict[int, Path]) -> None:
    """Put the shards' artifacts where a download puts them: a folder each, by artifact name."""
    for number, artifact in artifacts.items():
        shutil.copytree(artifact, root / "_build/shard-artifacts" / f"gallery-shard-{number}")


def site_files(root: Path) -> dict[str, bytes]:
    html = root / "_build/html"
    return {p.relative_to(html).as_posix(): p.read_bytes() for p in sorted(html.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    """The plan of three shards, made once on the merging machine, and each shard
    executed on a machine of its own: (the plan, the artifacts by number)."""
    folder = tmp_path_factory.mktemp("machines")
    plan_file = plan(machine(folder / "planner"), 3)
    artifacts = {number: execute_shard(machine(folder / f"machine-{number}"), f"{number}/3", plan_file)
                 for number in (1, 2, 3)}
    return plan_file, artifacts


def merging_machine(folder: Path, shards, **edits) -> Path:
    plan_file, artifacts = shards
    root = machine(folder, **edits)
    (root / "_build").mkdir()
    shutil.copy(plan_file, plan_path(root / "_build"))
    receive(root, artifacts)
    return root


def test_the_plan_gives_each_of_three_machines_one_example(shards):
    plan_file, artifacts = shards
    executed = [shard_examples(plan_file, f"{number}/3", fingerprint(artifacts[number].parents[2]))
                for number in (1, 2, 3)]
    assert sorted(name for names in executed for name in names) == [f"basics/{n}.py" for n in EXAMPLES]


def test_three_machines_merged_on_a_fourth_give_the_one_machine_site(tmp_path, shards):
    one_machine = machine(tmp_path / "one")
    build_tinysite(one_machine)
    merged = merging_machine(tmp_path / "merge", shards)
    merge(merged / "_build", gallery(merged), fingerprint(merged))
    log = tmp_path / "executed.txt"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXECUTED_LOG", str(log))
        build_tinysite(merged)
    assert not log.exists()  # the merged examples are current: none runs again
    expected, built = site_files(one_machine), site_files(merged)
    assert sorted(built) == sorted(expected)
    assert [name for name in expected if built[name] != expected[name]] == []


def test_a_missing_shard_is_named(tmp_path, shards):
    root = merging_machine(tmp_path / "merge", shards)
    shutil.rmtree(root / "_build/shard-artifacts/gallery-shard-2")
    with pytest.raises(ShardError, match=r"^\S+/shard-artifacts: shard 2 of 3 is missing: no manifest\.json"
                                         r" names it \(was its artifact uploaded and downloaded\?\)$"):
        merge(root / "_build", gallery(root), fingerprint(root))
    assert not (root / "_build/gallery").exists()  # nothing merged


def test_a_partial_shard_is_named_by_its_missing_file(tmp_path, shards):
    root = merging_machine(tmp_path / "merge", shards)
    artifact = root / "_build/shard-artifacts/gallery-shard-3"
    lost = next((artifact / "gallery").rglob("*.png"))
    lost.unlink()
    relative = lost.relative_to(artifact / "gallery").as_posix()
    with pytest.raises(ShardError) as refused:
        merge(root / "_build", gallery(root), fingerprint(root))
    assert str(refused.value) == (f"{artifact}: shard 3 of 3 is incomplete: {relative} is missing"
                                  " (upload it again)")


def test_a_shard_from_another_commit_is_refused(tmp_path, shards):
    # Another commit's machine: one example differs, and so does its plan.
    other = machine(tmp_path / "other", edited="another commit")
    stranger = execute_shard(other, "2/3", plan(other, 3))
    root = merging_machine(tmp_path / "merge", shards)
    shutil.rmtree(root / "_build/shard-artifacts/gallery-shard-2")
    receive(root, {2: stranger})
    with pytest.raises(ShardError) as refused:
        merge(root / "_build", gallery(root), fingerprint(root))
    assert str(refused.value) == (f"{root}/_build/shard-artifacts/gallery-shard-2: shard 2 of 3 was executed"
                                  " from other sources than this checkout (its commit unknown, this one"
                                  " unknown): execute every shard from the same commit")


def test_a_machine_refuses_a_plan_of_other_sources(tmp_path, shards, monkeypatch):
    plan_file, _ = shards
    other = machine(tmp_path / "other", edited="another commit")
    (other / "_build").mkdir()
    shutil.copy(plan_file, plan_path(other / "_build"))
    log = tmp_path / "executed.txt"
    monkeypatch.setenv("EXECUTED_LOG", str(log))
    refused = sphinx(other, "dummy", **GALLERY_STEP, docs_engine_gallery_shard="1/3")
    assert refused.status != 0 and not log.exists()  # nothing executed
    lines = re.sub(r"\x1b\[[0-9;]*m", "", refused.warnings).splitlines()  # without colours
    assert f"ERROR: {other}/_build/shard-plan.json: the plan was made from other sources (commit unknown):" \
           " make shard-plan SHARDS=3 again" in lines, lines


def test_an_example_failing_in_a_shard_is_named_and_fails_the_merge(tmp_path):
    shard_machine = machine(tmp_path / "machine", failing=True)
    artifact = execute_shard(shard_machine, "1/1", plan(shard_machine, 1))
    root = machine(tmp_path / "merge", failing=True)
    (root / "_build").mkdir()
    shutil.copy(plan_path(shard_machine / "_build"), plan_path(root / "_build"))
    receive(root, {1: artifact})
    with pytest.raises(ShardError) as refused:
        merge(root / "_build", gallery(root), fingerprint(root))
    assert str(refused.value) == (f"{root}/_build/shard-artifacts/gallery-shard-1: shard 1 of 1:"
                                  " examples/basics/plot_4_fails.py failed there (its shard's log says why)")


def test_shards_of_different_processors_say_which_made_each_log(tmp_path, shards, monkeypatch):
    plan_file, artifacts = shards
    elsewhere = machine(tmp_path / "elsewhere")
    with monkeypatch.context() as patch:
        for module in (environment, shard_artifacts):
            # One word: the page shows it as code, a span a word.
            patch.setattr(module, "processor_name", lambda: "Imaginary-CPU-9000")
        other_processor = execute_shard(elsewhere, "3/3", plan_file)
    root = merging_machine(tmp_path / "merge", (plan_file, {**artifacts, 3: other_processor}))
    manifests = merge(root / "_build", gallery(root), fingerprint(root))
    assert manifests[3]["processor"] == "Imaginary-CPU-9000" != manifests[1]["processor"]
    assert sphinx(root, "dummy", **GALLERY_STEP).status == 0
    assert sphinx(root, "html", docs_engine_gallery_execute=False).status == 0
    for name in EXAMPLES:
        page = (root / f"_build/html/en/examples/basics/{name}.html").read_text()
        elsewhere_made_it = name in [Path(n).stem for n in manifests[3]["examples"]]
        assert ("Imaginary-CPU-9000" in page) == elsewhere_made_it, name


# -- A cache across runs: the executed gallery of the last run, restored --------

def test_a_restored_gallery_executes_nothing_and_a_changed_example_alone(tmp_path, monkeypatch):
    last_run = machine(tmp_path / "last-run")
    assert sphinx(last_run, "dummy", **GALLERY_STEP).status == 0
    log = tmp_path / "executed.txt"
    monkeypatch.setenv("EXECUTED_LOG", str(log))
    # A new checkout of the same sources, the gallery restored as actions/cache restores it.
    unchanged = machine(tmp_path / "unchanged")
    shutil.copytree(last_run / "_build/gallery", unchanged / "_build/gallery")
    assert make_plan(gallery(unchanged), 3, fingerprint(unchanged), "").shards == [[], [], []]
    assert sphinx(unchanged, "dummy", **GALLERY_STEP).status == 0
    assert not log.exists()
    # One example changed: the plan gives it alone to a machine, which executes it alone.
    changed = machine(tmp_path / "changed", edited="changed")
    shutil.copytree(last_run / "_build/gallery", changed / "_build/gallery")
    assert make_plan(gallery(changed), 3, fingerprint(changed), "").shards == [["basics/plot_2_twin.py"], [], []]
    assert sphinx(changed, "dummy", **GALLERY_STEP).status == 0
    assert log.read_text() == "plot_2_twin\n"


def test_a_shard_whose_build_warned_is_refused(tmp_path, shards):
    plan_file, _ = shards
    warned = machine(tmp_path / "warned")
    example = warned / "examples/basics/plot_2_twin.py"
    # sphinx-gallery warns about the missing file and keeps the example's checksum.
    example.write_text(example.read_text().replace(
        "losses = []\n", "# sphinx_gallery_thumbnail_path = 'missing.png'\nlosses = []\n"))
    artifact = execute_shard(warned, "1/1", plan(warned, 1))
    root = machine(tmp_path / "merge")
    (root / "_build").mkdir()
    shutil.copy(plan_path(warned / "_build"), plan_path(root / "_build"))
    example = root / "examples/basics/plot_2_twin.py"
    example.write_text((warned / "examples/basics/plot_2_twin.py").read_text())
    receive(root, {1: artifact})
    with pytest.raises(ShardError) as refused:
        merge(root / "_build", gallery(root), fingerprint(root))
    assert str(refused.value) == (f"{root}/_build/shard-artifacts/gallery-shard-1: shard 1 of 1: its build"
                                  " failed (exit status 1; its log says why)")


def test_the_plan_gives_ci_the_shard_numbers(tmp_path, monkeypatch):
    root = machine(tmp_path / "planner")
    outputs = tmp_path / "github-output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(outputs))
    assert shard_plan.main(["--shards", "3", "--project", str(PROJECT), "--examples", str(root / "examples"),
                            "--build", str(root / "_build")]) == 0
    assert outputs.read_text() == "shards=[1, 2, 3]\n"
    assert shard_examples(plan_path(root / "_build"), "2/3", fingerprint(root)) != []
    with pytest.raises(PlanError, match=r"the plan has 3 shards, not 4: make shard-plan SHARDS=4$"):
        shard_examples(plan_path(root / "_build"), "2/4", fingerprint(root))
    with pytest.raises(PlanError, match=r"^SHARD=4/3: write the shard as k/N"):
        shard_examples(plan_path(root / "_build"), "4/3", fingerprint(root))


def test_a_shard_with_nothing_to_execute_packs_an_empty_artifact(tmp_path, monkeypatch):
    root = machine(tmp_path / "machine")
    plan_file = plan(root, 4)  # three examples: the fourth shard has none
    log = tmp_path / "executed.txt"
    monkeypatch.setenv("EXECUTED_LOG", str(log))
    artifact = execute_shard(root, "4/4", plan_file)
    assert not log.exists()
    manifest = json.loads((artifact / "manifest.json").read_text())
    assert (manifest["examples"], manifest["failed"], manifest["files"], manifest["status"]) == ([], [], {}, 0)


def test_a_gallery_restored_from_another_environment_is_executed_again(tmp_path, monkeypatch):
    last_run = machine(tmp_path / "last-run")
    assert sphinx(last_run, "dummy", **GALLERY_STEP).status == 0
    restored = machine(tmp_path / "restored")
    shutil.copytree(last_run / "_build/gallery", restored / "_build/gallery")
    # Its records say another Python made it (a cache key would keep it out; the records do too).
    for record in (restored / "_build/gallery").rglob("*.training.json"):
        data = json.loads(record.read_text())
        data["environment"]["python"] = "3.10.0"
        record.write_text(json.dumps(data))
    log = tmp_path / "executed.txt"
    monkeypatch.setenv("EXECUTED_LOG", str(log))
    assert sphinx(restored, "dummy", **GALLERY_STEP).status == 0
    assert sorted(log.read_text().split()) == list(EXAMPLES)


def test_a_manifest_naming_a_file_outside_the_gallery_is_refused(tmp_path, shards):
    root = merging_machine(tmp_path / "merge", shards)
    artifact = root / "_build/shard-artifacts/gallery-shard-1"
    manifest = json.loads((artifact / "manifest.json").read_text())
    manifest["files"]["../../conf.py"] = "0" * 64
    (artifact / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ShardError) as refused:
        merge(root / "_build", gallery(root), fingerprint(root))
    assert str(refused.value) == f"{artifact}: shard 1 of 3: its manifest names ../../conf.py, outside the gallery"
