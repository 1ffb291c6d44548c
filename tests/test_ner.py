"""The learned name model: its fast form tags exactly as its plain form, deterministically."""
from __future__ import annotations

import numpy as np
import pycrfsuite
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks import ner
from tasks.ner import (NameModel, _viterbi, _viterbi_plain, attributes, base_arrays, feature_keys, path_spans,
                       spans_from_labels)
from tasks.segment import tag_raw

# Tiny labelled sentences: enough for CRFsuite to learn weights of every kind (B, I, O, transitions).
TRAIN = [("区委书记赵六主持会议。", [(4, 6)]), ("钱乙强调，要抓好落实。", [(0, 2)]),
         ("会议由孙七主持，周八出席。", [(3, 5), (8, 10)]), ("今天天气很好。", []),
         ("欧阳甲和陈二出席会议。", [(0, 3), (4, 6)]), ("记者吴九报道。", [(2, 4)])]
TEXTS = ["区委书记孙七主持会议，钱乙出席。", "今天会议很好。", "陈二和赵六调研。", "A股12%，ＴＣＬ集团。", "甲"]


def labels_of(text: str, spans) -> list[str]:
    out = ["O"] * len(text)
    for a, b in spans:
        out[a:b] = ["B"] + ["I"] * (b - a - 1)
    return out


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("crf") / "tiny.crfsuite")
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, spans in TRAIN:
        trainer.append(attributes(text, tag_raw(text)), labels_of(text, spans))
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 50, "feature.possible_transitions": True})
    trainer.train(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger, NameModel.from_crfsuite(tagger.info())


@pytest.mark.parametrize("text", TEXTS + [t for t, _ in TRAIN])
def test_fast_form_tags_as_crfsuite_does(tiny, text):
    tagger, model = tiny
    tags = tag_raw(text)
    assert model.labels(text, tags) == tagger.tag(attributes(text, tags))


@pytest.mark.parametrize("text", TEXTS)
def test_hashed_emissions_equal_the_binary_search(tiny, text):
    _, model = tiny
    keys = feature_keys(text, tag_raw(text))
    assert np.allclose(model.emissions_fast(keys), model.emissions(keys))
    assert np.allclose(model.emissions_dense(base_arrays(text, tag_raw(text))), model.emissions(keys))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="区委书记赵六钱乙主持会议，。、欧阳甲和陈二出席Ａ1a 记者", min_size=1, max_size=60))
def test_fused_emissions_equal_the_plain_keys(text):
    model = ner.model()
    tags = tag_raw(text)
    assert np.allclose(model.emissions_dense(base_arrays(text, tags)), model.emissions(feature_keys(text, tags)))


def test_saved_model_loads_the_same(tiny, tmp_path):
    _, model = tiny
    model.save(tmp_path / "m.npz")
    again = NameModel.load(tmp_path / "m.npz")
    for text in TEXTS:
        assert again.labels(text, tag_raw(text)) == model.labels(text, tag_raw(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.floats(-5, 5), min_size=3, max_size=3), min_size=1, max_size=40),
       st.lists(st.floats(-3, 3), min_size=9, max_size=9))
def test_compiled_viterbi_equals_the_plain_one(emit, trans):
    e, t = np.array(emit), np.array(trans).reshape(3, 3)
    assert (_viterbi(e, t) == _viterbi_plain(e, t)).all()


@given(st.lists(st.sampled_from([0, 1, 2]), max_size=40))
def test_path_spans_equal_the_label_reading(path):
    assert path_spans(np.array(path, dtype=np.int64)) == spans_from_labels([ner.LABELS[k] for k in path])


def test_tags_that_do_not_tile_the_text_drop_only_token_features():
    keys = feature_keys("钱乙出席", [("钱乙", "nr")])
    assert (keys["j"] == keys["j"][0]).all() and len(keys["c0"]) == 4


def test_width_digits_and_letters_are_read_by_kind():
    a, b = feature_keys("ＡＢ１２", []), feature_keys("xy90", [])
    assert (a["c0"] == b["c0"]).all()


def test_a_model_reads_the_cue_words_it_was_trained_with(tiny, tmp_path, monkeypatch):
    _, model = tiny
    model.save(tmp_path / "m.npz")
    again = NameModel.load(tmp_path / "m.npz")
    assert again.cues == model.cues == ner.current_cue_words()
    text, = [t for t in TEXTS if "书记" in t]
    tags = tag_raw(text)
    before = (again.spans(text, tags), again.labels(text, tags), again.spans_plain(text, tags))
    # the lists on disk change after training (a rule's new title word): the model's features do not
    fewer = ner.CueWords((), (), ())
    assert feature_keys(text, tags, fewer)["k"].tolist() != feature_keys(text, tags, again.cues)["k"].tolist()
    monkeypatch.setattr(ner, "current_cue_words", lambda: fewer)
    assert (again.spans(text, tags), again.labels(text, tags), again.spans_plain(text, tags)) == before
    # a model trained now learns with the lists as they are
    assert NameModel(again.tables, again.transitions).cues == fewer


def test_a_model_file_without_its_cue_words_is_refused_with_what_to_do(tiny, tmp_path):
    _, model = tiny
    model.save(tmp_path / "m.npz")
    arrays = {k: v for k, v in np.load(tmp_path / "m.npz").items() if not k.startswith("cues.")}
    np.savez_compressed(tmp_path / "old.npz", **arrays)
    with pytest.raises(ValueError, match="make train"):
        NameModel.load(tmp_path / "old.npz")


def test_shipped_model_is_deterministic():
    m = ner.model()
    assert m is not None, "tasks/data/ner_model.npz is missing: run `make train`"
    text = "市委书记钱乙主持会议，副市长孙七、陈二出席。钱乙强调，要抓好落实。"
    tags = tag_raw(text)
    first = m.spans(text, tags)
    assert first == NameModel.load(ner.MODEL_FILE).spans(text, tags) == m.spans(text, tags)
    assert all(text[a:b] for a, b in first)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="区委书记赵六钱乙主持会议，。、欧阳甲和陈二出席Ａ1a 记者\u3000Ｚ\n", min_size=0, max_size=80))
def test_compiled_spans_equal_the_plain_path(text):
    model = ner.model()
    tags = tag_raw(text)
    assert model.spans(text, tags) == model.spans_plain(text, tags)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="区委书记赵六钱乙主持会议，。、欧阳甲和陈二出席Ａ1a 记者\u3000Ｚ\n", min_size=0, max_size=80))
def test_spans_read_alike_with_the_callers_offsets(text):
    # find_people hands over the token offsets the article's TagColumns listed; the plain form lists the lengths itself
    from itertools import accumulate
    model = ner.model()
    tags = tag_raw(text)
    offsets = list(accumulate((len(w) for w, _ in tags), initial=0))
    assert model.spans(text, tags, offsets) == model.spans(text, tags)


def test_a_line_break_reads_as_a_full_stop():
    # the model learned from one line of text at a time: a body line under a headline opens a sentence
    m = ner.model()
    broken, stopped = "俄方表态\n涅斯捷鲁什金在接受采访时指出，核查要平衡。", "俄方表态。涅斯捷鲁什金在接受采访时指出，核查要平衡。"
    assert m.spans(broken, tag_raw(broken)) == m.spans(stopped, tag_raw(stopped)) == [(5, 11)]
    assert (ner._folded(broken) == ner._folded(stopped)).all()


def test_compiled_spans_equal_the_plain_path_on_the_seeds():
    from tests.conftest import SEEDS
    model = ner.model()
    for page in sorted(SEEDS.iterdir()):
        text = page.read_bytes().decode("gb18030", errors="replace")[:3000]
        tags = tag_raw(text)
        assert model.spans(text, tags) == model.spans_plain(text, tags)


@settings(max_examples=150, deadline=None)
# \U00014e3b shares 主's low 16 bits: it passes the scan's first-character bits and must still start no word
@given(st.text(alphabet="主任席书记总理同志先生在的和等人陪同一行区长副Ａa，\U00014e3b", min_size=0, max_size=60))
def test_compiled_cue_scan_finds_what_the_regexes_find(text):
    before, after, _ = ner._cues()
    b, a = ner._cue_tries()
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    ends = ner._trie_scan(cp, *b, True)
    starts = ner._trie_scan(cp, *a, False)
    assert np.flatnonzero(ends).tolist() == [m.end() for m in before.finditer(text)]
    assert np.flatnonzero(starts).tolist() == [m.start() for m in after.finditer(text)]


def test_dense_tables_hold_every_weight_of_the_model():
    """_build_fast splits the weights between dense arrays and the hash table; none is lost or doubled."""
    m = ner.model()
    index, rows, j_w, jp_w, k_w, slots, table, _, _ = ner._build_fast(m.tables)
    total = sum(float(np.abs(w.astype(np.float32)).sum()) for _, w in m.tables.values())
    held = sum(float(np.abs(a).sum()) for a in (rows, j_w, jp_w, k_w, table))
    assert held == pytest.approx(total, rel=1e-6)


def test_key_filter_passes_every_key_of_the_table():
    """The filter may let an absent id through, never turn a present one away."""
    *_, slots, _, _, bits = ner._build_fast(ner.model().tables)
    top = (slots[slots != 0] >> ner.FILTER_SHIFT).astype(np.int64)
    assert ((bits[top >> 6] >> (top & 63).astype(np.uint64)) & np.uint64(1)).all()
    assert 0 < np.unpackbits(bits.view(np.uint8)).sum() < len(bits) * 64   # a filter that filters


@pytest.mark.parametrize("text", TEXTS + [t for t, _ in TRAIN] + [
    "记者吴九报道：县委书记孙七、县长周八出席会议并讲话。\n会议由欧阳甲主持，ＴＣＬ集团1998年…"])
def test_dense_emissions_are_the_plain_sums_exactly(text):
    """The compiled sums add the shipped model's weights in the plain form's order: not merely close, equal
    (the Viterbi path, hence every name, depends on the last bit)."""
    model = ner.model()
    tags = tag_raw(text)
    assert np.array_equal(model.emissions_dense(base_arrays(text, tags, model.cues)),
                          model.emissions(feature_keys(text, tags, model.cues)))
    assert model.spans(text, tags) == model.spans_plain(text, tags)


def test_a_model_of_other_labels_is_refused_by_name():
    with pytest.raises(ValueError, match="labels"):
        NameModel({}, np.zeros((4, 4)))
