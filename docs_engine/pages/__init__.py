"""What a page shows beside its own text.

The comparison of every variant (:mod:`.comparison`), the "Run it yourself"
box (:mod:`.run_it_yourself`), the translation status (:mod:`.translation_status`),
the links to the same page in other languages (:mod:`.language_links`) and to its
source and catalog (:mod:`.repository_links`), and its description
(:mod:`.page_description`).
"""
