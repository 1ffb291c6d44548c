"""Which Prefect task runner runs the batch tasks, and how much parallelism each batch may use itself.

thread (default): batch tasks on threads; each batch fans its CPU work out to one shared process pool
  (flows/work.py) that never touches Prefect. Fastest here: a thread task run costs ~3-4 ms, and the
  pool uses every core.
process: Prefect's ProcessPoolTaskRunner; each batch task is one process (~55 ms per task run, and each
  worker process starts its own temporary API server unless PREFECT_API_URL names one).
dask: prefect-dask's DaskTaskRunner on a local cluster, or on an existing one (--dask-address).
"""
from __future__ import annotations

from dataclasses import dataclass

RUNNERS = ("thread", "process", "dask")


@dataclass(frozen=True)
class RunnerPlan:
    name: str
    task_runner: object
    inner_workers: int   # processes one batch task may use for itself


def make_runner(name: str, workers: int, dask_address: str | None = None) -> RunnerPlan:
    if name == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner
        # Twice as many batches in flight as cores, so the shared pool never idles between batches.
        return RunnerPlan(name, ThreadPoolTaskRunner(max_workers=max(2, 2 * workers)), workers)
    if name == "process":
        from prefect.task_runners import ProcessPoolTaskRunner
        return RunnerPlan(name, ProcessPoolTaskRunner(max_workers=workers), 1)
    if name == "dask":
        from prefect_dask import DaskTaskRunner
        if dask_address:
            return RunnerPlan(name, DaskTaskRunner(address=dask_address), 1)
        return RunnerPlan(name, DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                                               "processes": True, "dashboard_address": None}), 1)
    raise ValueError(f"unknown runner {name!r}: choose one of {', '.join(RUNNERS)}")


def batch_bytes_for(runner: str, batch_bytes: int, total_bytes: int, workers: int) -> int:
    """Runners without an inner pool need at least two batches per worker to keep every core busy."""
    if runner == "thread" or total_bytes == 0:
        return batch_bytes
    return max(64 * 1024, min(batch_bytes, total_bytes // (workers * 2) + 1))
