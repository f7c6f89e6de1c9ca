"""Campaigns, formulations and laws; aliases merged; emphasis quotes left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.extract.campaigns import _lexicon, canonical, find_campaigns
from nlp.segment.tokens import tokenize


def names(text: str) -> dict[str, str]:
    return {c.name: c.kind for c in find_campaigns(text, tokenize(text))}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("从护航冬奥专项行动来看,县区院大多开通绿色通道。", "护航冬奥专项行动", "campaign"),
        ("从保障“首都两区”建设专项行动来看,效果突出。", "保障首都两区建设专项行动", "campaign"),
        ("“一院一新”活动不断深化拓展。", "一院一新活动", "activity"),
        ("认真实施“爱警暖心”工程。", "爱警暖心工程", "program"),
        ("坚定不移服务“六稳”“六保”。", "六稳", "formulation"),
        ("严格落实“三会一课”制度。", "三会一课", "formulation"),
        ("增强四个意识、坚定四个自信、做到两个维护。", "四个意识", "formulation"),
        ("市院党组将严格按照“三优先三不用”的标准。", "三优先三不用", "formulation"),
        ("做细做实“河长+检察长”治理工作。", "河长+检察长", "mechanism"),
        ("扎实推进七个专项行动。", "七个专项行动", "campaign_group"),
        ("扎实开展“蓝天、碧水、绿地、净土”四大专项行动。", "蓝天碧水绿地净土四大专项行动", "campaign_group"),
        ("带头学习宣传《民法典》。", "民法典", "law"),
        ("深入开展民事虚假诉讼专项监督,着力维护诉讼秩序。", "民事虚假诉讼专项监督", "campaign"),
        ("以“雷霆2024”专项行动为抓手。", "雷霆2024专项行动", "campaign"),
        # finishing or joining a programme, and its round, are not part of its name
        ("全面完成城市污水处理提质增效专项行动。", "城市污水处理提质增效专项行动", "campaign"),
        ("启动新一轮安全生产治本攻坚三年行动。", "安全生产治本攻坚三年行动", "campaign"),
        # the programme noun after a quoted name belongs to it
        ("坚决打赢“蓝天保卫”攻坚战。", "蓝天保卫攻坚战", "formulation"),
        ("开展“清源”专项治理。", "清源专项治理", "campaign"),
        # a province's form of a national formulation, for any province
        ("深入推进平安湖南、法治湖南建设。", "平安湖南", "formulation"),
        ("深入推进平安湖南、法治湖南建设。", "法治湖南", "formulation"),
        ("加快美丽四川建设。", "美丽四川", "formulation"),
        # the verbs before a name are not part of it, nor the examples before 等重点领域
        ("启动实施全球青年科学家伙伴计划。", "全球青年科学家伙伴计划", "program"),
        ("打好实现某某奋斗目标攻坚战。", "某某奋斗目标攻坚战", "campaign"),
        ("深化燃气管道等重点领域安全隐患专项整治。", "安全隐患专项整治", "campaign"),
        # two names joined by 和 are two campaigns; 行动计划 is a programme
        ("深入实施基础研究提升行动和关键技术攻坚行动。", "基础研究提升行动", "campaign"),
        ("深入实施基础研究提升行动和关键技术攻坚行动。", "关键技术攻坚行动", "campaign"),
        ("如期完成老旧小区改造三年行动计划。", "老旧小区改造三年行动计划", "program"),
        # a group with what it is of, quoted or listed
        ("推进森林城市建设“五大行动”。", "森林城市建设五大行动", "campaign_group"),
        ("开展文化惠民、体育健身、技能培训三项工程。", "文化惠民体育健身技能培训三项工程", "campaign_group"),
        # words that are verbs elsewhere, and characters that are conjunctions elsewhere, inside a name
        ("今年，禁毒宣传专项行动成效明显。", "禁毒宣传专项行动", "campaign"),
        ("金融支持实体经济专项行动惠及企业3000家。", "金融支持实体经济专项行动", "campaign"),
        ("深入开展和谐社区创建行动。", "和谐社区创建行动", "campaign"),
        # a group takes in what it is of only when quoted or listed: not the verb or time before it
        ("全年十大工程完成投资120亿元，谋划五大行动。", "五大行动", "campaign_group"),
        # a verb before a found name is not part of it
        ("在地级以上城市进行公立医院改革试点。", "公立医院改革试点", "program"),
        # a known formulation quoted before a generic head is that formulation
        ("完善高质量共建“一带一路”机制。", "共建一带一路", "program"),
        # a quoted code names the structure after it; a named pilot
        ("优化实施“6+2”产业政策体系。", "6+2产业政策体系", "formulation"),
        ("深化“135”重点功能区建设。", "135重点功能区", "formulation"),
        ("稳步扩大某某行业从业人员职业伤害保障试点。", "某某行业从业人员职业伤害保障试点", "program"),
        ("新增设3个服务贸易扩大开放综合试点。", "服务贸易扩大开放综合试点", "program"),
        ("健全“3+2”清单化抓落实机制。", "3+2清单化抓落实机制", "mechanism"),
    ],
)
def test_campaign(text: str, name: str, kind: str) -> None:
    found = names(text)
    assert found.get(name) == kind, found


@pytest.mark.parametrize(
    "text",
    [
        "虚构事实打“假官司”的问题。",
        "要“没完没了”抓好落实。",
        "×个院“一把手”接访数为零。",
        "提升“干”的状态。",
        "深入学习贯彻全国“两会”精神。",
        "“案-件比”持续下降。",
        "加强对民事司法活动的监督。",
        "祝愿大家平安健康。",
        "启动新一轮三年行动计划。",
        "增长“315”个百分点。",
        "支持有条件的地方率先试点。",
        "推动“12345”热线纳入考核体系。",
        "推进精神文明山东建设。",
    ],
)
def test_not_campaign(text: str) -> None:
    assert {k: v for k, v in names(text).items() if v != "law"} == {}


def test_aliases_join_one_campaign() -> None:
    text = "深入开展民事虚假诉讼专项监督。在虚假诉讼专项监督方面,×四个院已办理×件。"
    found = find_campaigns(text, tokenize(text))
    assert [c.name for c in found] == ["民事虚假诉讼专项监督"]
    assert len(found[0].mentions) == 2


def test_law_short_name_joins_full_name() -> None:
    text = "《中华人民共和国民法典》颁布实施。要带头学习宣传《民法典》。"
    found = find_campaigns(text, tokenize(text))
    assert [(c.name, c.kind, len(c.mentions)) for c in found] == [("中华人民共和国民法典", "law", 2)]


def test_lexicon_expansions() -> None:
    text = "服务“六稳”“六保”。"
    six = next(c for c in find_campaigns(text, tokenize(text)) if c.name == "六稳")
    assert six.members == ("稳就业", "稳金融", "稳外贸", "稳外资", "稳投资", "稳预期")


def test_canonical() -> None:
    assert canonical("“蓝天、碧水、绿地、净土”四大专项行动") == "蓝天碧水绿地净土四大专项行动"


PHRASINGS = Path(__file__).resolve().parent / "data" / "formulation_phrasings.tsv"


def _phrasings() -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in PHRASINGS.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [(phrase, expected) for phrase, expected in rows[1:]]


@pytest.mark.parametrize(("phrase", "expected"), _phrasings())
def test_formulations_in_real_phrasings(phrase: str, expected: str) -> None:
    """National formulations as policy texts embed them (深入实施乡村振兴战略 → 乡村振兴); `-`: no campaign at all
    (九五期间, 2025年, 第八届进博会, 一批重大项目)."""
    aliases, _, _ = _lexicon()  # a name the lexicon knows under another form counts as that form
    names = {canonical(aliases.get(canonical(c.name), (c.name, ""))[0])
             for c in find_campaigns(phrase, tokenize(phrase)) if c.kind != "law"}
    if expected == "-":
        assert not names, names
    else:
        assert canonical(expected) in names, names
