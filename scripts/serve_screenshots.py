"""Screenshots of `nlp serve`'s pages for the README, in Debian's Chromium (headless, no browser download).

Starts the app on a free loopback port over a fresh archive, uploads the team's samples through the page's own
API, makes two corrections and a status override, and saves each page at 1280×800 (and 1024 wide with --narrow)
under docs/screenshots/.

    python scripts/serve_screenshots.py [--out docs/screenshots] [--narrow]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from playwright.sync_api import sync_playwright

from nlp.serve.app import create_app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"
COUNTIES = ("dongcheng.txt", "xishan.docx", "nanhu.pdf", "beiling.html")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The app served by uvicorn in a thread of this process, on 127.0.0.1."""

    def __init__(self, db: Path, processes: int = 0) -> None:
        self.app = create_app(db, who="督查室", processes=processes)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def upload(client: httpx.Client, path: Path, name: str | None = None) -> list[dict]:
    csrf = client.cookies.get("nlp_csrf") or ""
    r = client.post("/api/upload", params={"name": name or path.name}, content=path.read_bytes(),
                    headers={"X-CSRF-Token": csrf})
    r.raise_for_status()
    return r.json()["jobs"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--narrow", action="store_true", help="also save each page at 1024×768")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.stderr.write("serve_screenshots: no Chromium (apt-get install chromium)\n")
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, Server(Path(tmp) / "archive.sqlite") as server:
        client = httpx.Client(base_url=server.url)
        client.get("/")
        speech = upload(client, SAMPLES / "sample_speech.docx")[0]
        city = upload(client, SAMPLES / "compare" / "city_speech.txt")[0]
        counties = [upload(client, SAMPLES / "compare" / n, f"县区汇报/{n}")[0] for n in COUNTIES]
        server.app.state.analyser.wait(300)
        sha = client.get("/api/jobs", params={"id": speech["id"]}).json()["jobs"][0]["sha256"]
        base = client.get("/api/jobs", params={"id": city["id"]}).json()["jobs"][0]["sha256"]
        others = [client.get("/api/jobs", params={"id": j["id"]}).json()["jobs"][0]["sha256"] for j in counties]
        compare_url = f"/compare?base={base}" + "".join(f"&other={o}" for o in others)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
            try:
                widths = [(1280, 800, "")] + ([(1024, 768, "-1024")] if args.narrow else [])
                for width, height, suffix in widths:
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(server.url + "/")
                    page.screenshot(path=str(out / f"library{suffix}.png"))
                    page.goto(f"{server.url}/doc/{sha}")
                    if not suffix:  # two corrections, as a person makes them
                        row = page.locator("table.tasks tbody tr").nth(2)
                        row.locator('td[data-field="责任单位"]').click()
                        page.locator("td .editor input").first.fill("县公安局政治处")
                        page.keyboard.press("Enter")
                        page.wait_for_selector("table.tasks td.changed")
                        page.locator("table.tasks tbody tr").nth(0).locator('[data-action="drop"]').click()
                        page.wait_for_selector("table.tasks tr.dropped")
                        page.goto(f"{server.url}/doc/{sha}")
                    page.screenshot(path=str(out / f"document{suffix}.png"))
                    page.locator("#text [data-item^='d']").nth(4).click()
                    page.screenshot(path=str(out / f"document-text{suffix}.png"))
                    page.goto(server.url + compare_url, timeout=120_000)
                    if not suffix:
                        page.locator("#matrix tr", has_text="各县区院要加大线索摸排力度").locator("td").nth(3).click()
                        page.select_option('#override select[name="status"]', "partial")
                        page.fill('#override textarea[name="note"]', "已电话核实：初查线索一件，尚未立案")
                        page.click('#override button[type="submit"]')
                        page.wait_for_selector("#matrix td.overridden")
                    page.locator("#matrix td.overridden").first.click()
                    page.evaluate("window.scrollTo(0, document.querySelector('#matrix-title').offsetTop - 10)")
                    page.screenshot(path=str(out / f"compare{suffix}.png"))
                    page.goto(server.url + "/search?q=" + "专项行动")
                    page.screenshot(path=str(out / f"search{suffix}.png"))
                    page.goto(server.url + "/trend")
                    page.screenshot(path=str(out / f"trend{suffix}.png"))
                    page.close()
            finally:
                browser.close()
    for f in sorted(out.glob("*.png")):
        print(f"{f.relative_to(ROOT) if f.is_relative_to(ROOT) else f}: {f.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
