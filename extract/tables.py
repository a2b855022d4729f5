"""Table rows -> clauses: a row's cells by column (or typed by content when a flattened table lost its columns)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from fengong.extract import genre
from fengong.extract.bodies import body_suffix_start, looks_like_body, looks_like_unit_list
from fengong.extract.genre import Column
from fengong.extract.model import Cell, Clause, Line, Party, Piece, Span, UnitMention
from fengong.extract.numbering import line_to_marker
from fengong.extract.paragraphs import Paragraph
from fengong.extract.parties import deadline_to_date, party_text_to_party, split_merged_unit, unit_list_start
from fengong.extract.script import to_simplified

_PERSON = regex.compile(r"^\p{Han}{2,4}$")
_SENTENCE = regex.compile(r"[。，,；;]")
_TIME_FRAME = regex.compile(r"\d{4}\s*年?\s*\d{1,2}\s*月.*|.*(?:年内|年底|长期|持续).*")
_ROW_MARKS = regex.compile(r"^[★☆●■◆▲*※]+")  # ★地区生产总值增长15%: a mark for a key task, not text


@dataclass(frozen=True, slots=True, kw_only=True)
class RowPlace:
    """Where a row sits: its id, the numbers of the clauses table, its heading's title and lead."""

    clause_id: str
    number: int
    attachment: int | None
    section: int | None
    item: str | None
    heading_title: str | None
    heading_party: Span | None
    heading_units: Party
    leaders: tuple[str, ...] = ()  # named by the row's section (（牵头领导：成坤、柯相国）, 王宏副市长牵头重点工作)


@dataclass(frozen=True, slots=True)
class _Typed:
    """One cell of a row with the column it belongs to."""

    column: str  # the header name
    text: str
    line: Line


def row_to_clause(para: Paragraph, place: RowPlace) -> Clause:
    """A table row -> a clause: its text cells, and its unit cells read as the clause's units."""
    if para.kind == "frow":
        return _typed_row(para, place, _flat_cells(para))
    header = para.header
    role_columns = [i for i, name in enumerate(header[1:]) if genre.header_column(name) == Column.UNITS]
    cells = joined_wraps(para.cells)
    if (len(role_columns) > 1 or _tab_separated(cells)) and len(cells) == len(header) - 1:
        # One fragment per column (a Word or PDF table): each unit column keeps its own role, a deadline after
        # the units (工作任务 | 责任单位 | 完成时限) stays out of them.
        typed = [_Typed(header[1 + k], c.text, c.line) for k, c in enumerate(cells)]
        return _typed_row(para, place, typed, labelled=len(role_columns) > 1)
    if not role_columns:
        return _typed_row(para, place, [_Typed(header[1], "".join(c.text for c in cells), para.first)] if cells else [])
    cells, deadline = _trailing_deadline(header, cells)
    split = unit_list_start([c.text for c in cells], [c.ends for c in cells], role_columns[0])
    start = body_suffix_start(cells[-1].text) if split == len(cells) and cells else None
    if start and len(cells[-1].text) - start >= 4:
        # The unit cell ran into the text before it on one line (…主要负责人市市场监督管理局): split it off.
        last = cells[-1]
        cells = [*cells[:-1], Cell(last.text[:start], last.line, True), Cell(last.text[start:], last.line, last.ends)]
    return _split_row(para, place, cells[:split], cells[split:], header[1 + role_columns[0]], deadline)


def joined_wraps(cells: list[Cell]) -> list[Cell]:
    """Cells of a row -> the same with a line without tabs joined to the open last cell of the tab-separated line
    before it: a unit cell wrapped onto a line of its own (…\t市发展改革委、 / 市财政局) is still one column."""
    out: list[Cell] = []
    for cell in cells:
        if out and "\t" not in cell.line.text and "\t" in out[-1].line.text and not out[-1].ends:
            out[-1] = Cell(out[-1].text + cell.text, out[-1].line, cell.ends)
        else:
            out.append(cell)
    return out


def _trailing_deadline(header: tuple[str, ...], cells: list[Cell]) -> tuple[list[Cell], str | None]:
    """A row split by spaces whose last column is a deadline (… 责任单位 完成时限): its time frame taken off the end,
    so the unit list before it reads alone (1 推进改革 市发改委、市财政局 2024年6月底)."""
    if len(cells) < 2 or genre.header_column(header[-1]) != Column.DEADLINE:
        return cells, None
    last = cells[-1].text
    if len(last) <= 20 and (_TIME_FRAME.fullmatch(last) or genre.DEADLINE.match(to_simplified(last))):
        return cells[:-1], last
    return cells, None


def _tab_separated(cells: list[Cell]) -> bool:
    """Whether a row's cells came from tab-separated lines (DOCX/PDF ingestion), so each cell is one column."""
    return bool(cells) and all("\t" in cell.line.text for cell in cells)


def _split_row(para: Paragraph, place: RowPlace, text_cells: list[Cell], unit_cells: list[Cell], role_name: str,
               deadline: str | None = None) -> Clause:
    """A row of a text table whose cells were split by spaces: text before the unit column, units after it."""
    text = "".join(c.text for c in text_cells)
    pieces, offset = [], 0
    for cell in unit_cells:
        pieces.append(Piece(offset, cell.line.line, cell.line.page))
        offset += len(cell.text)
    party = Span("".join(c.text for c in unit_cells), tuple(pieces)) if unit_cells else None
    if party is not None and (cut := split_merged_unit(party.text)):
        text, party = text + party.text[:cut], party.sub(cut, len(party.text))  # …主要负责人市住房和城乡建设局
    units = party_text_to_party(party.text, genre.column_role(role_name, para.header)) if party is not None else Party()
    return _clause(para, place, title=text or None, text=text, party=party, units=units, deadline=deadline)


def _flat_cells(para: Paragraph) -> list[_Typed]:
    """A row of a flattened table -> its cells typed by what they hold, since empty and spanned cells are missing."""
    header = [h for h in para.header if h != genre.SERIAL_HEADER]
    unit_columns = [h for h in header if genre.header_column(h) == Column.UNITS]
    typed: list[_Typed] = []
    units_seen = 0
    for cell in para.cells:
        text = _ROW_MARKS.sub("", cell.text)
        marker = line_to_marker(text)
        if marker is not None and marker.level == 1:
            continue  # the section cell, already the row's heading
        if marker is not None and marker.level == 3:
            typed.append(_Typed("内容", marker.rest, cell.line))
        elif _TIME_FRAME.fullmatch(text) and len(text) <= 20:
            typed.append(_Typed("完成时限", text, cell.line))
        elif genre.UPPER_LEVEL_LABEL.match(text):
            typed.append(_Typed(unit_columns[-1] if unit_columns else "责任单位", text, cell.line))
        elif looks_like_unit_list(text) and units_seen < len(unit_columns):
            typed.append(_Typed(unit_columns[units_seen], text, cell.line))
            units_seen += 1
        elif units_seen and _PERSON.match(text) and not looks_like_body(text):
            typed.append(_Typed("责任人", text, cell.line))
        else:
            typed.append(_Typed("主要任务", text, cell.line))
    return typed


def _typed_row(para: Paragraph, place: RowPlace, typed: list[_Typed], labelled: bool = True) -> Clause:
    """(column, cell, line) of one row -> a clause; unit columns give roles, leader columns leaders.

    `labelled`: the unit text names each cell's column (牵头单位：…；配合单位：…), which tells several unit columns
    apart; a row of one unit column keeps its cell as written.
    """
    title = text = deadline = None
    parts: list[str] = []
    pieces: list[Piece] = []
    mentions: list[UnitMention] = []
    leaders: list[str] = list(place.leaders)
    offset = 0
    for cell in typed:
        if not cell.text:
            continue
        column = genre.header_column(cell.column)
        if column == Column.UNITS:
            upper = genre.UPPER_LEVEL_LABEL.match(cell.text) is not None  # 省牵头单位：… carries its own label
            label = "" if upper or not labelled else f"{to_simplified(cell.column)}："
            read = party_text_to_party(cell.text, None if upper else genre.column_role(cell.column, para.header))
            mentions.extend(_shifted(m, offset + len(label)) for m in read.mentions)
            pieces.append(Piece(offset, cell.line.line, cell.line.page))
            parts.append(label + cell.text)
            offset += len(label) + len(cell.text) + 1
        elif column == Column.LEADERS:
            leaders.extend(p for p in regex.split(r"[、，,\s]+", cell.text) if p)
        elif column == Column.DEADLINE:
            deadline = cell.text
        elif column == Column.TITLE and title is None and to_simplified(cell.column) not in ("主要任务",):
            title = cell.text
        elif column not in (Column.REMARK, Column.SUPERVISOR, Column.START):
            text = cell.text if text is None else text + cell.text
    party = Span("；".join(parts), tuple(pieces)) if parts else None
    if title is None and text and len(text) <= 30 and not _SENTENCE.search(text):
        title = text  # a short task cell names the row, as a 重点人群 cell does
    return _clause(para, place, title=title, text=text or title or "", party=party, units=Party(tuple(mentions)),
                   leaders=tuple(leaders), deadline=deadline)


def _shifted(mention: UnitMention, by: int) -> UnitMention:
    return replace(mention, offset=mention.offset + by)


def _clause(para: Paragraph, place: RowPlace, *, title: str | None, text: str, party: Span | None, units: Party,
            leaders: tuple[str, ...] = (), deadline: str | None = None) -> Clause:
    first = para.first
    return Clause(clause_id=place.clause_id, attachment=place.attachment, section=place.section, item=place.item, row=place.number,
                  title=title, section_title=place.heading_title, text=text, party_text=party.text if party else None,
                  party=party, page=first.page, line=first.line, leaders=leaders or place.leaders, deadline=deadline,
                  deadline_date=deadline_to_date(deadline), units=units, heading_party=place.heading_party,
                  heading_units=place.heading_units, cut=para.cut)
