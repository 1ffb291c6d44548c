"""The tables a batch writes: their Arrow schemas, in publish order, and the raw document a batch reads.

Kept apart from tasks.batch so that the commands and the main process of a run, which plan, publish and
answer queries but never extract, do not import the extractors and their word lists (~0.4 s a start).
"""
from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from tasks.ingest import ManifestEntry

# The per-document stages whose seconds a batch reports (process_batch's `clock`), in pipeline order.
STAGES = ("decode", "clean", "normalise", "split", "segment", "extract", "write")

TS = pa.timestamp("us", tz="UTC")
STR_LIST = pa.list_(pa.string())


def _schema(*fields: tuple) -> pa.Schema:
    return pa.schema([pa.field(name, typ, nullable=nullable) for name, typ, nullable in fields])


DOCUMENTS_SCHEMA = _schema(
    ("doc_id", pa.string(), False), ("sha256", pa.string(), False), ("encoding", pa.string(), False),
    ("script", pa.string(), False), ("char_count", pa.int32(), False), ("size_bytes", pa.int64(), False),
    ("article_count", pa.int32(), False), ("published", pa.string(), True), ("source", pa.string(), True),
    ("region", pa.string(), True), ("note", pa.string(), True), ("pipeline_version", pa.string(), False),
    ("ingested_at", TS, False),
    ("source_name", pa.string(), True),
)
REJECTS_SCHEMA = _schema(
    ("path", pa.string(), False), ("reason", pa.string(), False), ("size_bytes", pa.int64(), True),
    ("sha256", pa.string(), True), ("seen_at", TS, False),
    ("source_name", pa.string(), True),
)
ARTICLES_SCHEMA = _schema(
    ("article_id", pa.string(), False), ("doc_id", pa.string(), False), ("seq", pa.int32(), False),
    ("title", pa.string(), False), ("subtitle", pa.string(), True), ("kicker", pa.string(), True),
    ("byline", pa.string(), True), ("source", pa.string(), True), ("region", pa.string(), True),
    ("published_date", pa.date32(), True), ("body", pa.string(), False), ("char_count", pa.int32(), False),
    ("title_from_lead", pa.bool_(), False),
    ("url", pa.string(), True), ("source_name", pa.string(), True),
)
ARTICLE_PEOPLE_SCHEMA = _schema(
    ("article_id", pa.string(), False), ("person_id", pa.string(), False), ("name", pa.string(), False),
    ("titles", STR_LIST, False), ("role", pa.string(), False), ("mentions", pa.int32(), False),
    ("region", pa.string(), True), ("doc_id", pa.string(), False), ("evidence", pa.string(), True),
    ("posts", STR_LIST, True),
)
MEETINGS_SCHEMA = _schema(
    ("meeting_id", pa.string(), False), ("article_id", pa.string(), False), ("kind", pa.string(), False),
    ("name", pa.string(), True), ("meeting_date", pa.date32(), True), ("region", pa.string(), True),
    ("format", pa.string(), True), ("doc_id", pa.string(), False), ("evidence", pa.string(), True),
)
MEETING_PARTICIPANTS_SCHEMA = _schema(
    ("meeting_id", pa.string(), False), ("person_id", pa.string(), False), ("name", pa.string(), False),
    ("role", pa.string(), False), ("doc_id", pa.string(), False), ("evidence", pa.string(), True),
)
ENTITY_SCHEMA = _schema(
    ("article_id", pa.string(), False), ("name", pa.string(), False), ("kind", pa.string(), True),
    ("count", pa.int32(), False), ("doc_id", pa.string(), False),
)
TOKENS_SCHEMA = _schema(
    ("article_id", pa.string(), False), ("position", pa.int32(), False), ("token", pa.string(), False),
    ("pos", pa.string(), True), ("field", pa.string(), False), ("doc_id", pa.string(), False),
)

# Every table a batch produces, in publish order.
BATCH_SCHEMAS: dict[str, pa.Schema] = {
    "documents": DOCUMENTS_SCHEMA, "rejects": REJECTS_SCHEMA, "articles": ARTICLES_SCHEMA,
    "article_people": ARTICLE_PEOPLE_SCHEMA, "meetings": MEETINGS_SCHEMA,
    "meeting_participants": MEETING_PARTICIPANTS_SCHEMA, "places": ENTITY_SCHEMA,
    "organisations": ENTITY_SCHEMA, "slogans": ENTITY_SCHEMA, "tokens": TOKENS_SCHEMA,
}


@dataclass(frozen=True, slots=True)
class RawDocument:
    doc_id: str
    data: bytes
    manifest: ManifestEntry | None = None
    source_name: str | None = None
    name: str = ""   # the file's path (its suffix says .html); the doc id when empty
