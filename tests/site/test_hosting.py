"""The published site: the hosts' configurations, the addresses in its pages,
what crawlers and lost visitors get, working offline, and its archive."""

import os
import re
import subprocess
import zipfile
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import Request, urlopen
from xml.etree import ElementTree

import polib
import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from tests.site.browsing import browsing
from tests.site.conftest import SITE_URL, VENV, build_environment, build_site, make
from tests.site.helpers import LANGUAGES, NOT_FOUND_PAGE, ROOT, html_pages, serve, soup

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
READ_THE_DOCS = ROOT / ".readthedocs.yaml"
CPU_WHEELS = "https://download.pytorch.org/whl/cpu"
# Pages that sit outside the sitemap: search results and the 404 page.
NOT_INDEXED = {"search.html", NOT_FOUND_PAGE}
# Pages Sphinx makes with no text of their own, hence no description.
NO_TEXT = {"genindex.html", *NOT_INDEXED}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
OPENGRAPH_LOCALES = {"en": "en_US", "es": "es_ES"}
SUB_PATH = urlsplit(SITE_URL).path  # /learn-pytorch/
RTD_URL = "https://example-project.readthedocs.io/{language}/latest/"


def yaml(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def workflow_steps() -> list[dict]:
    return [step for job in yaml(WORKFLOW)["jobs"].values() for step in job.get("steps", [])]


def translated(message: str, language: str) -> str:
    if language == "en":
        return message
    catalog = polib.pofile(str(ROOT / "locales" / language / "LC_MESSAGES" / "extensions.po"))
    return catalog.find(message).msgstr


def local_file(site_html: Path, url: str) -> Path:
    """The file of the built site that an address of the published site serves."""
    assert url.startswith(SITE_URL), url
    return site_html / urlsplit(url[len(SITE_URL):]).path


# -- The hosts' configurations ------------------------------------------------


@pytest.mark.parametrize("path,schema", [(WORKFLOW, "vendor.github-workflows"),
                                         (READ_THE_DOCS, "vendor.readthedocs")])
def test_host_configuration_follows_the_hosts_schema(path, schema):
    result = subprocess.run([VENV / "bin" / "check-jsonschema", "--builtin-schema", schema, path],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_has_no_zizmor_findings():
    result = subprocess.run([VENV / "bin" / "zizmor", "--offline", "--persona=pedantic", WORKFLOW],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_workflow_runs_the_readme_commands_not_copies_of_their_steps():
    commands = [step["run"] for step in workflow_steps() if "run" in step]
    assert all(command.startswith("make ") for command in commands), commands
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("make html", "make test"):
        assert command in commands and command in readme


def test_workflow_publishes_main_and_keeps_each_pull_requests_site():
    workflow = yaml(WORKFLOW)
    assert workflow["on"]["push"]["branches"] == ["main"] and "pull_request" in workflow["on"]
    steps = workflow_steps()
    # The site's actions: the notebooks' artifact has its own test, below.
    actions = {step["uses"].split("@")[0]: step for step in steps
               if "uses" in step and step.get("with", {}).get("name") != "notebooks"}
    for action, event in [("actions/configure-pages", "push"), ("actions/upload-pages-artifact", "push"),
                          ("actions/upload-artifact", "pull_request")]:
        assert actions[action]["if"] == f"github.event_name == '{event}'"
    assert workflow["jobs"]["deploy"]["if"] == "github.event_name == 'push'"
    assert "actions/deploy-pages" in actions
    for action in ("actions/upload-pages-artifact", "actions/upload-artifact"):
        assert actions[action]["with"]["path"] == "_build/html"
    for step in steps:  # every action pinned to a commit
        assert "uses" not in step or re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    build = next(step for step in steps if step.get("run") == "make html")
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    checkouts = [step for step in steps if step.get("uses", "").startswith("actions/checkout@")]
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_workflow_publishes_the_notebooks_of_main_with_the_only_write_permission():
    """make notebooks in the build job, make publish-notebooks in a job of its
    own, the one allowed to write to the repository, and to nothing else."""
    workflow = yaml(WORKFLOW)
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {}
    publishing = jobs["notebooks"]
    assert publishing["if"] == "github.event_name == 'push'" and publishing["needs"] == "build"
    assert publishing["permissions"] == {"contents": "write"}
    for name, job in jobs.items():
        if name != "notebooks":
            assert job["permissions"].get("contents") in (None, "read"), name
    build_steps = jobs["build"]["steps"]
    collect = next(step for step in build_steps if step.get("run") == "make notebooks")
    upload = next(step for step in build_steps if step.get("with", {}).get("name") == "notebooks")
    assert collect["if"] == upload["if"] == "github.event_name == 'push'"
    assert build_steps.index(collect) < build_steps.index(upload)
    assert upload["uses"].startswith("actions/upload-artifact@")
    download = next(step for step in publishing["steps"]
                    if step.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"] == {"name": "notebooks", "path": upload["with"]["path"]}
    publish = [step for step in publishing["steps"] if "run" in step]
    assert [step["run"] for step in publish] == ["make publish-notebooks"]
    # The token reaches that command alone (the checkout keeps none).
    assert publish[0]["env"] == {"GITHUB_TOKEN": "${{ github.token }}"}
    assert "${{ github.token }}" not in WORKFLOW.read_text().replace(
        'GITHUB_TOKEN: ${{ github.token }}', "", 1)


def test_workflow_reviews_translations_on_pull_requests():
    review = next(step for step in workflow_steps() if step.get("run", "").startswith("make review-po"))
    assert review["if"] == "github.event_name == 'pull_request'"
    assert "continue-on-error" not in review
    assert review["run"] == 'make review-po BASE="origin/$BASE_REF"'
    assert review["env"]["BASE_REF"] == "${{ github.base_ref }}"
    # The checkout of the job that reviews (the build job), not the shards' jobs'.
    checkout = next(step for step in yaml(WORKFLOW)["jobs"]["build"]["steps"]
                    if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the base branch too


def test_hosts_take_torch_from_the_cpu_wheel_index():
    assert yaml(WORKFLOW)["env"]["PIP_EXTRA_INDEX_URL"] == CPU_WHEELS
    setup_python = next(step for step in workflow_steps() if step.get("uses", "").startswith("actions/setup-python"))
    assert setup_python["with"]["cache"] == "pip"
    assert read_the_docs_commands() == [f"PIP_EXTRA_INDEX_URL={CPU_WHEELS} make readthedocs"]
    # Only that index has the CPU wheel the pins ask for.
    assert re.search(r"^torch==[\d.]+\+cpu$", (ROOT / "constraints.txt").read_text(), re.M)


# -- Addresses, crawlers, social previews --------------------------------------


def hosted_pages(site_html: Path, language: str) -> set[str]:
    return html_pages(site_html / language) - {NOT_FOUND_PAGE}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_to_itself_and_its_twins_absolutely(hosted_site, language):
    for name in hosted_pages(hosted_site.html, language):
        page = soup(hosted_site.html / language / name)
        address = f"{SITE_URL}{language}/{name}"
        assert page.select_one("link[rel=canonical]")["href"] == address
        if name not in NO_TEXT:  # docs_engine.hosting.opengraph describes pages with text
            assert page.select_one("meta[property='og:url']")["content"] == address
        alternates = {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}
        expected = {code: f"{SITE_URL}{code}/{name}" for code in LANGUAGES}
        assert alternates == {**expected, "x-default": expected[LANGUAGES[0]]}, name
        switcher = {link["hreflang"]: link["href"] for link in page.select(".language-switcher a[hreflang]")}
        assert switcher == expected, name
        for url in alternates.values():
            assert local_file(hosted_site.html, url).is_file(), url


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_opengraph_tags_in_its_language(hosted_site, language):
    others = {OPENGRAPH_LOCALES[code] for code in LANGUAGES if code != language}
    for name in hosted_pages(hosted_site.html, language) - NO_TEXT:
        page = soup(hosted_site.html / language / name)
        assert page.select_one("meta[property='og:locale']")["content"] == OPENGRAPH_LOCALES[language]
        assert {tag["content"] for tag in page.select("meta[property='og:locale:alternate']")} == others
        assert page.select_one("meta[property='og:title']")["content"]
        assert page.select_one("meta[property='og:site_name']")["content"] == translated(
            "Learning PyTorch by example", language)
        assert not page.select("meta[property='og:image']"), "no generated preview images"
    assert not list((hosted_site.html / language).rglob("social_previews"))


def visible_text(page) -> str:
    for hidden in page(["script", "style", "head"]):
        hidden.decompose()
    return " ".join(page.get_text(" ").split())


def test_every_page_is_described_by_its_own_translated_text(hosted_site):
    descriptions = {}
    for language in LANGUAGES:
        for name in hosted_pages(hosted_site.html, language) - NO_TEXT:
            page = soup(hosted_site.html / language / name)
            description = page.select_one("meta[name=description]")["content"]
            assert page.select_one("meta[property='og:description']")["content"] == description
            assert "\\" not in description, f"{language}/{name}: raw TeX in {description!r}"
            # Its first words, as the page shows them (spaces aside: the text
            # runs through inline markup).
            first_words = "".join(description.removesuffix("…").split()[:8])
            assert first_words in "".join(visible_text(page).split()), f"{language}/{name}: {description!r}"
            descriptions[language, name] = description
    for (language, name), description in descriptions.items():
        if language != LANGUAGES[0]:
            assert description != descriptions[LANGUAGES[0], name], f"{language}/{name} is not translated"


def sitemap_entries(site_html: Path) -> dict[str, dict[str, str]]:
    """Each address the sitemaps list, with its alternates, from robots.txt on."""
    robots = (site_html / "robots.txt").read_text(encoding="utf-8")
    index = ElementTree.parse(local_file(site_html, re.search(r"^Sitemap: (\S+)$", robots, re.M)[1]))
    entries = {}
    for sitemap in index.getroot().iter(f"{SITEMAP}loc"):
        for url in ElementTree.parse(local_file(site_html, sitemap.text)).getroot():
            entries[url.find(f"{SITEMAP}loc").text] = {
                link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
    return entries


def test_sitemap_lists_every_page_of_every_language_with_its_alternates(hosted_site):
    entries = sitemap_entries(hosted_site.html)
    assert entries.keys() == {f"{SITE_URL}{language}/{name}" for language in LANGUAGES
                              for name in html_pages(hosted_site.html / language) - NOT_INDEXED}
    for address, alternates in entries.items():
        name = address.removeprefix(SITE_URL).split("/", 1)[1]
        assert alternates == {code: f"{SITE_URL}{code}/{name}" for code in LANGUAGES}


def test_every_page_has_an_icon_and_the_root_too(hosted_site):
    assert (hosted_site.html / "favicon.ico").is_file()
    for language in LANGUAGES:
        for name in hosted_pages(hosted_site.html, language):
            page = hosted_site.html / language / name
            icons = soup(page).select("link[rel=icon], link[rel=apple-touch-icon]")
            assert {link["href"].rsplit(".", 1)[-1] for link in icons} == {"svg", "ico", "png"}
            for link in icons:
                assert (page.parent / link["href"]).is_file(), link["href"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_title_says_the_sites_title_once(site, language):
    title = translated("Learning PyTorch by example", language)
    assert soup(site.page(language, "index")).title.string == title
    assert soup(site.page(language, "intro")).title.string.endswith(f" — {title}")


def test_a_local_build_has_relative_links_and_nothing_for_crawlers(site):
    assert not (site.html / "sitemap.xml").exists() and not (site.html / "robots.txt").exists()
    page = soup(site.page("es", "intro"))
    assert page.select_one("link[rel=alternate][hreflang=en]")["href"] == "../en/intro.html"
    assert not page.select("link[rel=canonical]")


# -- The 404 pages -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_is_in_its_language_with_addresses_that_work_anywhere(hosted_site, language):
    page = soup(hosted_site.html / language / NOT_FOUND_PAGE)
    assert page.html["lang"] == language
    assert page.title.string.startswith(translated("Page not found", language))
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert not page.select("link[rel=canonical], link[rel=alternate]")
    assets = [tag.get("href") or tag.get("src") for tag in page.select("link[href], script[src], img[src]")]
    assert assets
    for url in assets:
        if not url.startswith("https://"):
            assert url.startswith(f"{SUB_PATH}{language}/"), url
            assert (hosted_site.html / urlsplit(url).path.removeprefix(SUB_PATH)).is_file(), url
    home = f"{SUB_PATH}{language}/index.html"
    assert page.select_one(f".bd-article a[href='{home}']").get_text() == translated("Go to the home page", language)
    assert page.select_one(".bd-article form[role=search]")["action"] == f"{SUB_PATH}{language}/search.html"


@pytest.fixture(scope="module")
def published(hosted_site, tmp_path_factory):
    """The hosted site at its sub-path on a local host that, like GitHub
    Pages, answers a missing path with the root 404.html."""
    host = tmp_path_factory.mktemp("host")
    (host / SUB_PATH.strip("/")).symlink_to(hosted_site.html)
    with serve(host, not_found=hosted_site.html / NOT_FOUND_PAGE) as address:
        yield address + SUB_PATH


@pytest.mark.parametrize("missing,language", [
    ("es/examples/nn/no-such-page.html", "es"),
    ("en/a/b/c/no-such-page.html", "en"),
    ("no-such-folder/", "en"),
])
def test_a_missing_page_shows_the_404_page_of_its_paths_language(published, tab, missing, language):
    failed = []

    def record_failure(response):
        if response.status >= 400:
            failed.append(response.url)

    with browsing(tab) as page:
        page.on("response", record_failure)
        try:
            page.goto(published + missing)
            if language != LANGUAGES[0]:
                page.wait_for_url(f"{published}{language}/{NOT_FOUND_PAGE}")
            page.wait_for_load_state()  # the page it ends on, with its style sheets and scripts
            page.evaluate("() => document.fonts.ready.then(() => true)")
            assert page.locator("html").get_attribute("lang") == language
            assert page.locator("h1").first.inner_text() == translated("Page not found", language)
            # Rendered with the theme's style sheets: its header is a flex box.
            assert page.locator(".bd-header").evaluate(
                "header => getComputedStyle(header).display") == "flex"
        finally:
            page.remove_listener("response", record_failure)
    assert [url for url in failed if not url.endswith(missing)] == []


def test_the_404_page_searches_the_site(published, tab):
    with browsing(tab) as page:
        page.goto(published + "es/no-such-page.html")
        page.wait_for_url(f"{published}es/{NOT_FOUND_PAGE}")
        page.locator(".bd-article input[name=q]").fill("tensor")
        page.locator(".bd-article form[role=search] button").click()
        page.wait_for_url(f"{published}es/search.html?q=tensor")
        page.locator("#search-results li").first.wait_for()


# -- Offline: nothing leaves the site's host -------------------------------------


def test_no_source_maps_ship(site):
    assert list(site.html.rglob("*.map")) == []


def test_mathjax_ships_only_what_the_pages_load(site):
    mathjax = site.html / "en" / "_static" / "mathjax"
    shipped = {path.relative_to(mathjax).parts[:2] for path in mathjax.rglob("*") if path.is_file()}
    assert shipped == {("LICENSE",), ("es5", "tex-chtml-full.js"), ("es5", "output")}


def test_unchanged_mathjax_files_are_not_copied_again(project_copy):
    root = project_copy()
    make(root, "html-en")
    mathjax = root / "_build" / "html" / "en" / "_static" / "mathjax"
    copied = {path: path.stat().st_mtime_ns for path in mathjax.rglob("*") if path.is_file()}
    # An edited page, later than the build (file times can tie within a clock tick).
    built = (root / "_build" / "stamps" / "html-en").stat().st_mtime
    os.utime(root / "docs" / "intro.md", (built + 1, built + 1))
    assert "-D language=en" in make(root, "html-en").stdout
    assert copied and {path: path.stat().st_mtime_ns for path in copied} == copied


def test_every_page_works_offline_with_its_formulas_rendered(page_tour):
    """Loaded as a reader loads it (tests/site/page_tour.py: requests to another host refused)."""
    for path, visit in page_tour.items():
        assert visit.blocked == [] and visit.failed == [], path
        formulas = visit.formulas
        assert formulas["rendered"] == formulas["formulas"], path
        assert formulas["errors"] == 0, path
        raw_tex = "\\(" in formulas["text"] or "\\[" in formulas["text"]
        assert not raw_tex, f"{path} shows raw TeX"
    for language in LANGUAGES:
        assert sum(visit.formulas["formulas"] for path, visit in page_tour.items()
                   if path.startswith(f"{language}/")) > 0


# -- The archive of the whole site ---------------------------------------------------


def archive(site) -> Path:
    return site.root / "_build" / "dist" / "site.zip"


def test_two_builds_give_the_same_archive(hosted_site, project_copy):
    again = build_site(project_copy(), "dist", env={"SITE_URL": SITE_URL})
    assert archive(again).read_bytes() == archive(hosted_site).read_bytes()


def links(page_url: str, html: str) -> set[str]:
    """Every address a page links to or loads, made absolute."""
    page = BeautifulSoup(html, "html.parser")
    urls = {tag.get(attribute) for tag in page.find_all(True)
            for attribute in ("href", "src", "action") if tag.get(attribute)}
    return {urljoin(page_url, url) for url in urls}


def status(url: str) -> int:
    try:
        with urlopen(Request(url, method="HEAD")) as response:
            return response.status
    except HTTPError as error:
        return error.code


def test_the_archive_served_from_a_sub_path_has_no_broken_link(hosted_site, tmp_path):
    folder = tmp_path / SUB_PATH.strip("/")
    with zipfile.ZipFile(archive(hosted_site)) as site_zip:
        site_zip.extractall(folder)
        pages = [name for name in site_zip.namelist()  # not the theme's templates in _static/
                 if name.endswith(".html") and not any(part.startswith("_") for part in name.split("/"))]
    with serve(tmp_path) as host:
        published = host + SUB_PATH
        checked, broken = {}, []
        for name in pages:
            with urlopen(published + name) as response:
                html = response.read().decode("utf-8")
            for url in links(published + name, html):
                if url.startswith(SITE_URL):  # the site's own address: served here
                    url = published + url.removeprefix(SITE_URL)
                if not url.startswith(host):
                    continue  # another site, or mailto:
                target = url.split("#")[0].split("?")[0]
                if target not in checked:
                    checked[target] = status(target)
                if checked[target] != 200:
                    broken.append(f"{name}: {url}")
    assert len(checked) > len(pages)
    assert broken == []


# -- Read the Docs ------------------------------------------------------------------

RTD_JOBS = ["post_checkout", "pre_system_dependencies", "post_system_dependencies", "pre_create_environment",
            "create_environment", "post_create_environment", "pre_install", "install", "post_install",
            "pre_build", "build", "post_build"]


def read_the_docs_commands() -> list[str]:
    """The commands .readthedocs.yaml runs, in Read the Docs' order."""
    build = yaml(READ_THE_DOCS)["build"]
    if "commands" in build:
        return build["commands"]
    jobs = build.get("jobs", {})
    commands = []
    for job in RTD_JOBS:
        steps = jobs.get(job, [])
        commands += steps["html"] if job == "build" else steps
    return commands


def read_the_docs_build(root: Path, language: str, output: Path) -> subprocess.CompletedProcess:
    """Run .readthedocs.yaml's commands as Read the Docs would for ``language``."""
    environment = build_environment(
        READTHEDOCS="True", READTHEDOCS_LANGUAGE=language, READTHEDOCS_VERSION="latest",
        READTHEDOCS_CANONICAL_URL=RTD_URL.format(language=language), READTHEDOCS_OUTPUT=str(output),
        VENV=str(VENV),  # this session's, which has the pinned requirements
    )
    for command in read_the_docs_commands():
        result = subprocess.run(command, shell=True, cwd=root, env=environment, capture_output=True, text=True)
        if result.returncode != 0:
            break
    return result


@pytest.fixture(scope="module")
def read_the_docs(project_copy, tmp_path_factory) -> dict[str, Path]:
    """Each language's Read the Docs project, built: its published folder."""
    published = {}
    for language in LANGUAGES:
        output = tmp_path_factory.mktemp(f"readthedocs-{language}")
        result = read_the_docs_build(project_copy(), language, output)
        assert result.returncode == 0, result.stdout + result.stderr
        published[language] = output / "html"
    return published


@pytest.mark.parametrize("language", LANGUAGES)
def test_read_the_docs_project_publishes_its_language(read_the_docs, language):
    html = read_the_docs[language]
    base = RTD_URL.format(language=language)
    assert soup(html / "index.html").html["lang"] == language
    assert sitemap_locations(html / "sitemap.xml") == {
        base + name for name in html_pages(html) - NOT_INDEXED}
    for name in html_pages(html) - {NOT_FOUND_PAGE}:
        page = soup(html / name)
        assert page.select_one("link[rel=canonical]")["href"] == base + name
        alternates = {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}
        assert alternates == {**{code: RTD_URL.format(language=code) + name for code in LANGUAGES},
                              "x-default": RTD_URL.format(language=LANGUAGES[0]) + name}
        for link in page.select(".language-switcher a[hreflang]"):
            other = link["hreflang"]
            other_base = RTD_URL.format(language=other)
            assert link["href"].startswith(other_base)
            twin = read_the_docs[other] / link["href"].removeprefix(other_base)
            assert twin == read_the_docs[other] / name and twin.is_file()
    not_found = soup(html / NOT_FOUND_PAGE)
    for script in not_found.select("script[src]"):
        assert script["src"].startswith(f"/{language}/latest/"), script["src"]
        assert (html / urlsplit(script["src"]).path.removeprefix(f"/{language}/latest/")).is_file()


def sitemap_locations(sitemap: Path) -> set[str]:
    return {loc.text for loc in ElementTree.parse(sitemap).getroot().iter(f"{SITEMAP}loc")}


# -- Bad input ----------------------------------------------------------------------


@pytest.mark.parametrize("conf_value,variable,setting", [
    ("", "example.org/learn-pytorch/", "the SITE_URL environment variable"),
    ("", "https://example.org/learn-pytorch", "the SITE_URL environment variable"),
    ("example.org", None, "site_url in conf.py"),
])
def test_a_malformed_site_url_stops_the_build_before_any_work(project_copy, conf_value, variable, setting):
    root = project_copy()
    if conf_value:
        conf = root / "conf.py"
        conf.write_text(conf.read_text().replace('site_url = ""', f'site_url = "{conf_value}"'))
    result = make(root, "html", check=False, env={"SITE_URL": variable} if variable else {})
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{setting} must be an absolute URL with its scheme and a trailing slash" in log
    assert not any((root / "_build" / "html" / language).exists() for language in LANGUAGES)
    assert "reading sources" not in log


def test_a_read_the_docs_language_the_site_lacks_stops_the_build(project_copy, tmp_path):
    result = read_the_docs_build(project_copy(), "fr", tmp_path)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "READTHEDOCS_LANGUAGE is 'fr', not one of the site's languages (en, es" in log
    assert "reading sources" not in log
    assert not (tmp_path / "html").exists()


def test_a_page_one_language_leaves_out_has_no_alternate_there(project_copy):
    root = project_copy()
    (root / "docs" / "english-only.md").write_text(
        "---\norphan: true\n---\n\n# Only in English\n\nA page the Spanish site leaves out.\n")
    with (root / "conf.py").open("a") as conf:
        conf.write('\ndocs_engine_language_exclude_patterns = {"es": ["english-only.md"]}\n')
    site = build_site(root, env={"SITE_URL": SITE_URL})
    assert not (site.html / "es" / "english-only.html").exists()
    page = soup(site.html / "en" / "english-only.html")
    address = f"{SITE_URL}en/english-only.html"
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}
    assert alternates == {"en": address, "x-default": address}
    assert not page.select("meta[property='og:locale:alternate']")
    switcher = page.select_one(".language-switcher a[hreflang=es]")["href"]
    assert switcher == f"{SITE_URL}es/index.html"
    entries = sitemap_entries(site.html)
    assert entries[address] == {"en": address}
    assert f"{SITE_URL}es/english-only.html" not in entries
    assert entries[f"{SITE_URL}en/intro.html"].keys() == set(LANGUAGES)
