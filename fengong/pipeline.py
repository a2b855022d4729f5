"""The stages in order: paths -> sources -> clauses -> responsibilities -> tables and manifest."""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fengong.extract.errors import FengongError, InputError
from fengong.extract.ingest import Source, path_to_source, paths_to_notice_files
from fengong.extract.model import Assignment, Issue, IssueCode, Line, Notice
from fengong.extract.names import path_text, printable
from fengong.extract.parties import clause_to_assignments
from fengong.extract.segment import lines_to_notice
from fengong.normalize.jurisdiction import level_from_units, notice_to_jurisdiction
from fengong.normalize.registry import Namer, Registry, assignments_to_responsibilities
from fengong.outputs.tables import NoticeInfo, NoticeTables, notices_to_frames
from fengong.pool import DEFAULT_LIMITS, Limits
from fengong.version import __version__

if TYPE_CHECKING:
    from fengong.outputs.diff.match import VClause


@dataclass(frozen=True, slots=True)
class Extracted:
    """One usable input and what was read from it."""

    source: Source
    notice: Notice
    tables: NoticeTables


@dataclass(frozen=True, slots=True)
class Run:
    """The outcome of reading several inputs: the usable ones and the failures, in input order."""

    extracted: tuple[Extracted, ...]
    failures: tuple[InputError, ...]
    empty: tuple[NoticeTables, ...] = ()  # inputs read as text but holding no task clause: a no-clauses issue each


class NoClausesError(InputError):
    """The input reads as text but holds no task clause; it still gets its no-clauses row in the issues table."""


def source_to_tables(source: Source, notice_id: str, registry: Registry) -> Extracted:
    """A read input -> its clauses, normalised responsibilities and issues (units read by OCR checked: see ocr_checked).

    Raises:
        InputError: the text holds no task clauses.
    """
    notice = lines_to_notice(source.lines, source.path)
    if not notice.clauses:
        raise NoClausesError(source.path, "no task clauses found (numbered items or task tables); is it a task-division notice?")
    issues: list[Issue] = list(source.issues) + list(notice.issues)
    assignments = []
    for clause in notice.clauses:
        found, problems = clause_to_assignments(clause, notice.first_listed)
        assignments.extend(found)
        issues.extend(problems)
    head = "\n".join(line.text for line in source.lines[:60])
    jurisdiction = notice_to_jurisdiction(notice.title, notice.issuer, head, notice.doc_number)
    jurisdiction = level_from_units(jurisdiction, [a.unit_raw for a in assignments])
    namer = registry.for_notice(jurisdiction, notice.aliases)
    assignments = ocr_checked(assignments, source.lines, namer, issues)
    responsibilities, unknown = assignments_to_responsibilities(assignments, namer)
    issues.extend(unknown)
    info = NoticeInfo(notice_id=notice_id, title=notice.title, issuer=notice.issuer, doc_number=notice.doc_number, date=notice.date,
                      jurisdiction=jurisdiction.name, level=jurisdiction.level.value, sha256=source.sha256, path=printable(source.path))
    return Extracted(source, notice, NoticeTables(notice_id, notice.clauses, tuple(responsibilities), tuple(issues), info))


def ocr_checked(assignments: list[Assignment], lines: tuple[Line, ...], namer: Namer, issues: list[Issue]) -> list[Assignment]:
    """Units as read, the lines they were read from and the notice's namer -> the units, an unknown one read by OCR
    that is one character off exactly one body the body-name model or the notice's registry knows mended to it;
    a low-confidence issue for each unit on a doubtful OCR line and a corrected-unit issue for each mending are
    added to `issues`. Lines that were given as text are left alone (and cost nothing here)."""
    if all(line.confidence is None for line in lines):
        return assignments
    from fengong.extract.bodies import vocabulary
    from fengong.extract.ocr import correct_ocr_units, low_confidence_issues

    issues.extend(low_confidence_issues(assignments, lines))
    registry_names = frozenset(namer.spellings)
    fixed, corrected = correct_ocr_units(assignments, lines, (vocabulary(), registry_names),
                                         lambda name, prefix: namer.unit(name, prefix).known)
    issues.extend(corrected)
    return fixed


def paths_to_run(paths: list[Path], registry: Registry, notice_id: str | None = None, password: str | None = None,
                 ocr: str = "auto") -> Run:
    """Input paths -> every usable notice read (pages by OCR as `ocr` says) and normalised, and the unusable inputs
    with their reasons.

    Raises:
        FengongError: `notice_id` is given with more than one input.
    """
    files, failures = paths_to_notice_files(paths)
    if notice_id is not None and len(files) + len(failures) != 1:
        raise FengongError(f"--notice-id {notice_id!r} names one notice, but {len(files) + len(failures)} inputs were given")
    extracted, empty, used = [], [], Counter[str]()
    for path in files:
        this_id = _unique_id(notice_id or path.stem, used)
        try:
            source = path_to_source(path, password, ocr=ocr)
            extracted.append(source_to_tables(source, this_id, registry))
        except NoClausesError as exc:
            failures.append(exc)
            empty.append(NoticeTables(this_id, (), (), (Issue(IssueCode.NO_CLAUSES, exc.reason),), NoticeInfo(notice_id=this_id, path=path_text(path))))
        except InputError as exc:
            failures.append(exc)
        except Exception as exc:  # noqa: BLE001 - one unreadable file must not stop a folder of thousands
            failures.append(InputError(str(path), f"internal error while reading ({type(exc).__name__}: {exc}); please report it with the file"))
    return Run(tuple(extracted), tuple(failures), tuple(empty))


def _unique_id(stem: str, used: Counter) -> str:
    used[stem] += 1
    return stem if used[stem] == 1 else f"{stem}-{used[stem]}"


def run_to_tables(run: Run) -> tuple[dict, dict]:
    """A run -> (frames by table name, manifest as a JSON-ready dict)."""
    notices = [e.tables for e in run.extracted] + list(run.empty)
    frames = notices_to_frames(notices)
    manifest = {
        "tool": "fengong",
        "version": __version__,
        "inputs": run_to_manifest_entries(run),
        "failures": [{"path": f.path, "error": f.reason} for f in run.failures],
        "tables": {name: {"rows": len(frame), "files": [f"{name}.parquet", f"{name}.csv"]} for name, frame in frames.items()},
    }
    return frames, manifest


def run_to_manifest_entries(run: Run) -> list[dict]:
    """A run -> the manifest's entry for each usable input: path, checksum, title, issuer, date, attachments, rows."""
    return [
        {
            "notice_id": e.tables.notice_id,
            "path": path_text(e.source.path),
            "sha256": e.source.sha256,
            "bytes": e.source.size,
            "title": e.notice.title,
            "issuer": e.notice.issuer,
            "date": e.notice.date,
            "attachments": [{"number": n, "title": t} for n, t in e.notice.attachments],
            "rows": {
                "clauses": len(e.tables.clauses),
                "responsibilities": len(e.tables.responsibilities),
                "issues": len(e.tables.issues),
            },
        }
        for e in run.extracted
    ]


def run_to_summary(run: Run) -> list[str]:
    """A run -> the lines of its stderr summary: one per notice with its issue counts, one per failure."""
    lines = []
    for e in run.extracted:
        counts = Counter(i.code for i in e.tables.issues)
        roles = Counter(str(r.assignment.role) for r in e.tables.responsibilities)
        issue_text = ", ".join(f"{code} {n}" for code, n in sorted(counts.items())) or "none"
        lines.append(
            f"{e.tables.notice_id}: {len(e.tables.clauses)} clauses, {len(e.tables.responsibilities)} responsibilities "
            f"(lead {roles['lead']}, support {roles['support']}, responsible {roles['responsible']}); issues: {issue_text}"
        )
    lines.extend(f"error: {f}" for f in run.failures)
    return lines


def path_to_version(path: Path, registry: Registry, password: str | None = None, jobs: int | None = None,
                    limits: Limits = DEFAULT_LIMITS, ocr: str = "auto") -> tuple[VClause, ...]:
    """A notice file, or a folder written by `fengong extract`, -> the clauses and units a diff compares.

    jobs=None reads the file in this process; jobs=1 in a worker process under `limits`; `ocr` as in Settings.

    Raises:
        InputError: the notice cannot be read, or the folder is not one notice's tables.
    """
    from fengong.outputs.diff.match import frames_to_version
    from fengong.outputs.read import folder_to_frames
    from fengong.outputs.tables import rows_to_frame

    if path.is_dir():
        return frames_to_version(*folder_to_frames(path))
    result = next(tasks_to_results([Task(path, printable(path.stem))], Settings(registry, password=password, ocr=ocr), jobs, limits))
    if result.failure is not None:
        raise InputError(str(path), result.failure)
    return frames_to_version(rows_to_frame("clauses", result.rows["clauses"]), rows_to_frame("responsibilities", result.rows["responsibilities"]))


# --- batches: inputs read one by one (in worker processes, from the cache, or on a Dask cluster), in input order ---

_LOCK_PREFIXES = ("~$", ".~lock.", "._")  # Word/WPS lock files, LibreOffice locks, macOS resource forks
_SCAN_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")  # inputs OCR may read
_OCR_ADVICE = "--time-limit; 3-8 s a page on two cores"


@dataclass(frozen=True, slots=True)
class Task:
    """One input to read and the notice_id its rows get."""

    path: Path
    notice_id: str


@dataclass(frozen=True, slots=True)
class Settings:
    """What every input of a run is read with: the registry, the alias file's digest, the password, the cache, and
    which pages OCR reads (auto, always, never: see fengong.extract.ocr)."""

    registry: Registry
    aliases_sha: str = ""
    password: str | None = None
    cache: Path | None = None
    ocr: str = "auto"


@dataclass(frozen=True, slots=True)
class Result:
    """What reading one input gave, as plain values (what a worker sends back and the cache keeps).

    rows: the input's rows of each per-notice table; units: its unit counts (outputs.tables.unit_counts);
    entry: its manifest entry (None when unusable); failure: the reason it is unusable; summary: its stderr line.
    """

    notice_id: str
    rows: dict[str, list[tuple]]
    units: dict[str, list]
    entry: dict | None
    failure: str | None
    summary: str
    cached: bool = False
    encoded: dict[str, Any] | None = None  # rows encoded for the writers (outputs.write.EncodedRows), in place of rows
    report: bytes = b""  # the notice's section of report.html (outputs.report.notice_to_html), packed (outputs.write.pack_text)


def _plain(value: object) -> object:
    """A table value -> the plain Python value (enum members as their text), as JSON and Arrow take it."""
    return str(value) if isinstance(value, str) else value


def extracted_to_result(e: Extracted) -> Result:
    """A read notice -> its Result: rows, unit counts, manifest entry and summary line."""
    from fengong.outputs.tables import notice_to_rows, unit_counts

    rows = {name: [tuple(_plain(v) for v in row) for row in found] for name, found in notice_to_rows(e.tables).items()}
    entry = run_to_manifest_entries(Run((e,), ()))[0]
    entry.pop("path")
    return Result(e.tables.notice_id, rows, unit_counts([e.tables]), entry, None, run_to_summary(Run((e,), ()))[0])


def failure_to_result(notice_id: str, reason: str, no_clauses: bool = False) -> Result:
    """An unusable input -> its Result: no rows, except the no-clauses issue of a notice read without task clauses."""
    from fengong.outputs.tables import issues_to_rows, notices_to_rows

    rows: dict[str, list[tuple]] = {}
    if no_clauses:
        issue = NoticeTables(notice_id, (), (), (Issue(IssueCode.NO_CLAUSES, reason),), NoticeInfo(notice_id=notice_id))
        rows["issues"] = [tuple(_plain(v) for v in row) for row in issues_to_rows([issue])]
        rows["notices"] = [tuple(_plain(v) for v in row) for row in notices_to_rows([issue])]
    return Result(notice_id, rows, {}, None, reason, "")


def task_to_result(task: Task, settings: Settings) -> Result:
    """One input -> what reading it gives (never raises for a bad input: that is a Result with its failure)."""
    from fengong.pool import report_progress

    try:
        source = path_to_source(task.path, settings.password, ocr=settings.ocr, progress=report_progress)
        return extracted_to_result(source_to_tables(source, task.notice_id, settings.registry))
    except NoClausesError as exc:
        return failure_to_result(task.notice_id, exc.reason, no_clauses=True)
    except InputError as exc:
        return failure_to_result(task.notice_id, exc.reason)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - one unreadable file must not stop a folder of thousands
        return failure_to_result(task.notice_id, f"internal error while reading ({type(exc).__name__}: {exc}); please report it with the file")


def read_task(task: Task, settings: Settings) -> Result:
    """One input -> its Result, from the cache when an entry for exactly this input, tool and settings exists."""
    from fengong import cache

    key = None
    if settings.cache is not None:
        digest = cache.input_digest(task.path)
        if digest is not None:
            key = cache.cache_key(digest, settings.aliases_sha, task.notice_id, settings.password, settings.ocr)
            found = cache.load_entry(settings.cache, key)
            if found is not None:
                with contextlib.suppress(KeyError, TypeError, ValueError):
                    return _json_to_result(found)
    result = task_to_result(task, settings)
    if key is not None and result.failure is None:
        cache.store_entry(settings.cache, key, _result_to_json(result))  # type: ignore[arg-type]
    return result


def read_and_encode(task: Task, settings: Settings) -> Result:
    """One input -> its Result with the rows encoded as the writers take them, and its section of report.html (done in
    the worker, in parallel, so the writing process only appends bytes)."""
    from fengong.outputs.report import notice_to_html
    from fengong.outputs.tables import SCHEMAS
    from fengong.outputs.write import date_columns, encode_rows, pack_rows, pack_text

    result = read_task(task, settings)
    rows = dict(result.rows)
    result = replace(result, rows={})
    try:
        report = pack_text(notice_to_html(rows))  # a lone surrogate fails here, in the worker, not in the writer
        encoded = {}
        for name in list(rows):  # one table at a time, each let go once encoded: a long notice is not held twice
            table = rows.pop(name)
            encoded[name] = pack_rows(encode_rows(table, SCHEMAS[name].names, date_columns(SCHEMAS[name])))
            del table
    except UnicodeEncodeError as exc:
        return failure_to_result(task.notice_id, f"internal error while writing its rows ({exc}); please report it with the file")
    return replace(result, encoded=encoded, report=report)


def _result_to_json(result: Result) -> dict:
    return {"notice_id": result.notice_id, "rows": result.rows, "units": result.units, "entry": result.entry,
            "summary": result.summary}


def _json_to_result(value: dict) -> Result:
    rows = {name: [tuple(row) for row in found] for name, found in value["rows"].items()}
    return Result(str(value["notice_id"]), rows, dict(value["units"]), dict(value["entry"]), None, str(value["summary"]), True)


def lost_to_result(task: Task, reason: str, limits: Limits) -> Result:
    """An input whose worker was stopped -> its failure, saying which limit stopped it."""
    if reason == "time":
        why = f"reading stopped after {limits.seconds:g} s (the time limit per file, --time-limit)"
        if task.path.suffix.lower() in _SCAN_SUFFIXES:
            why += f"; OCR of a scan takes seconds a page: give a long scan more time ({_OCR_ADVICE})"
    elif reason == "memory":
        why = f"reading stopped: it needed more than {limits.memory // 1024**2} MB of memory (the limit per file, --memory-limit)"
    else:
        why = f"internal error while reading ({reason}); please report it with the file"
    return failure_to_result(task.notice_id, why)


def unique_paths(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Paths as given -> the same without repeats (the same file or folder twice, or a file or folder inside a folder
    also given), in the order given, and a warning line for each path left out."""
    kept: list[Path] = []
    warnings: list[str] = []
    seen: set[str] = set()
    real = [os.path.realpath(p) for p in paths]
    folders = {r: p for p, r in zip(paths, real, strict=True) if os.path.isdir(r)}
    for path, here in zip(paths, real, strict=True):
        # Each path's ancestors looked up among the folders given: linear in the number of paths.
        inside = next((folders[str(a)] for a in Path(here).parents if str(a) in folders), None)
        if here in seen or inside is not None:
            where = f"inside {path_text(inside)}" if inside is not None else "again"
            warnings.append(f"warning: {path_text(path)} is given twice ({where}); read once")
        else:
            kept.append(path)
            seen.add(here)
    return kept, warnings


def paths_to_tasks(paths: list[Path], notice_id: str | None = None) -> tuple[list[Task], list[InputError], list[str]]:
    """Paths as given -> the inputs to read (folders scanned, in path order; a path given twice read once), the
    unusable paths, and one note per path given twice and per file of a folder that was skipped (hidden and lock
    files silently; other formats named).

    Raises:
        FengongError: `notice_id` is given with more than one input.
    """
    files: list[Path] = []
    errors: list[InputError] = []
    paths, notes = unique_paths(paths)
    for path in paths:
        if path.is_dir():
            found, skipped = folder_to_files(path)
            if not found:
                errors.append(InputError(str(path), f"folder holds no notices ({', '.join(_supported())} files)"))
            files.extend(found)
            notes.extend(f"skipped {path_text(p)}: not a notice format ({', '.join(_supported())})" for p in skipped)
        else:
            files.append(path)
    if notice_id is not None and len(files) + len(errors) != 1:
        raise FengongError(f"--notice-id {printable(notice_id)!r} names one notice, but {len(files) + len(errors)} inputs were given")
    used: Counter[str] = Counter()
    tasks = [Task(p, _unique_id(printable(notice_id) if notice_id else printable(p.stem), used)) for p in files]
    return tasks, errors, notes


def _supported() -> tuple[str, ...]:
    from fengong.extract.ingest import SUPPORTED

    return SUPPORTED


def folder_to_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """A folder -> the notice files below it, sorted by path, and the other files skipped (sorted).

    Hidden files and folders (.x), Office and WPS lock files (~$x.docx, .~lock.x#) and macOS forks (._x) are
    left out without a word: they are never notices. Links to folders are not followed (no loops).
    """
    found: list[Path] = []
    skipped: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith(".") or name.startswith(_LOCK_PREFIXES):
                continue
            path = Path(root) / name
            (found if path.suffix.lower() in _supported() else skipped).append(path)
    return sorted(found), sorted(skipped)


PageProgress = Callable[[Task, int, int], None]
"""Told (input, pages done, pages to do) as OCR reads the pages of an input (seconds a page)."""


def tasks_to_results(tasks: list[Task], settings: Settings, jobs: int | None = None, limits: Limits = DEFAULT_LIMITS,
                     client: Any = None, encode: bool = False, progress: PageProgress | None = None) -> Iterator[Result]:
    """Inputs -> their Results in input order: on a Dask cluster (`client`), in `jobs` worker processes with hard
    limits, or (jobs None) one after another in this process. With `encode`, rows come encoded for the writers;
    `progress` is told of each page OCR reads (not from a cluster)."""
    from fengong.pool import Pool, reporting

    read = read_and_encode if encode else read_task
    if client is not None:
        yield from _dask_results(tasks, settings, client, read)
    elif jobs is None:
        for task in tasks:
            with reporting(None if progress is None else partial(_told, progress, task)):
                result = read(task, settings)
            yield result
    else:
        told = None if progress is None else partial(_told, progress)
        pool = Pool(partial(read, settings=settings), partial(lost_to_result, limits=limits), jobs, limits, told)
        yield from pool.map(tasks)


def _told(progress: PageProgress, task: Task, value: object) -> None:
    """What a reader reported, (pages done, pages to do) -> `progress` told of it for `task`."""
    if isinstance(value, tuple) and len(value) == 2:
        progress(task, int(value[0]), int(value[1]))


def _dask_results(tasks: list[Task], settings: Settings, client: Any, read: Callable[..., Result]) -> Iterator[Result]:
    """Inputs -> Results read by the workers of a dask.distributed cluster, gathered in input order.

    Dask schedules; the workers need the inputs at the same paths (a shared file system).
    """
    shared = client.scatter(settings, broadcast=True)
    futures = client.map(read, tasks, settings=shared, pure=False)
    try:
        for future in futures:
            yield future.result()
            future.release()
    finally:
        client.cancel(futures)


class Batch:
    """The running outcome of a batch: each Result's rows go to `write(table, rows, notice_id)` in input order; only
    the manifest entries, failures, summary lines and the units table's counts are kept in memory."""

    def __init__(self, write: Callable[[str, Any, str | None], None]):
        self.write = write
        self.entries: list[dict] = []
        self.failures: list[InputError] = []
        self.units: dict[str, list] = {}
        self.rows: Counter[str] = Counter()
        self.cached = 0

    def fail(self, error: InputError) -> None:
        """An input found unusable before reading (a missing path, an empty folder) -> kept as a failure."""
        self.failures.append(error)

    def add(self, task: Task, result: Result) -> None:
        """One input's Result -> its rows written, its entry or failure kept, its unit counts merged."""
        from fengong.outputs.tables import merge_unit_counts

        tables: dict[str, Any] = result.encoded or result.rows
        for name, rows in tables.items():
            count: int = rows.count if result.encoded else len(rows)
            if count:
                self.write(name, rows, result.notice_id)
                self.rows[name] += count
        if result.failure is not None:
            self.failures.append(InputError(str(task.path), result.failure))
            return
        self.entries.append({"notice_id": result.notice_id, "path": path_text(task.path), **(result.entry or {})})
        merge_unit_counts(self.units, result.units)
        self.cached += result.cached

    def finish(self) -> None:
        """The units table -> written from the counts of all notices."""
        from fengong.outputs.tables import unit_counts_to_rows

        rows = unit_counts_to_rows(self.units)
        if rows:
            self.write("units", rows, None)
            self.rows["units"] += len(rows)

    def manifest(self, tables: list[str]) -> dict:
        """The table names written -> the manifest: tool, version, inputs, failures, row counts."""
        return {
            "tool": "fengong",
            "version": __version__,
            "inputs": self.entries,
            "failures": [{"path": f.path, "error": f.reason} for f in self.failures],
            "tables": {name: {"rows": self.rows[name], "files": [f"{name}.parquet", f"{name}.csv"]} for name in tables},
        }
