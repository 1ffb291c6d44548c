"""The Prefect API a one-off `dibao run` talks to, started before anything else.

With no PREFECT_API_URL, Prefect 3 starts a temporary API server itself, but only when the flow is called:
the main process first imports the server code (~1.5 s), then waits while the server process imports it
again and starts (~3 s), with nothing else happening (measured on 2 cores: ~5 s of a ~7 s empty run).
`dibao run` starts that same temporary server (Prefect's own uvicorn command, flagged ephemeral, so it runs
what Prefect's would and no more) as its first step, so that its start-up overlaps importing Prefect and
starting the worker pool; the flow is then pointed at it, and it is stopped by pid when the run ends,
however it ends. A PREFECT_API_URL set in the environment or a Prefect profile wins: the early server is
then stopped unused. If the early server does not answer, Prefect falls back to starting its own.
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from flows.serve import (HEALTH_TIMEOUT_S, LOOPBACK, SERVER_LOG, ManagedServer, ServeError, spawn_server,
                         stop_server, use_api_url, wait_healthy)
from warehouse.marks import read_marks, write_marks

log = logging.getLogger(__name__)

# What prefect.server.api.server.SubprocessASGIServer puts in its server's environment (Prefect 3.8), plus
# no telemetry: the temporary server then skips the UI and the services a long-lived server runs.
EPHEMERAL_SERVER_ENV = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",
    "PREFECT__SERVER_FINAL": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}


# Prefect's temporary server checks its database's migrations at every start: Alembic loads every migration
# script to find nothing to run (~0.4 CPU s of the server's ~3.3 s start, measured on 2 cores). Once this
# Prefect version has migrated the database, the revision it left is noted beside the database; a start that
# finds the database still at that revision skips the check. Anything unusual (another database named by the
# environment or a settings file, an unreadable database, another Prefect version) leaves the check on.
MIGRATED_MARKS = "dibao-migrated.json"
SKIP_MIGRATION_ENV = {"PREFECT_SERVER_DATABASE_MIGRATE_ON_START": "false"}
DATABASE_ENV_PREFIXES = ("PREFECT_SERVER_DATABASE_", "PREFECT_API_DATABASE_")
# Files Prefect 3 reads settings from besides its profiles: in the working folder.
SETTINGS_FILES = (".env", "prefect.toml", "pyproject.toml")


def prefect_database(cwd: Path | None = None) -> Path | None:
    """The SQLite file Prefect's server uses by default, found without importing Prefect; None when the
    environment, a profile or a settings file may name a database of its own."""
    if any(k.startswith(DATABASE_ENV_PREFIXES) for k in os.environ):
        return None
    home = Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").expanduser()
    where = cwd or Path.cwd()
    for f in (profiles, *(where / name for name in SETTINGS_FILES)):
        try:
            if f.is_file() and "database" in f.read_text(encoding="utf-8", errors="replace").lower():
                return None
        except OSError:
            return None
    return home / "prefect.db"


def database_revision(db: Path) -> str | None:
    """The Alembic revision a Prefect SQLite database is at; None when it cannot be read."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
        try:
            row = con.execute("select version_num from alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _prefect_version() -> str | None:
    try:
        return importlib.metadata.version("prefect")
    except importlib.metadata.PackageNotFoundError:
        return None


def _marks(db: Path) -> dict[str, str]:
    return read_marks(db.parent / MIGRATED_MARKS)


def migration_env(db: Path | None) -> dict[str, str]:
    """The server's environment entry that skips the migration check, when this Prefect version has
    migrated this database to the revision it is at now; otherwise nothing."""
    if db is None or not db.is_file():
        return {}
    version, revision = _prefect_version(), database_revision(db)
    if version is None or revision is None or _marks(db).get(version) != revision:
        return {}
    return dict(SKIP_MIGRATION_ENV)


def note_migrated(db: Path | None) -> None:
    """After a server that checked its migrations answered: note the revision this Prefect version left
    (written whole by a rename, so a concurrent run reads the old notes or the new ones)."""
    version = _prefect_version()
    revision = database_revision(db) if db is not None and db.is_file() else None
    marks = _marks(db) if revision is not None else {}
    if version is None or revision is None or marks.get(version) == revision:
        return
    marks[version] = revision
    try:
        write_marks(db.parent / MIGRATED_MARKS, marks)
    except OSError as exc:   # a read-only PREFECT_HOME: the check simply keeps running
        log.debug("could not note the Prefect database's revision: %s", exc)


def prefect_parent() -> str:
    """The folder holding the prefect package, found without importing it (the import is what we overlap)."""
    spec = importlib.util.find_spec("prefect")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("prefect is not installed; run `make install`")
    return str(Path(spec.origin).parent.parent)


def ephemeral_command(port: int) -> list[str]:
    """Prefect's own temporary-server command line (SubprocessASGIServer._run_uvicorn_command)."""
    return [sys.executable, "-m", "uvicorn", "--app-dir", prefect_parent(), "--factory",
            "prefect.server.api.server:create_app", "--host", LOOPBACK, "--port", str(port),
            "--log-level", "error", "--lifespan", "on"]


def start_early(warehouse_dir: Path, remote_workers: bool = False) -> ManagedServer | None:
    """Spawn the run's temporary Prefect server now, unless the environment already names an API or the
    run's workers are on other machines (they could not reach a server on this one's loopback)."""
    if os.environ.get("PREFECT_API_URL") or remote_workers:
        return None
    db = prefect_database()
    skip = migration_env(db)
    try:
        server = spawn_server(warehouse_dir / SERVER_LOG, ephemeral_command,
                              env={**os.environ, **EPHEMERAL_SERVER_ENV, **skip})
    except OSError as exc:  # e.g. the warehouse folder is not writable: Prefect starts its own server
        log.warning("could not start a Prefect server early (%s); Prefect will start its own", exc)
        return None
    server.migrated_db = None if skip else db
    return server


def _ready_url(server: ManagedServer | None) -> str | None:
    """The early server's API URL once it answers; None when Prefect should use its own configuration
    (an unused early server is stopped at once rather than left running beside the run)."""
    from prefect.settings import PREFECT_API_URL
    if server is None:
        return None
    if PREFECT_API_URL.value():
        log.info("using the Prefect API configured in the profile: %s", PREFECT_API_URL.value())
        stop_server(server)
        return None
    try:
        server.seconds_to_healthy = wait_healthy(server, HEALTH_TIMEOUT_S)
    except ServeError as exc:
        log.warning("%s\nPrefect will start its own temporary server", exc)
        stop_server(server)
        return None
    note_migrated(server.migrated_db)
    return server.api_url


@contextmanager
def run_api(server: ManagedServer | None, meanwhile: Callable[[], None] = lambda: None) -> Iterator[str | None]:
    """Run `meanwhile` (work that overlaps the server's start-up), then point Prefect at the early server for
    the duration and stop the server afterwards, whatever happens; yields the URL in use, or None when
    Prefect chose its own."""
    saved = os.environ.get("PREFECT_API_URL")
    url = None
    try:
        meanwhile()
        url = _ready_url(server)
        if url is None:
            yield None
            return
        from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
        use_api_url(url)
        # Heartbeats let a long-lived server mark a crashed run; this server ends with the run, and the
        # heartbeat thread, which sleeps in 1 s steps, held up every run's exit by up to a second.
        with temporary_settings(updates={PREFECT_API_URL: url, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            yield url
    finally:
        try:
            if url is not None:
                drain_prefect()
        finally:
            if url is not None:
                use_api_url(saved)
            if server is not None:
                stop_server(server)


def drain_prefect(timeout: float = 5.0) -> None:
    """Send the logs and events Prefect still holds before its server goes (as Prefect's own test harness
    does): otherwise its exit-time flush fails and prints "Error logging to API" on the user's terminal."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    for worker in (APILogWorker, EventsWorker):
        try:
            worker.drain_all(timeout=timeout)
        except RuntimeError:  # never started in this process
            pass
