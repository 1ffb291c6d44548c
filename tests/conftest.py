"""Shared fixtures: one real `dibao run` over the seeds per test session (Prefect start-up is paid once)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
DIBAO = [sys.executable, "-m", "flows.cli"]
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

# End-to-end modules: each runs the real `dibao` command, a Prefect server or a browser (seconds to a minute
# per test). Their tests, and every test using a fixture that runs the command, are marked `slow`:
# `make test-fast` (-m "not slow") runs the rest.
SLOW_MODULES = {"test_bad_input", "test_compact", "test_early", "test_incremental", "test_reliability",
                "test_runners", "test_report", "test_bench"}
# prefect_api is autouse (in every test's closure); `wh` is test_sql's seeds+xwlb warehouse, built by a run.
SLOW_FIXTURES = {"seed_warehouse", "wh"}
SLOW_TESTS = {"test_dictionary.py::test_it_matches_a_built_warehouse"}   # builds that same warehouse
SLOW_PARAMS = ("seeds_and_xwlb",)   # test_sql's queries over that warehouse (fetched with getfixturevalue)


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if (module in SLOW_MODULES or SLOW_FIXTURES & set(getattr(item, "fixturenames", ()))
                or item.nodeid.split("/")[-1] in SLOW_TESTS or any(p in item.nodeid for p in SLOW_PARAMS)):
            item.add_marker(pytest.mark.slow)


def run_dibao(*args: str, cwd: Path = ROOT, env: dict | None = None, unset: tuple[str, ...] = (),
              timeout: float = 600) -> subprocess.CompletedProcess:
    """`dibao ARGS` in a subprocess: this environment plus `env`, minus the variables named in `unset`."""
    full_env = {k: v for k, v in {**os.environ, **(env or {})}.items() if k not in unset}
    return subprocess.run([*DIBAO, *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session", autouse=True)
def prefect_api(request, tmp_path_factory):
    """One Prefect server for the whole session: every `dibao run` a test starts then pays ~2 s of Prefect
    start-up instead of ~8 s for its own temporary server (and Dask/process workers pay none). Not started
    when no selected test is slow (`make test-fast`): none of those runs the command."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    if not any(item.get_closest_marker("slow") for item in request.session.items):
        yield None
        return
    from flows.serve import start_server, stop_server
    home = tmp_path_factory.mktemp("prefect")
    os.environ["PREFECT_HOME"] = str(home / "home")
    server = start_server(home)
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield server.api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        stop_server(server)


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory) -> Path:
    wh = tmp_path_factory.mktemp("wh_seeds")
    proc = run_dibao("run", "--input", str(SEEDS), "--warehouse", str(wh))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return wh


@pytest.fixture()
def seed_db(seed_warehouse):
    con = duckdb.connect(str(seed_warehouse / "dibao.duckdb"), read_only=True)
    yield con
    con.close()
