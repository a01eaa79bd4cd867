"""Ship no source maps: the theme's ``.map`` files (about 1.9 MB a language).

Only a browser's developer tools ask for them, to show the theme's own
sources; visitors never load them. Sphinx copies the theme's static files as
they are, so they are removed once the build has written everything.
"""

from pathlib import Path

from sphinx.application import Sphinx


def remove_source_maps(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    for source_map in Path(app.outdir, "_static").rglob("*.map"):
        source_map.unlink()
