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
