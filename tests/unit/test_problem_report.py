"""The address of a new issue about a page (docs_engine.pages.problem_report)."""

from urllib.parse import parse_qs, urlsplit

import pytest

from docs_engine.pages.problem_report import is_gitlab, new_issue_url, report_labels

BODY = "Página: https://example.org/docs/es/intro.html\nIdioma: Español (es)\n\nDescribe el problema:\n\n"


def test_a_github_issue_carries_its_title_body_and_labels_url_encoded():
    url = new_issue_url("https://github.com/owner/site/", "Problema en la página intro (es)", BODY,
                        ["translation"])
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/owner/site/issues/new"
    # Nothing of the texts is left unencoded: no space, newline, accent or #; & only between fields.
    assert not set(parts.query) & set(" \n#á") and parts.query.count("&") == 2
    assert parse_qs(parts.query) == {"title": ["Problema en la página intro (es)"], "body": [BODY],
                                     "labels": ["translation"]}


def test_text_that_looks_like_a_query_stays_in_its_field():
    url = new_issue_url("https://github.com/owner/site", "a&labels=spam#x", "b=c&d+e %20")
    assert parse_qs(urlsplit(url).query, keep_blank_values=True) == {
        "title": ["a&labels=spam#x"], "body": ["b=c&d+e %20"]}
    assert urlsplit(url).fragment == ""


def test_several_labels_are_one_comma_separated_field():
    query = parse_qs(urlsplit(new_issue_url("https://github.com/o/s", "t", "b", ["a", "b"])).query)
    assert query["labels"] == ["a,b"]


def test_gitlab_takes_its_own_fields_and_labels_as_a_quick_action():
    url = new_issue_url("https://gitlab.com/group/site", "Problem", "Body", ["documentation"])
    parts = urlsplit(url)
    assert parts.path == "/group/site/-/issues/new"
    assert parse_qs(parts.query) == {"issue[title]": ["Problem"],
                                     "issue[description]": ['Body\n/label ~"documentation"']}


@pytest.mark.parametrize("repository,gitlab", [
    ("https://gitlab.com/group/site", True), ("https://gitlab.example.org/group/site", True),
    ("https://github.com/owner/site", False), ("https://codeberg.org/owner/gitlab", False),
])
def test_gitlab_is_known_by_its_host(repository, gitlab):
    assert is_gitlab(repository) is gitlab


def test_translators_find_the_reports_on_translated_pages():
    assert report_labels(translated=True) == ["translation"]
    assert report_labels(translated=False) == ["documentation"]
