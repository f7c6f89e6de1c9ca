"""Markdown copied out of a web editor: its marks dropped, its words kept where they came from."""

from __future__ import annotations

from nlp.ingest import read_bytes
from nlp.pipeline import analyze_document

ARTICLE = """# 区委召开全区城市更新工作推进会

原创　溪湾发布　2025年03月02日 18:30

![](https://example.invalid/a.jpg?wx_fmt=jpeg)

*图为会议现场*

**一是加快老旧小区改造。**会议要求，区住建局要年内完成改造老旧小区30个。

> 各街道要压实属地责任，6月底前完成摸底排查。

---

- [往期推荐：溪湾区召开经济工作会议](https://example.invalid/p1)
"""


def test_markdown_marks_are_dropped_and_offsets_kept() -> None:
    doc = read_bytes(ARTICLE.encode(), "article.md", ".md").text
    analysis = analyze_document(read_bytes(ARTICLE.encode(), "article.md", ".md"))
    text = analysis.document.text
    assert analysis.document.title == "区委召开全区城市更新工作推进会"
    for mark in ("#", "**", "![", "](", "*图", "> ", "---", "- ["):
        assert mark not in text, mark
    assert "图为会议现场" in text and "往期推荐：溪湾区召开经济工作会议" in text  # (a link's words kept)
    assert doc == text
    tasks = {d.text: d for d in analysis.directives}
    assert set(tasks) >= {"会议要求，区住建局要年内完成改造老旧小区30个。", "各街道要压实属地责任，6月底前完成摸底排查。"}
    for d in tasks.values():  # every item grounded in the file: its characters where the map says they came from
        source = [ARTICLE[analysis.document.source_offset(i)] for i in range(d.start, d.end)]
        assert "".join(source) == d.text
    # the title line is the document's title, not a part of it: the article's parts keep their roles
    assert not [o for o in analysis.outline if o.title == analysis.document.title]


def test_list_items_checklists_and_breaks_in_cells() -> None:
    md = ("# 某区2025年重点任务\n\n- 区住建局要完成改造老旧小区30个\n- 区水务局要新建污水管网12公里\n- [x] 区城管局要新建公厕20座\n\n"
          "| 任务 | 牵头单位 |\n|---|---|\n| 新建公园5个 | 区住建局<br>区城管局 |\n")
    analysis = analyze_document(read_bytes(md.encode(), "tasks.md", ".md"))
    texts = [d.text for d in analysis.directives]
    assert {"区住建局要完成改造老旧小区30个", "区水务局要新建污水管网12公里", "区城管局要新建公厕20座"} <= set(texts)
    assert [list(d.actors) for d in analysis.directives if "公园" in d.text] == [["区住建局", "区城管局"]]


def test_unclosed_brackets_are_read_in_linear_time() -> None:
    import time

    line = "区住建局要完成改造[第一批。" * 20000 + "\n"
    started = time.perf_counter()
    read_bytes(line.encode(), "long.md", ".md")
    assert time.perf_counter() - started < 2.0
