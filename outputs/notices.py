"""The notices as a table (one row per notice), read from the run's manifest.

This is the one place that knows where notice titles come from: every output that needs them (XLSX, HTML report,
ledger) calls `tables_to_notices`, which takes the pipeline's own `notices` table once there is one and reads the
manifest until then.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pyarrow as pa

NOTICE_COLUMNS = ("notice_id", "title", "issuer", "date", "sha256", "path")


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:  # a date the reader kept as written; the table types dates, so it stays empty rather than wrong
        return None


def manifest_to_notices(manifest: dict) -> pd.DataFrame:
    """A manifest (as written by `fengong extract`) -> one row per usable input: notice_id, title, issuer, date, sha256, path."""
    inputs = manifest.get("inputs", [])
    columns: dict[str, pd.api.extensions.ExtensionArray] = {
        name: pd.array([i.get(name) for i in inputs], dtype="string") for name in NOTICE_COLUMNS if name != "date"
    }
    columns["date"] = pd.array([_date(i.get("date")) for i in inputs], dtype=pd.ArrowDtype(pa.date32()))
    return pd.DataFrame({name: columns[name] for name in NOTICE_COLUMNS})


def notice_titles(notices: pd.DataFrame) -> dict[str, str]:
    """The notices table -> {notice_id: title}, for the notices whose title was found."""
    return {str(n): str(t) for n, t in zip(notices["notice_id"], notices["title"], strict=True) if not pd.isna(t)}


def tables_to_notices(frames: dict[str, pd.DataFrame], manifest: dict) -> pd.DataFrame:
    """The run's tables and manifest -> the notices table: the pipeline's own where it writes one, else from the manifest."""
    return frames["notices"] if "notices" in frames else manifest_to_notices(manifest)
