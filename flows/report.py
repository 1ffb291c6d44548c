"""`dibao report`: one self-contained HTML page of charts over the warehouse.

The page needs no network: its data is a JSON block, and a small inline script draws SVG charts from it
(meeting timeline by region, top people, who appears with whom, slogans over time, articles per source).
Data is capped here (top N people, lanes, slogans, time buckets) so the page reads the same on five pages
and on thousands. Each chart draws an empty-state message when the warehouse has nothing for it.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from html import escape
from pathlib import Path

import duckdb

from flows.sql import SqlError, WarehouseMissing, one_line, open_for_query
from tasks.config import Settings

log = logging.getLogger(__name__)

NO_REGION = "（未注明地区）"
NO_SOURCE = "（未注明来源）"
OTHER_REGIONS = "其他地区"
MEETING_KINDS = ("meeting", "symposium", "inspection", "talks")
KIND_LABELS = {"meeting": "会议 meeting", "symposium": "座谈会 symposium", "inspection": "调研 inspection",
               "talks": "会见 talks"}
# Time buckets from fine to coarse, with their length in days (for choosing one) and DuckDB's name.
UNITS = (("week", 7), ("month", 30.44), ("quarter", 91.31), ("year", 365.25))
CJK_FONTS = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif'


@dataclass(frozen=True)
class Limits:
    """How much each chart shows, so the page stays legible on a large warehouse."""
    people: int = 25
    lanes: int = 15
    matrix: int = 16
    slogans: int = 15
    buckets: int = 36
    sources: int = 15


# ---------------------------------------------------------------- queries

SUMMARY_SQL = """
SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM rejects), (SELECT count(*) FROM articles),
       (SELECT count(DISTINCT person_id) FROM appearances), (SELECT count(*) FROM meetings),
       (SELECT count(DISTINCT name) FROM slogans),
       (SELECT min(published_date) FROM articles), (SELECT max(published_date) FROM articles),
       (SELECT max(run_id) FROM runs)
"""
TIMELINE_SQL = """
SELECT meeting_date, coalesce(region, ?) AS region, kind, coalesce(name, '') AS name
FROM meetings WHERE meeting_date IS NOT NULL
ORDER BY meeting_date, region, meeting_id
"""
UNDATED_MEETINGS_SQL = "SELECT count(*) FROM meetings WHERE meeting_date IS NULL"
PEOPLE_SQL = """
WITH s AS (SELECT person_id, count(DISTINCT article_id) AS articles, sum(mentions) AS mentions,
                  arg_max(titles, published_date) AS titles
           FROM appearances GROUP BY person_id),
     m AS (SELECT person_id, count(DISTINCT meeting_id) AS meetings,
                  count(DISTINCT meeting_id) FILTER (WHERE role = 'chair') AS chaired
           FROM meeting_people GROUP BY person_id)
SELECT p.name, coalesce(p.region, ?) AS region, s.articles, s.mentions,
       coalesce(m.meetings, 0) AS meetings, coalesce(m.chaired, 0) AS chaired, s.titles
FROM s JOIN people AS p USING (person_id) LEFT JOIN m USING (person_id)
ORDER BY s.articles DESC, meetings DESC, s.mentions DESC, p.name
LIMIT ?
"""
# Pairs over one kind of shared context: {table} has person_id, name and the {key} they share.
PAIRS_SQL = """
SELECT a.person_id AS id_a, b.person_id AS id_b, count(DISTINCT a.{key}) AS shared
FROM {table} AS a JOIN {table} AS b ON a.{key} = b.{key} AND a.person_id < b.person_id
GROUP BY ALL
"""
PERSON_LABELS_SQL = """
SELECT person_id, any_value(name) AS name, any_value(region) AS region FROM (
    SELECT person_id, name, coalesce(region, ?) AS region FROM people
    UNION ALL SELECT person_id, name, ? FROM meeting_participants)
GROUP BY person_id
"""
SLOGAN_SPAN_SQL = """
SELECT min(a.published_date), max(a.published_date)
FROM slogans AS s JOIN articles AS a USING (article_id) WHERE a.published_date IS NOT NULL
"""
SLOGAN_SQL = """
WITH per AS (
    SELECT s.name, date_trunc(?, a.published_date)::DATE AS bucket,
           count(DISTINCT a.article_id) AS articles, sum(s.count)::BIGINT AS mentions
    FROM slogans AS s JOIN articles AS a USING (article_id)
    WHERE a.published_date IS NOT NULL GROUP BY ALL),
top AS (
    SELECT name, sum(articles) AS total, sum(mentions) AS total_mentions FROM per GROUP BY name
    ORDER BY total DESC, total_mentions DESC, name LIMIT ?)
SELECT per.name, per.bucket, per.articles, top.total
FROM per JOIN top USING (name)
ORDER BY top.total DESC, top.total_mentions DESC, per.name, per.bucket
"""
SOURCES_SQL = """
SELECT coalesce(source, ?) AS source, count(*) AS articles, count(DISTINCT doc_id) AS pages,
       min(published_date) AS first_date, max(published_date) AS last_date
FROM articles GROUP BY ALL ORDER BY articles DESC, source LIMIT ?
"""


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def summary_data(con: duckdb.DuckDBPyConnection, warehouse: Path) -> dict:
    """Counts for the page header."""
    docs, rejects, articles, people, meetings, slogans, first, last, run_id = con.execute(SUMMARY_SQL).fetchone()
    return {"documents": docs, "rejects": rejects, "articles": articles, "people": people, "meetings": meetings,
            "slogans": slogans, "first_date": iso(first), "last_date": iso(last), "run_id": run_id,
            "warehouse": str(Path(warehouse).resolve()),
            "generated_at": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def lane_names(regions: list[str], max_lanes: int) -> list[str]:
    """The busiest regions get a lane each; the rest share one 'other' lane (listed last)."""
    counts: dict[str, int] = {}
    for r in regions:
        counts[r] = counts.get(r, 0) + 1
    ranked = sorted(counts, key=lambda r: (-counts[r], r))
    if len(ranked) <= max_lanes:
        return ranked
    return ranked[:max_lanes - 1] + [OTHER_REGIONS]


def timeline_data(con: duckdb.DuckDBPyConnection, limits: Limits) -> dict:
    """Dated meetings as [date, lane, kind, name], one lane per region."""
    rows = con.execute(TIMELINE_SQL, [NO_REGION]).fetchall()
    lanes = lane_names([r[1] for r in rows], limits.lanes)
    index = {name: i for i, name in enumerate(lanes)}
    other = index.get(OTHER_REGIONS)
    events = [[d.isoformat(), index.get(region, other), kind, name] for d, region, kind, name in rows]
    undated = con.execute(UNDATED_MEETINGS_SQL).fetchone()[0]
    return {"lanes": lanes, "events": events, "undated": undated, "kinds": list(MEETING_KINDS),
            "kind_labels": KIND_LABELS}


def people_data(con: duckdb.DuckDBPyConnection, limits: Limits) -> list[dict]:
    rows = con.execute(PEOPLE_SQL, [NO_REGION, limits.people]).fetchall()
    keys = ("name", "region", "articles", "mentions", "meetings", "chaired", "titles")
    return [dict(zip(keys, r)) for r in rows]


def pair_counts(con: duckdb.DuckDBPyConnection) -> tuple[str, list[tuple[str, str, int]]]:
    """Shared meetings when any meeting has two participants, else shared articles (as subjects)."""
    meeting_pairs = con.execute(PAIRS_SQL.format(table="meeting_people", key="meeting_id")).fetchall()
    if meeting_pairs:
        return "meeting", meeting_pairs
    return "article", con.execute(PAIRS_SQL.format(table="appearances", key="article_id")).fetchall()


def top_connected(pairs: list[tuple[str, str, int]], size: int) -> list[str]:
    """The people with the most shared appearances in total, strongest first."""
    degree: dict[str, int] = {}
    for a, b, n in pairs:
        degree[a] = degree.get(a, 0) + n
        degree[b] = degree.get(b, 0) + n
    return sorted(degree, key=lambda p: (-degree[p], p))[:size]


def person_labels(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[str]:
    """Names, with the region added where two chosen people share a name."""
    rows = con.execute(PERSON_LABELS_SQL, [NO_REGION, NO_REGION]).fetchall()
    known = {pid: (name, region) for pid, name, region in rows}
    names = [known.get(pid, (pid, NO_REGION)) for pid in ids]
    clash = {n for n, _ in names if sum(1 for m, _ in names if m == n) > 1}
    return [f"{n}（{r}）" if n in clash else n for n, r in names]


def network_data(con: duckdb.DuckDBPyConnection, limits: Limits) -> dict:
    """A symmetric matrix of shared meetings (or articles) among the most connected people."""
    basis, pairs = pair_counts(con)
    ids = top_connected(pairs, limits.matrix)
    pos = {pid: i for i, pid in enumerate(ids)}
    matrix: list[list[int | None]] = [[0] * len(ids) for _ in ids]
    for a, b, n in pairs:
        if a in pos and b in pos:
            matrix[pos[a]][pos[b]] = matrix[pos[b]][pos[a]] = n
    for i in range(len(ids)):
        matrix[i][i] = None
    return {"basis": basis, "labels": person_labels(con, ids), "matrix": matrix}


def choose_unit(first: date, last: date, max_buckets: int) -> str:
    """The finest time bucket that keeps the span within max_buckets columns."""
    days = (last - first).days + 1
    for unit, length in UNITS:
        if days / length <= max_buckets:
            return unit
    return UNITS[-1][0]


def bucket_start(d: date, unit: str) -> date:
    """Same as DuckDB's date_trunc(unit, d)."""
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    if unit == "quarter":
        return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    return date(d.year, 1, 1)


def next_bucket(d: date, unit: str) -> date:
    if unit == "week":
        return d + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def bucket_range(first: date, last: date, unit: str) -> list[date]:
    """Every bucket from first's to last's, gaps included, so the time axis is even."""
    out, d = [], bucket_start(first, unit)
    while d <= last:
        out.append(d)
        d = next_bucket(d, unit)
    return out


def bucket_label(d: date, unit: str) -> str:
    if unit == "year":
        return str(d.year)
    if unit == "quarter":
        return f"{d.year}Q{(d.month - 1) // 3 + 1}"
    if unit == "month":
        return f"{d.year}-{d.month:02d}"
    return d.isoformat()


def slogan_data(con: duckdb.DuckDBPyConnection, limits: Limits) -> dict:
    """Articles naming each top slogan per time bucket."""
    first, last = con.execute(SLOGAN_SPAN_SQL).fetchone()
    if first is None:
        return {"unit": None, "buckets": [], "labels": [], "matrix": []}
    unit = choose_unit(first, last, limits.buckets)
    buckets = bucket_range(first, last, unit)
    col = {b: i for i, b in enumerate(buckets)}
    rows: dict[str, list[int]] = {}
    for name, bucket, articles, _total in con.execute(SLOGAN_SQL, [unit, limits.slogans]).fetchall():
        rows.setdefault(name, [0] * len(buckets))[col[bucket]] = articles
    return {"unit": unit, "buckets": [bucket_label(b, unit) for b in buckets], "labels": list(rows),
            "matrix": list(rows.values())}


def source_data(con: duckdb.DuckDBPyConnection, limits: Limits) -> list[dict]:
    rows = con.execute(SOURCES_SQL, [NO_SOURCE, limits.sources]).fetchall()
    return [{"source": s, "articles": n, "pages": p, "first": iso(f), "last": iso(l)} for s, n, p, f, l in rows]


def gather(con: duckdb.DuckDBPyConnection, warehouse: Path, limits: Limits = Limits()) -> dict:
    """Everything the page shows, as JSON-ready values."""
    return {"summary": summary_data(con, warehouse), "timeline": timeline_data(con, limits),
            "people": people_data(con, limits), "network": network_data(con, limits),
            "slogans": slogan_data(con, limits), "sources": source_data(con, limits)}


# ---------------------------------------------------------------- the page

CSS = """
:root { --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --bg: #f5f7fa; --accent: #2f6fab; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.5 %(fonts)s; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 20px 32px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 14px; }
.card { background: var(--bg); border-radius: 6px; padding: 6px 14px; min-width: 96px; }
.card b { display: block; font-size: 20px; }
.card span { color: var(--muted); font-size: 12px; }
nav { margin-top: 12px; font-size: 13px; }
nav a { color: var(--accent); margin-right: 14px; text-decoration: none; }
main { max-width: 1040px; margin: 0 auto; padding: 8px 16px 40px; }
section.chart { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px;
                margin: 16px 0; }
section.chart h2 { font-size: 17px; margin: 0 0 2px; }
.note { color: var(--muted); font-size: 13px; margin: 0 0 10px; }
.empty { padding: 28px; text-align: center; color: var(--muted); border: 1px dashed #cbd2d9; border-radius: 6px; }
svg { width: 100%%; height: auto; display: block; font-family: %(fonts)s; }
svg text { fill: var(--ink); font-size: 12px; }
svg .muted { fill: var(--muted); }
svg .axis { stroke: #9aa5b1; }
svg .gridline { stroke: var(--line); }
svg .mark:hover { opacity: 1; stroke: var(--ink); }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 16px; }
""" % {"fonts": CJK_FONTS}

# Draws every <section data-chart> from the JSON block. Marks carry class "mark" and each section gets
# data-marks="N" (or data-empty="true"), which the Chromium test reads back from the rendered DOM.
JS = r"""
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var W = 960;
  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var KIND_COLORS = {meeting: "#2f6fab", symposium: "#e08a1e", inspection: "#3b9c5a", talks: "#b8457a"};

  function el(name, attrs, parent, text) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function tip(node, text) { el("title", {}, node, text); return node; }
  function textWidth(s, size) {
    var w = 0;
    for (var i = 0; i < s.length; i++) { w += s.charCodeAt(i) >= 0x2e80 ? size : size * 0.6; }
    return w;
  }
  function clip(s, size, max) {
    if (textWidth(s, size) <= max) { return s; }
    while (s.length > 1 && textWidth(s + "…", size) > max) { s = s.slice(0, -1); }
    return s + "…";
  }
  function niceTicks(max, n) {
    if (max <= 0) { return [0, 1]; }
    var raw = max / n, step = Math.pow(10, Math.floor(Math.log10(raw))), err = raw / step;
    step *= err >= 7.5 ? 10 : err >= 3.5 ? 5 : err >= 1.5 ? 2 : 1;
    step = Math.max(1, step);
    var ticks = [];
    for (var v = 0; v < max + step; v += step) { ticks.push(v); }
    return ticks;
  }
  function plot(section) { return section.querySelector(".plot"); }
  function svgFor(section, height) {
    return el("svg", {viewBox: "0 0 " + W + " " + height, role: "img",
                      "aria-label": section.querySelector("h2").textContent}, plot(section));
  }
  function empty(section, message) {
    var d = document.createElement("div");
    d.className = "empty";
    d.textContent = message;
    plot(section).appendChild(d);
    section.setAttribute("data-empty", "true");
  }
  function done(section, svg) {
    section.setAttribute("data-marks", String(svg.querySelectorAll(".mark").length));
  }
  function maxOf(list) { return list.reduce(function (a, b) { return Math.max(a, b); }, 0); }
  function shade(v, max) {
    if (!v) { return "#f5f7fa"; }
    var t = v / max, lo = [214, 228, 242], hi = [23, 73, 128];
    var c = lo.map(function (l, i) { return Math.round(l + (hi[i] - l) * t); });
    return "rgb(" + c.join(",") + ")";
  }

  // Horizontal bars: rows [{label, sub, value, tip}] with a value axis.
  function bars(section, spec) {
    var rows = spec.rows;
    if (!rows.length) { return empty(section, spec.empty); }
    var size = 13, rowH = 24, top = 8;
    var labelW = Math.min(300, maxOf(rows.map(function (r) {
      return textWidth(r.label + (r.sub ? "  " + r.sub : ""), size); })) + 10);
    var left = labelW + 12, right = 48, h = top + rows.length * rowH + 44;
    var svg = svgFor(section, h);
    var ticks = niceTicks(maxOf(rows.map(function (r) { return r.value; })), 6);
    var top_v = ticks[ticks.length - 1];
    var x = function (v) { return left + (v / top_v) * (W - left - right); };
    var bottom = top + rows.length * rowH;
    ticks.forEach(function (t) {
      el("line", {x1: x(t), x2: x(t), y1: top, y2: bottom, "class": "gridline"}, svg);
      el("text", {x: x(t), y: bottom + 16, "text-anchor": "middle", "class": "muted"}, svg, String(t));
    });
    el("line", {x1: left, x2: left, y1: top, y2: bottom, "class": "axis"}, svg);
    el("text", {x: (left + W - right) / 2, y: bottom + 36, "text-anchor": "middle"}, svg, spec.xLabel);
    rows.forEach(function (r, i) {
      var y = top + i * rowH;
      var label = el("text", {x: left - 8, y: y + rowH / 2 + 4, "text-anchor": "end", "font-size": size}, svg);
      el("tspan", {}, label, clip(r.label, size, labelW - (r.sub ? textWidth(r.sub, 11) + 8 : 0)));
      if (r.sub) { el("tspan", {"class": "muted", "font-size": 11, dx: 6}, label, r.sub); }
      var bar = el("rect", {x: left, y: y + 4, width: Math.max(1, x(r.value) - left), height: rowH - 8,
                            fill: spec.color || "#2f6fab", "class": "mark", opacity: 0.9}, svg);
      tip(bar, r.tip || (r.label + ": " + r.value));
      el("text", {x: x(r.value) + 4, y: y + rowH / 2 + 4, "class": "muted"}, svg, String(r.value));
    });
    done(section, svg);
  }

  function monthsBetween(a, b) {
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  }
  function timeTicks(t0, t1) {
    var d0 = new Date(t0), d1 = new Date(t1), span = monthsBetween(d0, d1), ticks = [];
    if (span < 2) {
      var step = 7 * 86400000;
      for (var t = t0; t <= t1; t += step) { ticks.push([t, new Date(t).toISOString().slice(5, 10)]); }
      return ticks;
    }
    var steps = [1, 2, 3, 6, 12, 24, 60], k = steps.find(function (s) { return span / s <= 10; }) || 120;
    var d = new Date(Date.UTC(d0.getUTCFullYear(), k >= 12 ? 0 : d0.getUTCMonth() - d0.getUTCMonth() % k, 1));
    if (d.getTime() < t0) { d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1)); }
    for (; d.getTime() <= t1; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1))) {
      var label = k >= 12 ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 7);
      ticks.push([d.getTime(), label]);
    }
    return ticks;
  }

  // One lane per region, one dot per dated meeting, coloured by kind.
  function timeline(section, spec) {
    var events = spec.events;
    if (!events.length) {
      return empty(section, "No dated meetings in this warehouse yet · 暂无会议数据" +
                   (spec.undated ? " (" + spec.undated + " meetings have no date)" : ""));
    }
    var size = 13, laneH = 28, top = 8;
    var labelW = Math.min(220, maxOf(spec.lanes.map(function (l) { return textWidth(l, size); })) + 40);
    var left = labelW + 12, right = 24, bottom = top + spec.lanes.length * laneH, h = bottom + 72;
    var times = events.map(function (e) { return Date.parse(e[0]); });
    var t0 = Math.min.apply(null, times), t1 = Math.max.apply(null, times);
    if (t1 - t0 < 30 * 86400000) { t0 -= 15 * 86400000; t1 += 15 * 86400000; }
    var inset = 8;   // keeps dots at the ends of the span clear of the lane labels and the edge
    var x = function (t) { return left + inset + (t - t0) / (t1 - t0) * (W - left - right - 2 * inset); };
    var svg = svgFor(section, h);
    var perLane = spec.lanes.map(function () { return 0; });
    events.forEach(function (e) { perLane[e[1]] += 1; });
    spec.lanes.forEach(function (lane, i) {
      var y = top + i * laneH;
      if (i % 2 === 0) { el("rect", {x: left, y: y, width: W - left - right, height: laneH, fill: "#f5f7fa"}, svg); }
      var label = el("text", {x: left - 8, y: y + laneH / 2 + 4, "text-anchor": "end", "font-size": size}, svg);
      el("tspan", {}, label, clip(lane, size, labelW - 40));
      el("tspan", {"class": "muted", "font-size": 11, dx: 6}, label, String(perLane[i]));
    });
    timeTicks(t0, t1).forEach(function (tk) {
      el("line", {x1: x(tk[0]), x2: x(tk[0]), y1: top, y2: bottom, "class": "gridline"}, svg);
      el("text", {x: x(tk[0]), y: bottom + 16, "text-anchor": "middle", "class": "muted"}, svg, tk[1]);
    });
    el("line", {x1: left, x2: W - right, y1: bottom, y2: bottom, "class": "axis"}, svg);
    el("text", {x: (left + W - right) / 2, y: bottom + 36, "text-anchor": "middle"}, svg, "Meeting date · 会议日期");
    events.forEach(function (e, i) {
      var y = top + e[1] * laneH + laneH / 2 + ((i % 3) - 1) * 5;
      var dot = el("circle", {cx: x(Date.parse(e[0])), cy: y, r: 5, fill: KIND_COLORS[e[2]] || "#7b8794",
                              opacity: 0.75, stroke: "#fff", "stroke-width": 1, "class": "mark"}, svg);
      tip(dot, e[0] + "  " + spec.lanes[e[1]] + "  " + (spec.kind_labels[e[2]] || e[2]) + (e[3] ? "  " + e[3] : ""));
    });
    var lx = left;
    spec.kinds.forEach(function (k) {
      el("circle", {cx: lx + 5, cy: bottom + 56, r: 5, fill: KIND_COLORS[k]}, svg);
      var t = el("text", {x: lx + 14, y: bottom + 60}, svg, spec.kind_labels[k] || k);
      lx += 24 + textWidth(spec.kind_labels[k] || k, 12);
    });
    done(section, svg);
  }

  // A grid of shaded cells: rows x cols with counts (null cells are left blank).
  function grid(section, spec) {
    var total = spec.matrix.reduce(function (a, row) {
      return a + row.reduce(function (b, v) { return b + (v || 0); }, 0); }, 0);
    if (!spec.rows.length || !total) { return empty(section, spec.empty); }
    var size = 12, n = spec.cols.length;
    var labelW = Math.min(260, maxOf(spec.rows.map(function (l) { return textWidth(l, size); })) + 10);
    var left = labelW + 12, right = 16;
    var cw = Math.min(spec.square ? 40 : 48, (W - left - right) / n);
    var ch = spec.square ? cw : Math.max(18, Math.min(26, cw));
    var colW = Math.min(160, maxOf(spec.cols.map(function (l) { return textWidth(l, size); })));
    var top = colW * 0.71 + 16, h = top + spec.rows.length * ch + 40;
    var svg = svgFor(section, h);
    var every = Math.max(1, Math.ceil(14 / cw));
    spec.cols.forEach(function (c, j) {
      if (j % every) { return; }
      var cx = left + j * cw + cw / 2;
      el("text", {x: cx, y: top - 6, transform: "rotate(-45 " + cx + " " + (top - 6) + ")", "font-size": size},
         svg, clip(c, size, 160));
    });
    var max = maxOf(spec.matrix.map(function (row) { return maxOf(row.map(function (v) { return v || 0; })); }));
    spec.rows.forEach(function (r, i) {
      var y = top + i * ch;
      el("text", {x: left - 8, y: y + ch / 2 + 4, "text-anchor": "end", "font-size": size}, svg, clip(r, size, labelW));
      spec.matrix[i].forEach(function (v, j) {
        if (v === null) {
          el("rect", {x: left + j * cw, y: y, width: cw - 1, height: ch - 1, fill: "#fff", stroke: "#e4e7eb"}, svg);
          return;
        }
        var cell = el("rect", {x: left + j * cw, y: y, width: cw - 1, height: ch - 1, fill: shade(v, max),
                               "class": v ? "mark" : "cell"}, svg);
        tip(cell, r + " · " + spec.cols[j] + ": " + v);
        if (v && cw >= 16) {
          el("text", {x: left + j * cw + cw / 2, y: y + ch / 2 + 4, "text-anchor": "middle", "font-size": 11,
                      style: "fill:" + (v / max > 0.5 ? "#fff" : "#1f2933")}, svg, String(v));
        }
      });
    });
    var by = top + spec.rows.length * ch + 22;
    el("text", {x: left, y: by}, svg, spec.xLabel);
    var lx = W - right - 150;
    [0.15, 0.4, 0.7, 1].forEach(function (t, k) {
      el("rect", {x: lx + 60 + k * 22, y: by - 11, width: 20, height: 14, fill: shade(t * max, max)}, svg);
    });
    el("text", {x: lx + 54, y: by, "text-anchor": "end", "class": "muted"}, svg, "1");
    el("text", {x: lx + 150, y: by, "class": "muted"}, svg, String(max));
    done(section, svg);
  }

  function draw(name, fn) {
    var section = document.querySelector('section[data-chart="' + name + '"]');
    try { fn(section); } catch (err) {
      empty(section, "This chart could not be drawn: " + err);
      section.setAttribute("data-error", String(err));
    }
  }

  draw("timeline", function (s) { timeline(s, DATA.timeline); });
  draw("people", function (s) {
    bars(s, {empty: "No people named as subjects yet · 暂无人物数据", xLabel: "Articles naming the person · 报道篇数",
      rows: DATA.people.map(function (p) {
        return {label: p.name, sub: p.region, value: p.articles,
                tip: p.name + " (" + p.region + "): " + p.articles + " articles, " + p.mentions + " mentions, " +
                     p.meetings + " meetings (" + p.chaired + " chaired)" +
                     (p.titles && p.titles.length ? "\n" + p.titles.join("、") : "")};
      })});
  });
  draw("network", function (s) {
    var n = DATA.network;
    grid(s, {rows: n.labels, cols: n.labels, matrix: n.matrix, square: true,
             empty: "No two people appear together yet · 暂无同场人物",
             xLabel: n.basis === "meeting" ? "Shared meetings · 共同出席会议次数" : "Articles naming both · 同篇报道篇数"});
  });
  draw("slogans", function (s) {
    var d = DATA.slogans;
    grid(s, {rows: d.labels, cols: d.buckets, matrix: d.matrix,
             empty: "No dated slogans yet · 暂无提法数据",
             xLabel: "Articles naming the slogan, per " + (d.unit || "period") + " · 每期报道篇数"});
  });
  draw("sources", function (s) {
    bars(s, {empty: "No articles yet · 暂无文章", xLabel: "Articles · 文章篇数", color: "#3b9c5a",
      rows: DATA.sources.map(function (r) {
        return {label: r.source, value: r.articles,
                tip: r.source + ": " + r.articles + " articles on " + r.pages + " pages" +
                     (r.first ? ", " + r.first + " – " + r.last : "")};
      })});
  });
  document.body.setAttribute("data-drawn", "true");
})();
"""

SECTIONS = (
    ("timeline", "Meetings by region over time · 各地会议时间线",
     "One dot per dated meeting, symposium, inspection or talks; one lane per region (the busiest regions; "
     "the rest share the last lane). Hover a dot for its date and name."),
    ("people", "Top people by appearances · 人物出现次数",
     "People named as the subject of articles (bylines excluded), by the number of articles naming them; "
     "the grey text is the region they are keyed to. Hover for titles and meetings."),
    ("network", "Who appears with whom · 同场人物矩阵",
     "The most connected people; each cell counts the meetings both took part in (or, while no meeting "
     "has two known participants, the articles naming both)."),
    ("slogans", "Slogan frequency over time · 提法热度",
     "The slogans named in the most articles; each cell counts the articles naming the slogan in that period."),
    ("sources", "Articles per source · 各来源文章数", "Articles per paper or site."),
)


def script_json(data: dict) -> str:
    """JSON safe inside <script>: no '</script>' or '<!--' can close or confuse the block."""
    text = json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def header_html(s: dict) -> str:
    cards = [("documents", "pages · 页面"), ("articles", "articles · 文章"), ("people", "people · 人物"),
             ("meetings", "meetings · 会议"), ("slogans", "slogans · 提法"), ("rejects", "rejected files")]
    period = f"{s['first_date']} – {s['last_date']}" if s["first_date"] else "no dated articles"
    html = "".join(f'<div class="card"><b>{s[k]}</b><span>{escape(label)}</span></div>' for k, label in cards)
    nav = "".join(f'<a href="#{key}">{escape(title.split(" · ")[0])}</a>' for key, title, _ in SECTIONS)
    return (f"<header><h1>dibao 邸报 · warehouse report</h1>"
            f"<p>{escape(period)} · run {escape(str(s['run_id'] or '—'))} · generated {escape(s['generated_at'])}</p>"
            f'<div class="cards">{html}</div><nav>{nav}</nav></header>')


def render_html(data: dict) -> str:
    """The whole page: styles, data and script inline; nothing is fetched."""
    sections = "".join(
        f'<section class="chart" id="{key}" data-chart="{key}"><h2>{escape(title)}</h2>'
        f'<p class="note">{escape(note)}</p><div class="plot"></div></section>'
        for key, title, note in SECTIONS)
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>dibao report</title><style>{CSS}</style></head><body>"
        f"{header_html(data['summary'])}<main>"
        "<noscript><p class=\"empty\">The charts are drawn by a small inline script: enable JavaScript "
        "to see them (the page loads nothing from the network).</p></noscript>"
        f"{sections}</main>"
        f"<footer>Warehouse: {escape(data['summary']['warehouse'])}</footer>"
        f'<script type="application/json" id="report-data">{script_json(data)}</script>'
        f"<script>{JS}</script></body></html>\n")


def write_report(warehouse: Path, out: Path, limits: Limits = Limits(), as_of: str | None = None) -> dict:
    """Read the warehouse (as of a run or a time, when given) and write the page; returns the data it shows."""
    con = open_for_query(str(warehouse), as_of)
    try:
        data = gather(con, warehouse, limits)
    except duckdb.Error as exc:
        raise SqlError(one_line(str(exc)), "is this warehouse built by this version of dibao? "
                                           "run `dibao run --warehouse DIR` again") from exc
    finally:
        con.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(render_html(data), encoding="utf-8")
    tmp.replace(out)
    return data


def cmd_report(args: argparse.Namespace) -> int:
    """0 written, 1 the warehouse could not be read, 2 no warehouse or an unwritable output."""
    out = Path(args.out)
    try:
        data = write_report(args.warehouse, out, Limits(people=args.top), as_of=args.as_of)
    except SqlError as exc:
        print(f"dibao report: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"dibao report: hint: {exc.hint}", file=sys.stderr)
        return 2 if isinstance(exc, WarehouseMissing) else 1
    except OSError as exc:
        print(f"dibao report: could not write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    s = data["summary"]
    print(f"dibao report: wrote {out} ({s['articles']} articles, {s['people']} people, {s['meetings']} meetings)")
    return 0


def add_report_parser(subparsers) -> argparse.ArgumentParser:
    """Register `dibao report` on the CLI's subparsers."""
    defaults = Settings()
    p = subparsers.add_parser("report", help="write a self-contained HTML report of charts",
                              description="Write one self-contained HTML file of charts over the warehouse.")
    p.add_argument("--warehouse", default=str(defaults.warehouse_dir), help="warehouse folder (default: %(default)s)")
    p.add_argument("--out", default="report.html", help="HTML file to write (default: %(default)s)")
    p.add_argument("--as-of", metavar="RUN_ID|TIME", help="report the warehouse as it was after that run, or at that time")
    p.add_argument("--top", type=int, default=Limits.people,
                   help="people in the top-people chart (default: %(default)s)")
    p.set_defaults(func=cmd_report)
    return p
