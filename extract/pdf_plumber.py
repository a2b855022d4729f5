"""pdfplumber (pdfminer): a PDF page with ruled tables, rotated text or glyphs pdfium cannot give -> its text.

Ruled tables come out one line per row, cells separated by a tab, each cell's wrapped lines joined. Glyphs drawn
twice are removed in linear time, and pdfminer's log lines about lost content are collected for the caller.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from typing import Any

import regex
from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from fengong.extract.pdf_layout import PageText, TextRow, duplicate_indexes
from fengong.extract.reading import CELL_SEPARATOR

# Text a PDF yields when its fonts carry no Unicode: (cid:123) placeholders, U+FFFD, private-use code points.
_BAD_CHAR = regex.compile(r"^\(cid:\d+\)$|^[\ufffd\ue000-\uf8ff]$")
# pdfminer's log lines that mean content of the page was dropped.
_LOSS = regex.compile(r"Data-loss|Cannot render")


class _LossLog(logging.Handler):
    """Collects pdfminer's log lines about dropped content while a page is read (and keeps them off stderr)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().splitlines()[0][:200] if record.getMessage() else ""
        if _LOSS.search(message) and message not in self.messages:
            self.messages.append(message)


@contextlib.contextmanager
def pdfminer_losses() -> Iterator[_LossLog]:
    """A block -> the log lines about lost content pdfminer wrote while it ran (in `.messages`)."""
    handler, logger = _LossLog(), logging.getLogger("pdfminer")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def pdfminer_pages(data: bytes, password: str | None) -> list[PDFPage]:
    """PDF bytes -> pdfminer's page objects (for checking their content streams; nothing is laid out).

    Raises:
        Exception: whatever pdfminer raises for a document it cannot open (damaged, wrong password).
    """
    document = PDFDocument(PDFParser(io.BytesIO(data)), password=password or "")
    return list(PDFPage.create_pages(document))


class LazyPlumber:
    """pdfplumber's document over the same bytes, opened when a page first needs it (importing and opening it
    costs more than pdfium reads a page in).
    """

    def __init__(self, data: bytes, password: str | None) -> None:
        self.data, self.password = data, password
        self.pdf: Any = None

    def page(self, index: int):
        """0-based page index -> pdfplumber's page."""
        if self.pdf is None:
            import pdfplumber

            self.pdf = pdfplumber.open(io.BytesIO(self.data), password=self.password or "")
        return self.pdf.pages[index]

    def close(self) -> None:
        # pdfplumber's close builds every page it has not built yet: on a damaged page tree that fails again.
        if self.pdf is not None:
            with contextlib.suppress(Exception):
                self.pdf.close()


class _Enough(Exception):
    pass


class _GlyphCounter(PDFTextDevice):
    """A pdfminer device that only counts glyphs, and stops the page once there are more than `cap`."""

    def __init__(self, rsrcmgr, cap: int) -> None:
        super().__init__(rsrcmgr)
        self.cap, self.count = cap, 0

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        self.count += 1
        if self.count > self.cap:
            raise _Enough
        return 0.0


def glyph_count(page_obj: PDFPage, cap: int) -> int:
    """A pdfminer page -> how many glyphs pdfminer reads on it, counting stopped at `cap` + 1.

    Without layout analysis and stopped at the cap, this costs a small part of reading a page over the limit.
    """
    resources = PDFResourceManager()
    counter = _GlyphCounter(resources, cap)
    with contextlib.suppress(_Enough):
        PDFPageInterpreter(resources, counter).process_page(page_obj)
    return counter.count


def _deduped(page):
    """A pdfplumber page -> the page without glyphs drawn twice at one place, in linear time (see pdf_layout)."""
    chars = page.chars
    dropped = duplicate_indexes([(c["upright"], c["text"], c["fontname"], c["size"]) for c in chars],
                                [c["doctop"] for c in chars], [c["x0"] for c in chars])
    if not dropped:
        return page
    gone = {id(chars[i]) for i in dropped}
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) not in gone)


def plumber_page_text(page, number: int, tables: bool) -> PageText:
    """A pdfplumber page (its glyphs already counted within the limit) -> its text: ruled tables one line per row
    (when `tables`), the rest as lines, all in order of their top.
    """
    page = _deduped(page)
    rows: list[TextRow] = []
    outside = page
    for table in page.find_tables() if tables else ():
        outside = outside.outside_bbox(table.bbox)
        for row, cells in zip(table.rows, table.extract(), strict=False):
            texts = [(cell or "").replace("\n", "").strip() for cell in cells]
            if any(texts):
                rows.append(TextRow(row.bbox[1], CELL_SEPARATOR.join(t or "" for t in texts)))
    for line in outside.extract_text_lines(strip=True, return_chars=False):
        if line["text"].strip():
            rows.append(TextRow(line["top"], line["text"]))
    rows.sort(key=lambda r: r.top)
    chars = [c["text"] for c in page.chars if not c["text"].isspace()]
    bad = sum(1 for c in chars if _BAD_CHAR.match(c))
    return PageText(number, tuple(rows), float(page.height), len(chars), bad, "pdfplumber")
