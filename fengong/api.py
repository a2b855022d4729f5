"""The library: notices -> tables, and two versions of a notice -> their differences. The CLI is one caller.

    >>> import fengong
    >>> tables = fengong.extract(["notice.pdf"])          # dict of pandas DataFrames, as the CLI writes them
    >>> tables["responsibilities"].query("role == 'lead'")
    >>> changes = fengong.diff("2023.pdf", "2024.pdf")["changes"]
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fengong.extract.errors import InputError
from fengong.extract.reading import ocr_mode
from fengong.normalize.registry import Registry, load_registry
from fengong.pipeline import Batch, PageProgress, Result, Settings, Task, path_to_version, paths_to_tasks, tasks_to_results
from fengong.pool import DEFAULT_LIMITS, Limits
from fengong.version import __version__

if TYPE_CHECKING:
    import pandas as pd

    from fengong.outputs.diff.changes import Change

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
    """What comparing two versions gives: the tables, the manifest, the readable reports (diff.md, diff.html), the changes."""

    tables: dict[str, pd.DataFrame]
    manifest: dict
    report: str
    changes: tuple[Change, ...]
    html: str = ""

    @property
    def changed(self) -> bool:
        """Whether anything but numbering changed."""
        from fengong.outputs.diff.changes import has_content_changes

        return has_content_changes(list(self.changes))


def _paths(paths: PathArg | Iterable[PathArg]) -> list[Path]:
    if isinstance(paths, (str, PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def registry_digest(registry: Registry) -> str:
    """A registry -> the sha256 of its content (what the cache key holds of the alias file)."""
    parts = [[e.canonical, e.full_name, list(e.spellings), e.jurisdiction] for e in registry.entries]
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def make_settings(aliases: PathArg | None = None, password: str | None = None, cache: PathArg | None = None,
                  ocr: str = "auto") -> Settings:
    """The options of a run -> the settings every input is read with (the alias file read and checked here).

    `ocr`: which pages OCR reads: auto (pages without usable text), always (every page), never.

    Raises:
        FengongError: the alias file is unusable, or `ocr` is not one of the modes.
    """
    mode = ocr_mode(ocr).value
    registry = load_registry(Path(aliases) if aliases is not None else None)
    return Settings(registry, registry_digest(registry) if aliases is not None else "", password,
                    Path(cache) if cache is not None else None, mode)


def read_notices(paths: PathArg | Iterable[PathArg], aliases: PathArg | None = None, password: str | None = None,
                 notice_id: str | None = None, jobs: int | None = None, client: Any = None, cache: PathArg | None = None,
                 limits: Limits = DEFAULT_LIMITS, ocr: str = "auto", progress: PageProgress | None = None) -> Extraction:
    """Notice files or folders -> an Extraction (tables, manifest, summary, unusable inputs with their reasons).

    jobs: None reads in this process; N reads in N worker processes, each input under `limits` (time, memory).
    client: a dask.distributed.Client; its cluster's workers read the inputs. cache: a cache folder to reuse
    and keep results in (see fengong.cache); none by default. ocr: which pages OCR reads (see make_settings);
    progress: told (input, pages done, pages to do) after each page OCR reads.

    Raises:
        FengongError: the alias file is unusable, `notice_id` is given for several inputs, or `ocr` is not a mode.
    """
    from fengong.outputs.tables import SCHEMAS, rows_to_frame

    settings = make_settings(aliases, password, cache, ocr)
    tasks, errors, notes = paths_to_tasks(_paths(paths), notice_id)
    collected: dict[str, list[tuple]] = {name: [] for name in SCHEMAS}
    batch = Batch(lambda name, rows, _: collected[name].extend(rows))
    summary = [note for note in notes if note.startswith("warning:")]  # a path given twice
    for error in errors:
        batch.fail(error)
    for task, result in zip(tasks, tasks_to_results(tasks, settings, jobs, limits, client, progress=progress), strict=True):
        batch.add(task, result)
        summary.extend([result.summary] if result.failure is None else [])
    batch.finish()
    tables = {name: rows_to_frame(name, rows) for name, rows in collected.items()}
    summary.extend(f"error: {f}" for f in batch.failures)
    return Extraction(tables, batch.manifest(list(SCHEMAS)), tuple(summary), tuple(batch.failures))


def extract(paths: PathArg | Iterable[PathArg], aliases: PathArg | None = None, password: str | None = None,
            notice_id: str | None = None, strict: bool = True, jobs: int | None = None, client: Any = None,
            cache: PathArg | None = None, ocr: str = "auto") -> dict[str, pd.DataFrame]:
    """Notice files or folders (PDF, DOCX, DOC/WPS, OFD, HTML, text; scans as PDF, PNG, JPEG or TIFF) -> the tables
    the CLI writes, keyed by table name.

    With `strict` (the default) an unusable input raises; with strict=False it is left out and the others are read.
    jobs, client, cache, ocr: as for read_notices (worker processes, a Dask client, a cache folder, OCR mode).

    Raises:
        InputError: an input cannot be read as a notice (strict), or no input could be read at all.
        FengongError: the alias file is unusable, `notice_id` is given for several inputs, or `ocr` is not a mode.
    """
    found = read_notices(paths, aliases, password, notice_id, jobs, client, cache, ocr=ocr)
    if found.failures and (strict or not found.manifest["inputs"]):
        raise found.failures[0]
    return found.tables


def compare_versions(old: PathArg, new: PathArg, aliases: PathArg | None = None, password: str | None = None,
                     jobs: int | None = None, limits: Limits = DEFAULT_LIMITS, ocr: str = "auto") -> Comparison:
    """Two versions of a notice (files, or folders written by extract) -> a Comparison.

    jobs=None reads the files in this process; jobs=1 in a worker process under `limits` (as the CLI does);
    ocr: which pages OCR reads (see make_settings).

    Raises:
        InputError: a version cannot be read, or a folder is not one notice's tables.
        FengongError: the alias file is unusable, or `ocr` is not a mode.
    """
    from fengong.outputs.diff.changes import CONTENT_CHANGES, changes_to_frame, matches_to_changes, matches_to_frame
    from fengong.outputs.diff.html import changes_to_html
    from fengong.outputs.diff.match import match_clauses
    from fengong.outputs.diff.report import changes_to_markdown

    registry = load_registry(Path(aliases) if aliases is not None else None)
    old_path, new_path = Path(old), Path(new)
    mode = ocr_mode(ocr).value
    matches = match_clauses(path_to_version(old_path, registry, password, jobs, limits, mode),
                            path_to_version(new_path, registry, password, jobs, limits, mode))
    changes = matches_to_changes(matches)
    tables = {"changes": changes_to_frame(changes), "clause_map": matches_to_frame(matches)}
    counts = {kind: sum(1 for c in changes if c.change == kind) for kind in CONTENT_CHANGES + ("clause-renumbered",)}
    manifest = {"tool": "fengong", "version": __version__, "old": str(old), "new": str(new), "changes": counts,
                "tables": {name: {"rows": len(f), "files": [f"{name}.parquet", f"{name}.csv"]} for name, f in tables.items()}}
    report = changes_to_markdown(changes, old_path.name, new_path.name, matches)
    html = changes_to_html(changes, old_path.name, new_path.name, matches)
    return Comparison(tables, manifest, report, tuple(changes), html)


def diff(old: PathArg, new: PathArg, aliases: PathArg | None = None, password: str | None = None,
         ocr: str = "auto") -> dict[str, pd.DataFrame]:
    """Two versions of a notice -> the tables `changes` and `clause_map` (see the README for their columns).

    Raises:
        InputError: a version cannot be read, or a folder is not one notice's tables.
        FengongError: the alias file is unusable, or `ocr` is not a mode.
    """
    return compare_versions(old, new, aliases, password, ocr=ocr).tables


__all__ = ["Comparison", "Extraction", "Result", "Task", "compare_versions", "diff", "extract", "make_settings", "read_notices"]
