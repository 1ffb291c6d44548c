"""`dibao report`: a self-contained HTML page whose charts draw in headless Chromium.

Chromium is Debian's `chromium` package (the Makefile's test target installs it when missing). The page's
script marks every chart section with data-marks="N" (or data-empty="true"), which --dump-dom reads back.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows import report
from tests.test_sql import combined_warehouse, synthetic_warehouse

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHARTS = ["timeline", "people", "network", "slogans", "sources"]
# Flags for a quiet, offline, single-shot render; every host resolves to nothing, so a page that tried to
# fetch anything would show it as a missing chart rather than silently succeed.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--host-resolver-rules=MAP * ~NOTFOUND"]


class PageParser(HTMLParser):
    """Chart sections with their data-* attributes, SVG and mark counts, and every src/href/url."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, dict] = {}
        self.links: list[str] = []
        self.svgs = 0
        self.current: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.links += [v for k, v in attrs if k in ("src", "href", "xlink:href", "action", "poster") and v]
        if tag == "section" and "data-chart" in a:
            self.current = a["data-chart"]
            self.sections[self.current] = {**a, "svg": 0, "marks": 0}
        elif self.current and tag == "svg":
            self.sections[self.current]["svg"] += 1
            self.svgs += 1
        elif self.current and "mark" in (a.get("class") or "").split():
            self.sections[self.current]["marks"] += 1

    def handle_endtag(self, tag):
        if tag == "section":
            self.current = None


def parse(html: str) -> PageParser:
    p = PageParser()
    p.feed(html)
    return p


def write(warehouse: Path, out: Path, *extra: str) -> int:
    """`dibao report` in process, through the parser the CLI registers."""
    parser = argparse.ArgumentParser(prog="dibao")
    report.add_report_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["report", "--warehouse", str(warehouse), "--out", str(out), *extra])
    return args.func(args)


def rendered_dom(page: Path, profile: Path) -> str:
    assert Path(CHROMIUM).exists(), "headless Chromium is needed: apt-get install -y chromium"
    proc = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


@pytest.fixture(scope="module")
def real_page(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report_real") / "report.html"
    assert write(combined_warehouse(tmp_path_factory), out) == 0
    return out


@pytest.fixture(scope="module")
def large_page(tmp_path_factory) -> Path:
    wh = synthetic_warehouse(tmp_path_factory.mktemp("wh_synth_large"), articles=600)
    out = wh / "report.html"
    assert write(wh, out) == 0
    return out


# ---------------------------------------------------------------- the page as written


def test_the_page_is_self_contained(real_page):
    html = real_page.read_text(encoding="utf-8")
    page = parse(html)
    assert page.links and all(link.startswith("#") for link in page.links)   # in-page anchors only
    assert "<script src" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)


def test_the_page_has_a_titled_section_per_chart(real_page):
    page = parse(real_page.read_text(encoding="utf-8"))
    assert list(page.sections) == CHARTS and len(CHARTS) >= 3


def test_the_page_uses_a_font_stack_that_covers_chinese(real_page):
    html = real_page.read_text(encoding="utf-8")
    assert "Noto Sans CJK SC" in html and "WenQuanYi Micro Hei" in html and "Microsoft YaHei" in html


def test_data_cannot_close_the_script_block():
    text = report.script_json({"name": "</script><script>alert(1)</script>"})
    assert "</script" not in text and "<" not in text


def test_a_missing_warehouse_is_a_usage_error(tmp_path, capsys):
    assert write(tmp_path / "nowhere", tmp_path / "r.html") == 2
    assert "dibao run" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


# ---------------------------------------------------------------- drawn in Chromium


def test_every_chart_draws_on_seeds_and_xwlb(real_page, tmp_path):
    page = parse(rendered_dom(real_page, tmp_path / "profile"))
    assert page.svgs >= 3
    for name in CHARTS:
        section = page.sections[name]
        assert "data-error" not in section, section["data-error"]
        assert section["svg"] == 1 and section["marks"] > 0, name
        assert int(section["data-marks"]) == section["marks"]


def test_the_five_seed_pages_draw_or_say_why_not(seed_warehouse, tmp_path):
    assert write(seed_warehouse, tmp_path / "r.html") == 0
    page = parse(rendered_dom(tmp_path / "r.html", tmp_path / "profile"))
    drawn = [name for name in CHARTS if page.sections[name]["marks"] > 0]
    for name in CHARTS:
        section = page.sections[name]
        assert "data-error" not in section and (name in drawn or section.get("data-empty") == "true"), name
    assert len(drawn) >= 3


def test_charts_stay_legible_on_hundreds_of_pages(large_page, tmp_path):
    page = parse(rendered_dom(large_page, tmp_path / "profile"))
    marks = {name: page.sections[name]["marks"] for name in CHARTS}
    assert all(n > 0 for n in marks.values()), marks
    assert marks["people"] <= report.Limits.people
    assert marks["network"] <= report.Limits.matrix * (report.Limits.matrix - 1)
    assert marks["slogans"] <= report.Limits.slogans * report.Limits.buckets
    assert marks["timeline"] == duckdb.connect(str(large_page.parent / "dibao.duckdb"), read_only=True).execute(
        "select count(*) from meetings where meeting_date is not null").fetchone()[0]


def test_an_empty_warehouse_shows_an_empty_state_per_chart(tmp_path):
    wh = synthetic_warehouse(tmp_path / "wh", articles=0)
    assert write(wh, tmp_path / "r.html") == 0
    page = parse(rendered_dom(tmp_path / "r.html", tmp_path / "profile"))
    for name in CHARTS:
        section = page.sections[name]
        assert section.get("data-empty") == "true" and "data-error" not in section, name


# ---------------------------------------------------------------- the data behind the charts


def test_lanes_keep_the_busiest_regions_and_pool_the_rest():
    regions = ["甲县"] * 5 + ["乙区"] * 3 + ["丙县"] * 2 + ["丁区"]
    assert report.lane_names(regions, 5) == ["甲县", "乙区", "丙县", "丁区"]
    assert report.lane_names(regions, 3) == ["甲县", "乙区", report.OTHER_REGIONS]


def test_the_most_connected_people_come_first():
    pairs = [("a", "b", 3), ("a", "c", 1), ("b", "c", 1), ("d", "e", 1)]
    assert report.top_connected(pairs, 3) == ["a", "b", "c"]


def test_the_time_unit_keeps_the_columns_few():
    assert report.choose_unit(date(2022, 11, 1), date(2022, 12, 31), 36) == "week"
    assert report.choose_unit(date(2022, 1, 1), date(2024, 6, 30), 36) == "month"
    assert report.choose_unit(date(2020, 2, 24), date(2026, 8, 4), 36) == "quarter"
    assert report.choose_unit(date(1950, 1, 1), date(2026, 1, 1), 36) == "year"


@given(st.dates(min_value=date(1949, 1, 1), max_value=date(2049, 12, 31)),
       st.sampled_from(["week", "month", "quarter", "year"]))
def test_buckets_match_duckdb_date_trunc(d, unit):
    expected = duckdb.execute("select date_trunc(?, ?::DATE)::DATE", [unit, d]).fetchone()[0]
    assert report.bucket_start(d, unit) == expected
    assert report.bucket_start(report.next_bucket(expected, unit), unit) == report.next_bucket(expected, unit)


def test_bucket_ranges_have_no_gaps():
    months = report.bucket_range(date(2022, 11, 13), date(2023, 2, 1), "month")
    assert [report.bucket_label(m, "month") for m in months] == ["2022-11", "2022-12", "2023-01", "2023-02"]
    assert report.bucket_label(date(2022, 10, 1), "quarter") == "2022Q4"
