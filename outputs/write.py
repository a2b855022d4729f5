"""Writers: frames and the manifest -> a folder of Parquet and CSV files, all or nothing."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from fengong.extract.errors import FengongError
from fengong.outputs.cells import column_to_csv_cells
from fengong.outputs.tables import SCHEMAS

MANIFEST = "manifest.json"


class OutputError(FengongError):
    """The output folder cannot be written; the message names it and why."""


def frame_to_csv_bytes(frame: pd.DataFrame, headers: dict[str, str] | None = None) -> bytes:
    """A table -> CSV bytes: UTF-8 with BOM (so Excel and WPS read Chinese), LF line ends, text that a spreadsheet would
    run as a formula prefixed with ' (see outputs/cells.py), columns renamed by `headers` where given."""
    text_columns = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c].dtype)]
    safe = frame.assign(**{c: column_to_csv_cells(frame[c]) for c in text_columns})
    return safe.rename(columns=headers or {}).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def write_tables(out: Path, frames: dict[str, pd.DataFrame], manifest: dict, schemas: dict[str, pa.Schema] = SCHEMAS,
                 texts: dict[str, str | bytes] | None = None, headers: dict[str, dict[str, str]] | None = None) -> None:
    """Tables, manifest and any other files -> `out`/<table>.parquet, <table>.csv, manifest.json and the files
    (text written as UTF-8, bytes as they are); `headers` renames a table's CSV columns ({table: {column: header}}).

    Everything is written to a temporary folder beside `out` and renamed into place at the end, so a failed
    run never leaves a folder that looks complete. A previous output folder (one with a manifest.json) is
    replaced; any other non-empty folder is left alone.

    Raises:
        OutputError: `out` is a file, or a non-empty folder that is not an earlier output, or cannot be written.
    """
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: output path is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise OutputError(f"{out}: folder is not empty and holds no {MANIFEST}; refusing to overwrite it")
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output folder ({exc.strerror or exc})") from None
    try:
        for name, frame in frames.items():
            table = pa.Table.from_pandas(frame, schema=schemas[name], preserve_index=False)
            pq.write_table(table, staging / f"{name}.parquet")
            (staging / f"{name}.csv").write_bytes(frame_to_csv_bytes(frame, (headers or {}).get(name)))
        for name, text in (texts or {}).items():
            (staging / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.chmod(staging, 0o755)
        if out.exists():
            old = parent / f".{out.name}.old-{os.getpid()}"
            out.rename(old)
            staging.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{out}: cannot write tables ({exc.strerror or exc})") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
