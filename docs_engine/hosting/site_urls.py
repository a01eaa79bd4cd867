"""Where the site lives: the one place that knows each language's address.

Each language is built into a folder of its own with the same page names.
Where those folders are published depends on the host:

- GitHub Pages or any static host: ``{site_url}{language}/{page}.html``, where
  ``site_url`` is the site's root, possibly under a sub-path
  (``https://owner.github.io/repository/``): ``site_url`` in conf.py, or the
  ``SITE_URL`` environment variable, which wins when it is set.
- Read the Docs: each language is a project of its own, served at
  ``/{language}/{version}/{page}.html``. ``READTHEDOCS_CANONICAL_URL`` is the
  address of the language being built; another language's address has its
  code in place of the language segment.
- Neither: a local build, whose pages link to each other relatively.

:func:`language_base_url` answers for every use: canonical links, hreflang
alternates, the language switcher, the sitemap, OpenGraph and the 404 pages.
A malformed setting stops the build as soon as the configuration is read,
before anything is executed or written; ``python -m docs_engine.hosting.site_urls``
checks the settings alone (``make readthedocs`` does, first).
"""

import os
import runpy
import sys
from collections.abc import Mapping
from urllib.parse import urlsplit, urlunsplit

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util.matching import Matcher

SITE_URL_VARIABLE = "SITE_URL"
EXAMPLE_URL = "https://example.org/docs/"


def checked_url(url: str, setting: str) -> str:
    """``url`` if it is an absolute http(s) URL of a folder, else a ConfigError."""
    parts = urlsplit(url)
    if (parts.scheme not in ("http", "https") or not parts.netloc
            or not parts.path.endswith("/") or parts.query or parts.fragment):
        raise ConfigError(
            f"{setting} must be an absolute URL with its scheme and a trailing slash,"
            f" such as {EXAMPLE_URL} (it is {url!r})"
        )
    return url


def read_the_docs_site(languages: Mapping[str, str], environ: Mapping[str, str]) -> tuple[str, str]:
    """The site's root and version path from Read the Docs' variables."""
    language = environ.get("READTHEDOCS_LANGUAGE", "")
    if language not in languages:
        raise ConfigError(
            f"READTHEDOCS_LANGUAGE is {language!r}, not one of the site's languages"
            f" ({', '.join(languages)}, from languages.toml): set the Read the Docs"
            " project's language to one of them"
        )
    canonical = checked_url(environ.get("READTHEDOCS_CANONICAL_URL", ""), "READTHEDOCS_CANONICAL_URL")
    parts = urlsplit(canonical)
    segments = parts.path.split("/")  # "/es/latest/" -> ["", "es", "latest", ""]
    if language not in segments:
        raise ConfigError(
            f"READTHEDOCS_CANONICAL_URL ({canonical}) has no /{language}/ segment: the"
            " site expects Read the Docs' URLs with translations, /<language>/<version>/"
        )
    index = segments.index(language)
    root = urlunsplit((parts.scheme, parts.netloc, "/".join(segments[:index]) + "/", "", ""))
    return root, "/".join(segments[index + 1:])


def resolve_site(site_url: str, languages: Mapping[str, str], environ: Mapping[str, str]) -> tuple[str, str]:
    """The site's root ("" for a local build) and the path after a language's code.

    A language's pages live at ``{root}{language}/{version path}``.
    """
    if environ.get("READTHEDOCS") == "True":
        return read_the_docs_site(languages, environ)
    if environ.get(SITE_URL_VARIABLE):
        return checked_url(environ[SITE_URL_VARIABLE], f"the {SITE_URL_VARIABLE} environment variable"), ""
    if site_url:
        return checked_url(site_url, "site_url in conf.py"), ""
    return "", ""


def language_base_url(config: Config, language: str) -> str | None:
    """The absolute URL of the folder of ``language``'s pages; None for a local build."""
    if not config.site_url:
        return None
    return f"{config.site_url}{language}/{config.docs_engine_site_version_path}"


def language_path(config: Config, language: str) -> str:
    """The URL path of the folder of ``language``'s pages on its host.

    A local build is previewed from its root folder (``make serve``).
    """
    base = language_base_url(config, language)
    return urlsplit(base).path if base else f"/{language}/"


def page_url(app: Sphinx, pagename: str, language: str, from_page: str) -> str:
    """The URL of ``pagename`` in ``language``, for a link on ``from_page``.

    From the 404 page, which a host serves at any path: from the host's root,
    as its assets are. Otherwise absolute when the site's address is known,
    relative when it is not.
    """
    target = app.builder.get_target_uri(pagename)
    if from_page == app.config.notfound_pagename:
        return language_path(app.config, language) + target
    base = language_base_url(app.config, language)
    if base:
        return base + target
    return "../" * (from_page.count("/") + 1) + f"{language}/{target}"


def has_twin(app: Sphinx, pagename: str, language: str) -> bool:
    """Whether ``language`` builds the page too (``docs_engine_language_exclude_patterns``).

    Pages that no source file makes (the index, search and 404 pages) are
    built in every language.
    """
    patterns = app.config.docs_engine_language_exclude_patterns.get(language)
    if not patterns or pagename not in app.env.found_docs:
        return True
    source = app.env.doc2path(pagename, base=False)
    return not Matcher(patterns)(os.fspath(source).replace(os.sep, "/"))


def configure_site(app: Sphinx, config: Config) -> None:
    """Check the site's address, then give it to every extension that links."""
    config.site_url, config.docs_engine_site_version_path = resolve_site(config.site_url, config.docs_engine_languages, os.environ)
    if not config.site_url:  # sphinx-sitemap would warn that it writes no sitemap without one
        config.suppress_warnings = [*config.suppress_warnings, "sitemap.configuration"]
    config.exclude_patterns = [*config.exclude_patterns,
                               *config.docs_engine_language_exclude_patterns.get(config.language, [])]
    base = language_base_url(config, config.language) or ""
    config.html_baseurl = base  # Sphinx's canonical link
    config.notfound_urls_prefix = language_path(config, config.language)
    # sphinx-sitemap: {site_url}{lang}/{version path}{page}, alternates for every language.
    config.sitemap_url_scheme = "{lang}" + config.docs_engine_site_version_path + "{link}"
    config.sitemap_locales = list(config.docs_engine_languages)


def main() -> int:
    """Check the site's address settings (conf.py and the environment)."""
    conf = runpy.run_path("conf.py")  # declarative: no side effects
    try:
        root, version_path = resolve_site(conf.get("site_url", ""), conf["docs_engine_languages"], os.environ)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"The site's address: {root + '<language>/' + version_path if root else 'none (a local build)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
