"""End to end in headless Chromium (Debian's, driven by Playwright as the HTML report's test does): a person
uploads the sample speech, corrects its task list, exports it, has it analysed again, compares the city speech
with its four county reports and overrides a status; hostile text runs nothing; pages fit 1024 px and print."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from webclient import COMPARE, COUNTIES, SAMPLES, LiveServer

pytest.importorskip("fastapi", reason="the serve extra is not installed: pip install -e '.[serve]'")
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
HOSTILE = ('关于<script>window.__xss=1</script>的讲话\n同志们：\n一、加强领导\n'
           '各单位要落实“三会一课”，确保"><img src=x onerror="window.__xss=2">年内全覆盖。\n'
           "各乡镇要在6月底前完成<svg onload=window.__xss=3>排查整治。\n全年共办理案件12件。")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[LiveServer]:
    from nlp.serve.app import create_app

    with LiveServer(create_app(tmp_path / "archive.sqlite", who="督查室", processes=0)) as s:
        yield s


class Watched:
    """A page whose script errors, dialogs and requests are recorded."""

    def __init__(self, browser: Any, server: LiveServer, width: int = 1280, height: int = 800) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.accept()

        self.page.on("dialog", dialog)
        self.server = server

    def go(self, path: str) -> Any:
        self.page.goto(self.server.url + path)
        return self.page

    def upload(self, *files: Path) -> None:
        """Choose files with the page's file picker and wait until each is analysed."""
        self.go("/")
        self.page.set_input_files("#pick-files", [str(f) for f in files])
        self.page.wait_for_function(
            "n => document.querySelectorAll('.upload-row.done, .upload-row.skipped').length >= n", arg=len(files),
            timeout=300_000)

    def close(self) -> None:
        self.page.close()
        assert all(u.startswith(self.server.url) for u in self.requests), self.requests  # nothing from elsewhere


def test_correct_export_and_reanalyse(browser: Any, server: LiveServer, tmp_path: Path) -> None:
    w = Watched(browser, server)
    page = w.page
    w.upload(SAMPLES / "sample_speech.docx")
    page.wait_for_selector("#library-table a:has-text('在全县公安工作会议上的讲话')")
    page.click("#library-table a:has-text('在全县公安工作会议上的讲话')")
    page.wait_for_selector("table.tasks")
    rows = page.locator("table.tasks tbody tr")
    assert rows.count() >= 20
    assert page.locator("#text .d-must").count() > 0 and page.locator("nav.outline a").count() >= 5

    # change a 责任单位 in place
    unit_cell = rows.nth(1).locator('td[data-field="责任单位"]')
    unit_cell.click()
    page.fill("td .editor input[aria-label='责任单位']", "县局政治处")
    page.fill("td .editor input.note", "会上明确由政治处牵头")
    page.keyboard.press("Enter")
    page.wait_for_selector("table.tasks tbody tr:nth-child(2) td.changed[data-field='责任单位']")
    assert "县局政治处" in rows.nth(1).locator('td[data-field="责任单位"]').inner_text()
    # mark a junk row
    junk = rows.nth(3).get_attribute("data-text")
    rows.nth(3).locator('[data-action="drop"]').click()
    page.wait_for_selector("table.tasks tbody tr.dropped")
    assert rows.nth(3).get_attribute("class").startswith("dropped")

    # the details panel: Chinese fields first, internal ones only on request
    page.locator("#text [data-item^='d']").first.click()
    details = page.locator("#details")
    assert details.is_visible() and "力度" in details.inner_text()
    assert "confidence" not in details.inner_text()
    details.locator("summary").click()
    assert "confidence" in details.inner_text()

    # export the corrected list
    with page.expect_download() as download:
        page.click("a[href$='/tasks.xlsx']")
    path = tmp_path / "tasks.xlsx"
    download.value.save_as(path)
    ws = load_workbook(path)["任务清单"]
    tasks = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert tasks[1][3] == "县局政治处"
    assert junk not in [t[2] for t in tasks] and len(tasks) == rows.count() - 1

    # analysed again: the corrections are still there
    with page.expect_navigation(timeout=300_000):
        page.click('[data-action="reanalyse"]')
    page.wait_for_selector("table.tasks")
    assert page.locator("table.tasks tbody tr").nth(1).locator("td.changed[data-field='责任单位']").count() == 1
    assert "县局政治处" in page.locator("table.tasks tbody tr").nth(1).inner_text()
    assert page.locator("table.tasks tbody tr.dropped").count() == 1
    assert page.locator("table.tasks tbody tr.dropped").get_attribute("data-text") == junk
    assert "更正记录（2 条）" in page.inner_text("#history summary")

    # a task the analysis missed, added from a sentence selected in the text
    count = page.locator("table.tasks tbody tr").count()
    page.evaluate("""sentence => {
        const p = [...document.querySelectorAll('#text > p')].find(p => p.textContent === sentence);
        const range = document.createRange();
        range.setStart(p.firstChild, 0);
        range.setEnd(p.firstChild, sentence.length);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        document.querySelector('#text').dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""", "下面，我讲三点意见。")
    page.wait_for_selector("#selection-tool:not([hidden])")
    with page.expect_navigation():
        page.click("#selection-tool button")
    page.wait_for_selector("table.tasks tr.added")
    assert page.locator("table.tasks tbody tr").count() == count + 1
    assert page.locator("table.tasks tr.added").get_attribute("data-text") == "下面，我讲三点意见。"
    assert page.locator("#text .d-added").inner_text() == "下面，我讲三点意见。"

    # printing: the task list without menus, buttons or the rows marked 不是任务
    page.emulate_media(media="print")
    assert not page.locator("header.top").is_visible() and not page.locator(".toolbar").is_visible()
    assert not page.locator("table.tasks tr.dropped").is_visible()
    assert len(page.pdf(format="A4")) > 10_000
    page.emulate_media(media="screen")
    w.close()
    assert w.errors == [] and w.dialogs == []


def test_compare_and_override(browser: Any, server: LiveServer) -> None:
    w = Watched(browser, server)
    page = w.page
    w.upload(COMPARE / "city_speech.txt", *(COMPARE / n for n in COUNTIES))
    page = w.go("/compare")
    page.select_option("#base", label="在全市检察机关2025年上半年工作推进会上的讲话（2025）")
    for label in page.locator(".check").all():
        if not label.locator("input").is_disabled():
            label.locator("input").check()
    with page.expect_navigation(timeout=300_000):
        page.click(".compare-form button[type='submit']")
    headers = page.locator("#matrix thead th").all_inner_texts()
    assert headers[2:] == sorted(headers[2:], key=headers[2:].index) and set(headers[2:]) == {
        "东城区院", "西山县院", "南湖区院", "北岭县院"}
    row = page.locator("#matrix tr", has_text="各县区院要加大线索摸排力度")
    column = headers.index("西山县院")
    cell = row.locator("td").nth(column)
    assert cell.inner_text().strip() == "未完成"
    cell.click()
    assert page.locator("#details").is_visible() and "依据原文" in page.inner_text("#details")
    page.select_option('#override select[name="status"]', "met")
    page.fill('#override textarea[name="note"]', "已电话核实：已立案一件")
    page.click('#override button[type="submit"]')
    page.wait_for_selector("#matrix td.overridden")
    assert cell.inner_text().strip().startswith("完成")
    page.reload()
    cell = page.locator("#matrix tr", has_text="各县区院要加大线索摸排力度").locator("td").nth(column)
    assert "overridden" in cell.get_attribute("class") and cell.inner_text().strip().startswith("完成")
    cell.click()
    assert "已电话核实：已立案一件" in page.inner_text("#details")
    w.close()
    assert w.errors == [] and w.dialogs == []


def test_hostile_document_runs_nothing(browser: Any, server: LiveServer) -> None:
    w = Watched(browser, server)
    page = w.go("/")
    # dropped on the drop zone, as a file dragged from the desktop
    page.evaluate("""text => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'hostile.txt', {type: 'text/plain'}));
        document.querySelector('#dropzone').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true}));
    }""", HOSTILE)
    page.wait_for_selector(".upload-row.done", timeout=300_000)
    page.click(".upload-row.done a")
    page.wait_for_selector("table.tasks")
    assert page.evaluate("window.__xss") is None
    assert page.locator("#text img, #text svg, #text script, table.tasks img").count() == 0
    assert "<script>window.__xss=1</script>" in page.inner_text("h1")
    for cell in page.locator("table.tasks td.cell").all()[:3]:
        cell.click()
        page.keyboard.press("Escape")
    page.locator("#text [data-item]").first.click()
    page.goto(server.url + "/search?q=排查整治")
    page.goto(server.url + "/")
    assert page.evaluate("window.__xss") is None
    w.close()
    assert w.dialogs == [] and w.errors == []


def test_pages_fit_1024_pixels(browser: Any, server: LiveServer) -> None:
    w = Watched(browser, server, width=1024, height=768)
    w.upload(SAMPLES / "sample_speech.docx")
    sha = w.page.locator("#library-table tr[data-sha]").first.get_attribute("data-sha")
    for path in ("/", f"/doc/{sha}", f"/compare?base={sha}", "/search?q=安全", "/trend", "/help"):
        page = w.go(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1024, (path, width)
    w.close()
    assert w.errors == []


def test_another_host_needs_the_token(browser: Any, tmp_path: Path) -> None:
    from nlp.serve.app import create_app

    with LiveServer(create_app(tmp_path / "shared.sqlite", token="tok-123", processes=0, analyse=False)) as s:
        page = browser.new_page()
        response = page.goto(s.url + "/")
        assert response.status == 401 and "访问令牌" in page.inner_text("body")
        response = page.goto(s.url + "/?token=tok-123")
        assert response.status == 200 and page.url == s.url + "/" and "文档库" in page.inner_text("h1")
        assert page.goto(s.url + "/trend").status == 200
        page.close()
