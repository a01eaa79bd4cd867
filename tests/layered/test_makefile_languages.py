"""The Makefile's languages, from languages.toml as conf.py reads it.

``make -n`` prints what ``make html`` and the translators' targets would
run, in a copy of the Makefile and the engine: nothing is built, nothing
needs the virtual environment.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def dry_run(tmp_path: Path, languages: str, *targets: str) -> subprocess.CompletedProcess:
    """What ``make -n targets`` would run in a project whose languages.toml is ``languages``."""
    tmp_path.mkdir(exist_ok=True)
    for name in ("Makefile", "conf.py", "pyproject.toml", "requirements.txt", "requirements-test.txt",
                 "constraints.txt"):
        shutil.copy(PROJECT / name, tmp_path / name)
    shutil.copytree(PROJECT / "docs_engine", tmp_path / "docs_engine",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("docs", "examples"):
        (tmp_path / folder).mkdir()
    (tmp_path / "languages.toml").write_text(languages, encoding="utf-8")
    return subprocess.run(["make", "-n", *targets], cwd=tmp_path, capture_output=True, text=True)


def commands(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def built(log: str) -> list[str]:
    """The languages whose Sphinx build the log runs, the lower-priority ones marked ``nice``."""
    return [("nice " if line.startswith("nice") else "") + re.search(r"-D language=(\S+)", line)[1]
            for line in log.splitlines() if "-b html" in line]


def test_a_region_code_is_built_compiled_and_given_to_the_translators(tmp_path):
    log = commands(dry_run(tmp_path, 'en = "English"\nes = "Español"\npt_BR = "Português (Brasil)"\n',
                           "html", "stats"))
    assert sorted(built(log)) == ["es", "nice en", "pt_BR"]
    assert sorted(re.findall(r"catalog_compiler --language (\S+)", log)) == ["es", "pt_BR"]
    assert "translators.stats --language es --language pt_BR" in log


def test_the_source_language_is_the_first_of_languages_toml(tmp_path):
    log = commands(dry_run(tmp_path, 'es = "Español"\nen = "English"\n', "html", "stats"))
    assert sorted(built(log)) == ["en", "nice es"]
    assert re.findall(r"catalog_compiler --language (\S+)", log) == ["en"]
    assert "translators.stats --language en\n" in log


def test_a_code_sphinx_cannot_read_stops_make_saying_why(tmp_path):
    result = dry_run(tmp_path, 'en = "English"\npt-BR = "Português"\n', "html")
    assert result.returncode != 0
    assert "pt-BR = 'Português' is not a language" in result.stderr
    assert "languages.toml could not be read" in result.stderr


def test_preview_of_a_catalog_builds_the_language_of_its_folder(tmp_path):
    languages = 'en = "English"\nes = "Español"\npt_BR = "Português (Brasil)"\n'
    log = commands(dry_run(tmp_path, languages, "preview", "PAGE=locales/pt_BR/LC_MESSAGES/intro.po"))
    assert built(log) == ["pt_BR"]
    assert built(commands(dry_run(tmp_path / "page", languages, "preview", "PAGE=intro"))) == ["es"]


def test_every_sphinx_run_ends_through_the_exit_handlers(tmp_path):
    """docs_engine.adapters.sphinx_build: every exit handler runs, then the process ends
    before the interpreter's teardown (test_sphinx_build.py)."""
    log = commands(dry_run(tmp_path, 'en = "English"\nes = "Español"\n', "html"))
    runs = [line for line in log.splitlines() if " -b " in line]
    assert len(runs) == 3  # the gallery step and each language
    assert all(re.search(r"/bin/python -m docs_engine\.adapters\.sphinx_build -c \. ", line) for line in runs), runs


def test_make_html_installs_the_environment_once_and_never_past_a_callers_o(tmp_path):
    languages = 'en = "English"\nes = "Español"\n'
    fresh = commands(dry_run(tmp_path / "fresh", languages, "html"))
    assert fresh.count("pip install --quiet --no-deps --editable .") == 1  # a new machine
    # A copy built with a shared environment, as the tests and the benchmark do
    # (its requirements files newer than the environment's stamp): no install,
    # in make html's own step or in the sub-make that builds the languages.
    venv = tmp_path / "shared-venv"
    (venv / "bin").mkdir(parents=True)
    (venv / ".installed").touch()
    os.utime(venv / ".installed", (0, 0))
    shared = commands(dry_run(tmp_path / "copy", languages, f"VENV={venv}",
                              f"INSTALLED={venv}/.installed", "-o", f"{venv}/.installed", "html"))
    assert "pip install" not in shared and "-b html" in shared
