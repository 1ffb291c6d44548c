"""flows/early.py: the temporary Prefect server a one-off `dibao run` starts first, and the pool's prewarm."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from flows import early, work
from flows.serve import ManagedServer
from tests.conftest import SEEDS, run_dibao


def run_without_api(*args: str, home) -> subprocess.CompletedProcess:
    """`dibao` with no PREFECT_API_URL at all (an empty one is not the same to Prefect)."""
    return run_dibao(*args, env={"PREFECT_HOME": str(home)}, unset=("PREFECT_API_URL",))


def listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_the_command_is_prefects_own_temporary_server():
    cmd = early.ephemeral_command(4321)
    assert cmd[:3] == [sys.executable, "-m", "uvicorn"]
    assert "prefect.server.api.server:create_app" in cmd and cmd[cmd.index("--port") + 1] == "4321"
    assert (Path(early.prefect_parent()) / "prefect" / "__init__.py").exists()


def test_an_api_url_in_the_environment_means_no_early_server(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    assert early.start_early(tmp_path) is None


def test_a_run_without_an_api_starts_its_server_early_and_stops_it(tmp_path):
    """No PREFECT_API_URL: the run starts its own temporary server, logs where, uses it, and leaves nothing behind."""
    wh = tmp_path / "wh"
    proc = run_without_api("run", "--input", str(SEEDS), "--warehouse", str(wh), home=tmp_path / "prefect-home")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "completed" in proc.stdout
    assert "Error" not in proc.stderr, proc.stderr   # Prefect's logs reached the server before it stopped
    log_text = (wh / "state" / "prefect-server.log").read_text()
    ports = [int(p) for p in re.findall(r"starting Prefect server on 127\.0\.0\.1:(\d+)", log_text)]
    assert len(ports) == 1 and not listening(ports[0])
    # The flow run was recorded by that server, in the PREFECT_HOME the run was given.
    assert (tmp_path / "prefect-home" / "prefect.db").exists()
    # The server checked the database's migrations and the run noted the revision: the next run's server
    # skips the check and still serves the run.
    assert (tmp_path / "prefect-home" / early.MIGRATED_MARKS).exists()
    again = run_without_api("run", "--input", str(SEEDS), "--warehouse", str(wh), home=tmp_path / "prefect-home")
    assert again.returncode == 0 and "completed" in again.stdout, again.stdout + again.stderr
    assert "Error" not in again.stderr, again.stderr


@pytest.fixture()
def no_api(monkeypatch):
    """Neither the environment nor Prefect's settings name an API (the test session's server is hidden)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        yield


def test_a_server_that_dies_lets_prefect_start_its_own(tmp_path, no_api):
    crashing = early.spawn_server(tmp_path / "s.log", lambda port: [sys.executable, "-c", "raise SystemExit(3)"],
                                  env=dict(os.environ))
    with early.run_api(crashing) as url:
        assert url is None and "PREFECT_API_URL" not in os.environ
    assert crashing.process.poll() == 3


def test_run_api_restores_the_environment(tmp_path, monkeypatch, no_api):
    monkeypatch.setattr(early, "wait_healthy", lambda server, timeout: 0.0)
    proc = early.spawn_server(tmp_path / "s.log", lambda port: [sys.executable, "-c", "import time; time.sleep(30)"],
                              env=dict(os.environ))
    server = ManagedServer(proc.process, proc.port, proc.log_path)
    from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY
    with early.run_api(server) as url:
        assert url == server.api_url == os.environ["PREFECT_API_URL"] == PREFECT_API_URL.value()
        assert PREFECT_FLOWS_HEARTBEAT_FREQUENCY.value() is None
    assert "PREFECT_API_URL" not in os.environ and PREFECT_API_URL.value() is None
    assert server.process.poll() is not None


def test_new_bytes_counts_files_written_since_the_last_change(tmp_path):
    (tmp_path / "a").write_bytes(b"x" * 10)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 10)
    assert work.new_bytes(tmp_path, None, 100) == 20 and work.new_bytes(tmp_path, None, 5) == 10   # stops early
    assert work.new_bytes(tmp_path / "missing", None, 1) == 0
    written = max(p.stat().st_ctime for p in tmp_path.rglob("*") if p.is_file())
    assert work.new_bytes(tmp_path, written + 1, 100) == 0    # nothing new since the warehouse changed
    os.utime(tmp_path / "a", (0, 0))   # an old mtime (`cp -a`) still counts: the copy's ctime is new
    assert work.new_bytes(tmp_path, written - 1, 100) == 20


def test_warm_for_loads_what_the_batches_will_use(monkeypatch):
    started = []
    monkeypatch.setattr(work, "prewarm", lambda workers: started.append(workers))
    assert work.warm_for(0, 2) == "" and started == []                      # nothing new: nothing to load
    assert work.warm_for(work.INLINE_BYTES, 2) == "pool" and started == [2]
    assert work.warm_for(work.INLINE_BYTES, 1) == "inline"                  # one worker: batches run here
    from tasks.normalise import _script_classes
    _script_classes.cache_clear()
    assert work.warm_for(10, 2) == "inline" and started == [2]
    assert _script_classes.cache_info().currsize == 1   # OpenCC's classes are loaded before the first page


@pytest.mark.parametrize("workers", [2])
def test_prewarm_starts_the_pool_the_batches_use(workers):
    work.shutdown_pool()
    try:
        work.prewarm(workers)
        pool = work.pool(workers)
        assert pool is work._POOL
        # Submitting made the executor start its workers (and their dictionary-loading initializer).
        assert pool.submit(os.getpid).result(timeout=60) != os.getpid()
        assert len(pool._processes) == workers
    finally:
        work.shutdown_pool()


def test_the_process_runner_uses_the_early_server_alone(tmp_path):
    """Prefect's process runner forwards messages from a thread without a context, which reads the settings
    Prefect took at import: they must name the early server too, or that thread starts a second one."""
    proc = run_without_api("run", "--input", str(SEEDS), "--warehouse", str(tmp_path / "wh"), "--runner", "process",
                           home=tmp_path / "prefect-home")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Starting temporary server" not in proc.stderr and "Still processing" not in proc.stderr, proc.stderr


def test_no_early_server_for_remote_dask_workers(tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert early.start_early(tmp_path, remote_workers=True) is None


def test_last_change_is_the_catalog_mtime_unless_a_full_refresh(tmp_path):
    from argparse import Namespace
    from flows.cli import last_change
    from warehouse.lake import CATALOG_FILE
    assert last_change(Namespace(warehouse=str(tmp_path), full_refresh=False)) is None   # a new warehouse
    (tmp_path / CATALOG_FILE).write_bytes(b"")
    os.utime(tmp_path / CATALOG_FILE, (1000, 1000))
    assert last_change(Namespace(warehouse=str(tmp_path), full_refresh=False)) == 1000
    assert last_change(Namespace(warehouse=str(tmp_path), full_refresh=True)) is None


def test_the_run_command_parses_without_loading_the_other_commands():
    code = ("import sys, flows.cli; p = flows.cli.build_parser(run_only=True); "
            "a = p.parse_args(['run', '--input', 'x']); "
            "print(a.command, sorted(m for m in ('flows.sql', 'flows.report', 'flows.work') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout
    assert out.split() == ["run", "[]"]


def test_pool_actions_wait_for_the_pool_module(monkeypatch):
    import types
    from flows.cli import _if_pool_loaded
    calls = []
    monkeypatch.setitem(sys.modules, "flows.work", types.ModuleType("flows.work"))   # still importing
    _if_pool_loaded("interrupt_pool")                                                  # nothing to call yet
    monkeypatch.setattr(sys.modules["flows.work"], "shutdown_pool", lambda **kw: calls.append(kw), raising=False)
    _if_pool_loaded("shutdown_pool", wait=False)
    assert calls == [{"wait": False}]


def _prefect_db(home: Path, revision: str) -> Path:
    import sqlite3
    home.mkdir(parents=True, exist_ok=True)
    db = home / "prefect.db"
    con = sqlite3.connect(db)
    con.execute("create table if not exists alembic_version (version_num varchar(32) not null)")
    con.execute("delete from alembic_version")
    con.execute("insert into alembic_version values (?)", (revision,))
    con.commit()
    con.close()
    return db


def test_the_migration_check_is_skipped_only_at_the_revision_this_prefect_left(tmp_path, monkeypatch):
    for key in list(os.environ):
        if key.startswith(early.DATABASE_ENV_PREFIXES):
            monkeypatch.delenv(key)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PREFECT_PROFILES_PATH", raising=False)
    db = _prefect_db(tmp_path / "home", "rev1")
    assert early.prefect_database(cwd=tmp_path) == db
    assert early.migration_env(db) == {}            # never noted: the server checks
    early.note_migrated(db)                          # a server that checked answered
    assert early.migration_env(db) == early.SKIP_MIGRATION_ENV
    _prefect_db(tmp_path / "home", "rev2")           # another Prefect version moved the database on
    assert early.migration_env(db) == {}
    db.write_bytes(b"not a database")
    assert early.database_revision(db) is None and early.migration_env(db) == {}
    assert early.migration_env(None) == {} and early.migration_env(tmp_path / "absent.db") == {}


def test_a_database_named_elsewhere_keeps_the_migration_check(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PREFECT_PROFILES_PATH", raising=False)
    monkeypatch.setenv("PREFECT_API_DATABASE_CONNECTION_URL", "postgresql+asyncpg://u@h/db")
    assert early.prefect_database(cwd=tmp_path) is None
    monkeypatch.delenv("PREFECT_API_DATABASE_CONNECTION_URL")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "profiles.toml").write_text('[profiles.x]\nPREFECT_SERVER_DATABASE_CONNECTION_URL = "x"\n')
    assert early.prefect_database(cwd=tmp_path) is None
    (tmp_path / "home" / "profiles.toml").unlink()
    (tmp_path / "prefect.toml").write_text('[server.database]\nconnection_url = "x"\n')
    assert early.prefect_database(cwd=tmp_path) is None
