"""Build docx, PDF and HTML versions of a plain-text speech, as an office would receive them.

Used by scripts/make_fixtures.py (committed fixtures of the team's sample speech)
and by the tests (the design speech from ../shared, converted at test time).
The docx carries real Word automatic numbering for `一、` and `（一）` headings and a
page header; the PDF a running header and `- N -` page numbers; the HTML page
site furniture around the article.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

LEVEL1 = re.compile(r"^([一二三四五六七八九十]+)、")
LEVEL2 = re.compile(r"^[（(]([一二三四五六七八九十]+)[)）]")


def file_of(name: str, data: bytes) -> Callable[[Path], Path]:
    """A maker of a file `name` holding `data` in a test's folder (for parametrized bad inputs)."""
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path
    return make


def blocks(text: str) -> list[tuple[str, str, str]]:
    """Return (kind, marker, text) for each non-empty line; kind is title, h1, h2 or p."""
    out: list[tuple[str, str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        m1, m2 = LEVEL1.match(line), LEVEL2.match(line)
        if not out:
            out.append(("title", "", line))
        elif m1 and len(line) < 80:
            out.append(("h1", m1.group(0), line[m1.end():]))
        elif m2 and len(line) < 80:
            out.append(("h2", m2.group(0), line[m2.end():]))
        else:
            out.append(("p", "", line))
    return out


def _add_numbering(document: object) -> str:
    """Add a two-level Chinese list (一、 / （一）) to numbering.xml and return its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    abstract_id, num_id = "90", "90"
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>'
        "</w:abstractNum>"
    )
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return num_id


def _set_num(paragraph: object, num_id: str, ilvl: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _page_field(paragraph: object) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    p = paragraph._p  # type: ignore[attr-defined]
    for xml in ('<w:r {}><w:t xml:space="preserve">- </w:t></w:r>',
                '<w:r {}><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r {}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                '<w:r {}><w:fldChar w:fldCharType="separate"/></w:r>',
                '<w:r {}><w:t>1</w:t></w:r>',
                '<w:r {}><w:fldChar w:fldCharType="end"/></w:r>',
                '<w:r {}><w:t xml:space="preserve"> -</w:t></w:r>'):
        p.append(parse_xml(xml.format(nsdecls("w"))))


def make_docx(text: str, path: Path, header: str) -> None:
    """Write a .docx whose headings are numbered by Word, with a page header and a page-number footer."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "仿宋_GB2312"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    num_id = _add_numbering(document)
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    _page_field(section.footer.paragraphs[0])
    for kind, _marker, line in blocks(text):
        if kind == "title":
            p = document.add_paragraph(line)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "h1":
            p = document.add_paragraph(line, style="Heading 1")
            _set_num(p, num_id, 0)
        elif kind == "h2":
            p = document.add_paragraph(line, style="Heading 2")
            _set_num(p, num_id, 1)
        else:
            p = document.add_paragraph(line)
            p.paragraph_format.first_line_indent = Pt(32)
    document.save(str(path))


def make_pdf(text: str, path: Path, header: str) -> None:
    """Write a PDF with a running header, `- N -` page numbers and indented paragraphs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    size = 14
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=size, leading=size * 1.6,
                          firstLineIndent=2 * size, wordWrap="CJK")
    heading = ParagraphStyle("heading", parent=body, firstLineIndent=0, spaceBefore=6, spaceAfter=6)
    title = ParagraphStyle("title", parent=body, firstLineIndent=0, alignment=1, fontSize=18, leading=28,
                           spaceAfter=12)

    def on_page(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("STSong-Light", 10)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, header)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"- {doc.page} -")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    story = []
    for kind, marker, line in blocks(text):
        style = {"title": title, "h1": heading, "h2": heading}.get(kind, body)
        story.append(Paragraph(html.escape(marker + line), style))
    doc = SimpleDocTemplate(str(path), pagesize=A4, topMargin=28 * mm, bottomMargin=25 * mm,
                            leftMargin=28 * mm, rightMargin=26 * mm, title=header)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


def make_html(text: str, path: Path) -> None:
    """Write a web page: navigation, breadcrumbs, sidebar and footer around the article."""
    parts = blocks(text)
    title = parts[0][2] if parts else ""
    body = [f"<p>{html.escape(marker + line)}</p>" for _kind, marker, line in parts[1:]]
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}_示例范文网</title></head>
<body>
<div class="nav"><a href="/">首页</a> | <a href="/fanwen/">范文大全</a> | <a href="/jianghua/">领导讲话</a> |
<a href="/zongjie/">工作总结</a> | <a href="/login">登录</a></div>
<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/jianghua/">领导讲话</a> &gt; 正文</div>
<div class="main">
<div class="article">
<h1>{html.escape(title)}</h1>
{chr(10).join(body)}
</div>
<div class="sidebar"><h3>热门推荐</h3><ul>
<li><a href="/a/1.html">2024年度述职述廉报告范文</a></li>
<li><a href="/a/2.html">主题教育专题民主生活会对照检查材料</a></li>
<li><a href="/a/3.html">在全市经济工作会议上的讲话</a></li></ul></div>
</div>
<div class="footer"><p>关于我们 | 联系我们 | 网站地图</p>
<p>版权所有：示例范文网 2010-2024 备案号：京ICP备00000000号-1</p></div>
</body></html>
"""
    path.write_text(page, encoding="utf-8")
