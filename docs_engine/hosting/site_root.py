"""The files a static host serves from the site's root, above the languages.

Next to the language folders (and the pages :mod:`docs_engine.pages.language_links` and
:mod:`docs_engine.hosting.not_found` put there), a static host such as GitHub Pages serves:

- ``favicon.ico``, which browsers ask the root for when a page names none;
- with the site's address known, ``robots.txt``, pointing crawlers to
  ``sitemap.xml``, an index of each language's sitemap (sphinx-sitemap's).

Every language's build writes the same files. Read the Docs publishes only
each language's own folder, and serves its own robots.txt and sitemap.
"""

from pathlib import Path

from sphinx.application import Sphinx

from docs_engine.build_files import replace_file
from docs_engine.hosting.site_urls import language_base_url

FAVICON = "favicon.ico"
SITEMAP_INDEX = """<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{sitemaps}
</sitemapindex>
"""


def write_site_root(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    root = Path(app.outdir).parent
    favicon = Path(app.outdir) / "_static" / FAVICON
    if favicon.exists():
        replace_file(root / FAVICON, favicon.read_bytes())
    config = app.config
    if not config.site_url:  # a local build: no address to give crawlers
        for name in ("sitemap.xml", "robots.txt"):
            (root / name).unlink(missing_ok=True)
        return
    sitemaps = "\n".join(
        f"<sitemap><loc>{language_base_url(config, code)}{config.sitemap_filename}</loc></sitemap>"
        for code in config.docs_engine_languages
    )
    replace_file(root / "sitemap.xml", SITEMAP_INDEX.format(sitemaps=sitemaps).encode("utf-8"))
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {config.site_url}sitemap.xml\n"
    replace_file(root / "robots.txt", robots.encode("utf-8"))
