"""What it costs to show a run's stages in the Prefect UI: one task run per stage, or one artifact.

    PREFECT_API_URL=http://127.0.0.1:PORT/api .venv/bin/python -m bench.artifacts_overhead [--n 100]

Runs a flow that makes `n` trivial thread task runs, then one that makes `n` table artifacts, against the
server PREFECT_API_URL names (start one with `dibao serve` or `prefect server start`), and prints the
milliseconds each costs. Numbers for this machine are in the README ("Observability").
"""
from __future__ import annotations

import argparse
import time

from prefect import flow, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE


@task(cache_policy=NO_CACHE)
def stage(i: int) -> int:
    return i


@flow(log_prints=False)
def with_task_runs(n: int) -> float:
    started = time.perf_counter()
    for f in [stage.submit(i) for i in range(n)]:
        f.result()
    return (time.perf_counter() - started) / n


@flow(log_prints=False)
def with_artifacts(n: int) -> float:
    started = time.perf_counter()
    for i in range(n):
        create_table_artifact([{"stage": "clean", "seconds": 0.1 * i}], description=f"batch {i}")
    return (time.perf_counter() - started) / n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100)
    n = parser.parse_args().n
    with_task_runs(5), with_artifacts(5)   # warm both paths before timing
    tasks_ms, artifacts_ms = 1000 * with_task_runs(n), 1000 * with_artifacts(n)
    print(f"per task run {tasks_ms:.1f} ms, per artifact {artifacts_ms:.1f} ms (n={n})")


if __name__ == "__main__":
    main()
