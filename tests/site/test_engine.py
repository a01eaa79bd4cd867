"""The build engine as a contributor meets it: sources come and go, languages are added."""

import zipfile

from tests.site.conftest import make
from tests.site.helpers import LANGUAGES, soup

EXAMPLE = '''"""
{title}
=====

A tiny example that keeps the site's contract.
"""

losses = []
for t in range(2):
    losses.append(1.0 / (t + 1))
    print(t, losses[-1])
print("Result: y = 1")
'''


def _zip_names(site_html, language):
    names = []
    for archive in (site_html / language / "_downloads").rglob("examples_python.zip"):
        names += zipfile.ZipFile(archive).namelist()
    return names


def _gallery_links(site_html, language):
    index = soup(site_html / language / "examples" / "index.html")
    return {a["href"] for a in index.select("a[href]")}


def test_examples_sections_and_pages_come_and_go_without_make_clean(project_copy):
    root = project_copy()
    html = root / "_build" / "html"
    section = root / "examples" / "extra"
    section.mkdir()
    (section / "README.txt").write_text("Extra\n-----\n\nOne more section.\n")
    (section / "plot_9_extra.py").write_text(EXAMPLE.format(title="Extra"))
    (root / "docs" / "extra.md").write_text("---\norphan: true\n---\n# Extra page\n\nText.\n")
    make(root, "html")
    for language in LANGUAGES:
        assert (html / language / "examples/extra/plot_9_extra.html").is_file()
        assert (html / language / "extra.html").is_file()
        assert "extra/plot_9_extra.html" in _gallery_links(html, language)
    assert "extra/plot_9_extra.py" in _zip_names(html, "en")

    (section / "plot_9_extra.py").rename(section / "plot_9_renamed.py")
    (root / "docs" / "extra.md").unlink()
    make(root, "html")  # renamed and deleted: no "isn't included in any toctree"
    for language in LANGUAGES:
        assert not (html / language / "examples/extra/plot_9_extra.html").exists()
        assert (html / language / "examples/extra/plot_9_renamed.html").is_file()
        assert not (html / language / "extra.html").exists()
        links = _gallery_links(html, language)
        assert "extra/plot_9_renamed.html" in links and "extra/plot_9_extra.html" not in links
        assert not list((html / language / "_images").glob("*plot_9_extra*"))
    assert not list((root / "_build/gallery").rglob("plot_9_extra*"))
    names = _zip_names(html, "en")
    assert "extra/plot_9_renamed.py" in names and "extra/plot_9_extra.py" not in names

    for path in section.iterdir():
        path.unlink()
    section.rmdir()
    make(root, "html")
    for language in LANGUAGES:
        assert not (html / language / "examples/extra").exists() or not list(
            (html / language / "examples/extra").glob("*.html"))
        assert not any("extra/" in link for link in _gallery_links(html, language))
    assert not any(name.startswith("extra/") for name in _zip_names(html, "en"))
    assert not (root / "_build/gallery/extra").exists()


def test_a_no_change_build_starts_no_sphinx(project_copy):
    root = project_copy()
    assert "docs_engine.adapters.sphinx_build" in make(root, "html").stdout  # how a Sphinx run shows
    again = make(root, "html")
    assert "docs_engine.adapters.sphinx_build" not in again.stdout + again.stderr


def test_an_edited_catalog_rebuilds_only_its_language(project_copy):
    root = project_copy()
    make(root, "html")
    catalog = root / "locales/es/LC_MESSAGES/intro.po"
    catalog.write_text(catalog.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    log = make(root, "html").stdout
    assert "-D language=es" in log and "-D language=en" not in log
    assert "-b dummy" not in log  # the gallery step is not re-run either


def test_a_third_language_is_one_line_and_update_po(project_copy):
    root = project_copy()
    with open(root / "languages.toml", "a", encoding="utf-8") as languages:
        languages.write('fr = "Français"\n')
    make(root, "update-po")
    assert (root / "locales/fr/LC_MESSAGES/intro.po").is_file()
    make(root, "html")
    page = soup(root / "_build/html/fr/intro.html")
    assert page.html["lang"] == "fr"
    switcher = soup(root / "_build/html/en/intro.html").select(".language-switcher a[hreflang]")
    assert {a["hreflang"] for a in switcher} == {"en", "es", "fr"}
    assert 'hreflang="fr"' in (root / "_build/html/index.html").read_text(encoding="utf-8")
    status = soup(root / "_build/html/en/translation-status.html").get_text()
    assert "Français (fr)" in status
