"""Ingest: find the input files, read their bytes, decode them, read the optional manifest.

The only tasks/ module that touches the file system (``discover``, ``read_source``, ``read_manifests``);
``decode_bytes``, ``parse_manifest`` and ``read_page`` are pure. Every file found ends up either as a
``SourceFile`` or as a reject ``(rel_path, reason)`` whose reason tells a person what to do about it.
A ``manifest.csv`` at any depth is metadata for its folder and below, never a page; it is read like a
page (a regular file under the size limit, never a FIFO, a device or a special file behind a symlink).

Decoding follows the input contract (UTF-8, GB18030/GBK, Big5, UTF-16 with BOM): BOMs first, then a
strict cascade UTF-8 -> GB18030 / Big5. Big5 bytes are almost always valid GB18030 too, so when both
decode the winner is the one whose characters look like real Chinese (share of common characters,
after mapping Traditional to Simplified so both scripts are judged on one frequency table).
"""
from __future__ import annotations

import codecs
import csv
import errno
import hashlib
import importlib.util
import logging
import os
import re
import stat
from collections import Counter, deque
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file", "published", "source", "region", "url")
# Pseudo-file systems whose "files" are the machine's state (environment, memory, devices): never read,
# even when a symlink in the input points there (/proc files even claim to be regular files of size 0).
SPECIAL_ROOTS = ("/proc", "/sys", "/dev")


@dataclass(frozen=True, slots=True)
class SourceFile:
    rel_path: str  # posix path relative to the input root; becomes doc_id
    abs_path: str
    size: int


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    published: str | None  # "YYYY" or "YYYY-MM-DD"
    source: str | None
    region: str | None
    url: str | None = None

    def key(self) -> str:
        """A short hash of the row's values: part of a file's fingerprint, so an edited row re-applies."""
        raw = "\x1f".join(v or "" for v in (self.published, self.source, self.region, self.url))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None


class RejectError(ValueError):
    """A file that cannot become a document; ``reason`` is a sentence a person can act on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# ---------------------------------------------------------------------------------------------------------
# Decoding constants
# ---------------------------------------------------------------------------------------------------------

# File signatures (first bytes) of the binary formats most often dropped into a folder of pages by mistake:
# office attachments, images, archives, executables, media. Source: each format's published magic number.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.pptx/.odt document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls/.ppt)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xfe\xed\xfa\xce", "a Mach-O executable"),
    (b"\xfe\xed\xfa\xcf", "a Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "a Mach-O universal binary or Java class file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"ID3", "an MP3 audio file"),
    (b"\xff\xfb", "an MP3 audio file"),
    (b"\xff\xf3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"wOFF", "a WOFF font"),
    (b"wOF2", "a WOFF2 font"),
    (b"\x00asm", "a WebAssembly module"),
)
MAGIC_PREFIXES = tuple(magic for magic, _kind in MAGIC_NUMBERS)
# RIFF containers name their kind at bytes 8..12.
RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
# ISO base media files (MP4, MOV, HEIC, 3GP) carry "ftyp" at bytes 4..8.
FTYP_KIND = "an MP4/MOV video or HEIC image"

# C0 control bytes that text never needs (tab, LF, CR and form feed are legitimate), plus DEL.
CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r\f") + b"\x7f"
CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Above this share of control bytes a file is not a page; a few stray NULs in real text stay under it
# (the cleaner strips them later).
BINARY_CONTROL_SHARE = 0.05

# BOMs, longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
# UTF-16 without BOM is recognised only from its NUL pattern (ASCII-heavy text has a NUL in every other
# byte, on the odd positions for little endian): at least this share of one parity is NUL, the other none.
UTF16_NUL_PARITY_SHARE = 0.3

# Plain Big5 first (it round-trips what iconv and Python write, e.g. A241 is U+FF0F "／" there but U+2215
# in cp950); then cp950, Big5 as written by Windows in Taiwan (adds the ETEN block F9D6-F9FE and the euro);
# then Big5-HKSCS for Hong Kong pages.
BIG5_CODECS: tuple[tuple[str, str], ...] = (("big5", "big5"), ("cp950", "big5"), ("big5hkscs", "big5-hkscs"))
# Lead bytes that can start a multi-byte character; a file cut inside one ends with 1..max_tail-1 bytes.
MULTIBYTE_TAIL = {"gb18030": (range(0x81, 0xFF), 3), "big5": (range(0x81, 0xFF), 1), "cp950": (range(0x81, 0xFF), 1),
                  "big5hkscs": (range(0x81, 0xFF), 1)}

# Judging GB18030 against Big5: score at most SCORE_MAX_CHARS non-ASCII characters from the first
# SCORE_SAMPLE_CHARS of each candidate (a few hundred already separate the two widely), count a
# character as common when it is among the COMMON_CHAR_RANK most frequent of jieba's dictionary
# (measured on the seeds, xwlb, pd1998 and udn pages: on every page that both codecs decode, the right
# reading scores higher by at least 0.33, by 0.76 on the Big5 udn pages; only a two-character page of
# characters common to both scripts ties, and ties go to GB18030).
SCORE_SAMPLE_CHARS = 4096
SCORE_MAX_CHARS = 512
COMMON_CHAR_RANK = 2500
NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")
# Besides characters, full-width forms and CJK punctuation are what real pages of either script are made
# of (full-width digits fill People's Daily tables); mojibake lands in kana, Greek, box drawing, PUA instead.
COMMON_SYMBOLS = frozenset(chr(c) for c in [*range(0x3000, 0x3040), *range(0xFF01, 0xFF5F)]) | frozenset("·—…“”‘’")
# Below this share of common characters the guess is reported as uncertain in Decoded.note.
LOW_CONFIDENCE_SHARE = 0.5
LOW_CONFIDENCE_MIN_CHARS = 20


# ---------------------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------------------

def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_bytes(data: bytes) -> Decoded:
    """Bytes of one page -> its text and encoding; RejectError when it is not text this pipeline can read."""
    if not data:
        raise RejectError("empty file (0 bytes)")
    kind = sniff_binary(data)
    if kind:
        raise RejectError(f"not text: looks like {kind}")
    decoded = _decode_with_bom(data) or _decode_utf16_without_bom(data)
    if decoded is None:
        _reject_control_heavy(control_share_bytes(data))
        decoded = _decode_cascade(data)
    if not decoded.text.strip():
        raise RejectError("contains only whitespace")
    return decoded


def sniff_binary(data: bytes) -> str | None:
    """A description such as "a PNG image" when the bytes start with a known binary signature."""
    head = data[:16]
    if not head.startswith(MAGIC_PREFIXES):
        return _sniff_containers(data, head)
    for magic, kind in MAGIC_NUMBERS:
        if head.startswith(magic):
            return kind
    return None


def _sniff_containers(data: bytes, head: bytes) -> str | None:
    if head[:4] == b"RIFF" and head[8:12] in RIFF_KINDS:
        return RIFF_KINDS[head[8:12]]
    if head[4:8] == b"ftyp":
        return FTYP_KIND
    # "MZ" alone is too common a start for text; a real DOS/PE header has NULs right after it.
    if head[:2] == b"MZ" and b"\x00" in data[2:64]:
        return "a Windows executable (EXE/DLL)"
    return None


def control_share_bytes(data: bytes) -> float:
    return (len(data) - len(data.translate(None, CONTROL_BYTES))) / len(data)


def _reject_control_heavy(share: float) -> None:
    if share > BINARY_CONTROL_SHARE:
        raise RejectError(f"not text: {share:.0%} control bytes, looks binary")


def _decode_with_bom(data: bytes) -> Decoded | None:
    for bom, codec, label in BOMS:
        if data.startswith(bom):
            text, note, bad = _decode_strict(data[len(bom):], codec)
            if text is None:
                raise RejectError(f"undecodable bytes at offset {bad + len(bom)} (the file starts with a "
                                  f"{codec.upper()} byte order mark but is not valid {codec.upper()} after it)")
            _reject_control_heavy(control_share_text(text))
            return Decoded(text, label, note)
    return None


def _decode_utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 saved without a BOM, recognised by NULs in every other byte (mostly-ASCII text)."""
    if len(data) < 4:
        return None
    half = len(data) / 2
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    # CJK characters such as U+4E00 put a NUL on the other parity now and then, hence a ratio, not zero.
    if odd_nuls >= UTF16_NUL_PARITY_SHARE * half and even_nuls * 20 <= odd_nuls:
        codec = "utf-16-le"
    elif even_nuls >= UTF16_NUL_PARITY_SHARE * half and odd_nuls * 20 <= even_nuls:
        codec = "utf-16-be"
    else:
        return None
    text, note, _bad = _decode_strict(data, codec)
    if text is None or control_share_text(text) > BINARY_CONTROL_SHARE:
        return None
    extra = "no byte order mark; byte order guessed from NUL positions"
    return Decoded(text, codec, f"{extra}; {note}" if note else extra)


def control_share_text(text: str) -> float:
    return len(CONTROL_CHARS_RE.findall(text)) / len(text) if text else 0.0


def _decode_strict(data: bytes, codec: str) -> tuple[str | None, str | None, int]:
    """(text, note, -1) on success, tolerating only a character cut off at the very end; (None, None, offset)."""
    try:
        return data.decode(codec), None, -1
    except UnicodeDecodeError as exc:
        if _is_truncated_tail(data, exc, codec):
            try:
                text = data[:exc.start].decode(codec)
            except UnicodeDecodeError as inner:
                return None, None, inner.start
            dropped = len(data) - exc.start
            return text, f"truncated multi-byte sequence at end dropped ({dropped} byte{'s' * (dropped > 1)})", -1
        return None, None, exc.start


def _is_truncated_tail(data: bytes, exc: UnicodeDecodeError, codec: str) -> bool:
    if exc.end != len(data):
        return False
    if codec == "utf-8" or codec.startswith("utf-16") or codec.startswith("utf-32"):
        return exc.reason in ("unexpected end of data", "truncated data")
    leads, max_tail = MULTIBYTE_TAIL.get(codec, (range(0), 0))
    tail = data[exc.start:]
    return 0 < len(tail) <= max_tail and tail[0] in leads


def _decode_cascade(data: bytes) -> Decoded:
    utf8, utf8_note, utf8_bad = _decode_strict(data, "utf-8")
    # A truncated ending is trusted as UTF-8 only when the rest shows UTF-8 multi-byte characters;
    # pure ASCII plus two high bytes is as likely a GB18030 character.
    if utf8 is not None and (utf8_note is None or not utf8.isascii()):
        return Decoded(utf8, "utf-8", utf8_note)
    gb, gb_note, gb_bad = _decode_strict(data, "gb18030")
    big5, big5_label, big5_note, big5_bad = _decode_big5(data)
    if utf8 is not None and (gb is None or gb_note) and (big5 is None or big5_note):
        return Decoded(utf8, "utf-8", utf8_note)  # every reading is truncated: the commonest encoding wins
    if gb is not None and big5 is not None:
        return _choose_gb_or_big5(gb, gb_note, big5, big5_label, big5_note)
    if gb is not None:
        return Decoded(gb, "gb18030", gb_note)
    if big5 is not None:
        return Decoded(big5, big5_label, big5_note)
    bad, looks = _first_bad_offset(data, utf8_bad, gb_bad, big5_bad)
    raise RejectError(f"undecodable bytes at offset {bad} (0x{data[bad]:02x}; {looks}; tried UTF-8, GB18030, "
                      "Big5); repair the file or re-save it as UTF-8")


def _first_bad_offset(data: bytes, utf8_bad: int, gb_bad: int, big5_bad: int) -> tuple[int, str]:
    """Where the file really breaks: UTF-8's offset once valid UTF-8 multi-byte text precedes it (the
    legacy codecs then only got further by misreading it), else the furthest of GB18030 and Big5."""
    if not data[:utf8_bad].isascii():
        return utf8_bad, "valid UTF-8 before it"
    if gb_bad >= big5_bad:
        return gb_bad, "valid GB18030 before it" if gb_bad > utf8_bad else "no encoding fits"
    return big5_bad, "valid Big5 before it"


def _decode_big5(data: bytes) -> tuple[str | None, str, str | None, int]:
    furthest = -1
    for codec, label in BIG5_CODECS:
        text, note, bad = _decode_strict(data, codec)
        if text is not None:
            return text, label, note, -1
        furthest = max(furthest, bad)
    return None, "big5", None, furthest


def _choose_gb_or_big5(gb: str, gb_note: str | None, big5: str, big5_label: str,
                       big5_note: str | None) -> Decoded:
    """Both decodings are valid: keep the one made of common Chinese characters (ties go to GB18030)."""
    gb_share, gb_n = common_char_share(gb)
    big5_share, big5_n = common_char_share(big5)
    if big5_share > gb_share:
        text, label, note, share, n, other = big5, big5_label, big5_note, big5_share, big5_n, "gb18030"
    else:
        text, label, note, share, n, other = gb, "gb18030", gb_note, gb_share, gb_n, "big5"
    if n >= LOW_CONFIDENCE_MIN_CHARS and share < LOW_CONFIDENCE_SHARE:
        doubt = f"low confidence: {label} preferred over {other} with only {share:.0%} common characters"
        note = f"{note}; {doubt}" if note else doubt
    log.debug("gb18030 %.2f vs big5 %.2f -> %s", gb_share, big5_share, label)
    return Decoded(text, label, note)


def common_char_share(text: str) -> tuple[float, int]:
    """(share of common characters among the first non-ASCII ones, how many were scored)."""
    sample = "".join(NON_ASCII_RE.findall(text[:SCORE_SAMPLE_CHARS]))[:SCORE_MAX_CHARS]
    if not sample:
        return 0.0, 0
    common = _common_chars()
    return sum(map(common.__contains__, sample)) / len(sample), len(sample)


@cache
def _common_chars() -> frozenset[str]:
    """Common Simplified characters, their Traditional forms, and everyday CJK punctuation."""
    simplified = _jieba_common_chars()
    return simplified | _traditional_forms(simplified) | COMMON_SYMBOLS


def _jieba_common_chars() -> frozenset[str]:
    """The most frequent characters of jieba's dictionary (word frequencies summed per character)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        log.warning("jieba is not installed: GB18030/Big5 ambiguity is judged on punctuation only")
        return frozenset()
    counts: Counter[str] = Counter()
    with open(Path(spec.origin).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            word, freq, _rest = line.split(" ", 2)
            weight = int(freq)
            for ch in word:
                counts[ch] += weight
    return frozenset(ch for ch, _n in counts.most_common(COMMON_CHAR_RANK))


def _traditional_forms(simplified: frozenset[str]) -> frozenset[str]:
    """Big5 characters whose OpenCC t2s form is common: scoring then needs no conversion per page."""
    try:
        import opencc
        to_simplified = opencc.OpenCC("t2s").convert
    except Exception as exc:  # a missing or broken binding only weakens the Big5 guess
        log.warning("OpenCC unavailable (%s): Traditional characters count as uncommon", exc)
        return frozenset()
    chars = [c for c in _big5_repertoire() if c not in simplified]
    # One character per line, so that OpenCC's phrase table cannot merge neighbours.
    converted = to_simplified("\n".join(chars)).split("\n")
    return frozenset(t for t, s in zip(chars, converted) if s in simplified)


def _big5_repertoire() -> list[str]:
    chars = []
    for lead in range(0xA1, 0xFA):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            try:
                chars.append(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                continue
    return chars


# ---------------------------------------------------------------------------------------------------------
# Discovery and reading (file-system IO)
# ---------------------------------------------------------------------------------------------------------

NON_REGULAR_KINDS = ((stat.S_ISFIFO, "named pipe (FIFO)"), (stat.S_ISSOCK, "socket"),
                     (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"))


def discover(root: Path, max_file_bytes: int) -> tuple[list[SourceFile], list[tuple[str, str]]]:
    """All files under root (any depth, following folder symlinks once) and the entries that cannot be read."""
    files, rejects, _manifests = discover_all(root, max_file_bytes)
    return files, rejects


def discover_all(root: Path, max_file_bytes: int) -> tuple[list[SourceFile], list[tuple[str, str]], list[SourceFile]]:
    """discover(), plus the manifest.csv files found at any depth (kept apart: they are never pages)."""
    root = Path(os.path.abspath(root))
    root_st = _root_stat(root)
    walk = _Walk(root, max_file_bytes)
    walk.seen_dirs[(root_st.st_dev, root_st.st_ino)] = ""
    walk.scan_all()
    files = sorted(walk.files, key=lambda f: f.rel_path)
    manifests = sorted(walk.manifests, key=lambda f: (f.rel_path.count("/"), f.rel_path))
    return files, sorted(walk.rejects), manifests


def has_input(root: Path) -> bool:
    """Whether the folder holds anything but folders and manifests: a run over none would delete a source."""
    for folder, dirs, names in os.walk(root):
        if any(name != MANIFEST_NAME for name in names):
            return True
        # A linked folder counts as input without being followed here (links may loop; discover handles them).
        if any(os.path.islink(os.path.join(folder, d)) for d in dirs):
            return True
    return False


def is_special_path(path: str) -> bool:
    """A path under /proc, /sys or /dev (after symlinks are resolved)."""
    return any(path == r or path.startswith(r + "/") for r in SPECIAL_ROOTS)


def _root_stat(root: Path) -> os.stat_result:
    try:
        st = os.stat(root)
    except FileNotFoundError:
        raise FileNotFoundError(f"input folder does not exist: {root}") from None
    except OSError as exc:
        raise FileNotFoundError(f"input folder cannot be opened: {root} ({_describe(exc)})") from exc
    if not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(f"input path is not a folder: {root}")
    return st


class _Walk:
    """Breadth over real folders first, symlinked folders afterwards: a link to a folder that is also
    present for real is then reported as a duplicate instead of stealing its files' paths."""

    def __init__(self, root: Path, max_file_bytes: int) -> None:
        self.root, self.max_file_bytes = str(root), max_file_bytes
        self.files: list[SourceFile] = []
        self.manifests: list[SourceFile] = []
        self.rejects: list[tuple[str, str]] = []
        self.seen_dirs: dict[tuple[int, int], str] = {}
        self.real_dirs: list[str] = [""]
        self.linked_dirs: deque[tuple[str, os.stat_result]] = deque()

    def scan_all(self) -> None:
        while self.real_dirs or self.linked_dirs:
            if self.real_dirs:
                self._scan(self.real_dirs.pop())
            else:
                self._follow_link(*self.linked_dirs.popleft())

    def _follow_link(self, rel: str, st: os.stat_result) -> None:
        key = (st.st_dev, st.st_ino)
        if key in self.seen_dirs:
            self.rejects.append((rel, _duplicate_dir_reason(rel, self.seen_dirs[key])))
            return
        self.seen_dirs[key] = rel
        self._scan(rel)

    def _scan(self, rel_dir: str) -> None:
        abs_dir = os.path.join(self.root, rel_dir) if rel_dir else self.root
        try:
            with os.scandir(abs_dir) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            if not rel_dir:
                raise PermissionError(f"input folder cannot be listed: {self.root} ({_describe(exc)})") from exc
            self.rejects.append((rel_dir, f"cannot list folder: {_describe(exc)}"))
            return
        for entry in entries:
            self._visit(entry, f"{rel_dir}/{entry.name}" if rel_dir else entry.name)

    def _visit(self, entry: os.DirEntry, rel: str) -> None:
        if not _is_utf8(entry.name):
            self.rejects.append((_printable(rel), "file name is not valid UTF-8; rename it"))
            return
        if entry.is_symlink():
            target = os.path.realpath(entry.path)
            if is_special_path(target):
                self.rejects.append((rel, f"symlink to '{target}', a special file of the system; never read "
                                          "(remove the link, or copy the real file into the folder)"))
                return
        st = self._stat(entry, rel)
        if st is None:
            return
        if entry.name == MANIFEST_NAME and not stat.S_ISDIR(st.st_mode):
            # Read later like a page (regular file, size limit): a FIFO must not even be opened here.
            self.manifests.append(SourceFile(rel_path=rel, abs_path=entry.path, size=st.st_size))
            return
        if stat.S_ISDIR(st.st_mode):
            self._add_dir(entry, rel, st)
        elif stat.S_ISREG(st.st_mode):
            self._add_file(entry, rel, st)
        else:
            kind = next((name for test, name in NON_REGULAR_KINDS if test(st.st_mode)), "special file")
            self.rejects.append((rel, f"not a regular file ({kind}); skipped without opening it"))

    def _stat(self, entry: os.DirEntry, rel: str) -> os.stat_result | None:
        try:
            return entry.stat(follow_symlinks=True)
        except OSError as exc:
            self.rejects.append((rel, _stat_failure_reason(entry, exc)))
            return None

    def _add_dir(self, entry: os.DirEntry, rel: str, st: os.stat_result) -> None:
        if entry.is_symlink():
            self.linked_dirs.append((rel, st))
            return
        key = (st.st_dev, st.st_ino)
        if key in self.seen_dirs:  # a bind mount or hard-linked folder met twice
            self.rejects.append((rel, _duplicate_dir_reason(rel, self.seen_dirs[key])))
            return
        self.seen_dirs[key] = rel
        self.real_dirs.append(rel)

    def _add_file(self, entry: os.DirEntry, rel: str, st: os.stat_result) -> None:
        if st.st_size > self.max_file_bytes:
            self.rejects.append((rel, f"file is {_size(st.st_size)}, over the {_size(self.max_file_bytes)} limit; "
                                      "split it or raise DIBAO_MAX_FILE_BYTES"))
            return
        self.files.append(SourceFile(rel_path=rel, abs_path=entry.path, size=st.st_size))


def _duplicate_dir_reason(rel: str, first: str) -> str:
    if first == "" or rel.startswith(first + "/"):
        where = "the input folder itself" if first == "" else f"its own parent folder '{first}'"
        return f"symlink loop: points back to {where}; not followed"
    return f"symlink to folder '{first}', which is already read; not followed so its files are not counted twice"


def _stat_failure_reason(entry: os.DirEntry, exc: OSError) -> str:
    if entry.is_symlink():
        if exc.errno == errno.ELOOP:
            return "symlink loop: the chain of links never reaches a real file; fix or remove the link"
        if isinstance(exc, FileNotFoundError):
            target = _readlink(entry.path)
            return f"broken symlink: target '{target}' does not exist; fix or remove the link"
    return f"cannot inspect file: {_describe(exc)}"


def _readlink(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes in the name arrive as lone surrogates
        return False
    return True


def _printable(rel: str) -> str:
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _describe(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file (was it moved or deleted during the run?)"
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def _open_nonblocking(path: str, flags: int) -> int:
    # O_NONBLOCK: if a file was swapped for a FIFO after discovery, opening it must not wait for a writer.
    return os.open(path, flags | os.O_NONBLOCK)


# The kernel's own file systems: their "files" (/proc/self/environ, /sys/...) look regular, report size 0
# and hold the reading process's secrets, never pages. Refused however they are reached (symlinks too).
SYSTEM_ROOTS = ("/proc", "/sys", "/dev")


def _system_file(fd: int, path: str) -> str | None:
    """The real path of an open file when it lies under SYSTEM_ROOTS, else None (checked on the open file
    descriptor, so that a symlink swapped after the check cannot slip through)."""
    try:
        real = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        real = os.path.realpath(path)
    return real if any(real == r or real.startswith(r + "/") for r in SYSTEM_ROOTS) else None


def read_source(f: SourceFile, max_bytes: int | None = None) -> bytes:
    """The file's bytes; RejectError when it cannot be read (or is no longer a regular file)."""
    target = os.path.realpath(f.abs_path)
    if is_special_path(target):   # a link swapped in after discovery
        raise RejectError(f"points to '{target}', a special file of the system; never read")
    try:
        with open(f.abs_path, "rb", opener=_open_nonblocking) as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                kind = next((name for test, name in NON_REGULAR_KINDS if test(st.st_mode)), "special file")
                raise RejectError(f"not a regular file ({kind}); skipped without reading it")
            special = _system_file(fh.fileno(), f.abs_path)
            if special:
                raise RejectError(f"a link to the system file {special}, not a page; not read")
            if max_bytes is None:
                return fh.read()
            data = fh.read(max_bytes + 1)   # bounded even if the file grows or lies about its size
    except OSError as exc:
        raise RejectError(f"cannot read: {_describe(exc)}") from exc
    if len(data) > max_bytes:
        raise RejectError(f"file is over the {_size(max_bytes)} limit; split it or raise DIBAO_MAX_FILE_BYTES")
    return data


# ---------------------------------------------------------------------------------------------------------
# Manifest
# ---------------------------------------------------------------------------------------------------------

# Dates as people type them in a spreadsheet: 2022, 2022-11-13, 2022/11/13, 2022.11.13, 2022年11月13日,
# 20221113, optionally followed by a time, and 2022-11 (only the year is kept: the contract has no months).
DATE_RE = re.compile(r"^(?P<y>\d{4})(?:[-/.年](?P<m>\d{1,2})(?:[-/.月](?P<d>\d{1,2})日?)?月?)?"
                     r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
COMPACT_DATE_RE = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")
URL_RE = re.compile(r"^https?://\S+$", re.IGNORECASE)
# A manifest is a small table; a bigger one is a mistake (or /dev/zero behind a link) and is refused.
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
# Plausible publication years; anything outside is a typo (e.g. 0202, 20222).
MIN_YEAR, MAX_YEAR = 1800, 2199


def parse_manifest(text: str, known_files: set[str], name: str = MANIFEST_NAME
                   ) -> tuple[dict[str, ManifestEntry], list[str]]:
    """manifest.csv text -> entries keyed by path relative to the manifest's folder, and warnings naming the
    rows at fault (``name`` is how the warnings call the manifest)."""
    lines = text.removeprefix("\ufeff").splitlines()
    header_at = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_at is None:
        return {}, [f"{name} is empty; ignored"]
    columns, warning = _header_columns(lines[header_at], name)
    if columns is None:
        return {}, [warning]
    entries: dict[str, ManifestEntry] = {}
    warnings: list[str] = []
    for number, line in enumerate(lines[header_at + 1:], start=header_at + 2):
        if line.strip():
            _parse_row(line, number, columns, known_files, entries, warnings, name)
    return entries, warnings


def _header_columns(line: str, name: str) -> tuple[dict[str, int] | None, str]:
    cells = _split_csv_line(line)
    names = [c.strip().lower() for c in cells] if cells is not None else []
    if "file" not in names:
        return None, (f"{name} has no header row naming a 'file' column "
                      f"(expected {','.join(MANIFEST_COLUMNS)}); ignored")
    return {column: names.index(column) for column in MANIFEST_COLUMNS if column in names}, ""


def _split_csv_line(line: str) -> list[str] | None:
    # Row by row, so that one stray quote spoils one row, not the rest of the file.
    try:
        return next(csv.reader([line], strict=True), [])
    except csv.Error:
        return None


def _parse_row(line: str, number: int, columns: dict[str, int], known_files: set[str],
               entries: dict[str, ManifestEntry], warnings: list[str], manifest: str) -> None:
    cells = _split_csv_line(line)
    if cells is None:
        warnings.append(f"{manifest} row {number}: cannot be parsed as CSV (unbalanced quotes?); skipped")
        return
    cell = lambda column: _cell(cells, columns.get(column))  # noqa: E731
    name = _normalise_path(cell("file") or "")
    if not name:
        warnings.append(f"{manifest} row {number}: the 'file' column is empty; skipped")
        return
    if name not in known_files:
        warnings.append(f"{manifest} row {number}: '{name}' is not among the input files; skipped")
        return
    if name in entries:
        warnings.append(f"{manifest} row {number}: '{name}' is listed again; this later row wins")
    published, problem = normalise_published(cell("published"))
    if problem:
        warnings.append(f"{manifest} row {number} ('{name}'): {problem}")
    url = cell("url")
    if url and not URL_RE.match(url):
        warnings.append(f"{manifest} row {number} ('{name}'): url '{url}' is not an http(s) address; left empty")
        url = None
    entries[name] = ManifestEntry(published=published, source=cell("source"), region=cell("region"), url=url)


def _cell(cells: list[str], index: int | None) -> str | None:
    if index is None or index >= len(cells):
        return None
    value = cells[index].strip()
    return value or None


def _normalise_path(name: str) -> str:
    name = name.strip().replace("\\", "/")
    while name.startswith("./"):
        name = name[2:]
    return name


def normalise_published(value: str | None) -> tuple[str | None, str | None]:
    """(normalised "YYYY" / "YYYY-MM-DD" or None, a problem sentence or None)."""
    if not value:
        return None, None
    m = COMPACT_DATE_RE.match(value) or DATE_RE.match(value)
    if m is None:
        return None, f"published '{value}' is not a date like 2022 or 2022-11-13; left empty"
    year = int(m["y"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None, f"published '{value}' has an implausible year; left empty"
    if m["m"] is None:
        return f"{year:04d}", None
    try:
        day = date(year, int(m["m"]), int(m["d"] or 1))
    except ValueError:
        return None, f"published '{value}' is not a real date; left empty"
    if m["d"] is None:
        return f"{year:04d}", f"published '{value}' has no day; only the year {year} is used"
    return day.isoformat(), None


def read_manifest(root: Path, known_files: set[str]) -> tuple[dict[str, ManifestEntry], list[str]]:
    """The root's manifest.csv parsed (any supported encoding); no manifest -> ({}, [])."""
    path = Path(root) / MANIFEST_NAME
    if not os.path.lexists(path):
        return {}, []
    entries, warnings, rejects = read_manifests([SourceFile(MANIFEST_NAME, str(path), 0)], known_files)
    return entries, warnings + [f"{p}: {r}; ignored" for p, r in rejects]


def read_manifests(manifests: list[SourceFile], known_files: set[str], max_bytes: int = MAX_MANIFEST_BYTES
                   ) -> tuple[dict[str, ManifestEntry], list[str], list[tuple[str, str]]]:
    """Every manifest's rows keyed by the file's path relative to the input root, the warnings, and the
    manifests that could not be read as rejects (path, reason). A manifest names files relative to its own
    folder and applies to that folder and below; where two list one file, the deeper one's row wins."""
    entries: dict[str, ManifestEntry] = {}
    warnings: list[str] = []
    rejects: list[tuple[str, str]] = []
    for m in sorted(manifests, key=lambda f: (f.rel_path.count("/"), f.rel_path)):
        folder = m.rel_path[:-len(MANIFEST_NAME)]   # "" or "sub/dir/"
        try:
            decoded = decode_bytes(read_source(m, max_bytes))
        except RejectError as exc:
            rejects.append((m.rel_path, f"manifest cannot be read ({exc.reason}); its rows were not applied"))
            continue
        below = {f[len(folder):] for f in known_files if f.startswith(folder)}
        rows, problems = parse_manifest(decoded.text, below, m.rel_path)
        entries.update({folder + name: entry for name, entry in rows.items()})
        warnings.extend(problems)
    return entries, warnings, rejects


# ---------------------------------------------------------------------------------------------------------
# Pages: text or HTML
# ---------------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Page:
    """A file's text ready for cleaning, and what an HTML page said about itself (None for text files)."""
    text: str
    encoding: str
    note: str | None
    meta: ManifestEntry | None = None
    title: str | None = None


def read_page(name: str, data: bytes) -> Page:
    """Bytes of one file -> its text; an HTML page (by suffix or content) -> its main text and metadata."""
    from tasks import html   # tasks.html builds on this module's decoder
    if name.lower().endswith(html.HTML_SUFFIXES):
        decoded = html.decode_html(data)
    else:
        decoded = decode_bytes(data)
        if not html.is_html(decoded.text, name):
            return Page(decoded.text, decoded.encoding, decoded.note)
        decoded = html.decode_html(data)   # its <meta charset> may name the encoding
    if not html.is_html(decoded.text, name):
        return Page(decoded.text, decoded.encoding, decoded.note)
    page = html.extract_html(decoded.text)
    meta = ManifestEntry(published=page.published, source=page.source, region=page.region, url=page.url)
    return Page(html.page_text(page), decoded.encoding, decoded.note, meta, page.title)
