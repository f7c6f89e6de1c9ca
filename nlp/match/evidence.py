"""Directives of one document matched to the evidence other documents give of their execution.

Evidence is a sentence of what the other document reports was done — its review parts where headings give it
one, otherwise every part but its plans, glossary, opening and final call — that concerns the same task: it
shares the directive's specific terms (its objects: `消费品以旧换新`, `保障性住房`, `未来产业`; the campaigns and
metrics it names), not only the broad field. Terms are the documents' own jieba tokens with the dictionary words
inside long ones (`粮食产量` → 粮食, 产量), campaign names with the members the lexicon gives them (`两新` →
大规模设备更新, 消费品以旧换新) and metric keys, weighted by how rare they are in the compared documents. A
directive of several items is matched item by item (one item done is the task reported). A small linear model
(`SCORER`, its weights chosen on the development units gold by scripts/tune_evidence.py) turns the match features
into the probability that a sentence is evidence; below its threshold the document says nothing of the task.
Two kinds of evidence need no shared words: the sentence stating the result the comparison finds for one of the
directive's targets (`find_result`: it comes first), and for a parity target (居民收入增长和经济增长同步) the
sentences giving its first metric's growth or stating the parity.

Status comes from the evidence: the directive's own target when the evidence states the same metric (a rate
compared; a national total such as new jobs is met by the unit's own figure), 全覆盖/零突破/counted targets as a
unit's summary states them (a quota of each unit against the unit's count; a total of the base's own scope is
done by the share a document of a narrower level reports; a ratio per head is compared with no count),
otherwise the polarity of the evidence (a target it says was missed is not met) and its words of work still in
progress.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import compress, repeat
from operator import attrgetter, ge, itemgetter, mul, not_
from typing import NamedTuple, TypeVar

from nlp.cues import cue, cue_test
from nlp.extract.campaigns import canonical, lexicon_members
from nlp.extract.metrics import metric_key, metric_mentions, metric_parts, respectively
from nlp.extract.reports import FRAMING, OCCURRED, polarity
from nlp.lexicons import load_table, words_pattern
from nlp.match.results import APPROX_POINTS, metrics_pattern, restates, signed_growth, status_of
from nlp.match.units import convert, family
from nlp.numerals import split_value
from nlp.segment.sections import document_year, ends, has_review_and_plan, looking_back, plan_year
from nlp.segment.tables import QUARTER_WORDS, WHITE, TaskRow, row_at, task_rows
from nlp.segment.tokens import known_word
from nlp.spans import CLAUSE_PUNCT, SpanIndex, clause_start
from nlp.types import Analysis, Directive, DirectiveResult, Evidence, Quantity, Sentence, Status, Target

MAX_EVIDENCE = 3
SURE_EVIDENCE = 0.75  # the probability from which a sentence besides the best evidence speaks for the task's state
# the cue labels of work said under way, needing more, or left (partial where the best evidence says it)
WORK_LEFT = ("unfinished", "needs_more", "remainder")
MIN_CHARS = 8  # shorter lines are titles and salutations
# a document's routing and contact lines (抄送：…, 联系人：…): no report of anything done
ROUTING_LINE = re.compile(r"(?:抄送|抄报|主送|印发|联系人|联系电话|经办人)[:：]")
HEADING_CHARS = 30  # a sentence opening where a heading does, no longer than this, is the heading itself
SENTENCE_END = "。！？；;!?"
# 居民收入增长和经济增长同步, 居民收入与经济增长同步, …与经济发展同步: the growth of the second (经济) is the pace
# of the first
PARITY = re.compile(r"(?P<a>[\u4e00-\u9fff]{2,12}?)(?:增长|提高)?(?:和|与|同)(?P<b>[\u4e00-\u9fff]{2,12}?)(?:增长|提高|发展)"
                    r"(?:基本)?同步")
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
FULL_RATE = re.compile(r"覆盖(?:率|面)(?:达到|达|为)?$")  # the words before a coverage rate (覆盖率达到100%)
DONE_OVER = re.compile(r"超额|全部完成|全面完成")  # (a remainder of something else: 超额完成…，后续…仍在)
# a coverage of the units under the base (实现县（区）全覆盖, 乡镇（街道）全覆盖): a quota of one each; not of the
# communities, villages or parks within a unit (社区, 行政村, 园区全覆盖)
UNITS_COVERED = re.compile(r"(?:(?<![社小城园景营])区|县|县区|县市区|乡镇|街道)(?:[（(][市区县、街道乡镇]+[）)])?$")
NOT_EVIDENCE_ROLES = frozenset({"plan", "glossary", "preamble", "closing"})
# the whole's own figure, named by its scope right before it (各乡镇要…完成全县23座小型水库…排查: the county's 23, not
# each town's; but 各乡镇要…完成全镇3个…: each town's own)
WHOLE_FIGURE = re.compile(r"全([县市省区州盟旗乡镇])(?:范围内)?(?:共|共计|所有)?$")
CELL_PARTS = re.compile(r"[；;。：:]|(?:^|\s)\d{1,2}[.．、]")  # a cell of several parts (1.… 2.…, …：…；…：…)
COMMA = re.compile(r"[，,]")
RATE_UNITS = frozenset({"%", "‰", "个百分点"})
PER_UNITS = frozenset({"%", "‰"})  # a share in hundredths or thousandths: one converts to the other
# part of a year (上半年, 前三季度, 1—9月, 截至9月底): what a report on it gives is progress toward an annual target
WHOLE_YEAR = re.compile(r"全年(?!目标|任务|计划)|(?<!\d)1[—－\-~至到]12月|截至(?:12月|年底|年末)")
PART_YEAR = re.compile(r"(?:今年|本年|\d{4}年)?(?:上半年|前三季度|第?[一二三]季度|1?\d[—－\-~至到]1?\d月|截至1?\d月)")
# a line of a table of figures, done against the unit's own target (食品安全监督抽检：3215批次／3000批次)
OWN_TARGET = re.compile(r"(?P<label>[^：:。；;／/]{2,40})[：:]\s*(?P<done>\d+(?:\.\d+)?)(?P<unit>[^\d／/]{0,6})[／/]\s*"
                        r"(?P<goal>\d+(?:\.\d+)?)(?P=unit)?\s*$")  # (not 受理投诉／按时办结：356件／342件)
# a time limit of a task (3个工作日内办结, 压缩至0.5个工作日以内): kept under
TIME_LIMIT = re.compile(r"(?:以内|之内|内)")
NOT_TAKEN = re.compile(r"缩短|减少|压缩了|提前|连续|比|较")  # a duration that is no time taken (超过5个工作日 is)
FROM_BEFORE = re.compile(r"[由从][^，,。；;\d]{0,6}$")  # 由原来的20个工作日…, 从法定的30个工作日…
CUT_AFTER = re.compile(r"(?:压缩|缩短|缩减|减少|降低|下降|降)(?:到|至|为)")  # 由20个工作日压缩至12个: 20 is what it was
DAY_UNITS = {"天": "天", "日": "天", "个工作日": "工作日", "工作日": "工作日", "个小时": "小时", "小时": "小时"}


def _day_unit(unit: str | None) -> str:
    return DAY_UNITS.get(unit or "", unit or "")
TIME_LABEL = re.compile(r"时间|时长|时限|用时|周期|工期")  # a time is kept under its target
# a result stated as a share of the unit's own target (完成市下达任务的101.2%, 占年度任务的52%, 完成县定目标1.2万人的
# 98.3%): the target the unit was given decides; not a ceiling kept (控制目标的82%), a share of the base's whole or of a
# plan of several years (占全市年度任务的8%, 三年行动计划的85%), of investment or funds (完成投资4.2亿元，占年度计划的85%),
# nor one of a list (分别完成年度任务的113%、92%)
TASK_SHARE = re.compile(r"(?P<said>[^，,。；;]*?)(?:完成|占|达到|为)了?(?P<of>(?:(?!控制)[^，,。；;]){0,16}?(?:任务|目标|计划)"
                        r"(?:(?!控制)[^，,。；;]){0,10}?)的(?P<pct>\d+(?:\.\d+)?)%")
# a progress cell of a table that gives how much of the task is done (完成60%, 完成进度60%, 完成率75%)
PROGRESS_PCT = re.compile(r"(?:已|累计)?完成(?:率|进度|比例)?(?:为|达到|达)?(?P<pct>\d+(?:\.\d+)?)%[。；;]?")
PROGRESS_END = re.compile(r"(?<![的为])(?:已|累计)?完成(?:率|进度|比例)?(?:为|达到|达)?(?P<pct>\d+(?:\.\d+)?)%[。；;]?$")
NOT_OWN_SHARE = re.compile(r"[三五]年|行动计划|规划|分别")
WHOLE_SHARE = re.compile(r"全[市省县区国]")  # of the base's whole (占全市年度任务的8%), not said by it (全市…完成…的91%)
NEW_WORK = re.compile(r"新建|建成|建设|创建|新增|改造|改扩建|培育|完成")  # a count of work done this year (not 全县共有…12个)
FUNDS = re.compile(r"投资|资金|经费")  # a share of them is of the task only where the task is about them
# money got or handed on for something (争取到…特别国债资金1850万元, 下达…补助资金540万元, 拨付…建设资金2860万元): no
# work of it done, for a task that is not about money (`MONEY_TASK`)
MONEY_GIVEN = re.compile(r"(?:争取|下达|拨付|安排|筹集|到位|获得|兑现)[^，,。；;]{0,24}?(?:资金|补助|补贴|奖补|债券|经费)"
                         r"|(?:拨付|下达|到位|兑现)[^，,。；;]{0,4}?\d[\d.]*[万亿]?元")  # (已按工程进度拨付1850万元)
MONEY_TASK = re.compile(r"资金|争取|债|补助|补贴|津贴|资助|奖励|兑现|投资|引资|奖补|经费|财政|预算|金融|贷款|基金|融资|支付")
# work done with the money, after it in its clause, counted (筹集资金1.2亿元新建农村寄宿制学校3所, …资金3.2亿元实施老旧
# 小区改造42个; not a purpose, …资金8000万元用于老旧小区改造, 支持新建…学校)
WORK_WITH_MONEY = re.compile(r"(?:新建|建成|改造|改扩建|完成|开工|修缮|购置|更新|实施)[^，,。；;]{0,16}?\d|用于\d")
YEAR_AMOUNTS = frozenset({"count", "count_range", "money"})  # amounts a year's work adds up to
# the year's target said to be reached (a half-year report may say so before the year is over: 已完成全年目标,
# 全年改造任务已全部完成, 圆满完成市下达的年度任务, 5个口袋公园已全部建成投用; a restated task's 已完成)
REACHED = re.compile(r"^已(?:经)?(?:全部)?(?:完成|办结)|全面完成|提前完成|超额完成|圆满完成|全部完成|全部建成"
                     r"|全部(?:完工|竣工|办结|销号)|(?<!未)全部[^，,。；;未]{0,4}到位|完成(?:了)?(?:全年|年度)(?:[^，,。；;的]{0,6})?"
                     r"(?:目标|任务|计划)(?!的)|(?:全年|年度)[^，,。；;]{0,6}(?:任务|目标|计划)[^，,。；;]{0,4}完成"
                     # (the part due by now reached: 达到二季度末序时进度, 超过…二季度末建成6个的进度要求)
                     r"|(?:达到|超过|高于)[^，,。；;]{0,20}?(?:序时(?:进度|要求|目标)|进度要求)")
# what keeps words of reaching from saying so (预计年底前全部完工, 力争…达到序时进度, 未能达到序时进度), in their clause
# before them; and money paid in full is no work done (建设资金已全部拨付到位)
NOT_YET_REACHED = re.compile(r"未|没有|预计|计划|力争|确保|争取|待(?!遇)|将|(?<![主重需])要|资金|经费|款项")
# the first part of the year, up to the third quarter (上半年, 1-6月, 截至9月底): a half-year report's figures are
# progress (not 1-11月, nor a campaign's months, 5-9月)
# (…第一季度工作安排; not 上半年工作总结和…, nor 上半年工作计划执行情况: a report on it)
PLANNED = re.compile(r"(?:重点)?(?:工作)?(?:安排|打算|计划|要点|思路)(?!执行|完成|落实|推进)")
QUARTER_TITLE = re.compile(r"(?:前|第)?(?P<q>[一二三1-3])季度|(?P<half>上半年)|1[—－\-~至到](?P<months>[1-9])月|截至(?P<months2>[1-9])月")
HEADLINE_LINES = 8  # the lines of a document's opening that may head it (masthead, issue, office and date, headline)
HEADLINE_CHARS = 40  # a line of running text is longer
BODY_LINE = re.compile(r"[。！？；;]$|^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．](?!\d))")  # a sentence, a part's heading
PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")
MILESTONE_COUNT = re.compile(r"(\d+(?:\.\d+)?)(公里|万亩|亩|亿元|万元|万人|万户|个|家|户|座|所|项|条|处|套|件|台|辆|人|名|间)")
NOT_DONE = re.compile(r"未能(?:按期|按计划|如期)?[^，,。；;]{0,12}完成|未按(?:期|计划|时)完成|尚未完成")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
MILESTONE_NOISE = re.compile(r"完成|全部|全面|基本|开展|组织|实现|达到|累计|[，,。；;、]")
EARLY_PART = re.compile(r"上半年|前三季度|第?[一二三]季度|1[—－\-~至到][1-9]月|截至[1-9]月")
# a run-in point's label, one short clause (二是抓人居环境和生态保护。): it names a field and sums it up
RUN_IN_POINT = re.compile(r"[一二三四五六七八九十]+是")
RUN_IN_LABEL = re.compile(r"[一二三四五六七八九十]+是[^，,；;：:。！]{2,16}[。！]?$")
# a note on a table or a figure (注：…为市对县考核指标，不在本次考核范围): it explains, it reports nothing done
NOTE_LINE = re.compile(r"[（(]?(?:注|备注|说明)[：:]")
# the thanks that closes a review (在此，我谨代表…向…表示衷心的感谢): addressed to people, it reports nothing
THANKS = re.compile(r"谨代表[^。！!]*?(?:感谢|谢意|敬意)")


@cache
def _generic() -> frozenset[str]:
    """Words too common in the genre to tie a sentence to a task (加快, 推进, 体系…): the generic_words lexicon but for
    its rows of the kinds below (manners before a verb, companions, kinds of work), which are terms elsewhere."""
    return frozenset(r["word"] for r in load_table("generic_words") if not r["why"].startswith(KINDS))


BEFORE_A_VERB = "manner before a verb"  # the generic_words rows generic only there: 高标准建设…, not 高标准农田
ALONE = "no object alone"  # the generic_words rows that are terms beside an object only: 开工, 牵头
NOT_GENERIC = "not generic"  # the generic_words rows of generic words run together that name a kind of work
KINDS = (BEFORE_A_VERB, ALONE, NOT_GENERIC)


@cache
def _generic_of(kind: str) -> frozenset[str]:
    """The words of the generic_words rows whose why starts with `kind` (one of `KINDS`)."""
    return frozenset(r["word"] for r in load_table("generic_words") if r["why"].startswith(kind))


@cache  # (a hot path: one look-up)
def _companions() -> frozenset[str]:
    """Words that are terms only beside what a task is about, never its object themselves: a stage (9月底前全部开工),
    who acts with whom (牵头, 协同). A clause of these alone is no item (`_add_item`; unless it names a noun of any
    field, 新开工亿元以上项目), and a sentence sharing only these (and measures) with an item that is not all of them
    does not match it (完成危房改造…通过竣工验收 for 户厕…11月底前全部完工并通过验收). With the pieces of the longer
    ones (交付使用: 交付, 使用): they come with it."""
    words = _generic_of(ALONE)
    return words.union(*(_word_pieces(w) for w in words if len(w) > 2))


@cache  # (a hot path: one look-up)
def _manners() -> frozenset[str]:
    """Words generic only before a verb of doing (高标准建设沅嶂实验室: how, not what; 高标准农田, 高标准市场体系: what)."""
    return _generic_of(BEFORE_A_VERB)


@cache  # (a hot path: one look-up)
def _kinds_of_work() -> frozenset[str]:
    """Generic words run together that name a kind of work (重点项目), terms as other words are."""
    return _generic_of(NOT_GENERIC)


def reported_sentences(analysis: Analysis) -> list[Sentence]:
    """Return the sentences of a document that may evidence what it did (see the module docstring)."""
    # (a run-in point's words, 五是巩固信访件办理成效, make no part of the document a review by its heading)
    review_by_heading = has_review_and_plan(analysis.sections) or any(
        s.role == "review" and s.heading is not None and not RUN_IN_POINT.match(s.heading) for s in analysis.sections)
    back = looking_back(analysis.document.text, analysis.sentences, analysis.sections,
                        document_year(analysis.document))  # not what was done in the year
    ahead = plan_year(analysis.document)
    plans = _plan_sentence(str(ahead) if ahead is not None else None)
    # (a summary's sentence opening on a year before the one it sums up tells where things stood: 2024年，全镇还有2个村…)
    summed_up = reported_year(analysis) if SUMMARY_TITLE.search(analysis.document.title or "") else None
    # the rows of a table of tasks and what became of them (序号 重点任务 牵头单位 完成情况), one piece of evidence each
    # (its sentences joined), where the row says something of it
    text = analysis.document.text
    whole_rows = [row for row in task_rows(text) if not row.split]
    out: list[Sentence] = []
    for role, part in _sentences_by_part(analysis):
        if whole_rows:
            in_rows: dict[TaskRow, list[Sentence]] = {}
            for sent in part:
                if (row := row_at(whole_rows, sent.start)) is not None:
                    in_rows.setdefault(row, []).append(sent)
            # (a row whose progress cell is filled in reports on its task wherever it stands: a ledger sent back
            # filled in is a plan by its title and its rows)
            if in_rows and role != "glossary":
                for row, sents in in_rows.items():
                    if row.judged is not None:
                        first, last = sents[0], sents[-1]
                        out.append(Sentence(first.index, first.start, last.end, text[first.start:last.end],
                                            first.paragraph, first.section))
            taken = {sent.index for sents in in_rows.values() for sent in sents}
            part = [sent for sent in part if sent.index not in taken]
        # a work report's problems paragraph sums up difficulties; a unit's summary names its own shortfalls
        if role != "review" and (review_by_heading or role in NOT_EVIDENCE_ROLES):
            continue
        # not title lines (they name a matter but report nothing), nor the year's character, thanks and pledges
        # (a review's framing reports nothing done)
        out += [sent for sent in part if len(sent.text) >= MIN_CHARS
                and (sent.text[-1] in SENTENCE_END or OWN_TARGET.match(sent.text))
                and sent.paragraph not in back and not FRAMING.search(sent.text) and not _only_planned(plans, sent.text)
                and not NOTE_LINE.match(sent.text) and not ROUTING_LINE.match(sent.text)
                and not (summed_up is not None and (y := YEAR_BEFORE.match(sent.text)) and int(y.group(1)) < summed_up)]
    if whole_rows:
        out.sort(key=attrgetter("start"))  # (a part's rows first: in order of the text, as its users bisect)
    return out


SUMMARY_TITLE = re.compile(r"\d{4}年[^，,。]{0,30}?(?:工作)?总结")  # …2025年党建工作总结: the year it sums up, named
YEAR_BEFORE = re.compile(r"(?:截至|截止)?(20\d{2})年(?:底|末|年底)?[，,]")  # a sentence opening on a year (2024年，…)


@cache
def _plan_sentence(year: str | None) -> re.Pattern[str]:
    """A sentence that says what is to be done, wherever it stands (2026年，我局将重点抓好…, at the end of a review
    that runs into the plans; 下一步，…): it opens on the year planned for or on the next step, and says 将/要."""
    # (not the past part of that year, 2025年上半年，全县完成…, 2025年以来…, nor 要 of 要求/主要/需要, 按计划, 全力争取)
    past_part = "(?!以来|初|上半年|前三季度|第?[一二三四]季度|1?\\d[—－\\-~至到月])"  # (the part of it gone by)
    opening = "下一步|明年|今后|来年|新的一年" + (f"|{year}年{past_part}" if year else "")
    # (after whom it is heard from, in a news report: 记者从区住建局获悉，今年全区计划改造老旧小区42个)
    return re.compile(rf"^(?:(?:记者)?(?:从|据)[^，,。；;]{{0,20}}?(?:获悉|了解到?|介绍|透露)[，,])?"
                      rf"(?:(?:{opening})[，,]?[^。；;]*?|今年{past_part}[，,]?[^，,。；;]*?)"
                      rf"(?:将|(?<![主重需纪必只想])要(?![求素点])|(?<!按)计划(?!任务|执行)|拟|(?<!全)力争(?!取))")


# what a sentence opening on a plan says done after it (今年计划改造老旧小区42个，已完工38个)
DONE_AFTER = re.compile(r"已(?:经)?(?:全部|全面)?(?:完成|建成|完工|竣工|开工|投入|投用|实施|落地)|完成(?:了)?(?:全年|年度)?(?:目标|任务|计划)?的?\d")


def _only_planned(plans: re.Pattern[str], text: str) -> bool:
    """Whether a sentence says only what is to be done (`_plan_sentence`), and nothing done after its plan."""
    m = plans.match(text)
    if m is None:
        return False
    # (what is done is said in a clause of its own after the plan's: not the plan's own 将完成12个, 已开工的…; or in
    # the plan's clause as done, 今年计划改造的…8个小区已全部完成改造)
    own, *after = CLAUSE_SPLIT.split(text[m.end():])
    return not OWN_CLAUSE_DONE.search(own) and not any(
        DONE_AFTER.match(clause) or (DONE_AFTER.search(clause) and not PLAN_WORD.search(clause)) for clause in after)


CLAUSE_SPLIT = re.compile(f"[{CLAUSE_PUNCT}]")
OWN_CLAUSE_DONE = re.compile(r"已(?:经)?(?:全部|全面)?(?:完成|建成|完工|竣工)(?![^，,。；;]{0,3}的)")  # (not 已完成的…)
PLAN_WORD = re.compile(r"将|要(?![求素点])|计划|拟|力争|确保|预计|年底前|年内")


def _sentences_by_part(analysis: Analysis) -> list[tuple[str, Sequence[Sentence]]]:
    """(role, its sentences) of each part of a document in order, a sentence in the part its start is in; the
    sentences before the first part (if any) of role `other`."""
    sentences = analysis.sentences
    starts = [s.start for s in sentences]
    cuts = [bisect.bisect_left(starts, section.start) for section in analysis.sections]
    roles = ["other", *(section.role for section in analysis.sections)]
    bounds = [0, *cuts, len(sentences)]
    return [(role, sentences[lo:hi]) for role, lo, hi in zip(roles, bounds[:-1], bounds[1:], strict=True)]


class KnownCampaigns:
    """The campaigns a base names, as its text writes them (“个转企”, 个转企培育行动), found in a document that reports
    on it wherever it writes them, whether or not its own extraction finds them a campaign there (4.“个转企”培育行动
    （第7项）：全年完成“个转企”163户, in a bulletin's list): a unit names the campaigns of the plan it reports on."""

    def __init__(self, base: Analysis, among: Vocabulary) -> None:
        self.terms: dict[str, frozenset[str]] = {}
        for c in base.campaigns:
            terms = _campaign_terms(c.name) & among.terms
            if terms:
                for m in c.mentions:
                    if len(m.text) >= KNOWN_CHARS:
                        self.terms[m.text] = self.terms.get(m.text, frozenset()) | terms
        self.pattern = re.compile(words_pattern(self.terms)) if self.terms else None

    def mentions(self, analysis: Analysis, found: set[int]) -> list[tuple[int, frozenset[str]]]:
        """(start, terms) of each place a document writes one of the campaigns as words of its own (starting and
        ending where its tokens do: not the 中国制造 of 中国制造业), that its own campaigns do not start at."""
        if self.pattern is None:
            return []
        starts = set(analysis.tokens.starts)
        ends = {at + len(word) for at, word in zip(analysis.tokens.starts, analysis.tokens.texts, strict=True)}
        return [(m.start(), self.terms[m.group(0)]) for m in self.pattern.finditer(analysis.document.text)
                if m.start() not in found and m.start() in starts and m.end() in ends]


KNOWN_CHARS = 3  # the characters from which a campaign's name is its own, wherever written (not 两新, 三农 alone)


class Terms:
    """The match terms of spans of one analysed document, from its own tokens (segmented once); with `among`,
    only the terms of that vocabulary (the directives' terms: no other term is weighed)."""

    def __init__(self, analysis: Analysis, among: Vocabulary | None = None,
                 known: KnownCampaigns | None = None) -> None:
        self.analysis = analysis
        self.among = among
        self.word_terms = _word_terms if among is None else among.__getitem__
        self.words, self.starts = analysis.tokens.texts, analysis.tokens.starts  # in order of their starts
        self.in_quantity = bytearray(len(analysis.document.text) + 1)
        for q in analysis.quantities:
            self.in_quantity[q.start:q.end] = b"\x01" * (q.end - q.start)
        # (start, terms) of each mention of a campaign with terms (among those of `among`)
        named = ((c, _campaign_terms(c.name) if among is None else _campaign_terms(c.name) & among.terms)
                 for c in analysis.campaigns)
        mentions = [(m.start, terms) for c, terms in named if terms for m in c.mentions]
        if known is not None:  # (the campaigns of the base it names, where it does not find them a campaign itself)
            mentions += known.mentions(analysis, {start for start, _ in mentions})
            mentions.sort(key=itemgetter(0))
        self.mentions = SpanIndex(mentions, itemgetter(0))

    def of(self, start: int, end: int, leave_out: frozenset[str] = frozenset()) -> frozenset[str]:
        """Return the terms of text[start:end]: content words with the dictionary words inside them (not the
        words of a quantity such as 两三件, nor those in `leave_out`), the campaigns named there (and their
        members' words), the metrics named there."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        words = self.words[lo:hi]
        if self.in_quantity.find(1, start, end) >= 0:  # the words starting outside its quantities
            words = compress(words, map(not_, map(self.in_quantity.__getitem__, self.starts[lo:hi])))
        manners = _manners()
        whole = self.analysis.document.text
        if any(whole.find(m, start, end) >= 0 for m in manners):  # (a manner before a verb: no term; no copy of the span)
            said, generic = [*words, "", ""], _generic()
            # (the verb may be cut in two: 高标准/打/好)
            words = [w for k, w in enumerate(said[:-2]) if not (w in manners and (
                said[k + 1] in generic or (len(said[k + 1]) == 1 and said[k + 1] + said[k + 2] in generic)))]
        out: set[str] = set().union(*filter(None, map(self.word_terms, words)))  # mapped in C (most have none)
        if leave_out:
            out -= {w for w in out if any(w in name for name in leave_out)}
        for _, terms in self.mentions.starting_in(start, end):
            out |= terms
        text = self.analysis.document.text[start:end]
        among = self.among
        if among is None or (among.metrics is not None and among.metrics.search(text)):
            out |= {"M:" + key for _, _, key in metric_mentions(text)}
        if among is None or (among.short_forms is not None and among.short_forms.search(text)):
            full, short_forms = _abbreviations()
            for m in short_forms.finditer(text):  # 国企 has the terms of 国有企业 too; a long name its own name's
                out |= _word_terms(full[m.group(0)])
        if among is not None:
            out &= among.terms
        return frozenset(out)

    def words_of(self, start: int, end: int) -> frozenset[str]:
        """The terms of the words starting in text[start:end] (not a quantity's), whatever the vocabulary: the
        words alone, no campaign, metric or abbreviation terms."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return frozenset().union(*(_word_terms(w) for w, at in zip(self.words[lo:hi], self.starts[lo:hi], strict=True)
                                   if not self.in_quantity[at]))

    def named(self, start: int, end: int) -> frozenset[str]:
        """The campaign and metric terms of text[start:end] (those of `of` that name a campaign or a metric)."""
        out = {t for _, terms in self.mentions.starting_in(start, end) for t in terms if t.startswith("C:")}
        text = self.analysis.document.text[start:end]
        if self.among is None or (self.among.metrics is not None and self.among.metrics.search(text)):
            out |= {"M:" + key for _, _, key in metric_mentions(text)}
        return frozenset(out if self.among is None else out & self.among.terms)


def _campaign_terms(name: str) -> frozenset[str]:
    """The terms a campaign's mention gives: its name, and its members' words (`两新` → 大规模设备更新,
    消费品以旧换新)."""
    return frozenset({"C:" + canonical(name)}).union(*map(_phrase_terms, lexicon_members().get(name, ())))


LONG_NAME = 6  # a full name from this length is a proper name cut into common words; shorter ones (国有企业) are words


@cache
def _abbreviations() -> tuple[dict[str, str], re.Pattern[str]]:
    """short form or long full name -> full name (the abbreviations lexicon), and a regex finding either: a text
    that writes a long name out (中国国际进口博览会, cut into 中国/国际/进口/博览会) has the name's term as one that
    writes the short form (进博会) has."""
    full = {r["short"]: r["full"] for r in load_table("abbreviations")}
    full |= {name: name for name in full.values() if len(name) >= LONG_NAME}
    return full, re.compile(words_pattern(full))


@cache
def _word_terms(word: str) -> frozenset[str]:
    return terms_of_word(word)


# a word that can be a term: Han characters (人工智能+), or an acronym (ODR, PCT: a name, as specific as any)
CJK_WORD = re.compile(r"[\u4e00-\u9fff+]+|[A-Z]{2,6}")
# an ordinal or a count (第二批, 第三届, 首批, 第一个, 一个, 两项) tells which round or how many, not which task
ORDINAL = re.compile(r"(?:第[一二三四五六七八九十百]+|首)[批届轮期次个]?|[一二两三四五六七八九十百千万几]+[个批项条次届轮期]")
NO_TERMS: frozenset[str] = frozenset()  # one object for the many words without terms (not one each to collect)


def terms_of_word(word: str, among: Vocabulary | None = None) -> frozenset[str]:
    """Return the terms of a token: the word with the dictionary words inside a long one (`_word_pieces`), none of
    them generic; with `among`, only those among its terms."""
    generic = _generic()
    pieces = _word_pieces(word) if len(word) > 2 else ()  # 粮食产量 → 粮食, 产量: what a search engine indexes
    out: frozenset[str] | None = None
    if among is not None:  # (most words hold none of the terms: no test of whether it may have any)
        out = among.pieces.intersection(pieces)
        if word in among.terms:
            out |= {word}
        if not out:
            return NO_TERMS
    if (len(word) < 2 or word in generic or not CJK_WORD.fullmatch(word) or ORDINAL.fullmatch(word)
            or _of_generic_words(word, generic)):
        return NO_TERMS
    if out is None:
        return frozenset({word, *(piece for piece in pieces
                                  if piece not in generic and not ORDINAL.fullmatch(piece) and known_word(piece))})
    return out


@lru_cache(maxsize=1 << 16)
def _word_pieces(word: str) -> tuple[str, ...]:
    """The pieces of a word that may be terms (`terms_of_word` keeps the dictionary's, not generic): where
    dictionary words of two or three characters tile it, not one lying across the joint of two words with both its
    ends inside them (城乡居民 → 城乡, 居民, not 乡居; 中试验证 → 中试, 验证, not 试验; 特别国债 without 别国), but one
    starting or ending at a joint (工业园区 → 工业园; 中低收入 → 低收入) and those inside it (中小学校 → 中小学, 小学); else
    every 2- and 3-character piece."""
    n = len(word)
    slices = _pieces(n)
    known = [s for s in slices if known_word(word[s])]
    ends = {0}  # where a tiling from the start can end
    for i in range(n):
        if i in ends:
            ends.update(s.stop for s in known if s.start == i)
    if n not in ends:
        return tuple(word[s] for s in slices)
    starts = {n}  # where a tiling to the end can start
    for i in range(n, -1, -1):
        if any(s.start == i and s.stop in starts for s in known):
            starts.add(i)
    joints = ends & starts  # where some tiling joins two words
    kept = [s for s in known if s.start in joints or s.stop in joints]
    # (with the pieces inside a kept one of three, as it alone has them: 博览会 → 博览 in 中国国际进口博览会 too)
    inside = [s for s in known if s.stop - s.start == 2 and any(t.start <= s.start and s.stop <= t.stop for t in kept)]
    return tuple(word[s] for s in slices if s in kept or s in inside)


@cache
def _pieces(length: int) -> tuple[slice, ...]:
    """The slices of a word of `length` characters among which `_word_pieces` chooses: its 2- and 3-character
    pieces but itself (none in a word of two)."""
    return tuple(slice(i, i + n) for n in (2, 3) for i in range(length - n + 1) if n < length)


def _of_generic_words(word: str, generic: frozenset[str]) -> bool:
    """Whether a token is generic words run together (大力发展, 加快推进, 高质量发展): no more a term than they; but
    not one naming a kind of work (重点项目: 县级重点项目 is the county's list of key projects)."""
    if len(word) < 4 or not any(word[:n] in generic for n in range(2, len(word) - 1)) or word in _kinds_of_work():
        return False  # (most words: no generic word opens them, leaving two characters or more)
    ends = {0}  # where a run of generic words from the word's start can end
    for i in range(1, len(word) + 1):
        if any(word[j:i] in generic for j in ends if i - j >= 2):
            ends.add(i)
    return len(word) in ends


class Vocabulary(dict[str, frozenset[str]]):
    """The terms a comparison weighs (its directives' terms), and each word's terms among them, worked out once
    per word for all the documents compared; those that are dictionary words of two or three characters, not
    generic (the pieces of a longer word that are terms); a regex finding where a text may hold some of them by
    an abbreviation (of a name giving some), None where none can, and one finding where it may name one of their
    metrics, None where they name none."""

    def __init__(self, terms: frozenset[str]) -> None:
        super().__init__()
        self.terms = terms
        generic = _generic()
        self.pieces = frozenset(t for t in terms if len(t) in (2, 3) and t not in generic and not ORDINAL.fullmatch(t)
                                and known_word(t))
        full, _ = _abbreviations()
        shorts = [short for short, name in full.items() if not _word_terms(name).isdisjoint(terms)]
        self.short_forms = re.compile(words_pattern(shorts)) if shorts else None
        self.metrics = metrics_pattern(frozenset(t[2:] for t in terms if t.startswith("M:")))

    def __missing__(self, word: str) -> frozenset[str]:
        # most words are short and none of the terms (their only term would be themselves: no call)
        found = self[word] = NO_TERMS if len(word) < 3 and word not in self.terms else terms_of_word(word, self)
        return found


@cache
def _phrase_terms(phrase: str) -> frozenset[str]:
    """Terms of a short phrase from the lexicon (a member of a formulation), by dictionary words inside it."""
    out: set[str] = set()
    for n in (4, 3, 2):
        for i in range(len(phrase) - n + 1):
            piece = phrase[i:i + n]
            if known_word(piece):
                out |= _word_terms(piece)
    return frozenset(out)


@dataclass(frozen=True)
class Features:
    """How a sentence matches a directive: the best item's share of its terms' weight, the rarest shared
    term, the weight shared in all, the number of rare terms shared, whether the best item's rarest term is
    among them, how many items are half covered, a campaign or metric shared."""

    coverage: float
    rarest: float
    shared: float
    rare_count: float
    head: float
    items: float
    campaign: float
    metric: float

    def vector(self) -> list[float]:
        return [self.coverage, self.rarest, self.shared, self.rare_count, self.head, self.items, self.campaign,
                self.metric]


# the least weight an item's coverage is a share of (rarities are at most 1): one common term alone (改造, of …8月底前
# 完成改造28公里), or two, cover only part of a clause, a rarer one (普惠托育) most of it
ITEM_WEIGHT = 1.0
FEATURES = ("coverage", "rarest", "shared", "rare_count", "head", "items", "campaign", "metric")
RARE = 0.6  # a term's rarity from which it is specific: in under about one sentence in a hundred of 2,500


@dataclass(frozen=True)
class DirectiveTerms:
    """A directive's item terms with what `features` needs of them, worked out once per directive: each item's
    weight and head (its rarest term), and all the terms together, the campaigns and metrics among them and the
    rare ones (of a rarity from `RARE`)."""

    items: tuple[frozenset[str], ...]
    weights: tuple[float, ...]
    heads: tuple[str, ...]
    everything: frozenset[str]
    campaigns: frozenset[str]
    metrics: frozenset[str]
    rare: frozenset[str]

    @classmethod
    def of(cls, items: Sequence[frozenset[str]], idf: dict[str, float]) -> DirectiveTerms:
        everything: frozenset[str] = frozenset().union(*items) if items else frozenset()
        # sums over sets exactly rounded (fsum): the same in every process, whatever order the hash seed gives
        return cls(items=tuple(items), weights=tuple(max(math.fsum(idf[t] for t in item), ITEM_WEIGHT) for item in items),
                   heads=tuple(max(item, key=lambda t: (idf[t], t)) for item in items), everything=everything,
                   campaigns=frozenset(t for t in everything if t.startswith("C:")),
                   metrics=frozenset(t for t in everything if t.startswith("M:")),
                   rare=frozenset(t for t in everything if idf[t] >= RARE))


# the nouns of what a figure measures (营业收入, 增加值, 投资, 产量…) and of enterprises of any kind (企业): an item
# naming whose (省属企业营业收入增长6%以上, 推动规上工业增加值增长) is not matched by a sentence sharing only them, the
# same measure of something else (高新区营业收入增长9.6%, 规上工业企业营业收入突破90亿元, 农业增加值增长3.5%)
MEASURES = frozenset(
    "收入 营业收入 营收 营业 增加值 产值 总产值 投资 总额 规模 总量 产量 销售 销售额 交易 交易额 成交 成交额 利润 利润总额 "
    "税收 出口 进口 进出口 进出 增速 比重 占比 人数 数量 面积 增加 加值 总产 企业".split())  # (with their pieces: 加值, 进出)


# the nouns of any field among the generic words: a clause of companions naming one of these tells a kind of them
# apart (新开工亿元以上项目); not the verbs and modifiers of that kind (建设, 发展, 重点: …9月底前建设完工 is a stage)
FIELD_NOUN = re.compile(r"项目|工作|任务|体系|制度|机制|政策|措施|举措|行动")


@cache
def _lesser() -> frozenset[str]:
    """The terms that do not match an item alone: measures and companions (`_companions`)."""
    return MEASURES | _companions()


def features(d: DirectiveTerms, sentence: frozenset[str], idf: dict[str, float]) -> Features:
    """Return the match features of a sentence's terms against a directive's items' terms."""
    return Features(*feature_values(d, sentence, idf))


def feature_values(d: DirectiveTerms, sentence: frozenset[str], idf: dict[str, float]
                   ) -> tuple[float, float, float, int, float, int, float, float]:
    """Return the values of `features` in the order of `FEATURES`, without building a `Features`: what
    `match_directives` scores each of its candidates by. They depend on the sentence's terms among the
    directive's (`d.everything`) only: `match_directives` keeps one probability for each such set."""
    best = (0.0, 0.0, 0.0, 0, 0.0)
    half = 0
    rarity, rare, lesser = idf.__getitem__, d.rare, _lesser()
    for item, weight, head in zip(d.items, d.weights, d.heads, strict=True):
        shared = item & sentence
        if not shared or not weight or (shared <= lesser and not item <= lesser):
            continue  # (what is measured, not of whom: 营业收入 of a 高新区 for 省属企业营业收入增长6%; a stage alone)
        values = list(map(rarity, shared))
        got = math.fsum(values)  # exactly rounded: independent of the set's order, hence of the hash seed
        share = got / weight
        candidate = (share, max(values), got, len(shared & rare), float(head in shared))
        half += share >= 0.5
        if candidate > best:
            best = candidate
    return (best[0], best[1], min(best[2], 5.0), min(best[3], 5), best[4], min(half, 3),
            float(not d.campaigns.isdisjoint(sentence)), float(not d.metrics.isdisjoint(sentence)))


def sharing(d: DirectiveTerms, postings: dict[str, list[int]]) -> list[int]:
    """Return, in order, the sentences (by their place in a document's pool) that share a term with the
    directive, from the pool's inverted index: no pass over the sentences that share none."""
    found: set[int] = set()
    for t in d.everything:
        found.update(postings.get(t, ()))
    return sorted(found)


def term_gains(d: DirectiveTerms, idf: dict[str, float], weights: Sequence[float]) -> list[tuple[str, float, float]]:
    """Return, for each term of a directive, rarest first, the most it can add to a scorer's sum (of `weights`
    times the features, all weights at least 0) in a sentence holding it: (term, gain, rarest gain), the rarest
    gain what the `rarest` feature adds where it is the rarest term the sentence shares with the directive, the
    gain what the other features add. The features of a sentence are at most the sums over its shared terms of
    these terms' parts (its best item's coverage at most the sum of each term's largest share of an item, an
    item half covered at most the sum of each term's twice its shares, capped at 1), the rarest at most the
    rarity of the rarest term shared, so the gains of its shared terms and the rarest gain of the rarest of them
    together bound what the sentence can score."""
    rarest = FEATURES.index("rarest")
    shares: dict[str, list[float]] = {}  # term -> its share of each item holding it, in the items' order
    for item, w in zip(d.items, d.weights, strict=True):
        if w:
            for t in item:
                shares.setdefault(t, []).append(idf[t] / w)
    gains = []
    for t in sorted(shares, key=lambda t: (-idf[t], t)):
        x, of_items = idf[t], shares[t]
        parts = (max(of_items), 0.0, x, float(x >= RARE), float(t in d.heads), sum(min(1.0, 2 * s) for s in of_items),
                 float(t.startswith("C:")), float(t.startswith("M:")))
        gains.append((t, sum(map(mul, weights, parts)), weights[rarest] * x))
    return gains


def within_reach(gains: Sequence[tuple[str, float, float]], postings: dict[str, list[int]], floor: float
                 ) -> list[int]:
    """Return, in order, the sentences (by their place in a document's pool) that share a term with a directive
    and whose terms' gains (`term_gains`) together reach `floor`: the others cannot score enough."""
    reach: dict[int, float] = {}
    get = reach.get
    for t, gain, rarest in gains:  # rarest first: a sentence's first term is its rarest
        for j in postings.get(t, ()):
            reach[j] = get(j, rarest) + gain
    return sorted(j for j, r in reach.items() if r >= floor)


def directives_by_term(gains: Sequence[Sequence[tuple[str, float, float]]]) -> dict[str, list[tuple[int, float, float]]]:
    """term -> (place, gain, rarest gain) of each directive holding it, from their `term_gains`, in their order."""
    by_term: defaultdict[str, list[tuple[int, float, float]]] = defaultdict(list)  # (no list made for each look-up)
    for i, directive_gains in enumerate(gains):
        for t, gain, rarest in directive_gains:
            by_term[t].append((i, gain, rarest))
    return dict(by_term)


def all_within_reach(by_term: dict[str, list[tuple[int, float, float]]], rank: dict[str, int],
                     pool_terms: Sequence[frozenset[str]], floor: float) -> dict[int, list[int]]:
    """Return, for each directive (by its place in `directives_by_term`) some sentence of one document is within
    reach of, what `within_reach` gives for it, in one pass over its sentences' terms, each sentence's rarest first
    (`rank`: the order of `term_gains`, hence the same sums): no look-up of the many terms of a directive that the
    document lacks, no list for the many directives it cannot evidence."""
    out: defaultdict[int, list[int]] = defaultdict(list)
    no_directive: list[tuple[int, float, float]] = []
    for j, terms in enumerate(pool_terms):
        reach: dict[int, float] = {}
        get = reach.get
        for t in sorted(terms, key=rank.__getitem__):
            for i, gain, rarest in by_term.get(t, no_directive):
                reach[i] = get(i, rarest) + gain
        for i in compress(reach, map(ge, reach.values(), repeat(floor))):
            out[i].append(j)
    return out


def rarest_first(idf: dict[str, float]) -> dict[str, int]:
    """term -> its place among the terms rarest first, ties by the term (the order of `term_gains`)."""
    return {t: k for k, t in enumerate(sorted(idf, key=lambda t: (-idf[t], t)))}


def inverted(pool_terms: Sequence[frozenset[str]]) -> dict[str, list[int]]:
    """term -> the places of the sentences holding it."""
    postings: dict[str, list[int]] = {}
    for j, terms in enumerate(pool_terms):
        for t in terms:
            postings.setdefault(t, []).append(j)
    return postings


@dataclass(frozen=True)
class Scorer:
    """A logistic model over `Features` (weights fitted by `nlp train`)."""

    weights: tuple[float, ...]
    bias: float
    threshold: float  # the probability from which a sentence is evidence

    def probability(self, f: Features) -> float:
        return self.probability_of(f.vector())

    def probability_of(self, values: Sequence[float]) -> float:
        """The probability of the feature values in the order of `FEATURES` (`feature_values`)."""
        z = self.bias + sum(map(mul, self.weights, values))  # summed in order, as the features were
        return 1 / (1 + math.exp(-z))


# weights chosen on the two units development golds together by scripts/tune_evidence.py (a grid over
# coverage, rarity, head term, items and bias; each gold's evidence share minus its false-evidence share, summed):
# units.dev 0.72 / 0.11, units_2025_2026 0.68 / 0.18; a fitted logistic regression did worse held out
SCORER = Scorer(weights=(8.0, 6.0, 0.5, 0.5, 1.0, 0.5, 1.0, 1.0), bias=-10.0, threshold=0.5)
BOUND_MARGIN = 1e-6  # far above the rounding of a sum of a few dozen floats in [0, 10]


COMMON = 0.8  # the rarity under which a term is common: in more than about one sentence in 400 compared
# the probability from which a sentence sharing one common concept with a task is its evidence (the same topic is
# not the same task: the concept must be most of what the task is about)
ONE_CONCEPT = 0.8


def one_common_concept(shared: frozenset[str], idf: dict[str, float]) -> bool:
    """Whether the terms a sentence shares with a task are one common concept: a word with the pieces of it
    (金融机构, 金融, 机构; 医保 and 医疗保障 as its full name), none of them rare, no campaign, named event or
    metric: the same topic, and the same task only where the concept is most of the task (中小金融机构风险处置 is
    not reported by 持牌金融机构增加到1782家; 开展公开听证 is by 公开听证12次; 办好进博会 by 办好第八届进博会, a named
    event; 扩大入境消费 by 入境游客增长24%, whose word is rare)."""
    if not shared or any(idf[t] >= COMMON or t.startswith(("C:", "M:")) for t in shared):
        return False
    full, _ = _abbreviations()
    if any(len(full.get(t, "")) >= LONG_NAME for t in shared):
        return False
    spelled = {full.get(t, t) for t in shared}  # a short form as its full name
    longest = max(spelled, key=lambda t: (len(t), t))
    return all(t in longest for t in spelled)


def least_gain(scorer: Scorer) -> float:
    """Return the sum of weights times features a sentence needs to reach the scorer's threshold, less a margin
    for rounding; -inf when some weight is negative (`term_gains` then bounds nothing) or the threshold is no
    probability strictly between 0 and 1 (a rounded probability can be 1.0)."""
    if any(w < 0 for w in scorer.weights) or not 0 < scorer.threshold < 1:
        return -math.inf
    return math.log(scorer.threshold / (1 - scorer.threshold)) - scorer.bias - BOUND_MARGIN


def directive_items(terms: Terms, d: Directive) -> list[frozenset[str]]:
    """Return the terms of each item (clause) of a directive; one item done is the task reported."""
    text = terms.analysis.document.text
    # who is to act is no object of the task; but those counted are (全县9家危险化学品重点监管企业要全部接入…, 16个软弱
    # 涣散村党组织要…整顿转化到位: what the task is about, counted in its figure)
    actors = [a for a in (*d.actors, *d.inherited_actors) if not _counted(text, d.start, d.end, a)]
    # (where it names them, every place it writes their name; their words in other words are the task's,
    # 县直机关工委要…命名县级模范机关10个)
    # (nor the unit a report is sent to: 将落实情况汇总报县政府, 报县委组织部备案)
    named = sorted([*(span for a in actors for span in _places_of(a, text, d.start, d.end)),
                    *(m.span("unit") for m in SENT_TO.finditer(text, d.start, d.end)),
                    *(m.span("whom") for m in SERVED.finditer(text, d.start, d.end))])
    items: list[frozenset[str]] = []
    start = d.start
    for m in CLAUSE_BREAK.finditer(text, d.start, d.end):
        if m.start() > start and not FRAME.fullmatch(text, start, m.start()):
            _add_item(items, _terms_besides(terms, start, m.start(), named), text, start, m.start())
        start = m.end()
    if start < d.end:
        _add_item(items, _terms_besides(terms, start, d.end, named), text, start, d.end)
    return items


def _places_of(name: str, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans where text[start:end] writes `name`, left to right, not overlapping."""
    at = text.find(name, start, end)
    while at >= 0 and name:
        yield at, at + len(name)
        at = text.find(name, at + len(name), end)


def _terms_besides(terms: Terms, start: int, end: int, named: Sequence[tuple[int, int]]) -> frozenset[str]:
    """The terms of text[start:end] outside the spans `named` (in order)."""
    out: set[str] = set()
    for a, b in named:
        if b <= start or a >= end:
            continue
        if a > start:
            out |= terms.of(start, a)
        start = max(start, b)
    if start < end:
        out |= terms.of(start, end)
    return frozenset(out)


SENT_TO = re.compile(r"(?:(?<![申举预填通])报送?|上报|报告|提交)(?:至|给)?"
                     r"(?P<unit>[市县区乡镇省](?![级域])[\u4e00-\u9fff]{0,10}?(?:政府|委员会|委|局|办公室|办|室|部|厅|中心))"
                     r"(?=备案|审批|审定|审核|[，,。；;]|$)")
# those a service is for (全年为中小企业提供应急转贷服务5亿元以上): who gains, not what the task is about
# (not a purpose, 为切实提高办理质量, nor what something gives room for, 为宏观政策实施提供了空间)
SERVED = re.compile(r"(?<![成作])为(?!全面|切实|扎实|有力|进一步|深入|加快|更好|推动|确保)(?P<whom>[\u4e00-\u9fff]{2,10}?)"
                    r"(?=(?:免费)?(?:提供|办理|减免|发放|兑现|兑付)(?!了))")
COUNT_BEFORE = re.compile(r"\d+[个名家所项户座条处件支批]$")  # a count right before a name (9家, 16个)


def _counted(text: str, start: int, end: int, name: str) -> bool:
    """Whether a directive (text[start:end]) names the party `name` right after a count of it (9家…企业)."""
    at = text.find(name, start, end)
    return at >= 0 and COUNT_BEFORE.search(text, max(start, at - 8), at) is not None


# the frame of a meeting's decided matters (会议要求，…; 会议明确，由…): said of every task of the minutes, no item
FRAME = re.compile(r"(?:会议|会上|会议还)(?:要求|明确|强调|指出|认为|同意|决定|提出|原则同意|议定)")
# 1.筹集… 2.对符合条件的…, （1）…（2）…, ①…②…: numbered measures in a cell
ITEM_NUMBER = re.compile(r"(?:^|(?<=[\s。；;]))(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[\u2460-\u2473])")


def _numbered(text: str, a: int, b: int) -> dict[int, tuple[int, int, int]]:
    """The numbered measures of a cell text[a:b] (1.… 2.…), by their number: (number, start, end), the number cut
    off and the white space after each; {} where it holds fewer than two."""
    found = list(ITEM_NUMBER.finditer(text, a, b))
    if len(found) < 2:
        return {}
    ends = [m.start() for m in found[1:]] + [b]
    out: dict[int, tuple[int, int, int]] = {}
    for m, end in zip(found, ends, strict=True):
        mark = m.group()
        number = ord(mark) - 0x245F if len(mark) == 1 else int(mark.strip("（()）.．、"))  # (① is 1)
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        out.setdefault(number, (number, m.end(), end))
    return out


# a sentence whose subject points back (该项工作未能按期完成。): what it speaks of is its heading's
# whose enterprises (or schools, hospitals) a text speaks of: 省属国有企业, 市属国企, 央企; a province's task on its
# own enterprises is not done by a city restructuring the city's (市属国有企业整合重组)
OWNED_BY = re.compile(r"(?P<levels>(?:中央|省|市|州|(?<![联同加结])盟|县|区|旗|乡镇)+)(?:属|管)"
                      r"(?=[\u4e00-\u9fff]{0,4}?(?:企业|国企|公司|集团|高校|医院|学校|中小学))|(?P<central>央企|中央企业)")
LEVEL = re.compile(r"中央|省|市|州|盟|县|区|旗|乡镇")
ANY_OWNER = re.compile(r"地方国有企业|地方国企|各级国有企业")  # (中央企业和地方国有企业: enterprises of every level)


def owners(text: str) -> frozenset[str]:
    """The levels whose enterprises, schools or hospitals a text names by their owner (省属企业 → 省, 省市属国有企业
    → 省, 市, 央企 → 中央); none where it names those of every level too (地方国有企业)."""
    if not ("属" in text or "管" in text or "央" in text) or ANY_OWNER.search(text):
        return frozenset()
    return frozenset(level for m in OWNED_BY.finditer(text)
                     for level in (LEVEL.findall(m.group("levels")) if m.group("levels") else ("中央",)))


ANAPHOR = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?:该|此|这|上述)(?:项|些)?(?:工作|任务|事项|项目|问题)")
BARE_RATE = re.compile(r"[\u4e00-\u9fff]{1,2}率|比例|占比|比重")


def _add_item(items: list[frozenset[str]], item: frozenset[str], text: str, start: int, end: int) -> None:
    """Add the terms of a clause (text[start:end]) to a directive's items; a clause naming a bare rate only (…工作
    机制，年底前覆盖率达到95%) measures the clause before it, and joins it: alone, any sentence of the field giving a
    覆盖率 would cover it. A clause of companions alone (…，10月底前全部开工) says how far the one before is to go:
    no item, unless it names a thing of any field, which they then tell apart (新开工亿元以上项目: the projects
    started)."""
    if not item or (item <= _companions() and FIELD_NOUN.search(text, start, end) is None):
        return
    longest = max(item, key=lambda t: (len(t), t))
    if items and BARE_RATE.fullmatch(longest) and all(t in longest for t in item):
        items[-1] = items[-1] | item
    else:
        items.append(item)


def _topic(terms: Terms, analysis: Analysis, sent: Sentence) -> frozenset[str]:
    """The terms of the heading a sentence stands under (三、永久基本农田核实整改补足 over 该项工作未能…完成。)."""
    if sent.section is None:
        return frozenset()
    heading = analysis.outline[sent.section]
    return terms.of(heading.start, heading.end)


LABEL_CHARS = 20  # a paragraph's lead sentence no longer than this, with no figure, labels the sentences after it


def lead_labels(analysis: Analysis) -> dict[int, Sentence]:
    """paragraph -> its lead label: the sentence opening it (or following the heading it opens with), of at most
    `LABEL_CHARS` characters with no figure, that more sentences of the paragraph follow (加强文化遗产保护传承。
    浦江上山遗址…; 城市更新扎实开展。…): the bold lead-in of a report's paragraph, naming the field that the
    sentences after it report on."""
    sentences, headings = analysis.sentences, {o.start for o in analysis.outline}
    figures = sorted(q.start for q in analysis.quantities)
    out: dict[int, Sentence] = {}
    for k, s in enumerate(sentences[:-1]):
        if len(s.text) > LABEL_CHARS or s.text[-1] not in SENTENCE_END or s.start in headings \
                or sentences[k + 1].paragraph != s.paragraph:
            continue  # (most sentences: the cheap tests first)
        before = sentences[k - 1] if k else None
        opens = before is None or before.paragraph != s.paragraph or (
            before.start in headings and (k < 2 or sentences[k - 2].paragraph != s.paragraph))
        if opens and bisect.bisect_left(figures, s.start) == bisect.bisect_left(figures, s.end):
            out[s.paragraph] = s
    return out


def candidate_features(base: Analysis, others: Sequence[Analysis], where: frozenset[str] = frozenset()
                       ) -> tuple[list[list[frozenset[str]]], list[list[Sentence]], list[list[frozenset[str]]],
                                  dict[str, float], list[MetricNames]]:
    """Return each directive's item terms, each document's evidence sentences and their terms among the
    directives' terms, these terms' weights (inverse document frequency over the sentences of all the
    compared documents), and per document the metrics its sentences name (`MetricNames`). The words naming the
    base's own place (`where`: 澜岑省, 澜岑) are no terms: they say where, not what (加快建设澜岑国际陆港 is not
    reported by 新增“澜岑精品”认证企业42家)."""
    all_base_terms = Terms(base)
    d_items = [directive_items(all_base_terms, d) for d in base.directives]
    if where:
        d_items = [[kept for item in items if (kept := item - where)] for items in d_items]
    # only the directives' terms are weighed: the others' document frequencies and places are not needed
    vocabulary = Vocabulary(frozenset().union(*(item for items in d_items for item in items)))
    base_terms = Terms(base, vocabulary)
    pools = [reported_sentences(o) for o in others]
    pool_terms: list[list[frozenset[str]]] = []
    own_terms: list[list[frozenset[str]]] = []  # without what their labels give: what their terms' rarity counts
    in_metrics: list[MetricNames] = []
    known = KnownCampaigns(base, vocabulary)
    for other, pool in zip(others, pools, strict=True):
        t = Terms(other, vocabulary, known)
        in_metrics.append(MetricNames(t, pool))
        # a row whose task cell holds several numbered measures speaks of those its progress cell names
        several = {row.line[0]: row.judged for row in task_rows(other.document.text)
                   if row.judged is not None and len(ITEM_NUMBER.findall(other.document.text, *row.task)) >= 2}
        terms: list[frozenset[str]] = []
        for k, s in enumerate(pool):
            judged = several.get(s.start)
            own = t.of(*judged) if judged is not None else t.of(s.start, s.end)
            if ANAPHOR.match(s.text):
                # what it points back to: the sentence before in its paragraph, else its heading
                before = pool[k - 1] if k and pool[k - 1].paragraph == s.paragraph else None
                own |= terms[k - 1] if before is not None else _topic(t, other, s)
            terms.append(own)
        own_terms.append(terms)
        # a sentence under a lead label naming a campaign or a metric (着力提升生态环境质量。…PM2.5年平均浓度降至25微克/
        # 立方米…) reports on it: it has the label's campaign and metric terms too
        labels = lead_labels(other)
        named = {p: found for p, label in labels.items() if (found := t.named(label.start, label.end))}
        pool_terms.append([own | named[s.paragraph] if s.paragraph in named and labels[s.paragraph].end <= s.start
                           else own for s, own in zip(pool, terms, strict=True)])
    df: Counter[str] = Counter()
    n = 0
    for s in base.sentences:
        df.update(base_terms.of(s.start, s.end))
        n += 1
    for terms in own_terms:
        for t in terms:
            df.update(t)
            n += 1
    # rarity in [0, 1] whatever the documents' length: inverse document frequency over its largest value
    top = math.log(n + 1) + 1
    idf = {t: (math.log((n + 1) / (c + 1)) + 1) / top for t, c in df.items()}
    for items in d_items:
        for item in items:
            for t in item:
                idf.setdefault(t, 1.0)
    return d_items, pools, pool_terms, idf, in_metrics


class MetricWords(NamedTuple):
    """A metric a sentence names: its key, the terms of the words of its name (whatever the directives' terms are),
    and the terms (among the directives') that the sentence has only in its name."""

    key: str
    name: frozenset[str]
    only_there: frozenset[str]


def not_named(metrics: Sequence[MetricWords], keys: frozenset[str], terms: frozenset[str]) -> frozenset[str]:
    """The words a sentence has only in the names of `metrics` that a directive (naming the metrics of `keys`,
    having `terms`) does not name, by key nor by every word of the name; not those in a name it does (收入 of
    一般公共预算收入 is 居民人均可支配收入's too, for 增加城乡居民收入)."""
    named = [m.key in keys or m.name <= terms for m in metrics]
    if all(named):
        return NO_TERMS
    return frozenset().union(*(m.only_there for m, n in zip(metrics, named, strict=True) if not n)).difference(
        *(m.only_there for m, n in zip(metrics, named, strict=True) if n))


SentenceFact = TypeVar("SentenceFact")


class BySentence(dict[int, SentenceFact]):
    """Something of each sentence of a document's evidence pool (by its place in the pool), worked out for a sentence
    when first asked (`__missing__`) from the sentence and the document's terms among the directives' (`t`)."""

    def __init__(self, t: Terms, pool: Sequence[Sentence]) -> None:
        super().__init__()
        self.t = t
        self.pool = pool


class MetricNames(BySentence[tuple[MetricWords, ...]]):
    """The main metrics each sentence names with words it has nowhere else: those words are the metric's (地区生产总值…
    规模以上工业增加值增长6.8%…, a report's main figures), and do not report on a figure a directive sets for something
    else (新增规模以上工业企业1200家)."""

    def __missing__(self, j: int) -> tuple[MetricWords, ...]:
        s, t = self.pool[j], self.t
        # where each name starts: after the last figure or 、 inside it, whose words before name another thing (a
        # name run over a figure or a list: 粮食播种面积68.4万亩、总产, 规模以上工业企业营业收入、增加值)
        mentions = [(max(a, s.text.rfind("、", a, b) + 1, t.in_quantity.rfind(1, s.start + a, s.start + b) + 1 - s.start),
                     b, key) for a, b, key in sorted(metric_mentions(s.text))]
        named: list[MetricWords] = []
        if mentions:
            outside: set[str] = set()
            at = s.start
            for a, b, _ in mentions:
                if s.start + a > at:
                    outside |= t.of(at, s.start + a)
                at = max(at, s.start + b)
            outside |= t.of(at, s.end)
            for a, b, key in mentions:
                only_there = frozenset(w for w in t.of(s.start + a, s.start + b) - outside
                                       if not w.startswith(("M:", "C:")))
                if only_there:
                    named.append(MetricWords(key, t.words_of(s.start + a, s.start + b), only_there))
        found = self[j] = tuple(named)
        return found


class MoneyClauses(BySentence[tuple[tuple[frozenset[str], bool], ...] | None]):
    """For each sentence that speaks of money got or handed on (`MONEY_GIVEN`): the terms of each of its clauses and
    whether the clause is about that money; None for the others."""

    def __missing__(self, j: int) -> tuple[tuple[frozenset[str], bool], ...] | None:
        s = self.pool[j]
        found: tuple[tuple[frozenset[str], bool], ...] | None = None
        if MONEY_GIVEN.search(s.text):
            breaks = list(CLAUSE_SPLIT.finditer(s.text))
            spans = zip([0, *(m.end() for m in breaks)], [*(m.start() for m in breaks), len(s.text)], strict=True)
            found = tuple((self.t.of(s.start + a, s.start + b),
                           (m := MONEY_GIVEN.search(s.text, a, b)) is not None
                           and not WORK_WITH_MONEY.search(s.text, m.end(), b)) for a, b in spans)
        self[j] = found
        return found


def match_directives(base: Analysis, others: Sequence[Analysis],
                     stated: Sequence[dict[str, list[int]]] | None = None,
                     shares: Sequence[bool] | None = None, whole: str | None = None,
                     leads: Sequence[frozenset[str]] | None = None, where: frozenset[str] = frozenset()
                     ) -> list[list[DirectiveResult]]:
    """For each directive of `base`, one result per other document. `stated`, per document: directive id -> where
    the document states the results of its targets (`find_result`); the sentences stating them are its first
    evidence, the figures the comparison's targets show. `shares`, per document: whether it speaks for a narrower
    level than `base` (a county against its city), where a total the base sets is done by the document's share;
    `whole`: the words for the base's whole scope (全市), with which a sentence giving the whole's total opens
    (全市建成高标准农田2.6万亩, in the summary of the bureau that leads the task): no share, the total itself;
    `leads`, per document: the ids of the directives its unit leads (named first: 牵头单位：市商务局, in 泓川市商务局's
    summary), whose figures it gives are the total, not a share; `where`: the words naming the place the base speaks
    for (澜岑省, 澜岑), no terms."""
    scorer = SCORER
    total = _whole_total(whole) if whole else None
    d_items, pools, pool_terms, idf, in_metrics = candidate_features(base, others, where)
    d_terms = [DirectiveTerms.of(items, idf) for items in d_items]
    gains = [term_gains(d, idf, scorer.weights) for d in d_terms]
    floor = least_gain(scorer)
    by_term, rank = directives_by_term(gains), rarest_first(idf)
    goals = Goals.all(base)
    parts = metric_parts()  # (a directive naming a whole names its parts: 城乡居民人均可支配收入, 农村居民人均…)
    named_metrics = [frozenset(k for t in d.metrics for k in (t[2:], *parts.get(t[2:], ()))) for d in d_terms]
    # the words naming what a directive's figures count (新增规模以上工业企业 of …1200家以上)
    target_words = [frozenset().union(*(_phrase_terms(name) for _, name in g.names)) for g in goals]
    place = {d.id: i for i, d in enumerate(base.directives)}
    about_money = [bool(MONEY_TASK.search(d.text)) for d in base.directives]
    parities = [i for i, g in enumerate(goals) if g.parity is not None]
    # a sentence's probability depends only on the terms it shares with the directive: worked out once for each
    # (directive, shared terms), which sentences of many documents repeat
    known: list[dict[frozenset[str], tuple[float, bool]]] = [{} for _ in d_terms]

    def judged(i: int, sentence: frozenset[str]) -> tuple[float, bool]:
        """The probability that the sentence is evidence of directive i, and whether it is: it reaches the
        threshold, and `ONE_CONCEPT` where all it shares with the directive is one common concept."""
        shared = d_terms[i].everything & sentence
        found = known[i].get(shared)
        if found is None:
            p = scorer.probability_of(feature_values(d_terms[i], shared, idf))
            found = known[i][shared] = (p, p >= scorer.threshold and (p >= ONE_CONCEPT or not one_common_concept(shared, idf)))
        return found

    def probability(i: int, sentence: frozenset[str]) -> float:
        return judged(i, sentence)[0]

    # the numbers a directive is known by (…的建议（第38号，代表：…）：…): a reply answers it under that number
    refs = [references(d.text) for d in base.directives]
    owned = [owners(d.text) for d in base.directives]
    referenced = [i for i, r in enumerate(refs) if r]
    results: list[list[DirectiveResult]] = [[] for _ in base.directives]
    for n, (other, pool, terms) in enumerate(zip(others, pools, pool_terms, strict=True)):
        reach = all_within_reach(by_term, rank, terms, floor)
        reporting = Reporting(other, pool)
        answers_at = reference_sections(other) if referenced else {}
        if answers_at:
            # a document answering by number (一、关于第38号建议的答复) speaks of a numbered directive only under its
            # number, and of no other numbered one: its evidence is the part's best sentences
            starts_all = [s.start for s in pool]
            # (the numbers each part answers: a part of two, 关于第16号、第22号建议的答复, is shared)
            answered = {i: {r2 for r in refs[i] for span in answers_at.get(r, ()) for r2, spans in answers_at.items()
                            if span in spans} for i in referenced}
            for i in referenced:
                reach.pop(i, None)
                inside = sorted({j for r in refs[i] for a, b in answers_at.get(r, ())
                                 for j in range(bisect.bisect_left(starts_all, a), bisect.bisect_left(starts_all, b))})
                if inside:
                    reach[i] = inside
        # what the document says of a directive it gives no evidence of: one object for all of them (immutable),
        # not one each for the garbage collector to scan
        unknown = DirectiveResult(document=n, status="unknown", score=0.0, evidence=())
        for row in results:
            row.append(unknown)
        results_at = stated[n] if stated is not None else {}
        metric_bound = in_metrics[n]
        money_clauses = MoneyClauses(metric_bound.t, pool)
        starts = [s.start for s in pool]
        labels = _summing_up(other, pool, reporting)
        # only the directives it may say something of: sentences within reach, results stated, a parity target
        # (a target may belong to a directive the base no longer has: one a reviewer marked 不是任务)
        for i in sorted({*reach, *(place[d] for d in results_at if d in place), *parities}):
            # the sentences stating its targets' results, in the order of the targets, once each: they come first,
            # ranked above any probability (then their own probability is shown)
            figures = list(dict.fromkeys(j for at in results_at.get(base.directives[i].id, ())
                                         if (j := bisect.bisect_right(starts, at) - 1) >= 0 and at < pool[j].end))
            scored = [(2.0 + len(figures) - k, j) for k, j in enumerate(figures)]
            parity = goals[i].parity
            if parity is not None:
                # a parity target (居民收入增长和经济增长同步) is reported by the figures of its first metric: the
                # sentences that give them are its evidence, whatever their words share with the directive's
                for j in reporting.parity_sentences(parity):
                    if j not in figures:
                        scored.append((probability(i, terms[j]), j))
            elif answers_at and refs[i]:
                # (its part answers it: its sentences that share its words and report something, best first)
                scored += [(p, j) for j in reach.get(i, ()) if j not in figures and (p := probability(i, terms[j])) > 0
                           and not REPLY_FRAME.search(pool[j].text) and _says_done(pool[j], reporting)
                           and (len(answered[i]) == 1 or judged(i, terms[j])[1])]  # (a part shared: as elsewhere)
            else:
                owned_by = owned[i]
                money_task = about_money[i]
                for j in reach.get(i, ()):
                    if j in figures:
                        continue
                    sentence = terms[j]
                    if not money_task and (clauses := money_clauses[j]) is not None and all(
                            given for clause, given in clauses if clause & d_terms[i].everything):
                        continue  # all it shares with the task is in money got or handed on for it
                    if target_words[i] and (metrics := metric_bound[j]):  # (its target's words in a metric it
                        sentence = sentence - (target_words[i] & not_named(  # does not name)
                            metrics, named_metrics[i], d_terms[i].everything))
                    pj = judged(i, sentence)
                    if not pj[1] and pj[0] >= scorer.threshold:  # one common concept: the task's own count of it
                        pj = (pj[0], _counts_it(goals[i], d_terms[i].everything & sentence, pool[j], reporting))
                    elif pj[1] and one_common_concept(shared := d_terms[i].everything & sentence, idf) \
                            and _counted_units(goals[i], shared)[1]:
                        # (the concept its target counts, scoring above `ONE_CONCEPT`: 签约 of 新签约亿元以上项目150个
                        # is not reported by 家庭医生签约服务, but by a count of it)
                        pj = (pj[0], _counts_it(goals[i], shared, pool[j], reporting))
                    if pj[1] and not (owned_by and (said := owners(pool[j].text)) and said.isdisjoint(owned_by)):
                        scored.append((pj[0], j))  # (not another level's enterprises: 市属国企 for 省属国有企业)
                if not labels.isdisjoint(j for _, j in scored):
                    scored = [x for x in scored if x[1] not in labels]
            if not scored:
                continue
            scored.sort(key=lambda x: (-x[0], x[1]))
            evidence = tuple(Evidence(text=pool[j].text, start=pool[j].start, end=pool[j].end, score=round(
                p if p <= 1 else probability(i, terms[j]), 3)) for p, j in scored[:MAX_EVIDENCE])
            share = shares is not None and shares[n] and not (total is not None and total.match(evidence[0].text)) \
                and not (leads is not None and base.directives[i].id in leads[n])
            task = base.directives[i].text
            rows = [reporting.row_said(e, base.directives[i].text) for e in evidence]
            answers = tuple(row or _answer(e, task) for row, e in zip(rows, evidence, strict=True))
            # (a unit restating the task with its figure before what it did has that figure for its own target:
            # 改造城镇老旧小区12个，已完成8个 is 8 of 12, no share of a total; a table row's task cell is the base's task)
            restated = rows[0] is None and answers[0] is not evidence[0] and FIGURE.search(
                evidence[0].text, 0, max(0, answers[0].start - evidence[0].start)) is not None
            # (a table row whose state cell says where the task stands, 已完成, 序时推进, 滞后, or a bulletin's heading
            # grouping its points by it, 进度滞后的任务: the office's own word)
            row_state = (rows[0] is not None and reporting.row_state(evidence[0])) or reporting.group_state(evidence[0])
            status = row_state or _status(
                goals[i], answers, reporting, share and not restated,
                of_task=rows[0] is not None or answers[0] is not evidence[0])
            if status == "not_met" and rows[0] is None and not said_missed(evidence[0].text) \
                    and reporting.rest_under_way(evidence[0], goals[i].text,
                                                 frozenset(q.unit for q in goals[i].targets if q.unit)):
                status = "partial"
            # (its figure reached, and more of it said under way after it: 建成智慧教室45间；另有60间正在安装调试)
            if status == "met" and not row_state and rows[0] is None and reporting.rest_under_way(
                    evidence[0], goals[i].text, frozenset(q.unit for q in goals[i].targets if q.unit), counted=True):
                status = "partial"
            # (a target due only in a later year, 到2027年…达到300亿元, against this year's 186亿元: progress)
            if status in ("met", "not_met") and not said_missed(answers[0].text) \
                    and _short_of_later(goals[i], answers[0], reporting):
                status = "partial"
            # (the rest of the task left, in its other evidence; not against a table row's own word)
            if status == "met" and not row_state and len(answers) > 1 and _rest_left_elsewhere(answers, reporting, [
                    bool(d_terms[i].everything & terms[j] - terms[scored[0][1]]) for _, j in scored[:MAX_EVIDENCE]]):
                status = "partial"
            # (its groundwork done, or its papers sent up: begun, not done)
            if status == "met" and not row_state and _first_stage_only(goals[i].text, answers[0].text):
                status = "partial"
            if answers_at and refs[i] and (said := _category(other.document.text, answers_at, refs[i])) is not None:
                status = said  # (办理结果：B类（所提问题正在解决…）: the reply's own category of its answer, last)
            if status == "unknown" and parity is not None and not figures:
                continue  # a parity target the document gives one side of: nothing to judge by
            results[i][n] = DirectiveResult(document=n, status=status, score=max(e.score for e in evidence),
                                            evidence=evidence)
    return results


NAME_CHARS = 10  # the characters before a figure that name what it counts
# the stage a `first_stage` cue names: the words after 完成, or the papers sent up and 报送/上报/提交
STAGE_NAMED = re.compile(r"完成(?:了)?(?:项目)?(?P<done>[\u4e00-\u9fff]{2,})|(?P<papers>[\u4e00-\u9fff]{2})已")
# more done after its first stage (…已完成选址，主体工程已完工; 申报材料已报送…，已获批复)
FINISHED = re.compile(r"(?:已经?|全部|顺利)(?:建成|完工|竣工|投入使用|投用|投运|运行|开通|通过|获批|批复|完成)|获批|完成率")
SENDING_UP = re.compile(r"报送|上报|报批|提交|申报|报审")  # a task of sending papers up (…方案报省审批)


def _first_stage_only(task: str, said: str) -> bool:
    """Whether what a sentence says done of a task is only a first stage of it (the `first_stage` cue: 已完成选址和用地
    协调, 申报材料已报送…): not where the task is that stage itself (年内完成选址, 报送申报材料), nor where the
    sentence says more done after it (…已完成选址，主体工程已完工: `FINISHED`)."""
    first = cue("first_stage")
    m = first.search(said)
    if m is None or any(not first.match(said, f.start()) for f in FINISHED.finditer(said, m.end())):
        return False
    named = STAGE_NAMED.search(m.group(0))
    stage = named.group("done") or named.group("papers") if named else ""
    papers = named is None or named.group("papers") is not None  # (papers sent up: a task of sending them is done)
    return not (stage and stage in task) and not (papers and SENDING_UP.search(task))


def _counted_units(goals: Goals, shared: frozenset[str]) -> tuple[str, frozenset[str]]:
    """The one common concept a sentence shares with a task (`one_common_concept`: its longest word), and the
    families (`family`) of the units of the task's targets whose words name it (培训 of 全年培训3000人: people); none
    for a rate (a rate's word, 利用率, is any rate's)."""
    concept = max(shared, key=lambda t: (len(t), t))
    names = dict(goals.names)
    return concept, frozenset(family(q.unit) for q in goals.targets if q.unit and q.unit not in RATE_UNITS
                              and concept in names.get(q.id, ""))


def _counts_it(goals: Goals, shared: frozenset[str], sentence: Sentence, reporting: Reporting) -> bool:
    """Whether a sentence sharing one common concept with a task (`one_common_concept`) gives a figure of what one
    of the task's targets counts: in the target's unit, the concept in the words naming both (全年发展党员18名 for
    全县年内发展党员不少于200名; not 3个…未发展党员的村); a count, not a rate (一般工业固体废物综合利用率 is not 受污染耕地安全
    利用率)."""
    concept, units = _counted_units(goals, shared)
    if not units:
        return False
    text = sentence.text
    for q in reporting.quantities.starting_in(sentence.start, sentence.end):
        at = q.start - sentence.start
        if q.unit and family(q.unit) in units and not q.masked \
                and concept in text[clause_start(text, 0, at, SENTENCE_CLAUSE):at][-NAME_CHARS:]:
            return True
    return False


def _paired(targets: Sequence[Quantity], counted: Sequence[Quantity], goals: Goals, top: Evidence
            ) -> list[tuple[float, Quantity]]:
    """(figure, target) of as many figures as targets: each target with the figure whose words before it (in its
    clause) share the most pairs of characters with the target's own words, where that gives each its own figure;
    else in order."""
    names = dict(goals.names)
    said = [top.text[max(clause_start(top.text, 0, q.start - top.start, SENTENCE_CLAUSE), q.start - top.start - NAME_CHARS):
                     q.start - top.start] for q in counted]
    chosen = []
    for t in targets:
        words = names.get(t.id, "")
        pairs = {words[k:k + 2] for k in range(len(words) - 1) if HAN_RUN.fullmatch(words[k:k + 2])}
        shared = [sum(p in w for p in pairs) for w in said]
        best = max(range(len(said)), key=lambda k: (shared[k], -k))
        chosen.append(best if shared[best] else None)
    if None in chosen or len(set(chosen)) < len(chosen):
        chosen = list(range(len(targets)))
    return [(float(counted[k].value), t) for k, t in zip(chosen, targets, strict=True)]  # type: ignore[arg-type]


TITLE_YEAR = re.compile(r"(?<!\d[—－\-~至到])(20\d{2})年(?![—－\-~至到]\d)")  # (not a range's years)


def reported_year(analysis: Analysis) -> int | None:
    """The year a document reports on: the one its title names (…2025年工作总结, signed in January 2026), else the
    year it speaks from."""
    m = TITLE_YEAR.search(YEAR_RANGE.sub("", TITLE_QUOTE.sub("", analysis.document.title or "")))  # (not a plan's title
    # it names, nor a period: …三年行动（2025年至2027年）2025年实施情况)
    return int(m.group(1)) if m else document_year(analysis.document)


def _short_of_later(goals: Goals, top: Evidence, reporting: Reporting) -> bool:
    """Whether every target of a directive falls due after the year a report is on (and it dates nothing for that
    year) and the report's figures in a target's kind and unit stay below it (软件业务收入186亿元 against 到2027年…300亿元): progress, neither met nor
    missed."""
    year = reporting.year
    targets, not_due = goals.due_by(year)
    # (nor where the directive dates another part for the year: 2025年底前组建…机构，到2027年…突破10亿元; not a
    # baseline, 在2024年基础上)
    words = YEAR_RANGE.sub(lambda q: "　" * len(q.group(0)), TITLE_QUOTE.sub(lambda q: "　" * len(q.group(0)), goals.text))
    if not not_due or any(int(m.group(1)) == year and not _baseline(words, m) for m in DUE_YEAR.finditer(words)):
        return False
    said = [q for q in reporting.quantities_in(top) if isinstance(q.value, int | float) and not q.masked]
    compared = False
    for t in targets:
        if not isinstance(t.value, int | float) or t.unit is None or t.unit in goals.ceilings:
            continue
        figures = [float(q.value) for q in said if q.kind == t.kind and q.unit == t.unit  # type: ignore[arg-type]
                   and not TARGET_AFTER.match(top.text, q.end - top.start)]
        if figures:
            if max(figures) >= t.value:
                return False
            compared = True
    return compared


# a sentence opening with a task restated, then what became of it: （3）新增城市公共停车泊位800个：未能按期完成。
RESTATED = re.compile(r"^(?:[（(]?\d{1,3}[）)．.、]\s*)?(?P<task>[^：:。；;]{4,80})[：:]"
                      # (or before a comma, where what follows says what became of it: 改造…12个，已完成8个。)
                      r"|^(?:[（(]?\d{1,3}[）)．.、]\s*)?(?P<task2>[^：:。；;，,]{4,80})[，,](?=已|目前|累计|实际|现已|正在|尚|仍|未|截至)")
RESTATES = 0.6  # the share of a clause's character pairs found in the task from which it restates the task
FIGURE = re.compile(r"\d+(?:\.\d+)?")
NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")


def _share_context(text: str, m: re.Match[str]) -> str:
    """The words a share is of: its own clause's, or where it names nothing (…，占年度计划的85%), the clause before's
    (完成投资4.2亿元，占年度计划的85%: a share of investment)."""
    if m.group("said").strip():
        return m.group("said") + m.group("of")
    return text[clause_start(text, 0, m.start() - 1, SENTENCE_CLAUSE):m.start()] + m.group("of")


def _clause_of(text: str, at: int) -> str:
    """The clause of `text` holding position `at` (between punctuation)."""
    end = CLAUSE_BREAKS.search(text, at)
    return text[clause_start(text, 0, at, SENTENCE_CLAUSE):end.start() if end else len(text)]


def _names_task(said: str, task: str) -> bool:
    """Whether the words of a clause (入河排污口分类整治 of …完成75%) share two characters in a row with the task's."""
    said = NOT_HAN.sub("", said)
    return any(said[k:k + 2] in task for k in range(len(said) - 1))


def _said_of(said: str, task: str) -> bool:
    """Whether the words of a clause before a share (城镇新增就业 of …，城镇新增就业完成目标任务的96%) are of the task:
    none (the result just stated), or some pair of characters of them in the task's words."""
    return len(NOT_HAN.sub("", said)) < 2 or _names_task(said, task)


def _answer(e: Evidence, task: str) -> Evidence:
    """The part of an evidence sentence its status is judged by: what it says became of a task it first restates
    (the figures of `…800个：` are the task's, not a result), else the whole sentence; a line giving the done and
    target figures (`OWN_TARGET`) is judged whole."""
    m = RESTATED.match(e.text)
    if m is None or m.end() >= len(e.text) - 1 or OWN_TARGET.match(e.text):
        return e
    clause = m.group("task") or m.group("task2")
    pairs = {clause[k:k + 2] for k in range(len(clause) - 1)}
    if sum(p in task for p in pairs) < RESTATES * len(pairs) or any(
            n not in task for n in FIGURE.findall(clause)):
        return e  # (not 改造老旧小区126个：东城街道45个…, a result of its own before its parts)
    return Evidence(text=e.text[m.end():], start=e.start + m.end(), end=e.end, score=e.score)


# the number of a deputy's suggestion or a member's proposal (…的建议（第38号，代表：…）, 关于第38号建议的答复)
REFERENCE = re.compile(r"第(?P<numbers>\d{1,4}(?:(?:号)?[、，,和及与]\s*(?:第)?\d{1,4})*)号"
                       r"(?=\s*(?:建议|提案|议案|关于|[，,、]\s*(?:代表|提案人|委员|领衔)|[（(]))"
                       # (…的建议（第22号）：, 的建议（第16号、第22号）：, 的建议（第16号，林某某…提出）; not 总河长令（第1号）)
                       r"|(?<=(?:建议|提案|议案)[（(])第(?P<numbers2>\d{1,4}(?:号?[、，,和及与]\s*第?\d{1,4})*)号(?=[，,、）)])"
                       r"|(?<=[（(])第(?P<numbers3>\d{1,4})号[）)](?=\s*关于)")  # (1.（第11号）关于…的建议：)


DIGITS = re.compile(r"\d+")


def references(text: str) -> frozenset[str]:
    """The numbers of the suggestions or proposals a text names (…的建议（第38号，代表：…）, 关于第16、22号建议的答复,
    提案第0123号 关于…; not 县政府令第3号), without their leading zeros."""
    return frozenset(n.lstrip("0") or "0" for m in REFERENCE.finditer(text)
                     for n in DIGITS.findall(m.group("numbers") or m.group("numbers2") or m.group("numbers3")))
# the category a reply gives its answer (办理结果：A类（所提问题已经解决或基本解决）): A solved, B being solved or planned,
# C left for reference (not to be done now)
CATEGORY = re.compile(r"(?:办理结果|办理类别|答复类别|答复类型|办理类型)[:：][^。\n]{0,20}?(?P<c>[ABCＡＢＣ])类")
CATEGORY_STATUS: dict[str, Status] = {"A": "met", "B": "partial", "C": "not_met", "Ａ": "met", "Ｂ": "partial",
                                      "Ｃ": "not_met"}
# a reply's words on the suggestion rather than on what was done (您提出的《…的建议》由县城管局主办，…), and its pledges
# (我局将会同…)
# (a pledge's 将 before what it will do, 我局将会同…; not the 将 of 把, 我局将学校食堂…纳入…考核)
REPLY_FRAME = re.compile(r"^(?:您|你们|各位代表|各位委员)[^。；;]{0,30}?(?:提出|所提|反映)的|收悉|答复如下|由[^，,。；;]{2,16}?"
                         r"(?:主办|另行答复|答复)|(?:我局|我委|我办|我们|我镇|我乡|我县|我区)(?:拟|计划(?=于|在|明年|"
                         r"下一?年|今后|\d{4}年)|将(?="
                         r"会同|继续|进一步|加快|积极|全力|加大|持续|按照|结合|尽快|力争|努力|认真|严格|适时|及时|配合|协调|"
                         r"协助|督促|统筹|研究|争取|指导|推动|推进))")


def reference_sections(analysis: Analysis) -> dict[str, list[tuple[int, int]]]:
    """number -> the parts of a document headed by it (一、关于第38号建议的答复 … up to the next heading of its level or
    higher): a reply to several numbered suggestions answers each in its own part."""
    outline = analysis.outline
    out: dict[str, list[tuple[int, int]]] = {}
    for o, end in zip(outline, ends(outline, len(analysis.document.text)), strict=True):
        for number in references(o.title):
            out.setdefault(number, []).append((o.start, end))
    if not out and len(numbers := references(analysis.document.title or "")) == 1:
        # a reply to one suggestion (对…第29号建议的答复): all of it answers that one
        out[next(iter(numbers))] = [(0, len(analysis.document.text))]
    return out


@cache
def _category_of(number: str) -> re.Pattern[str]:
    """The category given one number in a line naming several (第22号建议为B类)."""
    return re.compile(rf"第0*{number}号[^，,。；;ABCＡＢＣ]{{0,10}}?(?P<c>[ABCＡＢＣ])类")


def _category(text: str, answers_at: dict[str, list[tuple[int, int]]], refs: frozenset[str]) -> Status | None:
    """The status the category line of a reply's answer to these numbers gives (`CATEGORY`), None where it has none."""
    for r in sorted(refs):
        for a, b in answers_at.get(r, ()):
            found = list(CATEGORY.finditer(text, a, b))
            for m in found:  # (one line for two: 办理结果：第16号建议为A类，第22号建议为B类)
                line = text[text.rfind("\n", a, m.start()) + 1:text.find("\n", m.start()) % (len(text) + 1)]
                if (each := _category_of(r).search(line)) is not None:
                    return CATEGORY_STATUS[each.group("c")]
            # (a part answering two: the line naming this one's number, 第22号建议办理结果：B类, else its only one)
            named = [m for m in found if r in references(text[text.rfind("\n", a, m.start()) + 1:m.end()])]
            if named or len(found) == 1:
                return CATEGORY_STATUS[(named or found)[0].group("c")]
    return None


SAYS_DONE = re.compile(r"已|完成|建成|完工|投入使用|投用|解决|落实|开通|实现|印发|出台|新增|新建|增设")  # (…新增交通信号灯4组)
# a plan or a referral, where nothing is done yet (…计划于2026年5月开工建设, 拟于…启动, 已将相关意见转送…研究办理)
NOT_DONE_YET = re.compile(r"计划于|(?<!曾)拟于?|将于|将在|预计|力争|需争取|届时|转送|转交|研究办理")
# something done now, whatever else the reply says (…已于10月建成并投入使用; a name of its own: `DONE_NOW` below is
# another test, and a second binding of one name made the later one this function's too)
REPLY_DONE = re.compile(r"已(?:经)?(?:全部|全面)?(?:完成|建成|完工|竣工|投入|开通|实现|解决|改造|新建|实施|印发|出台|整改)|"
                        r"全部(?:完工|完成|建成)")


def _says_done(sent: Sentence, reporting: Reporting) -> bool:
    """Whether a reply's sentence reports something: a result by its words or its figures, or words of work done
    (…已于10月建成并投入使用, whose polarity is neutral), not a remark on the matter (发展普惠托育服务是…重要举措)."""
    if REPLY_DONE.search(sent.text):
        return True
    quantities = reporting.quantities.starting_in(sent.start, sent.end)
    said = polarity(sent.text, quantities)
    if said == "shortfall":
        return True  # (why it was not done: 年初，我局曾拟…筹集…300套，但…难以获得银行贷款支持)
    if (later := NOT_DONE_YET.search(sent.text)) is not None and not any(
            q.kind != "date" and q.start - sent.start < later.start() for q in quantities):
        return False  # (not a result before it: …新建改造…6.5公里，预计年底前…基本解决)
    return bool(quantities) or said != "neutral" or SAYS_DONE.search(sent.text) is not None


def _summing_up(other: Analysis, pool: Sequence[Sentence], reporting: Reporting) -> set[int]:
    """The sentences of a pool (by place) that sum up a field rather than report the work: a run-in point's label
    (二是抓人居环境和生态保护。, 七是从严控制一般性支出。) and a heading's own sentence (（三）关于农村公路危桥改造的任务。,
    3. 家庭医生签约服务。) stating no result (not 1. 老旧小区改造未能按期完成。, 三是全面完成农村改厕任务。), and a dash's
    point opening a paragraph whatever it states (——加强基础设施建设，发展条件持续改善。): no evidence, even where no
    other sentence is (what the unit did is in the sentences after it)."""
    headings = {o.start for o in other.outline if not o.marker.endswith(("是", "要"))}
    states = cue_test("shortfall", "achievement")
    # a dash's point opening a paragraph of what was done (——加强基础设施建设，发展条件持续改善。新改建…): its label,
    # whatever it says of the field as a whole (a lead label: at most `LABEL_CHARS` characters, no figure)
    dashed = {s.start for s in lead_labels(other).values() if s.text.startswith("—")}
    return {j for j, s in enumerate(pool) if s.start in dashed or ((RUN_IN_LABEL.match(s.text) or (
        s.start in headings and len(s.text) <= HEADING_CHARS and not reporting.quantities.starting_in(s.start, s.end)))
            and not states(s.text))}


@cache
def _whole_total(whole: str) -> re.Pattern[str]:
    """A sentence giving the total of a base's whole scope: it opens with the words for it (`whole`), perhaps after
    a short clause of time (全市建成…; 2025年，全市…; 全年全市…; not 在全市率先开通…, a first in the whole)."""
    return re.compile(rf"^(?:[^，,。；;]{{0,10}}[，,])?(?:截至年底|年内|全年)?{whole}(?!域|率先|首|第一)")


# the words of a table's state column (`TaskRow.state`) and the status each gives: done; on its way (序时推进: on
# schedule, not done yet); behind or not done
STATES: tuple[tuple[Status, re.Pattern[str]], ...] = (
    ("met", re.compile(r"(?:已|提前|超额)?(?:完成|办结|销号|整改到位|落实到位|达标|建成|投运)")),
    ("partial", re.compile(r"(?:按|正)?序时(?:进度)?推进|按(?:计划|进度|时序)推进|正在(?:推进|实施|整改|办理)|"
                           r"(?:推进|实施|整改|办理|进行)中|部分完成")),
    ("not_met", re.compile(r"(?:进度)?滞后|未(?:按期|如期)?(?:完成|启动|开工|达标|办结|销号)|逾期(?:未完成)?|延期")),
)
# the words after a state that make it a group's (已完成的任务（16项）, 正在推进事项, 滞后项目)
GROUP_OF = re.compile(r"(?:的)?(?:重点)?(?:任务|事项|工作|项目)?(?:[（(][0-9一二三四五六七八九十]+[项个件][）)])?$")


# the rest of a task said to be under way by the sentence after its result, opening on it (剩余28个小区…目前正在加紧施工,
# 其余165户…预计2026年3月底前全部竣工; not a sentence on another task that leaves a remainder of its own)
TASK_PART = 5  # the characters in a row of a task that name a part of it (西门立体停车楼)
# (what is left: a count of the task's, 剩余28个小区, 其余165户; not funds, 剩余补助资金…, nor other work)
REST_UNDER_WAY = re.compile(r"^(?:剩余|其余|尚余|余下|另有)(?!资金|经费|补助|劳动力)(?P<what>[^，,。；;]{0,16}?\d+(?:\.\d+)?)(?P<unit>[^\d\s，,。；;]{1,4})"
                            r"[^。；;！]*?(?:正在|加紧|加快推进|持续推进|预计|力争|计划于|结转|顺延|推迟至|延至)")
TASK_WORD = re.compile(r"(?:任务|工作|目标|指标)$")  # (剩余3000亩造林任务: 造林)
# the thing a remainder names after its count (其余7个小区因…: 小区), up to what is said of it
REST_NAMED = re.compile(r"(?!正在|加紧|加快|持续|预计|力争|计划|结转|顺延|推迟|延至)[\u4e00-\u9fff]{2,}?"
                        r"(?=正在|加紧|加快推进|持续推进|预计|力争|计划于|结转|顺延|推迟至|延至|因|由于|受|[已仍尚还将均]|[，,])")
NOT_UNDER_WAY = re.compile(r"无法|难以|不能|暂缓|取消")  # (剩余28个小区…预计年内无法开工: nothing under way)
COMPLETED = re.compile(r"已?(?:全部|全面)?(?:完成|完工|竣工|建成|办结|投入使用|投用|拨付)")
NOT_COMPLETED = re.compile(r"(?:未|没有|尚未|还没有?)[^，,。；;]{0,4}?(?:完成|完工|竣工|建成|办结|投入使用|投用|拨付)")  # a part done, not under way


class Reporting:
    """A document reporting on directives, with what their statuses need of it worked out once: its quantities
    by position, and the status each sentence's polarity gives (a sentence is the best evidence of many)."""

    def __init__(self, analysis: Analysis, reported: Sequence[Sentence]) -> None:
        self.analysis = analysis
        self.reported = reported  # its `reported_sentences`
        self.quantities = SpanIndex(analysis.quantities, attrgetter("start"))
        self._by_polarity: dict[tuple[int, int], Status] = {}
        self._parity: dict[tuple[str, str], list[int]] = {}
        self._shares: dict[tuple[int, int], list[tuple[str, str, float]]] = {}

    @cached_property
    def listed(self) -> dict[str, str]:
        """quantity id -> the metric key of its subject, for the figures of `…分别…` lists (`respectively`)."""
        pairs = respectively(self.analysis.document.text, self.analysis.quantities, frozenset({"percent"}))
        return {q: key for q, (_, phrase, _) in pairs.items() if (key := metric_key(phrase)[0]) is not None}

    def parity_sentences(self, keys: tuple[str, str]) -> list[int]:
        """The sentences (by their place among `reported`) that report on a parity target (`_parity_keys`): those
        giving a percentage of its first metric or of one of its parts (居民人均可支配收入增长4.2%, 城镇和农村居民
        人均可支配收入分别增长4.3%、5.5%), and those stating the parity itself (居民收入增长和经济增长同步)."""
        found = self._parity.get(keys)
        if found is None:
            first = {keys[0]} | metric_parts().get(keys[0], frozenset())
            named = metrics_pattern(frozenset(first))
            found = self._parity[keys] = [
                j for j, s in enumerate(self.reported)
                if (named is not None and named.search(s.text)
                    and any(k in first and unit == "%" for k, _, unit in _named_figures(self, s.start, s.end)))
                or _parity_keys(s.text) == keys]
        return found

    @cached_property
    def _headline(self) -> str:
        """The document's title, and the short lines heading its text before the first line of running text: a
        bulletin's masthead is its title (蓼汀镇工作简报), its headline a line under it (蓼汀镇一季度重点工作推进情况)."""
        lines: list[str] = []
        for line in self.analysis.document.text[:HEADLINE_LINES * (HEADLINE_CHARS + 1) * 4].split("\n"):
            line = line.strip()
            if not line:
                continue  # (a red-header masthead's blank lines are no lines of it)
            if len(line) > HEADLINE_CHARS or BODY_LINE.search(line) or len(lines) == HEADLINE_LINES:
                break  # (the text begins: a sentence, or the first heading of its parts)
            lines.append(line)
        return "\n".join([self.analysis.document.title or "", *lines])

    @cached_property
    def _part_year_title(self) -> bool:
        title = self._headline
        # (a part the report is on, not one a plan in the same title is for: …总结和2026年第一季度工作安排)
        return any(not PLANNED.match(title, m.end()) for m in PART_YEAR.finditer(title)) \
            and not WHOLE_YEAR.search(title)

    @cached_property
    def quarter(self) -> int | None:
        """The quarter by whose end a report on part of the year stands, by its title (一季度 1, 上半年 2, 前三季度 or
        1-9月 3); None for a report on the whole year."""
        title = self._headline
        if not self._part_year_title:
            return None
        m = QUARTER_TITLE.search(title)
        if m is None or PLANNED.match(title, m.end()):
            return None  # (…工作总结和2026年第一季度工作安排: a plan's period, not the report's)
        if months := m.group("months") or m.group("months2"):
            return int(months) // 3  # (1-5月: the first quarter's milestones are due, not the second's)
        return 2 if m.group("half") else QUARTER_WORDS[m.group("q")]

    def part_year(self, e: Evidence) -> bool:
        """Whether an evidence sentence reports on part of the year only: the document's title says so (2025年上半年
        工作总结) or the sentence does (…，上半年化解行政争议3件): an annual target is not due yet."""
        if self._part_year_title:
            return True
        part = PART_YEAR.search(e.text)
        # (not 1-12月, 截至12月底, nor 全年…，其中第一季度…: the whole year, of which a part; 完成全年任务的59.3% after
        # 1-6月 is a part)
        return part is not None and not WHOLE_YEAR.search(e.text, 0, part.start()) \
            and not WHOLE_YEAR.match(e.text, part.start()) and e.text[max(0, part.start() - 2):part.start()] != "其中"

    @cached_property
    def _judged_rows(self) -> list[TaskRow]:
        return [row for row in task_rows(self.analysis.document.text) if row.judged is not None]

    def row_said(self, e: Evidence, task: str = "") -> Evidence | None:
        """What a table row that is an evidence sentence says became of its task (its progress cell, or its figures
        done), as an evidence of its own; None for any other sentence. Where the task cell holds numbered measures
        (1.新建…助餐点15个。 2.…) and the progress cell answers them by number, what it says of the measure that is
        `task` (the one sharing the most of its words)."""
        row = row_at(self._judged_rows, e.start)
        if row is None or row.judged is None:
            return None
        text = self.analysis.document.text
        a, b = row.judged
        if task and (measures := _numbered(text, *row.task)) and (answers := _numbered(text, a, b)):
            pairs = {task[k:k + 2] for k in range(len(task) - 1)}
            best = max(measures.values(), key=lambda m: sum(text[k:k + 2] in pairs for k in range(m[1], m[2] - 1)))
            a, b = answers.get(best[0], (0, a, b))[1:]
        return Evidence(text=text[a:b], start=a, end=b, score=e.score)

    @cached_property
    def year(self) -> int | None:
        """The year the document reports on (`reported_year`)."""
        return reported_year(self.analysis)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.analysis.sentences]

    def rest_under_way(self, e: Evidence, task: str, units: frozenset[str], counted: bool = False) -> bool:
        """Whether the sentence after an evidence sentence, in its paragraph, says the rest of the task is under way:
        it opens on the rest, counted in a unit of the task's targets (`units`: …完成年度目标的85%；剩余28个…目前正在加紧
        施工), or names a part of the task (`TASK_PART`
        characters of it in a row) in its first clause and says that part is under way (…1060个。西门立体停车楼主体结构已
        于11月封顶，…正在安装调试, of 新增…泊位1200个，其中建成西门立体停车楼1座): what it fell short by is progress."""
        sentences = self.analysis.sentences
        i = bisect.bisect_left(self._sentence_starts, e.end)
        j = bisect.bisect_right(self._sentence_starts, e.start) - 1
        if not (0 <= j < i < len(sentences) and sentences[i].paragraph == sentences[j].paragraph):
            return False
        after = sentences[i].text
        if NOT_UNDER_WAY.search(after):
            return False
        if (rest := REST_UNDER_WAY.match(after)) is not None:
            said = rest.group("unit").lstrip("万亿千百")
            unit = next((u for u in units if said.startswith(u.lstrip("万亿千百"))), None)  # (剩余28个小区, 剩余3000亩 of 1.2万亩)
            # (the thing it names after its unit, if any, is the task's by its last word: not 另有3个城市书房 of
            # 新建城市公园50个)
            named = REST_NAMED.match(after, rest.start("unit") + len(unit.lstrip("万亿千百"))) if unit else None
            return unit is not None and (named is None or TASK_WORD.sub("", named.group(0))[-2:] in task)
        if counted:
            return False
        first = CLAUSE_BREAKS.split(after, maxsplit=1)[0]
        named = NOT_HAN.sub("", first)
        # (a part named in the first clause, not said done there: 西门立体停车楼主体结构已于11月封顶，…正在安装调试; not
        # …满意度测评已完成，城市体检试点工作正在推进)
        return cue_test("unfinished", "needs_more")(after) and not (COMPLETED.search(first) and not NOT_COMPLETED.search(first)) \
            and any(named[k:k + TASK_PART] in task for k in range(len(named) - TASK_PART + 1))

    def row_state(self, e: Evidence) -> Status | None:
        """The status the state cell of a table row that is an evidence sentence gives (`STATES`), None where it has
        none or says something else."""
        row = row_at(self._judged_rows, e.start)
        if row is None:
            return None
        text = self.analysis.document.text
        if row.state is not None:
            said = WHITE.sub("", text[row.state[0]:row.state[1]])
        elif row.judged is not None:
            # (no state column: a progress cell that closes on the state, …依法关闭矿山2座，已完成, says it as one would;
            # not one of parts, 城东公园：推进中；城西公园：已建成, whose last state is its last part's)
            cell = text[row.judged[0]:row.judged[1]].rstrip("。；; ")
            if CELL_PARTS.search(cell):
                return None
            said = WHITE.sub("", COMMA.split(cell)[-1])
        else:
            return None
        return next((status for status, words in STATES if words.fullmatch(said)), None)

    @cached_property
    def _group_states(self) -> list[Status | None]:
        """For each heading of the outline, the status it gives the points under it where it names a state as a
        group of tasks (a bulletin's （一）已完成的任务（16项）, （三）进度滞后的任务: `STATES`), else None."""
        out: list[Status | None] = []
        for o in self.analysis.outline:
            said = GROUP_OF.sub("", WHITE.sub("", o.title))
            out.append(next((status for status, words in STATES if words.fullmatch(said)), None))
        return out

    def group_state(self, e: Evidence) -> Status | None:
        """The status the heading grouping an evidence sentence's point by its state gives it (`_group_states`): the
        nearest heading above it, of a higher level than each one below it, that names a state; None where none."""
        outline = self.analysis.outline
        k = bisect.bisect_right(self._heading_starts, e.start) - 1
        level = outline[k].level + 1 if k >= 0 and outline[k].start < e.start else None
        for m in range(k, -1, -1):
            if level is not None and outline[m].level >= level:
                continue
            level = outline[m].level
            state = self._group_states[m]
            if state is not None:
                # (behind schedule in a report on part of the year: not done yet, no shortfall of the year's task)
                return "partial" if state == "not_met" and self.part_year(e) else state
            if level == 1:
                break
        return None

    @cached_property
    def _heading_starts(self) -> list[int]:
        return [o.start for o in self.analysis.outline]

    def task_shares(self, e: Evidence) -> list[tuple[str, str, float]]:
        """The results an evidence sentence states as shares of a target (`TASK_SHARE`) that may be the unit's own:
        (the words before the share, the funds it is a share of or "", the percentage), worked out once a sentence."""
        key = (e.start, e.end)
        found = self._shares.get(key)
        if found is None:
            found = self._shares[key] = [
                (m.group("said"), funds.group(0) if (funds := FUNDS.search(_share_context(e.text, m))) else "",
                 float(m.group("pct")))
                for m in (TASK_SHARE.finditer(e.text) if "%" in e.text else ())
                if not NOT_OWN_SHARE.search(m.group("said") + m.group("of")) and not WHOLE_SHARE.search(m.group("of"))]
        return found

    def early(self, e: Evidence) -> bool:
        """Whether an evidence sentence reports on the first part of the year (`EARLY_PART`), by the document's title
        or its own words: an annual figure short of its target is progress, not a shortfall."""
        if self._part_year_title:
            return True
        part = EARLY_PART.search(e.text)
        return part is not None and self.part_year(e)

    def quantities_in(self, e: Evidence) -> list[Quantity]:
        """The quantities starting in an evidence sentence, in order."""
        return self.quantities.starting_in(e.start, e.end)

    def status_by_polarity(self, e: Evidence) -> Status:
        """The status an evidence sentence gives by its polarity and its words of work still in progress."""
        key = (e.start, e.end)
        status = self._by_polarity.get(key)
        if status is None:
            quantities = self.quantities_in(e)
            pol = polarity(e.text, quantities)
            if pol == "neutral":
                pol = "achievement"  # evidence found in what the document reports as done
            status = self._by_polarity[key] = _from_polarity(pol, quantities, e.text, e.start)
        return status


@dataclass(frozen=True)
class Goals:
    """What a directive's status is judged by, worked out once for all the documents compared: its targets'
    quantities, those a quota of each unit (the `quota` cue, or a coverage of the units under the base, 实现县（区）
    全覆盖; the others are totals of the base's own scope) and those ratios (the `ratio` cue), the metric keys of a parity target it sets (`_parity_keys`) and the points
    its first metric may fall short by (基本同步: as 左右 allows), its rate targets and what each target measures."""

    targets: tuple[Quantity, ...]
    quotas: frozenset[str]
    ratios: frozenset[str]
    parity: tuple[str, str] | None
    slack: float
    rates: tuple[Target, ...]
    metrics: tuple[str, ...]  # what each of its targets measures, as written (粮食播种面积, 总产量)
    ceilings: frozenset[str] = frozenset()  # the units of its ceiling targets (死亡人数控制在5人以内: 人)
    limits: tuple[tuple[float, str], ...] = ()  # its time limits (3个工作日内办结: 3, 个工作日), kept under
    # where its table row says it is to stand by the end of each quarter: (quarter, the milestone's words)
    milestones: tuple[tuple[int, str], ...] = ()
    year: int | None = None  # the year its plan is for (its milestones fall in it)
    text: str = ""  # the directive's own words
    # the year each target is due by, where the directive dates it (到2027年，累计…2000家，其中2025年底前完成800家)
    due: tuple[tuple[str, int], ...] = ()
    # the words naming each target, before it in its clause (乡镇商贸中心 of 乡镇商贸中心30个)
    names: tuple[tuple[str, str], ...] = ()

    def due_by(self, year: int | None) -> tuple[tuple[Quantity, ...], bool]:
        """The targets a report on `year` is judged by: those due that year (and those undated) where the directive
        dates one for it, else all; and whether they all fall due only after it (到2027年…300亿元, in 2025: what is
        short of them is progress, not a shortfall)."""
        due = dict(self.due)
        if year is None or not due:
            return self.targets, False
        now = tuple(t for t in self.targets if due.get(t.id, year) == year)
        later = tuple(t for t in self.targets if due.get(t.id, year) > year)
        if now:
            return now, False
        # (none due this year: those due later, not one of a year past, 2024年底1200家)
        return (later, True) if later else (self.targets, False)

    @classmethod
    def all(cls, base: Analysis) -> list[Goals]:
        """The goals of each directive of `base`, what they read of it gathered once (not once a directive)."""
        index = _BaseIndex.of(base)
        return [cls.of(d, base, index, base.directives[k - 1] if k else None) for k, d in enumerate(base.directives)]

    @classmethod
    def of(cls, d: Directive, base: Analysis, index: _BaseIndex, previous: Directive | None = None) -> Goals:
        parity = _parity_keys(d.text)
        # (not the count of those who made a suggestion, （第12号，代表：郑某某等6人）, nor a baseline, 在2024年底1200家
        # 的基础上)
        persons = [m.span() for m in PROPOSERS.finditer(base.document.text, d.start, d.end)] + \
            [m.span() for m in BASELINE.finditer(base.document.text, d.start, d.end)]
        quantities = [base.quantities[k] for k in sorted({index.place[i] for i in d.targets if i in index.place})]
        # (nor a sum that marks out a class, 集体经济收入5万元以下的薄弱村, 10万元以上的村占比: what is counted, no goal)
        targets = tuple(q for q in quantities if not any(a <= q.start < b for a, b in persons)
                        and not (q.kind == "money" and q.text.endswith(("以上", "以下", "以内"))
                                 and CLASS_MARK.match(base.document.text, q.end)))
        own = index.targets.get(d.id, ())
        text = base.document.text
        # the units named, or inherited from the task before when that one sets no figure of its own (各乡镇要加快…。
        # 年内建成2个助餐点。; not 各街道年内至少建成1个…。新增托位800个。, where the topic changed)
        heirs = tuple(a for a in d.inherited_actors if previous is not None and not previous.targets
                      and a in previous.actors)
        # the units each doing it: named before the figure, or inherited (年内建成甲级村卫生室20个，每个乡镇卫生院均要
        # 达到…: the 20 is the county's total, the 每 a later clause's)
        named_each = [at for a in d.actors if a.startswith(("各", "每")) and (at := text.find(a, d.start, d.end)) >= 0]
        inherited_each = any(a.startswith(("各", "每")) for a in heirs)  # (not a task list's 牵头单位: 各街道办事处)
        each = [a for a in (*d.actors, *heirs) if a.startswith(("各", "每"))]
        before = {q.id: (clause_start(text, d.start, q.start), q.start) for q in targets}
        each_before = {q.id: inherited_each or any(at < q.start for at in named_each) for q in targets}
        kinds = {q.id: q.kind for q in targets}
        return cls(targets=targets,
                   quotas=frozenset(i for i, (a, b) in before.items() if not _whole_figure(text, a, b, each) and (
                       each_before[i] or cue("quota").search(text, a, b)
                       or (kinds[i] == "coverage" and UNITS_COVERED.search(text[a:b])))),
                   ratios=frozenset(i for i, (a, b) in before.items() if cue("ratio").search(text, a, b)),
                   parity=parity, slack=APPROX_POINTS if parity is not None and "基本同步" in d.text else 0.0,
                   rates=tuple(t for t in own if t.unit in RATE_UNITS and t.value is not None and (t.key is not None or len(t.metric) >= MIN_RATE_NAME
                                                            or _bare_rate(t, d, text))),
                   metrics=tuple(t.metric for t in own if t.metric),
                   ceilings=frozenset(t.unit or "" for t in own if t.direction == "ceiling"),
                   limits=tuple((float(q.value), q.unit) for q in index.quantities.starting_in(d.start, d.end)
                                if q.kind == "duration" and q.unit and isinstance(q.value, int | float)
                                and (q.qualifier == "at_most" or TIME_LIMIT.match(text, q.end))),
                   milestones=index.milestones(d.start), year=index.year, text=d.text,
                   due=tuple((q.id, year) for q in targets if (year := _due_year(text, d.start, q.start)) is not None),
                   names=tuple((q.id, text[max(a, b - NAME_CHARS):b]) for q in targets for a, b in [before[q.id]]))


# the year a target is due by, named before it in its directive (到2027年, 2025年底前, 2025年); not a year compared with
# (较2024年, 比2020年) nor one counted from (自2023年, 从2024年起)
TITLE_QUOTE = re.compile(r"《[^》]*》")
YEAR_RANGE = re.compile(r"\d{4}年?[—－\-~至到]\d{4}年")  # 2024—2025年, 2025年至2027年: a period, no date
# where a target starts from: a past level (在2024年底1200家的基础上, 在上年基础上), not a task to do first (在完成…1.2万亩的
# 基础上)
BASELINE = re.compile(r"在(?=[^，,。；;]{0,20}?(?:\d{4}年|上年|去年|现有|原有|已))(?![^，,。；;]{0,20}?(?<!已)(?:完成|确保))"
                      r"[^，,。；;]{0,20}?基础上")  # (and 在已建成…120个的基础上, 在全县已有…1200家的基础上)
CLASS_MARK = re.compile(r"的(?=[\u4e00-\u9fff])")  # after a sum and its 以上/以下: the class it marks out (…的村)
PROPOSERS = re.compile(r"[（(][^（）()]*?(?:代表|提案人|委员|领衔人?)[:：][^（）()]*[）)]")
DUE_YEAR = re.compile(r"(?<![较比与同自从])(\d{4})年(?!以来|起|来|[—－\-~至到]\d)")
EACH_YEAR = re.compile(r"(?<!\d)(?:每年|年内)")  # a target of the year itself (…每年新建…5个; not 2026年内)
WHOLE_OF_YEAR = re.compile(r"全年|当年")  # (the year itself only where no year is named: 到2027年全县全年接待游客…)


def _baseline(text: str, m: re.Match[str]) -> bool:
    """Whether a year is where a target starts from, inside a `BASELINE` (在全县2024年底1200家的基础上, 在巩固提升2024年
    水平基础上; not 到2027年在…基础上)."""
    return any(b.start() < m.start() < b.end() for b in BASELINE.finditer(text, max(0, m.start() - 24), m.end() + 24))


def _due_year(text: str, start: int, at: int) -> int | None:
    """The year a target at `at` of the directive starting at `start` is due by: the last year named before it (到
    2027年, 2025年底前), not one of a title (《…（2025—2027年）》) or a range (2025—2027年), a baseline (在2024年…
    基础上) or one compared with; none where its clause sets it for each year or the year itself (年内, 每年)."""
    clause = clause_start(text, start, at)
    if EACH_YEAR.search(text, clause, at) or (WHOLE_OF_YEAR.search(text, clause, at) and not DUE_YEAR.search(text, start, at)):
        return None
    quoted = [(m.start(), m.end()) for m in TITLE_QUOTE.finditer(text, start, at)]
    years = [m for m in DUE_YEAR.finditer(text, start, at)
             if not any(a <= m.start() < b for a, b in quoted) and not _baseline(text, m)]
    return int(years[-1].group(1)) if years else None



@dataclass(frozen=True)
class _BaseIndex:
    """What the goals of a base's directives read of it, gathered once: its quantities by place, its targets by
    directive, the task table rows that give milestones and the year its plan is for."""

    text: str
    quantities: SpanIndex[Quantity]
    place: dict[str, int]  # a quantity's id -> its place in the base's quantities
    targets: dict[str | None, list[Target]]
    rows: tuple[TaskRow, ...]  # the rows with milestones, in order
    year: int | None

    @classmethod
    def of(cls, base: Analysis) -> _BaseIndex:
        targets: dict[str | None, list[Target]] = defaultdict(list)
        for t in base.targets:
            targets[t.directive].append(t)
        text = base.document.text
        return cls(text=text, quantities=SpanIndex(base.quantities, attrgetter("start")),
                   place={q.id: k for k, q in enumerate(base.quantities)}, targets=dict(targets),
                   rows=tuple(row for row in task_rows(text) if row.milestones),
                   year=plan_year(base.document) or document_year(base.document))

    def milestones(self, at: int) -> tuple[tuple[int, str], ...]:
        """The quarterly milestones of the task table row holding position `at` (none outside such a row)."""
        row = row_at(self.rows, at)
        return () if row is None else tuple((q, self.text[a:b]) for q, (a, b) in row.milestones)


def _by_milestone(goals: Goals, top: Evidence, reporting: Reporting, share: bool = False) -> Status | None:
    """A report on the first quarters (第一季度, 上半年, 前三季度) against the milestone its task was to reach by
    then (完成70%, 完成溯源建档): met where the report reaches it, not met where it states less or says it missed it,
    partial where it says the rest is under way; None where no milestone is due yet or the report says nothing of
    it. `share`: the report speaks for a narrower level, whose count is its part, not the milestone's count."""
    quarter = reporting.quarter
    said_year = reporting.year
    if goals.year is not None and said_year is not None and said_year != goals.year:
        return None  # (a report on 2026's first quarter against a plan for 2025)
    due = [words for q, words in goals.milestones if quarter is not None and q <= quarter]
    if not due:
        return None
    words = due[-1]
    if said_missed(top.text) or NOT_DONE.search(top.text):
        return "not_met"  # (未能按计划在一季度完成)
    share_due = PERCENT.search(words)
    count = None if share_due else MILESTONE_COUNT.search(words)
    if count is not None and share:
        return None  # (我区承担的9个…已完成5个 against the city's 14 of 28 by the end of June)
    if share_due is not None or count is not None:
        # a figure due: the same kind of figure said, in the same unit (完成80户 against 完成农村危房改造30户)
        said = [float(m.group(1)) for m in PERCENT.finditer(top.text)] if share_due else \
            [float(m.group(0)) for q in reporting.quantities_in(top) if q.unit == count.group(2)
             and (m := FIGURE.match(q.text))]  # (the figure as written: 0.3万亩 against 0.8万亩)
        if not said:
            return None
        if max(said) >= float((share_due or count).group(1)):
            return "met"
        return "partial" if cue_test(*WORK_LEFT)(top.text) else "not_met"
    key = HAN_RUN.findall(MILESTONE_NOISE.sub("", words))  # (a step in words: 完成溯源建档 → 溯源建档)
    pairs = [run[k:k + 2] for run in key for k in range(len(run) - 1)]
    if pairs and sum(p in top.text for p in pairs) * 2 >= len(pairs) and reporting.status_by_polarity(top) == "met":
        return "met"
    return None


def _status(goals: Goals, evidence: Sequence[Evidence], reporting: Reporting, share: bool = False,
            of_task: bool = False) -> Status:
    """Status of a directive in one document from its best evidence; `share`: the document speaks for a narrower
    level, whose own count of a total the base sets (全年实施市级重点项目300个 against a county's 42) is its share;
    `of_task`: the best evidence is what became of the task itself (a table row's cells of what was done, what
    follows a restated task), whose bare figures are the task's."""
    top = evidence[0]
    if goals.milestones and (by_milestone := _by_milestone(goals, top, reporting, share)) is not None:
        return by_milestone
    own = OWN_TARGET.match(top.text)
    if own is not None:
        # a figure against the unit's own target, as a table gives them: that target decides, not the base's total
        done, goal = float(own.group("done")), float(own.group("goal"))
        # (kept under its target: a ceiling of the task, a time: 平均救援时间：11分钟／15分钟; not 查办违法案件：402件／380件)
        label = own.group("label")
        unit = own.group("unit").strip()  # (the ceiling of the task in the line's unit: 不合格率控制在3%以内 is no
        # ceiling of 抽检：3215批次／3000批次)
        ceiling = bool(TIME_LABEL.search(label)) or any(u == unit or (u and unit and (u in unit or unit in u))
                                                        for u in goals.ceilings)
        if (done <= goal) if ceiling else (done >= goal):
            return "met"
        return "partial" if done and reporting.part_year(top) else "not_met"
    # (in the best evidence, and in any as good: 播种面积…完成任务的101.2%, then 总产量…完成任务的97.6%)
    shares = [pct for e in evidence if e.score >= top.score for said, funds, pct in reporting.task_shares(e)
              if _said_of(said, goals.text) and not (funds and funds not in goals.text)]
    if (done := PROGRESS_PCT.fullmatch(top.text)) is not None:
        shares.append(float(done.group("pct")))  # a progress cell: 完成60%, 完成进度60%
    elif (done := PROGRESS_END.search(top.text)) is not None and _names_task(
            top.text[max(clause_start(top.text, 0, done.start(), SENTENCE_CLAUSE), done.start() - 8):done.start()],
            goals.text):  # (the words just before 完成: 分类整治完成75%, not 运维经费拨付完成85%)
        shares.append(float(done.group("pct")))  # the task said done so far (…分类整治完成75%; not 保交房项目完成94.9%)
    # (at the base's own level a count in the target's unit is compared as it is: 42个 against 300个, whatever
    # share of some plan the sentence states)
    counted = {q.unit for q in reporting.quantities_in(top) if q.kind == "count"}
    missed = said_missed(top.text)  # (a target said to be missed: asked once, several tests below need it)
    if shares and goals.parity is None and not goals.rates and not goals.ceilings and not missed and (
            share or not any(t.kind in ("count", "count_range") and t.unit in counted for t in goals.targets)):
        # each result against the unit's own target, as it states it: all reached, none, or some
        if all(x >= 100 for x in shares):
            return "met"
        if any(x >= 100 for x in shares):
            return "partial"
        return "partial" if reporting.early(top) or cue_test(*WORK_LEFT)(top.text) else "not_met"
    if goals.limits and not missed:
        # a time the task is to be done within, against the time the sentence says it took (平均办理时间1.6个工作日)
        # (not a streak, 连续5年, nor a cut, 较上年缩短10个工作日; 天 and 日 are one unit, 工作日 another)
        limit_in = {}  # the tightest limit in each unit
        for v, unit in goals.limits:
            limit_in[_day_unit(unit)] = min(v, limit_in.get(_day_unit(unit), v))
        took = [(float(q.value), _day_unit(q.unit)) for q in reporting.quantities_in(top) if q.kind == "duration"
                and isinstance(q.value, int | float) and _day_unit(q.unit) in limit_in and not q.text.startswith("连续")
                and not NOT_TAKEN.search(top.text, max(top.start, q.start - 4) - top.start, q.start - top.start)
                and not (FROM_BEFORE.search(top.text, max(0, q.start - top.start - 8), q.start - top.start)
                         and CUT_AFTER.match(top.text, q.end - top.start))]
        if took:
            return "met" if all(v <= limit_in[unit] for v, unit in took) else "not_met"
    if not goals.targets and goals.parity is None and not goals.rates:
        return _by_words(goals, top, reporting)  # most directives set no target to judge by
    if missed:
        # a target said to be missed, whatever figures the sentence gives (未完成300户的年度目标任务 restates the
        # target's own figure; a unit's share of a total is no longer done)
        return _by_words(goals, top, reporting, share)
    quantities = reporting.quantities_in(top)
    kinds = {q.kind for q in quantities}
    uncovered: Status | None = None  # a coverage the sentence does not state: judged by the other targets first
    targets, not_due = goals.due_by(reporting.year)
    for t in targets:
        if t.kind == "coverage":
            # (全覆盖, or a coverage rate of 100%: 课后服务覆盖率100%)
            covered = [q for q in quantities if q.kind == "coverage" or (
                q.kind == "percent" and q.value == 100 and not q.masked
                and FULL_RATE.search(top.text, max(0, q.start - top.start - 6), q.start - top.start))]
            if covered and all(NEGATED_BEFORE.search(top.text, max(0, q.start - top.start - 4), q.start - top.start)
                               for q in covered):
                return "not_met"  # 参训党员占比62%，未实现全覆盖 (not 实现全覆盖，…另一项未实现全覆盖)
            due = ALL_DUE.search(top.text)
            if covered or (due and not NOT_ALL_DUE.search(top.text) and not goals.rates
                           and not NEGATED_BEFORE.search(top.text, max(0, due.start() - 4), due.start())
                           and not LEFT.search(top.text) and not cue_test("missed", *WORK_LEFT)(top.text)):
                return "met"
            if share and t.id in goals.quotas and any(
                    q.kind == "count" and isinstance(q.value, int | float) and q.value > 0 for q in quantities):
                # 建成零工市场8个，实现县（区）全覆盖: a district that built its own has done its part, as its words say
                return _by_words(goals, top, reporting)
            # (全覆盖 and 新增充电端口5000个 against 新增充电端口5200个: one item reached is the task done; a sentence
            # with no figure says nothing of the coverage, its words judge it, 紧密型县域医共体建设圆满完成; but one saying
            # the work under way, 稳步推进, is partial)
            uncovered = uncovered or ("partial" if quantities or UNDER_WAY.search(top.text) else None)
            continue
        if t.kind == "zero_state":
            zero = [q for q in quantities if q.kind == "zero_state"]
            if any(q.text in ("破零", "零突破", "零的突破") for q in zero) and "实现" in top.text:
                return "met"
            if CLEARED.search(t.text) and any(CLEARED.search(q.text) for q in zero) \
                    and not any(NOT_CLEARED.search(top.text, clause_start(top.text, 0, q.start - top.start),
                                                   q.start - top.start)
                                or cue_test("missed", *WORK_LEFT)(_clause_of(top.text, q.start - top.start))
                                or CLEARING_NOT_DONE.match(top.text, q.end - top.start)
                                for q in zero):
                return "met"  # a zero to reach (全部清零), reached (实现全部清零; not 尚未清零, 不能如期清零)
            if zero:
                return "not_met"
            counts = [q for q in quantities if q.kind == "count" and isinstance(q.value, int | float) and q.value > 0]
            # work counted and no zero said: its words tell whether it is done (剩余55户…结转至2026年: partial)
            return _by_words(goals, top, reporting) if counts else "unknown"
        if t.kind in ("count_range", "count") and t.unit and (not share or not t.unit.startswith(("万", "亿"))) \
                and t.id not in goals.ratios and (not share or t.id in goals.quotas or "/" in t.unit):
            # (an average per unit of something, 微克/立方米, is compared at every level: no share of it)
            # the same thing counted in the same unit: 每年两三件 against 办理信访积案1件 (a national total in
            # 万/亿 is not compared: a unit's own figure is its share of it)
            # (not the target restated after what was done: 累计开放公共数据集1080个，低于1200个的阶段目标)
            # (nor a change: 33.6微克/立方米，同比下降1.8微克/立方米; 2780批次，较上年增加310批次)
            counted = [q for q in quantities if q.kind == "count" and q.unit == t.unit and isinstance(q.value, int | float)
                       and not TARGET_AFTER.match(top.text, q.end - top.start)
                       and not CHANGE_BEFORE.search(top.text, max(0, q.start - top.start - 4), q.start - top.start)]
            counts = [q.value for q in counted]
            if "zero_state" in kinds and not counts:
                return "not_met"
            if counts:
                goal = t.value[0] if isinstance(t.value, list) else t.value
                first = counted[0].start - top.start
                between = top.text[counted[0].end - top.start:counted[1].start - top.start] if len(counted) >= 2 else ""
                if len(counts) >= 2 and counts[0] == goal and (OF_ALL.search(between) or not DONE_BEFORE.search(
                        top.text, clause_start(top.text, 0, first, SENTENCE_CLAUSE), first)):
                    counts = counts[1:]  # the goal or the whole named before what was done (全区120个…项目已开工115个,
                    # 30所…改造项目中，25所已完工, 计划改造40个，其中完成32个; not 已新建零工市场10个，其中3个…: done)
                if isinstance(goal, int | float):
                    if t.unit in goals.ceilings:  # kept under (细颗粒物平均浓度控制在30微克/立方米以内)
                        kept = min(counts) <= goal
                        # (with a rate of the task reached and this one not, or the other way: partial)
                        rate = _rate_status(goals.rates, evidence, reporting, goals.text) if goals.rates else None
                        if rate is not None and (rate == "met") != kept:
                            return "partial"
                        # (part of the year over the limit is on its way, where the words say no limit is exceeded:
                        # not 39.4微克/立方米，…高于…不高于38微克/立方米的阶段控制目标)
                        return "met" if kept else "partial" if reporting.part_year(top) and not (
                            missed or OVER_LIMIT.search(top.text)) else "not_met"
                    paired = [u for u in targets if u.kind == "count" and u.unit == t.unit and u.id not in goals.quotas
                              and isinstance(u.value, int | float) and u.unit not in goals.ceilings]
                    if len(paired) >= 2 and len(counts) == len(paired) and "其中" not in top.text:
                        # as many figures as targets in that unit: each against its own, by the words naming them
                        # (改扩建中小学10所，新建公办幼儿园6所 against 新建公办幼儿园5所、改扩建中小学8所), else in order
                        # (新建…中心3个、乡镇商贸中心24个 against 5个 and 30个)
                        reached = [c >= u.value for c, u in _paired(paired, counted, goals, top)]
                        if all(reached):
                            return "partial" if _remainder_left(top.text) else "met"
                        if any(reached):
                            return "partial"
                        return "partial" if any(counts) and (not_due or reporting.part_year(top) or cue_test(
                            *WORK_LEFT)(top.text)) else "not_met"
                    best = max(counts)
                    if best >= goal:  # (14个乡镇建成…，其余2个正在补充队员: a remainder the words leave)
                        return "partial" if _remainder_left(top.text) else "met"
                    # short of it: partial where the period is not over (a half-year report) or the words leave
                    # work under way or a remainder, else a shortfall
                    return "partial" if best and (not_due or reporting.part_year(top) or cue_test(
                        *WORK_LEFT)(top.text)) else "not_met"
    if goals.parity is not None:  # its evidence: the figures of its first metric, the parity said (`parity_sentences`)
        said = next((e for e in evidence if _parity_keys(e.text) == goals.parity), None)
        return _parity_status(goals.parity, evidence, reporting, goals.slack) or (
            reporting.status_by_polarity(said) if said is not None else "unknown")
    rate = _rate_status(goals.rates, evidence, reporting, goals.text) if goals.rates else None
    if rate is None and of_task and len(goals.rates) == 1:
        # (地区生产总值增速 6%以上 | 5.6%（前三季度） | 93.3%: the first percentage done is the rate's, named by the task;
        # not one after another metric's name or a share, 城镇新增就业6120人，完成市下达任务的109.3%)
        # (one in the rate's own unit first: 普及率96% for a 普及率 in %, not 受害率0.3‰ before it)
        figures = [q for q in reporting.quantities_in(top) if q.kind == "percent" and not q.masked
                   and not restates(q, goals.rates[0])]
        done = next((q for q in figures if q.unit == goals.rates[0].unit), figures[0] if figures else None)
        if done is not None and (metric_mentions(top.text[:done.start - top.start])
                                 or top.text[:done.start - top.start].endswith("的")):
            done = None
        value = _in_unit(split_value(done.text)[0], done.unit, goals.rates[0].unit) if done is not None else None
        if isinstance(value, int | float):
            rate = status_of(goals.rates[0], float(value))
    if rate == "met" and _remainder_left(top.text):
        return "partial"  # 普及率达到94%, with 剩余1处…延至明年实施: a remainder the words leave, as for a count
    if rate == "not_met" and reporting.early(top):
        return "partial"  # 普及率提高到91.8% against 93% by the year's end, in a half-year report: under way
    if rate == "not_met" and share and any(
            t.kind in ("count", "count_range") and t.id not in goals.quotas and t.unit
            and any(q.kind == "count" and q.unit == t.unit and q.value
                    and NEW_WORK.search(top.text, max(0, q.start - top.start - 12), q.start - top.start)
                    for q in quantities) for t in goals.targets):
        return "partial"  # 县域内就诊率86.5% against 90%, 新建标准化村卫生室18个 its share of 60: one item done
    if rate is not None:
        return rate
    status = uncovered or _by_words(goals, top, reporting)
    if status == "met" and reporting.early(top) and not _reached(top.text) \
            and any(t.kind in YEAR_AMOUNTS for t in goals.targets):
        return "partial"  # the year's figure done in part of it (上半年…完成…18.6万亩次): under way, not reached
    return status


@lru_cache(maxsize=1 << 12)
def said_missed(text: str) -> bool:
    """Whether a sentence says a target was missed (the `missed` cue): asked of the same evidence for many tasks and
    by several tests of each, so answered once a sentence."""
    return cue_test("missed")(text)


def _whole_figure(text: str, a: int, b: int, each: Sequence[str]) -> bool:
    """Whether the figure at `b` (its clause from `a`) is named by a whole's scope (全县23座) other than the level of
    the units each doing the task (`each`: 各乡镇 does 全镇…, its own)."""
    m = WHOLE_FIGURE.search(text, a, b)
    return m is not None and not any(m.group(1) in party[1:] for party in each)


def _rest_left_elsewhere(evidence: Sequence[Evidence], reporting: Reporting, other_part: Sequence[bool]) -> bool:
    """Whether evidence other than the best, speaking of another part of the task (`other_part`: it shares words with
    the task that the best evidence lacks), says that part is left or still under way (新建候车亭52个，其余8个…结转至
    2026年实施 after 新开通城乡公交线路4条; 住院楼…预计2026年3月底前封顶 after 门诊医技楼…封顶): a task done in part.
    Not where some evidence says the whole target reached (完成年度任务的106.3%, 超额完成, 完成年度目标: what is left
    is beyond it), nor in a sentence that is only weakly evidence (a summary paragraph); and not from more work said
    needed or planned (管护水平仍需提升, 有待完善, 计划于2026年开工): that is no part of this task left."""
    left = cue_test("unfinished", "remainder")
    if not any(part and e.score >= SURE_EVIDENCE and left(e.text)
               for e, part in zip(evidence[1:], other_part[1:], strict=True)):
        return False  # (most cells: the cheap tests first)
    return not any(DONE_OVER.search(e.text) or _reached(e.text)
                   or any(pct >= 100 for _, _, pct in reporting.task_shares(e)) for e in evidence)


def _reached(text: str) -> bool:
    """Whether a sentence says its target reached (`REACHED`) as a fact of the work: not planned, hoped for or negated
    in its clause before the words, nor said of money (`NOT_YET_REACHED`)."""
    return any(not NOT_YET_REACHED.search(text, clause_start(text, 0, m.start(), SENTENCE_CLAUSE), m.start())
               for m in REACHED.finditer(text))


def _remainder_left(text: str) -> bool:
    """Whether a sentence leaves a remainder of work reached otherwise (剩余2个结转明年), not after the work done over
    or all done (超额完成…，后续…仍在)."""
    return cue_test("remainder")(text) and not DONE_OVER.search(text)


# so many of all (68个镇（街道）中已设立…的有41个, 38家企业中，已有31家完成…), in the same counting word
ALL_OF = re.compile(r"所有|全部|全覆盖|每个|各[县区市乡镇街道村]")  # a task for all of them (所有镇（街道）)
SOME_OF = re.compile(r"(?P<all>\d+)(?P<unit>[个座家项所条处户宗件村人台辆道栋])(?:[^，,。；;]{0,24}?中(?:[，,]|(?=已|有|共|累计))"
                     r"[^，,。；;]{0,24}?|(?:[^，,。；;]{0,24}?|[，,])已(?:完成|整改|建成|开工|核查|办结|销号|化解)[^，,。；;\d]{0,4}?)"
                     r"(?P<done>\d+)(?P=unit)")
# (not 城中村1个; 省下发的21个问题线索已完成核查12个: the whole, then what is done of it in its clause)


# words before a count that make it what was done (已新建零工市场10个，其中3个…; 累计建成充电桩120个，其中今年…), not
# the goal or the whole the next count is done of (全区120个项目已开工115个; 计划改造老旧小区40个，其中完成32个)
DONE_BEFORE = re.compile(r"已|累计|完成|建成|新建|实现|开工|竣工|建设")
OF_ALL = re.compile(r"(?<!其)中(?:[，,]|已|有|共)")  # (新建…12座项目中，10座已建成: the whole, then what was done of it)
ALL_MISSED = re.compile(r"[均都皆](?:未|没有|低于)")  # 两项指标均未达到年度目标: every target named missed


def _by_words(goals: Goals, top: Evidence, reporting: Reporting, share: bool = False) -> Status:
    """The status the best evidence's words give: a target said to be missed (未完成20个的年度目标) is not met, or
    partial where the sentence speaks of another target of the directive besides (粮食播种面积68.3万亩，总产量
    26.4万吨，…未达到27万吨的年度目标); else its polarity's."""
    if said_missed(top.text):
        # the targets it speaks of, by the opening or the closing words of their metric (细颗粒物（PM2.5）平均浓度 by
        # PM2.5平均浓度)
        named = len({m[:4] for m in goals.metrics if len(m) >= 2 and (m[:4] in top.text or m[-4:] in top.text)})
        return "partial" if named >= 2 and not ALL_MISSED.search(top.text) \
            and not _all_short(goals, top, reporting, share) else "not_met"
    # (a task for all of them, or one to complete that sets no count of its own: 完成省下发的…问题线索核查整改)
    some = SOME_OF.search(top.text) if ALL_OF.search(goals.text) or (
        "完成" in goals.text and not goals.rates and not any(t.kind in ("count", "count_range", "percent")
                                                           for t in goals.targets)
        and not DONE_OVER.search(top.text) and not _reached(top.text)) else None
    if some is not None and 0 < float(some.group("done")) < float(some.group("all")):
        return "partial"  # so many of all done (68个镇（街道）中已设立…的有41个; 38家企业中，已有31家完成…): the rest left
    return reporting.status_by_polarity(top)


def _all_short(goals: Goals, top: Evidence, reporting: Reporting, share: bool = False) -> bool:
    """Whether every target of the directive in a unit the sentence counts in is short of it by the sentence's
    figures (推介项目43个、总投资126亿元 against 不少于50个 and 不低于150亿元): none reached, though the words say only
    one missed. `share`: the document speaks for a narrower level, whose figures are its share of the base's totals:
    only the targets each unit is to reach (its quotas) are compared."""
    said: dict[str, list[float]] = {}
    for q in reporting.quantities_in(top):
        if q.kind in ("count", "money") and q.unit and isinstance(q.value, int | float) \
                and not TARGET_AFTER.match(top.text, q.end - top.start):  # (not the target restated, 50个的年度目标)
            said.setdefault(q.unit, []).append(float(q.value))
    judged = [max(said[t.unit]) < t.value for t in goals.targets
              if t.kind in ("count", "money") and t.unit in said and isinstance(t.value, int | float)
              and t.unit not in goals.ceilings and (not share or t.id in goals.quotas)]
    return len(judged) >= 2 and all(judged)


def _parity_status(keys: tuple[str, str], evidence: Sequence[Evidence], reporting: Reporting, slack: float = 0.0
                   ) -> Status | None:
    """A parity target (居民收入增长和经济增长同步) against the growth of both metrics in the evidence: met where
    the first grows at least as fast as the second, not met where slower, partial where its figures (城乡居民
    收入分别增长4.3%、6.1%) fall on both sides; None where the evidence does not give both growth rates."""
    first, second = keys
    parts = sorted(metric_parts().get(first, ()))
    rates: dict[str, list[float]] = {first: [], second: [], **{p: [] for p in parts}}
    _growth_rates(reporting, [(e.start, e.end) for e in evidence], rates)
    # the whole's own figure where given (居民人均可支配收入增长4.5%), else its parts' (城镇…4.3%, 农村…6.1%)
    grown = rates[first] or [r for p in parts for r in rates[p]]
    if grown and not rates[second]:
        # the pace to keep (经济增长) is stated once, in the review's summary of the year, not with each task
        _growth_rates(reporting, [(s.start, s.end) for s in reporting.reported], rates, only=second)
    if not grown or not rates[second]:
        return None
    pace = rates[second][0] - slack - 1e-9  # 6.5 % against 6.6 % is 基本同步
    if all(r >= pace for r in grown):
        return "met"
    return "not_met" if all(r < pace for r in grown) else "partial"


def _parity_keys(directive: str) -> tuple[str, str] | None:
    """The metric keys of a parity target in a directive's text (居民收入增长和经济增长同步 → income_growth,
    gdp_growth), None where it sets none."""
    if "同步" not in directive:
        return None  # (most sentences: the pattern, opening with any Han character, cannot be scanned for)
    m = PARITY.search(directive)
    if m is None:
        return None
    first, _ = metric_key(m.group("a") + "增长")
    second, _ = metric_key(m.group("b") + "增长")
    if first is None or second is None or first == second:
        return None
    return first, second


# a clause that names no metric before its figure, only its growth (…，增长4.2%): the metric is the one named before
BARE_GROWTH = re.compile(r"\s*(?:分别|同比|实际|名义|比上年|较上年)*(?:增长|增加|提高|上涨|下降|降低|回落)(?:了)?"
                         r"(?:[\d.]+%[、和及]?)*\s*")  # (增长4.3%、6.1%: the figures listed before)


def _named_figures(reporting: Reporting, lo: int, hi: int) -> Iterator[tuple[str | None, float | None, str | None]]:
    """`_figures_named` without their quantities."""
    return ((key, value, unit) for key, value, unit, _ in _figures_named(reporting, lo, hi))


def _figures_named(reporting: Reporting, lo: int, hi: int) -> Iterator[tuple[str | None, float | None, str | None, Quantity]]:
    """Yield (metric key, value, unit, quantity) for each percentage in text[lo:hi], the metric the one named nearest
    before it: in its clause, else, where the clause only says it grew, earlier in the span (收入分别达6.9万元、
    3.4万元，增长4.2%、5.3%; not 人均消费支出增长6% after an income); the figures of a `…分别…` list go with its
    subjects in order (`respectively`, through `Reporting.listed`); each with its quantity."""
    text = reporting.analysis.document.text
    figures = [q for q in reporting.quantities.starting_in(lo, hi) if q.kind == "percent" and not q.masked]
    for q in figures:
        begin = clause_start(text, lo, q.start)
        named = metric_mentions(text[begin:q.start])
        said_from = begin + named[-1][1] if named else begin  # (where the words on the figure's move start)
        if not named and BARE_GROWTH.fullmatch(text, begin, q.start):
            named = metric_mentions(text[lo:q.start])  # `…，增长4.2%`: the growth of the metric named before
        key = named[-1][2] if named else None
        key = reporting.listed.get(q.id, key)  # 失业率、居民消费价格涨幅分别控制在5%和3%以内
        value, unit, _ = split_value(q.text)
        if isinstance(value, int | float):  # (一般公共预算收入下降2.5%: a growth of -2.5%)
            value = signed_growth(key, float(value), text, said_from, q.start)
        yield key, value, unit, q


def _growth_rates(reporting: Reporting, spans: Sequence[tuple[int, int]], rates: dict[str, list[float]],
                  only: str | None = None) -> None:
    """Add to `rates` (metric key → percentages) the percentages in `spans` of the metrics it holds, each figure
    of the metric named nearest before it; with `only`, the first figure of that metric."""
    for lo, hi in spans:
        for key, value, unit in _named_figures(reporting, lo, hi):
            if key in rates and (only is None or key == only) and value is not None and unit == "%":
                rates[key].append(float(value))
                if only is not None:
                    return


def _in_unit(value: float | None, unit: str | None, to: str | None) -> float | None:
    """A share in the unit of the target it is compared with (0.4‰ is 0.04%); any other figure as it is."""
    if value is None or unit == to or unit not in PER_UNITS or to not in PER_UNITS:
        return value
    return convert(value, unit, to)


def _keyed_rate(t: Target, evidence: Sequence[Evidence], reporting: Reporting) -> Status | None:
    """A rate target of a known metric against the first figure of that metric in the evidence, one restating the
    target's own bound (`restates`) only where the evidence gives no other."""
    figures = [(_in_unit(value, unit, t.unit), q) for e in evidence
               for key, value, unit, q in _figures_named(reporting, e.start, e.end)
               if key == t.key and value is not None and unit in RATE_UNITS]
    value = next((v for v, q in figures if not restates(q, t)), figures[0][0] if figures else None)
    return status_of(t, value) if value is not None else None


def _rate_status(rates: Sequence[Target], evidence: Sequence[Evidence], reporting: Reporting, task: str = ""
                 ) -> Status | None:
    """Rate targets (城镇调查失业率5.5%左右) against the same metrics' rates in the evidence (4.1%), the metric
    named nearest before the figure: met or not, partial where some are met and some not. Totals (城镇新增就业
    1200万人) are not compared: a unit's own figure is its share of a national total."""
    judged = [_keyed_rate(t, evidence, reporting) if t.key is not None
              else next(("partial" if len(statuses) > 1 else statuses.pop() for e in evidence
                         if (statuses := {status_of(t, v) for v in _rate_named(t.metric, e, reporting, task,
                                                                                 _change_of(t), t.unit)})), None)
              for t in rates]
    found = {j for j in judged if j is not None}
    if not found:
        return None
    return found.pop() if len(found) == 1 else "partial"  # 城镇居民收入增长5.1%、农村7.2% against 5.5% and 7%


CLEARED = re.compile(r"清零|归零|为零|零发生")  # a zero to reach, not one to break (破零)
# a zero not reached yet, said just before it (还没有全部实现清零, 未能如期全部清零, 距离全部清零…, 力争2026年实现清零;
# not the 未 of the thing cleared: 两年以上未发展党员的村全部清零)
NOT_CLEARED = re.compile(r"(?:(?:未|没有|尚未|仍未|还没有?|不能|难以)(?:能)?(?:如期|按期|按时)?(?:做到)?(?:全部|全面)?(?:实现)?|"
                         r"(?:距离?|离)[^，,。；;]{0,6}|"
                         r"(?:力争|计划|将|预计)[^，,。；;]{0,12})$")
# the clearing named as a goal not reached or hard to reach (清零目标没有实现, 清零任务十分艰巨)
CLEARING_NOT_DONE = re.compile(r"[^，,。；;]{0,4}?(?:目标|任务)[^，,。；;]{0,6}?(?:未|没有|难|艰巨|繁重)")
NEGATED_BEFORE = re.compile(r"未|没有|尚未|未能")
DONE_NOW = re.compile(r"超额|全部[^，,。；;]{0,6}到位")  # the task done (超额完成…, 全部化解到位): what follows is more
UNDER_WAY = re.compile(r"(?:稳步|有序|加快|积极|持续)推进|正在|(?:不断|逐步)扩大|逐步推开")  # work said to go on
LEFT = re.compile(r"剩余|其余|尚有|还有")  # some left (逐一登门走访…42人，剩余8人计划春节前走访)
# every unit due has it (应装尽装, 应保尽保, 应检尽检; 逐一): a coverage stated in words
# (对全镇15名…书记逐一开展分析研判; all of the whole's N, 与全镇13个村党组织结对, not so many among them, 全镇13个村中…,
# 全镇13个村党组织已有9个…; 全县14所乡镇中心学校均…: the 中 of 中心 is no "among")
ALL_DUE = re.compile(r"应([\u4e00-\u9fff])尽\1|(?<!其中)(?<![对为]其中\d)(?:逐一|逐个|全员)|"
                     r"全(?:[县市区镇乡]|部)\d+[个名家所](?![^，,。；;]{0,12}?中(?:[，,]|已|有|共|累计|\d))"
                     r"(?![^。；;]*?(?:其中|有|仅)\d)")
# 尚未全部实现应装尽装, 离应装尽装还有差距 (not 仍实现应装尽装, 未成年人应保尽保)
NOT_ALL_DUE = re.compile(r"(?:未(?!成年)|没有|距离?|离|差距)[^，,。；;]{0,6}应([\u4e00-\u9fff])尽\1")
# work done about a bad thing that happened (针对发生森林火灾的区域完成补植补造1200亩), not its damage (过火面积35公顷)
WORK_DONE = re.compile(r"完成|开展|补植|化解|整治|处置|查处|建成|新建|修复|救治|救助|安置")
# a percentage target no metric of the lexicon names (农村自来水普及率, 涉企行政检查频次同比下降30%): found in a
# report by its own words, of which this many characters at least must recur (自来水普及率, not 普及率 alone)
MIN_RATE_NAME = 4
SCOPES = ("农村", "城镇", "城市", "城区", "乡村", "县城", "县域", "规上", "规模以上")  # scopes that set a rate apart
# scopes that are one for a rate (a county's 县城 is its 城市): 农村 and 城镇 differ, 城镇 (towns too) and 城市 as well
SAME_SCOPE = {"城市": "城", "城区": "城", "县城": "城", "农村": "乡", "乡村": "乡", "规上": "规", "规模以上": "规"}
RATE_CLAUSE_END = re.compile(r"[，,；;。！？、]")
# the change a target makes, by the words just before its figure, and the change a report says
CUT_BEFORE = re.compile(r"(?:压减|压缩|减少|下降|降低|缩减|削减)[^\d，,。；;]{0,6}$")
GROWTH_BEFORE = re.compile(r"(?:增长|增加|提高|提升|上升)[^\d，,。；;]{0,6}$")
CUT_SAID = re.compile(r"下降|减少|降低|回落|压减|压缩|缩减")
GROWTH_SAID = re.compile(r"增长|增加|上升|提高|上涨")
CHANGE_CHARS = 4  # the characters before a figure that say how it changed (同比增长6.3%; not 在上年增长的基础上下降7.5%)
SHARE_NAME = re.compile(r"(?:率|比例|比重)$")  # a rate measuring a change is a level (压减比例提高到12%)
# the growth of what the words before a 、 name (边民互市贸易额完成21.3亿元、增长9.6%): the same metric's
GROWN_NEXT = re.compile(r"(?:同比|同口径|[比较](?:上年|去年))?(?:增长|增加|下降|提高|降低|减少|压减|上涨|回落)|增幅|降幅")
# 普及率由93.1%提高到96.3%, 在上年93.1%的基础上提高到96.3%: the figure it reached is the last
CHANGE_TO = re.compile(r"由|从|提高到|提高至|提升到|提升至|增至|增加到|上升到|上升至|降至|降低到|下降到")
COMPARED = re.compile(r"比|较|高于|低于|上年|去年")  # 比上年农村自来水普及率92.1%: another's figure
SENTENCE_CLAUSE = "，,；;。"  # what ends a clause, the sentence's end too
CLAUSE_BREAKS = re.compile(f"[{SENTENCE_CLAUSE}]")
COMPARED_REACH = 4
OVER_LIMIT = re.compile(r"(?:高于|超过|超出|未完成|未达到)[^，,。；;]{0,24}?(?:目标|要求|控制值|进度)")
CHANGE_BEFORE = re.compile(r"(?:下降|上升|降低|减少|提高|增加|增长|回落)了?$")
TARGET_AFTER = re.compile(r"的(?:阶段|年度|全年)?(?:目标|任务)")  # 1200个的阶段目标: a target restated, nothing done
AS_TARGET = re.compile(r"的?(?:目标|任务|要求)")  # 对照…普及率95%的目标: the target restated, no figure reached
BOUND_WORDS = re.compile(r"(?:不低于|不少于|不高于|不超过|达到|保持在|稳定在|控制在|提高到|以上|以内)+$")


def _bare_rate(t: Target, d: Directive, text: str) -> bool:
    """Whether a rate target named bare (年内覆盖率达到100%) measures what its own clause before names (全面推行行政执法
    “扫码入企”，年内覆盖率达到100%): a rate of that task, found in a report by its bare name too."""
    return bool(BARE_RATE.fullmatch(t.metric)) and clause_start(text, d.start, t.start) > d.start


def _change_of(t: Target) -> int:
    """Whether a target is a growth (+1: 增长15%以上), a cut (-1: 较上年压缩5%以上) or neither (0: 普及率达到98%), by
    the words just before its figure."""
    before = t.text[:next((k for k, c in enumerate(t.text) if c.isdigit()), len(t.text))]
    return -1 if CUT_BEFORE.search(before) else 1 if GROWTH_BEFORE.search(before) else 0


def _rate_named(metric: str, e: Evidence, reporting: Reporting, task: str = "", change: int = 0,
                unit: str | None = "%") -> list[float]:
    """The figures an evidence sentence gives for a percentage target by its name (`metric`, as the target writes
    it, without the words that bound it: 消费纠纷调解成功率不低于): the longest end of the name found in the sentence,
    with the scope it sets apart where the sentence names another (农村 of 农村生活污水治理率 against 城镇生活污水治理率),
    and at each place it is named the figure of its clause after it — the first, or the last of a change (由93.1%提高到
    96.3% → 96.3), none that is a target (95%的目标) — but where it is named as a comparison (比上年…92.1%, 高于全区
    …平均水平); none where the sentence names no such metric. Each figure in the target's `unit` (0.3‰ is 0.03%)."""
    name = BOUND_WORDS.sub("", metric)
    scope = max((name.rfind(w) for w in SCOPES), default=-1)
    for n in range(len(name), min(MIN_RATE_NAME, len(name)) - 1, -1):
        at = e.text.find(name[-n:])
        if at < 0:
            continue
        own = next((SAME_SCOPE.get(w, w) for w in SCOPES if name.startswith(w, scope)), None) if scope >= 0 else None
        values = []
        while at >= 0:
            after = at + n
            before = CLAUSE_BREAKS.split(e.text[max(0, at - COMPARED_REACH):at])[-1]  # (not across a comma)
            # (nor where it is named of another scope: 城镇生活污水治理率 where the target is the rural one; not
            # 县城… for 城市…)
            other_scope = scope >= 0 and n < len(name) - scope and any(
                w in e.text[max(0, at - 4):at] and SAME_SCOPE.get(w, w) != own for w in SCOPES)
            # (a rate named bare, 覆盖率, only where it opens its clause or the words before it are the task's:
            # 垃圾分类小区覆盖率, not 5G网络覆盖率)
            of_task = len(name) >= MIN_RATE_NAME or len(NOT_HAN.sub("", before)) < 2 or _names_task(before[-8:], task)
            if of_task and not other_scope and not COMPARED.search(before) and not e.text.startswith("平均", after):
                end = RATE_CLAUSE_END.search(e.text, after)
                if end is not None and end.group() == "、" and GROWN_NEXT.match(e.text, end.end()) \
                        and "%" not in e.text[after:end.start()]:
                    end = RATE_CLAUSE_END.search(e.text, end.end())  # (贸易额完成21.3亿元、增长9.6%: its growth)
                hi = end.start() if end else len(e.text)
                figures = [q for q in reporting.quantities.starting_in(e.start + after, e.start + hi)
                           if q.kind == "percent" and not q.masked and not AS_TARGET.match(e.text, q.end - e.start)]
                if figures:
                    changed = CHANGE_TO.search(e.text, after, hi)
                    figure = figures[-1] if changed else figures[0]
                    value = _in_unit(split_value(figure.text)[0], figure.unit, unit)
                    if isinstance(value, int | float):
                        # (a growth said of a cut to make, or a fall of a growth to reach, is against it: 同比增长6.3%
                        # for 较上年压缩5%以上)
                        said = e.text[after:figure.start - e.start][-CHANGE_CHARS:]  # (the verb right before it)
                        against = None if SHARE_NAME.search(name) else \
                            CUT_SAID if change > 0 else GROWTH_SAID if change < 0 else None  # (压减比例 is a level)
                        values.append(-float(value) if against is not None and against.search(said) else float(value))
            at = e.text.find(name[-n:], after)
        return values
    return _bare_share_named(name, e, reporting)


SHARE_WORD = re.compile(r"(?:占比|比例|比重)$")
SHARE_HEAD_CHARS = 8  # the characters of a share's name before its share word that the clause before must give
BARE_SHARE = re.compile(r"(?<=[，,])(?:占比|比例|比重)(?:为|达|达到|提高到|提升至)?(?=\d)")


def _bare_share_named(name: str, e: Evidence, reporting: Reporting) -> list[float]:
    """The figure of a share named by the clause before it (年经营性收入10万元以上的村达到1012个，占比55.3%: the share of
    the villages named there) for a share target (…的村占比达到60%): the end of its name but the share word found in
    that clause."""
    share = SHARE_WORD.search(name)
    if share is None or share.start() < MIN_RATE_NAME:
        return []
    # (its last words, the threshold with them: 10万元以上的村, not 50万元以上的村 of the clause after)
    head = name[max(0, share.start() - SHARE_HEAD_CHARS):share.start()]
    values = []
    for m in BARE_SHARE.finditer(e.text):
        if head in e.text[clause_start(e.text, 0, m.start() - 1, SENTENCE_CLAUSE):m.start()]:
            q = next((q for q in reporting.quantities.starting_in(e.start + m.end(), e.start + m.end() + 1)
                      if q.kind == "percent" and q.unit == "%" and not q.masked), None)
            if q is not None and isinstance(value := split_value(q.text)[0], int | float):
                values.append(float(value))
    return values


def _from_polarity(pol: str, quantities: Sequence[Quantity], text: str = "", start: int = 0) -> Status:
    """The status a sentence's polarity gives; `quantities` are those in it, `start` where its `text` starts."""
    if pol == "achievement":
        # (超额完成年度任务，预计2026年…: the year's work done over, what comes next is no remainder of it)
        # (6件信访积案全部化解到位，对已化解案件仍在持续…跟踪回访: the task done, what follows is no remainder of it)
        return "partial" if cue_test(*WORK_LEFT)(text) and not DONE_NOW.search(text) else "met"
    if pol == "mixed":
        return "partial"
    if pol == "shortfall":
        if said_missed(text):
            return "not_met"  # 城镇新增就业3600人，未完成市下达的4200人目标任务: the work done, its target missed
        if cue_test("remainder")(text):
            return "partial"  # 已整治销号31栋，其余6栋列入2026年整治计划: a remainder left of work done
        # work done short of its target is partial; the bad things that happened (发生生产安全事故3起、死亡2人) are
        # no work done
        happened = [m.span() for m in OCCURRED.finditer(text) if cue("bad_metric").search(m.group("what"))]
        # (the changes of what happened are no work either: 起数和死亡人数同比分别上升10%和12.5%)
        activity = any(q.kind in ("count", "percent", "money") and not q.masked and q.value
                       and not (happened and q.kind == "percent")
                       and not any(a <= q.start - start < b and not WORK_DONE.search(text, a, q.start - start)
                                   and not WORK_DONE.search(text[max(0, a - 3):a])  # (化解发生的信访积案26件)
                                   for a, b in happened)
                       for q in quantities)
        return "partial" if activity else "not_met"
    return "unknown"


def cell_candidates(base: Analysis, others: Sequence[Analysis]
                    ) -> tuple[list[tuple[int, int]], list[list[Features]], list[list[Sentence]], list[list[bool]]]:
    """Return, for tuning the scorer, every (directive, document) cell with the features of each evidence
    sentence of that document that shares a term with the directive, and whether all it shares is one common
    concept (`one_common_concept`: it then needs `ONE_CONCEPT`)."""
    d_items, pools, pool_terms, idf, _ = candidate_features(base, others)
    d_terms = [DirectiveTerms.of(items, idf) for items in d_items]
    cells, feats, sents, common = [], [], [], []
    for n, (pool, terms) in enumerate(zip(pools, pool_terms, strict=True)):
        postings = inverted(terms)
        for i in range(len(base.directives)):
            row_f, row_s, row_c = [], [], []
            for j in sharing(d_terms[i], postings):
                row_f.append(features(d_terms[i], terms[j], idf))
                row_s.append(pool[j])
                row_c.append(one_common_concept(d_terms[i].everything & terms[j], idf))
            cells.append((i, n))
            feats.append(row_f)
            sents.append(row_s)
            common.append(row_c)
    return cells, feats, sents, common
