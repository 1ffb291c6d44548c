"""OpenCC's own conversion cases, run through dibao's to_simplified (not through opencc directly).

The cases live in ../shared/eval/opencc (copied from BYVoid/OpenCC test/testcases): *.in/*.ans
line pairs per configuration, and testcases.json (one trailing comma: not strict JSON).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tasks.normalise import to_simplified

OPENCC_CASES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "opencc"
# Configurations that convert to Simplified; the JSON also holds s2t, jp2t ... cases we never use.
TO_SIMPLIFIED = ("t2s", "tw2s", "hk2s", "tw2sp", "hk2sp")
# Character-level configurations, the ones normalise_page relies on for idempotence.
CHARACTER_LEVEL = ("t2s", "tw2s", "hk2s")
TRAILING_COMMA = re.compile(r",(\s*[\]}])")


def _load_json_lenient(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return json.loads(TRAILING_COMMA.sub(r"\1", text))


def _line_pairs() -> list[tuple[str, str, str]]:
    cases = []
    for config in TO_SIMPLIFIED:
        source, answer = OPENCC_CASES / f"{config}.in", OPENCC_CASES / f"{config}.ans"
        if not source.exists():
            continue
        ins = source.read_text(encoding="utf-8").splitlines()
        ans = answer.read_text(encoding="utf-8").splitlines()
        assert len(ins) == len(ans), f"{config}: .in and .ans differ in line count"
        cases += [(config, i, a) for i, a in zip(ins, ans) if i.strip()]
    return cases


def _json_cases() -> list[tuple[str, str, str, str]]:
    data = _load_json_lenient(OPENCC_CASES / "testcases.json")
    return [(case["id"], config, case["input"], expected)
            for case in data["cases"]
            for config, expected in case["expected"].items() if config in TO_SIMPLIFIED]


LINE_PAIRS = _line_pairs()
JSON_CASES = _json_cases()


def test_the_shared_cases_are_there():
    counts = {c: sum(1 for k, *_ in LINE_PAIRS if k == c) for c in TO_SIMPLIFIED}
    assert counts["t2s"] >= 1 and counts["tw2s"] >= 1 and counts["hk2s"] >= 1
    json_counts = {c: sum(1 for _, k, *_ in JSON_CASES if k == c) for c in TO_SIMPLIFIED}
    assert min(json_counts[c] for c in CHARACTER_LEVEL) >= 10


@pytest.mark.parametrize(("config", "source", "answer"), LINE_PAIRS,
                         ids=[f"{c}-{n}" for n, (c, *_) in enumerate(LINE_PAIRS)])
def test_in_ans_line(config, source, answer):
    assert to_simplified(source, config) == answer


@pytest.mark.parametrize("config", sorted({c for c, *_ in LINE_PAIRS}))
def test_in_ans_whole_file_equals_line_by_line(config):
    source = (OPENCC_CASES / f"{config}.in").read_text(encoding="utf-8")
    answer = (OPENCC_CASES / f"{config}.ans").read_text(encoding="utf-8")
    assert to_simplified(source, config).rstrip("\n") == answer.rstrip("\n")


@pytest.mark.parametrize(("case_id", "config", "source", "expected"), JSON_CASES,
                         ids=[f"{i}-{c}" for i, c, *_ in JSON_CASES])
def test_json_case(case_id, config, source, expected):
    assert to_simplified(source, config) == expected


@pytest.mark.parametrize(("case_id", "config", "source", "expected"),
                         [c for c in JSON_CASES if c[1] == "t2s"],
                         ids=[c[0] for c in JSON_CASES if c[1] == "t2s"])
def test_t2s_output_is_stable_under_a_second_conversion(case_id, config, source, expected):
    # OpenCC alone is not idempotent (乾縣 -> 乾县 -> 干县); normalise_page must be.
    out = to_simplified(source)
    assert to_simplified(out) == out
