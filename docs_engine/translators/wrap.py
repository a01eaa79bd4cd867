"""Rewrap every catalog at the width ``make update-po`` uses: ``make wrap-po``.

Only line breaks change; ``make lint-po`` reports a catalog that needs it.
Every catalog under ``locales/`` is rewrapped, of every language, the
translation memories included. A catalog that is not valid gettext would be
rewritten as a parser guesses it (an unclosed string loses its last
character): then nothing is written, each broken catalog is named with its
line in msgfmt's words, and the exit code is 2.
"""

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor

from docs_engine.project import ROOT
from docs_engine.translators.lint import rewrapped
from docs_engine.translators.site_catalogs import syntax_error


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    paths = sorted(path.relative_to(ROOT) for path in (ROOT / "locales").rglob("*.po"))
    with ThreadPoolExecutor() as pool:
        errors = [error for error in pool.map(syntax_error, paths) if error]
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 2
    for path in paths:
        content = rewrapped(ROOT / path)
        if (ROOT / path).read_bytes() != content:
            (ROOT / path).write_bytes(content)
            print(f"rewrapped {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
