"""The files `fengong extract` writes beside the tables: tables.xlsx, report.html, datapackage.json; CSV headers."""

from __future__ import annotations

import pandas as pd

from fengong.outputs.datapackage import schemas_to_datapackage
from fengong.outputs.headers import header
from fengong.outputs.notices import tables_to_notices
from fengong.outputs.report import tables_to_html
from fengong.outputs.tables import SCHEMAS
from fengong.outputs.xlsx import tables_to_xlsx


def extraction_files(frames: dict[str, pd.DataFrame], manifest: dict, style: str = "en") -> dict[str, str | bytes]:
    """The extract's tables and manifest -> {file name: content} of the workbook, the HTML report and datapackage.json,
    headers in `style` (en or zh)."""
    notices = tables_to_notices(frames, manifest)
    return {
        "tables.xlsx": tables_to_xlsx(frames, notices, style),
        "report.html": tables_to_html(frames, notices),
        "datapackage.json": schemas_to_datapackage({name: SCHEMAS[name] for name in frames}, style),
    }


def csv_headers(frames: dict[str, pd.DataFrame], style: str = "en") -> dict[str, dict[str, str]]:
    """The tables -> {table: {column: CSV header}} in `style` (en: the column names themselves)."""
    return {name: {c: header(name, c, style) for c in frame.columns} for name, frame in frames.items()}
