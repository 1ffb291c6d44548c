"""The labelled sentences of ../shared/train/names.jsonl.gz, split once into train and dev per source.

The split is a hash of each line's id, so it never moves when lines are added or reordered: one line in
ten of every source is dev. Long paragraphs are cut into sentences (at 。！？；, never inside a span) so
that a sequence labeller sees sentence-sized inputs.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from tasks.config import PROJECT_ROOT

DATA_FILE = PROJECT_ROOT.parent / "shared" / "train" / "names.jsonl.gz"
SOURCES = ("pd1998", "msra", "cluener", "resume")
# Labels each source annotates; a label a source leaves unannotated is not scored there.
ANNOTATES = {"pd1998": {"PER", "ORG", "LOC"}, "msra": {"PER", "ORG", "LOC"},
             "cluener": {"PER", "TITLE", "ORG", "GOV", "LOC"}, "resume": {"PER", "TITLE", "ORG", "LOC"}}
DEV_SHARE = 10          # one line in DEV_SHARE is dev
MAX_PIECE = 160
SENTENCE_END_RE = re.compile("[。！？；!?;]")


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    source: str
    text: str
    spans: tuple[tuple[int, int, str], ...]


def is_dev(line_id: str) -> bool:
    return int(hashlib.sha1(line_id.encode()).hexdigest()[:8], 16) % DEV_SHARE == 0


def read(path: Path = DATA_FILE) -> list[Example]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [Example(r["id"], r["source"], r["text"], tuple((a, b, l) for a, b, l in r["spans"]))
                for r in map(json.loads, fh)]


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    train = [e for e in examples if not is_dev(e.id)]
    dev = [e for e in examples if is_dev(e.id)]
    return train, dev


def pieces(e: Example, limit: int = MAX_PIECE) -> list[Example]:
    """The example cut into sentences of at most ~limit characters, spans shifted to each piece."""
    if len(e.text) <= limit:
        return [e]
    inside = set()
    for a, b, _ in e.spans:
        inside.update(range(a, b))
    cuts = [m.end() for m in SENTENCE_END_RE.finditer(e.text) if m.start() not in inside]
    out, start, k = [], 0, 0
    for end in cuts + [len(e.text)]:
        if end - start < limit // 4 and end != len(e.text):
            continue   # keep short clauses with the next ones
        text = e.text[start:end]
        spans = tuple((a - start, b - start, l) for a, b, l in e.spans if a >= start and b <= end)
        if text.strip():
            out.append(Example(f"{e.id}/{k}", e.source, text, spans))
            k += 1
        start = end
    return out
