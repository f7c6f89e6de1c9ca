"""Corrections kept beside an archived analysis: found again by text and place, history kept, old archives opened."""

from __future__ import annotations

import io
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from nlp.batch import corrections as fixes
from nlp.batch import store
from nlp.batch.query import export_tasks
from nlp.batch.run import run_batch
from nlp.export.tasks import NOT_A_TASK, task_rows
from nlp.pipeline import item_types
from nlp.serialize import analysis_from_data

TEXT = "一、加强领导\n各单位要落实责任。各单位要落实责任。\n各乡镇要在6月底前完成排查整治工作。\n"


@dataclass(frozen=True)
class D:
    id: str
    start: int
    end: int
    text: str


def span(text: str, nth: int = 0) -> tuple[int, int, str]:
    at = -1
    for _ in range(nth + 1):
        at = TEXT.index(text, at + 1)
    return (at, at + len(text), text)


@pytest.mark.parametrize(("key", "items", "expected"), [
    # the same text at the same place, whatever its id now
    (span("各乡镇要在6月底前完成排查整治工作。"), [D("d9", *span("各乡镇要在6月底前完成排查整治工作。"))], "d9"),
    # a sentence written twice: each correction finds its own
    (span("各单位要落实责任。", 1), [D("d1", *span("各单位要落实责任。", 0)), D("d2", *span("各单位要落实责任。", 1))], "d2"),
    (span("各单位要落实责任。", 0), [D("d1", *span("各单位要落实责任。", 0)), D("d2", *span("各单位要落实责任。", 1))], "d1"),
    # the directive now ends earlier: the item covering most of the old text
    (span("各乡镇要在6月底前完成排查整治工作。"), [D("d3", *span("各乡镇要在6月底前完成排查整治"))], "d3"),
    # the text moved (a line added before it)
    ((0, 18, "各乡镇要在6月底前完成排查整治工作。"), [D("d4", *span("各乡镇要在6月底前完成排查整治工作。"))], "d4"),
    # nothing there any more
    ((5, 12, "这句话已经不在了。"), [D("d1", *span("各单位要落实责任。"))], None),
    # a shorter item that covers too little of the old text
    (span("各乡镇要在6月底前完成排查整治工作。"), [D("d5", *span("排查"))], None),
])
def test_attach(key: tuple[int, int, str], items: list[D], expected: str | None) -> None:
    assert fixes.attach([key], items, TEXT)[key] == expected


def test_history_and_the_value_in_force(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "a.sqlite")
    d = D("d1", *span("各单位要落实责任。"))
    fixes.add(db, "sha", d, "责任单位", "各单位", "办公室", "甲")
    fixes.add(db, "sha", d, "责任单位", "各单位", "政治处", "乙", note="改由政治处牵头")
    fixes.add(db, "sha", d, NOT_A_TASK, None, "是", "甲")
    fixes.add(db, "sha", d, NOT_A_TASK, None, None, "乙")  # taken back
    changes = fixes.history(db, "sha")
    assert [(c.field, c.value, c.who) for c in changes] == [("责任单位", "办公室", "甲"), ("责任单位", "政治处", "乙"),
                                                           (NOT_A_TASK, "是", "甲"), (NOT_A_TASK, None, "乙")]
    assert [(c.field, c.value, c.note) for c in fixes.in_force(changes)] == [("责任单位", "政治处", "改由政治处牵头")]
    with pytest.raises(ValueError, match="unknown field"):
        fixes.add(db, "sha", d, "序号", None, "1", "甲")


def test_apply_to_the_task_list(tmp_path: Path, sample_analysis) -> None:
    db = store.connect(tmp_path / "a.sqlite")
    sha = sample_analysis.document.sha256
    first, second, third = sample_analysis.directives[:3]
    fixes.add(db, sha, first, "责任单位", "", "县局办公室", "甲")
    fixes.add(db, sha, second, NOT_A_TASK, None, "是", "甲")
    sentence = "下面，我讲三点意见。"
    at = sample_analysis.document.text.index(sentence)
    fixes.add(db, sha, fixes.Span(None, at, at + len(sentence), sentence), fixes.ADDED, None, sentence, "甲")
    fixes.add(db, sha, fixes.Span(None, 0, 9, "早已删去的一句话。"), "量化目标", "", "100%", "甲")
    applied = fixes.apply(sample_analysis, fixes.history(db, sha))
    rows = task_rows(applied.analysis, applied.fields)
    assert len(rows) == len(sample_analysis.directives)  # one dropped, one added
    assert rows[0]["责任单位"] == "县局办公室" and second.text not in [r["任务内容"] for r in rows]
    assert sentence in [r["任务内容"] for r in rows]
    assert [r["序号"] for r in rows] == list(range(1, len(rows) + 1))
    assert [c.text for c in applied.orphans] == ["早已删去的一句话。"]
    assert third.id in {d.id for d in applied.analysis.directives}


def test_an_archive_of_schema_1_opens_and_keeps_its_documents(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path, isolation_level=None)
    old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for statement in filter(str.strip, store.MIGRATIONS[1].split(";")):
        old.execute(statement)
    old.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    old.execute("INSERT INTO documents VALUES ('abc', 'a.txt', 't', NULL, NULL, 'txt', 1, '{}', 0)")
    old.close()
    db = store.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(store.SCHEMA_VERSION)
    assert db.execute("SELECT path FROM documents").fetchall() == [("a.txt",)]
    assert db.execute("SELECT count(*) FROM corrections").fetchone()[0] == 0
    assert store.delete_document(db, "abc") and not store.delete_document(db, "abc")


def test_nlp_export_gives_the_corrected_lists(tmp_path: Path, sample_txt: Path) -> None:
    db_path = tmp_path / "a.sqlite"
    run_batch([str(sample_txt)], str(db_path))
    db = store.connect(db_path)
    sha, data = db.execute("SELECT sha256, analysis FROM documents").fetchone()
    analysis = analysis_from_data(json.loads(data), item_types())
    fixes.add(db, sha, analysis.directives[0], NOT_A_TASK, None, "是", "甲")
    fixes.add(db, sha, analysis.directives[1], "责任单位", "", "县局政治处", "甲")
    ws = load_workbook(io.BytesIO(export_tasks(db)))["任务清单"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert len(rows) == len(analysis.directives) - 1
    assert rows[0][5] == analysis.directives[1].text and rows[0][6] == "县局政治处"
