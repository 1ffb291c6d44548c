"""The batch work outside Prefect: chunking and the shared process pool."""
from __future__ import annotations

import threading
from datetime import datetime, timezone

from flows import work
from tasks.plan import FileInfo
from tests.conftest import SEEDS


def infos() -> list[FileInfo]:
    return [FileInfo(p.name, str(p), p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(SEEDS.glob("*.txt"))]


def test_split_evenly_keeps_every_file_once_in_order():
    files = infos()
    parts = work.split_evenly(files, 3)
    assert [f for p in parts for f in p] == files and 1 <= len(parts) <= 3


def test_concurrent_batches_share_one_pool():
    work.shutdown_pool()
    pools, start = [], threading.Barrier(4)

    def get():
        start.wait()
        pools.append(work.pool(2))

    threads = [threading.Thread(target=get) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert len({id(p) for p in pools}) == 1
    finally:
        work.shutdown_pool()


def test_pool_and_inline_give_the_same_tables():
    files, now = infos(), datetime(2024, 1, 1, tzinfo=timezone.utc)
    inline = work.run_batch(files, {}, version="v", now=now, workers=1)
    pooled = work.run_batch(files, {}, version="v", now=now, workers=2, inline_bytes=0)
    work.shutdown_pool()
    assert {t: inline[t].sort_by([(inline[t].column_names[0], "ascending")]).to_pylist() for t in inline} == \
           {t: pooled[t].sort_by([(pooled[t].column_names[0], "ascending")]).to_pylist() for t in pooled}
