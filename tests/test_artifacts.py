"""What a run shows in the Prefect UI: per-stage seconds from the batch code, a summary artifact per run
naming every stage and every rejected file, a stage table per batch; and the terminal summary."""
from __future__ import annotations

import json
import os
import re
import shutil
import urllib.request
from datetime import datetime, timezone

import pytest

from flows.artifacts import RunReport, stage_rows, summary_markdown
from tasks.batch import STAGES, RawDocument, process_batch
from tests.conftest import SEEDS, run_dibao

NOW = datetime(2024, 5, 1, tzinfo=timezone.utc)
PAGE = "区委召开常委会\n\n会议由区委书记张小明主持。会议强调，要抓好安全生产工作。\n".encode()
FIVE = ("clean", "normalise", "split", "segment", "extract")


def test_process_batch_accumulates_seconds_for_every_stage():
    clock: dict[str, float] = {}
    tables = process_batch([RawDocument("a.txt", PAGE), RawDocument("b.png", b"\x89PNG\r\n\x1a\n\x00\x01")],
                           version="v", now=NOW, clock=clock)
    assert tables["articles"].num_rows == 1 and tables["rejects"].num_rows == 1
    assert set(clock) == set(STAGES)
    assert all(seconds > 0 for seconds in clock.values())


def test_process_batch_without_a_clock_is_unchanged():
    with_clock = process_batch([RawDocument("a.txt", PAGE)], version="v", now=NOW, clock={})
    without = process_batch([RawDocument("a.txt", PAGE)], version="v", now=NOW)
    assert all(with_clock[t].equals(without[t]) for t in with_clock)


def test_stage_rows_keep_pipeline_order_and_shares():
    rows = stage_rows({"extract": 3.0, "decode": 1.0})
    assert [r["stage"] for r in rows] == ["read", *STAGES]
    assert {r["stage"]: r["share"] for r in rows if r["seconds"]} == {"decode": "25%", "extract": "75%"}


def test_summary_markdown_names_stages_rejects_and_escapes_pipes():
    report = RunReport("r1", "completed", "in", "wh", 2.5, {"new": 2, "rejected": 1}, {"articles": 3},
                       {s: 0.1 for s in STAGES}, {"publish": 0.2}, rejects=[("a|b.png", "not text: PNG")],
                       next_commands=["dibao report --out r.html"])
    text = summary_markdown(report)
    assert all(f"| {s} |" in text for s in STAGES)
    assert "a\\|b.png" in text and "not text: PNG" in text and "dibao report --out r.html" in text
    assert "| 2 | 0 | 0 | 0 | 1 |" in text


def api_post(api: str, path: str, body: dict) -> list[dict]:
    req = urllib.request.Request(f"{api}{path}", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


@pytest.fixture(scope="module")
def run_with_a_bad_file(tmp_path_factory, prefect_api):
    root = tmp_path_factory.mktemp("artifacts")
    inp, wh = root / "in", root / "wh"
    shutil.copytree(SEEDS, inp)
    (inp / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    proc = run_dibao("run", "--input", str(inp), "--warehouse", str(wh))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc, wh


@pytest.mark.slow
def test_the_run_has_a_summary_artifact_naming_every_stage_and_the_rejected_file(run_with_a_bad_file, prefect_api):
    _, wh = run_with_a_bad_file
    summaries = api_post(prefect_api, "/artifacts/filter",
                         {"artifacts": {"key": {"any_": ["dibao-run-summary"]}}, "sort": "CREATED_DESC", "limit": 20})
    [mine] = [a for a in summaries if str(wh) in a["data"]]
    assert mine["type"] == "markdown" and mine["flow_run_id"]
    assert all(f"| {stage} |" in mine["data"] for stage in FIVE)
    assert "scan.txt" in mine["data"] and "not text" in mine["data"]

    on_run = api_post(prefect_api, "/artifacts/filter",
                      {"artifacts": {"flow_run_id": {"any_": [mine["flow_run_id"]]}}, "limit": 50})
    by_key = {a["key"]: a for a in on_run if a["key"]}
    assert "scan.txt" in by_key["dibao-rejects"]["data"]
    stages = json.loads(by_key["dibao-stage-seconds"]["data"])
    assert [r["stage"] for r in stages][1:] == list(STAGES) and sum(r["seconds"] for r in stages) > 0
    batches = [a for a in on_run if a["type"] == "table" and a["task_run_id"] and a["description"].startswith("batch ")]
    assert batches, on_run
    assert {r["stage"] for r in json.loads(batches[0]["data"])} >= set(FIVE)


@pytest.mark.slow
def test_terminal_summary_gives_the_commands_wall_time_and_next_commands(run_with_a_bad_file):
    proc, wh = run_with_a_bad_file
    m = re.search(r": completed in ([\d.]+) s \(the flow ([\d.]+) s\)", proc.stdout.splitlines()[0])
    assert m, proc.stdout  # the whole command's time, then the flow's
    assert float(m.group(1)) >= float(m.group(2))
    assert f"--warehouse {wh} \"select * from rejects\"" in proc.stdout
    assert " report --warehouse " in proc.stdout and " export --warehouse " in proc.stdout
    dibao = proc.stdout.split("\n  next\n", 1)[1].split()[0]
    assert os.access(dibao, os.X_OK) or dibao.endswith("python"), dibao  # runs as printed


@pytest.mark.slow
def test_people_in_the_summary_match_the_report(run_with_a_bad_file, tmp_path):
    proc, wh = run_with_a_bad_file
    out = run_dibao("report", "--warehouse", str(wh), "--out", str(tmp_path / "r.html"))
    assert out.returncode == 0, out.stderr
    reported = int(out.stdout.split(" people")[0].rsplit(", ", 1)[1])
    assert f" {reported} people" in proc.stdout
