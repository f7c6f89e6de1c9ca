"""The tool's own exports kept beside the documents they were made from are left out of `nlp batch` (their tasks
are those documents'); one whose document is not in the archive (a task list handed on), or that an office
program has saved since (a ledger returned filled in), is a document."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES

from nlp.batch.walk import OWN_EXPORT
from nlp.cli import main
from nlp.ingest.own import export_source


def _export(folder: Path, *formats: str) -> None:
    for fmt in formats:
        assert main(["tasks", str(folder / "speech.txt"), "-o", str(folder / f"任务清单.{fmt}")]) == 0


def _batch(folder: Path, db: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["batch", str(folder), "--db", str(db), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_batch_leaves_out_exports_of_its_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(SAMPLES / "sample_speech.txt", folder / "speech.txt")
    _export(folder, "xlsx", "docx")
    assert main(["report", str(folder / "speech.txt"), "-o", str(folder / "审阅.html")]) == 0
    # (the exports sort before their document, 任务清单 and 审阅 after speech.txt or not: read once it is stored)
    (folder / "speech.txt").rename(folder / "讲话.txt")
    summary = _batch(folder, tmp_path / "a.sqlite", capsys)
    assert summary["ok"] == 1 and summary["failed"] == 0
    skipped = {Path(f["path"]).name: f["reason"] for f in summary["skipped_files"]}
    assert skipped == {"任务清单.xlsx": OWN_EXPORT, "任务清单.docx": OWN_EXPORT, "审阅.html": OWN_EXPORT}


def test_an_export_handed_on_without_its_document_is_a_document(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    made = tmp_path / "made"
    made.mkdir()
    shutil.copy(SAMPLES / "sample_speech.txt", made / "speech.txt")
    _export(made, "docx")
    received = tmp_path / "received"  # the next office gets the task list, not the speech
    received.mkdir()
    shutil.copy(made / "任务清单.docx", received / "任务清单.docx")
    summary = _batch(received, tmp_path / "b.sqlite", capsys)
    assert summary["ok"] == 1 and not summary["skipped_files"]


def test_an_export_saved_by_an_office_program_is_a_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(SAMPLES / "sample_speech.txt", folder / "speech.txt")
    _export(folder, "xlsx", "docx")
    # a county fills in the task list and saves it (Excel and WPS name their user as the last to save it)
    wb = load_workbook(folder / "任务清单.xlsx")
    wb["任务清单"]["K1"] = "落实情况"
    wb["任务清单"]["K2"] = "已完成。"
    wb.properties.lastModifiedBy = "张三"
    out = io.BytesIO()
    wb.save(out)
    (folder / "任务清单.xlsx").write_bytes(out.getvalue())
    import docx

    document = docx.Document(str(folder / "任务清单.docx"))
    document.core_properties.last_modified_by = "李四"
    document.save(str(folder / "任务清单.docx"))
    summary = _batch(folder, tmp_path / "a.sqlite", capsys)
    assert summary["ok"] == 3 and not summary["skipped_files"]


def test_only_the_tools_marks_make_a_file_its_own(tmp_path: Path) -> None:
    assert main(["tasks", str(SAMPLES / "sample_speech.txt"), "-o", str(tmp_path / "t.xlsx")]) == 0
    sha = __import__("hashlib").sha256((SAMPLES / "sample_speech.txt").read_bytes()).hexdigest()
    assert export_source((tmp_path / "t.xlsx").read_bytes()) == (sha, "sample_speech.txt", "在全县公安工作会议上的讲话")
    for other in ("sample_speech.docx", "sample_speech.html", "sample_speech.pdf", "sample_speech.txt"):
        assert export_source((SAMPLES / other).read_bytes()) is None, other
    assert export_source(b"PK\x03\x04 a damaged zip") is None  # the reader refuses it, with its reason
    page = "<html><body><p>生成工具：nlp-gov</p><p>要落实好各项任务。</p></body></html>".encode()
    assert export_source(page) is None  # (a page that names the tool in its words)


def test_the_workspace_refuses_an_export_of_a_stored_document(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from nlp.batch import store
    from nlp.serve.messages import zh
    from nlp.serve.worker import enqueue, unpack

    db = store.connect(tmp_path / "w.sqlite")
    assert main(["tasks", str(SAMPLES / "sample_speech.txt"), "-o", str(tmp_path / "t.docx")]) == 0
    [first] = unpack("任务清单.docx", (tmp_path / "t.docx").read_bytes())
    assert enqueue(db, first)["state"] == "queued"  # its document not here: a task list handed on
    assert main(["batch", str(SAMPLES / "sample_speech.txt"), "--db", str(tmp_path / "w.sqlite")]) == 0
    [again] = unpack("任务清单（副本）.docx", (tmp_path / "t.docx").read_bytes() + b"")
    db.execute("DELETE FROM jobs")
    db.execute("DELETE FROM sources")
    job = enqueue(db, again)
    assert job["state"] == "failed"
    assert zh(job["error"]) == "这是本工具导出的文件（任务清单、落实情况表或审阅页），不是文档；生成它的原始文档已在文档库中"


def test_an_export_beside_its_edited_document_and_one_stored_before_it(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    speech = (SAMPLES / "sample_speech.txt").read_text(encoding="utf-8")
    (folder / "speech.txt").write_text(speech, encoding="utf-8")
    _export(folder, "xlsx")
    (folder / "speech.txt").unlink()  # the export alone at first: read as a document
    db = tmp_path / "a.sqlite"
    assert _batch(folder, db, capsys)["ok"] == 1
    (folder / "speech.txt").write_text(speech + "\n各乡镇要于年底前完成自查。\n", encoding="utf-8")  # its document, edited
    summary = _batch(folder, db, capsys)
    assert summary["ok"] == 1 and [Path(f["path"]).name for f in summary["skipped_files"]] == ["任务清单.xlsx"]
    con = __import__("sqlite3").connect(db)
    assert [Path(p).name for (p,) in con.execute("SELECT path FROM paths")] == ["speech.txt"]  # the export's copy gone


def test_the_workspace_keeps_one_of_a_document_and_its_export_zipped_together(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    import zipfile

    from nlp.batch import store
    from nlp.serve.worker import enqueue, unpack

    _export_dir = tmp_path / "made"
    _export_dir.mkdir()
    shutil.copy(SAMPLES / "sample_speech.txt", _export_dir / "speech.txt")
    _export(_export_dir, "xlsx")
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as z:  # (the export first in the zip's order)
        z.write(_export_dir / "任务清单.xlsx", "a_任务清单.xlsx")
        z.write(_export_dir / "speech.txt", "b_speech.txt")
    db = store.connect(tmp_path / "w.sqlite")
    jobs = [enqueue(db, r) for r in unpack("bundle.zip", bundle.read_bytes())]
    assert [j["state"] for j in jobs] == ["queued", "failed"]  # the speech queued, its export refused


def test_a_task_list_of_another_document_of_the_same_name_is_read(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    city = tmp_path / "city"
    city.mkdir()
    (city / "工作要点.txt").write_text("澜州市2025年工作要点\n一、重点任务\n各县要新建污水管网30公里。\n", encoding="utf-8")
    assert main(["tasks", str(city / "工作要点.txt"), "-o", str(tmp_path / "市任务清单.xlsx")]) == 0
    county = tmp_path / "county"
    county.mkdir()
    (county / "工作要点.txt").write_text("柏溪县2025年工作要点\n一、重点任务\n各乡镇要改造危房120户。\n", encoding="utf-8")
    shutil.copy(tmp_path / "市任务清单.xlsx", county / "市任务清单.xlsx")
    summary = _batch(county, tmp_path / "c.sqlite", capsys)
    assert summary["ok"] == 2 and not summary["skipped_files"]  # the city's task list: its document is not here


def test_zip_entries_named_in_gbk_keep_their_names() -> None:
    import zipfile

    from nlp.batch.walk import zip_entries

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("abcdefgh.txt", "各乡镇要做好防汛工作。".encode())
    data = buf.getvalue().replace(b"abcdefgh.txt", "工作总结.txt".encode("gbk"))  # (a name without the UTF-8 flag)
    assert [item.path for item in zip_entries("a.zip", data)] == ["a.zip!/工作总结.txt"]


def test_the_workspace_leaves_out_an_export_zipped_with_its_edited_document(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    import zipfile

    from nlp.batch import store
    from nlp.serve.worker import enqueue, unpack

    made = tmp_path / "made"
    made.mkdir()
    (made / "speech.txt").write_text((SAMPLES / "sample_speech.txt").read_text(encoding="utf-8"), encoding="utf-8")
    _export(made, "xlsx")
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as z:
        z.write(made / "任务清单.xlsx", "任务清单.xlsx")
        z.writestr("speech.txt", (made / "speech.txt").read_text(encoding="utf-8") + "\n各乡镇要于年底前完成自查。\n")
    db = store.connect(tmp_path / "w.sqlite")
    assert [enqueue(db, r)["state"] for r in unpack("bundle.zip", bundle.read_bytes())] == ["queued", "failed"]


def test_an_export_of_an_untitled_document_beside_it_edited(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    line = "年内新建乡镇污水处理站12座。城镇新增就业2800人以上。各乡镇要确保完成农村公路改造80公里。"
    (folder / "要点.txt").write_text(line + "\n", encoding="utf-8")
    assert main(["tasks", str(folder / "要点.txt"), "-o", str(folder / "要点_任务清单.xlsx")]) == 0
    (folder / "要点.txt").write_text(line + "\n要求各单位抓好落实。\n", encoding="utf-8")
    summary = _batch(folder, tmp_path / "a.sqlite", capsys)
    assert summary["ok"] == 1 and [Path(f["path"]).name for f in summary["skipped_files"]] == ["要点_任务清单.xlsx"]


def test_a_gbk_trail_byte_takes_no_path_separator() -> None:
    import zipfile

    from nlp.batch.walk import zip_entries

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("aX/../b.txt", "要做好工作。")
    data = buf.getvalue().replace(b"aX/../b.txt", b"a\x81/../b.txt")
    [item] = list(zip_entries("a.zip", data))
    assert item.error is not None and "unsafe" in item.error  # (the .. still seen, not swallowed into 乗)
