"""Compile one language's translation catalogs into the build folder.

``make`` runs this step before it builds a translated language::

    python -m docs_engine.translation.catalog_compiler --language es

Each ``locales/<lang>/LC_MESSAGES/**/*.po`` is compiled by GNU ``msgfmt
--check`` into ``_build/locales/<lang>/LC_MESSAGES/``, the folder conf.py's
``locale_dirs`` names; the tracked ``locales/`` folder is never written.

- A syntax error stops the step with msgfmt's own ``file:line: problem``,
  one line for each broken catalog; that catalog's compiled file is removed,
  so no later build uses a translation older than its source.
- A translation that breaks its markup (:mod:`docs_engine.translation.po_checks`) is left
  out of the compiled catalog, so the page shows the English; the problem is
  recorded in ``compiled-catalogs.json`` beside the catalogs, and every Sphinx
  build of the language reports it as a warning (which fails a strict build)
  until the translation is fixed.
- ``sphinx.js`` (the search page's messages, which Sphinx reads beside its
  catalogs) is copied as it is.
- Compiled files whose source is gone are removed.

A catalog whose bytes have not changed since it was compiled (that file
keeps each catalog's checksum with its problems) is not compiled again, and
a compiled file is rewritten only when its bytes change, so Sphinx re-reads
only the pages whose catalog changed.
"""

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from docs_engine.translation import po_checks
from docs_engine.build_files import write_if_changed
from docs_engine.translation.po_checks import (CatalogSyntaxError, Problem, catalog_markup_problems,
                                               first_msgfmt_error, load_catalog)

# Each catalog's checksum when it was last compiled, and its markup problems;
# and under CHECKER_KEY, the checksum of the code that compiled and checked them.
COMPILED_FILE = "compiled-catalogs.json"
CHECKER_KEY = "(checker)"
# Files Sphinx reads beside the compiled catalogs, copied unchanged.
COPIED = ("sphinx.js",)


class CompileError(Exception):
    """A catalog that does not compile; the message names file and line, one line a catalog."""


def msgfmt(po_path: Path, shown_as: Path) -> bytes:
    """The compiled catalog, or CompileError with msgfmt's messages."""
    with tempfile.TemporaryDirectory() as folder:
        mo_path = Path(folder) / "catalog.mo"
        try:
            result = subprocess.run(
                ["msgfmt", "--check", "--output-file", str(mo_path), str(po_path)],
                capture_output=True, text=True,
            )
        except FileNotFoundError:
            raise CompileError(f"{shown_as}:1: cannot be compiled, msgfmt is missing;"
                               " install GNU gettext (`apt-get install gettext`)") from None
        if result.returncode != 0:
            error = first_msgfmt_error(result.stderr) or f"{po_path}:1: msgfmt cannot compile it"
            raise CompileError(error.replace(str(po_path), str(shown_as), 1))
        return mo_path.read_bytes()


def compile_catalog(po_path: Path, mo_path: Path) -> list:
    """Compile one catalog without the translations that break their markup.

    Returns those problems (:class:`docs_engine.translation.po_checks.Problem`).
    """
    try:
        compiled = msgfmt(po_path, po_path)
    except CompileError:
        mo_path.unlink(missing_ok=True)
        raise
    try:
        catalog = load_catalog(po_path, check=False)  # msgfmt has checked it
    except CatalogSyntaxError as error:  # valid for msgfmt, not for polib
        mo_path.unlink(missing_ok=True)
        raise CompileError(str(error)) from None
    problems = catalog_markup_problems(str(po_path), catalog)
    if problems:
        broken = {problem.msgid for problem in problems}
        for entry in catalog:
            if entry.msgid in broken:
                entry.msgstr = ""
        with tempfile.TemporaryDirectory() as folder:
            safe_copy = Path(folder) / po_path.name
            catalog.save(str(safe_copy))
            compiled = msgfmt(safe_copy, po_path)
    write_if_changed(mo_path, compiled)
    return problems


def compile_language(sources: Path, target: Path,
                     compiled: dict | None = None) -> tuple[list[Problem], dict]:
    """Compile every catalog under ``sources`` into ``target``.

    ``compiled`` is what an earlier call returned: a catalog whose checksum it
    records, and whose compiled file is there, is not compiled again. Returns
    the markup problems and the new record.
    """
    compiled = compiled or {}
    problems, record, expected, errors = [], {}, set(), []
    for po_path in sorted(sources.rglob("*.po")):
        name = po_path.relative_to(sources).as_posix()
        mo_path = target / po_path.relative_to(sources).with_suffix(".mo")
        expected.add(mo_path)
        checksum = hashlib.sha256(po_path.read_bytes()).hexdigest()
        known = compiled.get(name, {})
        if known.get("sha256") == checksum and mo_path.exists():
            found = [Problem(**problem) for problem in known["problems"]]
        else:
            try:
                found = compile_catalog(po_path, mo_path)
            except CompileError as error:
                errors.append(str(error))
                continue
        problems += found
        record[name] = {"sha256": checksum, "problems": [asdict(p) for p in found]}
    for name in COPIED:
        if (sources / name).exists():
            expected.add(target / name)
            write_if_changed(target / name, (sources / name).read_bytes())
    for stale in [p for p in target.rglob("*") if p.is_file() and p not in expected]:
        stale.unlink()
    if errors:
        raise CompileError("\n".join(errors))
    return problems, record


def read_compiled_record(compiled_language_dir: Path) -> dict:
    """What the last compilation recorded, by catalog (empty if nothing or if it failed)."""
    try:
        return json.loads((compiled_language_dir / COMPILED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def read_problems(compiled_language_dir: Path) -> list[dict]:
    """The markup problems the last compilation recorded, catalog by catalog."""
    return [problem for name, catalog in sorted(read_compiled_record(compiled_language_dir).items())
            if name != CHECKER_KEY for problem in catalog["problems"]]


def checker_version() -> str:
    """The checksum of this module and the markup checks."""
    digest = hashlib.sha256()
    for module in (__file__, po_checks.__file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()


def compile_catalogs(sources: Path, output: Path, language: str) -> list[Problem]:
    """Compile ``<sources>/<language>`` into ``<output>/<language>``, recording problems.

    Raises CompileError (after removing the records) if a catalog does not compile.
    """
    language_dir = output / language
    record_path = language_dir / COMPILED_FILE
    compiled = read_compiled_record(language_dir)
    if compiled.pop(CHECKER_KEY, None) != checker_version():
        compiled = {}  # the checks changed: every catalog is checked again
    try:
        problems, record = compile_language(sources / language / "LC_MESSAGES",
                                            language_dir / "LC_MESSAGES", compiled)
    except CompileError:
        record_path.unlink(missing_ok=True)
        raise
    record[CHECKER_KEY] = checker_version()
    write_if_changed(record_path, json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", required=True)
    parser.add_argument("--sources", type=Path, default=Path("locales"))
    parser.add_argument("--output", type=Path, default=Path("_build/locales"))
    args = parser.parse_args(argv)
    try:
        problems = compile_catalogs(args.sources, args.output, args.language)
    except CompileError as error:
        print(error, file=sys.stderr)
        return 1
    for problem in problems:
        print(f"{problem}; left out, the English shows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
