"""The benchmark corpus: every real page we have, copied N times, each copy made unique.

Sources are the project's seeds/ and ../shared/eval/{xwlb,udn,pd1998}. People's Daily 1998 comes as one
short article per file; a real newspaper page carries several, so those articles are packed (per date,
in file order) into pages of about PD_PAGE_BYTES. Each copy lives in its own subfolder and gets one
unique line, so no two files share a hash and nothing can be deduplicated away. One manifest.csv at the
corpus root lists every file of every copy: dibao reads only the input folder's own manifest.csv, and a
manifest.csv in a subfolder would be ingested as a page.
"""
from __future__ import annotations

import codecs
import csv
import io
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
EVAL_DIR = PROJECT_ROOT.parent / "shared" / "eval"
EVAL_SETS = ("xwlb", "udn", "pd1998")
# pd1998 files are single articles (a paragraph or a few); joined into pages of roughly this many bytes.
PD_SET = "pd1998"
PD_PAGE_BYTES = 10_000
ARTICLE_SEPARATOR = b"\n\n"
MANIFEST = "manifest.csv"
MANIFEST_HEADER = ("file", "published", "source", "region")
# The reference corpus is ~105 MB (120 copies of ~0.88 MB).
TARGET_BYTES = 105_000_000
COPY_DIR = "copy-{:04d}"


@dataclass(frozen=True, slots=True)
class Page:
    rel_path: str              # path inside one copy, e.g. "xwlb/xwlb_20220118_01.md"
    data: bytes
    published: str | None = None
    source: str | None = None
    region: str | None = None


@dataclass(frozen=True, slots=True)
class Corpus:
    root: Path
    copies: int
    files: int
    bytes: int


def read_manifest_rows(folder: Path) -> dict[str, tuple[str | None, str | None, str | None]]:
    """file -> (published, source, region) from a folder's manifest.csv; {} when it has none."""
    path = folder / MANIFEST
    if not path.exists():
        return {}
    rows = {}
    for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
        rows[row["file"]] = tuple((row.get(k) or None) for k in MANIFEST_HEADER[1:])
    return rows


def folder_pages(folder: Path, prefix: str) -> list[Page]:
    """Every file of a folder (not its manifest), with its manifest entry, under rel path prefix/name."""
    meta = read_manifest_rows(folder)
    pages = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.name != MANIFEST):
        published, source, region = meta.get(path.name, (None, None, None))
        pages.append(Page(f"{prefix}/{path.name}", path.read_bytes(), published, source, region))
    return pages


def join_articles(articles: list[Page], prefix: str, page_bytes: int = PD_PAGE_BYTES) -> list[Page]:
    """Pack one-article files into pages of about page_bytes, never mixing two publication dates."""
    pages: list[Page] = []
    group: list[Page] = []

    def flush() -> None:
        if group:
            first = group[0]
            name = f"{prefix}/{prefix}_{(first.published or 'undated').replace('-', '')}_{len(pages):03d}.txt"
            data = ARTICLE_SEPARATOR.join(a.data.strip() for a in group) + b"\n"
            pages.append(Page(name, data, first.published, first.source, first.region))
            group.clear()

    for article in articles:
        if group and (article.published != group[0].published
                      or sum(len(a.data) for a in group) + len(article.data) > page_bytes):
            flush()
        group.append(article)
    flush()
    return pages


def source_pages(seeds_dir: Path = SEEDS_DIR, eval_dir: Path = EVAL_DIR) -> list[Page]:
    """One copy's worth of pages: seeds, xwlb, udn, and pd1998 joined into ~10 KB pages."""
    pages = folder_pages(seeds_dir, "seeds")
    for name in EVAL_SETS:
        found = folder_pages(eval_dir / name, name)
        pages.extend(join_articles(found, name) if name == PD_SET else found)
    return pages


def unique_line(copy: int, data: bytes) -> bytes:
    """A line naming the copy, in the page's own encoding (ASCII fits every ASCII-compatible one)."""
    line = f"\nbench copy {copy:05d}\n"
    if data.startswith(codecs.BOM_UTF16_LE):
        return line.encode("utf-16-le")
    if data.startswith(codecs.BOM_UTF16_BE):
        return line.encode("utf-16-be")
    return line.encode("ascii")


def copies_for(target_bytes: int, pages: list[Page]) -> int:
    """How many copies make a corpus of about target_bytes."""
    per_copy = sum(len(p.data) for p in pages) or 1
    return max(1, round(target_bytes / per_copy))


def manifest_text(rows: list[tuple[str, Page]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(MANIFEST_HEADER)
    for rel, page in rows:
        writer.writerow((rel, page.published or "", page.source or "", page.region or ""))
    return out.getvalue()


def build_corpus(root: Path, copies: int, pages: list[Page] | None = None) -> Corpus:
    """Write `copies` unique copies of the pages under root (emptied first) plus one root manifest.csv."""
    pages = source_pages() if pages is None else pages
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    rows: list[tuple[str, Page]] = []
    total = 0
    for copy in range(copies):
        base = COPY_DIR.format(copy)
        for page in pages:
            rel = f"{base}/{page.rel_path}"
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            data = page.data + unique_line(copy, page.data)
            target.write_bytes(data)
            total += len(data)
            rows.append((rel, page))
    (root / MANIFEST).write_text(manifest_text(rows), encoding="utf-8")
    log.info("corpus %s: %d copies, %d files, %.1f MB", root, copies, len(rows), total / 1e6)
    return Corpus(root, copies, len(rows), total)


def corpus_files(root: Path) -> list[Path]:
    """The page files of a built corpus, in path order (the manifest excluded)."""
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name != MANIFEST)
