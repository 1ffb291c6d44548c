"""What a flow run shows in the Prefect UI: a summary artifact per run and a stage-times artifact per batch.

The stages a page goes through (decode, clean, normalise, split, segment, extract, write) run per document
inside worker processes, where a Prefect task run per stage would cost ~3-4 ms each and move every
intermediate result through Prefect; they are timed with perf_counter in the worker instead
(tasks/batch.py) and published here as artifacts: one API call per batch and three per run.

The text is built by pure functions (tested without a server); only `publish_*` talk to Prefect, and a
failure there is logged, never raised: the warehouse is what a run is for.
"""
from __future__ import annotations

import logging
import shlex
from dataclasses import dataclass, field

from tasks.tables import STAGES

log = logging.getLogger(__name__)

# Read, then the per-document stages, then what the flow itself does around them.
WORKER_STAGES = ("read", *STAGES)
RUN_PHASES = ("discover", "fingerprint", "batches", "publish")
SUMMARY_KEY = "dibao-run-summary"
REJECTS_KEY = "dibao-rejects"
# A markdown table of tens of thousands of rejects would make the UI crawl; the full list is in `rejects`.
REJECTS_SHOWN = 200
TABLES_SHOWN = ("documents", "rejects", "articles", "article_people", "people", "meetings",
                "meeting_participants", "places", "organisations", "slogans", "tokens")


@dataclass
class RunReport:
    """Everything the summary artifact shows, gathered by the flow."""
    run_id: str
    status: str
    input_dir: str
    warehouse_dir: str
    seconds: float
    documents: dict[str, int]                  # new / changed / unchanged / deleted / rejected
    rows: dict[str, int]                       # rows per table after the run
    stage_seconds: dict[str, float]            # worker seconds per stage, summed over every worker
    phase_seconds: dict[str, float]            # wall seconds of the flow's own phases
    rejects: list[tuple[str, str]] = field(default_factory=list)   # (path, reason) now in `rejects`
    next_commands: list[str] = field(default_factory=list)
    message: str = ""


def next_commands(warehouse_dir: str, rejects: bool) -> list[str]:
    """What to type after a run, with this environment's own `dibao` so that each line runs as printed."""
    from flows.serve import tool_command
    dibao, wh = tool_command("dibao", "flows.cli"), shlex.quote(str(warehouse_dir))
    out = [f"{dibao} sql --warehouse {wh} \"select * from rejects\""] if rejects else []
    return out + [
        f"{dibao} sql --warehouse {wh} \"select name, region, article_count from people order by article_count desc limit 10\"",
        f"{dibao} report --warehouse {wh} --out report.html",
        f"{dibao} export --warehouse {wh} --sqlite dibao.sqlite   # then: datasette dibao.sqlite --metadata metadata.json",
    ]


def add_seconds(total: dict[str, float], more: dict[str, float]) -> dict[str, float]:
    for stage, seconds in more.items():
        total[stage] = total.get(stage, 0.0) + seconds
    return total


def stage_rows(seconds: dict[str, float]) -> list[dict]:
    """One row per stage in pipeline order (stages with no time still listed), with its share of the total."""
    total = sum(seconds.values()) or 1.0
    names = [*WORKER_STAGES, *sorted(set(seconds) - set(WORKER_STAGES))]
    return [{"stage": s, "seconds": round(seconds.get(s, 0.0), 3), "share": f"{100 * seconds.get(s, 0.0) / total:.0f}%"}
            for s in names]


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(rows: list[dict]) -> list[str]:
    if not rows:
        return []
    head = list(rows[0])
    return ["| " + " | ".join(head) + " |", "|" + "---|" * len(head),
            *("| " + " | ".join(_cell(r[h]) for h in head) + " |" for r in rows)]


def summary_markdown(r: RunReport) -> str:
    d = r.documents
    lines = [f"# dibao run `{r.run_id}`: {r.status} in {r.seconds:.1f} s", "",
             f"input `{r.input_dir}` → warehouse `{r.warehouse_dir}/dibao.duckdb`", ""]
    if r.message:
        lines += [f"**{r.message}**", ""]
    lines += ["## Documents", "", *_table([{k: d.get(k, 0) for k in ("new", "changed", "unchanged", "deleted", "rejected")}]),
              "", "## Rows per table", "", *_table([{"table": t, "rows": n} for t, n in r.rows.items()]), "",
              "## Seconds per stage", "",
              "Summed over the worker processes (with 2 workers, twice the wall time of the batches at most).", "",
              *_table(stage_rows(r.stage_seconds)), "",
              "Wall seconds of the run's phases:", "",
              *_table([{"phase": p, "seconds": round(s, 3)} for p, s in r.phase_seconds.items()]), ""]
    lines += [f"## Rejected files ({len(r.rejects)})", ""]
    if r.rejects:
        lines += _table([{"path": p, "reason": why} for p, why in r.rejects[:REJECTS_SHOWN]])
        if len(r.rejects) > REJECTS_SHOWN:
            lines.append(f"\n… and {len(r.rejects) - REJECTS_SHOWN} more: `select * from rejects`.")
    else:
        lines.append("None: every file was read as a page.")
    if r.next_commands:
        lines += ["", "## Next", "", "```sh", *r.next_commands, "```"]
    return "\n".join(lines) + "\n"


def batch_description(index: int, files: int, megabytes: float, seconds: float, stage_seconds: dict[str, float]) -> str:
    busiest = max(stage_seconds, key=stage_seconds.get) if stage_seconds else "none"
    return (f"batch {index}: {files} files, {megabytes:.2f} MB in {seconds:.2f} s wall; "
            f"worker seconds per stage (busiest: {busiest})")


def publish_batch_artifact(index: int, files: int, megabytes: float, seconds: float,
                           stage_seconds: dict[str, float]) -> None:
    """A table artifact on the batch's task run (and so on its flow run): seconds per stage."""
    try:
        from prefect.artifacts import create_table_artifact
        create_table_artifact(stage_rows(stage_seconds),
                              description=batch_description(index, files, megabytes, seconds, stage_seconds))
    except Exception as exc:  # the UI is a view; never fail a batch over it
        log.warning("could not publish batch %d's artifact: %s", index, exc)


def publish_run_artifacts(report: RunReport) -> None:
    """The run's summary (markdown), its stage times (table) and, when any, its rejected files (table)."""
    try:
        from prefect.artifacts import create_markdown_artifact, create_table_artifact
        create_markdown_artifact(summary_markdown(report), key=SUMMARY_KEY,
                                 description=f"dibao run {report.run_id}: documents, rows, stages, rejects")
        create_table_artifact(stage_rows(report.stage_seconds), key="dibao-stage-seconds",
                              description="worker seconds per stage, summed over the run's batches")
        if report.rejects:
            create_table_artifact([{"path": p, "reason": why} for p, why in report.rejects[:REJECTS_SHOWN]],
                                  key=REJECTS_KEY, description=f"{len(report.rejects)} rejected file(s) and why")
    except Exception as exc:
        log.warning("could not publish the run's artifacts: %s", exc)
