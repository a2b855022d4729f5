"""pdfium (pypdfium2, installed with pdfplumber): a PDF page -> its characters and what it draws, in C and fast.

pdfium reads a page's glyphs about ten times faster than pdfminer. It is used for every page it can give exactly
as pdfminer would (upright text whose glyphs all map to Unicode, every text object read); the others, and pages
with ruled tables, are read with pdfplumber (see pdf.py).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from fengong.extract.pdf_layout import Char
from fengong.extract.pdf_tables import IDENTITY, Drawn, Matrix, compose, object_matrix

THIN = 3.0  # points: pdfplumber's edge_min_length; a drawn path thinner than this is one edge, not a box


@dataclass(frozen=True, slots=True)
class PageObjects:
    """What a page draws, as far as the readers care: paths and their edges, and its text objects."""

    paths: int
    horizontal: int  # edges a table finder could use, of each direction
    vertical: int
    texts: frozenset[int]  # addresses of the text objects (inside form XObjects too)
    complete: bool  # False: more objects than the cap, the walk stopped
    drawn: tuple[Drawn, ...] = ()  # the paths, with the matrix from their space to the page's

    def may_hold_ruled_table(self) -> bool:
        """Whether pdfplumber's table finder could find a table: a cell needs two horizontal and two vertical edges."""
        return self.horizontal >= 2 and self.vertical >= 2


@dataclass(frozen=True, slots=True)
class PdfiumText:
    """A page's glyphs as pdfium gives them (None: not as pdfminer would), and whether every text object gave some."""

    chars: tuple[Char, ...] | None
    complete: bool


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


def _address(obj) -> int:
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


# FPDFText_GetTextObject for every glyph, giving the object's address as an int: casting pypdfium2's typed pointer
# to one costs three times the call itself.
_text_object_address = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(_address(raw.FPDFText_GetTextObject))


def page_objects(page: pdfium.PdfPage, cap: int) -> PageObjects:
    """A pdfium page -> its paths (with the matrix to page space) and text objects, those inside form XObjects too;
    the walk stops past `cap` paths or 100 times `cap` objects.
    """
    horizontal = vertical = seen = 0
    drawn: list[Drawn] = []
    texts: set[int] = set()
    stack: list[tuple[int, Callable[[int], Any], Matrix]] = [
        (raw.FPDFPage_CountObjects(page.raw), partial(raw.FPDFPage_GetObject, page.raw), IDENTITY)]
    while stack and len(drawn) <= cap and seen <= 100 * cap:
        count, get, matrix = stack.pop()
        for i in range(count):
            obj, seen = get(i), seen + 1
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_TEXT:
                texts.add(_address(obj))
            elif kind == raw.FPDF_PAGEOBJ_PATH:
                h, v = _edges(obj)
                horizontal, vertical = horizontal + h, vertical + v
                drawn.append(Drawn(obj, compose(object_matrix(obj), matrix)))
            elif kind == raw.FPDF_PAGEOBJ_FORM:
                inner = compose(object_matrix(obj), matrix)
                stack.append((raw.FPDFFormObj_CountObjects(obj), partial(raw.FPDFFormObj_GetObject, obj), inner))
            if len(drawn) > cap or seen > 100 * cap:
                break
    complete = len(drawn) <= cap and seen <= 100 * cap
    return PageObjects(len(drawn), horizontal, vertical, frozenset(texts), complete, tuple(drawn))


def count_chars(textpage: pdfium.PdfTextPage) -> int:
    """A pdfium text page -> how many characters it holds (with the spaces and line ends pdfium infers: a bound)."""
    return int(raw.FPDFText_CountChars(textpage.raw))


def _page_string(tp, count: int) -> str | None:
    """All characters of a text page in one call: one UTF-16 unit per character index, or None if not."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(tp, 0, count, buffer)
    text = bytes(buffer)[: max(0, written - 1) * 2].decode("utf-16-le", errors="surrogatepass")
    return text if len(text) == count else None


def page_chars(textpage: pdfium.PdfTextPage, top_y: float, texts: frozenset[int]) -> PdfiumText:
    """A pdfium text page, the y of its page's top edge and its text objects -> its glyphs in drawing order,
    positions from the top, and whether each of `texts` gave a glyph.

    No glyphs (None) when pdfium cannot give the page as pdfminer would: a glyph without a Unicode mapping
    (pdfium would make up a character where pdfminer says (cid:N)), a rotated, skewed or mirrored glyph, a
    character outside the Basic Multilingual Plane, or a text object that gave no character. pdfium leaves out a
    text object whose box is empty (a one-glyph object of a font neither embedded nor installed) or that repeats
    a neighbour ("fake bold"); pdfminer reads both, so its count of glyphs can then be far higher.
    """
    tp = textpage.raw
    count = raw.FPDFText_CountChars(tp)
    text = _page_string(tp, count)
    if text is None:
        return PdfiumText(None, False)
    box, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    chars, used, current, size = [], set(), -1, None
    for i, ch in enumerate(text):
        if ch.isspace() and raw.FPDFText_IsGenerated(tp, i):
            continue  # pdfium's own guess of a space or line end: pdfminer has none
        if "\ud800" <= ch <= "\udfff" or raw.FPDFText_HasUnicodeMapError(tp, i):
            return PdfiumText(None, False)
        address = _text_object_address(tp, i) or 0
        if address != current:  # a text object has one font, size and matrix: read them once per object
            current, size = address, _glyph_size(tp, i, matrix)
            used.add(address)
        if size is None:
            return PdfiumText(None, False)
        if ch == "\x00" or not raw.FPDFText_GetLooseCharBox(tp, i, box):
            continue
        bottom = top_y - box.bottom  # pdfminer's glyph box is one size high from the descent up, as pdfium's loose box
        chars.append(Char(ch, box.left, box.right, bottom - size, bottom, size))
    complete = texts <= used
    return PdfiumText(tuple(chars) if complete else None, complete)


def _glyph_size(tp, i: int, matrix) -> float | None:
    """Character i of a text page -> its size in points as pdfminer gives it, or None if the glyph is not upright.

    pdfminer's glyphs are upright when neither turned nor mirrored; only unturned ones are read here. The size
    pdfium reports is the font's, before the text matrix scales it (1 Tf with 12 0 0 12 Tm is 12 points).
    """
    if not raw.FPDFText_GetMatrix(tp, i, matrix):
        return None
    if not (matrix.a > 0 and matrix.d > 0 and abs(matrix.b) < 1e-3 and abs(matrix.c) < 1e-3):
        return None
    return float(raw.FPDFText_GetFontSize(tp, i) * matrix.d)
