"""Links within a document: a directive joined to the reports of the same matter, with a status."""

from __future__ import annotations

from nlp.ingest import read_bytes
from nlp.pipeline import analyze_document
from nlp.types import Analysis

# an invented county meeting: a review with a shortfall, then tasks under run-in points
MEETING = """在全县农业农村工作会议上的讲话

一、过去一年的工作
过去一年，全县农业农村工作取得新进展。新建冷链仓储库容3.2万吨，超额完成年度任务。
农村生活污水治理进展较慢，全县31个行政村中仅有12个村完成治理。

二、今年的重点任务
一要补齐农产品流通短板。各乡镇要加快建设产地冷链仓储设施，年内新增冷链仓储库容2万吨。
二要改善农村人居环境。各村必须在10月底前完成剩余19个村的生活污水治理任务。
三要加强干部作风建设。

同志们，各乡镇要加快农村生活污水治理，确保年底前全部完成。
"""


def analysed(text: str) -> Analysis:
    return analyze_document(read_bytes(text.encode(), "meeting.txt", ".txt"))


def linked_reports(analysis: Analysis, opening: str) -> list[str]:
    directive = next(d for d in analysis.directives if d.text.startswith(opening))
    reports = {r.id: r.text for r in analysis.reports}
    return [reports[r] for link in analysis.links if link.directive == directive.id for r in link.reports]


def test_a_heading_task_is_linked_to_the_reports_of_the_tasks_under_it() -> None:
    analysis = analysed(MEETING)
    assert any("冷链仓储库容3.2万吨" in r for r in linked_reports(analysis, "各乡镇要加快建设产地冷链"))
    # the point's own words (流通短板) name no report: it is carried out by the tasks under it
    assert any("冷链仓储库容3.2万吨" in r for r in linked_reports(analysis, "一要补齐农产品流通短板"))
    assert any("仅有12个村完成治理" in r for r in linked_reports(analysis, "二要改善农村人居环境"))
    link = next(x for x in analysis.links if x.directive == next(
        d.id for d in analysis.directives if d.text.startswith("二要改善农村人居环境")))
    assert link.status != "met"  # the task under it reports a shortfall


def test_a_run_in_point_takes_the_links_of_its_own_paragraph_only() -> None:
    """三要 has nothing of its own linked; the closing call after it (on sewage) is not one of its tasks."""
    analysis = analysed(MEETING)
    assert any("仅有12个村完成治理" in r for r in linked_reports(analysis, "同志们，各乡镇要加快农村生活污水治理"))
    assert linked_reports(analysis, "三要加强干部作风建设") == []


def test_who_is_to_act_does_not_weigh_against_a_link() -> None:
    """各县区和市直各部门主要负责同志要…整改率达到95%: the task's words tie it to the report of the rate, however
    many words name who is to do it."""
    text = ("在全市审计工作会议上的讲话\n同志们：\n一、去年工作回顾\n全市审计查出问题整改率为91.2%，比上年提高3.4个百分点。\n"
            "新建审计数据分析平台2个。\n二、今年重点工作\n各县区和市直各部门主要负责同志要"
            "确保年底前审计查出问题整改率达到95%以上。\n市大数据审计中心要加快数据分析平台建设。\n")
    assert any("整改率为91.2%" in r for r in linked_reports(analysed(text), "各县区和市直各部门主要负责同志要"))


def test_a_units_name_alone_ties_no_task_to_a_report() -> None:
    text = ("在全市国资工作会议上的讲话\n同志们：\n一、去年工作回顾\n市交通投资集团完成投资45亿元。\n二、今年重点工作\n"
            "市交通投资集团要强化安全生产管理，健全风险防控机制。\n")
    assert linked_reports(analysed(text), "市交通投资集团要") == []
