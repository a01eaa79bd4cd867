"""Write the site's root page, ``_build/html/index.html``: ``make html``'s last step.

Each language is built into its own folder (``en/``, ``es/``...). The root
page sends a visitor to the language their browser prefers among the site's
(languages.toml), and to the first one otherwise; without JavaScript it
lists the languages. It is the same for every language, so it is written
once, by Make, outside any language's build.
"""

import argparse
import json
import runpy
import sys
import tomllib
from html import escape
from pathlib import Path

from docs_engine.build_files import write_if_changed

REDIRECT = """<!DOCTYPE html>
<html lang="{default}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<script>
  // The first language the browser prefers that the site has, else the default.
  var available = {codes};
  var preferred = (navigator.languages || [navigator.language || ""])
    .map(function (tag) {{ return tag.toLowerCase().split("-")[0]; }})
    .filter(function (code) {{ return available.indexOf(code) !== -1; }});
  window.location.replace((preferred[0] || "{default}") + "/index.html");
</script>
</head>
<body>
<ul>
{links}
</ul>
</body>
</html>
"""


def read_languages(path: Path = Path("languages.toml")) -> dict[str, str]:
    """The site's languages (code: name), in order; the first is the source."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


def root_page(languages: dict[str, str], title: str) -> str:
    default = next(iter(languages))
    return REDIRECT.format(
        default=default,
        title=escape(title),
        codes=json.dumps(list(languages)),
        links="\n".join(
            f'<li><a href="{code}/index.html" hreflang="{code}" lang="{code}">{escape(name)}</a></li>'
            for code, name in languages.items()
        ),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    title = runpy.run_path("conf.py")["project"]  # conf.py is declarative: no side effects
    write_if_changed(args.output, root_page(read_languages(), title).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
