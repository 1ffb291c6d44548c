"""Ingest: discovery, reading, decoding and the manifest, on files built in tmp_path at test time."""
from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks import ingest
from tasks.ingest import (
    MANIFEST_NAME, Decoded, ManifestEntry, RejectError, SourceFile, decode_bytes, discover, parse_manifest,
    discover_all, has_input, read_manifest, read_manifests, read_source, sha256_hex,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_PAGES = sorted((ROOT / "seeds").glob("*.txt"))
# udn pages are Traditional (聯合報); Big5 has no NO-BREAK SPACE, so it is written as a plain space.
UDN_PAGES = sorted((SHARED / "eval" / "udn").glob("*.txt"))


def seed_text(i: int = 0) -> str:
    return SEED_PAGES[i].read_text(encoding="utf-8")


def udn_text(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace("\xa0", " ")


def reject_reason(data: bytes) -> str:
    with pytest.raises(RejectError) as info:
        decode_bytes(data)
    return info.value.reason


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """An input folder with spaces and Chinese in names, nested folders and a root manifest."""
    root = tmp_path / "input"
    (root / "sub dir" / "深层").mkdir(parents=True)
    (root / "页面 一.txt").write_text("永川区召开会议", encoding="utf-8")
    (root / "sub dir" / "页面.txt").write_text("区委书记主持会议", encoding="utf-8")
    (root / "sub dir" / "深层" / "b.txt").write_bytes("巫山县".encode("gb18030"))
    (root / "sub dir" / MANIFEST_NAME).write_text("file\n", encoding="utf-8")  # metadata too, never a page
    (root / MANIFEST_NAME).write_text("file,published\n页面 一.txt,2022\n", encoding="utf-8")
    return root


def rel_paths(files: list[SourceFile]) -> list[str]:
    return [f.rel_path for f in files]


# --- decoding: encodings -----------------------------------------------------------------------------------

def test_utf8_without_bom_is_utf8():
    text = seed_text()
    assert decode_bytes(text.encode("utf-8")) == Decoded(text, "utf-8", None)


def test_utf8_with_bom_drops_the_bom():
    text = seed_text(1)
    decoded = decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    assert (decoded.encoding, decoded.text) == ("utf-8-sig", text)


@pytest.mark.parametrize(("codec", "bom", "label"), [
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
    ("utf-32-le", codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_utf16_and_utf32_with_bom(codec: str, bom: bytes, label: str):
    text = seed_text(2)
    decoded = decode_bytes(bom + text.encode(codec))
    assert (decoded.encoding, decoded.text) == (label, text)


def test_utf16_without_bom_is_recognised_from_nul_pattern():
    decoded = decode_bytes("Report 2022: 会议 held\n".encode("utf-16-le"))
    assert decoded.encoding == "utf-16-le" and decoded.text == "Report 2022: 会议 held\n"
    assert "no byte order mark" in decoded.note


@pytest.mark.parametrize("page", SEED_PAGES, ids=lambda p: p.name)
def test_every_seed_page_in_gb18030_decodes_as_gb18030(page: Path):
    text = page.read_text(encoding="utf-8")
    assert decode_bytes(text.encode("gb18030")) == Decoded(text, "gb18030", None)


def test_gbk_bytes_are_reported_as_gb18030():
    text = seed_text(3)
    decoded = decode_bytes(text.encode("gbk"))
    assert (decoded.encoding, decoded.text) == ("gb18030", text)


@pytest.mark.parametrize("page", UDN_PAGES, ids=lambda p: p.name)
def test_every_udn_page_in_big5_decodes_as_big5(page: Path):
    text = udn_text(page)
    data = text.encode("big5")
    data.decode("gb18030")  # the ambiguity under test: these Big5 bytes are valid GB18030 as well
    assert decode_bytes(data) == Decoded(text, "big5", None)


def test_traditional_text_saved_as_gb18030_stays_gb18030():
    text = udn_text(UDN_PAGES[0])
    assert decode_bytes(text.encode("gb18030")).encoding == "gb18030"


def test_windows_big5_extension_falls_back_to_cp950():
    text = "報導指出，立法院會議時間延後。"
    data = text.encode("big5") + b"\xf9\xfe"  # F9FE is in Windows' cp950 (ETEN block), not in plain Big5
    assert decode_bytes(data) == Decoded(text + "▓", "big5", None)


# --- decoding: rejects ----------------------------------------------------------------------------------------

def test_empty_file_is_rejected():
    assert reject_reason(b"") == "empty file (0 bytes)"


@pytest.mark.parametrize("data", [b" \n\t\r\n", "\u3000\u3000\n".encode("utf-8"), codecs.BOM_UTF8 + b"  "])
def test_whitespace_only_is_rejected(data: bytes):
    assert reject_reason(data) == "contains only whitespace"


@pytest.mark.parametrize(("data", "kind"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    (b"%PDF-1.7\n%\xe2\xe3", "a PDF document"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive"),
    (b"\x1f\x8b\x08\x00\x00\x00", "a gzip archive"),
    (b"\x7fELF\x02\x01\x01\x00", "an ELF executable"),
    (b"SQLite format 3\x00\x10\x00", "an SQLite database"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "a WebP image"),
    (b"\x00\x00\x00\x20ftypisom\x00\x00", "an MP4"),
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "a Windows executable"),
    (b"ID3\x04\x00\x00\x00\x00", "an MP3"),
])
def test_binary_magic_numbers_are_named(data: bytes, kind: str):
    assert reject_reason(data + bytes(range(256))).startswith(f"not text: looks like {kind}")


def test_text_starting_like_a_magic_word_is_still_text():
    assert decode_bytes("MZ-3型抽水机到位".encode("utf-8")).encoding == "utf-8"


def test_random_bytes_are_rejected():
    data = random.Random(0).randbytes(4096)
    reason = reject_reason(data)
    assert reason.startswith("not text") or reason.startswith("undecodable")


def test_control_heavy_bytes_look_binary():
    data = bytes(range(32)) * 20 + b"some text"
    assert reject_reason(data).endswith("control bytes, looks binary")


def test_undecodable_names_the_first_bad_offset():
    head = seed_text().encode("utf-8")[:3000]
    head = head[:len(head.decode("utf-8", "ignore").encode("utf-8"))]  # cut on a character boundary
    reason = reject_reason(head + b"\xff" + "后面的内容".encode("utf-8"))
    assert reason.startswith(f"undecodable bytes at offset {len(head)} ")
    assert "tried UTF-8, GB18030, Big5" in reason


def test_broken_utf16_after_bom_is_rejected():
    assert reject_reason(codecs.BOM_UTF16_LE + b"\x00\xd8a\x00").startswith("undecodable bytes at offset 2")


# --- decoding: damaged but readable ---------------------------------------------------------------------------

def test_utf8_truncated_mid_character_drops_the_partial_character():
    text = "区委召开常委会议，研究部署疫情防控工作"
    decoded = decode_bytes(text.encode("utf-8")[:-1])
    assert (decoded.encoding, decoded.text) == ("utf-8", text[:-1])
    assert "truncated multi-byte sequence at end dropped" in decoded.note


def test_gb18030_truncated_mid_character_drops_the_partial_character():
    text = seed_text(4)
    decoded = decode_bytes(text.rstrip().encode("gb18030")[:-1])
    assert decoded.encoding == "gb18030" and decoded.text == text.rstrip()[:-1] and decoded.note


def test_utf8_broken_in_the_middle_is_not_accepted_as_truncated():
    text = "区委召开常委会议，研究部署工作"
    data = text.encode("utf-8") + b"\xe4\xb8" + text.encode("utf-8")
    assert reject_reason(data).startswith(f"undecodable bytes at offset {len(text.encode('utf-8'))} ")


def test_nul_bytes_inside_text_are_kept():
    text = seed_text()
    data = text[:100].encode("utf-8") + b"\x00\x00" + text[100:].encode("utf-8")
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.text == text[:100] + "\x00\x00" + text[100:]


def test_five_megabyte_single_line_decodes():
    line = "区委书记主持召开会议研究部署工作" * (5 * 1024 * 1024 // 48 + 1)
    data = line.encode("utf-8")
    assert len(data) > 5 * 1024 * 1024 and b"\n" not in data
    assert decode_bytes(data).text == line
    assert decode_bytes(line.encode("gb18030")).text == line


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=500).map(lambda t: t.encode("utf-8")),
    st.text(max_size=500).map(lambda t: t.encode("gb18030", "ignore")),
    st.text(max_size=500).map(lambda t: t.encode("big5", "ignore")),
    st.tuples(st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]),
              st.binary(max_size=500)).map(lambda p: p[0] + p[1]),
))
def test_decode_bytes_returns_decoded_or_raises_reject(data: bytes):
    try:
        decoded = decode_bytes(data)
    except RejectError as exc:
        assert exc.reason
    else:
        assert isinstance(decoded, Decoded) and decoded.text.strip()


def test_sha256_hex():
    assert sha256_hex(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


# --- discovery and reading -------------------------------------------------------------------------------------

def test_discover_walks_nested_folders_sorted_and_skips_every_manifest(tree: Path):
    files, rejects = discover(tree, max_file_bytes=1024)
    assert rel_paths(files) == ["sub dir/深层/b.txt", "sub dir/页面.txt", "页面 一.txt"]
    assert rejects == []
    page = files[-1]
    assert Path(page.abs_path).is_absolute() and page.size == len("永川区召开会议".encode("utf-8"))
    assert read_source(page) == "永川区召开会议".encode("utf-8")


def test_discover_on_the_seed_folder():
    files, rejects = discover(ROOT / "seeds", max_file_bytes=1 << 20)
    assert rel_paths(files) == [p.name for p in SEED_PAGES] and rejects == []


def test_symlink_to_a_file_is_read_under_the_link_name(tree: Path):
    (tree / "link.txt").symlink_to(tree / "sub dir" / "页面.txt")
    files, rejects = discover(tree, max_file_bytes=1024)
    link = next(f for f in files if f.rel_path == "link.txt")
    assert read_source(link) == "区委书记主持会议".encode("utf-8") and rejects == []


def test_symlink_loop_to_an_ancestor_is_rejected_without_hanging(tree: Path):
    (tree / "sub dir" / "深层" / "up").symlink_to(tree / "sub dir", target_is_directory=True)
    (tree / "root again").symlink_to(tree, target_is_directory=True)
    files, rejects = discover(tree, max_file_bytes=1024)
    assert len(files) == 3
    reasons = dict(rejects)
    assert reasons["sub dir/深层/up"].startswith("symlink loop")
    assert reasons["root again"].startswith("symlink loop")


def test_symlinked_folder_is_followed_once(tmp_path: Path, tree: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "外部.txt").write_text("外部页面", encoding="utf-8")
    (tree / "a link").symlink_to(outside, target_is_directory=True)
    (tree / "b link").symlink_to(outside, target_is_directory=True)
    (tree / "aa to sub").symlink_to(tree / "sub dir", target_is_directory=True)  # sorts before the real one
    files, rejects = discover(tree, max_file_bytes=1024)
    assert "a link/外部.txt" in rel_paths(files) and not any(p.startswith(("b link", "aa to")) for p in rel_paths(files))
    assert "sub dir/页面.txt" in rel_paths(files)
    reasons = dict(rejects)
    assert "already read" in reasons["b link"] and "already read" in reasons["aa to sub"]


def test_symlink_chain_loop_between_files_is_rejected(tree: Path):
    (tree / "x.txt").symlink_to(tree / "y.txt")
    (tree / "y.txt").symlink_to(tree / "x.txt")
    _files, rejects = discover(tree, max_file_bytes=1024)
    assert dict(rejects)["x.txt"].startswith("symlink loop")


def test_broken_symlink_is_rejected(tree: Path):
    (tree / "gone.txt").symlink_to(tree / "nowhere.txt")
    files, rejects = discover(tree, max_file_bytes=1024)
    assert "gone.txt" not in rel_paths(files)
    assert dict(rejects)["gone.txt"].startswith("broken symlink: target")


def test_fifo_is_rejected_and_never_opened(tree: Path, monkeypatch: pytest.MonkeyPatch):
    fifo = tree / "pipe.txt"
    os.mkfifo(fifo)

    def no_open(*args, **kwargs):
        raise AssertionError("discover must not open files")
    monkeypatch.setattr(ingest, "open", no_open, raising=False)
    files, rejects = discover(tree, max_file_bytes=1024)
    monkeypatch.undo()
    assert "pipe.txt" not in rel_paths(files)
    assert "named pipe" in dict(rejects)["pipe.txt"]
    # A file that turned into a FIFO after discovery is refused without blocking on it.
    with pytest.raises(RejectError, match="not a regular file"):
        read_source(SourceFile("pipe.txt", str(fifo), 0))


def test_unreadable_file_gives_an_actionable_reason(tree: Path, monkeypatch: pytest.MonkeyPatch):
    files, _ = discover(tree, max_file_bytes=1024)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(ingest, "open", denied, raising=False)  # we run as root: chmod would not stop us
    with pytest.raises(RejectError) as info:
        read_source(files[0])
    assert info.value.reason == "cannot read: permission denied"


def test_vanished_file_is_a_reject(tmp_path: Path):
    with pytest.raises(RejectError, match="cannot read: no such file"):
        read_source(SourceFile("x.txt", str(tmp_path / "x.txt"), 1))


def test_unreadable_folder_is_a_reject(tree: Path, monkeypatch: pytest.MonkeyPatch):
    real_scandir = os.scandir
    locked = str(tree / "sub dir" / "深层")

    def scandir(path):
        if str(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)
    monkeypatch.setattr(ingest.os, "scandir", scandir)
    files, rejects = discover(tree, max_file_bytes=1024)
    assert "sub dir/深层/b.txt" not in rel_paths(files)
    assert rejects == [("sub dir/深层", "cannot list folder: permission denied")]


def test_oversize_file_is_rejected(tree: Path):
    (tree / "big.txt").write_bytes(b"x" * 2048)
    files, rejects = discover(tree, max_file_bytes=1024)
    assert "big.txt" not in rel_paths(files)
    assert rejects == [("big.txt", "file is 2,048 bytes, over the 1,024 bytes limit; "
                                   "split it or raise DIBAO_MAX_FILE_BYTES")]


def test_file_name_that_is_not_utf8_is_rejected(tree: Path):
    fd = os.open(os.fsencode(tree) + b"/bad\xff.txt", os.O_CREAT | os.O_WRONLY)
    os.close(fd)
    _files, rejects = discover(tree, max_file_bytes=1024)
    assert rejects == [("bad\\xff.txt", "file name is not valid UTF-8; rename it")]


def test_missing_root_and_file_root_raise(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        discover(tmp_path / "nope", max_file_bytes=1024)
    (tmp_path / "f.txt").write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError, match="not a folder"):
        discover(tmp_path / "f.txt", max_file_bytes=1024)


# --- manifest ------------------------------------------------------------------------------------------------

KNOWN = {"a.txt", "b.txt", "c.txt", "sub/d.txt", "e.txt"}


def test_manifest_warns_and_keeps_going():
    text = ("\ufefffile,published,source,region,extra\n"
            "a.txt,2022-13-45,报社,永川区,x\n"
            "missing.txt,2022,,,\n"
            'b.txt,"2022,broken\n'
            "c.txt,2022-02-30,,南川区\n"
            "sub\\d.txt,2022/1/5,,\n"
            "e.txt,2021,  ,  \n")
    entries, warnings = parse_manifest(text, KNOWN)
    assert entries == {
        "a.txt": ManifestEntry(None, "报社", "永川区"),
        "c.txt": ManifestEntry(None, None, "南川区"),
        "sub/d.txt": ManifestEntry("2022-01-05", None, None),
        "e.txt": ManifestEntry("2021", None, None),
    }
    assert len(warnings) == 4
    assert "row 2" in warnings[0] and "2022-13-45" in warnings[0]
    assert "row 3" in warnings[1] and "missing.txt" in warnings[1] and "not among the input files" in warnings[1]
    assert "row 4" in warnings[2] and "cannot be parsed" in warnings[2]
    assert "row 5" in warnings[3] and "2022-02-30" in warnings[3]


@pytest.mark.parametrize(("value", "published"), [
    ("2022", "2022"), ("2022-11-13", "2022-11-13"), ("2022年11月3日", "2022-11-03"), ("20221113", "2022-11-13"),
    ("2017-06-28 04:42", "2017-06-28"), ("2022-11", "2022"), ("", None), ("0202", None), ("昨天", None),
])
def test_manifest_date_forms(value: str, published: str | None):
    entries, _warnings = parse_manifest(f"file,published\na.txt,{value}\n", KNOWN)
    assert entries["a.txt"].published == published


def test_manifest_without_header_is_ignored_with_a_warning():
    entries, warnings = parse_manifest("a.txt,2022,报社,永川区\n", KNOWN)
    assert entries == {} and "no header row" in warnings[0]


def test_manifest_duplicate_row_later_wins():
    entries, warnings = parse_manifest("file,published\na.txt,2020\na.txt,2021\n", KNOWN)
    assert entries["a.txt"].published == "2021" and "listed again" in warnings[0]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_parse_manifest_never_raises(text: str):
    entries, warnings = parse_manifest("file,published,source,region\n" + text, KNOWN)
    assert set(entries) <= KNOWN and all(isinstance(w, str) for w in warnings)


def test_read_manifest_of_the_seeds():
    entries, warnings = read_manifest(ROOT / "seeds", {p.name for p in SEED_PAGES})
    assert warnings == [] and len(entries) == 5
    assert entries["000_0bf9055ec49ad083.txt"] == ManifestEntry("2022", "渝西都市报", "永川区")


def test_read_manifest_missing_and_gb18030_encoded(tmp_path: Path):
    assert read_manifest(tmp_path, KNOWN) == ({}, [])
    (tmp_path / MANIFEST_NAME).write_bytes("file,published,source,region\na.txt,2022,,巫山县\n".encode("gb18030"))
    entries, warnings = read_manifest(tmp_path, KNOWN)
    assert entries == {"a.txt": ManifestEntry("2022", None, "巫山县")} and warnings == []


def test_read_manifest_binary_is_a_reject(tmp_path: Path):
    (tmp_path / MANIFEST_NAME).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    _files, _rejects, manifests = discover_all(tmp_path, max_file_bytes=1024)
    entries, warnings, rejects = read_manifests(manifests, KNOWN)
    assert entries == {} and warnings == []
    assert rejects == [(MANIFEST_NAME, "manifest cannot be read (not text: looks like a PNG image); "
                                       "its rows were not applied")]


# --- manifests at any depth -------------------------------------------------------------------------------

def test_manifests_at_any_depth_apply_below_them_and_a_deeper_row_wins(tree: Path):
    (tree / "sub dir" / MANIFEST_NAME).write_text("file,published,url\n页面.txt,2021-03-04,https://example.org/1\n"
                                                  "深层/b.txt,2020,\n", encoding="utf-8")
    (tree / MANIFEST_NAME).write_text("file,published,region\n页面 一.txt,2022,永川区\nsub dir/页面.txt,2019,南川区\n",
                                      encoding="utf-8")
    files, rejects, manifests = discover_all(tree, max_file_bytes=1024)
    assert [m.rel_path for m in manifests] == [MANIFEST_NAME, f"sub dir/{MANIFEST_NAME}"] and rejects == []
    entries, warnings, bad = read_manifests(manifests, {f.rel_path for f in files})
    assert warnings == [] and bad == []
    assert entries == {"页面 一.txt": ManifestEntry("2022", None, "永川区"),
                       "sub dir/页面.txt": ManifestEntry("2021-03-04", None, None, "https://example.org/1"),
                       "sub dir/深层/b.txt": ManifestEntry("2020", None, None)}


def test_a_manifest_row_change_changes_its_key():
    a, b = ManifestEntry("2022", None, None), ManifestEntry("2022", None, None, "https://example.org/1")
    assert a.key() != b.key() and a.key() == ManifestEntry("2022", None, None).key()


def test_a_manifest_url_that_is_no_address_is_a_warning():
    entries, warnings = parse_manifest("file,url\na.txt,javascript:alert(1)\n", KNOWN)
    assert entries["a.txt"].url is None and "not an http(s) address" in warnings[0]


def test_manifest_fifo_and_oversize_are_rejects_without_blocking(tmp_path: Path):
    (tmp_path / "a").mkdir()
    os.mkfifo(tmp_path / "a" / MANIFEST_NAME)
    (tmp_path / MANIFEST_NAME).write_text("file,published\n" + "x.txt,2022\n" * 200, encoding="utf-8")
    _files, _rejects, manifests = discover_all(tmp_path, max_file_bytes=1024)
    entries, _warnings, rejects = read_manifests(manifests, set(), max_bytes=1000)
    assert entries == {}
    assert rejects == [(MANIFEST_NAME, "manifest cannot be read (file is over the 1,000 bytes limit; split it or "
                                       "raise DIBAO_MAX_FILE_BYTES); its rows were not applied"),
                       (f"a/{MANIFEST_NAME}", "manifest cannot be read (not a regular file (named pipe (FIFO)); "
                                              "skipped without reading it); its rows were not applied")]


def test_links_to_special_files_are_rejects_never_opened(tmp_path: Path):
    os.symlink("/proc/self/environ", tmp_path / "env.txt")
    os.symlink("/dev/zero", tmp_path / MANIFEST_NAME)
    os.symlink("/proc/self", tmp_path / "self")
    files, rejects, manifests = discover_all(tmp_path, max_file_bytes=1024)
    assert files == [] and manifests == []
    assert [p for p, _ in rejects] == ["env.txt", MANIFEST_NAME, "self"]
    assert all("a special file of the system; never read" in r for _, r in rejects)


def test_has_input_ignores_folders_and_manifests(tmp_path: Path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / MANIFEST_NAME).write_text("file\n", encoding="utf-8")
    assert not has_input(tmp_path)
    (tmp_path / "a" / "b" / "p.txt").write_text("会议", encoding="utf-8")
    assert has_input(tmp_path)
