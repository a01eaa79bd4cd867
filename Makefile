# Learning PyTorch by example: build, preview, test and translate the site.
# `make help` lists the targets; README.md explains them.

SPHINXOPTS  ?= -W --keep-going -n
BUILDDIR    ?= _build
PORT        ?= 8000
PYTHON      ?= python3.11
VENV        ?= .venv

# The codes of languages.toml, the one list of the site's languages, read as
# conf.py reads it (docs_engine.project, which needs only the standard
# library: the virtual environment may not exist yet). Read once: `make html`
# hands them to the Make it starts. The first is the source language.
ifeq ($(origin SITE_LANGUAGES),undefined)
SITE_LANGUAGES := $(shell $(PYTHON) -m docs_engine.project)
endif
$(if $(SITE_LANGUAGES),,$(error languages.toml could not be read: see the line above))
LANGUAGES   ?= $(SITE_LANGUAGES)
SOURCE_LANGUAGE = $(firstword $(SITE_LANGUAGES))

# sphinx-build, ending without the interpreter's teardown (docs_engine/adapters/sphinx_build.py).
SPHINXBUILD  = $(VENV)/bin/python -m docs_engine.adapters.sphinx_build
BIN          = $(VENV)/bin
SPHINX       = $(SPHINXBUILD) -c . $(SPHINXOPTS)
INSTALLED    = $(VENV)/.installed
TRANSLATIONS = $(filter-out $(SOURCE_LANGUAGE),$(LANGUAGES))

.DEFAULT_GOAL := help
.PHONY: help system-tools html gallery preview $(addprefix html-,$(LANGUAGES)) gettext update-po stats lint-po wrap-po serve test benchmark clean
.PHONY: todo find-po review-po
.PHONY: mathjax dist readthedocs notebooks publish-notebooks
.PHONY: shard-plan shard merge-shards benchmark-growth

# List the targets.
help:
	@echo "make html         build every language into $(BUILDDIR)/html/<lang>/"
	@echo "make html-<lang>  build one language ($(LANGUAGES))"
	@echo "make preview PAGE=<page>  rebuild a translated page after editing its catalog; print its URL"
	@echo "make update-po    bring new English messages into locales/ (runs gettext)"
	@echo "make stats        translation progress of each catalog"
	@echo "make lint-po      check the catalogs as CI does"
	@echo "make wrap-po      rewrap the catalogs (the only fix lint-po asks you to run)"
	@echo "make todo         the next messages to translate or review, in reading order"
	@echo "                  (CATALOG=<page> one catalog, FUZZY=1 fuzzy only, LIMIT=<n>, 0 for all)"
	@echo "make find-po TERM='<English>'  how the catalogs translate a term (translation memory)"
	@echo "make review-po BASE=<git ref>  a pull request's catalogs: progress, checks, changes, pages"
	@echo "make serve        preview $(BUILDDIR)/html on http://localhost:$(PORT)/"
	@echo "make test         build the site in a temporary folder and test it"
	@echo "make benchmark    time clean and incremental builds"
	@echo "make benchmark-growth  how builds grow with examples and languages (a generated gallery)"
	@echo "make shard-plan SHARDS=<n>  which examples each of n machines executes ($(SHARD_PLAN))"
	@echo "make gallery SHARD=<k>/<n>  execute shard k of the plan into $(SHARD_ARTIFACTS)/<k>/"
	@echo "make merge-shards  check every shard's artifact and merge them into the gallery"
	@echo "make mathjax      install MathJax (npm) for the pages' formulas"
	@echo "make dist         one archive of the whole site: $(DIST)"
	@echo "make readthedocs  Read the Docs' build (.readthedocs.yaml)"
	@echo "make notebooks    every language's example notebooks, from the built site, into $(NOTEBOOKS)"
	@echo "make publish-notebooks  push them to the repository's notebooks branch (CI on main)"
	@echo "make clean        remove everything the build generated"

# Create the virtual environment and install the pinned requirements.
$(INSTALLED): requirements.txt requirements-test.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements-test.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $@

# Install the system tools the checks and tests use (Debian packages), if missing.
# The translations' hunspell dictionaries are those their rules name
# (docs_engine/languages/, e.g. /usr/share/hunspell/es_ES.dic:hunspell-es).
SYSTEM_TOOLS = msgfmt:gettext chromium:chromium hunspell:hunspell \
	$(shell $(PYTHON) -m docs_engine.languages $(TRANSLATIONS)) \
	/usr/share/dict/american-english:wamerican
# apt-get needs root: through sudo for a user who is not (a CI runner's).
SUDO = $(if $(filter 0,$(shell id -u)),,$(shell command -v sudo))
system-tools:
	@missing=$$(for tool in $(SYSTEM_TOOLS); do \
		command -v $${tool%%:*} >/dev/null || test -e $${tool%%:*} || echo $${tool#*:}; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing $$missing"; \
		$(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi

# -- What each step reads ----------------------------------------------------
# Make re-runs a step only when one of its inputs changed, and each step
# leaves a stamp in $(STAMPS) when it succeeds: a `make html` with nothing
# changed starts no Sphinx at all.
STAMPS   = $(BUILDDIR)/stamps
# Folders count too: renaming or deleting a file changes its folder's time.
ENGINE   = conf.py languages.toml pyproject.toml $(shell find docs_engine -name '*.py')
EXAMPLES = $(shell find examples -not -name '*.pyc' -not -name __pycache__)
PAGES    = $(shell find docs -path docs/examples -prune -o -print)
catalog_sources = $(shell find locales/$(1)/LC_MESSAGES 2>/dev/null)
# Parallel jobs for `make html` (languages side by side) and the gallery.
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)

# The gallery step reads only the root page: the language builds read and
# check every page (and the links between them).
GALLERY_STEP = -b dummy -D include_patterns=index.md -D suppress_warnings=toc.not_readable,ref.doc

# Execute the examples (only those that changed) into $(BUILDDIR)/gallery, $(JOBS)
# side by side (docs_engine.execution.shards); one thread each, so that they
# neither compete for cores nor print numbers that depend on how many there are.
# The virtual environment's packages count too: installing another version of
# one (pip adds and removes entries there) runs the step again, and the step
# executes again the examples that import it (docs_engine.execution.environment).
SITE_PACKAGES = $(wildcard $(VENV)/lib/python*/site-packages)
ifdef SHARD
gallery: shard
else
gallery: $(STAMPS)/gallery
endif
$(STAMPS)/gallery: $(INSTALLED) $(SITE_PACKAGES) $(ENGINE) $(EXAMPLES)
	OMP_NUM_THREADS=1 $(SPHINX) $(GALLERY_STEP) -D docs_engine_gallery_jobs=$(JOBS) \
		-d $(BUILDDIR)/doctrees/gallery docs $(BUILDDIR)/dummy
	@mkdir -p $(@D) && touch $@

# The gallery on several machines (a CI matrix; README, "The gallery on several
# machines"): `make shard-plan SHARDS=N` writes which examples each of N shards
# executes (docs_engine/execution/shard_plan.py), from the examples that need
# executing and how long each took last time; `make gallery SHARD=k/N` executes
# shard k of it (making the plan first if there is none) and packs what it wrote
# into $(SHARD_ARTIFACTS)/<k>/, whose manifest names any example that failed;
# `make merge-shards` checks every shard's artifact (all there, complete, from
# these sources, none failed) and merges them into $(BUILDDIR)/gallery, where
# the next gallery step finds them current.
SHARDS          ?= 1
SHARD_PLAN       = $(BUILDDIR)/shard-plan.json
SHARD_ARTIFACTS  = $(BUILDDIR)/shard-artifacts
SHARD_LOCATIONS  = --project . --examples examples --build $(BUILDDIR)
SHARD_COUNT      = $(or $(word 2,$(subst /, ,$(SHARD))),$(SHARDS))
shard-plan: $(INSTALLED)
	$(BIN)/python -m docs_engine.execution.shard_plan --shards $(SHARD_COUNT) $(SHARD_LOCATIONS)
$(SHARD_PLAN): | $(INSTALLED)
	$(BIN)/python -m docs_engine.execution.shard_plan --shards $(SHARD_COUNT) $(SHARD_LOCATIONS)
# The artifact is packed even when an example failed (its manifest names it,
# for the merge to report); the step fails as the shard's build did.
shard: $(INSTALLED) | $(SHARD_PLAN)
	OMP_NUM_THREADS=1 $(SPHINX) $(GALLERY_STEP) -D docs_engine_gallery_shard=$(SHARD) \
		-d $(BUILDDIR)/doctrees/shard docs $(BUILDDIR)/dummy; status=$$?; \
	$(BIN)/python -m docs_engine.execution.shard_artifacts pack $(SHARD) --status $$status $(SHARD_LOCATIONS) \
		&& exit $$status
merge-shards: $(INSTALLED)
	$(BIN)/python -m docs_engine.execution.shard_artifacts merge $(SHARD_LOCATIONS)
	rm -f $(STAMPS)/gallery

# Compile one language's catalogs into $(BUILDDIR)/locales/<lang>/ (never into locales/).
.SECONDEXPANSION:
.SECONDARY:
$(STAMPS)/catalogs-%: $(INSTALLED) docs_engine/translation/catalog_compiler.py docs_engine/translation/po_checks.py $$(call catalog_sources,$$*)
	$(BIN)/python -m docs_engine.translation.catalog_compiler --language $* --output $(BUILDDIR)/locales
	@mkdir -p $(@D) && touch $@

# Build every language side by side, then the root page that picks the visitor's language.
# The virtual environment is made here, before the sub-make: Make passes no -o
# down, so a caller's `-o $(INSTALLED)` (the tests', the benchmark's, in a copy
# of the project) would not keep the sub-make from installing the copy's engine
# into the shared environment.
html: $(INSTALLED)
	@$(MAKE) --no-print-directory -j$(JOBS) -Oline -o $(INSTALLED) SITE_LANGUAGES='$(SITE_LANGUAGES)' \
		$(addprefix html-,$(LANGUAGES)) $(BUILDDIR)/html/index.html

# Build one language from the executed gallery (and, if translated, its compiled catalogs).
# When our extensions change, Sphinx reads every page again by itself: their
# env_version is a checksum of docs_engine's code (docs_engine.project.engine_version).
# Side by side, a translated language has the most to do (it translates the pages
# and downloads and draws its figures): the source language runs at a lower
# priority, on the cycles the others leave, so that it never holds back the
# longest build.
$(addprefix html-,$(LANGUAGES)): html-%: $(STAMPS)/html-%
$(STAMPS)/html-%: $(STAMPS)/gallery $(ENGINE) $(PAGES) $$(if $$(filter-out $(SOURCE_LANGUAGE),$$*),$(STAMPS)/catalogs-$$*)
	$(if $(filter $(SOURCE_LANGUAGE),$*),nice -n 10) $(SPHINX) -b html -D language=$* -D docs_engine_gallery_execute=0 \
		-d $(BUILDDIR)/doctrees/$* docs $(BUILDDIR)/html/$*
	@mkdir -p $(@D) && touch $@

# The root page: sends a visitor to the language their browser prefers, under
# the site title in every language (from the compiled catalogs).
$(BUILDDIR)/html/index.html: $(INSTALLED) languages.toml conf.py docs_engine/hosting/root_page.py \
		$(addprefix $(STAMPS)/catalogs-,$(TRANSLATIONS))
	$(BIN)/python -m docs_engine.hosting.root_page --output $@ --locales $(BUILDDIR)/locales && touch $@

# Rebuild one translated page after editing its catalog, and say where it is:
# `make preview PAGE=intro` (or a catalog path, locales/es/LC_MESSAGES/intro.po,
# in the language of its folder; a page name is shown in the first translation).
PREVIEW_LANGUAGE ?= $(or $(word 2,$(subst /, ,$(filter locales/%,$(PAGE)))),$(firstword $(TRANSLATIONS)))
preview: html-$(PREVIEW_LANGUAGE)
	@page=$$(echo "$(PAGE)" | sed -e 's|^locales/[^/]*/LC_MESSAGES/||' -e 's|\.po$$||' -e 's|\.html$$||'); \
	if [ -z "$$page" ]; then echo "make preview: name the page, e.g. make preview PAGE=intro" >&2; exit 2; fi; \
	file=$(BUILDDIR)/html/$(PREVIEW_LANGUAGE)/$$page.html; \
	if [ ! -f "$$file" ]; then echo "make preview: the site has no page $$page (PAGE is a page name such as intro or examples/nn/plot_5_nn)" >&2; exit 2; fi; \
	echo "$$page ($(PREVIEW_LANGUAGE)): http://localhost:$(PORT)/$(PREVIEW_LANGUAGE)/$$page.html (run make serve), or file://$(CURDIR)/$$file"

# Extract the English messages into $(BUILDDIR)/gettext/*.pot.
gettext: $(STAMPS)/gallery
	$(SPHINX) -b gettext -D docs_engine_gallery_execute=0 -d $(BUILDDIR)/doctrees/gettext docs $(BUILDDIR)/gettext

# Merge new and changed English messages into the catalogs: translations are
# kept, a changed message keeps its old translation marked fuzzy (GNU msgmerge
# --previous), with the English it translated in `#|` lines.
update-po: gettext
	$(BIN)/python -m docs_engine.translators.update --pot-dir $(BUILDDIR)/gettext \
		$(addprefix --language ,$(TRANSLATIONS))

# Show each catalog's translated / fuzzy / untranslated counts and the total.
stats: $(INSTALLED)
	$(BIN)/python -m docs_engine.translators.stats $(addprefix --language ,$(TRANSLATIONS))

# Check every catalog (syntax, wrapping, sphinx-lint, spelling, glossary, markup).
lint-po: $(INSTALLED) system-tools
	$(BIN)/python -m docs_engine.translators.lint $(addprefix --language ,$(TRANSLATIONS))

# Rewrap every catalog as update-po writes them (79 columns).
wrap-po: $(INSTALLED)
	$(BIN)/python -m docs_engine.translators.wrap

# Preview the built site on localhost.
serve:
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory $(BUILDDIR)/html $(PORT)

# Run the test suite (it builds the site itself, in a temporary folder).
test: $(INSTALLED) system-tools lint-po
	$(BIN)/python -m pytest

# Time clean, no-change and incremental builds (a benchmark, not a test).
benchmark: $(INSTALLED)
	$(BIN)/python -m benchmarks.build

# How clean, no-change and one-edit builds grow with the number of examples and
# of languages (a generated gallery), and how the shard plan spreads the real
# examples' recorded times over machines; the cost model of README (a benchmark).
benchmark-growth: $(INSTALLED)
	$(BIN)/python -m benchmarks.growth

# Remove every generated folder (the virtual environment stays).
clean:
	rm -rf $(BUILDDIR)

# ---- The translator's desk: what to do next, how a term was translated,
# what a pull request changed. Each tool prints, writes no file (review-po
# also appends to $$GITHUB_STEP_SUMMARY when CI sets it), and on bad input
# says in one line what to fix and exits non-zero.

# The next untranslated or fuzzy messages, in reading order, with what changed in the English.
todo: $(INSTALLED)
	@$(BIN)/python -m docs_engine.translators.todo $(addprefix --language ,$(TRANSLATIONS)) \
		$(if $(CATALOG),--catalog '$(CATALOG)') $(if $(filter-out 0,$(FUZZY)),--fuzzy) \
		$(if $(LIMIT),--limit '$(LIMIT)')

# Every English message containing TERM, with its translation (catalogs and memory.po).
# TERM is also the terminal's variable: only a TERM given to make is searched.
find-po: $(INSTALLED)
	@$(BIN)/python -m docs_engine.translators.find $(addprefix --language ,$(TRANSLATIONS)) \
		$(if $(filter command line,$(origin TERM)),-- '$(subst ','\'',$(value TERM))')

# The Markdown summary of the catalogs changed since BASE (CI: BASE=origin/<target branch>).
review-po: $(INSTALLED) system-tools
	@$(BIN)/python -m docs_engine.translators.review $(addprefix --language ,$(TRANSLATIONS)) \
		--base '$(subst ','\'',$(value BASE))'

# -- Hosting -----------------------------------------------------------------

# MathJax, served by the site itself (no CDN): the npm package, pinned by
# version and checksum, unpacked once into $(VENDOR)/mathjax with only what the
# pages load (TeX input with every extension, HTML output, its fonts) and its
# licence. conf.py's html_static_path copies $(VENDOR) into each language's
# _static/, and Sphinx leaves the files that have not changed alone.
VENDOR          = _build/vendor
MATHJAX         = mathjax-3.2.2
MATHJAX_SHA256  = 1b9c0a1c44df864e915690558e72adb9cc5203360daefd385084ced3b6c64c09
MATHJAX_FILES   = package/LICENSE package/es5/tex-chtml-full.js package/es5/output/chtml/fonts/woff-v2
MATHJAX_STAMP   = $(VENDOR)/mathjax/.$(MATHJAX)
$(MATHJAX_STAMP):
	@command -v npm >/dev/null || { echo "MathJax is installed with npm: install Node.js and npm (Debian: apt-get install npm)"; exit 1; }
	rm -rf $(VENDOR)/mathjax $(VENDOR)/npm && mkdir -p $(VENDOR)/mathjax $(VENDOR)/npm
	cd $(VENDOR)/npm && npm pack --silent --prefer-offline $(subst -,@,$(MATHJAX)) >/dev/null
	echo "$(MATHJAX_SHA256)  $(VENDOR)/npm/$(MATHJAX).tgz" | sha256sum --check --quiet
	tar -xzf $(VENDOR)/npm/$(MATHJAX).tgz -C $(VENDOR)/mathjax --strip-components=1 $(MATHJAX_FILES)
	rm -rf $(VENDOR)/npm
	touch $@
mathjax: $(MATHJAX_STAMP)
# Every Sphinx run checks that html_static_path exists, the gallery step's (and a shard's) too.
$(STAMPS)/gallery shard $(addprefix $(STAMPS)/html-,$(LANGUAGES)): $(MATHJAX_STAMP)

# One archive of the whole site, ready to upload to any static host; the same
# bytes from two builds of the same sources.
DIST = $(BUILDDIR)/dist/site.zip
dist: html
	$(BIN)/python -m docs_engine.hosting.site_archive $(BUILDDIR)/html $(DIST)

# The notebooks Colab opens (docs_engine/hosting/notebook_branch.py): each
# example page's notebook, every language, out of the built site into
# $(NOTEBOOKS)/<lang>/<page>.ipynb; then, from CI on main, pushed as the one
# commit of conf.py's docs_engine_notebook_branch, to conf.py's repository
# (or NOTEBOOK_REMOTE). Standard library and git only: nothing to install.
NOTEBOOKS = $(BUILDDIR)/notebooks
notebooks:
	$(PYTHON) -m docs_engine.hosting.notebook_branch collect $(BUILDDIR)/html $(NOTEBOOKS)
publish-notebooks:
	$(PYTHON) -m docs_engine.hosting.notebook_branch publish $(NOTEBOOKS) \
		$(if $(NOTEBOOK_REMOTE),--remote '$(subst ','\'',$(NOTEBOOK_REMOTE))')

# The site's address also comes from the environment (SITE_URL, or Read the
# Docs' variables): the languages are built again when it changes.
SITE_ADDRESS = $(STAMPS)/site-address
# A pull request's preview links no notebook to Colab (conf.py): so do its variables.
SITE_SETTINGS = $(SITE_URL) $(READTHEDOCS) $(READTHEDOCS_LANGUAGE) $(READTHEDOCS_CANONICAL_URL) \
	$(GITHUB_EVENT_NAME) $(READTHEDOCS_VERSION_TYPE)
$(SITE_ADDRESS): FORCE
	@mkdir -p $(@D) && echo '$(SITE_SETTINGS)' | cmp -s - $@ || echo '$(SITE_SETTINGS)' > $@
.PHONY: FORCE
FORCE:
$(addprefix $(STAMPS)/html-,$(LANGUAGES)): $(SITE_ADDRESS)

# Read the Docs (.readthedocs.yaml): the project's language only, into
# $$READTHEDOCS_OUTPUT/html, once its settings are checked.
readthedocs: $(INSTALLED)
	@test -n "$(READTHEDOCS_OUTPUT)" || { echo "READTHEDOCS_OUTPUT is not set: make readthedocs is Read the Docs' build"; exit 1; }
	$(BIN)/python -m docs_engine.hosting.site_urls
	$(MAKE) html-$(READTHEDOCS_LANGUAGE)
	rm -rf $(READTHEDOCS_OUTPUT)/html && mkdir -p $(READTHEDOCS_OUTPUT)
	cp -r $(BUILDDIR)/html/$(READTHEDOCS_LANGUAGE) $(READTHEDOCS_OUTPUT)/html
