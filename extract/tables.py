"""Table rows -> clauses: a row's cells by column (or typed by content when a flattened table lost its columns)."""

from __future__ import annotations

import regex

from fengong.extract.model import Clause, Line, Piece, Span
from fengong.extract.numbering import line_to_marker
from fengong.extract.paragraphs import ROLE_HEADER, Paragraph
from fengong.extract.parties import deadline_to_date, looks_like_unit, unit_list_start
from fengong.extract.script import to_simplified

_PERSON = regex.compile(r"^\p{Han}{2,4}$")
_SENTENCE = regex.compile(r"[。，,；;]")


def row_to_clause(para: Paragraph, number: int, clause_id: str, attachment, section, item, heading_title, inherited) -> Clause:
    """A table row -> a clause: its text cells, and its unit cells as the party text."""
    if para.kind == "frow":
        return _flat_row_to_clause(para, number, clause_id, attachment, section, item, heading_title, inherited)
    header = para.header
    role_columns = [i for i, name in enumerate(header[1:]) if ROLE_HEADER.search(name)]
    cells = para.cells
    split = unit_list_start([c[0] for c in cells], [c[2] for c in cells], role_columns[0]) if role_columns else len(cells)
    text = "".join(c[0] for c in cells[:split])
    unit_cells = cells[split:]
    if len(role_columns) > 1 and len(cells) == len(header) - 1:
        # One fragment per column (a Word or PDF table): each unit column keeps its own role.
        return _typed_row(para, number, clause_id, attachment, section, item, heading_title, inherited,
                          [(header[1 + k], c[0], c[1]) for k, c in enumerate(cells)])
    pieces, offset = [], 0
    for fragment, line, _ in unit_cells:
        pieces.append(Piece(offset, line.line, line.page))
        offset += len(fragment)
    party = Span("".join(c[0] for c in unit_cells), tuple(pieces)) if unit_cells else None
    role_name = header[1 + role_columns[0]] if role_columns else None
    first = para.first
    return Clause(clause_id=clause_id, attachment=attachment, section=section, item=item, row=number, title=text or None,
                  section_title=heading_title, text=text, party_text=party.text if party else None, party=party,
                  page=first.page, line=first.line, table_role=role_name,
                  heading_party=inherited)


def _flat_row_to_clause(para: Paragraph, number: int, clause_id, attachment, section, item, heading_title, inherited) -> Clause:
    """A row of a flattened table: cells are typed by what they hold, since empty and spanned cells are missing."""
    header = [h for h in para.header if h != "序号"]
    unit_columns = [h for h in header if ROLE_HEADER.search(h)]
    typed: list[tuple[str, str, Line]] = []
    units_seen = 0
    for text, line, _ in para.cells:
        marker = line_to_marker(text)
        if marker is not None and marker.level == 1:
            continue  # the section cell, already the row's heading
        if marker is not None and marker.level == 3:
            typed.append(("内容", marker.rest, line))
        elif regex.fullmatch(r"\d{4}\s*年?\s*\d{1,2}\s*月.*|.*(?:年内|年底|长期|持续).*", text) and len(text) <= 20:
            typed.append(("完成时限", text, line))
        elif looks_like_unit(text.split("、")[0]) and units_seen < len(unit_columns):
            typed.append((unit_columns[units_seen], text, line))
            units_seen += 1
        elif units_seen and _PERSON.match(text) and not looks_like_unit(text):
            typed.append(("责任人", text, line))
        else:
            typed.append(("主要任务", text, line))
    return _typed_row(para, number, clause_id, attachment, section, item, heading_title, inherited, typed)


def _typed_row(para: Paragraph, number: int, clause_id, attachment, section, item, heading_title, inherited, typed) -> Clause:
    """(column name, cell text, line) of one row -> a clause; unit columns give roles, leader columns leaders."""
    title = text = None
    parts, pieces, leaders, deadline, offset = [], [], [], None, 0
    for name, cell, line in typed:
        if not cell:
            continue
        simple = to_simplified(name)
        if ROLE_HEADER.search(simple):
            label = f"{simple}："
            pieces.append(Piece(offset, line.line, line.page))
            parts.append(label + cell)
            offset += len(label) + len(cell) + 1
        elif regex.search(r"领导|责任人", simple):
            leaders.extend(p for p in regex.split(r"[、，,\s]+", cell) if p)
        elif regex.search(r"时限|时间", simple):
            deadline = cell
        elif regex.search(r"内容|重点工作|工作任务|人群|项目|指标", simple) and title is None:
            title = cell
        elif not regex.search(r"备注", simple):
            text = cell if text is None else text + cell
    party = Span("；".join(parts), tuple(pieces)) if parts else None
    if title is None and text and len(text) <= 30 and not _SENTENCE.search(text):
        title = text  # a short task cell names the row, as a 重点人群 cell does
    first = para.first
    return Clause(clause_id=clause_id, attachment=attachment, section=section, item=item, row=number, title=title,
                  section_title=heading_title, text=text or title or "", party_text=party.text if party else None,
                  party=party, page=first.page, line=first.line, leaders=tuple(leaders),
                  deadline=deadline, deadline_date=deadline_to_date(deadline), heading_party=inherited)
