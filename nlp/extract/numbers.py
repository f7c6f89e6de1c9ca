"""Numbers in Chinese text: Arabic, Han numerals (with 两), 万/亿 scales, masked ×."""

from __future__ import annotations

import re

NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.．]\d+)?|×+|[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)"
SCALES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
SCALE = r"(?:万亿|亿|万|千)?"
MASK = re.compile(r"^×+$")
HAN_DIGITS = re.compile(r"^[零〇一二两三四五六七八九十百千万亿点]+$")


def is_masked(text: str) -> bool:
    return bool(MASK.match(text))


def parse_number(text: str, scale: str = "") -> float | None:
    """Return the value of an Arabic or Han numeral times a 万/亿 scale; None when masked or unreadable."""
    if not text or is_masked(text):
        return None
    factor = SCALES.get(scale, 1.0)
    plain = text.replace(",", "").replace("．", ".")
    try:
        value = float(plain)
    except ValueError:
        if not HAN_DIGITS.match(text):
            return None
        import cn2an  # imported on the first Han numeral

        try:
            value = float(cn2an.cn2an(text, "smart"))
        except (ValueError, KeyError):
            return None
    value *= factor
    return int(value) if value.is_integer() and abs(value) < 1e15 else value
