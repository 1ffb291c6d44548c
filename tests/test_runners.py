"""Every task runner gives identical tables: same ids, same rows."""
from __future__ import annotations

from tests.conftest import SEEDS, run_dibao
from tests.helpers import snapshot_rows


def build(tmp_path, name, *extra):
    wh = tmp_path / name
    proc = run_dibao("run", "--input", str(SEEDS), "--warehouse", str(wh), *extra)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return snapshot_rows(wh)


def test_dask_local_cluster_equals_the_default_runner(seed_warehouse, tmp_path):
    assert build(tmp_path, "dask", "--runner", "dask") == snapshot_rows(seed_warehouse)


def test_process_runner_and_other_batch_sizes_equal_the_default(seed_warehouse, tmp_path):
    assert build(tmp_path, "proc", "--runner", "process", "--batch-bytes", "20000") == snapshot_rows(seed_warehouse)


def test_an_existing_dask_cluster_by_address(seed_warehouse, tmp_path):
    import distributed
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        rows = build(tmp_path, "dask_addr", "--runner", "dask", "--dask-address", cluster.scheduler_address)
    assert rows == snapshot_rows(seed_warehouse)


def test_unknown_runner_is_refused():
    proc = run_dibao("run", "--runner", "spark")
    assert proc.returncode == 2 and "invalid choice" in proc.stderr
