"""CSV cells a spreadsheet would run as formulas -> text it shows as written.

Excel, WPS and LibreOffice treat a cell opening with =, +, -, @ (or a tab or carriage return before one) as a
formula: `=cmd|' /C calc'!A0` in a unit name would run on double-click. Such a cell is written with a leading `'`,
which every spreadsheet reads as "text follows" and does not show. So that the change can be undone exactly, a
value that already opens with quotes followed by one of those characters gets one more quote.
Parquet, XLSX and DuckDB keep every value as it is.
"""

from __future__ import annotations

import re

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile("'+[" + re.escape("".join(FORMULA_STARTS)) + "]")


def text_to_csv_cell(text: str) -> str:
    """A text value -> the same text, prefixed with ' when a spreadsheet would read it as a formula."""
    if text.startswith(FORMULA_STARTS) or _ESCAPED.match(text):
        return "'" + text
    return text


def csv_cell_to_text(cell: str) -> str:
    """A CSV cell written by text_to_csv_cell -> the value it was written from."""
    return cell[1:] if _ESCAPED.match(cell) else cell


def column_to_csv_cells(column: pd.Series) -> pd.Series:
    """A text column -> the same column with text_to_csv_cell applied to each value (missing values stay missing)."""
    text = column.astype("string")
    risky = text.str.startswith(FORMULA_STARTS) | text.str.match(_ESCAPED.pattern)
    return text.where(~risky.fillna(False).astype(bool), "'" + text)
