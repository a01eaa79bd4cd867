"""The build machinery of "Learning PyTorch by example", stage by stage.

A page goes through these subpackages in this order (README's "How a build
works" tells the whole story):

- :mod:`docs_engine.execution`: the gallery step, in a process of its own:
  every example executed once, whatever the number of languages, with what it
  printed, drew and ran on recorded for the others.
- :mod:`docs_engine.translation`: each language's build translates while
  Sphinx reads the pages: the catalogs, the examples' text and comments, their
  figures, downloads and sphinx-gallery's chrome.
- :mod:`docs_engine.pages`: what a page shows beside its text: the comparison,
  the "Run it yourself" box, the links to other languages and to the sources.
- :mod:`docs_engine.hosting`: where the site lives and what it ships: addresses,
  the root page, the 404 pages, what a host serves from the root.
- :mod:`docs_engine.translators`: the translators' tools behind ``make lint-po``,
  ``make stats``, ``make todo`` and their kin, with each language's own rules
  in :mod:`docs_engine.languages`.
- :mod:`docs_engine.adapters`: the one place for each other package's
  internals: sphinx-gallery, Sphinx's log and its command line.

The package is one Sphinx extension: :mod:`docs_engine.pipeline` wires every
module's handlers and transforms from one ordered table, at the moments named
in :mod:`docs_engine.priorities`, with the configuration values of
:mod:`docs_engine.settings`; an example is one value, :mod:`docs_engine.example`.
Two modules serve them all: :mod:`docs_engine.project`
(the project's files and languages, standard library only, read by the
Makefile too) and :mod:`docs_engine.build_files` (files written the same way by
every build).
"""


def setup(app):
    """The engine as one Sphinx extension (``conf.py`` lists ``docs_engine``): see
    :mod:`docs_engine.pipeline`, imported only here, so that importing a tool of
    this package never loads Sphinx."""
    from docs_engine import pipeline

    return pipeline.setup(app)
