"""Directives: sentences that instruct somebody to act from now on, or commit the speaker's organisation.

Rules decide from modal markers outside quotations (要, 必须, 力争…), imperative
openings that continue a directive paragraph, imperative headings and
commitments (`市院党组将…`); the sentence classifier in models/, when present,
adds its probability (see nlp.classify).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from nlp.context import Context
from nlp.cues import cue, cue_test, unquoted
from nlp.extract.actors import SUBJECT_WINDOW, actors_before, find_units
from nlp.extract.deadlines import find_deadline, find_due
from nlp.segment.markers import CONNECTORS
from nlp.segment.sentences import cell_parts, split_paragraph
from nlp.segment.tables import TaskRow
from nlp.spans import CLAUSE_PUNCT, SpanIndex, clause_start, item_at, itself
from nlp.types import AMOUNT_KINDS, Analysis, Deadline, Directive, Modality, OutlineItem, Quantity, Sentence

CLAUSE = re.compile(r"[^，,；;：:。！？!?]+")
COMMITMENT = re.compile(r"(?<!现)将(?=[\u4e00-\u9fff])")
SPEAKER = re.compile(r"(?:我们|我[局院市县区委部厅办处所校]|本[局院市县区委部厅])(?:也|都|还|一定)?$")
# what may stand before the verb of an imperative sentence: time, deadline, subject, adverbs
LEAD_IN = re.compile(r"^(?:(?:今年|全年|明年|年内|年底前|下步|下一步|同时|此外|当前|近期|首先|其次|最后|"
                     r"全[市县区省镇乡](?=每|年内|全年|今年|年底)|"
                     r"\d{1,2}月(?:\d{1,2}日|底|末)?(?:前|之前)|每(?:个)?(?:年|月|季度|半年|周|天|日|学期)|"
                     r"继续|要|也|都|还|进一步|认真|切实|有效|自觉)[,，]?)+")
# `维护社会稳定是公安机关的首要任务`: a clause that says what a task is (是 as its verb) sets none; a stance
# quoting an idea (坚持房子是用来住的…, 践行绿水青山就是金山银山理念, 实事求是) is a task
COPULA = re.compile(r"^(?!坚持|践行|树立).*?(?<!特别)(?<!尤其)(?<![但还或凡于可若只总要倒真硬求])是(?![否非])")
# `城乡社区规范健康管理服务率提高到65%`: a figure to reach, stated in a plan's directive paragraph, is a target
# (not a forecast nor last year's result: 预计…, 共…, 累计…, 同比…, 比上年增长…)
TARGET_FIGURE = re.compile(r"^(?!.*(?:预计|(?<![公总])共(?![同享建治富赢担])|累计|同比|过去一年|去年|[比较]上年增长|发生|不足|滞后))"
                           r".*(?:提高|提升|增加|达|增长|增至|不低于|不少于|不超过|控制在|保持在?|降低|下降|减少)"
                           r"(?:到|至|为)?(?:[\d.]+|[一二两三四五六七八九十百千万]+)")
# a goal set for a year to come (到2027年，累计推动2000家…; 到2025年底，…达到480亿元): a target, whatever its verb
STATE_OF = re.compile(r"仅有?|偏低|偏少|不高|不足|起步阶段")  # (到2024年底，全市仅有23%…: where things stand)
BY_YEAR = re.compile(r"(?:到|至)(?:20\d{2})年(?:底|末)?[，,]")
# a task opening on the date it is due by (9月底前淘汰…800辆, 3月底前印发实施《…》): the date makes it one, whatever its
# verb (and the 已 of what it acts on is no report: 6月底前完成…已治理黑臭水体“回头看”排查); not a time limit's own words
# (完成时限：2025年8月底前完成）)
DUE_LEAD = re.compile(r"(?:20\d{2}年)?(?:1[0-2]|[1-9])月(?:底|末|中旬|上旬|下旬|\d{1,2}日)?前[，,]?(?=[\u4e00-\u9fff]{3})(?!已|完成了)")
STRONG_MODAL = re.compile(r"(?<![需重主])要|必须|务必|力争")
PAST = re.compile(r"了|已")
DONE = re.compile(r"了|已经|取得")
CLAUSE_SPLIT = re.compile(r"[，,；;：:]")
COUNTED_SUBJECT = re.compile(r"^[×\d一二两三四五六七八九十]+个")
# who commits to act in a problems part: the speaker's organisation, opening the sentence
# (an institution as the subject, followed by what it will do: not 政府系统干部队伍…, 政府作风建设… as topics)
SPEAKER_LEAD = re.compile(r"^(?:[^，,。；;]{0,10}[，,])?(?:我们|(?:本届政府|我[局院市县区委部厅]|本[局院市县区委部厅]|[市省县区]?政府)"
                          r"(?=将|要|必须|务必|一定|也|都|还|会|[，,]))")
# a task list (重点工作任务分解表, 任务清单, 工作要点, 责任分工): each numbered item is a task, its 牵头单位 its actors
# (not a report on one: …工作要点完成情况, …任务清单落实情况, …督办事项办理情况的汇报, 2024年工作总结和…)
REPORT_TITLE = r"总结|汇报|通报|(?:完成|落实|办理|进展|推进)情况"
REPORT = re.compile(REPORT_TITLE)
TASK_LIST = re.compile(rf"^(?!.*(?:{REPORT_TITLE}|征集|评选|推荐)).*(?:任务(?:分解|清单|分工|台账)|工作要点|责任分工|"
                       r"督办(?:事项|清单)|交办(?:清单|事项)|民生实事)")  # (代表建议交办清单: the suggestions assigned)
ITEM_MARK = r"(?:\d{1,3}[.．、]|[（(]\d{1,3}[）)])"  # 1. 1、 （1）
ITEM_MARKER = re.compile(ITEM_MARK)
FIRST_ITEM = re.compile(r"(?:1[.．、]|[（(]1[）)])")
LIST_ITEM = re.compile(ITEM_MARK + r"(?:\s*(?=[\u4e00-\u9fff“])|[ \t　]+(?=\S))")  # (2. 2025年…, not 1.5万亩)
NEXT_ITEM = re.compile(r"(?:^|\n|[；;。])\s*(?:" + ITEM_MARK + r"|[（(]?[一二三四五六七八九十]+[、）)])")
LEAD_UNITS = re.compile(r"(?:牵头|责任|主责)(?:单位|部门)[：:][ \t　]*(?P<units>[^：:；;。）)\n]+?)"
                        r"(?=[ \t　]*(?:配合|协办|参与|责任|完成)(?:单位|部门|时限)|[；;。）)\n]|$)")
UNIT_SPLIT = re.compile(r"[、，,/／ \t　]+")
UNIT_TAIL = re.compile(r"等$|[（(].*$")  # 区城管局等, 区住建局（区城管局配合）
LEADS = re.compile(r"(?:牵头|负责|主责|为主)$")
HELPS = re.compile(r"配合|协办|协助|参与")
# how a unit's name ends (a person's does not: 张三, 王明)
UNIT_END = re.compile(r"[局委办院部队所站会厅处科股室组府署社行馆校园区县市省镇乡村厂场台团联门位关监庭司心街道]$")
CONTACT = re.compile(r"联系人|电话|手机|\d{7,}")
# (a part on the basis things stand on, 工作基础; not 数字基础设施, 基础教育)
# (not a part on putting problems right: 四、…监督发现问题整改方面, 问题整改落实)
NOT_TASK_HEADING = re.compile(r"进展|基础(?:条件|情况)?$|形势|问题(?!整改)|短板|不足|成效|回顾|联系|附件|保障措施|工作目标|总体目标|"
                              r"工作要求")
# a label line over a numbered list of measures (整改措施：, 具体措施：, 主要任务：): each item is a task
MEASURES_LABEL = re.compile(r"^[ \t　]*(?:整改|具体|工作|主要|重点)?(?:措施|任务|举措)[：:][ \t　]*$", re.M)
LABEL_LINE = re.compile(r"[ \t　]*[^\s：:，,。；;]{2,8}[：:]")  # 责任单位：…, 问题2：…: a labelled line ends the list
PART_HEADING = re.compile(r"[ \t　]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
OWN_PROBLEM = re.compile(r"问题[。；;]?$")  # an item naming a problem (…的问题。), not one acting on problems
# the labels of `SECTION_LABEL` that open a closing part (组织保障, 工作要求), not steps of a task (实施步骤, 时间安排)
CLOSING_LABEL = re.compile(r"(?:组织|工作|要素|政策)保障|保障措施|保障机制|工作要求")
# a problem found, as a rectification plan states it (问题1：…资金管理使用不规范…): the measures after it are the tasks
PROBLEM_LINE = re.compile(r"(?:存在|主要|反馈)?问题[\d一二三四五六七八九十]*[：:]")
# a 完成时限 line, or one beside the 牵头单位 line (牵头单位：县农业农村局；完成时限：2025年11月底前。)
DUE_LABEL = r"(?:完成|办结)?时(?:限|间)(?:要求)?[：:]"
DUE_LINE = re.compile(r"[（(]?" + DUE_LABEL)
DUE_SPAN = re.compile(DUE_LABEL + r"[ \t　]*(?P<due>[^；;。）)\n]+)")
# a task given to units by 由 (由县住建局牵头，县供电公司配合，…; 由县财政局于9月底前统筹安排…): who leads it
LED_BY = re.compile(r"(?<![于理自经缘])由(?!于|此|衷|来)(?P<units>[^，,。；;“”]{2,30}?)(?:等(?:部门|单位))?"
                    r"(?=牵头|负责|会同|于|从|统筹|组织(?!部)|具体|按照)"
                    r"(?![^，,。；;]{0,10}的[^，,。；;]*?(?:进展顺利|进展良好|成效明显|成效显著|运行良好|顺利完成|"
                    r"已(?:于|经|全部|完成|建成|投入)))")  # (not 由…负责建设的项目进展顺利)
HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
ORGAN_END = re.compile(r"(?:局|委|办|府|院|室|(?<!干)部|中心|公司|部门|单位|乡镇|街道|集团|委员会|工会|妇联)$")  # (not 由龙头企业…)
OWNER_LINE = re.compile(r"[（(]?(?:牵头|配合|责任|协办|主责|参与)(?:单位|部门)[：:]")
# a line on how a task is scored or noted, no task (评分标准：每低于目标1个百分点扣0.5分; 分值：5分; 注：…): of an
# indicator list, as its 责任单位 and 完成时限 lines are
SCORING_LINE = re.compile(r"[（(]?(?:评分标准|计分(?:标准|办法|方法|规则)|扣分(?:标准|办法)|考核(?:方式|办法|标准)|分值|权重)[：:]")
NOTE_LINE = re.compile(r"[（(]?(?:注|备注)[：:]")  # a note: a task only where it says who must (注：各乡镇必须…)
# a sentence of scoring, no task (发生较大事故的，本项不得分; 每低于目标1个百分点扣0.5分，扣完为止)
SCORING = re.compile(r"扣(?:[\d.．]+|半)分|不得分(?=[，,。；;）)（(并、]|$)|得满分|扣完为止")  # (not 不折不扣一分不少)
# what an indicator is to reach, on a line of its own under the indicator's name (目标值：…; 目标任务：…)
TARGET_LINE = re.compile(r"(?:目标值|目标任务|年度目标|工作目标|目标要求)[：:]")
NOT_TASK_ROLES = frozenset({"review", "problems", "glossary", "preamble", "closing"})
# a task table may make up the whole document (a title, then the table: all of it the opening part)
NOT_TABLE_TASK_ROLES = frozenset({"review", "problems", "glossary"})
HOPE = re.compile(r"^希望(?:大家|同志们|你们)")  # 希望大家…: what a speaker asks of the audience
AUDIENCE = re.compile(r"^(?:希望|请)(?P<who>大家|同志们)")  # the party asked: 大家 (not 请各位代表提出意见)
SPEAKER_MUST = re.compile(SPEAKER_LEAD.pattern + r"(?:也|都|还)?(?:必须|务必|一定要)")  # 对这些问题，我们必须…
SECTION_LABEL = re.compile(r"(?:[（(]?[一二三四五六七八九十\d]{1,3}[、）).．]\s*)?(?:(?:保障|工作|主要|具体|推进|落实|政策)措施|"
                           r"(?:组织|工作|要素|政策)保障|保障机制|实施步骤|(?:进度|时间|工作)安排|指导思想|(?:基本|工作)原则|"
                           r"工作机制|工作要求)")
NOMINAL = re.compile(r"(?:方面|情况|回顾|成绩|问题|任务|计划|安排|要求|目标|取向|总体要求|政策取向|指标)$")
NOMINAL_INDICATOR = 6  # a title of indicators this short names a part (民生保障指标), whatever verb it may open with
SCORE_NOTE = re.compile(r"[（(][^（）()]{0,8}分[)）]$")  # a part's points in an indicator list: 发展指标（20分）

# How sure the rules are of a verdict; written to `Directive.confidence`. The levels order the kinds of
# evidence (a modal marker is surest; an imperative opening in a directive paragraph less so); a verdict
# the rules leave UNDECIDED is where the sentence classifier may add a directive.
MARKER = 0.9
HEADING = 0.8
REJECTED = 0.8  # a question, or a not-a-directive cue
TARGET_ITEM = 0.8
COMMITTED = 0.7
IMPERATIVE = 0.7
NOT_A_TASK_HEADING = 0.7
UNDECIDED = 0.6
CLASSIFIER_ADDS = 0.85  # directive probability at which the classifier adds a sentence the rules left out


class Verdict(NamedTuple):  # a named tuple: one is made for every sentence, three times faster than a frozen dataclass
    is_directive: bool
    modality: Modality
    confidence: float
    marker_ends: tuple[int, ...] = ()  # offsets in the sentence where a modal marker starts
    undecided: bool = False  # the rules found no evidence either way


def modality_of(bare: str) -> Modality:
    if cue("must").search(bare):
        return "must"
    if cue("strive").search(bare):
        return "strive"
    return "should"


def judge(sentence: str, in_directive_context: bool, is_heading: bool, in_report_section: bool) -> Verdict:
    """Decide by rules whether one sentence is a directive, and with which modality."""
    if sentence.rstrip().endswith(("？", "?")) or cue_test("not_directive")(sentence):
        return Verdict(False, "should", REJECTED)
    bare = unquoted(sentence)
    if cue_test("must", "strive", "should")(bare):  # one scan: most sentences have no marker
        modality = modality_of(bare)
        if in_report_section and not is_heading and not STRONG_MODAL.search(bare):
            return Verdict(False, modality, UNDECIDED, undecided=True)
        markers = sorted(m.start() for lab in ("must", "strive", "should") for m in cue(lab).finditer(bare))
        return Verdict(True, modality, MARKER, tuple(markers))
    modality = "should"  # no marker of any modality
    # the opening verb is looked at only where a verdict depends on it (_imperative is the costliest test)
    if is_heading:
        ok = (not in_report_section and (in_directive_context or _imperative(bare))
              and not _nominal(sentence.rstrip("。；;！!"), bare))
        return Verdict(ok, modality, HEADING if ok else NOT_A_TASK_HEADING)
    # a find of 将 in C first: the regex engine cannot skip to it past its look-behind
    commitments = tuple(m.start() for m in COMMITMENT.finditer(bare) if _committed(bare, m.start())) \
        if "将" in bare else ()
    if commitments and not PAST.search(bare):
        return Verdict(True, modality, COMMITTED, commitments)
    if in_directive_context and not in_report_section and not DONE.search(cue("goal").sub("", bare)) and (
            _imperative(bare) or TARGET_FIGURE.search(bare)
            or (BY_YEAR.match(bare) and not _narrates(bare) and not STATE_OF.search(bare))
            or DUE_LEAD.match(bare)):
        return Verdict(True, modality, IMPERATIVE)
    return Verdict(False, modality, UNDECIDED, undecided=True)


def _imperative(bare: str) -> bool:
    """Whether the sentence opens with an imperative verb (after time, subject and adverbs); a later
    clause may open it too when nothing in the sentence reports or evaluates."""
    body = CONNECTORS.sub("", bare, count=1)
    if cue("report_start").match(body) or _narrates(body):
        return False
    for clause in CLAUSE.finditer(body):
        text = LEAD_IN.sub("", clause.group(0).strip())
        if cue("imperative").match(text) and not COPULA.search(text):
            return True
        units = find_units(text[:16])
        if units and units[0][0] == 0:
            if COUNTED_SUBJECT.match(units[0][2]):
                return False  # ×个院…, 三个县区院…: a report about units
            text = LEAD_IN.sub("", text[units[0][1]:])
        if cue("imperative").match(text) and not COPULA.search(text):
            return True
    return False


def _narrates(text: str) -> bool:
    """Whether a sentence reports or evaluates (the `narrative` cue) other than in the goal it sets."""
    return bool(cue("narrative").search(cue("goal").sub("", text) if "取得" in text else text))


def _nominal(title: str, bare: str) -> bool:
    """Whether a heading names a part (`2025年工作总体要求`, `做好今年工作的总体要求`, `主要目标`) rather than a
    task whose object ends it (`奋力实现“三年初见成效”目标`, `严格政府运行的法治要求`: a verb of doing opens it)."""
    if SECTION_LABEL.fullmatch(title):
        return True  # the standard parts of a plan (保障措施, 组织保障, 实施步骤), whatever verb they may open with
    title = SCORE_NOTE.sub("", title)
    m = NOMINAL.search(title)
    if m is None:
        return False
    if m.group(0) == "指标":  # (经济发展指标, 发展指标: a part of indicators; 严格落实耕地保护约束性指标: a task)
        return len(title) <= NOMINAL_INDICATOR or not _imperative(bare)
    if m.group(0) not in ("目标", "要求") or m.start() == 0 or title[m.start() - 1] == "的":
        return True  # (…情况, …成绩, …方面 name a part whatever opens them)
    return not _imperative(bare)


def _subject_leads(text: str, actor: str) -> bool:
    """Whether a sentence opens with `actor` as its subject (after a run-in marker and words of time)."""
    body = LEAD_IN.sub("", CONNECTORS.sub("", text, count=1))
    return body.startswith(actor)


def _opens_with_unit(sent: Sentence) -> bool:
    """Whether a sentence names a unit of its own at its start (a new subject)."""
    body = LEAD_IN.sub("", CONNECTORS.sub("", sent.text, count=1))
    units = find_units(body[:16])
    return bool(units) and units[0][0] == 0


def _committed(bare: str, pos: int) -> bool:
    """`市院党组将…`, `我局将…`: a commitment needs the speaker's organisation before 将."""
    before = bare[max(0, pos - 20):pos]
    clause = CLAUSE_SPLIT.split(before)[-1]
    return bool(SPEAKER.search(clause) or actors_before(clause, 0, len(clause)))


def extract(analysis: Analysis, ctx: Context) -> tuple[Directive, ...]:
    """Return the directives among the document's sentences, with ids d1, d2, … in document order."""
    outline = analysis.outline
    quantities = SpanIndex(analysis.quantities, lambda q: q.start)
    mentions = SpanIndex([(m.start, c.id) for c in analysis.campaigns for m in c.mentions], lambda m: m[0])
    prob = ctx.directive_probability
    task_list = bool(TASK_LIST.search(ctx.document.title or ""))
    # a task table's rows are read by their columns, not as sentences (none in a report on tasks: 完成情况)
    rows = ctx.task_rows
    heading_starts = {o.start for o in outline} if rows else set()
    # a report on tasks (…完成情况, 工作总结) has task tables in its plans only (2024年工作总结及2025年工作计划)
    report = bool(REPORT.search(ctx.document.title or ""))
    row = 0
    row_done = -1  # the last row whose directives were given (a row kept whole may hold several sentences)
    owned = _owned_sections(analysis, ctx.parents)
    measures = measure_lists(ctx.text)
    label_in: int | None = None  # the item a closing part's label line stands in (组织保障, after the last item)
    directive_headings: set[int] = set()
    out: list[Directive] = []
    para = -1
    context = False
    last_actors: tuple[str, ...] = ()
    last_index = -2
    for sent in analysis.sentences:
        while row < len(rows) and rows[row].line[1] <= sent.start:
            row += 1
        if row < len(rows) and rows[row].line[0] <= sent.start:
            # the sentences of its task cell are tasks, led by the units of its units cell; no other cell is
            role = ctx.sentence_roles[sent.index]
            if row != row_done and rows[row].tasks and (role == "plan" or (not report and role not in NOT_TABLE_TASK_ROLES)):
                out += _row_directives(rows[row], sent, ctx, quantities, mentions, len(out))
                row_done = row
            continue
        if sent.paragraph != para:
            para = sent.paragraph
            context = _directive_context(outline, ctx.parents, sent.section, directive_headings)
            last_actors = ()
        heading = ctx.heading_at.get((sent.start, sent.end))
        if heading is None and sent.end in ctx.heading_ending_at \
                and outline[ctx.heading_ending_at[sent.end]].start >= sent.start:
            heading = ctx.heading_ending_at[sent.end]
        role = ctx.sentence_roles[sent.index]
        if role == "glossary":
            continue  # a glossary explains terms
        if rows and sent.start in heading_starts and "\t" in ctx.text[sent.start:_line_end(ctx.text, sent.end)]:
            continue  # a group's title across a task table (三、完善综合交通体系): its rows are the tasks
        in_report = role in ("review", "problems") or (sent.section is not None and sent.section in ctx.report_sections)
        if heading is not None:
            parent = ctx.parents[heading]
            context = parent is not None and (parent in directive_headings or
                                              bool(cue("directive_section").search(outline[parent].title)))
        verdict = judge(sent.text, context, heading is not None, in_report)
        # 牵头单位：…, 完成时限：…; a scoring line or a note (评分标准：…, 注：…) unless it says who must do what
        # (注：各乡镇必须于6月15日前将防汛预案报县防汛办备案。)
        # (a task with a scoring tail stays one: 各乡镇必须…完成危房改造120户，逾期未完成的每户扣0.5分。)
        who_or_when = bool(OWNER_LINE.match(sent.text) or DUE_LINE.match(sent.text) or SCORING_LINE.match(sent.text)) or (
            verdict.confidence != MARKER and bool(NOTE_LINE.match(sent.text) or PROBLEM_LINE.match(sent.text)
                                                  or ("分" in sent.text and SCORING.search(sent.text))))
        if who_or_when:
            verdict = Verdict(False, verdict.modality, REJECTED)  # 配合单位：各街道）: who does a task, no task
        if not verdict.is_directive and (task_list or item_at(measures, sent.start, itself) is not None) and role not in NOT_TASK_ROLES \
                and LIST_ITEM.match(sent.text) and not verdict.confidence == REJECTED \
                and not _not_a_task_item(sent, outline, ctx.parents):
            # a task list's numbered item is a task, whatever its wording (3. 既有住宅加装电梯50部。), as is an item
            # of a list of measures (整改措施： / 1. 各单位对2023年以来津贴补贴发放情况开展自查…)
            verdict = Verdict(True, modality_of(unquoted(sent.text)), TARGET_ITEM)
        if heading is None and sent.start == ctx.text.rfind("\n", 0, sent.start) + 1 and (label := SECTION_LABEL.fullmatch(
                ctx.text[sent.start:_line_end(ctx.text, sent.start)].strip())) is not None:
            # a part's label on a line of its own is no task; after a list's last item, a closing part's (组织保障,
            # 工作要求) ends that item: what follows is not led by its 牵头单位
            if CLOSING_LABEL.fullmatch(label.group(0)) and sent.section is not None \
                    and ITEM_MARKER.fullmatch(outline[sent.section].marker.strip()):
                label_in = sent.section
            continue
        part = _owner(sent.section, owned, outline, ctx.parents) if sent.section != label_in else None
        # (a numbered item that is itself the goal, with its own 责任单位 line: 1．地区生产总值增长6%以上（5分）。/
        # 责任单位：县发改局; not a part's title over its tasks, 一、城镇老旧小区改造)
        goal_item = heading is not None and part == sent.section and ITEM_MARKER.fullmatch(outline[heading].marker.strip()) \
            and sent.text[-1] in "。；;" and any(q.kind in AMOUNT_KINDS for q in quantities.starting_in(sent.start, sent.end))
        if not verdict.is_directive and part is not None and (heading is None or goal_item) and role not in NOT_TASK_ROLES \
                and not report and not in_report and (sent.text[-1] in "。；;！" or any(
                    q.kind in AMOUNT_KINDS for q in quantities.starting_in(sent.start, sent.end))) \
                and verdict.confidence != REJECTED and not who_or_when and not _not_a_task_item(sent, outline, ctx.parents):
            # a part whose 牵头单位 line says who leads it is a task, each of its sentences (一、城镇老旧小区改造 /
            # 改造…老旧小区16个，9月底前全部开工。 / 牵头单位：县住房和城乡建设局)
            verdict = Verdict(True, modality_of(unquoted(sent.text)), TARGET_ITEM)
        if not verdict.is_directive and ctx.in_passage(sent.start, sent.end):
            # each item of a main-targets passage (主要预期目标是：…；…；…。) sets a goal
            verdict = Verdict(True, modality_of(unquoted(sent.text)), TARGET_ITEM)
        confidence = verdict.confidence
        decided = verdict.is_directive
        # the classifier is asked only where it may change the decision: a sentence the rules left
        # undecided that narrates nothing, outside a report's opening (whose directives are dropped below);
        # it adds the sentence when it is confident
        if prob is not None and not decided and verdict.undecided and not in_report \
                and not (role == "preamble" and ctx.structured) and not _narrates(sent.text):
            p = prob(sent)
            if p is not None and p >= CLASSIFIER_ADDS:
                decided, confidence = True, p
        if decided and ctx.sentence_heading_roles[sent.index] == "review" and not SPEAKER_MUST.match(unquoted(sent.text)):
            decided = False  # a review reports what was done; only `对这些问题，我们必须…` commits to act there
        if decided and role == "preamble" and ctx.structured and not HOPE.match(unquoted(sent.text)):
            decided = False  # a report's opening asks for nothing but its hearing (请…提出意见); a speech's
            # opening may ask its audience for something (希望大家相互学习、取长补短)
        if decided and role == "problems" and verdict.modality == "should" and not _speaker_acts(ctx.text, sent, verdict):
            decided = False  # `改革仍有不少硬骨头要啃` states a problem; `对此，我们将…` commits to act
        if decided and role in ("preamble", "closing") and confidence not in (MARKER, COMMITTED):
            decided = False  # openings and final calls set tasks only in so many words (要, 必须, 我们将)
        if not decided:
            continue
        if heading is not None:
            directive_headings.add(heading)
        context = True
        actors = _actors(ctx.text, sent, verdict.marker_ends)
        owner = part if not report else None
        if not actors and (task_list or owner is not None) and (LIST_ITEM.match(sent.text) or TARGET_LINE.match(sent.text)):
            # 牵头单位：区住房和城乡建设局, in the item or on a line of its own after it (an indicator's card: 目标值：…
            # / 分值：… / 责任单位：…), before the next item; not its part's, which names the first item's
            actors = _lead_units(ctx.text, sent.start)
        if not actors and owner is not None:
            actors = owned[owner][0]  # the units its part's 牵头单位 line names
        # a sentence without a subject continues the one before it only when that one opened with its subject
        # and this one follows it directly without naming a new one (`市院成立…` after `…指导处要…` does not)
        # (looked at only where there is something to inherit: _opens_with_unit scans the sentence)
        inherited = last_actors if last_actors and not actors and sent.index == last_index + 1 \
            and not _opens_with_unit(sent) else ()
        last_actors = tuple(actors) if actors and _subject_leads(sent.text, actors[0]) else inherited
        last_index = sent.index
        deadline: Deadline | None = find_deadline(ctx.text, sent.start, sent.end, ctx.document.date, ctx.year)
        if deadline is None and owner is not None and (due := owned[owner][1]) is not None:
            deadline = find_due(ctx.text, *due, ctx.document.date, ctx.year)  # its part's 完成时限 line
        targets = tuple(q.id for q in quantities.starting_in(sent.start, sent.end) if q.kind in AMOUNT_KINDS)
        names = tuple(dict.fromkeys(c for _, c in mentions.starting_in(sent.start, sent.end)))
        out.append(Directive(
            id=f"d{len(out) + 1}", text=sent.text, start=sent.start, end=sent.end, actors=tuple(actors),
            inherited_actors=inherited, modality=verdict.modality, deadline=deadline, campaigns=names,
            targets=targets, section=sent.section, confidence=confidence, page=ctx.page_of(sent.start),
        ))
    return tuple(out)


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _row_directives(row: TaskRow, sent: Sentence, ctx: Context, quantities: SpanIndex[Quantity],
                    mentions: SpanIndex[tuple[int, str]], before: int) -> list[Directive]:
    """The directives of a task table's row (`sent`: its first sentence): each sentence of its task cell but a
    question, led by the units of its units cell, due by its time cell, else by what the sentence says."""
    text = ctx.text
    actors = tuple(_unit_names(text[row.lead[0]:row.lead[1]])) if row.lead is not None else ()
    due = find_due(text, *row.due, ctx.document.date, ctx.year) if row.due is not None else None
    out: list[Directive] = []
    spans = [(row.task[0], row.aim[1])] if row.aim is not None else \
        (s for part in cell_parts(text, *row.task) for s in split_paragraph(text, *part))
    for start, end in spans:  # (a task named in a few words with its 年度目标: one, 规上工业增加值\t增长7%以上)
        said = text[start:end]
        if judge(said, True, False, False).confidence == REJECTED:
            continue
        out.append(Directive(
            id=f"d{before + len(out) + 1}", text=said, start=start, end=end, actors=actors,
            modality=modality_of(unquoted(said)),
            deadline=due or find_deadline(text, start, end, ctx.document.date, ctx.year),
            campaigns=tuple(dict.fromkeys(c for _, c in mentions.starting_in(start, end))),
            targets=tuple(q.id for q in quantities.starting_in(start, end) if q.kind in AMOUNT_KINDS),
            section=sent.section, confidence=TARGET_ITEM, page=ctx.page_of(start)))
    return out


def _owned_sections(analysis: Analysis, parents: Sequence[int | None]
                    ) -> dict[int, tuple[list[str], tuple[int, int] | None]]:
    """The parts of a document (outline items) that a 牵头单位 line of their own says who leads: its units, and the
    span of the time limit a 完成时限 line beside it gives (if any). A line after a run of numbered items (1.… 2.…
    3.… / 责任单位：…) leads each item of the run back to its first, but one that has a line of its own."""
    owned: dict[int, tuple[list[str], tuple[int, int] | None]] = {}
    text = analysis.document.text
    outline = analysis.outline
    for sent in analysis.sentences:
        if sent.section is not None and sent.section not in owned and OWNER_LINE.match(sent.text) \
                and (lead := LEAD_UNITS.search(sent.text)) is not None:
            due = DUE_SPAN.search(text, sent.start, _line_end(text, sent.start))
            owned[sent.section] = (_unit_names(lead.group("units")), due.span("due") if due else None)
    for sent in analysis.sentences:  # a 完成时限 line of its own, beside the 牵头单位 line
        if sent.section in owned and owned[sent.section][1] is None and (due := DUE_SPAN.match(sent.text)):
            owned[sent.section] = (owned[sent.section][0], (sent.start + due.start("due"), sent.start + due.end("due")))
    for last in sorted(owned):
        k = last
        while not FIRST_ITEM.fullmatch(outline[k].marker.strip()) and k > 0 and ITEM_MARKER.fullmatch(
                outline[k].marker.strip()) and parents[k - 1] == parents[last] and k - 1 not in owned \
                and ITEM_MARKER.fullmatch(outline[k - 1].marker.strip()) and not _block_break(
                    text, outline[k - 1].start, outline[k].start):
            k -= 1
            owned[k] = owned[last]
    return owned


def _block_break(text: str, start: int, end: int) -> bool:
    """Whether an item (text[start:end], to the next item) leads itself (（牵头单位：…）, 由县教育局负责) or a new block
    of measures opens after it (问题2：…, 整改措施：): a 牵头单位 line after later items does not lead it."""
    between = text[start:end]
    return bool(LEAD_UNITS.search(between) or LED_BY.search(between)
                or any(PROBLEM_LINE.match(line.strip()) or MEASURES_LABEL.match(line) for line in between.split("\n")[1:]))


def measure_lists(text: str) -> list[tuple[int, int]]:
    """The spans of the numbered lists of measures under a label line (整改措施： / 1.… / 2.…), each to the first
    labelled line (责任单位：…), part heading or unnumbered line after its items; in order."""
    spans = []
    for label in MEASURES_LABEL.finditer(text):
        start = end = label.end() + 1
        while end < len(text):
            line_end = _line_end(text, end)
            line = text[end:line_end]
            if line.strip() and not LIST_ITEM.match(line.strip()) and (
                    LABEL_LINE.match(line) or PART_HEADING.match(line) or end == start
                    or SECTION_LABEL.fullmatch(line.strip()) or PROBLEM_LINE.match(line.strip())):
                break
            end = line_end + 1
        if end > start:
            spans.append((start, min(end, len(text))))
    return spans


def _owner(section: int | None, owned: dict[int, tuple[list[str], tuple[int, int] | None]],
           outline: Sequence[OutlineItem], parents: Sequence[int | None]) -> int | None:
    """The part holding `section` that a 牵头单位 line of its own says who leads: the section itself, or for a
    numbered item (1.…) the part it is an item of."""
    while section is not None:
        if section in owned:
            return section
        if not ITEM_MARKER.fullmatch(outline[section].marker.strip()):
            return None
        section = parents[section]
    return None


BLOCK_LINES = 4  # the lines after an item where its 牵头单位 may stand (目标值, 分值, 评分标准 before it)


def _lead_units(text: str, start: int) -> list[str]:
    """The units a task list names as leading a task (牵头单位：区民政局、区卫健委; 责任单位：…), in the item or on a
    line after it among the next few, before the next item."""
    end = start
    for _ in range(BLOCK_LINES + 1):
        end = text.find("\n", end + 1)
        if end < 0:
            end = len(text)
            break
    span = text[start:end]
    item = NEXT_ITEM.search(span, 1)
    if item:
        span = span[:item.start()]
    owner = LEAD_UNITS.search(span)
    return _unit_names(owner.group("units")) if owner is not None else []


def _unit_names(units: str) -> list[str]:
    """The units a task list's 牵头单位 names (区民政局、区卫健委; 区住建局（区城管局配合）; 各街道等; 县住建局牵头，
    县财政局配合: the leading one), not the people named with them (县城管局 张三)."""
    names = (LEADS.sub("", UNIT_TAIL.sub("", n)) for n in UNIT_SPLIT.split(units.strip()) if not HELPS.search(n))
    return [n for n in names if len(n) >= 2 and (UNIT_END.search(n) or n.startswith("各"))]


def _not_a_task_item(sent: Sentence, outline: Sequence[OutlineItem], parents: Sequence[int | None]) -> bool:
    """Whether a task list's numbered item is no task: a result or a problem (老旧小区改造完成28个。, 财政收支矛盾突出。),
    a contact (联系人：王明，电话…), or an item under a heading on results, problems, contacts or safeguards."""
    bare = unquoted(sent.text)
    if DONE.search(bare) or PAST.search(bare) or _narrates(bare) or CONTACT.search(bare) \
            or cue_test("shortfall")(LIST_ITEM.sub("", bare, count=1)):
        return True
    section = sent.section
    if section is not None and outline[section].start == sent.start:
        if OWN_PROBLEM.search(outline[section].title):
            return True  # (1. 部分村级集体资产底数不清的问题。)
        section = parents[section]  # (its other words are the item's: 3. 县纪委监委对…问题线索集中起底…)
    while section is not None:
        if NOT_TASK_HEADING.search(outline[section].title):
            return True
        section = parents[section]
    return False


def _speaker_acts(text: str, sent: Sentence, verdict: Verdict) -> bool:
    """Whether the speaker's organisation opens the sentence or an actor stands before one of its markers."""
    return bool(SPEAKER_LEAD.match(unquoted(sent.text)) or _actors(text, sent, verdict.marker_ends))


def _actors(text: str, sent: Sentence, marker_starts: tuple[int, ...]) -> list[str]:
    names: list[str] = []
    for rel in marker_starts:
        pos = sent.start + rel
        lo = max(sent.start, pos - SUBJECT_WINDOW)
        for name in actors_before(text, clause_start(text, lo, pos, CLAUSE_PUNCT), pos):
            if name not in names:
                names.append(name)
    if not names and "由" in sent.text and (led := LED_BY.search(sent.text)) is not None:
        # 由县住建局牵头，…配合，…; 由县财政局于9月底前统筹安排… (a named organ: not 由政府组织和引导)
        said = led.group("units")
        units = find_units(said)
        if units and units[0][0] == 0 and units[-1][1] == len(said):
            names = [name for _, _, name in units if len(name) >= 3 and ORGAN_END.search(name)]
        else:  # (a name the unit finder cuts or misses: 县发展和改革委员会, 县总工会)
            names = [n for n in UNIT_SPLIT.split(said) if len(n) >= 3 and ORGAN_END.search(n) and HAN_ONLY.fullmatch(n)]
    asked = AUDIENCE.match(unquoted(sent.text)) if not names else None
    return [asked.group("who")] if asked else names  # 希望大家…, 请大家…: the audience asked, where no one is named


def _directive_context(outline: Sequence[OutlineItem], parents: Sequence[int | None], section: int | None,
                       directive_headings: set[int]) -> bool:
    """Whether a paragraph stands under a directive heading or a task section, however deep
    (`1.医疗卫生方面` under `（十一）保障和改善民生` under `二、2025年目标任务和重点工作`)."""
    while section is not None:
        if section in directive_headings or cue("directive_section").search(outline[section].title):
            return True
        section = parents[section]
    return False
