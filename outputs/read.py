"""Reading back a folder written by `fengong extract` or `fengong diff`: its tables with their types.

The Parquet files are read, not the CSV files: they hold every value as it was read (the CSV's formula escapes and
--headers zh are for spreadsheets), with its type (dates, nullable integers, ids as text). A folder written on a
Dask cluster holds each notice's rows in a partition (<table>.parquet/notice_id=<id>/); they are read in the order
the manifest lists them, so both layouts give the same tables.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from fengong.extract.errors import InputError
from fengong.outputs.write import MANIFEST

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

_PARTITION = "notice_id"


_MAX_MANIFEST_BYTES = 64 * 1024 * 1024


def _manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    try:
        if not path.is_file() or path.stat().st_size > _MAX_MANIFEST_BYTES:  # never a FIFO, nor a huge file
            raise OSError(f"not a regular file of at most {_MAX_MANIFEST_BYTES // 1024**2} MB")
        manifest = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(folder), f"cannot read {MANIFEST} ({exc}): not a folder written by fengong") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("tables"), dict):
        raise InputError(str(folder), f"{MANIFEST} lists no tables: not a folder written by fengong")
    return manifest


def _pandas_types() -> dict:
    import pandas as pd
    import pyarrow as pa

    return {pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype(), pa.int32(): pd.Int32Dtype(),
            pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype(), pa.float64(): pd.Float64Dtype(),
            pa.date32(): pd.ArrowDtype(pa.date32())}


def _partitions(dataset: Path, order: list[str] | None) -> list[tuple[str, Path]]:
    """A partitioned table's folder and the notice order -> (notice_id, partition folder) in that order (the folders
    not in the order, if any, after them, by name)."""
    found = {unquote(p.name.split("=", 1)[1]): p for p in sorted(dataset.iterdir()) if p.name.startswith(f"{_PARTITION}=")}
    listed = [n for n in (order or []) if n in found]
    return [(n, found[n]) for n in listed] + [(n, p) for n, p in found.items() if n not in set(listed)]


def _partitioned_table(dataset: Path, order: list[str] | None, schema: pa.Schema | None) -> pa.Table:
    import pyarrow as pa
    import pyarrow.parquet as pq

    parts = []
    for notice_id, folder in _partitions(dataset, order):
        for path in sorted(folder.glob("part-*.parquet"), key=lambda p: int(p.stem.split("-")[1])):
            with path.open("rb") as f:
                part = pq.read_table(f)
            at = schema.get_field_index(_PARTITION) if schema is not None else 0
            parts.append(part.add_column(at, pa.field(_PARTITION, pa.string()), pa.array([notice_id] * part.num_rows, pa.string())))
    if not parts:
        return schema.empty_table() if schema is not None else pa.table({})
    return pa.concat_tables(parts)


def parquet_to_arrow(path: Path, order: list[str] | None = None, schema: pa.Schema | None = None) -> pa.Table:
    """A table's Parquet file, or its partitioned folder with the notice order -> the Arrow table.

    Raises:
        InputError: it is missing or not Parquet.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        if path.is_dir():
            return _partitioned_table(path, order, schema)
        with path.open("rb") as f:  # a file object: pyarrow takes paths as UTF-8 text, which a folder name need not be
            return pq.read_table(f)
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise InputError(str(path), f"cannot read the table ({exc})") from None


def parquet_tables(folder: Path, names: list[str], order: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """A folder's tables by name (and, for a partitioned folder, the notice order) -> their DataFrames: text as string,
    integers as nullable Int32, flags as nullable boolean, dates as date32 (ids stay text, missing values missing).

    Raises:
        InputError: a table is missing or not Parquet.
    """
    from fengong.outputs.tables import SCHEMAS

    types = _pandas_types()
    return {name: parquet_to_arrow(folder / f"{name}.parquet", order, SCHEMAS.get(name)).to_pandas(types_mapper=types.get)
            for name in names}


def read_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """A folder written by `fengong extract` or `fengong diff` -> its tables, keyed by name in the order written, with
    their proper dtypes (read from the Parquet files: the values as read, without the CSV's spreadsheet escapes).

    Raises:
        InputError: the folder has no readable manifest.json, or a table it lists cannot be read.
    """
    folder = Path(folder)
    manifest = _manifest(folder)
    order = manifest.get("partitions", {}).get("order") if isinstance(manifest.get("partitions"), dict) else None
    return parquet_tables(folder, list(manifest["tables"]), order)


def folder_to_frames(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A folder written by `fengong extract` with one notice -> its clauses and responsibilities tables.

    Raises:
        InputError: not such a folder, tables missing or malformed, or more than one notice in it.
    """
    from fengong.outputs.tables import SCHEMAS

    name = str(folder)
    if not (folder / MANIFEST).is_file():
        raise InputError(name, f"folder has no {MANIFEST}: not a folder written by `fengong extract`")
    tables = read_tables(folder)
    for table in ("clauses", "responsibilities"):
        missing = [c for c in SCHEMAS[table].names if c not in tables.get(table, {})]
        if missing:
            raise InputError(name, f"{table} lacks columns {', '.join(missing)}")
    notices = sorted(set(tables["clauses"]["notice_id"].dropna()))
    if len(notices) != 1:
        raise InputError(name, f"folder holds {len(notices)} notices ({', '.join(notices) or 'none'}); a diff compares one notice with one")
    return tables["clauses"], tables["responsibilities"]
