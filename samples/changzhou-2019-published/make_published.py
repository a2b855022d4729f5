#!/usr/bin/env python3
"""Build "as published" copies of the 2019 Changzhou credit task-division notice.

Input : ../changzhou-2019-credit-task-division/changzhou-2019-credit-task-division.txt (the same seed text)
        (text pulled from a PDF: blank line between text lines, lines wrapped
        mid-word, page breaks as runs of blank lines; use --src to point elsewhere)
Output (written next to this script):
  notice.txt               reconstructed clean text, UTF-8, one paragraph per line;
                           the 29-row table is written as tab-separated lines
                           (header "序号<TAB>重点人群<TAB>牵头单位" once, then 29 rows)
  notice.docx              python-docx; 附件 each on a new page; the table is a real
                           Word table (Table Grid borders, w:tblHeader on row 1)
  notice-libreoffice.pdf   notice.docx exported by LibreOffice headless
  notice-reportlab.pdf     reportlab platypus, CID font STSong-Light (not embedded),
                           running header, "— N —" page footer, Table(repeatRows=1)

Needs:
  * Python 3.9+ with python-docx, reportlab (and pdfplumber for --verify), e.g.
        python3 -m venv /tmp/pubvenv
        /tmp/pubvenv/bin/pip install pdfplumber python-docx reportlab
  * LibreOffice (soffice) and CJK fonts for the LibreOffice PDF, e.g. on Debian 12:
        apt-get update
        apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk
    (poppler-utils is optional: only for looking at pages with pdftoppm)

Run:
  /tmp/pubvenv/bin/python make_published.py            # build all four files
  /tmp/pubvenv/bin/python make_published.py --verify   # build, then check with pdfplumber
  /tmp/pubvenv/bin/python make_published.py --verify-only
Options: --src PATH, --no-libreoffice (skip the soffice export).

The paragraph reconstruction is self-checking: the script aborts unless the
non-whitespace characters of the reconstructed text are exactly those of the
source (apart from the table header that the source repeats after a page break).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SRC = os.path.join(HERE, "..", "changzhou-2019-credit-task-division", "changzhou-2019-credit-task-division.txt")

RUNNING_HEADER = "常州市社会信用体系建设领导小组办公室文件"
TABLE_HEADER = ["序号", "重点人群", "牵头单位"]

# --------------------------------------------------------------------------
# 1. paragraph reconstruction
# --------------------------------------------------------------------------

RE_ATTACH_LABEL = re.compile(r"^附件\s*\d+\s*：$")   # 附件 1：
RE_HEADING = re.compile(r"^[一二三四五六七八九十]+、")  # 一、基本原则
RE_ITEM = re.compile(r"^\d+、")                      # 1、...
RE_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
END_PUNCT = "。：；）"
NONASCII = r"[^\x00-\x7f]"


def fix_spaces(s):
    """Drop PDF-artefact spaces between a CJK character/punctuation and a digit."""
    s = re.sub(r"(?<=%s) +(?=\d)" % NONASCII, "", s)
    s = re.sub(r"(?<=\d) +(?=%s)" % NONASCII, "", s)
    return s


def read_source_lines(path):
    """Non-blank lines as (text, ended_with_space).  In this PDF extraction a
    trailing space marks the end of a text block (paragraph, title line, table
    cell); a line wrapped mid-paragraph has no trailing space."""
    out = []
    with open(path, encoding="utf-8") as f:
        for raw in f.read().split("\n"):
            raw = raw.rstrip("\r")
            if not raw.strip():
                continue
            out.append((raw.strip(), raw != raw.rstrip()))
    return out


def parse_table(lines, i):
    """Parse the 29-row table starting at lines[i]; return (header, rows, next_i).
    Cells are separated by spaces inside a line or by a line end that carries a
    trailing space; a line without trailing space wraps into the next line."""
    header, rows, cells, buf = None, [], [], ""
    while i < len(lines) and not RE_ATTACH_LABEL.match(lines[i][0]):
        text, ended = lines[i]
        i += 1
        toks = text.split()
        if toks == TABLE_HEADER:
            if header is None:
                header = toks          # the repeat after the page break is dropped
            continue
        for j, tok in enumerate(toks):
            buf += tok
            if j < len(toks) - 1 or ended:
                cells.append(buf)
                buf = ""
                if len(cells) == 3:
                    rows.append(cells)
                    cells = []
    if buf or cells:
        raise SystemExit("table parse: dangling cell data %r %r" % (cells, buf))
    if header != TABLE_HEADER:
        raise SystemExit("table parse: header not found")
    for n, row in enumerate(rows, 1):
        if row[0] != str(n):
            raise SystemExit("table parse: row %d numbered %r" % (n, row[0]))
    if len(rows) != 29:
        raise SystemExit("table parse: %d rows, expected 29" % len(rows))
    return header, rows, i


def reconstruct(path):
    """Return a list of blocks: dicts with 'kind' and 'text' (or table data).

    kinds: title, salutation, body, attach_list_label, attach_list_item,
           signature, date, attach_label, attach_title, heading, item, table
    """
    L = read_source_lines(path)
    blocks = []
    i = 0

    # document title: lines up to the one ending in 的通知
    title = []
    while True:
        title.append(L[i][0])
        i += 1
        if L[i - 1][0].endswith("通知"):
            break
    blocks.append({"kind": "title", "text": "".join(title)})

    in_letter = True          # covering letter (before 附件 1)
    after_list = False        # the covering letter's attachment list has ended
    cur = None                # paragraph being assembled: [kind, [lines]]

    def flush():
        nonlocal cur
        if cur:
            blocks.append({"kind": cur[0], "text": "".join(cur[1])})
        cur = None

    while i < len(L):
        text, ended = L[i]
        i += 1

        if RE_ATTACH_LABEL.match(text):
            flush()
            in_letter = False
            blocks.append({"kind": "attach_label", "text": text})
            t = []
            while True:                     # attachment title ends in 任务分工
                t.append(L[i][0])
                i += 1
                if L[i - 1][0].endswith("任务分工"):
                    break
            blocks.append({"kind": "attach_title", "text": "".join(t)})
            continue

        if RE_HEADING.match(text):
            flush()
            blocks.append({"kind": "heading", "text": text})
            if "重点人群信用建设任务分工" in text:
                header, rows, i = parse_table(L, i)
                blocks.append({"kind": "table", "header": header, "rows": rows})
            continue

        if in_letter and text == "附件：":
            flush()
            blocks.append({"kind": "attach_list_label", "text": text})
            continue

        if in_letter and after_list and cur is None:
            # signature block: organisation line, then date line
            kind = "date" if RE_DATE.match(text) else "signature"
            blocks.append({"kind": kind, "text": text})
            continue

        if RE_ITEM.match(text):
            flush()
            cur = ["attach_list_item" if in_letter else "item", []]
        elif cur is None:
            if in_letter and len(blocks) == 1:
                cur = ["salutation", []]
            else:
                cur = ["body", []]
        cur[1].append(text)

        if ended and text[-1] in END_PUNCT:
            if in_letter and cur[0] == "attach_list_item" and text.endswith("。"):
                after_list = True
            flush()
    flush()

    for b in blocks:
        if "text" in b:
            b["text"] = fix_spaces(b["text"])
    return blocks


def nonspace_chars(s):
    return re.sub(r"\s+", "", s)


def check_against_source(blocks, path):
    """Every character of the source must be kept, in order (whitespace aside).
    The only thing dropped is the table header repeated after the page break."""
    with open(path, encoding="utf-8") as f:
        src = nonspace_chars(f.read())
    hdr = "".join(TABLE_HEADER)
    first = src.find(hdr)
    second = src.find(hdr, first + 1)
    assert first >= 0 and second > first, "table headers not found in source"
    src = src[:second] + src[second + len(hdr):]
    out = nonspace_chars(blocks_to_text(blocks))
    if src != out:
        k = next((n for n, (a, b) in enumerate(zip(src, out)) if a != b),
                 min(len(src), len(out)))
        raise SystemExit("reconstruction differs from source at char %d:\n src %r\n out %r"
                         % (k, src[k - 20:k + 20], out[k - 20:k + 20]))
    for b in blocks:
        if "text" in b and " " in b["text"]:
            raise SystemExit("leftover space in paragraph: %r" % b["text"])
    return len(src)


def blocks_to_text(blocks):
    lines = []
    for b in blocks:
        if b["kind"] == "table":
            lines.append("\t".join(b["header"]))
            lines.extend("\t".join(r) for r in b["rows"])
        else:
            lines.append(b["text"])
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# 2. DOCX (python-docx)
# --------------------------------------------------------------------------

def build_docx(blocks, out_path):
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    BODY_FONT, HEAD_FONT, TITLE_FONT = "仿宋", "黑体", "宋体"

    def set_run_font(run, name, size, bold=False):
        run.font.name = name
        run.font.size = Pt(size)
        run.font.bold = bold
        rpr = run._element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = OxmlElement("w:rFonts")
            rpr.insert(0, rfonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(attr), name)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:eastAsia"), "zh-CN")

    def fmt(p, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, line=28,
            before=0, after=0, page_break=False):
        pf = p.paragraph_format
        pf.alignment = align
        pf.first_line_indent = Pt(32) if indent else None
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(line)
        pf.space_before = Pt(before)
        pf.space_after = Pt(after)
        pf.widow_control = False
        if page_break:
            pf.page_break_before = True

    doc = Document()
    # document defaults: CJK font + zh-CN language in the Normal style too
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(16)
    nrpr = normal.element.get_or_add_rPr()
    nrf = nrpr.find(qn("w:rFonts"))
    if nrf is None:
        nrf = OxmlElement("w:rFonts")
        nrpr.insert(0, nrf)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        nrf.set(qn(attr), BODY_FONT)
    nlang = OxmlElement("w:lang")
    nlang.set(qn("w:val"), "zh-CN")
    nlang.set(qn("w:eastAsia"), "zh-CN")
    nrpr.append(nlang)

    core = doc.core_properties
    core.title = blocks[0]["text"]
    core.author = "常州市社会信用体系建设领导小组办公室"
    core.language = "zh-CN"

    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    sec.footer_distance = Cm(2.0)

    # footer: — N — with a PAGE field
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run("— ")
    set_run_font(r, "宋体", 14)
    r = fp.add_run()
    set_run_font(r, "宋体", 14)
    for tag, extra in (("w:fldChar", "begin"), ("w:instrText", " PAGE "),
                       ("w:fldChar", "separate")):
        el = OxmlElement(tag)
        if tag == "w:fldChar":
            el.set(qn("w:fldCharType"), extra)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = extra
        r._element.append(el)
    r2 = fp.add_run("1")
    set_run_font(r2, "宋体", 14)
    r3 = fp.add_run()
    set_run_font(r3, "宋体", 14)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    r3._element.append(end)
    r = fp.add_run(" —")
    set_run_font(r, "宋体", 14)

    def para(text, font=BODY_FONT, size=16, bold=False, **kw):
        p = doc.add_paragraph()
        fmt(p, **kw)
        set_run_font(p.add_run(text), font, size, bold)
        return p

    C, L_, R = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
    for b in blocks:
        k = b["kind"]
        if k == "title":
            para(b["text"], TITLE_FONT, 22, True, align=C, indent=False, line=36,
                 before=12, after=24)
        elif k == "salutation":
            para(b["text"], indent=False, align=L_)
        elif k in ("body", "item", "attach_list_item"):
            para(b["text"])
        elif k == "attach_list_label":
            para(b["text"], before=14)
        elif k == "signature":
            para(b["text"], align=R, indent=False, before=56)
        elif k == "date":
            para(b["text"], align=R, indent=False)
        elif k == "attach_label":
            para(b["text"], HEAD_FONT, 16, align=L_, indent=False, page_break=True)
        elif k == "attach_title":
            para(b["text"], TITLE_FONT, 20, True, align=C, indent=False, line=32,
                 before=12, after=18)
        elif k == "heading":
            para(b["text"], HEAD_FONT, 16, align=L_)
        elif k == "table":
            widths = [Cm(1.8), Cm(6.6), Cm(7.2)]
            t = doc.add_table(rows=1 + len(b["rows"]), cols=3)
            t.style = doc.styles["Table Grid"]          # single-line borders on all cells
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            t.autofit = False
            # direct borders as well as the style's, for readers that ignore styles
            borders = OxmlElement("w:tblBorders")
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
                e = OxmlElement("w:" + edge)
                e.set(qn("w:val"), "single")
                e.set(qn("w:sz"), "6")
                e.set(qn("w:space"), "0")
                e.set(qn("w:color"), "000000")
                borders.append(e)
            t._tbl.tblPr.append(borders)
            for ri, row in enumerate([b["header"]] + b["rows"]):
                tr = t.rows[ri]._tr
                trpr = tr.get_or_add_trPr()
                if ri == 0:
                    hdr = OxmlElement("w:tblHeader")        # repeat row on each page
                    hdr.set(qn("w:val"), "true")
                    trpr.append(hdr)
                cant = OxmlElement("w:cantSplit")
                cant.set(qn("w:val"), "true")
                trpr.append(cant)
                for ci, txt in enumerate(row):
                    cell = t.rows[ri].cells[ci]
                    cell.width = widths[ci]
                    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                    p = cell.paragraphs[0]
                    fmt(p, align=C if (ri == 0 or ci == 0) else L_, indent=False,
                        line=22, before=3, after=3)
                    set_run_font(p.add_run(txt), HEAD_FONT if ri == 0 else BODY_FONT,
                                 14, False)
            for ci, w in enumerate(widths):
                t.columns[ci].width = w
    doc.save(out_path)


# --------------------------------------------------------------------------
# 3. LibreOffice export
# --------------------------------------------------------------------------

FONT_SUBST = {"仿宋": "Noto Serif CJK SC", "宋体": "Noto Serif CJK SC", "黑体": "Noto Sans CJK SC"}
FONTCONFIG_TEMPLATE = (
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
    '<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
    + "".join('  <match target="pattern"><test name="family"><string>%s</string></test>'
              '<edit name="family" mode="assign" binding="strong"><string>%s</string>'
              '</edit></match>\n' % kv for kv in FONT_SUBST.items())
    + "</fontconfig>\n")


def soffice_pdf(docx_path, out_pdf):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("soffice not found: apt-get install libreoffice-writer-nogui fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as tmp:
        # A publisher's PC would have 仿宋/宋体/黑体 installed.  Here a private
        # fontconfig file (system config + three substitutions) maps them to the
        # Noto CJK SC faces, so LibreOffice embeds Simplified-Chinese glyph forms
        # (without it fontconfig falls back to "Noto Sans CJK JP" for everything).
        conf = os.path.join(tmp, "fonts.conf")
        with open(conf, "w", encoding="utf-8") as f:
            f.write(FONTCONFIG_TEMPLATE)
        env = dict(os.environ, HOME=tmp, FONTCONFIG_FILE=conf)  # throw-away profile
        subprocess.run([exe, "--headless", "--norestore",
                        "-env:UserInstallation=file://%s/profile" % tmp,
                        "--convert-to", "pdf:writer_pdf_Export",
                        "--outdir", tmp, docx_path],
                       check=True, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=300)
        produced = os.path.join(tmp, os.path.splitext(os.path.basename(docx_path))[0] + ".pdf")
        shutil.copyfile(produced, out_pdf)


# --------------------------------------------------------------------------
# 4. reportlab PDF
# --------------------------------------------------------------------------

def build_reportlab(blocks, out_path, ttf=None):
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                    Table, TableStyle)
    from xml.sax.saxutils import escape

    if ttf:
        # embedded subset of a TrueType CJK font, e.g.
        # /usr/share/fonts/truetype/arphic/uming.ttc:0 (AR PL UMing CN, fonts-arphic-uming).
        # reportlab cannot use CFF-outline fonts such as the Noto CJK .ttc/.otf files.
        from reportlab.pdfbase.ttfonts import TTFont
        path, _, idx = ttf.partition(":")
        FONT = "CJKBody"
        pdfmetrics.registerFont(TTFont(FONT, path, subfontIndex=int(idx or 0)))
    else:
        # Adobe-GB1 CID font, not embedded (viewers need their own Chinese CID
        # font, e.g. poppler-data / Acrobat's Chinese language pack)
        FONT = "STSong-Light"
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))

    W, H = A4

    def S(name, size=15, lead=26, align=TA_JUSTIFY, indent=30, before=0, after=0):
        return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=lead,
                              alignment=align, firstLineIndent=indent,
                              spaceBefore=before, spaceAfter=after, wordWrap="CJK")

    st = {
        "title": S("title", 21, 32, TA_CENTER, 0, 6, 18),
        "salutation": S("sal", indent=0, align=TA_LEFT),
        "body": S("body"),
        "item": S("item"),
        "attach_list_item": S("ali"),
        "attach_list_label": S("all", before=10),
        "signature": S("sig", align=TA_RIGHT, indent=0, before=40),
        "date": S("date", align=TA_RIGHT, indent=0),
        "attach_label": S("al", indent=0, align=TA_LEFT),
        "attach_title": S("at", 19, 30, TA_CENTER, 0, 8, 14),
        "heading": S("h", indent=0, align=TA_LEFT, before=4),
        "th": S("th", 13, 18, TA_CENTER, 0),
        "tc": S("tc", 13, 18, TA_LEFT, 0),
        "tn": S("tn", 13, 18, TA_CENTER, 0),
    }

    def on_page(canv, doc):
        canv.saveState()
        canv.setFont(FONT, 10.5)
        canv.setFillColor(colors.HexColor("#b00000"))
        canv.drawCentredString(W / 2, H - 1.6 * cm, RUNNING_HEADER)
        canv.setStrokeColor(colors.HexColor("#b00000"))
        canv.setLineWidth(0.8)
        canv.line(2.6 * cm, H - 1.8 * cm, W - 2.6 * cm, H - 1.8 * cm)
        canv.setFillColor(colors.black)
        canv.setFont(FONT, 12)
        canv.drawCentredString(W / 2, 1.5 * cm, "— %d —" % doc.page)
        canv.restoreState()

    story = []
    for b in blocks:
        k = b["kind"]
        if k == "attach_label":
            story.append(PageBreak())
        if k == "table":
            data = [[Paragraph(escape(h), st["th"]) for h in b["header"]]]
            for r in b["rows"]:
                data.append([Paragraph(escape(r[0]), st["tn"]),
                             Paragraph(escape(r[1]), st["tc"]),
                             Paragraph(escape(r[2]), st["tc"])])
            tbl = Table(data, colWidths=[1.8 * cm, 6.4 * cm, 7.4 * cm], repeatRows=1,
                        hAlign="CENTER")
            tbl.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.75, colors.black),
                ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]))
            story.append(Spacer(1, 4))
            story.append(tbl)
            continue
        story.append(Paragraph(escape(b["text"]), st[k]))

    doc = SimpleDocTemplate(out_path, pagesize=A4, leftMargin=2.6 * cm, rightMargin=2.6 * cm,
                            topMargin=2.8 * cm, bottomMargin=2.6 * cm,
                            title=blocks[0]["text"],
                            author="常州市社会信用体系建设领导小组办公室",
                            subject="任务分工", lang="zh-CN")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


# --------------------------------------------------------------------------
# 5. verification (pdfplumber)
# --------------------------------------------------------------------------

def verify_docx(blocks):
    """notice.docx: body paragraphs and table cells equal the reconstruction."""
    import zipfile
    from docx import Document
    path = os.path.join(HERE, "notice.docx")
    d = Document(path)
    paras = [p.text for p in d.paragraphs if p.text]
    exp = [b["text"] for b in blocks if b["kind"] != "table"]
    tb = [b for b in blocks if b["kind"] == "table"][0]
    t = d.tables[0]
    cells = [[c.text for c in r.cells] for r in t.rows]
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    first_tr = xml[xml.index("<w:tr"):xml.index("</w:tr>")]
    ok = (paras == exp and cells == [tb["header"]] + tb["rows"] and len(d.tables) == 1
          and "<w:tblHeader" in first_tr and xml.count("<w:tblHeader") == 1)
    print("== notice.docx (%d bytes)" % os.path.getsize(path))
    print("paragraphs == notice.txt: %s (%d); table %dx%d == source: %s; "
          "w:tblHeader on first row only: %s; page breaks before 附件: %d"
          % (paras == exp, len(paras), len(t.rows), len(t.columns),
             cells == [tb["header"]] + tb["rows"],
             "<w:tblHeader" in first_tr and xml.count("<w:tblHeader") == 1,
             xml.count("<w:pageBreakBefore")))
    return ok


CJK = re.compile(r"[\u4e00-\u9fff]")
RE_FOOTER = re.compile(r"[—\-]\s*\d+\s*[—\-]")


def verify(blocks, reportlab_name="notice-reportlab.pdf"):
    """Check both PDFs with pdfplumber and print a per-page report.

    * extract_text on every page: CJK present, no "(cid:N)" placeholders;
    * find_tables on every page; the pages with a table must start with the
      header row 序号/重点人群/牵头单位 (repeated header) and, concatenated, give
      exactly the 29 rows of the source;
    * the text outside the table (running header and page footers removed)
      equals notice.txt character for character (whitespace ignored); for the
      table region extract_text's reading order inside multi-line cells depends
      on vertical alignment, so there only the multiset of characters is compared.
    """
    import collections
    import pdfplumber
    tb = [b for b in blocks if b["kind"] == "table"][0]
    hdr = "".join(TABLE_HEADER)
    exp_all = nonspace_chars(blocks_to_text(blocks))
    t0 = exp_all.index(hdr)
    t1 = exp_all.index("附件4：", t0)
    ok = True
    for name in ("notice-libreoffice.pdf", reportlab_name):
        path = os.path.join(HERE, name)
        if not os.path.exists(path):
            print("%s: missing" % name)
            ok = False
            continue
        print("== %s (%d bytes)" % (name, os.path.getsize(path)))
        body, table_rows, table_pages = [], [], []
        with pdfplumber.open(path) as pdf:
            print("pages:", len(pdf.pages), " producer:", pdf.metadata.get("Producer"))
            fonts = sorted({c.get("fontname") for p in pdf.pages for c in p.chars})
            print("fonts:", ", ".join(fonts))
            for n, page in enumerate(pdf.pages, 1):
                txt = page.extract_text() or ""
                cid = "(cid:" in txt
                ncjk = len(CJK.findall(txt))
                lines = txt.split("\n")
                head = nonspace_chars(lines[0]) if lines else ""
                foot = lines[-1].strip() if lines else ""
                tables = page.find_tables()
                note = ""
                if tables:
                    table_pages.append(n)
                    ext = tables[0].extract()
                    rows = [[nonspace_chars(c or "") for c in r] for r in ext]
                    hdr_first = rows[0] == TABLE_HEADER
                    note = " table %dx%d header_row_first=%s rows %s..%s" % (
                        len(ext), len(ext[0]), hdr_first,
                        rows[1][0] if len(rows) > 1 else "-", rows[-1][0])
                    if not hdr_first:
                        ok = False
                    table_rows.extend(rows[1:])
                print("  p%-2d cjk=%-4d cid=%s header=%r footer=%r find_tables=%d%s"
                      % (n, ncjk, cid, head if head == RUNNING_HEADER else "-",
                         foot if RE_FOOTER.fullmatch(foot) else "-", len(tables), note))
                if cid or ncjk == 0:
                    ok = False
                lines = [l for l in lines if nonspace_chars(l) != RUNNING_HEADER
                         and not RE_FOOTER.fullmatch(l.strip())]
                body.append("\n".join(lines))
        got = nonspace_chars("".join(body))
        g0 = got.find(hdr)
        g1 = got.find("附件4：", g0)
        region = got[g0:g1].replace(hdr, "")
        exp_region = exp_all[t0:t1].replace(hdr, "")
        outside = got[:g0] + got[g1:] == exp_all[:t0] + exp_all[t1:]
        same_chars = collections.Counter(region) == collections.Counter(exp_region)
        rows_ok = table_rows == tb["rows"]
        print("table on pages %s; find_tables rows == source rows: %s (%d rows)"
              % (table_pages, rows_ok, len(table_rows)))
        print("text outside table == notice.txt: %s; table region same characters: %s"
              % (outside, same_chars))
        if not (outside and same_chars and rows_ok):
            ok = False
    return ok


# --------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=DEFAULT_SRC)
    ap.add_argument("--verify", action="store_true", help="check the PDFs with pdfplumber")
    ap.add_argument("--verify-only", action="store_true")
    ap.add_argument("--no-libreoffice", action="store_true")
    ap.add_argument("--reportlab-ttf", metavar="FILE[:INDEX]",
                    help="embed (subset) this TrueType/TTC font in notice-reportlab.pdf "
                         "instead of the non-embedded CID font STSong-Light")
    ap.add_argument("--reportlab-out", default="notice-reportlab.pdf",
                    help="file name for the reportlab PDF (default %(default)s)")
    a = ap.parse_args()

    blocks = reconstruct(a.src)
    n = check_against_source(blocks, a.src)
    paras = sum(1 for b in blocks if b["kind"] != "table")
    print("reconstructed %d paragraphs + 1 table of %d rows; %d characters checked"
          % (paras, len([b for b in blocks if b["kind"] == "table"][0]["rows"]), n))

    if not a.verify_only:
        with open(os.path.join(HERE, "notice.txt"), "w", encoding="utf-8") as f:
            f.write(blocks_to_text(blocks))
        build_docx(blocks, os.path.join(HERE, "notice.docx"))
        print("wrote notice.txt, notice.docx")
        if not a.no_libreoffice:
            soffice_pdf(os.path.join(HERE, "notice.docx"),
                        os.path.join(HERE, "notice-libreoffice.pdf"))
            print("wrote notice-libreoffice.pdf")
        build_reportlab(blocks, os.path.join(HERE, a.reportlab_out), a.reportlab_ttf)
        print("wrote", a.reportlab_out)
    if a.verify or a.verify_only:
        if not (verify_docx(blocks) & verify(blocks, a.reportlab_out)):
            print("VERIFY FAILED")
            sys.exit(1)
        print("verify ok")


if __name__ == "__main__":
    main()
