"""Incremental runs at scale: `python -m bench.incremental [--copies 30]`.

Builds every page of seeds/ and ../shared/eval (pd1998 joined into ~10 KB pages) copied N times
(~27 MB, ~3,900 files at 30), then times, in one go:
  empty    a run on an empty folder (the fixed start-up cost),
  first    a full run on a fresh warehouse,
  again    a second run with nothing changed (must process nothing and leave every table identical),
  one more a run after adding one page (must process only that page),
and prints the share (again - empty) / (first - empty), which the orchestration issue wants <= 10%.

`--against TREE [--rounds N]` instead times this tree beside another checkout of dibao (with its own
.venv, e.g. an older commit: `git worktree add ../old <rev> && make -C ../old install`) on the same
corpus: one first run each, then N rounds of empty / again / one more, alternating which tree goes first,
so that both see the same machine load. Prints each tree's mean and its runs, in wall seconds and in CPU
seconds of the run's processes (user + system, children included): on a shared machine the wall clock
swings with others' load, the CPU seconds much less.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

from bench.corpus import build_corpus

OUT = Path(__file__).resolve().parent / "out" / "incremental"


HERE_TREE = Path(__file__).resolve().parents[1]


def tree_python(tree: Path) -> str:
    """The interpreter that runs a tree's dibao: this one here, the tree's own .venv elsewhere."""
    return sys.executable if tree == HERE_TREE else str(tree / ".venv" / "bin" / "python")


class Timing(NamedTuple):
    wall: float
    cpu: float   # user + system seconds of the run and every process it waited for


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed_run(inp: Path, wh: Path, *extra: str, tree: Path = HERE_TREE) -> Timing:
    started, cpu = time.perf_counter(), children_cpu()
    proc = subprocess.run([tree_python(tree), "-m", "flows.cli", "run", "--input", str(inp), "--warehouse", str(wh), *extra],
                          capture_output=True, text=True, cwd=tree)
    if proc.returncode != 0:
        raise SystemExit(f"dibao run failed:\n{proc.stdout}\n{proc.stderr}")
    return Timing(time.perf_counter() - started, children_cpu() - cpu)


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


def empty_flags(tree: Path) -> tuple[str, ...]:
    """What makes that tree's dibao run accept an empty folder (older trees had no --allow-empty)."""
    usage = subprocess.run([tree_python(tree), "-m", "flows.cli", "run", "--help"], capture_output=True, text=True,
                           cwd=tree).stdout
    return ("--allow-empty",) if "--allow-empty" in usage else ()


def side_by_side(corpus_root: Path, other: Path, rounds: int) -> int:
    trees = {"this": HERE_TREE, "other": other.resolve()}
    if not Path(tree_python(trees["other"])).exists():
        raise SystemExit(f"{other}: no .venv there; run `make install` in that tree first")
    flags = {k: empty_flags(t) for k, t in trees.items()}
    (OUT / "empty").mkdir(parents=True, exist_ok=True)
    times: dict[tuple[str, str], list[Timing]] = {(k, phase): [] for k in trees for phase in ("empty", "again", "one more")}
    for k, tree in trees.items():
        first = timed_run(corpus_root, OUT / f'wh_{k}', tree=tree)
        print(f"first      {k:5} {first.wall:6.1f} s, CPU {first.cpu:6.1f} s  ({tree})", flush=True)
    page = next(corpus_root.rglob("*.txt"))
    for r in range(rounds):
        order = list(trees) if r % 2 == 0 else list(trees)[::-1]
        for k in order:
            shutil.rmtree(OUT / f"empty_wh_{k}", ignore_errors=True)
            times[k, "empty"].append(timed_run(OUT / "empty", OUT / f"empty_wh_{k}", *flags[k], tree=trees[k]))
        for k in order:
            times[k, "again"].append(timed_run(corpus_root, OUT / f"wh_{k}", tree=trees[k]))
        (page.parent / f"bench-added-page-{r}.txt").write_bytes(page.read_bytes() + f"\n新增一页{r}。\n".encode("utf-8"))
        for k in order:
            times[k, "one more"].append(timed_run(corpus_root, OUT / f"wh_{k}", tree=trees[k]))
    for phase in ("empty", "again", "one more"):
        for clock in ("wall", "cpu"):
            cells, means = [], {}
            for k in trees:
                runs = [getattr(t, clock) for t in times[k, phase]]
                means[k] = sum(runs) / len(runs)
                cells.append(f"{k} {means[k]:5.2f} s ({', '.join(f'{x:.1f}' for x in runs)})")
            label = phase if clock == "wall" else "  CPU"
            print(f"{label:10} " + "   ".join(cells) + f"   this/other {means['this'] / means['other'] - 1:+.1%}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=30)
    ap.add_argument("--against", type=Path, help="another dibao checkout (with .venv) to time side by side")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds with --against")
    args = ap.parse_args(argv)
    shutil.rmtree(OUT, ignore_errors=True)
    corpus = build_corpus(OUT / "corpus", args.copies)
    if args.against is not None:
        print(f"corpus     {corpus.files} files, {corpus.bytes / 1e6:.1f} MB ({args.copies} copies)")
        return side_by_side(corpus.root, args.against, args.rounds)
    (OUT / "empty").mkdir(parents=True)
    print(f"corpus     {corpus.files} files, {corpus.bytes / 1e6:.1f} MB ({args.copies} copies)")
    empty = timed_run(OUT / "empty", OUT / "wh_empty", "--allow-empty").wall   # an empty input is refused without it
    first = timed_run(corpus.root, OUT / "wh").wall
    digest = table_digest(OUT / "wh")
    again = timed_run(corpus.root, OUT / "wh").wall
    same = table_digest(OUT / "wh") == digest
    again_counts = last_run(OUT / "wh")
    page = next(corpus.root.rglob("*.txt"))
    (page.parent / "bench-added-page.txt").write_bytes(page.read_bytes() + "\n新增一页。\n".encode("utf-8"))
    added = timed_run(corpus.root, OUT / "wh").wall
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
