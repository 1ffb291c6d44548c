"""When to merge a table's small data files, so that a big warehouse is read from tens of files, not thousands.

A run writes one data file per table per worker chunk (~2 MiB of input), the right unit for writing, but a
warehouse of 1M articles would hold ~4,000 files per table, and DuckDB pays per file: the example queries
ran 2-4x faster over the same rows in 40 files per table. The merging itself is DuckLake's
(ducklake_merge_adjacent_files, called by warehouse/publish.maintain); this module only decides when: once
more than `max_small` files under half the target size have gathered in a table (a run of ~100 MB makes
~100, so ordinary runs never pay for it). The merge is a snapshot of its own that changes no row, and the
files it replaces stay readable by older snapshots until they expire.
"""
from __future__ import annotations


def small_files(sizes: list[int], target: int) -> int:
    return sum(1 for s in sizes if s < target // 2)


def tables_to_merge(sizes: dict[str, list[int]], *, target: int, max_small: int) -> list[str]:
    """Tables (in the given order) holding more than `max_small` files under half of `target` bytes."""
    return [t for t, s in sizes.items() if small_files(s, target) > max_small]
