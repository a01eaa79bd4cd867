"""Translating while Sphinx reads a language's pages.

The catalogs are compiled before Sphinx starts (:mod:`.catalog_compiler`, with
the checks of :mod:`.po_checks`) and read by :mod:`.catalogs`. An example is
translated from its page's catalog into one script
(:mod:`.example_text`, :mod:`.example_sources`): its text, its code's comments
(:mod:`.comment_texts`), figure texts (:mod:`.figure_texts`) and docstrings
(:mod:`.docstrings`), which :mod:`.code_messages` makes messages
(:mod:`.figure_messages` marks them for translators); the page's code blocks and
its downloads (:mod:`.downloads`) are that script, and its figures
(:mod:`.figures`) are drawn again with its figure texts; sphinx-gallery's own text (:mod:`.gallery_chrome`) and the
theme's (:mod:`.theme_messages`) follow the page's language.
"""
