"""Writing generated files so that two builds give the same bytes, and what a
build keeps for itself while it runs (:func:`build_cache`).

Sphinx is named here for types only, never imported: the Make steps' tools
(the catalog compiler, the root page, the site's archive) write their files
with this module and run without Sphinx.
"""

from __future__ import annotations

import os
import weakref
import zipfile
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

# Zip entries carry a date; the earliest a zip file can hold.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def write_if_changed(path: Path, content: bytes) -> None:
    """Write ``content`` unless ``path`` holds it already (keeps mtimes)."""
    if path.exists() and path.read_bytes() == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip archive of ``files`` (name: content), sorted, with fixed dates."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(files.items()):
            entry = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED  # a ZipInfo alone would be stored as is
            archive.writestr(entry, content)
    return buffer.getvalue()


def replace_file(path: Path, content: bytes) -> None:
    """Write ``path`` in one step: builds that run side by side may both write it."""
    if path.exists() and path.read_bytes() == content:
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(content)
    temporary.replace(path)


# The caches of each build, by its environment: one per Sphinx application,
# as its builder is; the transforms that need them have the environment only.
_CACHES: weakref.WeakKeyDictionary[BuildEnvironment, dict[str, dict]] = weakref.WeakKeyDictionary()


def build_cache(env: BuildEnvironment, name: str) -> dict:
    """A dict that lives as long as this build: what one page made, another page
    of the same build reuses; the next build, in this process too, starts anew."""
    return _CACHES.setdefault(env, {}).setdefault(name, {})


def note_builder(app: Sphinx) -> None:
    """Keep the name of this build's builder for its transforms (``builder-inited``)."""
    build_cache(app.env, "builder")["name"] = app.builder.name


def builder_name(env: BuildEnvironment) -> str:
    """The name of the builder of the build ``env`` belongs to (:func:`note_builder`):
    a transform has the environment, and Sphinx gives it no public way to the builder."""
    return build_cache(env, "builder")["name"]
