"""fengong (分工): Chinese task-division notices -> tables of who leads, supports and is responsible for what.

    import fengong
    tables = fengong.extract(["notice.pdf"])      # {"responsibilities": DataFrame, "clauses": …, …}
    changes = fengong.diff("old.pdf", "new.pdf")["changes"]
    tables = fengong.read_tables("out/")             # a folder written by `fengong extract`, typed

The stage packages are installed as fengong.extract, fengong.normalize and fengong.outputs; the names
`fengong.extract` and `fengong.diff` used on this package are the functions below.
"""

from __future__ import annotations

import importlib as _importlib
from typing import TYPE_CHECKING, Any

# The stage package fengong.extract is bound first, so that the function `extract` below keeps the name: a later
# import of a stage module never rebinds an attribute of this package.
_importlib.import_module("fengong.extract")

from fengong.extract.errors import FengongError, InputError  # noqa: E402  (after the binding above, on purpose)
from fengong.version import __version__  # noqa: E402

if TYPE_CHECKING:
    import pandas as pd


def extract(paths: Any, aliases: Any = None, password: str | None = None, notice_id: str | None = None,
            strict: bool = True, jobs: int | None = None, client: Any = None, cache: Any = None,
            ocr: str = "auto") -> dict[str, pd.DataFrame]:
    """Notice files or folders -> the tables, keyed by table name (see fengong.api.extract)."""
    from fengong.api import extract as run

    return run(paths, aliases, password, notice_id, strict, jobs, client, cache, ocr)


def diff(old: Any, new: Any, aliases: Any = None, password: str | None = None, ocr: str = "auto") -> dict[str, pd.DataFrame]:
    """Two versions of a notice -> the tables changes and clause_map (see fengong.api.diff)."""
    from fengong.api import diff as run

    return run(old, new, aliases, password, ocr)


def read_tables(folder: Any) -> dict[str, pd.DataFrame]:
    """A folder written by `fengong extract` (or `fengong diff`) -> its tables with their dtypes (see fengong.outputs.read)."""
    from fengong.outputs.read import read_tables as run

    return run(folder)


__all__ = ["FengongError", "InputError", "__version__", "diff", "extract", "read_tables"]
