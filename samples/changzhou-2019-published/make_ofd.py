#!/usr/bin/env python3
"""Write notice.ofd: the published notice as an OFD (GB/T 33190) package, laid out from notice.docx.

Input : notice.docx next to this script (its paragraphs with their alignment, size, indent and page breaks, and
        its 29-row table).
Output: notice.ofd next to this script (or the path given with --out).

No OFD writer is available as a package here, so the XML is written directly, the way OFD producers lay a page
out: A4 pages (210 x 297 mm, margins 37/35/28/26 mm as in a 公文), paragraphs wrapped at the text width (a Chinese
character one font size wide, ASCII half of it), titles centred, signature and date set right, `— N —` at the
foot of every page. Three ways of placing text appear, since real files use all of them:
  * body paragraphs: one TextObject per line, one TextCode with DeltaX (runs of equal advances written `g N D`);
  * titles and headings: one TextObject per character (as converters from print streams write them);
  * table cells: one TextObject per cell line, a TextCode per character, each with its own X (no DeltaX).
The table is ruled with PathObjects (one per border segment, `M x y L x y`), its header row repeated on every page
it spans. A template page carries a running header and a rule under it, which a reader must not take for text of
the pages. Fonts are named in PublicRes.xml and not embedded.

Run with the project's environment (python-docx):  .venv/bin/python samples/changzhou-2019-published/make_ofd.py
The output is byte-for-byte reproducible (fixed IDs, dates and ZIP timestamps).
"""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
NS = "http://www.ofdspec.org/2016"
PT = 25.4 / 72  # millimetres per point
PAGE_W, PAGE_H = 210.0, 297.0
TOP, BOTTOM, LEFT, RIGHT = 37.0, 35.0, 28.0, 26.0
WIDTH = PAGE_W - LEFT - RIGHT
COLUMNS = (18.0, 66.0, 72.0)  # the Word table's widths, 1.8/6.6/7.2 cm
CELL_PAD = 1.9
RUNNING_HEADER = "常州市社会信用体系建设领导小组办公室文件"
FONTS = {"宋体": 3, "黑体": 4, "仿宋": 5}


def advance(char: str, size: float) -> float:
    """A character and the font size (mm) -> how far it moves the pen: a full em for Chinese, half for ASCII."""
    return size / 2 if ord(char) < 0x2E80 else size


def wrap(text: str, size: float, width: float, indent: float = 0.0) -> list[str]:
    """A paragraph -> its lines, each at most `width` wide (the first less its indent); a closing mark that would
    open a line stays on the line before (禁则, as Word and LibreOffice do)."""
    lines, line, used = [], "", indent
    for char in text:
        step = advance(char, size)
        if line and used + step > width + 1e-6 and char not in "，。、；：）》”":
            lines.append(line)
            line, used = "", 0.0
        line += char
        used += step
    return lines + [line] if line else lines


def delta_x(line: str, size: float) -> str:
    """A line's characters -> its DeltaX attribute, equal neighbours written `g N D`."""
    steps = [advance(c, size) for c in line[:-1]]
    out, i = [], 0
    while i < len(steps):
        j = i
        while j < len(steps) and steps[j] == steps[i]:
            j += 1
        out.append(f"g {j - i} {steps[i]:.4f}" if j - i > 1 else f"{steps[i]:.4f}")
        i = j
    return " ".join(out)


class Pages:
    """Pages being laid out: the objects of each page as XML strings, a pen position, and object IDs."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = []
        self.next_id = 10
        self.y = 0.0
        self.new_page()

    def id(self) -> int:
        self.next_id += 1
        return self.next_id

    def new_page(self) -> None:
        self.pages.append([])
        self.y = TOP

    def room(self, height: float) -> None:
        if self.y + height > PAGE_H - BOTTOM and self.pages[-1]:
            self.new_page()

    def text_run(self, x: float, baseline: float, line: str, size: float, font: int, page: int = -1) -> None:
        """One TextObject for the line, one TextCode with DeltaX."""
        width = sum(advance(c, size) for c in line)
        box = f"{x:.4f} {baseline - size:.4f} {width:.4f} {size * 1.2:.4f}"
        dx = delta_x(line, size)
        self.pages[page].append(
            f'<ofd:TextObject ID="{self.id()}" Boundary="{box}" Font="{font}" Size="{size:.4f}">'
            f'<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{size:.4f}"' + (f' DeltaX="{dx}"' if dx else "")
            + f">{escape(line)}</ofd:TextCode></ofd:TextObject>")

    def text_chars(self, x: float, baseline: float, line: str, size: float, font: int) -> None:
        """One TextObject per character, each with its own Boundary."""
        for char in line:
            step = advance(char, size)
            box = f"{x:.4f} {baseline - size:.4f} {step:.4f} {size * 1.2:.4f}"
            self.pages[-1].append(f'<ofd:TextObject ID="{self.id()}" Boundary="{box}" Font="{font}" Size="{size:.4f}">'
                                  f'<ofd:TextCode X="0" Y="{size:.4f}">{escape(char)}</ofd:TextCode></ofd:TextObject>')
            x += step

    def text_codes(self, x: float, baseline: float, line: str, size: float, font: int) -> None:
        """One TextObject for the line, one TextCode per character with its own X and no DeltaX."""
        width = sum(advance(c, size) for c in line)
        codes, at = [], 0.0
        for char in line:
            codes.append(f'<ofd:TextCode X="{at:.4f}" Y="{size:.4f}">{escape(char)}</ofd:TextCode>')
            at += advance(char, size)
        self.pages[-1].append(f'<ofd:TextObject ID="{self.id()}" Boundary="{x:.4f} {baseline - size:.4f} {width:.4f} {size * 1.2:.4f}" '
                              f'Font="{font}" Size="{size:.4f}">' + "".join(codes) + "</ofd:TextObject>")

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A border segment as a PathObject: its Boundary at the segment's corner, the path relative to it."""
        self.pages[-1].append(
            f'<ofd:PathObject ID="{self.id()}" Boundary="{min(x0, x1):.4f} {min(y0, y1):.4f} {abs(x1 - x0):.4f} {abs(y1 - y0):.4f}" '
            f'LineWidth="0.2646"><ofd:AbbreviatedData>M {x0 - min(x0, x1):.4f} {y0 - min(y0, y1):.4f} '
            f'L {x1 - min(x0, x1):.4f} {y1 - min(y0, y1):.4f}</ofd:AbbreviatedData></ofd:PathObject>')


def paragraph(pages: Pages, p: Paragraph) -> None:
    """A Word paragraph -> its lines placed on the pages."""
    text = p.text
    run = p.runs[0] if p.runs else None
    size = (run.font.size.pt if run is not None and run.font.size else 16.0) * PT
    pitch = max(28 * PT, size * 1.6)
    if p.paragraph_format.page_break_before and pages.pages[-1]:
        pages.new_page()
    title = p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    indent = 2 * size if p.paragraph_format.first_line_indent else 0.0
    font = FONTS["宋体" if title else "仿宋"]
    lines = wrap(text, size, WIDTH, indent) or [""]
    for i, line in enumerate(lines):
        pages.room(pitch)
        width = sum(advance(c, size) for c in line)
        if title:
            x = LEFT + (WIDTH - width) / 2
        elif p.alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            x = LEFT + WIDTH - width
        else:
            x = LEFT + (indent if i == 0 else 0.0)
        baseline = pages.y + pitch * 0.75
        if line:
            heading = title or line[:2].endswith("、") and not line[0].isdigit()
            (pages.text_chars if heading else pages.text_run)(x, baseline, line, size, font)
        pages.y += pitch


def table(pages: Pages, t: Table) -> None:
    """The Word table -> ruled rows on the pages, the header row repeated at the top of each page it spans."""
    size, pitch = 14 * PT, 14 * PT * 1.45
    rows = [[c.text for c in row.cells] for row in t.rows]
    header = rows[0]
    pages.room(pitch * 3)
    first_on_page = True
    for number, cells in enumerate(rows):
        wrapped = [wrap(text, size, width - 2 * CELL_PAD) for text, width in zip(cells, COLUMNS, strict=True)]
        height = max(len(w) for w in wrapped) * pitch + 2 * CELL_PAD
        if pages.y + height > PAGE_H - BOTTOM:
            pages.new_page()
            first_on_page = True
        if first_on_page and number > 0:
            table_row(pages, [wrap(text, size, width - 2 * CELL_PAD) for text, width in zip(header, COLUMNS, strict=True)], size, pitch, 2 * CELL_PAD + pitch, True)
        table_row(pages, wrapped, size, pitch, height, first_on_page or number == 0)
        first_on_page = False


def table_row(pages: Pages, wrapped: list[list[str]], size: float, pitch: float, height: float, top_rule: bool) -> None:
    """One table row: its borders, and each cell's lines centred vertically in the row (as Word sets them)."""
    y, x = pages.y, LEFT
    right = LEFT + sum(COLUMNS)
    if top_rule:
        pages.rule(LEFT, y, right, y)
    pages.rule(LEFT, y + height, right, y + height)
    for cell, width in zip(wrapped, COLUMNS, strict=True):
        pages.rule(x, y, x, y + height)
        start = y + (height - len(cell) * pitch) / 2
        for i, line in enumerate(cell):
            line_w = sum(advance(c, size) for c in line)
            left = x + (width - line_w) / 2 if width < 20 or len(cell) == 1 and line_w < width / 2 else x + CELL_PAD
            pages.text_codes(left, start + i * pitch + pitch * 0.78, line, size, FONTS["仿宋"])
        x += width
    pages.rule(right, y, right, y + height)
    pages.y = y + height


def layout(docx_path: Path) -> list[list[str]]:
    """notice.docx -> the objects of each page, page numbers added."""
    document = docx.Document(str(docx_path))
    pages = Pages()
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph(pages, Paragraph(element, document))
        elif tag == "tbl":
            table(pages, Table(element, document))
    size = 14 * PT
    for number in range(1, len(pages.pages) + 1):
        foot = f"— {number} —"
        width = sum(advance(c, size) for c in foot)
        pages.text_run(LEFT + (WIDTH - width) / 2, PAGE_H - 20, foot, size, FONTS["宋体"], page=number - 1)
    return pages.pages


def part(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")


def package(pages: list[list[str]]) -> dict[str, bytes]:
    """Page objects -> the parts of the OFD package by name."""
    ofd = (f'<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
           "<ofd:DocID>6f1c9d2e0b7a4c3d8e5f0a1b2c3d4e5f</ofd:DocID>"
           "<ofd:Title>关于印发市级部门落实市政府政务诚信建设等系列文件任务分工的通知</ofd:Title>"
           "<ofd:Author>常州市社会信用体系建设领导小组办公室</ofd:Author><ofd:CreationDate>2019-04-16</ofd:CreationDate>"
           "<ofd:Creator>make_ofd.py</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
           "</ofd:DocBody></ofd:OFD>")
    page_refs = "".join(f'<ofd:Page ID="{100 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    document = (f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:MaxUnitID>999999</ofd:MaxUnitID>'
                f"<ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W:g} {PAGE_H:g}</ofd:PhysicalBox></ofd:PageArea>"
                '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
                f"</ofd:CommonData><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>")
    fonts = "".join(f'<ofd:Font ID="{i}" FontName="{n}" FamilyName="{n}"/>' for n, i in FONTS.items())
    res = f'<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>{fonts}</ofd:Fonts></ofd:Res>'
    size = 10.5 * PT
    width = len(RUNNING_HEADER) * size
    template = (f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="5" Type="Background">'
                f'<ofd:TextObject ID="6" Boundary="{LEFT + (WIDTH - width) / 2:.4f} 18 {width:.4f} {size * 1.2:.4f}" Font="3" Size="{size:.4f}">'
                f'<ofd:FillColor Value="255 0 0"/><ofd:TextCode X="0" Y="{size:.4f}" DeltaX="g {len(RUNNING_HEADER) - 1} {size:.4f}">'
                f"{RUNNING_HEADER}</ofd:TextCode></ofd:TextObject>"
                f'<ofd:PathObject ID="7" Boundary="{LEFT} 24 {WIDTH} 1" LineWidth="0.5"><ofd:StrokeColor Value="255 0 0"/>'
                f"<ofd:AbbreviatedData>M 0 0 L {WIDTH} 0</ofd:AbbreviatedData></ofd:PathObject></ofd:Layer></ofd:Content></ofd:Page>")
    parts = {"OFD.xml": part(ofd), "Doc_0/Document.xml": part(document), "Doc_0/PublicRes.xml": part(res),
             "Doc_0/Tpls/Tpl_0/Content.xml": part(template)}
    for i, objects in enumerate(pages):
        parts[f"Doc_0/Pages/Page_{i}/Content.xml"] = part(
            f'<ofd:Page xmlns:ofd="{NS}"><ofd:Template TemplateID="2" ZOrder="Background"/><ofd:Content>'
            f'<ofd:Layer ID="{200000 + i}" Type="Body">' + "".join(objects) + "</ofd:Layer></ofd:Content></ofd:Page>")
    return parts


def write(parts: dict[str, bytes], out: Path) -> None:
    """Parts -> a ZIP with fixed timestamps, so the same input gives the same bytes."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2019, 4, 16, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docx", type=Path, default=HERE / "notice.docx")
    parser.add_argument("--out", type=Path, default=HERE / "notice.ofd")
    args = parser.parse_args()
    pages = layout(args.docx)
    write(package(pages), args.out)
    print(f"{args.out}: {len(pages)} pages, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
