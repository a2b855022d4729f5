"""Reading back a folder written by `fengong extract`, so a diff can start from earlier tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from fengong.extract.errors import InputError
from fengong.outputs.tables import SCHEMAS
from fengong.outputs.write import MANIFEST


def folder_to_frames(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A folder written by `fengong extract` with one notice -> its clauses and responsibilities tables.

    Raises:
        InputError: not such a folder, tables missing or malformed, or more than one notice in it.
    """
    name = str(folder)
    if not (folder / MANIFEST).is_file():
        raise InputError(name, f"folder has no {MANIFEST}: not a folder written by `fengong extract`")
    frames = {}
    for table in ("clauses", "responsibilities"):
        path = folder / f"{table}.csv"
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (OSError, ValueError) as exc:
            raise InputError(name, f"cannot read {table}.csv ({exc})") from None
        missing = [c for c in SCHEMAS[table].names if c not in frame.columns]
        if missing:
            raise InputError(name, f"{table}.csv lacks columns {', '.join(missing)}")
        frames[table] = frame.replace("", pd.NA)
    notices = sorted(set(frames["clauses"]["notice_id"].dropna()))
    if len(notices) != 1:
        raise InputError(name, f"folder holds {len(notices)} notices ({', '.join(notices) or 'none'}); a diff compares one notice with one")
    return frames["clauses"], frames["responsibilities"]
