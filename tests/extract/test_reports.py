"""Polarity of report sentences: achievement, shortfall, mixed or neutral."""

from __future__ import annotations

import pytest

from nlp.extract.reports import FRAMING, polarity
from nlp.ingest import read_bytes
from nlp.pipeline import analyze_document


@pytest.mark.parametrize(("sentence", "expected"), [
    # a problem word governed by a verb of overcoming it is a result
    ("粮食生产克服重重困难，实现播种面积、单产、总产量三增。", "achievement"),
    ("新建研究平台12个，填补省内该领域空白。", "achievement"),
    ("稳步缩小城乡收入差距，农村居民收入增长8.1%。", "achievement"),
    ("补齐县城基础设施短板，新改建道路46公里。", "achievement"),
    # the same words stated as problems stay shortfalls
    ("与先进地区相比仍有较大差距。", "shortfall"),
    ("部分企业生产经营困难。", "shortfall"),
    ("基层治理存在短板。", "shortfall"),
    ("全市检察机关办理行政实质性化解案件仍然空白。", "shortfall"),  # 化解 names the cases; the gap remains
    ("推动清理盘活闲置沉淀资金2.1亿元。", "achievement"),
    ("计划完成率为82%，北溪县、云台县分别只完成计划的60%和58%。", "shortfall"),  # only: short of it
    ("经过共同努力，不仅实现了全年预期发展目标，许多方面还出现积极向好变化。", "achievement"),  # not only
    ("全县不只完成了年度计划。", "achievement"),
    # a judgement is no problem overcome
    ("清理整改不到位。", "shortfall"), ("化解工作进展缓慢。", "shortfall"), ("盘活闲置资产工作滞后。", "shortfall"),
    ("推行防火码扫码进山，全年未发生森林火灾。", "achievement"),  # a fire is a bad thing
    # a danger or a delay that did not come about (险情, 影响工期); what did not come about is not always bad
    ("组织汛期巡查4轮，未发生险情。", "achievement"),
    ("管线迁改与主体工程同步实施，未出现因管线问题影响工期的情况。", "achievement"),
    ("河道水质未出现明显好转。", "shortfall"),
    # a shortfall of those the work acts on (对…的企业进行约谈) or that it guards against (防止…) is not the report's;
    # the same words as what happened stay shortfalls (invented sentences)
    ("排查整改隐患860处，对未能按期完成整改的4家企业进行约谈。", "achievement"),
    ("建立项目预警机制，防止出现未能按期开工等问题。", "neutral"),
    ("4家企业未能按期完成整改。", "shortfall"),
    # the unit's own unfinished work pressed, a mechanism of preventing that is itself short, what cannot be avoided:
    # shortfalls (invented sentences)
    ("全县30个重点项目开工25个，对未能按期开工的5个项目进行专项督办。", "shortfall"),
    ("防止规模性返贫的监测帮扶机制尚未建立。", "shortfall"),
    ("在防止规模性返贫方面仍有短板。", "shortfall"),
    ("企业经营不可避免地面临较大压力。", "shortfall"),
])
def test_overcome_problems_are_achievements(sentence: str, expected: str) -> None:
    assert polarity(sentence, ()) == expected


def test_a_gap_filled_is_an_achievement() -> None:
    sentence = "北脑二号填补国内脑机接口技术空白，备案上线大模型105款、稳居全国首位；"
    analysis = analyze_document(read_bytes(sentence.encode(), "x.txt", ".txt"))
    assert any(q.kind == "zero_state" for q in analysis.quantities)  # 空白 is read as a zero state
    assert polarity(sentence, analysis.quantities) == "achievement"


@pytest.mark.parametrize(("sentence", "framing"), [
    ("2024年是实施“十四五”规划的关键一年。", True),  # the year's character states no result
    ("2025年是极不平凡的一年。", True),
    ("在此，我谨代表市人民政府，向全市人民表示衷心的感谢！", True),
    ("2024年全市生产总值增长5.2%。", False),
    ("2024年是全市新增就业最多的一年，新增就业29.9万人。", False),
])
def test_framing_sentences(sentence: str, framing: bool) -> None:
    assert bool(FRAMING.search(sentence)) == framing


@pytest.mark.parametrize("sentence", [
    "汛期严格落实24小时值班和领导带班制度，全年处置突发事件信息213条，未发生迟报、漏报。",  # (a lapse that did not happen)
    "节假日严格落实领导带班制度，未发生脱岗漏岗情况。",
    "全乡全年未发生生产安全事故，较上年减少1起、死亡1人。",  # (fewer incidents: 减少1起)
])
def test_bad_things_that_did_not_happen_or_fell_are_achievements(sentence: str) -> None:
    assert polarity(sentence, ()) == "achievement"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("全年排查化解矛盾纠纷328起，较上年增加26起。", "achievement"),  # more disputes resolved: a rise of work, no bad
    ("全年供应国有建设用地12宗，较上年减少3宗。", "shortfall"),  # 宗 counts land parcels too: no incident
])
def test_only_a_fall_in_incidents_is_good(sentence: str, expected: str) -> None:
    assert polarity(sentence, ()) == expected


@pytest.mark.parametrize(("sentence", "shortfall"), [
    ("义务教育教师平均工资收入水平不低于当地公务员平均工资收入水平。", False),  # not lower: kept up
    ("全县粮食产量不低于上年水平，全年收购粮食3.2万吨。", False),
    ("全县城镇居民人均可支配收入增速低于全市平均水平。", True),
])
def test_not_lower_than_is_no_shortfall(sentence: str, shortfall: bool) -> None:
    assert (polarity(sentence, ()) == "shortfall") == shortfall


def test_a_cut_made_on_purpose_is_no_shortfall() -> None:
    assert polarity("局机关会议和发文数量分别压减18%、15%。", ()) != "shortfall"  # 压减会议: less is the aim


@pytest.mark.parametrize(("sentence", "shortfall"), [
    # 困难 before the people it describes, with a word of their kind between, is no difficulty
    ("为600户困难重度残疾人家庭实施无障碍改造。", False),
    ("为困难失能老年人发放护理补贴。", False),
    ("为困难群众发放救助金。", False),
    ("部分群众就医仍然困难。", True),
    ("企业融资困难，项目推进缓慢。", True),
])
def test_kunnan_of_people_is_no_shortfall(sentence: str, shortfall: bool) -> None:
    from nlp.cues import cue

    assert bool(cue("shortfall").search(sentence)) == shortfall


@pytest.mark.parametrize(("sentence", "expected"), [
    ("全镇集体经济收入5万元以下的薄弱村已全部清零。", "achievement"),  # the weak ones gone
    ("8个村集体经济收入全部超过5万元，薄弱村全部清零。", "achievement"),
    ("薄弱村尚未全部清零。", "shortfall"),
    ("软弱涣散村党组织未按时清零。", "shortfall"),  # (未 is the cue itself)
    ("薄弱村清零目标没有实现。", "shortfall"),
    ("薄弱村力争年底前全部清零。", "shortfall"),
])
def test_something_bad_cleared_is_an_achievement(sentence: str, expected: str) -> None:
    text = f"一、主要做法和成效\n{sentence}\n"
    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    assert polarity(sentence, analysis.quantities) == expected
