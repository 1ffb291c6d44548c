"""One batch of documents through every per-document stage.

decode -> clean -> normalise -> split into articles -> segment -> extract, returning one Arrow table per
output table. Pure: the caller hands in bytes and manifest entries, and decides where the tables go.
Each table's schema is declared in tasks.tables, which the commands import without the extractors.
"""
from __future__ import annotations

import logging
import re
import traceback
from dataclasses import dataclass
from bisect import bisect_left, bisect_right
from datetime import date, datetime, timedelta
from itertools import accumulate
from operator import itemgetter
from time import perf_counter

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks import meetings
from tasks.extract import orgs, people, places, slogans
from tasks.extract.annotate import annotate
from tasks.articles import TITLE_COLUMN_RE, ArticleDraft, split_articles
from tasks.evidence import evidence_of
from tasks.clean import clean_page
from tasks.ids import person_id, person_region, stable_id
from tasks.html import site_region
from tasks.ingest import ManifestEntry, RejectError, read_page, sha256_hex
from tasks.normalise import LEAD_WINDOW, DateMention, YearIndex, find_dates, lead_date, normalise_page, parse_published, resolve_date
from tasks.records import ArticleContext
from tasks.segment import NEEDS_RESPLIT_RE2, resplit_pieces, tag_raw
from tasks.tables import (  # noqa: F401  (re-exported: tests and tools import them from here)
    ARTICLE_PEOPLE_SCHEMA, ARTICLES_SCHEMA, BATCH_SCHEMAS, DOCUMENTS_SCHEMA, ENTITY_SCHEMA, MEETING_PARTICIPANTS_SCHEMA,
    MEETINGS_SCHEMA, REJECTS_SCHEMA, STAGES, STR_LIST, TOKENS_SCHEMA, TS, RawDocument,
)

log = logging.getLogger(__name__)


class TokenRows:
    """The tokens table's buffer: a batch has ~180,000 token rows per MB, so no Python object is made per
    row. The articles' raw tags (blanks included) are kept as two flat lists and turned into the table by
    Arrow: blank tokens filtered out, the few ASCII runs jieba.cut would split spliced in as pieces
    (tasks.segment.clean_tags's rules), per-article columns expanded from counts."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self.poss: list[str] = []
        self.articles: list[tuple[str, str, int, int]] = []   # (article_id, doc_id, title pairs, body pairs)

    def add(self, article_id: str, doc_id: str, tags: tuple[tuple[str, str], ...], title_pairs: int) -> None:
        """An article's raw tags, of which the first `title_pairs` tile its title."""
        self.add_columns(article_id, doc_id, list(map(itemgetter(0), tags)), list(map(itemgetter(1), tags)), title_pairs)

    def add_columns(self, article_id: str, doc_id: str, words: list[str], poss: list[str], title_pairs: int) -> None:
        """`add` for tags already listed as columns (the article's TagColumns)."""
        self.words += words
        self.poss += poss
        self.articles.append((article_id, doc_id, title_pairs, len(words) - title_pairs))

    def drop(self, doc_id: str) -> None:
        keep_words, keep_poss, keep_articles, at = [], [], [], 0
        for article in self.articles:
            n = article[2] + article[3]
            if article[1] != doc_id:
                keep_words += self.words[at:at + n]
                keep_poss += self.poss[at:at + n]
                keep_articles.append(article)
            at += n
        self.words, self.poss, self.articles = keep_words, keep_poss, keep_articles

    def table(self) -> pa.Table:
        words, poss = pa.array(self.words, pa.string()), pa.array(self.poss, pa.string())
        # Arrow's whitespace is str.isspace's, code point for code point (tests/test_batch.py checks every
        # one); a Python bool per token cost 15 of the table's 65 ms per 1.7 MB.
        keep = pc.invert(pc.utf8_is_space(words))
        resplit = pc.indices_nonzero(pc.match_substring_regex(words, NEEDS_RESPLIT_RE2)).to_pylist()
        bounds = list(accumulate((n for a in self.articles for n in a[2:]), initial=0))
        if resplit:
            words, poss, keep, bounds = _splice_pieces(self.words, self.poss, words, poss, keep, bounds, resplit)
        # Rows per field of each article: kept tokens between its bounds, read off a running count.
        kept = pc.cumulative_sum(pc.cast(keep, pa.int64()))
        inner = pc.take(kept, pa.array([b - 1 for b in bounds if b], pa.int64())).to_pylist() if len(keep) else []
        at = [0] * (len(bounds) - len(inner)) + inner
        fields = [b - a for a, b in zip(at, at[1:])]
        counts = [fields[i] + fields[i + 1] for i in range(0, len(fields), 2)]
        return pa.table({
            "article_id": _runs([a[0] for a in self.articles], counts),
            "position": _positions(counts),
            "token": words.filter(keep),
            "pos": poss.filter(keep),
            "field": _runs(["title", "body"] * len(self.articles), fields),
            "doc_id": _runs([a[1] for a in self.articles], counts),
        }, schema=TOKENS_SCHEMA)


def _splice_pieces(raw_words: list[str], raw_poss: list[str], words: pa.Array, poss: pa.Array, keep: pa.Array,
                   bounds: list[int], resplit: list[int]) -> tuple[pa.Array, pa.Array, pa.Array, list[int]]:
    """Replace each re-split token by its pieces (always kept), and move the field bounds past them: one
    `take` per column from the columns followed by the pieces (slicing per re-split token cost 30% of
    building the tokens table)."""
    pieces: list[str] = []
    piece_pos: list[str] = []
    sizes = []
    for k in resplit:
        p, q = resplit_pieces(raw_words[k], raw_poss[k])
        pieces += p
        piece_pos += q
        sizes.append(len(p))
    n = len(words)
    counts = np.ones(n, np.int64)
    counts[resplit] = sizes
    order = np.repeat(np.arange(n), counts)                 # each token, a re-split one once per piece
    split = np.zeros(n, np.bool_)
    split[resplit] = True
    order[np.repeat(split, counts)] = n + np.arange(len(pieces))
    take = pa.array(order)
    extra_before = list(accumulate((k - 1 for k in sizes), initial=0))
    moved = [b + extra_before[bisect_left(resplit, b)] for b in bounds]
    return (pa.concat_arrays([words, pa.array(pieces, pa.string())]).take(take),
            pa.concat_arrays([poss, pa.array(piece_pos, pa.string())]).take(take),
            pa.concat_arrays([keep, pa.array([True] * len(pieces), pa.bool_())]).take(take), moved)


def _runs(values: list[str], lengths: list[int]) -> pa.Array:
    """values[i] repeated lengths[i] times, expanded in Arrow (zero-length runs are allowed)."""
    pairs = [(v, n) for v, n in zip(values, lengths) if n]
    if not pairs:
        return pa.array([], pa.string())
    ends = list(accumulate(n for _, n in pairs))
    encoded = pa.RunEndEncodedArray.from_arrays(pa.array(ends, pa.int32()), pa.array([v for v, _ in pairs], pa.string()))
    return pc.run_end_decode(encoded)


def _positions(lengths: list[int]) -> pa.Array:
    """0..n-1 for each length in turn, as slices of one shared range (grown when an article is longer; read
    once into a local, so that a thread growing it meanwhile cannot hand this one a shorter range)."""
    longest = max(lengths, default=0)
    shared = _RANGE[0]
    if longest > len(shared):
        shared = pa.array(range(max(longest, 2 * len(shared))), pa.int32())
        _RANGE[0] = shared
    return pa.concat_arrays([shared.slice(0, n) for n in lengths] or [pa.array([], pa.int32())])


_RANGE: list[pa.Array] = [pa.array(range(1 << 16), pa.int32())]


class Rows:
    """Column-wise row buffers, one per table: cheaper than a dict per row."""

    def __init__(self) -> None:
        self.cols: dict[str, dict[str, list]] = {
            t: {f.name: [] for f in s} for t, s in BATCH_SCHEMAS.items() if t != "tokens"}
        self.tokens = TokenRows()

    def add(self, table: str, **values) -> None:
        for name, column in self.cols[table].items():
            column.append(values.get(name))

    def tables(self) -> dict[str, pa.Table]:
        return {t: self.tokens.table() if t == "tokens" else pa.table(self.cols[t], schema=BATCH_SCHEMAS[t])
                for t in BATCH_SCHEMAS}


def dates_for_page(page: str, drafts: list[ArticleDraft], manifest: ManifestEntry | None) -> tuple[int | None, date | None]:
    """The year to give dates written without one, and a full reference date when the page or manifest has one."""
    year, ref = parse_published(manifest.published if manifest else None)
    if ref is None:
        for d in drafts:
            mentions = find_dates(d.dateline) if d.dateline else []
            if mentions and mentions[0].year and mentions[0].month and not mentions[0].month_only:
                ref = resolve_date(mentions[0], year=None, ref=None)
                break
    if year is None and ref is not None:
        year = ref.year
    return year, ref


# How far past its expected place an article's body is looked for on the page (its headline, byline and
# blank lines stand between two bodies); the bound keeps a page of many articles linear in its size.
BODY_HEAD_CHARS = 20
BODY_SEARCH_SLACK = 1024


def article_starts(page: str, drafts: list[ArticleDraft]) -> list[int]:
    """Where each article's body starts on the page, searched forward from the previous article's body and
    within a bounded window, so that the searches of a whole page scan it about once. A body not found
    verbatim (lines rejoined) is placed where the previous one ends."""
    starts, cursor, prev_len = [], 0, 0
    for d in drafts:
        head = d.body[:BODY_HEAD_CHARS]
        headers = sum(len(x) for x in (d.title, d.kicker, d.subtitle, d.byline, d.dateline) if x)
        end = cursor + 2 * prev_len + 2 * headers + BODY_SEARCH_SLACK + len(head)
        at = page.find(head, cursor, end)
        if at < 0:
            at = min(cursor + prev_len, len(page))
        starts.append(at)
        cursor, prev_len = min(at + 1, len(page)), len(d.body)   # two identical articles: the next copy
    return starts


def article_years(page: str, drafts: list[ArticleDraft], year: int | None, ref: date | None = None) -> list[int | None]:
    """Each article's year for dates written without one: the page's, else the stated year nearest to the
    article on the page (the page scanned for years once, however many articles it holds). With only the
    page's year known, an article whose lead is dated in the December before the page's date is of the year
    before (_years_across_new_year)."""
    if year is not None:
        return _years_across_new_year(page, drafts, year) if ref is None else [year] * len(drafts)
    years = YearIndex.of(page)
    return [years.near(at) for at in article_starts(page, drafts)]


# How far back a page reports: an item dated later in the year than its page is of the year before when it
# falls within this many days before the page's date.
LOOK_BACK = timedelta(days=92)
# Without the page's date, the months of its items' leads tell a page of the first weeks of its year: leads of
# January or February beside leads of November or December, none between, are of one page that straddles the
# new year (a page of the year's end would not carry news ten months old).
NEW_YEAR_MONTHS = (2, 11)
# The months LOOK_BACK reaches from a January page, as a page writes them.
LATE_MONTHS = ("10月", "11月", "12月", "十月", "十一月", "十二月")


def _lead_day(draft: ArticleDraft) -> tuple[int, int] | None:
    """The month and day the article's lead is dated with, when written without its year (lead_date's window)."""
    for m in find_dates(draft.body[:LEAD_WINDOW + 32]):
        if m.start >= LEAD_WINDOW:
            break
        if m.month_only:
            continue
        # (a day looked ahead to dates no news: "1月1日起，…缴费标准调整" stands on a page of December)
        if m.year is None and m.month is not None and m.years_before is None and not m.ahead:
            return m.month, m.day
        return None
    return None


# The header of a paper's page stands above its first item: a weekday date further down is an article's own.
PAGE_HEAD_CHARS = 600
# At the page's head, a date printed beside its weekday or its edition's or page's number is the header's
# ("2023年6月14日 第3版", "2023-06-14 第03版：要闻"; a lead's "6月14日第二期培训班" has no space before 第).
# The lunar date may stand between the day and its weekday ("2014年3月6日 甲午年二月初六 星期四").
HEADER_DAY_RE = re.compile(r"((?:19|20)\d\d)(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})日?[ 　]*"
                           r"(?:(?:农历)?[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年[正一二三四五六七八九十冬腊]{1,2}月"
                           r"[初十廿二三][一二三四五六七八九十]?[ 　]*)?"
                           r"(?:[（(]?(?:星期|周)[一二三四五六日天]|(?<=[ 　])第[ ]?[0-9一二三四五六七八九十]{1,5}[ ]?[版期])")


# A header line is no sentence: an item's lead dated with its weekday ("2023年6月12日（星期一）上午，…") has one.
SENTENCE_MARKS_RE = re.compile(r"[，,。；;]")
# A site's bar giving the reader's day ("今天是：2024年3月5日 星期二") dates the visit, not the page.
TODAY_BAR_RE = re.compile(r"今[天日](?:是)?[ ]?[:：]?[ ]?$")


def header_day(page: str, year: int | None) -> date | None:
    """The day the page's header prints on a line of its own ("2023年6月14日 星期三"), when it is in `year` (any
    year when none is known)."""
    head = page[:PAGE_HEAD_CHARS]
    if "星期" not in head and "周" not in head and "第" not in head:
        return None
    for m in HEADER_DAY_RE.finditer(head):
        start = head.rfind("\n", 0, m.start()) + 1
        end = head.find("\n", m.end())
        line = head[start:end if end >= 0 else len(head)]
        if SENTENCE_MARKS_RE.search(line) is not None or TODAY_BAR_RE.search(head, start, m.start()) is not None:
            continue
        if year is not None and int(m.group(1)) != year:
            return None
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def day_reference(page: str, year: int | None, ref: date | None) -> date | None:
    """The day an item's 昨天, 今日 and 12日 are counted from: the manifest's full date, else the page header's day.
    Only a reference: an item's own date is still its lead's (a page dated the 14th reports the 12th's meeting),
    so a header never becomes every item's date."""
    return ref if ref is not None else header_day(page, year)


def _years_across_new_year(page: str, drafts: list[ArticleDraft], year: int) -> list[int]:
    """The page's year for each article, or the year before for an article dated late in the year when the page
    is of the year's first weeks: its header says so ("2023年1月6日 星期五" over "12月30日，…"), or its other
    items are dated in January or February and none between March and October. Nothing telling: the page's year."""
    years = [year] * len(drafts)
    if not any(month in page for month in LATE_MONTHS):
        return years   # (no item can be of the year before: the cheap test that skips most pages)
    days = [_lead_day(d) for d in drafts]
    if not any(d is not None and d[0] > NEW_YEAR_MONTHS[0] for d in days):
        return years
    page_day = header_day(page, year)
    if page_day is None:
        months = {d[0] for d in days if d is not None}
        if not (min(months) <= NEW_YEAR_MONTHS[0] and max(months) >= NEW_YEAR_MONTHS[1]
                and all(m <= NEW_YEAR_MONTHS[0] or m >= NEW_YEAR_MONTHS[1] for m in months)):
            return years
        return [year - 1 if d is not None and d[0] >= NEW_YEAR_MONTHS[1] else year for d in days]
    for k, d in enumerate(days):
        if d is None:
            continue
        try:
            before = date(year - 1, *d)
        except ValueError:
            continue
        if (d[0], d[1]) > (page_day.month, page_day.day) and page_day - before <= LOOK_BACK:
            years[k] = year - 1
    return years


def article_date(draft: ArticleDraft, *, year: int | None, ref: date | None, day_ref: date | None = None,
                 prior: date | None = None, opening: DateMention | None = None) -> date | None:
    """Publication date: a header date line, else the manifest's full date, else the first date of the lead
    (`day_ref`, the page header's day, dates a lead's 昨天 or 12日; without it, a lead `opening` with its day alone
    is read beside `prior`, the date an earlier item of the page opens with)."""
    day_ref = ref or day_ref
    if draft.dateline:
        for m in find_dates(draft.dateline):
            found = None if m.month_only else resolve_date(m, year=year, ref=day_ref)
            if found:
                return found
    if ref is not None:
        return ref
    if day_ref is None and prior is not None and opening is not None and opening.month is None \
            and opening.days_before is None:
        return _day_near(prior, opening.day)
    return lead_date(draft.body, year=year, ref=day_ref)


# How far into an item its opening date may stand ("本报讯 3月4日，…", "5日上午，…"): a brief column's items each
# open with their day; a date further on is what the text speaks of ("重温1949年10月1日…", "于10月31日前完成").
OPENING_DATE_REACH = 12


def opening_date(body: str) -> DateMention | None:
    """The date an item opens with: a day (with its month or alone), neither looked ahead to nor a month alone."""
    for m in find_dates(body[:OPENING_DATE_REACH + 16]):
        if m.start > OPENING_DATE_REACH or m.month_only or m.ahead:
            return None
        return m
    return None


def dates_the_column(published: date | None, m: DateMention | None, year: int | None, prior: date | None = None) -> bool:
    """The item's date is the day `m` it opens with, in the page's year (its month written, or read beside `prior`):
    a day the next brief may give alone."""
    return published is not None and m is not None and m.day == published.day and m.days_before is None \
        and (m.month == published.month or m.month is None and prior is not None) \
        and (year is None or published.year == year)


# A bare day this many days or more before the item above's is of the next month ("3月30日…" then "1日…"); nearer,
# of the same month, as a column's items go back a few days too ("3月6日…" then "4日…").
NEXT_MONTH_GAP = 15


def _day_near(prior: date, day: int) -> date | None:
    """The bare day read after `prior`: in its month, or the next when the day is far before prior's (a page writes
    the month again when it changes otherwise). A paper's column runs forward in time, so a day after prior's is of
    the same month however far on it is ("6月2日…" then "20日…")."""
    y, month = prior.year, prior.month
    if prior.day - day >= NEXT_MONTH_GAP:
        y, month = (y, month + 1) if month < 12 else (y + 1, 1)
    try:
        return date(y, month, day)
    except ValueError:
        return None


def add_tokens(rows: Rows, ctx: ArticleContext) -> None:
    """Token rows from the article's tags (title first, then body; positions run across both), read off the
    columns the extractors share (tasks.extract.annotate.TagColumns)."""
    cols = annotate(ctx).columns
    # the pairs tile f"{title}\n{body}": the body's first pair is the first to start past the title
    rows.tokens.add_columns(ctx.article_id, ctx.doc_id, cols.words, cols.poss,
                            bisect_right(cols.offsets, len(ctx.title), 0, len(cols.words)))


def subject_evidence(ctx: ArticleContext, name: str) -> str | None:
    """The sentence a person was read from, in the text the people rules read: headline and body first,
    then the kicker and deck lines (a name written only there)."""
    return evidence_of(annotate(ctx).raw, name)


def add_extractions(rows: Rows, ctx: ArticleContext, draft: ArticleDraft) -> None:
    region = ctx.region
    text = f"{ctx.title}\n{ctx.body}"
    found = people.extract_people(ctx)
    keyed = {p.name: person_region(p.titles, region) for p in found}
    for p in found:
        rows.add("article_people", article_id=ctx.article_id, person_id=person_id(p.name, keyed[p.name]),
                 name=p.name, titles=list(p.titles), posts=list(p.posts), role="subject", mentions=p.mentions,
                 region=region if keyed[p.name] == region else keyed[p.name], doc_id=ctx.doc_id,
                 evidence=subject_evidence(ctx, p.name))
    for name, role in dict.fromkeys(draft.credits):
        rows.add("article_people", article_id=ctx.article_id, person_id=person_id(name, person_region([], region)),
                 name=name, titles=[], posts=[], role=role, mentions=1, region=region, doc_id=ctx.doc_id,
                 evidence=draft.byline if draft.byline and name in draft.byline else evidence_of(text, name))
    for i, m in enumerate(meetings.extract_meetings(ctx, found)):
        mid = stable_id("meeting", ctx.article_id, i)
        rows.add("meetings", meeting_id=mid, article_id=ctx.article_id, kind=m.kind, name=m.name,
                 meeting_date=m.meeting_date, region=region, format=m.format, doc_id=ctx.doc_id, evidence=m.evidence)
        for name, role in dict.fromkeys(m.participants):
            rows.add("meeting_participants", meeting_id=mid, person_id=person_id(name, keyed.get(name) or person_region([], region)), name=name,
                     role=role, doc_id=ctx.doc_id, evidence=m.participant_evidence.get((name, role)))
    for table, extractor in (("places", places.extract_places), ("organisations", orgs.extract_organisations),
                             ("slogans", slogans.extract_slogans)):
        for e in extractor(ctx):
            rows.add(table, article_id=ctx.article_id, name=e.text, kind=e.kind, count=e.count, doc_id=ctx.doc_id)


def _lap(clock: dict[str, float] | None, stage: str, since: float) -> float:
    """Add the seconds since `since` to `clock[stage]`; returns now (one perf_counter call, ~0.1 us)."""
    now = perf_counter()
    if clock is not None:
        clock[stage] = clock.get(stage, 0.0) + now - since
    return now


def process_document(rows: Rows, raw: RawDocument, *, version: str, now: datetime,
                     clock: dict[str, float] | None = None) -> None:
    """Append one document's rows (or its reject) to the buffers; `clock` accumulates seconds per stage."""
    t = perf_counter()
    digest = sha256_hex(raw.data)
    try:
        decoded = read_page(raw.name or raw.doc_id, raw.data)
    except RejectError as exc:
        rows.add("rejects", path=raw.doc_id, reason=str(exc), size_bytes=len(raw.data), sha256=digest, seen_at=now,
                 source_name=raw.source_name)
        _lap(clock, "decode", t)
        return
    t = _lap(clock, "decode", t)
    cleaned = clean_page(decoded.text)
    t = _lap(clock, "clean", t)
    page, script = normalise_page(cleaned)
    t = _lap(clock, "normalise", t)
    drafts = split_articles(page)
    if decoded.title and drafts:
        headline(drafts[0], decoded.title, several=len(drafts) > 1)
    m = with_page_meta(raw.manifest, decoded.meta)
    year, ref = dates_for_page(page, drafts, m)
    day_ref = day_reference(page, year, ref)
    year = year or (day_ref.year if day_ref else None)
    region = m.region if m else None
    t = _lap(clock, "split", t)
    prior: date | None = None   # the date the latest item dated by its opening day gives the column
    for d, a_year in zip(drafts, article_years(page, drafts, year, ref)):
        aid = stable_id("article", raw.doc_id, d.seq)
        opening = opening_date(d.body) if day_ref is None else None
        published = article_date(d, year=a_year, ref=ref, day_ref=day_ref, prior=prior, opening=opening)
        if dates_the_column(published, opening, a_year, prior):
            prior = published
        # no region given: the one the article's own outlet names ("来源：巫山县融媒体中心"), as for an HTML page
        a_region = region or site_region(d.source)
        rows.add("articles", article_id=aid, doc_id=raw.doc_id, seq=d.seq, title=d.title, subtitle=d.subtitle,
                 kicker=d.kicker, byline=d.byline, source=d.source or (m.source if m else None), region=a_region,
                 published_date=published, body=d.body, char_count=len(d.body), title_from_lead=d.title_from_lead,
                 url=(m.url if m else None) or d.url, source_name=raw.source_name)
        t = _lap(clock, "split", t)
        tags = tuple(tag_raw(f"{d.title}\n{d.body}"))
        ctx = ArticleContext(article_id=aid, doc_id=raw.doc_id, title=d.title, body=d.body, kicker=d.kicker,
                             subtitle=d.subtitle, region=a_region, published_date=published, year=a_year, ref_date=day_ref,
                             tags=tags)
        add_tokens(rows, ctx)
        t = _lap(clock, "segment", t)
        add_extractions(rows, ctx, d)
        t = _lap(clock, "extract", t)
    rows.add("documents", doc_id=raw.doc_id, sha256=digest, encoding=decoded.encoding, script=script,
             char_count=len(decoded.text), size_bytes=len(raw.data), article_count=len(drafts),
             published=m.published if m else None, source=m.source if m else None, region=region,
             note=decoded.note, pipeline_version=version, ingested_at=now, source_name=raw.source_name)


def headline(draft: ArticleDraft, title: str, several: bool = False) -> None:
    """An HTML page's own headline is its first article's title (the splitter may have read it as a kicker
    or found none); a kicker or deck that only repeats it is dropped. On a page of several items whose first
    has a headline of its own under the page's ("松林要闻两则" over "我县召开…专题会"), the page's stays its kicker."""
    title = normalise_page(clean_page(title))[0].strip()
    if not title or draft.title == title:
        return
    column = TITLE_COLUMN_RE.match(title)
    if column and title[column.end():] == draft.title:
        return   # "组图｜金秋时节稻谷香": the splitter made the column's label the kicker
    if several and draft.kicker == title and draft.title and not draft.title_from_lead:
        return
    draft.kicker = None if draft.kicker == title else draft.kicker
    draft.subtitle = None if draft.subtitle == title else draft.subtitle
    draft.title, draft.title_from_lead = title, False


def with_page_meta(manifest: ManifestEntry | None, page: ManifestEntry | None) -> ManifestEntry | None:
    """The manifest's row, its empty fields filled from what an HTML page says of itself (the manifest is
    what a person wrote down, so it wins)."""
    if page is None or manifest is None:
        return manifest or page
    published = manifest.published
    if published and page.published and len(published.strip()) == 4 and page.published.startswith(published.strip()):
        # a manifest giving the year only is refined by the page's own day in that year (the page's day dates
        # what it writes as 昨天 or 10日); a page dated in another year loses to the person's manifest
        published = page.published
    return ManifestEntry(*(a or b for a, b in zip((published, manifest.source, manifest.region, manifest.url),
                                                  (page.published, page.source, page.region, page.url))))


def process_batch(raws: list[RawDocument], *, version: str, now: datetime,
                  clock: dict[str, float] | None = None) -> dict[str, pa.Table]:
    """Every document of the batch; a document that breaks a stage becomes a reject, the rest go on.
    `clock`, when given, accumulates seconds per stage (STAGES; building the Arrow tables counts as write)."""
    rows = Rows()
    for raw in raws:
        try:
            process_document(rows, raw, version=version, now=now, clock=clock)
        except Exception as exc:  # a bug must not sink the batch: record it where a person will see it
            log.error("processing %s failed: %s", raw.doc_id, traceback.format_exc(limit=3))
            _drop_partial(rows, raw.doc_id)
            rows.add("rejects", path=raw.doc_id, sha256=sha256_hex(raw.data), size_bytes=len(raw.data), seen_at=now,
                     source_name=raw.source_name,
                     reason=f"dibao failed on this page ({type(exc).__name__}: {exc}); it was skipped, please report it")
    t = perf_counter()
    tables = rows.tables()
    _lap(clock, "write", t)
    return tables


def _drop_partial(rows: Rows, doc_id: str) -> None:
    """Remove whatever rows a failed document had already appended."""
    rows.tokens.drop(doc_id)
    for table, cols in rows.cols.items():
        key = "doc_id" if "doc_id" in cols else None
        if key is None:
            continue
        keep = [i for i, v in enumerate(cols[key]) if v != doc_id]
        if len(keep) != len(cols[key]):
            for name in cols:
                cols[name] = [cols[name][i] for i in keep]
