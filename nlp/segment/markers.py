"""Outline markers (`一、` `（一）` `一是` `第一部分` `1.` `①`) as regex fragments, written once.

The outline recognises them one family at a time (with sequence checks); cleaning, directive openings,
actor names and the team's annotation format each look for some of them at the start of a line or clause.
"""

from __future__ import annotations

import re

from nlp.numerals import CN_DIGITS

CN = f"[{CN_DIGITS}]"
CN_RUN = CN + "+"
DUN = CN_RUN + "、"  # 一、
PAREN = rf"[（(]{CN_RUN}[)）]"  # （一）
RUN_IN = CN_RUN + "(?:是|要)"  # 一是, 二要
ORDINAL = "第" + CN_RUN  # 第一
ARABIC = r"\d{1,2}[.．、]"  # 1. 1、
ARABIC_PAREN = r"[（(]\d{1,2}[)）]"  # （1）

# (family, rank, regex) for the outline; group "n" is the number, the whole match is the marker
FAMILIES: tuple[tuple[str, float, re.Pattern[str]], ...] = (
    ("chapter", 0, re.compile(rf"^第(?P<n>{CN}{{1,3}})(?:部分|章|篇)\s*")),
    ("dun", 1, re.compile(rf"^(?P<n>{CN}{{1,3}})[、．]\s*")),
    ("paren", 2, re.compile(rf"^[（(](?P<n>{CN}{{1,3}})[)）]\s*")),
    ("runin-shi", 3, re.compile(rf"^(?P<n>{CN}{{1,3}})是(?=[^的否])")),
    ("runin-yao", 3, re.compile(rf"^(?P<n>{CN}{{1,3}})要(?=[^求素点紧])")),
    ("runin-di", 3, re.compile(rf"^第(?P<n>{CN}{{1,3}})[，,、：:]\s*")),
    ("runin-first", 3, re.compile(r"^(?P<n>首先|其次|再次|最后)[，,、：:]\s*")),
    ("arabic", 4, re.compile(r"^(?P<n>\d{1,2})[.．、](?!\d)\s*")),
    ("arabic-paren", 5, re.compile(r"^[（(](?P<n>\d{1,2})[)）]\s*")),
    ("circled", 6, re.compile(r"^(?P<n>[①-⑳])\s*")),
)

# a line that opens with a heading marker (cleaning does not join such a line to the one before)
MARKER_LINE = re.compile(rf"^({DUN}|{PAREN}|{ARABIC}\D|{ORDINAL}[部章节])")
# words and markers that open a clause before its verb: `一要…`, `同时，…`, `（三）…`
CONNECTORS = re.compile(rf"^(?:{RUN_IN}|一方面|另一方面|同时|此外|下步|下一步|首先|其次|最后|{ORDINAL}|{DUN}|"
                        rf"[（(][{CN_DIGITS}\d]+[)）]|\d+[.．、])[,，、]?")
# a heading in the team's annotation format
ANNOTATED_MARKER = re.compile(rf"^(第{CN_RUN}(?:部分|章)\s*|{DUN}|{PAREN}|{RUN_IN}|{ARABIC}|{ARABIC_PAREN}|首先，|其次，|最后，|"
                              rf"{ORDINAL}，)")
