"""The sentence a row was read from, so that a researcher can cite it.

A sentence runs from just after the previous sentence end (。！？；, or a line break) to its own end,
included; surrounding blanks are stripped. Offsets are into the text the extractor read.
"""
from __future__ import annotations

import re

SENTENCE_ENDS = "。！？；!?;\n"
# Runs of characters that end no sentence, matched on the reversed text (backwards) and forwards: one
# C-speed match each way instead of a loop over characters.
NO_END_RE = re.compile(f"[^{SENTENCE_ENDS}]*")
CLOSERS_RE = re.compile("[”」』）)]*")
MAX_EVIDENCE = 300


def sentence_span(text: str, i: int) -> tuple[int, int]:
    """(start, end) of the sentence holding text[i]; its end mark and closing quotes are included."""
    i = min(max(i, 0), len(text))
    back = NO_END_RE.match(text[i - 1::-1] if i else "")
    start = i - (back.end() if back else 0)
    end = NO_END_RE.match(text, i).end()
    if end < len(text) and text[end] != "\n":
        end = CLOSERS_RE.match(text, end + 1).end()
    return start, end


def sentence_at(text: str, i: int) -> str:
    """The sentence holding text[i], stripped; a very long one (a list page) is cut around i."""
    start, end = sentence_span(text, i)
    if end - start > MAX_EVIDENCE:
        start = max(start, i - MAX_EVIDENCE // 2)
        end = min(end, start + MAX_EVIDENCE)
    return text[start:end].strip()


def evidence_of(text: str, name: str, at: int = 0) -> str | None:
    """The sentence of the first occurrence of `name` from `at` (else anywhere); None if it is absent."""
    k = text.find(name, at)
    if k < 0:
        k = text.find(name)
    return sentence_at(text, k) if k >= 0 else None
