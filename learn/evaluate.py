"""`make eval`: dibao's extraction measured on the dev split of the labelled data, per source and label.

Each dev line goes through what a one-line page goes through in a run (clean, normalise, split into
articles, tag, extract), and the names found are compared with the labelled spans as sets per line, after
the scorer's normalisation (NFKC, no spaces or punctuation). Beside dibao: jieba's `nr` tags on the same
lines, and the name model alone. Labels a source does not annotate are not scored there (learn/data.py).
Then what sentences cannot show: the page sets of learn/pages/ (learn/pages.py), and the seeds.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from learn import pages
from learn.data import ANNOTATES, DATA_FILE, SOURCES, Example, read, split
from tasks.extract import orgs, people, places
from tasks.articles import ArticleDraft, split_articles
from tasks.clean import clean_page
from tasks.ner import model
from tasks.normalise import normalise_page
from tasks.records import ArticleContext
from tasks.segment import tag_raw

PUNCT_RE = re.compile(r"[\s\u3000\W_]+", re.UNICODE)
NR_TAGS = frozenset({"nr", "nrfg", "nrt"})
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def key(text: str) -> str:
    return PUNCT_RE.sub("", unicodedata.normalize("NFKC", text))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def add_credits(self, bylines: set, people: set, pred: set) -> None:
        """Credits found against the people a line labels (precision) and its byline names (recall)."""
        self.tp += len(pred & people)
        self.fp += len(pred - people)
        self.fn += len(bylines - pred)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Found:
    """What a system extracts from a line; None for what it does not extract at all."""
    people: set[str] | None = field(default_factory=set)
    titles: set[str] | None = field(default_factory=set)
    posts: set[str] | None = field(default_factory=set)
    places: set[str] | None = field(default_factory=set)
    orgs: set[str] | None = field(default_factory=set)
    credits: set[str] | None = None


# The headline of the page `dibao_headed` puts each line under: words that name nobody and nothing.
HEADLINE = "社会生活"


def line_articles(text: str, headline: str | None = None) -> Iterator[tuple[ArticleDraft, ArticleContext]]:
    """The articles of a page holding this one line (under `headline` when given), as a run cleans,
    normalises, splits and tags them."""
    page, _ = normalise_page(clean_page(text if headline is None else f"{headline}\n{text}"))
    for d in split_articles(page):
        yield d, ArticleContext(article_id="dev", doc_id="dev", title=d.title, body=d.body, kicker=d.kicker,
                                subtitle=d.subtitle, tags=tuple(tag_raw(f"{d.title}\n{d.body}")))


def dibao(text: str, headline: str | None = None) -> Found:
    """What a run extracts from a page holding this one line."""
    out = Found(credits=set())
    for d, ctx in line_articles(text, headline):
        # bylines count: the warehouse holds them (as reporter, photographer, editor rows)
        credited = {key(name) for name, _ in d.credits}
        out.credits |= credited
        out.people |= credited
        for p in people.extract_people(ctx):
            out.people.add(key(p.name))
            out.titles.update(key(t) for t in p.titles)
            out.posts.update(key(t) for t in p.posts)
        out.places.update(key(e.text) for e in places.extract_places(ctx))
        out.orgs.update(key(e.text) for e in orgs.extract_organisations(ctx))
    return out


def dibao_headed(text: str) -> Found:
    """dibao on a page where the line is the body under a headline of its own, as on most real pages: a
    one-line page is titled by its own first clause, and the names of that copy hide what the body alone
    gives."""
    return dibao(text, HEADLINE)


def dibao_subjects(text: str) -> Found:
    """dibao's people without its byline rows: what a scorer counting only `role = 'subject'` rows sees.
    These corpora label reporters named in datelines (`记者X报道`, `新华社…电（X）`) as people; dibao, like
    the seeds' reference, stores them as bylines."""
    names: set[str] = set()
    for _, ctx in line_articles(text):
        names.update(key(p.name) for p in people.extract_people(ctx))
    return Found(people=names, titles=None, posts=None, places=None, orgs=None)


def jieba_nr(text: str) -> Found:
    return Found(people={key(w) for w, pos in tag_raw(text) if pos in NR_TAGS},
                 titles=None, posts=None, places=None, orgs=None)


def model_alone(text: str) -> Found:
    m = model()
    return Found(people={key(text[a:b]) for a, b in m.spans(text, tag_raw(text))} if m else set(),
                 titles=None, posts=None, places=None, orgs=None)


def rules_alone(text: str) -> Found:
    """dibao with the name model switched off: what the model adds."""
    from tasks import ner
    saved = ner.model
    ner.model = lambda: None
    try:
        return dibao(text)
    finally:
        ner.model = saved


SYSTEMS = {"dibao": dibao, "dibao subjects": dibao_subjects, "dibao under a headline": dibao_headed,
           "rules alone": rules_alone, "jieba nr": jieba_nr, "model alone": model_alone}
# Which gold labels each column compares with (GOV is a government body: an organisation here). TITLE is
# scored twice: as written (article_people.titles) and reduced to posts (article_people.posts), the form
# CLUENER and Resume label.
COLUMNS = {"PER": ("people", {"PER"}), "TITLE": ("titles", {"TITLE"}), "POST": ("posts", {"TITLE"}),
           "LOC": ("places", {"LOC"}),
           "ORG": ("orgs", {"ORG", "GOV"}), "BYLINE": ("credits", {"PER"})}
# BYLINE: the labelled people written right after a reporter's word (记者, 通讯员, 实习生, 摄影, 编辑), which a
# run must store as credits; a credited name counts as right when the line labels it a person at all.
REPORTER_CUE = re.compile(r"(?:记者|通讯员|实习生|摄影|编辑)[ 　]*$")
REPORTER_CUE_REACH = 12


def gold_sets(e: Example) -> dict[str, set[str]]:
    """Per column, the labelled strings. A title counts only beside a person (written right before or
    after the name, as the warehouse stores titles: with the person they belong to)."""
    out: dict[str, set[str]] = defaultdict(set)
    people = [(a, b) for a, b, label in e.spans if label == "PER"]
    for a, b, label in e.spans:
        if label == "TITLE" and not any(0 <= pa - b <= 1 or 0 <= a - pb <= 1 for pa, pb in people):
            continue
        for column, (_, labels) in COLUMNS.items():
            if label in labels and column != "BYLINE":
                out[column].add(key(e.text[a:b]))
        if label == "PER" and REPORTER_CUE.search(e.text, max(0, a - REPORTER_CUE_REACH), a):
            out["BYLINE"].add(key(e.text[a:b]))
    return out


def evaluate(dev: list[Example], system, columns=COLUMNS) -> dict[tuple[str, str], Tally]:
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for e in dev:
        found = system(e.text)
        gold = gold_sets(e)
        for column, (attr, labels) in columns.items():
            if labels & ANNOTATES[e.source]:
                pred = getattr(found, attr)
                if pred is None or (column == "BYLINE" and not pred and not gold[column]):
                    continue
                for where in (e.source, "all"):
                    if column == "BYLINE":
                        tallies[where, column].add_credits(gold[column], gold["PER"], pred)
                    else:
                        tallies[where, column].add(gold[column], pred)
    return tallies


def seeds_score() -> str:
    """The seeds through `dibao run`, scored by the shared scorer (its summary line)."""
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--input", str(SHARED / "seeds"),
                              "--warehouse", f"{tmp}/wh"], capture_output=True, text=True)
        if run.returncode:
            return f"dibao run failed: {run.stderr.strip().splitlines()[-1:]}"
        out = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold",
                              str(SHARED / "gold" / "seeds.json"), "--db", f"{tmp}/wh/dibao.duckdb"],
                             capture_output=True, text=True).stdout
        return out.strip().splitlines()[-1] if out.strip() else "no score"


def table(results: dict[str, dict[tuple[str, str], Tally]]) -> str:
    lines = ["| source | label | " + " | ".join(f"{s} P / R / F1" for s in results) + " |",
             "|---|---|" + "---|" * len(results)]
    for source in (*SOURCES, "all"):
        for column in COLUMNS:
            cells = []
            for tallies in results.values():
                t = tallies.get((source, column))
                cells.append("–" if t is None else " / ".join(f"{v:.3f}" for v in t.prf()))
            if any(c != "–" for c in cells):
                lines.append(f"| {source} | {column} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA_FILE)
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--limit", type=int, help="every k-th dev line, for about this many lines")
    ap.add_argument("--no-seeds", action="store_true")
    ap.add_argument("--no-pages", action="store_true", help="skip the page sets of learn/pages/ (one dibao run)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    _, dev = split(read(args.data))
    if args.limit:
        dev = dev[:: max(1, len(dev) // args.limit)]
    results = {name: evaluate(dev, SYSTEMS[name]) for name in args.systems.split(",")}
    print(f"dev split: {len(dev)} lines ({', '.join(f'{s} {sum(e.source == s for e in dev)}' for s in SOURCES)})")
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps({name: {f"{s}/{c}": t.prf() for (s, c), t in r.items()}
                                         for name, r in results.items()}, indent=1))
    if not args.no_pages:
        figures = pages.score_sets(pages.page_sets())
        print("page sets of learn/pages/ (F1; dates: accuracy):")
        print(pages.report(figures))
    if not args.no_seeds:
        print("seeds:", seeds_score())


if __name__ == "__main__":
    main()
