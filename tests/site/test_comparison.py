"""The complete series and the page that compares its variants."""

import json
import re

import pytest

from tests.site.conftest import make
from tests.site.helpers import EXAMPLES, LANGUAGES, ROOT, least_squares_loss, page_log, soup
from babel.numbers import parse_decimal

from docs_engine import numbers
from docs_engine.pages.comparison import LOSS_DECIMALS
from docs_engine.execution.training_log import parse_training_log

SECTIONS = ["tensors", "autograd", "nn"]
# Columns the comparison adds after the three written in the page.
ADDED_COLUMNS = ["final loss", "ratio", "iterations", "time"]


def comparison_rows(site, language):
    table = soup(site.page(language, "comparison")).select_one("table")
    rows = []
    for row in table.select("tbody tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
        link = row.select_one("a")["href"]
        values = dict(zip(ADDED_COLUMNS, cells[-len(ADDED_COLUMNS):]))
        # The final loss shows rounded; the exact value is the number's value.
        loss = row.select_one("data.exact-number")
        values["final loss"] = loss["value"]
        values["final loss shown"] = loss.select_one("[aria-hidden=true]").get_text()
        rows.append((link, values))
    return rows


@pytest.mark.parametrize("language", LANGUAGES)
def test_comparison_table_numbers_equal_each_example_log(site, language):
    rows = comparison_rows(site, language)
    assert len(rows) == len(EXAMPLES)
    optimum = least_squares_loss()
    for (link, cells), example in zip(rows, EXAMPLES):
        assert link.removesuffix(".html").endswith(example)
        log_text = page_log(site.page(language, example))
        log = parse_training_log(log_text)
        printed_final = log_text.strip().splitlines()[-2].split()[1]
        assert cells["final loss"] == printed_final
        # Rounded and written as the page's language writes numbers.
        assert cells["final loss shown"] == numbers.decimal(float(printed_final), language,
                                                            LOSS_DECIMALS)
        ratio = parse_decimal(cells["ratio"], locale=numbers.locale(language), strict=True)
        assert float(ratio) == pytest.approx(log.final_loss / optimum, abs=5e-4)
        assert cells["iterations"] == numbers.integer(log.iterations[-1] + 1, language)


def test_comparison_has_the_loss_figure_and_timings_recorded(site):
    for language in LANGUAGES:
        figure = soup(site.page(language, "comparison")).select_one("img.variant-comparison-figure")
        assert (site.page(language, "comparison").parent / figure["src"]).is_file()  # test_figures.py
        assert figure["alt"]
    for example in EXAMPLES:
        record = json.loads((site.gallery / (example.removeprefix("examples/") + ".training.json")).read_text())
        log = parse_training_log(page_log(site.page("en", example)))
        assert record["seconds"] > 0
        assert len(record["losses"]) == log.iterations[-1] + 1
        assert [record["losses"][t] for t in log.iterations] == pytest.approx(log.losses, rel=1e-6)


def test_landing_page_links_to_the_comparison(site):
    for language in LANGUAGES:
        links = [a["href"] for a in soup(site.page(language, "index")).select("article a")]
        assert "comparison.html" in links


def test_gallery_has_three_sections_in_reading_order(site):
    for language in LANGUAGES:
        page = soup(site.page(language, "examples/index"))
        sections = [section["id"] for section in page.select("section section")]
        assert len(sections) == len(SECTIONS)
        thumbnails = [a["href"] for a in page.select("div.sphx-glr-thumbcontainer a")]
        assert [href.removesuffix(".html") for href in thumbnails] == [
            e.removeprefix("examples/") for e in EXAMPLES
        ]


def test_previous_and_next_follow_the_series(site):
    for before, after in zip(EXAMPLES, EXAMPLES[1:]):
        page = site.page("en", before)
        next_link = soup(page).select_one("a.right-next")
        target = (page.parent / next_link["href"]).resolve()
        allowed = {site.page("en", after).resolve(),
                   site.page("en", after.rsplit("/", 1)[0] + "/index").resolve()}
        assert target in allowed, (before, next_link["href"])


@pytest.mark.parametrize("example", [e for e in EXAMPLES if "numpy" not in e])
def test_device_is_chosen_on_one_cpu_line(example):
    source = (ROOT / f"{example}.py").read_text()
    assert len(re.findall(r"^device = torch\.device\(\"cpu\"\)", source, re.M)) == 1
    assert "cuda" in re.search(r"^device = .*$", source, re.M).group(0)


def test_an_example_whose_log_changed_format_fails_the_comparison(project_copy):
    root = project_copy()
    script = root / "examples/tensors/plot_1_numpy.py"
    script.write_text(script.read_text().replace("print(t, loss)", 'print(f"step {t}: {loss}")'))
    result = make(root, "html-en", check=False)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "examples/tensors/plot_1_numpy" in log and "step 99:" in log
    assert not (root / "_build/html/en/comparison.html").exists()
