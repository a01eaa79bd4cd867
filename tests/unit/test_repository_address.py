"""The repository's address, from the CI that builds the site (docs_engine.pages.repository_address)."""

import pytest

from docs_engine.pages.repository_address import github_repository, is_preview, repository_from_environment


@pytest.mark.parametrize("environment,url", [
    ({"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "owner/site"},
     "https://github.com/owner/site"),
    ({"READTHEDOCS_GIT_CLONE_URL": "https://github.com/owner/site.git"},
     "https://github.com/owner/site"),
    ({"READTHEDOCS_GIT_CLONE_URL": "git@gitlab.com:owner/site.git"},
     "https://gitlab.com/owner/site"),
    ({"GITHUB_REPOSITORY": "owner/site"}, ""),  # half of GitHub's pair is not an address
    ({}, ""),
])
def test_repository_comes_from_the_ci_environment(environment, url):
    assert repository_from_environment(environment) == url


@pytest.mark.parametrize("url,repository", [
    ("https://github.com/owner/site", "owner/site"),
    ("https://github.com/owner/site/", "owner/site"),
    ("https://gitlab.com/owner/site", None),  # Colab opens GitHub's files only
    ("https://github.example.com/owner/site", None),  # nor a GitHub Enterprise server's
    ("https://github.com/owner", None),
    ("", None),
])
def test_colab_opens_repositories_on_github_com_only(url, repository):
    assert github_repository(url) == repository


@pytest.mark.parametrize("environment,preview", [
    ({"GITHUB_EVENT_NAME": "pull_request"}, True),
    ({"GITHUB_EVENT_NAME": "pull_request_target"}, True),
    ({"READTHEDOCS_VERSION_TYPE": "external"}, True),  # Read the Docs' pull request builds
    ({"GITHUB_EVENT_NAME": "push"}, False),
    ({"READTHEDOCS_VERSION_TYPE": "branch"}, False),
    ({}, False),
])
def test_a_pull_requests_preview_is_told_by_its_host(environment, preview):
    assert is_preview(environment) is preview
