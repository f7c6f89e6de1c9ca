"""The package's shape: no import cycles, imports at module level (heavy optional libraries excepted), one
extractor shape run from the pipeline's list, data shipped inside the package."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
import typing
from pathlib import Path

import pytest

import nlp
from nlp.context import Context
from nlp.lexicons import LEXICON_DIR
from nlp.pipeline import NEEDS, STAGES, analyze, item_types, with_needs
from nlp.types import Analysis

PACKAGE = Path(nlp.__file__).resolve().parent
MODULES = sorted(
    ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
    for p in PACKAGE.rglob("*.py") if p.name != "__main__.py"
)
# libraries slow to import or needed by one format or command only: imported where they are used
HEAVY = {"jieba", "rjieba", "sklearn", "docx", "pdfplumber", "pdfminer", "trafilatura", "openpyxl", "cn2an",
         "matplotlib", "tqdm", "charset_normalizer", "distributed", "dask", "uvicorn"}
# the optional extra `serve` (FastAPI, uvicorn, Jinja2): nlp.cli imports its app only when `nlp serve` runs
SERVE_MODULES = ("nlp.serve.app",)
HAS_SERVE = importlib.util.find_spec("fastapi") is not None and importlib.util.find_spec("jinja2") is not None


@pytest.mark.parametrize("module", MODULES)
def test_every_module_imports_alone(module: str) -> None:
    if module == "nlp.serve.app" and not HAS_SERVE:
        pytest.skip("the serve extra is not installed")
    run = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]


def test_imports_are_at_module_level() -> None:
    late = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import):
                    names = [a.name for a in inner.names]
                elif isinstance(inner, ast.ImportFrom):
                    names = [inner.module or ""]
                else:
                    continue
                late += [f"{path.relative_to(PACKAGE)}:{inner.lineno} {n}" for n in names
                         if n.split(".")[0] not in HEAVY and n not in SERVE_MODULES]
    assert not late, late


def test_no_module_binds_a_name_twice() -> None:
    """A module-level name bound twice (two regexes of one name) makes every function use the later one."""
    twice = []
    for path in PACKAGE.rglob("*.py"):
        bound: list[str] = []
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                bound += [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                bound.append(node.target.id)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                bound.append(node.name)
        twice += [f"{path.relative_to(PACKAGE)}: {name}" for name in sorted(set(bound)) if bound.count(name) > 1]
    assert not twice, twice


def test_every_stage_has_the_extractor_shape() -> None:
    assert len({name for name, _ in STAGES}) == len(STAGES)
    for name, extract in STAGES:
        hints = typing.get_type_hints(extract)
        assert list(hints) == ["analysis", "ctx", "return"], name
        assert hints["analysis"] is Analysis and hints["ctx"] is Context, name
        assert typing.get_origin(hints["return"]) is tuple, name
    assert set(item_types()) == {name for name, _ in STAGES}


COMPARE_SAMPLE = Path(__file__).resolve().parents[1] / "corpora" / "samples" / "compare"


@pytest.mark.parametrize("name", ["speech", "dongcheng.txt", "xishan.docx", "campaigns.txt"])
def test_a_stage_run_with_only_what_it_needs_finds_the_same(name: str, sample_txt: Path, tmp_path: Path) -> None:
    """NEEDS names every stage a stage reads: asked for one stage, the pipeline runs it and those it needs, and
    the stage finds what the whole pipeline finds (the numbers inside a campaign's name are no quantities)."""
    path = sample_txt if name == "speech" else COMPARE_SAMPLE / name
    if name == "campaigns.txt":
        path = tmp_path / name
        path.write_text("各乡镇要开展“5个100”工程，新建学校3所。\n", encoding="utf-8")
    whole = analyze(path)
    assert set(NEEDS) == {stage for stage, _ in STAGES}
    for stage, _ in STAGES:
        alone = analyze(path, stages={stage})
        assert set(alone.items) == with_needs({stage}), stage
        assert alone.get(stage) == whole.get(stage), stage
    assert with_needs({"links"}) == {"campaigns", "quantities", "directives", "reports", "links"}


def test_an_unknown_stage_is_refused(sample_txt: Path) -> None:
    with pytest.raises(ValueError, match="no such stage: meetings"):
        analyze(sample_txt, stages={"targets", "meetings"})


def test_data_ships_inside_the_package() -> None:
    assert str(PACKAGE) in str(LEXICON_DIR)
    assert (PACKAGE / "data" / "models" / "sentence_classifier.json").is_file()


def test_an_added_extractor_reaches_every_output(monkeypatch: pytest.MonkeyPatch, sample_txt: Path) -> None:
    """The README's promise: one module, one line in STAGES, one dataclass — and JSON, the text summary and
    the archive carry the new items."""
    from dataclasses import dataclass

    import nlp.pipeline
    from nlp.batch.store import item_rows
    from nlp.export.text_out import summary
    from nlp.serialize import analysis_data

    @dataclass(frozen=True, kw_only=True)
    class Meeting:
        id: str
        text: str
        start: int
        end: int

    def extract(analysis: Analysis, ctx: Context) -> tuple[Meeting, ...]:
        return tuple(Meeting(id=f"m{n}", text=s.text, start=s.start, end=s.end)
                     for n, s in enumerate((s for s in analysis.sentences if "会议" in s.text), 1))

    monkeypatch.setattr(nlp.pipeline, "STAGES", (*STAGES, ("meetings", extract)))
    analysis = nlp.pipeline.analyze(sample_txt)
    data = analysis_data(analysis)
    assert data["meetings"] and list(data)[-1] == "meetings"
    assert all(data["text"][m["start"]:m["end"]] == m["text"] for m in data["meetings"])
    assert f"meetings: {len(data['meetings'])}" in summary(analysis)
    assert {r.kind for r in item_rows(data)} >= {"directive", "quantity", "meeting"}
