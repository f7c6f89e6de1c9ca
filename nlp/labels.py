"""Chinese labels for the values users see (力度, 状态, 时限, 类别), written once for every export."""

from __future__ import annotations

import re

from nlp.types import Deadline, DeadlineKind, Modality, Polarity, Status

MODALITY_ZH: dict[Modality, str] = {"must": "必须", "should": "要", "strive": "力争"}
STATUS_ZH: dict[Status, str] = {"met": "完成", "partial": "部分完成", "not_met": "未完成", "unknown": "无证据"}
POLARITY_ZH: dict[Polarity, str] = {"achievement": "成绩", "shortfall": "不足", "mixed": "成绩与不足", "neutral": "情况"}
ITEM_ZH = {"directive": "任务", "report": "工作情况", "quantity": "数量", "campaign": "专项行动"}
QUANTITY_KIND_ZH = {"count": "数量", "percent": "百分比", "ratio": "比例", "rank": "位次", "zero_state": "零发生",
                    "coverage": "覆盖", "count_range": "数量范围", "money": "金额", "duration": "时长", "period": "期间",
                    "date": "日期", "change": "增减"}
QUALIFIER_ZH = {"exact": "", "approx": "左右", "at_least": "以上（含）", "at_most": "以内（含）", "above": "超过",
                "below": "低于"}
CAMPAIGN_KIND_ZH = {"campaign": "专项行动", "campaign_group": "系列行动", "activity": "活动", "program": "工程计划",
                    "mechanism": "工作机制", "recommendation": "倡议", "formulation": "提法", "law": "法律法规"}

# 时限 by kind, in the order a reader scans them: the most urgent first. These name the groups of the report's
# 时限 filter; deadline_zh gives the wording of one deadline.
DEADLINE_KIND_ZH: dict[DeadlineKind, str] = {"immediate": "立即", "asap": "尽快", "date": "限期", "end_of_year": "年内",
                                             "recurring": "定期"}
PERIOD_ZH = {"P1D": "每天", "P1W": "每周", "P1M": "每月", "P3M": "每季度", "P6M": "每半年", "P1Y": "每年"}
# phrases of urgency kept as written: 抓紧 and 尽早 say something 尽快 does not
ASAP_WORDS = frozenset({"尽快", "抓紧", "尽早", "从速", "及时"})
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})$")


def date_zh(iso: str | None) -> str:
    """Return an ISO date as written in Chinese documents: 2025-06-30 → 2025年6月30日; other text unchanged."""
    m = ISO_DATE.match(iso or "")
    if not m:
        return iso or ""
    year, month, day = m.groups()
    return f"{year}年{int(month)}月{int(day)}日"


def deadline_zh(deadline: Deadline | None) -> str:
    """Return a deadline as an office writes it in a 完成时限 column: 2025年6月30日前, 年内, 每季度, 尽快, 立即.

    The wording comes from the deadline's kind and its normalised value; the phrase of the source is kept
    where it says more (抓紧) or where nothing could be normalised (6月底前 in a document without a year).
    """
    if deadline is None:
        return ""
    kind, text, normalized = deadline.kind, deadline.text, deadline.normalized
    if kind == "recurring":
        return PERIOD_ZH.get(normalized or "", text)
    if kind == "asap":
        return text if text in ASAP_WORDS else "尽快"
    if kind == "immediate":
        return "立即"
    if normalized and ISO_DATE.match(normalized):
        return date_zh(normalized) + "前"
    if kind == "end_of_year":
        return "年内"
    return text if text.endswith(("前", "内")) else text + "前"
