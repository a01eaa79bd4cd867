"""Writing generated files so that two builds give the same bytes, and what a
build keeps for itself while it runs (:func:`build_cache`)."""

import os
import zipfile
from io import BytesIO
from pathlib import Path

from sphinx.application import Sphinx

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


def build_cache(app: Sphinx, name: str) -> dict:
    """A dict that lives as long as this build: what one page made, another page
    of the same build reuses; the next build, in this process too, starts anew."""
    return app.builder.__dict__.setdefault(f"_docs_engine_{name}", {})
