"""A folder of every kind of bad input through the real command: exit 0, every file accounted for."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS, SHARED, run_dibao

SEED = (SEEDS / "003_2b0bcd877abb46a3.txt").read_text(encoding="utf-8")
UDN = (SHARED / "eval" / "udn" / "udn_2550410.txt").read_text(encoding="utf-8").replace("\xa0", " ")


def build_folder(root: Path) -> set[str]:
    """Write the categories of the reliability issue; returns the relative paths of every file."""
    (root / "子目录 with space").mkdir(parents=True)
    files = {
        "utf8.txt": SEED.encode("utf-8"),
        "utf8-bom.txt": b"\xef\xbb\xbf" + SEED.encode("utf-8"),
        "utf16le.txt": b"\xff\xfe" + SEED.encode("utf-16-le"),
        "utf16be.txt": b"\xfe\xff" + SEED.encode("utf-16-be"),
        "gb18030.txt": SEED.encode("gb18030"),
        "big5.txt": UDN.encode("big5"),
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n ",
        "image.png": b"\x89PNG\r\n\x1a\n" + os.urandom(200),
        "random.bin": bytes(range(256)) * 8,
        "truncated.txt": SEED.encode("utf-8")[:-1],
        "nul.txt": SEED.encode("utf-8").replace("。".encode(), "。\x00".encode(), 3),
        "one-line.txt": (SEED.replace("\n", "") * 400).encode("utf-8"),
        "子目录 with space/页面 一.txt": SEED.encode("utf-8"),
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    os.symlink("..", root / "子目录 with space" / "loop")
    (root / "manifest.csv").write_text("file,published,source,region\nutf8.txt,2022,某报,巫山县\n"
                                       "missing.txt,2022,,\ngb18030.txt,2022-13-45,,\n", encoding="utf-8")
    return set(files)


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    inp, wh = root / "in", root / "wh"
    names = build_folder(inp)
    proc = run_dibao("run", "--input", str(inp), "--warehouse", str(wh))
    con = duckdb.connect(str(wh / "dibao.duckdb"), read_only=True)
    yield proc, con, names
    con.close()


def test_exit_0_and_a_summary_that_counts_the_rejects(bad_run):
    proc, _, _ = bad_run
    assert proc.returncode == 0, proc.stderr
    assert "rejects" in proc.stdout


def test_every_file_is_in_documents_or_rejects_with_a_reason(bad_run):
    _, con, names = bad_run
    docs = {r[0] for r in con.execute("select doc_id from documents").fetchall()}
    rejects = dict(con.execute("select path, reason from rejects").fetchall())
    assert names <= docs | set(rejects)
    assert not docs & set(rejects)
    assert all(len(reason) > 10 for reason in rejects.values())
    assert {"empty.txt", "blank.txt", "image.png", "random.bin"} <= set(rejects)
    assert "PNG" in rejects["image.png"]


@pytest.mark.parametrize("doc", ["gb18030.txt", "big5.txt", "utf16le.txt", "utf16be.txt", "truncated.txt", "nul.txt"])
def test_other_encodings_are_decoded_and_their_people_extracted(bad_run, doc):
    _, con, _ = bad_run
    names = {r[0] for r in con.execute(
        "select name from article_people ap join articles a using (article_id) where a.doc_id = ? and role = 'subject'",
        [doc]).fetchall()}
    expected = "柯文哲" if doc == "big5.txt" else "曹邦兴"
    assert expected in names


def test_the_manifest_problems_are_warnings(bad_run):
    proc, con, _ = bad_run
    assert "missing.txt" in proc.stdout and "gb18030.txt" in proc.stdout
    assert con.execute("select region from documents where doc_id = 'utf8.txt'").fetchone()[0] == "巫山县"


def test_strict_fails_the_run_when_anything_is_rejected(tmp_path):
    folder = tmp_path / "in"
    build_folder(folder)
    proc = run_dibao("run", "--input", str(folder), "--warehouse", str(tmp_path / "wh"), "--strict")
    assert proc.returncode == 4 and "--strict" in proc.stderr


def test_a_missing_input_folder_is_one_clear_line(tmp_path):
    proc = run_dibao("run", "--input", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "wh"))
    assert proc.returncode == 2 and "does not exist" in proc.stderr and proc.stderr.count("\n") == 1
