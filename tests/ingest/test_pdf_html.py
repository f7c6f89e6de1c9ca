"""PDF and web page versions of the sample speech read as the text does."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.errors import InputError
from nlp.ingest import read_document
from nlp.ingest.pdf import check_unicode


def test_pdf_loses_running_header_and_page_numbers_but_keeps_pages(sample_txt: Path) -> None:
    pdf = read_document(sample_txt.with_suffix(".pdf"))
    txt = read_document(sample_txt)
    assert pdf.text == txt.text
    assert pdf.pages == 2
    assert "清河县公安局 2024年全县公安工作会议材料" in pdf.boilerplate
    assert "- 1 -" in pdf.boilerplate and "- 2 -" in pdf.boilerplate
    assert pdf.page_of(0) == 1
    assert pdf.page_of(len(pdf.text) - 1) == 2


def test_web_page_keeps_the_article_only(sample_txt: Path) -> None:
    page = read_document(sample_txt.with_suffix(".html"))
    txt = read_document(sample_txt)
    assert page.format == "html"
    assert page.text == txt.text
    for furniture in ("您当前的位置", "热门推荐", "网站地图", "范文大全"):
        assert furniture not in page.text


def test_text_of_cid_glyphs_is_refused() -> None:
    with pytest.raises(InputError, match="cid"):
        check_unicode("(cid:123)(cid:456)(cid:789)政府", "scan.pdf")
    check_unicode("政府工作报告全文照常读取，" * 10 + "(cid:12)", "ok.pdf")
