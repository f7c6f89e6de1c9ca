"""`nlp compare`: the targets and directives of a base document traced into the documents that report on it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from nlp.extract.directives import OWNER_LINE
from nlp.extract.metrics import adding_up
from nlp.ingest.clean import BYLINE_SPAN
from nlp.labels import STATUS_ZH
from nlp.lexicons import load_table
from nlp.match.evidence import match_directives
from nlp.match.results import find_result, index_results
from nlp.segment.sections import path_year
from nlp.types import (
    Analysis,
    ComparedDirective,
    ComparedDocument,
    ComparedTarget,
    Comparison,
    DocumentRef,
    TargetResult,
)

PLACE = r"(?P<place>[\u4e00-\u9fff]{2,10}?(?:自治区|省|市|(?<![社园景校小])区|县|镇|乡|街道))"  # a place name, by its last place word
ORG = re.compile(PLACE + r"(?P<org>人民检察院|人民法院|人民政府|政府|办事处|公安局|检察院|法院|党委|党工委|委员会|[\u4e00-\u9fff]{1,6}局"
                 r"|[\u4e00-\u9fff]{1,10}?(?<![大餐展客门])(?<!服务)(?<!营业)(?<!报告)(?<!会议)厅"  # (a province's 厅, not a hall)
                 r"|[\u4e00-\u9fff]{1,6}委员会|委(?=书记|副书记|常委|组织部|宣传部|统战部|政法委|办公室|党校|直属机关))")  # 中共柏溪县委书记: the county's party committee
LONG_DEPARTMENT = re.compile(PLACE + r"(?P<org>[\u4e00-\u9fff]{5,8}(?:管理|建设|保障|资源|规划|服务|绿化|执法|运输|农村|事务|储备|"
                             r"监督|信息化|环境|旅游|健康|改革)(?:局|委员会))(?=\d{4}年|关于|$|工作)")
# a place that a title line opens with, before the year or the kind of document (桃坪乡2025年工作总结), or a news
# headline's colon (云埠镇：前三季度经济运行稳中有进)
TITLE_PLACE = re.compile("^" + PLACE + r"(?=\d{4}年|(?:上半年|年度|全年)?工作(?:总结|报告|简报|信息|动态)|政府工作报告|[：:])")
# a place by its name and its kind (澜岑省, 曜川市, 桃坪乡): its documents know it by the name
PLACE_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,}?)(?:省|市|县|区|自治区|自治州|州|盟|旗|镇|乡|街道)")
# a work report's byline: the congress of its place (——2025年1月15日在沧澜省第十四届人民代表大会第四次会议上)
CONGRESS = re.compile(r"在(?P<place>[\u4e00-\u9fff]{2,14}?(?:自治区|自治州|省|市|区|县|州|盟|旗))第[一二三四五六七八九十]+届"
                      r"人民代表大会")  # (a prefecture's 州, 盟 and a banner's 旗 too: 黔东南苗族侗族自治州)
WHOLE_SAID = re.compile(r"在全(?P<place>[省市县区])[^，。\n]{0,30}?(?:会议|大会|会)上")  # 在全县…工作会议上的讲话
# a report of the meeting by its title (区委召开全区经济工作暨重点项目推进会; not a plan's opening words on one)
MEETING_TITLE = re.compile(r"召开全(?P<place>[省市县区])[^，。\n]{0,30}?(?:会议|大会|会)$")
OFFICE_SAID = re.compile(r"^(?P<place>[省市县区])(?:委(?:副)?书记|长|委常委)", re.MULTILINE)  # a speaker's line: 县委书记　顾承远
TITLE_BLOCK_LINE = 40  # the lines of a title block (title, byline, date) are shorter than this
# the unit filling in a form it was sent (填报单位：柳湾区人民政府（盖章）): the one it speaks for, whatever its title
FILLED_BY = re.compile(r"(?:填报|填表|报送|上报)单位[ \u3000]*[:：][ \u3000]*(?P<unit>[^\s（(：:，,；;]{2,30})"
                       r"(?=[\s（(，,；;]|$)")  # (a name ends there: not 填报时间 of a blank line's next label)
PLACE_NOISE = re.compile(r"^.*(?:讲话|总结|报告|会议上|中共)")  # words before a place that are no part of it
# a department of a place's government (县农业农村局, 市政府办公室): narrower than the government or party committee
DEPARTMENT = re.compile(r"(?:局|厅|(?<!届)(?<!管理)委员会|办公室|中心|(?<![东西南北])部|党校|政法委|工委)$")  # (not 第八届委员会, 管理委员会)
# a place does not open with them (经区政府…研究; 2025年县委县政府…), nor holds a party committee (县委县政府)
FUNCTION_CHARS = frozenset("为经由在从对向据和与及我本全年")
# the items `compare` reads of its documents: they need be analysed for no others (`analyze_document`'s `stages`)
COMPARED_STAGES = frozenset({"campaigns", "quantities", "directives", "targets"})
SHARE_SCORE = 0.7  # a share judged met is less sure than a figure compared with its target
LEAD = re.compile(r"^(?:\d{4}年|[（(]?\d{4}[)）]?|关于|我代表|在)+")
CARRYING_OUT = re.compile(r"贯彻|落实|执行|学习|对照")  # (关于贯彻落实…厅2025年工作要点的情况报告: another's plan)
# the level a place name is of, by its last place word (直辖市 are provinces)
LEVELS = (("自治区", 4), ("省", 4), ("州", 3), ("盟", 3), ("市", 3), ("区", 2), ("县", 2), ("旗", 2), ("镇", 1),
          ("乡", 1), ("街道", 1))
# words of a department's name holding a level's word, after the place it opens with
NOT_PLACE = re.compile(r"市场|城乡|乡村|城市|区域|县域|市政(?!务)|市容|市民(?!政|族|防|宗)|乡镇|社区")
PROVINCIAL_CITIES = ("北京市", "上海市", "天津市", "重庆市")
# a government is its place; so is a 街道's office (城东街道办事处 → 城东街道)
NOT_PARTY = re.compile(r"政协|政治协商|共青团|人大")
STANDING = re.compile(r"常务委员会")
PARTY_DEPARTMENT = re.compile(r"组织部|宣传部|统一战线工作部|统战部|政法委员会|政法委|办公室|党校|直属机关工作委员会|直属机关工委|"
                              r"[\u4e00-\u9fff]{1,4}部")
# a place's party committee is of its level (中共柳湾镇委员会 → 柳湾镇委, 石渠镇党委, 凤栖街道党工委)
BRANCH = re.compile(r"(?!关于|对)[\u4e00-\u9fff]{1,6}?(?:区|县|市|旗)分局")  # a bureau's branch in a lower place (…局临泓区分局)
SHORT_ORG = {"人民检察院": "院", "检察院": "院", "人民法院": "法院", "人民政府": "", "政府": "", "办事处": "",
             "委员会": "委"}


def document_unit(analysis: Analysis) -> str | None:
    """Return the unit a document speaks for, from its title or opening lines (丰台区人民检察院 → 丰台区院)."""
    # the title and the short lines of the title block, not the text's sentences (由区住房城乡建设局牵头…)
    title = analysis.document.title or ""
    opening = analysis.document.text.split("\n", 8)[:8]  # (its first lines only: not the whole text split)
    for line in opening:
        if (filled := FILLED_BY.search(line)) is not None:
            return _organ(filled.group("unit")) or filled.group("unit")
    # (not who leads a task of a task list, 牵头单位：区住房和城乡建设局, on a short line near the top)
    lines = [title, *(line for line in opening[:6]
                      if len(line.strip()) <= TITLE_BLOCK_LINE and not OWNER_LINE.match(line.strip()))]
    # an organ the title names first; where the title opens with a place, an organ of that place only: the lines
    # under it may name those it answers to (凤仪街道2025年工作总结, then 县委县政府下达街道的…)
    if (unit := _organ(title)) is not None:
        return unit
    place = _title_place(title) or next((m.group("place") for line in lines if (m := CONGRESS.search(line))), None)
    for line in lines:
        if (unit := _organ(line)) is not None and (place is None or place in unit or unit in place):
            return unit
    if place is not None:
        return place
    for line in lines:  # no organ named: a place a line opens with (桃坪乡2025年工作总结, 关于东湖区…的报告)
        if (unit := _title_place(line)) is not None:
            return unit
    # nor a place: the organ the first sentence names (2025年，柏溪县农业农村局在县委…)
    first = next((line for line in opening[:6] if len(line.strip()) > TITLE_BLOCK_LINE), "")
    return _organ(first.split("。")[0])


def _place_words(unit: str | None) -> frozenset[str]:
    """The words naming a unit that is a place (澜岑省: 澜岑省, 澜岑); none for an organ (泓川市商务局)."""
    named = PLACE_NAME.fullmatch(unit or "")
    return frozenset({named.group(0), named.group("name")}) if named else frozenset()


def _title_place(line: str) -> str | None:
    """The place a title line opens with (桃坪乡2025年工作总结, 关于东湖区…的报告), or None."""
    m = TITLE_PLACE.match(LEAD.sub("", line.strip()))
    # (not 创建全国文明城市工作简报, nor a salutation's 各区县：; 瓦全镇, 万全区 are places)
    return m.group("place") if m and not m.group("place").startswith(("我", "本", "全", "各")) \
        and "全国" not in m.group("place") else None


def _organ(line: str) -> str | None:
    """The organ a line names, as a unit (丰台区人民检察院 → 丰台区院), or None."""
    for piece in re.split(r"[，,。：:；;\s“”]", line):
        # (a byline run into the line after it is no place: not 大会第六次会议上东湖区 of …会议上东湖区人民政府)
        bare = LEAD.sub("", BYLINE_SPAN.sub("", piece))
        # a department's long name where the line opens with its place (澜溪区城市管理和园林绿化局…; not …新格局)
        m = ORG.search(bare) or LONG_DEPARTMENT.match(bare)
        if m and ("各" in m.group("place") or CARRYING_OUT.search(m.group("place"))):
            continue  # 各街道办事处: no one place; 贯彻落实沧澜省交通运输厅…: the superior whose document is carried out
        if m and m.group("org") == "委员会" and (NOT_PARTY.search(bare[:m.start("org")]) or STANDING.match(bare, m.end())):
            continue  # 政协澄岚县委员会, 共青团…委员会, …委员会常务委员会: no party committee of the place
        if m and m.group("org") in ("委员会", "委") and (dept := PARTY_DEPARTMENT.match(bare, m.end())):
            return PLACE_NOISE.sub("", m.group("place")) + "委" + dept.group(0)  # 中共澄岚县委员会组织部: a department
        if m and m.group("place")[0] not in FUNCTION_CHARS and m.group("place") != "自治区" \
                and "委" not in m.group("place") and (
                m.group("org") != "办事处" or (m.group("place").endswith("街道") and "驻" not in m.group("place"))):
            place = PLACE_NOISE.sub("", m.group("place"))  # (a title run into its byline: 石门镇2025年工作总结柏溪县…)
            # (a branch of the organ in a lower place speaks for that place: 筠阳市生态环境局临泓区分局)
            branch = BRANCH.match(bare, m.end()) if m.group("org").endswith("局") else None
            return place + SHORT_ORG.get(m.group("org"), m.group("org")) + (branch.group(0) if branch else "")
    return None


def compare(base: Analysis, others: Sequence[Analysis]) -> Comparison:
    """Return the comparison of `base` with `others`: each target with the figure each other document states,
    each directive with its evidence and status per document."""
    documents = tuple(ComparedDocument(path=o.document.path, title=o.document.title, sha256=o.document.sha256,
                                       unit=document_unit(o)) for o in others)
    keys = frozenset(t.key for t in base.targets if t.key is not None)  # find_result looks for no other metric
    indexes = [index_results(o, keys) for o in others]
    unit = document_unit(base)
    scope = _scope(base, unit or _level_said(base))
    shares = [_other_level(scope, _scope(o, d.unit), o.document.text) for o, d in zip(others, documents, strict=True)]
    targets = []
    stated: list[dict[str, list[int]]] = [{} for _ in others]  # per document: directive id -> where results are
    for t in base.targets:
        results = []
        for n, (other, index) in enumerate(zip(others, indexes, strict=True)):
            r = find_result(t, other, index)
            if r is None:
                results.append(TargetResult(document=n))
            else:
                if t.directive is not None:
                    stated[n].setdefault(t.directive, []).append(r.start)
                status, score = r.status, r.score
                if shares[n] and t.key in adding_up() and t.direction == "floor" and r.value is not None:
                    # its share of a national total, done (城镇新增就业29.9万人 against 1200万人); rates and
                    # averages are compared at every level
                    status, score = ("met" if r.value > 0 else "not_met"), min(score, SHARE_SCORE)
                results.append(TargetResult(document=n, text=r.text, start=r.start, end=r.end, value=r.value,
                                            unit=r.unit, status=status, score=score))
        targets.append(ComparedTarget(id=t.id, text=t.text, start=t.start, end=t.end, metric=t.metric, key=t.key,
                                      value=t.value, unit=t.unit, qualifier=t.qualifier, direction=t.direction,
                                      results=tuple(results)))
    directives = tuple(
        ComparedDirective(id=d.id, text=d.text, start=d.start, end=d.end, actors=d.actors, results=tuple(results))
        for d, results in zip(base.directives, match_directives(base, others, stated, shares, _whole(scope),
                                                                   _led([d.unit for d in documents], base),
                                                                   _place_words(unit)),
                              strict=True))
    doc = base.document
    return Comparison(base=DocumentRef(path=doc.path, title=doc.title, sha256=doc.sha256), documents=documents,
                      targets=tuple(targets), directives=directives)


def _led(units: Sequence[str | None], base: Analysis) -> list[frozenset[str]]:
    """For each unit, the ids of the directives of `base` it leads: it is the one each names first (its 牵头单位), the
    same level and organ (泓川市住房和城乡建设局 leads 牵头单位：市住房城乡建设局; not 青峪县住房和城乡建设局, a county's)."""
    by_lead: dict[str, set[str]] = {}
    for d in base.directives:
        if d.actors:
            by_lead.setdefault(_organ_key(d.actors[0]), set()).add(d.id)
    return [frozenset(by_lead.get(_organ_key(unit), ())) if unit is not None else frozenset() for unit in units]


def _organ_key(name: str) -> str:
    """An organ's name from the place word of its level on (the last before its own name), without 中共 and the 和 of
    long names, 委员会 as 委: 岚溪市青峪县住房和城乡建设局 → 县住房城乡建设局, 中共岚溪市委组织部 → 市委组织部,
    岚溪市发展和改革委员会 → 市发展改革委 (a name holding a place word, 市场监督管理局, is no place)."""
    name = name.removeprefix("中共")
    masked = NOT_PLACE.sub(lambda m: "　" * len(m.group(0)), name)
    last = max(masked.rfind(word) for word in "省市县区")
    return (name[last:] if last >= 0 else name).replace("委员会", "委").replace("和", "")


def _level_said(analysis: Analysis) -> str | None:
    """The level a base names no place of speaks for, by the whole it addresses (在全县…会议上的讲话) or its speaker's
    office (县委书记, 市长): its place word (县, 市), or None. Its units' own figures are then their shares."""
    head = "\n".join([analysis.document.title or "", *analysis.document.text.split("\n", 4)[:4]])
    m = WHOLE_SAID.search(head) or MEETING_TITLE.search(analysis.document.title or "") or OFFICE_SAID.search(head)
    return m.group("place") if m else None


def _scope(analysis: Analysis, unit: str | None) -> tuple[str | None, str | None]:
    """(region, unit) a document speaks for, as far as its title, path and opening lines tell."""
    return _region(analysis.document.title, analysis.document.path), unit


def _whole(scope: tuple[str | None, str | None]) -> str | None:
    """The words for the whole of a base's scope (`_scope`): 全国 for a national report, 全省 for a province (全市 for
    the four cities, 全区 for an autonomous region), 全市/全县/全区 for a city, county or district; None where the
    scope says none of them (a department, a town: its summaries' units report their own)."""
    region, unit = scope
    if unit is None:
        if region is None:
            return "全国"
        full = next((r["full"] for r in load_table("regions") if r["name"] == region), "")
        return "全市" if full in PROVINCIAL_CITIES else "全区" if full.endswith("自治区") else "全省"
    if unit.endswith("自治区"):
        return "全区"
    if DEPARTMENT.search(unit):
        return None
    place = unit.removesuffix("委")  # a party committee's whole is its place's (柏溪县委: 全县)
    return "全" + place[-1] if place and place[-1] in "省市县区州旗盟" else None


def _other_level(base: tuple[str | None, str | None], other: tuple[str | None, str | None], text: str = "") -> bool:
    """Whether a document of scope `other` speaks for a narrower level than one of scope `base` (`_scope`): a
    province against a national report (which names no region nor unit), a unit of a lower level than the
    base's (a county against its city, 浦东新区 against 上海市; not two provinces, nor a city against its
    province), a city in the autonomous prefecture or league that is the base, its `text` naming it (凯里市 in
    黔东南州: a county-level city). A unit or region not found is taken for the same level: its totals are
    compared as they are."""
    if base == (None, None):
        return other[0] is not None
    if base[0] is not None and other[0] is not None and base[0] != other[0]:
        return False  # two provinces, or places in two
    high, low = _level(base), _level(other)
    if high is not None and low is not None and low == high and base[1] is not None \
            and base[1].removesuffix("委").endswith(("自治州", "盟")) and _level_word(other) == "市" \
            and (stem := _prefecture_stem(base[1].removesuffix("委"))) is not None and stem in text:
        return True  # a city in an autonomous prefecture or a league is a county-level one (凯里市 in 黔东南州)
    return high is not None and low is not None and low < high


def _prefecture_stem(unit: str) -> str | None:
    """The first two characters of a prefecture's name, which every short form of it keeps (黔东 of 黔东南苗族侗族自治州,
    黔东南州; its peoples' names after them cannot be told from its own by their characters)."""
    m = PLACE_NAME.fullmatch(unit)
    return m.group("name")[:2] if m is not None else None


def _level(scope: tuple[str | None, str | None]) -> float | None:
    """4 for a province, 3 a city, 2 a county or district, 1 a town (`LEVELS`), from a scope's unit, else its
    region; None where neither tells."""
    region, unit = scope
    if unit is None:
        return 4 if region is not None else None
    if unit in PROVINCIAL_CITIES:
        return 4
    found = _placed(unit)
    if found is None:
        return None
    level: float = found[0]
    department = DEPARTMENT.search(unit) and not unit.startswith(("中共", "中国共产党"))
    return level - 0.5 if department else level  # 县农业农村局 does its part of the county's totals


def _level_word(scope: tuple[str | None, str | None]) -> str | None:
    """The place word that gives a scope's unit its level (州 of 黔东南州, 市 of 凯里市), None for none."""
    found = _placed(scope[1]) if scope[1] is not None and scope[1] not in PROVINCIAL_CITIES else None
    return found[1] if found is not None else None


def _placed(unit: str) -> tuple[int, str] | None:
    """(level, word) of the place word ending last in a unit's name, the longer where two end together."""
    # the place word ending last, the longer where two end together (自治区, not its 区), not inside a word of a
    # department's name (枫溪县市场监督管理局, 住房和城乡建设局, 城市管理局: no city, no township)
    # (the city's own 市 of 梧冈市民政局; a place is two characters at least: not the 镇 of 镇江市民政局)
    first = min((at + len(word) for word, _ in LEVELS if (at := unit.find(word, 2)) >= 0), default=0)
    place = unit[:first] + NOT_PLACE.sub(lambda m: "　" * len(m.group(0)), unit[first:])
    ends = [(place.rfind(word) + len(word), len(word), level, word) for word, level in LEVELS if word in place]
    if not ends:
        return None
    _, _, level, word = max(ends)
    return level, word


def document_names(comparison: Comparison) -> list[str]:
    """Return how the compared documents are named to a reader (the columns of a matrix): see unique_names."""
    return unique_names([(d.unit or d.title or Path(d.path).stem, d.title, d.path) for d in comparison.documents])


def unique_names(documents: Sequence[tuple[str, str | None, str]]) -> list[str]:
    """Return a name for each (name, title, path) that tells it from the others: the name itself (a unit, else
    the title, else the file name) when no other document has it — a title or file name not naming the region
    its file is of gives way to the region and year (云南 2026); for names that repeat, the region and year
    (湖南 2026), else the year (2024年 政府工作报告), taken from the title and the path, else the file name."""
    names = [name for name, _, _ in documents]
    repeated = {n for n, k in Counter(names).items() if k > 1}
    out = []
    for name, title, path in documents:
        if name not in repeated:
            region = _region(title, path) if name in (title, Path(path).stem) else None
            if region and region not in name:
                year = _year(title, path)
                name = f"{region} {year}" if year else f"{region} {name}"
            out.append(name)
            continue
        region, year = _region(title, path), _year(title, path)
        if region and year:
            out.append(f"{region} {year}")
        elif year:
            out.append(f"{year}年 {name}")
        elif region:
            out.append(f"{region} {name}")
        else:
            out.append(f"{name}（{Path(path).name}）")
    for label, n in Counter(out).items():  # two copies of one report (txt and docx): their file names too
        if n > 1:
            out = [f"{o}（{Path(d[2]).name}）" if o == label else o for o, d in zip(out, documents, strict=True)]
    return out


YEAR = re.compile(r"(?:19|20)\d{2}")


def _year(title: str | None, path: str) -> str | None:
    """The year a document is of: in its title (2026年…), else the last one in its path (provincial/2026/hn.txt)."""
    m = YEAR.search(title or "")
    if m:
        return m.group(0)
    year = path_year(path)
    return str(year) if year is not None else None


def _region(title: str | None, path: str) -> str | None:
    """The province a document is of: named in its title, else the code its file is named by (hn.txt → 湖南)."""
    regions = load_table("regions")
    for r in sorted(regions, key=lambda r: -len(r["name"])):
        if r["name"] in (title or ""):
            return r["name"]
    code = Path(path).stem.lower()
    return next((r["name"] for r in regions if r["code"] == code), None)


def summary(comparison: Comparison, width: int = 40) -> str:
    """A readable summary: targets with their results, directives with status per document."""
    names = document_names(comparison)
    lines = [f"# {comparison.base.title or Path(comparison.base.path).stem}", "",
             "compared with: " + "; ".join(names), ""]
    if comparison.targets:
        lines.append("## Targets")
        for t in comparison.targets:
            cells = []
            for r in t.results:
                cells.append(f"{names[r.document]}: " + (f"{r.value:g}{r.unit or ''} {STATUS_ZH[r.status]}"
                                                         if r.value is not None else STATUS_ZH["unknown"]))
            lines.append(f"- {t.text} → " + "; ".join(cells))
        lines.append("")
    lines.append("## Directives")
    for d in comparison.directives:
        text = d.text if len(d.text) <= width else d.text[: width - 1] + "…"
        statuses = ", ".join(f"{names[r.document]} {STATUS_ZH[r.status]}" for r in d.results)
        lines.append(f"- {text} — {statuses}")
    counts = Counter(r.status for d in comparison.directives for r in d.results)
    lines += ["", "## Counts", ", ".join(f"{STATUS_ZH[k]} {counts[k]}" for k in STATUS_ZH if counts[k])]
    return "\n".join(lines) + "\n"
