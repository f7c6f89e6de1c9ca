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


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")
def test_report_in_headless_chromium(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    source = DESIGN_SPEECH if DESIGN_SPEECH.is_file() else None
    analysis = (analyze_document(read_bytes(source.read_bytes(), str(source), ".txt")) if source
                else analyze_document(read_bytes(HOSTILE.encode(), "hostile.txt", ".txt")))
    page_file = tmp_path / "report.html"
    page_file.write_text(to_html(analysis), encoding="utf-8")
    errors: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        try:
            page = browser.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            first = analysis.directives[0]
            page.click(f'#text [data-item="{first.id}"]')
            details = page.inner_text("#details")
            assert first.modality in details and first.id in details
            page.select_option('select[name="strength"]', "必须")
            visible = page.eval_on_selector_all("#tasks tbody tr", "rows => rows.filter(r => r.style.display !== 'none').length")
            assert visible == sum(d.modality == "must" for d in analysis.directives)
            page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
        finally:
            browser.close()
    assert errors == []
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests
    assert (tmp_path / "report.png").stat().st_size > 1000
