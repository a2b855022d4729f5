"""DOCX ingestion with python-docx: a Word document -> its paragraphs and table rows as lines, in body order."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from fengong.extract.errors import InputError
from fengong.extract.model import Line
from fengong.extract.pdf import CELL_SEPARATOR

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _rows(table: Table) -> list[str]:
    out = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans; it is one cell.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append("".join(p.text for p in cell.paragraphs).strip())
        if any(cells):
            out.append(CELL_SEPARATOR.join(cells))
    return out


def docx_to_lines(path: Path) -> tuple[Line, ...]:
    """Path of a DOCX -> one line per paragraph and per table row (cells tab-separated); `line` counts them from 1.

    Raises:
        InputError: a legacy .doc under a .docx name, not a ZIP package, or not a Word document inside.
    """
    name = str(path)
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from None
    if head == _OLE:
        raise InputError(name, "legacy Word .doc format (with a .docx name) is not read: save it as DOCX or PDF")
    if not zipfile.is_zipfile(path):
        raise InputError(name, "not a DOCX file (not a ZIP package); is it damaged or another kind of file?")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises KeyError, ValueError or its own types for a bad package
        raise InputError(name, f"not a Word document ({type(exc).__name__}: {exc})") from None
    texts: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            texts.append(Paragraph(element, document).text)
        elif tag == "tbl":
            texts.extend(_rows(Table(element, document)))
    return tuple(Line(name, number, None, text) for number, text in enumerate(texts, start=1))
