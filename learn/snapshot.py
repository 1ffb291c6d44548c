"""Extraction outputs as JSON lines, for checking that a refactor changes nothing.

Two kinds of input, each dumped in full, one JSON object per dev line or per page:

- every dev line of the labelled data (learn.data's split), extracted as `make eval` does
  (learn/evaluate.py::dibao): per article, the people (name, titles, mentions, the rule that found
  each, evidence), meetings (kind, name, date, format, participants with roles and evidence), places,
  organisations, slogans and byline credits;
- every page of the folders given (by default ../shared/seeds and ../shared/eval/{local,xwlb,udn,pd1998}),
  run through a batch exactly as `dibao run` runs it (tasks.batch.process_batch, with the folder's
  manifest), dumping the rows of every extraction table.

Run it before and after a change and compare the two files with `cmp`: they must be identical.

    python -m learn.snapshot --out /tmp/before.jsonl
    python -m learn.snapshot --out /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from learn.data import DATA_FILE, read, split
from learn.evaluate import SHARED, line_articles
from tasks.batch import RawDocument, process_batch, subject_evidence
from tasks.extract import orgs, people, places, slogans
from tasks.ingest import parse_manifest
from tasks.meetings import extract_meetings

PAGE_DIRS = ("seeds", "eval/local", "eval/xwlb", "eval/udn", "eval/pd1998")
EXTRACTION_TABLES = ("article_people", "meetings", "meeting_participants", "places", "organisations", "slogans")
# A fixed clock: process_batch stamps rows with it, and the dump must not move with the time of day.
NOW = datetime(2000, 1, 1, tzinfo=timezone.utc)


def _plain(value):
    """JSON-ready: dates as ISO strings, tuples as lists."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def line_record(line_id: str, text: str) -> dict:
    """Everything extracted from a page holding this one line, article by article."""
    articles = []
    for d, ctx in line_articles(text):
        _, found = people.find_people(ctx)
        persons = people.extract_people(ctx)
        articles.append({
            "people": [[p.name, p.titles, p.mentions, found.rule.get(p.name), subject_evidence(ctx, p.name)]
                       for p in persons],
            "meetings": [[m.kind, m.name, m.meeting_date, m.format, m.participants, m.evidence,
                          sorted([*k, v] for k, v in m.participant_evidence.items())]
                         for m in extract_meetings(ctx, persons)],
            "places": [[e.text, e.kind, e.count] for e in places.extract_places(ctx)],
            "organisations": [[e.text, e.kind, e.count] for e in orgs.extract_organisations(ctx)],
            "slogans": [[e.text, e.kind, e.count] for e in slogans.extract_slogans(ctx)],
            "credits": d.credits,
        })
    return {"line": line_id, "articles": _plain(articles)}


def page_records(folder: Path, label: str):
    """One record per page of the folder: the rows of every extraction table a run makes of it."""
    manifest = folder / "manifest.csv"
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name != "manifest.csv" and not p.name.endswith(".md"))
    entries = {}
    if manifest.exists():
        entries, _ = parse_manifest(manifest.read_text(encoding="utf-8"), {p.name for p in files})
    for p in files:
        raw = RawDocument(doc_id=p.name, data=p.read_bytes(), manifest=entries.get(p.name), name=p.name)
        tables = process_batch([raw], version="snapshot", now=NOW)
        out = {"page": f"{label}/{p.name}"}
        for table in ("rejects", *EXTRACTION_TABLES):
            out[table] = _plain(tables[table].drop_columns(
                [c for c in ("seen_at",) if c in tables[table].column_names]).to_pylist())
        yield out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=DATA_FILE)
    ap.add_argument("--parts", default="dev,pages", help="dev, pages or both (comma-separated)")
    ap.add_argument("--pages", default=",".join(PAGE_DIRS), help="folders under ../shared, comma-separated")
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    n = 0
    with args.out.open("w", encoding="utf-8") as fh:
        if "dev" in parts:
            for e in split(read(args.data))[1]:
                fh.write(json.dumps(line_record(e.id, e.text), ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
        if "pages" in parts:
            for label in args.pages.split(","):
                for rec in page_records(SHARED / label, label):
                    fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True, default=str) + "\n")
                    n += 1
    print(f"{n} records -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
