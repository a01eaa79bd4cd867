"""Sphinx configuration for "Learning PyTorch by example", in every language.

The site's pages live in ``docs/`` (the Sphinx source folder) and its example
scripts in ``examples/``; this file sits at the top level and is passed to
``sphinx-build -c .``. The Makefile chooses the language with
``-D language=...``; everything here is shared by all languages.
"""

from pathlib import Path

from docs_engine.project import read_languages, source_language
from docs_engine.pages.repository_address import is_preview, repository_from_environment

# -- Project -----------------------------------------------------------------

project = "Learning PyTorch by example"
author = "The Learning PyTorch by example contributors"
copyright = "2026, " + author
docs_engine_languages = read_languages(Path(__file__).parent)
language = source_language(docs_engine_languages)

# -- Sources -----------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.mathjax",
    # The engine, one extension: it sets up sphinx-gallery, sphinx-sitemap and
    # sphinx-notfound-page itself, each where its handlers must stand
    # (docs_engine/pipeline.py).
    "docs_engine",
    "sphinx_copybutton",
    # The theme, loaded with the extensions rather than when the builder starts:
    # its components folder then joins templates_path before the configuration
    # is compared with the last build's (else every build says it changed).
    "pydata_sphinx_theme",
]

root_doc = "index"
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
templates_path = ["docs/_templates"]  # relative to this file
myst_enable_extensions = ["dollarmath"]
# What MyST sets once the builder starts (MathJax reads only its math), set
# here: a value changed then makes every next build say the configuration changed.
mathjax4_config = {"options": {"processHtmlClass": "tex2jax_process|mathjax_process|math|output_area"}}
# MathJax from the site itself, not a CDN: `make mathjax` installs it into
# _build/vendor/mathjax, which html_static_path copies into _static/.
mathjax_path = "mathjax/es5/tex-chtml-full.js"

# -- Example gallery ---------------------------------------------------------

# The example scripts are in examples/, and the gallery they are executed into
# is docs/examples (a link into _build/gallery), its pages examples/...: the
# defaults of examples_dir and gallery_dir (docs_engine/settings.py), which the
# translators' tools read too. The gallery step gives them to sphinx-gallery.

sphinx_gallery_conf = {
    # Sections and examples in reading order: by the numbers in the file names
    # (the gallery step sets the sections' order, which needs the source folder).
    "within_subsection_order": "docs_engine.execution.reading_order.example_key",
    "first_notebook_cell": "%matplotlib inline",
    "show_signature": False,
    # `# sphinx_gallery_thumbnail_number = N` picks a thumbnail, out of sight.
    "remove_config_comments": True,
    "write_computation_times": False,
    # Time each example's training loop for the comparison page; save each
    # figure as sphinx-gallery does, and keep it to draw in other languages.
    "image_scrapers": ("docs_engine.execution.training_record.record_training",
                       "docs_engine.execution.figure_record.record_figures"),
}

# -- HTML --------------------------------------------------------------------

html_theme = "pydata_sphinx_theme"
html_title = project
html_favicon = "docs/_static/favicon.svg"
html_static_path = ["docs/_static", "_build/vendor"]
html_show_sourcelink = False
html_copy_source = False
# The priority Sphinx gives the project's own files (after the extensions'),
# given here: Sphinx would write it into these lists once the builder starts.
html_css_files = [("site.css", {"priority": 800})]
html_js_files = [("language-switcher.js", {"priority": 800}), ("sidebar-toggles.js", {"priority": 800})]
# The theme's permalink sign, which it would set once the builder starts.
html_permalinks_icon = "#"
# Pages with no sibling pages to list: no empty left sidebar, more room for the text.
html_sidebars = {
    page: [] for page in ("intro", "comparison", "glossary", "contributing", "translation-status")
}
html_theme_options = {
    "navbar_end": ["language-switcher", "theme-switcher", "navbar-icon-links"],
    "secondary_sidebar_items": ["page-toc"],
    "article_footer_items": ["repository-links"],
    # One header row from the theme's desktop width (960 px) up, in every
    # language: the site's title, two links (short titles, index.md's
    # toctree) and "More", the search as an icon, the language and theme
    # switches. Below 960 px the theme folds the links into its menu.
    "header_links_before_dropdown": 2,
    "navbar_align": "left",
    "navbar_persistent": ["search-button"],
    "footer_start": [],
    "footer_end": [],
}

# -- Hosting -----------------------------------------------------------------

# The site's root address: each language's pages live at <code>/<page>.html
# under it, such as "https://owner.github.io/repository/". The SITE_URL
# environment variable wins when it is set; on Read the Docs, its own
# variables give the addresses. Empty: a local build, with relative links.
# docs_engine/hosting/site_urls.py derives html_baseurl (canonical links),
# notfound_urls_prefix and the sitemap's URL scheme from it (and the OpenGraph URLs).
site_url = ""
sitemap_excludes = ["search.html", "404.html"]  # pages not to index

# Copy the code of a block, never its prompts or its output.
copybutton_exclude = ".linenos, .gp, .go"
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_selector = "div:not(.sphx-glr-script-out) > div.highlight > pre"

# -- Repository --------------------------------------------------------------

# Each page links to its source file and, translated, to its catalog in this
# repository. By default the URL comes from CI (GitHub Actions, Read the
# Docs); empty, the pages show no such links.
docs_engine_repository_url = repository_from_environment()
docs_engine_repository_branch = "main"
# Each example's "Open in Colab" link opens its notebook, in the page's
# language, on this branch, which the workflow replaces on every push to main
# (docs_engine/hosting/notebook_branch.py). A pull request's preview links no
# notebook: its own are published nowhere, and main's may differ from the page.
docs_engine_notebook_branch = "" if is_preview() else "notebooks"

# -- Translations ------------------------------------------------------------

docs_engine_catalog_sources = "../locales"  # the .po files, relative to docs/
locale_dirs = ["../_build/locales"]  # compiled there by `make` (docs_engine.translation.catalog_compiler)
gettext_compact = False
gettext_location = False
gettext_uuid = False
gettext_auto_build = False
