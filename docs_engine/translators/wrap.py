"""Rewrap every catalog at the width ``make update-po`` uses: ``make wrap-po``.

Only line breaks change; ``make lint-po`` reports a catalog that needs it.
"""

import sys
from pathlib import Path

from docs_engine.project import ROOT
from docs_engine.translators.lint import rewrapped


def main() -> int:
    for path in sorted((ROOT / "locales").rglob("*.po")):
        content = rewrapped(path)
        if path.read_bytes() != content:
            path.write_bytes(content)
            print(f"rewrapped {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
