"""Reading the tables back with their types: a folder written by `fengong extract` (or `fengong diff`) -> DataFrames."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from fengong.extract.errors import InputError

MANIFEST = "manifest.json"
_DTYPES = {pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype(), pa.int32(): pd.Int32Dtype(),
           pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype(), pa.float64(): pd.Float64Dtype(),
           pa.date32(): pd.ArrowDtype(pa.date32())}


def _table_names(folder: Path) -> list[str]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(folder), f"cannot read {MANIFEST} ({exc}): not a folder written by fengong") from None
    tables = manifest.get("tables") if isinstance(manifest, dict) else None
    if not isinstance(tables, dict):
        raise InputError(str(folder), f"{MANIFEST} lists no tables: not a folder written by fengong")
    return list(tables)


def parquet_to_frame(path: Path) -> pd.DataFrame:
    """A Parquet file written by fengong -> its DataFrame: text as string, integers as nullable Int32, flags as
    nullable boolean, dates as date32 (missing values stay missing, ids stay text).

    Raises:
        InputError: the file is missing or not Parquet.
    """
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(str(path), f"cannot read the table ({exc})") from None
    return table.to_pandas(types_mapper=_DTYPES.get)


def read_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """A folder written by `fengong extract` or `fengong diff` -> its tables, keyed by name, with their proper dtypes
    (read from the Parquet files, so the values are as read, without the CSV's spreadsheet escapes).

    Raises:
        InputError: the folder has no readable manifest.json, or a table it lists cannot be read.
    """
    folder = Path(folder)
    return {name: parquet_to_frame(folder / f"{name}.parquet") for name in _table_names(folder)}
