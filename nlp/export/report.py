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
from nlp.export.tasks import INHERITED_MARK, document_title, task_rows
from nlp.ingest.own import html_marks
from nlp.labels import (
    CAMPAIGN_KIND_ZH,
    DEADLINE_KIND_ZH,
    ITEM_ZH,
    MODALITY_ZH,
    POLARITY_ZH,
    QUALIFIER_ZH,
    QUANTITY_KIND_ZH,
)
from nlp.segment.sentences import paragraphs
from nlp.serialize import to_data
from nlp.spans import keep_longest
from nlp.types import Analysis, Campaign, Comparison, Directive, Quantity, Report

CSS = """
*{box-sizing:border-box}
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;display:grid;height:100vh;
grid-template-columns:15em minmax(0,1fr) 20em;grid-template-rows:minmax(0,1fr);grid-template-areas:"nav main aside"}
nav{grid-area:nav} main{grid-area:main} aside{grid-area:aside}
nav,aside{overflow:auto;padding:1em;background:#f6f8fa;font-size:90%}
main{overflow:auto;padding:0 2em 1em;line-height:1.9;min-width:0}
nav summary{font-weight:bold;cursor:pointer;margin-bottom:.5em}
nav a{display:block;color:#24292f;text-decoration:none;margin:.2em 0}
nav a.l2{padding-left:1em} nav a.l3{padding-left:2em}
.d-must{background:#ffd8d8} .d-should{background:#fff1c2} .d-strive{background:#dff0d8}
.r-achievement{border-bottom:2px solid #2da44e} .r-shortfall{border-bottom:2px solid #cf222e}
.r-mixed{border-bottom:2px dashed #bf8700} .r-neutral{border-bottom:1px dotted #888}
.c{color:#0550ae;font-weight:bold} .q{color:#8250df;text-decoration:underline dotted}
[data-item]{cursor:pointer}
.legend{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid #d0d7de;padding:.4em 0;
font-size:85%;line-height:2}
.legend span{padding:0 .3em;margin-right:.2em;white-space:nowrap} .legend b{font-weight:normal;color:#57606a;margin:0 .4em 0 .8em}
table{border-collapse:collapse;font-size:90%;margin:1em 0} th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
#tasks{width:100%;table-layout:fixed;line-height:1.5} #tasks td{overflow-wrap:anywhere}
#tasks td:nth-child(2){color:#57606a;font-size:90%}
th{background:#ddebf7} td.met{background:#c6efce} td.partial{background:#ffeb9c} td.not_met{background:#ffc7ce}
td.unknown{background:#ededed}
#details dt{font-weight:bold;margin-top:.4em} #details dd{margin:0 0 0 1em;overflow-wrap:anywhere}
#details h4{margin:.2em 0} #details details{margin-top:1em;color:#57606a} #details summary{cursor:pointer}
aside .head{display:flex;justify-content:space-between;align-items:center} aside .head h3{margin:.3em 0}
#close{display:none}
.filters label{margin-right:.8em;white-space:nowrap} .filters select{margin-left:.3em}
/* from 1024 px to 1279 px the outline moves above the text: text and tasks keep two thirds of the width */
@media (max-width:1279px){
body{grid-template-columns:minmax(0,1fr) 18em;grid-template-rows:auto minmax(0,1fr);
grid-template-areas:"nav nav" "main aside"}
nav{max-height:30vh;padding:.5em 1em;border-bottom:1px solid #d0d7de}
nav a,nav a.l2,nav a.l3{display:inline-block;padding-left:0;margin:0 1.2em 0 0}
}
/* below 900 px one column; the details open over the page only when asked for, with a button to close them */
@media (max-width:899px){
body{display:block;height:auto}
main{overflow:visible;padding:0 1em 1em}
aside{display:none;position:fixed;left:0;right:0;bottom:0;max-height:45vh;border-top:2px solid #d0d7de;z-index:2}
aside.open{display:block} #close{display:inline-block}
}
@media print{
@page{size:A4;margin:15mm}
body{display:block;height:auto;font-size:10.5pt}
nav,aside,.filters{display:none}
main{overflow:visible;padding:0;line-height:1.6}
.legend{position:static}
h2{break-before:page}
thead{display:table-header-group} tr{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

SCRIPT = """
(function(){
  var items = JSON.parse(document.getElementById('items').textContent);
  var details = document.getElementById('details');
  var aside = document.querySelector('aside');
  function list(pairs){
    var dl = document.createElement('dl');
    pairs.forEach(function(p){
      var dt = document.createElement('dt'); dt.textContent = p[0];
      var dd = document.createElement('dd');
      dd.textContent = (typeof p[1] === 'string') ? p[1] : JSON.stringify(p[1]);
      dl.appendChild(dt); dl.appendChild(dd);
    });
    return dl;
  }
  function show(id){
    var item = items[id]; if(!item){return;}
    details.innerHTML = '';
    var h = document.createElement('h4'); h.textContent = item.label; details.appendChild(h);
    details.appendChild(list(item.fields));
    var more = document.createElement('details');
    var summary = document.createElement('summary'); summary.textContent = '技术字段（编号、位置、置信度）';
    more.appendChild(summary);
    more.appendChild(list(Object.keys(item.raw).map(function(k){ return [k, item.raw[k]]; })));
    details.appendChild(more);
    aside.classList.add('open');
  }
  document.addEventListener('click', function(e){
    var el = e.target.closest('[data-item]');
    if(el){ e.stopPropagation(); show(el.getAttribute('data-item')); }
  });
  document.getElementById('close').addEventListener('click', function(){ aside.classList.remove('open'); });
  if(window.innerWidth < 1280){ document.getElementById('toc').removeAttribute('open'); }
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

LEGEND = ("<b>任务力度（底色）</b>" + "".join(f'<span class="d-{m}">{zh}</span>' for m, zh in MODALITY_ZH.items())
          + "<b>工作情况（下划线）</b>" + "".join(f'<span class="r-{p}">{zh}</span>' for p, zh in POLARITY_ZH.items())
          + '<b>名称与数字</b><span class="c">专项行动</span><span class="q">数量</span>')
# the task table's columns and their share of its width: 任务内容 gets the most, short values the least
TABLE_COLUMNS = {"序号": "3.5em", "章节": "12%", "任务内容": "", "责任单位": "10%", "力度": "3.5em", "完成时限": "9%",
                 "量化目标": "10%", "关联专项行动": "11%"}


def _json_script(data: Any) -> str:
    """JSON safe inside a script element: no markup characters at all, so nothing can end it early."""
    return (json.dumps(data, ensure_ascii=False)
            .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def _number(value: Any) -> str:
    """A value as a reader writes it: 1042.8, 5, 2025-01-14 (a date quantity's value is its ISO date)."""
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def _items(analysis: Analysis) -> dict[str, dict[str, Any]]:
    """What the details panel shows of each item: its kind, fields with Chinese labels and values (empty ones
    left out), and the raw fields (id, offsets, confidence) behind a toggle."""
    quantities = {q.id: q.text for q in analysis.quantities}
    rows = dict(zip((d.id for d in analysis.directives), task_rows(analysis), strict=True))
    items: dict[str, dict[str, Any]] = {}
    for key in ("directives", "reports", "quantities", "campaigns"):
        kind = key[:-1] if key != "quantities" else "quantity"
        for item in analysis.get(key):
            raw = {k: v for k, v in to_data(item).items() if k != "mentions"}
            if isinstance(item, Directive):
                row = rows[item.id]
                fields = [(c, row[c]) for c in ("力度", "责任单位", "完成时限", "量化目标", "关联专项行动", "章节", "原文位置")]
                if item.deadline:
                    fields.insert(3, ("时限原文", item.deadline.text))
            elif isinstance(item, Report):
                fields = [("性质", POLARITY_ZH[item.polarity]), ("涉及单位", "、".join(item.units)),
                          ("指标", item.metric or ""), ("数量", "；".join(quantities.get(q, "") for q in item.quantities))]
            elif isinstance(item, Quantity):
                value = "～".join(map(_number, item.value)) if isinstance(item.value, list) else _number(item.value)
                fields = [("原文", item.text), ("类别", QUANTITY_KIND_ZH.get(item.kind, item.kind)), ("数值", value),
                          ("单位", item.unit or ""), ("限定", QUALIFIER_ZH.get(item.qualifier or "", "")),
                          ("指标", item.metric or ""), ("主体", item.subject or ""), ("掩码", "是" if item.masked else "")]
            elif isinstance(item, Campaign):
                fields = [("名称", item.name), ("类别", CAMPAIGN_KIND_ZH.get(item.kind, item.kind)),
                          ("提及次数", str(len(item.mentions))), ("组成", "、".join(item.members))]
            else:  # an extractor added later: its fields as they are
                fields = [(k, v) for k, v in raw.items() if k not in ("id", "start", "end")]
            items[item.id] = {"label": f"{ITEM_ZH.get(kind, kind)} {item.id}",
                              "fields": [[k, v] for k, v in fields if v not in ("", None, [], ())], "raw": raw}
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
    body = []
    for row, d in zip(rows, analysis.directives, strict=True):
        data = {
            "unit": "|".join(_units(row)),
            "strength": row["力度"],
            # the group (限期) and the wording (2025年6月30日前), so that either can be chosen
            "deadline": f"{DEADLINE_KIND_ZH[d.deadline.kind]}|{row['完成时限']}" if d.deadline else "",
            "campaign": "|".join(row["关联专项行动"].split("、")) if row["关联专项行动"] else "",
        }
        attrs = " ".join(f'data-{k}="{esc(v)}"' for k, v in data.items())
        cells = "".join(f"<td>{esc(str(row[c]))}</td>" for c in TABLE_COLUMNS)
        body.append(f'<tr {attrs} data-item="{d.id}">{cells}</tr>')

    def options(name: str, label: str, values: list[str]) -> str:
        opts = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)
        return f'<label>{label}<select name="{name}"><option value="">全部</option>{opts}</select></label>'

    units = sorted({u for r in rows for u in _units(r)})
    campaigns = sorted({c for r in rows for c in (r["关联专项行动"].split("、") if r["关联专项行动"] else [])})
    # 时限: each group (立即, 尽快, 限期, 年内, 定期) with the wordings in it, most urgent first
    wordings: dict[str, set[str]] = {}
    for d, row in zip(analysis.directives, rows, strict=True):
        if d.deadline:
            wordings.setdefault(d.deadline.kind, set()).add(row["完成时限"])
    deadline_options = ""
    for kind, group in DEADLINE_KIND_ZH.items():
        if kind in wordings:
            deadline_options += f'<option value="{group}">{group}（全部）</option>' + "".join(
                f'<option value="{esc(w)}">\u3000{esc(w)}</option>' for w in sorted(wordings[kind]) if w != group)
    filters = (options("unit", "责任单位", units) + options("strength", "力度", list(MODALITY_ZH.values()))
               + f'<label>完成时限<select name="deadline"><option value="">全部</option>{deadline_options}</select></label>'
               + options("campaign", "专项行动", campaigns))
    cols = "".join(f'<col style="width:{w}">' if w else "<col>" for w in TABLE_COLUMNS.values())
    head = "".join(f"<th>{c}</th>" for c in TABLE_COLUMNS)
    return (f'<div class="filters">{filters}</div><table id="tasks"><colgroup>{cols}</colgroup>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def _campaign_list(analysis: Analysis) -> str:
    esc = html_escape
    counts = Counter({c.id: len(c.mentions) for c in analysis.campaigns})
    items = "".join(f'<li data-item="{c.id}">{esc(c.name)}（{CAMPAIGN_KIND_ZH.get(c.kind, esc(c.kind))}）× {counts[c.id]}</li>'
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
    title = esc(document_title(analysis))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">{html_marks(analysis.document.sha256, analysis.document.path, analysis.document.title)}
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{title}</title><style>{CSS}</style></head>
<body>
<nav><details id="toc" open><summary>目录</summary>{nav}</details></nav>
<main>
<div class="legend">{LEGEND}</div>
<h1>{title}</h1>
<p>{" · ".join(filter(None, [esc(doc.date or ""), f"任务 {len(analysis.directives)}", f"专项行动 {len(analysis.campaigns)}",
                           f"数量 {len(analysis.quantities)}", f"工作情况 {len(analysis.reports)}"]))}</p>
<article id="text">{_marked_text(analysis)}</article>
<h2>任务清单</h2>{_task_table(analysis)}
<h2>专项行动</h2>{_campaign_list(analysis)}
{matrix}
</main>
<aside><div class="head"><h3>详情</h3><button type="button" id="close">关闭</button></div>
<div id="details">点击原文或任务清单中的标注，在此查看其内容。</div></aside>
<script type="application/json" id="items">{_json_script(_items(analysis))}</script>
<script>{SCRIPT}</script>
</body></html>
"""
