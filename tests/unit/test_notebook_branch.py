"""The notebooks branch Colab opens (docs_engine.hosting.notebook_branch): what
``make notebooks`` collects from a built site, and what ``make publish-notebooks``
pushes, into a bare repository here; the real site's are tested in
tests/site/test_learner.py."""

import subprocess

import pytest

from docs_engine.hosting.notebook_branch import collect, notebook_path, publish


def git(repository, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(repository), *arguments], check=True,
                          capture_output=True, text=True).stdout.strip()


def built_site(root, notebook_text: str):
    """A built site of two languages: one example page offering its notebook, and an
    index offering a zip."""
    for language in ("en", "es"):
        pages = root / language / "examples" / "nn"
        pages.mkdir(parents=True)
        downloads = root / language / "_downloads" / "0123abcd"
        downloads.mkdir(parents=True)
        (downloads / "plot_5_nn.ipynb").write_text(f"{notebook_text} {language}")
        (pages / "plot_5_nn.html").write_text(
            '<a class="reference download internal" download=""'
            ' href="../../_downloads/0123abcd/plot_5_nn.ipynb">notebook</a>')
        (root / language / "examples" / "index.html").write_text(
            '<a class="reference download internal" href="../_downloads/x/examples_jupyter.zip">')
    return root


def test_each_example_notebook_is_collected_at_a_path_naming_its_language_and_page(tmp_path):
    site = built_site(tmp_path / "html", "notebook")
    written = collect(site, tmp_path / "notebooks", ["en", "es"])
    assert written == ["en/examples/nn/plot_5_nn.ipynb", "es/examples/nn/plot_5_nn.ipynb"]
    assert notebook_path("es", "examples/nn/plot_5_nn") == written[1]
    assert (tmp_path / "notebooks" / written[1]).read_text() == "notebook es"


def test_a_language_without_notebooks_stops_the_collection(tmp_path):
    (tmp_path / "html" / "en").mkdir(parents=True)
    with pytest.raises(SystemExit, match="no page with a notebook"):
        collect(tmp_path / "html", tmp_path / "notebooks", ["en"])


def test_each_publication_replaces_the_branch_with_one_commit_and_leaves_others_alone(tmp_path):
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", str(remote), str(clone))
    (clone / "README.md").write_text("the project\n")
    git(clone, "add", "README.md")
    git(clone, "-c", "user.name=a", "-c", "user.email=a@b", "commit", "--quiet", "-m", "first")
    git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/main")
    main = git(remote, "rev-parse", "main")
    for version in ("first", "second"):
        notebooks = tmp_path / version
        collect(built_site(tmp_path / f"{version}-html", version), notebooks, ["en", "es"])
        publish(notebooks, str(remote), "notebooks", "main", environ={"GITHUB_SHA": "abc"})
        assert git(remote, "rev-list", "--count", "notebooks") == "1"  # no parent, ever
        assert git(remote, "ls-tree", "-r", "--name-only", "notebooks").split() == [
            "README.md", "en/examples/nn/plot_5_nn.ipynb", "es/examples/nn/plot_5_nn.ipynb"]
        assert git(remote, "show", "notebooks:es/examples/nn/plot_5_nn.ipynb") == f"{version} es"
    assert git(remote, "rev-parse", "main") == main
    assert git(remote, "for-each-ref", "--format=%(refname)").split() == [
        "refs/heads/main", "refs/heads/notebooks"]
