"""Execute the gallery's examples side by side: the Makefile's gallery step.

sphinx-gallery executes a gallery's sections one after another, so its own
``parallel`` option can only run examples of the same section side by side,
and the longest example of the series (the dynamic network) would hold back
the whole step. This runner splits the examples that need executing into
``--jobs`` shards of about equal running time (the longest first, by the
time each took last time), and runs one ``sphinx-build`` per shard at once,
each executing only its shard (:mod:`docs_engine.gallery_execution` turns the
others into sphinx-gallery's ``ignore_pattern``). A last run then finds every
example current (sphinx-gallery skips them by checksum) and writes what
covers the whole gallery: the indexes, the thumbnails, the zips; it also
removes stale outputs and checks every example against the contract.

With one job, or one example to execute, it is a single ``sphinx-build``
run, exactly as without this runner. The outputs are the same either way:
each example is executed once, by the same code, in a process of its own.

Usage (the Makefile's)::

    python -m docs_engine.gallery_shards --jobs 2 --doctrees _build/doctrees/gallery \\
        -- sphinx-build -c . -b dummy ... docs _build/dummy
"""

import argparse
import ast
import json
import subprocess
import sys
import threading
from pathlib import Path

from docs_engine import sphinx_gallery_adapter as sg

PLAN = "gallery-shards.json"


def plan_shards(pending: dict[str, float], jobs: int) -> list[list[str]]:
    """Split examples (name: expected seconds) into at most ``jobs`` balanced shards."""
    shards: list[tuple[float, list[str]]] = [(0.0, []) for _ in range(min(jobs, len(pending)))]
    for name in sorted(pending, key=lambda n: (-pending[n], n)):
        index = min(range(len(shards)), key=lambda i: (shards[i][0], i))
        total, names = shards[index]
        shards[index] = (total + pending[name], [*names, name])
    return [sorted(names) for _, names in shards if names]


def loop_iterations(source: str) -> int:
    """The iterations of the script's ``for ... in range(<number>)`` loops, nested
    loops multiplied: what an example never run before is weighed by."""
    def count(node: ast.AST, factor: int) -> int:
        total = 0
        for child in ast.iter_child_nodes(node):
            inner = factor
            if (isinstance(child, ast.For) and isinstance(child.iter, ast.Call)
                    and getattr(child.iter.func, "id", None) == "range" and child.iter.args
                    and isinstance(child.iter.args[-1], ast.Constant)
                    and isinstance(child.iter.args[-1].value, int)):
                inner = factor * child.iter.args[-1].value
                total += inner
            total += count(child, inner)
        return total
    return max(count(ast.parse(source), 1), 1)


def pending_examples(examples: Path, gallery: Path) -> dict[str, float]:
    """The examples sphinx-gallery would execute, each with its expected cost.

    The cost is the seconds it took last time; if any example has never run
    (a clean build), every one is weighed by its loop iterations instead.
    """
    pending = {
        source.relative_to(examples).as_posix(): sg.last_running_time(gallery_copy, None)
        for source in sorted(examples.rglob("plot_*.py"))
        if sg.needs_execution(source, gallery_copy := gallery / source.relative_to(examples))
    }
    if None in pending.values():
        return {name: float(loop_iterations((examples / name).read_text(encoding="utf-8")))
                for name in pending}
    return pending


def _stream(process: subprocess.Popen, prefix: str) -> None:
    for line in process.stdout:
        sys.stdout.write(prefix + line)
        sys.stdout.flush()


def run(command: list[str], doctrees: Path, shards: list[list[str]]) -> int:
    """Run one sphinx-build per shard at once, then the last, whole-gallery run."""
    if len(shards) > 1:
        plan = doctrees.parent / PLAN
        plan.parent.mkdir(parents=True, exist_ok=True)
        plan.write_text(json.dumps(shards, indent=1), encoding="utf-8")
        processes, readers = [], []
        for number in range(len(shards)):
            shard_command = [*command, "-d", f"{doctrees}-shard{number}",
                             "-D", f"gallery_shards={plan}", "-D", f"gallery_shard={number}"]
            process = subprocess.Popen(shard_command, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, text=True)
            reader = threading.Thread(target=_stream, args=(process, f"[shard {number + 1}] "))
            reader.start()
            processes.append(process)
            readers.append(reader)
        for reader in readers:
            reader.join()
        failed = [number + 1 for number, p in enumerate(processes) if p.wait() != 0]
        plan.unlink()
        if failed:
            print(f"gallery shard(s) {failed} failed; see their lines above", file=sys.stderr)
            return 1
    return subprocess.run([*command, "-d", str(doctrees)]).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--examples", type=Path, default=Path("examples"))
    parser.add_argument("--gallery", type=Path, default=Path("_build/gallery"))
    parser.add_argument("--doctrees", type=Path, required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    shards = plan_shards(pending_examples(args.examples, args.gallery), args.jobs)
    return run(command, args.doctrees, shards)


if __name__ == "__main__":
    sys.exit(main())
