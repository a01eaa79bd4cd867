"""Measurements, not tests: ``make benchmark`` (:mod:`.build`) and the translator's desk (:mod:`.translator_desk`)."""
