"""A self-contained HTML review page: the source text with what was found highlighted, the task table with
filters, campaigns with counts, and the comparison matrix when other documents are given.

Everything is inline (CSS, script, data): the page makes no request. Document text is always escaped, and
the script shows item fields with textContent, never as markup.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from nlp.export.inert import html_escape
from nlp.export.matrix import to_html as matrix_page
from nlp.export.tasks import INHERITED_MARK, task_rows
from nlp.segment.sentences import paragraphs
from nlp.serialize import to_data
from nlp.spans import keep_longest
from nlp.types import Analysis, Comparison

CSS = """
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;display:grid;
grid-template-columns:16em 1fr 22em;height:100vh}
nav,aside{overflow:auto;padding:1em;background:#f6f8fa;font-size:90%}
main{overflow:auto;padding:1em 2em;line-height:1.9}
nav a{display:block;color:#24292f;text-decoration:none;margin:.2em 0}
nav a.l2{padding-left:1em} nav a.l3{padding-left:2em}
.d-must{background:#ffd8d8} .d-should{background:#fff1c2} .d-strive{background:#dff0d8}
.r-achievement{border-bottom:2px solid #2da44e} .r-shortfall{border-bottom:2px solid #cf222e}
.r-mixed{border-bottom:2px dashed #bf8700} .r-neutral{border-bottom:1px dotted #888}
.c{color:#0550ae;font-weight:bold} .q{color:#8250df;text-decoration:underline dotted}
[data-item]{cursor:pointer}
table{border-collapse:collapse;font-size:90%;margin:1em 0} th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
th{background:#ddebf7} td.met{background:#c6efce} td.partial{background:#ffeb9c} td.not_met{background:#ffc7ce}
td.unknown{background:#ededed} #details dt{font-weight:bold;margin-top:.4em} #details dd{margin:0 0 0 1em}
.filters select{margin:0 .5em .5em 0}
"""

SCRIPT = """
(function(){
  var items = JSON.parse(document.getElementById('items').textContent);
  var details = document.getElementById('details');
  function show(id){
    var item = items[id]; if(!item){return;}
    details.innerHTML = '';
    var dl = document.createElement('dl');
    Object.keys(item).forEach(function(k){
      var dt = document.createElement('dt'); dt.textContent = k;
      var dd = document.createElement('dd');
      var v = item[k]; dd.textContent = (typeof v === 'string') ? v : JSON.stringify(v);
      dl.appendChild(dt); dl.appendChild(dd);
    });
    details.appendChild(dl);
  }
  document.addEventListener('click', function(e){
    var el = e.target.closest('[data-item]');
    if(el){ e.stopPropagation(); show(el.getAttribute('data-item')); }
  });
  var selects = document.querySelectorAll('.filters select');
  function filter(){
    var rows = document.querySelectorAll('#tasks tbody tr');
    rows.forEach(function(row){
      var ok = true;
      selects.forEach(function(s){
        if(s.value && (row.getAttribute('data-' + s.name) || '').split('|').indexOf(s.value) < 0){ ok = false; }
      });
      row.style.display = ok ? '' : 'none';
    });
  }
  selects.forEach(function(s){ s.addEventListener('change', filter); });
})();
"""


def _json_script(data: Any) -> str:
    """JSON safe inside a script element: no markup characters at all, so nothing can end it early."""
    return (json.dumps(data, ensure_ascii=False)
            .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def _items(analysis: Analysis) -> dict[str, dict[str, Any]]:
    items: dict[str, dict[str, Any]] = {}
    for key in ("directives", "reports", "quantities", "campaigns"):
        for item in analysis.get(key):
            data = to_data(item)
            items[data["id"]] = {"kind": key[:-1], **{k: v for k, v in data.items() if k != "mentions"}}
    return items


def _marked_text(analysis: Analysis) -> str:
    """The document text as paragraphs, sentences of directives and reports wrapped, names and numbers marked."""
    text = analysis.document.text
    esc = html_escape
    sentences: dict[int, list[Any]] = {}
    for d in analysis.directives:
        sentences[d.start] = [d.end, f"d-{d.modality}", d.id]
    for r in analysis.reports:
        if r.start in sentences:
            sentences[r.start][1] += f" r-{r.polarity}"
        else:
            sentences[r.start] = [r.end, f"r-{r.polarity}", r.id]
    # names before numbers inside them: 七个专项行动 is a name
    marks = keep_longest([(m.start, m.end, "c", c.id) for c in analysis.campaigns for m in c.mentions]
                         + [(q.start, q.end, "q", q.id) for q in analysis.quantities], lambda x: (x[0], x[1]))

    def plain(a: int, b: int) -> str:
        parts, pos = [], a
        for s, e, cls, item in marks:
            if s < pos or e > b:
                continue
            parts.append(esc(text[pos:s]))
            parts.append(f'<span class="{cls}" data-item="{item}">{esc(text[s:e])}</span>')
            pos = e
        parts.append(esc(text[pos:b]))
        return "".join(parts)

    heading_ids = {o.start: i for i, o in enumerate(analysis.outline)}
    out: list[str] = []
    for p_start, p_end in paragraphs(text):
        attrs = f' id="h{heading_ids[p_start]}"' if p_start in heading_ids else ""
        parts = [f"<p{attrs}>"]
        pos = p_start
        for s in sorted(k for k in sentences if p_start <= k < p_end):
            e, cls, item = sentences[s]
            e = min(e, p_end)
            parts.append(plain(pos, s))
            parts.append(f'<span class="{cls}" data-item="{item}">{plain(s, e)}</span>')
            pos = e
        parts.append(plain(pos, p_end))
        parts.append("</p>")
        out.append("".join(parts))
    return "\n".join(out)


def _units(row: dict[str, Any]) -> list[str]:
    """The units of a task row, an inherited one (各县区院（承上）) filtered as the unit itself."""
    return [u.removesuffix(INHERITED_MARK) for u in row["责任单位"].split("、")] if row["责任单位"] else []


def _task_table(analysis: Analysis) -> str:
    esc = html_escape
    rows = task_rows(analysis)
    columns = ("序号", "章节", "任务内容", "责任单位", "力度", "完成时限", "量化目标", "关联专项行动")
    body = []
    for row, d in zip(rows, analysis.directives, strict=True):
        data = {
            "unit": "|".join(_units(row)),
            "strength": row["力度"],
            "deadline": d.deadline.kind if d.deadline else "",
            "campaign": "|".join(row["关联专项行动"].split("、")) if row["关联专项行动"] else "",
        }
        attrs = " ".join(f'data-{k}="{esc(v)}"' for k, v in data.items())
        cells = "".join(f"<td>{esc(str(row[c]))}</td>" for c in columns)
        body.append(f'<tr {attrs} data-item="{d.id}">{cells}</tr>')

    def options(name: str, label: str, values: list[str]) -> str:
        opts = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)
        return f'<label>{label}<select name="{name}"><option value="">全部</option>{opts}</select></label>'

    units = sorted({u for r in rows for u in _units(r)})
    campaigns = sorted({c for r in rows for c in (r["关联专项行动"].split("、") if r["关联专项行动"] else [])})
    deadlines = sorted({d.deadline.kind for d in analysis.directives if d.deadline})
    filters = (options("unit", "责任单位", units) + options("strength", "力度", ["必须", "要", "力争"])
               + options("deadline", "时限", deadlines) + options("campaign", "专项行动", campaigns))
    head = "".join(f"<th>{c}</th>" for c in columns)
    return (f'<div class="filters">{filters}</div><table id="tasks"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


def _campaign_list(analysis: Analysis) -> str:
    esc = html_escape
    counts = Counter({c.id: len(c.mentions) for c in analysis.campaigns})
    items = "".join(f'<li data-item="{c.id}">{esc(c.name)}（{esc(c.kind)}）× {counts[c.id]}</li>'
                    for c in sorted(analysis.campaigns, key=lambda c: -counts[c.id]))
    return f"<ul>{items}</ul>"


def to_html(analysis: Analysis, comparison: Comparison | None = None) -> str:
    """Return the review page of one analysed document (and its comparison, when given)."""
    esc = html_escape
    doc = analysis.document
    nav = "".join(f'<a class="l{min(o.level, 3)}" href="#h{i}">{esc(o.marker + o.title)}</a>'
                  for i, o in enumerate(analysis.outline))
    matrix = ""
    if comparison is not None:
        page = matrix_page(comparison)
        matrix = "<h2>落实情况</h2>" + page[page.index("<table>"):page.index("</table>") + len("</table>")]
    title = esc(doc.title or doc.path)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{title}</title><style>{CSS}</style></head>
<body>
<nav><h3>目录</h3>{nav}</nav>
<main>
<h1>{title}</h1>
<p>{esc(doc.date or "")} · 任务 {len(analysis.directives)} · 专项行动 {len(analysis.campaigns)} · 数量 {len(analysis.quantities)} · 情况 {len(analysis.reports)}</p>
<article id="text">{_marked_text(analysis)}</article>
<h2>任务清单</h2>{_task_table(analysis)}
<h2>专项行动</h2>{_campaign_list(analysis)}
{matrix}
</main>
<aside><h3>详情</h3><div id="details">点击原文中的标注查看字段。</div></aside>
<script type="application/json" id="items">{_json_script(_items(analysis))}</script>
<script>{SCRIPT}</script>
</body></html>
"""
