"""Translating while Sphinx reads a language's pages.

The catalogs are compiled before Sphinx starts (:mod:`.catalog_compiler`, with
the checks of :mod:`.po_checks`) and read by :mod:`.catalogs`. An example is
translated from its page's catalog: its text (:mod:`.example_text`,
:mod:`.example_sources`), its code's comments (:mod:`.comment_texts` finds them
and puts their translations back, :mod:`.code_messages` makes them messages), its
figures (:mod:`.figure_texts` finds their text, :mod:`.figure_messages` makes it
messages, :mod:`.figures` draws them again) and its downloads
(:mod:`.downloads`); sphinx-gallery's own text (:mod:`.gallery_chrome`) and the
theme's (:mod:`.theme_messages`) follow the page's language.
"""
