"""What an executed gallery is made from, as one checksum: the sources fingerprint.

The examples' outputs depend on the example scripts (and their sections'
headers), the pinned requirements, ``conf.py`` and the engine's code
(:func:`docs_engine.project.engine_version`). Shards executed on other
machines are merged only when each was made from the same of all these as the
checkout that merges them (:mod:`docs_engine.execution.shard_artifacts`):
equal fingerprints, the same commit as far as the gallery can tell. The
commit itself is only named in messages, where git or CI knows it.

Standard library only, as :mod:`docs_engine.project`.
"""

import hashlib
import os
import subprocess
from pathlib import Path

from docs_engine.project import engine_version

# The project's files the examples' outputs depend on, besides the examples and the engine.
CONFIGURATION = ("conf.py", "pyproject.toml", "requirements.txt", "requirements-test.txt", "constraints.txt")
# The examples folder's files that are sources (not what an execution leaves there).
EXAMPLE_SOURCES = ("*.py", "*.rst", "*.txt")


def sources_fingerprint(project: Path, examples: Path) -> str:
    """The checksum of everything the executed gallery of ``examples`` depends on
    (``project``: the folder of ``conf.py`` and the requirements)."""
    digest = hashlib.sha256(str(engine_version()).encode() + b"\0")
    files = [(f"project/{name}", project / name) for name in CONFIGURATION if (project / name).is_file()]
    sources = {source for pattern in EXAMPLE_SOURCES for source in examples.rglob(pattern)
               if "__pycache__" not in source.parts}
    files += [(f"examples/{source.relative_to(examples).as_posix()}", source) for source in sorted(sources)]
    for name, path in files:
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def commit(project: Path) -> str:
    """The commit being built, to name in a message: CI's, or git's; "" if neither says."""
    if os.environ.get("GITHUB_SHA"):
        return os.environ["GITHUB_SHA"]
    try:
        result = subprocess.run(["git", "rev-parse", "HEAD"], cwd=project, capture_output=True,
                                text=True, check=False)
    except OSError:
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
