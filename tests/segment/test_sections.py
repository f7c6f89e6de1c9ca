"""Section roles: headings first, paragraph openings where headings say nothing, the five-year period by year."""

from __future__ import annotations

import pytest

from nlp.ingest import read_bytes
from nlp.pipeline import analyze_document, structure
from nlp.segment.sections import assign_roles, has_review_and_plan, heading_role, opening_role

REPORT = """2025年某市政府工作报告
——2025年1月10日在某市第十届人民代表大会第三次会议上
各位代表：
现在，我代表市人民政府，向大会报告政府工作，请予审议。
一、2024年工作回顾
过去一年，全市地区生产总值增长5.5%。
（一）着力扩大有效需求。新开工项目120个。
我们也清醒看到，经济回升基础还不稳固，一些企业经营困难。
二、2025年重点任务
今年是“十四五”规划收官之年。
（一）着力扩大有效需求。实施城市更新行动，年内改造老旧小区50个。
各位代表！
让我们团结一心，奋力谱写新篇章。
附件
名词解释
1.“两新”：大规模设备更新和消费品以旧换新。
"""


def roles_by_line(text: str, year: int | None = 2025, plans_for: int | None = None) -> list[tuple[str, str]]:
    analysis = structure(read_bytes(text.encode("utf-8"), "x.txt", ".txt"))
    # a report given early in `year` plans that year
    sections = assign_roles(analysis.document.text, analysis.outline, year, plans_for or year, analysis.document.title)
    out = []
    pos = 0
    for line in analysis.document.text.split("\n"):
        role = next(s.role for s in sections if s.start <= pos < s.end) if line else ""
        out.append((line, role))
        pos += len(line) + 1
    return [x for x in out if x[0]]


def test_roles_of_a_work_report() -> None:
    lines = roles_by_line(REPORT)

    def role(prefix: str) -> str:
        return next(r for t, r in lines if t.startswith(prefix))

    assert role("2025年某市政府") == role("各位代表：") == role("现在，我代表") == "preamble"
    assert role("一、2024年") == role("过去一年，全市") == "review"
    assert role("我们也清醒看到") == "problems"
    assert role("二、2025年") == role("今年是") == "plan"
    assert [r for t, r in lines if t.startswith("（一）")] == ["review", "plan"]
    assert role("各位代表！") == role("让我们团结一心") == "closing"
    assert role("名词解释") == role("1.“两新”") == "glossary"


@pytest.mark.parametrize(("title", "role"), [
    ("2024年工作回顾", "review"), ("过去一年和五年工作回顾", "review"), ("2025年主要工作和“十四五”发展成就", "review"),
    ("2025年工作总体要求和重点任务", "plan"), ("政府自身建设", "plan"), ("下一步工作打算", "plan"),
    ("存在的主要问题", "problems"), ("附件2 名词解释", "glossary"), ("总体情况", "review"),
    ("研究“两违整治”工作推进情况", None), ("聚焦主责主业，全力维护社会大局持续稳定", None),
    ("2025年工作开展情况", "review"), ("牵头事项办理情况", "review"), ("存在问题", "problems"), ("困难和不足", "problems"), ("问题与差距", "problems"),
    ("聚焦问题和差距抓整改", None), ("正视困难与挑战，稳住经济基本盘", None),  # tasks naming problems
    # a reply's part on a suggestion, a bulletin's part on how the work went
    ("关于第38号建议的答复", "review"), ("关于第12号建议的协办情况", "review"), ("重点工作进展", "review"),
])
def test_heading_roles(title: str, role: str | None) -> None:
    assert heading_role(title) == role


@pytest.mark.parametrize(("paragraph", "role"), [
    ("在肯定成绩的同时，我们也清醒看到面临的困难和挑战。", "problems"),
    ("同时，我们也清醒地看到面临的困难和挑战，主要是：", "problems"),
    ("各位代表，在看到成绩的同时，我们也清醒认识到困难和挑战。", "problems"),
    ("各位代表！在看到成绩的同时，我们也清醒认识到困难和挑战。", "problems"),
    ("但也要看到，工作中还存在一些问题。", "problems"),
    ("我们要看到，我国经济基础稳、优势多、韧性强。", None),
    ("让我们更加紧密地团结在以习近平同志为核心的党中央周围。", "closing"),
    ("同志们，审计工作责任重大、使命光荣。", "closing"),  # (the last paragraphs only: see closing_at)
    ("今年以来，全县公安机关破获刑事案件1268起。", "review"),
    ("下一步，我们将重点抓好以下工作。", "plan"),
])
def test_paragraph_openings(paragraph: str, role: str | None) -> None:
    assert opening_role(paragraph, "problems", "closing", "review", "plan") == role


def test_five_year_periods_by_year() -> None:
    text = ("某省政府工作报告\n一、2025年工作回顾\n全省生产总值增长5%。\n二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
            "“十四五”时期，我们经受住多重考验。\n“十五五”时期是基本实现现代化夯实基础的关键时期。\n三、2026年重点工作\n要扩大内需。\n")
    got = roles_by_line(text, 2026)
    assert [r for t, r in got if t.startswith(("“十四五”时期，", "“十五五”时期是"))] == ["review", "plan"]


def test_a_speech_without_role_headings_is_not_structured() -> None:
    text = "在全县工作会议上的讲话\n同志们：\n刚才，三位同志作了发言。\n一、强化责任落实\n各乡镇要加强巡查。\n二、加强队伍建设\n要严格管理。\n"
    analysis = structure(read_bytes(text.encode("utf-8"), "x.txt", ".txt"))
    roles = [s.role for s in analysis.sections]
    assert roles[0] == "preamble" and "review" in roles and roles[-1] == "plan"
    assert not has_review_and_plan(analysis.sections)


def test_a_heading_on_the_years_own_work_is_a_plan() -> None:
    text = ("某省政府工作报告\n一、2024年工作回顾\n全省生产总值增长5%。\n二、关于2025年工作\n要扩大内需。\n"
            "三、2025年主要工作\n要稳定就业。\n")
    got = dict(roles_by_line(text, 2025))
    assert got["一、2024年工作回顾"] == got["全省生产总值增长5%。"] == "review"
    assert got["二、关于2025年工作"] == got["要扩大内需。"] == got["三、2025年主要工作"] == "plan"
    assert roles_by_line(text, None)[3] == ("二、关于2025年工作", "review")  # no year known: the words decide


def test_problems_without_a_heading_end_where_the_plan_begins() -> None:
    # a web copy that lost its part headings: the problems paragraph must not swallow the plan after it
    text = ("某省政府工作报告\n各位代表：\n过去一年，全省生产总值增长5%。\n我们也清醒看到，发展不平衡问题仍然突出。\n"
            "下一步，我们将重点抓好以下工作。\n一是扩大有效投资。\n要新开工重大项目100个。\n")
    got = dict(roles_by_line(text, 2025))
    assert got["我们也清醒看到，发展不平衡问题仍然突出。"] == "problems"
    assert got["下一步，我们将重点抓好以下工作。"] == got["要新开工重大项目100个。"] == "plan"


def test_a_paragraph_on_a_past_period_opens_a_review_where_no_heading_does() -> None:
    text = ("某自治区政府工作报告\n各位代表：\n“十四五”时期，全区生产总值年均增长5.5%。\n新增就业岗位120万个。\n"
            "我们也清醒看到，发展不平衡问题仍然突出。\n“十五五”时期是基本实现现代化的关键时期。\n要扩大有效投资。\n")
    got = dict(roles_by_line(text, 2026))
    assert got["“十四五”时期，全区生产总值年均增长5.5%。"] == got["新增就业岗位120万个。"] == "review"
    assert got["“十五五”时期是基本实现现代化的关键时期。"] == got["要扩大有效投资。"] == "plan"


def test_task_like_headings_before_the_turn_to_problems_are_the_review() -> None:
    # a copy that lost `一、2024年工作回顾` and `二、2025年重点任务`: the sub-headings alone read as tasks
    text = ("某省政府工作报告\n各位代表：\n过去一年，全省经济运行总体平稳。\n（一）巩固经济回升向好态势\n全省生产总值增长5.1%。\n"
            "（二）全方位扩大有效需求\n社会消费品零售总额增长4.8%。\n在肯定成绩的同时，我们也清醒看到，发展不平衡问题仍然突出。\n"
            "（一）着力扩大国内需求\n要实施城市更新行动。\n（二）加快推动科技创新\n要建设重点实验室10个。\n")
    got = roles_by_line(text, 2025)
    assert [r for t, r in got if t.startswith(("（一）", "（二）", "全省生产", "社会消费"))] == ["review"] * 4 + ["plan"] * 2
    assert [r for t, r in got if t.startswith("要")] == ["plan", "plan"]


def test_what_comes_before_the_turn_to_problems_is_the_review() -> None:
    # no heading or opening words announce the review; the turn to problems tells what it was
    text = ("某省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n新世纪第一年，全省各族人民在省委领导下，面对复杂多变的形势，克服困难，开拓进取，经济较快增长，各项社会事业全面进步，人民生活继续改善。\n"
            "全省生产总值增长8%。\n我们也清醒地看到，当前还存在不少问题。\n一、扩大内需，促进经济较快增长\n要增加投资。\n")
    got = dict(roles_by_line(text, 2002))
    assert got["新世纪第一年，全省各族人民在省委领导下，面对复杂多变的形势，克服困难，开拓进取，经济较快增长，各项社会事业全面进步，人民生活继续改善。"] == got["全省生产总值增长8%。"] == "review"
    assert got["要增加投资。"] == "plan"


def test_headed_parts_before_a_problems_heading_are_the_review() -> None:
    # a bureau's summary: its review under headings without role words, then （五） problems and （六） plans
    text = ("某县文化和旅游局2025年工作总结\n2025年，县文化和旅游局扎实推进文旅融合发展。\n（一）文旅品牌影响力持续扩大\n"
            "全年接待游客872万人次。\n（二）公共文化服务提质增效\n全年开展送戏下乡演出186场。\n（三）存在的不足\n"
            "一是旅游综合收入增速低于预期。\n（四）2026年工作思路\n一是确保送戏下乡演出不少于200场。\n")
    got = dict(roles_by_line(text, 2025, plans_for=2026))
    assert got["全年接待游客872万人次。"] == got["全年开展送戏下乡演出186场。"] == "review"
    assert got["一是旅游综合收入增速低于预期。"] == "problems"
    assert got["一是确保送戏下乡演出不少于200场。"] == "plan"


def test_a_speech_whose_last_task_turns_to_problems_keeps_its_tasks() -> None:
    text = ("在全市经济工作会议上的讲话\n同志们：\n今年以来，全市上下攻坚克难，经济运行稳中向好，地区生产总值增长5.8%。\n"
            "一、坚定不移扩大有效投资\n要紧盯重大项目，全年新开工项目不少于100个。\n二、全力以赴稳住工业基本盘\n"
            "要加快传统产业改造升级。\n三、坚决守牢安全发展底线\n我们也要清醒看到，当前安全生产形势依然严峻复杂。\n")
    got = dict(roles_by_line(text, 2025))
    assert got["要紧盯重大项目，全年新开工项目不少于100个。"] == got["要加快传统产业改造升级。"] == "plan"


def test_a_summary_written_late_in_the_year_reviews_that_year() -> None:
    text = ("某区发展改革局2024年工作总结和2025年工作计划\n一、2024年主要工作\n全年完成固定资产投资85亿元。\n"
            "二、2025年工作计划\n要完成固定资产投资90亿元。\n")
    got = dict(roles_by_line(text, 2024, plans_for=2025))  # dated in December 2024
    assert got["全年完成固定资产投资85亿元。"] == "review" and got["要完成固定资产投资90亿元。"] == "plan"


def test_problems_listed_under_their_own_headings_stay_problems() -> None:
    text = ("某镇2024年上半年工作情况汇报\n今年以来，全镇经济平稳运行，财政收入增长5%。\n我们也清醒地看到，当前工作中还存在一些突出问题：\n"
            "（一）项目储备不足。新签约项目数量同比减少。\n（二）财政收支矛盾突出。刚性支出持续增加。\n下一步，我们将重点抓好以下工作。\n")
    got = dict(roles_by_line(text, 2024))
    assert got["（一）项目储备不足。新签约项目数量同比减少。"] == got["（二）财政收支矛盾突出。刚性支出持续增加。"] == "problems"
    assert got["下一步，我们将重点抓好以下工作。"] == "plan"


def test_a_task_heading_ending_in_results_stays_a_task() -> None:
    """`（二）…推进美丽中国先行区建设取得新成效` under the plan's `二、2025年工作总体要求和重点任务` sets tasks:
    成效 in a sub-heading of a part of tasks is their aim, not a review (its directives were all dropped)."""
    from nlp.pipeline import analyze_document

    text = ("一、2024年工作回顾\n（一）经济发展取得新成效。全年地区生产总值增长5.2%。\n"
            "二、2025年工作总体要求和重点任务\n（一）着力扩大国内需求\n实施城市更新行动。\n"
            "（二）更大力度保护生态环境，推进美丽中国先行区建设取得新成效\n"
            "持续深入打好污染防治攻坚战。实施“0.1微克”行动，建成电动汽车超充站1000座。\n")
    analysis = analyze_document(read_bytes(text.encode("utf-8"), "x.txt", ".txt"))
    tasks = [d.text for d in analysis.directives]
    assert "持续深入打好污染防治攻坚战。" in tasks
    assert not any("5.2%" in t for t in tasks)


def test_report_sections_under_a_heading_naming_tasks_and_their_review() -> None:
    """`一、2024年目标任务完成情况` names tasks and their review: a sub-heading of results under it is a review,
    one under a part of tasks alone is not."""
    from nlp.segment.sections import report_sections

    text = ("一、2024年目标任务完成情况\n（一）经济发展取得新成效\n全年地区生产总值增长5.2%。\n"
            "二、2025年重点任务\n（一）着力扩大国内需求\n实施城市更新行动。\n（二）推进美丽城市建设取得新成效\n加强治理。\n")
    analysis = structure(read_bytes(text.encode("utf-8"), "x.txt", ".txt"))
    titles = [analysis.outline[i].title for i in sorted(report_sections(analysis.outline))]
    assert titles == ["经济发展取得新成效"]


def test_a_speechs_opening_remarks_before_its_first_heading_are_the_preamble() -> None:
    """这次…会议, 会议的主要任务是, 下面，我讲…: the speaker's opening, which may ask something of the audience."""
    text = ("在全市审计工作会议上的讲话\n同志们：\n这次全市审计工作会议，是经市委、市政府同意召开的。会议的主要任务是，"
            "总结去年工作，部署今年任务。希望大家相互学习、取长补短。下面，我讲两点意见。\n一、去年工作回顾\n"
            "全市审计机关完成审计项目312个。\n二、今年重点工作\n各县区审计局要严格执行年度审计计划。\n"
            "同志们，审计工作责任重大。让我们锐意进取，奋力推动审计工作再上新台阶！\n")
    analysis = analyze_document(read_bytes(text.encode("utf-8"), "x.txt", ".txt"))
    assert [s.role for s in analysis.sections] == ["preamble", "review", "plan", "closing"]
    asked = next(d for d in analysis.directives if d.text.startswith("希望大家"))
    assert asked.actors == ("大家",)


def test_a_call_followed_by_a_heading_is_no_closing() -> None:
    """同志们，… in the last paragraphs, but a heading and its tasks after it: the speech goes on."""
    text = ("在全县安全生产工作会议上的讲话\n同志们：\n一、去年工作回顾\n全县安全生产形势总体平稳。\n二、今年重点工作\n"
            "（一）压实责任。\n请大家注意，各乡镇要在5月底前完成隐患排查。\n同志们，防汛工作关系群众安危。各乡镇要落实包保责任。\n"
            "（二）强化应急值守。\n县应急管理局要严格执行24小时值班制度。\n")
    analysis = analyze_document(read_bytes(text.encode("utf-8"), "x.txt", ".txt"))
    assert "closing" not in [s.role for s in analysis.sections]
    assert any(d.text.startswith("（二）强化应急值守") for d in analysis.directives)
    named = next(d for d in analysis.directives if d.text.startswith("请大家注意"))
    assert named.actors == ("各乡镇",)  # the party the sentence names, not the audience


def test_a_reports_opening_asks_nothing_of_the_deputies() -> None:
    text = ("2025年政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。希望各位代表提出宝贵意见和建议。\n"
            "一、2024年工作回顾\n全市生产总值增长5%。\n二、2025年工作安排\n要扩大内需。\n")
    analysis = analyze_document(read_bytes(text.encode("utf-8"), "x.txt", ".txt"))
    assert [d.text for d in analysis.directives] == ["要扩大内需。"]


def test_a_speech_turns_from_last_year_to_this_years_tasks() -> None:
    # (…过去一年 opens a review; 今年是… turns to the plan, and the speech's headings 一、关于… are its tasks)
    text = ("在全市经济工作会议上的讲话\n同志们：\n这次会议的主要任务是部署今年的经济工作。\n"
            "过去一年，全市地区生产总值增长5.8%。\n今年是“十四五”规划收官之年。下面，我讲三个方面的重点工作。\n"
            "一、关于推动工业经济稳进提质\n全年新签约亿元以上产业项目120个以上。\n二、关于扩大有效投资\n全年安排市级重点项目200个。\n")
    got = roles_by_line(text, 2025)
    assert [r for t, r in got if t.startswith(("过去一年", "今年是", "全年新签约", "全年安排"))] == \
        ["review", "plan", "plan", "plan"]


@pytest.mark.parametrize(("title", "role"), [
    # a report on what was done: its points sum up work, however they are worded
    ("县财政局关于落实县政府第12次常务会议议定事项情况的报告", "other"),
    ("石门镇2025年工作总结", "other"),
    ("关于2025年重点工作任务推进情况的报告", "other"),
    ("石门镇2025年工作总结和2026年工作计划", "plan"),
    # a plan: the same point is a task
    ("县财政局2026年工作要点", "plan"),
])
def test_points_worded_as_tasks_in_a_report_on_work_done(title: str, role: str) -> None:
    text = (f"{title}\n县政府督查室：\n现将有关情况报告如下。\n一是狠抓收入组织。1—9月，全县一般公共预算收入完成7.38亿元。\n"
            "二是及时落实配套资金。配套资金1200万元已全部拨付。\n")
    got = roles_by_line(text, 2025)
    assert [r for t, r in got if t.startswith("一是")] == [role]


@pytest.mark.parametrize(("text", "role"), [
    # a report on work done whose problems come first (a rectification report): its task-worded parts after them are
    # what was done; where the problems follow the work done, a task-worded part after them is the next steps
    ("县住建局关于巡察反馈问题整改落实情况的报告\n一、存在的主要问题\n巡察反馈指出，我局老旧小区改造推进缓慢。\n"
     "二、加快推进老旧小区改造\n全年完成老旧小区改造32个。\n", "other"),
    ("县住建局关于2025年上半年重点工作推进情况的汇报\n一、主要工作进展\n上半年完成老旧小区改造40个。\n二、存在问题\n"
     "部分项目资金到位较慢。\n三、加快推进城市更新\n全年完成老旧小区改造120个。\n", "plan"),
])
def test_task_worded_parts_after_the_problems(text: str, role: str) -> None:
    got = roles_by_line(text, 2025)
    assert [r for t, r in got if t.startswith("全年完成")] == [role]


def test_notes_on_filling_in_last_to_the_next_heading() -> None:
    text = ("县2025年民生实事项目实施方案\n一、民生实事项目\n（一）要新建城区公办幼儿园3所。\n说明\n1.请各单位每月报送进展。\n"
            "2.联系人：县政府办。\n二、工作要求\n（一）要加强组织领导。\n")
    got = dict(roles_by_line(text, 2025))
    assert got["1.请各单位每月报送进展。"] == "glossary" and got["（一）要加强组织领导。"] == "plan"


@pytest.mark.parametrize(("title", "role"), [
    ("澄湾县2025年度目标责任考核指标", "plan"),  # a document of targets set: its parts plan, whatever their headings
    ("澄湾县2025年重点工作任务分解", "plan"),
    ("澄湾县农业农村局2025年度目标责任考核自查自评报告", "other"),  # a report on them does not
])
def test_a_document_setting_tasks_plans_in_parts_no_heading_gives_a_role(title: str, role: str) -> None:
    text = f"{title}\n\n一、发展指标\n\n1．地区生产总值增长6%以上。责任单位：县发改局。\n\n二、民生指标\n\n2．城镇新增就业2800人以上。\n"
    analysis = analyze_document(read_bytes(text.encode(), "doc.txt", ".txt"))
    body = [s.role for s in analysis.sections if s.start >= text.index("一、")]
    assert body and set(body) == {role}


def test_a_notices_parts_on_replying_plan() -> None:
    # (…的答复 and 协办情况 report only as the parts of a reply on a suggestion)
    assert heading_role("认真做好答复") != "review"
    assert heading_role("及时反馈协办情况") != "review"
    assert heading_role("关于第38号建议的答复") == "review"


@pytest.mark.parametrize("title", ["确保代表建议按时答复", "规范建议提案答复", "关于做好建议答复", "对群众反映问题限时答复",
                                   "书面函告协办情况", "各协办单位认真填报协办情况"])
def test_a_notices_instructions_on_replies_are_no_report(title: str) -> None:
    assert heading_role(title) != "review"


@pytest.mark.parametrize("title", ["第16号建议（关于加快城西片区排涝设施建设的建议）的答复", "第16号建议答复",
                                   "关于城西片区内涝问题的答复", "城关镇协办情况", "关于第11号建议的答复意见",
                                   "对周某某代表所提建议的答复", "周某某代表建议答复", "县供电公司协办情况"])
def test_a_replys_parts_report(title: str) -> None:
    assert heading_role(title) == "review"


def test_a_part_naming_results_and_tasks_turns_to_the_plan_at_the_year_planned() -> None:
    """二、聚焦重点任务，…取得新成效 names results and tasks: its part turns to the plan where a paragraph opens on the
    year the speech plans for (2025年是…, in a speech of February 2025), as at 今年是… (invented city)."""
    speech = ("在全市2025年农业农村工作会议上的讲话\n澜州市人民政府市长　周启明（2025年2月14日）\n同志们：\n"
              "一、正视成绩和差距\n过去一年，全市粮食总产量达到92万吨。\n"
              "二、聚焦重点任务，奋力推动乡村全面振兴取得新成效\n"
              "2025年是“十四五”规划的收官之年。全市农业农村工作的总体要求是：稳字当头。\n"
              "（一）坚决扛牢粮食安全政治责任\n各县（市、区）要把粮食播种面积稳定在186万亩以上。\n")
    analysis = structure(read_bytes(speech.encode("utf-8"), "x.txt", ".txt"))
    assert analysis.document.date == "2025-02-14"
    lines = roles_by_line(speech, 2025, 2025)
    assert [r for t, r in lines if t.startswith(("2025年是", "（一）", "各县"))] == ["plan", "plan", "plan"]


@pytest.mark.parametrize("opening", ["今年是", "2025年是"])
def test_a_part_year_report_on_the_year_so_far_looks_back(opening: str) -> None:
    """今年是…收官之年。上半年，全镇完成…: a half-year report's look at the year so far, no turn to its plans."""
    report = ("某镇2025年上半年工作总结及下半年工作打算\n某镇人民政府（2025年6月28日）\n"
              "一、上半年主要工作成效及下半年工作安排\n"
              f"{opening}“十四五”规划收官之年。上半年，全镇完成固定资产投资3.2亿元，同比增长8%。\n"
              "二、存在的问题\n部分项目进度滞后。\n")
    lines = roles_by_line(report, 2025, 2025)
    assert next(r for t, r in lines if t.startswith(opening)) == "review"
