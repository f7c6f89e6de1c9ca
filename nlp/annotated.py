"""The team's annotated documents: a line-per-sentence source format built into text and gold JSON.

A source file `corpora/annotated/NAME.ann` holds one sentence per line, paragraphs separated by blank
lines, each line `LABELS|sentence`. Labels, separated by spaces:

- `O` other; `D` directive (should), `D!` must, `D~` strive; `R+` `R-` `R±` `R0` report
  (achievement, shortfall, mixed, neutral); `H1` `H2` `H3` a heading or run-in point of that level;
- `@甲,乙` the actors written in a directive; `^年内:end_of_year` its deadline phrase and kind.

Header lines: `#title: …`, `#campaigns: 名称:kind:别名/别名; …` (a leading `?` marks a borderline one), `#laws: 甲; 乙`, `#link: part of a directive => part of a report,, part of another :status`.
`build` writes NAME.txt (the document) and corpora/gold/NAME.gold.json in the gold format of
../shared/gold, with offsets into NAME.txt.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ANNOTATED = ROOT / "corpora" / "annotated"
GOLD = ROOT / "corpora" / "gold"
POLARITY = {"R+": "achievement", "R-": "shortfall", "R±": "mixed", "R0": "neutral"}
MODALITY = {"D": "should", "D!": "must", "D~": "strive"}
MARKER = re.compile(r"^(第[一二三四五六七八九十]+(?:部分|章)\s*|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|"
                    r"[一二三四五六七八九十]+(?:是|要)|\d{1,2}[.．、]|[（(]\d{1,2}[)）]|首先，|其次，|最后，|第[一二三四五六七八九十]+，)")


@dataclass
class Sentence:
    text: str
    labels: list[str]
    actors: list[str] = field(default_factory=list)
    deadline: dict[str, str] | None = None
    start: int = 0
    end: int = 0


class AnnotationError(ValueError):
    pass


def parse(path: Path) -> tuple[dict[str, str], list[list[Sentence]], list[str]]:
    """Return (headers, paragraphs of sentences, link lines) of a .ann file."""
    headers: dict[str, str] = {}
    links: list[str] = []
    paragraphs: list[list[Sentence]] = [[]]
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if line.startswith("#link:"):
            links.append(line[len("#link:"):].strip())
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            headers[key.strip()] = value.strip()
            continue
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        if "|" not in line:
            raise AnnotationError(f"{path}:{lineno}: expected LABELS|sentence")
        tags, _, text = line.partition("|")
        sent = Sentence(text=text, labels=[])
        for tag in re.findall(r"[@^][^\s@^]+|[^\s@^]+", tags):
            if tag.startswith("@"):
                sent.actors = [a for a in tag[1:].split(",") if a]
            elif tag.startswith("^"):
                phrase, _, kind = tag[1:].rpartition(":")
                sent.deadline = {"text": phrase, "kind": kind}
            elif tag in MODALITY or tag in POLARITY or tag in ("O", "H1", "H2", "H3"):
                sent.labels.append(tag)
            else:
                raise AnnotationError(f"{path}:{lineno}: unknown label {tag!r}")
        if not text.strip():
            raise AnnotationError(f"{path}:{lineno}: empty sentence")
        if sent.deadline and sent.deadline["text"] not in text:
            raise AnnotationError(f"{path}:{lineno}: deadline {sent.deadline['text']!r} not in the sentence")
        for actor in sent.actors:
            if actor not in text:
                raise AnnotationError(f"{path}:{lineno}: actor {actor!r} not in the sentence")
        heading = any(t in ("H1", "H2", "H3") for t in sent.labels)
        if heading and paragraphs[-1]:
            paragraphs.append([])  # a heading or run-in point opens a paragraph
        paragraphs[-1].append(sent)
        if heading and text[-1] not in "。！？；;!?":
            paragraphs.append([])  # a heading line without a full stop is a paragraph of its own
    return headers, [p for p in paragraphs if p], links


def build(path: Path, gold_dir: Path = GOLD) -> dict[str, Any]:
    """Write the document text beside the .ann file and its gold JSON; return the gold."""
    headers, paragraphs, link_lines = parse(path)
    lines: list[str] = []
    pos = 0
    sentences: list[Sentence] = []
    for para in paragraphs:
        line = ""
        for sent in para:
            sent.start = pos + len(line)
            line += sent.text
            sent.end = pos + len(line)
            sentences.append(sent)
        lines.append(line)
        pos += len(line) + 1
    text = "\n".join(lines) + "\n"
    doc_path = path.with_suffix(".txt")
    doc_path.write_text(text, encoding="utf-8")

    def span(s: Sentence) -> dict[str, Any]:
        return {"text": s.text, "start": s.start, "end": s.end}

    directives, reports, outline = [], [], []
    for s in sentences:
        assert text[s.start:s.end] == s.text
        modality = next((MODALITY[t] for t in s.labels if t in MODALITY), None)
        if modality:
            directives.append({**span(s), "actors": s.actors, "modality": modality, "deadline": s.deadline})
        polarity = next((POLARITY[t] for t in s.labels if t in POLARITY), None)
        if polarity:
            reports.append({**span(s), "polarity": polarity})
        level = next((int(t[1]) for t in s.labels if t in ("H1", "H2", "H3")), None)
        if level:
            m = MARKER.match(s.text)
            if not m:
                raise AnnotationError(f"{path}: heading without a marker: {s.text}")
            outline.append({"level": level, **span(s)})
    campaigns = []
    for item in filter(None, (x.strip() for x in headers.get("campaigns", "").split(";"))):
        borderline = item.startswith("?")
        name, kind, *rest = item.lstrip("?").split(":")
        aliases = [a for a in (rest[0].split("/") if rest else []) if a]
        mentions = []
        for form in [name, *aliases]:
            loose = "[“”‘’\"、]?".join(re.escape(ch) for ch in form)  # quotation marks may stand inside a name
            for m in re.finditer(loose, text):
                if not any(x["start"] <= m.start() < x["end"] for x in mentions):
                    mentions.append({"text": m.group(0), "start": m.start(), "end": m.end()})
        if not mentions:
            raise AnnotationError(f"{path}: campaign {name!r} is not in the text")
        campaigns.append({"name": name, "kind": kind, "aliases": [name, *aliases], "borderline": borderline,
                          "mentions": sorted(mentions, key=lambda x: x["start"])})
    links = []
    for line in link_lines:
        left, _, right = line.partition("=>")
        reports_part, _, status = right.rpartition(":")
        d = _find(sentences, left.strip(), path)
        rs = [_find(sentences, r.strip(), path) for r in reports_part.split(",,")]
        links.append({"directive": d.text, "reports": [r.text for r in rs], "status": status.strip()})
    gold = {
        "document": doc_path.name,
        "title": headers.get("title"),
        "outline": outline,
        "directives": directives,
        "borderline_directives": [],
        "reports": reports,
        "links": links,
        "campaigns": campaigns,
        "laws": [x.strip() for x in headers.get("laws", "").split(";") if x.strip()],
        "sentences": [{**span(s), "label": label_of(s.labels)} for s in sentences],
    }
    gold_dir.mkdir(parents=True, exist_ok=True)
    (gold_dir / f"{path.stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                     encoding="utf-8")
    return gold


def label_of(labels: list[str]) -> str:
    """Return the classifier label of a sentence: directive, report or other."""
    if any(t in MODALITY for t in labels):
        return "directive"
    if any(t in POLARITY for t in labels):
        return "report"
    return "other"


def _find(sentences: list[Sentence], part: str, path: Path) -> Sentence:
    for s in sentences:
        if part in s.text:
            return s
    raise AnnotationError(f"{path}: no sentence contains {part!r}")


def build_all(folder: Path = ANNOTATED, gold_dir: Path = GOLD) -> list[Path]:
    built = []
    for path in sorted(folder.glob("*.ann")):
        build(path, gold_dir)
        built.append(path)
    return built
