"""HTML ingestion: a notice saved from a government website -> its text blocks and table rows as lines.

The page is parsed by libxml2 (lxml, in C: linear on any input, where the standard library's parser takes
quadratic time on some malformed pages). Data tables give one line per row, cells separated by a tab; layout
tables (a page, or a notice, laid out in the cells of a table) give the blocks of their cells, so a notice
inside a layout table reads as the same notice outside one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from fengong.extract.errors import InputError
from fengong.extract.model import Line
from fengong.extract.reading import CELL_SEPARATOR

_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
           "tbody", "thead", "tfoot", "blockquote", "pre", "hr", "dd", "dt", "center", "font"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}
_SPACES = regex.compile(r"\s+")
_PROSE_BLOCKS = 3  # a cell of this many blocks or more, holding most of its table's text, makes the table layout


@dataclass
class _Cell:
    items: list[str] = field(default_factory=list)  # blocks of text, and the lines of tables nested in the cell
    nested: bool = False  # holds a table


@dataclass
class _Table:
    rows: list[list[_Cell]] = field(default_factory=list)
    row: list[_Cell] | None = None
    cell: _Cell | None = None

    def close_cell(self) -> None:
        if self.cell is not None:
            if self.row is None:
                self.row = []
            self.row.append(self.cell)
            self.cell = None

    def close_row(self) -> None:
        self.close_cell()
        if self.row is not None:
            self.rows.append(self.row)
            self.row = None


def _is_layout(rows: list[list[_Cell]]) -> bool:
    """A table's rows -> whether it lays out a page rather than holding data.

    Layout: a cell holds a table, or one cell of several paragraphs holds at least half of the table's text.
    A data table's cell may hold two paragraphs, but never most of a table of many rows.
    """
    cells = [cell for row in rows for cell in row]
    if any(cell.nested for cell in cells):
        return True
    sizes = [sum(len(item) for item in cell.items) for cell in cells]
    total = sum(sizes)
    return any(len(cell.items) >= _PROSE_BLOCKS and size * 2 >= total for cell, size in zip(cells, sizes, strict=True))


def _table_lines(table: _Table) -> list[str]:
    """A table as parsed -> its lines: the blocks of its cells (layout), or one line per row (data)."""
    table.close_row()
    if _is_layout(table.rows):
        return [item for row in table.rows for cell in row for item in cell.items]
    lines = []
    for row in table.rows:
        texts = [_SPACES.sub("", "".join(cell.items)) for cell in row]
        if any(texts):
            lines.append(CELL_SEPARATOR.join(texts))
    return lines


class _Reader:
    """Start tags, end tags and text in document order -> lines (blocks and table rows)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.text: list[str] = []
        self.skip = 0
        self.tables: list[_Table] = []

    def _cell(self) -> _Cell:
        table = self.tables[-1]
        if table.cell is None:
            table.cell = _Cell()  # text inside a table but outside any cell: a cell of its own
        return table.cell

    def _target(self) -> list[str]:
        return self._cell().items if self.tables else self.lines

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.text)).strip()
        self.text = []
        if text:
            self._target().append(text)

    def start(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self.flush()
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self.flush()
            self.tables[-1].close_row()
            self.tables[-1].row = []
        elif tag in ("td", "th") and self.tables:
            self.flush()
            self.tables[-1].close_cell()
            self.tables[-1].cell = _Cell()
        elif tag in _BLOCKS:
            self.flush()  # a line break inside a data cell only wraps its text: the cell's blocks are joined

    def end(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "table" and self.tables:
            self.flush()
            lines = _table_lines(self.tables.pop())
            if self.tables:
                cell = self._cell()
                cell.items.extend(lines)
                cell.nested = True
            else:
                self.lines.extend(lines)
        elif tag in ("td", "th") and self.tables:
            self.flush()
            self.tables[-1].close_cell()
        elif tag == "tr" and self.tables:
            self.flush()
            self.tables[-1].close_row()
        elif tag in _BLOCKS:
            self.flush()

    def data(self, text: str | None) -> None:
        if text and not self.skip:
            self.text.append(text)

    def finish(self) -> list[str]:
        self.flush()
        while self.tables:
            self.end("table")
        return self.lines


def _parse(text: str, file: str):
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", errors="surrogatepass"), parser=parser)
    except lxml.etree.ParserError:
        return None  # nothing but comments or blanks
    deep = [e for e in parser.error_log if "depth" in e.message.lower() or "huge" in e.message.lower()]
    if deep:
        raise InputError(file, f"web page nests its elements too deeply to read ({deep[0].message.strip()}); is it a notice?")
    return root


def html_to_lines(text: str, file: str) -> tuple[Line, ...]:
    """Decoded HTML -> one line per block of text and per data-table row (cells tab-separated); `line` counts them from 1.

    Raises:
        InputError: the page nests elements deeper than the parser reads (text would be lost).
    """
    import lxml.etree

    root = _parse(text, file)
    if root is None:
        return ()
    reader = _Reader()
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            reader.start(tag.lower())
            reader.data(element.text if tag else None)
        else:
            reader.end(tag.lower())
            reader.data(element.tail)
    return tuple(Line(file, number, None, line) for number, line in enumerate(reader.finish(), start=1))
