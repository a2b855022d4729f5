"""pdfium (pypdfium2, installed with pdfplumber): a PDF page -> its characters and what it draws, in C and fast.

pdfium reads a page's glyphs about ten times faster than pdfminer. It is used for every page it can give exactly
as pdfminer would (upright text whose glyphs all map to Unicode); the others, and pages with ruled tables, are
read with pdfplumber (see pdf.py).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from fengong.extract.pdf_layout import Char

THIN = 3.0  # points: pdfplumber's edge_min_length; a drawn path thinner than this is one edge, not a box


@dataclass(frozen=True, slots=True)
class Drawings:
    """The paths a page draws, as far as the table finder cares: how many, and how many edges of each direction."""

    paths: int
    horizontal: int
    vertical: int

    def may_hold_ruled_table(self) -> bool:
        """Whether pdfplumber's table finder could find a table: a cell needs two horizontal and two vertical edges."""
        return self.horizontal >= 2 and self.vertical >= 2


def open_document(data: bytes, password: str | None) -> pdfium.PdfDocument:
    """PDF bytes -> a pdfium document (the bytes must stay alive while it is open).

    Raises:
        pdfium.PdfiumError: the document cannot be opened.
    """
    return pdfium.PdfDocument(data, password=password or None)


def _edges(obj) -> tuple[int, int]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return 0, 0
    width, height = right.value - left.value, top.value - bottom.value
    if height < THIN and width < THIN:
        return 1, 1  # a dot or dash: joined with others it may still make an edge of either direction
    if height < THIN:
        return 1, 0
    if width < THIN:
        return 0, 1
    return 2, 2  # a rectangle, a grid drawn as one path, a curve: counted as a box


def page_drawings(page: pdfium.PdfPage, cap: int) -> Drawings:
    """A pdfium page -> its drawn paths (inside form XObjects too), counting stops a little past `cap`."""
    paths = horizontal = vertical = 0
    stack = [(raw.FPDFPage_CountObjects(page.raw), lambda i: raw.FPDFPage_GetObject(page.raw, i))]
    depth = 0
    while stack and paths <= cap:
        count, get = stack.pop()
        for i in range(count):
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                h, v = _edges(obj)
                paths, horizontal, vertical = paths + 1, horizontal + h, vertical + v
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 32:
                depth += 1
                stack.append((raw.FPDFFormObj_CountObjects(obj), lambda k, form=obj: raw.FPDFFormObj_GetObject(form, k)))
            if paths > cap:
                break
    return Drawings(paths, horizontal, vertical)


def count_chars(textpage: pdfium.PdfTextPage) -> int:
    """A pdfium text page -> how many characters it holds (with the spaces and line ends pdfium infers: a bound)."""
    return int(raw.FPDFText_CountChars(textpage.raw))


def _page_string(tp, count: int) -> str | None:
    """All characters of a text page in one call: one UTF-16 unit per character index, or None if not."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(tp, 0, count, buffer)
    text = bytes(buffer)[: max(0, written - 1) * 2].decode("utf-16-le", errors="surrogatepass")
    return text if len(text) == count else None


def page_chars(textpage: pdfium.PdfTextPage, top_y: float) -> tuple[Char, ...] | None:
    """A pdfium text page and the y of its page's top edge -> its glyphs in drawing order, positions from the top.

    None when pdfium cannot give the page as pdfminer would: a glyph without a Unicode mapping (pdfium would
    make up a character where pdfminer says (cid:N)), a rotated, skewed or mirrored glyph, or a character
    outside the Basic Multilingual Plane.
    """
    tp = textpage.raw
    count = raw.FPDFText_CountChars(tp)
    text = _page_string(tp, count)
    if text is None:
        return None
    box, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    chars = []
    for i, ch in enumerate(text):
        if ch.isspace() and raw.FPDFText_IsGenerated(tp, i):
            continue  # pdfium's own guess of a space or line end: pdfminer has none
        if "\ud800" <= ch <= "\udfff" or raw.FPDFText_HasUnicodeMapError(tp, i) or not raw.FPDFText_GetMatrix(tp, i, matrix):
            return None
        # pdfminer's glyphs are upright when neither turned nor mirrored; only unturned ones are read here.
        if not (matrix.a > 0 and matrix.d > 0 and abs(matrix.b) < 1e-3 and abs(matrix.c) < 1e-3):
            return None
        if ch == "\x00" or not raw.FPDFText_GetLooseCharBox(tp, i, box):
            continue
        # pdfminer's glyph box is one font size high from the descent up, as pdfium's loose box starts; the size
        # pdfium reports is the font's, before the text matrix scales it (1 Tf with 12 0 0 12 Tm is 12 points).
        size = raw.FPDFText_GetFontSize(tp, i) * matrix.d
        bottom = top_y - box.bottom
        chars.append(Char(ch, box.left, box.right, bottom - size, bottom, size))
    return tuple(chars)
