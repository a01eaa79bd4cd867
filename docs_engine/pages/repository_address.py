"""The repository's web address, as the CI that builds the site announces it.

``conf.py`` gives it as ``docs_engine_repository_url``, the repository that
:mod:`docs_engine.pages.repository_links` links every page to: GitHub
Actions names it, Read the Docs gives the address it clones; whether a build is a pull
request's preview, the host's variables say too. Standard
library only: conf.py is also read by the Make steps' tools (the root page,
the site's address check), which run without Sphinx.
"""

import os
import re
from urllib.parse import urlsplit

# git@github.com:owner/name.git, as Read the Docs may give it.
SSH_REMOTE = re.compile(r"(?:ssh://)?git@(?P<host>[^:/]+)[:/](?P<path>.+)")


def repository_from_environment(environ=os.environ) -> str:
    """The repository's web address as CI announces it, or ``""``."""
    if environ.get("GITHUB_SERVER_URL") and environ.get("GITHUB_REPOSITORY"):
        return f"{environ['GITHUB_SERVER_URL']}/{environ['GITHUB_REPOSITORY']}"
    clone_url = environ.get("READTHEDOCS_GIT_CLONE_URL", "")
    ssh = SSH_REMOTE.fullmatch(clone_url)
    if ssh:
        clone_url = f"https://{ssh['host']}/{ssh['path']}"
    return clone_url.removesuffix("/").removesuffix(".git")


def github_repository(repository_url: str) -> str | None:
    """``owner/name`` of a repository on github.com, or None for any other host
    (GitLab, a GitHub Enterprise server: Colab opens github.com's files only)."""
    parts = urlsplit(repository_url.removesuffix("/"))
    path = parts.path.strip("/").split("/")
    if parts.hostname != "github.com" or len(path) != 2 or not all(path):
        return None
    return "/".join(path)


def is_preview(environ=os.environ) -> bool:
    """Whether this build is a pull request's preview: GitHub Actions running for
    a pull request, or Read the Docs building one (an "external" version)."""
    return (environ.get("GITHUB_EVENT_NAME", "") in ("pull_request", "pull_request_target")
            or environ.get("READTHEDOCS_VERSION_TYPE") == "external")
