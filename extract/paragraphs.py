"""Paragraphs: a notice's lines -> paragraphs, wrapped lines joined, numbered ones opened, table rows gathered.

The steps: lines are cleaned (page numbers, excerpt marks and PDF spacing dropped); then each stretch of lines is
read by the reader for its kind — a table with a header row (cells split by tabs or spaces), a table flattened
to one cell per line (as a web page gives it), or running text. A line break is never a boundary by itself: in
running text a paragraph ends where a line stops short of the right margin (and is not inside a bracket), where
it closes its unit bracket, or where the next line opens a number, a label, an attachment or a table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from fengong.extract import genre
from fengong.extract.bodies import looks_like_unit_list
from fengong.extract.brackets import depth_after, is_unclosed, opener_of_last, split_top
from fengong.extract.model import Cell, Line, Piece, Span
from fengong.extract.numbering import ARTICLE_LEVEL, CHAPTER_LEVEL, PART_LEVEL, Marker, line_to_attachment, line_to_marker
from fengong.extract.parties import label_at

_CJK = r"\p{Han}\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026"
_SPACE_NEAR_CJK = regex.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_TERMINAL = tuple("。；;：:！？!?）)」』”\"")
HEADING_LEVELS = (CHAPTER_LEVEL, PART_LEVEL, 1, 2)  # 第一章, 第一节, 一、, （一）
COUNTED = "(序号)"  # stands in front of the columns of a table that prints no serial numbers: its rows are counted
_BLANKS = regex.compile(r"[ \t]+")
_WORD_SPACE = regex.compile(r"(?<=\p{Han}\p{Han})[ \t]+(?=\p{Han}\p{Han})")
_WHITESPACE = regex.compile(r"\s+")
_KEEP_SPACES = regex.compile(r"(\s+)")
_SERIAL = regex.compile(r"^(\d{1,3})\*?(?:\s|$)")  # 1, 12, 1* (a starred row)
_FLAT_SERIAL = regex.compile(r"^(\d{1,3})\*?$")
_HAN_WORD = regex.compile(r"\p{Han}+")
_LABEL_LINE = regex.compile(r"\s*[【\[]?\s*\p{Han}")
_CLAUSE_PUNCTUATION = regex.compile(r"[，,；;]")
# East Asian Wide and Fullwidth characters (unicodedata.east_asian_width W or F), as ranges: counted in C.
_WIDE = regex.compile("[\u1100-\u115f\u231a\u231b\u2329\u232a\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                      "\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6"
                      "\U00016fe0-\U00018aff\U0001b000-\U0001b2ff\U0001f300-\U0001f64f\U00020000-\U0003fffd]")
_CLOSERS = ("）", ")", "〕", "】", "]", "］")
# A bracket of units closing a clause is read from at most this many last characters: longer ones hold prose.
_UNIT_BRACKET_SPAN = 2000
_DECIMAL_MARKER = regex.compile(r"^(\d{1,3})\.(?=\d+\p{Han})")


def clean_text(text: str) -> str:
    """A line as extracted -> its text with the spaces a PDF puts next to Chinese characters removed.

    A space between two words of two or more characters each is kept (牵头单位：市商务局 协办单位：市财政局 市统计局
    separates units by spaces only); spaces beside digits (29 类) and between letter-spaced characters (通 知) go.
    """
    text = genre.PINYIN.sub("", text.replace("\u3000", " ").replace("\xa0", " ").strip())
    text = _WORD_SPACE.sub("\x00", text)
    return _BLANKS.sub(" ", _SPACE_NEAR_CJK.sub("", text)).replace("\x00", " ")


def display_width(text: str) -> int:
    """Text -> its width in half-width cells (a Chinese character counts two)."""
    return len(text) + len(_WIDE.findall(text))


@dataclass(frozen=True, slots=True)
class Kept:
    """A line that carries text: the line, its cleaned text, and whether the copy breaks off right after it."""

    line: Line
    text: str
    cut: bool = False


@dataclass(slots=True)
class Paragraph:
    """A paragraph, label line, attachment heading or table row, built line by line."""

    kind: str  # attachment | numbered | text | label | row | frow (flattened table row) | end
    marker: Marker | None = None
    number: int | None = None
    chunks: list[tuple[str, Line]] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)  # table rows: their fragments
    header: tuple[str, ...] = ()
    closed: bool = False
    cut: bool = False  # the copy breaks off inside this paragraph ([…] follows it)
    depth: int = 0  # brackets open at the end of the text so far, kept as lines are added (never recounted)

    def add(self, text: str, line: Line) -> None:
        """One more line of the paragraph's text."""
        self.chunks.append((text, line))
        self.depth = depth_after(text, self.depth)

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.chunks)

    def tail(self, size: int) -> str:
        """The text's last `size` characters (all of it if shorter), joined from the last lines only: asked after every
        line, the whole text would make a paragraph of n lines cost n² (a long run of full-width lines)."""
        parts, total = [], 0
        for text, _ in reversed(self.chunks):
            parts.append(text)
            total += len(text)
            if total >= size:
                break
        return "".join(reversed(parts))[-size:]

    def span(self) -> Span:
        pieces, offset = [], 0
        for text, line in self.chunks:
            pieces.append(Piece(offset, line.line, line.page))
            offset += len(text)
        return Span(self.text, tuple(pieces))

    @property
    def first(self) -> Line:
        return self.chunks[0][1] if self.chunks else self.cells[0].line


def lines_to_kept(lines: tuple[Line, ...]) -> list[Kept]:
    """Physical lines -> the lines that carry text, cleaned; page numbers and excerpt marks dropped, cuts noted."""
    kept: list[Kept] = []
    for line in lines:
        text = clean_text(line.text)
        if not text or genre.PAGE_NUMBER.match(text):
            continue
        if genre.EXCERPT_MARK.match(text):
            if kept:
                kept[-1] = Kept(kept[-1].line, kept[-1].text, True)
            continue
        kept.append(Kept(line, text))
    return kept


def full_width(widths: list[int]) -> float:
    """Display widths of a document's lines -> the width from which a line counts as filled to the margin."""
    if not widths:
        return 0
    ordered = sorted(widths)
    typical = ordered[(len(ordered) * 3) // 4]
    # One paragraph per line (text saved from a web page): no line is a wrapped one.
    return float("inf") if typical > 160 else typical * 0.85


def table_header(raw: str) -> tuple[str, ...] | None:
    """A table's header row -> its column names, 序号 first.

    A header of a real table (tab-separated cells from PDF, DOCX or HTML) may have no 序号 column when it has a
    unit column; its rows are then counted (T1, T2, …) and a 序号 column stands in front of the names.
    """
    cells = tuple(c.strip() for c in (raw.strip().split("\t") if "\t" in raw else _WHITESPACE.split(raw.strip())) if c.strip())
    if len(cells) < 2 or not all(len(c) <= 8 and _HAN_WORD.fullmatch(c) for c in cells):
        return None
    if cells[0] == genre.SERIAL_HEADER and len(cells) >= 3:
        return cells
    if "\t" in raw and any(genre.names_units(c) for c in cells) and all(genre.is_header_word(c) for c in cells):
        return (COUNTED,) + cells
    return None


def flat_header(kept: list[Kept], i: int) -> tuple[tuple[str, ...], int] | None:
    """A table flattened to one cell per line (a web page's table as text): its column names and where rows start.

    A header over two rows comes flattened as its upper cells, then its lower ones (序号 / 重点任务 / 责任单位 / 完成时限 /
    牵头单位 / 配合单位): the lower cells take the place of the cell spanning them (flat_columns).
    """
    if kept[i].text != genre.SERIAL_HEADER:
        return None
    j = i + 1
    while j < len(kept) and j - i <= 20 and (genre.is_header_word(kept[j].text) or genre.is_span_word(kept[j].text)):
        j += 1
    header = tuple(kept[k].text for k in range(i, j))
    if j - i >= 3 and any(genre.names_units(h) for h in header) and j < len(kept):
        return flat_columns(header), j
    return None


def flat_columns(cells: tuple[str, ...]) -> tuple[str, ...]:
    """A flattened table's header cells -> its column names: where its last cells name the columns under cells before
    them (… / 责任单位 / 完成时限 / 牵头单位 / 配合单位), those take the spanning cells' places; else the cells as they are.

    The shortest such run of last cells wins, so that an upper cell that could head a column under another
    (区级责任单位 after 市级责任单位) stays in the upper row; a header has at most 21 cells, so trying each split costs a
    constant.
    """
    for split in range(len(cells) - 2, 1, -1):
        names = _names_by_kind(list(cells[:split]), list(cells[split:]))
        if names is not None:
            return tuple(names)
    return cells


# ---------------------------------------------------------------- headers over two rows
_MAX_HEADER_CELLS = 30  # task tables have fewer columns; a longer row of short words is no header (and costs no more)


def table_head(kept: list[Kept], i: int) -> tuple[tuple[str, ...], int] | None:
    """The line at i (and the one after it) -> a table's column names and how many lines its header takes: 2 for a
    header over two rows (two_row_header), 1 for a header row (table_header); None for a line that heads no table.

    A lower row whose cells cannot be matched to the cells above (two_row_header) is still a header's row, not one
    of the table nor the header of another: it is passed over, and the table read by its upper row.
    """
    lower = kept[i + 1].line.text if i + 1 < len(kept) else ""
    spanned = two_row_header(kept[i].line.text, lower) if lower else None
    if spanned is not None:
        return spanned, 2
    header = table_header(kept[i].line.text)
    if header is None:
        return None
    return header, 2 if lower and _lower_row(kept[i].line.text, lower) else 1


def _lower_row(upper: str, lower: str) -> bool:
    """Two lines -> whether the second is the lower row of a header over both: each of its cells repeats a cell above or
    heads a column under one (牵头 under 市级责任单位), and one names units."""
    tops, bottoms = _header_cells(upper), _header_cells(lower)
    if tops is None or bottoms is None:
        return False
    parts = [c for c in bottoms if c and c not in tops]
    return all(any(genre.header_part(top, c) for top in tops if top) for c in parts) \
        and any(genre.header_column(c) == genre.Column.UNITS and genre.is_header_word(c) for c in parts)


def two_row_header(upper: str, lower: str) -> tuple[str, ...] | None:
    """A table's first two lines -> its column names when the second names the columns under cells of the first that
    span them (责任单位 over 牵头单位 | 配合单位), else None.

    Each spanning cell gives way to the cells under it (开始 under 时间 names 开始时间). Where both rows keep the
    empty cells of the spans (a PDF's or a text file's tab-separated table), the cells line up column by column;
    where a row dropped them, or repeats a cell merged down both rows (as Word and web pages give it), each lower
    cell goes to the one spanning cell above that can hold it. The lower row must name a unit column: a row of
    other words, or of a first task's cells, is no header.
    """
    tops, bottoms = _header_cells(upper), _header_cells(lower)
    if tops is None or bottoms is None or not any(genre.header_column(c) == genre.Column.UNITS and genre.is_header_word(c) for c in bottoms):
        return None
    names = _names_in_place(tops, bottoms) if "\t" in upper and "\t" in lower and len(tops) == len(bottoms) else None
    if names is None:
        names = _names_by_kind([c for c in tops if c], [c for c in bottoms if c])
    return None if names is None else table_header(("\t" if "\t" in upper else " ").join(names))


def _header_cells(raw: str) -> list[str] | None:
    """A line -> its cells, empty ones kept where tab-separated, if each is a short Chinese word (a header's); else None."""
    if raw.count("\t") >= _MAX_HEADER_CELLS:
        return None
    cells = [c.strip() for c in raw.split("\t")] if "\t" in raw else _WHITESPACE.split(raw.strip())
    if len(cells) > _MAX_HEADER_CELLS or not any(cells) or not all(len(c) <= 8 and _HAN_WORD.fullmatch(c) for c in cells if c):
        return None
    return cells


def _names_in_place(tops: list[str], bottoms: list[str]) -> list[str] | None:
    """Two header rows with their empty cells, column by column -> a name per column, or None where they do not fit.

    An upper cell followed by empty ones spans their columns, and each of them is named by the cell under it; an upper
    cell alone keeps its column, the cell under it empty or repeating it (a cell merged down both rows).
    """
    starts = [k for k, cell in enumerate(tops) if cell]
    if not starts or starts[0] != 0:
        return None
    names: list[str] = []
    spanned = False
    for start, end in zip(starts, [*starts[1:], len(tops)], strict=True):
        top, under = tops[start], bottoms[start:end]
        if end - start == 1 and under[0] in ("", top):
            names.append(top)
            continue
        parts = [genre.header_part(top, cell) for cell in under]
        if end - start < 2 or None in parts:
            return None
        names.extend(p for p in parts if p is not None)
        spanned = True
    return names if spanned else None


def _names_by_kind(tops: list[str], bottoms: list[str]) -> list[str] | None:
    """Two header rows without their empty cells -> a name per column, or None where they do not fit.

    A lower cell that repeats an upper one (a cell merged down both rows) stands where that cell stands; every other
    lower cell goes under the spanning cells after it that can hold it (责任单位 for 牵头单位, 时间 for 开始). Spanning
    cells side by side (市级责任单位 | 区级责任单位, each over 牵头 | 配合) make one block: the names are the same however
    the lower cells divide between them; spanning cells apart (another column between them) cannot be told apart, and
    give None. Each spanning cell spans two columns or more, and one column at least names units. Headers have few
    cells: the searches cost a constant.
    """
    parts: dict[int, list[str]] = {}  # the first spanning cell of a block -> the names of the columns under the block
    blocks: dict[int, int] = {}  # the first spanning cell of a block -> how many spanning cells stand in it
    after = 0  # the upper cells before this one stand before the lower cell now read
    for cell in bottoms:
        if cell in tops[after:]:
            after = tops.index(cell, after) + 1
            continue
        block = _block_over(tops, after, cell)
        if block is None:
            return None
        first, size, name = block
        parts.setdefault(first, []).append(name)
        blocks[first], after = max(size, blocks.get(first, 0)), first
    covered = {k for first, size in blocks.items() for k in range(first + 1, first + size)}
    named = [name for under in parts.values() for name in under]
    if not parts or covered & parts.keys() or any(len(parts[first]) < 2 * size for first, size in blocks.items()) \
            or not any(genre.header_column(name) == genre.Column.UNITS for name in named):
        return None
    return [name for k, top in enumerate(tops) if k not in covered for name in parts.get(k, [top])]


def _block_over(tops: list[str], after: int, cell: str) -> tuple[int, int, str] | None:
    """Upper header cells, where to look from, and a lower cell -> the spanning cells side by side that can hold it
    (their first, how many) and the name of its column; None when none can, or some that can stand apart."""
    holders = [(k, name) for k in range(after, len(tops)) if (name := genre.header_part(tops[k], cell))]
    if not holders or holders[-1][0] - holders[0][0] != len(holders) - 1:
        return None
    return holders[0][0], len(holders), holders[0][1]


def lines_to_paragraphs(lines: tuple[Line, ...]) -> list[Paragraph]:
    """Physical lines -> paragraphs: wrapped lines joined, markers opening new ones, table rows gathered."""
    kept = lines_to_kept(lines)
    reader = _TextReader(full_width([display_width(k.text) for k in kept]))
    i = 0
    while i < len(kept):
        head = table_head(kept, i)
        flat = flat_header(kept, i) if head is None else None
        if head is not None:
            reader.close()
            paras, i = read_table(kept, i + head[1], head[0])
        elif flat is not None:
            reader.close()
            paras, i = read_flat_table(kept, flat[1], flat[0])
        else:
            reader.add(kept[i])
            i += 1
            continue
        reader.paras.extend(paras)
        reader.reset_numbers()
    reader.close()
    return reader.paras


# ---------------------------------------------------------------- running text
class _TextReader:
    """Running text, line by line -> paragraphs (the one place that keeps state between lines)."""

    def __init__(self, full: float) -> None:
        self.full = full
        self.paras: list[Paragraph] = []
        self.current: Paragraph | None = None
        self.last_number: dict[int, int] = {}

    def close(self) -> None:
        if self.current is not None:
            self.current.closed = True
        self.current = None

    def reset_numbers(self) -> None:
        self.current = None

    def start(self, kind: str, **fields) -> Paragraph:
        self.close()
        self.current = Paragraph(kind, **fields)
        self.paras.append(self.current)
        return self.current

    def add(self, kept: Kept) -> None:
        text, line = kept.text, kept.line
        attachment = line_to_attachment(text)
        if genre.BARE_ATTACHMENT.fullmatch(text) or (attachment is not None and len(attachment[1]) <= 60):
            para = self.start("attachment", number=1 if attachment is None else attachment[0], closed=True)
            para.chunks.append(("" if attachment is None else attachment[1], line))
            self.current = None
            self.last_number.clear()
            return
        marker = line_to_marker(text) or self._run_on_marker(text)
        current = self.current
        inside_bracket = current is not None and not current.closed and current.depth > 0
        if genre.END_MATTER.match(text):
            self.start("end")
        elif label_at(text) and _LABEL_LINE.match(text) and not inside_bracket and marker is None:
            self.start("label")  # 牵头单位：区发改局 on a line of its own: the units of the clause above
        elif marker is not None and opens_paragraph(current, marker, self.last_number):
            self.start("numbered", marker=marker, number=marker.number)
            self._count(marker)
            text = marker.rest
        elif current is None or current.closed:
            self.start("text")
        assert self.current is not None
        self.current.add(text, line)
        self.current.cut = kept.cut
        self._maybe_close(text, line)

    def _run_on_marker(self, text: str) -> Marker | None:
        """11.121人才梯队项目: a number that reads as a decimal but is the next item's (11. after 10.) opens that item."""
        m = _DECIMAL_MARKER.match(text)
        if m and int(m.group(1)) == self.last_number.get(3, 0) + 1 and self.last_number.get(3):
            return Marker(3, int(m.group(1)), text[: m.end()], text[m.end():])
        return None

    def _count(self, marker: Marker) -> None:
        self.last_number[marker.level] = marker.number
        for deeper in [lv for lv in self.last_number if lv > marker.level]:
            del self.last_number[deeper]

    def _maybe_close(self, text: str, line: Line) -> None:
        current = self.current
        assert current is not None
        if current.kind in ("numbered", "text") and current.depth == 0 and text.endswith(_CLOSERS) and ends_with_unit_bracket(last_bracket(current)):
            self.close()
            return
        measured = text if current.marker is None or len(current.chunks) > 1 else clean_text(line.text)
        if current.kind == "label" and text.endswith(("：", ":")):
            return  # 责任单位： alone on its line: the units follow on the next one
        if current.depth == 0 and not text.endswith(("，", ",", "、", "（", "(")) and display_width(measured) < self.full:
            self.close()


def last_bracket(para: Paragraph) -> str:
    """A paragraph whose text ends with a closing bracket -> its text from that bracket's opening (or its last
    _UNIT_BRACKET_SPAN characters), read from the last lines only, so each line costs the bracket, not the paragraph."""
    size = 64
    while True:
        tail = para.tail(size)
        opened = opener_of_last(tail)
        if opened is not None or size >= _UNIT_BRACKET_SPAN or len(tail) < size:
            return tail if opened is None else tail[opened:]
        size *= 4


def ends_with_unit_bracket(text: str) -> bool:
    """Whether text ends by closing a bracket that names units (…（牵头单位：市财政局）, …（教育部负责）): a clause ends there.

    A cheap test on the bracket's words (a label at its start, or a role cue such as 牵头 / 负责 in it); the
    bracket itself is read once, later, by the unit parser.
    """
    if not text.endswith(("）", ")", "〕", "】", "]", "］")):
        return False
    opened = opener_of_last(text)
    if opened is None:
        return False
    inner = text[opened + 1:-1]
    if label_at(inner) or genre.UPPER_LEVEL_LABEL.match(inner):
        return True
    parts = [inner[a:b].strip() for a, b in split_top(inner, "，,；;。")]
    return any(genre.ROLE_CUE.search(p) for p in parts if p and not genre.DEADLINE.match(p))


def may_end(text: str) -> bool:
    """Whether a paragraph can end after this text: not inside a bracket, not after a comma or enumeration mark."""
    return not is_unclosed(text) and not text.endswith(("，", ",", "、", "（", "("))


def opens_paragraph(current: Paragraph | None, marker: Marker, last_number: dict[int, int]) -> bool:
    """Whether a line opening with `marker` starts a new paragraph rather than continuing a wrapped one."""
    if current is None or current.closed or current.kind in ("attachment", "end", "label"):
        return True
    if current.tail(1).endswith(_TERMINAL):
        return True
    if marker.level == ARTICLE_LEVEL:
        # Inside a sentence a line opening with 第二条 is a wrapped citation (…按照本办法 / 第二条规定), whatever its number;
        # an article opens after a sentence ends, or under the heading of its chapter (第二章 职责分工).
        # (A heading is short: only the paragraph's last characters are read, so long ones cost nothing per line.)
        above = current.tail(200)
        return current.marker is not None and current.marker.level < ARTICLE_LEVEL and len(above) < 200 and heading_like(above)
    expected = last_number.get(marker.level, 0) + 1
    if marker.level not in last_number and marker.level in HEADING_LEVELS and heading_like(marker.rest):
        return True  # the first heading of an excerpt may not be 一、 (二、责任主体及工作分工)
    return marker.number in (expected, 1)


def heading_like(text: str) -> bool:
    """Text that reads as a heading (约束性指标的责任部门), not as the start of a task sentence."""
    text = text.strip().rstrip("。")
    return 0 < len(text) <= 40 and "。" not in text and not text.endswith(("，", "、", ",")) and not _CLAUSE_PUNCTUATION.search(text)


# ---------------------------------------------------------------- tables with a header row
def read_table(kept: list[Kept], i: int, header: tuple[str, ...]) -> tuple[list[Paragraph], int]:
    """Lines after a table's header row -> its rows (and section rows), and the index of the first line after it.

    Rows start at the next serial number (or, in a table that prints none, at every tab-separated line); a
    repeated header after a page break (of one row or two) is dropped; a heading, attachment or end matter ends the table.
    """
    paras: list[Paragraph] = []
    current: Paragraph | None = None
    last_row = 0
    counted = header[0] == COUNTED
    while i < len(kept):
        line, text = kept[i].line, kept[i].text
        repeated = _repeated_header(kept, i, header)
        if repeated:
            i += repeated
            continue
        raw = line.text.replace("\u3000", " ").rstrip("\r\n")
        marker = line_to_marker(text)
        if marker and marker.level in HEADING_LEVELS and "\t" not in raw.strip() and _next_is_row(kept, i, last_row):
            # A section row (一、全年主要预期目标) groups the rows below it; the serial numbers run on or restart at 1.
            section = Paragraph("numbered", marker=marker, number=marker.number, closed=True)
            section.chunks.append((marker.rest, line))
            paras.append(section)
            current, i, last_row = None, i + 1, _row_before(kept[i + 1].line.text, last_row)
            continue
        if line_to_attachment(text) is not None or (marker and marker.level in HEADING_LEVELS) or genre.END_MATTER.match(text) \
                or genre.NOTE.match(text):
            break
        fragments = _row_fragments(raw)
        serial = str(last_row + 1) if counted and "\t" in raw else _serial_of(fragments)
        if counted and "\t" in raw:
            fragments = [str(last_row + 1), "\t"] + fragments
        if serial and last_row < int(serial) <= last_row + 5:
            last_row = int(serial)
            current = Paragraph("row", number=last_row, header=header, closed=True)
            current.chunks.append((serial, line))
            paras.append(current)
            fragments = fragments[2:]
        elif current is None:
            break  # not a row: the table is over
        words = fragments[::2]
        trailing = raw != raw.rstrip()
        current.cells.extend(Cell(clean_text(w), line, k < len(words) - 1 or trailing) for k, w in enumerate(words))
        i += 1
    return paras, i


def _repeated_header(kept: list[Kept], i: int, header: tuple[str, ...]) -> int:
    """The line at i within a table -> how many lines repeat the table's header there (0, 1, or 2 for one over two rows)."""
    if i + 1 < len(kept) and two_row_header(kept[i].line.text, kept[i + 1].line.text) == header:
        return 2
    return 1 if table_header(kept[i].line.text) == header else 0


def _row_fragments(raw: str) -> list[str]:
    """A table line -> its fragments with the separators between them (cells of a PDF/Word row keep empty ones)."""
    if "\t" in raw:
        fragments: list[str] = []
        for cell in raw.split("\t"):
            fragments.extend([cell.strip(), "\t"])
        return fragments[:-1]
    return [f for f in _KEEP_SPACES.split(raw.strip()) if f]


def _serial_of(fragments: list[str]) -> str | None:
    m = _SERIAL.match(fragments[0]) if fragments else None
    return m.group(1) if m and fragments[0].rstrip("*").isdigit() else None


def _next_is_row(kept: list[Kept], i: int, last_row: int) -> bool:
    """Whether the line after a section row opens the next row: numbered on (last_row + 1) or afresh (1)."""
    following = kept[i + 1].line.text.strip() if i + 1 < len(kept) else ""
    m = _SERIAL.match(following)
    return bool(m) and int(m.group(1)) in (last_row + 1, 1)


def _row_before(following: str, last_row: int) -> int:
    """The row number before the first row under a section: the last one, or 0 when the serials restart at 1."""
    m = _SERIAL.match(following.strip())
    return 0 if m and int(m.group(1)) == 1 else last_row


# ---------------------------------------------------------------- tables flattened to one cell per line
def read_flat_table(kept: list[Kept], i: int, header: tuple[str, ...]) -> tuple[list[Paragraph], int]:
    """Lines after a flattened table's header -> its rows (frow) and section rows, and the first line after it.

    Each line is one cell. A row starts at the next serial number; where the serial cells came out empty, a row
    starts at the first cell that is not a unit list after the row's unit cells. A numbered line standing
    before a row's serial (一、…, （一）王宏副市长牵头重点工作) heads the rows below it.
    """
    paras: list[Paragraph] = []
    current: Paragraph | None = None
    last_row = 0
    counted = not _FLAT_SERIAL.match(kept[i].text) and not _section_before_serial(kept, i)
    while i < len(kept):
        text, line = kept[i].text, kept[i].line
        if line_to_attachment(text) is not None or genre.END_MATTER.match(text) or genre.DATE.match(text) or genre.NOTE.match(text):
            break
        if flat_header(kept, i) is not None or _heading_before_table(kept, i):
            break
        serial = _FLAT_SERIAL.match(text)
        if _section_before_serial(kept, i):
            marker = line_to_marker(text)
            assert marker is not None
            section = Paragraph("numbered", marker=marker, number=marker.number, closed=True)
            section.chunks.append((marker.rest, line))
            paras.append(section)
            current, last_row = None, _row_before(kept[i + 1].text, last_row)
        elif serial and last_row < int(serial.group(1)) <= last_row + 5:
            last_row = int(serial.group(1))
            current = _new_flat_row(paras, last_row, header, text, line)
        elif counted and (current is None or _starts_counted_row(current, text)):
            last_row += 1
            current = _new_flat_row(paras, last_row, header, str(last_row), line)
            current.cells.append(Cell(text, line))
        elif current is not None:
            current.cells.append(Cell(text, line))
        current_cut = kept[i].cut
        if current is not None and current_cut:
            current.cut = True
        i += 1
    return paras, i


def _new_flat_row(paras: list[Paragraph], number: int, header: tuple[str, ...], serial: str, line: Line) -> Paragraph:
    row = Paragraph("frow", number=number, header=header, closed=True)
    row.chunks.append((serial, line))
    paras.append(row)
    return row


def _starts_counted_row(row: Paragraph, text: str) -> bool:
    """In a flattened table without serials: a cell that is not a unit list, after the row's unit cells, starts a row."""
    return bool(row.cells) and looks_like_unit_list(row.cells[-1].text) and not looks_like_unit_list(text) \
        and not genre.UPPER_LEVEL_LABEL.match(text)


def _section_before_serial(kept: list[Kept], i: int) -> bool:
    """Whether a flattened table's line is a section or leader group (一、…, （一）…牵头重点工作) before a row's serial."""
    marker = line_to_marker(kept[i].text)
    if marker is None or marker.level not in HEADING_LEVELS or i + 1 >= len(kept):
        return False
    return bool(_FLAT_SERIAL.match(kept[i + 1].text))


def _heading_before_table(kept: list[Kept], i: int) -> bool:
    """Whether a line is a heading (二、…) standing right before the header of the next flattened table."""
    marker = line_to_marker(kept[i].text)
    return marker is not None and marker.level in HEADING_LEVELS and i + 1 < len(kept) and flat_header(kept, i + 1) is not None
