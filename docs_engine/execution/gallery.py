"""Execute the example gallery once per build, whatever the number of languages.

sphinx-gallery runs the examples while the builder starts and writes their
reST, figures and downloads into the gallery folder. The Makefile runs that
step once (``docs_engine_gallery_execute = True``; :mod:`docs_engine.execution.shards`
executes its examples side by side), then builds
each language with ``-D docs_engine_gallery_execute=0``: those builds read the executed
gallery as ordinary sources and must not touch it, so that languages can
build side by side without racing on the same files.

Around sphinx-gallery's own work, the execution step

- removes what it wrote for examples (and sections) whose source is gone,
  before it runs, so that renaming or deleting an example never leaves a
  stale page, figure or download behind (sphinx-gallery keeps them);
- forgets the checksum of every example whose record was made with other
  versions of Python or of the packages it imports than the installed ones
  (:mod:`docs_engine.execution.environment`), so that a log, figure or
  notebook never outlives what made it;
- forgets the checksum of every example that failed, so that the next
  build executes it again even if its source is put back as it was;
- checks every executed example against the site's contract
  (:mod:`docs_engine.execution.contract`) right after; one that breaks it
  fails the build and loses its checksum, so the next build runs it again
  rather than trust its outputs;
- gives each notebook the outputs its example printed and drew
  (:mod:`docs_engine.execution.notebook_outputs`: nothing runs again); a notebook that
  cannot get them fails the build and loses its checksum likewise;
- rewrites the zips with those notebooks and a ``requirements.txt``
  (:mod:`docs_engine.execution.learner_requirements`), without build dates, so that
  builds are reproducible; a zip that ends up as it was keeps its time
  (sphinx-gallery writes every zip on every run), so that the language
  builds do not read again the page that offers it.

The gallery folder (``docs/examples``) is a link into ``_build/gallery`` so
that generated files never land in a tracked folder; the link's target is
created here because sphinx-gallery cannot create a folder behind a link.
"""

import os
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from docs_engine.adapters import gallery_files
from docs_engine.adapters import sphinx_gallery as sg
from docs_engine.build_files import build_cache, write_if_changed, zip_bytes
from docs_engine.example import Example, build_gallery
from docs_engine.execution import reading_order
from docs_engine.execution.contract import ContractError, example_results
from docs_engine.execution.environment import describe, is_current
from docs_engine.execution.learner_requirements import (REQUIREMENTS_FILE, RequirementsError,
                                              example_requirements, installed_versions)
from docs_engine.execution.notebook_outputs import StaleNotebookError, add_build_outputs
from docs_engine.execution.training_record import read_environment, recorded_machines

logger = logging.getLogger(__name__)


def load_sphinx_gallery(app: Sphinx) -> None:
    """sphinx-gallery's generator where the examples execute; elsewhere, only what
    reads its output (its directive and style), without matplotlib."""
    if reads_executed_gallery(app):
        sg.setup_reading(app)
    else:
        app.setup_extension("sphinx_gallery.gen_gallery")


def reads_executed_gallery(app: Sphinx) -> bool:
    """Whether this build reads the gallery the gallery step executed (a language's)."""
    return not app.config.docs_engine_gallery_execute


def gallery_folders(app: Sphinx, config: Config) -> None:
    """Point sphinx-gallery at the gallery of ``docs_engine_examples_dir`` and ``docs_engine_gallery_dir``
    and create its folder; in a build that reads it, hide it from sphinx-gallery."""
    gallery_conf = config.sphinx_gallery_conf
    if not config.docs_engine_gallery_execute:  # the configuration being read: app.config is not yet
        gallery_conf["examples_dirs"] = []
        gallery_conf["gallery_dirs"] = []
        return
    gallery_conf["examples_dirs"] = [config.docs_engine_examples_dir]
    gallery_conf["gallery_dirs"] = [config.docs_engine_gallery_dir]
    gallery_conf["subsection_order"] = reading_order.SectionOrder(Path(app.srcdir))
    (Path(app.srcdir) / config.docs_engine_gallery_dir).resolve().mkdir(parents=True, exist_ok=True)


def remove_outputs(gallery_folder: Path, stem: str) -> None:
    """Everything written for the example ``stem`` in a gallery (sub)folder."""
    for suffix in gallery_files.EXAMPLE_OUTPUTS:
        gallery_files.output(gallery_folder / f"{stem}.py", suffix).unlink(missing_ok=True)
    for image in gallery_files.example_images(gallery_folder, stem):
        image.unlink()


def keep_archives(app: Sphinx) -> None:
    """Each zip of the gallery as it is before sphinx-gallery writes it again, and its time."""
    if reads_executed_gallery(app):
        return
    kept = build_cache(app.env, "archives")
    for archive in build_gallery(app.env).gallery_folder.rglob("*" + gallery_files.ARCHIVE):
        kept[archive] = (archive.read_bytes(), archive.stat().st_mtime_ns)


def remove_stale_outputs(app: Sphinx) -> None:
    """Remove the outputs of examples and sections whose source is gone."""
    if reads_executed_gallery(app):
        return
    gallery = build_gallery(app.env)
    root = gallery.gallery_folder
    for folder in [root, *(p for p in root.iterdir() if p.is_dir())]:
        source = gallery.examples_folder / folder.relative_to(root)
        if folder != root and folder.name != gallery_files.IMAGES and not source.is_dir():
            logger.info("removing the gallery section %s: its source is gone", folder.name)
            shutil.rmtree(folder)
            continue
        for executed in folder.glob("*.py"):
            if not (source / executed.name).exists():
                logger.info("removing the outputs of %s: its source is gone", executed.name)
                remove_outputs(folder, executed.stem)


def executed_examples(app: Sphinx) -> list[Example]:
    """The examples sphinx-gallery executed and wrote a page for."""
    return [example for example in build_gallery(app.env).examples if example.page.exists()]


def forget_outdated_executions(app: Sphinx) -> None:
    """Make sphinx-gallery execute again the examples whose record was made with
    other versions than the installed ones (or has no such record)."""
    if reads_executed_gallery(app):
        return
    for example in executed_examples(app):
        try:
            versions = installed_versions(example.executed)
        except RequirementsError:  # what it imported is gone: it runs again, and says so
            versions = {}
        if not is_current(read_environment(example.executed), versions):
            logger.info("executing %s again: it was executed with other versions", example.executed.name)
            gallery_files.forget_execution(example.executed)


def check_and_finish(app: Sphinx) -> None:
    """Check every executed example; give the notebooks and zips the build's results."""
    if reads_executed_gallery(app):
        return
    gallery = build_gallery(app.env)
    for source in sg.failed_examples(app.config.sphinx_gallery_conf):
        if source.is_relative_to(gallery.examples_folder):
            gallery_files.forget_execution(gallery.example(source.relative_to(gallery.examples_folder)).executed)
    for example in executed_examples(app):
        environment = read_environment(example.executed)
        made_with = describe(environment, str, app.config.language) if environment else []
        try:
            example_results(example.executed, example.file)
            add_build_outputs(example.executed, Path(app.srcdir), app.config.sphinx_gallery_conf,
                              example.file, made_with)
        except (ContractError, StaleNotebookError) as error:
            # An error fails the build; without its checksum, the next
            # build executes the example again rather than trust its outputs.
            gallery_files.forget_execution(example.executed)
            logger.error(str(error), type="example", subtype="contract"
                         if isinstance(error, ContractError) else "notebook")
    scripts = sorted(example.executed for example in gallery.examples if example.executed.exists())
    requirements = example_requirements(scripts).requirements_txt(
        recorded_machines(scripts), app.config.language).encode()
    for archive in gallery.gallery_folder.rglob("*" + gallery_files.ARCHIVE):
        files = {name: path.read_bytes() for name, path in sg.zip_sources(archive).items()}
        content = zip_bytes(files | {REQUIREMENTS_FILE: requirements})
        write_if_changed(archive, content)
        before, modified = build_cache(app.env, "archives").get(archive, (None, 0))
        if content == before:
            os.utime(archive, ns=(modified, modified))
