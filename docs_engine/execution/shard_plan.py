"""Which example each of N machines executes: the shard plan, computed once.

The gallery can be executed across machines (a CI matrix): ``make shard-plan
SHARDS=N`` writes ``<build>/shard-plan.json``, every machine executes its
shard of that plan (``make gallery SHARD=k/N``), and one machine merges them
(:mod:`docs_engine.execution.shard_artifacts`). The plan is the one the local
shards follow (:func:`docs_engine.execution.shards.plan_shards`: the examples
that need executing, by the time each took last time, or by their loop
iterations when some never ran), padded to N shards: a shard may have
nothing to execute. It holds the sources fingerprint it was made from
(:mod:`docs_engine.execution.fingerprint`), so that a machine never executes
a plan of other sources, and the merge never mixes two.

Run by the Makefile::

    python -m docs_engine.execution.shard_plan --shards 3 --project . --examples examples --build _build

Where CI asks for them (``GITHUB_OUTPUT``), it also writes the shard numbers,
``shards=[1, 2, 3]``, for the matrix.
"""

import argparse
import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from docs_engine.example import Gallery
from docs_engine.execution.fingerprint import commit, sources_fingerprint

PLAN_FILE = "shard-plan.json"


class PlanError(Exception):
    """A plan that cannot be used: the message says which and why, in one line."""


@dataclass(frozen=True)
class Plan:
    shards: list[list[str]]  # each shard's examples, paths in the examples folder
    fingerprint: str  # of the sources it was made from
    commit: str  # the commit, where known ("" otherwise): for messages

    @property
    def count(self) -> int:
        return len(self.shards)

    def examples(self, shard: int) -> list[str]:
        return self.shards[shard - 1]


def plan_path(build: Path) -> Path:
    return build / PLAN_FILE


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/3"`` as (2, 3): the shard's number and how many there are."""
    number, _, count = text.partition("/")
    if not (number.isdigit() and count.isdigit() and 1 <= int(number) <= int(count)):
        raise PlanError(f"SHARD={text}: write the shard as k/N, 1 <= k <= N (SHARD=2/3)")
    return int(number), int(count)


def make_plan(gallery: Gallery, count: int, fingerprint: str, made_at: str) -> Plan:
    """The plan of ``count`` shards for the examples of ``gallery`` that need executing."""
    from docs_engine.execution.shards import pending_examples, plan_shards  # Sphinx's

    if count < 1:
        raise PlanError(f"SHARDS={count}: a plan has at least one shard")
    planned = plan_shards(pending_examples(gallery), count)
    return Plan(planned + [[] for _ in range(count - len(planned))], fingerprint, made_at)


def write_plan(plan: Plan, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(plan), indent=1) + "\n", encoding="utf-8")


def read_plan(path: Path) -> Plan:
    try:
        return Plan(**json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise PlanError(f"{path}: no shard plan; make one with make shard-plan SHARDS=N") from None
    except (OSError, ValueError, TypeError) as error:
        raise PlanError(f"{path}: not a shard plan ({error}); make one with make shard-plan SHARDS=N") from None


def shard_examples(path: Path, shard: str, fingerprint: str) -> list[str]:
    """The examples shard ``shard`` ("k/N") of the plan at ``path`` executes, once the
    plan is known to be of N shards and of these sources."""
    number, count = parse_shard(shard)
    plan = read_plan(path)
    if plan.count != count:
        raise PlanError(f"{path}: the plan has {plan.count} shards, not {count}: make shard-plan SHARDS={count}")
    if plan.fingerprint != fingerprint:
        raise PlanError(f"{path}: the plan was made from other sources (commit {plan.commit or 'unknown'}):"
                        f" make shard-plan SHARDS={count} again")
    return plan.examples(number)


def add_location_arguments(parser: argparse.ArgumentParser) -> None:
    """Where the Makefile's tools find the project, its examples and its build folder."""
    parser.add_argument("--project", type=Path, default=Path("."), help="the folder of conf.py")
    parser.add_argument("--examples", type=Path, default=Path("examples"))
    parser.add_argument("--build", type=Path, default=Path("_build"))


def command_line_gallery(args: argparse.Namespace) -> Gallery:
    """The gallery the Makefile builds: the examples, executed into ``<build>/gallery``."""
    return Gallery(args.examples.resolve(), (args.build / "gallery").resolve(), "examples")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shards", type=int, required=True)
    add_location_arguments(parser)
    args = parser.parse_args(argv)
    gallery = command_line_gallery(args)
    try:
        plan = make_plan(gallery, args.shards, sources_fingerprint(args.project, gallery.examples_folder),
                         commit(args.project))
    except PlanError as error:
        sys.exit(str(error))
    write_plan(plan, plan_path(args.build))
    for number, names in enumerate(plan.shards, start=1):
        print(f"shard {number}/{plan.count}: {', '.join(names) or 'nothing to execute'}")
    if os.environ.get("GITHUB_OUTPUT"):
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as output:
            output.write(f"shards={json.dumps(list(range(1, plan.count + 1)))}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
