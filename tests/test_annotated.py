"""The team's annotation format builds into text and gold that agree, and refuses what does not fit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.annotated import ANNOTATED, AnnotationError, build, parse

SOURCE = """#title: 测试讲话
#campaigns: 三会一课:formulation; ?平安东湖:program
#link: 一要加强学习 => 学习制度落实不到位 :not_met

O|测试讲话

R-|去年学习制度落实不到位。
H1 D|一、加强党的建设
D@各支部 ^每月:recurring|一要加强学习，各支部每月落实“三会一课”。
D! @县局|县局必须建设平安东湖。
"""


def test_build_gives_grounded_gold(tmp_path: Path) -> None:
    src = tmp_path / "demo.ann"
    src.write_text(SOURCE, encoding="utf-8")
    gold = build(src, tmp_path)
    text = (tmp_path / "demo.txt").read_text(encoding="utf-8")
    for key in ("directives", "reports", "outline", "sentences"):
        for item in gold[key]:
            assert text[item["start"]:item["end"]] == item["text"]
    assert [d["modality"] for d in gold["directives"]] == ["should", "should", "must"]
    assert gold["directives"][1]["deadline"] == {"text": "每月", "kind": "recurring"}
    assert [(o["level"], o["text"]) for o in gold["outline"]] == [(1, "一、加强党的建设")]
    assert [c["borderline"] for c in gold["campaigns"]] == [False, True]
    assert gold["links"][0]["status"] == "not_met"
    assert json.loads((tmp_path / "demo.gold.json").read_text(encoding="utf-8")) == gold


@pytest.mark.parametrize(
    ("line", "message"),
    [("X|未知标签。", "unknown label"), ("D@不在句中|各支部要学习。", "not in the sentence"), ("没有竖线", "LABELS|sentence")],
)
def test_bad_lines_are_refused(tmp_path: Path, line: str, message: str) -> None:
    src = tmp_path / "bad.ann"
    src.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=message):
        parse(src)


def test_committed_gold_is_built_from_the_committed_sources(tmp_path: Path) -> None:
    for src in sorted(ANNOTATED.glob("*.ann")):
        fresh = build_copy(src, tmp_path)
        committed = json.loads((ANNOTATED.parent / "gold" / f"{src.stem}.gold.json").read_text(encoding="utf-8"))
        assert fresh == committed, f"rebuild {src.name} with scripts/build_gold.py"


def build_copy(src: Path, tmp: Path) -> dict:
    copy = tmp / src.name
    copy.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    return build(copy, tmp)


def test_team_corpus_size() -> None:
    sentences = sum(len(json.loads(p.read_text(encoding="utf-8"))["sentences"])
                    for p in (ANNOTATED.parent / "gold").glob("*.gold.json")
                    if (ANNOTATED / p.name.replace(".gold.json", ".ann")).is_file())
    assert len(list(ANNOTATED.glob("*.ann"))) >= 4
    assert sentences >= 400


def test_offset_annotation_round_trip(tmp_path: Path) -> None:
    from nlp.annotated import build_offsets, dump_offsets

    corpus = tmp_path / "corpus"
    (corpus / "reports").mkdir(parents=True)
    doc = corpus / "reports" / "r.txt"
    doc.write_text("县政府工作报告\n一、过去一年工作回顾\n全县粮食产量增长3%。\n二、今年工作安排\n"
                   "各乡镇要在年内完成“三清三拆”行动。\n", encoding="utf-8")
    work = tmp_path / "r.ann"
    lines = dump_offsets(doc, "reports/r.txt").splitlines()
    tags = ["O", "H1 O %review", "R+", "H1 D %plan", "D @各乡镇 ^年内:end_of_year"]
    body = [f"{line.split(chr(9))[0]}\t{tag}|{line.split('|', 1)[1]}" for line, tag in zip(lines[2:], tags, strict=True)]
    work.write_text("\n".join([*lines[:2], "#campaign: 三清三拆行动:campaign:三清三拆", *body]) + "\n", encoding="utf-8")
    gold = build_offsets(work, corpus, tmp_path / "gold")
    source = doc.read_text(encoding="utf-8")
    assert [source[d["start"]:d["end"]] for d in gold["directives"]] == ["二、今年工作安排", "各乡镇要在年内完成“三清三拆”行动。"]
    deadline = gold["directives"][1]["deadline"]
    assert source[deadline["start"]:deadline["end"]] == "年内" and gold["directives"][1]["actors"] == ["各乡镇"]
    assert [s["role"] for s in gold["sections"]] == ["review", "plan"]
    assert source[gold["sections"][0]["start"]:gold["sections"][0]["end"]].startswith("一、过去一年")
    assert [source[m["start"]:m["end"]] for m in gold["campaigns"][0]["mentions"]] == ["三清三拆”行动"]
    assert "text" not in json.dumps(gold["directives"])  # offsets and labels only
    work.write_text(work.read_text(encoding="utf-8").replace("增长3%", "增长4%"), encoding="utf-8")
    with pytest.raises(AnnotationError, match="differs"):
        build_offsets(work, corpus, tmp_path / "gold")
