"""A warehouse on S3-compatible storage (`--warehouse s3://BUCKET/PATH`), against a moto server that the
test starts on loopback and stops by pid; Dask workers with separate scratch folders write straight to it."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, run_dibao
from tests.helpers import add_eval_pages, copy_seeds, rows_of, snapshot_rows

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before listening on {port}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listened on 127.0.0.1:{port} within {timeout:.0f} s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=20)


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """A moto S3 server on 127.0.0.1 with one bucket; yields the environment a run needs."""
    pytest.importorskip("moto")
    import boto3
    port = free_port()
    log = open(tmp_path_factory.mktemp("moto") / "moto.log", "w")
    proc = subprocess.Popen([str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        wait_port(port, proc)
        env = {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}", "AWS_ACCESS_KEY_ID": "dibao-test",
               "AWS_SECRET_ACCESS_KEY": "dibao-test", "AWS_REGION": "us-east-1",
               "DIBAO_LAKE_STATE": str(tmp_path_factory.mktemp("lake_state"))}
        boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL"], aws_access_key_id="dibao-test",
                     aws_secret_access_key="dibao-test", region_name="us-east-1").create_bucket(Bucket="dibao")
        yield env
    finally:
        stop(proc)
        log.close()


def bucket_keys(env: dict, prefix: str) -> list[str]:
    import boto3
    client = boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL"], aws_access_key_id="dibao-test",
                          aws_secret_access_key="dibao-test", region_name="us-east-1")
    pages = client.get_paginator("list_objects_v2").paginate(Bucket="dibao", Prefix=prefix)
    return [o["Key"] for page in pages for o in page.get("Contents", [])]


def lake_rows(env: dict, warehouse: str, monkeypatch) -> dict:
    from warehouse.snapshots import open_snapshot
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    con = open_snapshot(warehouse)
    try:
        return rows_of(con)
    finally:
        con.close()


def test_run_and_sql_on_s3_equal_a_local_warehouse(s3, seed_warehouse, monkeypatch):
    proc = run_dibao("run", "--input", str(SEEDS), "--warehouse", "s3://dibao/seeds", env=s3)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    keys = bucket_keys(s3, "seeds/data/main/articles/")
    assert keys and all(k.endswith(".parquet") for k in keys)
    sql = run_dibao("sql", "--warehouse", "s3://dibao/seeds", "--format", "csv",
                    "select count(*) as n from articles", env=s3)
    assert sql.returncode == 0, sql.stderr
    assert sql.stdout.split() == ["n", "18"]
    assert lake_rows(s3, "s3://dibao/seeds", monkeypatch) == snapshot_rows(seed_warehouse)
    again = run_dibao("run", "--input", str(SEEDS), "--warehouse", "s3://dibao/seeds", env=s3)
    assert again.returncode == 0 and "5 unchanged" in again.stdout, again.stdout + again.stderr


def test_dask_workers_with_separate_scratch_folders_write_straight_to_s3(s3, tmp_path, monkeypatch):
    inp = copy_seeds(tmp_path / "in")
    add_eval_pages(inp, "pd1998", limit=150)                  # enough for several batches (64 KB at least each)
    local = tmp_path / "local"
    proc = run_dibao("run", "--input", str(inp), "--warehouse", str(local))   # the default runner, local disk
    assert proc.returncode == 0, proc.stdout + proc.stderr
    port = free_port()
    env = {**os.environ, **s3}
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--dashboard-address", ":0", "--no-show"], cwd=tmp_path, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        wait_port(port, procs[0])
        for i in range(2):
            scratch = tmp_path / f"worker{i}"
            scratch.mkdir()
            procs.append(subprocess.Popen([str(BIN / "dask"), "worker", f"tcp://127.0.0.1:{port}", "--nworkers", "1",
                                           "--nthreads", "1", "--local-directory", str(scratch), "--no-dashboard"],
                                          cwd=scratch, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        proc = run_dibao("run", "--input", str(inp), "--warehouse", "s3://dibao/dask", "--runner", "dask",
                         "--dask-address", f"tcp://127.0.0.1:{port}", env=s3, cwd=ROOT)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    finally:
        for p in reversed(procs):
            stop(p)
    assert len(bucket_keys(s3, "dask/data/main/articles/")) > 1        # several batches, each its own file
    assert lake_rows(s3, "s3://dibao/dask", monkeypatch) == snapshot_rows(local)
