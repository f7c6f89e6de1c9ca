"""Numbers in Chinese text: Arabic and Han numerals (with 两), 万/亿 scales, masked `×`, small ordinals
(`第十二`, `三月`), the Han year digits of dates (`二〇二四年`), counting numbers written back (1 → 一),
and a quantity's text split into value, unit and qualifier."""

from __future__ import annotations

import re

CN_DIGITS = "一二三四五六七八九十"  # the characters of small Han numbers (一 … 九十九)
NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.．]\d+)?|×+|[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)"
SCALES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
SCALE = r"(?:万亿|亿|万|千)?"
NUMBER = re.compile(NUM)
MASK = re.compile(r"^×+$")
HAN_DIGITS = re.compile(r"^[零〇一二两三四五六七八九十百千万亿点]+$")
YEAR_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}  # 二〇二四 is read digit by digit
COUNTING = "〇一二三四五六七八九"
LEGAL = "零壹贰叁肆伍陆柒捌玖"
QUALIFIER_WORDS = (("左右", "approx"), ("上下", "approx"), ("以上", "at_least"), ("以内", "at_most"),
                   ("以下", "at_most"), ("多", "above"), ("余", "above"))
_SMALL = {c: i + 1 for i, c in enumerate(CN_DIGITS[:9])}


def is_masked(text: str) -> bool:
    """Whether a number is masked out (`×`, `××`)."""
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
        import cn2an  # imported on the first Han numeral (0.3 s)

        try:
            value = float(cn2an.cn2an(text, "smart"))
        except (ValueError, KeyError):
            return None
    value *= factor
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def cn_small(text: str) -> int:
    """Return the value of a Han numeral from 一 to 九十九 (`十二`, `二十一`), or 0 when it is not one."""
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        if (tens and tens not in _SMALL) or (ones and ones not in _SMALL):
            return 0
        return (_SMALL[tens] if tens else 1) * 10 + (_SMALL[ones] if ones else 0)
    return _SMALL.get(text, 0)


def han_year(text: str) -> int:
    """Return the year written in Han digits one by one: 二〇二四 → 2024."""
    return int("".join(str(YEAR_DIGITS[c]) for c in text))


def chinese_count(n: int, digits: str = COUNTING, ten: str = "十") -> str:
    """Return n (1–99) in Chinese counting: 1 → 一, 10 → 十, 21 → 二十一."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if not tens:
        return digits[ones]
    return ("" if tens == 1 else digits[tens]) + ten + (digits[ones] if ones else "")


def split_value(text: str) -> tuple[float | None, str | None, str]:
    """Return (value as written, unit as written, qualifier) of a quantity's text: `1100万人以上` → 1100, 万人, at_least."""
    m = NUMBER.search(text)
    if not m:
        return None, None, "exact"
    rest = text[m.end():]
    qualifier = "exact"
    for word, q in QUALIFIER_WORDS:
        if rest.endswith(word):
            rest, qualifier = rest[: -len(word)], q
            break
    if "个百分点" in rest:
        rest = "个百分点"
    value = parse_number(m.group(0))
    return (float(value) if value is not None else None), (rest or None), qualifier
