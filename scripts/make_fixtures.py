"""Regenerate the committed docx/PDF/HTML versions of corpora/samples/sample_speech.txt.

Run from the repository root: python scripts/make_fixtures.py (needs the `test` extra for reportlab).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fixturegen import make_docx, make_html, make_pdf  # noqa: E402

HEADER = "清河县公安局 2024年全县公安工作会议材料"


def main() -> None:
    samples = ROOT / "corpora" / "samples"
    text = (samples / "sample_speech.txt").read_text(encoding="utf-8")
    make_docx(text, samples / "sample_speech.docx", HEADER)
    make_pdf(text, samples / "sample_speech.pdf", HEADER)
    make_html(text, samples / "sample_speech.html")
    print("wrote", ", ".join(p.name for p in sorted(samples.glob("sample_speech.*"))))


if __name__ == "__main__":
    main()
