"""The command line as a user runs it: JSON per the schema, JSON Lines, text summary, -o."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT.parent / "shared" / "spec" / "analysis.schema.json"


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip("../shared/spec is absent")
    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def assert_grounded(result: dict) -> None:
    text = result["text"]
    for key in ("outline", "directives", "quantities", "reports"):
        for item in result[key]:
            span = text[item["start"]:item["end"]]
            assert span == item.get("text", span), (key, item)
            assert 0 <= item["start"] < item["end"] <= len(text)
    for c in result["campaigns"]:
        for m in c["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    ids = {q["id"] for q in result["quantities"]} | {c["id"] for c in result["campaigns"]}
    for d in result["directives"]:
        assert set(d["targets"]) | set(d["campaigns"]) <= ids
    report_ids = {r["id"] for r in result["reports"]}
    directive_ids = {d["id"] for d in result["directives"]}
    for link in result["links"]:
        assert link["directive"] in directive_ids and set(link["reports"]) <= report_ids


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf", ".html"])
def test_analyze_json_is_schema_valid_and_grounded(suffix: str, sample_txt: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(sample_txt.with_suffix(suffix))]) == 0
    result = json.loads(capsys.readouterr().out)
    if SCHEMA.is_file():
        errors = list(_validator().iter_errors(result))
        assert not errors, errors[0]
    assert_grounded(result)
    assert result["title"] == "在全县公安工作会议上的讲话"
    assert result["date"] == "2024-03-08"
    assert [o["marker"] for o in result["outline"] if o["level"] == 1] == ["一、", "二、", "三、"]
    assert not any("版权所有" in line for line in result["text"].split("\n"))


def test_several_files_give_json_lines(sample_txt: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(sample_txt), str(sample_txt.with_suffix(".docx")), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    a, b = (json.loads(line) for line in lines)
    assert a["text"] == b["text"] and a["source"]["format"] == "txt" and b["source"]["format"] == "docx"


def test_text_summary(sample_txt: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--format", "text", str(sample_txt)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 在全县公安工作会议上的讲话")
    assert "## Outline" in out and "一、坚持政治建警" in out and "  一是要深入开展主题教育" in out
    assert "directives:" in out and "campaigns:" in out


def test_python_dash_m_and_console_script(sample_txt: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "nlp", "analyze", "--format", "text", str(sample_txt)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "## Outline" in run.stdout


def test_output_file_is_not_left_half_written(sample_txt: Path, tmp_path: Path) -> None:
    out = tmp_path / "keep.json"
    out.write_text("previous result", encoding="utf-8")
    assert main(["analyze", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "previous result"
