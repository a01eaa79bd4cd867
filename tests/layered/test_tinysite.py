"""Each extension's behaviour, shown on the tiny project (in-process builds)."""

import ast
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import polib
import pytest
from bs4 import BeautifulSoup
from sphinx.errors import ExtensionError

from docs_engine.translation.gallery_chrome import MESSAGES
from tests.layered.conftest import GALLERY_STEP, PROJECT, Build, build_tinysite, sphinx


def page(build, name):
    return BeautifulSoup((build.html / f"{name}.html").read_text(encoding="utf-8"),
                         "html.parser")


EXAMPLE = "examples/basics/plot_1_tiny"


def test_both_languages_build_without_warnings(tinysite):
    for build in tinysite.values():
        assert build.status == 0 and build.warnings == ""


def test_catalogs_translate_pages_and_examples(tinysite):
    assert page(tinysite["es"], "index").h1.get_text().startswith("Sitio diminuto")
    assert page(tinysite["es"], EXAMPLE).h1.get_text().startswith("Diminuto:")
    assert page(tinysite["en"], EXAMPLE).h1.get_text().startswith("Tiny:")


def test_code_comments_are_translated_and_code_is_not(tinysite):
    code = page(tinysite["es"], EXAMPLE).select_one("div.highlight-Python pre").get_text()
    assert "# Un paso hacia el objetivo." in code and "losses.append(loss)" in code


def test_gallery_chrome_relabels_downloads_and_drops_timing(tinysite):
    english = MESSAGES["python"].format(filename="plot_1_tiny.py")
    chrome = polib.pofile(str(PROJECT / "locales/es/LC_MESSAGES/extensions.po"))
    spanish = chrome.find(MESSAGES["python"]).msgstr.format(filename="plot_1_tiny.py")
    assert spanish != english
    for language, label in (("en", english), ("es", spanish)):
        text = page(tinysite[language], EXAMPLE).get_text()
        assert label in text, language
        assert "Total running time" not in text


def test_translated_downloads_carry_the_spanish_text(tinysite):
    html = tinysite["es"].html
    link = page(tinysite["es"], EXAMPLE).select_one("a.download[href$='.py']")
    script = (html / "examples/basics" / link["href"]).resolve().read_text(encoding="utf-8")
    assert "Diminuto: una constante" in script and "# Un paso hacia el objetivo." in script
    zip_link = page(tinysite["es"], "examples/index").select_one("a.download[href$='python.zip']")
    archive = zipfile.ZipFile((html / "examples" / zip_link["href"]).resolve())
    assert "Diminuto" in archive.read("basics/plot_1_tiny.py").decode()


def test_language_links_point_at_the_twin_page(tinysite):
    for language, other in (("en", "es"), ("es", "en")):
        soup = page(tinysite[language], EXAMPLE)
        assert soup.html["lang"] == language
        alternate = soup.select_one(f'link[rel=alternate][hreflang="{other}"]')
        assert alternate["href"].endswith(f"{other}/{EXAMPLE}.html")


def test_translation_status_lists_the_catalogs(tinysite):
    text = page(tinysite["en"], "status").get_text()
    assert "examples/basics/plot_1_tiny.po" in text and "index.po" in text


def test_comparison_reads_the_executed_example(tinysite):
    table = page(tinysite["en"], "compare").select_one("table")
    cells = [td.get_text(strip=True) for td in table.select("tbody td")]
    assert "3" in cells  # the iterations
    # The final loss as printed, shown rounded.
    loss = table.select_one("data.exact-number")
    assert loss["value"] == "0.0" and loss.select_one("[aria-hidden=true]").get_text() == "0.000"


def test_comparison_numbers_follow_the_page_language(tinysite):
    rows = {}
    for language in ("en", "es"):
        table = page(tinysite[language], "compare").select_one("table")
        loss = table.select_one("data.exact-number")
        cells = [td.get_text(strip=True) for td in table.select("tbody td")][-3:]
        rows[language] = loss.select_one("[aria-hidden=true]").get_text(), loss["value"], *cells
    # English as Python prints it; the exact value the same in both.
    assert rows["en"][:4] == ("0.000", "0.0", "0.000", "3")
    # Spanish: never three decimals after a point, which could read as thousands.
    assert rows["es"][:4] == ("0.0000", "0.0", "0.0000", "3")


def test_a_translation_that_breaks_its_markup_is_reported_and_left_out(tiny_copy):
    catalog = tiny_copy / "locales/es/LC_MESSAGES/index.po"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        "{doc}`comparación <compare>`", "<script>x</script>"), encoding="utf-8")
    builds = build_tinysite(tiny_copy)
    assert "index.po:" in builds["es"].warnings
    assert "translation breaks its markup" in builds["es"].warnings
    assert "<script>x</script>" not in (builds["es"].html / "index.html").read_text()
    assert builds["en"].warnings == ""


def test_an_example_that_breaks_the_contract_is_an_error_naming_it(tiny_copy):
    script = tiny_copy / "examples/basics/plot_1_tiny.py"
    script.write_text(script.read_text().replace("losses.append(loss)", "pass"))
    gallery = sphinx(tiny_copy, "dummy", **GALLERY_STEP)
    assert gallery.status != 0
    assert "example examples/basics/plot_1_tiny.py breaks the site's contract" in gallery.warnings
    assert not (tiny_copy / "_build/gallery/basics/plot_1_tiny.py.md5").exists()


def test_an_example_that_failed_runs_again_once_put_back_as_it_was(tiny_copy):
    script = tiny_copy / "examples/basics/plot_1_tiny.py"
    source = script.read_text()
    assert sphinx(tiny_copy, "dummy", **GALLERY_STEP).status == 0
    script.write_text(source + 'raise ValueError("broken on purpose")\n')
    with pytest.raises(ExtensionError, match="broken on purpose"):
        sphinx(tiny_copy, "dummy", **GALLERY_STEP)
    script.write_text(source)
    assert sphinx(tiny_copy, "dummy", **GALLERY_STEP).status == 0
    executed = tiny_copy / "_build/gallery/basics/plot_1_tiny"
    for output in (".rst", ".ipynb"):
        assert "broken on purpose" not in executed.with_suffix(output).read_text()


def test_stale_pages_leave_the_output(tiny_copy):
    extra = tiny_copy / "docs" / "extra.md"
    extra.write_text("---\norphan: true\n---\n# Extra\n")
    build_tinysite(tiny_copy)
    assert (tiny_copy / "_build/html/en/extra.html").exists()
    extra.unlink()
    builds = build_tinysite(tiny_copy)
    assert builds["en"].status == 0
    assert not (tiny_copy / "_build/html/en/extra.html").exists()
    assert not (tiny_copy / "_build/html/es/extra.html").exists()


def _figure(build):
    """The example's figure as the page shows it, and the texts it says it shows."""
    from PIL import Image

    from docs_engine.translation.figures import TEXTS_KEY

    image = page(build, EXAMPLE).select_one("img.sphx-glr-single-img")
    path = (build.html / "examples/basics" / image["src"]).resolve()
    texts = Image.open(path).text.get(TEXTS_KEY)
    return image, path, texts


def test_figures_show_the_page_language(tinysite):
    image, path, texts = _figure(tinysite["en"])
    assert texts is None and image["alt"] == "Training loss"  # sphinx-gallery's own image
    image, path, texts = _figure(tinysite["es"])
    assert texts == '["Pérdida durante el entrenamiento"]'
    assert image["alt"] == "Pérdida durante el entrenamiento"


def _rebuild_spanish(root):
    """Build Spanish again in this process, with the catalogs as they are now.

    Python's gettext and Sphinx keep each compiled catalog they load for the
    life of the process; a new process (as `make` starts) would not.
    """
    import gettext

    from sphinx import locale

    gettext._translations.clear()
    locale.translators.clear()
    return sphinx(root, "html", "es", docs_engine_gallery_execute=False)


def test_a_figure_is_drawn_again_only_when_a_message_it_uses_changes(tiny_copy):
    build_tinysite(tiny_copy)
    catalog = tiny_copy / "locales/es/LC_MESSAGES/examples/basics/plot_1_tiny.po"
    drawn = tiny_copy / "_build/doctrees/es/figures"
    first = {p.name: p.stat().st_mtime_ns for p in drawn.iterdir()}
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        "La figura muestra la pérdida.", "La figura muestra cómo cae la pérdida."), encoding="utf-8")
    build = _rebuild_spanish(tiny_copy)
    assert "cómo cae" in page(build, EXAMPLE).get_text()  # the page was read again
    assert {p.name: p.stat().st_mtime_ns for p in drawn.iterdir()} == first  # nothing drawn
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        "Pérdida durante el entrenamiento", "Pérdida al entrenar"), encoding="utf-8")
    build = _rebuild_spanish(tiny_copy)
    assert _figure(build)[2] == '["Pérdida al entrenar"]'
    # The figure (light, light sharp, dark) and its thumbnail (light, dark).
    assert len(list(drawn.iterdir())) == len(first) + 5


def test_a_computed_figure_text_is_reported_with_its_example_and_line(tiny_copy):
    script = tiny_copy / "examples/basics/plot_1_tiny.py"
    source = script.read_text()
    script.write_text(source.replace('ax.set_title("Training loss")',
                                     'ax.set_title(f"Loss after {len(losses)} steps")'))
    line = source.splitlines().index('ax.set_title("Training loss")') + 1
    gallery = sphinx(tiny_copy, "dummy", **GALLERY_STEP)
    assert gallery.status != 0
    assert f"examples/basics/plot_1_tiny.py:{line}: WARNING: figure text computed at run time" \
        in gallery.warnings


def test_pages_link_to_their_source_and_catalog_only_with_a_repository_url(tiny_copy):
    assert sphinx(tiny_copy, "dummy", **GALLERY_STEP).status == 0
    repository = "https://github.com/owner/site"
    linked = sphinx(tiny_copy, "html", "es", docs_engine_gallery_execute=False, docs_engine_repository_url=repository)
    links = [a["href"] for a in page(linked, EXAMPLE).select("a.repository-link:not(.repository-link--report)")]
    assert links == [f"{repository}/blob/main/{EXAMPLE}.py",
                     f"{repository}/blob/main/locales/es/LC_MESSAGES/{EXAMPLE}.po"]
    # Without a repository URL (outside CI), no page shows any: no broken links.
    unlinked = sphinx(tiny_copy, "html", "es", docs_engine_gallery_execute=False, docs_engine_repository_url="")
    pages = list(unlinked.html.rglob("*.html"))
    assert pages and not [p for p in pages if "repository-link" in p.read_text(encoding="utf-8")]


def report_link(build, name):
    """The page's "Report a problem" link, and its new issue's fields."""
    links = page(build, name).select("a.repository-link--report")
    assert len(links) == 1
    return links[0], {key: values[0] for key, values in parse_qs(urlsplit(links[0]["href"]).query).items()}


def test_every_page_links_to_a_new_issue_about_it_only_with_a_repository_url(tiny_copy):
    repository = "https://github.com/owner/site"
    site = "https://example.org/docs/"
    builds = build_tinysite(tiny_copy, docs_engine_repository_url=repository, site_url=site)
    for language, build in builds.items():
        names = [p.relative_to(build.html).with_suffix("").as_posix() for p in build.html.rglob("*.html")]
        documents = [name for name in names if page(build, name).select("a.repository-link--source")]
        assert EXAMPLE in documents and "index" in documents
        for name in documents:
            link, fields = report_link(build, name)
            assert link["href"].startswith(f"{repository}/issues/new?")
            assert f"{site}{language}/{name}.html" in fields["body"]
            assert name in fields["title"]
            # A real link, with text, as the page's other footer links.
            assert link.get_text(strip=True) and link["data-selection-label"]
    english_link, english = report_link(builds["en"], EXAMPLE)
    assert english_link.get_text(strip=True) == "Report a problem with this page"
    assert english["labels"] == "documentation"
    assert "Language: English (en)" in english["body"] and "Catalog" not in english["body"]
    spanish_link, spanish = report_link(builds["es"], EXAMPLE)
    assert spanish_link.get_text(strip=True) == "Informar de un problema en esta página"
    assert spanish_link["data-selection-label"] == "Texto seleccionado:"
    assert spanish["labels"] == "translation"
    assert spanish["title"] == f"Problema en la página {EXAMPLE} (es)"
    assert spanish["body"].startswith(f"Página: {site}es/{EXAMPLE}.html\nIdioma: Español (es)\n"
                                      f"Catálogo: locales/es/LC_MESSAGES/{EXAMPLE}.po\n")
    # Without the site's address (a local build), the page's path in the site.
    assert sphinx(tiny_copy, "html", "es", docs_engine_gallery_execute=False,
                  docs_engine_repository_url=repository).status == 0
    assert f"Página: es/{EXAMPLE}.html\n" in report_link(Build(tiny_copy, "es", 0, ""), EXAMPLE)[1]["body"]
    # Without a repository, no report link: the page footer test above finds no repository link at all.


def test_a_rebuild_that_draws_no_figure_starts_without_matplotlib(tiny_copy):
    """A translator's rebuild after a catalog edit draws nothing, and so does without
    matplotlib, a third of its time to import: a language build loads neither
    sphinx-gallery's generator nor sphinxext-opengraph, which import it whenever
    they load (sphinx_gallery_adapter.setup_reading, opengraph.py)."""
    build_tinysite(tiny_copy)
    catalog = tiny_copy / "locales/es/LC_MESSAGES/index.po"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        'msgstr "Segunda sección"', 'msgstr "La segunda sección"'), encoding="utf-8")
    # A new process, as make starts: this one imported matplotlib long ago.
    rebuild = ("import sys; from pathlib import Path; from tests.layered.conftest import sphinx;"
               f" build = sphinx(Path({str(tiny_copy)!r}), 'html', 'es', docs_engine_gallery_execute=False);"
               " print(build.status, [name for name in ('matplotlib', 'numpy')"
               " if name in sys.modules])")
    result = subprocess.run([sys.executable, "-c", rebuild], cwd=PROJECT,
                            capture_output=True, text=True, check=True)
    assert result.stdout.split()[-2:] == ["0", "[]"], result.stdout + result.stderr
    assert "La segunda sección" in page(Build(tiny_copy, "es", 0, ""), "index").get_text()


# -- One translated example: the page's code is its download's ---------------

def _page_code(build) -> list[str]:
    return [block.get_text().rstrip("\n")
            for block in page(build, EXAMPLE).select("div.highlight-Python pre")]


def _download(build, suffix: str) -> Path:
    link = page(build, EXAMPLE).select_one(f"a.download[href$='{suffix}']")
    return (build.html / "examples/basics" / link["href"]).resolve()


def _script_code(script: Path) -> list[str]:
    from docs_engine.adapters.sphinx_gallery import shown_code_blocks

    return [code.strip("\n").rstrip() for code in shown_code_blocks(script, {"remove_config_comments": True})]


def test_the_translated_page_shows_its_downloads_code_character_for_character(tinysite):
    spanish = tinysite["es"]
    code = _page_code(spanish)
    assert code == _script_code(_download(spanish, ".py"))
    shown = "\n".join(code)
    assert '"""Lleva ``w`` a mitad de camino del objetivo."""' in shown  # the docstring
    assert 'ax.set_title("Pérdida durante el entrenamiento")' in shown  # the figure text
    assert "# Un paso hacia el objetivo." in shown
    notebook = json.loads(_download(spanish, ".ipynb").read_text(encoding="utf-8"))
    cells = ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert [cell.rstrip("\n") for cell in cells if not cell.startswith("%matplotlib")] == code
    assert _page_code(tinysite["en"]) == _script_code(_download(tinysite["en"], ".py"))


def _translate(root: Path, message: str, translation: str) -> Path:
    path = root / "locales/es/LC_MESSAGES/examples/basics/plot_1_tiny.po"
    catalog = polib.pofile(str(path))
    entry = catalog.find(message)
    if entry is None:
        entry = polib.POEntry(msgid=message)
        catalog.append(entry)
    entry.msgstr = translation
    catalog.save(str(path))
    return path


def test_a_hostile_docstring_translation_stays_inert_and_lint_names_it(tiny_copy):
    from docs_engine.translators.lint import check_docstrings

    hostile = 'Lleva ``w``."""; import os; os.system("echo roto") #\\n'
    catalog = _translate(tiny_copy, "Move ``w`` halfway to the target.", hostile)
    assert sphinx(tiny_copy, "dummy", **GALLERY_STEP).status == 0
    build = _rebuild_spanish(tiny_copy)
    assert build.status == 0, build.warnings
    script = _download(build, ".py").read_text(encoding="utf-8")
    step = next(node for node in ast.walk(ast.parse(script)) if getattr(node, "name", "") == "step")
    assert ast.get_docstring(step) == hostile
    assert _page_code(build) == _script_code(_download(build, ".py"))  # the page is the download
    problems = check_docstrings(catalog, polib.pofile(str(catalog)))
    assert len(problems) == 2 and all(problem.startswith(f"{catalog}:") for problem in problems)
    assert "holds a backslash" in problems[0] and "quotes that would end the docstring" in problems[1]


def test_a_translation_that_would_change_the_code_is_named_and_the_example_stays_english(tiny_copy):
    script = tiny_copy / "examples/basics/plot_1_tiny.py"
    script.write_text(script.read_text().replace("losses = []\n", "# Keep the losses.\nlosses = []\n"))
    catalog = _translate(tiny_copy, "Keep the losses.", "%% Guarda las pérdidas.")
    assert sphinx(tiny_copy, "dummy", **GALLERY_STEP).status == 0
    build = _rebuild_spanish(tiny_copy)
    line = next(entry.linenum for entry in polib.pofile(str(catalog)) if entry.msgid == "Keep the losses.")
    from sphinx.util.console import strip_escape_sequences

    warnings = strip_escape_sequences(build.warnings).strip().splitlines()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{catalog}:{line}: WARNING: the translation would change the example's code")
    assert build.status != 0
    assert _page_code(build) == _script_code(tiny_copy / "_build/gallery/basics/plot_1_tiny.py")
    assert "# Keep the losses." in _download(build, ".py").read_text(encoding="utf-8")
