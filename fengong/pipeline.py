"""The stages in order: paths -> sources -> clauses -> responsibilities -> tables and manifest."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fengong.extract.errors import FengongError, InputError
from fengong.extract.ingest import Source, path_to_source, paths_to_notice_files
from fengong.extract.model import Issue, IssueCode, Notice
from fengong.extract.ocr import OcrMode, correct_ocr_units, low_confidence_issues, ocr_mode
from fengong.extract.parties import clause_to_assignments
from fengong.extract.segment import lines_to_notice
from fengong.normalize.registry import Registry, assignments_to_responsibilities
from fengong.outputs.diff.match import VClause, frames_to_version
from fengong.outputs.read import folder_to_frames
from fengong.outputs.tables import NoticeTables, notices_to_frames
from fengong.version import __version__


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
    """A read input -> its clauses, normalised responsibilities and issues.

    Raises:
        InputError: the text holds no task clauses.
    """
    notice = lines_to_notice(source.lines, source.path)
    if not notice.clauses:
        raise NoClausesError(source.path, "no task clauses found (numbered items or task tables); is it a task-division notice?")
    issues: list[Issue] = list(source.issues) + list(notice.issues)
    assignments = []
    for clause in notice.clauses:
        found, problems = clause_to_assignments(clause, notice.first_listed_is_lead)
        assignments.extend(found)
        issues.extend(problems)
    issues.extend(low_confidence_issues(assignments, source.lines))
    scoped = registry.for_notice("".join(line.text for line in source.lines)).with_aliases(notice.aliases)
    assignments, corrected = correct_ocr_units(assignments, source.lines, list(scoped.spellings), lambda raw: scoped.unit(raw).known)
    issues.extend(corrected)
    responsibilities, unknown = assignments_to_responsibilities(assignments, scoped)
    issues.extend(unknown)
    return Extracted(source, notice, NoticeTables(notice_id, notice.clauses, tuple(responsibilities), tuple(issues)))


FileProgress = Callable[[str, int, int], None]
"""Told (file, pages done, pages to do) as OCR reads the pages of a file (seconds a page)."""


def paths_to_run(paths: list[Path], registry: Registry, notice_id: str | None = None, password: str | None = None,
                 ocr: str | OcrMode = OcrMode.AUTO, progress: FileProgress | None = None) -> Run:
    """Input paths -> every usable notice read and normalised, and the unusable inputs with their reasons.

    Raises:
        FengongError: `notice_id` is given with more than one input, or `ocr` is not a mode.
    """
    mode = ocr_mode(ocr)
    files, failures = paths_to_notice_files(paths)
    if notice_id is not None and len(files) + len(failures) != 1:
        raise FengongError(f"--notice-id {notice_id!r} names one notice, but {len(files) + len(failures)} inputs were given")
    extracted, empty, used = [], [], Counter[str]()
    for path in files:
        this_id = _unique_id(notice_id or path.stem, used)
        try:
            source = path_to_source(path, password, ocr=mode, progress=_for_file(progress, str(path)))
            extracted.append(source_to_tables(source, this_id, registry))
        except NoClausesError as exc:
            failures.append(exc)
            empty.append(NoticeTables(this_id, (), (), (Issue(IssueCode.NO_CLAUSES, exc.reason),)))
        except InputError as exc:
            failures.append(exc)
        except Exception as exc:  # noqa: BLE001 - one unreadable file must not stop a folder of thousands
            failures.append(InputError(str(path), f"internal error while reading ({type(exc).__name__}: {exc}); please report it with the file"))
    return Run(tuple(extracted), tuple(failures), tuple(empty))


def _for_file(progress: FileProgress | None, name: str) -> Callable[[int, int], None] | None:
    """A progress callback for all files -> one for the pages of file `name`."""
    if progress is None:
        return None
    report = progress
    return lambda done, total: report(name, done, total)


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
        "inputs": [
            {
                "notice_id": e.tables.notice_id,
                "path": e.source.path,
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
        ],
        "failures": [{"path": f.path, "error": f.reason} for f in run.failures],
        "tables": {name: {"rows": len(frame), "files": [f"{name}.parquet", f"{name}.csv"]} for name, frame in frames.items()},
    }
    return frames, manifest


def run_to_summary(run: Run) -> list[str]:
    """A run -> the lines of its stderr summary: one per notice with its issue counts, one per failure."""
    lines = []
    for e in run.extracted:
        counts = Counter(i.code for i in e.tables.issues)
        roles = Counter(r.assignment.role for r in e.tables.responsibilities)
        issue_text = ", ".join(f"{code} {n}" for code, n in sorted(counts.items())) or "none"
        lines.append(
            f"{e.tables.notice_id}: {len(e.tables.clauses)} clauses, {len(e.tables.responsibilities)} responsibilities "
            f"(lead {roles['lead']}, support {roles['support']}, responsible {roles['responsible']}); issues: {issue_text}"
        )
    lines.extend(f"error: {f}" for f in run.failures)
    return lines


def path_to_version(path: Path, registry: Registry, password: str | None = None, ocr: str | OcrMode = OcrMode.AUTO) -> tuple[VClause, ...]:
    """A notice file, or a folder written by `fengong extract`, -> the clauses and units a diff compares.

    Raises:
        InputError: the notice cannot be read, or the folder is not one notice's tables.
    """
    if path.is_dir():
        return frames_to_version(*folder_to_frames(path))
    run = paths_to_run([path], registry, password=password, ocr=ocr)
    if run.failures:
        raise run.failures[0]
    frames, _ = run_to_tables(run)
    return frames_to_version(frames["clauses"], frames["responsibilities"])
