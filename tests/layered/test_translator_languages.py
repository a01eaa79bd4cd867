"""The translators' tools in every language languages.toml translates, region codes included.

Each tool runs as the Makefile runs it, in a small project of its own: the
source language and two translations, one with a region (pt_BR).
"""

import subprocess

import pytest

from docs_engine.translators import lint
from tests.helpers import run_tool

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def catalog(*messages: tuple[str, str]) -> str:
    return HEADER + "".join(f'\nmsgid "{english}"\nmsgstr "{translation}"\n' for english, translation in messages)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "languages.toml").write_text(
        'en = "English"\nes = "Español"\npt_BR = "Português (Brasil)"\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    for language, messages in {"es": [("Home", "Inicio"), ("Gradient", "")],
                               "pt_BR": [("Home", "Início"), ("Gradient", ""), ("Loss", "")]}.items():
        path = tmp_path / "locales" / language / "LC_MESSAGES" / "examples" / "nn" / "plot_5_nn.po"
        path.parent.mkdir(parents=True)
        path.write_text(catalog(*messages), encoding="utf-8")
    return tmp_path


def test_stats_counts_every_translated_language(project):
    output = run_tool("stats", cwd=project).stdout
    assert "catalog (es)" in output and "catalog (pt_BR)" in output and "catalog (en)" not in output
    assert [line.split()[1:4] for line in output.splitlines() if line.startswith("total")] == [
        ["1", "0", "1"], ["1", "0", "2"]]


def test_todo_and_find_look_in_every_translated_language(project):
    todo = run_tool("todo", "--limit", "0", cwd=project)
    assert "3 messages to translate or review in the catalogs of locales/es, locales/pt_BR" in todo.stdout
    found = run_tool("find", "Home", cwd=project)
    assert "Inicio" in found.stdout and "Início" in found.stdout


def test_a_catalog_named_by_its_path_is_in_the_language_of_its_folder(project):
    todo = run_tool("todo", "--catalog", "locales/pt_BR/LC_MESSAGES/examples/nn/plot_5_nn.po", "--limit", "0",
                    cwd=project)
    assert todo.returncode == 0, todo.stderr
    assert "2 messages to translate or review in locales/pt_BR/" in todo.stdout


def test_lint_checks_each_catalog_in_the_language_of_its_folder(project, monkeypatch, tmp_path):
    checked = []
    monkeypatch.setattr(lint, "lint", lambda paths, language: checked.append((language, paths)) or [])
    monkeypatch.chdir(project)
    assert lint.main(["locales/pt_BR/LC_MESSAGES/examples/nn/plot_5_nn.po",
                      "locales/es/LC_MESSAGES/examples/nn/plot_5_nn.po"]) == 0
    assert [language for language, _ in checked] == ["pt_BR", "es"]
    outside = tmp_path / "plot_5_nn.po"
    outside.write_text(HEADER, encoding="utf-8")
    assert lint.main([str(outside)]) == 1  # no language to check it in


@pytest.mark.parametrize("language,dictionary", [("es", "es_ES"), ("pt_BR", "pt_BR"), ("fr", "fr_FR")])
def test_spelling_uses_the_dictionary_of_the_catalogs_language(project, monkeypatch, language, dictionary):
    commands = []

    def pospell(command, **kwargs):
        commands.append([str(part) for part in command])
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(lint.subprocess, "run", pospell)
    path = project / "locales/es/LC_MESSAGES/examples/nn/plot_5_nn.po"
    assert lint.check_spelling([path], language) == []
    assert commands[0][commands[0].index("-l") + 1] == dictionary


def test_a_language_without_rules_here_gets_the_generic_checks_and_is_told_which_it_skips(
        project, monkeypatch, capsys):
    monkeypatch.setattr(lint, "hunspell_dictionaries", lambda: frozenset({"es_ES"}))
    assert lint.skipped_checks("es") == []  # Spanish has the glossary's column and a dictionary
    skipped = lint.skipped_checks("pt_BR")
    assert [check.split(":")[0] for check in skipped] == ["spelling", "glossary"]
    assert "pt_BR dictionary" in skipped[0]
    spelled = []
    monkeypatch.setattr(lint, "check_spelling", lambda paths, language: spelled.append(language) or [])
    monkeypatch.setattr(lint, "check_glossary", lambda *args: ["glossary ran"])
    monkeypatch.setattr(lint, "check_wrapping", lambda path: [])  # the fixture's own layout
    monkeypatch.chdir(project)
    assert lint.main(["locales/pt_BR/LC_MESSAGES/examples/nn/plot_5_nn.po"]) == 0
    assert spelled == [] and "pt_BR: not checked: spelling" in capsys.readouterr().err
    # The generic checks still run: a catalog that is not valid gettext fails.
    broken = project / "locales/pt_BR/LC_MESSAGES/examples/nn/plot_5_nn.po"
    broken.write_text(broken.read_text(encoding="utf-8") + 'msgid "unterminated\n', encoding="utf-8")
    assert lint.main([str(broken)]) == 1
    assert "end-of-line within string" in capsys.readouterr().out


def test_the_glossary_applies_to_the_language_of_its_column():
    assert lint.has_glossary("es") and lint.has_glossary("es_MX")
    assert not lint.has_glossary("pt_BR") and not lint.has_glossary("fr")
