"""Arrow's allocator for the per-document work: `python -m bench.allocator [--copies 5] [--rounds 4]`.

Builds `--copies` copies of the reference pages (bench/corpus.py, ~0.85 MB each) under
bench/out/allocator/, then, in alternating fresh processes (so both see the same machine load), runs
`tasks.batch.process_batch` over them in the chunks a pool worker gets, once with pyarrow's default pool
and once with what `flows.work.use_jemalloc` sets, and prints CPU seconds (user + system) and system
seconds of each run, their means and the ratio. Every process warms up first (dictionaries, the model).
Benchmarks report; they never assert.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from statistics import mean

from bench.corpus import build_corpus

OUT = Path(__file__).resolve().parent / "out" / "allocator"
POOL_ENV = "ARROW_DEFAULT_MEMORY_POOL"


def measure(root: Path, jemalloc: bool) -> dict[str, float]:
    """In this process: warm up, then process the corpus in worker-sized chunks; CPU and system seconds."""
    from bench.run import chunks, raw_documents, warm_up
    from bench.corpus import Corpus, corpus_files
    from tasks.batch import process_batch
    import pyarrow as pa
    files = corpus_files(root)
    corpus = Corpus(root, 1, len(files), sum(p.stat().st_size for p in files))
    raws = raw_documents(corpus, files)
    warm_up(worker_allocator=jemalloc)
    from datetime import datetime, timezone
    before, cpu = resource.getrusage(resource.RUSAGE_SELF), time.process_time()
    for chunk in chunks(raws):
        process_batch(chunk, version="bench", now=datetime.now(timezone.utc))
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu_s": time.process_time() - cpu, "sys_s": after.ru_stime - before.ru_stime,
            "mb": corpus.bytes / 1e6, "pool": pa.default_memory_pool().backend_name}


def run_one(root: Path, jemalloc: bool) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != POOL_ENV}   # pyarrow's own default, unless jemalloc
    out = subprocess.run([sys.executable, "-m", "bench.allocator", "--measure", str(root)]
                         + (["--jemalloc"] if jemalloc else []),
                         capture_output=True, text=True, check=True, env=env,
                         cwd=Path(__file__).resolve().parents[1])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--jemalloc", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.jemalloc)))
        return
    corpus = build_corpus(OUT / "corpus", args.copies)
    runs: dict[bool, list[dict[str, float]]] = {False: [], True: []}
    for r in range(args.rounds):
        for jemalloc in ((False, True) if r % 2 == 0 else (True, False)):
            runs[jemalloc].append(run_one(corpus.root, jemalloc))
    print(f"corpus     {corpus.files:,} files, {corpus.bytes / 1e6:.1f} MB, {args.rounds} rounds, alternating")
    for jemalloc, label in ((False, "default"), (True, "use_jemalloc")):
        rs = runs[jemalloc]
        print(f"{label:<13}{rs[0]['pool']:<10} CPU {mean(r['cpu_s'] for r in rs):5.2f} s "
              f"({', '.join(format(r['cpu_s'], '.2f') for r in rs)}), system {mean(r['sys_s'] for r in rs):4.2f} s")
    ratio = mean(r["cpu_s"] for r in runs[True]) / mean(r["cpu_s"] for r in runs[False])
    print(f"ratio      use_jemalloc / default CPU = {ratio:.3f}")


if __name__ == "__main__":
    main()
