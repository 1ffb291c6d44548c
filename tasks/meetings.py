"""Meetings, symposia, inspection tours and talks an article reports (interface fixed here).

The event is looked for in the lead (the body's first paragraph) and the headline: a meeting's name
ending with a meeting word (meeting_words.txt) next to 召开/举行/主持/出席 or "在…会议上" (a festival or a
course where it opens, a party lecture where someone gives it: "…旅游节在…开幕", "讲专题党课"), or a leader's
visit verb (调研, 督导, 慰问, 巡河…) after a name. Meetings named in passing (收听收看…, 传达…精神, 决定…举行, see
meeting_passing.txt) are not events of the article. A tour may come with a meeting its leader chaired
("主持召开工作组专题会"): that is a second event with its chair.

Roles follow the seeds' gold conventions (meeting_roles.txt): the subject of 主持 (or of 召开 in its own
clause: "市长甲在我县召开座谈会") is the chair; of a speech verb (讲话, 强调, 指出, 要求…) a speaker; of
出席/参加/陪同/一同… an attendee. At a meeting, a speaker who
did not chair it is also an attendee ("出席会议并讲话"); the leader of a tour is speaker and attendee.
The subject of a verb is every known person written between the previous role verb (or the sentence
start) and the verb; a clause without a name ("…主持会议并讲话", "他强调") keeps the last subject.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from tasks.evidence import sentence_at
from tasks.extract.chars import HAN_RE, occurrences
from tasks.lexicon import keyed, section_words, sections, trie_regex
from tasks.normalise import find_dates, lead_date, resolve_date
from tasks.records import ArticleContext, Meeting, PersonMention

log = logging.getLogger(__name__)

CUES = keyed("meeting_cues.txt")   # the words around meetings' verbs, by use (meeting_cues.txt)
KINDS = ("meeting", "symposium", "inspection", "talks")
ROLES = ("chair", "speaker", "attendee")
SENTENCE_END = "。；;！!？?\n"
SENTENCE_END_RE = re.compile(f"[{SENTENCE_END}]")
CLAUSE_END_RE = re.compile(f"[{SENTENCE_END}，,]")
# Runs of characters that do not end a sentence (hard) or a clause (soft), matched on the reversed text:
# how far back a sentence starts is then one C-speed match instead of a loop over characters.
HARD_RUN_RE = re.compile(f"[^{SENTENCE_END}]*")
SOFT_RUN_RE = re.compile(f"[^{SENTENCE_END}，,]*")
# Characters that end the run of text a meeting's name is taken from.
NAME_STOP = frozenset("，,、；;。！!？?：:“”\"「」《》\n \u3000")
# A verb that opens the name of the meeting after it ("召开全县…调度会", "在…全体会议上").
# 收听收看 and the like open a name too: "在县分会场收听收看全省…电视电话会议" names the meeting watched, which
# the words before it then show to be one in passing.
NAME_LEAD_RE = re.compile(r"主持召开|召开了|召开的|召开|举行了|举行的|举行|进行了|进行|举办的|举办了|举办|主办的|出席|参加|列席|主持|收听收看|收看|"
                          r"收听|观看|开展|在|于|由|并")
# Dates left out of a meeting's name; 年度 goes with its year ("2023年度…述职会": not 度…述职会).
DATE_RE = re.compile(r"\d{1,4}(?:年度?|[月日号])|[至到]\d{1,2}日|[上下]午|晚上|今天|昨天|日前|近日|当天")
# A meeting's number in its series and the 扩大 of an enlarged session: "第10次", "第二次", "（扩大）", "扩大".
ORDINAL_RE = re.compile(r"^(?:第[0-9一二三四五六七八九十百零〇两]{1,5}次|[（(]扩大[)）]|扩大)+")
# Where a name runs on through a quoted word ("庆祝“三八”国际妇女节暨表彰大会"): no clause ends inside.
QUOTED_RE = re.compile(r"“[^“”，,。；;！？\n]{1,12}”")
# Words between two meeting words that part two meetings ("人大三次会议的代表和县政协十五届三次会议的委员"), and the
# 以 of how the first was held ("全县防汛工作会议以视频会议形式召开": one meeting, named before 以).
MEETINGS_APART_RE = re.compile("[的和与及以]")
# A meeting named before another and joined to it: the second one's name starts after the join.
ANOTHER_MEETING_BEFORE_RE = re.compile("会议(?:和|与|及|以及|、)")   # not 会和: "经济社会和生态文明建设推进会"
# A meeting held as a call: the format column.
FORMAT_RE = re.compile(r"以(电视电话会议|视频会议|视频连线|网络视频会议|视频)(?:的)?形式|召开[^，。]{0,40}?(电视电话会议|视频会议)")
# A meeting named as a call ("全市安全生产电视电话会议", "全省…视频会议").
NAMED_FORMAT_RE = re.compile(r"(?:电视电话会议|视频会议)$")
# Every FORMAT_RE match holds one of these: a plain substring test rules most texts out first.
FORMAT_CUES = ("视频", "电视电话会议")
HELD_VERB_RE = re.compile(r"召开|举行|开展|进行")
# The meeting took place: a verb before its name in the clause, or 召开/开幕/"…上" after it.
# A party group's 开展 holds a study session ("中心组开展专题学习研讨", "党组开展集体学习"); a county 举办 its
# lectures and forums ("我县举办…专题报告会，邀请…作专题报告").
# (and a study group right before its study: "县委理论学习中心组集中学习…文件")
HELD_LEFT_RE = re.compile(r"召开|举行|举办|主持|出席|参加|列席|(?:中心组|党组|党委|常委会)(?:开展|进行)|中心组$|在$|在.{0,30}$")
# The verbs of holding a meeting: a passing word before one ("学习", "传达") belongs to who holds it.
HOLDS_RE = re.compile("召开|举行|举办|开展|进行")
HELD_RIGHT_RE = re.compile(r"^(?:上|在|于)|召开|举行|开幕|闭幕")
# A visit verb needs its visitor: a named person or a leader's title before it.
LEADER_WORD_RE = re.compile(r"领导|书记|县长|区长|市长|主任")
# ... and on a tour, the head of a visiting team or a department, whose name may be one the people rules miss
# ("省委巡视组组长…来我县调研")
TOUR_LEADER_WORD_RE = re.compile(r"组长|省长|州长|部长|厅长|局长|主席")
# ... or the visiting team coming, with no leader named in its sentence (meeting_cues.txt tour_team)
TOUR_TEAM_COMES_RE = re.compile(f"(?:{trie_regex(CUES['tour_team'])})(?:一行)?[^，,。；;]{{0,12}}?(?:来|到|赴|莅临|深入|走进|进驻)")
TRIP_RE = re.compile(r"(?:赶赴|前往|赴|到)[^，。]{0,20}$"
                     # ... or the trip in the clause before ("深入某镇受灾村寨，指导抢险救灾工作")
                     r"|(?:赶赴|前往|深入|来到)[^，,。；;]{1,20}[，,]$")
# (not the 将 of a place's name: "大将镇", "将军乡")
NOT_DONE_RE = re.compile(r"将(?![镇乡村军])|拟|可望|预计|曾传|计划|相信")
# What follows a matched 会 that makes it the first character of another word: 会谈, 会商, 会见, 会晤, 会签.
MEETING_WORD_GOES_ON = frozenset("谈商见晤签")   # not 同: "推进会同时召开"
# Words next to meeting and role words that make them nouns (meeting_nouns.txt): things that look like meeting words
# but are not meetings here ("会议室", "大会堂", "座谈时"); a speech verb used as a noun ("郑十总书记重要讲话精神",
# "钱乙总理讲话要求"); a role verb used as a noun ("主持人宣读了…": who hosts a ceremony is not its chair, "与…座谈会"),
# but not 主持 before a meeting whose name opens with 人 ("主持人居环境整治推进会").
NOT_MEETING_AFTER = section_words("meeting_nouns.txt", "not_meeting_after")
SPEECH_NOUN_BEFORE = section_words("meeting_nouns.txt", "speech_noun_before")
SPEECH_NOUN_AFTER = section_words("meeting_nouns.txt", "speech_noun_after")
ROLE_NOUN_AFTER = {row[0]: tuple(row[1:]) for row in sections("meeting_nouns.txt")["role_noun_after"]}
ROLE_NOT_NOUN_AFTER = section_words("meeting_nouns.txt", "role_not_noun_after")
# The verbs of handing something to people named after 为 before them ("为受表彰代表颁奖", "为乙、丙颁发聘书").
AWARD_VERBS = frozenset(section_words("meeting_verbs.txt", "award_verbs"))
PURPOSE_CLAUSE_RE = re.compile("为[^，,；;]*[，,]")
# A speech verb that also tells a meeting's agenda right after the name of the meeting held ("主持召开局务会，传达学习上级
# 有关会议精神": the meeting relays it, not its chair): no subject is carried across that name ("主持会议，并传达…" keeps it).
AGENDA_VERBS = frozenset({"传达"})
AGENDA_SPAN_RE = re.compile(r"^(?:召开|举行)[^，,并]*会议?[，,]$")   # (not "出席会议，传达了…": who attended relays it)
# Right before talks with a group, the verb that holds them ("进行集体廉政谈话", "开展集体约谈", "作了集体谈话").
TALK_HELD_RE = re.compile(r"(?:进行|开展|作)了?$")
# Before 召开, what makes it part of the chair's verb (主持召开).
CALLED_BY_CHAIR = ("主持", "主持了")
PRONOUNS = ("他", "她")
# The attendee verbs of who came along with the event's leader: a 他/她 after them is still the leader.
ALONG_VERBS = frozenset(section_words("meeting_verbs.txt", "along_verbs"))   # (meeting_verbs.txt, as the next two)
# The attendee verbs of being present: 他/她 after them is who chaired or spoke before, if anyone did.
PRESENCE_VERBS = frozenset(section_words("meeting_verbs.txt", "presence_verbs"))
# The speaker verbs of who briefs the leader or reports to the meeting ("公司董事长甲介绍了生产情况", "乙汇报了
# 有关情况"): 他/她 after them is still who led the tour or chaired ("…他强调"), as after ALONG_VERBS.
BRIEFING_VERBS = frozenset(section_words("meeting_verbs.txt", "briefing_verbs"))
WATCHING = tuple(section_words("meeting_verbs.txt", "watching"))
ABSENCE_LABELS = tuple(section_words("meeting_verbs.txt", "absence_labels"))
AUDIENCE_TALKS = frozenset(section_words("meeting_verbs.txt", "audience_talks"))
# The audience of such a talk, named with 为 right before its verb ("为村民", "为种植户").
AUDIENCE_BEFORE_RE = re.compile(r"为[^，,。；;、\n]{1,8}$")
AUDIENCE_REACH = 9


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# A report given, named between 作 and 报告 ("作县人大常委会工作报告", "向大会作题为《…》的专题报告", "作提案工作情况
# 报告", "乙作的县人民法院工作报告"): its subject speaks. Not the 作 of 工作 or 制作 (nouns: "政府工作报告"). A talk
# named by its title may be a lecture too ("研究员甲作了题为《…》的专题辅导", "…的讲座").
REPORT_GIVEN = (r"作(?<![工制操协创写合]作)(?![为用风品业者物战案息坊法派文成])(?:了|的)?"
                r"(?:题为《[^》\n]{1,60}》的[^，,。；;！？!?\n、]{0,6}?(?:报告|辅导|讲座|党课|宣讲)"
                r"|(?:(?!主持|听取|审议|评议)[^，,。；;！？!?\n、作]|(?<=工)作){1,24}?报告)")


@dataclass(frozen=True)
class Rules:
    """The event and role rules, compiled once per process."""
    kind_of: dict[str, str]          # event word -> kind
    meeting_re: re.Pattern[str]      # meeting and symposium nouns
    visit_re: re.Pattern[str]        # inspection and talks verbs
    role_re: re.Pattern[str]         # every role verb
    role_of: dict[str, str]          # role verb -> role
    passing_before: tuple[str, ...]
    passing_after: tuple[str, ...]
    opened: frozenset[str]           # meeting words that make an event only where it opens or closes
    lectures: frozenset[str]         # meeting words that make an event where someone gives it (讲…党课)
    investment: frozenset[str]       # visit words of a trip to win investment, a tour only with a trip (开展招商)
    talks_held: frozenset[str]       # meeting words of talks with a group, an event only where they are held (进行…)


@lru_cache(maxsize=None)
def rules() -> Rules:
    words = keyed("meeting_words.txt")
    roles = keyed("meeting_roles.txt")
    passing = keyed("meeting_passing.txt")
    opened, lectures = words.get("opened", []), words.get("lecture", [])
    talks_given, investment, talks_held = words.get("given", []), words.get("investment", []), words.get("talk", [])
    kind_of = {w: k for k in KINDS for w in words.get(k, [])} \
        | {w: "meeting" for w in opened + lectures + talks_given + talks_held} \
        | {w: "inspection" for w in investment}
    role_of = {w: r for r in ROLES for w in roles.get(r, [])}
    nouns = words.get("meeting", []) + words.get("symposium", []) + opened + lectures + talks_held
    visits = words.get("inspection", []) + words.get("talks", []) + talks_given + investment
    # (?!议): "学习会议精神" holds 会议, not 学习会
    return Rules(kind_of=kind_of, meeting_re=re.compile(f"(?:{_alternation(nouns)})(?!议)"),
                 visit_re=re.compile(_alternation(visits)),
                 role_re=re.compile(f"{REPORT_GIVEN}|{_alternation(list(role_of))}"), role_of=role_of,
                 passing_before=tuple(passing.get("before", [])), passing_after=tuple(passing.get("after", [])),
                 opened=frozenset(opened), lectures=frozenset(lectures), investment=frozenset(investment),
                 talks_held=frozenset(talks_held))


@dataclass
class Event:
    kind: str
    name: str
    at: int             # offset of the event word in the text searched
    chair: str | None = None   # the text naming who chaired this (secondary) event
    visitor: str | None = None  # the text naming who made this tour or held these talks
    parallel: bool = False      # a tour of its own beside the lead's, in its sentence (_parallel_visitor)
    team: bool = False          # a tour known by its visiting team alone (TOUR_TEAM_COMES_RE): no event without people


# ---------------------------------------------------------------------------------------------
# Which events the article reports
# ---------------------------------------------------------------------------------------------

def _clause_start(text: str, end: int) -> int:
    i = end
    while i > 0 and text[i - 1] not in NAME_STOP:
        i -= 1
    return i


# Adverbs between who held a meeting and the verb of holding it ("县政协还召开了…", "该局也召开…").
HOST_ADVERB_END_RE = re.compile(r"(?:还|也|又|再|均|都|同时|随即|随后|先后|分别)$")


def meeting_name(text: str, start: int, end: int) -> str:
    """The name of the meeting whose meeting word ends at `end`: the run before it, after the last lead
    verb or date ("我区召开全区…工作部署会议" -> 全区…工作部署会议). A bare 会议 takes the body
    that held it ("某区…指挥部召开会议" -> 某区…指挥部会议)."""
    run_start = _clause_start(text, start)
    while run_start > 0 and text[run_start - 1] == "”":
        opens = text.rfind("“", max(0, run_start - 14), run_start - 1)
        if opens < 0 or not QUOTED_RE.fullmatch(text, opens, run_start):
            break
        run_start = _clause_start(text, opens)
    cut = run_start
    for m in NAME_LEAD_RE.finditer(text, run_start, start):
        cut = m.end()
    for m in ANOTHER_MEETING_BEFORE_RE.finditer(text, cut, start):
        cut = m.end()   # "召开县委常委会会议和县委财经委员会会议": the second meeting's name starts after 和
    lead_end, year_at = cut, None
    for m in DATE_RE.finditer(text, run_start, start):
        if m.end() > cut:
            cut, year_at = m.end(), m.start() if m.group().endswith(("年", "年度")) else None
    name = text[cut:end]
    numbered = ORDINAL_RE.match(name)
    if name == text[start:end] or numbered and _bare(name[numbered.end():]):
        # nothing but the meeting word (and its number): prefix who held it, named between the verb and the
        # year ("召开县委常委会2023年第15次会议") or before the verb ("县政府召开第10次常务会议")
        host = text[lead_end:year_at] if year_at is not None and year_at > lead_end else \
            HELD_VERB_RE.split(text[run_start:cut])[0]   # (not the number: "主持第一次全体会议")
        host = DATE_RE.sub("", host)
        host = host[max((m.end() for m in NAME_LEAD_RE.finditer(host)), default=0):].strip("的了")
        host = HOST_ADVERB_END_RE.sub("", host)   # "县政协还召开了主席会议": 还 is no part of who held it
        if host and not host.startswith(("我区", "我县", "我市", "我省", "我镇", "全区", "全县", "全市")):
            name = host + name
    return name.lstrip("的了")   # "主持了今天的报告会": 了 and 的 open no name


def _bare(name: str) -> bool:
    """A meeting word alone ("会议", "常务会议"), which does not say whose meeting it is."""
    kinds = rules().kind_of
    return name in kinds or (name.endswith("议") and name[:-1] in kinds)


# A meeting said not to be held: "这次征文不举行颁奖仪式", "今年未召开…会议".
NOT_HELD_RE = re.compile(r"(?:不|未|没有|没|取消|停止)再?(?:举行|召开|举办)[^，,。；;！？\n]{0,20}$")
NOT_HELD_REACH = 30
FUTURE_RE = re.compile(r"^[^。；;！？\n]{0,30}?(?:将于|将在|将|拟于|拟)[^。；;！？\n]{0,20}?(?:举行|召开|开幕|举办)")
# (举办 may close a list of plans the 将 opens: "还将出版…画册，举办…图片展、…研讨会"; "县里将举办…论坛")
FUTURE_BEFORE_RE = re.compile(r"(?:将|拟|即将)(?:分别|尽快|陆续|及时|适时|先后|相继|立即|迅速)?(?:出席|参加|主持|召开|举行|举办|在)"
                               r"[^。；;！？\n]{0,40}$"
                               # (not 将乐县, nor 为将…学深悟透: 将 as 把)
                               r"|(?:还将|将于|将在|将要|即将|拟)[^。；;！？\n]{0,60}举办[^。；;！？\n]{0,40}$"
                               # a date set for it ("我县将于下月中旬召开…", a notice's "定于3月10日召开…")
                               # and who will come to it ("甲将于下周出席全市经济工作会议")
                               r"|(?<!决)(?:将于|拟于|定于|计划于)[^。；;！？\n，,]{0,20}?(?:召开|举行|出席|参加|主持)[^。；;！？\n]{0,40}$"
                               # and what a leader asks others to hold ("各乡镇要在本周内召开专题会议，层层传达")
                               r"|(?:要|需要|必须|务必)(?:在[^。；;！？\n，,]{1,12})?(?:及时|尽快|迅速|立即|分别)?(?:召开|举行)"
                               r"[^。；;！？\n]{0,40}$")


def _future(text: str, end: int, start: int | None = None) -> bool:
    """"…会议将于5月13日在北京举行", "郑十将出席…会议": announced, not held."""
    if FUTURE_RE.match(text[end:]) is not None:
        return True
    return start is not None and FUTURE_BEFORE_RE.search(text[_sentence_start_hard(text, start):start]) is not None


# Said, in the meeting's sentence or the next, to have been watched or listened to: the verb with no object
# of its own ("甲在县分会场收听收看。"; not "会议组织收看了郑十…讲话", what the meeting itself watched).
# Subordinate units watching at branch venues (各乡镇在分会场收看) watch the county's own meeting: not across 各/主会场.
# (the meeting may be named again after the verb: "在县分会场收看会议。", "收看收听会议")
WATCHED_AFTER_RE = re.compile(r"[^。！？!?\n各]{0,40}[。！？!?]?[^。！？!?\n各]{0,40}?(?:收听收看|收看收听|收看|收听)了?"
                              r"(?:会议|大会)?[。，,；;！!]")


# ... unless who is named attending it at the branch venue follows ("我县在县分会场收听收看。县长甲、副县长乙在县分会场
# 参加会议"): they attend it, as where no watching is said ("…电视电话会议召开。县长甲在县分会场参加会议").
BRANCH_VENUE = "分会场"
BRANCH_PRESENT_RE = re.compile(r"分会场(?:参加|出席)了?(?:会议|视频会议|电视电话会议)|分会场参会")


# A meeting held in a year gone by ("在去年召开的…会上"), and meetings counted ("先后召开12次常委会会议", "多次召开
# 专题会议"; not 第12次): no event the article reports.
PAST_RE = trie_regex(keyed("meeting_passing.txt")["past"])   # a year gone by: 去年, 前年…
PAST_HELD_RE = re.compile(f"(?:{PAST_RE})[^，,。；;！？\n]{{0,8}}?(?:召开|举行|举办)的?$")
# (一次 is a meeting: "主持召开了一次专题会议")
COUNTED_RE = re.compile(r"(?<!第)(?:\d+|[二两三四五六七八九十百][一二三四五六七八九十百]*|多|数|几)次")
COUNTED_HELD_RE = re.compile(COUNTED_RE.pattern + r"(?:召开|举行|举办)了?$")
# ... and meetings tallied by kind or number ("已召开各类座谈会36场") or asked of others ("要迅速召开专题会议"); one named as
# a noun ("全县经济工作会议的召开，为…指明了方向") is a passing word after the name (meeting_passing.txt after).
# A count is a number with 场 or 次 (not 期: "二期项目建设推进会" is a project's phase); the words of many kinds
# (meeting_cues.txt tallied) tally only where a count follows the name ("各类市场主体代表座谈会" is one meeting).
COUNT_RE = re.compile(r"(?:\d+|[二两三四五六七八九十百][一二三四五六七八九十百]*|多|数|几)(?:场|次)")
TALLIED_KINDS_RE = re.compile(trie_regex(CUES["tallied"]))
CALLED_FOR_RE = re.compile(f"(?:{trie_regex(CUES['called_for'])})(?:{trie_regex(CUES['soon'])})?"
                           r"(?:召开|举行|举办)$")


# A quoted theme in the clause before a meeting's word ("“学习贯彻党的二十届三中全会精神”宣讲报告会举行"): the talk's
# title, too long for its name (QUOTED_RE), whose 学习 or 贯彻 relays nothing.
QUOTED_THEME_RE = re.compile(r"“[^“”\n]*”")


def _in_passing(text: str, start: int, end: int, r: Rules) -> bool:
    """A meeting named in passing: held in a year gone by, counted or tallied, asked of others, named as a noun
    ("…的召开"), followed on screen, its spirit relayed, or announced for later."""
    before = text[_sentence_start(text, start):start]
    held = max((m.end() for m in HOLDS_RE.finditer(before)), default=0)
    if held and (PAST_HELD_RE.search(before, 0, held + 1 if before[held:held + 1] == "的" else held)
                 or COUNTED_HELD_RE.search(before, 0, held) or CALLED_FOR_RE.search(before, 0, held)) \
            or COUNT_RE.match(text, start) or COUNT_RE.match(text, end) \
            or TALLIED_KINDS_RE.match(text, start) and COUNT_RE.search(text, end, _clause_end(text, end)):
        return True
    # "理论学习中心组召开专题学习会": what comes before the verb that holds it names who holds it
    before = before[held:]
    if "“" in before:
        before = QUOTED_THEME_RE.sub("", before)   # "“学习贯彻…精神”宣讲报告会": a quoted theme relays no meeting
    if any(w in before for w in r.passing_before):
        return True
    watched = WATCHED_AFTER_RE.match(text, end)
    if watched and "主会场" not in watched.group() \
            and not BRANCH_PRESENT_RE.search(text, watched.end(), _sentence_end(text, watched.end() + 1)):
        return True   # "全省…电视电话会议召开。县长甲在县分会场收听收看。": a meeting the county watched
    return text.startswith(r.passing_after, end) or text.startswith(NOT_MEETING_AFTER, end)


def _clause_end(text: str, i: int) -> int:
    """Offset of the first clause end (a sentence end or a comma) at or after i, else the text's length."""
    m = CLAUSE_END_RE.search(text, i)
    return m.start() if m else len(text)


def _sentence_start(text: str, i: int) -> int:
    """Start of the clause holding text[i - 1]: just after the last sentence end or comma before i."""
    return _run_back(SOFT_RUN_RE, text, i)


RUN_BACK_WINDOW = 64   # characters reversed at a time: most sentences and clauses are shorter


def _run_back(run: re.Pattern[str], text: str, i: int) -> int:
    """Where the run of `run` characters ending at i begins (i itself when text[i - 1] is not one): the
    window before i, reversed, matched from its start; widened while the run fills it."""
    if i <= 0:
        return i
    width = RUN_BACK_WINDOW
    while True:
        lo = max(0, i - width)
        window = text[lo:i][::-1]
        k = run.match(window).end()
        if k < len(window) or lo == 0:
            return i - k
        width *= 4


def _sentence_end(text: str, i: int) -> int:
    """Offset of the first sentence end at or after i, else the text's length."""
    m = SENTENCE_END_RE.search(text, i)
    return m.start() if m else len(text)


def _held(text: str, start: int, end: int) -> bool:
    """The sentence says the meeting took place: 召开/举行/开幕/闭幕 around it, or "在…会议上"."""
    left = text[_sentence_start(text, start):start]
    right = text[end:end + 40]
    right = right[:_sentence_end(right, 0)]
    return bool(HELD_LEFT_RE.search(left) or HELD_RIGHT_RE.search(right))


def find_events(text: str, people: list[str]) -> list[Event]:
    """The events reported in a lead (or a headline), in text order."""
    r = rules()
    held = _meetings_in(text, r)
    if not any(SIGNING_WORD_RE.search(e.name) for e in held):
        held = sorted(held + _signing_in(text), key=lambda e: e.at)
    # a visit to people beside a meeting is a part of it ("看望慰问了参加座谈会的老党员"), not the event
    # ... and so is a visiting team's tour with no leader named (_visits_in teams)
    events = held + _visits_in(text, r, people, calls=not held, teams=not held)
    events.sort(key=lambda e: e.at)
    return _dedupe(events)


def _meetings_in(text: str, r: Rules) -> list[Event]:
    out = []
    matches = list(r.meeting_re.finditer(text))
    for k, m in enumerate(matches):
        start, end = m.start(), m.end()
        if text[end - 1] == "会" and text.startswith("议", end):
            end += 1  # "部署会议": the word is 会议, matched as 部署会
        elif text.startswith("会", end) and m.group()[-2:] + "会" in r.kind_of:
            end += 1  # "专题学习会": the word is 学习会, matched as 专题学习
        elif text[end - 1] == "会" and text[end:end + 1] in MEETING_WORD_GOES_ON:
            continue  # "举行工作会谈", "工作会商": 会 starts another word (会谈, 会商, 会见…), no 工作会
        between = text[end:matches[k + 1].start()] if k + 1 < len(matches) else "，"
        if len(between) <= 20 and NAME_STOP.isdisjoint(between) and not any(map(str.isdigit, between)) \
                and not NAME_LEAD_RE.search(between) and not DATE_RE.search(between) \
                and not MEETINGS_APART_RE.search(between) and not between.startswith("上"):
            continue  # "中国人民政治协商会议第十四届全国委员会第三次会议": the name goes on to the last word
            # (not past 上: "在全县干部大会上传达了市委全会精神" names the 大会 it was held at, then another)
        word = m.group()
        if word in r.opened and not OPENS_RE.match(text, end):
            continue  # "参加…博览会", "去年的旅游节": a festival or a course is an event where it opens
        if word in GAMES_CEREMONIES and _games_ceremony(text, start, end, word):
            continue  # "…篮球赛开幕。工会主席甲出席开幕式": the games open, no meeting
        kind = r.kind_of[word]
        name = meeting_name(text, start, end) if word != "座谈" else _symposium_name(text, start)
        given = LECTURE_GIVEN_RE.search(text, _clause_start(text, start), start) if word in r.lectures else None
        if given:
            name = (given.group(1) or given.group(2) or "") + word   # "为全县党员干部讲专题党课" -> 专题党课
        # where the name's own words start (a name prefixed with who held it is not one run of the text)
        own = end - len(name) if text.startswith(name, end - len(name)) else start
        talked_with = SYMPOSIUM_WITH_RE.search(text, _clause_start(text, start), start) if word == "座谈" else None
        if talked_with and (NOT_DONE_RE.search(text, _clause_start(text, start), talked_with.start())
                            or MODAL_BEFORE_RE.search(text, 0, talked_with.start())):
            talked_with = None   # "干部要与群众多座谈", "曾与…座谈": a call to talk or talks of the past
        elif talked_with:
            name = text[talked_with.start():end]   # "与部分民营企业家座谈": who talked is no part of its name
        talks_held = word in r.talks_held and TALK_HELD_RE.search(text, max(0, start - 3), start) is not None
        if talks_held:
            name = text[start:end]   # "甲与新提任干部进行集体廉政谈话": who talks with whom is no part of its name
        held = _held(text, start, end) or talked_with or given or word in r.opened or talks_held   # (opened: OPENS_RE)
        if _in_passing(text, own, end, r) or not held \
                or _future(text, end, start) or NOT_HELD_RE.search(text, max(0, own - NOT_HELD_REACH), own):
            continue
        if (name in ("会议", "大会") or out and _same_meeting_short(name, word, out)) \
                and text[max(0, own - 2):own] in ("主持", "出席", "参加", "列席"):
            continue  # "主持会议并讲话", "…座谈会。甲主持座谈会", "…调度会召开。甲主持县调度会": the article's meeting again
        if out and (ORDINAL_RE.sub("", name) in SESSION_PARTS or PHASE_RE.fullmatch(name)):
            continue  # "…会议闭幕。大会执行主席甲主持闭幕大会", "主持第一次全体会议": a sitting of the meeting already found
                      # (and a phase of it: "乙主持第二阶段会议")
        # "甲与企业家座谈": who talks with them takes part, as a visitor does in a tour
        visitor = text[_sentence_start_hard(text, start):talked_with.start()] if talked_with else None
        out.append(Event(kind, name, start, chair=_chair_of(text, start), visitor=visitor))
    return out


# An agreement signed ("签订新能源项目合作协议", "签署了战略合作框架协议"), a signing of its own where the lead says who
# signed for each side (meeting_cues.txt both_sides).
BOTH_SIDES = tuple(CUES["both_sides"])
SIGNED_RE = re.compile(r"(?:签订|签署)了?[^，,。；;！？!?\n]{0,30}?协议|举行了?[^，,。；;！？!?\n]{0,30}?签约")
SIGNING_WORD_RE = re.compile("签约|签字|签署|签订")   # a meeting found that is the signing itself (签约仪式, 签约活动)


def _signing_in(text: str) -> list[Event]:
    """A signing with no meeting word, where someone signs for each side: "…与某集团签订合作协议。县长甲与董事长乙分别
    代表双方签约。" (the agreement's clause is the event; the day is the lead's)."""
    if "代表双方" not in text or not any(w in text for w in BOTH_SIDES):
        return []
    m = SIGNED_RE.search(text)
    if m is None or _future(text, m.end(), m.start()):
        return []
    return [Event("meeting", m.group(), m.start())]


# Games and their opening ceremonies (meeting_cues.txt sport, ceremony_of_games); the words before a ceremony read for
# the games it opens: its name and its lead.
SPORT_RE = re.compile(trie_regex(CUES["sport"]))
GAMES_CEREMONIES = frozenset(CUES["ceremony_of_games"])
NEEDS_OBJECT = frozenset(CUES["needs_object"])
SPORT_REACH = 80
def _games_ceremony(text: str, start: int, end: int, word: str) -> bool:
    """The opening or closing ceremony is of games: named so ("职工篮球赛开幕式"), or, named by nothing of its own
    ("…出席开幕式"), after games named in the words before it. A ceremony named for something else is not, whatever
    games the lead named before ("龙舟赛…。当天上午，民俗文化展开幕式在…举行")."""
    name = meeting_name(text, start, end)
    if name != word:
        return SPORT_RE.search(name) is not None
    return SPORT_RE.search(text, max(0, start - SPORT_REACH), start) is not None


# Where a festival, a fair or a course opens or closes, later in its clause ("…旅游节在元坝镇开幕").
OPENS_RE = re.compile(r"[^，,。；;！？!?\n]{0,16}?(?:开幕|闭幕|开班|结业|启幕|开营)")
# A lecture given, by the verb right before it in its clause ("讲专题党课", "讲授了一堂专题党课", "上党课"):
# the words between are the name's.
LECTURE_GIVEN_RE = re.compile(r"(?:讲授了?|讲了|讲)(?:一堂|一次|一场)?([^，,。；;！？!?\n]{0,6}?)$"
                              r"|上了?(?:一堂|一次|一场)?(专题)?$")


# 座谈 as the verb of its clause, with whom it is held: "甲与部分民营企业家座谈", "同…代表座谈交流".
# (the last 与/同/和 of the clause: "甲同志与…座谈", "甲和县长乙与…座谈" talk with who follows it)
SYMPOSIUM_WITH_RE = re.compile(r"[与同和跟](?:(?![与同和跟])[^，,。；;、]){1,30}$")
MODAL_BEFORE_RE = re.compile(f"(?:{trie_regex(CUES['modal'])})$")


def _symposium_name(text: str, at: int) -> str:
    """"赵六与…工作组举行座谈" -> 与…工作组举行座谈."""
    return text[_clause_start(text, at):at + 2]


def _chair_of(text: str, at: int) -> str | None:
    """The text before "主持召开X" back to the sentence start, where the chair's name is (read later)."""
    left = text[_sentence_start(text, at):at]
    if "主持" in left and ("：" in left or ":" in left):
        left = FIELD_RE.sub("", left)   # a record's field ("主持：县长甲出席：…一、会议研究了…") chairs the record's meeting
    return text[_sentence_start_hard(text, at):at] if "主持" in left else None


# After a visit word, what makes it a noun (调研组) or a meeting's name (现场办公会, 督导会): meeting_nouns.txt.
VISIT_NOUN_AFTER = section_words("meeting_nouns.txt", "visit_noun_after")
# The visit words of calling on people (慰问, 看望); what is sent after them (慰问金, 慰问信: a noun, not a visit,
# where 调研金融, 检查电力 are visits); and what makes them a noun before them, right before ("亲切的慰问") or
# earlier in the clause ("致以节日祝贺和诚挚慰问", "送去新春祝福和慰问").
CALLS_ON = ("慰问", "看望")
CALL_NOUN_AFTER = section_words("meeting_nouns.txt", "call_noun_after")
CALL_AS_NOUN_RE = re.compile(r"的$|(?:致以|表示|转达|致电|致函|致信|送去|送上|带去|送来)[^，,。；;！？\n]*$")
# Visit words that often open the name of a meeting held about them ("巡察整改工作推进会", "巡察…反馈会"): where their
# clause runs on to a 会, the meeting is the event (or one in passing), not a visit.
MEETING_NAME_VISITS = frozenset({"巡察", "督察"})
# After a visit verb, the guests it describes, whom the article's leader meets or talks with ("甲与来我县考察的某集团
# 总经理乙一行座谈交流"): their visit is no tour of the article's.
VISITING_GUESTS_RE = re.compile(r"的[^，,。；;！？\n]{0,24}?(?:一行|客人|代表团|客商|嘉宾)")
VISIT_OBJECT_RE = re.compile(r"[^，。；;！？\n]{0,30}")
# Where a tour's name ends inside its clause: "调研时强调" and "考察期间指出" name the tour 调研 and 考察
# (a 时 before what its leader said: "比利时", "当时的" go on).
# 并 opens what the visitor did besides ("出席会谈并讲话", "调研并看望…").
VISIT_NAME_END_RE = re.compile(r"时(?=强调|指出|表示|说|提出|要求|发表|称|希望|认为|谈到|介绍|$)|期间|过程中|途中|并")


def _visits_in(text: str, r: Rules, people: list[str], calls: bool = True, teams: bool = True) -> list[Event]:
    """A leader's visit or talks: the verb after a person's name in the same sentence. `calls`: whether a call on
    people (CALLS_ON) may be one; `teams`: whether a visiting team coming with no leader named may make one."""
    out = []
    for m in r.visit_re.finditer(text):
        if not calls and m.group().startswith(CALLS_ON):
            continue
        left = text[_sentence_start_hard(text, m.start()):m.start()]
        near = left[-30:]
        team = False
        if not any(p in left for p in people) and not LEADER_WORD_RE.search(near) \
                and not (r.kind_of[m.group()] == "inspection" and TOUR_LEADER_WORD_RE.search(near)):
            team = teams and r.kind_of[m.group()] == "inspection" and TOUR_TEAM_COMES_RE.search(near) is not None
            if not team:
                continue
        if m.group().startswith(CALLS_ON) and (CALL_AS_NOUN_RE.search(left) or text.startswith(CALL_NOUN_AFTER, m.end())):
            continue  # "致以亲切的慰问", "对灾民表示慰问", "慰问金": sympathy sent, not a visit
        if m.group() == "指导" and not TRIP_RE.search(near):
            continue  # 指导 alone is too common ("以…为指导"); a leader's trip to guide work is a tour
        if m.group() in NEEDS_OBJECT and not HAN_RE.match(text, m.end()):
            continue  # "…对积案进行现场督办，副县长乙陪同": nothing pressed on named, a step of another errand
        before = text[max(0, m.start() - 2):m.start()]
        if text.startswith(VISIT_NOUN_AFTER, m.end()) or before in ("纪律", "监察") or VISITING_GUESTS_RE.match(text, m.end()):
            continue  # 调研组, 纪律检查委员会, 考察团…: a noun, not the visit; "来我县考察的…一行": the guests met
        if m.group() == "检查" and (before == "对照" or before[-1:] == "作" and before != "工作"):
            continue  # a self-review ("作对照检查", "作检查"), not a visit ("到我县作调研" is one)
        if NOT_DONE_RE.search(left[-20:]) or text.startswith("将", m.end()):
            continue  # announced or rumoured, not done
        if m.group() in r.investment and not _investment_trip(text, m.start()):
            continue  # "我县要主动开展招商", "主动上门招商，签约项目12个": investment sought, not a trip made
        if _habitual(text, m.start(), people):
            continue  # "甲多次深入企业调研", "乙先后12次到村里调研": visits made often, not the one reported
        kind = r.kind_of[m.group()]
        obj = VISIT_OBJECT_RE.match(text, m.start()).group()
        cut = VISIT_NAME_END_RE.search(obj, len(m.group()))
        obj = obj[:cut.start()] if cut else obj
        if m.group() in MEETING_NAME_VISITS and "会" in obj:
            continue  # "出席巡察县卫健局工作动员会", "在…巡察县卫健局党委反馈会上表示": the word opens a meeting's name
        if not out:
            out.append(Event(kind, obj, m.start(), visitor=left, team=team))
            continue
        own = _parallel_visitor(text, m.start(), out[0], people, r)
        if own is not None:
            out.append(Event(kind, obj, m.start(), visitor=own, parallel=True))
    return out


HABITUAL_RE = re.compile(trie_regex(CUES["habitual"]))
TRIP_VERB_RE = re.compile(trie_regex(CUES["trip"]))
# Who visits, in a visit verb's clause: a leader's or a team head's title when no known name is there.
VISITOR_WORD_RE = re.compile(f"{LEADER_WORD_RE.pattern}|{TOUR_LEADER_WORD_RE.pattern}")


INVESTMENT_TRIP_RE = re.compile(trie_regex(CUES["investment_trip"]))
# (要 of a word that is no call: 主要领导, 重要, 只要)
CALLED_FOR_ANY_RE = re.compile(f"(?<![主重只想纪])(?:{trie_regex(CUES['called_for'] + ['将'])})")


def _investment_trip(text: str, at: int) -> bool:
    """The investment word at `at` is a trip made: its clause has a trip or a team led ("带队赴深圳市开展招商") and no
    call or plan for it ("要主动开展招商", "将赴…开展招商")."""
    clause = text[_sentence_start(text, at):at]
    return INVESTMENT_TRIP_RE.search(clause) is not None and CALLED_FOR_ANY_RE.search(clause) is None


# Visits totted up over a period ("今年以来，县级领导共接访群众320批次", "累计走访企业86家"): background, as a count is;
# not 共 of 共同, 共建 (a visit made together, a place built jointly), nor of 共和国 (a law's title: "《中华人民共和国…法》").
TALLY_RE = re.compile(r"累计|合计|总共|共(?![同建享商话青和])")


def _habitual(text: str, at: int, people: list[str]) -> bool:
    """The visit verb at `at` is said to be made often or counted, by a habit word or a count between its visitor
    and the trip to the place ("甲多次深入企业调研", "乙先后12次到村里调研"); not by one of an earlier clause ("为推进
    疫情防控常态化，甲到…督导") nor of the place ("到每年接待游客百万人次的景区调研"); and by a habit word that opens
    the sentence ("每天早上七点，网格员甲就开始在小区里巡查")."""
    if HABITUAL_RE.match(text, _sentence_start_hard(text, at)) is not None:
        return True
    clause = text[_sentence_start(text, at):at]
    found = _names_in(clause, people)
    if found:
        begin = clause.rfind(found[-1]) + len(found[-1])
    else:
        begin = max((title.end() for title in VISITOR_WORD_RE.finditer(clause)), default=0)
    trip = TRIP_VERB_RE.search(clause, begin)
    span = clause[begin:trip.start() if trip else len(clause)]
    return HABITUAL_RE.search(span) is not None or COUNTED_RE.search(span) is not None or TALLY_RE.search(span) is not None


# A clause of its own that sends another leader on another visit: "县委书记甲到金川镇调研，县长乙到银河乡调研"
# (the clause before the second verb: a few words of title, the name, the trip to where), also at the head of a team
# ("甲带队到石桥镇督导…；乙带队到沙湾镇检查…", "乙率县直有关部门负责人到…").
PARALLEL_VISIT_RE = re.compile(r"(?:同志)?(?:一行|带队|率队|(?:带领|率领|率)[^，,。；;、]{1,16}?)?"
                               r"(?:到|赴|深入|来到|前往|走进)[^，,。；;、]{1,15}")
PARALLEL_TITLES_MAX = 12


# Runs of characters that end no full sentence (a semicolon parts clauses of one sentence here).
FULL_RUN_RE = re.compile(r"[^。！!？?\n]*")
FULL_END_RE = re.compile(r"[。！!？?\n]")


def _parallel_visitor(text: str, at: int, first: Event, people: list[str], r: Rules) -> str | None:
    """The clause naming who made the visit at `at`, when it is a tour of its own beside `first` in the same
    sentence: after a clause end, a person `first` does not name goes somewhere and visits, with no role verb
    ("…调研，镇党委书记乙到现场陪同检查" accompanies the first tour)."""
    sentence = _run_back(FULL_RUN_RE, text, at)   # (across semicolons: "…，县长乙陪同；副市长丙到我县调研…")
    if sentence != _run_back(FULL_RUN_RE, text, first.at) or sentence >= _sentence_start(text, at):
        return None
    clause = text[_sentence_start(text, at):at]
    found = _names_in(clause, people)
    if not found or any(n in (first.visitor or "") for n in found):
        return None
    name_at = clause.rfind(found[-1])
    trip = clause[name_at + len(found[-1]):]
    if name_at > PARALLEL_TITLES_MAX or not PARALLEL_VISIT_RE.fullmatch(trip) or r.role_re.search(clause):
        return None
    return clause


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per kind and name; a tour keeps the meetings its leader chaired during it."""
    out: list[Event] = []
    for e in events:
        if e.parallel:
            if out and out[-1].kind == e.kind:
                out.append(e)   # beside the tour kept before it; with it, if that one was dropped
            continue
        if any(o.kind == e.kind and (o.name == e.name or e.kind in ("inspection", "talks") or _named_again(e.name, o.name)
                                     or _chaired_again(e, o.name)) for o in out):
            continue
        if out and out[0].kind in ("meeting", "symposium") and e.kind in ("inspection", "talks"):
            continue  # a meeting's report that mentions a visit: the meeting is the event
        if out and out[0].kind in ("meeting", "symposium") and e.kind in ("meeting", "symposium") and not e.chair:
            continue  # a second meeting name in a meeting's lead is the same meeting or one in passing
        if out and out[0].kind in ("inspection", "talks") and e.kind in ("meeting", "symposium") and not e.chair:
            continue  # "陪同检查或参加座谈": a meeting of the tour that nobody is said to chair is part of it
        out.append(e)
    return out


def _chaired_again(e: Event, name: str) -> bool:
    """"…集中签约大会举行。…县长乙主持签约大会": the meeting named before (`name`), named again by an end of its name
    right after a plain 主持, which chairs it (not 主持召开, a meeting of its own: "…座谈会。下午，乙主持召开座谈会")."""
    if not e.chair or e.name == name or not name.endswith(e.name):
        return False
    k = e.chair.rfind("主持")
    return k >= 0 and e.name.startswith(e.chair[k + 2:].removeprefix("了"))


# ---------------------------------------------------------------------------------------------
# Who had which role
# ---------------------------------------------------------------------------------------------

def _speech_noun(text: str, start: int, end: int, names: list[str] = ()) -> bool:
    """The speech verb at text[start:end] is a noun ("重要讲话精神"); not after a name that ends with such a
    word's character (甘立新讲话: 新)."""
    if text.startswith(SPEECH_NOUN_AFTER, end):
        return True
    if text.startswith("作", start) and text.endswith("工", 0, start):
        return True  # the 作 of 工作: "听取工作汇报", "审议工作报告" are nouns, not 作汇报 / 作报告
    return text[max(0, start - 2):start].endswith(SPEECH_NOUN_BEFORE) \
        and not any(text.endswith(n, 0, start) for n in names) \
        and not _object_before(text, start)


# What a verb is about, opened by 就/对/围绕/针对 in its clause: "甲就有关工作作说明", "乙对下一步工作提出要求"
# (工作 there is the verb's object, not the first half of a noun such as 工作汇报), or what it draws on ("丙结合分管工作
# 谈了学习体会").
ABOUT_RE = re.compile(r"就|对|围绕|针对|结合")


def _object_before(text: str, start: int) -> bool:
    return text.endswith("工作", 0, start) and ABOUT_RE.search(text, _sentence_start(text, start), start - 2) is not None


# A list after its verb: "在主席台就座的还有：钱乙、孙七…", "出席会议的领导有：…", "担任大会执行主席的有：…"
# (presiding in turn: attendees here; the chair is who 主持), or after a colon alone ("出席会议的县领导：…").
# 有关/有效… are not "有". Who came along on a tour is listed so too ("一同调研的有：…", "随同考察的有：…").
LIST_VERB = trie_regex(CUES["list_verb"])   # (meeting_cues.txt list_verb, list_presiding)
LIST_AFTER_VERB_RE = re.compile(f"(?:{LIST_VERB}|{trie_regex(CUES['list_presiding'])})[^。；;：:\\n]{{0,24}}?"
                                r"(?:还有|的[^。；;：:，,\n]{0,8}?有(?![关效力序些所的]))[：:]?"
                                f"|(?:{LIST_VERB})[^。；;：:\\n]{{0,24}}?的[^。；;：:，,\\n]{{0,8}}?[：:]"
                                # a heading of its own: "陪同人员：…", "出席领导：…", "参会人员：…"
                                f"|(?:{LIST_VERB}|参会|与会)(?:调研|检查|督导|考察|会议)?(?:人员|领导)[：:]")
# The fields of a government's record of a meeting: who presided and who attended ("主持：县长甲", "出席：乙、丙、丁",
# "出席会议：…", "列席：县长助理戊，…单位主要负责人"; not "请假：己"), each up to the next field's colon: the cleaner
# may have joined the record's lines ("主持：县长甲出席：乙、丙列席：…").
FIELD_RE = re.compile(f"(?:(主持)(?:会议)?|(?:{LIST_VERB})(?:会议|人)?)[：:]")   # (not 主持人：, a show's host)
FIELD_END_RE = re.compile("[：:]")
# A clause that cites its source ("据甲介绍，…", "据乙说"): its verb gives no one a role. Not the clauses
# that open with 据 and go on to a subject of their own ("据了解，甲主持…" ends at its comma).
SOURCE_CLAUSE_RE = re.compile(r"据(?!悉|了解|统计|报道|介绍|测算|初步|不完全)")
# A name cited rather than acting: "郑十总书记的重要指示", "根据…钱乙总理要求".
# (and who delegated: "受县长甲委托，副县长乙主持会议" is chaired by 乙 alone)
REFERENCED_RE = re.compile(r"(?:总书记|主席|总理|委员长|同志)?(?:的|重要|关于|委托)")
# Words before a name whose speech is only relayed, studied, watched or cited: no role at this event.
REFERENCE_BEFORE_RE = re.compile(r"根据|按照|落实|贯彻|遵照|传达|学习|领学|转达|依照|围绕|收听|收看|观看|聆听|宣读|批示")
CITE_WINDOW = 6  # characters before a name (and the titles written before it) where a citing word may end
MAX_GAP = 20  # characters between a subject's name and its verb ("周八、吴九、陈二围绕…作发言")
MAX_CARRY = 8  # a nameless clause keeps the subject of the verb just before it ("主持会议并讲话")
# ... and so does one that 并 joins to it within one clause, however long the event's name before 并 or
# what the verb is about after it ("甲出席全县安全生产工作会议并讲话", "乙主持会议并就贯彻落实会议精神提出要求"),
# or one that speaks while doing the verb before ("丙在主持召开市政府常务会议时强调").
# A clause of the verb's own that opens with a post: someone the article's people do not hold (a name not found:
# "甲出席会议并讲话，副县长乙主持会议"), not the subject carried from the clause before.
STRANGER_CLAUSE_RE = re.compile(r"[，,；;][^，,；;]{0,10}?(?:书记|[省市县区州镇乡村旗盟部局厅处科院校所站组队行社事]长|主任|主席|委员)"
                                r"[^，,；;]{0,4}$")   # a post's 长, not 家长, 增长, 成长
# A meeting asked for or planned before 召开 in the caller's clause (meeting_cues.txt proposed).
PROPOSED_CALL_RE = re.compile(f"(?:{trie_regex(CUES['proposed'])})[^，,。；;：:]{{0,16}}$")
# ... and one that follows a clause of what the subject did before ("甲在县分会场收听收看全省…会后，立即主持召开…").
CARRY_AND_RE = re.compile(r"[^，,。；;：:、\n]{0,40}(?:[，,]?并[^，,。；;：:、\n]{0,30}|时|后[，,](?:立即|随即|随后|紧接着|接着|又|即)?)")


# A clause that calls a meeting with no subject of its own, going on with the sentence's ("…，并召开…", "…，到某局召开…").
CLAUSE_GOES_ON_TO_CALL_RE = re.compile(r"并|(?:随后|还)?(?:到|赴|前往|来到|深入)[^，,。；;]{1,16}$")
# Guests a host meets with, after 与/同 in the clause of calling a meeting ("与某集团副总裁乙一行召开座谈会").
WITH_GUESTS_RE = re.compile(r"[与同](?=[^，,。；;与同]{1,30}?一行)")


def _before_awardees(span: str, names: list[str]) -> str:
    """The span up to the 为 that names who is handed something: not a 为 of purpose, whose clause a comma closes
    ("为激励先进，县长甲向…颁发奖牌"), nor one inside a name ("韦为民")."""
    cut = span.rfind("为")
    if PURPOSE_CLAUSE_RE.match(span, cut) or any(a <= cut < a + len(n) for n in names for a in occurrences(span, n)):
        return span
    return span[:cut]


def assign_roles(text: str, names: list[str], r: Rules,
                 titles: dict[str, list[str]] | None = None) -> list[tuple[str, str, int]]:
    """(name, role, offset) for every role verb with a known subject, in text order. `titles`: the titles
    written beside each name (PersonMention.titles), which may stand before a clause's subject."""
    out: list[tuple[str, str, int]] = []
    # Every span read below is a piece of `text`: a name not in it is in none of them (order is kept).
    # Longest first, ties by the name itself: a set's order follows string hashes, which change from one
    # process to the next, and two overlapping names of one length ("甲乙丙") must resolve the same way.
    names = [n for n in sorted(set(names), key=lambda n: (-len(n), n)) if n in text]
    last: list[str] = []
    last_single: list[str] = []
    single_at = -1   # where the verb of last_single stands
    along: set[str] = set()
    last_sent, span_start = -1, 0
    # a verb inside a name is no verb ("副县长阿说木呷陪同调研": 说); few names hold one, so most articles skip this
    inside = [(k, k + len(n)) for n in names if r.role_re.search(n) for k in occurrences(text, n)]
    for m in r.role_re.finditer(text):
        if inside and any(a <= m.start() < b for a, b in inside):
            continue
        role = r.role_of.get(m.group(), "speaker")   # not a listed verb: a report given (REPORT_GIVEN)
        if m.group().startswith("作的") and not any(text.endswith(n, 0, m.start()) for n in names):
            continue   # "听取了甲作的报告" speaks for 甲; "乙并对县法院作的报告进行评议" for no one named
        if role == "speaker" and _speech_noun(text, m.start(), m.end(), names) \
                or text.startswith(ROLE_NOUN_AFTER.get(m.group(), ()), m.end()) \
                and not text.startswith(ROLE_NOT_NOUN_AFTER, m.end()):
            continue
        if _source_clause(text, m.start()):
            continue
        if m.group() in AUDIENCE_TALKS and AUDIENCE_BEFORE_RE.search(text[max(0, m.start() - AUDIENCE_REACH):m.start()]):
            continue   # "医生甲正在为村民作讲座": a talk to the people at a tour's stop
        if m.group().startswith("召开") and text.endswith(CALLED_BY_CHAIR, 0, m.start()):
            continue   # "主持召开", "分别主持召开": the chair's verb says it all
        sent = _sentence_start_hard(text, m.start())
        lo = max(span_start, sent)
        for v in r.visit_re.finditer(text, lo, m.start()):
            if text[v.end()] in "，,":
                lo = v.end()   # a visit's own clause before ("甲到青石镇调研，镇党委书记乙汇报了…"): not 甲's verb
            elif m.group() in ALONG_VERBS and (end := CLAUSE_END_RE.search(text, v.end(), m.start())) is not None:
                lo = end.start()   # ... with what it is about ("甲到龙湾镇调研乡村振兴工作，乙陪同"): who came along is not 甲
        span = text[lo:m.start()]
        if m.group() in AWARD_VERBS and "为" in span:
            span = _before_awardees(span, names)   # "甲出席会议并为受聘专家乙、丙颁发聘书": who is awarded is no subject
        if span.endswith("的") and text.startswith("下", m.end()):
            span = span[:-1]   # "在甲的陪同下": 的 makes the name no one cited, as "在甲陪同下"
        # the verb that ends where this span starts may cite who follows it ("传达了甲…提出的要求")
        cites = text[max(sent, lo - CITE_WINDOW):lo]
        if m.group().startswith("召开"):
            # who calls the meeting is named in the verb's own clause ("市长甲在我县召开…"): no subject carried over
            # ("…说，召开…会议的目的是…"), nor one whose clause ends before ("…的情况，关于召开…")
            clause = span[max(span.rfind(c) for c in CLAUSE_ENDS) + 1:]
            if PROPOSED_CALL_RE.search(clause):
                continue   # "甲建议尽快召开联席会议": asked for, not called; the span goes on as if 召开 were not a verb
            subjects = _subjects(clause, names, titles, cites if clause == span else "", own_clause=True)
            if not subjects and CLAUSE_GOES_ON_TO_CALL_RE.match(clause):
                # "县长甲到县人民医院看望慰问医务工作者，并召开…座谈会", "甲带领巡察组，到县教育局召开巡察工作动员会":
                # the clause goes on with who opens the sentence
                subjects = _opener(text[sent:m.start()], names, titles or {}, lambda: [])
            if len(subjects) > 1 and (guests := WITH_GUESTS_RE.search(clause)) is not None:
                # "区长甲与乙一行召开政企座谈会": the host calls it; the guests he meets with take part
                host = [n for n in subjects if clause.find(n) < guests.start()]
                if host:
                    out.extend((n, "attendee", m.start()) for n in subjects if n not in host)
                    subjects = host
            if subjects:
                out.extend((n, role, m.start()) for n in subjects)
                last, last_sent = subjects, sent
            span_start = m.end()
            continue
        # who hands out an award is named in the verb's own clause ("甲是…的老党员，乙为他颁发纪念章": 乙 alone)
        own_clause = role == "chair" or m.group() in AWARD_VERBS
        subjects = _subjects(span, names, titles, cites, own_clause=own_clause) \
            or _implicit_subject(text, lo, span, names, lambda: _visitor_since(text, single_at, m.start(), names, r, along)
                                 or last_single, along) or (
            last if last_sent == sent and (len(span) <= MAX_CARRY or CARRY_AND_RE.fullmatch(span))
            and not STRANGER_CLAUSE_RE.search(span) and not (m.group() in AGENDA_VERBS and AGENDA_SPAN_RE.search(span)) else []) \
            or _titled_subject(span, titles) \
            or (_sentence_subject(span, names, titles or {}, lambda: last_single or _nearest_before(
                text, lo, [n for n in names if n not in along] or names))
                or _listed_group_subject(span, names, titles or {})
                or (_opening_subject(text[sent:m.start()], names, titles or {}, lambda: last_single or _nearest_before(
                    text, sent, [n for n in names if n not in along] or names))
                    if m.group() not in AGENDA_VERBS else []) if role == "speaker" else [])
        if subjects and lo == sent and text[sent - 1:sent] in ("；", ";") and m.group() in PRESENCE_VERBS:
            subjects = _colon_listed(text, sent - 1, names) + subjects   # "副县长：甲、乙；县政府办公室主任丙参加会议"
        if subjects:
            out.extend((n, role, m.start()) for n in subjects)
            last, last_sent = subjects, sent
            if role == "attendee" and m.group() in ALONG_VERBS:
                along.update(subjects)   # 他/她 is not who came along on the tour ("乙陪同。他强调": the leader)
            elif m.group() in BRIEFING_VERBS:
                along.update(subjects)   # "…调研。公司董事长乙介绍了…。他强调": the leader, not who briefed him
            elif len(subjects) == 1 and (m.group() not in PRESENCE_VERBS or not last_single):
                # who chaired, spoke or acted; who came to the meeting only when no one had ("县长乙出席会议。
                # 她强调"; "甲主持召开…会议，乙出席。他强调" is 甲)
                last_single, single_at = subjects, m.start()
        span_start = m.end()
    for m in LIST_AFTER_VERB_RE.finditer(text):  # "在主席台就座的还有：钱乙、孙七…"
        end = _sentence_end(text, m.end())
        # each name with its titles after it, up to a semicolon ("…的县领导有：甲，县委书记；乙，县长。"): the list goes on
        # while the part after a semicolon opens with a name
        while text[end:end + 1] in ("；", ";") and any(text.startswith(n, end + 1) for n in names):
            end = _sentence_end(text, end + 1)
        out.extend((n, "attendee", m.end()) for n in _names_in(text[m.end():end], names))
    if "：" in text or ":" in text:
        for m in FIELD_RE.finditer(text):
            end = _sentence_end(text, m.end())
            nxt = FIELD_END_RE.search(text, m.end(), end)
            out.extend((n, "chair" if m.group(1) else "attendee", m.end())
                       for n in _names_in(text[m.end():nxt.start() if nxt else end], names))
    out.extend((n, "speaker", at) for n, at in _reports_heard(text, names, titles))
    return out


# A group of a government record's attendance line, its title before a colon and its names after it, up to a
# semicolon ("县政府党组成员、副县长：甲、乙；…主任丙参加会议"): nothing but names joined by 、 after the colon.
COLON_GROUP_RE = re.compile(r"[：:]([^：:，,。；;！？!?\n]{2,80})$")


def _colon_listed(text: str, semicolon: int, names: list[str]) -> list[str]:
    """The names of the colon list that ends at the semicolon at `semicolon`, which share the verb after the next group."""
    start = _sentence_start_hard(text, semicolon)
    m = COLON_GROUP_RE.search(text, start, semicolon)
    if m is None or any(w in text[start:m.start()] for w in ABSENCE_LABELS):
        return []
    listed = list(_names_in(m.group(1), names))
    return listed if listed and "".join(listed) == m.group(1).replace("、", "") else []


# A report the meeting heard, named by who gave it: "会议听取了县委常委、常务副县长甲关于…的汇报", "会上听取了乙所作
# 的…报告", "会议听取和审议了…" (for whom: "乙受县人民政府委托所作的…报告"), and what the chair heard at the
# meeting just named ("主持召开专题会议，听取副县长甲
# 关于…的汇报", "听取了副县长丁关于…情况的通报"). Who gave it speaks at the meeting. Not a report a person heard on a tour ("甲听取了村党支部书记乙的汇报").
HEARD_REPORT_RE = re.compile(r"(?:会议|会上|大会|会)[，,]?(?:还|先后|首先|分别|集中|专题)?听取(?:和审议|并审议)?(?:了)?([^，,。；;：:]{2,30}?)(?:同志)?"
                             r"(?:(?:受[^，,。；;：:]{2,16}?委托)?(?:关于[^，,。；;：:]{1,40}?|所作|作)?的[^，,。；;：:]{0,24}?(?:汇报|报告|发言|通报)"
                             # ... or 汇报 the giver's verb right after them ("听取了县水务局局长乙汇报全县防汛准备情况")
                             r"|汇报(?!会))")
# The next reports of the same list, each with who gave it ("…的报告，县人民法院院长乙所作的关于…的报告"): 所作/作
# says the report is the giver's, not one about them, and so does 关于 right after the name ("…的汇报和乙关于…的汇报").
NEXT_REPORT_RE = re.compile(r"[，,、和及]([^，,。；;：:]{2,30}?)(?:同志)?(?:受[^，,。；;：:]{2,16}?委托)?(?:所作|作|关于[^，,。；;：:]{1,40}?)的"
                            r"[^，,。；;：:]{0,40}?(?:汇报|报告|发言|通报)")


def _report_givers(heard: re.Pattern[str], text: str, names: list[str]):
    """Each report the regex finds heard, with the words naming who gave it (group 1) and the names in them, when
    those words end with a name."""
    for m in heard.finditer(text):
        who = m.group(1)
        found = _names_in(who, names)
        if found and who.endswith(found[-1]):
            yield m, who, found


def _reports_heard(text: str, names: list[str], titles: dict[str, list[str]] | None = None) -> list[tuple[str, int]]:
    """(name, offset) of who gave each report heard: the names that fill the words after 听取, nothing but
    their titles before them ("听取了县委常委甲、乙的汇报"); not a name the report is about ("听取了县审计局对甲
    的审计报告", "拟提拔人选甲的考察情况汇报")."""
    out = []
    for m, who, found in _report_givers(HEARD_REPORT_RE, text, names):
        given = _trailing_list(who, found, lambda gap, _: LIST_GAP_RE.fullmatch(gap) is not None)
        if _only_titles(who[:who.find(given[0])], (titles or {}).get(given[0], ())):
            out.extend((n, m.start(1)) for n in given)
    for m in HEARD_REPORT_RE.finditer(text):   # the first report's giver may be a name not read whole
        end = m.end()
        while (nxt := NEXT_REPORT_RE.match(text, end)) is not None:
            said = _names_in(nxt.group(1), names)
            if said and nxt.group(1).endswith(said[-1]):
                out.append((said[-1], nxt.start(1)))
            end = nxt.end()
    return out


# After a tour's leader, the trip that brings them to the visit: "钱乙一行先后来到甲村、乙镇，督导…",
# "钱乙带领有关部门负责人，先后到甲镇、乙乡督导…".
# "甲、乙、丙分别带队，深入各镇街…": each of a list leads a tour.
# (each of a list of leaders may lead a team of his own: "甲，乙分别带队，对…开展巡河督查"; the team led, then how it
# went: "甲带领…负责人，采取“四不两直”方式，对…开展暗访检查")
_EACH = r"(?:分别|一同|共同)?"
_HOW = r"(?:(?:采取|以|通过)[^，,。；;]{1,16}?方式[，,])?"
TRIP_AFTER_NAME_RE = re.compile(rf"(?:同志)?{_EACH}(?:一行|带队|率队|(?:带领|率领|率)[^，,。；;]{{1,20}}?)?[，,]?"
                                r"[^，,。；;]{0,6}?(?:先后|深入|来到|前往|赶赴|走进|到|赴)"
                                # the team led straight to its work: "甲率区直有关部门负责同志，调研…", and
                                # how the leader went: "甲采取“四不两直”方式，检查…"
                                # (perhaps with how: "甲带领县四套班子领导，实地观摩…")
                                rf"|(?:同志)?{_EACH}(?:带领|率领|率)[^，,。；;]{{1,20}}?[，,]{_HOW}(?:实地|现场|专程|先后|一同|集中)?$"
                                rf"|(?:同志)?{_EACH}(?:(?:带队|率队)[，,])?(?:采取|以|通过)[^，,。；;]{{1,16}}?方式[，,]$"
                                # a team led to examine something where it is: "甲带领…组成人员，对全区…开展执法检查",
                                # "甲率执法检查组，对…", "甲带队，对…开展专题调研"
                                # (the team perhaps told at length: "甲带领县纪委监委、县市场监管局等部门组成的暗访组，对…")
                                rf"|(?:同志)?{_EACH}(?:带领|率领|率)[^，,。；;]{{1,30}}?[，,]?{_HOW}对"
                                rf"|(?:同志)?{_EACH}(?:带队|率队)[，,]?{_HOW}对"
                                # the team the leader heads, named after them: "由甲带队的调研组，对…开展专题调研"
                                r"|(?:同志)?(?:带队|率队|带领|率领)的[^，,。；;]{0,12}?[组团]")
# Between two leaders of one list: a separator, then perhaps the second one's title ("甲和区长乙").
LIST_GAP_RE = re.compile(r"[、和与及][^，,。；;、]{0,12}")


# Who leads the team on a tour, in a clause of its own before it ("在市人大常委会主任甲（的）带领下，…").
LED_BY_RE = re.compile(r"在([^，,。；;在]{1,30}?)(?:同志)?的?(?:带领|率领|带队)下[，,]?")


def _visitors(left: str, names: list[str], titles: dict[str, list[str]] | None = None) -> list[str]:
    """Who made the tour: the subject of the visit verb, else the last person named before it whose trip
    (一行…来到…) leads to it across commas; with the list that person closes ("甲、乙、丙分别带队", and
    "县长甲，副县长乙到…": a comma and nothing but the next one's titles, `titles` as PersonMention gives them,
    "县委书记甲，县委副书记、县长乙到…", and each leader's own trip: "县委书记甲到石桥镇、县长乙到白马乡，督导…")."""
    if (led_by := LED_BY_RE.search(left)) is not None and (heads := _names_in(led_by.group(1), names)):
        # "在市人大常委会主任甲带领下，部分代表视察…": who leads the team goes on its tour
        return list(dict.fromkeys(heads + _visitors(left[led_by.end():], names, titles)))
    found = _subjects(left, names)
    if not found:
        found = [n for n in _names_in(left, names) if not _cited(left, n)]
        if found and not TRIP_AFTER_NAME_RE.match(left, left.rfind(found[-1]) + len(found[-1])):
            return _team_on_trip(left, found)
        if not found:
            return []
    def joined(gap: str, nxt: str) -> bool:
        own = (titles or {}).get(nxt, ())
        return LIST_GAP_RE.fullmatch(gap) is not None or (
            gap[:1] in "，," and (len(gap) == 1 or all(t in own for t in gap[1:].split("、")))) \
            or _parallel_trip(gap, left[left.rfind(nxt) + len(nxt):])

    led = _trailing_list(left, found, joined)
    head = LEADS_NAMED_TEAM_RE.search(left, 0, left.find(led[0])) if led else None
    if head is not None:
        # "甲带领县四大班子领导乙、丙、丁等，观摩…": who leads the named team goes too
        leader = [n for n in _names_in(left[:head.start()], names) if left.endswith(n, 0, head.start())]
        return leader[:1] + led
    return led


# A leader who brings a team whose members are named after it ("甲带领县四大班子领导乙、丙", "甲率县直部门负责人乙"):
# 带领/率领/率 right after the leader's name, then the team's words, up to its first name.
LEADS_NAMED_TEAM_RE = re.compile(f"(?:同志)?(?:{trie_regex(CUES['leads_team'])})[^，,。；;、]{{0,16}}$")
def _team_on_trip(left: str, found: list[str]) -> list[str]:
    """The leader who brings a team listed at length, and its members (LEADS_TEAM_RE, TEAM_THEN_TRIP_RE); none when the
    first name does not bring a team or the last is not followed by the trip."""
    lead = LEADS_TEAM_RE.match(left, left.find(found[0]) + len(found[0]))
    if lead is None or len(found) < 2 or not TEAM_THEN_TRIP_RE.match(left, left.rfind(found[-1]) + len(found[-1])):
        return []
    return found


# Leaders each going somewhere before one visit verb: "县委书记甲到石桥镇、县长乙到白马乡，督导秋收工作" (the gap
# after 甲: the trip, a separator, the next one's titles).
PARALLEL_TRIP_RE = re.compile(r"(到|赴|深入|来到|前往)[^，,。；;、]{1,12}[、，,；;][^，,。；;]{0,16}")


def _parallel_trip(gap: str, after_next: str) -> bool:
    """The gap between two leaders is the first one's trip, and the second one's trip follows them by the same
    verb (and the first has no visit of its own: "甲到金川镇调研，县长乙到…" is two tours)."""
    m = PARALLEL_TRIP_RE.fullmatch(gap)
    return m is not None and after_next.startswith(m.group(1)) and rules().visit_re.search(gap) is None


def _trailing_list(text: str, found: list[str], joined: Callable[[str, str], bool]) -> list[str]:
    """The last of `found` (names in text order) with the names before it that `joined(gap, next name)` links
    to it one by one, in order."""
    end = text.rfind(found[-1])
    keep = [found[-1]]
    for n in reversed(found[:-1]):
        at = text.rfind(n, 0, end)
        if at < 0 or not joined(text[at + len(n):end], keep[0]):
            break
        keep.insert(0, n)
        end = at
    return keep


def _talks_sides(left: str, obj: str, names: list[str]) -> list[str]:
    """Both sides of talks take part: the people the clause before the verb names (not cited), and those
    it meets ("甲在…同来访的某国总统乙举行会谈", "甲会见了某某集团董事长乙一行")."""
    return [n for n in _names_in(left, names) if not _cited(left, n)] + _names_in(obj, names)


# A clause that says when, with its subject left out: "甲到城东街道调研，在调研中强调…".
WHILE_CLAUSE_RE = re.compile(r"在[^，,。；;]{1,12}(?:中|时|期间|过程中|上)")


def _titled_subject(span: str, titles: dict[str, list[str]] | None) -> list[str]:
    """A subject named by a title alone ("县委书记主持会议并讲话"): the one person of the article who holds it."""
    if not titles:
        return []
    clause = span[max(span.rfind(c) for c in "，,、") + 1:] if span else ""
    if not clause:
        return []
    holders = [n for n, ts in titles.items() if clause in ts]
    return holders if len(holders) == 1 else []


def _implicit_subject(text: str, lo: int, span: str, names: list[str], last_single: Callable[[], list[str]],
                      along: set[str] = frozenset()) -> list[str]:
    """"…，她今天上午出席": 他/她 opening the verb's clause is the last lone subject (`last_single`, read only when
    needed), else the person named last who did not just come along (`along`); so is the left-out subject of a clause
    of when ("甲到…调研，在调研中强调")."""
    comma = max(span.rfind("，"), span.rfind(","))
    clause_at = max(comma, 0)
    clause = span[clause_at:].lstrip("，, ")
    if clause.startswith(PRONOUNS):
        return last_single() or _nearest_before(text, lo + clause_at, [n for n in names if n not in along] or names)
    if comma >= 0 and WHILE_CLAUSE_RE.fullmatch(clause):
        return _nearest_before(text, lo + clause_at, names)
    return []


def _visitor_since(text: str, since: int, at: int, names: list[str], r: Rules, along: set[str]) -> list[str]:
    """The one person who went on a visit in a sentence after the verb at `since` and before `at`: 他/她 after it is
    this visitor, not who spoke before ("会上，局长乙通报了…。当晚，甲带领…暗查了…。他要求…": 甲)."""
    found: list[str] = []
    for v in r.visit_re.finditer(text, max(since, 0), at):
        start = _sentence_start_hard(text, v.start())
        if start <= since or v.group() == "指导":
            continue   # (a visit in the sentence of that verb; 指导, a word of guidance more often than a trip)
        named = [n for n in dict.fromkeys(_names_in(text[start:v.start()], names)) if n not in along]
        if len(named) == 1:
            found = named
    return found


# What may open the clause of a speech verb that goes on with the sentence's subject ("甲查看了…，并要求…").
# (and what a leader on a tour does at once about what he found: "…发现消防通道堆放杂物，当即要求…")
CLAUSE_GOES_ON_RE = re.compile(r"[，,](?:并|还|同时|随后|当即|当场|随即)?$")
# A clause of where a tour's stop opens the sentence before its subject ("在某村，甲详细了解…，叮嘱…"): not a title.
STOP_OPENER_RE = re.compile(r"在[^，,。；;：:]{1,24}[，,]")
# ... and the words that open a sentence about every stop of a tour (meeting_cues.txt each_stop)
EACH_STOP_RE = re.compile(f"(?:{trie_regex(CUES['each_stop'])})[，,]")


def _sentence_subject(span: str, names: list[str], titles: dict[str, list[str]],
                      pronoun: Callable[[], list[str]]) -> list[str]:
    """"甲仔细查看了考场布置情况，要求…", "他对…给予肯定，要求…": a speech verb opening a clause of its own, with no
    subject, goes on with the one person who opens the sentence (after the titles only), or with whom 他/她 opening
    it stands for (`pronoun`, as _implicit_subject reads it)."""
    if not CLAUSE_GOES_ON_RE.search(span):
        return []
    named = _names_in(span, names)
    if not named:
        opener = EACH_STOP_RE.match(span) or STOP_OPENER_RE.match(span)   # "每到一处，他…", "在某村，她…"
        return pronoun() if span[opener.end() if opener else 0:].startswith(PRONOUNS) else []
    if len(set(named)) > 1:
        return []
    n = named[0]
    before = span[:span.find(n)]
    if (stop := STOP_OPENER_RE.match(before)) is not None:
        # (where a stop opens the sentence, its subject may be someone the leader met: "在某村，村民甲告诉记者，…")
        if not any(OFFICE_RE.search(t) and not FORMER_RE.match(t) for t in titles.get(n, [])):
            return []
        before = before[stop.end():]
    return [n] if _only_titles(before, titles.get(n, [])) else []


# When a sentence opens, before its subject: its day and part of the day ("5月3日上午，", "近日，").
SENTENCE_TIME_RE = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}[日号])?(?:[至到-]\d{1,2}[日号])?"
                              r"(?:[上中下]午|晚上|晚间|早上|凌晨|晚)?(?:近日|日前|当天|当日|今天|昨天)?[，,]?")
# A clause of remarks with no subject of its own: it opens with the verb, or with whom or what the remarks are about
# ("，强调…", "，并要求…", "，对石门镇的工作表示肯定", "，向他们致以…").
REMARKS_CLAUSE_RE = re.compile(r"[，,](?:并|还|同时|随后|当即|当场|随即)?(?:[对向就][^，,。；;：:“”]{1,30})?$")
# A clause the meeting itself opens, after the one person named ("，会议研究了…", "，会上…"): what follows is said by it.
MEETING_SPEAKS_RE = re.compile(r"[，,](?:会议|大会|全会|会上|座谈会上)")


def _opening_subject(sentence: str, names: list[str], titles: dict[str, list[str]],
                     pronoun: Callable[[], list[str]]) -> list[str]:
    """"市委书记甲到某县调研…工作，强调…", "县长乙主持召开…会议，研究…，要求…": remarks opening a clause with no subject
    after the clause of the event's verb are the words of the one person who opens the sentence, after its time and
    nothing but titles, if no one else is named before them; in a sentence that 他/她 opens and that names no one
    ("他先后来到…，详细了解情况，对…表示肯定，希望…"), of whom the pronoun stands for (`pronoun`)."""
    if not REMARKS_CLAUSE_RE.search(sentence):
        return []
    return _opener(sentence, names, titles, pronoun)


def _opener(sentence: str, names: list[str], titles: dict[str, list[str]],
            pronoun: Callable[[], list[str]]) -> list[str]:
    """The one person who opens the sentence, after its time and nothing but titles, if no one else is named in it
    (see _opening_subject); 他/她 opening a sentence that names no one stands for `pronoun`."""
    named = {n for n in _names_in(sentence, names) if not _cited(sentence, n, "", titles)}
    opener = SENTENCE_TIME_RE.match(sentence)
    start = opener.end() if opener else 0
    if (stop := EACH_STOP_RE.match(sentence, start)) is not None:
        start = stop.end()   # "所到之处，甲详细了解…，叮嘱…"
    if not named:
        stop = STOP_OPENER_RE.match(sentence, start)
        return pronoun() if sentence.startswith(PRONOUNS, stop.end() if stop else start) else []
    if len(named) != 1:
        return []
    [n] = named
    at = sentence.find(n)
    if MEETING_SPEAKS_RE.search(sentence, at):
        return []   # "甲主持召开常务会议，会议研究了…，强调…": the meeting's words, as "会议强调"
    return [n] if at >= start and _only_titles(sentence[start:at], titles.get(n, [])) else []


# The named heads of a group counted after them ("甲、乙等8位企业负责人"), after where the sentence is set ("座谈会上，").
LISTED_GROUP_RE = re.compile(r"等[\d一二三四五六七八九十几多余]{1,4}(?:位|名|个)")
AT_MEETING_OPENER_RE = re.compile(r"^[^，,。；;：:]{0,10}(?:会上|会议上|座谈中|座谈时)[，,]")


def _listed_group_subject(span: str, names: list[str], titles: dict[str, list[str]]) -> list[str]:
    """"座谈会上，某茶业公司董事长甲、某协会会长乙等8位企业负责人结合实际，围绕…作了发言": the named members of the group
    opening the sentence, each with nothing but titles before the name, speak; nobody named after the group does."""
    if "等" not in span:
        return []
    opener = AT_MEETING_OPENER_RE.match(span) or STOP_OPENER_RE.match(span)
    body = span[opener.end() if opener else 0:]
    group = LISTED_GROUP_RE.search(body)
    if group is None or _names_in(body[group.end():], names):
        return []
    head = body[:group.start()]
    named = _names_in(head, names)
    if len(named) < 2:
        return []
    at = 0
    for n in named:
        k = head.find(n, at)
        if not _only_titles(head[at:k].strip("、，, "), titles.get(n, [])):
            return []
        at = k + len(n)
    return named if at == len(head) else []


def _nearest_before(text: str, at: int, names: list[str]) -> list[str]:
    """The person named last before `at`: who 他/她 most likely is."""
    best, where = [], -1
    for n in names:
        k = text.rfind(n, 0, at)
        if k > where:
            best, where = [n], k
    return best


def _source_clause(text: str, verb: int) -> bool:
    """The verb ends a clause that opens with 据 ("据区发改委主任甲介绍，"): who is cited acts at no event."""
    opens = max(text.rfind(c, 0, verb) for c in "，,。；;！？\n") + 1
    return SOURCE_CLAUSE_RE.match(text, opens) is not None


def _cited(span: str, name: str, before: str = "", titles: dict[str, list[str]] | None = None) -> bool:
    """The name is cited, not acting: "郑十总书记的重要指示", "学习贯彻郑十总书记…讲话". `before`: the text
    just before the span, which the span does not hold when it starts after a role verb that cites (传达).
    `titles`: the name's titles, skipped before it ("传达了市委书记甲在…的讲话精神")."""
    at = span.rfind(name)
    after = span[at + len(name):]
    if REFERENCED_RE.match(after) and not after.startswith(("的主持", "同志主持")):
        return True
    head = before + span[:at]
    bare = _without_titles(head, (titles or {}).get(name, ()))
    if len(bare) < len(head) and bare.endswith(CLAUSE_ENDS):
        return False   # "会议集中学习，县委书记甲强调": what cites stands in the clause before the name's
    # the citing word stands in the name's own clause: "举行集体学习，邀请教授甲作专题辅导" invites who speaks
    window = bare[-CITE_WINDOW:]
    return REFERENCE_BEFORE_RE.search(window, max(window.rfind(c) for c in CLAUSE_ENDS) + 1) is not None


CLAUSE_ENDS = ("，", ",", "。", "；", ";", "：", ":")


def _without_titles(text: str, titles, between: str = "、") -> str:
    """`text` without the chain of these titles it ends with, in any order ("县委常委、副县长"); `between`: the
    characters that may part them (and end the text)."""
    while True:
        text = text.rstrip(between)
        title = next((x for x in titles if x and text.endswith(x)), None)
        if title is None:
            return text
        text = text[:-len(title)]


# Before a name in its clause, what makes it the object, not the subject: "甲在会见乙一行时表示" (乙 is met),
# and right before it or its titles, "甲对乙一行表示欢迎" (乙 is welcomed).
MET_BEFORE_RE = re.compile(f"(?:{trie_regex(CUES['met'])})(?![时中后])[^，,。；;、]{{0,24}}$")   # not 会见时甲表示
TO_BEFORE = ("对", "向", "给")


def _acted_on(span: str, name: str, titles: dict[str, list[str]] | None = None) -> bool:
    """The name is what a verb before it in its clause acts on: who is met or welcomed, not who speaks."""
    at = span.rfind(name)
    if MET_BEFORE_RE.search(span, 0, at) is not None:
        return True
    return _without_titles(span[:at], (titles or {}).get(name, ()), between="").endswith(TO_BEFORE)


def _only_titles(text: str, titles: list[str]) -> bool:
    """The text is nothing but a chain of these titles ("县委副书记、县长"), or empty."""
    return not _without_titles(text, titles, between="、，, ")


# The verb's clause opens with 并 and names nobody: it goes on with the clause before ("…汇报，并作讲话").
CONTINUED_RE = re.compile(r"[，,]并[^，,、]{0,12}$")
# After the named people of a subject, the officials it does not name, up to the verb: one group or several
# ("，县直有关部门负责人", "及有关同志，市四套班子领导", "，各乡镇党委书记，县直各单位主要负责人").
# (cues' unnamed posts, and 、 between the groups: "及各乡镇党委书记、乡镇长，县直各单位主要负责人")
UNNAMED_REST_RE = re.compile(r"(?:(?:[，,、]|以及|及|和)[^，,。；;：:]{0,30}?(?:负责人|负责同志|有关同志|人员|负责干部|干部|领导|"
                             r"班子成员|成员|党委书记|党组织书记|书记|代表|委员|" + trie_regex(CUES["unnamed"]) + r")(?:等)?)+")


# The same team listed at length, each member with their titles and commas between them, then its unnamed rest and the
# trip ("甲带领县委常委、办公室主任乙，副县长丙及县直有关部门负责人，深入…开展调研"): right after the leader, the verb of
# bringing a team; after the last member, the rest up to a comma and the trip (or what the work is about: "，就…开展调研").
LEADS_TEAM_RE = re.compile(f"(?:同志)?(?:{trie_regex(CUES['leads_team'])})(?!队)")
TEAM_THEN_TRIP_RE = re.compile(f"(?:同志)?(?:等|{UNNAMED_REST_RE.pattern})?[，,](?:[^，,。；;]{{0,6}}?(?:{trie_regex(CUES['trip'])}|先后)"
                               r"|[^，,。；;]{0,4}?(?:就|对|围绕))")


def _subjects(span: str, names: list[str], titles: dict[str, list[str]] | None = None,
              before: str = "", own_clause: bool = False) -> list[str]:
    """The names of a verb's subject: every name in the span, if the last one stands close to the verb.
    `titles`: as assign_roles's (a clause opening with 并 goes on with a subject after its titles).
    `own_clause`: only the names of the verb's own clause (for 主持: one or two people chair, and a name
    before a clause of its own did something else)."""
    named = [n for n in _names_in(span, names) if not _cited(span, n, before, titles)]
    found = [n for n in named if not _acted_on(span, n, titles)]
    if own_clause:
        found = _last_clause_names(found, span)
    if not found:
        return []
    if len(found) < len(named):
        return found   # "甲在会见…乙一行时表示": the one who met, however long the clause of whom he met
    tail = span.rfind(found[-1]) + len(found[-1])
    gap = BOOK_TITLE_RE.sub("《》", TOPIC_ASIDE_RE.sub("", span[tail:]))
    if any(c in "，," for c in gap):  # a comma between the name and the verb: only a short aside fits,
        # or the unnamed rest of the subject ("副县长甲，县政府办、县水利局主要负责人一同参加")
        if len(gap) <= MAX_GAP // 2 or UNNAMED_REST_RE.fullmatch(gap):
            return found
        return _continued_subject(span, names, titles or {})
    return found if len(gap) <= 2 * MAX_GAP else []


# The topic a speaker gives their talk, between the name and the verb: no clause of its own, whatever commas its
# title holds ("甲以“牢记初心使命，争当发展先锋”为题，为全县党员干部讲专题党课").
TOPIC_ASIDE_RE = re.compile(r"以[“《][^”》\n]{1,40}[”》]为题[，,]?")
OWN_CLAUSE_MIN = 3   # characters between a name and a comma that make a clause of its own
# A document's title between a name and its verb counts as one word, however long ("乙就《中共某县委关于制定…的建议
# （讨论稿）》作说明").
BOOK_TITLE_RE = re.compile(r"《[^《》\n]{1,120}》")


def _last_clause_names(found: list[str], span: str) -> list[str]:
    """The names of the subject's own clause: not a name whose clause before a comma did something else
    ("副县长甲对植树工作作了具体安排，县林业局局长乙主持会议": 乙 alone chairs). "甲，乙出席" and
    "县领导甲、乙，县直部门负责人丙出席" keep every name."""
    if len(found) < 2:
        return found

    def joined(gap: str, _: str) -> bool:
        comma = min((k for k in (gap.find("，"), gap.find(",")) if k >= 0), default=-1)
        return comma < OWN_CLAUSE_MIN or "、" in gap[:comma]

    return _trailing_list(span, found, joined)


def _continued_subject(span: str, names: list[str], titles: dict[str, list[str]]) -> list[str]:
    """"甲听取了…工作汇报，并作讲话": a clause opening with 并 goes on with the subject of the clause before,
    the names that open it, after nothing but their titles ("会议听取了甲的汇报，并…" has no subject)."""
    m = CONTINUED_RE.search(span)
    if m is None:
        return []
    clause = span[_sentence_start(span, m.start()):m.start()]
    if len(clause) > 2 * MAX_GAP:
        return []
    found = [n for n in _names_in(clause, names) if not _cited(clause, n)]
    if not found:
        return []
    if not _only_titles(clause[:clause.find(found[0])], titles.get(found[0], [])):
        return []
    end = clause.find(found[0]) + len(found[0])
    heads = [found[0]]
    for n in found[1:]:
        at = clause.find(n, end)
        if at < 0 or not LIST_GAP_RE.fullmatch(clause, end, at):
            break
        heads.append(n)
        end = at + len(n)
    return heads


def _sentence_start_hard(text: str, i: int) -> int:
    """Start of the sentence holding text[i - 1]: just after the last sentence end before i."""
    return _run_back(HARD_RUN_RE, text, i)


def _names_in(span: str, names: list[str]) -> list[str]:
    """Known names in a span, in order, a longer name hiding the shorter ones inside it."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for n in names:
        k = span.find(n)
        while k >= 0:
            if not any(a <= k < b for a, b in taken):
                found.append((k, n))
                taken.append((k, k + len(n)))
            k = span.find(n, k + len(n))
    return [n for _, n in sorted(found)]


# How far after 主持 (主持, 主持了) a role verb starts that opens the name of what is chaired ("主持签约仪式").
CHAIRED_OBJECT = (2, 3)


def _roles_for(kind: str, found: list[tuple[str, str, int]]) -> dict[tuple[str, str], int]:
    """(name, role) -> where the role was read. The seeds' conventions: at a meeting or a symposium a speaker
    who did not chair also attended; at a tour its leader (the first speaker) attended."""
    chairs = {n for n, role, _ in found if role == "chair"}
    chaired_at = {(n, at) for n, role, at in found if role == "chair"}
    pairs: dict[tuple[str, str], int] = {}
    for n, role, at in found:
        if role == "chair" and kind == "talks":
            pairs.setdefault((n, "attendee"), at)   # "县长甲主持会谈": who chairs talks takes part in them
            continue
        if role == "chair" and kind == "inspection":
            continue  # a tour has no chair: what its leader chaired on the way is an event of its own
        if role == "attendee" and kind in ("meeting", "symposium") and any((n, at - k) in chaired_at for k in CHAIRED_OBJECT):
            continue  # "县长甲主持签约仪式": the verb in the name of the ceremony 甲 chairs is no attendance
        pairs.setdefault((n, role), at)
        if role == "speaker" and (kind in ("meeting", "symposium") and n not in chairs or kind in ("inspection", "talks")):
            pairs.setdefault((n, "attendee"), at)
    return pairs


# ---------------------------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------------------------

LEAD_SENTENCES = 3  # single-paragraph pages (udn) name other, earlier or later events further on
LEAD_SENTENCE_END_RE = re.compile("[。！？!?]")


def _lead(body: str) -> str:
    """The first paragraph (at most its first three sentences): where a report names its event."""
    cut = body.find("\n")
    first = body if cut < 0 else body[:cut]
    if len(first) < 20:
        first = body[:300]
    ends = []
    for m in LEAD_SENTENCE_END_RE.finditer(first):   # only the first few sentence ends matter
        ends.append(m.start())
        if len(ends) == LEAD_SENTENCES:
            return first[:m.start() + 1]
    return first


def meeting_format(body: str, name: str = "") -> str | None:
    """How the meeting was held, as the body says ("以视频会议形式召开") or its own name does ("全市…电视电话会议")."""
    if not any(cue in body for cue in FORMAT_CUES):
        return None
    m = FORMAT_RE.search(body)
    if m is None:
        m = NAMED_FORMAT_RE.search(name)
        return m.group() if m else None
    found = m.group(1) or m.group(2)
    return "视频会议" if found in ("视频", "视频连线", "网络视频会议") else found


# A line break the scan left inside a sentence: after a character that ends no sentence, before a Han one.
WRAP_RE = re.compile(r"(?<=[\u4e00-\u9fff，、])\n(?=[\u4e00-\u9fff])")
# What ends a sentence before such a break (a line break kept is one too).
SENTENCE_DONE_RE = re.compile(r"[。！？!?；;\n]")


def _unwrapped(body: str) -> str:
    """The body with the line breaks inside sentences taken out ("…等部门负责人，\n深入…防火工\n作。"): a sentence
    the scan wrapped is read whole, its verbs with their subject. Only where a sentence is open, with a comma since
    its start: a heading line ("一、听取春耕工作汇报") opens none and stays a line of its own."""
    if "\n" not in body or WRAP_RE.search(body) is None:
        return body
    parts, at, scan, start = [], 0, 0, 0
    for m in WRAP_RE.finditer(body):
        for done in SENTENCE_DONE_RE.finditer(body, scan, m.start()):
            start = done.end()
        if start < scan or "，" in body[start:m.start()]:
            # (a sentence the last break taken out left open, or a comma since the sentence's start)
            parts.append(body[at:m.start()])
            at = m.end()
        else:
            start = m.end()   # the break is kept: it ends the line
        scan = m.end()
    if not parts:
        return body
    parts.append(body[at:])
    return "".join(parts)


def extract_meetings(ctx: ArticleContext, people: list[PersonMention]) -> list[Meeting]:
    """The events this article reports, with chair / speaker / attendee roles."""
    r = rules()
    if (body := _unwrapped(ctx.body)) is not ctx.body:
        ctx = replace(ctx, body=body)
    names = [p.name for p in people]
    events, at = _locate_events(ctx, names)
    if events and ctx.year and _reported_in(ctx.body[at:], events[0]) \
            and _recalled(ctx.body[at:], events[0], ctx.year, ctx.ref_date):
        # history the report recalls goes; the lead's next sentence may report the event ("1938年，…在此召开群众
        # 大会。4月8日，…调研")
        after = at + _sentence_end(ctx.body[at:], events[0].at) + 1
        events = find_events(_lead(ctx.body[after:]), names)
        at = after
    if not events:
        return []
    if events[0].kind == "inspection" and MODEL_TOUR in events[0].name and any(w in ctx.body for w in REVIEW_NOUNS):
        events[0].kind = "meeting"   # a tour of model sites closed by a review is a 观摩会, the review its part
    sent = _sentence_start_hard(ctx.body[at:], min(events[0].at, len(ctx.body) - at))
    text = ctx.body[at + sent:]  # roles are read from the event's sentence on
    for e in events:
        e.at = max(0, e.at - sent)
    day = event_date(ctx, text, events[0])
    titles = {p.name: p.titles for p in people}
    sequels = _sequels(text, names, events[0])
    # the events that own the roles read in a part of the text: the lead event up to the first sequel's
    # sentence, each sequel from its own on
    starts = [at for at, _ in sequels]
    owners = [events[0], *(q for _, q in sequels)]
    found = [x for x in assign_roles(text, names, r, titles)
             if not _chairs_other(text, x, owners[bisect_right(starts, x[2])], r)]
    found = _each_chairs_one(text, events, found)
    if events[0].kind in ("inspection", "talks"):
        events += _chaired_on_the_way(text[:starts[0]] if starts else text, events, r, names)
    # a sequel stands for the secondary event of its name it may repeat ("…会后，甲主持召开…会议"), and keeps who the
    # lead said chaired it ("甲先后主持召开A会议、B会议。…随后召开的B会议听取了…")
    lead_chairs = {id(q): c for _, q in sequels if not q.chair and
                   (c := next((e.chair for e in events[1:] if e.kind == q.kind and e.name == q.name and e.chair), None))}
    events = [e for k, e in enumerate(events)
              if k == 0 or not any(q.kind == e.kind and q.name == e.name for _, q in sequels)]
    # the leaders of a tour of its own beside the lead's, who speak on it where they speak ("…；下午，乙到…检查…。乙要求…")
    leaders = {id(e): set(_visitors(e.visitor, names, titles)) - set(_visitors(events[0].visitor or "", names, titles))
               for e in events[1:] if e.parallel and e.visitor}
    owner_of = _owner_rule(text, events, owners, starts, leaders)
    # a sequel without a day of its own follows the event before it ("7月1日，甲会见了乙。随后，举行了签约仪式")
    sequel_days: dict[int, date | None] = {}
    before = day
    for _, q in sequels:
        sequel_days[id(q)] = _sequel_date(ctx, text, q, before)
        before = sequel_days[id(q)] or before
    out = []
    for e in events + owners[1:]:
        headline_chairs: list[str] = []
        told: dict[tuple[str, str], str] = {}   # roles the headline or its deck gave, with that line
        if any(e is o for o in owners):   # (by identity: a dataclass compares by value)
            mine = [x for x in found if owner_of(x) is e]
            if e is events[0] and e.kind in ("meeting", "symposium"):
                # the headline names who chaired where the body gives a title alone or no one ("甲主持召开县委
                # 常委会会议" over "县委书记主持召开…"), and who spoke where the body says only 他 ("甲在全县
                # 招商引资工作会议上强调" over "…会议召开。他强调")
                clause = next((c for c in HEADLINE_CLAUSE_RE.split(ctx.title) if _bare_name(e.name) in c), "")
                said = assign_roles(clause, names, r, titles) if clause else []
                if not any(role == "chair" for _, role, _ in mine):
                    headline_chairs = [n for n, role, _ in said if role == "chair"][:1]
                spoke = {n for n, role, _ in mine if role == "speaker"}
                headline_speakers = [n for n, role, _ in said if role == "speaker" and n not in spoke][:1] \
                    or _speech_signer(ctx, names, spoke)
                mine = [(n, "chair", e.at) for n in headline_chairs] + [(n, "speaker", e.at) for n in headline_speakers] \
                    + mine
                # a deck that says who did what ("甲主持并讲话 乙出席"): the roles the body does not give
                for n, role, line in _deck_roles((ctx.title, ctx.subtitle), names, r, titles):
                    if role == "chair" and any(x == "chair" for _, x, _ in mine) or any(x == (n, role) for *x, _ in mine):
                        continue
                    mine.append((n, role, e.at))
                    told[n, role] = line
                told.update(((n, "speaker"), ctx.title) for n in headline_speakers)
            elif e is events[0] and e.kind == "inspection":
                # the headline names who spoke on the tour where the lead tells the tour alone ("甲在某县调研时强调"
                # over "市委书记甲到某县调研…。乙陪同。"): its clause with the tour's visit word
                word = r.visit_re.match(e.name)
                clause = next((c for c in HEADLINE_CLAUSE_RE.split(ctx.title) if word and word.group() in c), "")
                spoke = {n for n, role, _ in mine if role == "speaker"}
                headline_speakers = [n for n, role, _ in (assign_roles(clause, names, r, titles) if clause else [])
                                     if role == "speaker" and n not in spoke][:1]
                mine = [(n, "speaker", e.at) for n in headline_speakers] + mine
                told.update(((n, "speaker"), ctx.title) for n in headline_speakers)
            # talks, and talks held as a symposium ("甲与某集团董事长乙一行座谈"): both sides take part
            visitors = _talks_sides(e.visitor or "", e.name, names) \
                if e.kind == "talks" or e.kind == "symposium" and e.visitor else \
                _visitors(e.visitor, names, titles) if e.visitor else []
            if e.kind == "inspection" and not visitors and e is events[0] and (e.visitor or "") not in text:
                visitors = _lead_trip(text, names, titles)
            if e.kind == "inspection" or e.kind == "meeting" and e.visitor:   # (a talk a leader went to give, too)
                mine = _without_bystanders(text, mine, titles, set(visitors), SITE_OFFICE in e.name) \
                    + [(n, "attendee", at) for n, at in _briefed_by_officials(text, names, titles)
                       if owner_of((n, "attendee", at)) is e]
            if id(e) in lead_chairs and not any(role == "chair" for _, role, _ in mine):
                mine = [(n, "chair", e.at) for n in _names_in(lead_chairs[id(e)], names)[-1:]] + mine
            where = _roles_for(e.kind, mine)
            for n in visitors:
                where.setdefault((n, "attendee"), e.at)
        elif e.parallel:
            where = {(n, "attendee"): e.at for n in _visitors(e.visitor, names, titles)}
            for n, role, at in found:
                if role in ("attendee", "speaker") and owner_of((n, role, at)) is e:
                    where.setdefault((n, role), at)
        else:
            where = {(n, "chair"): e.at for n in _names_in(e.chair or "", names)[-1:]}
            for n, role, at in found:
                if owner_of((n, role, at)) is e:
                    where.setdefault((n, role), at)
        fmt = meeting_format(text, e.name) if e.kind == "meeting" and e is events[0] else None
        evidence = {pair: sentence_at(text, at) for pair, at in where.items()}
        for n in headline_chairs:
            evidence[n, "chair"] = ctx.title
        for (n, role), line in told.items():   # (the line that names them, where the body's sentence does not)
            for pair in ((n, role), (n, "attendee")):
                if pair in evidence and n not in evidence[pair]:
                    evidence[pair] = line
        is_sequel = e is not events[0] and id(e) in sequel_days
        when = sequel_days[id(e)] if is_sequel else day
        if not where and (is_sequel and not (e.kind in SITTINGS and NAME_NUMBER_RE.search(e.name)) or e.team):
            # "会后，县领导分成5个督查组，深入各乡镇开展督查": what followed, with no one named in it; "深圳市考察团来我区
            # 考察。区长甲会见了考察团一行。": a team's tour that nobody named took part in (the talks are the event).
            # A meeting of its series' number is held though no one is named ("会前，县人大常委会召开第三十五次主任会议")
            continue
        out.append(Meeting(kind=e.kind, name=e.name, meeting_date=when, format=fmt, participants=list(where),
                           evidence=sentence_at(text, e.at), participant_evidence=evidence))
    if len(out) > 1 and out[0].kind == "inspection":
        _closing_remarks_on_tour(out, _names_in(events[0].visitor or "", names))
    return out


def _closing_remarks_on_tour(out: list[Meeting], leaders: list[str]) -> None:
    """The tour's leader speaks on the tour where the symposium closing it gives his last word in a sentence of its
    own ("调研结束后，甲主持召开座谈会，听取汇报。甲要求，…": his remarks sum the tour up); not where he speaks in the
    sentence that reports the symposium or his chairing it ("甲主持座谈会并讲话"), the symposium's speech alone, nor
    after a symposium he did not chair ("在随后召开的座谈会上，视察组听取了…汇报。甲指出，…": the symposium's)."""
    tour = out[0]
    for n in leaders:
        if (n, "speaker") in tour.participants or (n, "attendee") not in tour.participants:
            continue
        for m in out[1:]:
            said = m.participant_evidence.get((n, "speaker"))
            if m.kind == "symposium" and m.meeting_date == tour.meeting_date and (n, "chair") in m.participants \
                    and said is not None and said not in (m.evidence, m.participant_evidence.get((n, "chair"))):
                tour.participants.append((n, "speaker"))
                tour.participant_evidence[n, "speaker"] = said
                break


# Presence verbs that name the meeting they attend ("乙参加会议", "丙参加座谈"), and those that name the tour ("丁陪同调研").
AT_THE_MEETING = section_words("meeting_verbs.txt", "at_the_meeting")
ON_THE_TOUR = section_words("meeting_verbs.txt", "on_the_tour")
AT_THE_FLOOR = tuple(section_words("meeting_verbs.txt", "at_the_floor"))
AT_THE_TALKS = tuple(section_words("meeting_verbs.txt", "at_the_talks"))
# ... with the verbs read inside it or after its 并 ("乙、丙参加座谈并发言": 座谈 and 发言 are the meeting's too)
AT_THE_MEETING_AND_RE = re.compile(f"(?:{trie_regex(AT_THE_MEETING)})并?")
AT_THE_MEETING_REACH = 8


# ... or said right after the meeting's name, later in the paragraph ("丁在座谈会上发言", "戊在企业座谈会上作了汇报")
ON_THE_MEETING_RE = re.compile(r"在([^，,。；;！？!?\n在]{0,16}?会(?:议)?)上(?:作了?|进行了?)?(?:补充|交流|表态|典型)?$")
ON_THE_MEETING_REACH = 20


def _said_at_the_meeting(text: str, at: int) -> bool:
    """Whether the role verb at `at` is, or follows with 并, a presence verb that names the meeting."""
    return any(m.start() <= at <= m.end() for m in
               AT_THE_MEETING_AND_RE.finditer(text, max(0, at - AT_THE_MEETING_REACH), at + AT_THE_MEETING_REACH))


# A presence verb before the meeting's own name ("乙陪同调研并参加现场办公会").
PRESENCE_BY_NAME_RE = re.compile(r"(?:参加|出席|列席)了?")


def _attends_by_name(text: str, at: int, meeting: Event) -> bool:
    """Whether the role verb at `at` attends the meeting by its name."""
    m = PRESENCE_BY_NAME_RE.match(text, at)
    return m is not None and text.startswith(meeting.name, m.end())


def _briefed_at(text: str, at: int, meeting: Event, reach: int) -> bool:
    """Whether the role at `at` is a briefing ("乙汇报了…") in the sentence after the meeting's, where that one says the
    meeting heard it ("…主持召开座谈会，听取我县工作汇报。乙汇报了…") or closes with the meeting ("…走访调研，并召开
    座谈会。乙、丙分别汇报了…": what the sentence after it tells was said there)."""
    end = _sentence_end(text, meeting.at)
    if meeting.at < at < end:
        # ... or in the clause right after the meeting's ("期间，甲主持召开座谈会，某县县委书记乙介绍了当地经验")
        return text.startswith(BRIEFING_START, at) and len(CLAUSE_END_RE.findall(text, meeting.at, at)) == 1
    return end < at < reach and text.startswith(BRIEFING_START, at) \
        and ("听取" in text[meeting.at:end] or not CLAUSE_END_RE.search(text, meeting.at, end))


BRIEFING_START = tuple(BRIEFING_VERBS)


def _said_on(text: str, at: int, meeting: Event) -> bool:
    """Whether the role verb at `at` follows the meeting's own name, or its end (在座谈会上 of 企业座谈会), in its paragraph."""
    m = ON_THE_MEETING_RE.search(text, max(0, at - ON_THE_MEETING_REACH), at)
    return m is not None and meeting.name.endswith(m.group(1)) and "\n" not in text[meeting.at:at]


def _owner_rule(text: str, events: list[Event], owners: list[Event], starts: list[int],
                leaders: dict[int, set[str]] | None = None) -> Callable[[tuple[str, str, int]], Event]:
    """Which event a role read at an offset belongs to: the lead event up to the first sequel, each sequel from its
    sentence on; but on a tour, who is present in the sentence of a meeting its leader chaired on the way, or says
    so of the meeting in the next ("…并主持召开防汛调度会。县委书记乙、县长丙参加会议"), attends that meeting, and who
    came along on the tour, said so in a sequel meeting's sentences ("调研结束后，甲主持召开座谈会。乙参加调研"),
    attends the tour; the remarks of who led a tour of its own beside the lead's (`leaders`, by the event's id), and no
    other, are made on it ("上午，甲到…检查；下午，乙到…检查。…乙要求…")."""
    tour = events[0] if events[0].kind == "inspection" else None
    talks = events[0] if events[0].kind == "talks" else None
    on_the_way = [e for e in events[1:] if tour and e.kind in SITTINGS and e.chair and not any(e is o for o in owners)]
    # ... and one its several leaders called, chaired by none of them in the tour's sentence ("甲，乙到某校调研，并召开
    # 教师座谈会。甲主持座谈会，乙讲话。丙参加座谈": 丙 is at the symposium, as who is present at one chaired on the way)
    called_on_tour = [e for e in events[1:] if tour and e.kind in SITTINGS and not any(e is o for o in owners)]
    sittings = [e for e in events + owners if e.kind in SITTINGS]
    reach = {id(e): _sentence_end(text, _sentence_end(text, e.at) + 1) for e in on_the_way}
    parallel = [e for e in events[1:] if e.parallel]
    ends = {id(e): (m.start() if (m := FULL_END_RE.search(text, e.at)) else len(text)) for e in parallel}

    def owner_of(x: tuple[str, str, int]) -> Event:
        name, role, at = x
        if role == "speaker" and leaders:
            for e in parallel:
                if e.at < at and name in leaders.get(id(e), ()):
                    return e
        if role == "attendee":
            for e in parallel:
                if e.at < at < ends[id(e)]:
                    return e   # "…县长乙陪同；副市长丙到我县调研…，副县长丁陪同": 丁 came along on 丙's tour
            for e in on_the_way:
                if e.at < at < _sentence_end(text, e.at) and not text.startswith(ON_THE_TOUR, at) \
                        or e.at < at < reach[id(e)] and (_said_at_the_meeting(text, at) or _attends_by_name(text, at, e)):
                    return e
            held_before = [e for e in on_the_way if e.at < at and not (starts and at >= starts[0])] \
                or [e for e in called_on_tour if e.at < at and not (starts and at >= starts[0])]
            if held_before and _said_at_the_meeting(text, at):
                # "…并召开座谈会听取汇报。县委书记乙汇报了…。县委副书记丙参加座谈": a tour is no 座谈 nor 会议, so who is
                # said to attend one, further on, attends the meeting held on the way before (a sequel's own start on)
                return held_before[-1]
        if role == "speaker":
            for e in on_the_way:
                if name in (e.chair or "") and _chair_closes(text, at, e, sittings) \
                        and bisect_right(starts, e.at) == bisect_right(starts, at):
                    return e   # "…在随后召开的座谈会上，…发言。\n甲指出，…": the chair closes the symposium
        if role in ("attendee", "speaker"):
            for e in on_the_way:
                if role == "speaker" and e.at < at < _sentence_end(text, e.at) and "听取" in text[e.at:at]:
                    return e   # "…主持召开推进会，听取乡党委书记乙的工作汇报": who reports speaks at that meeting
                if e.at < at < reach[id(e)] and (_said_at_the_meeting(text, at) or role == "speaker"
                                                  and text.startswith(AT_THE_FLOOR, at)) \
                        or e.at < at and _said_on(text, at, e) \
                        or role == "speaker" and _briefed_at(text, at, e, reach[id(e)]):
                    return e
        if tour and role in ("attendee", "speaker") and not text.startswith(ON_THE_TOUR, at):
            # "甲主持座谈会，乙讲话": the sentence that opens with the chair's verb naming a meeting held on the tour
            sentence = _sentence_start_hard(text, at)
            chaired = text.find("主持", sentence, at)
            if chaired >= 0 and CLAUSE_END_RE.search(text, sentence, chaired) is None \
                    and (held := _chaired_by_name(text, chaired, called_on_tour)) is not None:
                return held
        if role == "attendee" and (text.startswith(WATCHING, at) or text.endswith(BRANCH_VENUE, 0, at)):
            # "…电视电话会议召开。会议结束后，我县召开…会议。县长甲在县分会场收听收看全市会议": the conference watched
            # (also who is there by any presence verb: "甲、乙在县分会场参加全省会议")
            watched = next((e for e in sittings if NAMED_FORMAT_RE.search(e.name)), None)
            if watched is not None:
                return watched
        # "签约前，甲会见了乙一行。副县长丙主持签约仪式": the meeting its verb names (and the verb read inside that name)
        chair_at = at if role == "chair" else next((at - len(v) for v in CALLED_BY_CHAIR if text.endswith(v, 0, at)), None)
        if chair_at is not None and (chaired := _chaired_by_name(text, chair_at, sittings)) is not None:
            return chaired
        named = _opened_at(text, at, sittings)
        if named is not None:
            return named   # "县政府常务会议上，副县长乙参加会议": the meeting the sentence opens with
        para = text.rfind("\n", 0, at) + 1
        if bisect_right(starts, para) == bisect_right(starts, at) and not text.startswith(ON_THE_TOUR, at):
            # "在县政府常务会议上，乙要求…。副县长丙出席会议。": or its paragraph, with no sequel after its start (not
            # who is said to come along on the tour: "座谈会上，…。乙参加调研。")
            named = _opened_at(text, at, sittings, para)
            if named is not None:
                return named
        owner = owners[bisect_right(starts, at)]
        if tour and owner is not tour and owner.kind in SITTINGS and text.startswith(ON_THE_TOUR, at):
            return tour
        if talks and owner is not talks and owner.kind in SITTINGS and text.startswith(AT_THE_TALKS, at):
            return talks   # "…会见了乙一行。随后，双方举行签约仪式。…丙参加会见": the talks, not the signing
        if role == "speaker" and owner.kind == "talks" and (text.endswith(IN_AN_ADDRESS, 0, at)
                                                            or text.startswith(ADDRESS_GIVEN, at)):
            held = [e for e in events + owners if e.kind in SITTINGS and e.at < owner.at]
            if held:
                return held[-1]   # "签约仪式前，甲会见了…。乙在致辞中表示，…": talks give no address; the ceremony's
        if talks and role == "speaker" and owner is not talks and SIGNING_WORD_RE.search(owner.name) \
                and name in (talks.visitor or "") + talks.name and text.startswith(TALKS_REMARKS, at):
            return talks   # "…会见了乙一行。随后，双方举行签约仪式。…甲表示，…乙介绍了…": the sides' words at the talks
        return owner

    return owner_of


# Words said in an address (致辞): a ceremony's or a meeting's, never talks'.
IN_AN_ADDRESS = ("在致辞中", "致辞时")
ADDRESS_GIVEN = ("致辞中", "致辞时")   # (致辞 read as the verb itself)
# The remarks the two sides of talks exchange ("甲表示", "乙介绍了"), not a speech given at a ceremony (致辞, 讲话).
TALKS_REMARKS = ("表示", "介绍", "说", "希望", "指出")


# What a chair's verb names as the meeting chaired, up to the clause's end ("主持签约仪式。"); not a meeting
# called (主持召开: the event's own verb), a list of them ("分别主持召开A会议和B会议"), nor the bare 会议 or 大会
# ("主持会议并讲话": the meeting the sentence speaks of).
CHAIRED_NAMED_RE = re.compile(r"主持(?:了)?(?!召开)([^，,。；;！？!?\n并、和与及]{3,40}?)(?=[，,。；;！？!?\n并]|$)")


def _chaired_by_name(text: str, at: int, sittings: list[Event]) -> Event | None:
    """The one meeting or symposium of the article that the chair's verb at `at` names by its name or its end
    ("主持签约仪式" of 我县与某集团签约仪式), else None: who chairs it chairs that one, wherever the sentence stands."""
    m = CHAIRED_NAMED_RE.match(text, at)
    if m is None:
        return None
    said = m.group(1)
    found = {id(e): e for e in sittings if e.name.endswith(said) or said.endswith(e.name) or _short_name_of(said, e.name)}
    return next(iter(found.values())) if len(found) == 1 else None


def _chair_closes(text: str, at: int, meeting: Event, sittings: list[Event]) -> bool:
    """Whether the paragraph before the one opening at `at` opens at `meeting`, held after the tour's visits ("在随后召开
    的座谈会上，…发言。"), and `at` opens its own paragraph: what its chair says next closes that meeting."""
    para = text.rfind("\n", 0, at) + 1
    if para == 0 or text[para:at].strip() and _sentence_start_hard(text, at) != para:
        return False
    before = text.rfind("\n", 0, para - 1) + 1
    opened = LATER_OPENED_RE.match(text, before) if before > 0 else None
    return opened is not None and _opened_at(text, opened.end(), sittings, before) is meeting


# A sentence that opens with the meeting it speaks of ("座谈会上，", "县政府常务会议上，").
OPENED_AT_RE = re.compile(r"([^，,。；;！？!?\n]{2,24}?)上[，,]")
# ... said with when it was held ("在随后召开的座谈会上，"): the words before the name are no part of it.
OPENED_HELD_RE = re.compile(r"^在?(?:随后|之后|当天下午|当天晚上|当天|当日|下午|晚上)?(?:召开|举行)的")


def _opened_at(text: str, at: int, sittings: list[Event], start: int | None = None) -> Event | None:
    """The one meeting or symposium of the article that the sentence holding `at` (or the text from `start`) opens
    with, by its name or its short name ("座谈会上，乙汇报了…" after "…调研，并主持召开座谈会"), else None."""
    m = OPENED_AT_RE.match(text, _sentence_start_hard(text, at) if start is None else start)
    if m is None or m.end() > at:
        return None
    said = OPENED_HELD_RE.sub("", m.group(1))
    found = {id(e): e for e in sittings if e.name.endswith(said) or said.endswith(e.name) or _short_name_of(said, e.name)}
    return next(iter(found.values())) if len(found) == 1 else None


# A briefing a tour's leader heard, named by who gave it ("听取了县长乙的工作汇报", "听取了县发改局局长丙关于…的情况介绍").
HEARD_ON_TOUR_RE = re.compile(r"听取(?:了)?([^，,。；;：:]{2,30}?)(?:同志)?(?:关于[^，,。；;：:]{1,40}?)?的[^，,。；;：:]{0,24}?(?:汇报|介绍)")
# ... and without 的, the briefing right after the name ("听取了县长乙工作汇报"): read apart, so that a list read above
# ("听取了县发改局工作汇报和副县长乙的情况介绍") is not cut short at its first 工作汇报.
HEARD_BARE_ON_TOUR_RE = re.compile(r"听取(?:了)?([^，,。；;：:]{2,30}?)(?:同志)?(?:工作|情况|有关情况)(?:汇报|介绍)")
# A post of a county, a district, a city or a province (not a village's or a company's): who holds one and briefs the
# tour is one of the officials with it (meeting_posts.txt: not a county firm's head, "县城投集团董事长").
REGION_OFFICE_RE = re.compile(f"^(?!.*(?:{'|'.join(section_words('meeting_posts.txt', 'firm_words'))}))"
                              f"(?:{'|'.join(section_words('meeting_posts.txt', 'region_heads'))})[^村]*?"
                              f"(?:{'|'.join(section_words('meeting_posts.txt', 'region_posts'))})$")


def _briefed_by_officials(text: str, names: list[str], titles: dict[str, list[str]]) -> list[tuple[str, int]]:
    """(name, offset) of who briefed the tour's leader and holds a county's or a higher post ("副市长甲到我县调研，听取了
    县长乙的工作汇报"): they were there. Not a village's or a company's head (村党支部书记, 公司董事长), whom a report may
    only cite."""
    out = []
    for heard in (HEARD_ON_TOUR_RE, HEARD_BARE_ON_TOUR_RE):
        for m, who, found in _report_givers(heard, text, names):
            own = titles.get(found[-1], [])
            if _only_titles(who[:who.rfind(found[-1])], own) and any(REGION_OFFICE_RE.match(t) for t in own) \
                    and (found[-1], m.start(1)) not in out:
                out.append((found[-1], m.start(1)))
    return out


def _lead_trip(text: str, names: list[str], titles: dict[str, list[str]]) -> list[str]:
    """Who made a tour the headline names without a name ("市委书记到我县督导安全生产"), where the lead's first sentence
    has no visit verb of its own: the person (or list) whose trip it tells ("11月3日，市委书记甲走进县化工园区…")."""
    first = text[:_sentence_end(text, 0)]
    for n in _names_in(first, names):
        trip = TRIP_AFTER_NAME_RE.match(first, first.find(n) + len(n))
        if trip and trip.end() > first.find(n) + len(n):
            return _visitors(first[:trip.end()], names, titles)
    return []


# On a tour, the words of a quote rather than of a leader's remarks ("村民甲高兴地说", "基地负责人乙表示"), and the posts of
# office: who is quoted without holding one is a bystander the report heard, not one who took part (meeting_posts.txt).
QUOTE_VERBS = section_words("meeting_posts.txt", "quote_verbs")
QUOTE_BRIEFING_VERBS = QUOTE_VERBS + section_words("meeting_posts.txt", "briefing_verbs")
# A leader's site office at a firm: who briefs it there is the party it is held with ("到某公司现场办公").
SITE_OFFICE = "现场办公"
OFFICE_RE = re.compile("|".join(section_words("meeting_posts.txt", "offices")))
# A post held once: a retired official a leader calls on ("原县委书记甲说") holds no office now; not a place whose name
# opens with 原 ("原州区委书记", "原平市委书记": no level or 副 right after 原, or two levels in a row).
FORMER_RE = re.compile(r"^(?:退休|离休|原(?:任)?(?=[副正党政人县区市州镇乡村省旗盟])(?![县区市州镇乡村旗盟][县区市州镇乡村旗盟]))")


def _without_bystanders(text: str, found: list[tuple[str, str, int]], titles: dict[str, list[str]],
                        visitors: set[str], site_office: bool = False) -> list[tuple[str, str, int]]:
    """The roles of a tour but those of people only quoted (QUOTE_VERBS, and a briefing but at a site office) and
    holding no office by their titles."""
    quoted = QUOTE_VERBS if site_office else QUOTE_BRIEFING_VERBS
    quoted_only = {n for n, _, _ in found} - visitors
    for n, _, at in found:
        if not text.startswith(quoted, at) or any(OFFICE_RE.search(t) and not FORMER_RE.match(t)
                                                        for t in titles.get(n, ())):
            quoted_only.discard(n)
    return [x for x in found if x[0] not in quoted_only]


# A speech printed whole under its headline ("在全县经济工作会议上的讲话"), signed on the line below.
SPEECH_TEXT_RE = re.compile(r"^在[^，,。；;]{2,60}(?:上|中)的(?:讲话|致辞|报告|发言|总结讲话|动员讲话)(?:[（(][^）)]{1,12}[)）])?$")


def _speech_signer(ctx: ArticleContext, names: list[str], spoke: set[str]) -> list[str]:
    """Who gave a speech printed whole: the one person its signature line (the deck: "县委书记 甲") names."""
    if not ctx.subtitle or not SPEECH_TEXT_RE.match(ctx.title or ""):
        return []
    signed = [n for n in _names_in(ctx.subtitle, names) if n not in spoke]
    return signed if len(signed) == 1 else []


# Events held sitting down: after one, any event a sequel sentence reports is another; after a tour or talks, only
# one of these is (the tour's next stop is the same tour).
SITTINGS = frozenset({"meeting", "symposium"})
# A sentence's own date opening it ("7月6日，", "6日上午，"): a sequel only on another day than the lead's.
OPENING_DAY = r"(?:\d{1,2}月)?\d{1,2}日(?:[上下]午|晚上?|早上)?[，,]"
OPENING_DAY_RE = re.compile(r"(?:\d{1,2}月)?\d{1,2}日")
# The part of the day after a sequel's or the lead's day ("7月8日下午"): another part of the lead's day is an event
# of its own (_sequels).
DAY_PART_RE = re.compile(r"[上中下]午|晚上?|早上")
# A sentence that reports what followed the article's event: "会后，甲一行深入…调研", "当天下午，乙主持召开…",
# "7月6日，丙主持召开…".
SEQUEL_RE = re.compile(f"(?:^|(?<=[。！？!?\n]))(?:(?:{trie_regex(CUES['sequel'])})[，,]?"
                       f"|{OPENING_DAY})")


# A speech verb and a colon: what follows is what was said, not what was done ("甲就…提出具体要求：要…").
SAID_COLON_RE = re.compile(r"(?:要求|强调|指出|表示|说|提出|希望)[：:]")
NEXT_DAY_RE = re.compile(r"次日|第二天|翌日")   # matched at the sentence start
SEQUEL_DATE_REACH = 8   # a sequel's own date follows its cue word ("随后，5月11日，…")


# The clauses of a headline: a headline may name two events ("甲主持召开县委常委会会议 乙出席全县安全生产大会").
HEADLINE_CLAUSE_RE = re.compile(r"[ 　，,；;]")


# The number and year of a meeting in its series, which a headline leaves out ("县政府第21次常务会议" over
# "甲主持召开县政府常务会议").
NAME_NUMBER_RE = re.compile(r"第[0-9一二三四五六七八九十百零〇两]{1,5}次|\d{4}年度?")


def _bare_name(name: str) -> str:
    """A meeting's name without who held it and its number, as a headline may shorten it ("县委常委会会议" ->
    "常委会会议", "县政府第21次常务会议" -> "府常务会议")."""
    name = NAME_NUMBER_RE.sub("", name) or name
    return name[-5:] if len(name) > 5 else name


# Between the names of a headline's deck that says who did what: nothing, or a separator ("甲某乙某丙某出席", names written back to back).
DECK_GAPS = ("", "、", "，", ",", "和", "及")


def _deck_roles(lines: tuple[str | None, ...], names: list[str], r: Rules,
                titles: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    """(name, role, line) of the clauses of a headline or its deck that are nothing but names (perhaps after
    their titles) and what they did ("甲主持并讲话 乙出席", "乙讲话 丙主持"): the roles at the article's meeting,
    however little of them its body says."""
    out = []
    for line in lines:
        for clause in HEADLINE_CLAUSE_RE.split(line or ""):
            found = _names_in(clause, names)
            if not found or not _only_titles(clause[:clause.find(found[0])], titles.get(found[0], [])):
                continue
            end = clause.find(found[0]) + len(found[0])
            for n in found[1:]:
                at = clause.find(n, end)
                if at < 0 or clause[end:at] not in DECK_GAPS:
                    break
                end = at + len(n)
            else:
                if _only_role_verbs(clause[end:], r):
                    out.extend((n, role, line) for n, role, _ in assign_roles(clause, names, r, titles))
    return out


# What may stand before a deck's role verb besides whom the speaker speaks for ("主持并讲话", "甲同志讲话", "等出席").
DECK_JOINERS = ("同志", "并", "等")
# Whom a deck's speaker speaks for, before the verb: "甲代表县委常委会作工作报告".
ON_BEHALF_RE = re.compile(r"代表[^，,、\s]{1,12}?(?=作|致|讲|发言|宣读)")


def _only_role_verbs(text: str, r: Rules) -> bool:
    """The text is one or more role verbs and nothing else but 并 and 等 ("主持并讲话", "出席", "等出席"), and whom
    they spoke for ("代表县委常委会作工作报告")."""
    at = 0
    while at < len(text):
        joiner = next((w for w in DECK_JOINERS if text.startswith(w, at)), "")
        behalf = ON_BEHALF_RE.match(text, at + len(joiner))
        at = behalf.end() if behalf else at + len(joiner)
        m = r.role_re.match(text, at)
        if m is None:
            return False
        at = m.end()
    return bool(text)


def _sequel_date(ctx: ArticleContext, text: str, e: Event, day: date | None) -> date | None:
    """A sequel's date: the one its sentence gives ("5月11日，…"), the day after the article's event when it
    says so ("次日，…"), else the event's day ("会后", "当天下午")."""
    start = _sentence_start_hard(text, min(e.at, len(text)))
    for m in find_dates(text[start:start + SEQUEL_DATE_REACH + 16]):
        if m.start > SEQUEL_DATE_REACH:
            break   # a date further on is what the sequel speaks of ("要求6月30日前完工"), not when it was
        if not m.month_only:
            found = resolve_date(m, year=ctx.year, ref=ctx.ref_date)
            if found is None and m.month is None and m.days_before is None and day is not None:
                found = _day_after_lead(m.day, day)   # "12月23日至24日，…。24日下午，…": the lead's month
            if found is not None:
                return found
    if day is not None and NEXT_DAY_RE.match(text, start):
        return day + timedelta(days=1)
    return day


def _day_after_lead(d: int, lead: date) -> date | None:
    """A bare day of a sequel, with no publication date to read it against: the lead's month, or the next
    one when the day is before the lead's (a day before it is a recall, which _sequels leaves out)."""
    y, month = lead.year, lead.month
    if d < lead.day:
        y, month = (y, month + 1) if month < 12 else (y + 1, 1)
    try:
        return date(y, month, d)
    except ValueError:
        return None


# Whom a call on people names as the meeting's own ("参加仪式的老党员", "参加座谈会的企业家", "与会代表").
MEETING_PEOPLE_RE = re.compile(r"参加(?:了)?[^，,。；;！？!?\n的]{0,10}?(?:会议?|仪式|活动|典礼)的|与会")


# A tour of model sites (观摩会, 观摩活动, "观摩了…项目") and the review meetings that close one (meeting_cues.txt review).
MODEL_TOUR = "观摩"
REVIEW_NOUNS = tuple(CUES["review"])


def _review_of(name: str, tour: Event) -> bool:
    """Whether the meeting named is the review closing the article's tour of model sites (a part of it)."""
    return MODEL_TOUR in tour.name and name.endswith(REVIEW_NOUNS)


def _sequels(text: str, names: list[str], first: Event) -> list[tuple[int, Event]]:
    """Events of their own that sentences after the lead event report, with where each sentence starts (the
    roles read from there on are that event's)."""
    out: list[tuple[int, Event]] = []
    sitting = first.kind in SITTINGS
    lead_day = None
    lead_part = ""
    for m in SEQUEL_RE.finditer(text):
        if m.start() <= first.at:
            continue
        if m.group()[0].isdigit():
            if lead_day is None:
                lead = _sentence_start_hard(text, min(first.at, len(text)))
                day = OPENING_DAY_RE.search(text, lead, lead + SEQUEL_DATE_REACH + 6)
                lead_day = day.group() if day is not None else ""
                part = DAY_PART_RE.match(text, day.end()) if day is not None else None
                lead_part = part.group() if part else ""
            day = OPENING_DAY_RE.match(m.group()).group()
            part = DAY_PART_RE.match(m.group(), len(day))
            # (the same day's other part is another event: "7月8日上午，…视频会议召开…。7月8日下午，我县召开…座谈会";
            # an earlier day's is a recall like any earlier day: "7月8日下午，…。7日上午，…")
            other_part = bool(lead_part and part and part.group() != lead_part
                              and (day == lead_day or lead_day.endswith(day)))
            if not other_part and (not lead_day or day == lead_day or lead_day.endswith(day) or _earlier_day(day, lead_day)):
                # the lead's day again ("7月5日，会议指出…"), a lead with no day to differ from, or a day before
                # the lead's: what is recalled ("5月6日，…。4月28日，中央政治局召开会议。")
                continue
        sentence = text[m.start():_sentence_end(text, m.end())]
        found = find_events(sentence, names)
        if not found:
            continue
        if m.group()[0].isdigit() and not _names_in(text[m.start():_sentence_end(text, _sentence_end(text, m.end()) + 1)],
                                                     names):
            # "4月28日，中央政治局召开会议。": a meeting recalled, with no one of the article acting in it or in
            # the sentence after it ("5月8日，县政府召开常务会议。甲主持会议。" is a sequel)
            continue
        if found[0].name in ("会议", "大会", "全会") or found[0].name.endswith(SESSION_PARTS):
            continue   # "7日，大会举行闭幕会", "30日，全会举行第二次全体会议": a sitting of the lead's congress or plenum
        if SAID_COLON_RE.search(sentence, 0, found[0].at):
            continue   # "会议结束后，甲提出具体要求：要…强化巡查": what he asks for, not an event
        if sitting and found[0].kind == "inspection" and found[0].name.startswith(CALLS_ON) \
                and MEETING_PEOPLE_RE.search(found[0].name):
            continue   # "仪式前，甲看望了参加仪式的老党员代表": a call on the meeting's own people is a part of it
        if _review_of(found[0].name, first):
            continue   # "…观摩会举行。…观摩结束后，召开了讲评会": the review that closes the tour is a part of it
        other = _another_leader(text, first, sentence[:found[0].at], m.group(), names)
        if found[0].kind == first.kind and _same_event_named(first.name, found[0].name) and not other:
            continue   # "…座谈会。当天，甲主持座谈会": the lead's event again, perhaps by a short name
        if found[0].kind not in SITTINGS and not (first.kind == "talks" and m.group().startswith(TALKS_CUES)) \
                and not other and not _talks_on_tour(first, found[0]) \
                and not _another_errand(first, found[0], m.group()) and (
                not sitting or m.group().startswith(SAME_DAY_CUES) and not _names_in(sentence[:found[0].at], names)):
            # "…调研。随后，甲来到龙潭镇，检查…": the next stop of the same tour ("随后，甲主持召开座谈会" is not);
            # "…现场会。当天，与会人员观摩了…": a part of the meeting's day ("同日，县长甲到…检查" is a tour); a tour
            # said to come before or after the talks is one of its own ("会见前，考察团一行到…考察"; not "当天，考察团一行
            # 还来到…": the visitors' day, no event)
            continue
        e = found[0]
        e.at += m.start()
        out.append((m.start(), e))
    if first.kind != "talks":
        # talks held during a visit or beside a meeting, in a sentence with no sequel cue ("…率考察团来我县考察。县委书记
        # 甲会见了考察团一行。", "…签约仪式举行。…签约前，甲会见了乙一行"): talks of their own
        # ... and a meeting the sentence opens with ("在随后召开的座谈会上，甲听取了…", "督导反馈会上，乙汇报了…")
        # Only the lead's paragraph and the next: further on a report tells background ("今年以来，甲先后会见…"), and
        # reading every sentence of a long body costs time. A sentence must hold talks or open with a meeting on
        # the way (cheap tests first), and not open with a time of its own nor count its talks.
        taken = {at for at, _ in out}
        kinds = {e.kind for _, e in out}
        para = text.find("\n", first.at)
        stop = len(text) if para < 0 else text.find("\n", para + 1)
        stop = len(text) if stop < 0 else stop
        opens: list[re.Match[str]] = list(SENTENCE_OPEN_RE.finditer(text, _sentence_end(text, first.at) + 1, stop))
        if first.kind == "inspection" and text.find("召开的", stop) >= 0:
            # further on, only a sentence that opens with the meeting held next ("在随后召开的座谈会上，"): a tour's
            # report may close with it a paragraph or two after the stops
            opens += LATER_OPENED_RE.finditer(text, stop)
        for m in opens:
            sentence = text[m.start():_sentence_end(text, m.start())]
            talks = TOUR_TALKS_RE.search(sentence)
            opened = OPENED_ON_TOUR_RE.match(sentence)
            if talks is None and (first.kind != "inspection" or not opened) \
                    or OWN_TIME_RE.search(sentence, 0, _clause_end(sentence, 0)) \
                    or talks is not None and COUNTED_TALKS_RE.search(
                        sentence, _sentence_start(sentence, talks.start()), _clause_end(sentence, talks.end())):
                continue
            if m.start() in taken:
                continue
            found = find_events(sentence, names)
            if not found or found[0].kind in kinds:
                continue   # the talks or the meeting named again ("…参加会谈") are the same
            if _talks_on_tour(first, found[0]) and not _leader_meets_on_tour(first, found[0], names) \
                    or first.kind == "inspection" and found[0].kind in SITTINGS and opened \
                    and found[0].at < opened.end() \
                    and text.find(found[0].name, 0, m.start()) < 0:   # (not one held on the way: "…并主持召开座谈会")
                e = found[0]
                e.at += m.start()
                out.append((m.start(), e))
                kinds.add(e.kind)
        out.sort(key=lambda x: x[0])
    return out


# A sentence of a tour's report that opens with a meeting held on it: "在随后召开的座谈会上，", "督导反馈会上，".
OPENED_ON_TOUR_RE = re.compile(r"(?:在)?(?:[^，,。；;！？!?\n]{0,12}?(?:召开|举行)的)?[^，,。；;！？!?\n]{1,20}?会(?:议)?上[，,]")
# ... and the same sentence said to follow the tour, read in any paragraph after the lead's next.
LATER_OPENED_RE = re.compile(r"(?<=[。！？!?\n])在?(?:随后|之后|当天下午|当天晚上|当天|当日|下午|晚上)召开的"
                             r"[^，,。；;！？!?\n]{1,20}?会(?:议)?上[，,]")
# Where a sentence opens (after its end mark): the sentences after the lead read for talks of their own and for a
# meeting a tour's sentence opens with (_sequels).
SENTENCE_OPEN_RE = re.compile(r"(?<=[。！？!?\n])(?=[^\s。！？!?])")


# Talks reported after a tour or a meeting that are an event of their own (meeting_cues.txt tour_talks).
TOUR_TALKS_RE = re.compile(trie_regex(CUES["tour_talks"]))
# A later sentence's own time, and talks counted (meeting_cues.txt own_time, counted_talks): background.
OWN_TIME_RE = re.compile(trie_regex(CUES["own_time"]))
COUNTED_TALKS_RE = re.compile(f"{trie_regex(CUES['counted_talks'])}|{COUNTED_RE.pattern}")


# The parts of a day that open a sequel ("下午，", "当天下午，").
DAY_PART_CUE_RE = re.compile(r"^(?:当天|当日|同日)?(?:[上中下]午|晚上|当晚)")


TOUR_STOPS = frozenset(CUES["tour_stop"])


def _another_errand(first: Event, found: Event, cue: str) -> bool:
    """"上午，甲到某镇调研…。下午，甲到某水库督导防汛工作": another part of the day on another errand (another visit
    verb, not one of a tour's stops) is a tour of its own, not the next stop of the morning's ("下午，甲继续调研",
    "下午，甲来到白石镇，实地察看…" are)."""
    if first.kind != "inspection" or found.kind != "inspection" or not DAY_PART_CUE_RE.match(cue):
        return False
    verbs = rules().visit_re
    a, b = verbs.search(first.name), verbs.search(found.name)
    return a is not None and b is not None and a.group() != b.group() and b.group() not in TOUR_STOPS


def _leader_meets_on_tour(first: Event, found: Event, names: list[str]) -> bool:
    """Talks the tour's own leader holds at a stop of it ("…调研。调研期间，甲会见了某公司总经理乙一行"): a part of the
    tour, not an event of its own (the host of a visiting team's talks is another: "…率考察团来我县考察。县委书记甲会见
    了考察团一行")."""
    if first.kind != "inspection" or not first.visitor or not found.visitor:
        return False
    leaders = _names_in(first.visitor, names)
    return bool(leaders) and bool(set(leaders) & set(_names_in(found.visitor, names)))


def _talks_on_tour(first: Event, found: Event) -> bool:
    """Talks (会见, 会谈) reported after a visit or a meeting are an event of their own, not the next stop of the tour
    nor a part of the meeting."""
    return first.kind != "talks" and found.kind == "talks" and TOUR_TALKS_RE.search(found.name) is not None


# After a name, that its bearer only accompanies: "在县长乙的陪同下", "乙陪同".
ESCORT_AFTER_RE = re.compile(r"(?:同志)?的?(?:陪同|一同|随同)")
# Sequel cues that place what they open before or after the talks reported ("会见前，", "会谈结束后，").
TALKS_CUES = ("会见", "会谈")
# Sequel cues that say when, not what followed: after them a tour led by someone else is a tour of its own.
SAME_DAY_CUES = ("同日", "当天", "当日", "当晚", "上午", "下午", "晚上")


DAY_PARTS_RE = re.compile(r"(?:(\d{1,2})月)?(\d{1,2})日")


def _earlier_day(day: str, lead_day: str) -> bool:
    """`day` ("4月28日", "7日") comes before the lead's ("5月6日"); a day alone is of the lead's month."""
    d, ld = DAY_PARTS_RE.match(day), DAY_PARTS_RE.match(lead_day)
    if d is None or ld is None:
        return False
    month, lead_month = int(d.group(1) or ld.group(1) or 0), int(ld.group(1) or 0)
    return (month, int(d.group(2))) < (lead_month, int(ld.group(2)))


def _same_event_named(lead: str, name: str) -> bool:
    """The lead event's name, or an end of it with at most a short head ("座谈会", "县调度会" for
    "全县重点项目建设调度会")."""
    return name == lead or lead.endswith(name) or _short_name_of(name, lead)


def _another_leader(text: str, first: Event, before: str, cue: str, names: list[str]) -> bool:
    """After a tour, a sequel sentence of the same day or another day names, before its event, only people
    the lead's sentence does not, which names someone ("县委书记甲到石桥乡调研。同日，县长乙到城关镇调研": two
    tours)."""
    if first.kind in SITTINGS or not (cue.startswith(SAME_DAY_CUES) or cue[0].isdigit()):
        return False
    # (not who accompanies: "下午，在县长乙的陪同下，调研组一行来到…" goes on with the same tour)
    leaders = [n for n in _names_in(before, names) if not ESCORT_AFTER_RE.match(before, before.find(n) + len(n))]
    lead = text[_sentence_start_hard(text, min(first.at, len(text))):_sentence_end(text, first.at)]
    led = _names_in(lead, names)
    return bool(leaders) and bool(led) and not set(leaders) & set(led)


# A paragraph opening with the day of what it reports ("3月16日，", "2023年3月16日上午，").
DATED_LEAD_RE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上中下]午|晚上?)?[，,]")


# A paragraph opening with an errand done ("接访结束后，", "活动结束后，").
AFTER_ERRAND_RE = re.compile(r"^[^，,。；;！？!?\n]{1,6}结束后[，,]")


def _locate_events(ctx: ArticleContext, names: list[str]) -> tuple[list[Event], int]:
    """The events of the lead, else those the headline names, found again in the paragraph that reports
    them (a report may open with something else: "郑十…作出重要指示…" before the meeting)."""
    body = ctx.body
    events = find_events(_lead(body), names)
    if events:
        return events, 0
    headline = " ".join(x for x in (ctx.title, ctx.subtitle) if x)
    if not find_events(headline, names):
        first, _, rest = body.partition("\n")
        events = find_events(_lead(rest), names) if len(first) < 200 and rest else []
        if events:
            return events, len(first) + 1
        # a long opening paragraph of background, then the report's own lead, dated ("…。\n3月16日，全县…推进会召开")
        second, _, _ = rest.partition("\n")
        if len(first) >= 200 and DATED_LEAD_RE.match(second):
            events = find_events(_lead(rest), names)
        if events:
            return events, len(first) + 1
        events, at = _dated_paragraph_events(body, names)
        if events:
            return events, at
        # a later paragraph opening with the lead's errand done ("接访结束后，甲主持召开…会议"): what followed it
        at = len(first) + 1
        for para in rest.split("\n"):
            if AFTER_ERRAND_RE.match(para) and (found := find_events(para, names)):
                return found, at
            at += len(para) + 1
        return [], 0
    at = 0
    for para in body.split("\n"):
        found = find_events(para, names)
        if found:
            return found, at
        at += len(para) + 1
    return find_events(headline, names), 0


def _dated_paragraph_events(body: str, names: list[str]) -> tuple[list[Event], int]:
    """The events of a later paragraph that opens with its day, where neither the lead nor the headline names
    one: a feature's scene first, then the news of the day ("…\n6月23日，县委常委甲到镇调研…")."""
    at = body.find("\n") + 1
    while at > 0:
        nxt = body.find("\n", at)
        if DATED_LEAD_RE.match(body, at):
            para = body[at:] if nxt < 0 else body[at:nxt]
            events = find_events(_lead(para), names)
            if events:
                return events, at
        at = nxt + 1
    return [], 0


# After a date, what makes it a clause of its own: a part of the day, then a comma ("5月11日上午，").
DATE_CLAUSE_RE = re.compile(r"(?:[上中下]午|晚上?|早上|凌晨|傍晚)?[，,]")


# A year standing as a clause of its own before an event in its sentence ("1938年，…县长甲在此召开群众大会", "1938年5月，");
# not a year of the meeting's name ("1996年度…表彰大会").
DAY_RE = re.compile(r"\d{1,2}月\d{1,2}日")
# A paper reports last year's days as news in the first months of the year only ("去年12月28日" in January; in
# a July feature it is the background).
LAST_YEAR_NEWS_MONTHS = 2
LAST_YEAR = ("去年", "上年")   # the year before the paper's (meeting_passing.txt past, the nearest two)
YEAR_BEFORE_RE = re.compile(r"((?:1[89]|20)\d\d)年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:[上下]午)?[，,]")
# ... and the year said as one gone by (meeting_passing.txt past: "去年11月，", "前年，")
YEARS_AGO_BEFORE_RE = re.compile(f"(?:{PAST_RE})(?:\\d{{1,2}}月)?(?:\\d{{1,2}}日)?(?:[上下]午)?[，,]")


def _recalled(text: str, event: Event, year: int, ref: date | None = None) -> bool:
    """The event's sentence dates it years before the article ("1938年，…在此召开群众大会"): history the report
    recalls, not an event it reports; unless a day with no year follows the last year before the event
    ("2020年，我县启动创建工作，5月8日，…验收会召开": the background's year, then the event's day), or it is
    last year's day in a paper of the year's first months (`ref`, when the page's day is known)."""
    at = min(event.at, len(text))
    last = None
    years = []
    for last in YEAR_BEFORE_RE.finditer(text, _sentence_start_hard(text, at), at):
        years.append(int(last.group(1)))
    for last in YEARS_AGO_BEFORE_RE.finditer(text, _sentence_start_hard(text, at), at):
        # "去年11月，县委书记甲到白马村调研时叮嘱…": a year gone by, said so; but last year's day
        # ("去年12月28日，县委书记甲主持召开…", in a January paper) dates an event the article reports
        reported = last.group().startswith(LAST_YEAR) and DAY_RE.search(last.group()) is not None \
            and (ref is None or ref.month <= LAST_YEAR_NEWS_MONTHS)
        years.append(year - 1 if reported else 0)
    return bool(years) and all(y < year - 1 for y in years) and DAY_RE.search(text, last.end(), at) is None


def _reported_in(text: str, event: Event) -> bool:
    """The event was found in the text (not in the headline, whose offsets mean nothing here)."""
    return event.at < len(text) and event.name[:2] in text[_sentence_start_hard(text, event.at):_sentence_end(text, event.at)]


# What joins the two ends of a date range ("6月30日至7月2日", "3月30日—4月1日").
RANGE_TO = frozenset(CUES["range_to"])   # (meeting_cues.txt range_to)


def event_date(ctx: ArticleContext, text: str, event: Event) -> date | None:
    """The first date of the sentence that reports the event, else of the lead from there, else of the
    article's lead, else of its headline, else the publication date."""
    start = _sentence_start_hard(text, min(event.at, len(text)))
    end = _sentence_end(text, event.at)
    sentence = text[start:end]
    mentions = [m for m in find_dates(sentence) if not m.month_only]
    # a range across months ("6月30日至7月2日，") starts on its first day: its last is no date of its own
    mentions = [m for k, m in enumerate(mentions) if k == 0 or sentence[mentions[k - 1].end:m.start] not in RANGE_TO]
    # a date standing as a clause of its own before the event says when ("为贯彻落实5月8日全省…会议精神，5月11日，全县…
    # 会议召开"): a date inside another clause names something else
    at = event.at - start
    mentions.sort(key=lambda m: not (m.end <= at and DATE_CLAUSE_RE.match(sentence, m.end)))
    for m in mentions:
        day = resolve_date(m, year=ctx.year, ref=ctx.ref_date)
        if day is not None:
            return day
    # the report may date its first sentence only ("10月16日，某考察团来我区考察。区长甲会见了考察团一行。"): the
    # sentences of the event's paragraph before its own, ahead of a later one's date ("4月10日至11日，某市代表团来我县
    # 考察。市委书记甲等参加考察。4月11日，两地召开联席会议。" is the 10th);
    # or its headline only ("县政协十届第十二次主席会议5月18日召开")
    before = ctx.body[:len(ctx.body) - len(text)] if ctx.body.endswith(text) else ""
    return (lead_date(before[before.rfind("\n") + 1:], year=ctx.year, ref=ctx.ref_date) if before else None) \
        or lead_date(text, year=ctx.year, ref=ctx.ref_date) or lead_date(ctx.body, year=ctx.year, ref=ctx.ref_date) \
        or (lead_date(ctx.title, year=ctx.year, ref=ctx.ref_date) if ctx.title else None) \
        or (lead_date(ctx.subtitle, year=ctx.year, ref=ctx.ref_date) if ctx.subtitle and SPEECH_TEXT_RE.match(ctx.title or "")
            else None) or ctx.published_date   # a speech's signature line dates it ("县委书记 甲 （2023年12月20日）")


# Talks a leader goes somewhere to give, whose event is named by the verb first (meeting_words.txt given: "宣讲党的…精神").
GIVEN_WORDS = tuple(keyed("meeting_words.txt").get("given", []))
# The sittings of a congress or a conference, which whoever chairs them chairs as part of it ("主持开幕会").
SESSION_PARTS = section_words("meeting_verbs.txt", "session_parts")
# A phase of a meeting in the name chaired ("甲主持会议第一阶段，乙主持第二阶段会议"), a part of it as a sitting is.
PHASE_RE = re.compile(r"第[一二三四五六七八九十\d]{1,2}阶段(?:会议|大会)")
# Who the short name of a meeting already found may open with ("县调度会" for "全县重点项目建设调度会").
SHORT_NAME_HEADS = ("", "县", "区", "市", "镇", "乡", "全县", "全区", "全市", "本次", "此次", "这次")


def _same_meeting_short(name: str, word: str, found: list[Event]) -> bool:
    """The meeting's word alone, or with a short head, where a meeting of that word is already found."""
    return name[:len(name) - len(word)] in SHORT_NAME_HEADS and name.endswith(word) \
        and any(e.name.endswith(word) for e in found)


def _short_name_of(name: str, full: str) -> bool:
    """`name` is `full`'s last two to four characters with a short head before them ("县调度会")."""
    return any(name[:-k] in SHORT_NAME_HEADS and full.endswith(name[-k:]) for k in (2, 3, 4))


# (not across 并: "主持并就贯彻落实会议精神提出要求" chairs this meeting and speaks about another's spirit)
CHAIR_OTHER_RE = re.compile(r"主持(?:召开)?(?:了)?的?([^，。；;！？\n并]{0,40}?(?:会议|会))")
# ... and the meeting a leader calls (召开: meetings.ROLE_NOUN_AFTER), read where the chair's verb is
CALLED_OTHER_RE = re.compile(r"(?:主持(?:召开)?|召开)(?:了)?的?([^，。；;！？\n并]{0,40}?(?:会议|会))")


def _named_again(bare: str, name: str) -> bool:
    """"甲与企业家座谈。县长乙主持座谈会": the event its verb named, named again by its bare noun (not another
    symposium after "…企业家座谈会"); and a talk given, named by its verb first ("甲到龙湾镇宣讲…精神。镇党委书记乙主持
    宣讲会")."""
    return _bare(bare) and (bare.startswith(name[-2:]) and not name.endswith(bare)
                            or name.startswith(GIVEN_WORDS) and bare.startswith(name[:2]))


def _chairs_other(text: str, found: tuple[str, str, int], event: Event, r: Rules) -> bool:
    """"日前，郑十主持召开中央政治局常委会会议": chairing another meeting, not this event."""
    name, role, at = found
    if role != "chair":
        return False
    m = CALLED_OTHER_RE.match(text, at)
    if m and text.startswith("暨", m.end()) and "暨" in event.name:
        return False   # "主持召开县政府党组2020年第八次会议暨县政府第十二次常务会议": the first half of the joint event
    # without its dates, as the event's name is written ("主持召开县政府党组2023年第3次会议" is 县政府党组第3次会议)
    other = DATE_RE.sub("", m.group(1)) if m else ""
    return len(other) > 2 and event.kind in ("meeting", "symposium") and other not in event.name \
        and not _review_of(other, event) \
        and event.name not in other and not other.endswith(SESSION_PARTS) and not PHASE_RE.fullmatch(other) \
        and not _short_name_of(other, event.name) \
        and not _named_again(other, event.name)


def _each_chairs_one(text: str, events: list[Event], found: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """"甲、乙分别主持召开县委常委会会议和县政府常务会议": the chairs of one 分别主持 chair, in order, the meetings its
    sentence names after it, one each, when the counts match: the lead event keeps its own chair of them, and
    each other meeting is given its own (Event.chair)."""
    chairs_at: dict[int, list[str]] = {}
    for n, role, at in found:
        if role == "chair" and text.endswith("分别", 0, at):
            chairs_at.setdefault(at, []).append(n)
    for at, chairs in chairs_at.items():
        end = _sentence_end(text, at)
        held = [e for e in events if e.kind in SITTINGS and at < e.at < end]
        if len(chairs) < 2 or len(held) != len(chairs):
            continue
        for n, e in zip(chairs, held):
            if e is not events[0]:
                e.chair = n
        own = {n for n, e in zip(chairs, held) if e is events[0]}
        found = [x for x in found if not (x[1] == "chair" and x[2] == at and x[0] not in own)]
    return found


# A meeting the tour's leader calls in the tour's own sentence ("县委书记甲深入…调研，并召开座谈会，听取…", "…调研指导
# 龙湾镇工作并召开座谈会"): called by the one leader of the tour, who chairs it as 召开's subject does (meeting_roles.txt);
# and where it was held may come between ("…调研…工作，并在县城建投公司召开现场办公会"); not a meeting someone else
# called that the leader attended ("并在随后召开的座谈会上讲话", "并在县政府召开的专题会议上作了部署").
CALLED_MEETING = r"召开(?:了)?(?!的)([^，。；;！？\n并]{0,40}?(?:会议|会))"
CALLED_ON_THE_WAY_RE = re.compile(r"[，,]?并(?:在[^，。；;！？\n并]{1,20}?)?" + CALLED_MEETING)


# ... and one the tour's one leader calls in a sentence of its own after it ("…调研。调研中，甲在某镇召开座谈会，听取…"):
# the leader's name opens the clause, perhaps with where and an adverb between; not a meeting someone else held that
# the leader attended ("甲在某镇召开的座谈会上讲话": 召开的).
CALLED_BARE_RE = re.compile(CALLED_MEETING)
CALLER_REST_RE = re.compile(r"(?:同志)?(?:在[^，,。；;！？\n]{1,20}?)?(?:还|又|随即|亲自)?$")


def _called_by_leader(text: str, m: re.Match[str], leader: str) -> bool:
    """Whether the clause before a bare 召开 opens with the tour's leader and holds only where and an adverb besides."""
    clause = text[_clause_start(text, m.start()):m.start()]
    return clause.startswith(leader) and CALLER_REST_RE.fullmatch(clause, len(leader)) is not None


def _chaired_on_the_way(text: str, events: list[Event], r: Rules, names: list[str] = ()) -> list[Event]:
    """Meetings the leader of a tour chaired during it ("调研期间，钱乙主持召开座谈会"), and one its leaders called in
    the tour's sentence ("…调研，并召开座谈会"): chaired by its one leader, by no one named when several led it
    ("甲，乙带领…走访慰问驻军官兵，并召开军地座谈会")."""
    out = []
    leaders = _names_in(events[0].visitor or "", names) if events[0].kind == "inspection" else []
    called = CALLED_ON_THE_WAY_RE.finditer(text, events[0].at, _sentence_end(text, events[0].at)) if leaders else ()
    bare = [m for m in CALLED_BARE_RE.finditer(text, _sentence_end(text, events[0].at))
            if _called_by_leader(text, m, leaders[0])] if len(leaders) == 1 and "召开" in text else []
    # (the meetings called read first: "…调研，并召开教师座谈会。甲主持座谈会" chairs the one called by its bare word)
    for m in [*called, *bare, *CHAIR_OTHER_RE.finditer(text)]:
        if any(e.at == m.start(1) for e in events):
            continue
        word = r.meeting_re.search(m.group(1))
        if word is None or _future(text, m.end()) or _review_of(m.group(1), events[0]):
            continue
        kind = r.kind_of[word.group()]
        chair = text[_sentence_start_hard(text, m.start()):m.start()] if m.re is CHAIR_OTHER_RE \
            else leaders[0] if len(leaders) == 1 else None
        if not any(e.kind == kind and (e.name == m.group(1) or m.re is CHAIR_OTHER_RE and e.at < m.start(1)
                                       and _bare(m.group(1)) and e.name.endswith(m.group(1))) for e in events + out):
            out.append(Event(kind, m.group(1), m.start(1), chair=chair))
    return sorted(out, key=lambda e: e.at)
