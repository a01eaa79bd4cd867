"""Remove from a language's HTML output what no source produces any more.

Sphinx never deletes an output file: after an example, a section or a page
is renamed or deleted, its old page, its figures (``_images``) and its
downloads (``_downloads``) would stay on the published site. At the end of
each HTML build this extension removes

- the page of every document that the previous build had and this one has
  not (the list of documents is kept beside the doctrees);
- every file in ``_images`` and ``_downloads`` that no document refers to.
"""

import json
import shutil
from pathlib import Path

from sphinx.application import Sphinx

DOCNAMES = "built-docnames.json"


def remove_stale_outputs(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    outdir, env = Path(app.outdir), app.env
    record = Path(app.doctreedir) / DOCNAMES
    previous = set(json.loads(record.read_text())) if record.exists() else set()
    for docname in previous - set(env.all_docs):
        (outdir / f"{docname}{app.builder.out_suffix}").unlink(missing_ok=True)
    record.write_text(json.dumps(sorted(env.all_docs)))

    images = {Path(name) for _, name in env.images.values()}
    for path in (outdir / "_images").glob("*"):
        if path.is_file() and Path(path.name) not in images:
            path.unlink()
    downloads = {Path(name).parts[0] for _, name in env.dlfiles.values()}
    for folder in (outdir / "_downloads").glob("*"):
        if folder.name not in downloads:
            shutil.rmtree(folder)
