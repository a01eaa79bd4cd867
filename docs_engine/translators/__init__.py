"""The translators' tools, one command-line module each, behind the Makefile's
targets: ``lint-po`` (:mod:`.lint`), ``stats`` (:mod:`.stats`), ``update-po``
(:mod:`.update`), ``wrap-po`` (:mod:`.wrap`), ``todo`` (:mod:`.todo`),
``find-po`` (:mod:`.find`, with :mod:`.memory`) and ``review-po``
(:mod:`.review`); :mod:`.site_catalogs` finds the catalogs they work on.
"""
