"""The repository's address, from the CI that builds the site (docs_engine.pages.repository_address)."""

import pytest

from docs_engine.pages.repository_address import repository_from_environment


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
