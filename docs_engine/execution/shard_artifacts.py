"""One machine's shard of the gallery as a self-contained artifact; N of them merged.

``make gallery SHARD=k/N`` executes shard k of the shard plan
(:mod:`docs_engine.execution.shard_plan`) and then packs it (:func:`pack`)
into ``<build>/shard-artifacts/<k>/``: ``gallery/`` holds every file written
for each example it executed (its page, downloads, checksum, record, figures:
:func:`docs_engine.adapters.gallery_files.example_files`), at its path in the
gallery, and ``manifest.json`` says which shard of which plan it is, the
sources fingerprint and commit it was executed from, the processor it ran on,
the exit status of its build, the examples that failed, and each file's SHA-256. A CI job uploads that
folder as it is.

``make merge-shards`` (:func:`merge`) reads every ``<build>/shard-artifacts/*/manifest.json``
(a download puts each artifact in a folder of its own name) and checks them
all before it writes anything: every shard of the plan is there once; each
was executed from this checkout's sources (another commit is refused); its
files are all there, with their checksums (a partial upload is named, never
a silently shorter gallery); none of its examples failed (each is named), nor its build (a warning).
Each problem is one line. Then each example's files replace what the gallery
held for it, and the gallery step (``make html``) finds those examples
current (sphinx-gallery's checksums) and writes the indexes and zips of the
whole gallery, as after a one-machine execution: the same bytes.

Shards executed on different processors merge too: each example's record
says which machine made its log, and its page says it
(:mod:`docs_engine.pages.run_it_yourself`); the merge lists the processors.
"""

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path, PurePosixPath

from docs_engine.adapters import gallery_files
from docs_engine.example import Gallery
from docs_engine.execution.environment import processor_name
from docs_engine.execution.fingerprint import commit, sources_fingerprint
from docs_engine.execution.gallery import remove_outputs
from docs_engine.execution.shard_plan import (Plan, PlanError, add_location_arguments, command_line_gallery,
                                             parse_shard, plan_path, read_plan, shard_examples)

ARTIFACTS = "shard-artifacts"
MANIFEST = "manifest.json"
GALLERY = "gallery"  # the artifact's folder of executed files


class ShardError(Exception):
    """Shards that cannot be merged: one line for each problem."""


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def artifact_folder(build: Path, number: int) -> Path:
    return build / ARTIFACTS / str(number)


def pack(build: Path, gallery: Gallery, shard: str, examples: list[str], fingerprint: str,
         made_at: str, status: int = 0) -> Path:
    """Copy what shard ``shard`` ("k/N") executed of its ``examples`` into its artifact; its folder.

    An example of the shard without a checksum failed (sphinx-gallery, or the
    contract, took it away): the manifest names it and packs none of its files.
    ``status`` is the exit status of the shard's build: a warning fails it
    while every example keeps its checksum, and the merge refuses it too."""
    number, count = parse_shard(shard)
    root = artifact_folder(build, number)
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)  # a shard with nothing to execute has its manifest alone
    files, failed = {}, []
    for name in examples:
        example = gallery.example(name)
        if not gallery_files.is_executed(example.executed):
            failed.append(example.file)
            continue
        for path in gallery_files.example_files(example.executed):
            relative = path.relative_to(gallery.gallery_folder).as_posix()
            packed = root / GALLERY / relative
            packed.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, packed)
            files[relative] = checksum(packed)
    manifest = {"shard": number, "count": count, "fingerprint": fingerprint, "commit": made_at,
                "processor": processor_name(), "status": status, "examples": examples, "failed": failed,
                "files": files}
    (root / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return root


def read_manifests(build: Path) -> tuple[dict[int, tuple[Path, dict]], list[str]]:
    """Each shard's artifact folder and manifest, by number; the problems found."""
    found, problems = {}, []
    for path in sorted((build / ARTIFACTS).glob(f"*/{MANIFEST}")):
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
            number = manifest["shard"]
            if not isinstance(number, int) or not isinstance(manifest["files"], dict):
                raise TypeError
        except (OSError, ValueError, KeyError, TypeError):
            problems.append(f"{path}: not a shard's manifest (it was cut short, or is another file)")
            continue
        if number in found:
            problems.append(f"{path}: shard {number} again (also {found[number][0]})")
            continue
        found[number] = (path.parent, manifest)
    return found, problems


def shard_problems(folder: Path, manifest: dict, number: int, plan: Plan, fingerprint: str,
                   current_commit: str) -> list[str]:
    """What keeps one shard's artifact from being merged, one line each."""
    label = f"{folder}: shard {number} of {plan.count}"
    try:
        if manifest["count"] != plan.count:
            return [f"{label} belongs to a plan of {manifest['count']} shards: execute every shard of one plan"]
        if manifest["fingerprint"] != fingerprint:
            return [f"{label} was executed from other sources than this checkout (its commit"
                    f" {manifest['commit'] or 'unknown'}, this one {current_commit or 'unknown'}):"
                    " execute every shard from the same commit"]
        if manifest["examples"] != plan.examples(number):
            return [f"{label} executed other examples than the plan gives it: execute it again"]
        problems = [f"{label}: {file} failed there (its shard's log says why)" for file in manifest["failed"]]
        if manifest["status"] != 0 and not problems:
            problems.append(f"{label}: its build failed (exit status {manifest['status']}; its log says why)")
        for relative, expected in manifest["files"].items():
            packed = folder / GALLERY / relative
            if PurePosixPath(relative).is_absolute() or ".." in PurePosixPath(relative).parts:
                problems.append(f"{label}: its manifest names {relative}, outside the gallery")
            elif not packed.is_file():
                problems.append(f"{label} is incomplete: {relative} is missing (upload it again)")
            elif checksum(packed) != expected:
                problems.append(f"{label} is incomplete: {relative} differs from its manifest (upload it again)")
        return problems
    except (KeyError, TypeError):
        return [f"{label}: its manifest lacks what a shard's manifest holds"]


def merge(build: Path, gallery: Gallery, fingerprint: str, current_commit: str = "") -> dict[int, dict]:
    """Merge every shard of the build's plan into the gallery, once all are checked;
    each shard's manifest, by number. Raises :class:`ShardError` naming each problem."""
    try:
        plan = read_plan(plan_path(build))
    except PlanError as error:
        raise ShardError(str(error)) from None
    if plan.fingerprint != fingerprint:
        raise ShardError(f"{plan_path(build)}: the plan was made from other sources (commit"
                         f" {plan.commit or 'unknown'}) than this checkout: make it and the shards again")
    found, problems = read_manifests(build)
    for number in range(1, plan.count + 1):
        if number not in found:
            problems.append(f"{build / ARTIFACTS}: shard {number} of {plan.count} is missing:"
                            f" no {MANIFEST} names it (was its artifact uploaded and downloaded?)")
            continue
        problems += shard_problems(*found[number], number, plan, fingerprint, current_commit)
    problems += [f"{found[number][0]}: shard {number}, but the plan has {plan.count} shards"
                 for number in sorted(found) if not 1 <= number <= plan.count]
    if problems:
        raise ShardError("\n".join(problems))
    for number in range(1, plan.count + 1):
        folder, manifest = found[number]
        for name in manifest["examples"]:
            example = gallery.example(name)
            example.section.mkdir(parents=True, exist_ok=True)
            remove_outputs(example.section, example.stem)
        for relative in manifest["files"]:
            merged = gallery.gallery_folder / relative
            merged.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(folder / GALLERY / relative, merged)
    return {number: found[number][1] for number in range(1, plan.count + 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["pack", "merge"])
    parser.add_argument("shard", nargs="?", help="pack: the shard, k/N")
    parser.add_argument("--status", type=int, default=0, help="pack: the exit status of the shard's build")
    add_location_arguments(parser)
    args = parser.parse_args(argv)
    gallery = command_line_gallery(args)
    fingerprint, made_at = sources_fingerprint(args.project, gallery.examples_folder), commit(args.project)
    try:
        if args.action == "pack":
            examples = shard_examples(plan_path(args.build), args.shard or "", fingerprint)
            folder = pack(args.build, gallery, args.shard, examples, fingerprint, made_at, args.status)
            print(f"shard {args.shard}: packed into {folder}")
            return 0
        manifests = merge(args.build, gallery, fingerprint, made_at)
    except (PlanError, ShardError) as error:
        sys.exit(str(error))
    for number, manifest in manifests.items():
        print(f"shard {number}/{len(manifests)} merged, executed on {manifest['processor']}:"
              f" {', '.join(manifest['examples']) or 'nothing to execute'}")
    processors = {manifest["processor"] for manifest in manifests.values()}
    if len(processors) > 1:
        print(f"the shards ran on {len(processors)} kinds of processor: each example's page says"
              " which one made its log")
    return 0


if __name__ == "__main__":
    sys.exit(main())
