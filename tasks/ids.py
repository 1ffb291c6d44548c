"""Deterministic ids: the same input gives the same ids on every run, runner and batch size."""
from __future__ import annotations

import re
from functools import lru_cache
from hashlib import blake2b

from tasks.lexicon import keyed, sections, trie_regex

SEPARATOR = "\x1f"  # unit separator: cannot occur in the parts, so ("ab", "c") != ("a", "bc")


def stable_id(*parts: object) -> str:
    """16 hex digits of a keyed-free BLAKE2b over the parts; None counts as the empty string."""
    text = SEPARATOR.join("" if p is None else str(p) for p in parts)
    return blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def person_id(name: str, region: str | None) -> str:
    """One person per name within a region: namesakes in two counties stay two people."""
    return stable_id("person", name, region or "")


# Offices of the national level: their holders are the same person whichever county's paper names them
# (a county paper's "习近平总书记" and a district paper's are one man), so such a mention is keyed to the
# whole country instead of the page's region. Local offices (区委书记, 县长…) keep the page's region.
NATIONAL_REGION = "全国"
NATIONAL_OFFICE = re.compile(
    r"总书记|国家主席|国家副主席|国务院|总理|国务委员|中央|全国人大|全国政协|委员长|军委|最高人民(法院|检察院)"
    r"|国家[\u4e00-\u9fff]{1,8}(委|局|部|署|院)")


def person_region(titles: list[str], region: str | None) -> str:
    """The region a person is keyed to: national for holders of national office; the country or region
    outside the mainland that a title names (美国总统 -> 美国, 台北市长 -> 台湾), on any page, as a national
    office is; on a page of no known region, national (national outlets such as a CCTV transcript name the
    same leaders with and without their titles); else the page's region."""
    if any(NATIONAL_OFFICE.search(t) for t in titles):
        return NATIONAL_REGION
    return region_abroad(titles) or region or NATIONAL_REGION


@lru_cache(maxsize=1)
def _abroad() -> tuple[re.Pattern[str], dict[str, str]]:
    region_of: dict[str, str] = {}
    for row in sections("places_lexicon.txt").get("", []):
        if len(row) == 2 and row[1] == "country" and row[0] != "中国":
            region_of[row[0]] = row[0]
    for region, names in keyed("regions_abroad.txt").items():
        for w in names:
            region_of[w] = region
    return re.compile(trie_regex(region_of)), region_of


def region_abroad(titles: list[str]) -> str | None:
    """The first region outside the mainland that a title names, if any."""
    rx, region_of = _abroad()
    for t in titles:
        m = rx.search(t)
        if m:
            return region_of[m.group()]
    return None
