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


SAMPLE = str(ROOT / "corpora" / "samples" / "sample_speech.txt")


# errors a user can cause with what is asked to be written ({tmp} is a fresh folder), and a word the one-line
# message must hold
BAD_OUTPUTS = [
    (["analyze", SAMPLE, "-o", "{tmp}/x.pdf"], "does not match the json output"),  # JSON was written into x.pdf
    (["analyze", "--format", "text", SAMPLE, "-o", "{tmp}/x.json"], "--format json"),
    (["analyze", SAMPLE, "-o", "{tmp}"], "is a folder"),
    (["analyze", SAMPLE, "-o", "/dev/null/x.json"], "cannot be written"),
    (["tasks", SAMPLE, "-o", "/proc/t.xlsx"], "cannot be written"),  # was "internal error: FileNotFoundError", 1
    (["tasks", SAMPLE, "-o", "{tmp}/t.pdf"], "unsupported task-list format"),
    (["report", SAMPLE, "-o", "{tmp}/r.pdf"], "does not match the html output"),
    (["compare", SAMPLE, SAMPLE, "-o", "{tmp}/m.pdf"], "not a format compare writes"),
    (["compare", "--format", "xlsx", SAMPLE, SAMPLE, "-o", "{tmp}/m.html"], "does not match the xlsx"),
    (["compare", "--format", "xlsx", SAMPLE, SAMPLE], "needs -o"),
    (["export", "--db", "{tmp}/none.sqlite", "-o", "{tmp}/all.csv"], "does not match the xlsx output"),
    (["stats", "--db", "{tmp}/none.sqlite", "--plot", "{tmp}/t.txt"], "--plot .txt"),
    (["evaluate", "-o", "{tmp}/e.pdf"], "does not match the text output"),
    (["search", "六稳", "--db", "{tmp}/none.sqlite", "--limit", "0"], "--limit 0"),
    (["search", "六稳", "--db", "{tmp}/none.sqlite"], "no such archive"),
]


@pytest.mark.parametrize(("args", "says"), BAD_OUTPUTS, ids=[" ".join(a[:1] + a[-2:]) for a, _ in BAD_OUTPUTS])
def test_errors_a_user_causes_are_one_line_and_exit_2(args: list[str], says: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    before = set(tmp_path.iterdir())
    assert main([a.format(tmp=tmp_path) for a in args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("nlp: error: ") and err.count("\n") == 1, err
    assert says in err and "internal error" not in err and "Traceback" not in err
    assert set(tmp_path.iterdir()) == before  # nothing written, not even half a file


def test_unwritable_output_as_a_process_sees_it(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "nlp", "tasks", SAMPLE, "-o", "/proc/t.xlsx"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and run.stderr.startswith("nlp: error: /proc/t.xlsx: cannot be written")
    assert run.stderr.count("\n") == 1


def test_text_summary_states_deadlines_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--format", "text", SAMPLE]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("deadlines:"))
    assert "每季度" in line and "2024年6月30日前" in line and "P3M" not in line
