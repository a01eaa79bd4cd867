"""The real site's tests: the whole site built once per session with the
project's Makefile (``conftest.py``), then read as files, served to a headless
Chromium and run as a learner runs its downloads."""
