"""The tables -> one workbook (tables.xlsx) for people who work in Excel or WPS.

Sheets: 任务分工 (tasks), 按单位 (each unit's tasks), responsibilities, issues, notices. Every text cell is a string
cell with the text number format, so clause ids such as 1-2 stay ids (not dates) and a value opening with = stays
text; the header row is frozen and filtered; widths fit the content (a Chinese character counts as two).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pandas as pd
import pyarrow as pa
import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from fengong.outputs.headers import header
from fengong.outputs.tasks import tasks_to_by_unit

MAX_WIDTH, MIN_WIDTH = 60, 6
MAX_ROWS = 1_048_576  # Excel's limit, header included
CREATED = datetime(2000, 1, 1)  # a fixed document date, so that the same tables give the same bytes


def display_width(text: str) -> int:
    """Text -> its width in spreadsheet columns: wide (Chinese) characters count two, others one; the widest line."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in text.split("\n")), default=0)


def column_width(title: str, values: pd.Series) -> int:
    """A column's header and values -> a width that fits them, between MIN_WIDTH and MAX_WIDTH (longer text wraps)."""
    widest = display_width(title)
    # Each distinct text once, longest first: a column of unit names repeats a few dozen names over many rows.
    texts = sorted({str(v) for v in values.dropna().unique()}, key=len, reverse=True)
    for text in texts:
        if len(text) * 2 <= widest:  # no shorter text can be wider (a character counts two at most)
            break
        # A text at least MAX_WIDTH characters long is as wide as a column gets: no need to weigh its characters.
        widest = max(widest, MAX_WIDTH if len(text) >= MAX_WIDTH and "\n" not in text else display_width(text))
        if widest >= MAX_WIDTH:
            break
    return max(MIN_WIDTH, min(MAX_WIDTH, widest + 2))


def frames_to_sheets(frames: dict[str, pd.DataFrame]) -> dict[str, tuple[str, pd.DataFrame]]:
    """The extract's tables -> {sheet name: (table name, frame)}, in sheet order."""
    return {
        "任务分工": ("tasks", frames["tasks"]),
        "按单位": ("by_unit", tasks_to_by_unit(frames["tasks"], frames["responsibilities"])),
        "responsibilities": ("responsibilities", frames["responsibilities"]),
        "issues": ("issues", frames["issues"]),
        "notices": ("notices", frames["notices"]),
    }


def _formats(workbook: Workbook) -> dict:
    base = {"valign": "top", "text_wrap": True}
    return {
        "header": workbook.add_format({**base, "bold": True, "bg_color": "#DDEBF7", "border": 1}),
        "text": workbook.add_format({**base, "num_format": "@"}),
        "number": workbook.add_format(base),
        "date": workbook.add_format({**base, "num_format": "yyyy-mm-dd"}),
    }


_CHUNK = 20_000  # rows turned into Python values at a time: the workbook is written row by row, in bounded memory


def _cell_writer(kind: str, formats: dict) -> Callable[[Worksheet, int, int, Any], None]:
    """A column's kind (text, number, flag, date) -> how one of its cells is written (a missing value as a blank text
    cell). Text goes through write_string, never write(): a text opening with = must not become a formula."""
    def write(sheet: Worksheet, row: int, col: int, value: Any) -> None:
        if value is None or value is pd.NA:
            sheet.write_blank(row, col, None, formats["text"])
        elif kind == "flag":
            sheet.write_boolean(row, col, bool(value), formats["number"])
        elif kind == "number":
            sheet.write_number(row, col, value, formats["number"])
        elif kind == "date":
            sheet.write_datetime(row, col, datetime(value.year, value.month, value.day), formats["date"])
        else:
            sheet.write_string(row, col, str(value), formats["text"])
    return write


def _kind(column: pd.Series) -> str:
    dtype = column.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "flag"
    if pd.api.types.is_numeric_dtype(dtype):
        return "number"
    return "date" if isinstance(dtype, pd.ArrowDtype) and dtype.pyarrow_dtype == pa.date32() else "text"


def _write_sheet(workbook: Workbook, name: str, table: str, frame: pd.DataFrame, style: str, formats: dict) -> None:
    sheet = workbook.add_worksheet(name)
    kept = frame.iloc[: MAX_ROWS - 2]
    writers = [_cell_writer(_kind(frame[c]), formats) for c in frame.columns]
    for col, column in enumerate(frame.columns):
        title = header(table, column, style)
        sheet.set_column(col, col, column_width(title, kept[column]))
        sheet.write_string(0, col, title, formats["header"])
    for start in range(0, len(kept), _CHUNK):
        part = kept.iloc[start:start + _CHUNK]
        for row, values in enumerate(zip(*(part[c].tolist() for c in frame.columns), strict=True), start=start + 1):
            for col, value in enumerate(values):
                writers[col](sheet, row, col, value)
    if len(kept) < len(frame):  # never silence: say where the rest is
        sheet.write_string(len(kept) + 1, 0, f"{len(frame) - len(kept)} more rows than a sheet holds: see {table}.csv", formats["text"])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(kept), 1), max(len(frame.columns) - 1, 0))
    sheet.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})


def tables_to_xlsx(frames: dict[str, pd.DataFrame], style: str = "en") -> bytes:
    """The extract's tables -> the bytes of tables.xlsx, headers in `style` (en or zh)."""
    buffer = io.BytesIO()
    # constant_memory: each row goes to a temporary file as it is written, so the workbook's memory does not grow with
    # the rows (its strings are written in the cells, not in a shared table).
    workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                            "strings_to_urls": False})
    workbook.set_properties({"created": CREATED})
    formats = _formats(workbook)
    for name, (table, frame) in frames_to_sheets(frames).items():
        _write_sheet(workbook, name, table, frame, style, formats)
    workbook.close()
    return buffer.getvalue()
