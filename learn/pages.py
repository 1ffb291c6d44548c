"""Page-level figures on the invented page sets of learn/pages/: articles, people, titles, bylines, meetings
and participants, which the dev split's sentences cannot measure.

Every set is one folder of pages with its manifest and its reference (`gold.json`, the convention of
../shared/gold/seeds.json). All sets go through one `dibao run` (their files renamed `<set>--<file>` so that
no two share a name), and each set is scored by the shared scorer against that one warehouse. `floors.json`
holds the figures a change may not lower (tests/test_page_sets.py).
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from types import ModuleType

PAGES = Path(__file__).resolve().with_name("pages")
FLOORS = PAGES / "floors.json"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
FIGURES = ("articles", "people", "titles", "bylines", "meetings", "participants")
MANIFEST_FIELDS = ("file", "published", "source", "region")
# A set's files are renamed so; the scorer keys documents by file name.
SEP = "--"


def page_sets(names: Iterable[str] | None = None) -> list[Path]:
    """The set folders (every one holding a gold.json), or those named."""
    found = sorted(p.parent for p in PAGES.glob("*/gold.json"))
    if names is None:
        return found
    wanted = set(names)
    unknown = wanted - {p.name for p in found}
    if unknown:
        raise SystemExit(f"no page set {', '.join(sorted(unknown))} in {PAGES}")
    return [p for p in found if p.name in wanted]


def gather(sets: list[Path], into: Path) -> dict[str, dict]:
    """Copy every set's pages into one input folder with one manifest; returns each set's reference with its
    documents renamed as the copies are."""
    into.mkdir(parents=True, exist_ok=True)
    golds: dict[str, dict] = {}
    with open(into / "manifest.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=MANIFEST_FIELDS, lineterminator="\n")
        writer.writeheader()
        for folder in sets:
            with open(folder / "manifest.csv", encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    name = f"{folder.name}{SEP}{row['file']}"
                    shutil.copyfile(folder / row["file"], into / name)
                    writer.writerow({**{k: row.get(k, "") for k in MANIFEST_FIELDS}, "file": name})
            gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
            gold["documents"] = {f"{folder.name}{SEP}{k}": v for k, v in gold["documents"].items()}
            golds[folder.name] = gold
    return golds


@cache
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dibao_shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_dibao(input_dir: Path, warehouse: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--input", str(input_dir),
                          "--warehouse", str(warehouse)], capture_output=True, text=True)
    if run.returncode:
        tail = "\n".join(run.stderr.strip().splitlines()[-5:])
        raise RuntimeError(f"dibao run on the page sets failed ({run.returncode}):\n{tail}")


def score_sets(sets: list[Path]) -> dict[str, dict]:
    """The shared scorer's figures for each set (F1s with their tp/fp/fn), after one dibao run over all."""
    with tempfile.TemporaryDirectory() as tmp:
        golds = gather(sets, Path(tmp) / "pages")
        run_dibao(Path(tmp) / "pages", Path(tmp) / "wh")
        score = scorer()
        pred = score.load_prediction(str(Path(tmp) / "wh" / "dibao.duckdb"))
    return {name: score.score(gold, pred) for name, gold in golds.items()}


def pooled(figures: dict[str, dict], names: Iterable[str]) -> dict[str, float]:
    """F1 of each figure over the named sets' counts taken together (the shared scorer's arithmetic)."""
    prf = scorer().prf
    return {fig: round(prf(*(sum(figures[n][fig][k] for n in names) for k in ("tp", "fp", "fn")))[2], 3)
            for fig in FIGURES}


def groups(names: Iterable[str]) -> dict[str, list[str]]:
    """Pools: the local stand-ins, each probe kind, and the check sets never fixed from."""
    names = list(names)
    out = {"local stand-ins": [n for n in names if n.startswith("local-")]}
    for kind in ("layouts", "people", "meetings"):
        out[f"{kind} probes"] = [n for n in names if n.startswith(f"{kind}-")]
    out["check sets (never fixed from)"] = [n for n in names if is_check(n)]
    out["all"] = names
    return {k: v for k, v in out.items() if v}


# Stand-ins of the local set kept as checks: scored blind, and never fixed from.
CHECK_STAND_INS = frozenset({"local-28", "local-29", "local-30", "local-31"})


def is_check(name: str) -> bool:
    """A probe's set b or c was written beside set a and never fixed from; so were the stand-ins kept as checks."""
    if name.startswith("local-"):
        return name in CHECK_STAND_INS
    return name.rstrip("0123456789")[-1] in "bc"


def table(figures: dict[str, dict]) -> str:
    lines = ["| set | " + " | ".join(FIGURES) + " | dates |", "|---|" + "---|" * (len(FIGURES) + 1)]
    for name, f in figures.items():
        lines.append(f"| {name} | " + " | ".join(f"{f[k]['f1']:.3f}" for k in FIGURES)
                     + f" | {f['dates']['accuracy']:.3f} |")
    for label, names in groups(figures).items():
        p = pooled(figures, names)
        lines.append(f"| **{label}** ({len(names)}) | " + " | ".join(f"{p[k]:.3f}" for k in FIGURES) + " | |")
    return "\n".join(lines)


def below_floors(figures: dict[str, dict], floors: dict[str, dict[str, float]]) -> list[str]:
    """Every figure of a set that fell below its floor, as 'set figure: now < floor'."""
    return [f"{name} {fig}: {figures[name][fig]['f1']:.3f} < {floor:.3f}"
            for name, by_fig in floors.items() if name in figures
            for fig, floor in by_fig.items() if figures[name][fig]["f1"] < floor]


def report(figures: dict[str, dict]) -> str:
    """The table, then what fell below floors.json (when there is one)."""
    lines = [table(figures)]
    if FLOORS.exists():
        fell = below_floors(figures, json.loads(FLOORS.read_text()))
        lines.append(f"below the floors of {FLOORS.name}: " + ("; ".join(fell) if fell else "none"))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help="set names (default: all of learn/pages/)")
    ap.add_argument("--json", type=Path, help="also write every set's figures here")
    ap.add_argument("--write-floors", action="store_true",
                    help="record these F1s as the floors the tests hold (after a change meant to move them)")
    args = ap.parse_args()
    figures = score_sets(page_sets(args.sets or None))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False))
    if args.write_floors:
        print(table(figures))
        FLOORS.write_text(json.dumps({n: {k: f[k]["f1"] for k in FIGURES} for n, f in figures.items()},
                                     indent=1, ensure_ascii=False) + "\n")
        print(f"floors written to {FLOORS}")
    else:
        print(report(figures))


if __name__ == "__main__":
    main()
