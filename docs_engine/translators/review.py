"""What a pull request does to the catalogs: ``make review-po BASE=origin/main``.

For each catalog that changed between the commit where the work left
``BASE`` (their merge base) and the working tree, in Markdown:

- the progress before and after (translated, fuzzy, untranslated);
- every ``make lint-po`` problem of those catalogs, as ``file:line: problem; fix``;
- the messages whose translation changed, side by side: English (with its
  word-level change, if the English changed too), translation before,
  translation after;
- the built pages to read in the preview (``es/examples/nn/plot_5_nn.html``).

The summary is printed, and appended to the file ``$GITHUB_STEP_SUMMARY``
names, if set (GitHub shows it on the workflow run's page). Exit code: 0,
or 1 when lint reports problems (the summary is written first); 2 on bad
input (no ``BASE``, a ref git does not know, a broken catalog), with one
line saying what to fix and nothing written.
"""

import argparse
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path

import polib

from docs_engine.translation.po_checks import Progress, progress_of
from docs_engine.project import ROOT
from docs_engine.translators.lint import lint
from docs_engine.translators.site_catalogs import (CatalogError, add_language_option, built_page,
                                                   catalog_folder, catalogs_in_reading_order, chosen_languages,
                                                   read_strictly)
from docs_engine.translators.todo import word_diff

USAGE = "make review-po BASE=origin/main"


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)


def comparison_commit(base: str) -> str:
    """The commit to compare with: where the work left ``base``, or ``base`` itself."""
    if git("rev-parse", "--is-inside-work-tree").returncode != 0:
        raise CatalogError(f"{ROOT} is not a git checkout; review-po compares with a commit,"
                           " run it in a clone of the repository")
    commit = git("rev-parse", "--verify", "--quiet", f"{base}^{{commit}}").stdout.strip()
    if not commit:
        raise CatalogError(f"BASE {base!r} is not a commit git knows here; name a branch, tag or"
                           " commit (fetch it first, e.g. `git fetch origin main`)")
    merge_base = git("merge-base", commit, "HEAD").stdout.strip()
    return merge_base or commit


def changed_catalogs(commit: str, language: str) -> tuple[list[Path], list[Path]]:
    """The language's catalogs changed since ``commit`` (new ones included), and those removed."""
    folder = catalog_folder(language).relative_to(ROOT).as_posix()
    tracked = git("diff", "--name-status", "--no-renames", "--relative", commit, "--", folder).stdout
    untracked = git("ls-files", "--others", "--exclude-standard", "--", folder).stdout
    changes = [line.split("\t") for line in tracked.splitlines()]
    changes += [["A", path] for path in untracked.splitlines()]
    changed = {Path(path) for status, path in changes if status != "D" and path.endswith(".po")}
    removed = sorted(Path(path) for status, path in changes if status == "D" and path.endswith(".po"))
    return [path for path in catalogs_in_reading_order(language) if path in changed], removed


def catalog_at(commit: str, path: Path) -> polib.POFile | None:
    """The catalog as ``commit`` had it; None if it had none, or one polib cannot read."""
    shown = git("show", f"{commit}:./{path.as_posix()}")
    if shown.returncode != 0:
        return None
    try:
        return polib.pofile(shown.stdout)
    except (OSError, ValueError):
        return None


@dataclass
class Change:
    english: str
    before: polib.POEntry | None
    after: polib.POEntry


def changed_messages(before: polib.POFile | None, after: polib.POFile) -> list[Change]:
    """Messages whose translation, or fuzzy state, changed; new untranslated ones are left out.

    A message whose English changed is compared with the one it replaced:
    the English its ``#|`` lines give or, once they are gone, the closest
    English that is no longer in the catalog (as msgmerge pairs them).
    """
    old = {entry.msgid: entry for entry in before or [] if not entry.obsolete and entry.msgid}
    vanished = list(old.keys() - {entry.msgid for entry in after})
    changes = []
    for entry in after:
        if entry.obsolete or not entry.msgid:
            continue
        previous = old.get(entry.msgid) or old.get(entry.previous_msgid or "")
        if previous is None and entry.msgid not in old:
            closest = get_close_matches(entry.msgid, vanished, n=1, cutoff=0.6)
            previous = old[closest[0]] if closest else None
        if previous and (previous.msgstr, previous.fuzzy) == (entry.msgstr, entry.fuzzy):
            continue
        if not previous and not entry.msgstr:
            continue
        english = entry.msgid
        if previous and previous.msgid != entry.msgid:
            english = word_diff(previous.msgid, entry.msgid)
        changes.append(Change(english, previous, entry))
    return changes


def cell(text: str) -> str:
    """Text shown as it is in a Markdown table cell: as code, pipes escaped, one line."""
    if not text:
        return "—"
    text = text.replace("\n", " ↵ ").replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"


def translation_cell(entry: polib.POEntry | None) -> str:
    if entry is None:
        return "—"
    return cell(entry.msgstr) + (" *(fuzzy)*" if entry.fuzzy and entry.msgstr else "")


def progress_text(progress: Progress | None) -> str:
    if progress is None:
        return "—"
    details = [f"{progress.translated} of {progress.total} translated"]
    details += [f"{progress.fuzzy} fuzzy"] if progress.fuzzy else []
    return f"{progress.percent:.0f}% ({', '.join(details)})"


def summary(base: str, language: str, commit: str) -> tuple[str, int]:
    """The Markdown summary of one language, and how many problems lint found."""
    paths, removed = changed_catalogs(commit, language)
    title = f"## Translation review ({language}): changes since `{base}`"
    if not paths and not removed:
        return f"{title}\n\nNo catalog of `locales/{language}` changed.\n", 0
    catalogs = read_strictly(paths)  # a broken catalog stops everything here
    before = {path: catalog_at(commit, path) for path in paths}
    folder = catalog_folder(language).relative_to(ROOT)
    lines = [title, "", "### Progress", "", "| Catalog | Before | After |", "| --- | --- | --- |"]
    for path, catalog in zip(paths, catalogs):
        old = before[path]
        lines.append(f"| `{path.relative_to(folder).as_posix()}` | {progress_text(old and progress_of(old))}"
                     f" | {progress_text(progress_of(catalog))} |")
    lines += [f"| `{path.relative_to(folder).as_posix()}` | removed | — |" for path in removed]

    problems = lint(paths, language) if paths else []
    lines += ["", "### Checks (`make lint-po`)", ""]
    lines += ["```text", *problems, "```"] if problems else ["No problems."]

    lines += ["", "### Changed messages"]
    changes = {path: changed_messages(before[path], catalog) for path, catalog in zip(paths, catalogs)}
    for path in (path for path in paths if changes[path]):
        lines += ["", f"`{path}`", "", "| Line | English | Before | After |", "| --- | --- | --- | --- |"]
        lines += [f"| {change.after.linenum} | {cell(change.english)} | {translation_cell(change.before)}"
                  f" | {translation_cell(change.after)} |" for change in changes[path]]
    if not any(changes.values()):
        lines += ["", "No translation changed."]

    lines += ["", "### Pages to read in the preview", ""]
    for path in paths:
        page = built_page(path, language)
        lines.append(f"- `{page}`" if page else
                     f"- `{path.name}` translates the site's own labels: any page shows them,"
                     f" e.g. `{language}/index.html`")
    return "\n".join(lines) + "\n", len(problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="", help="the git ref the work started from, e.g. origin/main")
    add_language_option(parser)
    args = parser.parse_args(argv)
    base = args.base.strip()
    try:
        if not base:
            raise CatalogError(f"give the git ref to compare with, e.g. {USAGE}")
        commit = comparison_commit(base)
        results = [summary(base, language, commit) for language in chosen_languages(args.language)]
    except CatalogError as error:
        print(error.line(), file=sys.stderr)
        return 2
    text = "\n".join(markdown for markdown, _ in results)
    print(text, end="")
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as job_summary:
            job_summary.write(text)
    return 1 if any(problems for _, problems in results) else 0


if __name__ == "__main__":
    sys.exit(main())
