import re
from types import SimpleNamespace

import pytest
from sphinx.errors import ConfigError

from docs_engine.hosting.site_urls import has_twin, language_base_url, language_path, page_url, resolve_site

LANGUAGES = {"en": "English", "es": "Español"}
READ_THE_DOCS = {
    "READTHEDOCS": "True",
    "READTHEDOCS_LANGUAGE": "es",
    "READTHEDOCS_VERSION": "latest",
    "READTHEDOCS_CANONICAL_URL": "https://example-project.readthedocs.io/es/latest/",
}


def test_a_local_build_has_no_address():
    assert resolve_site("", LANGUAGES, {}) == ("", "")


def test_the_environment_wins_over_conf_py():
    assert resolve_site("https://conf.example/", LANGUAGES, {"SITE_URL": "https://env.example/sub/"}) == (
        "https://env.example/sub/", "")
    assert resolve_site("https://conf.example/", LANGUAGES, {"SITE_URL": ""}) == ("https://conf.example/", "")


@pytest.mark.parametrize("url", ["example.org/docs/", "https://example.org/docs", "https://example.org",
                                 "/docs/", "ftp://example.org/", "https://example.org/?q=1"])
@pytest.mark.parametrize("conf,environ,setting", [
    ("{url}", {}, "site_url in conf.py"),
    ("", {"SITE_URL": "{url}"}, "the SITE_URL environment variable"),
])
def test_a_malformed_address_names_its_setting(url, conf, environ, setting):
    environ = {name: value.format(url=url) for name, value in environ.items()}
    with pytest.raises(ConfigError, match=f"^{setting} must be an absolute URL .*{re.escape(repr(url))}"):
        resolve_site(conf.format(url=url), LANGUAGES, environ)


def test_read_the_docs_gives_the_root_and_the_version():
    assert resolve_site("https://ignored.example/", LANGUAGES, READ_THE_DOCS) == (
        "https://example-project.readthedocs.io/", "latest/")
    custom_domain = {**READ_THE_DOCS, "READTHEDOCS_CANONICAL_URL": "https://docs.example.org/guide/es/v2.1/"}
    assert resolve_site("", LANGUAGES, custom_domain) == ("https://docs.example.org/guide/", "v2.1/")


def test_a_read_the_docs_language_the_site_lacks_stops_the_build():
    with pytest.raises(ConfigError, match=r"READTHEDOCS_LANGUAGE is 'fr', not one of the site's languages \(en, es"):
        resolve_site("", LANGUAGES, {**READ_THE_DOCS, "READTHEDOCS_LANGUAGE": "fr"})


def test_a_read_the_docs_address_without_the_language_stops_the_build():
    single = {**READ_THE_DOCS, "READTHEDOCS_CANONICAL_URL": "https://example-project.readthedocs.io/latest/"}
    with pytest.raises(ConfigError, match="READTHEDOCS_CANONICAL_URL .* has no /es/ segment"):
        resolve_site("", LANGUAGES, single)


def _app(site_url="", version_path="", excluded=None, docs=("index", "intro")):
    config = SimpleNamespace(site_url=site_url, docs_engine_site_version_path=version_path, notfound_pagename="404",
                             docs_engine_language_exclude_patterns=excluded or {})
    env = SimpleNamespace(found_docs=set(docs), doc2path=lambda name, base: f"{name}.md")
    builder = SimpleNamespace(get_target_uri=lambda name: f"{name}.html")
    return SimpleNamespace(config=config, env=env, builder=builder)


def test_each_language_has_its_folder_under_the_root():
    config = _app("https://example-project.readthedocs.io/", "latest/").config
    assert language_base_url(config, "en") == "https://example-project.readthedocs.io/en/latest/"
    assert language_path(config, "en") == "/en/latest/"
    local = _app().config
    assert language_base_url(local, "en") is None
    assert language_path(local, "es") == "/es/"


def test_links_are_absolute_with_an_address_else_relative():
    hosted = _app("https://example.org/sub/")
    assert page_url(hosted, "examples/nn/plot_5_nn", "es", from_page="index") == (
        "https://example.org/sub/es/examples/nn/plot_5_nn.html")
    assert page_url(hosted, "index", "es", from_page="404") == "/sub/es/index.html"
    local = _app()
    assert page_url(local, "index", "es", from_page="index") == "../es/index.html"
    assert page_url(local, "examples/nn/plot_5_nn", "en", from_page="examples/nn/plot_5_nn") == (
        "../../../en/examples/nn/plot_5_nn.html")
    # The 404 page is served at any path: it links from the host's root.
    assert page_url(local, "index", "es", from_page="404") == "/es/index.html"


def test_a_page_a_language_leaves_out_has_no_twin_there():
    app = _app(excluded={"es": ["drafts/*"]}, docs=("index", "drafts/idea"))
    assert has_twin(app, "index", "es")
    assert not has_twin(app, "drafts/idea", "es")
    assert has_twin(app, "drafts/idea", "en")
    assert has_twin(app, "genindex", "es")  # made by Sphinx in every language
