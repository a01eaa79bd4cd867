"""The engine as one Sphinx extension: every value, handler and transform, in order.

``conf.py`` lists ``docs_engine`` once; its ``setup()`` (in ``__init__``, which
imports this module only then, so that the tools never load Sphinx) applies
:data:`PIPELINE` from top to bottom: the configuration values of
:mod:`docs_engine.settings`, then each module's pieces in the order a page goes
through them, with the packages the engine builds on (sphinx-gallery,
sphinx-sitemap, sphinx-notfound-page) set up where their handlers must stand.
A transform runs at its class's ``default_priority`` and a handler at its
priority, all named in :mod:`docs_engine.priorities`; handlers at Sphinx's
default run in this table's order. No module sets itself up, so none can be
left out or listed twice, and ``tests/layered/test_pipeline.py`` checks the
order Sphinx resolved against this table.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from docutils import nodes
from sphinx.application import Sphinx

from docs_engine import build_files, priorities, project, settings
from docs_engine.adapters import quiet_log
from docs_engine.adapters import sphinx_gallery as sg
from docs_engine.execution import environment as execution_environment
from docs_engine.execution import figure_record, gallery, learner_requirements, shards
from docs_engine.hosting import no_source_maps, not_found, opengraph, site_root, site_urls, stale_outputs
from docs_engine.pages import (colab_link, comparison, figure_renditions, language_links, page_description,
                               repository_links, run_it_yourself, training_facts, translation_status)
from docs_engine.translation import (catalogs, code_messages, downloads, figure_messages, figures,
                                     gallery_chrome, theme_messages)

DEFAULT = 500  # Sphinx's priority for a handler given none


@dataclass(frozen=True)
class Extension:
    """A package the engine builds on, set up at this point of the table."""
    name: str


@dataclass(frozen=True)
class Step:
    """Setup work of one module that is neither a handler nor a transform."""
    function: Callable[[Sphinx], None]


@dataclass(frozen=True)
class Handler:
    event: str
    function: Callable
    priority: int = DEFAULT
    when: Callable[[Sphinx], bool] | None = None  # connected only in builds where it holds


@dataclass(frozen=True)
class Transform:
    """A transform of the doctrees as they are read (``post=False``) or written."""
    transform: type
    post: bool = False


@dataclass(frozen=True)
class Node:
    node: type[nodes.Node]
    html: tuple[Callable, Callable] | None = None


@dataclass(frozen=True)
class Directive:
    name: str
    directive: type


@dataclass(frozen=True)
class Role:
    name: str
    role: Callable


@dataclass(frozen=True)
class Messages:
    """Messages of the extensions' catalog (a callable gives one from the application)."""
    messages: tuple = field(default=())

    def __init__(self, *messages):
        object.__setattr__(self, "messages", messages)


@dataclass(frozen=True)
class Event:
    name: str


@dataclass(frozen=True)
class Stylesheet:
    filename: str
    priority: int


PIPELINE = (
    # -- The log: progress, warnings and errors, no configuration dumps ------
    Step(quiet_log.drop_configuration_dumps),
    # -- Executing the gallery once (the gallery step; read by every language)
    Step(gallery.load_sphinx_gallery),
    Handler("config-inited", sg.fill_reading_defaults, priorities.FILLS_READING_DEFAULTS,
            when=gallery.reads_executed_gallery),
    Handler("config-inited", gallery.gallery_folders, priorities.FINDS_GALLERY_FOLDERS),
    Handler("config-inited", shards.skip_other_examples, priorities.SKIPS_OTHER_SHARDS),
    Handler("builder-inited", gallery.keep_archives, priorities.KEEPS_ARCHIVES),
    Handler("builder-inited", gallery.remove_stale_outputs, priorities.REMOVES_STALE_GALLERY_OUTPUTS),
    Handler("builder-inited", gallery.forget_outdated_executions, priorities.FORGETS_OUTDATED_EXECUTIONS),
    Handler("builder-inited", figure_record.rerun_unrecorded, priorities.RERUNS_UNRECORDED_FIGURES),
    Handler("builder-inited", figure_messages.warn_about_computed_figure_texts,
            priorities.WARNS_ABOUT_COMPUTED_FIGURE_TEXTS),
    Handler("builder-inited", shards.execute_shards, priorities.EXECUTES_SHARDS),
    Handler("builder-inited", gallery.check_and_finish, priorities.FINISHES_GALLERY),
    # -- Translating while the pages are read --------------------------------
    # The builder's name, for the transforms that differ in the gettext build.
    Handler("builder-inited", build_files.note_builder),
    Event(catalogs.MESSAGES_EVENT),
    Handler("builder-inited", catalogs.check_compiled),
    Handler("doctree-read", catalogs.note_own_catalog),
    Handler("build-finished", catalogs.write_extensions_template),
    Messages(*gallery_chrome.MESSAGES.values()),
    Transform(gallery_chrome.GalleryChrome),
    Transform(gallery_chrome.ThumbnailAlt, post=True),
    Stylesheet(gallery_chrome.OUTPUT_LABEL_CSS, priorities.OUTPUT_LABEL_STYLESHEET),
    Handler("builder-inited", gallery_chrome.write_output_label),
    Node(code_messages.code_messages),
    Transform(code_messages.ExtractCodeMessages),
    Transform(code_messages.ShowTranslatedCode),
    Transform(downloads.TranslatedDownloads),
    Handler("build-finished", figure_messages.mark_code_strings_in_templates),
    Transform(figures.FiguresInLanguage),
    Node(figure_renditions.figure_renditions, html=(figure_renditions.visit_figure_renditions_html,
                                                     figure_renditions.depart_figure_renditions_html)),
    Stylesheet(figure_renditions.STYLESHEET, priorities.FIGURE_RENDITIONS_STYLESHEET),
    # -- What a page shows ----------------------------------------------------
    Messages(*run_it_yourself.MESSAGES.values(), *learner_requirements.MESSAGES.values(),
             *execution_environment.MESSAGES.values()),
    Directive("run-it-yourself", run_it_yourself.RunItYourselfDirective),
    Transform(run_it_yourself.RunItYourself),
    Messages(*colab_link.MESSAGES.values()),
    Node(colab_link.colab_link),
    Handler("doctree-resolved", colab_link.resolve_colab_links),
    Extension("sphinx_sitemap"),  # declares site_url, which site_urls completes
    Handler("config-inited", site_urls.configure_site, priorities.CONFIGURES_SITE),
    # The site's title is translated as the configuration is read.
    Messages(language_links.SWITCHER_LABEL, lambda app: app.config.html_title),
    Handler("config-inited", language_links.translate_title),
    Handler("html-page-context", language_links.add_language_links),
    Handler("build-finished", language_links.keep_sitemap_alternates_to_twins, priorities.CORRECTS_SITEMAP),
    Handler("html-page-context", language_links.add_switcher_label),
    Messages(*comparison.MESSAGES.values()),
    Node(comparison.exact_number, html=(comparison.visit_exact_number_html,
                                        comparison.depart_exact_number_html)),
    Directive("variant-comparison", comparison.VariantComparison),
    Messages(*training_facts.MESSAGES.values()),
    Directive("training-facts", training_facts.TrainingFacts),
    Role("example-fact", training_facts.ExampleFact()),
    Messages(*translation_status.MESSAGES.values()),
    Directive("translation-status", translation_status.TranslationStatus),
    Transform(translation_status.IncompleteTranslationNotice),
    Messages(*theme_messages.TEXT_OPTIONS.values()),
    Handler("config-inited", theme_messages.resolve_locale_dirs),
    Handler("builder-inited", theme_messages.translate_theme_options),
    Handler("doctree-read", theme_messages.depend_on_theme_catalogs),
    # -- Where the site lives and what it ships -------------------------------
    Handler("html-page-context", opengraph.add_opengraph_tags),
    Extension("notfound.extension"),
    Messages(*not_found.MESSAGES),
    Handler("html-page-context", not_found.translate_page),
    Handler("html-page-context", not_found.keep_out_of_search_engines),
    Handler("html-page-context", not_found.pick_language_from_path),
    Handler("build-finished", not_found.write_root_not_found),
    Handler("build-finished", site_root.write_site_root),
    Handler("html-page-context", page_description.add_description, priorities.DESCRIBES_PAGE),
    Handler("build-finished", no_source_maps.remove_source_maps),
    Handler("build-finished", stale_outputs.remove_stale_outputs),
    Messages(*repository_links.MESSAGES.values()),
    Handler("html-page-context", repository_links.add_repository_links),
)


def apply(app: Sphinx, piece) -> None:
    match piece:
        case Extension(name):
            app.setup_extension(name)
        case Step(function):
            function(app)
        case Handler(event, function, priority, when):
            if when is None or when(app):
                app.connect(event, function, priority=priority)
        case Transform(transform, post):
            (app.add_post_transform if post else app.add_transform)(transform)
        case Node(node, html):
            app.add_node(node, **({"html": html} if html else {}))
        case Directive(name, directive):
            app.add_directive(name, directive)
        case Role(name, role):
            app.add_role(name, role)
        case Messages(messages):
            catalogs.add_messages(app, *messages)
        case Event(name):
            app.add_event(name)
        case Stylesheet(filename, priority):
            app.add_css_file(filename, priority=priority)


def setup(app: Sphinx) -> dict:
    for setting in settings.SETTINGS:
        app.add_config_value(setting.name, setting.default, setting.rebuild, types=[setting.type],
                             description=setting.description)
    for piece in PIPELINE:
        apply(app, piece)
    # env_version: a checksum of the engine's code, so that an edit of it reads
    # every page again (a saved environment holds what the old code recorded).
    return {"parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": project.engine_version()}
