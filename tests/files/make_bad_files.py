#!/usr/bin/env python3
"""Generate small "bad" / edge-case input fixtures for the PDF/DOCX ingestion tests.

Requirements
------------
Python 3.9+ with these packages:

    reportlab      (PDFs with the built-in CID font STSong-Light)
    pypdf          (encrypts encrypted.pdf; needs "cryptography" for AES)
    python-docx    (notice-short.docx)
    Pillow         (optional: draws the raster image for scanned.pdf; a
                    plain-Python fallback is used if Pillow is missing)
    pdfplumber     (optional: only for ``--verify``)

e.g.  python3 -m venv /tmp/pubvenv
      /tmp/pubvenv/bin/pip install reportlab pypdf cryptography pdfplumber python-docx pillow

How to run
----------
    /tmp/pubvenv/bin/python tests/files/make_bad_files.py            # (re)write the files
    /tmp/pubvenv/bin/python tests/files/make_bad_files.py --verify   # ... and check them

All files are written next to this script (tests/files/), overwriting
previous versions; output is deterministic (reportlab ``invariant=1``,
fixed random seeds), so re-running produces identical bytes (except
encrypted.pdf, whose file ID / AES IVs are random, and notice-short.docx,
whose zip timestamps follow the clock).

Files produced
--------------
scanned.pdf         2 A4 pages, each only a raster image, no text objects
encrypted.pdf       the notice, STSong-Light, AES-128, user pw "fengong", owner pw "owner"
notice-short.pdf    the notice, STSong-Light, not encrypted (control)
truncated.pdf       first 60% of the bytes of notice-short.pdf
not-a-pdf.pdf       UTF-8 text (the notice) with a .pdf name
cid-only.pdf        3 pages, Type0/Identity-H font without ToUnicode -> "(cid:N)"
partly-cid.pdf      3 pages; pages 1,3 readable (ToUnicode), page 2 "(cid:N)" only
legacy.doc          OLE2 compound file signature + zero bytes
not-a-zip.docx      plain text with a .docx name
notice-short.docx   the notice as paragraphs + 3-column table
"""
from __future__ import annotations

import io
import os
import random
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

NOTICE_LINES = [
    "附件1：",
    "一、基本原则",
    "1、依法行政。健全依法决策机制。（牵头单位：市司法局，配合单位：市各有关部门）",
    "2、政务公开。多途径依法公开政务信息。（牵头单位：市政府办公室）",
]
NOTICE_TEXT = "\n".join(NOTICE_LINES) + "\n"

USER_PASSWORD = "fengong"
OWNER_PASSWORD = "owner"


def out(name: str) -> str:
    return os.path.join(HERE, name)


def write_bytes(name: str, data: bytes) -> None:
    with open(out(name), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------------------
# reportlab helpers
# ---------------------------------------------------------------------------

def _wrap(text: str, width: int) -> list[str]:
    """Split a CJK line into chunks of at most ``width`` characters."""
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def _notice_pdf(path_or_buf) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(path_or_buf, pagesize=A4, invariant=1)
    c.setFont("STSong-Light", 12)
    y = A4[1] - 72
    for line in NOTICE_LINES:
        # keep each source line on one PDF line (fits A4 at 12pt: <= 40 chars)
        for chunk in _wrap(line, 40):
            c.drawString(60, y, chunk)
            y -= 20
    c.showPage()
    c.save()


def make_notice_short_pdf() -> None:
    _notice_pdf(out("notice-short.pdf"))


def make_encrypted_pdf() -> None:
    # NB: reportlab's own encrypt=StandardEncryption(...) leaves strings inside
    # font dictionaries (e.g. CIDSystemInfo /Registry (Adobe) /Ordering (GB1))
    # unencrypted; pdfminer then "decrypts" them into garbage and the text comes
    # out as (cid:N).  So build the plain PDF with reportlab and let pypdf
    # encrypt the whole file properly (AES-128, /V 4 /R 4).
    from pypdf import PdfReader
    from pypdf import PdfWriter as PypdfWriter

    buf = io.BytesIO()
    _notice_pdf(buf)
    buf.seek(0)
    writer = PypdfWriter(clone_from=PdfReader(buf))
    writer.encrypt(user_password=USER_PASSWORD, owner_password=OWNER_PASSWORD,
                   algorithm="AES-128")
    with open(out("encrypted.pdf"), "wb") as f:
        writer.write(f)


def make_truncated_pdf() -> None:
    with open(out("notice-short.pdf"), "rb") as f:
        data = f.read()
    write_bytes("truncated.pdf", data[: int(len(data) * 0.6)])


# ---------------------------------------------------------------------------
# Hand-written PDFs with Type0 / Identity-H fonts
# ---------------------------------------------------------------------------

class PdfWriter:
    """Tiny PDF writer: objects are added as bytes, xref computed on save."""

    def __init__(self) -> None:
        self.objs: list[bytes | None] = []

    def reserve(self) -> int:
        self.objs.append(None)
        return len(self.objs)

    def set(self, num: int, body: bytes) -> None:
        self.objs[num - 1] = body

    def add(self, body: bytes) -> int:
        num = self.reserve()
        self.set(num, body)
        return num

    def add_stream(self, data: bytes, extra: bytes = b"", compress=True) -> int:
        if compress:
            data = zlib.compress(data, 9)
            extra = extra + b"/Filter /FlateDecode "
        return self.add(b"<< " + extra + b"/Length %d >>\nstream\n" % len(data)
                        + data + b"\nendstream")

    def save(self, path: str, root: int, info: int | None = None) -> None:
        buf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objs, 1):
            assert body is not None, f"object {i} never set"
            offsets.append(len(buf))
            buf += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        xref = len(buf)
        buf += b"xref\n0 %d\n" % (len(self.objs) + 1)
        buf += b"0000000000 65535 f \n"
        for off in offsets:
            buf += b"%010d 00000 n \n" % off
        trailer = b"/Size %d /Root %d 0 R" % (len(self.objs) + 1, root)
        if info:
            trailer += b" /Info %d 0 R" % info
        buf += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
        with open(path, "wb") as f:
            f.write(bytes(buf))


def _type0_font(w: PdfWriter, base: bytes, tounicode: int | None) -> int:
    """Type0 font, Identity-H, CIDFontType2 descendant, no embedded font program."""
    desc = w.add(b"<< /Type /FontDescriptor /FontName /" + base +
                 b" /Flags 4 /FontBBox [0 -140 1000 880] /ItalicAngle 0"
                 b" /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid = w.add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + base +
                b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity)"
                b" /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000"
                b" /CIDToGIDMap /Identity >>" % desc)
    body = (b"<< /Type /Font /Subtype /Type0 /BaseFont /" + base +
            b" /Encoding /Identity-H /DescendantFonts [%d 0 R]" % cid)
    if tounicode:
        body += b" /ToUnicode %d 0 R" % tounicode
    return w.add(body + b" >>")


def _tounicode_cmap(mapping: dict[int, str]) -> bytes:
    lines = [
        b"/CIDInit /ProcSet findresource begin",
        b"12 dict begin",
        b"begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def",
        b"/CMapType 2 def",
        b"1 begincodespacerange",
        b"<0000> <FFFF>",
        b"endcodespacerange",
    ]
    items = sorted(mapping.items())
    for i in range(0, len(items), 100):
        block = items[i:i + 100]
        lines.append(b"%d beginbfchar" % len(block))
        for gid, ch in block:
            lines.append(b"<%04X> <%s>" % (gid, ch.encode("utf-16-be").hex().upper().encode()))
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop",
              b"end", b"end"]
    return b"\n".join(lines) + b"\n"


def _content(font: bytes, lines: list[list[int]], size=12, x=60, y0=770,
             leading=20) -> bytes:
    ops = [b"BT", b"/%s %d Tf" % (font, size), b"%d TL" % leading,
           b"%d %d Td" % (x, y0)]
    for i, gids in enumerate(lines):
        if i:
            ops.append(b"T*")
        # glyph ids as hex, space separated like "<0123 0456>"
        ops.append(b"<" + b" ".join(b"%04X" % g for g in gids) + b"> Tj")
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def _garbage_lines(seed: int, n_lines=10, n_glyphs=20) -> list[list[int]]:
    rnd = random.Random(seed)
    return [[rnd.randint(0x0100, 0x1FFF) for _ in range(n_glyphs)]
            for _ in range(n_lines)]


def _pages(w: PdfWriter, contents: list[bytes], fonts: dict[bytes, int]) -> int:
    pages_num = w.reserve()
    font_dict = b" ".join(b"/%s %d 0 R" % (k, v) for k, v in fonts.items())
    kids = []
    for data in contents:
        c = w.add_stream(data)
        kids.append(w.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842]"
                          b" /Resources << /Font << %s >> /ProcSet [/PDF /Text] >>"
                          b" /Contents %d 0 R >>" % (pages_num, font_dict, c)))
    w.set(pages_num, b"<< /Type /Pages /Count %d /Kids [%s] >>"
          % (len(kids), b" ".join(b"%d 0 R" % k for k in kids)))
    return w.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_num)


def _info(w: PdfWriter, title: str) -> int:
    return w.add(b"<< /Producer (make_bad_files.py) /Title (%s) >>" % title.encode())


# ---------------------------------------------------------------------------
# scanned.pdf: image-only pages (hand-written; uses PdfWriter below)
# ---------------------------------------------------------------------------

def _scan_image(seed: int, w: int = 420, h: int = 594) -> bytes:
    """Raw 8-bit greyscale pixels of a fake "scanned page": light grey
    background, a frame, a dark title bar, dark strips for text lines and a
    circle for a stamp.  Uses Pillow if available, else plain Python."""
    rnd = random.Random(seed)
    bars = [(40 + rnd.randint(0, 20), y, w - 40 - rnd.randint(0, 120))
            for y in range(100, h - 60, 18)]
    try:
        from PIL import Image, ImageDraw

        img = Image.new("L", (w, h), 225)
        d = ImageDraw.Draw(img)
        d.rectangle([20, 20, w - 20, h - 20], outline=120, width=3)
        d.rectangle([120, 50, w - 120, 66], fill=60)
        for x1, y, x2 in bars:
            d.rectangle([x1, y, x2, y + 7], fill=90)
        d.ellipse([w - 140, h - 150, w - 50, h - 60], outline=40, width=4)
        return img.tobytes()
    except ImportError:
        px = bytearray([225]) * (w * h)
        for x1, y, x2 in [(120, 50, w - 120)] + bars:
            for yy in range(y, y + 8):
                px[yy * w + x1: yy * w + x2] = bytes([90]) * (x2 - x1)
        return bytes(px)


def make_scanned_pdf() -> None:
    """2 A4 pages; each page's content stream only paints one image XObject
    (``q ... cm /Im0 Do Q``).  No BT/ET, no /Font resources at all."""
    w_px, h_px = 420, 594
    w = PdfWriter()
    pages_num = w.reserve()
    kids = []
    for seed in (1, 2):
        img = w.add_stream(_scan_image(seed, w_px, h_px),
                           b"/Type /XObject /Subtype /Image /Width %d /Height %d"
                           b" /ColorSpace /DeviceGray /BitsPerComponent 8 "
                           % (w_px, h_px))
        content = w.add_stream(b"q\n595.28 0 0 841.89 0 0 cm\n/Im0 Do\nQ\n")
        kids.append(w.add(b"<< /Type /Page /Parent %d 0 R"
                          b" /MediaBox [0 0 595.28 841.89]"
                          b" /Resources << /XObject << /Im0 %d 0 R >>"
                          b" /ProcSet [/PDF /ImageB] >> /Contents %d 0 R >>"
                          % (pages_num, img, content)))
    w.set(pages_num, b"<< /Type /Pages /Count %d /Kids [%s] >>"
          % (len(kids), b" ".join(b"%d 0 R" % k for k in kids)))
    root = w.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_num)
    w.save(out("scanned.pdf"), root, _info(w, "scanned"))


def make_cid_only_pdf() -> None:
    w = PdfWriter()
    f1 = _type0_font(w, b"AAAAAA+SimSun", None)
    contents = [_content(b"F1", _garbage_lines(100 + p)) for p in range(3)]
    root = _pages(w, contents, {b"F1": f1})
    w.save(out("cid-only.pdf"), root, _info(w, "cid-only"))


def make_partly_cid_pdf() -> None:
    # glyph id for each distinct character of the notice (deterministic)
    chars = sorted(set("".join(NOTICE_LINES)))
    gid_of = {ch: 0x0200 + i * 7 for i, ch in enumerate(chars)}

    def encode(line):
        return [gid_of[ch] for ch in line]

    w = PdfWriter()
    cmap = w.add_stream(_tounicode_cmap({g: c for c, g in gid_of.items()}))
    f1 = _type0_font(w, b"BAAAAA+SimSun", cmap)   # readable (has ToUnicode)
    f2 = _type0_font(w, b"CAAAAA+SimSun", None)   # no ToUnicode -> (cid:N)
    page1 = _content(b"F1", [encode(line) for line in NOTICE_LINES[:2]]
                     + [encode(c) for c in _wrap(NOTICE_LINES[2], 40)])
    page2 = _content(b"F2", _garbage_lines(200))
    page3 = _content(b"F1", [encode(c) for c in _wrap(NOTICE_LINES[3], 40)])
    root = _pages(w, [page1, page2, page3], {b"F1": f1, b"F2": f2})
    w.save(out("partly-cid.pdf"), root, _info(w, "partly-cid"))


# ---------------------------------------------------------------------------
# Non-PDF / DOCX fixtures
# ---------------------------------------------------------------------------

def make_not_a_pdf() -> None:
    write_bytes("not-a-pdf.pdf", NOTICE_TEXT.encode("utf-8"))


def make_legacy_doc() -> None:
    write_bytes("legacy.doc", bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504)


def make_not_a_zip_docx() -> None:
    write_bytes("not-a-zip.docx",
                b"This is plain text, not a ZIP/OOXML package.\n"
                + NOTICE_TEXT.encode("utf-8"))


def make_notice_short_docx() -> None:
    import docx

    d = docx.Document()
    for line in NOTICE_LINES:
        d.add_paragraph(line)
    d.add_paragraph("二、重点人群分工")
    rows = [("序号", "重点人群", "牵头单位"),
            ("1", "公务员", "市委组织部"),
            ("2", "律师", "市司法局")]
    t = d.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, val in enumerate(row):
            t.cell(r, c).text = val
    # fixed core properties so repeated runs differ as little as possible
    import datetime
    fixed = datetime.datetime(2024, 1, 1)
    d.core_properties.created = fixed
    d.core_properties.modified = fixed
    d.core_properties.last_modified_by = "make_bad_files.py"
    d.core_properties.author = "make_bad_files.py"
    d.save(out("notice-short.docx"))


# ---------------------------------------------------------------------------
# Optional verification (pdfplumber / python-docx)
# ---------------------------------------------------------------------------

def _exc(e: BaseException) -> str:
    return f"{type(e).__module__}.{type(e).__qualname__}: {str(e)[:120]!r}"


def verify() -> None:
    import docx
    import pdfplumber

    def pdf_pages(name, **kw):
        try:
            with pdfplumber.open(out(name), **kw) as pdf:
                return [(p.extract_text() or "", p.chars) for p in pdf.pages]
        except Exception as e:  # noqa: BLE001
            return e

    def report(name, **kw):
        r = pdf_pages(name, **kw)
        label = name + (f" {kw}" if kw else "")
        if isinstance(r, Exception):
            print(f"{label}: raised {_exc(r)}")
            return None
        print(f"{label}: {len(r)} page(s)")
        for i, (text, chars) in enumerate(r, 1):
            print(f"  p{i}: {len(chars)} chars, text={text[:100]!r}")
            if chars:
                print(f"       chars[0]['text']={chars[0]['text']!r}"
                      f" fontname={chars[0]['fontname']!r}")
        return r

    for name in ("scanned.pdf", "notice-short.pdf", "encrypted.pdf",
                 "truncated.pdf", "not-a-pdf.pdf", "cid-only.pdf",
                 "partly-cid.pdf"):
        report(name)
    report("encrypted.pdf", password=USER_PASSWORD)
    report("encrypted.pdf", password=OWNER_PASSWORD)

    for name in ("notice-short.docx", "not-a-zip.docx", "legacy.doc"):
        try:
            d = docx.Document(out(name))
            print(f"{name}: paragraphs={[p.text for p in d.paragraphs]}")
            for t in d.tables:
                print(f"  table: {[[c.text for c in r.cells] for r in t.rows]}")
        except Exception as e:  # noqa: BLE001
            print(f"{name}: raised {_exc(e)}")

    for name in sorted(os.listdir(HERE)):
        if name != os.path.basename(__file__) and not name.endswith(".md"):
            print(f"{os.path.getsize(out(name)):>8}  {name}")


def main(argv: list[str]) -> None:
    make_scanned_pdf()
    make_notice_short_pdf()
    make_encrypted_pdf()
    make_truncated_pdf()
    make_not_a_pdf()
    make_cid_only_pdf()
    make_partly_cid_pdf()
    make_legacy_doc()
    make_not_a_zip_docx()
    make_notice_short_docx()
    if "--verify" in argv:
        verify()


if __name__ == "__main__":
    main(sys.argv[1:])
