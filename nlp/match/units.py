"""Units as written (万人, 万亿斤, 亿元, %) brought to a common base so that targets and results compare."""

from __future__ import annotations

import re

SCALE_WORDS = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3), ("百", 1e2))
# base unit -> (family, factor to the family's base): 吨 and 斤 weigh the same thing
BASES = {"元": ("money", 1.0), "美元": ("usd", 1.0), "人": ("people", 1.0), "人次": ("visits", 1.0),
         "斤": ("weight", 0.5), "公斤": ("weight", 1.0), "千克": ("weight", 1.0), "吨": ("weight", 1000.0),
         "%": ("percent", 1.0), "‰": ("percent", 0.1), "个百分点": ("points", 1.0), "户": ("households", 1.0), "家": ("firms", 1.0),
         "个": ("items", 1.0), "项": ("items", 1.0), "公里": ("km", 1.0), "亩": ("mu", 1.0)}
SPLIT = re.compile(r"^(?P<scale>万亿|亿|万|千|百)?(?P<base>.+)$")


def normalize(value: float, unit: str | None) -> tuple[str, float] | None:
    """Return (unit family, value in the family's base) or None when the unit is unknown.

    `1.37 万亿斤` → (weight, 6.85e11 kg); `1285 万吨` → (weight, 1.285e10 kg); `5.5 %` → (percent, 5.5).
    """
    if unit is None:
        return None
    if unit in BASES:
        family, factor = BASES[unit]
        return family, value * factor
    m = SPLIT.match(unit)
    if not m or m.group("base") not in BASES:
        return None
    scale = dict(SCALE_WORDS).get(m.group("scale") or "", 1.0)
    family, factor = BASES[m.group("base")]
    return family, value * scale * factor


def family(unit: str) -> str:
    """The family of what a unit measures (万亩 and 亩: mu), or the unit itself where it is not known."""
    found = normalize(1.0, unit)
    return found[0] if found is not None else unit


def convert(value: float, unit: str | None, to_unit: str | None) -> float | None:
    """Return `value unit` expressed in `to_unit`, or None when they measure different things."""
    a, b = normalize(value, unit), normalize(1.0, to_unit)
    if a is None or b is None or a[0] != b[0] or b[1] == 0:
        return None
    return a[1] / b[1]
