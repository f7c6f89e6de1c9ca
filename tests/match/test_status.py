"""Status of a task from the words of its evidence: work still going on is partial, work done is met."""

from __future__ import annotations

import pytest

from nlp.match.evidence import _from_polarity


@pytest.mark.parametrize(("text", "expected"), [
    ("陆续推出一系列专项政策和改革举措。", "met"),  # launched one after another: done
    ("一批重大项目陆续建成投产。", "met"),
    ("三个片区的改造正在推进中。", "partial"),
    # a trend (正在成为), 推进 before 中 of another word: no work under way (invented sentences)
    ("“文化+旅游”正在成为县域经济的新增长点。", "met"),
    # all but some short, the rest with a date later in the year; not an exception by kind (invented sentences)
    ("全县9个乡镇共建成示范点25个，除石门乡仅建成1个外，其余乡镇均完成3个的任务。", "partial"),
    ("排查出的存量危房15户已改造6户，其余9户年底前完成。", "partial"),
    ("除涉密事项外，其余政府信息均已主动公开。", "met"),
    ("扎实推进中小企业数字化转型，完成改造企业86家。", "met"),
    ("项目陆续开工，部分仍需加快。", "partial"),
    # a remainder left: done in part (invented sentences)
    ("乡镇商贸中心改造完成3个，剩余2个结转明年实施。", "partial"),
    ("2个社区养老服务中心建成1个，另1个仍在内部装修。", "partial"),
    ("集中供水工程计划实施15处，完成12处，其余3处推迟至明年。", "partial"),
    ("整改问题9项已全部完成，剩余问题清单清零。", "met"),
    ("新建游客服务中心2个，另外新建游客接待中心3个。", "met"),  # 接待, 待遇: no work waiting
    ("安置退役军人120人，其余人员待遇全部落实到位。", "met"),
    # carried over to a later year, what is left with a later date, done only by a later date (invented sentences)
    ("镇敬老院改造主体已完工，消防设施安装结转至2026年一季度。", "partial"),
    ("低保对象复核已完成，剩余部分将于2026年1月底前全部完成。", "partial"),
    ("完成“明厨亮灶”改造92家，剩余38家纳入2026年改造计划。", "partial"),
    ("建成助餐点2个，另1个待消防验收后投用。", "partial"),
    ("建成2个养老服务中心，第3个主体已完工，预计2026年3月投入运营。", "partial"),
    ("年终结转结余资金全部收回统筹使用。", "met"),  # funds carried over: no work left
    ("森林抚育任务2000亩完成1500亩，剩余500亩安排在2026年春季实施。", "partial"),
    # funds carried over, surplus labour, funds to be paid, income forecast, a built-up area, a reception: no work left
    ("按规定将结余资金结转至下一年度统筹使用。", "met"),
    ("上年结转到2025年的项目资金已全部拨付到位。", "met"),
    ("转移农村剩余劳动力2100人，预计带动人均增收4000元。", "met"),
    ("完成农村户厕改造320户，剩余改厕奖补资金将于2026年1月拨付到位。", "met"),
    ("养老院已竣工投用，新增床位60张，预计2026年运营收入突破500万元。", "met"),
    ("全面完成年度目标，预计2030年建成区绿化覆盖率达到45%。", "met"),
    ("超额完成年度任务，预计2026年完成投资18亿元以上。", "met"),
    ("顺利通过省级验收，另接待国家考核验收组1次。", "met"),
    ("建成村级养老服务站4个，其余1个已完工等待验收。", "partial"),  # 等待验收 is work left
    ("已完成主体工程建设，预计2026年6月建成区域性应急物资储备库。", "partial"),  # 建成区域…, not 建成区
    # still in progress (仍在…中, 尚在…之中): work left; a state the country is in is none (invented sentences)
    ("局机关自查已经完成，所属学校的自查仍在进行之中。", "partial"),
    ("完成政策措施梳理860件，评估清理工作尚在进行中。", "partial"),
    ("我县仍处于工业化加速推进阶段中，全年新增规上企业21家。", "met"),
    ("还在全省考核中获得第一名。", "met"),
    # put off to a later year: not done this year; a later month of the year is no year put off (invented sentences)
    ("体育公园主体工程已完工，对外开放推迟至2026年春节前。", "partial"),
    ("第三实验中学因资金到位滞后，延期至2026年秋季启用。", "partial"),
    ("新建口袋公园2个，因管线迁移延至8月底建成开放。", "met"),
    ("渡口已完成标准化改造11道，其余3道受汛期水位影响未能施工，转入2026年枯水期实施。", "partial"),
    # built, not yet accepted: the last step left (invented sentences)
    ("示范村已完成分类收集设施配置和保洁队伍组建，尚未通过县级验收。", "partial"),
    # still in progress with nothing said done; not 还 (also), a state, a month of the year itself, funds put off
    ("项目目前仍在建设。", "partial"),
    ("项目尚处于施工阶段。", "partial"),
    ("新建中小学心理健康辅导室36个，还在全区初中、高中配齐专职心理教师。", "met"),
    ("全县政府债务率仍在安全区间之中。", "met"),
    ("新建口袋公园12个，其中2个因管线迁移延至2025年11月建成开放。", "partial"),  # (late, as 延至8月底 is not)
    ("为86家小微企业贷款延期一年。", "met"),  # (a loan's term, no work put off)
    ("结余资金转入2026年统筹使用。", "met"),
    ("小微企业贷款延期还本付息政策延期至2026年6月底。", "met"),
])
def test_work_in_progress_or_done(text: str, expected: str) -> None:
    assert _from_polarity("achievement", (), text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("城镇新增就业3600人，未完成市下达的4200人目标任务。", "not_met"),  # a target said to be missed
    ("单位地区生产总值能耗下降1.6%，未完成年度目标任务。", "not_met"),
    ("全年签约项目11个，但受资金制约，年内落地开工的仅有4个。", "partial"),  # work done, a gap
    ("受持续干旱影响，植树造林完成1260亩，仅为年度任务的63%。", "not_met"),  # a share of the target: missed
])
def test_a_shortfall_with_work_done_is_partial_unless_the_target_is_missed(text: str, expected: str) -> None:
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    analysis = analyze_document(read_bytes(text.encode("utf-8"), "x.txt", ".txt"))
    assert analysis.quantities  # (work done, in figures)
    assert _from_polarity("shortfall", analysis.quantities, text) == expected


@pytest.mark.parametrize(("text", "missed"), [
    ("全镇综合能耗9.8万吨标准煤，仅为年度控制目标的82%。", False),  # a ceiling kept
    ("建设工期仅为计划的80%。", False),
    ("对未完成年度建设任务的2个村进行约谈督办。", False),  # who missed it, not this unit
    ("城镇新增就业3600人，未完成市下达的4200人目标任务。", True),
])
def test_what_says_a_target_was_missed(text: str, missed: bool) -> None:
    from nlp.cues import cue

    assert bool(cue("missed").search(text)) == missed


@pytest.mark.parametrize(("text", "expected"), [
    # work done where a bad thing happened, short of its target: partial; the bad things counted are no work
    ("针对发生森林火灾的区域完成补植补造1200亩，但成活率偏低。", "partial"),
    ("化解发生的信访积案26件，但化解质量仍然不高。", "partial"),
    # the damage of a bad thing that happened is no work either
    ("全年发生森林火灾3起、过火面积35公顷。", "not_met"),
    ("全年发生生产安全事故4起、直接经济损失85万元。", "not_met"),
    ("城镇燃气专项整治期间发生燃气爆炸事故2起、死亡3人。", "not_met"),  # work named before it is no work on it
])
def test_work_done_about_a_bad_thing_that_happened_is_work(text: str, expected: str) -> None:
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    analysis = analyze_document(read_bytes(text.encode("utf-8"), "x.txt", ".txt"))
    assert _from_polarity("shortfall", analysis.quantities, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("部分派出所漏报警情12起。", "shortfall"),  # 漏报 of 警情 is a real miss
    ("消除重大安全隐患后发现部分村组消防设施明显不足。", "shortfall"),  # 消除 reaches no 不足 far after it
    ("化解矛盾纠纷过程中暴露出基层调解力量短板。", "shortfall"),
    # the verb has its object; what is short is something else
    ("在补齐农村基础设施短板方面资金投入不足。", "shortfall"),
    ("化解矛盾纠纷的基层专业力量薄弱。", "shortfall"),
    ("消除农村饮水安全隐患的专业技术人员不足。", "shortfall"),
    ("填补养老服务空白后部分站点运营困难。", "shortfall"),
])
def test_a_problem_not_overcome(text: str, expected: str) -> None:
    from nlp.extract.reports import polarity

    assert polarity(text, ()) == expected


@pytest.mark.parametrize("text", [
    "填补了我县国家级农业产业强镇的空白。", "新增高新技术企业12家，缩小了与全市平均水平的差距。",
    "补齐了农村寄递物流和冷链设施短板。", "化解了一批长期积累的历史遗留矛盾。",
])
def test_a_problem_overcome(text: str) -> None:
    from nlp.extract.reports import polarity

    assert polarity(text, ()) == "achievement"






def _figures(text: str) -> list[tuple[str | None, float | None]]:
    from nlp.ingest import read_bytes
    from nlp.match.evidence import Reporting, _named_figures
    from nlp.pipeline import analyze_document

    analysis = analyze_document(read_bytes(text.encode("utf-8"), "x.txt", ".txt"))
    return [(key, value) for key, value, _ in _named_figures(Reporting(analysis, ()), 0,
                                                                          len(analysis.document.text))]


def test_a_figure_goes_with_the_metric_named_nearest_before_it() -> None:
    assert _figures("城镇调查失业率均值5.1%，居民消费价格上涨0.4%，均符合预期。\n") == [
        ("unemployment_rate", 5.1), ("cpi", 0.4)]


def test_figures_listed_with_fenbie_go_with_the_metrics_in_order() -> None:
    # 分别: the first figure is the first metric's, not the one named just before it
    assert _figures("城镇调查失业率、居民消费价格涨幅分别控制在5.5%和2%以内。\n") == [
        ("unemployment_rate", 5.5), ("cpi", 2.0)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("全年发生较大生产安全事故1起。", "shortfall"),  # a bad thing that happened, counted
    ("全年发生一般生产安全事故3起，同比下降40%。", "achievement"),  # fewer than the year before
    ("全年未发生较大生产安全事故。", "achievement"),
    ("夏秋两季实行网格化巡查，全年未发现秸秆焚烧火点。", "achievement"),  # nothing bad found
    ("发生一起较大生产安全事故。", "shortfall"),  # the count before the thing
    ("全市生产安全事故发生起数和死亡人数实现双下降，发生事故12起。", "achievement"),  # a fall said before it
    ("排查整治燃气隐患312处，完成餐饮场所燃气泄漏报警装置安装。", "achievement"),  # 泄漏报警 is no 漏报
    ("高标准建成“完整社区”试点，补齐社区食堂、口袋公园、快递驿站等8类设施短板。", "achievement"),  # a gap filled
])
def test_a_bad_thing_that_happened_is_a_shortfall(sentence: str, expected: str) -> None:
    from nlp.extract.reports import polarity

    assert polarity(sentence, ()) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # nothing begun, the papers still in hand: not done at all (invented sentences)
    ("城东污水处理厂项目尚未开工，目前仍在办理用地手续中。", "not_met"),
    ("已有9个乡镇建成服务站，石门乡、青陂乡服务站仍在设备采购中。", "partial"),
    # 还 is still, but for a place after it; nothing said done before, or only listed (invented sentences)
    ("12个村已有9个完成改造，剩下3个村还在施工中。", "partial"),
    ("项目尚未完成用地报批，目前仍在办理用地手续中。", "not_met"),
    ("项目尚未完成施工和验收。", "not_met"),
])
def test_still_in_progress_after_nothing_or_something_done(text: str, expected: str) -> None:
    from nlp.match.evidence import polarity

    said = polarity(text, ())
    # (as compare reads evidence: a sentence of neither polarity, in what a document reports done, is an achievement)
    assert _from_polarity("achievement" if said == "neutral" else said, (), text) == expected
