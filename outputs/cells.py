"""CSV cells a spreadsheet would run as formulas -> text it shows as written.

Excel, WPS and LibreOffice treat a cell opening with =, +, -, @ (or a tab or carriage return before one) as a
formula: `=cmd|' /C calc'!A0` in a unit name would run on double-click. Such a cell is written with a leading `'`,
which every spreadsheet reads as "text follows" and does not show. So that the change can be undone exactly, a
value that already opens with quotes followed by one of those characters gets one more quote.
Parquet, XLSX, the report and the ledger keep every value as it is.

Pure Python on purpose: the row writers (outputs/write.py encode_rows) call it on every text cell of a run that
imports no pandas; frame_to_csv_bytes applies the same function, so both CSV paths give the same bytes.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile("'+[" + re.escape("".join(FORMULA_STARTS)) + "]")


def text_to_csv_cell(text: str) -> str:
    """A text value -> the same text, prefixed with ' when a spreadsheet would read it as a formula."""
    if text.startswith(FORMULA_STARTS) or (text.startswith("'") and _ESCAPED.match(text)):
        return "'" + text
    return text


def csv_cell_to_text(cell: str) -> str:
    """A CSV cell written by text_to_csv_cell -> the value it was written from."""
    return cell[1:] if cell.startswith("'") and _ESCAPED.match(cell) else cell


_FIRST = frozenset(FORMULA_STARTS) | {"'"}


def row_to_csv_cells(row: tuple) -> tuple:
    """A row of values -> the same row with text_to_csv_cell applied to its text values (numbers, flags, None kept)."""
    # Most rows hold no text opening with one of these characters: they are returned as they are, without a copy.
    if any(isinstance(v, str) and v[:1] in _FIRST for v in row):
        return tuple(text_to_csv_cell(v) if isinstance(v, str) else v for v in row)
    return row
