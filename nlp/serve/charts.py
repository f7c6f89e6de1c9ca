"""The trend chart as inline SVG: drawn on the server, so that it needs no script, prints sharp and stays legible
at any width. Directives per year as bars, campaign mentions as a line on their own axis."""

from __future__ import annotations

import html
from typing import Any

WIDTH, HEIGHT = 880, 340
LEFT, RIGHT, TOP, BOTTOM = 56, 64, 36, 48


def _nice(top: float) -> int:
    """A round upper bound for an axis whose quarters are whole numbers: 4, 8, 12, 16 or 20 times a power of ten,
    at least `top`."""
    step = 1
    while True:
        for m in (4, 8, 12, 16, 20):
            if m * step >= top:
                return m * step
        step *= 10


def trend_svg(result: dict[str, Any]) -> str:
    """Return an SVG chart of `nlp.batch.query.stats(by="year")`; an empty string when no year is known."""
    rows = [r for r in result["rows"] if r["key"] != "unknown"]
    if not rows:
        return ""
    esc = html.escape
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top_d = _nice(max(1, *(r["directives"] for r in rows)))
    top_c = _nice(max(1, *(r["campaign_mentions"] for r in rows)))
    slot = plot_w / len(rows)
    bar = min(48.0, slot * 0.6)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="各年份任务数与专项行动提及次数" class="chart">']
    for i in range(5):  # grid lines and the two axes' labels
        y = TOP + plot_h * i / 4
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#e1e4e8"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="#1f6feb">'
                     f"{top_d * (4 - i) // 4}</text>")
        parts.append(f'<text x="{WIDTH - RIGHT + 8}" y="{y + 4:.1f}" font-size="12" fill="#bc4c00">'
                     f"{top_c * (4 - i) // 4}</text>")
    points = []
    for n, r in enumerate(rows):
        cx = LEFT + slot * (n + 0.5)
        h = plot_h * r["directives"] / top_d
        parts.append(f'<rect x="{cx - bar / 2:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                     f'fill="#54aeff"><title>{esc(str(r["key"]))}年：任务 {r["directives"]} 条，文档 '
                     f'{r["documents"]} 份</title></rect>')
        parts.append(f'<text x="{cx:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" font-size="12" '
                     f'fill="#24292f">{esc(str(r["key"]))}</text>')
        points.append((cx, TOP + plot_h - plot_h * r["campaign_mentions"] / top_c, r["campaign_mentions"]))
    parts.append('<polyline fill="none" stroke="#bc4c00" stroke-width="2" points="'
                 + " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points) + '"/>')
    for x, y, v in points:
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#bc4c00"><title>提及 {v} 次</title></circle>')
    label = f"“{esc(result['campaign'])}”提及次数" if result.get("campaign") else "专项行动提及次数"
    parts.append(f'<text x="{LEFT}" y="20" font-size="13" fill="#1f6feb">■ 任务数（左轴）</text>')
    parts.append(f'<text x="{LEFT + 150}" y="20" font-size="13" fill="#bc4c00">● {label}（右轴）</text>')
    parts.append("</svg>")
    return "".join(parts)
