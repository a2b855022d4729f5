"""Command line: `fengong extract INPUT... --out DIR` and `fengong diff OLD NEW --out DIR`, over the library.

Errors the caller can fix become one line on stderr and exit status 2; the document's problems are rows of the
issues table.
"""

from __future__ import annotations

import argparse
import os
import signal
import stat
import sys
import time
from pathlib import Path
from typing import Any

from fengong.extract.errors import FengongError
from fengong.extract.names import path_text, printable
from fengong.version import __version__

EXIT_OK, EXIT_CHANGED, EXIT_UNUSABLE, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
PASSWORD_ENV = "FENGONG_PDF_PASSWORD"

EPILOG = f"""examples:
  fengong extract notice.pdf --out tables/
  fengong extract notices/ --out tables/ --jobs 4 --aliases my-units.csv
  fengong extract notices/ --out tables/ --xlsx --headers zh --db ledger.duckdb
  {PASSWORD_ENV}=secret fengong extract locked.pdf --out tables/
  fengong extract scan.pdf page1.png --out tables/ --time-limit 1800   # scans: OCR takes seconds a page
  fengong diff 2023.pdf 2024.pdf --out changes/

exit status:
  0    all inputs read (diff: no change in content)
  1    diff: the versions differ in content
  2    bad arguments, --out refused, or no input usable (nothing written)
  3    some inputs unusable (each named on stderr); the tables of the others were written
  130  interrupted (Ctrl-C); nothing written
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own exit status 2 and usage line, without a traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNUSABLE, f"fengong: error: {printable(message)}\n")


def _positive(kind: type) -> Any:
    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be above 0: {text!r}")
        return value
    return parse


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--aliases", type=Path, metavar="FILE", help="extra unit aliases (canonical,full_name,aliases)")
    parser.add_argument("--password", metavar="PASSWORD", help=f"password of encrypted PDF input (visible to `ps`: prefer --password-file or ${PASSWORD_ENV})")
    parser.add_argument("--password-file", type=Path, metavar="FILE", help="file whose first line is the PDF password")
    parser.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                        help="read pages by OCR: auto (pages without text: scans), always (every page), never")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="fengong", description="Task-division notices -> responsibility tables.", epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"fengong {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    extract = commands.add_parser("extract", help="read notices and write the tables", epilog=EPILOG,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    extract.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="notice files or folders of them")
    extract.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the tables")
    extract.add_argument("--notice-id", metavar="ID", help="notice_id for a single input (default: file name stem)")
    _common(extract)
    extract.add_argument("--jobs", "-j", type=_positive(int), default=None, metavar="N", help="worker processes (default: number of cores)")
    extract.add_argument("--cache", type=Path, metavar="DIR", help="cache folder (default: $XDG_CACHE_HOME/fengong or ~/.cache/fengong)")
    extract.add_argument("--no-cache", action="store_true", help="read every input again; keep nothing")
    extract.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786): read the inputs on its cluster")
    extract.add_argument("--time-limit", type=_positive(float), default=600.0, metavar="SECONDS", help="stop reading one input after this long (default 600)")
    extract.add_argument("--memory-limit", type=_positive(int), default=2048, metavar="MB", help="memory one input may take (default 2048)")
    extract.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="progress line on stderr (default: when stderr is a terminal)")
    extract.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    extract.add_argument("-v", "--verbose", action="store_true", help="print each file as it is read")
    extract.add_argument("--headers", choices=("en", "zh"), default="en", help="CSV and XLSX column headers: en (column names) or zh (Chinese)")
    extract.add_argument("--xlsx", action="store_true", help="also write tables.xlsx (sheets 任务分工, 按单位, …) into DIR")
    extract.add_argument("--db", type=Path, metavar="FILE", help="also add the notices to this DuckDB ledger (created when missing)")
    compare = commands.add_parser("diff", help="compare the assignments of two versions of a notice", epilog=EPILOG,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    compare.add_argument("old", type=Path, metavar="OLD", help="notice file or folder written by `fengong extract`")
    compare.add_argument("new", type=Path, metavar="NEW", help="notice file or folder written by `fengong extract`")
    compare.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for changes, clause_map, diff.md and diff.html")
    _common(compare)
    return parser


def read_password(args: argparse.Namespace) -> str | None:
    """--password, --password-file or $FENGONG_PDF_PASSWORD -> the password (None when none is given).

    Raises:
        FengongError: the password file is not a small regular file that can be read.
    """
    if args.password is not None:
        return args.password
    if args.password_file is not None:
        name = path_text(args.password_file)
        try:
            if not stat.S_ISREG(os.stat(args.password_file).st_mode):
                raise FengongError(f"{name}: password file is not a regular file")
            with open(args.password_file, "rb") as f:
                data = f.read(4096)
        except OSError as exc:
            raise FengongError(f"{name}: cannot read password file ({exc.strerror or exc})") from None
        lines = data.decode("utf-8", "surrogateescape").splitlines()
        return lines[0] if lines else ""
    return os.environ.get(PASSWORD_ENV) or None


def _diff(args: argparse.Namespace) -> int:
    from fengong.api import compare_versions
    from fengong.outputs.diff.changes import SCHEMAS
    from fengong.outputs.write import OutputFolder

    with OutputFolder(args.out, inputs=[args.old, args.new]) as folder:
        found = compare_versions(args.old, args.new, args.aliases, read_password(args), jobs=1, ocr=args.ocr)
        for name, frame in found.tables.items():
            folder.write_frame(name, frame, SCHEMAS[name])
        folder.write_text("diff.md", found.report)
        folder.write_text("diff.html", found.html)
        _check_interrupted()
        folder.commit(found.manifest)
    summary = ", ".join(f"{k} {v}" for k, v in found.manifest["changes"].items() if v) or "no changes"
    print(f"{path_text(args.old)} -> {path_text(args.new)}: {summary}", file=sys.stderr)
    print(f"diff written to {path_text(args.out)}/: changes.csv ({len(found.changes)} rows), clause_map.csv, diff.md, diff.html")
    return EXIT_CHANGED if found.changed else EXIT_OK


def _client(address: str | None) -> Any:
    if address is None:
        return None
    try:
        from distributed import Client
    except ImportError:
        raise FengongError("--scheduler needs dask.distributed: pip install 'fengong[cluster]'") from None
    try:
        return Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise FengongError(f"--scheduler {printable(address)}: cannot connect ({printable(str(exc))})") from None


def _extract(args: argparse.Namespace) -> int:
    from fengong.api import make_settings
    from fengong.cache import default_cache_dir
    from fengong.pipeline import paths_to_tasks
    from fengong.pool import Limits

    if args.db is not None:
        from fengong.outputs.ledger import check_ledger

        check_ledger(args.db)  # before anything is read: a file that is not a ledger is refused at once
    cache = None if args.no_cache else (args.cache or default_cache_dir())
    settings = make_settings(args.aliases, read_password(args), cache, args.ocr)
    tasks, errors, notes = paths_to_tasks(args.inputs, args.notice_id)
    limits = Limits(args.time_limit, args.memory_limit * 1024**2)
    jobs = min(args.jobs or os.cpu_count() or 1, max(1, len(tasks)))
    client = _client(args.scheduler)
    try:
        return _run(args, settings, tasks, errors, notes, limits, jobs, client)
    finally:
        if client is not None:
            client.close()


def _run(args: argparse.Namespace, settings: Any, tasks: list, errors: list, notes: list[str], limits: Any, jobs: int,
         client: Any) -> int:
    from fengong.outputs.report import report_head, report_tail
    from fengong.outputs.tables import SCHEMAS
    from fengong.outputs.write import OutputFolder
    from fengong.pipeline import Batch, tasks_to_results

    report = Report(args, len(tasks))
    with OutputFolder(args.out, inputs=args.inputs, partitioned=client is not None, headers=args.headers) as folder:
        sinks = {name: folder.table(name, schema) for name, schema in SCHEMAS.items()}
        html, contents = folder.stream("report.html"), []
        html.write(report_head())
        batch = Batch(lambda name, rows, notice_id: sinks[name].add(rows, notice_id))
        for line in notes:
            report.note(line)
        for error in errors:
            batch.fail(error)
            report.error(str(error))
        pages = report.page if report.progress else None
        for task, result in zip(tasks, tasks_to_results(tasks, settings, jobs, limits, client, encode=True, progress=pages), strict=True):
            _check_interrupted()
            batch.add(task, result)
            report.result(task, result)
            if result.report:  # the notice's section, made by its worker: appended, not kept
                html.write_packed(result.report)
                contents.append((result.notice_id, (result.entry or {}).get("title") or result.notice_id))
        batch.finish()
        report.done()
        if not batch.entries:
            print("fengong: no usable input; no tables written", file=sys.stderr)
            return EXIT_UNUSABLE
        html.write(report_tail(contents))
        frames = _write_files(args, folder)
        _check_interrupted()
        folder.commit(batch.manifest(list(SCHEMAS)))
    written = [f"{name}.csv ({batch.rows[name]} rows)" for name in SCHEMAS] + ["report.html", "datapackage.json"]
    if not args.quiet:
        print(f"tables written to {path_text(args.out)}/: {', '.join(written + (['tables.xlsx'] if args.xlsx else []))}")
    if frames is not None and args.db is not None:
        _add_to_ledger(args.db, frames, args.quiet)
    return EXIT_PARTIAL if batch.failures else EXIT_OK


def _write_files(args: argparse.Namespace, folder: Any) -> dict | None:
    """The files written beside the tables: datapackage.json always, tables.xlsx with --xlsx. -> the tables read back
    from the staging folder when --xlsx or --db needs them all at once (else None)."""
    from fengong.outputs.datapackage import schemas_to_datapackage
    from fengong.outputs.tables import SCHEMAS

    folder.write_text("datapackage.json", schemas_to_datapackage(SCHEMAS, args.headers))
    if not args.xlsx and args.db is None:
        return None
    frames = folder.read_back()
    if args.xlsx:
        from fengong.outputs.xlsx import tables_to_xlsx

        folder.write_bytes("tables.xlsx", tables_to_xlsx(frames, args.headers))
    return frames


def _add_to_ledger(db: Path, frames: dict, quiet: bool) -> None:
    from fengong.outputs.ledger import tables_to_ledger

    load = tables_to_ledger(db, frames)
    if not quiet:
        print(f"ledger {path_text(db)}: {len(load.added)} notices added, {len(load.skipped)} already there")


class Report:
    """What a run says on stderr: a line per notice (or per file with -v), errors always, a progress line on a terminal."""

    def __init__(self, args: argparse.Namespace, total: int):
        self.quiet, self.verbose, self.total, self.done_count = args.quiet, args.verbose, total, 0
        self.progress = sys.stderr.isatty() if args.progress is None else args.progress
        self.progress = self.progress and not self.quiet
        self.start, self.shown = time.monotonic(), False

    def _print(self, line: str) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            self.shown = False
        print(line, file=sys.stderr)

    def note(self, line: str) -> None:
        """A remark (a skipped file) -> printed unless -q."""
        if not self.quiet:
            self._print(line)

    def error(self, line: str) -> None:
        """An unusable input -> always printed."""
        self._print(f"error: {line}")

    def result(self, task: Any, result: Any) -> None:
        """One input read -> its line, and the progress line updated."""
        self.done_count += 1
        if result.failure is not None:
            self.error(f"{path_text(task.path)}: {result.failure}")
        elif self.verbose:
            self._print(f"{path_text(task.path)}{' (cached)' if result.cached else ''}: {result.summary}")
        elif not self.quiet:
            self._print(result.summary)
        if self.progress:
            self._show(path_text(task.path))

    def page(self, task: Any, done: int, total: int) -> None:
        """A page of an input read by OCR (seconds each) -> the progress line says so."""
        self._show(f"{path_text(task.path)}: OCR page {done}/{total}")

    def _show(self, current: str) -> None:
        elapsed = time.monotonic() - self.start
        rate = self.done_count / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done_count) / rate if rate else 0.0
        line = f"[{self.done_count}/{self.total}] {rate:.1f} files/s, {int(left) // 60}:{int(left) % 60:02d} left, {current}"
        sys.stderr.write("\r\033[K" + line[:200])
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        """The run -> the progress line cleared."""
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self.shown = False


class _Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM: the run stops, the output folder is left as it was."""


_signals: list[int] = []


def _on_signal(signum: int, frame: object) -> None:
    # Kept, because a library may turn the exception into another one while it imports (numpy: ImportError).
    _signals.append(signum)
    raise _Interrupted


def _check_interrupted() -> None:
    """A Ctrl-C whose exception Python dropped -> raised now (see _unraisable)."""
    if _signals:
        raise _Interrupted


def _unraisable(info: Any) -> None:
    """An exception Python cannot raise -> reported as Python reports it, unless it is the Ctrl-C exception.

    A signal that comes while a finalizer runs (a regex or file object's __del__) raises there, where Python prints a
    traceback and drops the exception; the run would then go on and write its output. It is dropped quietly instead,
    and the run stops at its next check (_check_interrupted), before anything is committed.
    """
    if not isinstance(info.exc_value, _Interrupted):
        sys.__unraisablehook__(info)


def main(argv: list[str] | None = None) -> int:
    """Command-line arguments -> exit status (0 done / no change, 1 diff found changes, 2 unusable input or arguments,
    3 some inputs unusable, 130 interrupted)."""
    args = _parser().parse_args(argv)
    handled = (signal.SIGINT, signal.SIGTERM) if _main_thread() else ()
    previous = {signum: signal.signal(signum, _on_signal) for signum in handled}
    previous_hook, sys.unraisablehook = sys.unraisablehook, _unraisable
    _signals.clear()
    try:
        return _diff(args) if args.command == "diff" else _extract(args)
    except FengongError as exc:
        print(f"fengong: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_UNUSABLE
    except BaseException:
        if not _signals:
            raise
        print("fengong: interrupted; nothing written (an earlier output folder is unchanged)", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        sys.unraisablehook = previous_hook
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
