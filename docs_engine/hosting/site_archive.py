"""Pack the built site into one zip archive: ``python -m docs_engine.hosting.site_archive SITE ARCHIVE``.

Every file under ``SITE`` (the root page, the 404 page and the language
folders), hidden files left out (Sphinx's ``.buildinfo``), sorted, with fixed
dates: two builds of the same sources give the same bytes.
"""

import argparse
from pathlib import Path

from docs_engine.build_files import write_if_changed, zip_bytes


def site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(site).parts)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site, such as _build/html")
    parser.add_argument("archive", type=Path, help="the zip file to write")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} holds no built site (no index.html): run make html first")
    files = site_files(args.site)
    write_if_changed(args.archive, zip_bytes(files))
    print(f"{args.archive}: {len(files)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
