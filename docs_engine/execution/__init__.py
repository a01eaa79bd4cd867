"""Executing the gallery once: the ``make gallery`` step.

sphinx-gallery executes each example (:mod:`.gallery`), side by side in shards
(:mod:`.shards`) or on several machines, by one plan (:mod:`.shard_plan`), each
machine's shard packed and all merged (:mod:`.shard_artifacts`) when made from
the same sources (:mod:`.fingerprint`), in reading order (:mod:`.reading_order`); while it runs, the
scrapers keep each figure (:mod:`.figure_record`) and record the training and
what ran it (:mod:`.training_record`, :mod:`.environment`). Afterwards each
example is checked against its contract (:mod:`.contract`, reading the log with
:mod:`.training_log`), its notebook gets the outputs (:mod:`.notebook_outputs`)
and its zip a pinned ``requirements.txt`` (:mod:`.learner_requirements`).
"""
