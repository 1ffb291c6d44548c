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


def staged_rows(chunks) -> dict[str, list]:
    """Every written table's rows, all chunks together, in a fixed order (an empty table writes no file)."""
    import pyarrow.parquet as pq
    from tasks.batch import BATCH_SCHEMAS
    out = {}
    for table in BATCH_SCHEMAS:
        rows = [r for c in chunks if table in c.files for r in pq.read_table(c.files[table]).to_pylist()]
        out[table] = sorted(rows, key=repr)
    return out


def test_pool_and_inline_stage_the_same_rows(tmp_path):
    files, now = infos(), datetime(2024, 1, 1, tzinfo=timezone.utc)
    inline = work.stage_batch(files, {}, version="v", now=now, workers=1, data_url=f"{tmp_path}/", run_id="a")
    pooled = work.stage_batch(files, {}, version="v", now=now, workers=2, data_url=f"{tmp_path}/", run_id="b",
                              inline_bytes=0)
    work.shutdown_pool()
    assert len(inline) == 1 and len(pooled) > 1
    assert staged_rows(inline) == staged_rows(pooled)
    assert all(c.files["articles"].startswith(f"{tmp_path}/main/articles/dibao-") for c in pooled)
    assert {d for c in pooled for d in c.docs} == {f.rel_path for f in files}
