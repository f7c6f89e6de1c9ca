"""Directives: modality, actors, deadlines; statements of fact, quotations and questions are not directives."""

from __future__ import annotations

import pytest

from nlp.extract.deadlines import find_deadline
from nlp.extract.directives import judge
from nlp.ingest import read_bytes
from nlp.pipeline import analyze_document


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("全市检察机关要自觉从维护党的领导的高度,始终以政治建设为首要任务。", "should"),
        ("市县两级院党组必须坚持不懈抓好理论武器。", "must"),
        ("要坚守底线,确保专项斗争完美收官。", "must"),
        ("二要努力办好民事检察精品案件。", "strive"),
        ("力争全年电信网络诈骗案件发案数下降15%以上。", "strive"),
        ("各县区院要积极提供案件线索。", "should"),
        # an instruction reported: 要求 before who is to do what (invented sentence)
        ("区长作了具体部署，要求区发改局牵头建立重点项目“周调度、月通报、季督查”机制。", "should"),
        ("会议要求各乡镇加快推进高标准农田建设。", "should"),
    ],
)
def test_directive_modality(sentence: str, modality: str) -> None:
    verdict = judge(sentence, in_directive_context=False, is_heading=False, in_report_section=False)
    assert verdict.is_directive
    assert verdict.modality == modality


@pytest.mark.parametrize(
    "sentence",
    [
        "这次会议是经市院党组研究召开的一次重要会议,主要任务是深入学习贯彻习近平总书记重要讲话。",
        "×检察长强调,“讲政治、抓党建和强业务必须融为一体”。",
        "你所在的院发出了多少、采纳率是多少,各位“一把手”是否掌握,督促了没有?",
        "今年以来,全市检察机关多项业务指标持续向好。",
        "需要的是实干。",
        "按照市委要求，各地抓紧推进项目建设。",  # (要求 of whom, not to whom)
        "针对反馈问题，要求市住建局牵头建立整改台账，已完成整改18项。",  # (what was then done)
    ],
)
def test_not_directive(sentence: str) -> None:
    assert not judge(sentence, in_directive_context=False, is_heading=False, in_report_section=False).is_directive


def test_imperative_sentence_continues_a_directive_paragraph() -> None:
    assert judge("加强与团委、妇联沟通联系。", in_directive_context=True, is_heading=False,
                 in_report_section=False).is_directive
    assert not judge("加强与团委、妇联沟通联系。", in_directive_context=False, is_heading=False,
                     in_report_section=False).is_directive


@pytest.mark.parametrize(("sentence", "is_directive"), [
    ("减轻中小学教师非教学负担。", True),
    ("新增公办普通高中学位2万个。", True),
    ("举办全民健身赛事活动1万场。", True),
    ("纵深推进法治政府建设。", True),
    ("高水平建设数字政府。", True),
    ("为全省60岁以上老年人免费接种流感疫苗。", True),
    ("对全市农贸市场所售产品全覆盖开展快检。", True),
    ("进一步解决中小微企业融资难题。", True),
    ("有效防范化解经济领域风险。", True),
    ("将小规模纳税人增值税起征点从月销售额10万元提高到15万元。", True),
    ("推动东北振兴取得新突破。", True),
    ("推动东北振兴取得了新突破。", False),
    ("发展质量取得新提升，全市地区生产总值增长5.2%。", False),
    ("统筹疫情防控和经济社会发展取得新冠肺炎疫情防控重大战略成果。", False),
    ("全面建成小康社会取得决定性成就。", False),
    ("维护群众利益就是维护社会稳定。", False),
    ("各级政府维护社会稳定是首要任务。", False),
    ("保障粮食安全的要害是种子和耕地，加强种质资源保护。", True),
    ("城乡社区规范健康管理服务率提高到65%。", True),
    ("居民医保人均财政补助标准提高30元。", True),
    ("预计今年高校毕业生超过1170万人，同比增加43万人。", False),
    ("全年共发生各类生产安全事故43起，同比下降12.2%。", False),
    ("城乡公共服务设施覆盖率提高到90%。", True),
    ("过去一年，全县地区生产总值比上年增长5.2%，规上工业增加值增长6.4%。", False),
    ("坚持房子是用来住的、不是用来炒的定位，稳地价、稳房价、稳预期。", True),
    ("践行绿水青山就是金山银山理念，加快发展方式绿色转型。", True),
    ("维护社会稳定是公安机关的首要任务。", False),
    ("发展是解决一切问题的基础和关键。", False),
    ("新增就业岗位已超过2万个。", False),
])
def test_imperative_openings(sentence: str, is_directive: bool) -> None:
    """In a directive paragraph, a sentence opening with a verb of doing is a task, and one setting a figure to
    reach; one that says what a task is (是 as its verb), forecasts, or reports it done is not."""
    verdict = judge(sentence, in_directive_context=True, is_heading=False, in_report_section=False)
    assert verdict.is_directive == is_directive


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "normalized"),
    [
        ("今天会后,各县区院党组要召开专门会议。", "今天会后", "immediate", "2024-03-08"),
        ("实现年内公开听证全覆盖。", "年内", "end_of_year", "2024-12-31"),
        ("刑侦大队要在6月底前完成集中攻坚。", "6月底", "date", "2024-06-30"),
        ("确保9月30日前投入使用。", "9月30日前", "date", "2024-09-30"),
        ("各县区院要尽快研究谋划。", "尽快", "asap", None),
        ("每月通报一次整改情况。", "每月", "recurring", "P1M"),
        ("每年都要办两三件。", "每年", "recurring", "P1Y"),
    ],
)
def test_deadlines(sentence: str, text: str, kind: str, normalized: str | None) -> None:
    d = find_deadline(sentence, 0, len(sentence), "2024-03-08", 2024)
    assert d is not None
    assert (d.text.rstrip("前") if kind == "date" and text.endswith("底") else d.text) == text
    assert d.kind == kind
    assert d.normalized == normalized


def test_actors_explicit_and_inherited() -> None:
    raw = ("讲话\n二是要持续正风肃纪。县局督察大队要加大明察暗访力度,发现一起、查处一起。"
           "机关党委、检务督察部要加大督导检查力度。坚持抓问题多发易发的薄弱环节。")
    analysis = analyze_document(read_bytes(raw.encode(), "x.txt", ".txt"))
    by_text = {d.text: d for d in analysis.directives}
    assert by_text["县局督察大队要加大明察暗访力度,发现一起、查处一起。"].actors == ("县局督察大队",)
    assert by_text["机关党委、检务督察部要加大督导检查力度。"].actors == ("机关党委", "检务督察部")
    follow = by_text["坚持抓问题多发易发的薄弱环节。"]
    assert follow.actors == () and follow.inherited_actors == ("机关党委", "检务督察部")


def test_problems_part_keeps_pledges_not_problem_statements() -> None:
    raw = ("政府工作报告\n一、2025年工作回顾\n全年新增就业5万人。\n"
           "我们也清醒看到，发展中还存在一些困难和问题。政府系统干部队伍的能力素质仍需进一步提升，"
           "政府作风建设还要持续加强。对此，我们将采取有力措施加以解决。政府将持续改进工作作风。\n"
           "二、2026年主要任务\n要扩大有效投资。\n")
    analysis = analyze_document(read_bytes(raw.encode(), "x.txt", ".txt"))
    texts = [d.text for d in analysis.directives]
    assert "对此，我们将采取有力措施加以解决。" in texts
    assert "政府将持续改进工作作风。" in texts
    assert not [t for t in texts if "仍需" in t]


@pytest.mark.parametrize(("heading", "is_task"), [
    ("（二）深入实施“百县千镇万村高质量发展工程”，奋力实现“三年初见成效”目标。", True),
    ("（三）严格政府运行的法治要求。", True),
    ("三、做好2025年工作的总体要求", False),
    ("（一）主要目标", False),
    ("二、2025年工作总体要求和重点任务", False),
    ("一、贯彻落实市委决策部署情况", False),
    ("三、完成全年目标任务情况", False),
    ("二、推动高质量发展成绩", False),
    ("（二）加强党风廉政建设方面", False),
])
def test_a_heading_ending_in_a_goal_is_a_task_when_a_verb_opens_it(heading: str, is_task: bool) -> None:
    """目标, 要求 at a heading's end name a part (主要目标, …的总体要求) unless a verb of doing makes them its
    object (奋力实现…目标)."""
    assert judge(heading, in_directive_context=True, is_heading=True, in_report_section=False).is_directive == is_task


def test_a_quota_in_a_plan_is_a_task() -> None:
    """各街道（镇）年内至少建成1个…: at least so many, of each unit, is a task of the plan, set to that unit."""
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    text = ("棠溪区2025年重点工作任务清单\n一、扎实推进城市更新\n实施城市更新行动，全年新开工改造老旧小区20个。\n"
            "各街道（镇）年内至少完成1个完整社区试点建设。\n")
    analysis = analyze_document(read_bytes(text.encode("utf-8"), "x.txt", ".txt"))
    quota = next(d for d in analysis.directives if d.text.startswith("各街道"))
    assert quota.actors == ("各街道（镇）",)



@pytest.mark.parametrize("sentence", ["全年已至少建成了5个服务站。", "只要至少选择一个突破口，就能见到成效。"])
def test_at_least_in_what_was_done_or_in_a_condition_sets_no_quota(sentence: str) -> None:
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    text = f"棠溪区2025年重点工作任务清单\n一、扎实推进城市更新\n{sentence}\n"
    assert not analyze_document(read_bytes(text.encode("utf-8"), "x.txt", ".txt")).directives[1:]


def test_tasks_under_a_heading_opening_with_a_verb_of_doing_are_tasks() -> None:
    """二、增进民生福祉（2项） is a task heading (增进, like 兜牢, 扛牢, 稳住, a verb of doing): the numbered items
    under it are tasks though no 要 marks them."""
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    text = ("2025年全县重点工作任务清单\n一、稳增长促发展（1项）\n"
            "1. 全年谋划实施县级重点项目120个以上，完成年度投资86亿元。（牵头单位：县发改局）\n"
            "二、增进民生福祉（2项）\n"
            "19. 推进紧密型县域医共体建设，年内实现乡镇卫生院远程影像诊断全覆盖。（牵头单位：县卫生健康局）\n"
            "20. 发展普惠托育服务，年底前每千人口拥有3岁以下婴幼儿托位数达到4.5个。（牵头单位：县卫生健康局）\n")
    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    found = [d.text for d in analysis.directives]
    assert any("医共体" in t for t in found) and any("托育" in t for t in found), found


def test_a_task_lists_numbered_items_are_tasks_led_by_their_lead_units() -> None:
    """A 任务分解表's items are tasks whatever their wording (3. 既有住宅加装电梯50部。), its 牵头单位 their actors; the
    line saying who leads or helps is no task."""
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    text = ("澜溪区2025年区政府重点工作任务分解表\n各街道办事处，区政府各部门：\n现将任务分解如下，请认真抓好落实。\n一、城市更新\n"
            "1. 推进老旧小区改造，全年开工改造小区35个。\n牵头单位：区住房和城乡建设局  配合单位：各街道\n"
            "2. 既有住宅加装电梯50部。\n（牵头单位：区住房和城乡建设局；配合单位：各街道）\n二、公园绿化\n"
            "3. 补植城区行道树2000株。\n牵头单位：区城市管理和园林绿化局、区自然资源分局  配合单位：各街道\n")
    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    assert [(d.text, list(d.actors)) for d in analysis.directives] == [
        ("1. 推进老旧小区改造，全年开工改造小区35个。", ["区住房和城乡建设局"]),
        ("2. 既有住宅加装电梯50部。", ["区住房和城乡建设局"]),
        ("3. 补植城区行道树2000株。", ["区城市管理和园林绿化局", "区自然资源分局"]),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # the lead unit in the item's own bracket, a 责任单位 line, several units and 等
    ("澜溪区2025年重点工作任务清单\n一、城市更新\n1. 改造老旧小区30个（牵头单位：区住建局）。\n2. 新建公园5个。\n"
     "责任单位：区城管局 区园林局\n3. 加装电梯50部。\n牵头单位：区住建局、区城管局等\n",
     [["区住建局"], ["区城管局", "区园林局"], ["区住建局", "区城管局"]]),
    # results, problems and contacts numbered in a task list are no tasks
    ("澜溪区2025年工作要点\n一、2024年工作进展\n1. 老旧小区改造完成28个。\n2. 财政收支矛盾突出。\n二、2025年重点任务\n"
     "1. 改造老旧小区30个。\n三、联系方式\n1. 区住建局：张伟，电话12345678。\n", [[]]),
    # a report on a task list is no task list
    ("青石镇2025年工作要点完成情况\n一、主要工作\n1. 老旧小区改造完成28个。\n", []),
])
def test_a_task_lists_items_and_their_lead_units(text: str, expected: list[list[str]]) -> None:
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    assert [list(d.actors) for d in analysis.directives] == expected, [d.text for d in analysis.directives]


TASK_TABLE = ("青禾县2025年重点工作任务分解表\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n一、城乡建设\n"
              "1\t改造城镇老旧小区12个，惠及居民2400户\t县住建局\t各乡镇\t2025年11月底\n"
              "2\t推进县人民医院新院区建设。年内主体封顶\t\t县发改委\t\n"
              "二、民生保障\t\t\t\t\n3\t城镇新增就业3200人以上\t县人社局、县财政局\t各乡镇（街道）\t2025年12月底\n"
              "注：各牵头单位每月25日前报送进展情况。\n")


def test_a_task_tables_rows_are_tasks_led_by_their_units_column_and_due_by_their_time_column() -> None:
    """A Word table read as tab-separated rows: its task column's sentences are tasks, the units column their
    actors, the time column their deadline (an empty cell the one above, merged); no other cell, no group row, no
    note."""
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    analysis = analyze_document(read_bytes(TASK_TABLE.encode(), "x.txt", ".txt"))
    assert [(d.text, list(d.actors), d.deadline.text if d.deadline else None) for d in analysis.directives] == [
        ("改造城镇老旧小区12个，惠及居民2400户", ["县住建局"], "2025年11月底"),
        ("推进县人民医院新院区建设。", ["县住建局"], "2025年11月底"),  # empty cells: merged down from the row above
        ("年内主体封顶", ["县住建局"], "2025年11月底"),
        ("城镇新增就业3200人以上", ["县人社局", "县财政局"], "2025年12月底"),
    ]
    assert all(analysis.document.text[d.start:d.end] == d.text for d in analysis.directives)
    assert not analysis.reports  # a task restated in a table is no result


@pytest.mark.parametrize(("text", "expected"), [
    # a table pasted as text with bars, a Markdown rule under its header
    ("| 序号 | 督办事项 | 责任单位 | 办结时限 |\n| --- | --- | --- | --- |\n| 1 | 新建公园5个 | 区城管局 | 10月底 |\n",
     [("新建公园5个", ["区城管局"])]),
    # a table of figures done is a report, not a list of tasks
    ("序号\t重点任务\t责任单位\t完成值\t完成率\n1\t改造老旧小区12个\t县住建局\t12个\t100%\n", []),
    # a report on a task table is no task list
    ("青禾县2025年重点工作任务完成情况\n序号\t重点任务\t牵头单位\t进展情况\n1\t改造老旧小区12个\t县住建局\t已完成\n", []),
    # a ledger tracking its tasks' progress is still a task list
    ("序号\t督办事项\t牵头单位\t进展情况\n1\t改造老旧小区12个\t县住建局\t已开工8个\n", [("改造老旧小区12个", ["县住建局"])]),
    # tabs that are no table: a heading's number, a line of prose
    ("一、\t总体要求\n各单位要\t切实抓好落实。\n", [("各单位要\t切实抓好落实。", ["各单位"])]),
    # a number cell left empty (its tab lost with the line's indent); a row whose end cells are empty
    ("序号\t重点任务\t牵头单位\t完成时限\n1\t新开工重大项目30个\t县发改委\t6月底\n\t争取专项债券10亿元\t县财政局\t9月底\n"
     "2\t改造老旧小区12个\n", [("新开工重大项目30个", ["县发改委"]), ("争取专项债券10亿元", ["县财政局"]),
                             ("改造老旧小区12个", ["县财政局"])]),
    # the finer of two task columns; header wordings; people and helpers in the units cell
    ("序号\t重点工作\t具体任务\t牵头责任单位\t推进时限\n1\t扩大有效投资\t新开工重大项目30个\t县发改委 张三\t2025年\n"
     "2\t扩大有效投资\t争取专项债券10亿元\t县财政局牵头，县发改委配合\t2025.9\n",
     [("新开工重大项目30个", ["县发改委"]), ("争取专项债券10亿元", ["县财政局"])]),
    # another table after it (an annex's list of contacts) is no task table, nor is an agenda
    ("序号\t重点任务\t牵头单位\t完成时限\n1\t新建公园5个\t县城管局\t10月底\n附件2\n序号\t单位\t联络员\t联系电话\n"
     "1\t县住建局\t李四\t13800000002\n", [("新建公园5个", ["县城管局"])]),
    ("会议议程\n时间\t事项\t负责人\n9:20-9:40\t县长作重要讲话\t县政府办\n", []),
    # a report's table of progress is no task list, its plans' table is
    ("关于2025年一季度重点工作推进情况的通报\n序号\t重点任务\t牵头单位\t推进情况\n1\t改造老旧小区12个\t县住建局\t已完成前期工作\n",
     []),
    ("青禾县住建局2024年工作总结及2025年工作计划\n一、2024年工作总结\n全年改造老旧小区10个。\n二、2025年工作计划\n"
     "序号\t重点任务\t责任单位\t完成时限\n1\t改造老旧小区12个\t县住建局\t2025年11月底\n", [("改造老旧小区12个", ["县住建局"])]),
])
def test_task_tables_and_what_is_no_task_table(text: str, expected: list[tuple[str, list[str]]]) -> None:
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    assert [(d.text, list(d.actors)) for d in analysis.directives] == expected


@pytest.mark.parametrize(("cell", "normalized"), [
    ("2025年12月", "2025-12-31"), ("2025.9", "2025-09-30"), ("2027年底", "2027-12-31"), ("第二季度", "2025-06-30"),
    ("2025-2027年", "2027-12-31"), ("10月底", "2025-10-31"), ("持续推进", None),
])
def test_a_task_tables_time_cell_as_spreadsheets_write_it(cell: str, normalized: str | None) -> None:
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    text = f"青禾县2025年重点工作任务分解表\n序号\t重点任务\t牵头单位\t完成时限\n1\t新建公园5个\t县城管局\t{cell}\n"
    deadline = analyze_document(read_bytes(text.encode(), "x.txt", ".txt")).directives[0].deadline
    assert (deadline.normalized if deadline else None) == normalized


def test_a_report_tables_rows_stay_whole() -> None:
    """A table with a column of progress keeps its rows whole: a task, its unit and what became of it."""
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    text = "青禾县2024年重点任务完成情况\n序号\t重点任务\t牵头单位\t完成情况\n1\t改造老旧小区12个\t县住建局\t已全部完成\n"
    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    assert not analysis.directives
    assert any("改造老旧小区12个" in s.text and "已全部完成" in s.text for s in analysis.sentences)


def test_a_part_led_by_its_own_lead_units_line_is_a_task() -> None:
    """A 民生实事 notice: each project a heading, its sentences tasks whatever their wording, led by the units of the
    part's 牵头单位 line; the heading and the line are no tasks, a year gone by no deadline."""
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    text = ("澄岭县人民政府办公室关于印发澄岭县2025年十大民生实事项目的通知\n各乡镇人民政府、县直各部门：\n"
            "现将2025年十大民生实事项目印发给你们，请认真抓好落实。\n一、城镇老旧小区改造\n"
            "改造2000年底前建成的城镇老旧小区16个，9月底前全部开工。\n牵头单位：县住房和城乡建设局；责任单位：县财政局。\n"
            "二、农村户厕改造\n新（改）建农村无害化卫生户厕2400户，11月底前全部完工。\n牵头单位：县农业农村局。\n")
    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    assert [(d.text, list(d.actors), d.deadline.normalized if d.deadline else None) for d in analysis.directives] == [
        ("改造2000年底前建成的城镇老旧小区16个，9月底前全部开工。", ["县住房和城乡建设局"], "2025-09-30"),
        ("新（改）建农村无害化卫生户厕2400户，11月底前全部完工。", ["县农业农村局"], "2025-11-30"),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # a 完成时限 line beside the 牵头单位 line is the part's deadline, no task of its own
    ("澄岭县2025年民生实事项目\n一、农村户厕改造\n新建农村卫生户厕2400户。\n牵头单位：县农业农村局；完成时限：2025年11月底前。\n",
     [("新建农村卫生户厕2400户。", ["县农业农村局"], "2025-11-30")]),
    # a list without final punctuation; the units reach the numbered items under the part
    ("澄岭县2025年十大民生实事项目\n一、城镇老旧小区改造\n改造城镇老旧小区16个\n牵头单位：县住房和城乡建设局\n",
     [("改造城镇老旧小区16个", ["县住房和城乡建设局"], None)]),
    # a report naming its parts' lead units, and a call for proposals, are no task lists
    ("澄岭县住房和城乡建设局2024年工作总结\n一、老旧小区改造\n全年改造老旧小区16个，惠及居民2860户。\n牵头单位：县住房和城乡建设局\n", []),
    ("关于征集2026年民生实事项目的通知\n一、征集范围\n1.投资规模在500万元以上的项目。\n", []),
])
def test_a_parts_lead_line_in_plans_only(text: str, expected: list[tuple[str, list[str], str | None]]) -> None:
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    assert [(d.text, list(d.actors), d.deadline.normalized if d.deadline else None)
            for d in analysis.directives] == expected


def test_minutes_give_tasks_to_units_by_you() -> None:
    # 会议纪要's decided matters: a task given by 由 (由…牵头, 由…于…前, 所需资金由…从…), led by that unit, not by the
    # one of the sentence before; 由于 gives none
    raw = ("县人民政府常务会议纪要\n一、关于老旧小区改造的问题\n会议要求，各乡镇要配合做好入户动员。"
           "会议明确，由县住建局牵头，县供电公司配合，同步实施管线迁改。项目资金缺口部分，由县财政局于9月底前统筹安排。"
           "会议同意购置环卫车辆12台，所需资金由县财政局从城市维护建设资金中统筹解决。由于汛期影响，部分工程进度滞后。\n")
    analysis = analyze_document(read_bytes(raw.encode(), "x.txt", ".txt"))
    by_text = {d.text: (d.actors, d.inherited_actors) for d in analysis.directives}
    assert by_text["会议明确，由县住建局牵头，县供电公司配合，同步实施管线迁改。"] == (("县住建局",), ())
    assert by_text["项目资金缺口部分，由县财政局于9月底前统筹安排。"] == (("县财政局",), ())
    assert by_text["会议同意购置环卫车辆12台，所需资金由县财政局从城市维护建设资金中统筹解决。"] == (("县财政局",), ())
    assert "由于汛期影响，部分工程进度滞后。" not in by_text


@pytest.mark.parametrize(("sentence", "actors"), [
    ("会议明确，由县委组织部牵头，县人社局配合，制定人才引进实施办法。", ("县委组织部",)),
    ("会议明确，由县发展和改革委员会牵头，加快重点项目前期工作。", ("县发展和改革委员会",)),
    ("会议明确，由县总工会负责，做好困难职工帮扶工作。", ("县总工会",)),
    # work done by a unit, or a unit's work named as a thing, is no task given to it
    ("由县住建局负责的城区道路改造项目已于5月全部完工。", None),
    ("由县财政局统筹安排的1.2亿元衔接资金已全部拨付到位。", None),
    ("城区供水管网改造工程由县水务局具体实施，去年已完成改造15公里。", None),
    # a task whose object was done before, or is last year's, is still a task (对已建成的…, 化解去年遗留的…)
    ("由县财政局牵头，对已建成的政府投资项目开展绩效评价，9月底前完成。", ("县财政局",)),
    ("由县住建局负责城区的老旧小区改造，年内完成改造30个。", ("县住建局",)),
    ("由县信访局牵头，年内化解去年遗留的信访积案20件。", ("县信访局",)),
    ("由村干部负责入户宣传，确保禁烧政策家喻户晓。", ()),  # (村干部 are people, no organ)
])
def test_tasks_given_by_you_and_work_done(sentence: str, actors: tuple[str, ...] | None) -> None:
    raw = f"县人民政府常务会议纪要\n一、关于有关工作的问题\n{sentence}\n"
    found = {d.text: d.actors for d in analyze_document(read_bytes(raw.encode(), "x.txt", ".txt")).directives}
    assert found.get(sentence) == actors


def test_a_plan_table_of_quarterly_milestones() -> None:
    # (重点工作 names the task in a few words, 年度目标 says what it is to reach: the two are the task; 责任科室 leads
    # it; the last quarter it fills is when it is due)
    raw = ("筠阳市生态环境局2025年重点工作推进计划\n序号\t重点工作\t年度目标\t第一季度\t第二季度\t第三季度\t第四季度\t责任科室\n"
           "1\t入河排污口整治\t完成全市186个入河排污口分类整治\t完成溯源建档\t完成30%\t完成70%\t全面完成\t水生态环境科\n"
           "2\t碳排放核查\t完成18家重点排放单位碳排放核查\t完成初审\t完成现场核查\t出具核查报告\t—\t应对气候变化科\n")
    analysis = analyze_document(read_bytes(raw.encode(), "x.txt", ".txt"))
    assert [(d.text, d.actors, d.deadline.normalized if d.deadline else None) for d in analysis.directives] == [
        ("入河排污口整治\t完成全市186个入河排污口分类整治", ("水生态环境科",), "2025-12-31"),
        ("碳排放核查\t完成18家重点排放单位碳排放核查", ("应对气候变化科",), "2025-09-30")]


@pytest.mark.parametrize(("raw", "tasks"), [
    # in a plan table, a 目标任务 column says the task (重点工作 names it)
    ("县2025年重点工作任务分解表\n序号\t重点工作\t目标任务\t责任单位\t完成时限\n"
     "1\t老旧小区改造\t完成全县40个老旧小区改造，惠及居民3200户\t县住建局\t2025年12月底\n",
     [("完成全县40个老旧小区改造，惠及居民3200户", ("县住建局",))]),
    # a task in a few words and its 年度目标 are one task: what to do and what to reach (增长7%以上 needs its name)
    ("县数据局2025年重点工作推进计划\n序号\t重点工作\t年度目标\t第一季度\t第二季度\t第三季度\t第四季度\t责任股室\n"
     "1\t建成城区智慧停车平台\t年底前上线运行\t完成设计\t完成招标\t完成开发\t上线运行\t信息化股\n"
     "2\t规上工业增加值\t增长7%以上\t增长5%\t增长6%\t增长6.5%\t增长7%\t运行股\n",
     [("建成城区智慧停车平台\t年底前上线运行", ("信息化股",)), ("规上工业增加值\t增长7%以上", ("运行股",))]),
    # a statistics table by month, with no units to lead its rows, sets no task
    ("2025年第一季度经济运行分析\n项目\t全年目标\t1月\t2月\t3月\n规上工业增加值增速\t增长7%以上\t5.2%\t6.1%\t6.8%\n", []),
])
def test_task_tables_with_target_and_milestone_columns(raw: str, tasks: list[tuple[str, tuple[str, ...]]]) -> None:
    analysis = analyze_document(read_bytes(raw.encode(), "x.txt", ".txt"))
    assert [(d.text, d.actors) for d in analysis.directives] == tasks


def test_you_with_a_report_after_its_relative_clause_is_no_task() -> None:
    raw = ("县人民政府常务会议纪要\n一、关于有关工作的问题\n会议听取了汇报。由县交通运输局负责建设的农村公路提质改造项目进展顺利。"
           "会议决定，由县住建局牵头，于9月底前完成城区背街小巷改造。\n")
    texts = [d.text for d in analyze_document(read_bytes(raw.encode(), "x.txt", ".txt")).directives]
    assert texts == ["会议决定，由县住建局牵头，于9月底前完成城区背街小巷改造。"]


def test_where_things_stood_by_a_past_year_is_no_goal() -> None:
    raw = ("市2025年数字经济工作要点\n二、重点任务\n要加快数字化转型。到2024年底，全市仅有23%的规上工业企业完成数字化改造。"
           "到2027年，累计推动2000家规模以上工业企业实施数字化改造。\n")
    texts = [d.text for d in analyze_document(read_bytes(raw.encode(), "x.txt", ".txt")).directives]
    assert texts == ["要加快数字化转型。", "到2027年，累计推动2000家规模以上工业企业实施数字化改造。"]


INDICATORS = (
    "青岚县2025年度乡镇和县直部门目标责任考核指标\n\n说　明\n一、考核办法。年度考核实行百分制，年底组织考核。\n\n"
    "一、发展指标（20分）\n\n"
    "1．地区生产总值增长5.5%以上（5分）。责任单位：县发改局，各乡镇。\n"
    "评分标准：每低于目标1个百分点扣0.5分，扣完为止。\n"
    "2．新增规上工业企业6家以上（3分）。责任单位：县工信局。\n\n"
    "二、民生指标（12分）\n\n"
    "序号\t指标名称\t目标值\t分值\t责任单位\n"
    "3\t城镇新增就业\t1500人以上\t3\t县人社局，各乡镇\n"
    "4\t新增普惠性托位\t120个\t3\t县卫健局\n"
    "注：本类指标按完成率计分，完成率低于60%的该项不得分。\n\n"
    "三、安全稳定指标（10分）\n\n"
    "5．安全生产\n目标值：全年不发生较大及以上生产安全事故。\n分值：5分\n责任单位：县应急管理局，各乡镇\n"
    "评分标准：实行一票否决。发生较大及以上生产安全事故的，本项不得分。\n\n"
    "6．信访积案化解\n目标值：县交办信访积案化解率达到90%以上。\n分值：5分\n责任单位：县信访局\n")


def test_an_indicator_lists_items_rows_and_cards_are_tasks_led_by_their_own_units() -> None:
    analysis = analyze_document(read_bytes(INDICATORS.encode(), "indicators.txt", ".txt"))
    got = {d.text.split("（")[0].replace("\t", " "): list(d.actors) for d in analysis.directives}
    assert got == {
        "1．地区生产总值增长5.5%以上": ["县发改局", "各乡镇"],  # a numbered goal with its own 责任单位 line
        "2．新增规上工业企业6家以上": ["县工信局"],  # (not the first item's units)
        "城镇新增就业 1500人以上": ["县人社局", "各乡镇"],  # a table of indicators: 指标名称 and its 目标值
        "新增普惠性托位 120个": ["县卫健局"],
        "目标值：全年不发生较大及以上生产安全事故。": ["县应急管理局", "各乡镇"],  # a card's target, its units below
        "目标值：县交办信访积案化解率达到90%以上。": ["县信访局"],
    }  # scoring rules (评分标准, 注, 分值, …本项不得分) are no tasks, nor is 不得分 a 不得 that forbids


def test_a_goal_heading_without_units_of_its_own_stays_a_title() -> None:
    text = "某县2025年重点工作\n一、城镇老旧小区改造\n改造老旧小区16个，9月底前全部开工。\n牵头单位：县住建局\n"
    analysis = analyze_document(read_bytes(text.encode(), "plan.txt", ".txt"))
    assert [(d.text, list(d.actors)) for d in analysis.directives] == [("改造老旧小区16个，9月底前全部开工。", ["县住建局"])]


@pytest.mark.parametrize(("text", "expected"), [
    # prohibitions and duties with scoring words inside them stay tasks (不得分散, 不得分包; 一票否决 as a system)
    ("关于加强专项资金管理的通知\n一、规范资金使用\n财政专项资金不得分散使用。\n施工单位不得分包、转包工程。\n"
     "各单位严格落实安全生产“一票否决”制度。\n",
     ["财政专项资金不得分散使用。", "施工单位不得分包、转包工程。", "各单位严格落实安全生产“一票否决”制度。"]),
    # a note that says who must do what is a task (注：各乡镇必须…)
    ("某县防汛工作方案\n一、工作任务\n各乡镇要全面排查山塘水库隐患。\n注：各乡镇必须于6月15日前将防汛预案报县防汛办备案。\n",
     ["各乡镇要全面排查山塘水库隐患。", "注：各乡镇必须于6月15日前将防汛预案报县防汛办备案。"]),
    # a heading on indicators that opens with a verb of doing is a task, and so are the goals under it
    ("青岚县2025年自然资源工作要点\n一、严守耕地保护红线\n（一）严格落实耕地保护约束性指标\n"
     "全县耕地保有量不低于45万亩，永久基本农田不低于38万亩。\n（二）稳步提升森林覆盖率指标\n今年新增造林5000亩。\n",
     ["（一）严格落实耕地保护约束性指标", "全县耕地保有量不低于45万亩，永久基本农田不低于38万亩。", "（二）稳步提升森林覆盖率指标",
      "今年新增造林5000亩。"]),
])
def test_scoring_words_notes_and_indicator_headings_in_ordinary_tasks(text: str, expected: list[str]) -> None:
    analysis = analyze_document(read_bytes(text.encode(), "doc.txt", ".txt"))
    assert [d.text for d in analysis.directives if not d.text.startswith(("一、", "关于"))] == expected


def test_a_line_break_before_a_colon_of_speech_joins_the_line() -> None:
    text = ("某县防汛工作会议讲话\n\n同志们：\n\n下面，我讲几点意见。\n\n各乡镇和县水利局、县应急局\n务必做到：5月底前完成全部山塘水库隐患排查，"
            "确保安全度汛。\n\n县财政局\n要确保：防汛资金6月10日前拨付到位。\n\n主持：县长　李明\n地点：县政府会议室\n")
    analysis = analyze_document(read_bytes(text.encode(), "speech.txt", ".txt"))
    lines = analysis.document.text.split("\n")
    assert "各乡镇和县水利局、县应急局务必做到：5月底前完成全部山塘水库隐患排查，确保安全度汛。" in lines
    assert "县财政局要确保：防汛资金6月10日前拨付到位。" in lines
    assert "主持：县长　李明" in lines and "地点：县政府会议室" in lines  # (a form's fields stay lines of their own)


def test_scoring_lines_with_a_must_word_are_no_tasks() -> None:
    text = ("某区安全生产工作考核细则\n一、考核内容\n1．年内完成隐患排查整治100处。\n评分标准：未按期完成整治的，一律扣2分。\n"
            "考核办法：以区应急局台账为准，确保数据真实，每少1处扣0.5分。\n未建立台账的，本项不得分（一票否决）。\n")
    analysis = analyze_document(read_bytes(text.encode(), "doc.txt", ".txt"))
    assert [d.text for d in analysis.directives] == ["1．年内完成隐患排查整治100处。"]


def test_a_cards_fields_stay_lines_of_their_own() -> None:
    text = ("某区2025年重点工作责任清单\n\n一、数字基础设施\n\n年度目标：新建5G基站200个\n责任单位：区工信局\n责任领导：王副区长\n\n"
            "二、城市更新\n\n年度目标：改造老旧小区30个\n牵头领导：李副区长\n")
    analysis = analyze_document(read_bytes(text.encode(), "doc.txt", ".txt"))
    lines = analysis.document.text.split("\n")
    assert "责任单位：区工信局" in lines and "年度目标：改造老旧小区30个" in lines
    assert [list(d.actors) for d in analysis.directives if d.text.startswith("年度目标：新建5G")] == [["区工信局"]]


def test_tasks_with_a_scoring_tail_or_scoring_words_in_a_phrase_stay_tasks() -> None:
    text = ("某县危房改造工作方案\n一、工作任务\n（一）各乡镇必须于6月30日前完成危房改造120户，逾期未完成的每户扣0.5分。\n"
            "（二）县财政局要确保补贴资金不折不扣一分不少发放到农户手中。\n")
    analysis = analyze_document(read_bytes(text.encode(), "doc.txt", ".txt"))
    assert len([d for d in analysis.directives if d.text.startswith(("（一）", "（二）"))]) == 2


def test_a_wrapped_line_opening_with_a_label_word_continues_its_sentence() -> None:
    text = ("某县经济工作会议讲话\n\n同志们：\n\n今年全县经济工作要坚持稳中求进工作总基调，科学合理确定全年主要预期\n"
            "目标：地区生产总值增长6%左右。各乡镇要强化组织\n领导：成立工作专班，落实专人负责，确保各项任务按期完成。\n\n谢谢大家。\n")
    analysis = analyze_document(read_bytes(text.encode(), "speech.txt", ".txt"))
    assert "各乡镇要强化组织领导：成立工作专班，落实专人负责，确保各项任务按期完成。" in [d.text for d in analysis.directives]


def test_a_work_points_tasks_by_their_due_dates_and_kept_levels() -> None:
    # a task opening on the date it is due by is one, whatever its verb; a level to keep is a target; a time
    # limit's own words are no task
    text = ("澄溪市生态环境局2025年工作要点\n一、深入打好蓝天保卫战\n9月底前淘汰国三及以下排放标准营运柴油货车800辆。"
            "6月底前完成城市建成区14条已治理黑臭水体“回头看”排查。\n二、深入打好碧水保卫战\n"
            "县级及以上集中式饮用水水源地水质达标率保持100%。\n三、强化生态保护\n3月底前印发实施《澄溪市生物多样性保护行动方案》。"
            "（责任单位：自然生态科；完成时限：2025年3月底前完成）\n")
    analysis = analyze_document(read_bytes(text.encode(), "points.txt", ".txt"))
    tasks = [d.text[:8] for d in analysis.directives if not d.text.startswith(("一、", "二、", "三、"))]
    assert tasks == ["9月底前淘汰国三", "6月底前完成城市", "县级及以上集中式", "3月底前印发实施"]


RECTIFICATION_PLAN = (
    "中共梧溪区委关于区委第一巡察组反馈意见的整改方案\n\n"
    "为抓好巡察反馈意见整改，制定本方案。\n\n"
    "一、落实上级决策部署方面\n\n"
    "问题1：农村集体资产管理不规范，部分资产底数不清。\n"
    "整改措施：\n"
    "1. 各街道对2021年以来的村级集体资产开展全面清查，建立资产台账。\n"
    "2. 2025年7月底前完成集体资产确权登记。\n"
    "3. 区农业农村局每季度通报一次清查进度，长期坚持。\n"
    "责任领导：分管农业农村工作的副区长\n"
    "责任单位：区农业农村局、各街道\n"
    "完成时限：2025年7月底前\n\n"
    "二、监督发现问题整改方面\n\n"
    "问题2：审计指出的问题整改不到位。\n"
    "整改措施：\n"
    "1. 对区审计局指出的9个问题建立整改台账，逐项销号。\n"
    "2. 区纪委监委对巡察移交的问题线索集中办理，2025年9月底前全部办结。\n"
    "责任单位：区审计局、区纪委监委\n"
    "完成时限：2025年9月底前\n\n"
    "组织保障\n\n"
    "区委成立整改工作领导小组，统筹推进整改工作。\n")


def test_a_rectification_plans_measures_are_tasks_led_by_their_blocks_units() -> None:
    # each numbered measure under 整改措施： is a task (under a part on putting problems right too, and an item naming
    # 问题 in its own words), led by the units and due by the limit of its block's lines after the last measure;
    # a problem found (问题1：…) is no task, nor a part's label on a line of its own, nor what follows that label
    analysis = analyze_document(read_bytes(RECTIFICATION_PLAN.encode(), "plan.txt", ".txt"))
    label = analysis.document.text.index("组织保障")
    tasks = {d.text[:8]: d for d in analysis.directives if d.start < label}
    assert list(tasks) == [t[:8] for t in ("1. 各街道对2021年", "2. 2025年7月", "3. 区农业农村局", "1. 对区审计局指出",
                                           "2. 区纪委监委对")]
    assert [list(d.actors) for d in tasks.values()] == [["区农业农村局", "各街道"]] * 3 + [["区审计局", "区纪委监委"]] * 2
    assert [d.deadline.text if d.deadline else None for d in tasks.values()] == ["2025年7月底前"] * 2 + ["每季度"] + [
        "2025年9月底前"] * 2
    assert all(d.text != "组织保障" and not d.actors for d in analysis.directives if d.start >= label)


def _tasks(text: str) -> list[tuple[str, list[str]]]:
    analysis = analyze_document(read_bytes(text.encode(), "doc.txt", ".txt"))
    return [(d.text, list(d.actors)) for d in analysis.directives]


@pytest.mark.parametrize(("text", "expected"), [
    # a problem line that says who must act is a task
    ("某县常务会议纪要\n问题1：衔接资金拨付滞后，县财政局要于2025年6月底前全部拨付到位。\n",
     [("问题1：衔接资金拨付滞后，县财政局要于2025年6月底前全部拨付到位。", ["县财政局"])]),
    # a label line inside a part its own 牵头单位 line leads ends nothing
    ("某县2025年民生实事\n一、城镇老旧小区改造\n牵头单位：县住建局\n主要措施\n改造城镇老旧小区16个，9月底前全部开工。\n",
     [("改造城镇老旧小区16个，9月底前全部开工。", ["县住建局"])]),
    # numbering running on across problems: a block's 责任单位 line leads its own measures only
    ("某县整改方案\n一、主体责任方面\n问题1：责任落实不到位。\n整改措施：\n1. 严格落实全面从严治党责任清单制度，长期坚持。\n"
     "问题2：违规发放津贴补贴。\n整改措施：\n2. 对违规发放的津贴补贴全部清退。\n责任单位：县财政局\n完成时限：2025年6月底前\n",
     [("1. 严格落实全面从严治党责任清单制度，长期坚持。", []), ("2. 对违规发放的津贴补贴全部清退。", ["县财政局"])]),
    # a list of measures ends at a part's label line; a task list's item naming a problem is no task
    ("某县整改方案\n问题1：资产底数不清。\n整改措施：\n1. 各乡镇开展集体资产全面清查。\n\n组织保障\n1. 县委成立整改工作领导小组。\n",
     [("1. 各乡镇开展集体资产全面清查。", [])]),
])
def test_measures_lists_and_blocks_from_a_review(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert _tasks(text) == expected


def test_a_task_lists_item_naming_a_problem_is_no_task() -> None:
    text = "澄岘县巡察反馈问题整改任务清单\n1. 部分村级集体资产底数不清的问题。\n整改措施：开展全面清查，建立台账。\n责任单位：县农业农村局\n"
    assert not [t for t, _ in _tasks(text) if "底数不清" in t]


def test_a_projects_item_for_the_needy_is_a_task() -> None:
    """An item of a list of projects led by a 牵头单位 line is a task, its words for whom (困难重度残疾人家庭) no
    problem it states (invented city)."""
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    text = ("澜溪市2025年民生实事项目\n各区县人民政府：\n现将项目印发给你们，请认真组织实施。\n"
            "一、困难重度残疾人家庭无障碍改造。为600户困难重度残疾人家庭实施无障碍改造，为1000名残疾儿童提供康复救助。"
            "牵头单位：市残疾人联合会；配合单位：市民政局。11月底前完成。\n")
    analysis = analyze_document(read_bytes(text.encode(), "x.txt", ".txt"))
    assert "为600户困难重度残疾人家庭实施无障碍改造，为1000名残疾儿童提供康复救助。" in [d.text for d in analysis.directives]
