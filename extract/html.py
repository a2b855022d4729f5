"""HTML ingestion: a notice saved from a government website -> its text blocks and table rows as lines."""

from __future__ import annotations

from html.parser import HTMLParser

import regex

from fengong.extract.model import Line
from fengong.extract.pdf import CELL_SEPARATOR

_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
           "tbody", "thead", "tfoot", "blockquote", "pre", "hr", "dd", "dt", "center", "font"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.text: list[str] = []
        self.skip = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.depth = 0  # nested tables are read as text of the cell that holds them

    def flush(self) -> None:
        text = regex.sub(r"\s+", " ", "".join(self.text)).strip()
        if text:
            self.lines.append(text)
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self.flush()
            self.depth += 1
        elif tag == "tr" and self.depth == 1:
            self.row = []
        elif tag in ("td", "th") and self.row is not None and self.depth == 1:
            self.cell = []
        elif tag == "br" and self.cell is not None:
            pass  # a line break inside a cell only wraps its text
        elif tag in _BLOCKS and self.cell is None:
            self.flush()

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.cell is not None and self.row is not None and self.depth == 1:
            self.row.append(regex.sub(r"\s+", "", "".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None and self.depth == 1:
            if any(self.row):
                self.lines.append(CELL_SEPARATOR.join(self.row))
            self.row = None
        elif tag == "table":
            self.depth = max(0, self.depth - 1)
        elif tag in _BLOCKS and self.cell is None:
            self.flush()

    def handle_data(self, data):
        if self.skip:
            return
        (self.cell if self.cell is not None else self.text).append(data)


def html_to_lines(text: str, file: str) -> tuple[Line, ...]:
    """Decoded HTML -> one line per block of text and per table row (cells tab-separated); `line` counts them from 1."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    reader.flush()
    return tuple(Line(file, number, None, line) for number, line in enumerate(reader.lines, start=1))
