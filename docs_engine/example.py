"""One example of the gallery, and everything made from it, as one value.

An example is a script in the examples folder (``examples/nn/plot_5_nn.py``).
The gallery step executes a copy of it in the gallery folder, beside which
sphinx-gallery writes its page, notebook, zip and images, and we its training
record; the page is a document of the site (``examples/nn/plot_5_nn``), whose
catalog translates it. :class:`Example` names all of these once, from the
gallery's two settings (``docs_engine_examples_dir``, ``docs_engine_gallery_dir``) and
sphinx-gallery's file names (:mod:`docs_engine.adapters.gallery_files`);
:class:`Gallery` finds the examples. Both are free of Sphinx: the tools and
the unit tests use them too; :func:`build_gallery` makes a build's once.
"""

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

from docs_engine.adapters import gallery_files as files
from docs_engine.execution.reading_order import example_key


@dataclass(frozen=True)
class Example:
    # Its path in the examples folder, such as "nn/plot_5_nn.py": how the
    # build's messages, the shards and the records name it.
    name: str
    # Its source's path in the project, such as "examples/nn/plot_5_nn.py": how
    # an error message names it, for a reader to open.
    file: str
    source: Path  # the script a learner reads and downloads
    executed: Path  # its copy in the gallery folder, which the gallery step executes
    docname: str  # its page, and its catalog's domain (the site keeps one catalog a page)

    @property
    def stem(self) -> str:
        return self.source.stem

    @property
    def section(self) -> Path:
        """The gallery folder of its section, where its outputs live."""
        return self.executed.parent

    def output(self, suffix: str) -> Path:
        """A file written beside the executed copy (:data:`~docs_engine.adapters.gallery_files.EXAMPLE_OUTPUTS`)."""
        return files.output(self.executed, suffix)

    @property
    def page(self) -> Path:
        """The reST page sphinx-gallery wrote, with what the example printed and drew."""
        return self.output(files.PAGE)

    @property
    def notebook(self) -> Path:
        return self.output(files.NOTEBOOK)

    @property
    def archive(self) -> Path:
        return self.output(files.ARCHIVE)

    @property
    def figures(self) -> list[Path]:
        """The figures it drew, in order (PNG; each with its kept figure beside it)."""
        return files.example_figures(self.section, self.stem)

    @property
    def thumbnail(self) -> Path:
        return files.thumbnail_path(self.section, self.stem)

    @property
    def images(self) -> list[Path]:
        """Every image written for it: figures and thumbnail."""
        return files.example_images(self.section, self.stem)


@dataclass(frozen=True)
class Gallery:
    """The examples folder and the gallery folder it is executed into (absolute),
    and the gallery's folder name in the site's source folder (its pages' prefix)."""
    examples_folder: Path
    gallery_folder: Path
    gallery_dir: str

    @classmethod
    def from_settings(cls, source_folder: Path, examples_dir: str, gallery_dir: str) -> "Gallery":
        """The gallery of ``conf.py``'s ``docs_engine_examples_dir`` and ``docs_engine_gallery_dir``, both
        relative to the source folder (the gallery folder is a link into the build)."""
        return cls((source_folder / examples_dir).resolve(), (source_folder / gallery_dir).resolve(), gallery_dir)

    @cached_property
    def examples(self) -> tuple[Example, ...]:
        """Every example, in reading order (the numbers in their names)."""
        sources = sorted(self.examples_folder.rglob(files.EXAMPLE_PATTERN),
                         key=lambda source: (example_key(source.name), source.as_posix()))
        return tuple(self.example(source.relative_to(self.examples_folder).as_posix()) for source in sources)

    def example(self, name: str) -> Example:
        """The example of ``name``, its path in the examples folder (``nn/plot_5_nn.py``)."""
        path = PurePosixPath(name)
        return Example(path.as_posix(), (PurePosixPath(self.examples_folder.name) / path).as_posix(),
                       self.examples_folder / path, self.gallery_folder / path,
                       (PurePosixPath(self.gallery_dir) / path.with_suffix("")).as_posix())

    def by_executed(self, executed_script: Path) -> Example | None:
        """The example an executed copy is of, found by any path to it (the gallery
        folder in the source folder is a link into the build)."""
        try:
            name = Path(executed_script).resolve().relative_to(self.gallery_folder)
        except ValueError:
            return None
        return self.example(name.as_posix())

    def by_docname(self, docname: str) -> Example | None:
        """The example whose page ``docname`` is; ``None`` for any other page."""
        prefix = self.gallery_dir + "/"
        if not docname.startswith(prefix):
            return None
        example = self.example(docname.removeprefix(prefix) + ".py")
        return example if PurePosixPath(example.source.name).match(files.EXAMPLE_PATTERN) else None

    def is_gallery_page(self, docname: str) -> bool:
        """Whether ``docname`` is a page the gallery step wrote: an example's or an index."""
        return docname == self.gallery_dir or docname.startswith(self.gallery_dir + "/")

    def section_header(self, docname: str) -> Path | None:
        """The source of a section index page (``examples/nn/index``), which
        sphinx-gallery writes from the section's header file."""
        if not self.is_gallery_page(docname) or PurePosixPath(docname).name != "index":
            return None
        section = PurePosixPath(docname).relative_to(self.gallery_dir).parent
        return self.examples_folder / section / files.SECTION_HEADER


def build_gallery(build) -> Gallery:
    """The gallery of a Sphinx build (its application or environment), made once per
    build from ``conf.py``'s settings: a build in the same process after an
    example was added or removed finds it anew."""
    from docs_engine.build_files import build_cache  # Sphinx's, loaded by then

    env = getattr(build, "env", build)
    cache = build_cache(env, "gallery")
    if "gallery" not in cache:
        cache["gallery"] = Gallery.from_settings(Path(env.srcdir), env.config.docs_engine_examples_dir,
                                                 env.config.docs_engine_gallery_dir)
    return cache["gallery"]
