"""`nlp compare`: units, statuses, the unit of a document, and the team's worked sample end to end."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nlp.cli import main
from nlp.ingest import read_bytes
from nlp.match.compare import COMPARED_STAGES, compare, document_names, document_unit, unique_names
from nlp.match.evidence import SCORER, DirectiveTerms, feature_values, features
from nlp.match.results import find_result, index_results, status_of
from nlp.match.units import convert
from nlp.pipeline import analyze, analyze_document
from nlp.serialize import to_data
from nlp.types import Analysis, DirectiveResult, Target

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "samples" / "compare"
SHARED_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
OTHERS = ["dongcheng.txt", "xishan.docx", "nanhu.pdf", "beiling.html"]


def _pair(plan: str, review: str, plan_name: str = "plan.txt", name: str = "review.txt") -> tuple[Analysis, Analysis]:
    """The analyses of a plan and of a document reporting on it, from their texts."""
    return (analyze_document(read_bytes(plan.encode(), plan_name, ".txt")),
            analyze_document(read_bytes(review.encode(), name, ".txt")))


def _city_plan(body: str, part: str = "二、2025年重点任务") -> str:
    """The 2025 report of an invented city: a line of review, then `part` holding `body` (lines)."""
    return f"澜州市2025年政府工作报告\n澜州市人民政府市长 周启明\n一、2024年工作回顾\n全市经济运行总体平稳。\n{part}\n{body}\n"


def _unit_review(body: str, unit: str = "东湖区", head: str = "区长 林晓岚") -> str:
    """The 2026 report of a unit: its review of 2025 holding `body` (lines), then a line of plans."""
    return f"{unit}2026年政府工作报告\n{unit}人民政府{head}\n一、2025年工作回顾\n{body}\n二、2026年工作安排\n今年要稳中求进。\n"


# thirty lines of a unit's other work, each naming its own facility: a review long enough for a task's words to be
# rare among its sentences, as in a real report
_FILLER = "\n".join(f"全区新建{w}{k + 3}个。" for k, w in enumerate(
    "口袋公园 停车泊位 农贸市场 城市公厕 污水管网 雨水管网 健康驿站 口腔诊室 社区食堂 老年大学 篮球场 足球场 健身步道 绿道 桥梁 "
    "隧道 水闸 泵站 堤防 山塘 机耕路 冷库 烘干中心 农家书屋 文化礼堂 戏台 公交站亭 候车亭 邮政网点 快递驿站".split()))


@pytest.mark.parametrize(
    ("value", "unit", "to", "expected"),
    [(1285, "万吨", "亿斤", 257.0), (8500, "亿元", "万亿元", 0.85), (1.37, "万亿斤", "万亿斤", 1.37),
     (149.4, "万人", "人", 1_494_000.0), (5, "%", "万人", None), (3, "吨", "斤", 6000.0), (0.5, "‰", "%", 0.05)],
)
def test_unit_conversion(value: float, unit: str, to: str, expected: float | None) -> None:
    got = convert(value, unit, to)
    assert got == pytest.approx(expected) if expected is not None else got is None


def _target(value: float, unit: str, qualifier: str, direction: str) -> Target:
    return Target(id="t1", text="", start=0, end=0, metric="", key=None, value=value, unit=unit, qualifier=qualifier,
                  direction=direction, quantity="q1", directive=None)


@pytest.mark.parametrize(
    ("target", "result", "status"),
    [(_target(5, "%", "approx", "floor"), 5.2, "met"), (_target(5.5, "%", "approx", "floor"), 3.0, "not_met"),
     (_target(5, "%", "approx", "floor"), 4.8, "met"),  # 左右: within 0.2 points
     (_target(3, "%", "exact", "floor"), 3.0, "met"), (_target(2, "%", "exact", "floor"), 1.5, "not_met"),
     (_target(5.5, "%", "at_most", "ceiling"), 5.5, "met"), (_target(3, "%", "approx", "ceiling"), 3.3, "not_met"),
     (_target(1100, "万人", "at_least", "floor"), 1080, "not_met"), (_target(1200, "万人", "approx", "floor"), 1180, "met")],
)
def test_status(target: Target, result: float, status: str) -> None:
    assert status_of(target, result) == status


def test_results_across_years() -> None:
    plan = ("政府工作报告\n二、今年工作安排\n今年发展主要预期目标是：地区生产总值增长5%左右；城镇新增就业110万人以上；"
            "城镇调查失业率5.5%左右；粮食产量1285万吨。")
    later = ("政府工作报告\n一、去年工作回顾\n过去一年，地区生产总值达到13.6万亿元、增长3.9%。"
             "“十四五”期间城镇新增就业累计超过600万人。城镇新增就业149.4万人，城镇调查失业率平均值为5.0%。\n"
             "二、今年工作安排\n今年城镇新增就业110万人以上。")
    base, other = _pair(plan, later, plan_name="2025.txt", name="2026.txt")
    got = {t.key: find_result(t, other) for t in base.targets}
    assert (got["gdp_growth"].value, got["gdp_growth"].status) == (3.9, "not_met")
    assert (got["urban_new_jobs"].value, got["urban_new_jobs"].status) == (149.4, "met")  # not the five-year total
    assert (got["unemployment_rate"].value, got["unemployment_rate"].status) == (5.0, "met")
    assert got["grain_output"] is None  # no figure stated: unknown
    keys = frozenset(t.key for t in base.targets if t.key is not None)
    keyed = index_results(other, keys)  # as compare builds it: the figures of the targets' metrics only
    assert {t.key: find_result(t, other, keyed) for t in base.targets} == got
    assert set(keyed.figures) <= keys


def test_results_of_a_list_with_respectively_go_with_its_subjects_in_order() -> None:
    """城镇和农村居民…分别达到…，分别增长5.1%和7.2%: the second clause lists the first one's subjects again; each
    figure is the result of its own target, and the directive setting both is partial (one met, one not)."""
    plan = _city_plan("今年全市经济社会发展的主要预期目标是：城乡居民人均可支配收入分别增长5.5%和7%左右。", "二、2025年主要预期目标")
    review = _unit_review("城镇居民和农村居民人均可支配收入分别达到4.26万元和2.18万元，分别增长5.1%和7.2%。", "石塘县", "县长 王立")
    base, other = _pair(plan, review)
    got = {t.key: find_result(t, other) for t in base.targets}
    assert (got["urban_income_growth"].value, got["urban_income_growth"].status) == (5.1, "not_met")
    assert (got["rural_income_growth"].value, got["rural_income_growth"].status) == (7.2, "met")
    assert compare(base, [other]).directives[0].results[0].status == "partial"


@pytest.mark.parametrize("review", [
    "城镇和农村居民人均可支配收入分别达到4.26万元和2.18万元，分别仅占全省平均水平的85%和80%。",  # no verb of its own
    "城镇和农村居民人均可支配收入分别增长5.1%\n地区生产总值增长6.5%。",  # a list line without its end
])
def test_a_list_with_respectively_takes_no_figure_of_another_clause(review: str) -> None:
    plan = _city_plan("今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，城乡居民人均可支配收入分别增长5.5%和7%左右。",
                      "二、2025年主要预期目标")
    later = _unit_review(review, "石塘县", "县长 王立")
    base, other = _pair(plan, later)
    got = {t.key: find_result(t, other) for t in base.targets}
    assert got["rural_income_growth"] is None or got["rural_income_growth"].value not in (6.5, 80.0)
    assert got["urban_income_growth"] is None or got["urban_income_growth"].value != 85.0
    if "地区生产总值" in review:
        assert (got["gdp_growth"].value, got["gdp_growth"].status) == (6.5, "met")


@pytest.mark.parametrize(
    ("head", "unit"),
    [("丰台区人民检察院2025年工作总结", "丰台区院"), ("2026年北京市政府工作报告", "北京市"),
     ("西山县公安局关于上半年工作的报告", "西山县公安局"), ("工作总结", None),
     # a title block whose lines a blank-line layout would otherwise run together
     ("澜州市东湖区2026年政府工作报告\n——2026年1月9日在东湖区第八届人民代表大会第六次会议上\n东湖区人民政府区长 林晓岚",
      "东湖区"),
     # place names holding a byline's characters (上, 会, 日)
     ("上海市人民政府工作报告", "上海市"), ("日照市人民政府工作报告", "日照市"), ("会同县人民政府工作报告", "会同县"),
     # a speech by the county's party secretary; a summary titled by its place alone; a title run into its byline
     ("在全县经济工作会议上的讲话\n中共柏溪县委书记　程远航", "柏溪县委"), ("桃坪乡2025年工作总结", "桃坪乡"),
     ("石门镇2025年工作总结\n柏溪县石门镇人民政府", "柏溪县石门镇"), ("关于东湖区2025年工作总结的报告", "东湖区"),
     # a 街道's office speaks for the 街道; an office of a county in a city (驻…办事处) for no place
     ("城东街道办事处2025年工作总结", "城东街道"), ("柏溪县驻澜州市办事处2025年工作总结", None),
     # a long department's name
     ("澜溪区城市管理和园林绿化局2025年工作总结", "澜溪区城市管理和园林绿化局"),
     # a title opening with its place, then a line naming those it answers to; a party committee is no place
     ("凤仪街道2025年工作总结\n县委县政府下达街道的指标", "凤仪街道"), ("澜塘县2025年县委县政府重点督办事项台账", "澜塘县"),
     # a place's party committee speaks for its place's level
     ("中共柳湾镇委员会2025年党建工作总结", "柳湾镇委"), ("石渠镇党委2025年党建工作总结", "石渠镇党委"),
     ("凤栖街道党工委2025年党建工作总结", "凤栖街道党工委"),
     # a department of the party committee; no party committee: the CPPCC's, the Youth League's, a community's
     ("中共澄岚县委员会组织部2025年工作总结", "澄岚县委组织部"), ("政协澄岚县委员会常务委员会工作报告", None),
     ("共青团澄岚县委员会2025年工作总结", None), ("东风社区党委2025年工作总结", None),
     ("中共澄岚县委组织部2025年工作总结", "澄岚县委组织部"), ("中共澄岚县委党校2025年工作总结", "澄岚县委党校"),
     # a ledger's template with its 填报单位 left blank speaks for the ledger's place (not for 填报时间)
     ("岚江市2025年重点工作任务督办台账\n填报单位：\t\t\t\t填报时间：\t", "岚江市"),
     ("岚江市2025年重点工作任务督办台账\n填报单位：柳湾区人民政府（盖章）\t\t填报时间：2025年12月20日", "柳湾区"),
     # a work report titled without its place: its congress's place in the byline
     ("政府工作报告\n——2025年1月15日在沧澜省第十四届人民代表大会第四次会议上\n沧澜省省长 林晓岚", "沧澜省"),
     # a province's department (厅); a hall is no organ
     ("沧澜省交通运输厅2025年工作要点", "沧澜省交通运输厅"), ("澜溪区政务服务大厅2025年工作总结", None),
     # a news headline opening with its place and a colon
     ("云埠镇：前三季度经济运行稳中有进 重点工作提速推进", "云埠镇")],
)
def test_document_unit(head: str, unit: str | None) -> None:
    text = f"{head}\n\n同志们：\n\n要加强工作。\n\n要抓好落实。\n\n要严格考核。"  # paragraphs set apart by blank lines
    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    assert document_unit(analysis) == unit
    assert analysis.document.title == head.split("\n")[0]


@pytest.mark.parametrize(("base", "other", "narrower"), [
    ((None, None), ("浙江", "浙江省"), True),  # a province against the national report
    (("江苏", "江苏省"), ("浙江", "浙江省"), False),  # two provinces
    (("浙江", "浙江省"), ("浙江", "浙江省"), False),  # a province's next report
    ((None, "东湖区"), (None, "西湖区"), False),  # two districts
    ((None, "南京市"), ("江苏", "江苏省"), False),  # a city against its province: broader
    (("江苏", "江苏省"), ("江苏", "南京市"), True),
    (("上海", "上海市"), ("上海", "上海市浦东新区"), True),  # a district of a province-level city
    ((None, "澜州市"), (None, "东湖区"), True),
    ((None, "澜州市"), (None, None), False),  # a unit not found: the same level
    (("广西", "广西壮族自治区"), ("广西", "南宁市"), True),  # 自治区 is a province, not a district
    (("广西", "广西壮族自治区"), ("云南", "云南省"), False),
    ((None, "柏溪县委"), (None, "柏溪县农业农村局"), True),  # a department does its part of the county's totals
    ((None, "柏溪县委"), (None, "桃坪乡"), True),
    ((None, "柏溪县农业农村局"), (None, "柏溪县委"), False),
    ((None, "澜州市"), (None, "澜州市第八届委员会"), False),  # a party committee is no department
    ((None, "澜州市"), (None, "中共澜州市委员会"), False),
    # a county's bureau under the city's: the 市 of 市场监督管理局 is no city
    ((None, "澄州市市场监督管理局"), (None, "枫溪县市场监督管理局"), True),
    ((None, "澄州市市场监督管理局"), (None, "云岙区市场监督管理局"), True),
    ((None, "澄州市住房和城乡建设局"), (None, "枫溪县住房和城乡建设局"), True),
    ((None, "澄州市城市管理局"), (None, "云岙区城市管理局"), True),
    ((None, "澄州市"), (None, "澄州市城市管理局"), True),  # a 管理局 is a department (a 管理委员会 is not)
    ((None, "梧冈市"), (None, "梧冈市民政局"), True),  # the city's 市 before 民政局 is its place
    ((None, "镇江市民政局"), (None, "丹徒区民政局"), True),  # the 镇 of 镇江 is no town
    (("上海", "上海市"), ("上海", "上海市浦东新区卫生健康委员会"), True),
])
def test_which_document_speaks_for_a_narrower_level(base: tuple, other: tuple, narrower: bool) -> None:
    from nlp.match.compare import _other_level

    assert _other_level(base, other) == narrower


@pytest.mark.parametrize(("goal", "kind"), [
    ("各乡镇年内至少建成2个和美乡村示范村", "quota"), ("各街道新建幼儿园2所", "quota"), ("各社区建成养老服务站1个", "quota"),
    ("每个县至少建成1家二级甲等中医医院", "quota"), ("每万人口全科医生数达到4人", "ratio"),
    ("每千人口拥有3岁以下婴幼儿托位数达到4.5个", "ratio"), ("村均集体经济收入达到30万元", "ratio"),
    ("全年实施市级重点项目300个以上", "total"), ("支持各市场主体新建研发中心50个", "total"), ("各区域新建公园20个", "total"),
])
def test_quotas_ratios_and_totals(goal: str, kind: str) -> None:
    """A quota of each unit is compared with a unit's count, a ratio with no count, a total with the count of a
    document of the same level only."""
    from nlp.cues import cue

    assert ("ratio" if cue("ratio").search(goal) else "quota" if cue("quota").search(goal) else "total") == kind


def test_a_total_of_the_base_is_done_by_a_units_share() -> None:
    """A city's total (全年实施市级重点项目300个以上) is done by a county's own count (42个, as units.dev.json
    defines a share); a quota of each unit (各乡镇…至少建成2个) is compared with the unit's count."""
    plan = _city_plan("全年实施市级重点项目300个以上。\n推进乡村振兴，各乡镇年内至少建成2个和美乡村示范村。")
    review = _unit_review("全区42个市级重点项目完成投资96.5亿元，完成年度计划的108%。\n推进乡村振兴，全区建成和美乡村示范村1个。")
    base, other = _pair(plan, review)
    results = {d.text[:6]: d.results[0] for d in compare(base, [other]).directives}
    assert results["全年实施市级"].status == "met"
    assert results["推进乡村振兴"].status == "not_met"  # 1 against a quota of 2: a shortfall (units.dev.json's about)
    alone, _ = _pair(plan.replace("澜州市", "东湖区"), review)  # the same level: the total is compared
    assert next(d for d in compare(alone, [other]).directives if "重点项目" in d.text).results[0].status == "not_met"


def test_a_coverage_of_the_units_is_done_by_a_units_own() -> None:
    """建成零工市场8个，实现县（区）全覆盖: a district that built its own has done its part (a quota of one each);
    the city's own report of one market falls short (a figure below the target: not met, as units.dev.json's about
    says; partial only where the period is not over or the words leave work under way)."""
    plan = _city_plan("实施就业优先战略，建成标准化零工市场8个，实现县（区）全覆盖。")
    review = _unit_review("建成标准化零工市场1个，服务灵活就业人员2.3万人次。")
    base, other = _pair(plan, review)
    assert compare(base, [other]).directives[0].results[0].status == "met"
    alone, _ = _pair(plan.replace("澜州市", "东湖区"), review)  # the same level: one of eight falls short
    assert compare(alone, [other]).directives[0].results[0].status == "not_met"
    pending = review.replace("建成标准化零工市场1个，", "标准化零工市场选址正在推进中，")  # its words: not done yet
    assert compare(base, [_pair(plan, pending)[1]]).directives[0].results[0].status == "partial"


@pytest.mark.parametrize("covered", ["城市社区", "行政村", "园区"])
def test_a_coverage_within_a_unit_is_no_quota(covered: str) -> None:
    """实现城市社区全覆盖 is not done by a district's 3 of its 18 communities."""
    plan = _city_plan(f"新建嵌入式养老服务设施60个，实现{covered}全覆盖。")
    review = _unit_review("新建嵌入式养老服务设施3个，覆盖率提高。")
    base, other = _pair(plan, review)
    assert compare(base, [other]).directives[0].results[0].status == "partial"


@pytest.mark.parametrize(
    ("documents", "names"),
    [  # national reports are all titled 政府工作报告: the year tells them apart
     ([("政府工作报告", "政府工作报告", "national/gwr_2024.txt"), ("政府工作报告", "政府工作报告", "national/gwr_2023.txt")],
      ["2024年 政府工作报告", "2023年 政府工作报告"]),
     # one province in two years: region and year, the region from the title or the file's code
     ([("湖南省", "2026年湖南省政府工作报告", "provincial/2026/hn.txt"), ("湖南省", "2025年湖南省政府工作报告", "x/2025/hn.txt"),
       ("广东省", "2026年广东省政府工作报告", "provincial/2026/gd.txt")],
      ["湖南 2026", "湖南 2025", "广东省"]),
     ([("政府工作报告", "政府工作报告", "provincial/2026/hn.txt"), ("政府工作报告", "政府工作报告", "provincial/2026/gd.txt")],
      ["湖南 2026", "广东 2026"]),
     # nothing to tell them apart but the file: its name; names that do not repeat stay as they are
     ([("东城区院", None, "a/dongcheng.txt"), ("东城区院", None, "a/dongcheng.docx"), ("西山县院", None, "a/xishan.txt")],
      ["东城区院（dongcheng.txt）", "东城区院（dongcheng.docx）", "西山县院"]),
     # a title that does not name the province its file is of gets it; a unit's name stays as it is
     ([("2026年政府工作报告", "2026年政府工作报告", "provincial/2026/yn.txt"), ("浙江省", "2026年浙江省政府工作报告",
        "provincial/2026/zj.txt"), ("政府工作报告", "政府工作报告", "national/gwr_2026.txt"), ("sn", None, "2026/sn.txt")],
      ["云南 2026", "浙江省", "政府工作报告", "陕西 2026"]),
     ([("浙江省", "2025年浙江省政府工作报告", "provincial/2025/zj.txt"),
       ("浙江省", "2025 年浙江省政府工作报告", "pdf/2025/2025年浙江省政府工作报告.pdf")],
      ["浙江 2025（zj.txt）", "浙江 2025（2025年浙江省政府工作报告.pdf）"]),
    ],
)
def test_documents_are_named_uniquely(documents: list[tuple[str, str | None, str]], names: list[str]) -> None:
    assert unique_names(documents) == names


def test_matrix_columns_of_reports_with_one_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def report(title: str, path: str) -> object:
        text = (f"{title}\n一、过去一年工作回顾\n过去一年，地区生产总值增长5.2%。\n二、今年工作安排\n"
                "今年发展主要预期目标是：地区生产总值增长5%左右；城镇新增就业110万人以上。")
        return analyze_document(read_bytes(text.encode(), path, ".txt"))

    comparison = compare(report("政府工作报告", "national/gwr_2023.txt"),
                         [report("政府工作报告", "national/gwr_2024.txt"), report("政府工作报告", "national/gwr_2025.txt")])
    assert document_names(comparison) == ["2024年 政府工作报告", "2025年 政府工作报告"]
    from nlp.export.matrix import to_html

    page = to_html(comparison)
    assert "<th>2024年 政府工作报告</th>" in page
    assert re.search(r'<td class="met" title="[^"]*">完成 5.2%</td>', page)  # the figure shown, not only on hover


def test_sample_compare_json(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["compare", str(SAMPLE / "city_speech.txt"), *(str(SAMPLE / n) for n in OTHERS)]
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["schema"] == "nlp.comparison/1"
    assert [d["unit"] for d in result["documents"]] == ["东城区院", "西山县院", "南湖区院", "北岭县院"]
    assert set(result["base"]) == {"path", "title", "sha256"}
    for d in result["directives"]:
        assert len(d["results"]) == 4
        for r in d["results"]:
            assert r["status"] in ("met", "partial", "not_met", "unknown")
            for e in r["evidence"]:
                assert e["start"] < e["end"]


def test_compare_reads_no_stage_but_its_own() -> None:
    """`nlp compare` analyses its documents for `COMPARED_STAGES` only: what it finds is the same as from their
    whole analyses."""
    names = ["city_speech.txt", *OTHERS]
    whole = [analyze(SAMPLE / n) for n in names]
    part = [analyze(SAMPLE / n, stages=COMPARED_STAGES) for n in names]
    assert not any(a.links or a.reports for a in part) and any(a.reports for a in whole)
    assert to_data(compare(part[0], part[1:])) == to_data(compare(whole[0], whole[1:]))


def test_sample_gold_links_all_right() -> None:
    from nlp.evaluate import evaluate_files

    scores = evaluate_files([SAMPLE / "gold_links.json"])["files"][0]["links"]
    assert scores["gold"] == 28 and scores["found"] >= 27  # measured: 27 (nanhu says 初查中 for 零的突破)
    assert scores["status_accuracy"] == 1.0


def test_sample_compare_text(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["compare", "--format", "text", str(SAMPLE / "city_speech.txt"), *(str(SAMPLE / n) for n in OTHERS)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "compared with: 东城区院; 西山县院; 南湖区院; 北岭县院" in out
    assert "## Directives" in out


def test_matrix_xlsx_and_html(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    base_args = ["compare", str(SAMPLE / "city_speech.txt"), *(str(SAMPLE / n) for n in OTHERS)]
    assert main([*base_args, "-o", str(tmp_path / "matrix.xlsx")]) == 0
    wb = load_workbook(tmp_path / "matrix.xlsx")
    ws = wb["矩阵"]
    assert [c.value for c in ws[1]][3:] == ["东城区院", "西山县院", "南湖区院", "北岭县院"]
    assert ws["A1"].value == "序号" and ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    statuses = {c.value.split()[0] for row in ws.iter_rows(min_row=2, min_col=4) for c in row}
    assert statuses <= {"完成", "部分完成", "未完成", "无证据"} and "部分完成" in statuses
    assert wb["证据"].max_row > ws.max_row
    assert main([*base_args, "-o", str(tmp_path / "matrix.html")]) == 0
    page = (tmp_path / "matrix.html").read_text(encoding="utf-8")
    assert "<td class=\"partial\"" in page and "http" not in page


def test_matrix_html_escapes_document_text() -> None:
    from nlp.export.matrix import to_html
    from nlp.serialize import from_data
    from nlp.types import Comparison

    result = from_data(Comparison, {
        "base": {"title": "<script>alert(1)</script>", "path": "x", "sha256": "0"},
        "documents": [{"unit": "<b>县</b>", "title": None, "path": "y", "sha256": "1"}], "targets": [],
        "directives": [{"id": "d1", "text": "要<img src=x onerror=alert(1)>", "start": 0, "end": 1, "actors": [],
                        "results": [{"document": 0, "status": "met", "score": 1.0,
                                     "evidence": [{"text": "\"><script>", "start": 0, "end": 1, "score": 1.0}]}]}]})
    page = to_html(result)
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.skipif(not (SHARED_CORPUS / "national" / "gwr_2024.txt").is_file(), reason="../shared/corpus is absent")
def test_next_years_plans_are_never_evidence() -> None:
    """National 2023 → 2024: evidence only from the 2024 report's review of 2023, never from its plans."""
    from nlp.match.compare import compare

    later = analyze(SHARED_CORPUS / "national" / "gwr_2024.txt")
    comparison = compare(analyze(SHARED_CORPUS / "national" / "gwr_2023.txt"), [later])
    cited = [e for d in comparison.directives for r in d.results for e in r.evidence]
    assert cited, "some evidence is expected"
    review = [(s.start, s.end) for s in later.sections if s.role == "review"]
    assert all(any(a <= e.start < b for a, b in review) for e in cited)
    assert all(r.status == "unknown" or r.evidence for d in comparison.directives for r in d.results)


PARITY_PLAN = ("２０２５年政府工作报告\n一、２０２４年工作回顾\n全年经济运行总体平稳。\n二、２０２５年工作安排\n"
               "今年发展的主要预期目标是：居民收入增长和经济增长同步。\n")


def _parity_result(plan: str, review: str) -> DirectiveResult:
    """What a 2026 report whose review is `review` says of the parity target (…同步) of `plan`."""
    later = "２０２６年政府工作报告\n一、２０２５年工作回顾\n" + review + "二、２０２６年工作安排\n今年要稳中求进。\n"
    base, other = _pair(plan, later)
    return next(d for d in compare(base, [other]).directives if "同步" in d.text).results[0]


@pytest.mark.parametrize(("review", "status"), [
    # the pace to keep is stated in the review's summary, the income in the evidence
    ("全市生产总值增长5.2%。\n民生保障有力，居民人均可支配收入增长4.5%。\n", "not_met"),
    ("全市生产总值增长5%。\n民生保障有力，居民人均可支配收入增长5.3%。\n", "met"),
    ("全市生产总值增长5.5%。\n民生保障有力，城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.3%、6.1%。\n", "partial"),
    # the whole's own figure before its parts'; the parts where the whole is not given
    ("全市生产总值增长5.2%。\n居民人均可支配收入增长4.5%，城镇居民人均可支配收入增长4.1%，"
     "农村居民人均可支配收入增长6.5%。\n", "not_met"),
    ("全市生产总值增长5.5%。\n城镇和农村居民人均可支配收入分别增长4.3%、6.1%。\n", "partial"),
    ("全市生产总值增长5%。\n城镇居民人均可支配收入增长5.3%，农村居民人均可支配收入增长6.1%。\n", "met"),
    # income without the economy's growth to set it against: nothing to judge by, no evidence
    ("民生保障有力，居民人均可支配收入增长4.4%。\n", "unknown"),
])
def test_income_keeping_pace_with_the_economy(review: str, status: str) -> None:
    result = _parity_result(PARITY_PLAN, review)
    assert result.status == status, result
    assert bool(result.evidence) == (status != "unknown")


@pytest.mark.parametrize("written", ["进博会", "中国国际进口博览会"])
def test_short_form_and_full_name_share_the_name(written: str) -> None:
    """进博会 in a directive, 中国国际进口博览会 written out in a review (cut into 中国/国际/进口/博览会), or the
    other way round: both have the full name's term (abbreviations lexicon)."""
    from nlp.match.evidence import Terms

    text = f"第八届{written}圆满举办。"
    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    assert "中国国际进口博览会" in Terms(analysis).of(0, len(analysis.document.text))


@pytest.mark.parametrize(("text", "free"), [
    ("对企业投资项目推行全程帮代办，代办服务免费提供。", False),  # how a service is given: no term
    ("为新开办企业免费刻制公章1263枚。", True),  # what is given free: part of the thing
])
def test_free_of_charge_before_a_verb_of_doing_is_a_manner(text: str, free: bool) -> None:
    from nlp.match.evidence import Terms

    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    assert ("免费" in Terms(analysis).of(0, len(analysis.document.text))) == free


@pytest.mark.parametrize(("said", "status"), [("0.04‰", "met"), ("0.6‰", "not_met"), ("0.004%", "met")])
def test_a_rate_per_mille(said: str, status: str) -> None:
    """A rate in ‰ (森林火灾受害率控制在0.5‰以下) is a quantity, compared with a rate in ‰ or in % (invented county)."""
    plan = _city_plan("各乡镇和县林业局要严格落实森林防灭火网格化管理，全年森林火灾受害率控制在0.5‰以下。\n")
    base, other = _pair(plan, _unit_review(f"全年发生森林火情1起，森林火灾受害率{said}，未发生重大森林火灾。\n" + _FILLER,
                                           unit="篁岔乡", head="乡长 林晓岚"))
    assert [(q.value, q.unit) for q in base.quantities if q.kind == "percent"] == [(0.5, "‰")]
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("task", "done", "status"), [
    # 各乡镇要…完成全县23座: the county's 23, a town's own 2 its part
    ("县水利局和各乡镇要在汛期前完成全县23座小型水库、48处山塘的安全隐患排查。", "汛前完成辖区2座小型水库、6处山塘安全隐患排查。",
     "met"),
    # 各乡镇要…完成全镇3个: each town's own 3, of which 1 is short
    ("各乡镇要在年底前完成全镇3个以上村级养老服务站建设。", "年内建成村级养老服务站1个。", "not_met"),
])
def test_the_wholes_figure_after_each_unit_is_no_quota(task: str, done: str, status: str) -> None:
    """A figure named by the whole's scope is the whole's, not each unit's quota; by the units' own, theirs (invented)."""
    base, other = _pair(_city_plan(task + "\n"), _unit_review(done + "\n" + _FILLER, unit="蕖坪镇", head="镇长 林晓岚"))
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("task", "done", "status"), [
    # a sum marking out a class (5万元以下的薄弱村) is no goal; the weak ones gone is the task done
    ("全面消除集体经济收入5万元以下的薄弱村。", "全镇集体经济收入5万元以下的薄弱村已全部清零。", "met"),
    ("全面消除集体经济收入5万元以下的薄弱村。", "全镇集体经济收入5万元以下的薄弱村尚未全部清零。", "partial"),
    # all of the whole's N (全镇13个村党组织) covers them
    ("县直机关工委要组织县直机关党组织与村党组织开展结对共建，年内实现结对全覆盖。",
     "县直机关12个党组织与全镇13个村党组织开展结对共建，帮助解决实际问题41个。", "met"),
])
def test_classes_cleared_and_all_of_the_whole(task: str, done: str, status: str) -> None:
    base, other = _pair(_city_plan(task + "\n"), _unit_review(done + "\n" + _FILLER, unit="楮坂镇", head="镇长 林晓岚"))
    assert compare(base, [other]).directives[0].results[0].status == status


def test_a_partys_words_elsewhere_in_its_task_are_the_tasks() -> None:
    """县直机关工委要…命名县级模范机关10个: 机关 of the party named is no term there, but of 模范机关 it is (invented)."""
    from nlp.match.evidence import Terms, directive_items

    base = analyze_document(read_bytes(_city_plan("县直机关工委要深化模范机关创建，年内命名县级模范机关10个。\n").encode(),
                                       "plan.txt", ".txt"))
    assert base.directives[0].actors == ("县直机关工委",)
    items = directive_items(Terms(base), base.directives[0])
    assert "机关" in set().union(*items) and not any("工委" in item for item in items)
    # (nor the unit the task's report is sent to)
    base = analyze_document(read_bytes(_city_plan("县政府督查室要对议定事项实行清单化管理，于10月中旬前将落实情况汇总报县政府。\n")
                                       .encode(), "plan.txt", ".txt"))
    assert not any("县政府" in item for item in directive_items(Terms(base), base.directives[0]))


def test_a_city_in_an_autonomous_prefecture_does_its_part() -> None:
    """A 市 in a 州 (or a 盟) is a county-level city: its own figures are its part of the prefecture's totals (invented
    prefecture and city)."""
    plan = ("澜峪苗族自治州2025年政府工作报告\n——2025年1月18日在澜峪苗族自治州第十五届人民代表大会第五次会议上\n"
            "一、2024年工作回顾\n全州经济运行总体平稳。\n"
            "二、2025年重点工作\n全年新建改造提升高标准农田12万亩。\n")
    review = _unit_review("在澜峪州委、州政府的坚强领导下，全市经济稳中向好。\n全市新建高标准农田1.2万亩。\n" + _FILLER,
                          unit="岚溪市", head="市长 林晓岚")
    base, other = _pair(plan, review)
    assert compare(base, [other]).directives[-1].results[0].status == "met"


def test_a_coverage_not_spoken_of_leaves_the_task_to_its_words() -> None:
    """…实现县级医院胸痛、卒中、创伤等急诊急救中心全覆盖: a review saying another item done in words, with no figure, says
    nothing of the coverage; no shortfall (invented)."""
    plan = _city_plan("推进紧密型县域医共体建设，实现县级医院胸痛、卒中、创伤等急诊急救中心全覆盖。\n")
    base, other = _pair(plan, _unit_review("紧密型县域医共体建设圆满完成，县乡村三级医疗卫生服务体系更加健全。\n" + _FILLER))
    assert compare(base, [other]).directives[0].results[0].status == "met"


def test_a_summarys_sentence_on_the_year_before_is_no_evidence() -> None:
    """2024年，全镇还有2个村…低于5万元 in a 2025年工作总结 tells where things stood, not what was done (invented)."""
    plan = _city_plan("全面消除集体经济收入5万元以下的薄弱村。\n")
    summary = ("楮坂镇2025年工作总结\n一、主要做法和成效\n2024年，全镇还有2个村集体经济收入低于5万元，是全县薄弱村较多的乡镇之一。\n"
               + _FILLER + "\n二、存在的问题\n个别村发展后劲不足。\n三、2026年工作打算\n要抓好落实。\n")
    base, other = _pair(plan, summary)
    assert compare(base, [other]).directives[0].results[0].status == "unknown"


@pytest.mark.parametrize(("task", "done", "status"), [
    # a clearing not done, however said (not 未/不能 before it, nor a goal not reached after it)
    ("年内实现集体经济薄弱村全部清零。", "集体经济薄弱村不能如期清零。", "not_met"),
    ("年内实现集体经济薄弱村全部清零。", "集体经济薄弱村清零目标没有实现。", "not_met"),
    ("全面消除集体经济薄弱村。", "集体经济薄弱村未按时清零。", "not_met"),
    # so many of all the whole's (已有9个, 有18个) is no coverage
    ("县直机关工委要组织县直机关党组织与村党组织开展结对共建，年内实现结对全覆盖。",
     "全镇13个村党组织已有9个与县直机关党组织开展结对共建。", "partial"),
    # a coverage said under way, no figure
    ("年内实现村级综合服务站全覆盖。", "村级综合服务站建设稳步推进。", "partial"),
])
def test_what_a_review_fix_keeps_short(task: str, done: str, status: str) -> None:
    base, other = _pair(_city_plan(task + "\n"), _unit_review(done + "\n" + _FILLER, unit="楮坂镇", head="镇长 林晓岚"))
    assert compare(base, [other]).directives[0].results[0].status == status


def test_a_goal_named_with_its_sum_is_a_goal_and_applying_is_no_sending() -> None:
    """100亿元的目标 is the task's target (only a sum with 以上/以下 before 的 marks out a class); 申报省级重点实验室 applies
    for the lab, which stays the task's term (报 of 申报 sends nothing to a unit)."""
    from nlp.match.evidence import Goals, Terms, directive_items

    base = analyze_document(read_bytes(_city_plan("全年完成固定资产投资100亿元的目标。\n积极申报省级重点实验室。\n").encode(),
                                       "plan.txt", ".txt"))
    goals = Goals.all(base)
    assert [q.text for q in goals[0].targets] == ["100亿元"]
    assert "实验室" in set().union(*directive_items(Terms(base), base.directives[1]))


def test_a_city_of_another_prefecture_is_no_part_of_it() -> None:
    from nlp.match.compare import _other_level

    base = ("贵州", "黔东南苗族侗族自治州")
    assert _other_level(base, ("贵州", "凯里市"), "凯里市2026年政府工作报告 … 在黔东南州委的领导下")
    assert not _other_level(base, ("贵州", "遵义市"), "遵义市2026年政府工作报告 … 全市经济运行总体平稳")
    assert not _other_level(("浙江", "杭州"), ("浙江", "建德市"), "建德市 … 杭州")


def test_things_counted_before_the_modal_are_the_tasks_terms() -> None:
    """全县9家危险化学品重点监管企业要全部接入…: the enterprises counted are what the task is about, their words its
    terms, not left out as who is to act (invented)."""
    from nlp.match.evidence import Terms, directive_items

    base = analyze_document(read_bytes(_city_plan("年底前，全县9家危险化学品重点监管企业要全部接入监测预警系统。\n").encode(),
                                       "plan.txt", ".txt"))
    terms = set().union(*directive_items(Terms(base), base.directives[0]))
    assert {"危险", "化学品", "企业", "预警系统"} <= terms


def test_liang_ai_is_cervical_and_breast_cancer_screening() -> None:
    """“两癌”筛查 is the screening for 宫颈癌和乳腺癌 (abbreviations lexicon): a review writing the short form
    reports the task that writes them out (invented city and figures)."""
    plan = _city_plan("为3万名适龄妇女免费开展宫颈癌和乳腺癌筛查。\n")
    base, other = _pair(plan, _unit_review("完成“两癌”免费筛查4260人。\n" + _FILLER))
    result = compare(base, [other]).directives[0].results[0]
    assert result.status == "met"
    assert result.evidence[0].text == "完成“两癌”免费筛查4260人。"


@pytest.mark.parametrize("word", ["第二批", "首批", "第三届", "第八届", "第二轮", "第一", "第一个", "首个", "一个", "两项"])
def test_an_ordinal_ties_a_sentence_to_no_task(word: str) -> None:
    """开展碳达峰第二批试点 and 第二批自贸试验区联动创新区 share a round, not a task: an ordinal or a count is no
    term, nor a piece of a longer word (实现第一个百年奋斗目标 shares nothing with 第一个 or 一个)."""
    from nlp.match.evidence import terms_of_word

    assert terms_of_word(word) == frozenset()
    assert terms_of_word("试验区") == frozenset({"试验区", "试验"})
    assert terms_of_word("实现第一个百年") == frozenset({"实现第一个百年", "百年"})


@pytest.mark.parametrize(("word", "pieces", "not_pieces"), [
    ("城乡居民", {"城乡", "居民"}, {"乡居"}),  # 乡居 lies across 城乡|居民
    ("低效用地", {"低效", "用地"}, {"效用"}),
    ("城乡居民医保", {"城乡", "居民", "医保"}, {"乡居", "民医"}),
    ("中国国际进口博览会", {"中国", "国际", "进口", "博览会", "博览"}, set()),  # (博览 inside the tile 博览会)
    ("工业园区", {"工业", "园区", "工业园"}, set()),  # (a piece from a joint: 工业园, 低收入)
    ("中低收入", {"中低", "收入", "低收入"}, set()),
    ("新能源车", {"新能源", "能源"}, set()),  # no tiling by dictionary words (车 alone is none): every piece it has
])
def test_a_words_pieces_do_not_lie_across_its_words(word: str, pieces: set[str], not_pieces: set[str]) -> None:
    """A long word's pieces are the dictionary words tiling it (and those inside them), not a word read across two
    of them: 城乡居民 shares nothing with 乡居 (a sentence on 城乡居民医保参保率 is not 城乡居民基础养老金's evidence by
    more pieces of one concept)."""
    from nlp.match.evidence import terms_of_word

    terms = terms_of_word(word)
    assert pieces <= terms and not terms & not_pieces


def test_a_words_terms_among_a_vocabulary_are_its_terms_in_it() -> None:
    """The terms a comparison works out for a word among its directives' terms (`Vocabulary`) are the word's own
    terms that are among them, for every word of a report."""
    from nlp.match.evidence import Vocabulary, terms_of_word

    text = ("加快建设全国统一大市场，实施第一个百年奋斗目标，深化国有企业改革，推进中试验证平台和粮食产量"
            "稳定提升，扩大消费品以旧换新，开展第二批碳达峰试点，大力发展县域经济。")
    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    words = set(analysis.tokens.texts)
    vocabulary = Vocabulary(frozenset().union(*(terms_of_word(w) for w in sorted(words)[::2])))
    assert {w: terms_of_word(w, vocabulary) for w in words} == {w: terms_of_word(w) & vocabulary.terms for w in words}


@pytest.mark.parametrize(("five_years", "opening"), [
    ("这五年，全省地区生产总值年均增长5.5%。", "各位代表！刚刚过去的2025年，全省经济稳中有进。"),
    ("这五年，全省地区生产总值年均增长5.5%。", "过去的一年，全省经济稳中有进。"),
    ("各位代表！经过五年接续奋斗，“十四五”顺利收官。这是经济实力持续提升的五年。", "2025年，全省经济稳中有进。"),
])
def test_the_years_work_follows_a_look_back_over_five_years(five_years: str, opening: str) -> None:
    """A 2026 report reviews the five years, then the year: only the year's work is evidence of last year's tasks."""
    from nlp.match.evidence import reported_sentences

    text = ("2026年政府工作报告\n一、“十四五”时期和2025年工作回顾\n2025年，全省经济平稳运行。\n新增市场主体20万户。\n"
            f"{five_years}\n新建高速公路800公里。\n{opening}\n新增城镇就业60万人。\n"
            "各位代表，回顾过去一年，我们在困难中顶压前行。消费需求仍然偏弱。\n二、2026年主要任务\n要稳中求进。\n")
    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    reported = [s.text for s in reported_sentences(analysis)]
    assert "新增城镇就业60万人。" in reported and "新增市场主体20万户。" in reported
    assert not [s for s in reported if "五年" in s or "高速公路" in s or "偏弱" in s]  # nor the year's summing-up


def test_a_lead_in_to_the_years_points_is_no_summing_up() -> None:
    """回顾一年来的工作，我们重点抓了以下几个方面： opens the year's work point by point: the points after it are
    evidence; the year's summing-up (回顾过去一年，…) is not (invented text)."""
    from nlp.match.evidence import reported_sentences

    text = ("2025年政府工作报告\n一、2024年工作回顾\n2024年，全市经济平稳运行。\n回顾一年来的工作，我们重点抓了以下几个方面：\n"
            "（一）坚持港产城联动\n新建集装箱泊位4个。\n（二）坚持工业立市\n新增规上工业企业57家。\n"
            "回顾过去一年，我们在困难中顶压前行。消费需求仍然偏弱。\n二、2025年主要任务\n要稳中求进。\n")
    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    reported = [s.text for s in reported_sentences(analysis)]
    assert "新建集装箱泊位4个。" in reported and "新增规上工业企业57家。" in reported
    assert not [s for s in reported if "顶压前行" in s]
    # a lessons paragraph opening 回顾过去一年，我们深刻体会到： is the summing-up: its points are no evidence; a lead-in
    # to the year's points after a look back over five years ends the look back
    lessons = text.replace("回顾过去一年，我们在困难中顶压前行。消费需求仍然偏弱。\n",
                           "回顾过去一年，我们深刻体会到：\n一是必须坚持项目为王，项目建设成效明显。\n")
    reported = [s.text for s in reported_sentences(analyze_document(read_bytes(lessons.encode(), "x.txt", ".txt")))]
    assert not [s for s in reported if "项目为王" in s]
    five = text.replace("2024年，全市经济平稳运行。\n", "过去五年，全市经济总量迈上新台阶。\n新建高速公路800公里。\n")
    reported = [s.text for s in reported_sentences(analyze_document(read_bytes(five.encode(), "x.txt", ".txt")))]
    assert "新建集装箱泊位4个。" in reported and not [s for s in reported if "高速公路" in s]


@pytest.mark.parametrize(("target", "review", "status"), [
    # 基本同步 allows what 左右 allows: 0.2 points
    ("居民收入增长与经济增长基本同步", "全年国内生产总值增长6.6%。\n居民人均可支配收入实际增长6.5%。\n", "met"),
    ("居民收入增长与经济增长同步", "全年国内生产总值增长6.6%。\n居民人均可支配收入实际增长6.5%。\n", "not_met"),
    ("居民收入增长与经济增长基本同步", "全年国内生产总值增长6.7%。\n居民人均可支配收入实际增长6.3%。\n", "not_met"),
    # the economy's 发展 is its growth (figures, not the words' polarity, decide)
    ("居民收入增长和经济发展同步", "全国居民人均可支配收入实际增长6%。\n国内生产总值增长7.4%。\n", "not_met"),
    # a growth figure of another metric after the income is not the income's
    ("居民收入增长和经济增长同步", "全年生产总值增长5%。\n居民人均可支配收入达到4.5万元，人均消费支出增长6%。\n", "unknown"),
    # the parity stated as done, without figures, is its evidence (once)
    ("居民收入增长和经济增长同步", "民生保障更加有力，居民收入增长和经济增长同步。\n", "met"),
    ("居民收入与经济增长同步", "民生保障更加有力，居民收入与经济增长同步。\n", "met"),
])
def test_parity_wordings(target: str, review: str, status: str) -> None:
    plan = f"２０２５年政府工作报告\n一、２０２４年工作回顾\n全年经济运行总体平稳。\n二、２０２５年工作安排\n今年要做到{target}。\n"
    result = _parity_result(plan, review)
    assert result.status == status, result
    starts = [e.start for e in result.evidence]
    assert len(starts) == len(set(starts)) and bool(starts) == (status != "unknown")


def test_a_targets_result_is_its_directives_evidence() -> None:
    """The figure the targets table finds for a target is the first evidence of the directive that sets it."""
    plan = ("２０２５年政府工作报告\n一、２０２４年工作回顾\n全年经济运行总体平稳。\n二、２０２５年工作安排\n"
            "今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右。\n要大力提振消费。\n")
    # (a sentence sharing more words, without the figure, comes after it)
    review = ("２０２６年政府工作报告\n一、２０２５年工作回顾\n过去一年，全省经济总量跨上新台阶，地区生产总值增长5.8%。\n"
              "国内生产总值统计核算改革稳步推进，发展主要预期目标顺利实现。\n"
              "社会消费品零售总额增长4.1%。\n城镇调查失业率5.1%。\n二、２０２６年工作安排\n今年要稳中求进。\n")
    base, other = _pair(plan, review)
    comparison = compare(base, [other])
    assert len([r for t in comparison.targets for r in t.results if r.value is not None]) == 2
    for words, first in (("国内生产总值", "过去一年，全省经济总量跨上新台阶，地区生产总值增长5.8%。"), ("失业率", "城镇调查失业率5.1%。")):
        d = next(d for d in comparison.directives if words in d.text)
        assert (d.results[0].evidence[0].text, d.results[0].status) == (first, "met")


def test_targets_of_a_directive_left_out_are_compared() -> None:
    """A reviewer marks a target's directive 不是任务 (the web workspace compares the base without it): its target
    is still traced, and the other directives keep their evidence."""
    plan = ("２０２５年政府工作报告\n一、２０２４年工作回顾\n全年经济运行总体平稳。\n二、２０２５年工作安排\n"
            "今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右。\n要大力提振消费。\n")
    review = ("２０２６年政府工作报告\n一、２０２５年工作回顾\n过去一年，地区生产总值增长5.8%。\n城镇调查失业率5.1%。\n"
              "二、２０２６年工作安排\n今年要稳中求进。\n")
    base, other = _pair(plan, review)
    kept = tuple(d for d in base.directives if "国内生产总值" not in d.text)
    comparison = compare(base.with_items("directives", kept), [other])
    assert [t.results[0].value for t in comparison.targets] == [5.8, 5.1]
    d = next(d for d in comparison.directives if "失业率" in d.text)
    assert (d.results[0].evidence[0].text, d.results[0].status) == ("城镇调查失业率5.1%。", "met")


def test_results_of_the_year_not_of_the_five_years() -> None:
    """A 2026 report's look back over five years gives no result of 2025 (totals, growth), except a level at the
    period's end (研发投入强度) where the year's part states none."""
    plan = ("２０２５年政府工作报告\n一、２０２４年工作回顾\n全年经济运行总体平稳。\n二、２０２５年工作安排\n"
            "今年发展主要预期目标是：地区生产总值增长5%左右；城镇新增就业60万人以上；研发投入强度达3.3%左右。\n")
    later = ("２０２６年政府工作报告\n一、“十四五”时期和２０２５年工作回顾\n"
             "这五年，全省经济实力显著增强。地区生产总值增长5.5%，城镇新增就业320万人。创新能力持续增强，研发投入强度达3.4%。\n"
             "2025年，地区生产总值增长4.5%。\n二、２０２６年工作安排\n今年要稳中求进。\n")
    base, other = _pair(plan, later)
    got = {t.key: find_result(t, other) for t in base.targets}
    assert (got["gdp_growth"].value, got["gdp_growth"].status) == (4.5, "not_met")
    assert got["urban_new_jobs"] is None
    assert got["rd_intensity"] is not None and got["rd_intensity"].value == 3.4


def test_a_parity_target_stated_in_words_is_cited_once() -> None:
    plan = ("２０２５年政府工作报告\n一、２０２４年工作回顾\n全年经济运行总体平稳。\n二、２０２５年工作安排\n"
            "今年发展主要预期目标是：地区生产总值增长5%左右；居民收入增长和经济增长同步。\n")
    review = ("２０２６年政府工作报告\n一、２０２５年工作回顾\n民生保障更加有力，居民收入增长和经济增长同步。\n"
              "二、２０２６年工作安排\n今年要稳中求进。\n")
    base, other = _pair(plan, review)
    d = next(d for d in compare(base, [other]).directives if "同步" in d.text)
    assert [e.text for e in d.results[0].evidence] == ["民生保障更加有力，居民收入增长和经济增长同步。"]
    assert d.results[0].status == "met"


def test_an_unknown_status_keeps_the_evidence_it_weighed() -> None:
    """零的突破 reported without a count: the status is unknown, and the sentence weighed is still shown."""
    plan = "讲话\n一、工作要求\n要推动县域上市公司实现零的突破。\n"
    review = "工作总结\n一、工作回顾\n县域上市公司培育工作扎实推进，后备企业梯队不断壮大。\n二、下一步打算\n要继续努力。\n"
    base, other = _pair(plan, review)
    d = next(d for d in compare(base, [other]).directives if "零的突破" in d.text)
    assert d.results[0].status == "unknown" and d.results[0].evidence


@pytest.mark.parametrize(("title", "jobs", "status"), [
    ("2026年浙江省政府工作报告", "城镇新增就业60万人", "met"),  # a province's share of the national total
    ("2026年政府工作报告", "城镇新增就业1150万人", "not_met"),  # the national total itself, short of the target
])
def test_a_total_is_judged_only_at_its_own_level(title: str, jobs: str, status: str) -> None:
    plan = ("2025年政府工作报告\n一、2024年工作回顾\n全年经济运行总体平稳。\n二、2025年工作安排\n"
            "今年发展主要预期目标是：城镇新增就业1200万人以上；城镇调查失业率5.5%左右。\n")
    review = f"{title}\n一、2025年工作回顾\n{jobs}，城镇调查失业率5.8%。\n二、2026年工作安排\n今年要稳中求进。\n"
    base, other = _pair(plan, review, plan_name="national.txt", name="report.txt")
    comparison = compare(base, [other])
    got = {t.text[:6]: t.results[0].status for t in comparison.targets}
    assert got == {"城镇新增就业": status, "城镇调查失业": "not_met"}  # a rate is judged at every level


@pytest.mark.parametrize(("sentence", "value"), [
    ("单位地区生产总值能耗较2020年下降11.7%。", None),  # over five years
    ("单位地区生产总值能耗比2024年下降3.1%。", 3.1),  # over the year reviewed
])
def test_a_change_since_a_year_long_past_is_no_result(sentence: str, value: float | None) -> None:
    plan = ("2025年政府工作报告\n一、2024年工作回顾\n全年经济运行总体平稳。\n二、2025年工作安排\n"
            "今年发展主要预期目标是：单位国内生产总值能耗降低2.5%左右。\n")
    later = f"2026年政府工作报告\n一、2025年工作回顾\n{sentence}\n二、2026年工作安排\n今年要稳中求进。\n"
    base, other = _pair(plan, later)
    result = find_result(base.targets[0], other)
    assert (result.value if result else None) == value


@pytest.mark.parametrize(("name", "head", "sentence", "value"), [
    ("gwr_2026.txt", "各位代表：", "单位国内生产总值能耗较2020年下降11.7%。", None),  # the year from the path
    ("review.txt", "2026年政府工作报告", "研发投入强度较2020年提高0.5个百分点、达到2.9%。", 2.9),  # the level after
])
def test_a_change_since_a_year_long_past_more(name: str, head: str, sentence: str, value: float | None) -> None:
    plan = ("2025年政府工作报告\n一、2024年工作回顾\n全年经济运行总体平稳。\n二、2025年工作安排\n"
            "今年发展主要预期目标是：单位国内生产总值能耗降低2.5%左右；研发投入强度达到2.8%。\n")
    later = f"{head}\n一、2025年工作回顾\n{sentence}\n二、2026年工作安排\n今年要稳中求进。\n"
    base, other = _pair(plan, later, name=name)
    key = "rd_intensity" if "研发" in sentence else "energy_intensity_reduction"
    result = find_result(next(t for t in base.targets if t.key == key), other)
    assert (result.value if result else None) == value


def test_a_provinces_next_report_is_its_own_level_whatever_its_title() -> None:
    """The same province's next report (its title without the province, its byline naming none) compares its
    totals with the target, as a national report does with the nation's."""
    plan = ("2025年吉林省政府工作报告\n一、2024年工作回顾\n全年经济运行总体平稳。\n二、2025年工作安排\n"
            "今年发展主要预期目标是：粮食总产量达到880亿斤以上。\n")
    later = "政府工作报告\n一、2025年工作回顾\n粮食总产量达到871.6亿斤。\n二、2026年工作安排\n今年要稳中求进。\n"
    base, other = _pair(plan, later, plan_name="2025/jl.txt", name="2026/jl.txt")
    result = compare(base, [other]).targets[0].results[0]
    assert (result.value, result.status) == (871.6, "not_met")


@pytest.mark.parametrize("word", ["大力发展", "加快推进", "高质量发展", "服务体系"])
def test_generic_words_run_together_are_generic(word: str) -> None:
    """大力发展现代服务业 shares nothing with 大力发展县域经济 but the way of doing: a token made of generic
    words is no term, while one holding a specific word keeps its terms."""
    from nlp.match.evidence import terms_of_word

    assert terms_of_word(word) == frozenset()
    assert terms_of_word("深化改革") == frozenset({"深化改革", "改革"})


def test_one_common_concept_is_the_same_topic_not_the_same_task() -> None:
    """A word with its pieces (金融机构, 金融, 机构), none of them rare, is one common concept; a rare word, a
    campaign, a metric, a long name or two concepts are not."""
    from nlp.match.evidence import one_common_concept

    idf = {"金融机构": 0.76, "金融": 0.56, "机构": 0.62, "风险": 0.5, "入境": 0.86, "C:城市更新行动": 0.7,
           "医保": 0.7, "医疗保障": 0.7, "医疗": 0.6, "中国国际进口博览会": 0.7}
    assert one_common_concept(frozenset({"金融机构", "金融", "机构"}), idf)
    assert one_common_concept(frozenset({"医保", "医疗保障", "医疗"}), idf)  # a short form as its full name
    assert not one_common_concept(frozenset({"金融机构", "风险"}), idf)  # two concepts
    assert not one_common_concept(frozenset({"入境"}), idf)  # rare
    assert not one_common_concept(frozenset({"C:城市更新行动"}), idf)
    assert not one_common_concept(frozenset({"中国国际进口博览会"}), idf)
    assert not one_common_concept(frozenset(), idf)


def test_a_sentence_sharing_one_common_concept_with_a_task_is_no_evidence_of_it() -> None:
    """推进中小金融机构改革 is not reported by a count of licensed financial institutions (the same topic; it scores
    0.74 and needs `ONE_CONCEPT`), whereas a sentence on the reform of small banks is its evidence."""
    plan = _city_plan("推进中小金融机构改革。\n加快建设科技创新平台。\n推进普惠金融发展。")
    review = _unit_review("吸引各类金融机构落户，持牌金融机构增加到178家。\n新建科技创新平台12个。\n普惠金融发展加快。\n"
                          "全市粮食产量稳定。\n城乡居民收入增长5%。", "澜州市", "市长 周启明")
    base, other = _pair(plan, review)
    row = next(d for d in compare(base, [other]).directives if "中小金融机构" in d.text)
    assert row.results[0].status == "unknown", row.results[0]
    reformed = review.replace("吸引各类金融机构落户，持牌金融机构增加到178家。", "中小金融机构改革稳步推进，完成农村信用社改制。")
    base, other = _pair(plan, reformed)
    row = next(d for d in compare(base, [other]).directives if "中小金融机构" in d.text)
    assert row.results[0].evidence and "改革" in row.results[0].evidence[0].text


@pytest.mark.parametrize(("review", "key", "evidence"), [
    ("家庭医生签约服务覆盖重点人群86%。", "签约", False),  # another 签约, counting nothing the task counts
    ("开展脱贫劳动力技能培训860人次。", "培训", False),  # other people trained, counted in 人次
    ("全年新签约亿元以上项目126个，总投资860亿元。", "签约", True),  # its own count of it
    ("全年培训高素质农民3260人。", "培训", True),
])
def test_a_concept_the_target_counts_is_evidence_only_with_its_count(review: str, key: str, evidence: bool) -> None:
    """A sentence sharing with a task only the one common concept its target counts (签约 of 新签约亿元以上项目150个,
    培训 of 全年培训3000人) is its evidence where it gives that count, not where the concept comes with another thing
    (家庭医生签约服务 scores 0.87, above `ONE_CONCEPT`)."""
    plan = _city_plan("力争全年新签约亿元以上项目150个以上。\n着力培育高素质农民，全年培训3000人以上。")
    base, other = _pair(plan.replace("澜州市", "东湖区"), _unit_review(review + "\n" + _FILLER))
    row = next(d for d in compare(base, [other]).directives if key in d.text)
    assert bool(row.results[0].evidence) == evidence, row.results[0]



@pytest.mark.parametrize(("review", "status"), [
    ("全县义务教育学校课后服务覆盖率100%，学生参与率达到93.5%。", "met"),  # a coverage rate of 100% is 全覆盖
    ("全县义务教育学校课后服务覆盖率达到86%，学生参与率达到93.5%。", "partial"),
])
def test_a_coverage_rate_of_a_hundred_percent_covers(review: str, status: str) -> None:
    plan = _city_plan("提升课后服务水平，义务教育学校课后服务实现全覆盖，学生自愿参与率达到90%以上。\n新建城市公园5个。")
    base, other = _pair(plan.replace("澜州市", "东湖区"), _unit_review(review + "\n" + _FILLER))
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("review", "status"), [
    ("全年新认定区域公用品牌产品24个，与年初确定的30个目标相比还有差距。", "not_met"),  # a gap to the target, said
    ("全年新认定区域公用品牌产品24个，与年度目标仍有较大差距。", "not_met"),
    ("全年新认定区域公用品牌产品32个，与先进地区相比还有差距。", "met"),  # (a gap to others: no target missed)
])
def test_a_gap_to_the_target_said_is_a_shortfall(review: str, status: str) -> None:
    plan = _city_plan("年内新认定区域公用品牌产品30个以上。\n新建城市公园5个。")
    base, other = _pair(plan.replace("澜州市", "东湖区"), _unit_review(review + "\n" + _FILLER))
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("review", "status"), [
    ("全县粮食总产量26.4万吨，未达到27万吨的年度目标。", "not_met"),  # the one target it speaks of, missed
    ("全县粮食播种面积68.3万亩，总产量26.4万吨，未达到27万吨的年度目标。", "partial"),  # one of two missed
    ("全县16个乡镇中已有14个建成应急救援队伍，其余2个正在补充队员。", "partial"),  # a quota met with a remainder
    ("全县16个乡镇中已有14个建成应急救援队伍，青石乡、云岭乡队伍仍在组建中。", "partial"),  # the rest still in progress
])
def test_a_missed_target_or_a_remainder_in_the_words(review: str, status: str) -> None:
    plan = _city_plan("粮食播种面积稳定在68万亩以上，总产量达到27万吨以上。\n年内每个乡镇建成1支应急救援队伍。")
    base, other = _pair(plan.replace("澜州市", "东湖区"), _unit_review(review))
    key = "应急" if "应急" in review else "粮食"
    row = next(d for d in compare(base, [other]).directives if key in d.text)
    assert row.results[0].status == status, row.results[0]


@pytest.mark.parametrize(("plan", "review", "status"), [
    # a task restated before what became of it: its figure is the task's, not a result
    ("新增城市公共停车泊位800个。", "（3）新增城市公共停车泊位800个：因部分地块规划调整，未能按期完成。", "not_met"),
    ("新增城市公共停车泊位800个。", "（3）新增城市公共停车泊位800个：已完成，全年新增泊位812个。", "met"),
    # a whole task put off to the next year is not done; a remainder put off is
    ("新增电动自行车充电端口3000个。", "（20）新增电动自行车充电端口3000个：该事项年内未实施，已纳入2026年计划。", "not_met"),
    ("整治经营性自建房安全隐患。", "发现存在安全隐患的自建房37栋，已整治销号31栋，其余6栋列入2026年整治计划。", "partial"),
    # work counted towards a zero, with a remainder carried over
    ("深入推进农村厕所革命，新改建农村卫生户厕1500户，问题厕所动态清零。", "完成农村卫生户厕改造265户，剩余55户因农户外出务工无法施工，结转至2026年实施。",
     "partial"),
    # people in need helped are no difficulty
    ("落实就业优先政策，城镇新增就业2600人，帮扶就业困难人员就业300人。", "全镇新增城镇就业326人，帮扶就业困难人员就业37人。", "met"),
])
def test_what_became_of_a_task_decides_its_status(plan: str, review: str, status: str) -> None:
    base, other = _pair(_city_plan(plan), _unit_review(review, "柘湾镇", "镇长 李明"))
    assert compare(base, [other]).directives[0].results[0].status == status


SOWING = "要严格落实粮食安全责任，全市粮食播种面积稳定在286万亩以上，总产量稳定在11.5亿公斤以上。"


@pytest.mark.parametrize(("plan", "review", "status"), [
    # a result stated as a share of the unit's own target: reached, not, one of two
    (SOWING, "全县粮食播种面积59.2万亩，完成市下达任务的101.2%。", "met"),
    ("力争全市农产品加工业总产值突破420亿元。", "全县农产品加工业总产值78.6亿元，完成年度目标的94.5%。", "not_met"),
    (SOWING, "全县粮食播种面积59.2万亩，完成市下达任务的101.2%，总产量2.31亿公斤，完成市下达任务的97.6%。", "partial"),
])
def test_a_result_against_the_units_own_target(plan: str, review: str, status: str) -> None:
    base, other = _pair(_city_plan(plan), _unit_review(review, "柘湾县", "县长 李明"))
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("plan", "review", "status"), [
    ("着力培育高素质农民，全年培训3000人以上。", "培训高素质农民310人，完成年度任务的51.7%。", "partial"),
    ("大力发展农业社会化服务，全市农业生产托管服务面积达到150万亩次。", "完成夏季农业生产托管服务面积18.6万亩次。", "partial"),
    ("大力发展农业社会化服务，全市农业生产托管服务面积达到150万亩次。", "农业生产托管服务面积36万亩次，提前完成全年任务。", "met"),
    ("加快补齐农村污水治理短板，年底前农村生活污水治理率达到48%。", "农村生活污水治理率达到44.5%，较年初提高3.1个百分点。", "partial"),
])
def test_a_half_year_report_of_an_annual_target_is_progress(plan: str, review: str, status: str) -> None:
    """Below or short of a year's figure at mid-year is partial, not not_met; a count done so far is under way
    unless the report says the year's target is reached."""
    summary = f"柘湾县农业农村局2025年上半年工作总结\n一、上半年工作完成情况\n{review}\n二、下半年工作打算\n下半年要抓好落实。\n"
    base, other = _pair(_city_plan(plan), summary)
    assert compare(base, [other]).directives[0].results[0].status == status


ROADS = "全年新建改建农村公路500公里。"
ESTATES = "改造老旧小区120个。"


@pytest.mark.parametrize(("plan", "head", "review", "status"), [
    # the year's target said to be reached in a half-year report, however it is worded
    (ROADS, "东湖区2025年上半年工作总结", "全区新建改建农村公路86公里，已完成全年目标。", "met"),
    (ESTATES, "东湖区2025年上半年工作总结", "改造老旧小区21个，全年改造任务已全部完成。", "met"),
    (ESTATES, "东湖区2025年上半年工作总结", "改造老旧小区21个，圆满完成市下达的年度任务。", "met"),
    (ESTATES, "澜州市住房和城乡建设局2025年上半年工作总结", "（1）改造老旧小区120个：已全部完成。", "met"),
    # a part of the year that is no half (1-11月, a campaign's months) in a whole year's summary
    (ROADS, "东湖区2025年工作总结", "1-11月，全区新建改建农村公路86公里。", "met"),
    (ESTATES, "东湖区2025年工作总结", "5-9月开展老旧小区集中改造行动，改造老旧小区21个。", "met"),
    # shares that are not of the unit's own target for the task
    ("新建高标准农田15万亩。", "东湖区2025年工作总结", "新建高标准农田1.2万亩，占全市年度任务的8%。", "met"),
    (ESTATES, "东湖区2025年工作总结", "改造老旧小区21个，完成投资4.2亿元，占年度计划的85%。", "met"),
    (ESTATES, "东湖区2025年工作总结", "改造老旧小区21个，完成年度任务的105%，城镇新增就业完成目标任务的96%。", "met"),
    ("改造农村户厕2000户。", "东湖区2025年工作总结", "改造农村户厕320户，年度任务全面完成，累计完成三年行动计划的85%。", "met"),
    ("生产安全事故死亡人数控制在20人以内。", "东湖区2025年工作总结", "生产安全事故死亡人数12人，为年度目标的60%。", "met"),
    # honours and plans in a review are no deferral; a result before its parts is no restated task
    (ESTATES, "东湖区2025年工作总结", "改造老旧小区21个，纳入2025年省级民生实事项目的8个全部完工。", "met"),
    ("推进城乡供水一体化工程建设。", "东湖区2025年工作总结", "城乡供水一体化工程成功列入2026年省重点项目，已完成主体工程。", "met"),
    (ESTATES, "澜州市2025年工作总结", "改造老旧小区126个：东城街道45个、西城街道81个。", "met"),
    ("新建高标准农田15万亩。", "澜州市2025年工作总结", "全市新建高标准农田15.2万亩。", "met"),
    # people in need are no difficulty
    ("加强困难妇女儿童关爱帮扶。", "东湖区2025年工作总结", "走访慰问困难妇女儿童1200人次。", "met"),
])
def test_what_a_summary_says_of_its_own_targets(plan: str, head: str, review: str, status: str) -> None:
    summary = f"{head}\n一、主要工作完成情况\n{review}\n二、下一步工作打算\n下一步要抓好落实。\n"
    base, other = _pair(_city_plan(plan), summary)
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("plan", "review", "status"), [
    # a target said not to be met in time, its words after it
    ("发展壮大新型农村集体经济，年底前全面消除集体经营性收入15万元以下的村。",
     "集体经营性收入15万元以上的村达到186个，但仍有7个村低于15万元，全面消除目标未能如期完成。", "not_met"),
    # a county's 县城 is its 城市: one scope for a rate
    ("实施城镇污水处理提质增效行动，城市生活污水集中收集率提高到76%。", "县城生活污水集中收集率提高到71%，较上年提高4个百分点。",
     "not_met"),
    # the changes of bad things that happened are no work done
    ("开展安全生产治本攻坚行动，确保全年生产安全事故起数和死亡人数“双下降”。",
     "全年发生生产安全事故11起、死亡9人，起数和死亡人数同比分别上升10%和12.5%。", "not_met"),
    # a rate short of its target, and a count that is the unit's share of a total: one item done of two
    ("推进紧密型县域医共体建设，县域内就诊率达到90%以上，全年新建标准化村卫生室60个。",
     "紧密型县域医共体建设通过省级评估，县域内就诊率达到86.5%，新建标准化村卫生室18个。", "partial"),
])
def test_what_a_countys_report_says_of_its_citys_targets(plan: str, review: str, status: str) -> None:
    base, other = _pair(_city_plan(plan), _unit_review(review, "石岭县", "县长 李明"))
    assert compare(base, [other]).directives[0].results[0].status == status


def test_a_problems_paragraph_after_a_short_sentence_or_opening_on_difficulties_is_no_evidence() -> None:
    plan = _city_plan("全社会研发经费投入强度提高到2.4%。\n全市农村生活污水治理率提高到48%。")
    for problems in ("当前，我县发展仍面临不少困难：研发投入强度仅为1.2%，农村生活污水治理率仅为42%。",
                     "成绩来之不易。同时也要看到，研发投入强度仅为1.2%，农村生活污水治理率仅为42%。"):
        review = _unit_review(f"全县经济运行总体平稳。\n{problems}", "石岭县", "县长 李明")
        base, other = _pair(plan, review)
        assert [d.results[0].status for d in compare(base, [other]).directives] == ["unknown", "unknown"], problems


PARTY_PLAN = ("在全县2025年党建工作会议上的讲话\n中共澄岚县委书记　韩立峰\n同志们：\n一、2024年工作回顾\n全县党建工作扎实推进。\n"
              "二、2025年重点任务\n{body}\n")


@pytest.mark.parametrize(("plan", "review", "status"), [
    # a per-town quota met, reported by a town's party committee (its share of the county's total)
    ("深入实施“岚峰领航”工程，年内全县创建“五星”党支部40个，每个乡镇（街道）至少创建3个。", "全年创建“五星”党支部4个。", "met"),
    # coverage said in words (逐一), a zero to reach reached, coverage or a requirement said to be missed
    ("年内对全县村（社区）党组织书记开展一次全覆盖的分析研判。", "对全镇15名村（社区）党组织书记逐一开展分析研判。", "met"),
    ("各乡镇党委要注重发展党员，确保年内两年以上未发展党员的村全部清零。", "原有的3个两年以上未发展党员的村，年内均发展了党员，实现全部清零。",
     "met"),
    ("要大规模开展党员教育培训，年内实现全县党员集中轮训全覆盖。", "街道党员集中轮训仅组织1期，参训党员占比62%，未实现全覆盖。", "not_met"),
    ("各乡镇要按照每个村不少于2名的标准储备村“两委”后备力量。",
     "全镇15个村共储备“两委”后备力量26名，下坪等4个村仍不足2名，未达到每个村不少于2名的要求。", "not_met"),
    # work still going on
    ("要深入开展信访积案化解攻坚行动，全县排查出的52件信访积案要在年底前全部化解到位。", "县里交办的6件信访积案化解5件，剩余1件因当事人诉求超出政策范围，仍在持续做工作。", "partial"),
    # a zero not reached, or to be reached later
    ("各乡镇党委要注重发展党员，确保年内两年以上未发展党员的村全部清零。", "两年以上未发展党员的村由3个减少到1个，还没有全部实现清零。", "not_met"),
    ("各乡镇党委要注重发展党员，确保年内两年以上未发展党员的村全部清零。", "两年以上未发展党员的村由3个减少到1个，力争2026年实现清零。", "not_met"),
    # 逐一 with some left; coverage of one item said, another item's not
    ("要关心关爱困难党员，年内实现走访慰问全覆盖。", "逐一登门走访慰问困难党员42人，剩余8人计划春节前走访。", "partial"),
    ("要大规模开展党员教育培训，年内实现全县党员集中轮训全覆盖。", "党员集中轮训实现全覆盖，流动党员线上学习因外出务工未实现全覆盖。", "met"),
    # a requirement of another kind, a task not done by others, follow-up work after the task done
    ("各乡镇要按照每个村不少于2名的标准储备村“两委”后备力量。", "全镇15个村共储备“两委”后备力量36名，清退未达到任职要求的人员3名。", "met"),
    ("要推进植树造林，年内全县植树造林1万亩。", "全镇完成植树造林1500亩，超额完成县下达任务，对年度任务未完成的2个村进行通报。", "met"),
    ("要深入开展信访积案化解攻坚行动，全县排查出的52件信访积案要在年底前全部化解到位。",
     "县里交办的6件信访积案全部化解到位，对已化解案件仍在持续做好跟踪回访。", "met"),
])
def test_a_party_committees_summary_of_its_part(plan: str, review: str, status: str) -> None:
    summary = f"石渠镇党委2025年党建工作总结\n一、工作完成情况\n{review}\n二、存在问题\n个别村党组织凝聚力不强。\n三、2026年工作打算\n要抓好落实。\n"
    base, other = _pair(PARTY_PLAN.format(body=plan), summary)
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("heading", "line", "status"), [
    # a heading on problems put right reports what was done; a short framing that is no turn to problems
    ("一、存在问题整改落实情况", "对县委巡察反馈的12个问题全部整改到位。", "met"),
    ("一、工作完成情况", "党建引领作用凸显。我们也认识到，抓党建就是抓发展。\n全年发展党员15名。", "met"),
])
def test_what_is_no_problems_part(heading: str, line: str, status: str) -> None:
    plan = PARTY_PLAN.format(body="要抓好巡察反馈问题整改，确保年内全部整改到位，全县年内发展党员200名。")
    summary = f"石渠镇党委2025年党建工作总结\n{heading}\n{line}\n三、2026年工作打算\n要抓好落实。\n"
    base, other = _pair(plan, summary)
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("review", "status"), [
    ("县城生活污水集中收集率达到78%，城镇生活污水集中收集率达到60%。", "met"),  # each scope where it is named
    ("新建标准化村卫生室18个，县域内就诊率86.5%。", "partial"),
])
def test_scopes_and_shares_after_review(review: str, status: str) -> None:
    plan = _city_plan("要加强城市污水治理，城市生活污水集中收集率达到75%。\n要提升基层医疗服务能力，县域内就诊率达到90%以上，全年新建标准化村卫生室60个。")
    base, other = _pair(plan, _unit_review(review, "石岭县", "县长 李明"))
    key = "污水" if "污水" in review else "医疗"
    assert next(d for d in compare(base, [other]).directives if key in d.text).results[0].status == status


def test_a_work_reports_place_from_its_congress_in_the_byline() -> None:
    """A prefecture titled 政府工作报告 speaks for the 自治州 whose congress it was read to: a narrower level than
    its province, its own count its share."""
    plan = ("政府工作报告\n——2025年1月15日在沧澜省第十四届人民代表大会第四次会议上\n一、2024年工作回顾\n全省经济运行总体平稳。\n"
            "二、2025年重点任务\n改造老旧小区1200个。\n")
    report = ("政府工作报告\n——2026年1月8日在黔东南苗族侗族自治州第十五届人民代表大会第五次会议上\n一、2025年工作回顾\n"
              "改造老旧小区21个。\n二、2026年工作安排\n今年要稳中求进。\n")
    base, other = _pair(plan, report)
    result = compare(base, [other])
    assert result.documents[0].unit == "黔东南苗族侗族自治州"
    assert result.directives[0].results[0].status == "met"


def test_a_quota_is_set_by_the_units_the_task_names_not_by_one_inherited() -> None:
    """新增普惠性托位800个 after 各街道（镇）年内至少建成1个…: a total of the district, done by a 街道's own 120 (the
    actor the sentence inherits does not make it a quota of each)."""
    plan = ("棠溪区2025年重点工作任务清单\n一、2024年工作回顾\n全区经济运行总体平稳。\n二、2025年重点任务\n"
            "各街道（镇）年内至少建成1个区域性养老服务综合体。大力发展普惠托育服务，新增普惠性托位800个。\n")
    review = _unit_review("新增普惠性托位120个，辖区托育机构达到6家。", "桐荫街道", "办事处主任 李明")
    base, other = _pair(plan, review)
    row = next(d for d in compare(base, [other]).directives if "托位" in d.text)
    assert row.results[0].status == "met", row.results[0]



def test_a_unit_named_only_in_the_first_sentence() -> None:
    text = "2025年工作总结\n2025年，柏溪县农业农村局在县委、县政府的坚强领导下，全力推进各项工作。\n一、主要工作\n新建5个站。\n"
    assert document_unit(analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))) == "柏溪县农业农村局"


@pytest.mark.parametrize(("plan_body", "review", "status"), [
    # two targets of one metric are one target spoken of
    ("粮食产量稳定在27万吨以上，粮食产量力争增长2%。", "粮食产量26.4万吨，未达到27万吨的年度目标。", "not_met"),
    # a quota done over, and work under way on something else
    ("年内每个乡镇新建幼儿园2所。", "新建幼儿园3所，超额完成年度任务，其余项目正在开展前期工作。", "met"),
    # a quota inherited from the task before, which named the units and set no figure
    ("各乡镇要加快完善养老服务网络。年内建成2个社区助餐点。", "建成社区助餐点1个。", "not_met"),
    ("各乡镇要加快完善养老服务网络。年内建成2个社区助餐点。", "建成社区助餐点1个，另1个正在装修。", "partial"),
])
def test_statuses_after_review(plan_body: str, review: str, status: str) -> None:
    base, other = _pair(_city_plan(plan_body).replace("澜州市", "东湖区"), _unit_review(review, "青石镇", "镇长 王立"))
    row = next(d for d in compare(base, [other]).directives if d.results[0].evidence)
    assert row.results[0].status == status, (row.text, row.results[0])


@pytest.mark.parametrize(("plan_body", "review", "status"), [
    # a quota said to be missed: the target's own figure restated is no count done
    ("各乡镇年内至少完成农村户厕改造300户。", "全年完成农村户厕改造186户，未完成300户的年度目标任务。", "not_met"),
    # bad things that happened are no work done: a fall to achieve, missed
    ("确保全年生产安全事故起数和死亡人数实现“双下降”。", "全年发生生产安全事故3起、死亡2人，事故起数和死亡人数同比均有上升。",
     "not_met"),
    # a rate no lexicon names, by its own name: below, reached, reached with a remainder
    ("年底前农村自来水普及率达到98%。", "全镇农村自来水普及率由93.1%提高到96.3%。", "not_met"),
    ("年底前农村自来水普及率达到95%。", "全镇农村自来水普及率由93.1%提高到96.3%。", "met"),
    ("年底前农村自来水普及率达到95%。", "完成3处集中供水工程改造，剩余1处延至明年实施，全镇农村自来水普及率达到96.3%。",
     "partial"),
    # a change in percent no lexicon names, by its own name
    ("全面推行涉企行政检查“扫码入企”，涉企行政检查频次同比下降30%以上。", "全面推行涉企检查“扫码入企”，检查频次同比下降35%。",
     "met"),
    ("全面推行涉企行政检查“扫码入企”，涉企行政检查频次同比下降30%以上。", "全面推行涉企检查“扫码入企”，检查频次同比下降22%。",
     "not_met"),
    # a rate named with others (、), a target restated, a rate of another scope
    ("年底前农村自来水普及率达到95%。", "全镇农村自来水普及率达到96.3%、卫生厕所普及率达到85%。", "met"),
    ("年底前农村生活污水治理率达到60%。", "农村生活污水治理率达到52%，全镇城镇生活污水治理率由92%提高到98%。", "not_met"),
    # a change told in words, a comparison with another figure, a scope the sentence does not repeat
    ("年底前农村自来水普及率达到95%。", "全镇农村自来水普及率较上年由93.1%提高到96.3%。", "met"),
    ("年底前农村自来水普及率达到95%。", "全镇农村自来水普及率在上年93.1%的基础上提高到96.3%。", "met"),
    ("年底前农村自来水普及率达到95%。", "全镇农村自来水普及率达到96.3%，比上年农村自来水普及率92.1%提高4.2个百分点。",
     "met"),
    ("年底前农村自来水普及率达到95%。", "全镇自来水普及率达到90.2%。", "not_met"),
    ("年底前农村自来水普及率达到95%。", "全区农村自来水普及率达到93.8%。", "not_met"),  # the whole's own figure
    ("要推动餐饮场所燃气泄漏报警装置安装实现全覆盖。", "镇区餐饮场所燃气泄漏报警装置安装率为72%，尚未全部实现应装尽装。",
     "partial"),
    # a coverage said not to be reached yet, and one kept whatever the difficulty
    ("要推动餐饮场所燃气泄漏报警装置安装实现全覆盖。", "在经营主体大幅增加的情况下，镇区餐饮场所燃气泄漏报警装置仍实现应装尽装。",
     "met"),
    ("要推动餐饮场所燃气泄漏报警装置安装实现全覆盖。", "镇区餐饮场所燃气泄漏报警装置安装率为72%，尚未实现应装尽装。",
     "partial"),
    # one item reached is the task done: a coverage the sentence does not state does not make it partial
    ("住宅小区电动自行车充电设施要做到全覆盖，各乡镇新增充电端口500个。", "新增电动自行车充电端口520个。", "met"),
    # a coverage stated in words
    ("要推动餐饮场所燃气泄漏报警装置安装实现全覆盖。", "镇区餐饮场所燃气泄漏报警装置实现应装尽装。", "met"),
])
def test_statuses_by_targets(plan_body: str, review: str, status: str) -> None:
    base, other = _pair(_city_plan(plan_body).replace("澜州市", "东湖区"), _unit_review(review, "青石镇", "镇长 王立"))
    row = next(d for d in compare(base, [other]).directives if d.results[0].evidence)
    assert row.results[0].status == status, (row.text, row.results[0])


@pytest.mark.parametrize(("review", "status"), [
    ("全市新建老年助餐点24个。", "not_met"),  # the whole city's total, in its lead bureau's summary: 24 of 30
    ("全年，全市新建老年助餐点32个。", "met"),
    ("新建老年助餐点4个。", "met"),  # the bureau's own share
    ("在全市率先新建老年助餐点4个。", "met"),  # a first in the city is no total of it
    ("全市率先新建老年助餐点4个。", "met"),
    ("全市域推进老年助餐服务，新建老年助餐点4个。", "met"),
])
def test_a_sentence_giving_the_whole_scopes_total_is_compared_with_it(review: str, status: str) -> None:
    plan = _city_plan("大力发展老年助餐服务，全市新建老年助餐点30个。")
    summary = f"澜州市民政局2025年工作总结\n一、主要工作成效\n{review}\n二、2026年工作打算\n继续推进养老服务。\n"
    base, other = _pair(plan, summary)
    assert compare(base, [other]).directives[0].results[0].status == status


def test_a_run_in_points_label_is_no_evidence() -> None:
    """二是抓人居环境和生态保护。 names and sums up a field; the sentence after it reports the work. Where that sentence
    reports another task, the label says nothing of this one (七是从严控制一般性支出。 then 三公经费下降8.5%: nothing of
    the towns' 一般性支出压减10%)."""
    plan = _city_plan("持续抓好农村人居环境和生态保护，新建改造农村户厕3200户，农村生活垃圾无害化处理率保持100%。")
    review = _unit_review("二是抓人居环境和生态保护。新改建农村卫生户厕260户，农村生活垃圾无害化处理率保持100%。", "青石镇",
                          "镇长 王立")
    base, other = _pair(plan.replace("澜州市", "东湖区"), review)
    evidence = compare(base, [other]).directives[0].results[0].evidence
    assert evidence and all(not e.text.startswith("二是") for e in evidence)
    # where nothing else reports the field, the label that sums it up is no evidence either
    alone = _unit_review("二是抓人居环境和生态保护。全镇新建文化广场3个。", "青石镇", "镇长 王立")
    result = compare(base, [_pair(plan.replace("澜州市", "东湖区"), alone)[1]]).directives[0].results[0]
    assert (result.status, result.evidence) == ("unknown", ()), result
    # a label that states its result is a report
    done = _unit_review("二是全面完成农村户厕新建改造任务。全镇新建文化广场3个。", "青石镇", "镇长 王立")
    result = compare(base, [_pair(plan.replace("澜州市", "东湖区"), done)[1]]).directives[0].results[0]
    assert [e.text for e in result.evidence] == ["二是全面完成农村户厕新建改造任务。"], result


@pytest.mark.parametrize(("title", "review", "status"), [
    ("2025年工作总结", "全年完成食品安全监督抽检2780批次，较上年增加310批次。", "not_met"),  # short of its quota
    ("2025年上半年工作总结", "上半年完成食品安全监督抽检1780批次，较上年增加310批次。", "partial"),  # not due yet
    ("2025年工作总结", "全年完成食品安全监督抽检3120批次，较上年增加310批次。", "met"),
    # a table line: the unit's own target decides
    ("2025年工作总结", "食品安全监督抽检：3215批次／3000批次", "met"),
    ("2025年工作总结", "食品安全监督抽检：2980批次／3100批次", "not_met"),
    # the whole year, or a part of it inside the whole year's figure
    ("2025年工作总结", "1-12月，全县完成食品安全监督抽检2780批次。", "not_met"),
    ("2025年工作总结", "全年完成食品安全监督抽检2780批次，其中第一季度完成720批次。", "not_met"),
    # part of the year, set against the whole year's task
    ("2025年1-6月工作开展情况的汇报", "1-6月，全县完成食品安全监督抽检1780批次，完成全年任务的59.3%。", "partial"),
    # a half-year summary: the year's opening and the 要 of 要求 are no plan
    ("2025年上半年工作总结\n2025年6月28日", "2025年1—6月，我局按照市局要求，完成食品安全监督抽检1780批次。", "partial"),
])
def test_a_quota_in_a_full_year_and_in_part_of_it(title: str, review: str, status: str) -> None:
    plan = ("澄州市市场监督管理局2025年工作要点\n一、守牢食品安全底线\n"
            "各县（区）局要全年完成食品安全监督抽检不少于3000批次，不合格食品核查处置率达到100%。\n")
    summary = f"枫溪县市场监督管理局{title}\n一、主要工作及成效\n{review}\n二、2026年工作计划\n继续抓好食品安全。\n"
    base, other = _pair(plan, summary)
    row = next(d for d in compare(base, [other]).directives if "抽检" in d.text)
    assert row.results[0].status == status, row.results[0]


@pytest.mark.parametrize("plans", ["2026年，我局将推进“护梯安居”住宅电梯隐患专项治理，确保完成市局下达的各项任务。",
                                   "2026年，为了守牢电梯安全底线，我局将开展“护梯安居”住宅电梯隐患专项治理。"])
def test_what_a_unit_plans_at_the_end_of_its_review_is_no_evidence(plans: str) -> None:
    """2026年，我局将…, at the end of a review that runs into the plans, reports nothing done."""
    plan = ("澄州市市场监督管理局2025年工作要点\n一、优化消费环境\n"
            "要开展“护梯安居”住宅电梯隐患专项治理，对使用15年以上的住宅电梯全面开展安全评估。\n")
    report = ("云岙区市场监督管理局关于2025年工作情况的报告\n2025年12月20日\n1. 全年新增经营主体6842户，其中新设企业1530户。\n"
              f"{plans}\n")
    base, other = _pair(plan, report)
    row = next(d for d in compare(base, [other]).directives if "护梯安居" in d.text)
    assert row.results[0].status == "unknown", row.results[0]


def test_an_acronym_is_a_term() -> None:
    """全年新增ODR企业50家: ODR names the task; without it any 新增…企业 would do."""
    from nlp.match.evidence import terms_of_word

    assert terms_of_word("ODR") == {"ODR"}
    assert terms_of_word("5G") == frozenset() and terms_of_word("A") == frozenset()


@pytest.mark.parametrize(("review", "status"), [
    ("对药品零售企业检查覆盖率达到100%，医疗机构药品使用单位检查覆盖率为92%。", "partial"),  # one reached, one not
    ("12315投诉举报按时办结率99.0%，消费纠纷调解成功率76.4%。", "partial"),  # the bound words are no part of a name
])
def test_rates_named_twice_or_bounded(review: str, status: str) -> None:
    plan = _city_plan("持续开展药品安全巩固提升行动，辖区药品零售企业和使用单位年度监督检查覆盖率达到100%。\n"
                      "12315投诉举报按时办结率达到98%以上，消费纠纷调解成功率不低于80%。").replace("澜州市", "东湖区")
    base, other = _pair(plan, _unit_review(review, "青石镇", "镇长 王立"))
    row = next(d for d in compare(base, [other]).directives if d.results[0].evidence)
    assert row.results[0].status == status, row.results[0]


def test_a_clause_naming_a_bare_rate_measures_the_clause_before_it() -> None:
    """…工作机制，年底前覆盖率达到95%以上: a sentence giving another 覆盖率 is no evidence of it."""
    plan = _city_plan("督促食品生产经营企业建立“日管控、周排查、月调度”工作机制，年底前覆盖率达到95%以上。").replace("澜州市", "东湖区")
    review = _unit_review("对辖区药品零售企业和使用单位开展监督检查412家，检查覆盖率100%。", "青石镇", "镇长 王立")
    base, other = _pair(plan, review)
    assert compare(base, [other]).directives[0].results[0].status == "unknown"


def test_a_party_committees_whole_is_its_places() -> None:
    from nlp.match.compare import _whole

    assert _whole((None, "柏溪县委")) == "全县"
    assert _whole((None, "柏溪县民政局")) is None  # a department: its units report their own


@pytest.mark.parametrize(("review", "status"), [
    ("新建老年助餐点4个，对未完成年度建设任务的2个村进行约谈督办。", "met"),  # who missed it is another unit
    ("新建老年助餐点4个，按规定将结余资金结转至下一年度统筹使用。", "met"),  # funds carried over are no work left
])
def test_a_quota_done_whatever_else_the_sentence_says(review: str, status: str) -> None:
    base, other = _pair(_city_plan("各乡镇年内至少新建老年助餐点3个。").replace("澜州市", "东湖区"),
                        _unit_review(review, "青石镇", "镇长 王立"))
    row = next(d for d in compare(base, [other]).directives if d.results[0].evidence)
    assert row.results[0].status == status, row.results[0]


@pytest.mark.parametrize(("task", "line", "status"), [
    ("各县（区）局要全年确保特种设备事故死亡人数控制在5人以内。", "特种设备事故死亡人数：7人／5人", "not_met"),  # a ceiling
    ("各县（区）局要确保全年空气质量优良天数达到330天。", "空气质量优良天数：320天／330天", "not_met"),  # days counted up
    # the task's ceiling is in another unit: the line's count is counted up
    ("各县（区）局要全年完成食品安全监督抽检不少于3000批次，不合格率控制在3%以内。", "食品安全监督抽检：3215批次／3000批次",
     "met"),
])
def test_a_table_line_is_judged_in_its_targets_direction(task: str, line: str, status: str) -> None:
    plan = f"澄州市市场监督管理局2025年工作要点\n一、守牢安全底线\n{task}\n"
    summary = f"枫溪县市场监督管理局2025年工作总结\n一、主要工作及成效\n{line}\n二、2026年工作计划\n继续抓好安全。\n"
    base, other = _pair(plan, summary)
    row = next(d for d in compare(base, [other]).directives if d.results[0].evidence)
    assert row.results[0].status == status, row.results[0]


def test_a_line_of_two_counts_is_no_figure_against_its_target() -> None:
    from nlp.match.evidence import OWN_TARGET

    assert OWN_TARGET.match("受理消费投诉举报／按时办结：356件／342件") is None
    assert OWN_TARGET.match("新增经营主体：7320户／6500户") is not None


def test_a_quota_is_set_by_units_named_before_its_figure() -> None:
    """年内建成甲级村卫生室20个，每个乡镇卫生院均要达到…: the 20 is the county's total, done by a town's own 2; the 每 is
    the later clause's."""
    plan = _city_plan("提升基层医疗卫生服务能力，年内建成甲级村卫生室20个，每个乡镇卫生院均要达到“优质服务基层行”基本标准。")
    review = _unit_review("新建青石岭、沙河口2个甲级村卫生室，镇卫生院新增康复理疗科。", "青石镇", "镇长 王立")
    base, other = _pair(plan.replace("澜州市", "东湖区"), review)
    assert compare(base, [other]).directives[0].results[0].status == "met"


def test_a_headings_own_sentence_is_evidence_only_where_nothing_else_is() -> None:
    plan = _city_plan("加快建设高铁站连接线，确保年底前建成通车。").replace("澜州市", "东湖区")
    report = ("东湖区交通运输局关于2025年重点工作任务完成情况的报告\n一、任务完成情况\n（一）关于高铁站连接线建设的任务。\n"
              "高铁站连接线路面工程完成约40%，未能实现年底前建成通车的目标。\n二、2026年工作打算\n继续推进。\n")
    base, other = _pair(plan, report)
    result = compare(base, [other]).directives[0].results[0]
    assert result.evidence[0].text.startswith("高铁站连接线路面") and result.status == "not_met", result


def test_a_task_list_speaks_for_its_titles_place_not_for_who_leads_a_task() -> None:
    text = ("澜溪区2025年区政府重点工作任务分解表\n\n各街道办事处，区政府各部门，各有关单位：\n现将任务分解如下。\n\n"
            "一、城市更新\n1. 既有住宅加装电梯50部。\n牵头单位：区住房和城乡建设局  配合单位：各街道\n")
    assert document_unit(analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))) == "澜溪区"


@pytest.mark.parametrize(("line", "unit"), [
    ("加快构建东湖区全域旅游发展新格局", None), ("奋力推动柏溪县经济社会发展开创新局面", None),  # 格局, 局面: no bureau
    ("枫溪县人力资源和社会保障局2025年工作总结", "枫溪县人力资源和社会保障局"), ("各街道办事处", None),
])
def test_an_organ_named_on_a_line(line: str, unit: str | None) -> None:
    from nlp.match.compare import _organ

    assert _organ(line) == unit


def test_a_task_table_against_a_table_of_its_progress() -> None:
    """A 任务分解表 as a table, reported on by a table of the same tasks with a 完成情况 column: each row is the
    evidence of its task, judged by the cells after the task it restates (完成3个 against 5个, not the task's 5)."""
    plan = ("青禾县2025年重点工作任务分解表\n序号\t重点任务\t牵头单位\t完成时限\n1\t改造城镇老旧小区12个\t县住建局\t2025年11月底\n"
            "2\t新建高标准农田3万亩\t县农业农村局\t2025年10月底\n3\t新建公园5个\t县城管局\t2025年12月底\n")
    report = ("青禾县2025年重点工作任务完成情况\n序号\t重点任务\t牵头单位\t完成情况\n1\t改造城镇老旧小区12个\t县住建局\t已全部完成\n"
              "2\t新建高标准农田3万亩\t县农业农村局\t完成2.1万亩，剩余0.9万亩结转至2026年\n3\t新建公园5个\t县城管局\t完成3个\n")
    base, other = _pair(plan, report)
    rows = compare(base, [other]).directives
    assert [(d.text, d.results[0].status) for d in rows] == [
        ("改造城镇老旧小区12个", "met"), ("新建高标准农田3万亩", "partial"), ("新建公园5个", "not_met")]
    assert all(d.text in d.results[0].evidence[0].text for d in rows)


PROGRESS_PLAN = ("青禾县2025年重点工作任务分解表\n序号\t重点任务\t牵头单位\t完成时限\n1\t改造城镇老旧小区12个\t县住建局\t2025年11月底\n"
                 "2\t新建公园5个\t县城管局\t2025年12月底\n")


@pytest.mark.parametrize(("header", "cells", "statuses"), [
    # what became of the task read in the progress column only, not in 存在问题 or 下步措施
    ("完成情况\t存在问题", ["已全部完成\t个别小区配套设施不完善", "建成3个\t资金不足"], ["met", "not_met"]),
    ("完成情况\t下步措施", ["已全部完成\t2026年计划再改造8个", "已建成5个\t加强养护"], ["met", "met"]),
    # an empty or placeholder cell says nothing; a share done as a bare percentage
    ("完成情况", ["/", ""], ["unknown", "unknown"]),
    ("完成情况", ["完成60%", "已建成5个"], ["not_met", "met"]),
    # a state column beside it says where the task stands, whatever the figures: on its way, behind, done
    ("进展情况\t状态", ["已开工10个，完工8个\t序时推进", "已建成4个\t滞后"], ["partial", "not_met"]),
    ("进展情况\t状态", ["完成改造12个\t已完成", "尚有1个未完工\t进度滞后"], ["met", "not_met"]),
    # no state column: a progress cell closing on the state says it as one would (…，已完成; …，按序时推进)
    ("进展情况", ["开工10个，完工8个，已完成", "已建成4个，按序时推进"], ["met", "partial"]),
    ("进展情况", ["完工8个，其余4个正在施工", "已建成4个，未按期完成"], ["partial", "not_met"]),
    # (not a cell of parts: its last part's state is no state of the task)
    ("进展情况", ["城东片区8个小区：施工中；城西片区4个小区：已完成", "1.城东公园正在施工。2.城西公园：已建成"],
     ["not_met", "partial"]),
])
def test_a_table_of_progress_is_read_in_its_progress_column(header: str, cells: list[str], statuses: list[str]) -> None:
    report = (f"青禾县2025年重点工作任务完成情况\n序号\t重点任务\t牵头单位\t{header}\n"
              f"1\t改造城镇老旧小区12个\t县住建局\t{cells[0]}\n2\t新建公园5个\t县城管局\t{cells[1]}\n")
    base, other = _pair(PROGRESS_PLAN, report)
    assert [d.results[0].status for d in compare(base, [other]).directives] == statuses


@pytest.mark.parametrize(("review", "evidence"), [
    ("新增国家地理标志证明商标2件，新获绿色食品认证产品9个，瑧禾茶业有限公司获评省级专精特新中小企业。", False),
    ("全年为中小企业提供应急转贷服务5.3亿元。", True),
])
def test_those_a_service_is_for_are_no_object_of_the_task(review: str, evidence: bool) -> None:
    """全年为中小企业提供应急转贷服务: the task is the bridging loans, 中小企业 those they are for; a sentence naming
    such enterprises for something else is no evidence of it."""
    plan = _city_plan("将县级应急转贷资金池规模扩大至1亿元，全年为中小企业提供应急转贷服务5亿元以上。\n新建城市公园5个。")
    base, other = _pair(plan.replace("澜州市", "东湖区"), _unit_review(review + "\n" + _FILLER))
    assert bool(compare(base, [other]).directives[0].results[0].evidence) == evidence


@pytest.mark.parametrize(("review", "status"), [
    ("新建城市公园6个；", "met"),  # a district's share of the city's 50
    ("新建城市公园6个；另有3个正在施工，预计2026年春节前建成。", "partial"),  # more of it still being built
    ("新建城市公园6个；另有3个城市书房正在施工。", "met"),  # (more of another thing)
])
def test_more_of_the_task_said_under_way_after_its_figure(review: str, status: str) -> None:
    base, other = _pair(_city_plan("全年新建城市公园50个。\n新建城市书房20个。"), _unit_review(review + "\n" + _FILLER))
    assert compare(base, [other]).directives[0].results[0].status == status


def test_a_campaign_of_the_base_is_known_wherever_a_report_writes_it() -> None:
    """A bulletin's point naming a campaign of the plan (4.“个转企”培育行动（第7项）：…“个转企”163户) reports on it,
    though the bulletin's own extraction finds no campaign there."""
    plan = _city_plan("开展“个转企”培育行动，建立“个转企”重点培育库，全年推动个体工商户转型升级为企业150户以上。\n新建城市公园5个。")
    review = _unit_review("4.“个转企”培育行动（第7项）：全年完成“个转企”163户，完成年度任务的108.7%。\n" + _FILLER)
    base, other = _pair(plan.replace("澜州市", "东湖区"), review)
    result = compare(base, [other]).directives[0].results[0]
    assert result.status == "met" and "163户" in result.evidence[0].text


def test_a_campaign_of_the_base_is_not_known_inside_a_longer_word() -> None:
    """中国制造业 does not write “中国制造”: a name is known where the report's words start and end with it."""
    plan = _city_plan("加强标准引领和质量支撑，打造更多有影响力的“中国制造”品牌。\n新建城市公园5个。")
    review = _unit_review("3家企业进入中国制造业民营企业500强。\n" + _FILLER)
    base, other = _pair(plan.replace("澜州市", "东湖区"), review)
    assert compare(base, [other]).directives[0].results[0].status == "unknown"


@pytest.mark.parametrize(("period", "groups", "statuses"), [
    # the bulletin's own grouping of the tasks by where they stand, whatever each point's words
    ("2025年", ("（一）已完成的任务（1项）", "（二）进度滞后的任务（1项）"), ["met", "not_met"]),
    ("2025年", ("（一）正在推进的任务", "（二）已完成的任务"), ["partial", "met"]),
    # behind schedule at mid-year: not done yet, no shortfall of the year's task
    ("2025年上半年", ("（一）进展较快的工作", "（二）进度滞后的工作"), ["met", "partial"]),
])
def test_a_bulletins_groups_of_tasks_by_their_state(period: str, groups: tuple[str, str], statuses: list[str]) -> None:
    """A 督查通报 that lists the tasks under headings naming their state (已完成的任务, 正在推进的任务, 进度滞后的任务)
    gives each point under them that state, as a ledger's state column does."""
    report = (f"青禾县人民政府督查室\n关于{period}重点工作任务推进情况的督查通报\n一、总体情况\n各项任务总体推进有序。\n"
              f"二、分项推进情况\n{groups[0]}\n1.城镇老旧小区改造：开工改造城镇老旧小区12个，完工10个。\n"
              f"{groups[1]}\n1.新建公园：新建公园3个，其余2个正在选址。\n三、下一步要求\n各牵头单位要加快推进。\n")
    base, other = _pair(PROGRESS_PLAN, report)
    assert [d.results[0].status for d in compare(base, [other]).directives] == statuses


def test_a_plan_table_with_a_schedule_column_is_no_report() -> None:
    """时序进度, 进度安排: when a task is to be done, not what became of it."""
    plan = PROGRESS_PLAN
    report = ("青禾县2026年重点工作任务分解表\n序号\t重点任务\t牵头单位\t时序进度\n1\t改造城镇老旧小区12个\t县住建局\t"
              "6月底前开工，11月底前全部完成\n2\t新建公园5个\t县城管局\t12月底前建成5个\n")
    base, other = _pair(plan, report)
    assert [d.results[0].status for d in compare(base, [other]).directives] == ["unknown", "unknown"]


@pytest.mark.parametrize(("review", "status"), [
    ("两年以上未发展党员的村全部清零。", "met"),  # the 未 of the villages' name is no 未 of the clearing
    ("两年以上未发展党员的村全部清零，巩固成效仍需加强。", "met"),
    ("对全镇15名村（社区）党组织书记逐个开展分析研判。", "met"),
])
def test_clearing_and_coverage_said_plainly(review: str, status: str) -> None:
    plan = PARTY_PLAN.format(body="各乡镇党委要注重发展党员，确保年内两年以上未发展党员的村全部清零。\n"
                                  "年内对全县村（社区）党组织书记开展一次全覆盖的分析研判。")
    summary = f"石渠镇党委2025年党建工作总结\n一、工作完成情况\n{review}\n二、存在问题\n个别村党组织凝聚力不强。\n三、2026年工作打算\n要抓好落实。\n"
    base, other = _pair(plan, summary)
    key = "清零" if "清零" in review else "研判"
    assert next(d for d in compare(base, [other]).directives if key in d.text).results[0].status == status


@pytest.mark.parametrize(("header", "row", "status"), [
    ("工作进度", "已全部完成", "met"),  # 进度 of the work done (not 时序进度, 进度安排)
    ("年度目标\t实际完成", "12个\t8个", "not_met"),  # figures done read from their own column, not the target's
    ("年度目标\t实际完成", "12个\t—", "unknown"),
])
def test_progress_and_figures_done_columns(header: str, row: str, status: str) -> None:
    report = f"青禾县2025年重点工作任务完成情况\n序号\t重点任务\t牵头单位\t{header}\n1\t改造城镇老旧小区\t县住建局\t{row}\n"
    base, other = _pair(PROGRESS_PLAN, report)
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("review", "status"), [
    # a task restated with its figure before a comma, then what became of it: that figure is the unit's target
    ("改造城镇老旧小区12个，已完成8个。", "not_met"),
    ("改造城镇老旧小区12个，已全部完工。", "met"),
    ("改造城镇老旧小区12个，惠及居民2400户。", "met"),  # no word of what became of it: the clause is the result
])
def test_a_task_restated_before_a_comma(review: str, status: str) -> None:
    plan = ("澄岭县2025年政府工作报告\n澄岭县人民政府县长 周启明\n一、2024年工作回顾\n全县经济运行总体平稳。\n二、2025年重点任务\n"
            "改造城镇老旧小区12个。\n")
    summary = f"澄岭县住房和城乡建设局2025年工作总结\n一、主要工作\n{review}\n二、存在问题\n资金不足。\n三、2026年工作打算\n要抓好落实。\n"
    base, other = _pair(plan, summary)
    assert compare(base, [other]).directives[0].results[0].status == status


LEDGER = ("附件1\n岚州市2025年重点工作任务督办台账\n填报单位：{unit}（盖章）\t\t\t填报时间：2025年12月20日\n"
          "序号\t重点任务\t牵头单位\t完成时限\t进展情况\n"
          "1\t新改建农村公路300公里\t市交通运输局\t2025年12月底\t{cell}\n")


@pytest.mark.parametrize(("unit", "cell", "speaks_for", "status"), [
    # a ledger sent back filled in is a plan by its title, its filled rows still report; the unit filling it in
    # speaks for itself (a district's own 28 km of the city's 300 km is its share, done)
    ("柳湾区人民政府", "完成农村公路提档升级28公里，均已完工。", "柳湾区", "met"),
    ("市交通运输局", "新改建农村公路312公里，已全部完工。", "市交通运输局", "met"),
    ("柳湾区人民政府", "", "柳湾区", "unknown"),
])
def test_a_ledger_sent_back_filled_in(unit: str, cell: str, speaks_for: str, status: str) -> None:
    base, other = _pair(LEDGER.format(unit="", cell=""), LEDGER.format(unit=unit, cell=cell))
    comparison = compare(base, [other])
    assert comparison.documents[0].unit == speaks_for
    result = comparison.directives[0].results[0]
    assert result.status == status
    assert bool(result.evidence) == bool(cell)


def test_the_frame_of_minutes_and_a_time_tie_no_sentence_to_a_task() -> None:
    # (会议要求 and 第三季度 are said of every decided matter: a reply's sentence sharing only them is no evidence)
    base, other = _pair("县人民政府常务会议纪要\n一、关于耕地保护的问题\n会议要求，县自然资源局要于第三季度内完成永久基本农田核实整改补足工作。\n",
                        "县住建局关于落实会议议定事项情况的报告\n一、落实情况\n该项工作未能按会议要求在第三季度内完成。\n")
    assert compare(base, [other]).directives[0].results[0].status == "unknown"


def test_a_sentence_pointing_back_speaks_of_its_heading() -> None:
    # (该项工作未能…完成 under 三、永久基本农田核实整改补足: that task, not the other one due in the same quarter)
    plan = ("县人民政府常务会议纪要\n一、关于耕地保护的问题\n会议明确，由县自然资源局牵头，第三季度内完成全县永久基本农田核实整改补足工作。\n"
            "二、关于自建房的问题\n县住建局要于第三季度内完成全县经营性自建房安全隐患整治。\n")
    reply = ("县自然资源局关于落实会议议定事项情况的报告\n一、永久基本农田核实整改补足\n该项工作未能按会议要求在第三季度内完成。"
             "主要原因是省级系统9月中旬才开放数据上报端口。\n")
    base, other = _pair(plan, reply)
    first = compare(base, [other]).directives[0].results[0]
    assert first.status == "not_met" and first.evidence[0].text.startswith("该项工作"), first


RECTIFICATION = ("柘湾县督察反馈问题整改落实方案\n三、整改任务清单\n序号\t问题表现\t整改目标\t整改措施\t责任单位\t整改时限\n"
                 "1\t老城区雨污合流管网未改造\t雨污分流全面完成\t实施老城区雨污分流改造工程，完成合流管网改造18公里。\t县住建局\t2025年12月底前\n"
                 "2\t农村生活污水处理设施不正常运行\t正常运行率90%以上\t对15座不正常运行设施逐座整改。\t县生态环境分局\t2025年12月底前\n"
                 "3\t农药包装废弃物回收体系不健全\t回收率80%以上\t建成镇级农业废弃物集中转运点。\t县农业农村局\t2025年9月底前\n"
                 "四、保障措施\n（一）加强组织领导。\n")


def test_a_rectification_list_and_a_table_of_what_became_of_its_problems() -> None:
    """A rectification list's tasks are its 整改措施 (not its 问题表现, nor 四、保障措施); a unit's table of its problems
    with 整改情况 and 完成状态 reports on them, judged by both."""
    report = ("桑陂镇关于督察反馈问题整改落实情况的报告\n二、整改任务完成情况\n序号\t问题\t整改情况\t完成状态\n"
              "1\t老城区雨污合流管网未改造\t完成合流管网改造18公里\t已完成\n"
              "2\t农村生活污水处理设施不正常运行\t4座设施已整改恢复运行3座，剩余1座正在修复\t正在推进\n"
              "3\t农药包装废弃物回收体系不健全\t因选址未落实，镇级农业废弃物集中转运点未按期建成\t未完成\n")
    base, other = _pair(RECTIFICATION, report)
    rows = compare(base, [other]).directives
    assert [d.text for d in rows] == ["实施老城区雨污分流改造工程，完成合流管网改造18公里。", "对15座不正常运行设施逐座整改。",
                                      "建成镇级农业废弃物集中转运点。", "（一）加强组织领导。"]
    assert [d.results[0].status for d in rows] == ["met", "partial", "not_met", "unknown"]


def test_a_run_in_point_on_results_makes_no_review_part() -> None:
    # (五是巩固信访件办理成效 reads as a review heading; the points before it are no less what the unit did)
    report = ("县生态环境分局关于督察反馈问题整改落实情况的报告\n县整改办：\n现将整改落实情况报告如下。\n"
              "一是攻坚水环境突出问题。全县农村生活污水处理设施15座已全部整改，正常运行率达到95.2%。\n"
              "二是巩固信访件办理成效。对已办结信访件开展回头看，未发现问题反弹。\n")
    base, other = _pair(RECTIFICATION, report)
    assert compare(base, [other]).directives[1].results[0].status == "met"


def test_a_time_limit_is_kept_under() -> None:
    # (3个工作日内办结 is a ceiling of working days: 1.6 is within it; 个工作日 is the unit, not 个)
    base, other = _pair("澜州市政务服务和数据管理局2025年工作要点\n一、重点任务\n要推行信用修复“一网通办”，信用修复申请3个工作日内办结。\n",
                        "澜州市政务服务和数据管理局2025年工作总结\n一、主要工作成效\n"
                        "将信用修复纳入“一网通办”，信用修复申请平均办理时间压缩至1.6个工作日。\n")
    assert compare(base, [other]).directives[0].results[0].status == "met"


@pytest.mark.parametrize(("said", "status"), [("88%", "not_met"), ("100%", "met")])
def test_a_rate_named_bare_measures_its_clause_before(said: str, status: str) -> None:
    # (年内覆盖率达到100% is the rate of 扫码入企, compared with a district's own: no share of a total)
    base, other = _pair(_city_plan("严格规范涉企行政检查，全面推行行政执法“扫码入企”，年内覆盖率达到100%。"),
                        "东湖区2025年工作总结\n东湖区人民政府\n一、主要工作成效\n"
                        f"区级行政执法部门入企检查“扫码入企”覆盖率达到{said}。\n二、存在问题\n部分部门执行不到位。\n")
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("said", "status"), [
    ("全市68个镇（街道）中已设立“帮办代办”窗口的有41个，北塘区进度偏慢。", "partial"),  # so many of all: the rest left
    ("68个镇（街道）已全部设立“帮办代办”窗口。", "met"),
    ("在城中村1个、镇（街道）68个设立“帮办代办”窗口。", "met"),  # (城中村 is no “of all”)
])
def test_so_many_of_all_done_is_partial(said: str, status: str) -> None:
    base, other = _pair(_city_plan("推动政务服务向基层延伸，9月底前在全市所有镇（街道）便民服务中心设立“帮办代办”窗口。"),
                        f"澜州市政务服务和数据管理局2025年工作总结\n一、主要工作成效\n{said}\n")
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize("head", ["在全县乡村振兴工作会议上的讲话\n同志们：", "讲话\n县委书记　顾承远\n同志们："])
def test_a_speech_naming_no_place_speaks_for_its_level(head: str) -> None:
    # (the whole it addresses, 全县, or its speaker's office, 县委书记: a town's own figure is its share of the county's)
    base, other = _pair(f"{head}\n要持续推进农村厕所革命，年内完成农村户厕改造3000户。\n",
                        "杏溪镇2025年工作总结\n一、主要工作成效\n完成农村户厕改造420户。\n")
    assert compare(base, [other]).directives[0].results[0].status == "met"


def test_a_table_of_indicators_reports_on_the_tasks_it_names() -> None:
    # (指标名称 目标任务 完成情况 完成率: the indicator names the task; 目标任务 holds the figures to reach, no task)
    base, other = _pair(_city_plan("持续推进农村厕所革命，年内完成农村户厕改造4000户。\n要大力发展生态茶园，新发展生态茶园8000亩。").replace("澜州市", "东湖区"),
                        "龙坳镇2025年工作总结\n一、主要指标完成情况\n指标名称\t目标任务\t完成情况\t完成率\n"
                        "农村户厕改造（户）\t400\t412\t103.0%\n新发展生态茶园（亩）\t800\t560\t70.0%\n")
    rows = compare(base, [other]).directives
    assert [r.results[0].evidence[0].text.split("\t")[0] for r in rows] == ["农村户厕改造（户）", "新发展生态茶园（亩）"]


def test_a_sentence_pointing_back_speaks_of_the_sentence_before_it() -> None:
    # (该项工作 after 建成污水处理设施9座: the sewage works, not the toilets its heading also names)
    plan = ("澜州市农业农村局2025年工作要点\n一、重点任务\n要推进农村厕所革命，年内完成农村户厕改造2000户。\n"
            "要加强农村生活污水治理，年内建成污水处理设施15座。\n")
    report = ("澜州市农业农村局2025年工作总结\n一、主要工作成效\n（一）农村厕所革命和生活污水治理\n"
              "全市完成户厕改造2100户，超额完成年度任务。建成污水处理设施9座。该项工作因资金未到位，未能按期完成。\n")
    base, other = _pair(plan, report)
    assert [d.results[0].status for d in compare(base, [other]).directives] == ["met", "not_met"]


@pytest.mark.parametrize(("said", "status"), [("45个工作日", "not_met"), ("12个工作日", "met")])
def test_a_time_limit_against_the_time_taken(said: str, status: str) -> None:
    base, other = _pair("澜州市住房和城乡建设局2025年工作要点\n一、重点任务\n要深化工程建设项目审批制度改革，提高审批效率，"
                        "工程建设项目全流程审批在30个工作日内办结。\n",
                        "澜州市住房和城乡建设局2025年工作总结\n一、主要工作成效\n深化工程建设项目审批制度改革，"
                        f"全流程审批平均用时{said}。\n")
    assert compare(base, [other]).directives[0].results[0].status == status


MILESTONE_PLAN = ("筠阳市生态环境局2025年重点工作推进计划\n序号\t重点工作\t年度目标\t第一季度\t第二季度\t第三季度\t第四季度\t责任科室\n"
                  "1\t入河排污口整治\t完成全市186个入河排污口分类整治\t完成溯源建档\t完成30%\t完成70%\t全面完成\t水生态环境科\n")


@pytest.mark.parametrize(("title", "said", "status"), [
    # (a report on part of the year against the milestone due by then, not against the year's target)
    ("2025年前三季度重点工作进展情况", "入河排污口分类整治完成75%。", "met"),
    ("2025年前三季度重点工作进展情况", "入河排污口分类整治完成50%。", "not_met"),
    ("2025年第一季度工作总结", "启动入河排污口分类整治，完成全市186个入河排污口溯源建档。", "met"),
    ("2025年工作总结", "入河排污口分类整治完成75%。", "not_met"),  # (the year's target: all of them)
])
def test_a_report_on_part_of_the_year_against_its_quarters_milestone(title: str, said: str, status: str) -> None:
    base, other = _pair(MILESTONE_PLAN, f"筠阳市生态环境局{title}\n一、主要工作进展\n{said}\n")
    assert compare(base, [other]).directives[0].results[0].status == status


MILESTONES = ("青石县住房和城乡建设局2025年重点工作推进计划\n序号\t重点工作\t年度目标\t第一季度\t第二季度\t第三季度\t第四季度\t责任科室\n"
              "1\t农村危房改造\t完成农村危房改造200户\t完成鉴定\t完成80户\t完成150户\t完成200户\t村镇科\n"
              "2\t雨污分流改造\t完成城区雨污分流管网改造30公里\t完成10%\t完成40%\t完成70%\t全面完成\t市政科\n")


@pytest.mark.parametrize(("title", "said", "statuses"), [
    # a count due by a quarter compared as a count (30户 against 完成80户), not by a digit the texts share
    ("2025年上半年工作总结", "完成农村危房改造30户。城区雨污分流管网改造完成45%。", ["not_met", "met"]),
    # 1-5月: the first quarter's milestones are due, not the second's
    ("2025年1-5月重点工作进展情况", "城区雨污分流管网改造完成35%。", ["unknown", "met"]),
    # a plan's quarter in the title is not the report's; a report on another year is not judged by this year's
    ("2025年工作总结和2026年第一季度工作安排", "城区雨污分流管网改造完成60%，剩余工程未能按期完工。",
     ["unknown", "partial"]),
    ("2026年第一季度工作总结", "城区雨污分流管网改造完成15%，剩余工程未能按期完工。", ["unknown", "partial"]),
    # a milestone said to be missed
    ("2025年第一季度工作总结", "城区雨污分流管网改造项目尚未获得批复，未能按计划在一季度完成。", ["unknown", "not_met"]),
])
def test_milestones_due_by_the_reports_quarter(title: str, said: str, statuses: list[str]) -> None:
    base, other = _pair(MILESTONES, f"青石县住房和城乡建设局{title}\n一、工作进展\n{said}\n")
    assert [d.results[0].status for d in compare(base, [other]).directives] == statuses


@pytest.mark.parametrize(("said", "status"), [
    # a branch in a district does its part: its count is not the city's milestone, its words say it is on schedule
    ("我区承担的3个项目已完成溯源建档，入河排污口分类整治完成2个，达到二季度末序时进度。", "met"),
    ("我区承担的入河排污口分类整治完成2个，超过市局下达我区二季度末完成1个的进度要求。", "met"),
    ("我区承担的入河排污口分类整治完成2个，进度滞后于序时要求。", "partial"),  # (behind, in part of the year)
])
def test_a_branch_in_a_district_against_its_citys_milestones(said: str, status: str) -> None:
    plan = MILESTONE_PLAN.replace("完成30%\t完成70%", "完成60个\t完成130个")
    base, other = _pair(plan, f"筠阳市生态环境局临泓区分局2025年上半年工作总结\n一、主要工作进展\n{said}\n")
    assert document_unit(other) == "筠阳市生态环境局临泓区分局"
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("task", "said", "status"), [
    # so many of all is partial only for a task for all of them
    ("积极创建省级卫生乡镇，提升城乡人居环境。", "全县12个乡镇中有5个乡镇成功创建为省级卫生乡镇。", "met"),
    # a streak or a cut is no time taken
    ("推进老旧小区改造，力争在3年内完成全部改造任务。", "老旧小区改造工作连续5年获省政府督查激励，全部改造任务已提前完成。", "met"),
    ("深化工程建设项目审批制度改革，工程建设项目审批在30个工作日内办结。",
     "深化工程建设项目审批制度改革，审批平均用时45个工作日，较上年缩短10个工作日。", "not_met"),
    # a share done of something else in the clause (经费拨付完成85%) is no share of the task
    ("加快推进农村生活污水治理，提升农村人居环境。", "农村生活污水治理扎实推进，新建污水处理设施32座，运维经费拨付完成85%。", "met"),
    # a rate named bare is the task's, not another metric's of the same ending
    ("推进城市生活垃圾分类，年内覆盖率达到90%以上。", "城市生活垃圾分类有序推进，5G网络覆盖率达到95%，生活垃圾分类小区覆盖率达到72%。",
     "not_met"),
])
def test_shares_limits_and_bare_rates_of_the_task_only(task: str, said: str, status: str) -> None:
    base, other = _pair(f"澄州县住房和城乡建设局2025年工作要点\n一、重点任务\n要{task}\n",
                        f"澄州县住房和城乡建设局2025年工作总结\n一、主要工作成效\n{said}\n")
    assert compare(base, [other]).directives[0].results[0].status == status


def test_findings_of_an_inspection_are_framing_but_what_a_check_found_done_is_not() -> None:
    base, other = _pair("县水利局2025年工作要点\n一、重点任务\n要全面排查整治水库安全隐患。\n",
                        "县水利局2025年工作总结\n一、主要工作成效\n经检查发现，全县86座水库安全隐患已全部整改到位。\n"
                        "巡察反馈指出，我局水库安全隐患整治推进缓慢。\n")
    result = compare(base, [other]).directives[0].results[0]
    assert result.status == "met" and result.evidence[0].text.startswith("经检查发现")


def test_a_row_whose_unit_had_no_part_in_it_says_nothing() -> None:
    plan = ("县2025年重点任务分解表\n序号\t重点任务\t牵头单位\t完成时限\n1\t筹集保障性租赁住房600套。\t县住建局\t2025年12月底前\n")
    report = ("白沙镇2025年重点任务完成情况\n序号\t重点任务\t牵头单位\t完成情况\n1\t筹集保障性租赁住房600套。\t县住建局\t本镇无此项任务。\n")
    base, other = _pair(plan, report)
    assert compare(base, [other]).directives[0].results[0].status == "unknown"


def test_a_progress_cell_mentioning_what_the_task_did_not_involve_still_reports() -> None:
    plan = "青禾县2025年重点任务分解表\n序号\t重点任务\t牵头单位\t完成时限\n1\t新改建农村公路50公里。\t县交通运输局\t2025年12月底前\n"
    report = ("白沙镇2025年重点任务完成情况\n序号\t重点任务\t牵头单位\t完成情况\n1\t新改建农村公路50公里。\t县交通运输局\t"
              "本镇完成农村公路新改建12公里，已全部交工验收，不涉及征地拆迁。\n")
    base, other = _pair(plan, report)
    assert compare(base, [other]).directives[0].results[0].status == "met"


@pytest.mark.parametrize(("title", "said", "status"), [
    ("2025年上半年工作计划执行情况报告", "完成农村危房改造85户。", "met"),  # (a report on the plan: the half-year's)
    ("2025年上半年工作总结", "新建高标准农田0.3万亩。", "not_met"),  # (0.3万亩 against 0.8万亩, as written)
])
def test_milestones_of_titles_on_a_plans_execution_and_in_ten_thousands(title: str, said: str, status: str) -> None:
    plan = ("县农业农村局2025年重点工作推进计划\n序号\t重点工作\t年度目标\t第一季度\t第二季度\t第三季度\t第四季度\t责任股室\n"
            "1\t农村危房改造\t完成农村危房改造200户\t完成鉴定\t完成80户\t完成150户\t完成200户\t村镇股\n"
            "2\t高标准农田建设\t新建高标准农田2万亩\t完成设计\t完成0.8万亩\t完成1.5万亩\t完成2万亩\t农田股\n")
    base, other = _pair(plan, f"县农业农村局{title}\n一、工作进展\n{said}\n")
    statuses = {d.text.split("\t")[0]: d.results[0].status for d in compare(base, [other]).directives}
    assert status in statuses.values() and list(statuses.values()).count("unknown") == 1


def test_an_overrun_of_a_time_limit_is_not_met() -> None:
    base, other = _pair("澄州县自然资源局2025年工作要点\n一、重点任务\n要优化不动产登记服务，一般登记业务在3个工作日内办结。\n",
                        "澄州县自然资源局2025年工作总结\n一、主要工作成效\n优化不动产登记服务，一般登记业务办理用时超过5个工作日。\n")
    assert compare(base, [other]).directives[0].results[0].status == "not_met"


@pytest.mark.parametrize(("said", "status"), [("增长5.1%，低于年初目标。", "not_met"), ("增长7.6%，高于年初目标。", "met")])
def test_a_figure_said_below_its_years_target(said: str, status: str) -> None:
    base, other = _pair("青石县工业和信息化局2025年工作要点\n一、重点任务\n要推动工业稳增长，全县规上工业增加值增长7%以上。\n",
                        f"青石县工业和信息化局2025年工作总结\n一、工作完成情况\n全年全县规上工业{said}\n")
    assert compare(base, [other]).directives[0].results[0].status == status


SELF_ASSESSMENT_BASE = ("澄湾县2025年度目标责任考核指标\n\n一、发展指标（20分）\n\n"
                        "1．地区生产总值增长6%以上（5分）。责任单位：县发改局，各乡镇。\n"
                        "2．规上工业增加值增长7%以上（5分）。责任单位：县工信局，各乡镇。\n\n"
                        "二、财政指标（10分）\n\n序号\t指标名称\t目标值\t分值\t责任单位\n"
                        "3\t一般公共预算收入增速\t5%以上\t4\t县财政局，各乡镇\n")


@pytest.mark.parametrize(("body", "statuses"), [
    # each indicator restated before its result (its own bound: 7%以上 is the target, not a result)
    ("（一）地区生产总值增长6%以上。\n全镇地区生产总值同比增长6.4%，完成目标任务。\n"
     "（二）规上工业增加值增长7%以上。\n全镇规上工业增加值同比增长5.2%，低于目标1.8个百分点，未完成目标任务。\n",
     {"地区生产总值": "met", "规上工业增加值": "not_met"}),
    # a table of indicators done: the figure done, not the 目标值 beside it; part of the year is under way
    ("指标名称\t目标值\t完成值\t完成率\t自评得分\n地区生产总值增速\t6%以上\t5.6%（前三季度）\t93.3%\t4.8\n"
     "一般公共预算收入增速\t5%以上\t3.1%\t62%\t2.5\n",
     {"地区生产总值": "partial", "一般公共预算收入": "not_met"}),
])
def test_a_self_assessment_is_judged_by_its_results_not_its_restated_targets(body: str, statuses: dict[str, str]) -> None:
    base, unit = _pair(SELF_ASSESSMENT_BASE, f"云溪镇2025年度目标责任考核自查自评报告\n一、指标完成情况\n{body}二、存在的问题\n个别指标完成不理想。\n",
                       name="yunxi.txt")
    comparison = compare(base, [unit])
    got = {}
    for d in comparison.directives:
        for metric in statuses:
            if metric in d.text:
                got[metric] = d.results[0].status
    assert got == statuses


NEWS_BASE = ("# 区委召开全区经济工作会议\n\n2月18日，区委召开全区经济工作会议，部署2025年经济工作。\n\n"
             "会议要求，各街道要全面摸排闲置楼宇，年底前累计盘活闲置载体20万平方米。\n\n"
             "区住建局要同步实施城市燃气管道老化更新改造，年底前完成改造85公里。\n\n"
             "要加快项目建设，全年实施区级重点项目120个。\n\n"
             "区生态环境分局要深入打好蓝天保卫战，全年PM2.5平均浓度控制在26微克/立方米以内，空气质量优良天数比例达到94%以上。\n")


@pytest.mark.parametrize(("name", "body", "task", "status"), [
    # a street's own part of the district's total (the base reports a meeting of the whole district)
    ("鹭湾街道工作简报", "街道全面摸排辖区闲置楼宇，累计盘活闲置载体6.3万平方米，引进企业47家。", "闲置", "met"),
    # a target said it cannot be reached this year
    ("区住建局工作信息", "燃气管道老化更新改造进度滞后，截至11月底完成改造61公里，年内难以完成85公里的目标任务。", "燃气", "not_met"),
    # the goal named before what was done, as of a month before the year's end
    ("区发改局工作信息", "截至11月底，全区120个区级重点项目已开工115个。", "重点项目", "partial"),
    # every target the sentence names said to be missed
    ("区生态环境分局工作信息", "1—11月，全区PM2.5平均浓度为27.4微克/立方米，空气质量优良天数比例为93.2%，两项指标均未达到年度目标。",
     "蓝天", "not_met"),
])
def test_news_style_reports_on_a_meeting(name: str, body: str, task: str, status: str) -> None:
    base = analyze_document(read_bytes(NEWS_BASE.encode(), "article.md", ".md"))
    unit = analyze_document(read_bytes(f"{name}\n\n2025年以来，我们认真落实区委部署，各项工作有序推进。\n\n一、主要工作进展\n\n{body}\n\n"
                                       "二、下一步打算\n\n将继续加大工作力度。\n".encode(), "unit.txt", ".txt"))
    comparison = compare(base, [unit])
    [directive] = [d for d in comparison.directives if task in d.text]
    assert directive.results[0].status == status


def test_a_review_stating_the_targets_bounds_reached_meets_them() -> None:
    base, later = _pair("某县2024年政府工作报告\n二、2024年工作安排\n2024年全县经济社会发展的主要预期目标是：地区生产总值增长6%以上，"
                        "城镇调查失业率控制在5.5%以内。\n",
                        "某县2025年政府工作报告\n一、2024年工作回顾\n过去一年，全县地区生产总值增长6%以上，城镇调查失业率控制在5.5%以内，"
                        "圆满完成年度目标任务。\n二、2025年工作安排\n今年要稳中求进。\n", "2024.txt", "2025.txt")
    comparison = compare(base, [later])
    assert {t.key: t.results[0].status for t in comparison.targets} == {"gdp_growth": "met", "unemployment_rate": "met"}


@pytest.mark.parametrize(("target", "review", "status"), [
    ("水环境质量持续改善", "细颗粒物（PM2.5）平均浓度同比下降4.1%，空气质量优良天数比例提高1.5个百分点。", None),  # air for water: no
    ("生态环境质量持续改善", "全面消除劣Ⅴ类水体，劣Ⅴ类水质断面比例下降至零，国控断面水质优良比例提高到95%。", "met"),  # a bad share falls
])
def test_parts_judge_only_their_whole(target: str, review: str, status: str | None) -> None:
    base, later = _pair(f"某市2025年政府工作报告\n二、2025年工作安排\n今年主要预期目标是：地区生产总值增长5%左右，{target}。\n",
                        f"某市2026年政府工作报告\n一、2025年工作回顾\n过去一年，{review}\n二、2026年工作安排\n今年要稳中求进。\n",
                        "2025.txt", "2026.txt")
    results = [t.results[0] for t in compare(base, [later]).targets if t.text.endswith("改善")]
    assert [r.status for r in results if r.status != "unknown"] == ([status] if status else [])


def test_a_summary_and_plan_document_reports_in_its_unheaded_parts() -> None:
    base, summary = _pair(_city_plan("1．县住建局要加快推进老旧小区改造，全年改造老旧小区18个。"),
                          "青岚县住建局2024年工作总结和2025年工作计划\n一、老旧小区改造\n全年完成老旧小区改造18个，加装电梯26部，惠及居民3200户。\n"
                          "二、2025年工作计划\n继续推进老旧小区改造。\n", name="zhujian.txt")
    [directive] = [d for d in compare(base, [summary]).directives if "老旧小区" in d.text]
    assert directive.results[0].status == "met"


def test_a_table_with_its_rate_of_completion_before_the_figure_done() -> None:
    base, unit = _pair(SELF_ASSESSMENT_BASE, "云溪镇2025年度目标责任考核自查自评报告\n一、指标完成情况\n"
                       "指标名称\t目标值\t完成率\t完成值\t自评得分\n地区生产总值增速\t6%以上\t93.3%\t5.6%\t4.8\n二、存在的问题\n个别指标完成不理想。\n",
                       name="yunxi.txt")
    comparison = compare(base, [unit])
    [target] = [t for t in comparison.targets if t.key == "gdp_growth"]
    [directive] = [d for d in comparison.directives if "地区生产总值" in d.text]
    assert (target.results[0].value, target.results[0].status, directive.results[0].status) == (5.6, "not_met", "not_met")


def test_a_growth_said_to_fall_is_below_zero() -> None:
    base, later = _pair("某县2025年政府工作报告\n二、2025年工作安排\n今年主要预期目标是：一般公共预算收入增长1%，进出口总额增长3%，"
                        "单位地区生产总值能耗降低2.5%左右。\n",
                        "某县2026年政府工作报告\n一、2025年工作回顾\n过去一年，全县一般公共预算收入下降2.5%，进出口总额增长-4.2%，"
                        "单位地区生产总值能耗下降3.1%。\n二、2026年工作安排\n今年要稳中求进。\n", "2025.txt", "2026.txt")
    got = {t.key: (t.results[0].value, t.results[0].status) for t in compare(base, [later]).targets}
    assert got == {"fiscal_revenue_growth": (-2.5, "not_met"), "trade_growth": (-4.2, "not_met"),
                   "energy_intensity_reduction": (3.1, "met")}  # (a reduction's own fall is the figure itself)


def test_a_self_assessments_summing_up_and_notes_are_no_evidence() -> None:
    base, unit = _pair(SELF_ASSESSMENT_BASE, "云溪镇2025年度目标责任考核自查自评报告\n一、总体情况\n2025年，我镇承担县级考核指标17项，"
                       "所涉指标满分60分，经逐项自查，自评得分55分。\n二、指标完成情况\n全镇规上工业增加值同比增长7.5%。\n"
                       "注：地区生产总值增速为县对镇考核指标，由县统计局统一核算。\n", name="yunxi.txt")
    quoted = [e.text for d in compare(base, [unit]).directives for e in d.results[0].evidence]
    assert quoted and not [q for q in quoted if q.startswith(("2025年，我镇承担", "注："))]


@pytest.mark.parametrize(("base_body", "review", "task", "status"), [
    # what was done equal to the goal, then part of it: done
    ("（一）区人社局要新建零工市场10个。", "今年以来，区人社局已新建零工市场10个，其中3个实现线上线下联动。", "零工市场", "met"),
    ("（一）累计建成充电桩120个。", "累计建成充电桩120个，其中今年新建充电桩35个。", "充电桩", "met"),
    # an obstacle overcome is no target missed
    ("（一）区人社局要新建零工市场10个。", "区人社局克服项目用地紧张、部分点位难以按期完成建设任务等困难，已新建零工市场10个。", "零工市场", "met"),
])
def test_counts_done_and_obstacles_overcome(base_body: str, review: str, task: str, status: str) -> None:
    base, unit = _pair(_city_plan(base_body), _unit_review(review))
    [directive] = [d for d in compare(base, [unit]).directives if task in d.text]
    assert directive.results[0].status == status


def test_a_self_assessments_heading_restating_the_target_is_no_result() -> None:
    base, unit = _pair("某区2025年政府工作报告\n二、2025年工作安排\n今年主要预期目标是：全区地区生产总值增长6%以上。\n",
                       "某区2025年经济运行情况报告\n一、地区生产总值增长6%以上\n前三季度，全区实现地区生产总值210亿元，增速放缓，"
                       "全年难以完成目标任务。\n二、下一步工作\n将全力冲刺四季度。\n", "plan.txt", "review.txt")
    [target] = [t for t in compare(base, [unit]).targets if t.key == "gdp_growth"]
    assert target.results[0].status == "unknown"


def test_a_progress_column_holds_the_figure_done() -> None:
    base, unit = _pair("某区2025年政府工作报告\n二、2025年工作安排\n今年主要预期目标是：地区生产总值增长6%以上。\n",
                       "某区2025年重点指标推进情况\n一、指标进展\n| 序号 | 指标 | 年度目标 | 完成进度 | 责任单位 |\n|---|---|---|---|---|\n"
                       "| 1 | 地区生产总值 | 增长6%以上 | 前三季度增长5.2% | 区发改委 |\n二、下一步工作\n将全力冲刺四季度。\n", "plan.txt",
                       "review.txt")
    [target] = [t for t in compare(base, [unit]).targets if t.key == "gdp_growth"]
    assert (target.results[0].value, target.results[0].status) == (5.2, "not_met")


def test_a_meeting_named_in_a_plans_opening_sets_no_level() -> None:
    base, unit = _pair("2025年人力资源和社会保障工作要点\n2月10日，市委召开全市就业工作会议，对今年工作作出部署。\n"
                       "一、稳定和扩大就业\n各县（市、区）要全力稳就业，全年城镇新增就业2万人。\n",
                       "柏溪县2025年就业工作总结\n一、主要成效\n全县城镇新增就业1.2万人。\n二、下一步打算\n继续做好就业工作。\n",
                       "plan.txt", "bx.txt")
    [directive] = [d for d in compare(base, [unit]).directives if "新增就业" in d.text]
    assert directive.results[0].status == "not_met"  # (the plan names no level: the county's figure against it)


def test_a_fall_said_of_something_else_or_of_the_pace_keeps_a_growth_positive() -> None:
    base, later = _pair("某县2025年政府工作报告\n二、2025年工作安排\n今年主要预期目标是：地区生产总值增长6%以上，一般公共预算收入增长3%，"
                        "规上工业增加值增长7%，进出口总额增长1%。\n",
                        "某县2026年政府工作报告\n一、2025年工作回顾\n过去一年，全县地区生产总值扭转上年下降态势，增长6.5%。一般公共预算收入"
                        "增速回落至3.6%。规上工业增加值在房地产投资同比下降的情况下增长7.8%。进出口总额降幅收窄至1.2%。\n"
                        "二、2026年工作安排\n今年要稳中求进。\n", "2025.txt", "2026.txt")
    got = {t.key: t.results[0].value for t in compare(base, [later]).targets}
    assert got == {"gdp_growth": 6.5, "fiscal_revenue_growth": 3.6, "industrial_value_added_growth": 7.8, "trade_growth": -1.2}


@pytest.mark.parametrize(("base_body", "review", "task", "status"), [
    ("（一）县教育局负责，年内改造农村薄弱学校30所。", "30所农村薄弱学校改造项目中，25所已完工，其余5所正在施工。", "薄弱学校", "partial"),
])
def test_the_whole_named_before_what_was_done_of_it(base_body: str, review: str, task: str, status: str) -> None:
    base, unit = _pair(_city_plan(base_body), _unit_review(review, "柏溪县", "县长 林晓岚"))
    [directive] = [d for d in compare(base, [unit]).directives if task in d.text]
    assert directive.results[0].status != "met"


def test_a_progress_columns_bare_percentage_is_a_share_not_the_figure() -> None:
    base, unit = _pair("某区2025年政府工作报告\n二、2025年工作安排\n今年主要预期目标是：地区生产总值增长6%。\n",
                       "某区2025年重点指标推进情况\n一、指标进展\n| 指标 | 年度目标 | 完成进度 |\n|---|---|---|\n"
                       "| 地区生产总值增速 | 6% | 93.3% |\n二、下一步工作\n将全力冲刺四季度。\n", "plan.txt", "review.txt")
    [target] = [t for t in compare(base, [unit]).targets if t.key == "gdp_growth"]
    assert target.results[0].value != 93.3


@pytest.mark.parametrize("said", ["同比下降约2.5%", "同比下降幅度为2.5%", "同比下降（按同口径计算）2.5%", "降幅达2.5%"])
def test_a_fall_with_words_before_its_figure_is_below_zero(said: str) -> None:
    base, later = _pair("某县2025年政府工作报告\n二、2025年工作安排\n今年主要预期目标是：一般公共预算收入增长2%以上。\n",
                        f"某县2026年政府工作报告\n一、2025年工作回顾\n过去一年，一般公共预算收入{said}。\n二、2026年工作安排\n今年要稳中求进。\n",
                        "2025.txt", "2026.txt")
    [target] = compare(base, [later]).targets
    assert (target.results[0].value, target.results[0].status) == (-2.5, "not_met")


def test_the_whole_named_with_a_word_of_doing_before_what_was_done() -> None:
    base, unit = _pair("柏溪县2025年政府工作报告\n一、2024年工作回顾\n全县经济运行总体平稳。\n二、2025年重点任务\n"
                       "（一）年内新建乡镇污水处理站12座。\n",
                       _unit_review("新建乡镇污水处理站12座项目中，10座已建成投用。", "柏溪县", "县长 林晓岚"), "2025.txt", "2026.txt")
    [directive] = [d for d in compare(base, [unit]).directives if "污水处理站" in d.text]
    assert directive.results[0].status != "met"


def test_a_lead_label_naming_a_metric_gives_it_to_the_sentences_under_it() -> None:
    # 着力提升生态环境质量。 opens its paragraph in bold: the figures after it report on that quality, though they name
    # only its parts; the next paragraph's figures do not
    base, later = _pair(_city_plan("（一）要持续改善生态环境质量，推进美丽澜州建设。\n（二）要扎实推进乡村全面振兴。"),
                        _unit_review("（一）全力推进绿色低碳发展。着力提升生态环境质量。完成中央生态环境保护督察反馈问题整改，"
                                     "全区细颗粒物平均浓度降至25微克/立方米，地表水国控断面优良水质比例达98.7%。\n"
                                     "（二）扎实推进乡村全面振兴。新建高标准农田12万亩，全区粮食产量稳定在40万吨以上。"))
    [directive] = [d for d in compare(base, [later]).directives if "生态环境质量" in d.text]
    quoted = [e.text for e in directive.results[0].evidence]
    assert any(q.startswith("完成中央生态环境保护督察") for q in quoted)
    assert not [q for q in quoted if "高标准农田" in q]


TASK_NOTICE = ("岚溪市人民政府办公室关于印发2025年重点任务分解方案的通知\n各县（市、区）人民政府，市政府各部门：\n"
               "现将方案印发给你们，请认真贯彻落实。\n一、扩大有效需求\n"
               "1.新建改造县级物流配送中心5个、乡镇商贸中心30个。（牵头单位：市商务局；完成时限：2025年12月底）\n"
               "2.改造城镇老旧小区186个。（牵头单位：市住房城乡建设局；完成时限：2025年12月底）\n"
               "3.年经营性收入10万元以上的村占比达到60%。（牵头单位：市农业农村局；完成时限：2025年12月底）\n"
               "4.社会投资低风险项目全流程审批时间压缩至15个工作日以内。（牵头单位：市住房城乡建设局；完成时限：2025年12月底）\n")


def _bureau_summary(bureau: str, body: str) -> str:
    return f"岚溪市{bureau}2025年工作总结\n一、2025年主要工作完成情况\n{body}\n二、2026年工作打算\n继续抓好各项工作落实。\n"


@pytest.mark.parametrize(("bureau", "body", "task", "status"), [
    # the bureau that leads a task reports the city's whole, each figure against its own target
    ("商务局", "全年新建改造县级物流配送中心3个、乡镇商贸中心24个。", "物流配送中心", "not_met"),
    ("商务局", "全年新建改造县级物流配送中心5个、乡镇商贸中心30个。", "物流配送中心", "met"),
    # the rest under way, said by the next sentence opening on it
    ("商务局", "全年新建改造县级物流配送中心3个、乡镇商贸中心24个。剩余2个县级物流配送中心正在加紧建设，预计2026年上半年投入运营。",
     "物流配送中心", "partial"),
    ("住房和城乡建设局", "全年改造城镇老旧小区158个，完成年度目标的85%。剩余28个小区正在加紧施工。", "老旧小区", "partial"),
    # (not another task's remainder in the sentence after)
    ("住房和城乡建设局", "全年改造城镇老旧小区158个，完成年度目标的85%。全年筹集保障性租赁住房1200套，其余300套正在建设。",
     "老旧小区", "not_met"),
    # a bare share named by the clause before it
    ("农业农村局", "全市年经营性收入10万元以上的村达到1012个，占比55.3%。", "村占比", "not_met"),
    ("农业农村局", "全市年经营性收入10万元以上的村达到1120个，占比61.2%。", "村占比", "met"),
    # a time cut from one figure to another: the second is the time it takes
    ("住房和城乡建设局", "社会投资低风险项目全流程审批时间由20个工作日压缩至12个工作日。", "审批时间", "met"),
])
def test_a_lead_bureaus_summary_against_its_tasks(bureau: str, body: str, task: str, status: str) -> None:
    base, summary = _pair(TASK_NOTICE, _bureau_summary(bureau, body), "notice.txt", "summary.txt")
    [directive] = [d for d in compare(base, [summary]).directives if task in d.text]
    assert directive.results[0].status == status


@pytest.mark.parametrize(("task", "review", "status"), [
    # a multi-year target with a milestone for the year: the milestone decides
    ("到2027年，累计推动2000家规模以上工业企业实施数字化改造，其中2025年底前完成800家。",
     "全年推动规模以上工业企业实施数字化改造832家，超额完成年度阶段目标。", "met"),
    # (the milestone restated after what was done is nothing done)
    ("到2027年，累计开放公共数据集3000个，其中2025年底达到1200个。", "全市累计开放公共数据集1080个，低于1200个的阶段目标。",
     "not_met"),
    # a target due only in a later year: what falls short of it is progress
    ("实施软件和信息服务业倍增计划，到2027年全市软件业务收入达到300亿元。", "全市软件业务收入达到186亿元，同比增长17.3%。",
     "partial"),
    # (but a part dated for the year, done, is the task done this year)
    ("加快培育数据要素市场，2025年底前组建市数据交易服务机构，到2027年数据交易额累计突破10亿元。", "市数据交易服务机构于10月组建并挂牌运营，全年撮合数据交易额1.3亿元。",
     "met"),
])
def test_targets_due_in_later_years(task: str, review: str, status: str) -> None:
    plan = f"澜州市数字经济发展三年行动方案（2025—2027年）\n一、重点任务\n{task}\n"
    summary = f"澜州市工业和信息化局2025年工作总结\n一、2025年主要工作成效\n{review}\n二、2026年工作打算\n继续推进数字经济发展。\n"
    base, report = _pair(plan, summary, "plan.txt", "summary.txt")
    [directive] = compare(base, [report]).directives
    assert directive.results[0].status == status


REVIEW_NOTICE = ("岚溪市人民政府办公室关于印发2025年重点任务分解方案的通知\n各县（市、区）人民政府，市政府各部门：\n"
                 "现将方案印发给你们，请认真贯彻落实。\n一、办好民生实事\n"
                 "1.扩大优质教育资源供给，新建公办幼儿园5所、改扩建中小学8所。（牵头单位：市教育局；完成时限：2025年12月底）\n"
                 "2.新建标准化村卫生室60个。（牵头单位：市卫生健康委；完成时限：2025年12月底）\n"
                 "3.深化不动产登记改革，一般不动产登记办理时间压缩至3个工作日以内。（牵头单位：市自然资源局；完成时限：2025年12月底）\n")


@pytest.mark.parametrize(("notice", "title", "body", "task", "status"), [
    # a county's bureau of the same name is no city bureau leading the task: its figure is its share
    (TASK_NOTICE, "青峪县住房和城乡建设局2025年工作总结", "全年改造城镇老旧小区42个，全部完成竣工验收。", "老旧小区", "met"),
    # a lead named in full (委员会) is the one named short (委)
    (REVIEW_NOTICE, "岚溪市卫生健康委员会2025年工作总结", "全年新建标准化村卫生室42个。", "村卫生室", "not_met"),
    # figures paired with the targets their words name, whatever their order
    (REVIEW_NOTICE, "岚溪市教育局2025年工作总结", "全年改扩建中小学10所，新建公办幼儿园6所。", "幼儿园", "met"),
    # one item reached, the other not
    (TASK_NOTICE, "岚溪市商务局2025年工作总结", "全年新建改造县级物流配送中心5个、乡镇商贸中心24个。", "物流配送中心", "partial"),
    # no rest of this task said under way: funds, other work, a rest that cannot start
    (TASK_NOTICE, "岚溪市住房和城乡建设局2025年工作总结", "全年改造城镇老旧小区158个，完成年度目标的85%。剩余补助资金结转至2026年统筹使用。",
     "老旧小区", "not_met"),
    (TASK_NOTICE, "岚溪市住房和城乡建设局2025年工作总结", "全年改造城镇老旧小区158个，完成年度目标的85%。其余住房保障工作正在有序推进。",
     "老旧小区", "not_met"),
    (TASK_NOTICE, "岚溪市住房和城乡建设局2025年工作总结",
     "全年改造城镇老旧小区158个，完成年度目标的85%。剩余28个小区因征地补偿问题预计年内无法开工。", "老旧小区", "not_met"),
    (TASK_NOTICE, "岚溪市住房和城乡建设局2025年工作总结",
     "全年改造城镇老旧小区158个，完成年度目标的85%。城镇老旧小区改造群众满意度测评已完成，城市体检试点工作正在推进。",
     "老旧小区", "not_met"),
    # a share of another threshold is no figure of this one
    (TASK_NOTICE, "岚溪市农业农村局2025年工作总结",
     "全市年经营性收入10万元以上的村达到1120个，占比61.2%，50万元以上的村达到302个，占比16.5%。", "村占比", "met"),
    # 由 of who does it, not of a time cut from
    (REVIEW_NOTICE, "岚溪市自然资源局2025年工作总结", "一般不动产登记业务全部由窗口5个工作日内办结。", "不动产登记", "not_met"),
])
def test_fixes_from_a_review_of_bureau_summaries(notice: str, title: str, body: str, task: str, status: str) -> None:
    summary = f"{title}\n一、2025年主要工作完成情况\n{body}\n二、2026年工作打算\n继续抓好各项工作落实。\n"
    base, report = _pair(notice, summary, "notice.txt", "summary.txt")
    [directive] = [d for d in compare(base, [report]).directives if task in d.text]
    assert directive.results[0].status == status


SUGGESTIONS = ("汀溪县人民政府办公室\n关于印发县人大五次会议代表建议交办清单的通知\n汀政办〔2025〕9号\n各乡镇人民政府，县直各有关单位：\n"
               "现将代表重点建议交办清单印发给你们，请于7月底前答复代表。\n"
               "1.关于加快城区排涝设施建设的建议（第38号，代表：林某某等5人）：加快城东片区雨污分流改造，年内新建改造排涝管网12公里。"
               "（主办单位：县住建局）\n"
               "2.关于推进老旧小区改造的建议（第41号，代表：陈某某）：年内完成城镇老旧小区改造8个。（主办单位：县住建局）\n"
               "3.关于规范城区停车管理的建议（第95号，代表：杜某某）：新建城区公共停车场3处，增加停车泊位600个。（主办单位：县城管局）\n")
REPLY = ("汀溪县住房和城乡建设局\n关于县人大五次会议代表建议办理情况的答复函\n汀住建函〔2025〕58号\n各位代表：\n"
         "县人大五次会议期间，县政府交由我局办理的代表重点建议共7件，全部按期答复。\n"
         "一、关于第38号建议的答复\n林某某等代表：\n您提出的《关于加快城区排涝设施建设的建议》收悉，现答复如下：\n"
         "今年以来，我局启动城东片区雨污分流改造工程，已新建改造排涝管网8.6公里，剩余管网正在加紧施工。\n"
         "办理结果：B类（所提问题正在解决或列入计划逐步解决）\n"
         "二、关于第41号建议的答复\n陈某某代表：\n您提出的《关于推进老旧小区改造的建议》收悉，现答复如下：\n"
         "今年计划改造的凤山、桥南等8个小区已全部完成改造，惠及居民1236户。\n"
         "办理结果：A类（所提问题已经解决或基本解决）\n"
         "联系人：王某某，电话：1234567。\n抄送：县人大常委会人事代表工作委员会，县政府督查室。\n")


def test_a_reply_answers_each_suggestion_under_its_number() -> None:
    base, reply = _pair(SUGGESTIONS, REPLY, "assignment.txt", "reply.txt")
    assert reply.document.title == "关于县人大五次会议代表建议办理情况的答复函"  # (not the organ above it, nor its number)
    assert next(s.role for s in reply.sections if s.heading and "第38号" in s.heading) == "review"
    got = {d.text[:4]: (d.results[0].status, [e.text[:8] for e in d.results[0].evidence])
           for d in compare(base, [reply]).directives}
    # each answered in its own part, with the reply's category (B: being solved, A: solved); the number it does
    # not answer (第95号, for another unit) has nothing, not the reply's count of its suggestions
    assert got == {"1.关于": ("partial", ["今年以来，我局启"]), "2.关于": ("met", ["今年计划改造的凤"]),
                   "3.关于": ("unknown", [])}


def test_a_reply_saying_the_work_done_is_evidence_whatever_it_plans_next() -> None:
    reply = ("汀溪县住房和城乡建设局\n关于县人大五次会议代表建议办理情况的答复函\n汀住建函〔2025〕58号\n各位代表：\n"
             "一、关于第38号建议的答复\n林某某等代表：\n您提出的《关于加快城区排涝设施建设的建议》收悉，现答复如下：\n"
             "城东片区雨污分流改造工程已全部完工，预计年底前完成沿线道路恢复。\n联系人：王某某，电话：1234567。\n")
    base, other = _pair(SUGGESTIONS, reply, "assignment.txt", "reply.txt")
    result = compare(base, [other]).directives[0].results[0]
    assert result.status == "met" and result.evidence[0].text.startswith("城东片区雨污分流改造工程已全部完工")


@pytest.mark.parametrize(("title", "review", "status"), [
    # part of the year over the annual limit is on its way, the change beside the level no level of its own
    ("澄溪市生态环境局2025年上半年工作总结", "1—6月，全市PM2.5平均浓度为33.6微克/立方米，同比下降1.8微克/立方米。", "partial"),
    # (but not where it says a stage's limit is exceeded)
    ("澄溪市生态环境局2025年上半年工作总结",
     "上半年，全市PM2.5累计平均浓度为33.6微克/立方米，高于二季度末累计均值不高于32微克/立方米的阶段控制目标。", "not_met"),
    ("澄溪市生态环境局2025年工作总结", "全年全市PM2.5平均浓度为33.6微克/立方米，同比下降1.8微克/立方米。", "not_met"),
    ("澄溪市生态环境局2025年工作总结", "全年全市PM2.5平均浓度为29.1微克/立方米，同比下降1.8微克/立方米。", "met"),
])
def test_a_limit_in_part_of_the_year(title: str, review: str, status: str) -> None:
    plan = "澄溪市生态环境局2025年工作要点\n一、深入打好蓝天保卫战\n全市细颗粒物（PM2.5）年平均浓度控制在30微克/立方米以内。\n"
    report = f"{title}\n一、工作完成情况\n{review}\n二、下一步工作打算\n持续改善环境空气质量。\n"
    base, other = _pair(plan, report, "points.txt", "report.txt")
    [directive] = [d for d in compare(base, [other]).directives if "PM2.5" in d.text]
    assert directive.results[0].status == status


def _status_of(plan: str, report: str, task: str) -> str:
    base, other = _pair(plan, report, "plan.txt", "report.txt")
    [directive] = [d for d in compare(base, [other]).directives if task in d.text]
    return directive.results[0].status


HOUSING_SUMMARY = "枫溪县住房和城乡建设局2025年工作总结\n一、2025年主要工作完成情况\n{}\n二、2026年工作打算\n继续抓好各项工作落实。\n"


@pytest.mark.parametrize(("task", "review", "status"), [
    # the year of a plan named in the task, or a range of years, is no date its target is due by
    ("1.落实《枫溪县城镇老旧小区改造三年行动计划（2025—2027年）》，年内完成城镇老旧小区改造20个。", "全年完成城镇老旧小区改造16个。",
     "not_met"),
    ("1.实施口袋公园建设行动，2025—2027年每年新建口袋公园5个。", "全年新建口袋公园3个。", "not_met"),
    # a baseline year is no date due
    ("1.推动企业上云用云，在2024年底1200家的基础上，到2027年全县上云企业累计达到2000家。", "全县上云企业累计达到1350家。",
     "partial"),
    # the rest under way in a unit of more than one character, a part not yet done
    ("1.实施城东片区雨污分流改造，年内新建改造排涝管网12公里。", "全年新建改造城东片区排涝管网9公里。剩余3公里管网正在加紧施工。",
     "partial"),
    ("1.年内新增城区公共停车泊位1200个，其中建成西门立体停车楼1座。",
     "全年新增城区公共停车泊位1060个。西门立体停车楼尚未完成设备安装，目前正在加紧调试。", "partial"),
    # a time cut from what it was before (由原来的…), the second figure the time taken
    ("1.深化不动产登记改革，不动产一般登记办理时间压缩至5个工作日以内。",
     "不动产一般登记办理时间由原来的20个工作日压缩至3个工作日。", "met"),
])
def test_fixes_from_a_second_review(task: str, review: str, status: str) -> None:
    plan = f"枫溪县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、加快城市建设\n{task}（牵头单位：县住房城乡建设局）\n"
    assert _status_of(plan, HOUSING_SUMMARY.format(review), task[2:8]) == status


def test_a_summary_signed_in_the_next_january_reports_on_its_titles_year() -> None:
    plan = ("枫溪县2025年数字经济重点工作任务分解方案\n为加快数字经济发展，现将2025年重点工作任务分解如下：\n"
            "1.实施企业上云用云行动，到2027年累计推动企业上云2000家，其中2025年底前完成800家。（牵头单位：县工业和信息化局）\n"
            "2.壮大软件和信息服务业，到2027年全县软件业务收入达到30亿元。（牵头单位：县工业和信息化局）\n")
    report = ("枫溪县工业和信息化局2025年工作总结\n2025年，县工业和信息化局扎实推进各项重点工作，现将全年工作总结如下：\n"
              "一、主要工作完成情况\n（一）企业上云用云。全年推动企业上云832家，企业数字化转型步伐加快。\n"
              "（二）软件和信息服务业。全县软件业务收入达到18.6亿元，同比增长21%。\n二、存在问题\n部分中小企业数字化转型意愿不强。\n"
              "枫溪县工业和信息化局\n2026年1月8日\n")
    # (the 800 due in 2025 reached; the 2027 figure on its way)
    assert (_status_of(plan, report, "企业上云"), _status_of(plan, report, "软件业务")) == ("met", "partial")


REPLY_TWO = ("枫溪县住房和城乡建设局\n关于县人大四次会议代表建议办理情况的答复函\n枫住建函〔2025〕9号\n各位代表：\n"
             "一、关于第16、22号建议的答复\n林某某、陈某某代表：\n"
             "今年以来，我局新建改造城西片区排涝管网8.5公里，城西片区内涝问题已基本解决。\n"
             "城北片区老旧小区改造计划6个，目前已完工2个，其余4个小区正在加紧施工。\n"
             "第16号建议办理结果：A类\n第22号建议办理结果：Ｂ类\n")


def test_a_part_answering_two_suggestions_gives_each_its_own() -> None:
    plan = ("枫溪县人民政府办公室\n关于印发县人大四次会议代表建议交办清单的通知\n"
            "1.关于加快城西片区排涝设施建设的建议（第16号，代表：林某某等3人）：年内新建改造城西片区排涝管网8公里。（主办单位：县住建局）\n"
            "2.关于推进老旧小区改造的建议（第22号，代表：陈某某）：年内完成城北片区老旧小区改造6个。（主办单位：县住建局）\n"
            "3.各主办单位要严格执行《枫溪县人大代表建议办理办法》（县政府令第3号），于7月31日前书面答复代表。\n")
    base, reply = _pair(plan, REPLY_TWO, "assignment.txt", "reply.txt")
    got = {d.text[:4]: (d.results[0].status, [e.text[:6] for e in d.results[0].evidence])
           for d in compare(base, [reply]).directives if d.text.startswith(("1.", "2."))}
    assert got == {"1.关于": ("met", ["今年以来，我"]), "2.关于": ("partial", ["城北片区老旧"])}


@pytest.mark.parametrize(("lines", "title"), [
    ("汀澜县人民政府公报\n汀澜县人民政府办公室关于印发重点工作任务分解方案的通知\n", "汀澜县人民政府办公室关于印发重点工作任务分解方案的通知"),
    ("汀澜县人民政府办公室便函\n关于报送2025年上半年重点工作推进情况的通知\n", "关于报送2025年上半年重点工作推进情况的通知"),
    ("答复类别：A类\n关于县十八届人大五次会议第12号建议的答复\n", "关于县十八届人大五次会议第12号建议的答复"),
])
def test_a_red_header_documents_title(lines: str, title: str) -> None:
    document = read_bytes(f"{lines}各有关单位：\n现将有关事项通知如下。\n".encode(), "doc.txt", ".txt")
    assert document.title == title


# reproductions from a third review: (plan, report, [(words of the task, status)])
THIRD_REVIEW = [
    # a reply's parts headed 第16号建议（…）的答复
    ('枫溪县人民政府办公室\n关于印发县人大四次会议代表建议交办清单的通知\n1.关于加快城西片区排涝设施建设的建议（第16号，代表：林某某等3人）：年内新建改造城西片区排涝管网8公里。（主办单位：县住建局）\n2.关于推进老旧小区改造的建议（第22号，代表：陈某某）：年内完成城北片区老旧小区改造6个。（主办单位：县住建局）\n3.各主办单位要严格执行《枫溪县人大代表建议办理办法》（县政府令第3号），于7月31日前书面答复代表。\n',
     '枫溪县住房和城乡建设局\n关于县人大四次会议代表建议办理情况的答复函\n枫住建函〔2025〕9号\n各位代表：\n一、第16号建议（关于加快城西片区排涝设施建设的建议）的答复\n林某某代表：\n今年以来，我局新建改造城西片区排涝管网8.5公里，城西片区内涝问题已基本解决。\n办理结果：A类\n二、第22号建议（关于推进老旧小区改造的建议）的答复\n陈某某代表：\n城北片区老旧小区改造计划6个，目前已完工4个，其余2个小区正在加紧施工。\n办理结果：B类\n枫溪县住房和城乡建设局\n2025年11月20日\n',
     [('城西片区排涝', 'met'), ('老旧小区改造6个', 'partial')]),
    # one category line for two numbers
    ('枫溪县人民政府办公室\n关于印发县人大四次会议代表建议交办清单的通知\n1.关于加快城西片区排涝设施建设的建议（第16号，代表：林某某等3人）：年内新建改造城西片区排涝管网8公里。（主办单位：县住建局）\n2.关于推进老旧小区改造的建议（第22号，代表：陈某某）：年内完成城北片区老旧小区改造6个。（主办单位：县住建局）\n3.各主办单位要严格执行《枫溪县人大代表建议办理办法》（县政府令第3号），于7月31日前书面答复代表。\n',
     '枫溪县住房和城乡建设局\n关于县人大四次会议代表建议办理情况的答复函\n枫住建函〔2025〕9号\n各位代表：\n一、关于第16、22号建议的答复\n林某某、陈某某代表：\n今年以来，我局新建改造城西片区排涝管网8.5公里，城西片区内涝问题已基本解决。\n城北片区老旧小区改造计划6个，目前已完工4个，其余2个小区正在加紧施工。\n办理结果：第16号建议为A类，第22号建议为B类（已列入计划，正在推进后续配套工程）。\n',
     [('城西片区排涝', 'met'), ('老旧小区改造6个', 'partial')]),
    # numbers in parentheses without 代表：
    ('枫溪县人民政府办公室\n关于印发县十八届人大五次会议代表建议交办清单的通知\n1.关于加快城西片区排涝设施建设的建议（第16号，林某某等3名代表提出）：年内新建改造城西片区排涝管网8公里。（主办单位：县住建局）\n2.关于推进老旧小区改造的建议（第22号）：年内完成城北片区老旧小区改造6个。（主办单位：县住建局）\n',
     '枫溪县住房和城乡建设局\n关于县十八届人大五次会议代表建议办理情况的答复函\n枫住建函〔2025〕12号\n各位代表：\n一、关于第16号建议的答复\n林某某代表：\n今年以来，我局新建改造城西片区排涝管网5公里，剩余3公里管网因资金未落实暂缓实施。\n办理结果：C类\n二、关于第22号建议的答复\n陈某某代表：\n城北片区老旧小区改造计划6个，目前已完工6个，城西片区老旧小区改造新建排涝管网2公里。\n办理结果：B类\n枫溪县住房和城乡建设局\n2025年11月20日\n',
     [('城西片区排涝', 'not_met'), ('老旧小区改造6个', 'partial')]),
    # a result whose words are neutral (已于10月建成并投入使用)
    ('枫溪县人民政府办公室\n关于印发县十八届人大五次会议代表建议交办清单的通知\n1.关于加快城西片区排涝设施建设的建议（第16号，代表：林某某等3人）：年内新建城西片区排涝泵站1座。（主办单位：县住建局）\n2.关于增设城北路口交通信号灯的建议（第22号，代表：陈某某）：年内在城北路与兴业路交叉口增设交通信号灯。（主办单位：县住建局）\n',
     '枫溪县住房和城乡建设局\n关于县十八届人大五次会议代表建议办理情况的答复函\n枫住建函〔2025〕12号\n各位代表：\n一、关于第16号建议的答复\n林某某代表：\n城西排涝泵站已于10月建成并投入使用，城西片区雨季内涝问题已基本解决。\n办理结果：A类\n二、关于第22号建议的答复\n陈某某代表：\n城北路与兴业路交叉口交通信号灯已安装到位并投入使用。\n办理结果：A类\n枫溪县住房和城乡建设局\n2025年11月20日\n',
     [('城西片区排涝', 'met')]),
    # 由…负责建设 and 由…牵头 in results
    ('枫溪县人民政府办公室\n关于印发县十八届人大五次会议代表建议交办清单的通知\n1.关于加快城西片区排涝设施建设的建议（第16号，代表：林某某等3人）：年内新建城西片区排涝泵站1座。（主办单位：县住建局）\n2.关于增设城北路口交通信号灯的建议（第22号，代表：陈某某）：年内在城北路与兴业路交叉口增设交通信号灯。（主办单位：县住建局）\n',
     '枫溪县住房和城乡建设局\n关于县十八届人大五次会议代表建议办理情况的答复函\n枫住建函〔2025〕12号\n各位代表：\n一、关于第16号建议的答复\n林某某代表：\n城西排涝泵站项目由县城投公司负责建设，总投资1200万元，已于10月建成投入使用。\n办理结果：A类\n二、关于第22号建议的答复\n陈某某代表：\n由县公安局交警大队牵头，今年在城北路与兴业路交叉口新增交通信号灯4组。\n办理结果：A类\n枫溪县住房和城乡建设局\n2025年11月20日\n',
     [('城西片区排涝', 'met'), ('交通信号灯', 'met')]),
    # the end of a range of years is when a sum is due
    ('枫溪县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、加快城市建设\n1.实施口袋公园建设行动，2025—2027年全县累计新建口袋公园15个。（牵头单位：县住房城乡建设局）\n2.推进城镇老旧小区改造，2025年至2027年累计改造城镇老旧小区60个。（牵头单位：县住房城乡建设局）\n',
     '枫溪县住房和城乡建设局2025年工作总结\n一、2025年主要工作完成情况\n全年新建口袋公园6个，城区居民出行“300米见绿”覆盖率进一步提高。\n全年改造城镇老旧小区22个，惠及居民4800户。\n二、2026年工作打算\n继续抓好各项工作落实。\n',
     [('口袋公园', 'partial'), ('老旧小区', 'partial')]),
    # a report's title naming a plan with its years
    ('枫溪县2025年城市建设重点工作任务分解方案\n为加快城市建设，现将2025年重点工作任务分解如下：\n1.推进城镇老旧小区改造，到2027年累计改造城镇老旧小区60个，其中2025年底前完成20个。（牵头单位：县住房城乡建设局）\n2.实施口袋公园建设行动，年内新建口袋公园5个。（牵头单位：县住房城乡建设局）\n',
     '关于《枫溪县城镇老旧小区改造三年行动计划（2025—2027年）》2025年实施情况的报告\n县人民政府：\n2025年，我局认真落实三年行动计划，现将实施情况报告如下：\n一、主要工作完成情况\n全年改造城镇老旧小区22个，惠及居民4800户。\n全年新建口袋公园6个，城区居民出行“300米见绿”覆盖率进一步提高。\n二、存在问题\n部分小区居民意见难以统一。\n枫溪县住房和城乡建设局\n2025年12月20日\n',
     [('老旧小区', 'met')]),
    # a baseline year
    ('枫溪县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、发展数字经济\n1.实施企业上云用云行动，到2027年，在2024年基础上新增上云企业800家。（牵头单位：县工业和信息化局）\n',
     '枫溪县工业和信息化局2025年工作总结\n一、2025年主要工作完成情况\n全年新增上云企业350家，企业数字化转型步伐加快。\n二、2026年工作打算\n继续抓好各项工作落实。\n',
     [('上云', 'partial')]),
    # a 政务信息 title with a colon (枫溪县：上半年…)
    ('枫溪县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、加快城市建设\n1.推进城镇老旧小区改造，年内完成城镇老旧小区改造20个。（牵头单位：县住房城乡建设局）\n',
     '枫溪县：上半年城镇老旧小区改造工作稳步推进\n今年以来，枫溪县坚持把城镇老旧小区改造作为重要民生工程，统筹推进项目建设。\n一、主要做法\n全县已改造城镇老旧小区14个，惠及居民3200户。\n二、下一步打算\n加快推进剩余小区改造。\n',
     [('老旧小区', 'partial')]),
    # the rest in a unit without 万 (剩余3000亩 of 1.2万亩)
    ('枫溪县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、推进生态建设\n1.实施国土绿化行动，年内完成植树造林1.2万亩。（牵头单位：县林业局）\n2.加快城市更新，年内完成城市更新项目投资5亿元。（牵头单位：县住房城乡建设局）\n',
     '枫溪县林业局2025年工作总结\n一、2025年主要工作完成情况\n全年完成植树造林0.9万亩，森林覆盖率稳步提高。剩余3000亩造林任务正在加紧栽植。\n全年完成城市更新项目投资4.2亿元。剩余8000万元投资预计2026年一季度完成。\n二、2026年工作打算\n继续抓好各项工作落实。\n',
     [('植树造林', 'partial')]),
    # 年度 in a name is no target of the year
    ('枫溪县2025年文化旅游重点工作任务分解方案\n为加快文化旅游产业发展，现将2025年重点工作任务分解如下：\n1.实施全域旅游提升行动，到2027年全县年度接待游客达到800万人次。（牵头单位：县文化和旅游局）\n2.壮大软件和信息服务业，到2027年全县软件业务收入达到30亿元。（牵头单位：县工业和信息化局）\n',
     '枫溪县文化和旅游局2025年工作总结\n2025年，县文化和旅游局扎实推进各项重点工作，现将全年工作总结如下：\n一、主要工作完成情况\n（一）全域旅游。全县接待游客620万人次，同比增长12%，旅游综合收入达到58亿元。\n（二）软件和信息服务业。全县软件业务收入达到18.6亿元，同比增长21%。\n二、存在问题\n部分景区基础设施仍较薄弱。\n枫溪县文化和旅游局\n2025年12月28日\n',
     [('接待游客', 'partial')]),
    # 2026年内 is due in 2026
    ('枫溪县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、完善交通设施\n1.实施农村公路提档升级工程，力争2026年内完成农村公路提档升级300公里。（牵头单位：县交通运输局）\n',
     '枫溪县交通运输局2025年工作总结\n一、2025年主要工作完成情况\n全年完成农村公路提档升级160公里，农村群众出行条件明显改善。\n二、2026年工作打算\n继续抓好各项工作落实。\n',
     [('提档升级', 'partial')]),
    # a year in a plan's title named by the task
    ('枫溪县2025年数字经济重点工作任务分解方案\n为加快数字经济发展，现将2025年重点工作任务分解如下：\n1.落实《枫溪县2025年数字经济发展行动方案》，到2027年全县软件业务收入达到30亿元。（牵头单位：县工业和信息化局）\n2.壮大软件和信息服务业，到2027年全县软件业务收入达到30亿元。（牵头单位：县工业和信息化局）\n',
     '枫溪县工业和信息化局2025年工作总结\n2025年，县工业和信息化局扎实推进各项重点工作，现将全年工作总结如下：\n一、主要工作完成情况\n（一）软件和信息服务业。全县软件业务收入达到18.6亿元，同比增长21%。\n二、存在问题\n部分中小企业数字化转型意愿不强。\n枫溪县工业和信息化局\n2025年12月28日\n',
     [('落实《', 'partial')]),
]



def test_a_part_not_yet_done_but_under_way() -> None:
    plan = "枫溪县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、加快城市建设\n1.年内新增城区公共停车泊位1200个，其中建成西门立体停车楼1座。（牵头单位：县住房城乡建设局）\n"
    for said in ("尚未全部完成设备安装", "未能按期完成设备安装"):
        report = HOUSING_SUMMARY.format(f"全年新增城区公共停车泊位1060个。西门立体停车楼{said}，目前正在加紧调试。")
        assert _status_of(plan, report, "停车泊位") == "partial"


# reproductions from a fourth review: (plan, report, [(words of the task, status)])
FOURTH_REVIEW = [
    # a reply's part that only plans (计划于2026年5月开工建设)
    ('泓川县人民政府办公室\n关于印发县人大三次会议代表建议交办清单的通知\n1.关于加快城东片区排涝设施建设的建议（第11号，代表：周某某等4人）：年内新建改造城东片区排涝管网6公里。（主办单位：县住建局）\n2.关于推进背街小巷改造的建议（第27号，代表：吴某某）：年内完成背街小巷改造15条。（主办单位：县住建局）\n',
     '泓川县住房和城乡建设局\n关于县人大三次会议代表建议办理情况的答复函\n泓住建函〔2025〕14号\n各位代表：\n一、关于第11号建议的答复\n周某某代表：\n城东片区排涝管网改造项目计划于2026年5月开工建设。\n二、关于第27号建议的答复\n吴某某代表：\n背街小巷改造计划15条，目前已完工9条，其余6条正在加紧施工。\n泓川县住房和城乡建设局\n2025年11月18日\n',
     [('第11号', 'unknown')]),
    # a part that refers the matter on (由县水利局负责…已将相关意见转送…研究办理)
    ('泓川县人民政府办公室\n关于印发县人大三次会议代表建议交办清单的通知\n1.关于加快城东片区排涝设施建设的建议（第11号，代表：周某某等4人）：年内新建改造城东片区排涝管网6公里。（主办单位：县住建局）\n2.关于推进背街小巷改造的建议（第27号，代表：吴某某）：年内完成背街小巷改造15条。（主办单位：县住建局）\n',
     '泓川县住房和城乡建设局\n关于县人大三次会议代表建议办理情况的答复函\n泓住建函〔2025〕14号\n各位代表：\n一、关于第11号建议的答复\n周某某代表：\n关于城东片区排涝管网改造问题，由县水利局负责实施，我局已将相关意见转送县水利局研究办理。\n二、关于第27号建议的答复\n吴某某代表：\n背街小巷改造计划15条，目前已完工9条，其余6条正在加紧施工。\n泓川县住房和城乡建设局\n2025年11月18日\n',
     [('第11号', 'unknown')]),
    # parts headed …的答复意见
    ('泓川县人民政府办公室\n关于印发县人大三次会议代表建议交办清单的通知\n1.关于加快城东片区排涝设施建设的建议（第11号，代表：周某某等4人）：年内新建改造城东片区排涝管网6公里。（主办单位：县住建局）\n2.关于推进背街小巷改造的建议（第27号，代表：吴某某）：年内完成背街小巷改造15条。（主办单位：县住建局）\n',
     '泓川县住房和城乡建设局\n关于县人大三次会议代表建议办理情况的答复函\n泓住建函〔2025〕14号\n各位代表：\n一、关于第11号建议的答复意见\n周某某代表：\n今年以来，我局新建改造城东片区排涝管网6.5公里，城东片区内涝问题已基本解决。\n办理结果：A类\n二、关于第27号建议的答复意见\n吴某某代表：\n背街小巷改造计划15条，目前已完工9条，其余6条正在加紧施工。\n办理结果：B类\n泓川县住房和城乡建设局\n2025年11月18日\n',
     [('第11号', 'met')]),
    # an order's number in a parenthesis is no suggestion's
    ('泓川县2025年水利重点工作任务分解方案\n为加快水利建设，现将重点工作任务分解如下：\n1.贯彻落实县总河长令（第1号），年内完成河道清淤30公里。（牵头单位：县水利局）\n2.实施农村饮水安全巩固提升工程，年内新建改造供水管网80公里。（牵头单位：县水利局）\n',
     '泓川县水利局2025年工作总结\n一、贯彻落实县总河长令（第1号）情况\n我局高度重视，召开河长制专题会议4次，印发河湖治理工作方案1份，开展河湖巡查210次。\n二、河湖治理\n全年完成河道清淤22公里，整治河道岸线15处。\n三、农村饮水安全\n全年新建改造供水管网86公里。\n四、2026年工作打算\n继续抓好各项工作落实。\n泓川县水利局\n2025年12月28日\n',
     [('总河长令', 'not_met')]),
    # a suggestion merged from two numbers, answered under the second
    ('泓川县人民政府办公室\n关于印发县人大三次会议代表建议交办清单的通知\n1.关于加快城东片区排涝设施建设的建议（第16号、第22号）：年内新建改造城东片区排涝管网6公里。（主办单位：县住建局）\n2.关于推进背街小巷改造的建议（第27号）：年内完成背街小巷改造15条。（主办单位：县住建局）\n',
     '泓川县住房和城乡建设局\n关于县人大三次会议代表建议办理情况的答复函\n泓住建函〔2025〕14号\n各位代表：\n一、关于第22号建议的答复\n周某某代表：\n今年以来，我局新建改造城东片区排涝管网6.5公里，城东片区内涝问题已基本解决。\n办理结果：A类\n二、关于第27号建议的答复\n吴某某代表：\n背街小巷改造计划15条，目前已完工9条，其余6条正在加紧施工。\n办理结果：B类\n泓川县住房和城乡建设局\n2025年11月18日\n',
     [('排涝', 'met')]),
    # 在完成…1.2万亩的基础上 is a task, no baseline
    ('泓川县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、推进生态建设\n1.实施国土绿化行动，年内在完成植树造林1.2万亩的基础上，完成森林抚育3000亩。（牵头单位：县林业局）\n',
     '泓川县林业局2025年工作总结\n一、2025年主要工作完成情况\n全年完成植树造林0.8万亩，完成森林抚育3500亩。\n二、2026年工作打算\n继续抓好各项工作落实。\n',
     [('国土绿化', 'not_met')]),
    # a period of years (2024—2025年) dates no part for the year
    ('泓川县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、发展数字经济\n1.深化2024—2025年中小企业数字化转型攻坚成果，到2027年全县软件业务收入达到30亿元。（牵头单位：县工业和信息化局）\n',
     '泓川县工业和信息化局2025年工作总结\n一、2025年主要工作完成情况\n全县软件业务收入达到18.6亿元，同比增长21%。\n二、2026年工作打算\n继续抓好各项工作落实。\n',
     [('软件业务', 'partial')]),
    # 全年 of a target due in 2027
    ('泓川县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、重点任务\n1.实施全域旅游提升行动，到2027年，全县全年接待游客达到800万人次。（牵头单位：县文化和旅游局）\n',
     '泓川县文化和旅游局2025年工作总结\n一、2025年主要工作完成情况\n全年全县接待游客620万人次，同比增长12%。\n二、2026年工作打算\n继续抓好各项工作落实。\n',
     [('接待游客', 'partial')]),
    # a baseline year not right after 在
    ('泓川县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、发展数字经济\n1.实施企业上云用云行动，到2027年，在全县2024年底1200家的基础上新增上云企业800家。（牵头单位：县工业和信息化局）\n',
     '泓川县工业和信息化局2025年工作总结\n一、2025年主要工作完成情况\n全年新增上云企业350家，企业数字化转型步伐加快。\n二、2026年工作打算\n继续抓好各项工作落实。\n',
     [('上云', 'partial')]),
    # a report's title with a period written 2025年—2027年
    ('泓川县2025年城市建设重点工作任务分解方案\n为加快城市建设，现将2025年重点工作任务分解如下：\n1.推进城镇老旧小区改造，到2027年累计改造城镇老旧小区60个。（牵头单位：县住房城乡建设局）\n2.实施口袋公园建设行动，年内新建口袋公园5个。（牵头单位：县住房城乡建设局）\n',
     '泓川县城镇老旧小区改造三年行动（2025年—2027年）2025年实施情况的报告\n县人民政府：\n2025年，我局认真落实三年行动，现将实施情况报告如下：\n一、主要工作完成情况\n全年改造城镇老旧小区22个，惠及居民4800户。\n全年新建口袋公园6个，城区居民出行“300米见绿”覆盖率进一步提高。\n二、存在问题\n部分小区居民意见难以统一。\n泓川县住房和城乡建设局\n2025年12月20日\n',
     [('老旧小区', 'partial')]),
    # a field line above the title (报送单位：…)
    ('泓川县2025年城市建设重点工作任务分解方案\n为加快城市建设，现将重点工作任务分解如下：\n1.推进城镇老旧小区改造，到2026年累计改造城镇老旧小区60个。（牵头单位：县住房城乡建设局）\n',
     '报送单位：泓川县住房和城乡建设局\n泓川县住建局2025年重点工作进展\n一、主要工作完成情况\n全年改造城镇老旧小区32个，惠及居民6800户。\n二、存在问题\n部分小区居民意见难以统一。\n泓川县住房和城乡建设局\n2026年1月8日\n',
     [('老旧小区', 'partial')]),
]



# reproductions from a fifth review: (plan, report, [(words of the task, status)])
FIFTH_REVIEW = [
    # a result before a plan's word (…6.5公里，预计年底前…)
    ('泓川县人民政府办公室\n关于印发县人大三次会议代表建议交办清单的通知\n1.关于加快城东片区排涝设施建设的建议（第11号，代表：周某某等4人）：年内新建改造城东片区排涝管网6公里。（主办单位：县住建局）\n2.关于推进背街小巷改造的建议（第27号，代表：吴某某）：年内完成背街小巷改造15条。（主办单位：县住建局）\n',
     '泓川县住房和城乡建设局\n关于县人大三次会议代表建议办理情况的答复函\n泓住建函〔2025〕14号\n各位代表：\n一、关于第11号建议的答复\n周某某代表：\n今年以来，我局新建改造城东片区排涝管网6.5公里，预计年底前城东片区内涝问题可基本解决。\n二、关于第27号建议的答复\n吴某某代表：\n背街小巷改造计划15条，目前已完工9条，其余6条正在加紧施工。\n泓川县住房和城乡建设局\n2025年11月18日\n',
     [('城东片区排涝', 'met')]),
    # 争取到的资金 is done
    ('泓川县人民政府办公室\n关于印发县人大三次会议代表建议交办清单的通知\n1.关于加快城东片区排涝设施建设的建议（第11号，代表：周某某等4人）：年内新建改造城东片区排涝管网6公里。（主办单位：县住建局）\n2.关于推进背街小巷改造的建议（第27号，代表：吴某某）：年内完成背街小巷改造15条。（主办单位：县住建局）\n',
     '泓川县住房和城乡建设局\n关于县人大三次会议代表建议办理情况的答复函\n泓住建函〔2025〕14号\n各位代表：\n一、关于第11号建议的答复\n周某某代表：\n今年我局争取上级补助资金1200万元，新建改造城东片区排涝管网6.5公里。\n二、关于第27号建议的答复\n吴某某代表：\n背街小巷改造计划15条，目前已完工9条，其余6条正在加紧施工。\n泓川县住房和城乡建设局\n2025年11月18日\n',
     [('城东片区排涝', 'met')]),
    # 移交 is done
    ('泓川县人民政府办公室\n关于印发县人大三次会议代表建议交办清单的通知\n1.关于加快城东片区排涝设施建设的建议（第11号，代表：周某某等4人）：年内新建改造城东片区排涝管网6公里。（主办单位：县住建局）\n2.关于推进背街小巷改造的建议（第27号，代表：吴某某）：年内完成背街小巷改造15条。（主办单位：县住建局）\n',
     '泓川县住房和城乡建设局\n关于县人大三次会议代表建议办理情况的答复函\n泓住建函〔2025〕14号\n各位代表：\n一、关于第11号建议的答复\n周某某代表：\n城东片区新建排涝管网6.5公里，已全部移交县排水公司运营管理。\n二、关于第27号建议的答复\n吴某某代表：\n背街小巷改造计划15条，目前已完工9条，其余6条正在加紧施工。\n泓川县住房和城乡建设局\n2025年11月18日\n',
     [('城东片区排涝', 'met')]),
    # a result before 力争…
    ('泓川县人民政府办公室\n关于印发县人大三次会议代表建议交办清单的通知\n1.关于加快城东片区排涝设施建设的建议（第11号，代表：周某某等4人）：年内新建改造城东片区排涝管网6公里。（主办单位：县住建局）\n2.关于推进背街小巷改造的建议（第27号，代表：吴某某）：年内完成背街小巷改造15条。（主办单位：县住建局）\n',
     '泓川县住房和城乡建设局\n关于县人大三次会议代表建议办理情况的答复函\n泓住建函〔2025〕14号\n各位代表：\n一、关于第11号建议的答复\n周某某代表：\n城东片区排涝管网改造工程完成6.5公里，城东片区内涝问题基本解决，力争明年汛期前完成配套泵站建设。\n二、关于第27号建议的答复\n吴某某代表：\n背街小巷改造计划15条，目前已完工9条，其余6条正在加紧施工。\n泓川县住房和城乡建设局\n2025年11月18日\n',
     [('城东片区排涝', 'met')]),
    # parts headed 对…代表所提建议的答复
    ('泓川县人民政府办公室\n关于印发县人大三次会议代表建议交办清单的通知\n1.关于加快城东片区排涝设施建设的建议（代表：周某某等4人）：年内新建改造城东片区排涝管网6公里。（主办单位：县住建局）\n2.关于推进背街小巷改造的建议（代表：吴某某）：年内完成背街小巷改造15条。（主办单位：县住建局）\n',
     '泓川县住房和城乡建设局\n关于县人大三次会议代表建议办理情况的答复函\n泓住建函〔2025〕14号\n各位代表：\n一、对周某某代表所提建议的答复\n今年以来，我局新建改造城东片区排涝管网6.5公里，城东片区内涝问题已基本解决。\n二、对吴某某代表所提建议的答复\n背街小巷改造计划15条，目前已完工9条，其余6条正在加紧施工。\n泓川县住房和城乡建设局\n2025年11月18日\n',
     [('城东片区排涝', 'met')]),
    # a part headed 关于《…》的答复 with a long title
    ('泓川县人民政府办公室\n关于印发县人大三次会议代表建议交办清单的通知\n1.关于加快城东片区排涝设施建设的建议（代表：周某某等4人）：年内新建改造城东片区排涝管网6公里。（主办单位：县住建局）\n2.关于推进背街小巷改造的建议（代表：吴某某）：年内完成背街小巷改造15条。（主办单位：县住建局）\n',
     '泓川县住房和城乡建设局\n关于县人大三次会议代表建议办理情况的答复函\n泓住建函〔2025〕14号\n各位代表：\n一、关于《关于加快推进城东片区老旧排水管网雨污分流改造和排涝设施建设的建议》的答复\n今年以来，我局新建改造城东片区排涝管网6.5公里，城东片区内涝问题已基本解决。\n二、对吴某某代表所提建议的答复\n背街小巷改造计划15条，目前已完工9条，其余6条正在加紧施工。\n泓川县住房和城乡建设局\n2025年11月18日\n',
     [('城东片区排涝', 'met')]),
    # a headline title with a unit before its colon (…住建局：2025年工作总结)
    ('泓川县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、推进城市更新\n1.推进城镇老旧小区改造，到2027年累计改造城镇老旧小区200个，2025年改造80个。（牵头单位：县住建局）\n2.实施口袋公园建设行动，年内新建口袋公园5个。（牵头单位：县住建局）\n',
     '泓川县住建局：2025年工作总结\n一、2025年主要工作完成情况\n全年改造城镇老旧小区85个，惠及居民6800户。\n全年新建口袋公园6个。\n二、2026年工作打算\n继续抓好各项工作落实。\n泓川县住房和城乡建设局\n2026年1月8日\n',
     [('老旧小区', 'met')]),
    # a number before the suggestion's title (1.（第11号）关于…)
    ('泓川县人民政府办公室\n关于印发县人大三次会议代表建议交办清单的通知\n1.（第11号）关于加快城东片区排涝设施建设的建议：年内新建改造城东片区排涝管网6公里。（主办单位：县住建局）\n2.（第27号）关于加快城西片区排涝设施建设的建议：年内新建改造城西片区排涝管网4公里。（主办单位：县住建局）\n',
     '泓川县住房和城乡建设局\n关于县人大三次会议代表建议办理情况的答复函\n泓住建函〔2025〕14号\n各位代表：\n一、关于第11号建议的答复\n周某某代表：\n城东片区排涝管网改造项目已完成前期设计，因资金未落实，年内未能开工。\n二、关于第27号建议的答复\n吴某某代表：\n今年以来，我局新建改造城西片区排涝管网4.5公里，城西片区排涝能力明显提升。\n泓川县住房和城乡建设局\n2025年11月18日\n',
     [('第11号', 'not_met'), ('第27号', 'met')]),
]


@pytest.mark.parametrize(("plan", "report", "expected"), THIRD_REVIEW + FOURTH_REVIEW + FIFTH_REVIEW)
def test_fixes_from_reviews(plan: str, report: str, expected: list[tuple[str, str]]) -> None:
    base, other = _pair(plan, report, "plan.txt", "report.txt")
    got = compare(base, [other]).directives
    assert [next(d.results[0].status for d in got if words in d.text) for words, _ in expected] == [s for _, s in expected]


def test_a_baseline_of_work_already_done_is_no_target() -> None:
    plan = ("泓川县人民政府办公室关于印发2025年重点工作任务分解方案的通知\n一、推进城市更新\n"
            "1.实施城市更新行动，在已建成城镇老旧小区改造项目120个的基础上，年内再改造城镇老旧小区80个。（牵头单位：县住房城乡建设局）\n")
    assert _status_of(plan, HOUSING_SUMMARY.format("全年改造城镇老旧小区85个。"), "再改造") == "met"


def test_a_task_on_one_levels_enterprises_is_not_done_by_anothers() -> None:
    # a province's task on its own enterprises (省属国有企业) is not done by a city restructuring the city's (市属国企);
    # a sentence naming them with words between (省属监管企业), or no owner, or a base naming every level's (中央企业和
    # 地方国有企业) keeps its evidence (invented sentences)
    plan = _city_plan("深化国资国企改革，推动省属国有企业战略性重组和专业化整合，省属企业营业收入增长6%以上。\n")
    got = {}
    for said in ("完成市属国有企业整合重组，组建城投、产投两大集团，市属国企营业收入增长8.1%。",
                 "盟属国有企业完成战略性重组和专业化整合，融资平台数量压降至4家。",  # (a league's: 盟 is a level too)
                 "组建产业联盟，联盟管理企业完成战略性重组和专业化整合。",  # (联盟管理: no league's)
                 "会同市属国有企业完成整合重组，组建城投集团。",  # (会同 before 市属: still the city's)
                 "配合省属国有企业战略性重组，省属监管企业营业收入增长7.1%。",
                 "推进国有企业战略性重组和专业化整合，组建产投集团。"):
        base, other = _pair(plan, _unit_review(said + "\n全市规上工业增加值增长7.2%。"))
        got[said[:6]] = compare(base, [other]).directives[0].results[0].status
    assert got == {"完成市属国有": "unknown", "盟属国有企业": "unknown", "组建产业联盟": "met", "会同市属国有": "unknown",
                   "配合省属国有": "met", "推进国有企业": "met"}
    base, other = _pair(_city_plan("推动中央企业和地方国有企业战略性重组和专业化整合。\n"),
                        _unit_review("推动省属国有企业战略性重组和专业化整合，组建省港口集团。\n全市规上工业增加值增长7.2%。"))
    assert compare(base, [other]).directives[0].results[0].status == "met"


def test_the_bases_own_place_name_is_no_term() -> None:
    # 澜州 names where the task is, not what it is: a unit's sentence sharing the name and a common word (国际) is no
    # evidence; one naming the task's own object (陆港) is (invented sentences)
    plan = _city_plan("加快建设澜州国际陆港，推动中欧班列开行量突破900列。\n")
    got = []
    for said in ("成功举办第五届澜州国际产业合作博览会，新增“澜州精品”认证企业42家、主导制定国际标准26项。",
                 "澜州国际陆港东湖片区一期建成投用，新开通国际货运线路3条。"):
        base, other = _pair(plan, _unit_review(said + "\n全区规上工业增加值增长7.2%。"))
        got.append(compare(base, [other]).directives[0].results[0].status)
    assert got == ["unknown", "met"]


def test_a_measure_of_something_else_is_no_evidence() -> None:
    # an item naming whose figure it sets (省属企业营业收入) is not matched by the same measure of something else
    # (高新区营业收入, 规上工业营业收入); it is by that of its own subject. The review is long enough for 营业收入 to be
    # rare among its sentences, as in a real report (invented sentences)
    plan = _city_plan("深化国资国企改革，推动省属国有企业战略性重组和专业化整合，省属企业营业收入增长6%以上。\n")
    got = []
    for said in ("开发区整合提升扎实推进，高新区、经开区营业收入分别增长9.6%和8.3%。",
                 "经济总量稳步扩大，规上工业营业收入突破6000亿元。",
                 "规上工业企业达到412家，规上工业企业营业收入突破900亿元。",  # (企业: whose, any enterprises)
                 "配合省属国有企业战略性重组，省属企业营业收入增长7.1%。"):
        base, other = _pair(plan, _unit_review(said + "\n" + _FILLER))
        got.append(compare(base, [other]).directives[0].results[0].status)
    assert got == ["unknown", "unknown", "unknown", "met"]
    # (a task's own words in their abbreviation are no measure: 技改 is 技术改造)
    base, other = _pair(_city_plan("企业技改投资增长15%。\n"), _unit_review("全区企业技术改造投资增长18.6%。\n" + _FILLER))
    assert compare(base, [other]).directives[0].results[0].status == "met"
    # (a measure's pieces too: 增加值 is 增加, 加值)
    base, other = _pair(_city_plan("数字经济核心产业增加值增长10%。\n"), _unit_review("全区农业增加值增长3.5%。\n" + _FILLER))
    assert compare(base, [other]).directives[0].results[0].status == "unknown"


def _first_statuses(cases: list[tuple[str, str]]) -> list[str]:
    """For each (task, said): the status of the city plan's first directive (`task`) in a unit's review saying `said`
    among the filler lines."""
    out = []
    for task, said in cases:
        base, other = _pair(_city_plan(task + "\n"), _unit_review(said + "\n" + _FILLER))
        out.append(compare(base, [other]).directives[0].results[0].status)
    return out


def test_all_of_the_whole_is_a_coverage_though_a_name_holds_zhong() -> None:
    """全县14所乡镇中心学校均…: the 中 of 中心 is no "among them" (全县14所乡镇中心学校中，已有9所… is)."""
    task = "年内实现乡镇中心学校与城区优质学校结对帮扶全覆盖。"
    assert _first_statuses([(task, "全县14所乡镇中心学校均与城区学校结对。"),
                            (task, "全县14所乡镇中心学校中，已有9所与城区学校结对。")]) == ["met", "partial"]


def test_a_manner_or_a_scope_is_no_object() -> None:
    # 高标准建设…实验室 (how: 高标准 before a verb) shares no object with 新建高标准农田, nor 乡镇千兆光网全部覆盖 (a scope,
    # 全部) with 医共体覆盖全部乡镇卫生院; 高标准 naming an object still matches (高标准市场体系, 高标准农田 by its
    # abbreviation 高标农田) (invented sentences)
    cases = [("高标准建设澜州实验室，年内完成一期工程并投入运行。", "新建高标准农田1.6万亩，完成高标准农田改造提升0.8万亩。"),
             ("加快数字基础设施建设，新建5G基站1500个，乡镇千兆光网全部覆盖。",
              "深化紧密型县域医共体建设，医共体覆盖全部乡镇卫生院。"),
             ("加快建设高标准市场体系。", "高标准市场体系建设扎实推进，清理隐性壁垒12项。"),
             ("新建高标准农田2万亩。", "建成高标农田1.2万亩。")]
    assert _first_statuses(cases) == ["unknown", "unknown", "met", "met"]


def test_a_stage_or_who_acts_alone_is_no_object() -> None:
    # a clause saying only how far a task is to go (11月底前全部完工并通过验收) or who is to act with whom (协同推进) is
    # no item: 通过竣工验收 of other works, 协同 of another matter do not report it; 县级重点项目 names a kind of work:
    # the county's key projects report it, a 县级验收 does not; 力争 is how binding, not what (invented sentences)
    cases = [("新建农村无害化卫生户厕2400户，11月底前全部完工并通过验收。", "完成农村危房改造46户，全部通过竣工验收。"),
             ("新建农村无害化卫生户厕2400户，11月底前完成建设并通过验收。", "完成农村危房改造46户，全部通过竣工验收。"),
             ("城区新增公共停车泊位2000个，县住建局、县公安局交警大队要协同推进，年内完成。",
              "协同县营商办推行重点项目“首席服务员”制度，全县64个在建项目全部落实。"),
             ("加快实施县级重点项目60个。", "石门村软弱涣散党组织整顿通过县级验收并销号。"),
             ("改造提升农村公路45公里，年底前全部建成通车。", "县城北环线全线建成通车，城区交通更加顺畅。"),
             ("新建城东小学，年底前全部交付使用。", "城北污水处理厂建成并交付使用。"),
             ("加快实施县级重点项目60个。", "全县23个县级重点项目完成投资118.5亿元，完成年度计划的106%。"),
             ("力争全市新增经营主体5万户，其中新设企业1.2万户。", "全年新增经营主体6842户，其中新设企业1530户。")]
    assert _first_statuses(cases) == ["unknown"] * 6 + ["met", "met"]


def test_one_common_word_alone_covers_part_of_a_clause() -> None:
    # …8月底前完成改造28公里 leaves 改造 alone in its clause: a sentence sharing only that common word covers part of
    # the clause, not all of it; a rare word alone (普惠托育) covers most of its clause
    idf = {"改造": 0.54, "普惠托育": 0.85, "燃气": 0.8}
    d = DirectiveTerms.of([frozenset({"燃气"}), frozenset({"改造"}), frozenset({"普惠托育"})], idf)
    assert features(d, frozenset({"改造"}), idf).coverage == 0.54
    assert features(d, frozenset({"普惠托育"}), idf).coverage == 0.85
    assert SCORER.probability_of(feature_values(d, frozenset({"改造"}), idf)) < SCORER.threshold


def test_a_part_of_the_task_left_in_other_evidence_makes_it_partial() -> None:
    # the best evidence reports one part of the task done, another sentence of its evidence that part of it is left
    # (其余8个…结转至2026年实施): partial; not where some evidence says the whole target reached (完成年度任务的
    # 106%), nor where the sentence with the remainder speaks of nothing of the task the best evidence lacks (another
    # matter's remainder) (invented sentences)
    task = "新开通城乡公交线路4条，新建农村客运候车亭60个。"
    cases = [(task, "新开通城乡公交线路4条，线路总数达到21条。\n新建农村客运候车亭52个，其余8个因选址调整结转至2026年实施。"),
             (task, "新开通城乡公交线路4条，线路总数达到21条。\n新建农村客运候车亭63个，完成年度任务的106%，"
                    "其余3个因选址调整结转至2026年实施。"),
             (task, "新开通城乡公交线路4条，新建农村客运候车亭60个。\n城乡公交线路沿线站牌更新30块，其余5块结转至2026年实施。")]
    assert _first_statuses(cases) == ["partial", "met", "met"]


def test_a_deadline_said_missed_or_a_suggestion_not_taken_up_is_not_met() -> None:
    # 工程未能按期完工 says the task's deadline missed, whatever was built; of a part (其中2公里…未能按期完工) the rest
    # is done: partial; a reply's 暂时无法安排，留作今后工作参考 takes nothing up (invented sentences)
    task = "实施城区雨污分流改造工程，新建改造排水管网38公里，9月底前完工。"
    cases = [(task, "城区雨污分流改造工程新建改造排水管网38公里，受沿线征迁影响，工程未能按期完工。"),
             (task, "城区雨污分流改造工程新建改造排水管网38公里，其中2公里受沿线征迁影响未能按期完工。"),
             ("设立城市更新专项资金，每年安排不少于3000万元。", "受财力限制，城市更新专项资金暂时无法安排，留作今后工作参考。")]
    assert _first_statuses(cases) == ["not_met", "partial", "not_met"]


def test_only_a_part_of_the_task_left_is_a_remainder() -> None:
    # what another sentence says needs more work (仍需提升, 有待完善) or is planned next (二期…计划于2026年开工), a part
    # already done (其余3个均已…完成, 其余12个小区均于10月底前完成), an exception by kind (除3家涉密单位外) or the
    # handling of what was not in the task (对暂不具备改造条件的3个小区…) leave nothing of it: met; the rest without the
    # conditions, or due later in the year, is a remainder (invented sentences)
    old = "改造城镇老旧小区40个。"
    bus = "新开通城乡公交线路4条，新建农村客运候车亭60个。"
    lines = "新开通城乡公交线路4条，线路总数达到21条。\n"
    pipes = "实施城区雨污分流改造工程，新建改造排水管网38公里，9月底前完工。"
    cases = [(bus, lines + "新建农村客运候车亭60个，农村客运候车亭日常管护水平仍需提升。"),
             (bus, lines + "农村客运候车亭的管护机制有待进一步完善。"),
             (pipes, "城区雨污分流改造工程新建改造排水管网40公里，超过年度目标。\n城区雨污分流改造二期工程计划于2026年开工。"),
             (old, "城镇老旧小区改造40个，其余3个均已在10月底前完成建设并投用。"),
             (old, "除2023年已改造的3个小区外，其余12个小区均于10月底前完成改造。"),
             ("推进政府信息公开。", "除3家涉密单位外，其余单位均已主动公开政府信息。"),
             (old, "完成城镇老旧小区改造40个，对暂不具备改造条件的3个小区实施简易整治。"),
             (old, "完成城镇老旧小区改造38个，剩余2个小区暂不具备改造条件。"),
             (old, "完成城镇老旧小区改造37个，其余3个年内完成。")]
    assert _first_statuses(cases) == ["met"] * 7 + ["partial"] * 2


def test_industrys_growth_without_value_added_is_judged_by_its_figure() -> None:
    # 规上工业增速4.1% against 规上工业增加值增长6%: the figure decides, not the word 增长 (invented sentences)
    task = "规上工业增加值增长6%。"
    cases = [(task, "全区规上工业增速4.1%。"), (task, "规上工业增长 4.1%。"), (task, "规上工业增长7.2%。")]
    assert _first_statuses(cases) == ["not_met", "not_met", "met"]


FIRMS = "大力培育优质企业，新增规模以上工业企业200家以上。\n深入推进数字经济创新发展。\n全面推进乡村振兴，新建高标准农田5万亩。"
FIGURES = "全区地区生产总值增长5.6%，规模以上工业增加值增长6.8%，固定资产投资增长6.2%。"


@pytest.mark.parametrize(("plan", "review", "shown", "status"), [
    # the words of a figure a task sets, inside the name of another metric the review states: not its evidence
    (FIRMS, f"{FIGURES}\n新建高标准农田1.2万亩。\n新增限额以上商贸企业38家、规上服务业企业15家。", [], None),
    ("赤字率拟按3%安排，赤字规模86亿元，比上年年初预算增加12亿元。",
     "地方一般公共预算收入达到374.2亿元、增长0.7%，居民消费价格与上年基本持平，城镇调查失业率平均为4.2%。\n"
     "新建高标准农田1.2万亩。\n建成5G基站1200个。", [], "unknown"),
    (FIRMS, f"{FIGURES}\n新增规模以上工业企业21家，总数达到326家。", ["新增规模以上工业企业21家，总数达到326家。"], "met"),
    # a metric the task names by every word, or by naming the whole it is part of: its evidence
    (SOWING, "全县粮食播种面积68.4万亩、总产量2.76亿公斤，均超额完成市下达任务。\n新建高标准农田1.2万亩。",
     ["全县粮食播种面积68.4万亩、总产量2.76亿公斤，均超额完成市下达任务。"], "met"),
    ("多渠道促进增收，城乡居民人均可支配收入增长7%左右。", "农村居民人均可支配收入达到2.1万元，增长7.2%。\n新建高标准农田1.2万亩。",
     ["农村居民人均可支配收入达到2.1万元，增长7.2%。"], "met"),
    # a name run over a figure or a list names two things: the words before it are the first thing's
    ("完成粮食作物种植面积100万亩。", "全县粮食作物种植面积102万亩、总产量4.1亿公斤。\n新建高标准农田1.2万亩。",
     ["全县粮食作物种植面积102万亩、总产量4.1亿公斤。"], "met"),
    ("大力培育优质企业，规上工业企业营业收入增长10%。", "规模以上工业企业营业收入、增加值分别增长8%、6%。\n新建高标准农田1.2万亩。",
     ["规模以上工业企业营业收入、增加值分别增长8%、6%。"], "met"),
])
def test_another_metrics_name_is_no_evidence_of_a_tasks_figure(plan: str, review: str, shown: list[str],
                                                               status: str | None) -> None:
    base, other = _pair(_city_plan(plan), _unit_review(review))
    result = compare(base, [other]).directives[0].results[0]
    evidence = [e.text for e in result.evidence]
    assert evidence[:len(shown)] == shown and not any(e.startswith(("全区地区生产总值", "地方一般公共预算")) for e in evidence)
    assert status is None or result.status == status


def test_a_common_concept_counted_in_the_tasks_own_unit_is_its_evidence() -> None:
    """A sentence sharing only a common concept with a task (发展党员, in every town's summary) reports on it where it
    counts what the task's figure counts, in its unit (全年发展党员18名 for 发展党员不少于200名), not a count of
    something else (3个…未发展党员的村)."""
    plan = ("要把政治标准放在首位，严格执行发展党员工作细则，全县年内发展党员不少于200名，其中35岁以下的比例不低于70%。\n"
            "全面推进乡村振兴，全县新建高标准农田5万亩。")
    towns = [("柳湾镇", "全年发展党员18名，其中35岁以下14名。"), ("凤栖镇", "全年发展党员11名，其中35岁以下9名。"),
             ("石渠镇", "原有的3个两年以上未发展党员的村，年内均发展了党员。")]
    base = analyze_document(read_bytes(_city_plan(plan).encode(), "plan.txt", ".txt"))
    others = [analyze_document(read_bytes(_unit_review(f"{said}\n对862名党员开展集中轮训。\n推行农村党员积分管理。\n"
                                                       "全县新建高标准农田1.2万亩。", town, "镇长 李明").encode(),
                                          f"{town}.txt", ".txt")) for town, said in towns]
    results = compare(base, others).directives[0].results
    assert [r.status for r in results] == ["met", "met", "unknown"]
    assert results[0].evidence[0].text == "全年发展党员18名，其中35岁以下14名。"


@pytest.mark.parametrize(("plan", "review", "status"), [
    # only its groundwork done, or its papers sent up for approval: begun, not done
    ("新建城东污水处理厂，年底前投入运行。", "城东污水处理厂已完成选址和可研编制。", "partial"),
    ("推进智慧社区试点建设，年内建成3个示范社区。", "智慧社区试点实施方案已报送市发展改革委审核。", "partial"),
    ("开展全区土壤污染状况详查。", "全区土壤污染状况详查已完成布点采样。", "partial"),
    # the task is that stage, or more is said done after it
    ("年内完成城东污水处理厂选址。", "城东污水处理厂已完成选址。", "met"),
    ("编制智慧社区试点实施方案并报市审批。", "智慧社区试点实施方案已报送市发展改革委审批。", "met"),
    ("新建城东污水处理厂，年底前投入运行。", "城东污水处理厂已完成选址，主体工程已完工并投入运行。", "met"),
])
def test_a_first_stage_done_is_work_under_way(plan: str, review: str, status: str) -> None:
    base, other = _pair(_city_plan(plan), _unit_review(f"{review}\n新建高标准农田1.2万亩。"))
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("headline", "status"), [
    ("柳湾镇一季度重点工作推进情况", "partial"),  # a bulletin's headline under its masthead: part of the year
    ("柳湾镇2025年重点工作完成情况", "met"),
])
def test_a_bulletins_headline_under_its_masthead_dates_it(headline: str, status: str) -> None:
    plan = _city_plan("持续优化营商环境，全年新增经营主体2000户以上。")
    bulletin = (f"柳湾镇工作简报\n第2期（总第58期）\n柳湾镇人民政府办公室　　2025年4月7日\n\n{headline}\n\n"
                "今年以来，柳湾镇对照市2025年重点工作任务，抓早抓实、压茬推进，各项工作实现良好开局。\n一、经济运行\n"
                "新增经营主体74户。\n二、农业农村\n新建高标准农田1.2万亩。\n")
    base, other = _pair(plan, bulletin, "plan.txt", "bulletin.txt")
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("said", "status"), [
    # the year's plan restated (in a report of the year, or heard from a unit in a news report): nothing done
    ("今年全区计划改造老旧小区42个，涉及居民1.1万户。", "unknown"),
    ("记者从区住建局获悉，今年全区计划改造老旧小区42个，涉及居民1.1万户。", "unknown"),
    # the plan, then what is done of it
    ("今年全区计划改造老旧小区42个，已完工38个，其余4个正在加紧施工。", "partial"),
    ("今年以来，全区改造老旧小区42个，涉及居民1.1万户。", "met"),
])
def test_a_plan_restated_is_no_result(said: str, status: str) -> None:
    base, other = _pair(_city_plan("加快老旧小区改造，年内完成改造老旧小区42个、惠及居民1.1万户。"),
                        _unit_review(f"{said}\n新建高标准农田1.2万亩。"))
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("task", "status", "shown"), [
    # a dash's point opening a paragraph is its label, no evidence: the field's words are not the task's
    ("加快口岸基础设施建设，推进敖汐图口岸扩能改造，全区口岸过货量增长10%以上。", "unknown", None),
    # the sentences after it report the work
    ("加快农村公路建设，全年新改建农村公路500公里。", "met", "新改建农村公路560公里，实施水源置换工程12处。"),
])
def test_a_dashed_point_is_a_label(task: str, status: str, shown: str | None) -> None:
    review = ("——加强基础设施建设，发展条件持续改善。新改建农村公路560公里，实施水源置换工程12处。\n"
              "——保障改善民生，社会事业全面进步。新建改扩建幼儿园8所。")
    base, other = _pair(_city_plan(task), _unit_review(review))
    result = compare(base, [other]).directives[0].results[0]
    assert result.status == status and (shown is None or result.evidence[0].text == shown)


@pytest.mark.parametrize(("plan", "said", "status"), [
    # a year's summary saying what it did this year (今年 is the year reported on), a plan's own words after 今年
    ("全年完成造林1万亩。", "今年，全区完成造林1.2万亩，完成年度计划的120%。", "met"),
    ("全年完成造林1万亩。", "今年，全区共完成造林1.2万亩，超额完成年度造林计划。", "met"),
    ("全年完成造林1万亩。", "今年，全区完成造林1.2万亩，力争明年再造林2万亩。", "met"),
    # a plan's own words that look like work done: still a plan
    ("年内完成改造老旧小区42个。", "下一步，将完成12个老旧小区改造。", "unknown"),
    ("年内完成改造老旧小区42个。", "下一步，将加快推进已开工的老旧小区改造。", "unknown"),
    ("年内完成改造老旧小区42个。", "据了解，今年全区计划改造老旧小区42个。", "unknown"),
])
def test_fixes_from_a_review_of_plan_sentences(plan: str, said: str, status: str) -> None:
    summary = f"东湖区2025年工作总结\n一、主要工作完成情况\n{said}\n新建高标准农田1.2万亩。\n二、2026年工作打算\n继续抓好落实。\n"
    base, other = _pair(_city_plan(plan), summary)
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("plan", "review", "status"), [
    ("新建城东污水处理厂，年底前投入运行。", "城东污水处理厂已完成选址，已完成可研编制。", "partial"),  # two stages, both first
    ("规划建设城东污水处理厂，年底前投入运行。", "城东污水处理厂已完成规划设计。", "partial"),  # 规划 is not 规划设计
    ("积极申报中央预算内投资，新建城东污水处理厂。", "城东污水处理厂已完成选址和可研编制。", "partial"),  # 申报 of funds
    ("积极推进城东省级高新区创建工作，年内获批设立。", "城东省级高新区设立申请已报经省政府批准。", "met"),  # sent up, approved
])
def test_fixes_from_a_review_of_first_stages(plan: str, review: str, status: str) -> None:
    base, other = _pair(_city_plan(plan), _unit_review(f"{review}\n新建高标准农田1.2万亩。"))
    assert compare(base, [other]).directives[0].results[0].status == status


def test_a_bulletins_date_line_is_no_part_heading() -> None:
    plan = _city_plan("持续优化营商环境，全年新增经营主体2000户以上。")
    bulletin = ("柳湾镇工作简报\n\n\n第2期\n\n2025.4.7\n\n柳湾镇一季度重点工作推进情况\n\n"
                "今年以来，柳湾镇对照市2025年重点工作任务，抓早抓实、压茬推进，各项工作实现良好开局。\n一、经济运行\n"
                "新增经营主体74户。\n二、农业农村\n新建高标准农田1.2万亩。\n")
    base, other = _pair(plan, bulletin, "plan.txt", "bulletin.txt")
    assert compare(base, [other]).directives[0].results[0].status == "partial"



def test_words_of_how_work_is_driven_are_no_terms_of_a_task() -> None:
    """倒排工期、挂图作战 say how a task is driven, not what it is: the task's terms are its estates and their works
    period, and a district's own estates all started is its evidence (invented texts)."""
    from nlp.match.evidence import Terms, directive_items

    plan = _city_plan("市住建局要对2025年计划改造的60个老旧小区倒排工期、挂图作战，6月底前全部开工建设。")
    review = _unit_review(_FILLER + "\n辖区纳入2025年改造计划的7个老旧小区已于6月中旬全部开工。")
    base, other = _pair(plan, review)
    d = next(d for d in base.directives if "老旧小区" in d.text)
    terms = frozenset().union(*directive_items(Terms(base), d))
    assert {"老旧", "小区"} <= terms and not terms & {"倒排", "挂图", "作战"}, terms
    row = next(r for r in compare(base, [other]).directives if r.text == d.text)
    assert row.results[0].evidence and "7个老旧小区" in row.results[0].evidence[0].text, row.results[0]


@pytest.mark.parametrize(("review", "status"), [
    ("1—11月，局发文数量同比压减9.6%，会议数量同比压减7.2%。", "not_met"),  # both cut by less
    ("全年局发文数量同比压减18.2%，会议数量同比压减12.5%。", "met"),
    ("全年局发文数量同比压减18.2%，会议数量同比压减7.2%。", "partial"),
])
def test_a_cut_by_a_share_no_lexicon_names_is_judged_by_its_figures(review: str, status: str) -> None:
    """A task to cut what no metric of the lexicon names (发文数量较2024年压减15%以上) against the cuts a unit reports
    by the same names (invented texts)."""
    plan = _city_plan("1. 2025年各部门发文数量较2024年压减15%以上，会议数量压减10%以上。")
    base, other = _pair(plan, _unit_review(_FILLER + "\n" + review, "澜州市住建局", "局长 方远"))
    row = next(d for d in compare(base, [other]).directives if "发文数量" in d.text)
    assert row.results[0].status == status, row.results[0]


@pytest.mark.parametrize(("review", "status"), [
    # the words say one target missed; the figures say the other is short too
    ("全年向民间资本推介项目43个、总投资126亿元，未完成推介项目不少于50个的年度目标。", "not_met"),
    ("全年向民间资本推介项目43个、总投资168亿元，未完成推介项目不少于50个的年度目标。", "partial"),
])
def test_a_target_said_missed_and_the_others_by_their_figures(review: str, status: str) -> None:
    plan = _city_plan("要激发民间投资，全年向民间资本推介项目不少于50个、总投资不低于150亿元。").replace("澜州市", "东湖区")
    base, other = _pair(plan, _unit_review(review))
    row = next(d for d in compare(base, [other]).directives if "民间资本" in d.text)
    assert row.results[0].status == status, row.results[0]


@pytest.mark.parametrize(("review", "status"), [
    ("边民互市贸易额完成21.3亿元、增长9.6%，新建互市商品落地加工企业2家。", "not_met"),
    ("边民互市贸易额完成26.8亿元、增长17.2%，新建互市商品落地加工企业2家。", "met"),
])
def test_the_growth_after_an_amount_is_the_metrics(review: str, status: str) -> None:
    """贸易额完成21.3亿元、增长9.6%: the growth after the 、 is the named metric's, against its growth target (invented
    texts)."""
    plan = _city_plan("要大力发展边民互市贸易，边民互市贸易额增长15%以上。").replace("澜州市", "东湖区")
    base, other = _pair(plan, _unit_review(review))
    row = next(d for d in compare(base, [other]).directives if "互市" in d.text)
    assert row.results[0].status == status, row.results[0]


@pytest.mark.parametrize(("plan", "review", "found"), [
    # money got or handed on for the work is no work of it done
    ("年内完成6座小型水库除险加固。", "下达小型水库除险加固中央和省级补助资金540万元。", False),
    ("要加快城区第三小学扩建工程建设，8月底前建成投入使用。", "统筹安排城区第三小学扩建工程资金2400万元，已按工程进度拨付1850万元。", False),
    # the work done besides, in a clause of its own, is
    ("年内完成6座小型水库除险加固。", "拨付补助资金540万元，完成小型水库除险加固4座。", True),
    # a task about the money: its money got is its evidence
    ("要积极争取上级资金支持，年内到位上级资金3000万元以上。", "县城供水管网改造工程已争取到上级资金1850万元。", True),
    ("要发放育儿补贴，增加普惠托育服务供给。", "下达育儿补贴资金2.4亿元。", True),
    # money and the work done with it in one clause: the work is evidence
    ("要加快农村寄宿制学校建设，新建农村寄宿制学校5所。", "筹集资金1.2亿元新建农村寄宿制学校3所。", True),
    ("要实施城镇老旧小区改造50个。", "争取中央预算内投资和专项债券资金3.2亿元实施老旧小区改造42个。", True),
    # a quota is no money (下达…额度), and tasks about money given out are about money (资助, 兑现, 引资)
    ("要完成能耗强度降低目标和用能额度控制任务。", "全面完成市下达的能耗强度降低目标和用能额度控制任务。", True),
    ("要落实学生资助政策。", "拨付学生资助资金3200万元，惠及1.8万人次。", True),
    ("要兑现惠企政策。", "兑现惠企政策资金1.8亿元。", True),
])
def test_money_got_or_handed_on_is_no_work_done_unless_the_task_or_the_clause_is_about_it(plan: str, review: str, found: bool) -> None:
    base, other = _pair(_city_plan(plan), _unit_review(_FILLER + "\n" + review))
    row = compare(base, [other]).directives[0]
    assert bool(row.results[0].evidence) == found, row.results[0]


@pytest.mark.parametrize(("review", "status"), [
    ("全年新改建农村公路486公里、实施危桥改造41座。", "met"),  # a city's own part of the province's total
    ("全年新改建农村公路486公里，危桥改造因资金未到位未能按期完成。", "not_met"),
])
def test_a_city_bureau_does_its_part_of_its_province_departments_total(review: str, status: str) -> None:
    """A province's department (沧澜省交通运输厅) sets totals its cities' bureaus each do a part of (invented texts)."""
    plan = "沧澜省交通运输厅2025年工作要点\n一、重点任务\n1. 全年新改建农村公路3200公里、实施危桥改造260座，各市局组织实施。\n"
    review = f"曜川市交通运输局2025年工作总结\n一、工作完成情况\n{review}\n二、2026年工作打算\n继续抓好农村公路建设。\n"
    base, other = _pair(plan, review)
    row = next(d for d in compare(base, [other]).directives if "农村公路" in d.text)
    assert row.results[0].status == status, row.results[0]


@pytest.mark.parametrize(("review", "status"), [
    ("省下发的21个自然保护地问题线索已完成核查12个。", "partial"),  # the whole, then what is done of it
    ("省下发的21个自然保护地问题线索已全部完成核查整改。", "met"),
])
def test_so_many_of_all_done_for_a_task_to_complete(review: str, status: str) -> None:
    """A task to complete something (完成…问题线索核查整改) that sets no count: 12 of 21 done is part of it (invented
    texts)."""
    plan = _city_plan("要完成省下发的自然保护地问题线索核查整改。").replace("澜州市", "东湖区")
    base, other = _pair(plan, _unit_review(review))
    row = next(d for d in compare(base, [other]).directives if "问题线索" in d.text)
    assert row.results[0].status == status, row.results[0]


MEASURES = ("{unit}2025年重点工作任务分解表\n序号\t重点工作\t具体任务\t牵头单位\t完成时限\t进展情况\n"
            "6\t养老服务\t1.新建社区（村）老年助餐点15个。 2.完成特殊困难老年人家庭适老化改造300户。 "
            "3.推动乡镇敬老院转型为区域养老服务中心，年内完成转型4家。\t县民政局\t2025年12月底前\t{cell}\n")


@pytest.mark.parametrize("marks", [("1.", "2.", "3."), ("（1）", "（2）", "（3）"), ("①", "②", "③")])
def test_a_row_of_numbered_measures_answered_by_number(marks: tuple[str, str, str]) -> None:
    """A task cell of numbered measures, a progress cell answering them by number (1. 2. 3., （1）（2）（3）, ①②③):
    each measure by its own answer (the help points built, met; the nursing home not begun, not met), not by the
    whole cell (invented texts)."""
    plan = "澄岭县2025年重点工作任务\n一、重点任务\n要新建社区（村）老年助餐点15个。\n要完成特殊困难老年人家庭适老化改造300户。\n" \
           "要推动乡镇敬老院转型为区域养老服务中心，年内完成转型4家。\n"
    one, two, three = marks
    cell = f"{one}在镇区、白沙村新建老年助餐点2个，均已投入运营。 {two}开展“敬老月”活动，走访慰问特殊困难老年人家庭46户。 " \
           f"{three}镇敬老院转型工作因产权移交手续未办结，年内未能启动。"
    row = MEASURES.format(unit="澄岭县白沙镇", cell=cell)
    for k, mark in enumerate(marks, 1):
        row = row.replace(f"{k}.新建社区" if k == 1 else f" {k}.完成特殊" if k == 2 else f" {k}.推动乡镇",
                          (mark if k == 1 else " " + mark) + ("新建社区" if k == 1 else "完成特殊" if k == 2 else "推动乡镇"))
    base, other = _pair(plan, row)
    statuses = {d.text[1:6]: d.results[0].status for d in compare(base, [other]).directives}
    assert statuses["新建社区（"] == "met" and statuses["推动乡镇敬"] == "not_met", statuses


def test_visitors_from_home_and_abroad_are_visitors() -> None:
    """国内外 says where visitors come from, not what the task counts: 全年接待游客860万人次 reports 全年接待国内外游客…
    (invented texts)."""
    from nlp.match.evidence import Terms, directive_items

    plan = _city_plan("要深入实施文旅融合行动，全年接待国内外游客2600万人次以上。")
    review = _unit_review(_FILLER + "\n举办草原文化节等节会活动16场，全年接待游客860万人次、增长10.2%。")
    base, other = _pair(plan, review)
    d = next(d for d in base.directives if "游客" in d.text)
    assert not frozenset().union(*directive_items(Terms(base), d)) & {"国内外", "国内", "内外"}
    row = next(r for r in compare(base, [other]).directives if r.text == d.text)
    assert row.results[0].evidence and "860万人次" in row.results[0].evidence[0].text, row.results[0]


@pytest.mark.parametrize(("review", "status"), [
    ("全年三公经费支出同比增长6.3%。", "not_met"),  # a growth said of a cut to make
    ("全年三公经费支出同比下降7.5%。", "met"),
    ("全年三公经费支出同比下降3.1%。", "not_met"),
])
def test_a_cut_to_make_against_a_growth_said(review: str, status: str) -> None:
    plan = _city_plan("要严格落实过紧日子要求，三公经费支出较上年压缩5%以上。").replace("澜州市", "东湖区")
    base, other = _pair(plan, _unit_review(review))
    row = next(d for d in compare(base, [other]).directives if "三公经费" in d.text)
    assert row.results[0].status == status, row.results[0]


@pytest.mark.parametrize("review", [
    "边民互市贸易额完成21.3亿元、比去年增长9.6%。", "边民互市贸易额完成21.3亿元、同口径增长9.6%。", "边民互市贸易额完成21.3亿元、增幅9.6%。"])
def test_the_growth_after_an_amount_in_other_words(review: str) -> None:
    plan = _city_plan("要大力发展边民互市贸易，边民互市贸易额增长15%以上。").replace("澜州市", "东湖区")
    base, other = _pair(plan, _unit_review(review))
    row = next(d for d in compare(base, [other]).directives if "互市" in d.text)
    assert row.results[0].status == "not_met", row.results[0]


def test_ferries_counted_in_dao_so_many_of_all() -> None:
    plan = _city_plan("要完成全区渡口标准化改造。").replace("澜州市", "东湖区")
    base, other = _pair(plan, _unit_review("全区14道渡口中已有11道完成标准化改造。"))
    assert compare(base, [other]).directives[0].results[0].status == "partial"


@pytest.mark.parametrize(("head", "unit"), [
    # a salutation is no unit; a title on carrying out a superior's plan names the superior, not the unit; a long
    # department's name; halls are no organs
    ("2025年重点工作完成情况通报\n各区县：", None),
    ("关于贯彻落实沧澜省交通运输厅2025年工作要点的情况报告\n曜川市交通运输局", "曜川市交通运输局"),
    ("沧澜省人力资源和社会保障厅2025年工作要点", "沧澜省人力资源和社会保障厅"),
    ("东湖区供电公司营业厅2025年工作总结", None),
])
def test_units_of_salutations_superiors_and_halls(head: str, unit: str | None) -> None:
    analysis = analyze_document(read_bytes(f"{head}\n\n同志们：\n\n要加强工作。\n".encode(), "x.txt", ".txt"))
    assert document_unit(analysis) == unit


@pytest.mark.parametrize(("review", "status"), [
    ("对排查出的186户问题户厕逐户建立整改台账，目前已全部整改到位，并通过县级复核。", "met"),  # all done by mid-year
    ("对排查出的186户问题户厕逐户建立整改台账，目前已整改到位120户。", "partial"),
])
def test_all_put_right_in_a_half_year_report_is_done(review: str, status: str) -> None:
    plan = "澄岭县2025年重点工作\n一、重点任务\n要对排查出的问题户厕实行清单化管理，6月底前全部整改到位，全年完成户厕改造1200户。\n"
    report = f"澄岭县柳塘镇2025年上半年工作总结\n一、上半年工作完成情况\n{review}\n二、下半年工作打算\n继续抓好改厕。\n"
    base, other = _pair(plan, report)
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("review", "status"), [
    # words of reaching that are planned, hoped for, negated or said of money reach nothing in a half-year report
    ("新建5G基站320个，预计年底前全部完工。", "partial"),
    ("新建5G基站320个，力争三季度末达到序时进度。", "partial"),
    ("新建5G基站320个，建设资金已全部拨付到位。", "partial"),
    ("新建5G基站320个，全部建成投用，达到序时进度。", "met"),
])
def test_words_of_reaching_state_a_fact(review: str, status: str) -> None:
    """A town's own part of its county's total in a half-year report: reached where it says so as a fact."""
    plan = "澄岭县2025年重点工作\n一、重点任务\n要加快信息基础设施建设，全年新建5G基站600个。\n"
    report = f"澄岭县柳塘镇2025年上半年工作总结\n一、上半年工作完成情况\n{review}\n二、下半年工作打算\n继续抓好建设。\n"
    base, other = _pair(plan, report)
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("plan", "review", "found"), [
    # money for a purpose is no work done with it
    ("要实施城镇老旧小区改造50个。", "争取中央预算内资金8000万元用于老旧小区改造。", False),
    ("要加快农村寄宿制学校建设。", "安排资金1.2亿元支持新建农村寄宿制学校。", False),
])
def test_money_for_a_purpose_is_no_work(plan: str, review: str, found: bool) -> None:
    base, other = _pair(_city_plan(plan), _unit_review(_FILLER + "\n" + review))
    assert bool(compare(base, [other]).directives[0].results[0].evidence) == found


@pytest.mark.parametrize(("task", "review", "status"), [
    # a rate to reach, success said, or another thing counted: no "so many of all"
    ("要完成督察反馈问题整改，整改完成率达到90%以上。", "36个问题已完成整改33个，整改完成率91.7%。", "met"),
    ("要完成信访积案化解。", "15件信访积案已化解12件，超额完成市下达的化解任务。", "met"),
    ("要完成农村电商服务站建设。", "全区9个乡镇已建成农村电商服务站6个。", "met"),
    ("要完成省下发的问题线索核查整改。", "省下发的问题线索21个，已完成核查整改12个。", "partial"),  # a comma between
])
def test_so_many_of_all_only_of_the_same_things(task: str, review: str, status: str) -> None:
    base, other = _pair(_city_plan(task).replace("澜州市", "东湖区"), _unit_review(review))
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("review", "status"), [
    ("全县三公经费支出压减比例提高到12%。", "met"),  # a rate measuring a cut is a level
    ("全县三公经费支出在上年增长的基础上下降7.5%。", "met"),  # the verb right before the figure
])
def test_the_sign_of_a_cut_from_the_words_before_its_figure(review: str, status: str) -> None:
    task = "三公经费支出压减比例不低于5%" if "比例" in review else "三公经费支出较上年压缩5%以上"
    plan = _city_plan(f"要严格落实过紧日子要求，{task}。").replace("澜州市", "东湖区")
    base, other = _pair(plan, _unit_review(review))
    assert compare(base, [other]).directives[0].results[0].status == status


@pytest.mark.parametrize(("head", "unit"), [
    ("筠阳市生态环境局关于临泓区分局2025年工作的通报", "筠阳市生态环境局"),
    ("关于认真贯彻落实沧澜省交通运输厅2025年工作要点的情况报告\n曜川市交通运输局", "曜川市交通运输局"),
])
def test_units_of_a_bureau_writing_on_its_branch_and_of_carrying_out(head: str, unit: str) -> None:
    analysis = analyze_document(read_bytes(f"{head}\n\n同志们：\n\n要加强工作。\n".encode(), "x.txt", ".txt"))
    assert document_unit(analysis) == unit
