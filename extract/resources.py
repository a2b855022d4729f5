"""The data files shipped inside the package (body names, divisions, alias files): the one place that reads them."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def shipped_text(package: str, name: str) -> str:
    """A data file shipped in a package of fengong (fengong.normalize, divisions.csv) -> its text ('' when absent)."""
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return ""
