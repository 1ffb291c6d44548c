"""Incremental runs at scale: `python -m bench.incremental [--copies 30]`.

Builds every page of seeds/ and ../shared/eval (pd1998 joined into ~10 KB pages) copied N times
(~27 MB, ~3,900 files at 30), then times, in one go:
  empty    a run on an empty folder (the fixed start-up cost),
  first    a full run on a fresh warehouse,
  again    a second run with nothing changed (must process nothing and leave every table identical),
  one more a run after adding one page (must process only that page),
and prints the share (again - empty) / (first - empty), which the orchestration issue wants <= 10%.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import build_corpus

OUT = Path(__file__).resolve().parent / "out" / "incremental"


def timed_run(inp: Path, wh: Path, *extra: str) -> float:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--input", str(inp), "--warehouse", str(wh), *extra],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"dibao run failed:\n{proc.stdout}\n{proc.stderr}")
    return time.perf_counter() - started


def last_run(wh: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "flows.cli", "sql", "--warehouse", str(wh), "--format", "json",
                          "select documents_new, documents_changed, documents_skipped, documents_deleted "
                          "from runs order by started_at desc limit 1"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)[0]


def table_digest(wh: Path) -> str:
    """A digest of every compared view, clock columns left out, rows in a fixed order."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.helpers import snapshot_rows
    import hashlib
    return hashlib.sha256(repr(snapshot_rows(wh)).encode()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=30)
    args = ap.parse_args(argv)
    shutil.rmtree(OUT, ignore_errors=True)
    corpus = build_corpus(OUT / "corpus", args.copies)
    (OUT / "empty").mkdir(parents=True)
    print(f"corpus     {corpus.files} files, {corpus.bytes / 1e6:.1f} MB ({args.copies} copies)")
    empty = timed_run(OUT / "empty", OUT / "wh_empty", "--allow-empty")   # an empty input is refused without it
    first = timed_run(corpus.root, OUT / "wh")
    digest = table_digest(OUT / "wh")
    again = timed_run(corpus.root, OUT / "wh")
    same = table_digest(OUT / "wh") == digest
    again_counts = last_run(OUT / "wh")
    page = next(corpus.root.rglob("*.txt"))
    (page.parent / "bench-added-page.txt").write_bytes(page.read_bytes() + "\n新增一页。\n".encode("utf-8"))
    added = timed_run(corpus.root, OUT / "wh")
    added_counts = last_run(OUT / "wh")
    share = (again - empty) / max(first - empty, 1e-9)
    print(f"empty      {empty:6.1f} s  (fixed start-up)")
    print(f"first      {first:6.1f} s")
    print(f"again      {again:6.1f} s  {again_counts}  tables identical: {same}")
    print(f"one more   {added:6.1f} s  {added_counts}")
    print(f"share      (again - empty) / (first - empty) = {share:.1%}  (target <= 10%)")
    return 0 if same and again_counts["documents_new"] == again_counts["documents_changed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
