"""Targets: main-targets passages and fiscal plans, with metric key, value and unit as written, qualifier, direction."""

from __future__ import annotations

import pytest

from nlp.extract.metrics import metric_key
from nlp.ingest import read_bytes
from nlp.numerals import split_value
from nlp.pipeline import analyze_document

PASSAGE = ("政府工作报告\n二、2025年工作安排\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，"
           "城镇调查失业率5.5%左右；居民消费价格涨幅2%左右；粮食产量1.4万亿斤以上；单位国内生产总值能耗降低3%左右。\n"
           "赤字率拟按4%安排，赤字规模5.66万亿元，比上年增加1.6万亿元。\n拟安排地方政府专项债券4.4万亿元。")

EXPECTED = [
    ("gdp_growth", 5.0, "%", "approx", "floor"),
    ("urban_new_jobs", 1200.0, "万人", "at_least", "floor"),
    ("unemployment_rate", 5.5, "%", "approx", "ceiling"),
    ("cpi", 2.0, "%", "approx", "ceiling"),
    ("grain_output", 1.4, "万亿斤", "at_least", "floor"),
    ("energy_intensity_reduction", 3.0, "%", "approx", "floor"),
    ("deficit_ratio", 4.0, "%", "exact", "ceiling"),
    ("deficit_amount", 5.66, "万亿元", "exact", "ceiling"),
    ("special_bonds", 4.4, "万亿元", "exact", "floor"),
]


def test_main_targets_passage_and_fiscal_plans() -> None:
    analysis = analyze_document(read_bytes(PASSAGE.encode(), "gwr.txt", ".txt"))
    got = [(t.key, t.value, t.unit, t.qualifier, t.direction) for t in analysis.targets]
    assert got == EXPECTED  # 比上年增加1.6万亿元 is a comparison, not a target
    for t in analysis.targets:
        assert analysis.document.text[t.start:t.end] == t.text
    passage_directives = [d for d in analysis.directives if "目标是" in d.text or d.text.startswith("城镇新增就业")]
    assert passage_directives and all(d.targets for d in passage_directives)


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [("1100万人以上", 1100.0, "万人", "at_least"), ("5.5%左右", 5.5, "%", "approx"), ("5%以内", 5.0, "%", "at_most"),
     ("3.65万亿元", 3.65, "万亿元", "exact"), ("0.1个百分点", 0.1, "个百分点", "exact")],
)
def test_value_and_unit_as_written(text: str, value: float, unit: str, qualifier: str) -> None:
    assert split_value(text) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("metric", "key"),
    [("地区生产总值增长", "gdp_growth"), ("全市生产总值增长", "gdp_growth"), ("新增就业", "urban_new_jobs"),
     ("城镇居民人均可支配收入", "urban_income_growth"), ("全社会研发经费支出相当于全市生产总值的比例", "rd_intensity"),
     ("单位地区生产总值能耗下降", "energy_intensity_reduction"), ("规模以上工业增加值", "industrial_value_added_growth"),
     ("能耗强度降低", "energy_intensity_reduction"), ("农村居民人均纯收入", "rural_income_growth"),
     ("城镇居民收入", "urban_income_growth"),
     # industry's growth said without 增加值 (规上工业增长 6.2%, 规上工业增速5.1%) is its value added's; not its firms
     ("规上工业增速5.1%", "industrial_value_added_growth"), ("规模以上工业增长 6.2%", "industrial_value_added_growth"),
     ("规上工业企业", None),
     # industry's energy intensity is not the economy's
     ("规模以上工业能耗强度下降", None)],
)
def test_metric_keys(metric: str, key: str | None) -> None:
    assert metric_key(metric)[0] == key


LISTS_AND_WORDS = ("某市政府工作报告\n二、2025年工作安排\n今年主要预期目标建议为：地区生产总值增长5%左右，一产、二产、三产增加值"
                   "分别增长5.5%左右、6%左右、5%左右，城乡居民人均可支配收入分别增长5%和7%左右，进出口总额保持正增长，"
                   "居民收入增长和经济增长同步，国际收支保持基本平衡，单位地区生产总值能耗保持下降，粮食产量保持稳定，"
                   "水质稳定保持在Ⅱ类及以上。\n新增政府债务总规模11.86万亿元，财政赤字2.76万亿元。\n")


def test_lists_with_respectively_and_goals_in_words() -> None:
    analysis = analyze_document(read_bytes(LISTS_AND_WORDS.encode(), "city.txt", ".txt"))
    got = {(t.metric, t.value, t.condition) for t in analysis.targets}
    assert {("一产增加值", 5.5, None), ("二产增加值", 6.0, None), ("三产增加值", 5.0, None)} <= got
    keys = {t.key: t for t in analysis.targets}
    assert keys["urban_income_growth"].value == 5.0 and keys["rural_income_growth"].value == 7.0
    assert keys["primary_industry_growth"].value == 5.5
    words = {t.key: (t.condition, t.direction) for t in analysis.targets if t.value is None}
    assert words == {"trade_growth": ("正增长", "floor"), "income_growth": ("同步", "floor"),
                     "balance_of_payments": ("平衡", "floor"), "energy_intensity_reduction": ("下降", "ceiling"),
                     "grain_output": ("稳定", "floor"), "water_quality": ("类别及以上", "floor")}
    assert keys["government_debt_total"].value == 11.86 and keys["deficit_amount"].value == 2.76
    for t in analysis.targets:
        assert analysis.document.text[t.start:t.end] == t.text


def test_goals_in_words_are_judged_from_the_next_reports_words() -> None:
    from nlp.match.results import find_result

    plan = analyze_document(read_bytes(LISTS_AND_WORDS.encode(), "2025.txt", ".txt"))
    later = analyze_document(read_bytes(("某市政府工作报告\n一、2025年工作回顾\n过去一年，进出口总额下降3.1%，国际收支保持基本平衡，"
                                         "粮食产量保持稳定。\n二、2026年工作安排\n进出口总额保持正增长。\n").encode(), "2026.txt", ".txt"))
    status = {t.key: (r.status if (r := find_result(t, later)) else "unknown") for t in plan.targets if t.condition}
    assert status["trade_growth"] == "not_met"  # 下降 in the review; the 2026 plan's 正增长 is no result
    assert status["balance_of_payments"] == "met" and status["grain_output"] == "met"
    assert status["income_growth"] == "unknown"


@pytest.mark.parametrize(("review", "status", "said"), [
    ("PM2.5年均浓度为28微克/立方米、同比下降6.5%，新增公园12座。", "met", "PM2.5年均浓度为28微克/立方米、同比下降6.5%"),
    ("空气质量优良天数比例达到85.2%、提高1.1个百分点。", "met", "空气质量优良天数比例达到85.2%、提高1.1个百分点"),
    ("细颗粒物平均浓度上升4%，空气质量优良天数比例84%。", "not_met", "细颗粒物平均浓度上升4%"),
    # a part named with no move said (优良天数比例 names itself 优良: no improvement said), nothing to judge by
    ("空气质量优良天数比例84%。", None, None),
    # the whole judged by name first, wherever its parts stand
    ("PM2.5平均浓度上升3%，生态环境质量总体改善。", "met", "生态环境质量总体改善"),
])
def test_a_whole_to_improve_is_judged_by_its_parts(review: str, status: str | None, said: str | None) -> None:
    from nlp.match.results import find_result

    plan = analyze_document(read_bytes("某市政府工作报告\n二、2025年工作安排\n今年主要预期目标是：地区生产总值增长5%左右，生态环境"
                                       "质量持续改善。\n".encode(), "2025.txt", ".txt"))
    later = analyze_document(read_bytes(f"某市政府工作报告\n一、2025年工作回顾\n过去一年，{review}\n二、2026年工作安排\n"
                                        "生态环境质量持续改善。\n".encode(), "2026.txt", ".txt"))
    [target] = [t for t in plan.targets if t.key == "environment_quality"]
    result = find_result(target, later)
    assert (result.status, result.text) == (status, said) if status else result is None


def test_a_token_broken_by_a_web_copy_is_repaired() -> None:
    text = "政府工作报告\n二、今年工作安排\n主要预期目标\n是：广义货币M\n2\n预期增长13%左右。\n"
    analysis = analyze_document(read_bytes(text.encode(), "web.txt", ".txt"))
    assert "广义货币M2预期增长13%左右" in analysis.document.text
    assert [t.value for t in analysis.targets] == [13.0]


@pytest.mark.parametrize(("task", "goals"), [
    ("要推进城乡供水一体化，年底前农村自来水普及率达到98%。", [98.0]),  # a rate no lexicon names, brought to a figure
    ("截至去年底，全区农村自来水普及率达到93%，今年要继续提升供水保障水平。", []),  # where it stands is no goal
    ("要加强供水保障，目前农村自来水普及率已达到93%。", []),
    ("目前全区仍有12个村未通自来水，年底前农村自来水普及率要达到98%。", [98.0]),  # where it stands, then the goal
    ("截至今年年底，全区农村自来水普及率要达到98%。", [98.0]),
    ("截至去年底，按照省里要求，全区农村自来水普及率达到93%，今年要继续提升供水保障水平。", []),  # 要求 is no goal
])
def test_a_rate_brought_to_a_figure_is_a_goal_but_where_it_stands_is_not(task: str, goals: list[float]) -> None:
    analysis = analyze_document(read_bytes(f"工作要点\n一、重点任务\n{task}\n".encode(), "x.txt", ".txt"))
    assert [t.value for t in analysis.targets] == goals


@pytest.mark.parametrize(("task", "metrics"), [
    # a list item's number, the year, the year compared with, the baseline and the bound are no part of the name
    ("1. 2025年各单位发文数量较2024年压减15%以上，会议数量压减10%以上。", ["各单位发文数量", "会议数量"]),
    ("各乡镇要严格落实过紧日子要求，年内一般性支出在上年基础上压减10%以上。", ["一般性支出"]),
    ("要为基层减负，县直部门召开会议的数量要较上年分别压减20%以上。", ["县直部门召开会议的数量"]),
    ("要严格落实过紧日子要求，全县一般性支出压减比例不低于10%。", ["全县一般性支出压减比例"]),
    ("要扩大有效投资，全年固定资产投资同比增长8%以上。", ["固定资产投资"]),
    ("要推进城乡供水一体化，2025年底前全市农村自来水普及率达到98%。", ["全市农村自来水普及率"]),  # a date, whole
    ("2025年末全县常住人口城镇化率达到60%。", ["全县常住人口城镇化率"]),
])
def test_the_metric_is_named_without_list_numbers_years_and_bounds(task: str, metrics: list[str]) -> None:
    analysis = analyze_document(read_bytes(f"工作要点\n一、重点任务\n{task}\n".encode(), "x.txt", ".txt"))
    assert [t.metric for t in analysis.targets] == metrics
