"""Characters of a PDF page -> lines of text, in linear time; the same lines pdfplumber's extract_text_lines gives.

Positions are in points from the page's top-left corner. The grouping follows pdfplumber 0.11 with its defaults
(x and y tolerance 3), so a page read from pdfium's characters gives the lines the pdfplumber reader gave: chars
are clustered into lines by their top, ordered by x within a line, split into words at gaps wider than 3 points
and at spaces, and the words of a line joined by one space.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import groupby

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
DUPLICATE_TOLERANCE = 1.0  # pdfplumber's dedupe_chars default: "fake bold" draws a glyph twice within 1 point
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}

@dataclass(frozen=True, slots=True)
class Char:
    """One glyph drawn on a page: its text and box (points, origin at the page's top-left)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(frozen=True, slots=True)
class TextRow:
    """One line of a page: the top of its highest character and its text (and OCR's confidence in it, if OCR read it)."""

    top: float
    text: str
    confidence: float | None = None  # 0-1, its least sure character; None: the text layer gave it


@dataclass(frozen=True, slots=True)
class PageText:
    """One page as read: its rows (top, text) in reading order, its height, and its glyphs counted."""

    number: int
    rows: tuple[TextRow, ...]
    height: float
    chars: int  # glyphs that are not spaces
    bad: int  # of those, glyphs without Unicode ((cid:N))
    reader: str = "pdfium"  # pdfium, pdfplumber, ocr, or damaged


def duplicate_indexes(keys: Sequence[Hashable], tops: Sequence[float], x0s: Sequence[float],
                      tolerance: float = DUPLICATE_TOLERANCE) -> set[int]:
    """Glyphs (key, top, x0 of each) -> indexes of those drawn again within `tolerance` of an earlier glyph of the same key.

    Linear: each glyph is looked up in a grid of `tolerance`-sized cells, where an earlier glyph of the same key
    within the tolerance must sit in one of the nine cells around it. (pdfplumber's own dedupe_chars orders its
    result with list.index, which is quadratic: a page of 150,000 characters took about 20 minutes.)
    """
    kept: dict[tuple[Hashable, int, int], int] = {}
    dropped: set[int] = set()
    for i, (key, y, x) in enumerate(zip(keys, tops, x0s, strict=True)):
        cy, cx = math.floor(y / tolerance), math.floor(x / tolerance)
        for dy, dx in _AROUND:
            j = kept.get((key, cy + dy, cx + dx))
            if j is not None and abs(tops[j] - y) <= tolerance and abs(x0s[j] - x) <= tolerance:
                dropped.add(i)
                break
        else:
            kept.setdefault((key, cy, cx), i)
    return dropped


_AROUND = ((0, 0), (0, -1), (0, 1), (-1, 0), (-1, -1), (-1, 1), (1, 0), (1, -1), (1, 1))


def dedupe(chars: Sequence[Char]) -> list[Char]:
    """Chars in drawing order -> the same without glyphs drawn twice at one place ("fake bold")."""
    dropped = duplicate_indexes([(c.text, round(c.size, 1)) for c in chars], [c.top for c in chars], [c.x0 for c in chars])
    return [c for i, c in enumerate(chars) if i not in dropped] if dropped else list(chars)


def _cluster_ids(values: list[float], tolerance: float) -> dict[float, int]:
    """Values -> cluster number of each distinct value; sorted values closer than `tolerance` chain into one cluster."""
    ids: dict[float, int] = {}
    last, cluster = None, -1
    for value in sorted(set(values)):
        if last is None or value > last + tolerance:
            cluster += 1
        ids[value] = cluster
        last = value
    return ids


def _words(line: list[Char]) -> list[tuple[float, str]]:
    """Chars of one line, ordered by x -> (top, text) of its words."""
    words: list[list[Char]] = []
    current: list[Char] = []
    for char in line:
        if char.text.isspace():
            current = []
            continue
        if current:
            prev = current[-1]
            if char.x0 < prev.x0 or char.x0 > prev.x1 + X_TOLERANCE or abs(char.top - prev.top) > Y_TOLERANCE:
                current = []
        if not current:
            words.append(current)
        current.append(char)
    return [(min(c.top for c in word), "".join(LIGATURES.get(c.text, c.text) for c in word)) for word in words]


def _lines(chars: Sequence[Char]) -> list[list[Char]]:
    """Chars -> lines: clustered by top (tolerance 3, chained), each ordered by x0 (drawing order kept on ties)."""
    ids = _cluster_ids([c.top for c in chars], Y_TOLERANCE)
    by_line = sorted(chars, key=lambda c: ids[c.top])  # stable: drawing order kept within a line before the x sort
    return [sorted(line, key=lambda c: c.x0) for _, line in groupby(by_line, key=lambda c: ids[c.top])]


def _overlapping(line: list[Char]) -> bool:
    """A line ordered by x0 -> whether two neighbours start within the duplicate tolerance of each other.

    Two copies of a glyph (same text, tops and x0 within 1 point) on one line leave only glyphs starting
    between them, so some neighbours start within 1 point: text without copies has none but the narrowest glyphs.
    """
    return any(b.x0 - a.x0 <= DUPLICATE_TOLERANCE for a, b in zip(line, line[1:], strict=False))


def chars_to_rows(chars: Sequence[Char]) -> list[TextRow]:
    """Chars of a page (upright text) -> its lines from top to bottom, empty lines left out, copies of glyphs dropped.

    Chars are clustered by top (tolerance 3), each cluster ordered by x0 and cut into words; words are then
    clustered again by their own top, in order, and each cluster is one line, its words joined by one space.
    Glyphs drawn twice ("fake bold") are looked for only where a line has overlapping neighbours.
    """
    if not chars:
        return []
    lines = _lines(chars)
    if any(_overlapping(line) for line in lines):
        lines = _lines(dedupe(chars))
    return _rows(lines)


def without_copies(chars: Sequence[Char]) -> list[Char]:
    """Chars of a page -> the same without glyphs drawn twice at one place, looked for only where a line has
    overlapping neighbours.
    """
    return dedupe(chars) if any(_overlapping(line) for line in _lines(chars)) else list(chars)


def _rows(lines: list[list[Char]]) -> list[TextRow]:
    words = [word for line in lines for word in _words(line)]
    word_ids = _cluster_ids([top for top, _ in words], Y_TOLERANCE)
    rows = []
    for _, group in groupby(words, key=lambda w: word_ids[w[0]]):
        members = list(group)
        text = " ".join(text for _, text in members).strip(" ")
        if text.strip():
            rows.append(TextRow(min(top for top, _ in members), text))
    return rows
