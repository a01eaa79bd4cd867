"""The files that make up the project, for a copy that builds on its own."""

import shutil
from pathlib import Path

# The project the tools work on: the Makefile runs them from its folder.
ROOT = Path.cwd()
# What a copy of the project needs to build, test and benchmark.
PROJECT_FILES = ["conf.py", "languages.toml", "Makefile", "pyproject.toml", "docs", "docs_engine", "examples",
                 "locales", "requirements.txt", "requirements-test.txt", "constraints.txt"]


def copy_project(target: Path) -> Path:
    """Copy the project's files (never _build or .venv) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target
