"""The repository's web address, as the CI that builds the site announces it.

``conf.py`` gives it as ``docs_engine_repository_url``, the repository that
:mod:`docs_engine.pages.repository_links` links every page to: GitHub
Actions names it, Read the Docs gives the address it clones. Standard
library only: conf.py is also read by the Make steps' tools (the root page,
the site's address check), which run without Sphinx.
"""

import os
import re

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
