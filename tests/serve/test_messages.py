"""The command line's one-line errors, in Chinese for the web pages (every reader's message is known)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import nlp
from nlp.serve.messages import ADVICE, PROBLEMS, zh

PACKAGE = Path(nlp.__file__).resolve().parent


@pytest.mark.parametrize(("message", "expected"), [
    ("the file is 61.2 MB, more than the 50 MB limit; split it or raise --max-bytes",
     "文件大小 61.2 MB，超过 50 MB 的上限；请拆分文件，或以更大的 --max-bytes 启动 nlp serve"),
    ("unsupported format: a legacy Word .doc file; save it as .docx and analyse that",
     "不支持的格式：旧版 Word（.doc）文件；请另存为 .docx 后再上传"),
    ("the PDF has no text layer (a scan?); run OCR on it first, then analyse the result",
     "PDF 没有文字层（可能是扫描件）；请先做文字识别（OCR），再上传识别结果"),
    ("internal error: ValueError: boom", "内部错误：ValueError: boom"),
    ("something new; do this", "something new；do this"),  # unknown: shown as written, never lost
])
def test_zh(message: str, expected: str) -> None:
    assert zh(message) == expected


def test_every_input_error_of_the_readers_is_translated() -> None:
    """Each literal problem and advice that nlp.ingest raises has a Chinese wording."""
    missing = []
    for path in (PACKAGE / "ingest").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "InputError" and len(node.args) >= 2:
                problem = node.args[1]
                if isinstance(problem, ast.Constant) and not any(p.match(problem.value) for p, _ in PROBLEMS):
                    missing.append(problem.value)
                if len(node.args) > 2 and isinstance(node.args[2], ast.Constant) and node.args[2].value:
                    if not any(node.args[2].value.startswith(a) for a in ADVICE):
                        missing.append(node.args[2].value)
    assert not missing, missing
