"""Ruled tables from pdfium's paths and glyphs, found by pdfplumber's own table finder.

pdfplumber finds tables in the edges of a page's lines, rectangles and curves, as pdfminer reports them. The
paths pdfium reads are turned into the same edges (pdfminer's rules: a subpath of one segment is a line, a closed
axis-aligned four-sided one a rectangle, anything else a curve through its segments' end points), and the
glyphs into the same character records, so pdfplumber's TableFinder gives the same cells without pdfminer
reading the page: the slow part of reading a page with a table.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pypdfium2.raw as raw

from fengong.extract.pdf_layout import Char, TextRow, chars_to_rows
from fengong.extract.reading import CELL_SEPARATOR

Point = tuple[float, float]
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Drawn:
    """A path a page draws: pdfium's object and the matrix from its space to the page's (forms included)."""

    obj: object
    matrix: Matrix


def compose(inner: Matrix, outer: Matrix) -> Matrix:
    """Two matrices -> the one applying `inner` first, then `outer` (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def object_matrix(obj) -> Matrix:
    """A pdfium page object -> its matrix (object space to the space of what holds it)."""
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _subpaths(obj, matrix: Matrix) -> list[list[tuple[str, Point]]]:
    """A pdfium path object -> its subpaths as pdfminer writes them: (operator m/l/c/h, end point) in page space.

    pdfium gives a Bezier curve as three points (two control points, then the end); pdfminer keeps the end only.
    """
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[str, Point]]] = []
    a, b, c, d, e, f = matrix
    bezier = 0
    for i in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, i)
        kind = raw.FPDFPathSegment_GetType(segment)
        if not raw.FPDFPathSegment_GetPoint(segment, x, y) or kind not in (raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO):
            raise ValueError("a path segment pdfium cannot describe")
        bezier = bezier + 1 if kind == raw.FPDF_SEGMENT_BEZIERTO else 0
        if bezier in (1, 2):
            continue  # a control point
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([("m", point)])
        else:
            subpaths[-1].append(("l" if kind == raw.FPDF_SEGMENT_LINETO else "c", point))
            bezier = 0
        if raw.FPDFPathSegment_GetClose(segment) and kind != raw.FPDF_SEGMENT_MOVETO:
            subpaths[-1].append(("h", subpaths[-1][0][1]))
    return subpaths


def _shape_edges(ops: list[tuple[str, Point]], top_y: float) -> list[dict]:
    """One subpath (pdfminer's m/l/c/h operators and end points, page space) -> the edges pdfplumber makes of it."""
    shape = "".join(op for op, _ in ops)
    pts = [(px, top_y - py) for _, (px, py) in ops]  # top-left origin, as pdfplumber's coordinates
    if len(shape) > 3 and shape[-2:] == "lh" and ops[-2][1] == ops[0][1]:
        shape, pts = shape[:-2] + "h", pts[:-2] + pts[-1:]  # pdfminer drops a redundant l before h
    if shape in ("mlh", "ml"):
        return [_line_edge(pts[0], pts[1])]
    if shape in ("mlllh", "mllll") and _is_rectangle(pts):
        return _rect_edges(pts[0], pts[2])
    return [_edge(p0, p1, "v" if p0[0] == p1[0] else ("h" if p0[1] == p1[1] else None), "curve_edge") for p0, p1 in zip(pts, pts[1:], strict=False)]


def _is_rectangle(pts: Sequence[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = pts
    return last == pts[0] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0))


def _edge(p0: Point, p1: Point, orientation: str | None, kind: str) -> dict:
    x0, x1, top, bottom = min(p0[0], p1[0]), max(p0[0], p1[0]), min(p0[1], p1[1]), max(p0[1], p1[1])
    return {"object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation}


def _line_edge(p0: Point, p1: Point) -> dict:
    # pdfplumber calls every line that is not exactly horizontal vertical, diagonal ones too.
    return _edge(p0, p1, "h" if p0[1] == p1[1] else "v", "line")


def _rect_edges(p0: Point, p2: Point) -> list[dict]:
    x0, x1, top, bottom = min(p0[0], p2[0]), max(p0[0], p2[0]), min(p0[1], p2[1]), max(p0[1], p2[1])
    return [_edge((x0, top), (x1, top), "h", "rect_edge"), _edge((x0, bottom), (x1, bottom), "h", "rect_edge"),
            _edge((x0, top), (x0, bottom), "v", "rect_edge"), _edge((x1, top), (x1, bottom), "v", "rect_edge")]


def paths_to_edges(drawn: Iterable[Drawn], top_y: float) -> list[dict]:
    """The paths of a page and the y of its top edge -> the edges pdfplumber's table finder reads.

    Raises:
        ValueError: a path segment pdfium cannot describe (the caller reads the page with pdfplumber).
    """
    return [edge for item in drawn for ops in _subpaths(item.obj, item.matrix) for edge in _shape_edges(ops, top_y)]


class _PageView:
    """What pdfplumber's TableFinder and Table read of a page: its edges, characters and box."""

    def __init__(self, edges: list[dict], chars: list[dict], bbox: tuple[float, float, float, float]) -> None:
        self.edges, self.chars, self.bbox = edges, chars, bbox


def _char_record(char: Char) -> dict:
    return {"text": char.text, "x0": char.x0, "x1": char.x1, "top": char.top, "bottom": char.bottom, "doctop": char.top,
            "upright": True, "size": char.size, "height": char.bottom - char.top, "width": char.x1 - char.x0, "object_type": "char"}


def _outside(char: Char, bbox: tuple[float, float, float, float]) -> bool:
    """Whether a glyph's box does not touch a table's (pdfplumber's outside_bbox)."""
    left, top, right, bottom = bbox
    width = min(char.x1, right) - max(char.x0, left)
    height = min(char.bottom, bottom) - max(char.top, top)
    return not (width >= 0 and height >= 0 and width + height > 0)


def table_rows(chars: Sequence[Char], edges: list[dict], bbox: tuple[float, float, float, float]) -> list[TextRow]:
    """A page's glyphs (copies dropped), its edges and box -> its rows: each table row one line (cells tab-separated,
    a cell's wrapped lines joined), the text outside tables as lines, all in order of their top.
    """
    from pdfplumber.table import TableFinder, TableSettings

    records = [_char_record(c) for c in chars]
    # TableFinder (its "lines" strategy, the default) and Table read only a page's edges, chars and bbox.
    found = TableFinder(_PageView(edges, records, bbox), TableSettings.resolve(None)).tables  # type: ignore[arg-type]
    rows: list[TextRow] = []
    outside = list(chars)
    for table in found:
        outside = [c for c in outside if _outside(c, table.bbox)]
        for row, cells in zip(table.rows, table.extract(), strict=False):
            texts = [(cell or "").replace("\n", "").strip() for cell in cells]
            if any(texts):
                rows.append(TextRow(row.bbox[1], CELL_SEPARATOR.join(t or "" for t in texts)))
    rows.extend(chars_to_rows(outside))
    rows.sort(key=lambda r: r.top)
    return rows
