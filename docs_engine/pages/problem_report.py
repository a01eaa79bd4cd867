"""The address that opens a new issue about a page, pre-filled.

Each page's footer has a "Report a problem with this page" link
(:mod:`docs_engine.pages.repository_links`) to the repository's form for a new
issue, with a title, a body (the page's address, its language and, on a
translated page, the catalog that translates it) and a label, so that
translators find the reports on translated pages. Standard library only: the
part that needs no build, tested alone.

GitHub's form takes ``title``, ``body`` and ``labels`` in the query
(GitHub applies the labels only for readers allowed to triage; others get the
rest). GitLab's takes ``issue[title]`` and ``issue[description]``, and a label
as a quick action in the description. Any other host gets GitHub's form, which
Gitea and Forgejo (Codeberg) read too, labels aside.
"""

from collections.abc import Sequence
from urllib.parse import urlencode, urlsplit

# The labels of a report: translators watch the first.
TRANSLATION_LABEL = "translation"
DOCUMENTATION_LABEL = "documentation"


def report_labels(translated: bool) -> list[str]:
    """The labels of a report about a page: ``translation`` on a translated page."""
    return [TRANSLATION_LABEL if translated else DOCUMENTATION_LABEL]


def is_gitlab(repository: str) -> bool:
    """Whether ``repository`` is on GitLab (gitlab.com or a host named gitlab.*)."""
    host = urlsplit(repository).hostname or ""
    return host == "gitlab.com" or host.startswith("gitlab.")


def new_issue_url(repository: str, title: str, body: str, labels: Sequence[str] = ()) -> str:
    """The address of ``repository``'s form for a new issue, pre-filled, URL-encoded."""
    repository = repository.removesuffix("/")
    if is_gitlab(repository):
        actions = "".join(f'\n/label ~"{label}"' for label in labels)
        query = {"issue[title]": title, "issue[description]": body + actions}
        return f"{repository}/-/issues/new?{urlencode(query)}"
    query = {"title": title, "body": body}
    if labels:
        query["labels"] = ",".join(labels)
    return f"{repository}/issues/new?{urlencode(query)}"
