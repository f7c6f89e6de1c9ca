"""The web workspace through its HTTP API (FastAPI's TestClient): uploads, corrections kept across re-analysis,
exports, the comparison with an overridden status, and the safety rules."""

from __future__ import annotations

import io
import sqlite3
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from webclient import COMPARE, COUNTIES, SAMPLES, Client

from nlp.batch import store

pytest.importorskip("fastapi", reason="the serve extra is not installed: pip install -e '.[serve]'")
pytest.importorskip("jinja2", reason="the serve extra is not installed: pip install -e '.[serve]'")

HOSTILE = ('关于<script>alert("x")</script>的讲话\n同志们：\n一、加强领导\n'
           '各单位要落实“三会一课”，确保"><img src=x onerror=alert(1)>年内全覆盖。\n全年共办理案件12件。')


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[Client]:
    """An app over a fresh archive (analysis in a thread of the test process) and its client."""
    from nlp.serve.app import create_app

    app = create_app(tmp_path / "archive.sqlite", who="测试员", processes=0)
    with Client(app) as c:
        yield c


def visible_text(page: str) -> str:
    """What a reader sees of a page: no scripts, no tags, no attributes."""
    import html
    import re

    page = re.sub(r"<script\b.*?</script>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def rows_of(client: Client, sha: str) -> list[dict]:
    """The task rows as the archive's corrected list holds them (the csv export)."""
    import csv

    text = client.get(f"/doc/{sha}/tasks.csv").content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def first_row(client: Client, sha: str, n: int = 0) -> dict:
    """The item of the n-th task row of the page, as the page's script sends it."""
    import re

    page = client.get(f"/doc/{sha}").text
    rows = re.findall(r'<tr id="task-[^"]+" data-id="([^"]+)" data-start="(\d+)" data-end="(\d+)" data-text="([^"]*)"',
                      page)
    import html

    i, s, e, t = rows[n]
    return {"id": i, "start": int(s), "end": int(e), "text": html.unescape(t)}


def test_upload_correct_export_and_reanalyse(client: Client) -> None:
    [job] = client.upload(SAMPLES / "sample_speech.docx")
    assert job["state"] == "done" and job["directives"] >= 20
    sha = job["sha256"]
    before = rows_of(client, sha)
    page = client.get(f"/doc/{sha}")
    assert page.status_code == 200 and "任务清单" in page.text and "在全县公安工作会议上的讲话" in page.text
    shown = visible_text(page.text)
    for code in ("should", "must", "end_of_year", "confidence", "start", "d1", "met"):
        assert code not in shown, code  # no internal codes on the page (the details panel shows them on request)
    assert "2024年6月30日前" in shown

    item = first_row(client, sha, 1)
    r = client.post(f"/api/documents/{sha}/corrections", json={"item": item, "field": "责任单位", "value": "县局政治处",
                                                               "note": "会上明确由政治处牵头"})
    assert r.status_code == 200, r.text
    assert "县局政治处" in r.json()["html"] and "已更正" in r.json()["html"]
    junk = first_row(client, sha, 3)
    r = client.post(f"/api/documents/{sha}/corrections", json={"item": junk, "field": "不是任务", "value": "是"})
    assert r.status_code == 200 and r.json()["dropped"]

    after = rows_of(client, sha)
    assert len(after) == len(before) - 1
    assert after[1]["责任单位"] == "县局政治处" and after[1]["任务内容"] == item["text"]
    assert junk["text"] not in [r["任务内容"] for r in after]
    assert [int(r["序号"]) for r in after] == list(range(1, len(after) + 1))

    wb = load_workbook(io.BytesIO(client.get(f"/doc/{sha}/tasks.xlsx").content))
    ws = wb["任务清单"]
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert len(values) == len(after) and values[1][3] == "县局政治处"
    assert junk["text"] not in [v[2] for v in values]
    log = [[c.value for c in row] for row in wb["更正记录"].iter_rows(min_row=2)]
    assert {r[0] for r in log} == {"责任单位", "不是任务"} and all(r[5] == "测试员" for r in log)
    docx = client.get(f"/doc/{sha}/tasks.docx")
    assert docx.status_code == 200 and "attachment" in docx.headers["content-disposition"]

    r = client.post(f"/api/documents/{sha}/reanalyse")
    assert r.status_code == 200, r.text
    client.app.state.analyser.wait(300)
    assert client.get("/api/jobs", params={"id": r.json()["job"]["id"]}).json()["jobs"][0]["state"] == "done"
    assert rows_of(client, sha) == after  # the corrections found their tasks again

    # taking a change back: the extracted value is in force again, and the history keeps both
    r = client.post(f"/api/documents/{sha}/corrections", json={"item": junk, "field": "不是任务", "value": None})
    assert r.status_code == 200 and not r.json()["dropped"]
    assert len(rows_of(client, sha)) == len(before)


def test_corrections_survive_a_changed_analysis(client: Client, tmp_path: Path) -> None:
    """When the analysis is stored anew with other ids (a newer extractor), corrections follow the text."""
    import json

    [job] = client.upload(SAMPLES / "sample_speech.txt")
    sha = job["sha256"]
    item = first_row(client, sha, 5)
    client.post(f"/api/documents/{sha}/corrections", json={"item": item, "field": "完成时限", "value": "2024年9月30日前"})
    db = sqlite3.connect(client.app.state.db_path)
    data = json.loads(db.execute("SELECT analysis FROM documents WHERE sha256=?", (sha,)).fetchone()[0])
    data["directives"] = data["directives"][2:]  # two directives fewer: every id names another sentence now
    for n, d in enumerate(data["directives"], 1):
        d["id"] = f"d{n}"
    db.execute("UPDATE documents SET analysis=? WHERE sha256=?", (json.dumps(data, ensure_ascii=False), sha))
    db.commit()
    db.close()
    row = next(r for r in rows_of(client, sha) if r["任务内容"] == item["text"])
    assert row["完成时限"] == "2024年9月30日前"


def test_add_a_task_from_a_sentence(client: Client) -> None:
    [job] = client.upload(SAMPLES / "sample_speech.txt")
    sha = job["sha256"]
    text = sqlite3.connect(client.app.state.db_path).execute(
        "SELECT json_extract(analysis, '$.text') FROM documents").fetchone()[0]
    sentence = "下面，我讲三点意见。"
    start = text.index(sentence)
    r = client.post(f"/api/documents/{sha}/tasks", json={"start": start, "end": start + len(sentence)})
    assert r.status_code == 200, r.text
    assert sentence in [r["任务内容"] for r in rows_of(client, sha)]
    overlapping = first_row(client, sha, 0)
    r = client.post(f"/api/documents/{sha}/tasks", json={"start": overlapping["start"], "end": overlapping["end"]})
    assert r.status_code == 409 and "重叠" in r.json()["error"]


def test_compare_with_the_county_reports_and_override(client: Client) -> None:
    [base] = client.upload(COMPARE / "city_speech.txt")
    others = [client.upload(COMPARE / n, f"县区/{n}")[0] for n in COUNTIES]
    assert all(o["state"] == "done" for o in others), others
    shas = [o["sha256"] for o in others]
    params = {"base": base["sha256"], "other": shas}
    page = client.get("/compare", params=params)
    assert page.status_code == 200, page.text[:500]
    for name in ("东城区院", "西山县院", "南湖区院", "北岭县院"):
        assert name in page.text
    import re

    item = re.search(r'<tr data-item="(d\d+)">\s*<td>任务</td><td class="text">各县区院要加大线索摸排力度', page.text).group(1)

    def matrix() -> tuple[list, list]:
        wb = load_workbook(io.BytesIO(client.get("/compare/matrix.xlsx", params=params).content))
        rows = [[c.value for c in row] for row in wb["矩阵"].iter_rows(min_row=2)]
        listed = [r for r in wb["人工更正"].iter_rows(min_row=2, values_only=True)] if "人工更正" in wb else []
        return rows, listed

    before, _ = matrix()
    target = next(n for n, r in enumerate(before) if str(r[2]).startswith("各县区院要加大线索摸排力度"))
    assert before[target][4] == "未完成"  # 西山县院: evidence of work that is not done
    r = client.post("/api/compare/status", json={"base": base["sha256"], "others": shas, "item": item,
                                                 "other": shas[1], "status": "met", "note": "已电话核实"})
    assert r.status_code == 200, r.text
    assert r.json()["label"] == "完成" and r.json()["computed"] == "not_met" and r.json()["change"]["who"] == "测试员"
    after, listed = matrix()
    assert after[target][4] == "完成"
    assert [r for n, r in enumerate(after) if n != target] == [r for n, r in enumerate(before) if n != target]
    assert [(r[1], r[3], r[4]) for r in listed] == [("西山县院", "完成", "已电话核实")]
    # back to the computed status
    r = client.post("/api/compare/status", json={"base": base["sha256"], "others": shas, "item": item,
                                                 "other": shas[1], "status": None})
    assert r.json()["label"] == "未完成" and r.json()["change"] is None


def test_compare_after_a_target_task_is_marked_not_a_task(client: Client) -> None:
    """A reviewer marks the task that sets a target 不是任务: the comparison still opens, the target traced."""
    plan = ("２０２５年政府工作报告\n一、２０２４年工作回顾\n全年经济运行总体平稳。\n二、２０２５年工作安排\n"
            "今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右。\n要大力提振消费。\n")
    review = ("２０２６年政府工作报告\n一、２０２５年工作回顾\n过去一年，地区生产总值增长5.8%。\n城镇调查失业率5.1%。\n"
              "二、２０２６年工作安排\n今年要稳中求进。\n")
    [base] = client.upload(name="2025年报告.txt", data=plan.encode())
    [other] = client.upload(name="2026年报告.txt", data=review.encode())
    sha = base["sha256"]
    row = next(r for n in range(3) if "国内生产总值" in (r := first_row(client, sha, n))["text"])
    r = client.post(f"/api/documents/{sha}/corrections", json={"item": row, "field": "不是任务", "value": "是"})
    assert r.status_code == 200 and r.json()["dropped"]
    page = client.get("/compare", params={"base": sha, "other": [other["sha256"]]})
    assert page.status_code == 200, page.text[:500]
    assert "5.8" in page.text


def test_hostile_text_is_escaped(client: Client) -> None:
    [job] = client.upload(name="hostile.txt", data=HOSTILE.encode())
    page = client.get(f"/doc/{job['sha256']}").text
    assert "<script>alert" not in page and "<img src=x" not in page and '"><img' not in page
    assert "&lt;script&gt;" in page
    library = client.get("/").text
    assert "<script>alert" not in library
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_limits_and_refusals_say_why_in_one_line(client: Client, tmp_path: Path) -> None:
    r = client.post("/api/upload", params={"name": "old.doc"}, content=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    [job] = r.json()["jobs"]
    assert job["state"] == "failed" and job["error"] == "不支持的格式：旧版 Word（.doc）文件；请另存为 .docx 后再上传"
    r = client.post("/api/upload", params={"name": "empty.txt"}, content=b"")
    assert r.json()["jobs"][0]["error"].startswith("文件是空的")
    failures = client.get("/").text
    assert "old.doc" in failures and "旧版 Word" in failures

    from nlp.serve.app import create_app

    small = create_app(tmp_path / "small.sqlite", max_bytes=1000, processes=0)
    with Client(small) as c:
        r = c.post("/api/upload", params={"name": "big.txt"}, content="讲话".encode() * 1000)
        assert r.status_code == 413
        assert r.json()["error"] == "big.txt：文件大小 5.9 KiB，超过 1.0 KiB 的上限；请拆分文件，或以更大的 --max-bytes 启动 nlp serve"


def test_a_zip_and_a_folder_upload(client: Client) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.write(COMPARE / "dongcheng.txt", "县区/dongcheng.txt")
        z.writestr("../evil.txt", "各单位要加强领导。")
        z.writestr("notes.json", "{}")
    jobs = client.upload(name="reports.zip", data=buffer.getvalue())
    states = {j["name"]: (j["state"], j.get("error")) for j in jobs}
    assert states["reports.zip!/县区/dongcheng.txt"][0] == "done"
    assert states["reports.zip!/../evil.txt"][0] == "failed" and "路径不安全" in states["reports.zip!/../evil.txt"][1]
    [job] = client.upload(COMPARE / "xishan.docx", name="/../../县区/西山/xishan.docx")
    assert job["name"] == "县区/西山/xishan.docx"
    [again] = client.upload(COMPARE / "xishan.docx", name="copy.docx")
    assert again["state"] == "skipped"


def test_files_of_the_same_name_are_different_documents(client: Client) -> None:
    """Two counties' 工作总结.txt are both kept; a refused upload of that name removes neither; the same report in
    another format is recognised as the one already stored."""
    first = "东城区院2024年工作总结\n一、主要工作\n全年共办理案件12件，同比上升20%。\n二、下一步\n要加强队伍建设。\n"
    second = "西山县院2024年工作总结\n一、主要工作\n全年共办理案件9件，同比下降10%。\n二、下一步\n要强化案件质量。\n"
    [a] = client.upload(name="工作总结.txt", data=first.encode())
    [b] = client.upload(name="工作总结.txt", data=second.encode())
    [bad] = client.upload(name="工作总结.txt", data=b"")
    assert a["state"] == b["state"] == "done" and bad["state"] == "failed"
    library = client.get("/").text
    assert "东城区院2024年工作总结" in library and "西山县院2024年工作总结" in library
    # the same text, saved with other line breaks and spaces (a copy in another format), is not stored twice
    [copy] = client.upload(name="东城.txt", data=first.replace("\n", "\r\n\r\n").encode())
    assert copy["state"] == "skipped" and copy["sha256"] == a["sha256"]


def test_two_uploads_at_once_and_one_cut_off(client: Client) -> None:
    """Two files sent at the same moment are both kept; a body that stops halfway stores nothing."""
    results: list[int] = []

    def send(name: str) -> None:
        r = client.post("/api/upload", params={"name": name}, content=(COMPARE / name).read_bytes())
        results.append(r.status_code)

    threads = [threading.Thread(target=send, args=(n,)) for n in ("dongcheng.txt", "beiling.html")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    def cut_off():  # the browser closed mid-upload
        yield (COMPARE / "city_speech.txt").read_bytes()[:500]
        raise ConnectionResetError("the browser went away")

    with pytest.raises(ConnectionResetError):
        client.post("/api/upload", params={"name": "city_speech.txt"}, content=cut_off())
    client.app.state.analyser.wait(300)
    assert results == [200, 200]
    db = store.connect(client.app.state.db_path)
    names = sorted(p.rsplit("/", 1)[-1] for (p,) in db.execute("SELECT path FROM documents"))
    assert names == ["beiling.html", "dongcheng.txt"]
    assert db.execute("SELECT count(*) FROM jobs WHERE name='city_speech.txt'").fetchone()[0] == 0


def test_a_restarted_server_finishes_the_queue(tmp_path: Path) -> None:
    from nlp.serve.app import create_app

    db_path = tmp_path / "archive.sqlite"
    idle = create_app(db_path, processes=0, analyse=False)  # stopped before it analysed anything
    with Client(idle) as c:
        r = c.post("/api/upload", params={"name": "dongcheng.txt"}, content=(COMPARE / "dongcheng.txt").read_bytes())
        assert r.json()["jobs"][0]["state"] == "queued"
    again = create_app(db_path, processes=0)
    with Client(again) as c:
        again.state.analyser.wait(300)
        assert c.get("/api/jobs", params={"id": r.json()["jobs"][0]["id"]}).json()["jobs"][0]["state"] == "done"


def test_delete_a_document(client: Client) -> None:
    [job] = client.upload(COMPARE / "city_speech.txt")
    sha = job["sha256"]
    item = first_row(client, sha, 0)
    client.post(f"/api/documents/{sha}/corrections", json={"item": item, "field": "责任单位", "value": "市院办公室"})
    assert client.send("DELETE", f"/api/documents/{sha}").status_code == 200
    assert client.get(f"/doc/{sha}").status_code == 404
    db = store.connect(client.app.state.db_path)
    for table in ("documents", "items", "corrections", "sources"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    assert client.send("DELETE", f"/api/documents/{sha}").status_code == 404


def test_changes_need_the_csrf_token(client: Client) -> None:
    r = client.http.post("/api/upload", params={"name": "a.txt"}, content=b"x")
    assert r.status_code == 403 and "校验码" in r.json()["error"]
    r = client.post("/api/upload", params={"name": "a.txt"}, content=b"x", headers={"X-CSRF-Token": "forged"})
    assert r.status_code == 403
    r = client.post("/api/upload", params={"name": "a.txt"}, content=b"x", headers={"Origin": "http://evil.example"})
    assert r.status_code == 403


def test_other_hosts_need_the_token(tmp_path: Path) -> None:
    from nlp.serve.app import create_app

    local = create_app(tmp_path / "a.sqlite", processes=0, analyse=False)
    with Client(local, client=("192.168.1.20", 50000)) as c:
        assert c.get("/").status_code == 403
    with Client(local, base_url="http://attacker.example:8700") as c:  # DNS rebinding: a foreign Host header
        assert c.get("/").status_code == 403
    shared = create_app(tmp_path / "b.sqlite", token="s3cret-token", processes=0, analyse=False)
    with Client(shared, client=("192.168.1.20", 50000), base_url="http://192.168.1.10:8700") as c:
        r = c.get("/")
        assert r.status_code == 401 and "访问令牌" in r.text
        assert c.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
        r = c.get("/?token=s3cret-token", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/" and "nlp_token=s3cret-token" in r.headers["set-cookie"]
        assert c.get("/").status_code == 200  # the cookie carries it from now on


def test_pages_are_chinese_and_static_files_come_from_the_package(client: Client) -> None:
    for url in ("/", "/compare", "/search?q=安全", "/trend", "/help"):
        r = client.get(url)
        assert r.status_code == 200 and 'lang="zh-CN"' in r.text, url
        assert "http://" not in r.text.replace('xmlns="http://www.w3.org/2000/svg"', ""), url  # no CDN
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/app.css").status_code == 200
    r = client.get("/doc/" + "0" * 64)
    assert r.status_code == 404 and "文档库中没有这份文档" in r.text


def test_analysis_in_a_worker_process(tmp_path: Path) -> None:
    """The default of `nlp serve`: documents analysed in a separate process (spawned, the dictionary loaded once)."""
    from nlp.serve.app import create_app

    app = create_app(tmp_path / "archive.sqlite", processes=1)
    with Client(app) as c:
        jobs = [c.upload(COMPARE / n)[0] for n in ("city_speech.txt", "dongcheng.txt")]
    assert [j["state"] for j in jobs] == ["done", "done"] and jobs[0]["directives"] > 10


def test_a_browser_closed_mid_upload_loses_nothing(tmp_path: Path) -> None:
    """Over a real socket: a body cut off halfway stores nothing, and an upload beside it arrives whole."""
    import json
    import socket
    import urllib.request

    from webclient import LiveServer

    from nlp.serve.app import create_app

    with LiveServer(create_app(tmp_path / "archive.sqlite", processes=0)) as server:
        with urllib.request.urlopen(server.url + "/") as r:
            csrf = r.headers["set-cookie"].split("nlp_csrf=")[1].split(";")[0]
        data = (COMPARE / "city_speech.txt").read_bytes()
        head = (f"POST /api/upload?name=cut.txt HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                f"Content-Type: application/octet-stream\r\nContent-Length: {len(data)}\r\n"
                f"Cookie: nlp_csrf={csrf}\r\nX-CSRF-Token: {csrf}\r\n\r\n").encode()
        with socket.create_connection(("127.0.0.1", server.port)) as cut:
            cut.sendall(head + data[: len(data) // 2])  # and the browser is closed

        whole = (COMPARE / "dongcheng.txt").read_bytes()
        request = urllib.request.Request(server.url + "/api/upload?name=whole.txt", data=whole, method="POST",
                                         headers={"Cookie": f"nlp_csrf={csrf}", "X-CSRF-Token": csrf,
                                                  "Content-Type": "application/octet-stream"})
        with urllib.request.urlopen(request) as r:
            assert json.loads(r.read())["jobs"][0]["state"] == "queued"
        server.app.state.analyser.wait(300)
        db = store.connect(server.app.state.db_path)
        assert [p.rsplit("/", 1)[-1] for (p,) in db.execute("SELECT path FROM documents")] == ["whole.txt"]
        assert db.execute("SELECT count(*) FROM jobs WHERE name='cut.txt'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_an_excel_ledger_upload(client: Client, tmp_path: Path) -> None:
    """A 督办台账 kept in Excel goes into the library like a Word file: its rows are the document's tasks."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["青禾县2025年重点工作任务督办台账"])
    ws.append(["序号", "重点任务", "牵头单位", "完成时限"])
    ws.append([1, "新建农村公路50公里。", "县交通运输局", "2025年10月底前"])
    ws.append([2, "完成农村改厕1500户。", "县农业农村局", "2025年12月底前"])
    book.save(tmp_path / "台账.xlsx")
    [job] = client.upload(tmp_path / "台账.xlsx")
    assert job["state"] == "done", job
    rows = [first_row(client, job["sha256"], n)["text"] for n in range(2)]
    assert rows == ["新建农村公路50公里。", "完成农村改厕1500户。"]
