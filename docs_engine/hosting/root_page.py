"""Write the site's root page, ``_build/html/index.html``: ``make html``'s last step.

Each language is built into its own folder (``en/``, ``es/``...). The root
page sends a visitor to the language their browser prefers among the site's
(languages.toml), and to the first one otherwise; without JavaScript it
lists the languages under the site's title in each of them (from each
language's compiled catalog of our extensions). It is the same for every
language, so it is written once, by Make, outside any language's build.
"""

import argparse
import gettext
import json
import runpy
import sys
from collections.abc import Mapping
from html import escape
from pathlib import Path

from docs_engine.build_files import write_if_changed
from docs_engine.project import language_tag, read_languages, source_language

REDIRECT = """<!DOCTYPE html>
<html lang="{default_tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="favicon.ico">
<script>
  // The site's language the browser prefers (BCP 47 lookup, RFC 4647): for
  // each of the visitor's languages in turn, the site's language with the
  // same tag or a shorter one (pt-BR: pt_BR, else pt), else one of the same
  // language in another region (pt, pt-PT: pt_BR); else the source language.
  var available = {codes};
  function tag(code) {{ return code.toLowerCase().replace(/_/g, "-"); }}
  function choose(preferred) {{
    for (var i = 0; i < preferred.length; i++) {{
      var wanted = tag(preferred[i]), language = wanted.split("-")[0], j;
      for (var prefix = wanted; prefix; prefix = prefix.slice(0, Math.max(prefix.lastIndexOf("-"), 0))) {{
        for (j = 0; j < available.length; j++) {{
          if (tag(available[j]) === prefix) return available[j];
        }}
      }}
      for (j = 0; j < available.length; j++) {{
        if (tag(available[j]).split("-")[0] === language) return available[j];
      }}
    }}
    return "{default}";
  }}
  window.location.replace(choose(navigator.languages || [navigator.language || ""]) + "/index.html");
</script>
</head>
<body>
<h1>{heading}</h1>
<ul>
{links}
</ul>
</body>
</html>
"""


def root_page(languages: dict[str, str], title: str, translated_titles: Mapping[str, str] = {}) -> str:
    """The page; ``translated_titles``: the site's title in other languages, by code."""
    source = source_language(languages)
    titles = {}  # each title once, in the language that first writes it
    for code in languages:
        titles.setdefault(translated_titles.get(code, title), code)
    return REDIRECT.format(
        default=source,
        default_tag=language_tag(source),
        title=escape(" · ".join(titles)),
        heading=" · ".join(f'<span lang="{language_tag(code)}">{escape(text)}</span>'
                           for text, code in titles.items()),
        codes=json.dumps(list(languages)),
        links="\n".join(
            f'<li><a href="{code}/index.html" hreflang="{language_tag(code)}"'
            f' lang="{language_tag(code)}">{escape(name)}</a></li>'
            for code, name in languages.items()
        ),
    )


def translated_titles(title: str, languages: dict[str, str], locales: Path) -> dict[str, str]:
    """The site's title in each translated language whose compiled catalog translates it."""
    titles = {}
    for code in languages:
        compiled = locales / code / "LC_MESSAGES" / "extensions.mo"
        if code != source_language(languages) and compiled.is_file():
            with compiled.open("rb") as catalog:
                titles[code] = gettext.GNUTranslations(catalog).gettext(title)
    return titles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--locales", type=Path, default=Path("_build/locales"),
                        help="the compiled catalogs, as the Makefile's catalog step writes them")
    args = parser.parse_args(argv)
    title = runpy.run_path("conf.py")["project"]  # conf.py is declarative: no side effects
    languages = read_languages()
    page = root_page(languages, title, translated_titles(title, languages, args.locales))
    write_if_changed(args.output, page.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
