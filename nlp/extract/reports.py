"""Reports: sentences that state the results, progress or problems of a unit or of the whole system.

A sentence becomes a report on evidence points (opening words such as 今年以来/从…来看, amounts,
named units, report cue words, past-tense markers, a report section or paragraph around it).
Its polarity weighs achievement and shortfall cues; change words are judged with their metric
(发案数下降 is an achievement, 收入下降 a shortfall), a clause after 但 carries the point, and a
sentence naming units that did well and units that did not is mixed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from nlp.context import Context
from nlp.cues import cue, unquoted
from nlp.extract.actors import find_units
from nlp.types import AMOUNT_KINDS, Analysis, Polarity, Quantity, Report, Sentence

NEGATED = re.compile(r"(?:不|不够|未|没有|尚未|有待|(?<!不)只|(?<!不)仅)$")  # (只完成计划的60%: short of it; not 不仅)
STRONG_POSITIVE = re.compile(r"较好|不错|领先|前[一二三两]名?|第一|效果突出|率先")
UP = re.compile(r"增长|上升|提高|增加|扩大|上涨")
DOWN = re.compile(r"下降|降低|减少|回落|下滑|降幅")  # (压减 is done on purpose: 压减会议和发文)
CONTRAST = re.compile(r"[，,；;](?:但是?|然而|不过|可是)")
BREAKTHROUGH = re.compile(r"(?:实现了?|取得了?)[^，,。；;]{0,6}(?:零的突破|零突破|破零)")
SAFE = re.compile(r"(?:未发生|没有发生|未发现|没有发现|未出现|没有出现|无)[^，,。；;]{0,12}")  # (全年未发现秸秆焚烧火点)
# what a sentence acts on or guards against, not what it reports: others pressed for their shortfall (对未能按期完成
# 整改的3家企业进行约谈, 对排名靠后的2个乡镇进行约谈; not the unit's own projects, 对未能按期开工的5个项目进行专项督办)
# and the problem prevented (防止出现未能按期开工等问题, 避免严重次生灾害发生; not a mechanism or work of preventing
# that is itself short, 防止返贫的监测帮扶机制尚未建立, nor 不可避免地面临…)
ACTED_ON = re.compile(r"对[^，,。；;对]{1,20}?的\d*[家个名户位]?(?:企业|商户|经营主体|市场主体|单位|责任人|人员|个人|当事人|"
                      r"乡镇|街道|部门|县区|县（市、区）)"
                      r"(?=[^，,。；;]{0,8}?(?:进行|实施|开展|下发|约谈|通报|督办|问责|追责|处理|处罚))"
                      r"|(?<!不可)(?<!难以)(?<!无法)(?:防止|避免|杜绝|严防)"
                      r"(?:(?!仍|尚|还|机制|工作|方面|体系|制度)[^，,。；;]){1,20}?(?:问题|情况|现象|发生)")
# a bad thing that happened, counted (全年发生较大生产安全事故1起, 发生一起较大事故): a shortfall where the
# sentence says it fell by no measure (not 发生事故3起、同比下降40%, 事故起数为近十年最低, 较上年少2起)
OCCURRED = re.compile(r"(?<![未没无再])发生了?(?P<what>[^，,。；;]{1,24})")
# the bad thing just named done away with in its clause (薄弱村已全部清零, 短板…已全部消除; not 尚未清零, 不能如期清零,
# 力争年底前清零, nor a clearing of another thing after a 未 or 不 the cue is itself)
CLEARED_AFTER = re.compile(r"(?:(?!未|没有|仍|尚|还|不|难以|力争|争取|计划|要)[^，,。；;]){0,10}?(?:清零|全部消除|已消除|销号|摘帽)")
NEGATORS = frozenset("未没不无尚仍难")
NOT_YET = re.compile(r"(?:未|没有?|不能|难以)(?:能|有)?(?:按时|如期|按期)?(?:做到|全部|全面)?(?:实现)?$")  # 尚未清零, 未能全部清零
NOT_SO = re.compile(r"目标|任务|没有|未|难|艰巨")  # after the clearing in its clause: 清零目标没有实现, 清零任务十分艰巨
CLAUSE_ENDS = re.compile(r"[，,。；;]")
COUNTED = r"[\d一二两三四五六七八九十]+"
INCIDENTS = re.compile(COUNTED + "起")  # a count of incidents (事故1起; not 宗, land parcels too)
TIMES = re.compile(COUNTED + "(?:起|次|宗)")
FELL = re.compile(r"下降|减少|降低|回落|最低|减半|少[\d一二两三四五六七八九十]")
WEAK_START = re.compile(r"^刚才")
# a problem overcome is a result: 填补…空白, 缩小…差距, 克服…困难, 补齐…短板, 化解…矛盾, 顶住…压力
# (not 化解案件仍然空白, 化解案件为零: a gap that is still there, with 仍/还/尚/是/为 between)
OVERCOME_VERBS = r"(?:填补|缩小|克服|补齐|补足|弥补|化解|破解|战胜|顶住|扭转|消除|盘活)"
OVERCOME = re.compile(OVERCOME_VERBS + r"(?:(?![仍还尚是为])[^，,。；;]){0,8}$")
# a gap, a shortfall, a conflict is the object of its verb even after a long phrase (补齐社区食堂、口袋公园、快递驿站等8类
# 设施短板, 缩小了与全市平均水平的差距); not past another problem nor where a problem is found after or beside it
# (消除隐患后发现…, 化解…过程中暴露出…短板, 在补齐…短板方面资金投入不足)
OVERCOME_FAR = re.compile(OVERCOME_VERBS + r"(?:(?![仍还尚是为]|发现|暴露|存在|反映|但|后|方面|短板|空白|差距|矛盾|隐患|盲区|"
                          r"遇到|面临|遭遇|碰到|受到)"
                          r"[^，,。；;]){0,24}$")
FAR_PROBLEMS = frozenset({"空白", "白点", "差距", "短板", "矛盾", "盲区", "闲置"})  # (not 不足, 薄弱, 困难, 压力: said of
# something else: 化解矛盾纠纷的基层专业力量薄弱)
OVERCOME_REACH = 28  # characters before a problem noun its verb may stand
# the problems a verb can overcome (填补空白, 缩小差距, 盘活闲置资产); a judgement (化解工作进展缓慢, 整改不到位)
# is no problem overcome
PROBLEMS = frozenset({"空白", "白点", "差距", "短板", "矛盾", "困难", "挑战", "压力", "闲置", "盲区", "薄弱", "不足"})
PAST = re.compile(r"[\u4e00-\u9fff]了|已经|已")
MODAL = re.compile(r"要|必须|务必|应当")
MIN_SCORE = 2  # evidence points a sentence needs to count as a report; tuned on the team's annotated corpora
NOMINAL = re.compile(r"(?:回顾|形势|情况|成绩|问题|成效)$")
# sentences of a review that frame rather than state: the year's character, the announcement of a list,
# thanks, what the results are owed to, the leader's instructions, pledges
FRAMING = re.compile(r"以下(?:几个方面的?)?工作|主要做了|如下[:：]|(?:之|的)(?:年|一年)[。！]?$|根本在于|得益于|的结果[。！]?$|"
                     r"^(?:19|20)\d{2}年是[^，。]{0,30}年[。！]?$|"  # 2024年是实施“十四五”规划的关键一年。
                     r"^(?:习近平总书记|总书记)|决不辜负|^我们一定|感谢|致以|表示(?:衷心|诚挚|崇高)|"
                     # what an inspection found, restated by the unit it inspected (巡察反馈指出，…推进缓慢)
                     r"^(?:[^，。；;]{0,16}?(?:巡视|巡察|督察|审计)(?:组|厅|局|署)?(?:反馈意见|反馈)?|反馈意见|反馈)中?"
                     r"(?:指出|认为|发现)[，,：:]|"
                     # a self-assessment's summing up of its indicators (我镇承担县级考核指标17项，所涉指标满分60分…)
                     r"(?:承担|涉及|参与)[^。；;]{0,12}?考核指标(?:共)?[\d一二三四五六七八九十]+项[，,](?:所涉|涉及)?(?:指标)?满分")


def polarity(sentence: str, quantities: Sequence[Quantity]) -> Polarity:
    """Return achievement, shortfall, mixed or neutral for one report sentence."""
    bare = unquoted(sentence)
    contrast = CONTRAST.search(bare)
    if contrast:
        after = _score(bare[contrast.end():], ())
        if after[1] > 0:
            return "shortfall"
        if after[0] > 0 and _score(bare[:contrast.start()], ())[1] > 0:
            return "achievement"
    positives, negatives, strong = _score(bare, quantities)
    if negatives and strong:
        return "mixed"
    if negatives and negatives >= positives:
        return "shortfall"
    if positives or negatives:
        return "achievement" if positives > negatives else "shortfall"
    if [q for q in quantities if q.kind in AMOUNT_KINDS]:
        return "achievement"
    return "neutral"


def _score(bare: str, quantities: Sequence[Quantity]) -> tuple[int, int, int]:
    """Return (positive cues, negative cues, strong positive cues) of a text."""
    masked = SAFE.sub(lambda m: "　" * len(m.group(0)) if cue("bad_metric").search(m.group(0)) else m.group(0), bare)
    safe = masked != bare
    positives = sum(1 for m in cue("achievement").finditer(masked) if not _negated(masked, m.start()))
    negatives = 0
    acted_on = [m.span() for m in ACTED_ON.finditer(masked)] if "对" in masked or "防" in masked or "避" in masked \
        or "杜" in masked else []
    for m in cue("shortfall").finditer(masked):
        if acted_on and any(a <= m.start() < b for a, b in acted_on):
            continue
        if m.group(0)[0] not in NEGATORS and (c := CLEARED_AFTER.match(masked, m.end())) is not None \
                and not NOT_SO.search(masked, c.end(), _clause_end(masked, c.end())):
            positives += 1  # 薄弱村全部清零: the weak ones are gone (not 未按时清零, 清零目标没有实现)
            continue
        if m.group(0) in PROBLEMS and (
                OVERCOME.search(masked, max(0, m.start() - OVERCOME_REACH), m.start())
                or ((m.group(0) in FAR_PROBLEMS or masked[m.start() - 1:m.start()] == "等")  # (克服…、…等困难: a list)
                    and OVERCOME_FAR.search(masked, max(0, m.start() - OVERCOME_REACH), m.start()))):
            positives += 1
        else:
            negatives += 1
    strong = sum(1 for m in STRONG_POSITIVE.finditer(masked) if not _negated(masked, m.start()))
    positives += safe
    if "发生" in masked and not FELL.search(masked):
        negatives += sum(1 for m in OCCURRED.finditer(masked)
                         if TIMES.search(m.group("what")) and cue("bad_metric").search(m.group("what")))
    for m in list(UP.finditer(masked)) + list(DOWN.finditer(masked)):
        # (a fall in incidents, 较上年减少1起, is a fall of bad things whatever is named before; not a rise, 化解纠纷
        # 328起，较上年增加26起)
        bad = bool(cue("bad_metric").search(masked[max(0, m.start() - 12):m.start()])
                   or (m.re is DOWN and INCIDENTS.match(masked, m.end())))
        good_move = bool(UP.fullmatch(m.group(0))) != bad
        if good_move:
            positives += 1
        else:
            negatives += 1
    for q in quantities:
        if q.kind != "zero_state":
            continue
        rel = bare.find(q.text)
        before = bare[max(0, rel - 14):rel] if rel >= 0 else ""
        # a gap filled (填补…空白, 消除白点), not a count that is zero (化解案件为零)
        overcome = q.text in ("空白", "白点") and rel >= 0 and OVERCOME.search(bare, max(0, rel - 10), rel)
        # (a zero reached of something bad: 薄弱村已全部清零)
        bad_gone = q.text.endswith(("清零", "归零")) and bool(cue("shortfall").search(before)) \
            and not NOT_YET.search(before) and rel >= 0 and not NOT_SO.search(bare, rel + len(q.text),
                                                                             _clause_end(bare, rel + len(q.text)))
        if BREAKTHROUGH.search(bare) or cue("bad_metric").search(before) or overcome or bad_gone:
            positives += 1  # 实现零的突破; 两抢案件保持为零
            negatives -= sum(1 for _ in cue("shortfall").finditer(q.text))
        else:
            negatives += 1
        if q.kind == "rank":
            strong += 1
    strong += sum(1 for q in quantities if q.kind == "rank")
    return positives, max(negatives, 0), strong


def _clause_end(text: str, at: int) -> int:
    """Where the clause holding text[at] ends (its comma, semicolon or stop; else the text's end)."""
    m = CLAUSE_ENDS.search(text, at)
    return m.start() if m else len(text)


def _negated(text: str, pos: int) -> bool:
    return bool(NEGATED.search(text[max(0, pos - 2):pos]))


def extract(analysis: Analysis, ctx: Context) -> tuple[Report, ...]:
    """Return the report sentences, with ids r1, r2, … in document order."""
    sentences = analysis.sentences
    headings = {(o.start, o.end): o for o in analysis.outline}
    directive_starts = {d.start for d in analysis.directives}
    report_sections = ctx.report_sections

    def reporting(sent: Sentence) -> bool:
        return ctx.sentence_roles[sent.index] in ("review", "problems") or sent.section in report_sections
    by_sentence: dict[int, list[Quantity]] = {}
    starts = ctx.sentence_starts
    for q in analysis.quantities:
        i = bisect.bisect_right(starts, q.start) - 1
        if i >= 0:
            by_sentence.setdefault(i, []).append(q)
    out: list[Report] = []
    previous_report_paragraph = -1
    for i, sent in enumerate(sentences):
        role = ctx.sentence_roles[sent.index]
        if role == "glossary" or (ctx.structured and role in ("plan", "closing")):
            continue  # where a document has review and plan parts, results are reported in the review
        bare = unquoted(sent.text)
        heading = headings.get((sent.start, sent.end))
        if heading is not None and NOMINAL.search(heading.title):
            continue  # 一、2024年工作回顾: a title, not a statement
        qs = by_sentence.get(i, [])
        if ctx.sentence_heading_roles[sent.index] in ("review", "problems") or role == "problems":
            # where a part reports what was done, each statement is a report: of an outcome in a review
            # (`城乡区域发展协调性增强`, `加强生态环保督察。`), of a shortfall in the problems part
            if sent.start in directive_starts or FRAMING.search(bare):
                continue
            pol = "shortfall" if role == "problems" else polarity(sent.text, qs)
            out.append(_report(len(out), sent, pol if pol != "neutral" else "achievement", bare, qs, ctx))
            previous_report_paragraph = sent.paragraph
            continue
        score = 0
        if cue("report_start").match(bare):
            score += 1 if WEAK_START.match(bare) else 2
        if any(q.kind in AMOUNT_KINDS for q in qs):
            score += 1
        units = [u[2] for u in find_units(bare)]
        if units:
            score += 1
        score += min(2, len(cue("report").findall(bare)))
        if PAST.search(bare):
            score += 1
        in_context = reporting(sent) or previous_report_paragraph == sent.paragraph
        if (heading is not None or in_context) and (cue("achievement").search(bare) or cue("shortfall").search(bare)):
            score += 1  # a result stated where results are reported, or a heading that states one
        if in_context:
            score += 1
        needed = MIN_SCORE
        if sent.start in directive_starts:
            needed += 2
        elif MODAL.search(bare):
            needed += 1
        if heading is not None and not reporting(sent):
            needed += 1
        if score < needed:
            continue
        pol = polarity(sent.text, qs)
        if pol == "neutral" and score < needed + 1:
            continue
        out.append(_report(len(out), sent, pol, bare, qs, ctx, units))
        previous_report_paragraph = sent.paragraph
    return tuple(out)


def _report(n: int, sent: Sentence, pol: Polarity, bare: str, qs: Sequence[Quantity], ctx: Context,
            units: list[str] | None = None) -> Report:
    """Return the n-th report (from 0): a sentence with its polarity, units, metric and quantities."""
    units = [u[2] for u in find_units(bare)] if units is None else units
    return Report(id=f"r{n + 1}", text=sent.text, start=sent.start, end=sent.end, polarity=pol,
                  units=tuple(dict.fromkeys(units)), metric=next((q.metric for q in qs if q.metric), None),
                  quantities=tuple(q.id for q in qs), page=ctx.page_of(sent.start))
