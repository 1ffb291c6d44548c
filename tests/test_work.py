"""The batch work outside Prefect: chunking and the shared process pool."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import datetime, timezone

import pyarrow as pa

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


def _tables_under(pool_name: str) -> dict:
    """The seeds' tables built under one Arrow allocator, clock columns left out (a subprocess: the pool
    is set per process)."""
    code = (
        "import os, sys, json, pyarrow as pa\n"
        "from flows.work import use_jemalloc\n"
        "used = use_jemalloc() if sys.argv[1] == 'jemalloc' else pa.default_memory_pool().backend_name\n"
        "from datetime import datetime, timezone\n"
        "from pathlib import Path\n"
        "from tasks.batch import RawDocument, process_batch\n"
        "raws = [RawDocument(p.name, p.read_bytes()) for p in sorted(Path(sys.argv[2]).glob('*.txt'))]\n"
        "t = process_batch(raws, version='v', now=datetime(2026, 1, 1, tzinfo=timezone.utc))\n"
        "print(json.dumps({'pool': used, 'tables': {k: v.to_pylist() for k, v in t.items()}}, default=str))\n")
    env = {k: v for k, v in os.environ.items() if k != work.ARROW_POOL_ENV}
    out = subprocess.run([sys.executable, "-c", code, pool_name, str(SEEDS)], capture_output=True, text=True,
                         check=True, env=env)
    return json.loads(out.stdout)


def test_jemalloc_builds_the_same_tables_as_arrow_s_default():
    fast, plain = _tables_under("jemalloc"), _tables_under("default")
    assert fast["pool"] == "jemalloc"
    assert fast["tables"] == plain["tables"] and fast["tables"]["tokens"]


def test_use_jemalloc_leaves_a_user_s_choice_alone(monkeypatch):
    before = pa.default_memory_pool().backend_name
    monkeypatch.setenv(work.ARROW_POOL_ENV, "system")
    assert work.use_jemalloc() == before
