"""The data dictionary: every view and column of dibao.duckdb, generated from the declared schemas.

Column names and types come from the Arrow schemas the pipeline writes with (tasks.tables.BATCH_SCHEMAS,
warehouse.build.PEOPLE_SCHEMA and RUNS_SCHEMA) and, for the derived views, from running
warehouse/views.sql over empty tables of those schemas: nothing here is typed twice, so the dictionary
cannot drift from the warehouse. Only the one-line descriptions are written by hand, below; a column
without one is listed by `missing_descriptions()` (and fails tests/test_dictionary.py).

    python -m warehouse.dictionary                              # Markdown on standard output
    python -m warehouse.dictionary --out docs/data-dictionary.md
    python -m warehouse.dictionary --check docs/data-dictionary.md   # exit 1 when the file is stale
"""
from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from tasks.tables import BATCH_SCHEMAS
from warehouse.build import PEOPLE_SCHEMA, RUNS_SCHEMA, VIEWS_SQL

log = logging.getLogger(__name__)

# The views ../shared/CONTRACT.md promises (renaming or dropping their columns needs a migration note).
CONTRACT_VIEWS = ("documents", "rejects", "articles", "article_people", "people", "meetings",
                  "meeting_participants", "tokens")

VIEW_DESCRIPTIONS: dict[str, str] = {
    "documents": "One row per input file that was read as a page.",
    "rejects": "One row per input file that was not read, with the reason.",
    "articles": "One row per article; a page (document) holds one or more articles.",
    "article_people": "One row per person named in an article and role (subject or byline credit).",
    "people": "One row per person (a name within a region), aggregated over all articles at publish time.",
    "meetings": "One row per event an article reports: meeting, symposium, inspection or talks.",
    "meeting_participants": "One row per person and role at a meeting; a person who chairs and speaks has two rows.",
    "places": "Places an article names, one row per article and place.",
    "organisations": "Organisations an article names, one row per article and organisation.",
    "slogans": "Slogans and set formulas an article quotes, one row per article and slogan.",
    "tokens": "The segmented words of each article's title and body, in order.",
    "runs": "One row per `dibao run` on this warehouse.",
    "meeting_people": "Derived: meeting_participants joined to their meeting (date, kind, region beside each row).",
    "appearances": "Derived: people named as subjects (bylines excluded) with their article's date, source and region.",
}

# Columns that mean the same wherever they appear; a view's own entry below takes precedence.
SHARED_COLUMNS: dict[str, str] = {
    "doc_id": ("Path of the page relative to the input folder (documents.doc_id); `source/path` when another "
               "source already holds that path."),
    "source_name": "The source the page came from: `dibao run --source NAME`, default the input folder's name.",
    "article_id": "Stable id of the article: a hash of doc_id and its position on the page (articles.article_id).",
    "person_id": "Stable id of the person: a hash of name and region (people.person_id).",
    "meeting_id": "Stable id of the meeting: a hash of article_id and its order in the article (meetings.meeting_id).",
}

_ENTITY = {
    "count": "Times the article names it.",
}

COLUMN_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "documents": {
        "sha256": "SHA-256 of the raw file; a new hash means the page is processed again.",
        "encoding": "Encoding the bytes were decoded from (utf-8, gb18030, big5, utf-16…).",
        "script": "Script of the page before conversion: simplified, traditional or mixed.",
        "char_count": "Characters of the decoded page.",
        "size_bytes": "Size of the raw file in bytes.",
        "article_count": "Articles the page was split into.",
        "published": ("The manifest's `published` as written (YYYY or YYYY-MM-DD), else an HTML page's own "
                      "publication date; null when neither says."),
        "source": "The manifest's source (paper or site), else an HTML page's 来源; null when not given.",
        "region": "The manifest's region (county, district…); null when not given.",
        "note": "What decoding had to repair or guess, for a person to check; null when nothing.",
        "pipeline_version": "Version of the rules that produced the rows (code version + hash of tasks/data).",
        "ingested_at": "When the run that read this version of the page started (UTC).",
    },
    "rejects": {
        "path": "Path of the file relative to the input folder.",
        "reason": "Why it was not read, as a sentence a person can act on.",
        "size_bytes": "Size of the file in bytes; null when it could not be read at all.",
        "sha256": "SHA-256 of the file; null when it could not be read at all.",
        "seen_at": "When the run that rejected it started (UTC).",
    },
    "articles": {
        "seq": "Order of the article on its page, from 0.",
        "title": "Main title (主题); the lead sentence when the page had none (see title_from_lead).",
        "subtitle": "Deck lines below the title (副题), often who chaired and attended; null when none.",
        "kicker": "Line above the title (引题); null when none.",
        "byline": "The byline as written (本报讯（记者…）); null when none.",
        "source": "Outlet named in the byline or page header, else the manifest's source; null when unknown.",
        "region": "Region of the page, from the manifest; null when not given.",
        "published_date": ("Publication date: page date line, else manifest date, else the lead's first date; "
                           "null when unknown."),
        "body": "Article text without headline, byline and credits; cleaned and in simplified characters.",
        "char_count": "Characters of body.",
        "title_from_lead": "True when the page gave no title and the lead sentence stands in for it.",
        "url": ("Address of the article's page: the manifest's url, else an HTML page's canonical/og:url, else a "
                "trailing source line of the text (查看原文, 网址：, 原文链接：); null when unknown."),
    },
    "article_people": {
        "name": "Name as written, OCR spaces removed.",
        "titles": "Titles written beside the name in this article, whole (市委书记, 某某公司总经理…).",
        "posts": ("Each title reduced to its post: without the firm, school or society that holds it (某某公司总经理 "
                  "-> 总经理); a party or government title stays whole (县委办公室主任). Null in rows written before "
                  "the column existed; empty for bylines."),
        "role": "subject (the article is about them), reporter, photographer or editor (byline credits).",
        "mentions": "Times the article names the person.",
        "region": "Region the person is keyed to: 全国 for national office holders, else the page's region.",
        "evidence": "The sentence of the article the row was read from (the byline for credits): what to cite.",
    },
    "people": {
        "name": "Name.",
        "region": "Region the person is keyed to: 全国 for national office holders, else the page's region.",
        "titles": "Every title seen beside the name, sorted.",
        "posts": "Every post seen (article_people.posts), sorted.",
        "roles": "Every role the person had in article_people (subject, reporter…), sorted.",
        "article_count": "Articles naming the person, in any role.",
        "mention_count": "Times named, over all articles.",
        "first_seen": "Earliest publication date of an article naming the person; null when none is dated.",
        "last_seen": "Latest publication date of an article naming the person; null when none is dated.",
    },
    "meetings": {
        "kind": "meeting (会议/全会/调度会), symposium (座谈会), inspection (调研/考察/视察/督导) or talks (会见/会谈/通话).",
        "name": "Name of the meeting as written (e.g. …工作会议); null when the article gives none.",
        "meeting_date": "Date it was held; null when the article does not say.",
        "region": "Region of the page that reports it.",
        "format": "How it was held when said (电视电话会议, 视频会议…); null otherwise.",
        "evidence": "The sentence of the article that reports the event.",
    },
    "meeting_participants": {
        "name": "Name as written.",
        "role": "chair, speaker or attendee.",
        "evidence": "The sentence the role was read from (…主持, …讲话, …出席).",
    },
    "places": {"name": "Place name as written (重庆市, 永川区, a venue…).",
               "kind": "Kind of place: province, city, district, county, town, street, village, venue, country…",
               **_ENTITY},
    "organisations": {"name": "Organisation name as written.",
                      "kind": "Kind: party, government, committee, legislature, company or other.",
                      **_ENTITY},
    "slogans": {"name": "The slogan as written (两个维护, 外防输入、内防反弹…).",
                "kind": "numbered (两个…/四个…), policy (a set policy phrase) or enumeration (a parallel list).",
                **_ENTITY},
    "tokens": {
        "position": "Order of the token in the article (title tokens first, then body).",
        "token": "The word.",
        "pos": "Part-of-speech tag (jieba's tag set: n, v, ns, nr…); null when unknown.",
        "field": "Where the token is: title or body.",
    },
    "runs": {
        "run_id": "Id of the run: its start time and a random suffix.",
        "started_at": "When the run started (UTC).",
        "finished_at": "When it ended (UTC).",
        "status": "completed, failed, or removed (dibao remove-source).",
        "input_dir": "The input folder.",
        "runner": "Where batch tasks ran: thread, process or dask.",
        "pipeline_version": "Version of the rules the run used.",
        "documents_seen": "Files found in the input folder.",
        "documents_new": "Files not seen before.",
        "documents_changed": "Files whose content changed since the last run.",
        "documents_skipped": "Files unchanged since the last run (not reprocessed).",
        "documents_deleted": "Files gone from the input folder (their rows were removed).",
        "rejects": "Rows in rejects after the run.",
        "articles": "Rows in articles after the run.",
        "tokens": "Rows in tokens after the run.",
        "seconds": "Wall-clock duration of the run.",
        "message": "Why the run failed; empty when it completed.",
        "snapshot": "The lake snapshot the run committed (what `dibao sql --as-of RUN_ID` reads); null for a failed run.",
        "source_name": "The source the run read (or removed, status removed).",
    },
    "meeting_people": {
        "kind": "Kind of meeting (see meetings.kind).",
        "meeting_name": "Name of the meeting (meetings.name).",
        "meeting_date": "Date it was held (meetings.meeting_date).",
        "region": "Region of the page that reports it (meetings.region).",
        "format": "How it was held (meetings.format).",
        "name": "Participant's name (meeting_participants.name).",
        "role": "chair, speaker or attendee (meeting_participants.role).",
    },
    "appearances": {
        "name": "Name (article_people.name).",
        "titles": "Titles beside the name in this article (article_people.titles).",
        "posts": "The titles reduced to their posts (article_people.posts).",
        "mentions": "Times the article names the person (article_people.mentions).",
        "title": "The article's title (articles.title).",
        "region": "Region of the page (articles.region); the person's own key region is people.region.",
        "source": "The article's source (articles.source).",
        "published_date": "The article's publication date (articles.published_date).",
    },
}

UNDOCUMENTED = "(no description yet: add one in warehouse/dictionary.py)"


@dataclass(frozen=True)
class Column:
    name: str
    type: str              # as DuckDB shows it (VARCHAR, DATE, VARCHAR[]…)
    nullable: bool | None  # from the Arrow schema; None for derived views
    description: str


def declared_schemas() -> dict[str, pa.Schema]:
    """Every table the pipeline writes, by view name, in publish order."""
    return {**BATCH_SCHEMAS, "people": PEOPLE_SCHEMA, "runs": RUNS_SCHEMA}


def describe(con: duckdb.DuckDBPyConnection, view: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in con.execute(f'DESCRIBE "{view}"').fetchall()]


def duckdb_columns(schemas: dict[str, pa.Schema]) -> dict[str, list[tuple[str, str]]]:
    """(column, DuckDB type) of every view: base views over empty tables, then views.sql's derived views."""
    con = duckdb.connect()
    try:
        for name, schema in schemas.items():
            con.register("empty_arrow", schema.empty_table())
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM empty_arrow')
            con.unregister("empty_arrow")
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        views = [r[0] for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name").fetchall()]
        derived = [v for v in views if v not in schemas]
        return {v: describe(con, v) for v in [*schemas, *derived]}
    finally:
        con.close()


def description(view: str, column: str) -> str | None:
    return COLUMN_DESCRIPTIONS.get(view, {}).get(column) or SHARED_COLUMNS.get(column)


def dictionary() -> dict[str, list[Column]]:
    """Every view's columns with type, nullability and description."""
    schemas = declared_schemas()
    out = {}
    for view, cols in duckdb_columns(schemas).items():
        schema = schemas.get(view)
        out[view] = [Column(name, typ, schema.field(name).nullable if schema is not None else None,
                            description(view, name) or UNDOCUMENTED) for name, typ in cols]
    return out


def missing_descriptions() -> list[str]:
    """`view.column` for every column without a description, and views without one."""
    missing = [f"{v}.{c.name}" for v, cols in dictionary().items() for c in cols if c.description == UNDOCUMENTED]
    return missing + [v for v in dictionary() if v not in VIEW_DESCRIPTIONS]


def stale_descriptions() -> list[str]:
    """Descriptions of views or columns that no longer exist (left behind by a rename)."""
    cols = {v: {c.name for c in cs} for v, cs in dictionary().items()}
    stale = [f"{v}.{c}" for v, described in COLUMN_DESCRIPTIONS.items() for c in described
             if c not in cols.get(v, set())]
    return stale + [v for v in VIEW_DESCRIPTIONS if v not in cols]


def cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown() -> str:
    """docs/data-dictionary.md."""
    lines = ["# Data dictionary", "",
             "Generated by `python -m warehouse.dictionary --out docs/data-dictionary.md` from the declared",
             "Arrow schemas (`tasks/batch.py`, `warehouse/build.py`) and `warehouse/views.sql`; edit the",
             "descriptions in `warehouse/dictionary.py`, never this file.",
             "",
             "Views marked *contract* are promised by CONTRACT.md: their columns are not renamed or dropped",
             "without a migration note. Null? is `no` where the pipeline never writes a null.", "",
             "| view | what a row is | status |", "|---|---|---|"]
    views = dictionary()
    for view in views:
        tag = "contract" if view in CONTRACT_VIEWS else ("derived" if view not in declared_schemas() else "")
        lines.append(f"| [`{view}`](#{view}) | {cell(VIEW_DESCRIPTIONS.get(view, ''))} | {tag} |")
    for view, cols in views.items():
        lines += ["", f"## {view}", "", VIEW_DESCRIPTIONS.get(view, ""), "",
                  "| column | type | null? | description |", "|---|---|---|---|"]
        for c in cols:
            null = "" if c.nullable is None else ("yes" if c.nullable else "no")
            lines.append(f"| `{c.name}` | {c.type} | {null} | {cell(c.description)} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.dictionary", description="Write the data dictionary.")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--out", help="write the Markdown to this file")
    group.add_argument("--check", help="exit 1 when this file differs from what would be generated")
    args = parser.parse_args(argv)
    text = render_markdown()
    for problem in missing_descriptions():
        print(f"warning: {problem} has no description in warehouse/dictionary.py", file=sys.stderr)
    if args.check:
        current = Path(args.check).read_text(encoding="utf-8") if Path(args.check).exists() else ""
        if current != text:
            print(f"{args.check} is stale: run python -m warehouse.dictionary --out {args.check}", file=sys.stderr)
            return 1
        return 0
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
