"""The tables' schemas -> datapackage.json: a Frictionless Tabular Data Package describing each CSV (types, descriptions).

Frictionless, and the BI tools that read Data Packages, then type the CSV columns (dates, integers, booleans) and
show each column's description. The same descriptions are the Parquet files' field metadata.
"""

from __future__ import annotations

import json

import pyarrow as pa

from fengong.outputs.cells import FORMULA_STARTS
from fengong.outputs.headers import header

_TYPES = {pa.string(): "string", pa.int32(): "integer", pa.bool_(): "boolean", pa.date32(): "date", pa.float64(): "number"}


def _field(table: str, field: pa.Field, style: str) -> dict[str, str | list[str]]:
    name = header(table, field.name, style)
    described: dict[str, str | list[str]] = {"name": name, "type": _TYPES[field.type]}
    if name != field.name:
        described["title"] = field.name
    if field.metadata and b"description" in field.metadata:
        described["description"] = field.metadata[b"description"].decode("utf-8")
    if field.type == pa.bool_():
        described |= {"trueValues": ["True"], "falseValues": ["False"]}
    return described


def _resource(table: str, schema: pa.Schema, style: str) -> dict:
    return {
        "name": table,
        "path": f"{table}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": {"fields": [_field(table, f, style) for f in schema], "missingValues": [""]},
    }


def schemas_to_datapackage(schemas: dict[str, pa.Schema], style: str = "en") -> str:
    """Table schemas (in the order the tables are written) -> the text of datapackage.json for their CSV files."""
    starts = " ".join(repr(s) for s in FORMULA_STARTS)
    package = {
        "profile": "tabular-data-package",
        "name": "fengong-tables",
        "description": "Task-division notices read by fengong: who leads, supports and is responsible for each task. "
                       f"In the CSV files a text value opening with one of {starts} has a leading ' so that spreadsheets "
                       "show it as text; the Parquet files keep every value as it is.",
        "resources": [_resource(table, schema, style) for table, schema in schemas.items()],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
