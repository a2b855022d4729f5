"""Page layout from positioned text: boxes of text and ruling lines -> rows in reading order, ruled tables as cells.

Shared by the readers whose input is text with positions but no lines: OCR (boxes found on a page image) and OFD
(text objects placed on a page). Coordinates are in any unit with y growing downwards; only ratios to the text
height matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from fengong.extract.reading import CELL_SEPARATOR  # as every reader's table rows: cells joined by a tab, empty cells kept


@dataclass(frozen=True, slots=True)
class Box:
    """A run of text on a page with its bounding box and how sure the reader is of it (1.0: the text was given)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float = 1.0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling line drawn on the page (a table border), as its bounding box."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a page as the rest of the pipeline reads it: where it stands, its text, its lowest confidence."""

    top: float
    text: str
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class _Band:
    """One row of a ruled table: between two horizontal rules, split into cells by the vertical rules crossing it."""

    top: float
    bottom: float
    edges: tuple[float, ...]  # x of the vertical rules, left to right; cells lie between neighbours


def boxes_to_rows(boxes: list[Box]) -> list[Row]:
    """Boxes of one page, outside any table -> one row per visual line, top to bottom, boxes left to right.

    Boxes belong to one line when their middles lie within half a text height of the line's first box; boxes
    further apart than a text height are joined with a space (a gap the text had), nearer ones without.
    """
    rows = []
    for line in _lines(boxes):
        text = line[0].text
        for before, box in zip(line, line[1:], strict=False):
            gap = box.x0 - before.x1
            text += (" " if gap > max(before.height, box.height) else "") + box.text
        if text.strip():
            rows.append(Row(min(b.top for b in line), text.strip(), min(b.confidence for b in line)))
    return rows


def _lines(boxes: list[Box]) -> list[list[Box]]:
    """Boxes -> groups of boxes on one visual line, top to bottom, each left to right."""
    lines: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: (b.middle, b.x0)):
        if lines and abs(box.middle - lines[-1][0].middle) <= max(box.height, lines[-1][0].height) / 2:
            lines[-1].append(box)
        else:
            lines.append([box])
    return [sorted(line, key=lambda b: b.x0) for line in lines]


def page_to_rows(boxes: list[Box], rules: list[Rule]) -> list[Row]:
    """Boxes and ruling lines of one page -> its rows in reading order; a ruled table gives one row per table row.

    A table row's cells are read between its vertical rules, left to right, each cell's lines joined without a
    separator (a wrapped cell), cells joined by a tab; text outside the tables is read line by line.
    """
    height = median(b.height for b in boxes) if boxes else 0.0
    bands = rules_to_bands(rules, tolerance=max(height / 2, 1e-6))
    placed: set[int] = set()
    rows = []
    for band in bands:
        cells: list[list[Box]] = [[] for _ in band.edges[1:]]
        for i, box in enumerate(boxes):
            column = _cell_of(band, box)
            if column is not None:
                cells[column].append(box)
                placed.add(i)
        if any(cells):
            texts = ["".join(r.text for r in boxes_to_rows(cell)).strip() for cell in cells]
            confidence = min((b.confidence for cell in cells for b in cell), default=1.0)
            rows.append(Row(band.top, CELL_SEPARATOR.join(texts), confidence))
    rows.extend(boxes_to_rows([b for i, b in enumerate(boxes) if i not in placed]))
    return sorted(rows, key=lambda r: r.top)


def _cell_of(band: _Band, box: Box) -> int | None:
    """A box -> the index of the band's cell holding its centre, or None when it lies outside the band."""
    if not band.top < box.middle < band.bottom:
        return None
    for column, (left, right) in enumerate(zip(band.edges, band.edges[1:], strict=False)):
        if left < box.centre < right:
            return column
    return None


def rules_to_bands(rules: list[Rule], tolerance: float) -> list[_Band]:
    """Ruling lines -> the rows of ruled tables: each gap between two horizontal rules that at least two vertical
    rules cross from top to bottom (the cells' side borders). A rule under a letterhead crosses nothing: no table.

    `tolerance` is how far apart two ends may be and still meet (about half a text height).
    """
    horizontal = _merge([(r.top + r.bottom) / 2 for r in rules if r.x1 - r.x0 > max(r.bottom - r.top, tolerance * 2)], tolerance)
    vertical = [r for r in rules if r.bottom - r.top >= r.x1 - r.x0]
    bands = []
    for top, bottom in zip(horizontal, horizontal[1:], strict=False):
        if bottom - top < tolerance * 2:
            continue
        crossing = [(r.x0 + r.x1) / 2 for r in vertical if r.top <= top + tolerance and r.bottom >= bottom - tolerance]
        edges = _merge(crossing, tolerance)
        if len(edges) >= 2:
            bands.append(_Band(top, bottom, tuple(edges)))
    return bands


def _merge(positions: list[float], tolerance: float) -> list[float]:
    """Positions -> sorted, with positions closer than `tolerance` merged into their mean (one rule drawn twice)."""
    groups: list[list[float]] = []
    for position in sorted(positions):
        if groups and position - groups[-1][-1] <= tolerance:
            groups[-1].append(position)
        else:
            groups.append([position])
    return [sum(g) / len(g) for g in groups]
