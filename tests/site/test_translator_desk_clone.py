"""The translator's desk, run as a translator runs it, in a fresh clone.

``make todo``, ``make find-po``, ``make review-po`` and the obsolete entries
that ``make update-po`` moves into the memory file. Each test works in its
own clone of a repository made from the project's files (what git tracks and
what is not committed yet), whose ``origin/main`` is the project as it is.
"""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from docs_engine.translation.po_checks import catalog_progress
from docs_engine.project import copy_project
from tests.site.conftest import VENV, make
from tests.site.helpers import run_tool

FOLDER = "locales/es/LC_MESSAGES"
MEMORY = "locales/es/memory.po"
NN = f"{FOLDER}/examples/nn/plot_5_nn.po"
# The order a reader meets the pages: the site's navigation (docs/index.md's
# toctree, the gallery's sections and examples by number), then the catalog
# of the labels our extensions put on every page.
READING_ORDER = [
    "index", "intro",
    "examples/index",
    "examples/tensors/index", "examples/tensors/plot_1_numpy", "examples/tensors/plot_2_tensors",
    "examples/autograd/index", "examples/autograd/plot_3_autograd",
    "examples/autograd/plot_4_custom_function",
    "examples/nn/index", "examples/nn/plot_5_nn", "examples/nn/plot_6_optim",
    "examples/nn/plot_7_module", "examples/nn/plot_8_dynamic",
    "comparison", "glossary", "contributing", "translation-status",
    "extensions",
]
TASK = re.compile(rf"^({FOLDER}/(\S+)\.po):(\d+): (untranslated|fuzzy); ", re.M)
GIT = ["git", "-c", "user.name=Translator", "-c", "user.email=translator@example.org"]


def desk(root: Path, *targets: str, **options) -> subprocess.CompletedProcess:
    """``make`` in a clone, whose fresh files must not reinstall this session's environment.

    Its output is the tool's alone, even under `make test` (a sub-make
    would print the folders it enters).
    """
    return make(root, "--no-print-directory", "--old-file", f"{VENV}/.installed", *targets, **options)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def upstream(tmp_path_factory) -> Path:
    """A repository holding the project as it is now, on branch main."""
    root = copy_project(tmp_path_factory.mktemp("upstream"))
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", "The project")
    return root


@pytest.fixture
def clone(upstream, tmp_path) -> Path:
    """A translator's clone: origin/main is where their work starts."""
    git(tmp_path, "clone", "--quiet", str(upstream), "clone")
    return tmp_path / "clone"


def edit(catalog: Path, change) -> polib.POEntry:
    """Change the first entry ``change`` accepts (returns True for); save the catalog."""
    po = polib.pofile(str(catalog), wrapwidth=79)
    entry = next(e for e in po if not e.obsolete and change(e))
    po.save(str(catalog))
    return polib.pofile(str(catalog)).find(entry.msgid)


def untranslate(entry: polib.POEntry) -> bool:
    if entry.msgstr:
        entry.msgstr = ""
        return True
    return False


def english_changed(entry: polib.POEntry) -> bool:
    """What `make update-po` does when a word is added to an English message."""
    if not entry.msgid.startswith("Autograd computes gradients"):
        return False
    entry.previous_msgid = entry.msgid
    entry.msgid = entry.msgid.replace("Autograd computes", "Autograd truly computes")
    entry.flags.append("fuzzy")
    return True


def glossary_broken(entry: polib.POEntry) -> bool:
    """A translation that drops the glossary's term for *loss*."""
    if "pérdida" not in entry.msgstr or entry.msgid.startswith("Autograd computes"):
        return False
    entry.msgstr = entry.msgstr.replace("pérdida", "merma")
    return True


def one_line_error(result: subprocess.CompletedProcess, *words: str) -> None:
    """A failure that says, in one line, what to fix; nothing on stdout."""
    assert result.returncode != 0
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", line)]
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


# -- make todo -------------------------------------------------------------------

def test_todo_says_when_there_is_nothing_to_do(clone):
    result = desk(clone, "todo")
    assert result.stdout.startswith("Nothing to do")


def test_todo_lists_the_messages_in_reading_order(clone):
    catalogs = sorted((clone / FOLDER).rglob("*.po"))
    edited = {catalog.relative_to(clone / FOLDER).with_suffix("").as_posix(): edit(catalog, untranslate)
              for catalog in catalogs}
    output = desk(clone, "todo", "LIMIT=0").stdout
    tasks = [(page, int(line)) for _, page, line, _ in TASK.findall(output)]
    pages = [page for page, _ in tasks]
    assert [page for page in pages if page in READING_ORDER] == READING_ORDER
    assert set(pages) == set(edited)  # every catalog, once
    assert tasks == [(page, edited[page].linenum) for page in pages]


def test_todo_shows_how_the_english_of_a_fuzzy_message_changed(clone):
    fuzzy = edit(clone / NN, english_changed)
    untranslated = edit(clone / FOLDER / "intro.po", untranslate)
    output = desk(clone, "todo").stdout
    assert [(path, int(line), kind) for path, _, line, kind in TASK.findall(output)] == [
        (f"{FOLDER}/intro.po", untranslated.linenum, "untranslated"), (NN, fuzzy.linenum, "fuzzy")]
    fuzzy_item = output[output.index(f"{NN}:{fuzzy.linenum}"):]
    assert "English:     Autograd {+truly+} computes gradients" in fuzzy_item
    assert fuzzy.msgstr.split()[0] in fuzzy_item  # the translation to check

    only_fuzzy = desk(clone, "todo", "FUZZY=1").stdout
    assert [path for path, *_ in TASK.findall(only_fuzzy)] == [NN]
    one_catalog = desk(clone, "todo", "CATALOG=intro").stdout
    assert [path for path, *_ in TASK.findall(one_catalog)] == [f"{FOLDER}/intro.po"]
    first = desk(clone, "todo", "LIMIT=1").stdout
    assert len(TASK.findall(first)) == 1 and "1 more" in first


def test_todo_names_an_unknown_or_broken_catalog(clone):
    one_line_error(desk(clone, "todo", "CATALOG=no/such/page", check=False), "no/such/page")
    with (clone / NN).open("a") as catalog:
        catalog.write('\nmsgid "Unclosed"\nmsgstr "Sin cerrar\n')
    one_line_error(desk(clone, "todo", check=False), f"{NN}:", "fix the entry's syntax")


# -- make find-po ----------------------------------------------------------------

def translated_containing(root: Path, words: str) -> set[str]:
    """Where the catalogs' and the memory's English has these words, as ``catalog:line``."""
    found = set()
    for catalog in [*(root / FOLDER).rglob("*.po"), root / MEMORY]:
        for entry in polib.pofile(str(catalog)):
            if entry.msgstr and not entry.obsolete and words in " ".join(entry.msgid.lower().split()):
                found.add(f"{catalog.relative_to(root).as_posix()}:{entry.linenum}")
    return found


def listed(output: str) -> set[str]:
    return set(re.findall(r"^(locales/\S+\.po:\d+)", output, re.M))


def test_find_po_lists_each_message_with_the_term_and_its_translation(clone):
    result = desk(clone, "find-po", "TERM=Gradient Descent")
    expected = translated_containing(clone, "gradient descent")
    assert expected and listed(result.stdout) == expected
    for place in expected:
        path, line = place.rsplit(":", 1)
        entry = next(e for e in polib.pofile(str(clone / path)) if e.linenum == int(line))
        assert " ".join(entry.msgstr.split()[:4]) in " ".join(result.stdout.split())


def test_find_po_takes_the_term_literally(clone):
    power = desk(clone, "find-po", "TERM=x^2")
    assert listed(power.stdout) == translated_containing(clone, "x^2") != set()
    anything = desk(clone, "find-po", "TERM=.*")
    assert listed(anything.stdout) == set() and "No English message contains '.*'" in anything.stdout


def test_find_po_searches_the_translations_of_messages_that_left(clone):
    memory = polib.pofile(str(clone / MEMORY))
    retired = memory[0]
    term = " ".join(retired.msgid.split()[:3])
    result = desk(clone, "find-po", f"TERM={term}")
    assert f"{MEMORY}:{retired.linenum} (left {retired.msgctxt})" in result.stdout
    assert " ".join(retired.msgstr.split()[:3]) in result.stdout


def test_find_po_needs_a_term(clone):
    one_line_error(desk(clone, "find-po", "TERM=", check=False), "TERM=")
    # The terminal's own TERM is not a term to look for.
    one_line_error(desk(clone, "find-po", check=False, env={"TERM": "xterm-256color"}), "TERM=")


def test_find_po_names_a_broken_catalog(clone):
    with (clone / NN).open("a") as catalog:
        catalog.write('\nmsgid "One"\nmsgstr "Uno"\nmsgstr "Otra vez"\n')
    one_line_error(desk(clone, "find-po", "TERM=loss", check=False), f"{NN}:")


# -- make update-po: obsolete entries move into the memory ---------------------

def templates_without(root: Path, target: Path, left: str) -> Path:
    """The templates `make gettext` would write if the English of ``left`` were gone."""
    for catalog in (root / FOLDER).rglob("*.po"):
        po = polib.pofile(str(catalog))
        template = polib.POFile()
        template.metadata = po.metadata
        for entry in po:
            if not entry.obsolete and entry.msgid != left:
                template.append(polib.POEntry(msgid=entry.msgid, occurrences=entry.occurrences))
        path = target / catalog.relative_to(root / FOLDER).with_suffix(".pot")
        path.parent.mkdir(parents=True, exist_ok=True)
        template.save(str(path))
    return target


def test_obsolete_messages_leave_the_catalogs_for_the_memory_without_git(tmp_path):
    root = copy_project(tmp_path / "copy")  # no git history at all
    assert not (root / ".git").exists()
    catalog = root / FOLDER / "intro.po"
    leaving = next(e for e in polib.pofile(str(catalog)) if e.msgstr and e.msgid != e.msgstr
                   and len(e.msgid) > 60)
    templates = templates_without(root, tmp_path / "gettext", leaving.msgid)

    update = run_tool("update", "--pot-dir", str(templates), "--language", "es", cwd=root)
    assert update.returncode == 0, update.stderr
    for path in (root / FOLDER).rglob("*.po"):
        assert "#~" not in path.read_text(), path
    assert polib.pofile(str(catalog)).find(leaving.msgid) is None
    kept = polib.pofile(str(root / MEMORY)).find(leaving.msgid, msgctxt="intro.po")
    assert kept.msgstr == leaving.msgstr

    found = run_tool("find", " ".join(leaving.msgid.split()[:4]), cwd=root)
    assert f"{MEMORY}:{kept.linenum} (left intro.po)" in found.stdout
    assert run_tool("lint", cwd=root).returncode == 0

    memory = (root / MEMORY).read_bytes()
    again = run_tool("update", "--pot-dir", str(templates), "--language", "es", cwd=root)
    assert again.returncode == 0 and (root / MEMORY).read_bytes() == memory  # kept once


def test_update_leaves_the_sphinx_domain_catalog_as_its_translators_wrote_it(tmp_path):
    """sphinx.po completes the theme's and Sphinx's catalogs message by message; the
    gettext build's sphinx.pot lists every template's messages, the theme's too."""
    root = copy_project(tmp_path / "copy")
    templates = templates_without(root, tmp_path / "gettext", left="")
    sphinx_template = polib.pofile(str(templates / "sphinx.pot"))
    sphinx_template.append(polib.POEntry(msgid="Edit on %(provider)s"))  # a theme template's
    sphinx_template.save()
    before = (root / FOLDER / "sphinx.po").read_bytes()
    update = run_tool("update", "--pot-dir", str(templates), "--language", "es", cwd=root)
    assert update.returncode == 0, update.stderr
    assert (root / FOLDER / "sphinx.po").read_bytes() == before


# -- make review-po --------------------------------------------------------------

def table_row(output: str, first_cell: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(f"| {first_cell} "))


def test_review_po_summarizes_a_pull_request(clone, tmp_path):
    before = catalog_progress(str(clone / NN))
    renamed = edit(clone / NN, glossary_broken)
    old_translation = renamed.msgstr.replace("merma", "pérdida")
    fuzzy = edit(clone / NN, english_changed)
    after = catalog_progress(str(clone / NN))
    renamed = polib.pofile(str(clone / NN)).find(renamed.msgid)  # where it is now
    summary_file = tmp_path / "step_summary.md"
    summary_file.write_text("Output of an earlier step\n")

    result = desk(clone, "review-po", "BASE=origin/main", check=False,
                  env={"GITHUB_STEP_SUMMARY": str(summary_file)})
    assert result.returncode != 0  # lint found a problem, and said so first
    output = result.stdout
    assert summary_file.read_text() == "Output of an earlier step\n" + output

    progress = table_row(output, "`examples/nn/plot_5_nn.po`")
    assert re.search(rf"{before.translated} of {before.total} translated\b.*\| .*"
                     rf"{after.translated} of {after.total} translated, {after.fuzzy} fuzzy", progress)
    finding = re.search(rf"^{re.escape(NN)}:(\d+): uses 'loss' but the translation lacks the"
                        r" glossary's 'pérdida'; elsewhere translated as: 'pérdida' \((\d+)×\)",
                        output, re.M)
    assert finding and int(finding.group(1)) == renamed.linenum and int(finding.group(2)) > 1

    _, _, english, old, new, _ = re.split(r"(?<!\\)\|", table_row(output, str(renamed.linenum)))
    assert renamed.msgid in english and old_translation in old and renamed.msgstr in new
    english_change = table_row(output, str(fuzzy.linenum))
    assert "Autograd {+truly+} computes" in english_change and "*(fuzzy)*" in english_change
    assert len(re.findall(r"^\| \d+ \|", output, re.M)) == 2  # nothing else changed

    pages = output[output.index("### Pages to read"):]
    assert re.findall(r"^- `(\S+)`", pages, re.M) == ["es/examples/nn/plot_5_nn.html"]


def test_review_po_without_changes_says_so(clone):
    result = desk(clone, "review-po", "BASE=origin/main")
    assert "No catalog of `locales/es` changed" in result.stdout


def test_review_po_refuses_bad_input_and_writes_nothing(clone, tmp_path):
    summary_file = tmp_path / "step_summary.md"
    env = {"GITHUB_STEP_SUMMARY": str(summary_file)}
    one_line_error(desk(clone, "review-po", "BASE=origin/no-such-branch", check=False, env=env),
                   "origin/no-such-branch")
    one_line_error(desk(clone, "review-po", check=False, env=env), "BASE=")
    with (clone / NN).open("a") as catalog:
        catalog.write('\nmsgid "Unclosed"\nmsgstr "Sin cerrar\n')
    one_line_error(desk(clone, "review-po", "BASE=origin/main", check=False, env=env),
                   f"{NN}:", "fix the entry's syntax")
    assert not summary_file.exists()


def test_review_po_needs_a_git_checkout(clone):
    shutil.rmtree(clone / ".git")
    one_line_error(run_tool("review", "--base", "origin/main", cwd=clone), "git")
