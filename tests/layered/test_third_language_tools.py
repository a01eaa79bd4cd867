"""A third language through every translator's tool, as README adds one.

A copy of the tiny project (with the engine, so that the tools work on the
copy) gets a third language: one line in languages.toml (``fr``), then the
update step, which makes its catalogs from the templates (here templates made
from the Spanish catalogs: the tools need no gettext build, no Sphinx).
Then every tool runs as the Makefile runs it, a process each: every language
shows in stats, todo, find and review; the untranslated French passes lint,
which says what it does not check in French; and a broken Spanish catalog
fails every tool with one line, msgfmt's ``file:line: problem``, and no
traceback, leaving every catalog as it was.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PROJECT = Path(__file__).resolve().parents[2]
TINYSITE = PROJECT / "tests" / "tinysite"
LANGUAGES = 'en = "English"\nes = "Español"\nfr = "Français"\n'
# A glossary whose Spanish column holds a verb: "Ajustamos" translates "fit"
# only by Spanish's rules (docs_engine/languages/es.py), which lint must use.
GLOSSARY = """\
# Glossary

| English | Spanish | Note |
| --- | --- | --- |
| fit | ajustar | |
| gradient descent | descenso de gradiente | |
| loss | pérdida | |
"""
SPANISH = "locales/es/LC_MESSAGES/index.po"
FRENCH = "locales/fr/LC_MESSAGES/index.po"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]


def tool(project: Path, module: str, *args: str) -> subprocess.CompletedProcess:
    """``python -m docs_engine.<module>`` in the project, as the Makefile runs it."""
    return subprocess.run([sys.executable, "-m", f"docs_engine.{module}", *args], cwd=project,
                          capture_output=True, text=True)


def make(project: Path, *targets: str) -> subprocess.CompletedProcess:
    """The Makefile's targets in the project, with this environment, installing nothing."""
    venv = Path(sys.executable).parent.parent
    installed = project / "_build" / "no-install"
    return subprocess.run(["make", "--no-print-directory", f"VENV={venv}", f"PYTHON={sys.executable}",
                           f"INSTALLED={installed}", "-o", str(installed), "-o", "system-tools", *targets],
                          cwd=project, capture_output=True, text=True)


def templates(project: Path, target: Path) -> Path:
    """The templates the gettext build would write: the Spanish catalogs' messages."""
    folder = project / "locales/es/LC_MESSAGES"
    for catalog in folder.rglob("*.po"):
        template = polib.POFile()
        template.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        for entry in polib.pofile(str(catalog)):
            template.append(polib.POEntry(msgid=entry.msgid, comment=entry.comment))
        path = target / catalog.relative_to(folder).with_suffix(".pot")
        path.parent.mkdir(parents=True, exist_ok=True)
        template.save(str(path))
    return target


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Path:
    """The tiny project with French added as README says, its catalogs made and committed."""
    project = tmp_path_factory.mktemp("third") / "site"
    shutil.copytree(TINYSITE, project)
    shutil.copytree(PROJECT / "docs_engine", project / "docs_engine",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", ".pre-commit-config.yaml"):
        shutil.copy(PROJECT / name, project / name)
    (project / "languages.toml").write_text(LANGUAGES, encoding="utf-8")
    (project / "docs" / "glossary.md").write_text(GLOSSARY, encoding="utf-8")
    templates(project, project / "_build" / "gettext")
    update = tool(project, "translators.update", "--pot-dir", "_build/gettext")
    assert update.returncode == 0, update.stderr
    # The tiny project's catalogs are written by hand: wrapped as update-po writes them.
    assert tool(project, "translators.wrap").returncode == 0
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=project, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "French"], cwd=project, check=True)
    return project


@pytest.fixture
def project(prepared, tmp_path) -> Path:
    """A copy of the prepared project, to change."""
    return Path(shutil.copytree(prepared, tmp_path / "site", symlinks=True))


def _messages(root: Path, language: str) -> int:
    """How many messages the tiny project's catalogs of ``language`` hold."""
    return sum(len([entry for entry in polib.pofile(str(path)) if not entry.obsolete])
               for path in (root / "locales" / language / "LC_MESSAGES").rglob("*.po"))


def test_update_makes_the_new_languages_catalogs_and_keeps_the_others(prepared):
    french = polib.pofile(str(prepared / FRENCH))
    assert french.metadata["Language"] == "fr" and french.percent_translated() == 0
    assert {entry.msgid for entry in french} == {entry.msgid for entry in polib.pofile(str(prepared / SPANISH))}
    assert polib.pofile(str(prepared / SPANISH)).percent_translated() == 100


def test_stats_shows_every_language(prepared):
    for result in (tool(prepared, "translators.stats"), make(prepared, "stats")):
        assert result.returncode == 0, result.stderr
        totals = [line.split()[1:4] for line in result.stdout.splitlines() if line.startswith("total")]
        assert "catalog (es)" in result.stdout and "catalog (fr)" in result.stdout
        messages = str(_messages(prepared, "es"))
        assert totals == [[messages, "0", "0"], ["0", "0", messages]]


def test_lint_passes_the_untranslated_language_and_says_what_it_skips(prepared):
    for result in (tool(prepared, "translators.lint"), make(prepared, "lint-po")):
        assert result.returncode == 0, result.stdout + result.stderr
        assert "4 catalogs checked, 0 problems" in result.stderr
        # French has no glossary column; Spanish has one, checked by Spanish's rules.
        assert "fr: not checked: glossary: docs/glossary.md has no column for fr" in result.stderr
        assert "es: not checked: glossary" not in result.stderr


def test_the_spanish_glossary_check_is_spanish(project):
    # The prepared catalogs pass: "Ajustamos" is a form of "ajustar" (Spanish's
    # rules); with "Calculamos" the term is missing.
    catalog = project / "locales/es/LC_MESSAGES/examples/basics/plot_1_tiny.po"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("Ajustamos", "Calculamos"), encoding="utf-8")
    result = tool(project, "translators.lint", "--language", "es")
    assert result.returncode == 1
    assert re.findall(r"^\S+: uses '(\w+)' but the translation lacks", result.stdout, re.M) == ["fit"]


def test_todo_find_and_review_look_in_every_language(project):
    todo = tool(project, "translators.todo", "--limit", "0")
    assert (f"{_messages(project, 'fr')} messages to translate or review in the catalogs of"
            " locales/es, locales/fr") in todo.stdout
    found = tool(project, "translators.find", "gradient descent")
    assert "descenso de gradiente" in found.stdout and found.returncode == 0
    french = polib.pofile(str(project / FRENCH))
    french[0].msgstr = "Site minuscule"
    french.save()
    assert tool(project, "translators.wrap").returncode == 0
    review = tool(project, "translators.review", "--base", "HEAD")
    assert review.returncode == 0, review.stdout + review.stderr
    assert "No catalog of `locales/es` changed." in review.stdout
    assert "## Translation review (fr)" in review.stdout and "Site minuscule" in review.stdout


def test_make_installs_the_dictionaries_the_languages_rules_name(prepared):
    result = subprocess.run(["make", "-n", f"PYTHON={sys.executable}", "system-tools"], cwd=prepared,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "/usr/share/hunspell/es_ES.dic:hunspell-es" in result.stdout  # docs_engine/languages/es.py
    assert "fr_FR" not in result.stdout  # French has no rules here: lint says it skips spelling


@pytest.mark.parametrize("name", ["lint", "stats", "todo", "find", "review", "wrap", "update"])
def test_a_tool_imports_neither_sphinx_nor_matplotlib_nor_torch(project, name):
    """What a tool imports as it runs (``-X importtime`` lists every module)."""
    args = {"find": ["loss"], "review": ["--base", "HEAD"], "update": ["--pot-dir", "_build/gettext"]}
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", f"docs_engine.translators.{name}",
                             *args.get(name, [])], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert "docs_engine" in imported
    assert imported & {"sphinx", "docutils", "matplotlib", "torch"} == set()


def test_the_pre_commit_hook_checks_every_language(project):
    config = (project / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    files = re.compile(re.search(r"^\s*files: (\S+)$", config, re.M).group(1))
    entry = re.search(r"^\s*entry: (\S+) (.+)$", config, re.M).group(2).split()
    assert files.match(SPANISH) and files.match(FRENCH)
    complaint = break_catalog(project)
    result = subprocess.run([sys.executable, *entry, SPANISH, FRENCH], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    assert broken_lines(result) == [complaint]


# -- A broken Spanish catalog -----------------------------------------------------

def break_catalog(project: Path) -> str:
    """Leave the Spanish catalog's first translation unclosed; return msgfmt's complaint."""
    path = project / SPANISH
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines) if line.startswith('msgstr "') and line.strip() != 'msgstr ""')
    lines[number] = lines[number].rstrip().removesuffix('"') + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    # msgfmt names the line after the unclosed string (numbered from 1).
    return f"{SPANISH}:{number + 2}: end-of-line within string"


def broken_lines(result: subprocess.CompletedProcess) -> list[str]:
    """The lines of the output that name the broken catalog, up to msgfmt's problem."""
    return [line.split(";")[0] for line in (result.stdout + result.stderr).splitlines() if SPANISH in line]


TOOLS = {
    "lint": ("translators.lint",),
    "stats": ("translators.stats",),
    "todo": ("translators.todo",),
    "find": ("translators.find", "loss"),
    "review": ("translators.review", "--base", "HEAD"),
    "wrap": ("translators.wrap",),
    "update": ("translators.update", "--pot-dir", "_build/gettext"),
    "compile": ("translation.catalog_compiler", "--language", "es", "--output", "_build/locales"),
}


@pytest.mark.parametrize("name", TOOLS)
def test_a_broken_spanish_catalog_fails_every_tool_in_one_line(project, name):
    complaint = break_catalog(project)
    catalogs = {path: path.read_bytes() for path in (project / "locales").rglob("*.po")}
    result = tool(project, *TOOLS[name])
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    assert broken_lines(result) == [complaint], output
    # lint also says what it does not check in French, and how many catalogs it checked.
    lint_notes = re.compile(r"fr: not checked: |\d+ catalogs checked")
    others = [line for line in output.splitlines()
              if SPANISH not in line and not (name == "lint" and lint_notes.match(line))]
    assert others == []
    assert {path: path.read_bytes() for path in (project / "locales").rglob("*.po")} == catalogs


def test_make_lint_po_fails_on_a_broken_spanish_catalog(project):
    complaint = break_catalog(project)
    result = make(project, "lint-po")
    assert result.returncode != 0
    assert broken_lines(result) == [complaint]
    assert "Traceback" not in result.stdout + result.stderr
