"""Incremental planning and batching, on plain records."""
from __future__ import annotations

from tasks.plan import FileInfo, Recorded, code_version, make_batches, plan_run, segment_id


def info(path, size=10, mtime=1, sha=None):
    return FileInfo(path, f"/in/{path}", size, mtime, sha)


RECORDED = {"a": Recorded("sha-a", "s1", 10, 1), "b": Recorded("sha-b", "s1", 10, 1), "c": Recorded("sha-c", "s2", 10, 1)}


def test_unchanged_by_stat_changed_by_hash_new_and_deleted():
    files = [info("a"), info("b", mtime=2, sha="sha-b"), info("c", mtime=2, sha="other"), info("d")]
    plan = plan_run(files, RECORDED, version_changed=False)
    assert plan.unchanged == ["a", "b"] and plan.changed == ["c"] and plan.new == ["d"] and plan.deleted == []
    assert [f.rel_path for f in plan.process] == ["c", "d"]
    assert plan.removed == {"c"}


def test_a_vanished_file_is_deleted():
    plan = plan_run([info("a"), info("b")], RECORDED, version_changed=False)
    assert plan.deleted == ["c"] and plan.removed == {"c"} and plan.process == []


def test_the_version_changes_with_the_rules_their_data_and_the_model(tmp_path):
    (tmp_path / "data").mkdir()
    files = {"rules.py": b"X = 1", "data/words.txt": b"a", "data/model.npz": b"weights"}
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    first = code_version("1", [tmp_path])
    assert code_version("1", [tmp_path]) == first and code_version("2", [tmp_path]) != first
    for name in files:   # a retrained model reprocesses like an edited rule
        (tmp_path / name).write_bytes(files[name] + b" changed")
        assert code_version("1", [tmp_path]) != first, name
        (tmp_path / name).write_bytes(files[name])
    (tmp_path / "notes.md").write_text("not read by the pipeline")
    assert code_version("1", [tmp_path]) == first


def test_new_rules_reprocess_everything():
    plan = plan_run([info("a"), info("d")], RECORDED, version_changed=True)
    assert plan.changed == ["a"] and plan.new == ["d"] and plan.deleted == ["b", "c"]
    assert [f.rel_path for f in plan.process] == ["a", "d"] and plan.removed == {"a", "b", "c"}


def test_batches_are_cut_by_bytes_in_path_order():
    files = [info(p, size=s) for p, s in [("c", 5), ("a", 5), ("b", 5), ("d", 1)]]
    assert [[f.rel_path for f in b] for b in make_batches(files, 10)] == [["a", "b"], ["c", "d"]]
    assert make_batches([], 10) == []


def test_segment_ids_do_not_depend_on_order_but_on_content_and_version():
    assert segment_id("v", [("a", "1"), ("b", "2")]) == segment_id("v", [("b", "2"), ("a", "1")])
    assert segment_id("v", [("a", "1")]) != segment_id("v", [("a", "2")]) != segment_id("w", [("a", "2")])
