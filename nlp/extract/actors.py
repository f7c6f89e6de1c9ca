"""Responsible parties and reporting units: `各县区院`, `市院基层建设指导处`, `×区院`, `检察长`."""

from __future__ import annotations

import re
from functools import cache

from nlp.lexicons import load_table, words_pattern
from nlp.segment.markers import RUN_IN

# characters that cannot be inside a unit name: function words and verbs that stop the leftward scan
STOP_CHARS = frozenset("的在对把将要是了从向由被为以和与及也都还已均并就让使给同跟而或但有没未不按之其这那此该即如若")
# words that stop it, whose characters may be inside a name (交通运输局, 经信局, 数据局)
STOP_WORDS = frozenset({"通过", "经过", "根据", "依据", "据此", "通知"})
NOISE_PREFIX = re.compile(r"^(今年以来|截至目前|目前|今年|明年|全年|年内|此外|同时|下步|近期|当前|其中|特别是|尤其是|方面|这个|此项|工作|真正|从|"
                          rf"{RUN_IN})+")
MAX_NAME = 10
WORD_PREFIXES = frozenset({"主要", "其他", "有的", "有关", "所有", "以上", "其余"})
ADVERBS = "也都还均一定务必必须要能应当需应该将会"
# time phrases and adverbs that stand between a subject and its modal: 各招商专班每季度要…
BETWEEN = re.compile(r"(?:每(?:个)?(?:年|月|季度|半年|周|天|日|学期)|年内|年底前|今年|全年|明年|近期|下步|下一步|"
                     r"尽快|抓紧|继续|进一步|首先|同时|也|都|还|均|一定|务必|必须|要|能|应当|应该|需|将|会|切实|认真)+$")
ROLE_BRACKET = re.compile(r"[（(](?:牵头|配合|负责|主责|协办|参与|责任)(?:单位|部门)?[）)]")
# how far before a modal verb its subject is looked for: the longest subject found in the development documents
# has 12 characters (东岭、北山两个片区分中心), and ten parties joined by 、 fit; the bound keeps a clause of many
# 要 linear
SUBJECT_WINDOW = 120
COORDINATED = re.compile(r"(?:[\u4e00-\u9fff]{2,4}、)+$")  # 东岭、北山两个片区分中心
COUNTED = re.compile(r"^[\u4e00-\u9fff]{2,4}[两二三四五六七八九十]个")
SERVICE_NUMBER = re.compile(r"(?<![\d.])\d{3,6}$")  # a hotline's or a service's number (12345, 110), not a count
SECTION = re.compile(r"(?:(?![和与及要、])[\u4e00-\u9fff]){2,6}?[科股](?=要|必须|务必|应当|牵头|负责|会同|[、和]|$)")
# a bracket naming a place or unit (各街道（镇）, 各县（市、区）); not a role (（牵头）, （配合）) or an abbreviation note
ALSO_NAMED = re.compile(r"[（(](?!以下简称|简称)[\u4e00-\u9fff、]{0,11}(?:镇|乡|街道|社区|区|县|市|局|委|办|中心|院|所|队)[）)]")
# the same bracket inside a name, right before where the name goes on (各县（区）局)
ALSO_NAMED_BEFORE = re.compile(ALSO_NAMED.pattern + "$")
BARE = frozenset({"机关", "集团"})  # a suffix that names no one alone (机关作风明显好转)
ORDINAL_BEFORE = re.compile(r"第\d+$")  # 县第2人民医院: an ordinal in a name, no count
CLASSIFIERS = frozenset("个名家所项人户座条处件次支批")  # after a number, they make it a count (2025个村委会)


@cache
def _suffix_re() -> re.Pattern[str]:
    return re.compile(words_pattern(r["suffix"] for r in load_table("actors")))


@cache
def _roles() -> frozenset[str]:
    return frozenset(r["suffix"] for r in load_table("actors") if r["kind"] == "role")


def find_units(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, name) of the unit and role names in `text`, longest first, left to right."""
    found: list[tuple[int, int, str]] = []
    for m in _suffix_re().finditer(text):
        if found and m.start() < found[-1][1]:
            continue  # a suffix inside the name just found (区住房城乡建设局（区城市管理局）, 各县区院检察长)
        end = m.end()
        # extend right over a following role or unit suffix (各县区院检察长, 市院党组)
        while True:
            nxt = _suffix_re().match(text, end)
            if not nxt:
                break
            end = nxt.end()
        named_end = end  # (how far left the name may reach is counted from here)
        if text[end - 1] in "局委厅院":
            section = SECTION.match(text, end)  # 市审计局财政审计科要: a section of the bureau acts
            if section:
                end = section.end()
        also = ALSO_NAMED.match(text, end)  # 各街道（镇）, 区住房城乡建设局（区城市管理局）: what it is also called
        if also:
            end = also.end()
        start = m.start()
        while start > 0 and named_end - start < MAX_NAME + len(m.group(0)):
            ch = text[start - 1]
            if text[start - 2:start] in WORD_PREFIXES:
                start -= 2  # 各部门主要负责同志, 其他各院, 有的院: words holding a stop character
                continue
            if text[start - 2:start] in STOP_WORDS:
                break
            digits = SERVICE_NUMBER.search(text, max(0, start - 6), start) if ch.isdigit() else None
            if digits and text[start] not in CLASSIFIERS:
                start = digits.start()  # 12345热线中心, 县110指挥中心: a service number is part of the name
                continue
            inner = ALSO_NAMED_BEFORE.search(text, max(0, start - 14), start) if ch in "）)" else None
            if inner and inner.start() > 0 and "\u4e00" <= text[inner.start() - 1] <= "\u9fff":
                start = inner.start()  # 各县（区）局, 各县（市、区）政府: the bracket names the places too
                continue
            if ch in STOP_CHARS or not ("\u4e00" <= ch <= "\u9fff" or ch in "×、"):
                break
            if ch == "、":
                break
            start -= 1
        if start > 0 and text[start] in CLASSIFIERS and text[start - 1].isdigit() \
                and not ORDINAL_BEFORE.search(text, max(0, start - 6), start):
            start += 1  # 12个成员单位要…: the party without its count (not 个成员单位)
        if COUNTED.match(text[start:end]):
            coordinated = COORDINATED.search(text, max(0, start - 100), start)  # a bounded look back
            if coordinated:
                start = coordinated.start()  # 北山镇、西河乡两个派出所 is one party
        if found and start <= found[-1][1] and text[found[-1][1]:start] == "":
            start = found[-1][0]  # adjacent names are one: 各部门 + 主要负责同志
            found.pop()
        name = text[start:end]
        noise = NOISE_PREFIX.match(name)
        if noise and noise.end() < len(name):
            start += noise.end()
            name = text[start:end]
        if found and start < found[-1][1]:
            if end - start > found[-1][1] - found[-1][0]:
                found[-1] = (start, end, name)
            continue
        found.append((start, end, name))
    return [f for f in found if (len(f[2]) >= 2 or f[2] in _roles()) and f[2] not in BARE
            and not (f[2].endswith("集团") and text[f[1]:f[1] + 1] == "化")]


def actors_before(text: str, clause_start: int, modal_start: int) -> list[str]:
    """Return the parties named as the subject right before a modal verb (`各县区院要`, `机关党委、检务督察部要`),
    looked for in the last SUBJECT_WINDOW characters of the clause."""
    clause = text[max(clause_start, modal_start - SUBJECT_WINDOW):modal_start]
    between = BETWEEN.search(clause)
    if between:
        clause = clause[:between.start()]
    # 市教育局（牵头）、市财政局（配合）要…: the units, their parts in the task said after each (only names are returned)
    clause = ROLE_BRACKET.sub("", clause)
    if not clause:
        return []
    units = find_units(clause)
    if not units or units[-1][1] != len(clause):
        return []
    names = [units[-1][2]]
    # parties joined by 、 or 和 before it
    pos = units[-1][0]
    for start, end, name in reversed(units[:-1]):
        between = clause[end:pos]
        if between in ("、", "和", "与", "及"):
            names.insert(0, name)
            pos = start
        else:
            break
    return names
