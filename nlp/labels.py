"""Chinese labels for the values users see (力度, 状态), written once for every export."""

from __future__ import annotations

from nlp.types import Modality, Status

MODALITY_ZH: dict[Modality, str] = {"must": "必须", "should": "要", "strive": "力争"}
STATUS_ZH: dict[Status, str] = {"met": "完成", "partial": "部分完成", "not_met": "未完成", "unknown": "无证据"}
