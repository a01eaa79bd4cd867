from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

from docs_engine.pages.repository_links import page_links


def _app(root, language="en", repository="https://github.com/owner/site"):
    (root / "docs").mkdir()
    (root / "docs" / "intro.md").write_text("# Intro\n")
    (root / "examples" / "nn").mkdir(parents=True)
    (root / "examples" / "nn" / "plot_5_nn.py").write_text('"""Title\n=====\n"""\n')
    (root / "examples" / "nn" / "GALLERY_HEADER.rst").write_text("nn\n--\n")
    (root / "locales" / "es" / "LC_MESSAGES").mkdir(parents=True)
    (root / "locales" / "es" / "LC_MESSAGES" / "intro.po").write_text("")
    config = SimpleNamespace(
        docs_engine_repository_url=repository, docs_engine_repository_branch="main", language=language,
        docs_engine_languages={"en": "English", "es": "Español"},
        docs_engine_gallery_dir="examples", docs_engine_examples_dir="../examples", gettext_compact=False,
        docs_engine_catalog_sources="../locales", locale_dirs=["../_build/locales"],
        site_url="", docs_engine_site_version_path="",
    )
    env = Environment(root / "docs", config)
    builder = SimpleNamespace(get_target_uri=lambda docname: f"{docname}.html")
    return SimpleNamespace(config=config, env=env, builder=builder, srcdir=root / "docs")


class Environment:
    """What the links read of Sphinx's build environment (which the build's
    caches are kept by, weakly)."""

    def __init__(self, srcdir, config):
        self.srcdir, self.config = srcdir, config

    def doc2path(self, docname):
        return self.srcdir / f"{docname}.md"


def test_pages_link_to_the_file_a_contributor_edits(tmp_path):
    app = _app(tmp_path)
    blob = "https://github.com/owner/site/blob/main/"
    assert [link["url"] for link in page_links(app, "intro")][:-1] == [blob + "docs/intro.md"]
    assert page_links(app, "examples/nn/plot_5_nn")[0]["url"] == blob + "examples/nn/plot_5_nn.py"
    assert page_links(app, "examples/nn/index")[0]["url"] == blob + "examples/nn/GALLERY_HEADER.rst"


def test_translated_pages_also_link_to_their_catalog(tmp_path):
    links = page_links(_app(tmp_path, language="es"), "intro")
    assert [link["kind"] for link in links] == ["source", "translate", "report"]
    assert links[1]["url"].endswith("/blob/main/locales/es/LC_MESSAGES/intro.po")


def test_every_page_links_to_a_new_issue_about_it(tmp_path):
    report = page_links(_app(tmp_path, language="es"), "intro")[-1]
    fields = {key: values[0] for key, values in parse_qs(urlsplit(report["url"]).query).items()}
    assert report["url"].startswith("https://github.com/owner/site/issues/new?")
    assert fields["title"] == "Problem on the page intro (es)"  # no compiled catalog: English
    assert fields["body"] == ("Page: es/intro.html\nLanguage: Español (es)\n"
                              "Catalog: locales/es/LC_MESSAGES/intro.po\n\nDescribe the problem:\n\n")
    assert fields["labels"] == "translation"


def test_without_a_repository_no_page_links_anywhere(tmp_path):
    assert page_links(_app(tmp_path, language="es", repository=""), "intro") == []
