"""A learned recogniser of person names: a character-level CRF trained on labelled news text.

It proposes names and their boundaries; the title and meeting grammars (tasks/extract/,
tasks/meetings.py) keep deciding what only they can. Trained by ``make train`` (learn/train.py) with
CRFsuite on ``../shared/train/names.jsonl.gz``; the weights are exported to ``tasks/data/ner_model.npz``.

Every feature is an integer key computed from the characters and from jieba-rs's tokens, so the same
features are both

- the attribute strings CRFsuite trains and tags with (``attributes``: the plain form), and
- integer arrays looked up in the exported weight tables with numpy (``NameModel.spans_plain``), and
- one compiled call per article (``NameModel.spans``): unigram and small token templates from dense
  arrays, the rest from one hash table, the title cues scanned by a trie (0.39 -> 0.18 s/MB, measured on
  the bench corpus). tests/test_ner.py checks every form tags alike.

Labels are O, B (a name's first character) and I (the rest).
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import numpy as np

from tasks.config import DATA_DIR
from tasks.lexicon import single_surnames, trie_regex, words

log = logging.getLogger(__name__)

MODEL_FILE = DATA_DIR / "ner_model.npz"
LABELS = ("O", "B", "I")
PAD = 0x110000          # beyond Unicode: the character before the text's start or after its end
# A line break reads as a full stop: the model learned from one line of text at a time, where lines end
# sentences with 。; a name opening the body under a headline is then read as one opening a sentence.
NEWLINE, FULL_STOP = 0x0A, 0x3002
SHIFT = 21              # bits of one code point in a packed key
MASK21 = (1 << SHIFT) - 1

# jieba-rs parts of speech, numbered for the token features (unknown tags share the last number).
POS_TAGS = ("nr", "nrfg", "nrt", "ns", "nt", "nz", "n", "v", "vn", "a", "d", "m", "q", "t", "f", "s", "c", "p", "r",
            "u", "uj", "ul", "x", "eng", "j", "i", "l", "b", "z", "vd", "ad", "an", "ng", "tg", "zg", "mq", "y")
OTHER_POS = len(POS_TAGS)
POS_NUMBER: defaultdict[str, int] = defaultdict(lambda: OTHER_POS, {p: i for i, p in enumerate(POS_TAGS)})

HAN_RE = re.compile("[\u4e00-\u9fff]")
FIRST, SECOND = itemgetter(0), itemgetter(1)


@dataclass(frozen=True)
class CueWords:
    """The words of the model's cue features: title words that end right before a name (titles_suffix.txt),
    titles and followers that start right after one (titles_after.txt, people_followers.txt), and
    single-character surnames (names_surnames.txt). A model keeps the words it was trained with in its file
    and reads those at run time, so the rules' lists can grow without changing what the model's features
    mean; `make train` takes the lists as they are then."""
    before: tuple[str, ...]
    after: tuple[str, ...]
    surnames: tuple[str, ...]


@lru_cache(maxsize=1)
def current_cue_words() -> CueWords:
    """The cue words as tasks/data/ holds them now: what a model trained now learns with."""
    return CueWords(tuple(words("titles_suffix.txt")),
                    tuple(words("titles_after.txt") + words("people_followers.txt")),
                    tuple(sorted(single_surnames())))


@lru_cache(maxsize=4)
def _cues(cues: CueWords | None = None) -> tuple[re.Pattern[str], re.Pattern[str], np.ndarray]:
    """Regexes of the title words that end right before a name and the words right after one, and a flag
    per code point for the single-character surnames."""
    cues = cues or current_cue_words()
    before = re.compile(trie_regex(list(cues.before)))
    after = re.compile(trie_regex(list(cues.after)))
    # one flag per code point: a lookup per character instead of np.isin's sort per call
    surnames = np.zeros(PAD + 1, dtype=np.int64)
    surnames[[ord(c) for c in cues.surnames]] = 1
    return before, after, surnames


def _folded(text: str) -> np.ndarray:
    """Code points with full-width ASCII folded to half width, digits to 0 and Latin letters to a: the
    model reads a digit or a letter by its kind."""
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    wide = (cp >= 0xFF01) & (cp <= 0xFF5E)
    cp[wide] -= 0xFEE0
    cp[cp == 0x3000] = 0x20
    cp[cp == NEWLINE] = FULL_STOP
    cp[(cp >= 0x30) & (cp <= 0x39)] = 0x30
    cp[((cp >= 0x41) & (cp <= 0x5A)) | ((cp >= 0x61) & (cp <= 0x7A))] = 0x61
    return cp


def _shift(a: np.ndarray, k: int) -> np.ndarray:
    """a[i + k] at i, PAD beyond either end."""
    out = np.full_like(a, PAD)
    n = len(a)
    if k > 0 and k < n:
        out[:n - k] = a[k:]
    elif k < 0 and -k < n:
        out[-k:] = a[:n + k]
    elif k == 0:
        out[:] = a
    return out


def _token_arrays(text: str, tags) -> tuple[np.ndarray, np.ndarray]:
    """Per character: its place in its jieba token (0 single, 1 first, 2 inside, 3 last) and the token's
    part of speech number. `tags` tile the text."""
    n = len(text)
    if not tags:
        return np.zeros(n, np.int64), np.full(n, OTHER_POS, np.int64)
    tokens, poss = zip(*tags)
    lengths = np.array(list(map(len, tokens)), dtype=np.int64)
    if int(lengths.sum()) != n:   # tags that do not tile this text: no token features
        return np.zeros(n, np.int64), np.full(n, OTHER_POS, np.int64)
    pos = np.array(list(map(POS_NUMBER.__getitem__, poss)), dtype=np.int64)
    ends = np.cumsum(lengths)
    tok = np.repeat(np.arange(len(tokens)), lengths)
    offset = np.arange(n) - (ends - lengths)[tok]
    length = lengths[tok]
    place = np.where(length == 1, 0, np.where(offset == 0, 1, np.where(offset == length - 1, 3, 2)))
    return place, pos[tok]


def _cue_marks(text: str, cp: np.ndarray, cues: CueWords | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per character: a title word ends right before it; a title or honorific starts right after it; it is
    a surname."""
    before, after, surnames = _cues(cues)
    n = len(text)
    ends = np.zeros(n + 1, np.int64)
    ends[[m.end() for m in before.finditer(text)]] = 1
    starts = np.zeros(n + 1, np.int64)
    starts[[m.start() for m in after.finditer(text)]] = 1
    return ends[:n], starts[1:], surnames[cp]


def base_arrays(text: str, tags, cues: CueWords | None = None) -> tuple[np.ndarray, ...]:
    """Per character: folded code point, place in its token, part of speech, title word ending before it,
    title or honorific starting after it, surname (`cues`: the model's words; None, the lists now). Every
    feature key is made of these."""
    c = _folded(text)
    place, pos = _token_arrays(text, tags)
    t_end, t_start, sur = _cue_marks(text, c, cues)
    return c, place, pos, t_end, t_start, sur


def feature_keys(text: str, tags, cues: CueWords | None = None) -> dict[str, np.ndarray]:
    """Every feature template's integer key at every character (one array per template): the plain
    form, with numpy; `_emit_dense` computes the same keys inside its loop."""
    return keys_of(*base_arrays(text, tags, cues))


def keys_of(c, place, pos, t_end, t_start, sur) -> dict[str, np.ndarray]:
    m2, m1, p1, p2 = _shift(c, -2), _shift(c, -1), _shift(c, 1), _shift(c, 2)
    pos_prev, pos_next = _shift(pos, -1), _shift(pos, 1)
    return {
        "c0": c, "c-1": m1, "c1": p1, "c-2": m2, "c2": p2,
        "b-1": (m1 << SHIFT) | c, "b1": (c << SHIFT) | p1, "b-2": (m2 << SHIFT) | m1, "b2": (p1 << SHIFT) | p2,
        "s": (m1 << SHIFT) | p1,
        "t": (m1 << (2 * SHIFT)) | (c << SHIFT) | p1,
        "j": place * 64 + pos, "jp": pos_prev * 64 + pos_next,
        "jc": (place * 64 + pos) << SHIFT | c,
        # the surname mark of the character before; before the text's start it reads as set
        "k": t_end * 8 + t_start * 4 + sur * 2 + _shift(sur, -1).clip(0, 1),
        "kc": ((t_end * 2 + t_start) << SHIFT) | c,
    }


TEMPLATES = tuple(feature_keys("甲", [("甲", "x")]))
TEMPLATE_ID = {name: i + 1 for i, name in enumerate(TEMPLATES)}
GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _mix_template(keys: np.ndarray, template: int) -> np.ndarray:
    """One 64-bit id per (template, key): splitmix64 of the key offset by the template (a bijection of
    64-bit words, so distinct pairs keep distinct ids but for an astronomically unlikely offset clash)."""
    with np.errstate(over="ignore"):
        z = keys.astype(np.uint64) + np.uint64(template) * GOLDEN
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def _build_hash(tables) -> tuple[np.ndarray, np.ndarray, int]:
    ids = np.concatenate([_mix_template(k, TEMPLATE_ID[name]) for name, (k, _) in tables.items()])
    weights = np.concatenate([w for _, w in tables.values()])
    # a load of 1/2 to 3/4 and float32 weights (as saved): the table stays small enough to stay in cache
    # between articles, where most of its cost is memory latency
    size = 1 << max(4, int(len(ids) * 4 // 3).bit_length())
    slots = np.zeros(size, np.uint64)
    table = np.zeros((size, len(LABELS)), np.float32)
    _insert(ids, weights, slots, table, np.uint64(size - 1))
    return slots, table, size - 1


# Templates read from dense arrays instead of the hash table: the five character unigrams share one row per
# character (the row of c[i] serves c0 at i, c-1 at i+1, c1 at i-1, …, so a window of five rows stays in L1),
# and the small-keyed token templates are plain arrays. Together 8 of 16 probes per character.
UNIGRAMS = ("c0", "c-1", "c1", "c-2", "c2")
SMALL = {"j": 256, "jp": 4096, "k": 16}
ROW = 16                # floats per unigram row: 5 templates x 3 labels, padded to 64 bytes


def _build_fast(tables) -> tuple[np.ndarray, ...]:
    """The weights as `_spans_compiled` reads them: unigram rows by folded code point, the small token
    templates as arrays, every other (template, key) in the hash table. Same float32 values as `_build_hash`,
    added in template order (tests/test_ner.py checks the sums against the plain `emissions`)."""
    chars = sorted({k for t in UNIGRAMS if t in tables for k in tables[t][0].tolist()})
    index = np.zeros(PAD + 1, np.int32)          # 0: a character no unigram feature knows
    index[chars] = np.arange(1, len(chars) + 1, dtype=np.int32)
    rows = np.zeros((len(chars) + 1, ROW), np.float32)
    for u, name in enumerate(UNIGRAMS):
        if name in tables:
            keys, w = tables[name]
            rows[index[keys], u * 3:u * 3 + 3] = w
    small = {}
    hashed = {name: kw for name, kw in tables.items() if name not in UNIGRAMS and name not in SMALL}
    for name, size in SMALL.items():
        small[name] = np.zeros((size, len(LABELS)), np.float32)
        if name in tables:
            keys, w = tables[name]
            inside = keys < size
            small[name][keys[inside]] = w[inside]
            hashed[name] = (keys[~inside], w[~inside])   # keys with an edge's PAD in them
    slots, table, mask = _build_hash(hashed)
    return index, rows, small["j"], small["jp"], small["k"], slots, table, np.uint64(mask), _key_filter(slots)


# Nine in ten hash probes of an article ask for a key the model does not have; a bit per (high bits of an)
# id, 64 KiB, answers most of those from L1/L2 instead of walking the 1.3 MB table (emissions 0.066 ->
# 0.020 s over one bench copy's 283,000 characters, with the sums kept in locals).
FILTER_BITS = 19
FILTER_SHIFT = np.uint64(64 - FILTER_BITS)


def _key_filter(slots: np.ndarray) -> np.ndarray:
    """One bit per value of an id's top FILTER_BITS bits, set for every id in the table: a clear bit
    means the key is absent (a set one may be a neighbour's, so the table is still probed)."""
    top = (slots[slots != 0] >> FILTER_SHIFT).astype(np.int64)
    bits = np.zeros(1 << (FILTER_BITS - 6), np.uint64)
    np.bitwise_or.at(bits, top >> 6, np.uint64(1) << (top & 63).astype(np.uint64))
    return bits


TRIE_STRIDE = PAD + 1   # (node, code point) -> node * TRIE_STRIDE + code point: one integer per edge


def _build_trie(items) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.uint64, np.ndarray]:
    """A word list as a trie for `_trie_scan`: (node, code point) -> child in an open-addressing table (the
    model's own: ids mixed by `_mix_template`, inserted by `_insert`), a flag per node that ends a word, and
    a bit per low 16 bits of a code point set for every word's first character. Node 0 is the root."""
    children: dict[int, int] = {}
    terminal = [0]
    for w in sorted(set(items)):
        node = 0
        for ch in w:
            edge = node * TRIE_STRIDE + ord(ch)
            if edge not in children:
                children[edge] = len(terminal)
                terminal.append(0)
            node = children[edge]
        terminal[node] = 1
    size = 1 << max(4, (len(children) * 2).bit_length())
    slots = np.zeros(size, np.uint64)
    values = np.zeros((size, 1), np.int64)
    ids = _mix_template(np.array(list(children), np.int64), TRIE_TEMPLATE)
    _insert(ids, np.array(list(children.values()), np.int64).reshape(-1, 1), slots, values, np.uint64(size - 1))
    # Few characters start a word: most positions are passed over on one bit (8 KiB) instead of a hash
    # probe (the two cue scans 9.9 -> 6.5 ms over one bench copy's 283,000 characters).
    first = np.zeros(1 << 10, np.uint64)
    for w in set(items):
        if w:
            low = ord(w[0]) & 0xFFFF
            first[low >> 6] |= np.uint64(1) << np.uint64(low & 63)
    return slots, values, np.array(terminal, np.int64), np.uint64(size - 1), first


TRIE_TEMPLATE = 0      # the model's templates are numbered from 1


@lru_cache(maxsize=4)
def _cue_tries(cues: CueWords | None = None):
    """`_cues`'s two regexes as tries: the compiled path scans for them in the same call as the tagging."""
    cues = cues or current_cue_words()
    return _build_trie(list(cues.before)), _build_trie(list(cues.after))


def attributes(text: str, tags, cues: CueWords | None = None) -> list[list[str]]:
    """The plain form: CRFsuite's attribute strings, one list per character."""
    keys = feature_keys(text, tags, cues)
    cols = [[f"{name}={k}" for k in keys[name].tolist()] for name in TEMPLATES]
    return [list(row) for row in zip(*cols)] if text else []


def spans_from_labels(labels) -> list[tuple[int, int]]:
    """(start, end) of each name in a label sequence; an I without a B before it starts a name."""
    out: list[tuple[int, int]] = []
    start = None
    for i, y in enumerate(labels):
        if y == "B" or (y == "I" and start is None):
            if start is not None:
                out.append((start, i))
            start = i
        elif y == "O" and start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(labels)))
    return out


def path_spans(path: np.ndarray) -> list[tuple[int, int]]:
    """`spans_from_labels` of a path of label numbers (0 O, 1 B, 2 I), with numpy."""
    inside = path != 0
    prev = np.concatenate(([0], path[:-1]))
    starts = np.flatnonzero((path == 1) | ((path == 2) & (prev == 0)))
    if not len(starts):
        return []
    nxt = np.concatenate((path[1:], [0]))
    ends = np.flatnonzero(inside & (nxt != 2)) + 1
    # every start is closed by the first end after it
    return list(zip(starts.tolist(), ends[np.searchsorted(ends, starts, side="right")].tolist()))


class NameModel:
    """The exported CRF: per template a sorted key array and a weight row per key; a transition matrix."""

    def __init__(self, tables: dict[str, tuple[np.ndarray, np.ndarray]], transitions: np.ndarray,
                 cues: CueWords | None = None) -> None:
        if transitions.shape != (len(LABELS), len(LABELS)):   # the compiled sums are written for these labels
            raise ValueError(f"a name model of {transitions.shape[0]} labels; this dibao reads {len(LABELS)}: run `make train`")
        self.tables = tables
        self.transitions = transitions.astype(np.float64)
        # the cue words it was trained with (a new model: the lists as they are now)
        self.cues = cues or current_cue_words()
        self._hash: tuple[np.ndarray, np.ndarray, int] | None = None
        self._fast: tuple[np.ndarray, ...] | None = None
        # The cue tries and surname flags, read once: the lru_caches of _cue_tries and _cues hash their
        # CueWords key, some 1,100 words, on every call (spans over one bench copy 47.1 -> 45.1 ms).
        self._cue_arrays: tuple[np.ndarray, ...] | None = None

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> "NameModel":
        data = np.load(path)
        if "cues.before" not in data:
            raise ValueError(f"{path} holds no cue words (a model file of an older dibao): run `make train`")
        tables = {t: (data[f"{t}.keys"], data[f"{t}.weights"].astype(np.float64))
                  for t in TEMPLATES if f"{t}.keys" in data}
        cues = CueWords(*(tuple(data[f"cues.{part}"].tolist()) for part in ("before", "after", "surnames")))
        return cls(tables, data["transitions"], cues)

    def save(self, path: Path) -> None:
        arrays = {"transitions": self.transitions.astype(np.float32)}
        for part in ("before", "after", "surnames"):
            arrays[f"cues.{part}"] = np.array(getattr(self.cues, part), dtype=str)
        for t, (keys, weights) in self.tables.items():
            arrays[f"{t}.keys"] = keys
            arrays[f"{t}.weights"] = weights.astype(np.float32)
        np.savez_compressed(path, **arrays)

    @classmethod
    def from_crfsuite(cls, info) -> "NameModel":
        """Build the tables from a trained CRFsuite tagger's ``info()``."""
        index = {y: k for k, y in enumerate(LABELS)}
        rows: dict[str, dict[int, np.ndarray]] = {}
        for (attr, label), w in info.state_features.items():
            name, _, key = attr.partition("=")
            row = rows.setdefault(name, {}).setdefault(int(key), np.zeros(len(LABELS)))
            row[index[label]] = w
        tables = {}
        for name, by_key in rows.items():
            keys = np.array(sorted(by_key), dtype=np.int64)
            tables[name] = (keys, np.stack([by_key[k] for k in keys.tolist()]))
        trans = np.zeros((len(LABELS), len(LABELS)))
        for (a, b), w in info.transitions.items():
            trans[index[a], index[b]] = w
        return cls(tables, trans)

    def emissions(self, keys: dict[str, np.ndarray]) -> np.ndarray:
        """Per character, the sum of its features' weights for each label (the plain form: a binary search
        per template; `emissions_fast` is what the pipeline runs)."""
        n = len(next(iter(keys.values())))
        out = np.zeros((n, len(LABELS)))
        for name, (table_keys, weights) in self.tables.items():
            k = keys[name]
            at = np.searchsorted(table_keys, k)
            at[at == len(table_keys)] = 0
            hit = table_keys[at] == k
            out[hit] += weights[at[hit]]
        return out

    def emissions_fast(self, keys: dict[str, np.ndarray]) -> np.ndarray:
        """`emissions` through one open-addressing hash table of every (template, key), probed by compiled
        code: one memory access per feature instead of a binary search."""
        if self._hash is None:
            self._hash = _build_hash(self.tables)
        slots, weights, mask = self._hash
        ids = np.stack([_mix_template(k, TEMPLATE_ID[name]) for name, k in keys.items() if name in self.tables])
        return _probe_sum(ids, slots, weights, mask)

    def emissions_dense(self, base: tuple[np.ndarray, ...]) -> np.ndarray:
        """`emissions` of `keys_of(*base)` computed in one compiled loop from the dense arrays and the hash
        table (what `spans` runs)."""
        if self._fast is None:
            self._fast = _build_fast(self.tables)
        return _emit_dense(*base, *self._fast)

    def labels(self, text: str, tags) -> list[str]:
        if not text:
            return []
        path = viterbi(self.emissions_fast(feature_keys(text, tags, self.cues)), self.transitions)
        return [LABELS[k] for k in path.tolist()]

    def spans(self, text: str, tags, offsets: list[int] | None = None) -> list[tuple[int, int]]:
        """(start, end) of every name the model reads in the text (tags: jieba-rs pairs tiling it; `offsets`:
        the running lengths of their tokens from 0, when the caller has listed them already)."""
        if not HAN_RE.search(text):
            return []
        if self._fast is None:
            self._fast = _build_fast(self.tables)
        if tags:
            # item getters over the pairs, not zip(*tags): unpacking thousands of pairs as arguments cost
            # three times as much (0.44 -> 0.15 s over 300 bench pages)
            n = len(tags)
            if offsets is not None:   # half the time of a second pass over the tokens
                lengths = np.diff(np.array(offsets, np.int64))
            else:
                lengths = np.fromiter(map(len, map(FIRST, tags)), np.int64, n)
            posids = np.fromiter(map(POS_NUMBER.__getitem__, map(SECOND, tags)), np.int64, n)
        else:
            lengths = posids = np.zeros(0, np.int64)
        if self._cue_arrays is None:
            before, after = _cue_tries(self.cues)
            self._cue_arrays = (*before, *after, _cues(self.cues)[2])
        spans = _spans_compiled(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), lengths, posids,
                                *self._cue_arrays, *self._fast, self.transitions)
        return list(zip(spans[0].tolist(), spans[1].tolist()))

    def spans_plain(self, text: str, tags) -> list[tuple[int, int]]:
        """`spans` step by step with numpy (the reference the compiled path is tested against)."""
        if not HAN_RE.search(text):
            return []
        return path_spans(_viterbi_plain(self.emissions(feature_keys(text, tags, self.cues)), self.transitions))


def viterbi(emit: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """The best label path (first-order Viterbi, compiled by numba; `_viterbi_plain` is its plain form)."""
    return _viterbi(np.ascontiguousarray(emit), np.ascontiguousarray(trans))


def _viterbi_plain(emit: np.ndarray, trans: np.ndarray) -> np.ndarray:
    n, k = emit.shape
    score = emit[0].copy()
    back = np.zeros((n, k), np.int64)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + emit[i]
    path = np.zeros(n, np.int64)
    path[-1] = int(score.argmax())
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path


try:   # numba compiles the recursion once per machine (cached next to this file)
    from numba import njit

    @njit(cache=True, nogil=True)
    def _viterbi_numba(emit, trans):  # pragma: no cover - compiled
        n, k = emit.shape
        score = emit[0].copy()
        back = np.zeros((n, k), np.int64)
        new = np.empty(k)
        for i in range(1, n):
            for b in range(k):
                best, arg = -1e300, 0
                for a in range(k):
                    v = score[a] + trans[a, b]
                    if v > best:
                        best, arg = v, a
                new[b] = best + emit[i, b]
                back[i, b] = arg
            score[:] = new
        path = np.zeros(n, np.int64)
        best, arg = -1e300, 0
        for b in range(k):
            if score[b] > best:
                best, arg = score[b], b
        path[n - 1] = arg
        for i in range(n - 1, 0, -1):
            path[i - 1] = back[i, path[i]]
        return path

    @njit(cache=True, nogil=True)
    def _insert(ids, weights, slots, table, mask):  # pragma: no cover - compiled
        for j in range(ids.shape[0]):
            h = ids[j]
            at = h & mask
            while slots[at] != 0 and slots[at] != h:
                at = (at + np.uint64(1)) & mask
            slots[at] = h
            table[at] = weights[j]

    @njit(cache=True, nogil=True, inline="always")
    def _mix(key, template):  # pragma: no cover - compiled; _mix_template's arithmetic on one key
        z = np.uint64(key) + np.uint64(template) * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))

    @njit(cache=True, nogil=True, inline="always")
    def _add(out, i, h, slots, table, mask):  # pragma: no cover - compiled
        at = h & mask
        while slots[at] != 0:
            if slots[at] == h:
                for y in range(table.shape[1]):
                    out[i, y] += table[at, y]
                return
            at = (at + np.uint64(1)) & mask

    @njit(cache=True, nogil=True)
    def _probe_sum(ids, slots, table, mask):  # pragma: no cover - compiled
        t, n = ids.shape
        out = np.zeros((n, table.shape[1]))
        m = np.uint64(mask)
        for f in range(t):
            for i in range(n):
                _add(out, i, ids[f, i], slots, table, m)
        return out

    @njit(cache=True, nogil=True, inline="always")
    def _trie_child(node, ch, slots, values, mask):  # pragma: no cover - compiled
        h = _mix(np.int64(node) * TRIE_STRIDE + np.int64(ch), TRIE_TEMPLATE)
        at = h & mask
        while slots[at] != 0:
            if slots[at] == h:
                return values[at, 0]
            at = (at + np.uint64(1)) & mask
        return -1

    @njit(cache=True, nogil=True)
    def _trie_scan(cp, keys, values, terminal, mask, first, mark_end):  # pragma: no cover - compiled
        """What `re.finditer` of the list's trie regex finds, as flags (n + 1 long): at each match's end
        (mark_end) or start. Longest word at a position; the next search starts where a match ends."""
        n = cp.shape[0]
        out = np.zeros(n + 1, np.int64)
        i = 0
        while i < n:
            low = np.uint64(cp[i]) & np.uint64(0xFFFF)
            if not (first[low >> np.uint64(6)] >> (low & np.uint64(63))) & np.uint64(1):
                i += 1      # no word starts with this character
                continue
            node, j, last = 0, i, -1
            while j < n:
                node = _trie_child(node, cp[j], keys, values, mask)
                if node < 0:
                    break
                j += 1
                if terminal[node]:
                    last = j
            if last >= 0:
                out[last if mark_end else i] = 1
                i = last
            else:
                i += 1
        return out

    @njit(cache=True, nogil=True, inline="always")
    def _slot(h, bits, slots, mask):  # pragma: no cover - compiled
        """Where id h sits in the hash table, -1 when absent (the filter answers most absent ids)."""
        top = h >> FILTER_SHIFT
        if not (bits[top >> np.uint64(6)] >> (top & np.uint64(63))) & np.uint64(1):
            return np.int64(-1)
        at = h & mask
        while slots[at] != 0:
            if slots[at] == h:
                return np.int64(at)
            at = (at + np.uint64(1)) & mask
        return np.int64(-1)

    @njit(cache=True, nogil=True)
    def _emit_dense(c, place, pos, t_end, t_start, sur, index, rows, j_w, jp_w, k_w, slots, table,
                    mask, bits):  # pragma: no cover - compiled
        """keys_of + _mix_template + _probe_sum in one pass, the unigram and small token templates read from
        dense arrays (_build_fast): no array per template, 8 hash probes per character instead of 16. A
        character's three sums are kept in locals (stores into `out` between probes halved the speed) and
        added in template order, as `emissions` adds them (tests/test_ner.py checks they are equal)."""
        n = c.shape[0]
        out = np.empty((n, 3))
        pad = 0x110000
        r = np.empty(n + 4, np.int64)      # unigram row of each character, with PAD's row at both edges
        r[0] = r[1] = r[n + 2] = r[n + 3] = index[pad]
        for i in range(n):
            r[i + 2] = index[c[i]]
        for i in range(n):
            e0 = e1 = e2 = 0.0
            # c0 at i, c-1 at i+1, c1 at i-1, c-2 at i+2, c2 at i-2
            for u, o in ((2, 0), (1, 3), (3, 6), (0, 9), (4, 12)):
                ru = r[i + u]
                e0 += rows[ru, o]
                e1 += rows[ru, o + 1]
                e2 += rows[ru, o + 2]
            c0 = c[i]
            m1 = c[i - 1] if i >= 1 else pad
            m2 = c[i - 2] if i >= 2 else pad
            p1 = c[i + 1] if i + 1 < n else pad
            p2 = c[i + 2] if i + 2 < n else pad
            for h in (_mix((m1 << 21) | c0, 6), _mix((c0 << 21) | p1, 7), _mix((m2 << 21) | m1, 8),
                      _mix((p1 << 21) | p2, 9), _mix((m1 << 21) | p1, 10), _mix((m1 << 42) | (c0 << 21) | p1, 11)):
                at = _slot(h, bits, slots, mask)
                if at >= 0:
                    e0 += table[at, 0]
                    e1 += table[at, 1]
                    e2 += table[at, 2]
            j0 = place[i] * 64 + pos[i]
            e0 += j_w[j0, 0]
            e1 += j_w[j0, 1]
            e2 += j_w[j0, 2]
            if i >= 1 and i + 1 < n:
                jp = pos[i - 1] * 64 + pos[i + 1]
                e0 += jp_w[jp, 0]
                e1 += jp_w[jp, 1]
                e2 += jp_w[jp, 2]
            else:
                pp = pos[i - 1] if i >= 1 else pad
                pn = pos[i + 1] if i + 1 < n else pad
                at = _slot(_mix(pp * 64 + pn, 13), bits, slots, mask)
                if at >= 0:
                    e0 += table[at, 0]
                    e1 += table[at, 1]
                    e2 += table[at, 2]
            at = _slot(_mix((j0 << 21) | c0, 14), bits, slots, mask)
            if at >= 0:
                e0 += table[at, 0]
                e1 += table[at, 1]
                e2 += table[at, 2]
            sp = min(max(sur[i - 1], 0), 1) if i >= 1 else 1
            kk = t_end[i] * 8 + t_start[i] * 4 + sur[i] * 2 + sp
            e0 += k_w[kk, 0]
            e1 += k_w[kk, 1]
            e2 += k_w[kk, 2]
            at = _slot(_mix(((t_end[i] * 2 + t_start[i]) << 21) | c0, 16), bits, slots, mask)
            if at >= 0:
                e0 += table[at, 0]
                e1 += table[at, 1]
                e2 += table[at, 2]
            out[i, 0] = e0
            out[i, 1] = e1
            out[i, 2] = e2
        return out

    @njit(cache=True, nogil=True)
    def _spans_compiled(cp, lengths, posids, b_keys, b_values, b_terminal, b_mask, b_first, a_keys, a_values,
                        a_terminal, a_mask, a_first, sur_table, index, rows, j_w, jp_w, k_w, slots, table, mask,
                        bits, trans):  # pragma: no cover - compiled
        """base_arrays + emissions + viterbi + path_spans in one call: per article the Python side only
        encodes the text and lists the tokens (tested against the plain form)."""
        n = cp.shape[0]
        c = np.empty(n, np.int64)
        for i in range(n):
            v = np.int64(cp[i])
            if 0xFF01 <= v <= 0xFF5E:
                v -= 0xFEE0
            if v == 0x3000:
                v = 0x20
            if v == NEWLINE:
                v = FULL_STOP
            if 0x30 <= v <= 0x39:
                v = 0x30
            elif 0x41 <= v <= 0x5A or 0x61 <= v <= 0x7A:
                v = 0x61
            c[i] = v
        place = np.zeros(n, np.int64)
        pos = np.full(n, OTHER_POS, np.int64)
        if lengths.sum() == n:
            k = 0
            for t in range(lengths.shape[0]):
                length = lengths[t]
                for o in range(length):
                    place[k] = 0 if length == 1 else (1 if o == 0 else (3 if o == length - 1 else 2))
                    pos[k] = posids[t]
                    k += 1
        t_end = _trie_scan(cp, b_keys, b_values, b_terminal, b_mask, b_first, True)[:n]
        t_start = _trie_scan(cp, a_keys, a_values, a_terminal, a_mask, a_first, False)[1:]
        sur = np.empty(n, np.int64)
        for i in range(n):
            sur[i] = sur_table[c[i]]
        path = _viterbi_numba(_emit_dense(c, place, pos, t_end, t_start, sur, index, rows, j_w, jp_w, k_w,
                                          slots, table, mask, bits), trans)
        starts = np.empty(n, np.int64)
        ends = np.empty(n, np.int64)
        found = 0
        open_at = -1
        for i in range(n):
            y = path[i]
            if y == 1 or (y == 2 and open_at < 0):
                if open_at >= 0:
                    starts[found] = open_at
                    ends[found] = i
                    found += 1
                open_at = i
            elif y == 0 and open_at >= 0:
                starts[found] = open_at
                ends[found] = i
                found += 1
                open_at = -1
        if open_at >= 0:
            starts[found] = open_at
            ends[found] = n
            found += 1
        return starts[:found], ends[:found]

    _viterbi = _viterbi_numba
except ImportError:  # pragma: no cover - numba is a dependency; the plain form still works without it
    _viterbi = _viterbi_plain


@lru_cache(maxsize=1)
def model() -> NameModel | None:
    """The shipped model, loaded once per process; None (with a warning) when it has not been trained."""
    if not MODEL_FILE.exists():
        log.warning("no name model at %s: run `make train`; names come from the rules alone", MODEL_FILE)
        return None
    return NameModel.load(MODEL_FILE)
