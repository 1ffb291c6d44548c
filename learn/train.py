"""`make train`: fit the name model on the train split and export it to tasks/data/ner_model.npz.

CRFsuite (L-BFGS, elastic net) learns from every source's PER spans (all four sources annotate people);
the export keeps only the features with a non-zero weight. Deterministic: the same data gives the same
model file.
"""
from __future__ import annotations

import argparse
import logging
import tempfile
import time
from pathlib import Path

import pycrfsuite

from learn.data import DATA_FILE, pieces, read, split
from tasks.ner import MODEL_FILE, NameModel, attributes
from tasks.segment import tag_raw

log = logging.getLogger(__name__)

PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def labels_for(text: str, spans) -> list[str]:
    out = ["O"] * len(text)
    for a, b, label in spans:
        if label == "PER":
            out[a] = "B"
            for i in range(a + 1, b):
                out[i] = "I"
    return out


def train(data: Path, out: Path, *, limit: int | None = None, iterations: int | None = None) -> NameModel:
    examples, _ = split(read(data))
    if limit:
        examples = examples[:: max(1, len(examples) // limit)]
    trainer = pycrfsuite.Trainer(verbose=False)
    started = time.perf_counter()
    chars = 0
    for e in examples:
        for p in pieces(e):
            trainer.append(attributes(p.text, tag_raw(p.text)), labels_for(p.text, p.spans))
            chars += len(p.text)
    log.info("features of %d characters in %.0f s", chars, time.perf_counter() - started)
    trainer.set_params({**PARAMS, **({"max_iterations": iterations} if iterations else {})})
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "crf.model")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        model = NameModel.from_crfsuite(tagger.info())
    log.info("trained in %.0f s: %d features", time.perf_counter() - started,
             sum(len(k) for k, _ in model.tables.values()))
    model.save(out)
    return model


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA_FILE)
    ap.add_argument("--out", type=Path, default=MODEL_FILE)
    ap.add_argument("--limit", type=int, help="train on about this many lines (a quick look)")
    ap.add_argument("--iterations", type=int)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    train(args.data, args.out, limit=args.limit, iterations=args.iterations)


if __name__ == "__main__":
    main()
