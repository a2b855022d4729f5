"""HTML ingestion: a notice saved from a government website -> its text blocks and table rows as lines.

The page is parsed by libxml2 (lxml, in C: linear on any input, where the standard library's parser takes
quadratic time on some malformed pages). Data tables give one line per row, cells separated by a tab; layout
tables (a page, or a notice, laid out in the cells of a table) give the blocks of their cells, so a notice
inside a layout table reads as the same notice outside one.

Spanned cells are given as Word tables give them (extract/docx.py): a cell spanning rows (rowspan) repeats its
text in each row it spans, so the cells after it keep their columns (a unit written once for several tasks, a
header cell over two rows beside cells split below it); a cell spanning columns (colspan) is one cell.
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
_MAX_SPAN = 1000  # colspan's limit in HTML; a rowspan over more rows is cut there too
_CELLS = frozenset({"td", "th", "TD", "TH", "Td", "Th", "tD", "tH"})
_NO_SPAN = (1, 1)
# Text repeated for cells spanning rows, beyond the table's own: real tables repeat a few unit names; a page that
# spans long cells over thousands of rows stops being repeated here, so the lines cost no more than the page.
_REPEAT_BUDGET = 100_000


@dataclass
class _Cell:
    items: list[str] = field(default_factory=list)  # blocks of text, and the lines of tables nested in the cell
    nested: bool = False  # holds a table
    rows: int = 1  # rows spanned (rowspan)
    columns: int = 1  # columns spanned (colspan)


@dataclass(frozen=True, slots=True)
class _Above:
    """A cell spanning rows, as the rows below it see it: its text, the rows it still covers, its columns."""

    text: str
    rows: int
    columns: int


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
    return [CELL_SEPARATOR.join(texts) for texts in _grid_rows(table.rows) if any(texts)]


def _grid_rows(rows: list[list[_Cell]]) -> list[list[str]]:
    """A data table's rows -> each row's cell texts, a cell spanning rows repeated in the rows below it at its column.

    Linear: each row pays, from a budget of the table's own text and _REPEAT_BUDGET, for every cell spanning rows
    over it (placed or not, as malformed spans may overlap); once the budget is spent, no more cells are repeated
    (the rows below then lack them, as rows did before cells were repeated).
    """
    texts_of = [[_SPACES.sub("", "".join(cell.items)) for cell in row] for row in rows]
    budget = sum(len(t) for texts in texts_of for t in texts) + _REPEAT_BUDGET
    above: dict[int, _Above] = {}  # grid column -> the cell spanning rows from above that stands there
    out = []
    for row, texts in zip(rows, texts_of, strict=True):
        if not above and all(cell.rows == 1 for cell in row):
            out.append(texts)  # the common row: nothing spans into it or out of it
            continue
        line: list[str] = []
        below: dict[int, _Above] = {}
        column = 0
        for cell, text in zip(row, texts, strict=True):
            column = _place_above(above, column, line)
            if cell.rows > 1:
                below[column] = _Above(text, cell.rows - 1, cell.columns)
            line.append(text)
            column += cell.columns
        line.extend(above[k].text for k in sorted(k for k in above if k >= column))  # after the row's own cells
        budget -= sum(len(a.text) + 1 for a in above.values())
        above = {k: _Above(a.text, a.rows - 1, a.columns) for k, a in above.items() if a.rows > 1} | below
        if budget < 0:
            above = {}
        out.append(line)
    return out


def _place_above(above: dict[int, _Above], column: int, line: list[str]) -> int:
    """Cells spanning rows from above that stand at `column`, one after the other -> their texts added to the row's
    line; the column after them."""
    while column in above:
        line.append(above[column].text)
        column += above[column].columns
    return column


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

    def start(self, tag: str, spans: tuple[int, int] = _NO_SPAN) -> None:
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
            self.tables[-1].cell = _Cell(rows=spans[0], columns=spans[1])
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


def _spans(cell) -> tuple[int, int]:
    """A td or th element -> the rows and columns it spans (rowspan, colspan)."""
    rows, columns = cell.get("rowspan"), cell.get("colspan")
    return _NO_SPAN if rows is None and columns is None else (_span(rows), _span(columns))


def _span(value: str | None) -> int:
    """A rowspan or colspan attribute -> the rows or columns spanned, 1 when missing or not a number, at most _MAX_SPAN."""
    value = (value or "").strip()
    return min(int(value), _MAX_SPAN) if value.isdigit() and 0 < len(value) < 6 and int(value) > 0 else 1


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
            reader.start(tag.lower(), _spans(element) if tag in _CELLS else _NO_SPAN)
            reader.data(element.text if tag else None)
        else:
            reader.end(tag.lower())
            reader.data(element.tail)
    return tuple(Line(file, number, None, line) for number, line in enumerate(reader.finish(), start=1))
