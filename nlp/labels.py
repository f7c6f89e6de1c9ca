"""Chinese labels for the values users see (力度, 状态, 完成时限), written once for every export."""

from __future__ import annotations

import re

from nlp.types import Modality, Status

MODALITY_ZH: dict[Modality, str] = {"must": "必须", "should": "要", "strive": "力争"}
STATUS_ZH: dict[Status, str] = {"met": "完成", "partial": "部分完成", "not_met": "未完成", "unknown": "无证据"}
# the recurring periods of the deadlines lexicon (nlp/data/lexicons/deadlines.tsv, column normalize)
PERIOD_ZH = {"P1D": "每天", "P1W": "每周", "P1M": "每月", "P3M": "每季度", "P6M": "每半年", "P1Y": "每年"}
DEADLINE_KIND_ZH = {"date": "限期", "end_of_year": "年内", "recurring": "定期", "asap": "尽快", "immediate": "立即"}
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def date_zh(iso: str | None) -> str:
    """Return an ISO date as written in Chinese documents (2025-03-31 → 2025年3月31日); other text unchanged."""
    m = ISO_DATE.match(iso or "")
    if not m:
        return iso or ""
    return f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日"


def deadline_zh(kind: str, normalized: str | None, text: str = "") -> str:
    """Return a directive's deadline (完成时限) in words: 2025年6月30日前, 2025年内, 每月, 每季度, 尽快, 立即.

    `kind` and `normalized` are a Deadline's; `text` (the phrase as written) is the fallback when the
    date could not be normalised (a month without a year)."""
    if kind == "recurring":
        return PERIOD_ZH.get(normalized or "", text or "定期")
    if kind == "asap":
        return "尽快"
    if kind == "immediate":
        return "立即"
    m = ISO_DATE.match(normalized or "")
    if kind == "end_of_year":
        return f"{int(m.group(1))}年内" if m else "年内"
    if m:
        return date_zh(normalized) + "前"
    return text
