"""Hostile inputs of the audit, made at test time (nothing large is committed).

Each generator takes a folder and a size factor `n` (1 = the size the tests use; the audit's sizes are given in
each docstring) and returns the path it wrote. `scripts`-free: plain zipfile, zlib and hand-written PDF objects,
so that a generator costs well under a second.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DOCX = ROOT / "corpora" / "samples" / "sample_speech.docx"
SAMPLE_TXT = ROOT / "corpora" / "samples" / "sample_speech.txt"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# --- plain text -------------------------------------------------------------------------------------------------

def _text(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def yao_run(tmp: Path, n: float = 1) -> Path:
    """要 repeated without punctuation (audit: 60 KB, 140 s): quadratic in directives' actor search."""
    return _text(tmp, "yao.txt", "各单位" + "要" * int(4000 * n) + "。\n")


def yao_sentences(tmp: Path, n: float = 1) -> Path:
    """要 as many short sentences in one paragraph: every modal marker looks back for its actors."""
    return _text(tmp, "yao_sentences.txt", "各单位要加强。" * int(20000 * n) + "\n")


def yi_run(tmp: Path, n: float = 1) -> Path:
    """一 repeated (audit: 80 k, 52 s): numerals and run-in markers."""
    return _text(tmp, "yi.txt", "一" * int(4000 * n) + "\n")


def no_punctuation(tmp: Path, n: float = 1) -> Path:
    """Han text without any punctuation (audit: 100 KB, 52 s): one endless sentence."""
    rng = random.Random(7)
    words = ["加强", "工作", "推进", "发展", "建设", "全面", "深化", "改革", "各单位", "要", "落实", "责任", "三个", "万元"]
    return _text(tmp, "nopunct.txt", "".join(rng.choice(words) for _ in range(int(2000 * n))) + "\n")


def single_line(tmp: Path, n: float = 1) -> Path:
    """A whole document on one line, sentences and all (audit: 45 MB, > 400 s and 6 GB)."""
    sentence = "各单位要加强安全生产工作，确保全年事故起数下降10%。"
    return _text(tmp, "one_line.txt", sentence * int(200 * n))


def huge_single_line(tmp: Path, n: float = 1) -> Path:
    """45 MB on one line at n = 1: more characters than any document."""
    sentence = "各单位要加强安全生产工作，确保全年事故起数下降10%。"
    count = int(45e6 * n / len(sentence.encode()))
    path = tmp / "huge_line.txt"
    with path.open("w", encoding="utf-8") as fh:
        block = sentence * 1000
        for _ in range(count // 1000):
            fh.write(block)
    return path


def many_paragraphs(tmp: Path, n: float = 1) -> Path:
    """Short paragraphs (audit: 200 k paragraphs, 84 s)."""
    return _text(tmp, "paragraphs.txt", "".join(f"第{i}项工作要落实。\n" for i in range(int(20000 * n))))


def many_numbered(tmp: Path, n: float = 1) -> Path:
    """Numbered points 1. 2. 3. …: an outline as long as the document."""
    return _text(tmp, "numbered.txt", "".join(f"{i}.要落实第{i}项工作。\n" for i in range(1, int(20000 * n) + 1)))


def quotes_unclosed(tmp: Path, n: float = 1) -> Path:
    """An opening quote that never closes, then many sentences: a sentence splitter may look for it each time."""
    return _text(tmp, "quotes.txt", "“" + "要加强工作。“" * int(10000 * n) + "\n")


def campaigns_many(tmp: Path, n: float = 1) -> Path:
    """Quoted names and …专项行动 over and over: campaign aliases compared pairwise."""
    return _text(tmp, "campaigns.txt",
                 "".join(f"要开展“清风{i}号”专项行动和雷霆{i}专项行动。\n" for i in range(int(3000 * n))))


def links_many(tmp: Path, n: float = 1) -> Path:
    """A directive part and a review part of equal length: links compare every directive with every report."""
    k = int(2000 * n)
    review = "".join(f"全年完成道路建设{i}公里，新增就业{i}万人。\n" for i in range(k))
    plan = "".join(f"要推进道路建设{i}公里，新增就业{i}万人。\n" for i in range(k))
    return _text(tmp, "links.txt", "政府工作报告\n一、过去一年工作回顾\n" + review + "二、今年工作安排\n" + plan)


def control_characters(tmp: Path, n: float = 1) -> Path:
    """A speech with a few control characters (below the binary threshold) and terminal escapes."""
    text = SAMPLE_TXT.read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[5] = lines[5].replace("要", "\x1b[31m要\x1b[0m\x07", 1)
    lines[8] = "\x0b" + lines[8] + "\x0c\x1f"
    return _text(tmp, "control.txt", "\n".join(lines))


FORMULAS = ('=HYPERLINK("http://example.invalid/x","点击")各单位要加强工作。',
            "+cmd|' /C calc'!A0各单位要落实责任。",
            "@SUM(1+1)*cmd|' /C calc'!A0各部门要抓好落实。",
            "-2+3+cmd|' /C calc'!A0各乡镇要加快进度。",
            "\t=1+1各单位要确保安全。")


def formulas(tmp: Path, n: float = 1) -> Path:
    """Directives that begin like spreadsheet formulas (=, +, -, @, tab)."""
    return _text(tmp, "formulas.txt", "在全县工作会议上的讲话\n" + "\n".join(FORMULAS) + "\n")


# --- Word files ---------------------------------------------------------------------------------------------------

def _docx_with(tmp: Path, name: str, replace: dict[str, bytes], src: Path = SAMPLE_DOCX) -> Path:
    path = tmp / name
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
        for extra in set(replace) - set(zin.namelist()):
            zout.writestr(extra, replace[extra])
    return path


def _body(xml: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{xml}</w:body></w:document>'.encode()


def nested_tables(tmp: Path, n: float = 1, depth: int = 6, width: int = 6) -> Path:
    """Tables nested `depth` deep, `width` cells a row, text in every cell (audit: 6 × 6, 68 KB → 9.5 M characters,
    266 s, 4.6 GB, since nested cells were collected once per level). `n` scales the width of the innermost level."""
    def table(level: int) -> str:
        cells = []
        for i in range(width if level < depth else max(1, int(width * n))):
            inner = table(level + 1) if level < depth else ""
            cells.append(f"<w:tc><w:p><w:r><w:t>第{level}层第{i}格要落实</w:t></w:r></w:p>{inner}<w:p/></w:tc>")
        return f"<w:tbl><w:tr>{''.join(cells)}</w:tr></w:tbl>"
    return _docx_with(tmp, "nested.docx", {"word/document.xml": _body("<w:p><w:r><w:t>标题</w:t></w:r></w:p>"
                                                                       + table(1))})


def deep_tables(tmp: Path, n: float = 1) -> Path:
    """One cell a level, nested far deeper than any real document."""
    depth = int(200 * n)
    xml = "".join("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>要落实</w:t></w:r></w:p>" for _ in range(depth))
    xml += "".join("</w:tc></w:tr></w:tbl>" for _ in range(depth))
    return _docx_with(tmp, "deep.docx", {"word/document.xml": _body(xml)})


def _patch_zip(data: bytes, name: str, *, crc: int | None = None, size: int | None = None) -> bytes:
    """Overwrite the CRC or the declared uncompressed size of entry `name`, in its local and central headers."""
    out = bytearray(data)
    encoded = name.encode()
    for sig, crc_at, size_at, name_len_at, name_at in ((b"PK\x03\x04", 14, 22, 26, 30), (b"PK\x01\x02", 16, 24, 28, 46)):
        pos = out.find(sig)
        while pos >= 0:
            length = struct.unpack_from("<H", out, pos + name_len_at)[0]
            if bytes(out[pos + name_at:pos + name_at + length]) == encoded:
                if crc is not None:
                    struct.pack_into("<I", out, pos + crc_at, crc)
                if size is not None:
                    struct.pack_into("<I", out, pos + size_at, size)
            pos = out.find(sig, pos + 4)
    return bytes(out)


def lying_docx(tmp: Path, n: float = 1) -> Path:
    """A docx whose headers claim 10 KB for a document.xml that inflates to 256 MB × n (audit: 1 GB, 2 GB used)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>'.encode()
    chunks = [comp.compress(head)]
    block = "要".encode() * (1 << 18)
    for _ in range(int(256 * n * (1 << 20)) // len(block)):
        chunks.append(comp.compress(block))
    chunks.append(comp.compress(b"</w:t></w:r></w:p></w:body></w:document>"))
    chunks.append(comp.flush())
    deflated = b"".join(chunks)
    with zipfile.ZipFile(SAMPLE_DOCX) as zin:
        parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    data = _raw_entry_zip(parts | {"word/document.xml": None}, "word/document.xml", deflated, claimed=10_240)
    path = tmp / "lying.docx"
    path.write_bytes(data)
    return path


def _raw_entry_zip(parts: dict[str, bytes | None], raw_name: str, deflated: bytes, claimed: int) -> bytes:
    """A zip whose entry `raw_name` holds the given raw deflate stream and claims `claimed` bytes, CRC 0."""
    out = io.BytesIO()
    central = []
    for name, blob in parts.items():
        encoded = name.encode()
        offset = out.tell()
        if name == raw_name:
            body, size, crc = deflated, claimed, 0
        else:
            assert blob is not None
            comp = zlib.compressobj(6, zlib.DEFLATED, -15)
            body = comp.compress(blob) + comp.flush()
            size, crc = len(blob), zlib.crc32(blob)
        out.write(struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(body), size, len(encoded), 0))
        out.write(encoded + body)
        central.append(struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(body), size,
                                   len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def bad_crc_docx(tmp: Path, n: float = 1) -> Path:
    """The sample speech with a wrong CRC for word/document.xml."""
    path = tmp / "badcrc.docx"
    path.write_bytes(_patch_zip(SAMPLE_DOCX.read_bytes(), "word/document.xml", crc=0x12345678))
    return path


def _numbering(tmp: Path, name: str, ilvl: str, start: str) -> Path:
    with zipfile.ZipFile(SAMPLE_DOCX) as z:
        numbering = z.read("word/numbering.xml").decode()
        document = z.read("word/document.xml").decode()
    numbering = numbering.replace('<w:start w:val="1"/>', f'<w:start w:val="{start}"/>')
    document = document.replace('<w:ilvl w:val="1"/>', f'<w:ilvl w:val="{ilvl}"/>')
    return _docx_with(tmp, name, {"word/numbering.xml": numbering.encode(), "word/document.xml": document.encode()})


def numbering_huge(tmp: Path, n: float = 1) -> Path:
    """numbering.xml with a huge list level and a huge start number."""
    return _numbering(tmp, "numbering_huge.docx", "99999999999", "999999999999")


def numbering_garbage(tmp: Path, n: float = 1) -> Path:
    """numbering.xml with non-integer level and start."""
    return _numbering(tmp, "numbering_garbage.docx", "x", "one")


def password_docx(tmp: Path, n: float = 1) -> Path:
    """A password-protected Word file: an OLE compound file holding EncryptionInfo and EncryptedPackage."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    names = b"".join(s.encode("utf-16-le") + b"\x00\x00" for s in ("EncryptionInfo", "EncryptedPackage"))
    path = tmp / "protected.docx"
    path.write_bytes(header + names + b"\x00" * 4096)
    return path


# --- PDF ---------------------------------------------------------------------------------------------------------

def _pdf(path: Path, page_streams: list[bytes], pages: int | None = None, deflate: bool = True) -> Path:
    """Write a PDF: one content stream per entry of `page_streams`, or `pages` pages sharing the first stream."""
    objects: list[bytes] = []
    count = pages or len(page_streams)
    streams = page_streams[:1] if pages else page_streams
    first_stream = 4
    first_page = first_stream + len(streams)
    kids = " ".join(f"{first_page + i} 0 R" for i in range(count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for s in streams:
        body = zlib.compress(s, 9) if deflate else s
        filt = b" /Filter /FlateDecode" if deflate else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(body), filt) + body + b"\nendstream")
    for i in range(count):
        content = first_stream + (0 if pages else i)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>".encode())
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())
    return path


TEXT_OPS = b"BT /F1 12 Tf 72 720 Td (Work report page) Tj ET\n"


def pdf_flate_bomb(tmp: Path, n: float = 1) -> Path:
    """A content stream that inflates to 128 MB × n of operators (audit: 612 KB → > 300 s)."""
    path = tmp / "flatebomb.pdf"
    comp = zlib.compressobj(9)
    block = b"0 0 m\n" * (1 << 16)
    body = comp.compress(TEXT_OPS) + b"".join(comp.compress(block) for _ in range(int(128 * n * (1 << 20))
                                                                                  // len(block)))
    body += comp.flush()
    objects_stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"
    data = _pdf(path, [b"x"]).read_bytes()
    placeholder = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(zlib.compress(b"x", 9))
    start = data.index(placeholder)
    end = data.index(b"\nendstream", start) + len(b"\nendstream")
    return _pdf_with_object(path, data[:start] + objects_stream + data[end:])


def _pdf_with_object(path: Path, data: bytes) -> Path:
    """Rewrite the xref offsets after an object changed size (objects are found by `N 0 obj`)."""
    head, _, _ = data.rpartition(b"xref\n")
    count = head.count(b" 0 obj\n")
    offsets = []
    for n in range(1, count + 1):
        offsets.append(head.index(b"\n%d 0 obj\n" % n) + 1)
    out = io.BytesIO()
    out.write(head)
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (count + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count + 1, len(head)))
    path.write_bytes(out.getvalue())
    return path


def pdf_many_pages(tmp: Path, n: float = 1) -> Path:
    """2,000 × n pages of one line each (audit: 2,000 pages, 155 s and 3.5 GB)."""
    return _pdf(tmp / "pages.pdf", [TEXT_OPS], pages=int(2000 * n))


def pdf_rectangles(tmp: Path, n: float = 1) -> Path:
    """1 M × n rectangles on one page (audit: 253 s)."""
    ops = TEXT_OPS + b"1 1 1 1 re f\n" * int(1_000_000 * n)
    return _pdf(tmp / "rects.pdf", [ops])


# --- web pages ----------------------------------------------------------------------------------------------------

def web_page(tmp: Path, n: float = 1) -> Path:
    """A 12 MB × n web page of paragraphs (audit: 12 MB, 2 GB)."""
    para = "<div class=\"c\"><p>各单位要加强安全生产工作，确保全年事故起数下降。</p></div>\n"
    count = int(12e6 * n / len(para.encode()))
    path = tmp / "big.html"
    path.write_text("<!DOCTYPE html><html><head><title>讲话</title></head><body>" + para * count
                    + "</body></html>", encoding="utf-8")
    return path


# --- batch ----------------------------------------------------------------------------------------------------------

def fifo(tmp: Path, n: float = 1) -> Path:
    path = tmp / "pipe.txt"
    os.mkfifo(path)
    return path


def dev_zero_link(tmp: Path, n: float = 1) -> Path:
    path = tmp / "zero.txt"
    path.symlink_to("/dev/zero")
    return path


def passwd_link(tmp: Path, n: float = 1) -> Path:
    path = tmp / "passwd.txt"
    path.symlink_to("/etc/passwd")
    return path


def bad_crc_zip(tmp: Path, n: float = 1) -> Path:
    """A zip whose middle entry has a wrong CRC; the entries around it are good."""
    text = SAMPLE_TXT.read_text(encoding="utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", text.replace("清河", "甲河"))
        z.writestr("b.txt", text.replace("清河", "乙河"))
        z.writestr("c.txt", text.replace("清河", "丙河"))
    path = tmp / "badcrc.zip"
    path.write_bytes(_patch_zip(buf.getvalue(), "b.txt", crc=0xDEADBEEF))
    return path


def lying_zip(tmp: Path, n: float = 1) -> Path:
    """A batch zip holding the lying docx between two good documents."""
    text = SAMPLE_TXT.read_text(encoding="utf-8")
    inner = lying_docx(tmp, n).read_bytes()
    path = tmp / "lying.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("a.txt", text.replace("清河", "丁河"))
        z.writestr("lying.docx", inner)
        z.writestr("z.txt", text.replace("清河", "戊河"))
    return path
