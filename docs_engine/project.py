"""The files that make up the project, for a copy that builds on its own, and its languages.

It imports only the standard library: the Makefile runs it for the
languages (``python -m docs_engine.project``) before the virtual
environment exists.
"""

import hashlib
import re
import shutil
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path


def find_root(start: Path) -> Path:
    """The project a tool works on: the nearest folder holding ``languages.toml``
    from ``start`` upwards, as git finds its repository, so that a tool works
    from any folder of the project; else ``start`` itself (a folder of
    catalogs alone), never another project."""
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / "languages.toml").is_file():
            return folder
    return start.resolve()


ROOT = find_root(Path.cwd())
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


# Sphinx's form of a language code, which is also the name of its folders
# (locales/<code>/, _build/html/<code>/): a language, then optionally a script
# and a region, joined by underscores (es, pt_BR, zh_Hant_TW, es_419).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2}|_[0-9]{3})?")


def read_languages(root: Path = ROOT) -> dict[str, str]:
    """The site's languages (code: name) from ``languages.toml``, in the switcher's order.

    The first is the source language; every other one is a translation.
    """
    path = root / "languages.toml"
    languages = tomllib.loads(path.read_text(encoding="utf-8"))
    for code, name in languages.items():
        if not LANGUAGE_CODE.fullmatch(code) or not isinstance(name, str):
            raise ValueError(f"{path}: {code} = {name!r} is not a language: write"
                             ' code = "name", the code as Sphinx reads it'
                             " (es, pt_BR, zh_CN: language, then region, joined by _)")
    if not languages:
        raise ValueError(f"{path}: no language; the first one is the source")
    return languages


def source_language(languages: Mapping[str, str]) -> str:
    """The language the pages and examples are written in: the first of ``languages.toml``."""
    return next(iter(languages))


def language_tag(code: str) -> str:
    """The BCP 47 tag HTML's ``lang`` and ``hreflang`` want: pt_BR is pt-BR."""
    return code.replace("_", "-")


def translated_languages(languages: Mapping[str, str]) -> list[str]:
    """The codes of the languages translated from the source, in order."""
    return list(languages)[1:]


if __name__ == "__main__":
    # For the Makefile: the codes, the source language first.
    try:
        print(" ".join(read_languages()))
    except (OSError, ValueError) as error:
        sys.exit(str(error))


def engine_version() -> int:
    """A number that changes whenever the engine's code does: the ``env_version``
    our extensions give Sphinx, which then reads every page again after an edit
    of ``docs_engine`` (a saved environment holds what the old code recorded)."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for module in sorted(package.rglob("*.py")):
        digest.update(module.relative_to(package).as_posix().encode() + b"\0")
        digest.update(module.read_bytes())
    return int.from_bytes(digest.digest()[:4], "big")
