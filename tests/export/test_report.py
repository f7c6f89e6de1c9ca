"""The HTML review page: self-contained, escaped, and working in a real browser (headless Chromium)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import DESIGN_SPEECH

from nlp.cli import main
from nlp.export.report import to_html
from nlp.ingest import read_bytes
from nlp.labels import DEADLINE_KIND_ZH, MODALITY_ZH, deadline_zh
from nlp.pipeline import analyze_document

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = ("关于<script>alert('x')</script>的讲话\n同志们：\n一、加强领导\n"
           "各单位要落实“三会一课”，确保<img src=x onerror=alert(1)>年内全覆盖。\n全年共办理案件12件。")


def test_page_is_self_contained_and_escaped() -> None:
    analysis = analyze_document(read_bytes(HOSTILE.encode(), "hostile.txt", ".txt"))
    page = to_html(analysis)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert" in page
    assert not re.search(r"(?:src|href)=[\"']?(?:https?:)?//", page)  # nothing fetched from anywhere
    assert 'data-item="d1"' in page and "任务清单" in page


def test_report_command(sample_txt: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(sample_txt), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="tasks"' in page and 'href="#h0"' in page


def test_page_speaks_chinese_and_has_a_legend(sample_analysis) -> None:
    page = to_html(sample_analysis)
    legend = page[page.index('<div class="legend">'):page.index("</div>", page.index('<div class="legend">'))]
    for label in ("必须", "要", "力争", "成绩", "不足", "专项行动", "数量"):
        assert label in legend
    deadline_filter = page[page.index('<select name="deadline">'):page.index("</select>", page.index('<select name="deadline">'))]
    options = re.findall(r"<option value=\"([^\"]*)\">", deadline_filter)
    assert {"立即", "尽快", "限期", "年内", "定期"} & set(options) and "每季度" in options and "2024年6月30日前" in options
    assert not {"asap", "end_of_year", "immediate", "recurring", "date"} & set(options)
    assert "@media print" in page and "@media (max-width:1279px)" in page


def _analysis():
    source = DESIGN_SPEECH if DESIGN_SPEECH.is_file() else None
    return (analyze_document(read_bytes(source.read_bytes(), str(source), ".txt")) if source
            else analyze_document(read_bytes(HOSTILE.encode(), "hostile.txt", ".txt")))


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    analysis = _analysis()
    page_file = tmp_path_factory.mktemp("report") / "report.html"
    page_file.write_text(to_html(analysis), encoding="utf-8")
    return page_file, analysis


def test_report_in_headless_chromium(browser, report_file, tmp_path: Path) -> None:
    page_file, analysis = report_file
    errors: list[str] = []
    requests: list[str] = []
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    first = analysis.directives[0]
    page.click(f'#text [data-item="{first.id}"]')
    details = page.inner_text("#details")
    # labels and Chinese values, not codes; the raw fields behind a toggle
    assert "力度" in details and MODALITY_ZH[first.modality] in details and f"任务 {first.id}" in details
    assert first.modality not in details and "confidence" not in details and "null" not in details
    page.click("#details summary")
    assert "confidence" in page.inner_text("#details")
    with_deadline = next(d for d in analysis.directives if d.deadline)
    page.click(f'#tasks [data-item="{with_deadline.id}"]')
    assert deadline_zh(with_deadline.deadline) in page.inner_text("#details")
    page.select_option('select[name="strength"]', "必须")
    visible = page.eval_on_selector_all("#tasks tbody tr", "rows => rows.filter(r => r.style.display !== 'none').length")
    assert visible == sum(d.modality == "must" for d in analysis.directives)
    page.select_option('select[name="strength"]', "")
    page.select_option('select[name="deadline"]', DEADLINE_KIND_ZH[with_deadline.deadline.kind])
    visible = page.eval_on_selector_all("#tasks tbody tr", "rows => rows.filter(r => r.style.display !== 'none').length")
    assert visible == sum(bool(d.deadline) and d.deadline.kind == with_deadline.deadline.kind for d in analysis.directives)
    page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
    page.close()
    assert errors == []
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests
    assert (tmp_path / "report.png").stat().st_size > 1000


BOX = "e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"


@pytest.mark.parametrize("width", [1024, 1280, 1440])
def test_layout_leaves_the_table_uncovered(browser, report_file, width: int) -> None:
    """From 1024 px the details panel sits beside the text and the task table, never over them."""
    page_file, analysis = report_file
    page = browser.new_page(viewport={"width": width, "height": 768})
    page.goto(page_file.as_uri())
    page.eval_on_selector("#tasks", "e => e.scrollIntoView()")
    page.click(f'#tasks [data-item="{analysis.directives[0].id}"]')
    table = page.eval_on_selector("#tasks", BOX)
    aside = page.eval_on_selector("aside", BOX)
    main = page.eval_on_selector("main", BOX)
    assert table[2] <= aside[0] + 0.5 and main[2] <= aside[0] + 0.5  # side by side
    assert table[2] - table[0] >= 0.5 * width  # the table keeps half the width or more
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    content = page.eval_on_selector("#tasks col:nth-child(3)", "e => e.getBoundingClientRect().width")
    assert content >= 0.3 * (table[2] - table[0])  # 任务内容 is the widest column
    page.close()


def test_print_shows_text_and_tasks_only(browser, report_file, tmp_path: Path) -> None:
    page_file, _ = report_file
    page = browser.new_page(viewport={"width": 1024, "height": 768})
    page.goto(page_file.as_uri())
    page.emulate_media(media="print")
    display = page.evaluate("sel => sel.map(s => getComputedStyle(document.querySelector(s)).display)",
                            ["nav", "aside", ".filters"])
    assert display == ["none", "none", "none"]
    assert page.evaluate("getComputedStyle(document.querySelector('main')).overflow") == "visible"
    assert page.evaluate("getComputedStyle(document.querySelector('#tasks thead')).display") == "table-header-group"
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) > 1
        text = "".join(p.extract_text() or "" for p in doc.pages[1:])
    assert "任务清单" in text and "详情" not in text  # all of main printed, the side panel not
