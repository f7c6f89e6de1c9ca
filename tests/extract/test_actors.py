"""Unit names found before a verb: the longest name, without the words of time or connection before it."""

from __future__ import annotations

import pytest

from nlp.extract.actors import actors_before, find_units


@pytest.mark.parametrize(("text", "unit"), [
    ("各县区院要加强", "各县区院"),
    ("今年各地要加强", "各地"),  # a word of time before the subject is no part of it
    ("全年各县区院要", "各县区院"),
    ("市院基层建设指导处要", "市院基层建设指导处"),
    ("东岭、北山两个片区分中心要", "东岭、北山两个片区分中心"),
    # names holding characters that stop the scan in other words (通过, 经过, 根据)
    ("市交通运输局要", "市交通运输局"), ("市经信局要", "市经信局"), ("市数据局要", "市数据局"),
    ("通过市审计局要", "市审计局"), ("根据县财政局要", "县财政局"),
    ("政治部要在6月底前制定培训计划", "政治部"), ("市委组织部要", "市委组织部"),
    # a service number is part of the name; a count is not
    ("12315指挥中心要", "12315指挥中心"), ("市12345热线中心要", "市12345热线中心"), ("县110指挥中心要", "县110指挥中心"),
    # organs, groups, cadres, and a section of a bureau
    ("全市各级审计机关要", "全市各级审计机关"), ("市交通投资集团要", "市交通投资集团"), ("政府系统广大干部要", "政府系统广大干部"),
    ("市审计局财政审计科要", "市审计局财政审计科"), ("县财政局财务股要", "县财政局财务股"), ("市科技局要", "市科技局"),
    # what a unit is also called, in brackets after its name
    ("各街道（镇）年内", "各街道（镇）"), ("区住房城乡建设局（区城市管理局）牵头", "区住房城乡建设局（区城市管理局）"),
])
def test_unit_names(text: str, unit: str) -> None:
    assert [u for _, _, u in find_units(text)][-1:] == [unit]


def test_a_count_is_no_part_of_a_name() -> None:
    assert not any("2025" in u for _, _, u in find_units("全市2025个村委会要完成换届"))


@pytest.mark.parametrize(("text", "actors"), [
    ("年底前，全县9家危险化学品重点监管企业要全部接入监测预警系统", ["危险化学品重点监管企业"]),
    ("12个成员单位要按照职责分工抓好落实", ["成员单位"]),
])
def test_a_party_counted_is_named_without_its_count(text: str, actors: list[str]) -> None:
    """全县9家…企业要…, 12个成员单位要…: the party without the count (not 家危险化学品…, 个成员单位)."""
    assert actors_before(text, 0, text.index("要")) == actors


@pytest.mark.parametrize("text", ["全年培养干部200余名", "机关作风明显好转", "推进企业集团化改革"])
def test_a_bare_suffix_names_no_one(text: str) -> None:
    assert find_units(text) == []


@pytest.mark.parametrize(("text", "units"), [
    ("市卫健委要求各科要在6月底前完成自查", ["市卫健委"]),  # a section's name holds no 要求, 和, 、
    ("市教育局、市科技局和市农业科要", ["市教育局", "市科技局"]),
])
def test_a_section_is_named_after_its_bureau_only(text: str, units: list[str]) -> None:
    assert [u for _, _, u in find_units(text)] == units



@pytest.mark.parametrize(("text", "unit"), [("市教育局（牵头）要", "市教育局"), ("市财政局（配合）要", "市财政局")])
def test_a_bracketed_role_is_no_part_of_the_name(text: str, unit: str) -> None:
    assert [u for _, _, u in find_units(text)][:1] == [unit]


@pytest.mark.parametrize(("text", "actors"), [
    ("市教育局（牵头）要加快建设。", ["市教育局"]),
    ("市教育局（牵头）、市财政局（配合）要加快建设。", ["市教育局", "市财政局"]),
    ("市卫健委（牵头单位）要加快建设。", ["市卫健委"]),
    ("各县（区）局要全年完成食品安全监督抽检不少于3000批次。", ["各县（区）局"]),  # the bracket names places
])
def test_units_before_their_part_in_the_task_are_its_actors(text: str, actors: list[str]) -> None:
    from nlp.ingest import read_bytes
    from nlp.pipeline import analyze_document

    analysis = analyze_document(read_bytes(f"工作要点\n一、任务\n{text}\n".encode(), "x.txt", ".txt"))
    assert [list(d.actors) for d in analysis.directives if d.text == text] == [actors]
