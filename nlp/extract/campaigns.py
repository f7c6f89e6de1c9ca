"""Campaigns, programmes, mechanisms and formulations (`护航冬奥专项行动`, `“一院一新”活动`, `六稳`),
laws (`《民法典》`), with aliases merged and groups (`七个专项行动`) linked to their members.

Three sources: the lexicon of known formulations, quoted names (with or without
a suffix such as 活动/工程), and names ending in a campaign word (…专项行动).
Emphasis quotes (`“干”`, `“假官司”`), metrics and events are not campaigns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache

from nlp.context import Context
from nlp.lexicons import load_table, scanning_ahead, words_pattern
from nlp.numerals import cn_small
from nlp.spans import keep_longest
from nlp.types import Analysis, Campaign, CampaignKind, Mention, Tokens

# suffix -> kind; the longest suffix that ends a name decides
SUFFIX_KINDS = {
    "专项行动": "campaign", "专项监督": "campaign", "专项整治": "campaign", "专项斗争": "campaign",
    "专项治理": "campaign", "攻坚行动": "campaign", "三年行动": "campaign", "行动": "campaign",
    "攻坚战": "formulation", "活动": "activity", "建设年": "activity", "落实年": "activity", "年": "activity",
    "工程": "program", "计划": "program", "项目": "program", "机制": "mechanism", "模式": "mechanism",
    "工作模式": "mechanism", "工作法": "mechanism", "检察建议": "recommendation", "品牌": "program", "试点": "program",
}
SUFFIXES_LONGEST_FIRST = tuple(sorted(SUFFIX_KINDS, key=len, reverse=True))
LONG_SUFFIXES = tuple(s for s in SUFFIX_KINDS if len(s) > 1)  # a quoted name ending in one is a name
NUMERAL_START = re.compile(r"^[一二三四五六七八九十两双]")
PARTICLE = re.compile(r"[的了吗呢啊]")
# suffixes that make a campaign name even without quotation marks
# the campaigns of one bucket a new name is compared with: the development documents have at most 85 of one kind
# and suffix; comparing each name with all of thousands would be quadratic
MAX_ALIAS_CANDIDATES = 300
UNQUOTED_SUFFIXES = ("专项行动", "专项监督", "专项整治", "专项斗争", "专项治理", "攻坚行动", "三年行动", "整治行动", "试点")
UNQUOTED_RE = re.compile("|".join(UNQUOTED_SUFFIXES))
STOP_WORDS = frozenset(
    "从 开展 深入开展 持续 深化 推进 实施 部署 部署了 启动 组织 落实 围绕 以 在 对 把 将 了 的 扎实 深入 推动 加强 做好 抓好 "
    "聚焦 是 为 与 及 等 各 这 要 进一步 坚决 全面 认真 积极 继续 通过 按照 结合 参加 开始 组织开展 扎实开展 持续开展 "
    "启动实施 确保 坚决 大力 狠抓 强化 完善 有效 切实 一批 此外 其中 同时 今年 去年 今年以来 通过 这些 该 本 各类 各项 全市 全省 "
    "全县 全区 市 省 县 区 "
    # taking part in or finishing a programme, and which round of it: not part of its name (完成国企改革三年行动,
    # 入选首批…试点, 新一轮…行动计划)
    "完成 全面完成 超额完成 如期完成 顺利完成 基本完成 实现 扩大 努力 新一轮 新一期 首批 第二批 第三批 入选 获批 争创 创建 申报 "
    "承担 参与 牵头 领域 "
    # measure words after a count (15个…试点), and verbs that carry out, hold or win a programme (打赢…攻坚战,
    # 举办…活动, 获…工程奖)
    "个 所 项 批 家 条 种 名 次 场 增设 成为 纳入 率先 推开 进行 "
    "加快 打赢 打好 举办 办好 擦亮 叫响 用好 打响 推行 实行 坚持 践行 参加 获得 荣获 获".split()
)
CONJUNCTIONS = frozenset("和 与 及 以及 、".split())  # 领先行动和…攻坚行动: two names, not one
GROUP = re.compile(scanning_ahead(r"(?P<list>“[^”]{2,40}”)?(?P<n>[一二三四五六七八九十两]+)(?:个|大|项)"
                                  r"(?P<suffix>专项行动|专项监督|专项整治|行动|工程)"))
QUOTED = re.compile(r"“(?P<x>[^“”\n]{1,24})”(?P<suffix>专项行动|专项监督|专项整治|专项治理|专项斗争|三年行动|攻坚行动|攻坚战|工作模式|工作法|行动|活动|工程|计划|机制|模式|检察建议|建设年|落实年|品牌)?")
LAW = re.compile(r"《(?P<x>[^《》\n]{1,40}?(?:法典|法|条例|规定|办法|规则|准则|决定|纲要|意见))》")
NUMBERED = re.compile(r"[一二三四五六七八九十两双]")
GENERIC_HEADS = frozenset({"机制", "模式", "工作模式", "工作法", "品牌"})  # heads that name no programme of their own
# “12345”热线纳入考核体系: no name; verbs that start a predicate only (抓落实 is a noun in “3+2”清单化抓落实机制)
CODE_VERB = re.compile(r"纳入|列入|进入|作为|成为|实现|完成|推进|实施|开展|达到")
BARE_NUMBER = re.compile(r"[0-9A-Za-z+＋.\-]+")
# “1+3”重点功能区, “8+4”经济政策体系, “1310”具体部署: a quoted code names the structure that follows it
CODE_HEAD = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:产业体系|政策体系|工作体系|治理体系|体系|具体部署|部署|功能区|集群|工程|行动|计划|"
                       r"战略|格局|布局|机制)")
PUNCT = re.compile(r"[“”‘’\"'《》「」『』、，,·\s]")
MAX_TOKENS_BACK = 10
STRONG_NOT = frozenset({"推进", "解决", "建设", "加快", "实施", "打造", "围绕", "迈向", "建成", "全面", "加速", "奋力", "努力"})
ACTION_NOT = re.compile(r"^(?:一系列|各项|各类|相关|联合|专项|集中|统一)|[的了]")
ACTION_NOT_START = frozenset({"重大", "一批", "有关", "全面", "各地", "国家", "城市", "这一", "该项"})
N_BIG_NOT = frozenset({"优势", "特点", "问题", "变化", "成就", "任务", "方面", "领域", "产业", "板块", "城市", "区域"})
RESULT_RUN = re.compile(r"连[丰增涨降冠]$|连续")  # 二十一连丰: a record, not a programme
YEARS_ONLY = re.compile(r"[一二三四五六七八九十两\d]+年")  # 三年行动计划 with nothing before: no name
COUNT_BEFORE = re.compile(r"[一二三四五六七八九十两]+(?:个|大|项)$")
N_BIG = re.compile(scanning_ahead(r"(?<![一二三四五六七八九十两\d])(?P<n>[一二三四五六七八九十])大(?P<x>[\u4e00-\u9fff]{2})"
                                  r"(?=[，。、；的和与”这])"))
NOT_NAME = re.compile(r"[的得了吗呢啊，,。；;！？《》]")
NAME_AFTER = re.compile(r"(?:管理)?(?:改革|政策|机制|模式|制度|体系|理念|战略|创建|试点|经验|标准|要求|服务模式|工作|建设|运行机制|目标|"
                        r"理论|精神|原则|方针)")
AFTER_KINDS = {"改革": "mechanism", "管理改革": "mechanism", "机制": "mechanism", "模式": "mechanism", "制度": "mechanism",
               "运行机制": "mechanism", "服务模式": "mechanism", "创建": "activity", "试点": "program",
               "建设": "program", "体系": "mechanism"}
IMPLEMENT_BEFORE = re.compile(r"(?:落实|推行|实施|开展|深化|推进|坚持|践行|学习运用|抓好|服务|打好|做到|实行|执行|坚守|建设|"
                              r"推动|加快|开展好|深入推进|全面推行|扎实推进|持续深化|构建|建立|打造|创建|推广|健全)$")
MODEL_UNIT = re.compile(r"(?:式|型|示范|标杆|样板)[\u4e00-\u9fff]{0,6}(?:所|室|站|中心|队|院|校|村|社区|单位)$")
# 质量强市, 交通强市, 文化强省: `X强市` formulations, named where they are built or pursued
# (?=..强): both alternatives open with two characters and 强; the engine tests that before the look-behinds
STRONG_PLACE = re.compile(r"(?=..强)(?:(?<=建设|实施|打造|加快|推进|围绕|建成|迈向)(?P<x>[\u4e00-\u9fff]{2}强(?:市|省|县|区|国))(?!场)"
                          r"|(?P<y>[\u4e00-\u9fff]{2}强(?:市|省|县|区|国))(?=建设|战略))")
# 平安广东, 法治江苏, 美丽上海, 健康北京: a province's own form of a national formulation (平安中国, 美丽中国…)
PLACE_QUALITIES = ("平安", "法治", "美丽", "健康", "数字", "清廉", "诚信", "书香", "幸福", "智慧", "创新", "文明")
# 城市更新行动: an unquoted X行动 that is being carried out
# 实施农机装备补短板行动, 推进数字乡村建设工程, 开展现房销售试点: a named programme that is being carried out —
# a verb of implementation, a modifier of several words, a programme noun
PROGRAMME_NOUNS = {"行动计划": "program", "三年行动": "campaign", "专项行动": "campaign", "专项整治": "campaign",
                   "专项斗争": "campaign", "攻坚战": "campaign", "保卫战": "campaign", "行动": "campaign",
                   "工程": "program", "计划": "program", "试点": "program", "提升年": "activity", "战略": "formulation"}
PROGRAMME_ENDINGS = tuple(sorted(PROGRAMME_NOUNS, key=len, reverse=True))
ACTION_VERBS = (r"(?:组织实施|深入实施|全面实施|加快实施|持续实施|深入开展|扎实开展|持续开展|扎实推进|深入推进|实施|开展|"
                r"启动|深化|推进|推行|打好|打赢|部署)(?:好)?")
# 启动实施…计划, 打好实现…攻坚战, 深入实施进一步抓实抓好…: what opens the matched name is not part of it, nor its
# round (not 第二轮: 第二轮土地承包… names the round)
LEADING_NOT_NAME = re.compile(r"^(?:" + ACTION_VERBS + r"|实现|如期完成|完成|进一步|新一轮|新一期|新一批|首批)+")
# 电动自行车等重点领域消防安全专项整治: what comes before 等 is a list of examples, then the scope, then the name
LISTED_SCOPE = re.compile(r"^.*等(?:重点)?(?:领域|行业|方面)")
ACTION = re.compile(ACTION_VERBS +
                    r"(?P<x>[\u4e00-\u9fff0-9+]{2,16}?(?:" + "|".join(PROGRAMME_ENDINGS) + r"))"
                    r"(?![计方规纲意办])")


@cache
def _place_formulation() -> re.Pattern[str]:
    places = sorted((r["name"] for r in load_table("regions")), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(PLACE_QUALITIES)})(?:{'|'.join(places)})")


def canonical(name: str) -> str:
    """Return a name without quotation marks, brackets, list punctuation and spaces."""
    return PUNCT.sub("", name)


def _kind_of(name: str) -> str:
    suffix = _suffix(name)
    return SUFFIX_KINDS[suffix] if suffix else "formulation"


@dataclass
class _Found:
    name: str
    kind: CampaignKind
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    members: list[str] = field(default_factory=list)
    group_size: int = 0


LEXICON_TABLES = ("campaigns", "formulations")  # the team's campaigns; national formulations and strategies
KIND_OF_LEXICON = {"strategy": "formulation"}  # a national strategy is a formulation in the analysis schema


def _lexicon_rows() -> list[dict[str, str]]:
    return [row for table in LEXICON_TABLES for row in load_table(table)]


@cache
def _lexicon() -> tuple[dict[str, tuple[str, str]], re.Pattern[str] | None, frozenset[str]]:
    """Return alias -> (canonical name, kind), a regex over all aliases, and the words that are no campaigns."""
    aliases: dict[str, tuple[str, str]] = {}
    for row in _lexicon_rows():
        kind = KIND_OF_LEXICON.get(row["kind"], row["kind"])
        for alias in [row["name"], *filter(None, row["aliases"].split("|"))]:
            aliases.setdefault(canonical(alias), (row["name"], kind))
            aliases.setdefault(alias, (row["name"], kind))  # as written: 双随机、一公开
    pattern = re.compile(words_pattern(aliases)) if aliases else None
    not_campaigns = frozenset(canonical(r["word"]) for r in load_table("not_campaigns"))
    return aliases, pattern, not_campaigns


@cache
def lexicon_members() -> dict[str, tuple[str, ...]]:
    """Return the expansions of known formulations (`六稳` → 稳就业、稳金融…)."""
    return {row["name"]: tuple(filter(None, row["members"].split("|"))) for row in _lexicon_rows()}


def extract(analysis: Analysis, ctx: Context) -> tuple[Campaign, ...]:
    """Return the campaigns and laws of a document (the pipeline stage)."""
    return tuple(find_campaigns(ctx.text, analysis.tokens))


def find_campaigns(text: str, tokens: Tokens) -> list[Campaign]:
    """Return the campaigns and laws named in `text`, in order of first mention, with ids c1, c2, …"""
    aliases, lex_re, not_campaigns = _lexicon()
    found: list[tuple[int, int, str, str, int]] = []  # (start, end, name, kind, group size)

    for m in LAW.finditer(text):
        found.append((m.start("x"), m.end("x"), m.group("x"), "law", 0))
    for m in GROUP.finditer(text):
        listed = m.group("list")
        start = m.start()
        name = canonical((listed or "") + m.group(0)[len(listed or ""):])
        size = cn_small(m.group("n").replace("两", "二"))
        # 安全生产治本攻坚“十大行动”, 基础教育提升、医疗卫生发展、职业培训创新三项工程: what the group is of
        # (not a known formulation: 新型工业化五大行动 names 新型工业化 and its five actions)
        quoted = start > 0 and text[start - 1] == "“"
        begin = None if listed else _name_start(text, tokens, start - quoted, max_tokens=16, quotes=False,
                                                   lists=True)
        if begin is not None and start - quoted - begin >= 2 and canonical(text[begin:start]) not in aliases \
                and (quoted or "、" in text[begin:start]):  # not 谋划五大行动, 全年十大工程
            name, start = canonical(text[begin:start]) + name, begin
        found.append((start, m.end(), name, "campaign_group", size))
    for m in QUOTED.finditer(text):
        x, suffix = m.group("x"), m.group("suffix") or ""
        key = canonical(x)
        if key in not_campaigns or ("、" in x and text[m.end():m.end() + 1] in "一二三四五六七八九十两"):
            continue
        if suffix and suffix in GENERIC_HEADS and key in aliases:
            name, kind = aliases[key]  # 共建“一带一路”机制: the known formulation, not a mechanism of its own
        elif suffix:
            name, kind = canonical(x + suffix), _kind_of(x + suffix)
            if x.endswith(("活动", "工程")) and suffix:
                name = key
        elif key in aliases:
            continue  # the lexicon pass finds it
        elif key.endswith(LONG_SUFFIXES) and len(key) >= 4:
            name, kind = key, _kind_of(key)
        elif BARE_NUMBER.fullmatch(key):
            if not (head := CODE_HEAD.match(text, m.end())) or CODE_VERB.search(head.group(0)):
                continue  # “315”, “8+4”: a number names nothing on its own
            name, kind = key + head.group(0), _kind_of(key + head.group(0))
        elif NUMBERED.search(key) and len(key) >= 3 and _looks_numbered(key):
            name, kind = key, "formulation"
        elif (named := _named_by_context(text, m.start(), m.end(), key)) is not None:
            name, kind = key, "mechanism" if "+" in key else named  # “河长+检察长”机制; “文化+旅游” alone is emphasis
        else:
            continue  # emphasis or quoted speech
        found.append((m.start("x"), m.end("x"), name, kind, 0))
    if lex_re is not None:
        for m in lex_re.finditer(text):
            name, kind = aliases[m.group(0)]
            found.append((m.start(), m.end(), name, kind, 0))
    found.extend(_suffix_names(text, tokens))
    for m in STRONG_PLACE.finditer(text):
        group = "x" if m.group("x") else "y"
        if m.group(group)[:2] not in STRONG_NOT:  # 推进强国建设: a verb, not a field, before 强国
            found.append((m.start(group), m.end(group), m.group(group), "formulation", 0))
    for m in ACTION.finditer(text):
        name, start = m.group("x"), m.start("x")
        # 启动新一轮…三年行动: the verbs and the round are not part of the name; nor a list of examples before 等
        for cut in (LEADING_NOT_NAME.match(name), LISTED_SCOPE.match(name)):
            if cut and cut.end() < len(name):
                name, start = name[cut.end():], start + cut.end()
        noun = next(n for n in PROGRAMME_ENDINGS if name.endswith(n))
        if len(name) - len(noun) >= 2 and not COUNT_BEFORE.search(name) and not ACTION_NOT.search(name) \
                and name[:2] not in ACTION_NOT_START and not YEARS_ONLY.fullmatch(name, 0, len(name) - len(noun)):
            found.append((start, m.end("x"), name, PROGRAMME_NOUNS[noun], 0))
    starts = tokens.starts
    for m in _place_formulation().finditer(text):
        at = bisect_right(starts, m.start()) - 1
        if at >= 0 and starts[at] == m.start():  # not 文明山东 inside 精神文明山东建设: the quality starts a word
            found.append((m.start(), m.end(), m.group(0), "formulation", 0))
    for m in N_BIG.finditer(text):
        # 三大监督, 四大检察: a numbered formulation (units such as 两大产业 stay out: four-character nouns)
        if m.group("x") not in N_BIG_NOT:
            found.append((m.start(), m.end(), m.group(0), "formulation", 0))

    found = [_lexicon_form(f, aliases) for f in found]
    # the same for a name found elsewhere in the document: 质量强市战略 is 质量强市
    names = {canonical(f[2]): (f[2], f[3]) for f in found if f[3] != "law"}
    found = [_lexicon_form(f, names) for f in found]
    return _merge(text, keep_longest(found, lambda f: (f[0], f[1])))


def _lexicon_form(found: tuple[int, int, str, str, int], aliases: dict[str, tuple[str, str]]
                  ) -> tuple[int, int, str, str, int]:
    """A known formulation with a programme noun added (西电东送工程, 乡村振兴战略) is that formulation: one
    campaign under the lexicon's name, not two."""
    start, end, name, kind, size = found
    if kind == "law" or canonical(name) in aliases:
        return found
    noun = next((n for n in PROGRAMME_ENDINGS if name.endswith(n) and len(name) > len(n)), None)
    known = aliases.get(canonical(name[: -len(noun)])) if noun else None
    return (start, end, known[0], known[1], size) if known else found


def _named_by_context(text: str, start: int, end: int, key: str) -> str | None:
    """Return the kind of a quoted name that its context marks as a name, or None for emphasis.

    `推行“县管校聘”管理改革`, `落实“双减”`: a verb of implementation before it or a programme noun after
    it; `打“假官司”`, `“没完没了”抓好`: neither, so emphasis.
    """
    if len(key) < 2 or len(key) > 12 or NOT_NAME.search(key) or RESULT_RUN.search(key):
        return None
    after = NAME_AFTER.match(text, end)
    if after:
        return AFTER_KINDS.get(after.group(0), "formulation")
    if MODEL_UNIT.search(key):
        return "program"  # “枫桥式检察室”: a model-unit title
    if IMPLEMENT_BEFORE.search(text, max(0, start - 6), start):
        return "formulation"
    return None


def _looks_numbered(key: str) -> bool:
    """`三优先三不用`, `一院一新`, `三覆盖四清零`, `双过半`: formulations built on numerals (not `二十一连丰`)."""
    return bool(NUMERAL_START.match(key)) and not PARTICLE.search(key) and not RESULT_RUN.search(key)


def _name_start(text: str, tokens: Tokens, start: int, max_tokens: int = MAX_TOKENS_BACK,
                quotes: bool = True, lists: bool = False) -> int | None:
    """Return where a name that ends in a campaign word at `start` begins: walk back over the tokens of its
    modifier (and quoted parts, with `quotes`; list commas, with `lists`) to a stop word or verb. None where the
    name does not start at a token boundary or has an unclosed quotation mark."""
    starts, words = tokens.starts, tokens.texts  # read in place: a `Token` made for each look is thrown away
    i = bisect_right(starts, start) - 1  # the last token starting at or before `start`
    if i < 0 or starts[i] != start:
        return None  # the campaign word is glued to a token (`专项行动` inside a longer token)
    j = i - 1
    depth = 0
    while j >= 0 and i - j <= max_tokens:
        word, tok_start = words[j], starts[j]
        tok_end = tok_start + len(word)
        if tok_end != start and text[tok_end:start].strip():
            break
        if quotes and word == "”":
            depth += 1
        elif quotes and word == "“":
            if depth == 0:
                break
            depth -= 1
        elif lists and word == "、":
            pass
        elif depth == 0 and (word in STOP_WORDS or not _is_name_part(word)
                             or (word in CONJUNCTIONS and text.endswith(LONG_SUFFIXES, 0, tok_start))):
            break
        start = tok_start
        j -= 1
    return None if depth else start


def _suffix_names(text: str, tokens: Tokens) -> list[tuple[int, int, str, str, int]]:
    """Find unquoted names ending in a campaign word by walking back over tokens to a stop word."""
    out: list[tuple[int, int, str, str, int]] = []
    for m in UNQUOTED_RE.finditer(text):
        start = _name_start(text, tokens, m.start())
        if start is None:
            continue
        if cut := LEADING_NOT_NAME.match(text[start:m.start()]):  # 打好…三年行动
            start += cut.end()
        k = bisect_right(tokens.starts, start) - 1
        if 0 <= k < len(tokens) - 1 and tokens.starts[k] == start and tokens.texts[k] in CONJUNCTIONS:
            start = tokens.starts[k + 1]  # 扩大和拓展…试点: the conjunction as a word, not 和谐社区…
        end = m.end() + 2 if text.startswith("计划", m.end()) else m.end()  # 三年行动计划: a programme
        name = canonical(text[start:end])
        shortest = 4 if m.group(0) == "试点" else 2  # a pilot needs a fuller name (not 开放试点)
        if len(canonical(text[start:m.start()])) < shortest or COUNT_BEFORE.search(text, max(0, m.start() - 12),
                                                                                      m.start()):
            continue  # 七个专项行动 is a group, found by GROUP
        out.append((start, end, name, _kind_of(name), 0))
    return out


def _is_name_part(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" or ch in "×" for ch in word)


def _merge(text: str, mentions: list[tuple[int, int, str, str, int]]) -> list[Campaign]:
    campaigns: list[_Found] = []
    by_name: dict[str, _Found] = {}
    order: dict[int, int] = {}  # id of a campaign -> its place in `campaigns`
    # the campaigns a name may be another name of, by _bucket, each list in the order of `campaigns`
    buckets: dict[tuple[str, str], list[_Found]] = {}

    def file(c: _Found) -> None:
        bucket = buckets.setdefault(_bucket(c.name, c.kind), [])
        bucket.insert(bisect_right(bucket, order[id(c)], key=lambda x: order[id(x)]), c)

    for start, end, name, kind, size in mentions:
        target = by_name.get(name) or _alias_of(name, kind, buckets.get(_bucket(name, kind), ()))
        if target is None:
            target = _Found(name, kind, group_size=size)
            order[id(target)] = len(campaigns)
            campaigns.append(target)
            file(target)
        elif len(name) > len(target.name) and target.name in name and kind != "law":
            # a fuller name of the same campaign (民事虚假诉讼专项监督 for 虚假诉讼专项监督)
            target.aliases.add(target.name)
            by_name.pop(target.name, None)
            buckets[_bucket(target.name, target.kind)].remove(target)
            target.name = name
            file(target)
        target.aliases.add(name)
        by_name[name] = target
        target.mentions.append(Mention(text[start:end], start, end))
    _link_groups(campaigns)
    out: list[Campaign] = []
    for n, c in enumerate(campaigns, 1):
        members = tuple(c.members) or lexicon_members().get(c.name, ())
        out.append(Campaign(id=f"c{n}", name=c.name, kind=c.kind, members=members, mentions=tuple(c.mentions)))
    return out


def _bucket(name: str, kind: str) -> tuple[str, str]:
    """The campaigns a name can be another name of share this: laws with laws, others their kind and suffix."""
    return ("law", "") if kind == "law" else (kind, _suffix(name))


def _alias_of(name: str, kind: str, candidates: Sequence[_Found]) -> _Found | None:
    """Return the campaign `name` is another name of, among the first MAX_ALIAS_CANDIDATES of its bucket: a law's
    short title, a shorter or slightly different name with the same suffix (虚假诉讼专项监督 / 民事虚假诉讼专项监督)."""
    if kind == "law":
        return next((c for c in candidates[:MAX_ALIAS_CANDIDATES] if c.name.endswith(name) or name.endswith(c.name)),
                    None)
    size = len(name)
    if size < 4:
        return None
    suffix = _suffix(name)
    for c in candidates[:MAX_ALIAS_CANDIDATES]:
        other = c.name
        n = len(other)
        # the shorter name ends the longer one (of equal lengths, `other` counts as the longer)
        if suffix and (other.endswith(name) if n >= size else name.endswith(other)) and min(n, size) - len(suffix) >= 2:
            return c
        # 2 * min / (size + n) bounds _shared_chars, which bounds the ratio: most pairs end at the lengths
        if abs(size - n) <= 3 and 2 * min(size, n) / (size + n) >= 0.9 and _shared_chars(name, other) >= 0.9 and \
                SequenceMatcher(None, name, other).ratio() >= 0.9:
            return c
    return None


def _shared_chars(a: str, b: str) -> float:
    """An upper bound of SequenceMatcher's ratio, without building one: the characters the names share."""
    return 2 * len(_char_multiset(a) & _char_multiset(b)) / (len(a) + len(b))


@lru_cache(maxsize=4096)
def _char_multiset(name: str) -> frozenset[tuple[str, int]]:
    """The characters of `name` as a set of (character, its n-th occurrence): the size of the intersection of two
    is the number of characters two names share, counted with repeats, found by set intersection in C."""
    seen: dict[str, int] = {}
    out: list[tuple[str, int]] = []
    for ch in name:
        seen[ch] = seen.get(ch, 0) + 1
        out.append((ch, seen[ch]))
    return frozenset(out)


@cache
def _suffix(name: str) -> str:
    for s in SUFFIXES_LONGEST_FIRST:
        if name.endswith(s):
            return s
    return ""


def _link_groups(campaigns: list[_Found]) -> None:
    """Link `七个专项行动` to the first campaigns of its kind mentioned after it."""
    for g in campaigns:
        if g.kind != "campaign_group" or not g.group_size:
            continue
        suffix = _suffix(g.name)
        first = g.mentions[0].start
        after = sorted((c.mentions[0].start, c.name) for c in campaigns
                       if c.kind == "campaign" and c.name.endswith(suffix) and c.mentions[0].start > first)
        if len(after) >= g.group_size:
            g.members = [name for _, name in after[: g.group_size]]
