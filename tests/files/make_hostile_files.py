#!/usr/bin/env python3
"""Write hostile and broken inputs, each small and quick to make, for the hostile-input suite.

Nothing here is committed as a file: tests/test_hostile_inputs.py writes each case into a temporary folder and
runs `python -m fengong extract` on it in a child process with time and memory bounds.

    .venv/bin/python tests/files/make_hostile_files.py OUT_DIR     # write every case into OUT_DIR, to try by hand

Needs only the project's own dependencies (python-docx for the DOCX cases); PDFs are written by the small
PDF writer of make_bad_files.py.
"""

from __future__ import annotations

import io
import os
import struct
import sys
import zipfile
import zlib
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_bad_files as base  # noqa: E402

NOTICE_LINES = base.NOTICE_LINES
MB = 1 << 20


# ---------------------------------------------------------------------------- files that are not regular files


def fifo(folder: Path) -> Path:
    """A named pipe called notice.txt: reading it would wait for a writer forever."""
    path = folder / "notice.txt"
    os.mkfifo(path)
    return path


def link_to_dev_zero(folder: Path) -> Path:
    """A symbolic link called notice.txt pointing to /dev/zero: reading it never ends."""
    path = folder / "notice.txt"
    path.symlink_to("/dev/zero")
    return path


def sparse_file(folder: Path, name: str = "notice.pdf", size: int = 1200 * MB) -> Path:
    """A sparse file of 1.2 GB (no disk used) starting like a PDF: it must be refused before it is read or hashed."""
    path = folder / name
    with path.open("wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(size)
    return path


def long_line(folder: Path, chars: int = 4_000_000) -> Path:
    """A text file holding one line of 4 million characters (a numbered item with an endless unit list)."""
    path = folder / "notice.txt"
    head = "附件1：\n一、总则\n1、任务。（牵头单位："
    path.write_text(head + "市财政局、" * (chars // 5) + "）\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- DOCX


def _notice_docx() -> bytes:
    import docx

    document = docx.Document()
    for line in NOTICE_LINES:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, content if item.filename == name else src.read(item.filename))
    return out.getvalue()


def docx_with_entity(folder: Path, external: bool = True) -> Path:
    """A DOCX whose document.xml declares an entity used inside the first task: text follows the entity."""
    data = _notice_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    declaration = ('<!ENTITY ent SYSTEM "file:///etc/hostname">' if external else '<!ENTITY ent "市司法局">')
    head, root = xml.split("?>", 1)
    xml = head + "?>" + f"<!DOCTYPE w:document [{declaration}]>" + root
    xml = xml.replace("健全依法决策机制。", "健全依法决策机制&ent;，之后的文字。", 1)
    path = folder / "notice.docx"
    path.write_bytes(_replace_member(data, "word/document.xml", xml.encode("utf-8")))
    return path


def _zip_entry(name: bytes, payload: bytes, declared_size: int, crc: int, offset: int) -> tuple[bytes, bytes]:
    """A stored-as-deflate member: (local header + data, central directory entry)."""
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(payload), declared_size, len(name), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(payload), declared_size,
                          len(name), 0, 0, 0, 0, 0, offset)
    return local + name + payload, central + name


def _bomb_payload(megabytes: int) -> tuple[bytes, int]:
    """Raw deflate data of a document.xml holding `megabytes` MB of spaces (one compressed MB repeated), and its size."""
    start = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
             b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
    end = b"</w:t></w:r></w:p></w:body></w:document>"
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflate.compress(start) + deflate.flush(zlib.Z_FULL_FLUSH)
    spaces = deflate.compress(b" " * MB) + deflate.flush(zlib.Z_FULL_FLUSH)  # byte-aligned, no back-references
    last = deflate.compress(end) + deflate.flush(zlib.Z_FINISH)
    return first + spaces * megabytes + last, len(start) + megabytes * MB + len(end)


def zip_bomb_docx(folder: Path, megabytes: int = 4000, honest: bool = True) -> Path:
    """A DOCX of about 4 MB whose document.xml inflates to 4 GB (honest: its sizes say so; else it claims 100 KB)."""
    parts = {name: body for name, body in _docx_parts(_notice_docx()).items() if name != "word/document.xml"}
    payload, size = _bomb_payload(megabytes)
    entries, directory, offset = [], [], 0
    for name, body in list(parts.items()) + [("word/document.xml", None)]:
        if body is None:
            local, central = _zip_entry(name.encode(), payload, size if honest else 100_000, 0, offset)
        else:
            compressed = zlib.compressobj(9, zlib.DEFLATED, -15)
            data = compressed.compress(body) + compressed.flush()
            local, central = _zip_entry(name.encode(), data, len(body), zlib.crc32(body), offset)
        entries.append(local)
        directory.append(central)
        offset += len(local)
    cd = b"".join(directory)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(directory), len(directory), len(cd), offset, 0)
    path = folder / "notice.docx"
    path.write_bytes(b"".join(entries) + cd + end)
    return path


def _docx_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {item.filename: package.read(item.filename) for item in package.infolist()}


# ---------------------------------------------------------------------------- PDF


def _gids(text: str) -> dict[str, int]:
    return {ch: 0x0200 + i * 7 for i, ch in enumerate(sorted(set(text)))}


def _notice_font(w: base.PdfWriter, gid_of: dict[str, int]) -> int:
    cmap = w.add_stream(base._tounicode_cmap({g: c for c, g in gid_of.items()}))
    return base._type0_font(w, b"BAAAAA+SimSun", cmap)


def _text_ops(lines: list[str], gid_of: dict[str, int], x: float = 60, y: float = 770, size: int = 12) -> bytes:
    ops = [b"BT /F1 %d Tf %g %g Td 20 TL" % (size, x, y)]
    for i, line in enumerate(lines):
        ops.append((b"T* " if i else b"") + b"<" + b"".join(b"%04X" % gid_of[c] for c in line) + b"> Tj")
    return b"\n".join(ops + [b"ET"]) + b"\n"


def _write_pdf(path: Path, contents: list[bytes], gid_of: dict[str, int], corrupt_page: int | None = None) -> Path:
    w = base.PdfWriter()
    font = _notice_font(w, gid_of)
    pages = w.reserve()
    kids = []
    for number, content in enumerate(contents, start=1):
        data = zlib.compress(content, 9)
        if number == corrupt_page:
            cut = len(data) * 2 // 3
            data = data[:cut] + bytes(b ^ 0x5A for b in data[cut:cut + 24]) + data[cut + 24:]  # garbled near the end
        stream = w.add(b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        kids.append(w.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >>"
                          b" /Contents %d 0 R >>" % (pages, font, stream)))
    w.set(pages, b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % k for k in kids)))
    w.save(str(path), w.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages))
    return path


def _wrapped(line: str, width: int = 38) -> list[str]:
    return [line[i:i + width] for i in range(0, len(line), width)]


CORRUPT_PAGES = [NOTICE_LINES[:2], _wrapped(NOTICE_LINES[2]) + ["本页之后的内容在损坏的数据流中，不应被静默丢失。" * 2], _wrapped(NOTICE_LINES[3])]


def corrupt_stream_pdf(folder: Path) -> Path:
    """Three pages of the notice; page 2's compressed content stream is garbled after its first bytes."""
    lines = [line for page in CORRUPT_PAGES for line in page]
    gid_of = _gids("".join(lines))
    contents = [_text_ops(page, gid_of) for page in CORRUPT_PAGES]
    return _write_pdf(folder / "notice.pdf", contents, gid_of, corrupt_page=2)


def crowded_page_pdf(folder: Path, chars: int = 150_000) -> Path:
    """One page (a few KB) drawing 150,000 glyphs of 1 point, lines of 500, each line 2 points below the last."""
    gid_of = _gids("信用")
    run = b"<" + (b"%04X%04X" % (gid_of["信"], gid_of["用"])) * 250 + b"> Tj T*"
    content = b"BT /F1 1 Tf 10 830 Td 2.6 TL\n" + b"\n".join([run] * (chars // 500)) + b"\nET\n"
    return _write_pdf(folder / "notice.pdf", [content], gid_of)


def fake_bold_pdf(folder: Path, copies: int = 300) -> Path:
    """The notice on one page, every line drawn `copies` times over itself, half a point apart at most ("fake bold")."""
    gid_of = _gids("".join(NOTICE_LINES))
    lines = [part for line in NOTICE_LINES for part in _wrapped(line)]
    content = b"".join(_text_ops(lines, gid_of, x=60 + (k % 5) * 0.1, y=770 - (k % 3) * 0.2) for k in range(copies))
    return _write_pdf(folder / "notice.pdf", [content], gid_of)


TABLE = [["序号", "重点人群", "牵头单位"], ["1", "公务员", "市委组织部"], ["2", "律师", "市司法局、市律师协会"]]
COLUMNS, ROW_HEIGHT, LEFT, TOP = (60, 160, 200), 30, 60, 700


def _grid(style: str) -> bytes:
    """Drawing commands of the table's rules: "lines" (m/l/S per rule), "rects" (a stroked re per cell), "filled"
    (each rule a filled rectangle 0.5 pt thick, as Word draws borders), "curves" (cells with rounded corners).
    """
    xs = [LEFT + sum(COLUMNS[:i]) for i in range(len(COLUMNS) + 1)]
    ys = [TOP - i * ROW_HEIGHT for i in range(len(TABLE) + 1)]
    ops = []
    if style == "lines":
        ops += [b"%g %g m %g %g l S" % (xs[0], y, xs[-1], y) for y in ys]
        ops += [b"%g %g m %g %g l S" % (x, ys[0], x, ys[-1]) for x in xs]
    elif style == "rects":
        ops += [b"%g %g %g %g re S" % (x0, y1, x1 - x0, y0 - y1) for y0, y1 in pairwise(ys) for x0, x1 in pairwise(xs)]
    elif style == "filled":
        ops += [b"%g %g %g 0.5 re f" % (xs[0], y - 0.25, xs[-1] - xs[0]) for y in ys]
        ops += [b"%g %g 0.5 %g re f" % (x - 0.25, ys[-1], ys[0] - ys[-1]) for x in xs]
    elif style == "curves":
        for y0, y1 in pairwise(ys):
            for x0, x1 in pairwise(xs):
                ops.append(b"%g %g m %g %g l %g %g %g %g %g %g c %g %g l %g %g l h S"
                           % (x0, y1, x1 - 4, y1, x1 - 2, y1, x1, y1 + 2, x1, y1 + 4, x1, y0, x0, y0))
    return b"\n".join(ops) + b"\n"


def _cells_text(gid_of: dict[str, int]) -> bytes:
    ops = [b"BT /F1 12 Tf"]
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            x, y = LEFT + sum(COLUMNS[:c]) + 4, TOP - r * ROW_HEIGHT - 20
            ops.append(b"1 0 0 1 %g %g Tm <%s> Tj" % (x, y, b"".join(b"%04X" % gid_of[ch] for ch in text)))
    return b"\n".join(ops + [b"ET"]) + b"\n"


def ruled_table_pdf(folder: Path, style: str = "lines", in_form: bool = False) -> Path:
    """One page: a title, and a 3 x 3 table whose rules are drawn in `style` (see _grid), inside a form XObject
    scaled by half and drawn at twice the size when `in_form`.
    """
    title = "二、重点人群任务分工"
    gid_of = _gids(title + "".join("".join(row) for row in TABLE))
    table = _grid(style) + _cells_text(gid_of)
    w = base.PdfWriter()
    font = _notice_font(w, gid_of)
    pages = w.reserve()
    resources = b"<< /Font << /F1 %d 0 R >> >>" % font
    content = _text_ops([title], gid_of, y=760)
    xobjects = b""
    if in_form:
        scaled = b"q 0.5 0 0 0.5 0 0 cm\n" + table + b"Q\n"
        form = w.add_stream(scaled, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources %s " % resources)
        content += b"q 2 0 0 2 0 0 cm /Fm1 Do Q\n"
        xobjects = b" /XObject << /Fm1 %d 0 R >>" % form
    else:
        content += table
    stream = w.add_stream(content)
    page = w.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >>%s >>"
                 b" /Contents %d 0 R >>" % (pages, font, xobjects, stream))
    w.set(pages, b"<< /Type /Pages /Count 1 /Kids [%d 0 R] >>" % page)
    path = folder / "notice.pdf"
    w.save(str(path), w.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages))
    return path


# ---------------------------------------------------------------------------- HTML


def notice_in_layout_table(folder: Path, notice_html: Path) -> Path:
    """The published notice's web page laid out the way portals do it: navigation and article in table cells."""
    page = notice_html.read_text(encoding="utf-8")
    page = page.replace('<div class="article">', '<table width="100%"><tr><td class="nav"><a href="/">首页</a> &gt; '
                        '<a href="/xxgk/">信息公开</a></td></tr><tr><td class="content"><div class="article">', 1)
    page = page.replace("</div></body>", "</div></td></tr><tr><td>主办：常州市社会信用体系建设领导小组办公室</td></tr></table></body>", 1)
    path = folder / "notice.html"
    path.write_text(page, encoding="utf-8")
    return path


CASES = {
    "fifo": fifo, "link-to-dev-zero": link_to_dev_zero, "sparse-pdf": sparse_file, "long-line": long_line,
    "docx-external-entity": docx_with_entity, "zip-bomb": zip_bomb_docx, "crowded-page": crowded_page_pdf,
    "fake-bold": fake_bold_pdf, "corrupt-stream": corrupt_stream_pdf,
}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    for name, make in CASES.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        print(make(folder))
    print(notice_in_layout_table(out, HERE.parent.parent / "samples" / "changzhou-2019-published" / "notice.html"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
