"""People and the titles written beside them: the rules (rules.py) in order, then the arbiter.

How a name is found, strongest evidence first (the rules' word lists live in tasks/data/):

1. A title right before it: ``区委副书记、区长、指挥部执行指挥长赵六`` gives 赵六 three titles, and a
   title before a list (``县领导吴九、周八、孙七等出席``) goes to every name of the list; a speaker's caption
   (``（县农业农村局局长 孙七）``, ``同期声：村民 周八``, ``护林员 吴九：…``) and a division-of-work card
   (``副县长：钱乙（女）``) set the name a space, a colon or a line apart. The title is the
   run of text before the name back to punctuation or to a lead word (titles_lead.txt); it must end with a
   title word (titles_suffix.txt).
1b. A description the convention keeps no title (``店主``, ``游客``, ``返乡创业青年``; people_words.txt
   [described]) right before a surname-led name that ends before a verb: the name, without a title.
2. A title or honorific right after it: ``郑十总书记``, ``钱乙总理``, ``刘丙同志``, ``格兰特总统``
   (titles_after.txt). 2b. A name of an appointment formula that jieba reads as a word: after a notice's verb
   (``任命斯琴为旗教育局局长``, ``免去莫国强的…职务``), and a minority's before 同志 (``白音同志任旗委书记``).
   2c. The name opening a personnel notice's profile (``那日松，男，蒙古族，1983年5月出生``).
3. Lists of bare names: ``在主席台就座的还有：钱乙、孙七…``, ``刘一、欧阳甲和陈二出席会议``, membership
   lists with asides (``钱乙（女）、孙七（满族）…``).
4. A bare name opening a clause before a verb of meeting reports: ``钱乙主持会议``, ``孙七作总结讲话``.
5. jieba's person tag (``nr``) inside a sentence, next to a speech verb or a preposition of persons; for a
   transliterated name (``马可强调``) the verb or preposition is required.
6. A line or a parenthesis holding nothing but a name; 7. a name joined by middle dots anywhere;
   8. person words written back to back after a found name (a headline ``钱乙孙七获胜``); the name right
   after a quotation's closing quote before a verb of saying (``“…。”钱乙激动地说``).
9. The learned name model (tasks/ner.py, a character CRF trained on labelled news text by ``make train``):
   every name it reads, with the titles written before it. One arbiter (``model_name_ok``) settles where
   a model name and a rule's name overlap, and the names of the weakest rules (jieba's tag alone, a
   clause position) stand only where the model reads a name too (``veto_unread``). ``make eval`` measures
   every change of these rules on the labelled dev split.
10. Titles in parentheses after a found name (``王五（区委书记）``); 11. a title before found names written
   back to back goes to each (``县领导吴九周八孙七``: a list whose spaces the cleaner removed), and a titled name
   that runs on into such names is split where the run splits one way only (``村民甲乙丙丁戊围在…``); 12. a leaders'
   title behind 等 goes to the bare names of the list before it (``吴九、周八等县领导出席``); 13. the post a
   name is appointed to (``任命吴九为县教育局局长``); 14. a title chain set off by commas after a name, and the
   posts a personnel notice's profile says are held now (``周八，男，…，现任县财政局副局长，拟任…``); 15. the
   post after a name and spaces on a list's line (``孙七 县人民医院护士长``, ``孙七（女） …``, a leaders page's chain
   ``吴九 县委副书记、县长``, a TV script's ``【同期】周八 县农业农村局局长``). None adds a name, but for 15's
   other lines of a list where such a line stands (a name opening with a surname, spaces, a title), and 11's split.

Where a name ends is decided by what follows it (people_followers.txt, punctuation, a title) and by
jieba's token boundaries: ``吴九主持`` is 吴九, ``周八主持`` is 周八. Names inside fixed formulas
(people_fixed.txt, ``以郑十同志为核心的党中央``) are blanked out before the rules run. Finally a name is
dropped when it is a place (people_places.txt, the place lexicon) or when every occurrence of it is a
byline (记者 X), a dateline place (新华社X电), an item of a list of places (…等国) or, for names resting on
jieba's tag alone, a word in a work's title (《…》), a quoted item of a list of brands (``“甲”“乙”等老字号``), the end
of a set phrase of jieba's (``千手观音``) or a township's name before its level. The article is tagged once
by the pipeline (ArticleContext.tags); its tokens are reused here.
"""
from __future__ import annotations

from tasks import ner
from tasks.extract.annotate import Text, annotate
from tasks.extract.arbiter import (Found, drop_non_persons, drop_others_titles, mend_compound_surnames,
                                   mend_cut_names, mend_lai_shuo_names, mend_word_cut_names, mentions, titles_of_bare_names, unglue_names, veto_unread)
from tasks.extract.lexicon import lexicon
from tasks.extract.chars import occurrences
from tasks.extract.names import follow_rank, split_glued_pairs
from tasks.extract.rules import RULES
from tasks.extract.titles import post_alone
from tasks.records import ArticleContext, PersonMention
from tasks.segment import engine


def find_people(ctx: ArticleContext) -> tuple[Text, Found]:
    """Run every rule over the article; the Found keeps which rule found each name."""
    lex = lexicon()
    a = annotate(ctx)
    t = a.words
    found = Found()
    names = ner.model()
    # The annotated article is shared: the model's spans are set afresh on every call (none without a model).
    if names is not None:
        pairs = a.pairs if a.pairs is not None else engine().tag(a.raw)
        offsets = a.columns.offsets if pairs is ctx.tags else None
        t.read_by_model(split_glued_pairs(t.s, names.spans(t.s, pairs, offsets), lex))
    else:
        t.read_by_model([])
    for rule in RULES:
        rule.find(t, lex, found)
    if names is not None:
        veto_unread(t, found)
    mend_cut_names(t, found)
    mend_compound_surnames(t, lex, found)
    mend_word_cut_names(t, lex, found)
    mend_lai_shuo_names(t, lex, found)
    unglue_names(t.s, found)
    drop_non_persons(t, lex, found)
    drop_region_stem(t, ctx.region, found)
    titles_of_bare_names(t, lex, found)
    drop_others_titles(lex, found)
    return t, found


REGION_SUFFIXES = ("县", "区", "市", "旗")


# What follows the page's county without its suffix where it opens a headline as a place ("岳西：翠兰茶香飘山外").
REGION_KICKER_ENDS = ("：", ":")


def drop_region_stem(t: Text, region: str | None, found: Found) -> None:
    """The page's own county without its suffix is no person where every mention of it goes on with that suffix
    ("袁源县召开…" on 袁源县's page: 袁 is a surname, 源 a given name), with a colon as a headline's place
    ("岳西：…"), or with what no name stands before ("“岳西翠兰”品牌": a brand the county names), or where the model
    reads no name ("长汀将继续推进…": the county as the subject of its plans)."""
    if not region or len(region) < 3 or not region.endswith(REGION_SUFFIXES):
        return
    stem, suffix = region[:-1], region[-1]
    if stem not in found.titles or found.titles[stem]:
        return
    lex, s, read = lexicon(), t.s, t.model_starts
    for i in occurrences(s, stem):
        j = i + len(stem)
        if not (s.startswith(suffix, j) or s.startswith(REGION_KICKER_ENDS, j) or i not in read
                or follow_rank(s, j, lex, found.titles) == 0):
            return   # a name the model reads before what may follow a name ("高明介绍…" on 高明区's page)
    del found.titles[stem]
    found.rule.pop(stem, None)


def extract_people(ctx: ArticleContext) -> list[PersonMention]:
    """Every person named in the article's headline lines and body, with titles as written, no bylines."""
    t, found = find_people(ctx)
    out = mentions(t.s, found.titles)
    lex = lexicon()
    for p in out:
        posts = [post_alone(title, lex) for title in p.titles]
        # titles stay as written (the seeds' convention: `某某公司总经理` whole); the post alone, as CLUENER labels
        # a title, is in posts (make eval: cluener titles 0.473 with it in titles too, 0.291 without; invented
        # county pages: 9 false titles of 34 pages with it, none without)
        p.posts = list(dict.fromkeys(posts))
    return out
