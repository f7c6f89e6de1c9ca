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
     ("单位地区生产总值能耗下降", "energy_intensity_reduction"), ("规模以上工业增加值", "industrial_value_added_growth")],
)
def test_metric_keys(metric: str, key: str) -> None:
    assert metric_key(metric)[0] == key
