"""The one place for each other package's internals.

sphinx-gallery's files and formats (:mod:`.sphinx_gallery`), Sphinx's log
(:mod:`.quiet_log`) and its command line (:mod:`.sphinx_build`).
"""
