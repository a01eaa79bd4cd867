"""Every configuration value the engine adds to Sphinx's, in one table.

``conf.py`` sets them; :mod:`docs_engine.pipeline` registers them all, typed,
before any handler runs; each says when a change of it makes Sphinx read the
pages again (``"env"``), write them again (``"html"``) or neither (``""``).
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    rebuild: str  # Sphinx's "env", "html" or "": what a change of it redoes
    type: type
    description: str


SETTINGS = (
    # -- The gallery ----------------------------------------------------------
    Setting("docs_engine_gallery_execute", True, "env", bool,
            "Execute the examples: the gallery step. Each language's build sets it"
            " to 0 and reads the executed gallery."),
    Setting("docs_engine_gallery_dir", "examples", "env", str,
            "The executed gallery's folder in the source folder: its pages' docnames"
            " start with it."),
    Setting("docs_engine_examples_dir", "../examples", "env", str,
            "The example scripts' folder, relative to the source folder."),
    Setting("docs_engine_gallery_jobs", 1, "", int,
            "How many examples the gallery step executes side by side (the Makefile's JOBS)."),
    Setting("docs_engine_gallery_examples", [], "", list,
            "A shard's build: the examples it executes (paths in the examples folder)."),
    Setting("docs_engine_gallery_shard", "", "", str,
            "One machine's shard of the shard plan, k/N (make gallery SHARD=k/N): the"
            " build executes only its examples (docs_engine.execution.shard_plan)."),
    # -- Translation ----------------------------------------------------------
    Setting("docs_engine_catalog_sources", "../locales", "env", str,
            "The translators' catalogs (.po), relative to the source folder;"
            " ``locale_dirs`` names where they are compiled."),
    Setting("docs_engine_languages", {"en": "English"}, "html", dict,
            "The site's languages, code to name, the source language first"
            " (conf.py reads languages.toml)."),
    Setting("docs_engine_language_exclude_patterns", {}, "env", dict,
            "Per language, source patterns that language leaves out."),
    # -- Hosting --------------------------------------------------------------
    Setting("docs_engine_site_version_path", "", "html", str,
            "Set from the host's variables: the version folder under each language"
            " (Read the Docs' ``latest/``)."),
    Setting("docs_engine_repository_url", "", "html", str,
            "The repository each page links its source and catalog to; empty, no links."),
    Setting("docs_engine_repository_branch", "main", "html", str,
            "The branch those links point into."),
    Setting("docs_engine_notebook_branch", "", "html", str,
            "The branch the workflow publishes every language's notebooks to, which each"
            " example's \"Open in Colab\" link opens; empty (a pull request's preview), no link."),
)


def default(name: str):
    """A setting's default: what the build uses where ``conf.py`` does not set it."""
    return next(setting.default for setting in SETTINGS if setting.name == name)
