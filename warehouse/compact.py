"""Merge small segments into larger ones, so that a big warehouse is read from tens of files, not thousands.

A run writes one segment per worker chunk (~2 MiB of input), which is the right unit for writing and for
replacing a changed document, but a warehouse of 1M articles would hold ~4,000 files per table, and
DuckDB pays per file: the example queries ran 2-4x faster over the same rows in 40 files per table.
Merging waits until more than `max_small` small segments have gathered (a run of ~100 MB makes ~100, so
ordinary runs never pay for it), then rewrites them in groups of about `target` input bytes. A segment of at
least half the target is never merged again, so most rows are rewritten once (a short last group, or a
merged segment that lost documents, may be merged once more); the cost of a big segment is that a
changed document rewrites all of it (~2.5 s for 34 MB of input here). Merging happens inside publish, before
the snapshot is saved, so it is as atomic as the rest of the run.
"""
from __future__ import annotations

import logging
from pathlib import Path

import pyarrow as pa

from tasks.ids import stable_id
from warehouse.store import Staging, read_table, segment_path, write_table

log = logging.getLogger(__name__)


def plan_compaction(sizes: dict[str, int], *, target: int, max_small: int) -> list[list[str]]:
    """Groups of small segments (input bytes under target / 2) to merge, each adding up to about `target`
    bytes, once there are more than `max_small` of them; [] otherwise. Deterministic: by segment id."""
    small = sorted(s for s, n in sizes.items() if n < target // 2 and s != "empty")
    if len(small) <= max_small:
        return []
    groups: list[list[str]] = []
    current: list[str] = []
    acc = 0
    for seg in small:
        current.append(seg)
        acc += sizes[seg]
        if acc >= target:
            groups.append(current)
            current, acc = [], 0
    if len(current) > 1:
        groups.append(current)
    return groups


def merged_id(group: list[str]) -> str:
    return stable_id("merge", *sorted(group))


def merge_segments(root: Path, staging: Staging, group: list[str], schemas: dict[str, pa.Schema]) -> str:
    """Write the concatenation of the group's segments, table by table, as one staged segment."""
    new_id = merged_id(group)
    for table, schema in schemas.items():
        parts = [read_table(segment_path(root, table, seg), schema) for seg in group]
        write_table(pa.concat_tables(parts), staging.path(table, new_id), schema)
    log.info("merged %d segments into %s", len(group), new_id)
    return new_id
