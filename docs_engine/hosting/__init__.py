"""Where the site lives and what it ships.

Each language's address (:mod:`.site_urls`), the files served from the site's
root (:mod:`.site_root`, :mod:`.root_page`), the 404 pages (:mod:`.not_found`),
link previews (:mod:`.opengraph`), what is left out (:mod:`.no_source_maps`,
:mod:`.stale_outputs`) and the one archive of the site (:mod:`.site_archive`).
"""
