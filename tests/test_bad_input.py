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


# --- manifests and special files (read like a page, never through a link to the system) ----------------------

def special_folder(root: Path) -> Path:
    """Seeds, a FIFO named manifest.csv in a subfolder, a manifest linked to /dev/zero in another, and a page
    linked to /proc/self/environ."""
    inp = root / "in"
    (inp / "fifo").mkdir(parents=True)
    (inp / "zero").mkdir()
    for name in ("003_2b0bcd877abb46a3.txt", "manifest.csv"):
        (inp / name).write_bytes((SEEDS / name).read_bytes())
    (inp / "fifo" / "a.txt").write_text(SEED, encoding="utf-8")
    (inp / "zero" / "b.txt").write_text(SEED, encoding="utf-8")
    os.mkfifo(inp / "fifo" / "manifest.csv")
    os.symlink("/dev/zero", inp / "zero" / "manifest.csv")
    os.symlink("/proc/self/environ", inp / "env.txt")
    return inp


@pytest.fixture(scope="module")
def special_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("special")
    inp, wh = special_folder(root), root / "wh"
    # A FIFO opened for reading waits for a writer: a hang would end in the timeout, not in a pass.
    proc = run_dibao("run", "--input", str(inp), "--warehouse", str(wh), timeout=300,
                     env={"DIBAO_TEST_SECRET": "do-not-ingest-me"})
    con = duckdb.connect(str(wh / "dibao.duckdb"), read_only=True)
    yield proc, con
    con.close()


def test_manifest_fifo_is_a_reject_and_the_run_does_not_hang(special_run):
    proc, con = special_run
    assert proc.returncode == 0, proc.stderr
    reason = dict(con.execute("select path, reason from rejects").fetchall())["fifo/manifest.csv"]
    assert "FIFO" in reason and "manifest" in reason
    assert con.execute("select count(*) from documents where doc_id = 'fifo/a.txt'").fetchone()[0] == 1


def test_manifest_symlink_to_dev_zero_is_a_reject(special_run):
    _, con = special_run
    reason = dict(con.execute("select path, reason from rejects").fetchall())["zero/manifest.csv"]
    assert "/dev/zero" in reason and "never read" in reason


def test_symlink_to_proc_self_environ_is_a_reject_never_a_document(special_run):
    _, con = special_run
    rejects = dict(con.execute("select path, reason from rejects").fetchall())
    assert "/proc/" in rejects["env.txt"]
    assert con.execute("select count(*) from documents where doc_id = 'env.txt'").fetchone()[0] == 0
    for table, column in (("articles", "body"), ("tokens", "token"), ("documents", "doc_id")):
        assert con.execute(f"select count(*) from {table} where {column} like '%do-not-ingest-me%'").fetchone()[0] == 0
    # no manifest became a page, and the root manifest still applied
    assert con.execute("select count(*) from documents where doc_id like '%manifest.csv'").fetchone()[0] == 0
    assert con.execute("select region from documents where doc_id = '003_2b0bcd877abb46a3.txt'").fetchone()[0] == "巫山县"


def test_chmod_retry_a_file_rejected_as_unreadable_is_read_once_it_is_readable(tmp_path, monkeypatch):
    """Runs as root cannot be denied a read by chmod, so the denial is the reader's answer, stubbed: what is
    tested is what a run records for such a file and how the next run plans it."""
    from datetime import datetime, timezone

    from flows import pipeline, work
    from tasks.ingest import RejectError
    from tasks.plan import FileInfo, Recorded, needs_hash, plan_run

    page = tmp_path / "a.txt"
    page.write_text(SEED, encoding="utf-8")
    st = page.stat()
    f = FileInfo("a.txt", str(page), st.st_size, st.st_mtime_ns, None, "in")

    def denied(*_args, **_kwargs):
        raise RejectError("cannot read: permission denied")

    monkeypatch.setattr(work, "read_source", denied)
    now = datetime(2026, 12, 3, tzinfo=timezone.utc)
    first = work.stage_chunk([f], {}, version="t", now=now, data_url=f"{tmp_path / 'wh' / 'data'}/", run_id="r1")
    assert first.documents == 0 and first.rejects == 1
    state = first.docs["a.txt"]
    recorded = {"a.txt": Recorded(state.sha256, first.segment, state.size, state.mtime_ns)}
    # Size and mtime did not move (chmod moves neither), yet the file is looked at again...
    assert needs_hash(f, recorded["a.txt"])

    def still_denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pipeline, "open", still_denied, raising=False)
    again = pipeline.fingerprint_task.fn([f], recorded)
    assert plan_run(again, recorded, version_changed=False).unchanged == ["a.txt"]   # still unreadable: still a reject
    monkeypatch.delattr(pipeline, "open")
    fixed = pipeline.fingerprint_task.fn([f], recorded)   # ...and after the chmod it is read
    plan = plan_run(fixed, recorded, version_changed=False)
    assert plan.changed == ["a.txt"] and plan.removed == {"a.txt"}
    monkeypatch.undo()
    second = work.stage_chunk(plan.process, {}, version="t", now=now, data_url=f"{tmp_path / 'wh' / 'data'}/", run_id="r2")
    assert second.documents == 1 and second.rejects == 0
