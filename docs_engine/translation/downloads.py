"""Offer translated example downloads on translated pages.

sphinx-gallery writes one ``.py``, ``.ipynb`` and ``.zip`` per example, and a
zip of all of them, in English. On a page in another language this transform
writes the same files with the text blocks translated from the page's catalog
(:mod:`docs_engine.translation.example_text`; the code is left as it is), into the doctree
folder, and points the page's download links at them. The notebook is made by
sphinx-gallery's own converter, so both languages have the same cells, and
carries the outputs the English example printed and drew when it was
executed, with the figures the page shows, in its language
(:mod:`docs_engine.execution.notebook_outputs`, :func:`docs_engine.translation.figures.figure_in_language`).
Each zip also holds the ``requirements.txt`` of the English one, its comments
translated (:mod:`docs_engine.execution.learner_requirements`).

It runs while a page is read, after Sphinx translated it: a page is re-read
when its catalog changes, and with it its downloads. The gallery index, whose
zips hold every example, depends on every example's catalog and results.
"""

import os
from pathlib import Path

from sphinx import addnodes
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform

from docs_engine import priorities
from docs_engine.build_files import build_cache, write_if_changed, zip_bytes
from docs_engine.translation.catalogs import EXTENSIONS_CATALOG, is_translated, note_catalog, translations
from docs_engine.example import Example, build_gallery
from docs_engine.translation.example_sources import executed_examples, translated_source
from docs_engine.execution.environment import describe
from docs_engine.translation.figures import figure_in_language
from docs_engine.execution.learner_requirements import REQUIREMENTS_FILE, page_requirements
from docs_engine.execution.notebook_outputs import add_outputs, notebook_json
from docs_engine.adapters.gallery_files import ALL_EXAMPLES_ZIPS
from docs_engine.adapters.sphinx_gallery import (executed_blocks, image_file, jupyter_notebook,
                                               split_code_and_text_blocks)
from docs_engine.execution.training_record import read_environment, training_record_path, recorded_machines


def translated_example(env: BuildEnvironment, example: Example) -> dict[str, bytes]:
    """The translated ``.py`` and ``.ipynb`` of one example, by file name.

    Made once in a build: the example's page asks, and so does the gallery
    index, for its zips.
    """
    made = build_cache(env, "translated_examples")
    if example not in made:
        made[example] = _translate_example(env, example)
    return made[example]


def _translate_example(env: BuildEnvironment, example: Example) -> dict[str, bytes]:
    script, docname = example.executed, example.docname
    out_dir = downloads_dir(env) / Path(docname).parent
    source = translated_source(env, script)
    py_path = out_dir / script.name
    write_if_changed(py_path, source.encode("utf-8"))
    _, blocks = split_code_and_text_blocks(py_path)
    notebook = jupyter_notebook(blocks, env.config.sphinx_gallery_conf, out_dir)
    _, english_blocks = split_code_and_text_blocks(script)
    environment = read_environment(script)
    made_with = describe(environment, translations(env, EXTENSIONS_CATALOG).gettext,
                         env.config.language) if environment else []
    add_outputs(notebook, executed_blocks(example.page),
                env.config.sphinx_gallery_conf,
                lambda image: figure_in_language(env, docname, image_file(env.srcdir, image)),
                docname, made_with, [code for kind, code, _ in english_blocks if kind == "code"])
    return {
        script.name: source.encode("utf-8"),
        example.notebook.name: notebook_json(notebook),
    }


def translated_script(env: BuildEnvironment, example: Example) -> Path:
    """The example's script in the build's language: its ``.py`` download, which
    its page's code blocks show (:mod:`docs_engine.translation.code_messages`)."""
    translated_example(env, example)
    return downloads_dir(env) / Path(example.docname).parent / example.executed.name


def downloads_dir(env: BuildEnvironment) -> Path:
    return Path(env.doctreedir) / "downloads"


class TranslatedDownloads(SphinxTransform):
    """Point a translated gallery page's download links at translated files."""

    default_priority = priorities.TRANSLATES_DOWNLOADS

    def apply(self, **kwargs) -> None:
        docname = self.env.docname
        if not is_translated(self.env) or not build_gallery(self.env).is_gallery_page(docname):
            return
        links = list(self.document.findall(addnodes.download_reference))
        if not links:
            return
        examples = {example.docname: example for example in executed_examples(self.env)}
        for example in examples.values():
            self.env.note_dependency(str(training_record_path(example.executed)))  # the machine that made its log
        requirements = page_requirements(self.env).requirements_txt(
            recorded_machines([example.executed for example in examples.values()]), self.config.language,
            translations(self.env, EXTENSIONS_CATALOG).gettext).encode("utf-8")
        note_catalog(self.env, EXTENSIONS_CATALOG)
        files: dict[str, bytes] = {}
        if docname in examples:
            example = examples[docname]
            files = translated_example(self.env, example)
            files[example.archive.name] = zip_bytes(files | {REQUIREMENTS_FILE: requirements})
        else:  # the gallery index: one zip per kind of file, of every example
            every_file = {}
            for name, example in examples.items():
                every_file |= {
                    f"{Path(name).parent.name}/{file}": content
                    for file, content in translated_example(self.env, example).items()
                }
                note_catalog(self.env, name)
                self.env.note_dependency(str(example.page))  # its outputs
            for zip_name, suffix in ALL_EXAMPLES_ZIPS.items():
                files[zip_name] = zip_bytes(
                    {name: data for name, data in every_file.items() if name.endswith(suffix)}
                    | {REQUIREMENTS_FILE: requirements}
                )
        out_dir = downloads_dir(self.env) / Path(docname).parent
        doc_dir = Path(self.env.doc2path(docname)).parent
        for link in links:
            name = Path(link["reftarget"]).name
            if name in files:
                path = out_dir / name
                write_if_changed(path, files[name])
                link["reftarget"] = os.path.relpath(path, doc_dir)
