"""The tool's own exports in an archive folder are left out of `nlp batch` (their tasks are the document's they
were made from), until an office program saves them: a ledger sent out and returned filled in is a document."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES

from nlp.batch.walk import OWN_EXPORT
from nlp.cli import main
from nlp.ingest.own import written_by_nlp


def _export(folder: Path, *formats: str) -> None:
    for fmt in formats:
        assert main(["tasks", str(folder / "speech.txt"), "-o", str(folder / f"任务清单.{fmt}")]) == 0


def _batch(folder: Path, db: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["batch", str(folder), "--db", str(db), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_batch_leaves_out_its_own_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(SAMPLES / "sample_speech.txt", folder / "speech.txt")
    _export(folder, "xlsx", "docx")
    assert main(["report", str(folder / "speech.txt"), "-o", str(folder / "审阅.html")]) == 0
    summary = _batch(folder, tmp_path / "a.sqlite", capsys)
    assert summary["ok"] == 1 and summary["failed"] == 0
    skipped = {Path(f["path"]).name: f["reason"] for f in summary["skipped_files"]}
    assert skipped == {"任务清单.xlsx": OWN_EXPORT, "任务清单.docx": OWN_EXPORT, "审阅.html": OWN_EXPORT}


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


def test_only_the_tools_name_marks_a_file_its_own(tmp_path: Path) -> None:
    assert main(["tasks", str(SAMPLES / "sample_speech.txt"), "-o", str(tmp_path / "t.xlsx")]) == 0
    assert written_by_nlp((tmp_path / "t.xlsx").read_bytes())
    for other in ("sample_speech.docx", "sample_speech.html", "sample_speech.pdf", "sample_speech.txt"):
        assert not written_by_nlp((SAMPLES / other).read_bytes()), other
    assert not written_by_nlp(b"PK\x03\x04 a damaged zip")  # the reader refuses it, with its reason


def test_the_workspace_refuses_an_export_uploaded(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from nlp.serve.messages import zh
    from nlp.serve.worker import unpack

    assert main(["tasks", str(SAMPLES / "sample_speech.txt"), "-o", str(tmp_path / "t.docx")]) == 0
    [received] = unpack("任务清单.docx", (tmp_path / "t.docx").read_bytes())
    assert received.data is None and received.error is not None
    assert zh(received.error) == "这是本工具导出的文件（任务清单、落实情况表或审阅页），不是文档；请上传生成它的原始文档"
