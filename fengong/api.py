"""The library: notices -> tables, and two versions of a notice -> their differences. The CLI is one caller.

    >>> import fengong
    >>> tables = fengong.extract(["notice.pdf"])          # dict of pandas DataFrames, as the CLI writes them
    >>> tables["responsibilities"].query("role == 'lead'")
    >>> changes = fengong.diff("2023.pdf", "2024.pdf")["changes"]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import pandas as pd

from fengong.extract.errors import InputError
from fengong.normalize.registry import load_registry
from fengong.outputs.diff.changes import CONTENT_CHANGES, Change, changes_to_frame, has_content_changes, matches_to_changes, matches_to_frame
from fengong.outputs.diff.changes import SCHEMAS as DIFF_SCHEMAS
from fengong.outputs.diff.match import match_clauses
from fengong.outputs.diff.report import changes_to_markdown
from fengong.pipeline import FileProgress, Run, path_to_version, paths_to_run, run_to_summary, run_to_tables
from fengong.version import __version__

PathArg = str | PathLike[str]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What reading notices gives: the tables, the manifest, a summary line per input, the unusable inputs."""

    tables: dict[str, pd.DataFrame]
    manifest: dict
    summary: tuple[str, ...]
    failures: tuple[InputError, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """What comparing two versions gives: the tables, the manifest, the readable report, the changes."""

    tables: dict[str, pd.DataFrame]
    manifest: dict
    report: str
    changes: tuple[Change, ...]

    @property
    def changed(self) -> bool:
        """Whether anything but numbering changed."""
        return has_content_changes(list(self.changes))


def _paths(paths: PathArg | Iterable[PathArg]) -> list[Path]:
    if isinstance(paths, (str, PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def read_notices(paths: PathArg | Iterable[PathArg], aliases: PathArg | None = None, password: str | None = None,
                 notice_id: str | None = None, ocr: str = "auto", progress: FileProgress | None = None) -> Extraction:
    """Notice files or folders -> an Extraction (tables, manifest, summary, unusable inputs with their reasons).

    `ocr` (auto, always, never) says which pages OCR reads: auto, pages without usable text; `progress` is told
    (file, pages done, pages to do) after each page OCR reads.

    Raises:
        FengongError: the alias file is unusable, `notice_id` is given for several inputs, or `ocr` is not a mode.
    """
    registry = load_registry(Path(aliases) if aliases is not None else None)
    run: Run = paths_to_run(_paths(paths), registry, notice_id, password, ocr, progress)
    tables, manifest = run_to_tables(run)
    return Extraction(tables, manifest, tuple(run_to_summary(run)), run.failures)


def extract(paths: PathArg | Iterable[PathArg], aliases: PathArg | None = None, password: str | None = None,
            notice_id: str | None = None, strict: bool = True, ocr: str = "auto") -> dict[str, pd.DataFrame]:
    """Notice files or folders (PDF, DOCX, DOC/WPS, OFD, HTML, text, image scans) -> the tables the CLI writes,
    keyed by table name; `ocr` as for read_notices.

    With `strict` (the default) an unusable input raises; with strict=False it is left out and the others are read.

    Raises:
        InputError: an input cannot be read as a notice (strict), or no input could be read at all.
        FengongError: the alias file is unusable, `notice_id` is given for several inputs, or `ocr` is not a mode.
    """
    found = read_notices(paths, aliases, password, notice_id, ocr)
    if found.failures and (strict or not found.manifest["inputs"]):
        raise found.failures[0]
    return found.tables


def compare_versions(old: PathArg, new: PathArg, aliases: PathArg | None = None, password: str | None = None,
                     ocr: str = "auto") -> Comparison:
    """Two versions of a notice (files, or folders written by extract) -> a Comparison.

    Raises:
        InputError: a version cannot be read, or a folder is not one notice's tables.
        FengongError: the alias file is unusable.
    """
    registry = load_registry(Path(aliases) if aliases is not None else None)
    old_path, new_path = Path(old), Path(new)
    matches = match_clauses(path_to_version(old_path, registry, password, ocr), path_to_version(new_path, registry, password, ocr))
    changes = matches_to_changes(matches)
    tables = {"changes": changes_to_frame(changes), "clause_map": matches_to_frame(matches)}
    counts = {kind: sum(1 for c in changes if c.change == kind) for kind in CONTENT_CHANGES + ("clause-renumbered",)}
    manifest = {"tool": "fengong", "version": __version__, "old": str(old), "new": str(new), "changes": counts,
                "tables": {name: {"rows": len(f), "files": [f"{name}.parquet", f"{name}.csv"]} for name, f in tables.items()}}
    report = changes_to_markdown(changes, old_path.name, new_path.name)
    return Comparison(tables, manifest, report, tuple(changes))


def diff(old: PathArg, new: PathArg, aliases: PathArg | None = None, password: str | None = None, ocr: str = "auto") -> dict[str, pd.DataFrame]:
    """Two versions of a notice -> the tables `changes` and `clause_map` (see the README for their columns).

    Raises:
        InputError: a version cannot be read, or a folder is not one notice's tables.
        FengongError: the alias file is unusable.
    """
    return compare_versions(old, new, aliases, password, ocr).tables


__all__ = ["Comparison", "Extraction", "compare_versions", "diff", "extract", "read_notices", "DIFF_SCHEMAS"]
