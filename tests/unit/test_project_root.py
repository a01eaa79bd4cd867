"""docs_engine.project.find_root: the tools work from any folder of the project."""

from docs_engine import project


def test_the_project_is_the_nearest_folder_with_languages_toml(tmp_path):
    (tmp_path / "languages.toml").write_text('en = "English"\n', encoding="utf-8")
    (tmp_path / "locales" / "es").mkdir(parents=True)
    assert project.find_root(tmp_path) == tmp_path.resolve()
    assert project.find_root(tmp_path / "locales" / "es") == tmp_path.resolve()


def test_outside_any_project_the_tools_work_where_they_are_run(tmp_path):
    (tmp_path / "locales" / "es").mkdir(parents=True)  # catalogs alone, no languages.toml
    assert project.find_root(tmp_path) == tmp_path.resolve()
