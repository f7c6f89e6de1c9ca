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

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.ingest import read_document
from nlp.segment.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
ANNOTATED = ROOT / "corpora" / "annotated"
GOLD = ROOT / "corpora" / "gold"
POLARITY = {"R+": "achievement", "R-": "shortfall", "R±": "mixed", "R0": "neutral"}
MODALITY = {"D": "should", "D!": "must", "D~": "strive"}
CAMPAIGN_KINDS = frozenset({"campaign", "campaign_group", "activity", "program", "mechanism", "recommendation",
                            "formulation"})
DEADLINE_KINDS = frozenset({"asap", "immediate", "end_of_year", "date", "recurring"})
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
        sent = parse_tags(tags, text, f"{path}:{lineno}")
        heading = any(t in ("H1", "H2", "H3") for t in sent.labels)
        if heading and paragraphs[-1]:
            paragraphs.append([])  # a heading or run-in point opens a paragraph
        paragraphs[-1].append(sent)
        if heading and text[-1] not in "。！？；;!?":
            paragraphs.append([])  # a heading line without a full stop is a paragraph of its own
    return headers, [p for p in paragraphs if p], links


def parse_tags(tags: str, text: str, where: str, extra: tuple[str, ...] = ()) -> Sentence:
    """Return the sentence `text` with the labels, actors and deadline of its tag string `tags`."""
    sent = Sentence(text=text, labels=[])
    for tag in re.findall(r"[@^][^\s@^]+|[^\s@^]+", tags):
        if tag.startswith("@"):
            sent.actors = [a for a in tag[1:].split(",") if a]
        elif tag.startswith("^"):
            phrase, _, kind = tag[1:].rpartition(":")
            if kind not in DEADLINE_KINDS:
                raise AnnotationError(f"{where}: deadline kind {kind!r}, expected one of {sorted(DEADLINE_KINDS)}")
            sent.deadline = {"text": phrase, "kind": kind}
        elif tag in MODALITY or tag in POLARITY or tag in ("O", "H1", "H2", "H3") or tag in extra:
            sent.labels.append(tag)
        else:
            raise AnnotationError(f"{where}: unknown label {tag!r}")
    if not text.strip():
        raise AnnotationError(f"{where}: empty sentence")
    if sent.deadline and sent.deadline["text"] not in text:
        raise AnnotationError(f"{where}: deadline {sent.deadline['text']!r} not in the sentence")
    for actor in sent.actors:
        if actor not in text:
            raise AnnotationError(f"{where}: actor {actor!r} not in the sentence")
    return sent


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
    campaigns = [campaign_entry(item, text, str(path))
                 for item in filter(None, (x.strip() for x in headers.get("campaigns", "").split(";")))]
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


def campaign_entry(item: str, text: str, where: str, with_text: bool = True) -> dict[str, Any]:
    """Return the gold campaign of one `[?]name:kind[:alias/alias]` item, with its mentions found in `text`."""
    borderline = item.startswith("?")
    name, kind, *rest = item.lstrip("?").split(":")
    name, kind = name.strip(), kind.strip()
    if kind not in CAMPAIGN_KINDS:
        raise AnnotationError(f"{where}: campaign {name!r} has kind {kind!r}, expected one of {sorted(CAMPAIGN_KINDS)}")
    aliases = [a.strip() for a in (rest[0].split("/") if rest else []) if a.strip()]
    mentions: list[dict[str, Any]] = []
    for form in [name, *aliases]:
        loose = "[“”‘’\"、]?".join(re.escape(ch) for ch in form)  # quotation marks may stand inside a name
        for m in re.finditer(loose, text):
            if not any(x["start"] <= m.start() < x["end"] for x in mentions):
                mention = {"start": m.start(), "end": m.end()}
                mentions.append({"text": m.group(0), **mention} if with_text else mention)
    if not mentions:
        raise AnnotationError(f"{where}: campaign {name!r} is not in the text")
    return {"name": name, "kind": kind, "aliases": [name, *aliases], "borderline": borderline,
            "mentions": sorted(mentions, key=lambda x: x["start"])}


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


# --- Third-party documents: annotated as offsets and labels, the text stays where it is ---------------------------
#
# A working file (kept outside the repository, since it quotes the document) holds one sentence per line:
# `INDEX<TAB>LABELS|sentence`, with the labels above plus `B` (a borderline directive), `BR` (a borderline
# report) and `%ROLE` on the first sentence of a part of the document with that role. Header lines:
# `#document: national/gwr_2024.txt`, `#sha256: …`, `#campaign: [?]名称:kind[:别名/别名]` (one per line),
# `#law: 名称`. `build_offsets` checks every sentence against the document and writes gold that holds
# offsets, labels and names only.

ROLES = ("preamble", "review", "problems", "plan", "glossary", "closing", "other")
OFFSET_TAGS = ("B", "BR", *(f"%{r}" for r in ROLES))
PREFILL_TAGS = {"directive": "D", "report": "R+", "other": "O"}


def document_sentences(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """Return the source text of a document and its sentences as source spans, as the tool splits them."""
    doc = read_document(path)
    spans = []
    for s in split_sentences(doc.text):
        a, b = doc.source_offset(s.start), doc.source_offset(s.end - 1)
        if a >= 0 and b >= 0:
            spans.append((a, b + 1))
    return doc.source_text, spans


def dump_offsets(path: Path, name: str, prefill: dict[str, Any] | None = None) -> str:
    """Return the working file of a document: its sentences, labelled from `prefill` gold where given."""
    source, spans = document_sentences(path)
    labels: dict[tuple[int, int], str] = {}
    if prefill:
        polarity = {(r["start"], r["end"]): r.get("polarity") for r in prefill.get("reports", [])}
        tag_of = {v: k for k, v in POLARITY.items()}
        for s in prefill.get("sentences", []):
            tag = PREFILL_TAGS[s["label"]]
            if s["label"] == "report":
                tag = tag_of.get(polarity.get((s["start"], s["end"]), "achievement"), "R+")
            labels[(s["start"], s["end"])] = tag
    lines = [f"#document: {name}", f"#sha256: {hashlib.sha256(path.read_bytes()).hexdigest()}"]
    for i, (a, b) in enumerate(spans):
        text = source[a:b].replace("\n", " ")
        lines.append(f"{i}\t{labels.get((a, b), '')}|{text}")
    return "\n".join(lines) + "\n"


def build_offsets(work: Path, corpus_root: Path, gold_dir: Path) -> dict[str, Any]:
    """Check a working file against its document and write `gold_dir/NAME.gold.json` (offsets and labels only)."""
    headers: dict[str, str] = {}
    campaign_items: list[str] = []
    laws: list[str] = []
    rows: list[tuple[int, str, str, int]] = []
    for lineno, raw in enumerate(work.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        if raw.startswith("#"):
            key, _, value = raw[1:].partition(":")
            key, value = key.strip(), value.strip()
            if key == "campaign":
                campaign_items.append(value)
            elif key == "law":
                laws.append(value)
            else:
                headers[key] = value
            continue
        index, tab, rest = raw.partition("\t")
        if not tab or "|" not in rest or not index.strip().isdigit():
            raise AnnotationError(f"{work}:{lineno}: expected INDEX<TAB>LABELS|sentence")
        tags, _, text = rest.partition("|")
        rows.append((int(index), tags, text, lineno))
    doc_path = corpus_root / headers["document"]
    source, spans = document_sentences(doc_path)
    if hashlib.sha256(doc_path.read_bytes()).hexdigest() != headers.get("sha256"):
        raise AnnotationError(f"{work}: {doc_path} is not the document this file annotates (sha256 differs)")
    if sorted(i for i, *_ in rows) != list(range(len(spans))):
        raise AnnotationError(f"{work}: the file must hold each of the {len(spans)} sentences once, in order")
    gold: dict[str, Any] = {
        "document": headers["document"], "source_sha256": headers["sha256"],
        "note": "Third-party text: offsets and labels only. Sentences as nlp splits them; every label read and "
                "assigned by the team per ../shared/spec/ANNOTATION.md.",
        "sections": [], "outline": [], "directives": [], "borderline_directives": [], "reports": [],
        "borderline_reports": [], "campaigns": [], "laws": laws, "sentences": [],
    }
    for index, tags, text, lineno in sorted(rows):
        a, b = spans[index]
        where = f"{work}:{lineno}"
        if source[a:b].replace("\n", " ") != text:
            raise AnnotationError(f"{where}: the sentence text differs from the document; edit labels only")
        sent = parse_tags(tags, source[a:b], where, OFFSET_TAGS)
        span = {"start": a, "end": b}
        modality = next((MODALITY[t] for t in sent.labels if t in MODALITY), None)
        polarity = next((POLARITY[t] for t in sent.labels if t in POLARITY), None)
        if not sent.labels:
            raise AnnotationError(f"{where}: no label")
        if modality:
            deadline = None
            if sent.deadline:
                rel = source[a:b].index(sent.deadline["text"])
                deadline = {"kind": sent.deadline["kind"], "start": a + rel, "end": a + rel + len(sent.deadline["text"])}
            gold["directives"].append({**span, "actors": sent.actors, "modality": modality, "deadline": deadline})
        elif "B" in sent.labels:
            gold["borderline_directives"].append(span)
        if polarity:
            gold["reports"].append({**span, "polarity": polarity})
        elif "BR" in sent.labels:
            gold["borderline_reports"].append(span)
        level = next((int(t[1]) for t in sent.labels if t in ("H1", "H2", "H3")), None)
        if level:
            gold["outline"].append({"level": level, **span})
        role = next((t[1:] for t in sent.labels if t.startswith("%")), None)
        if role:
            if gold["sections"]:
                gold["sections"][-1]["end"] = a
            gold["sections"].append({"start": a, "end": len(source), "role": role})
        gold["sentences"].append({**span, "label": label_of(sent.labels)})
    gold["campaigns"] = [campaign_entry(item, source, str(work), with_text=False) for item in campaign_items]
    gold_dir.mkdir(parents=True, exist_ok=True)
    out = gold_dir / f"{work.stem}.gold.json"
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return gold
