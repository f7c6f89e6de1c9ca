"""The command line's one-line errors, in Chinese for the web pages (every reader's message is known)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import nlp
from nlp.serve.messages import ADVICE, PROBLEMS, zh

PACKAGE = Path(nlp.__file__).resolve().parent


@pytest.mark.parametrize(("message", "expected"), [
    ("the file is 61.2 MiB, more than the 50 MiB limit; split it or raise --max-bytes",
     "文件大小 61.2 MiB，超过 50 MiB 的上限；请拆分文件，或以更大的 --max-bytes 启动 nlp serve"),
    ("a passage of 20,003 characters has no sentence end (。！？； or a line break), more than the 3,000 allowed; "
     "this is not running text: punctuate or split it",
     "有一段 20,003 个字符的文字没有句末标点或换行，超过 3,000 个字符的上限；这不是正常的行文，请加上标点或拆分"),
    ("unsupported format: a legacy Word .doc file; save it as .docx and analyse that",
     "不支持的格式：旧版 Word（.doc）文件；请另存为 .docx 后再上传"),
    ("the PDF has no text layer (a scan?); run OCR on it first, then analyse the result",
     "PDF 没有文字层（可能是扫描件）；请先做文字识别（OCR），再上传识别结果"),
    ("internal error: ValueError: boom", "内部错误：ValueError: boom"),
    ("something new; do this", "something new；do this"),  # unknown: shown as written, never lost
])
def test_zh(message: str, expected: str) -> None:
    assert zh(message) == expected


# what a field of an f-string message stands for, by the expression written in it
FIELDS = (("__name__", "ValueError"), ("mib(", "1.5 MiB"), ("suffix", ".xyz"), ("name", "word/document.xml"),
          ("encoding", "GB18030"), ("", "12"))


def _sample(node: ast.expr) -> str | None:
    """A message as it reads at run time: a string, or an f-string with its fields filled in as FIELDS says;
    None for anything else (`unsupported format: {what}` names formats its own patterns list)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if not isinstance(node, ast.JoinedStr):
        return None
    parts = []
    for value in node.values:
        if isinstance(value, ast.Constant):
            parts.append(str(value.value))
            continue
        field = ast.unparse(value)
        if "what" in field:
            return None
        parts.append(next(sample for key, sample in FIELDS if key in field))
    return "".join(parts)


def test_every_input_error_of_the_readers_is_translated() -> None:
    """Each problem and advice that the readers, the budgets and the batch walker write has a Chinese wording."""
    missing = []
    files = [*(PACKAGE / "ingest").rglob("*.py"), PACKAGE / "budget.py", PACKAGE / "pipeline.py",
             PACKAGE / "batch" / "walk.py", PACKAGE / "batch" / "pool.py"]
    for path in files:
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call) or getattr(node.func, "id", None) not in ("InputError", "BudgetError"):
                continue
            if len(node.args) >= 2:
                problem = _sample(node.args[1])
                if problem and not any(p.match(problem) for p, _ in PROBLEMS):
                    missing.append(problem)
            if len(node.args) > 2:
                advice = _sample(node.args[2])
                if advice and not any(advice.startswith(a) for a in ADVICE):
                    missing.append(advice)
    assert not missing, missing
