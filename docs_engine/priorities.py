"""When each of our transforms and handlers runs, named, next to what it must follow.

docutils runs a page's transforms by ``default_priority``, lower first; Sphinx
calls an event's handlers by priority, lower first (500 when none is given).
Where two share a number, the order they were registered in decides, which no
reader of one module could see: each number here is distinct from the others
of its kind and placed against a named anchor of Sphinx or sphinx-gallery.
Handlers with no moment of their own keep Sphinx's default and run in the order
of :data:`docs_engine.pipeline.PIPELINE`, the one table that registers them all;
``tests/layered/test_pipeline.py`` reads the order Sphinx resolved.
"""

from sphinx.transforms.i18n import Locale, PreserveTranslatableMessages, TranslationProgressTotaliser
from sphinx.transforms.post_transforms import ReferencesResolver

from docs_engine.adapters.sphinx_gallery import FILLS_DEFAULTS_AT, GENERATES_GALLERY_AT

# -- Transforms, while Sphinx reads a page -----------------------------------
# Before Sphinx keeps the translatable messages (10): the text that becomes a
# message of the page's catalog is marked: the texts of the examples' code.
EXTRACTS_CODE_MESSAGES = PreserveTranslatableMessages.default_priority - 5
# Before Sphinx translates the page (20): sphinx-gallery's English chrome gets
# its translated text, which Sphinx must then leave alone.
TRANSLATES_GALLERY_CHROME = Locale.default_priority - 5
# After Sphinx translated the page and counted its translated messages (25):
# what is built from the translated text.
SHOWS_TRANSLATED_CODE = TranslationProgressTotaliser.default_priority + 1
TRANSLATES_DOWNLOADS = SHOWS_TRANSLATED_CODE + 1
TRANSLATES_FIGURES = TRANSLATES_DOWNLOADS + 1
ADDS_RUN_IT_YOURSELF = TRANSLATES_FIGURES + 1  # built from translated text
NOTES_INCOMPLETE_TRANSLATION = ADDS_RUN_IT_YOURSELF + 1

# -- Post-transforms, before a page is written -------------------------------
# Before cross-references become links (10): a thumbnail's alt text.
TRANSLATES_THUMBNAIL_ALT = ReferencesResolver.default_priority - 5

# -- config-inited -----------------------------------------------------------
# Where sphinx-gallery fills in its defaults (10), in a build that only reads
# the executed gallery (its generator, which does it otherwise, is not loaded).
FILLS_READING_DEFAULTS = FILLS_DEFAULTS_AT
# Before sphinx-gallery's defaults are filled in (10): the gallery's folders.
FINDS_GALLERY_FOLDERS = FILLS_DEFAULTS_AT - 5
# Right after them: a shard's build leaves out the other shards' examples.
SKIPS_OTHER_SHARDS = FILLS_DEFAULTS_AT + 1
# Before anything reads an address: the site's address and language folders.
CONFIGURES_SITE = 100

# -- builder-inited ----------------------------------------------------------
# Before sphinx-gallery generates the gallery (500): what it finds on disk is
# made current (archives kept, stale outputs removed, outdated executions
# forgotten), then the examples with no kept figure are executed again and
# computed figure texts reported, then the shards execute.
KEEPS_ARCHIVES = GENERATES_GALLERY_AT - 100
REMOVES_STALE_GALLERY_OUTPUTS = KEEPS_ARCHIVES + 1
FORGETS_OUTDATED_EXECUTIONS = KEEPS_ARCHIVES + 2
RERUNS_UNRECORDED_FIGURES = GENERATES_GALLERY_AT - 50
WARNS_ABOUT_COMPUTED_FIGURE_TEXTS = RERUNS_UNRECORDED_FIGURES + 1
EXECUTES_SHARDS = GENERATES_GALLERY_AT - 10
# After sphinx-gallery: check each example's contract, finish its outputs.
FINISHES_GALLERY = GENERATES_GALLERY_AT + 100

# -- html-page-context -------------------------------------------------------
# Before the OpenGraph tags (500), which repeat it: the page's description.
DESCRIBES_PAGE = 400

# -- build-finished ----------------------------------------------------------
# After sphinx-sitemap writes a language's sitemap (500).
CORRECTS_SITEMAP = 600

# -- Files a page loads ------------------------------------------------------
# After the extensions' stylesheets (500), sphinx-gallery's among them: a rule
# of the same selector sets the English label of an example's output.
OUTPUT_LABEL_STYLESHEET = 600
# After sphinx-gallery's (500) and the theme's: its rules on a figure's <img>
# (display: block) must not show the rendition of the other theme.
FIGURE_RENDITIONS_STYLESHEET = 600
# Before a page's other scripts (Sphinx's own come at 200): a 404 page picks
# its language first.
LANGUAGE_FROM_PATH_SCRIPT = 100
