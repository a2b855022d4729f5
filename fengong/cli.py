"""Command line: `fengong extract INPUT... --out DIR` and `fengong diff OLD NEW --out DIR`, over the library.

Errors the caller can fix become one line on stderr and exit status 2; the document's problems are rows of the
issues table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fengong.extract.errors import FengongError
from fengong.version import __version__

EXIT_OK, EXIT_CHANGED, EXIT_UNUSABLE = 0, 1, 2
OCR_MODES = ("auto", "always", "never")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own exit status 2 and usage line, without a traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNUSABLE, f"fengong: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="fengong", description="Task-division notices -> responsibility tables.")
    parser.add_argument("--version", action="version", version=f"fengong {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    extract = commands.add_parser("extract", help="read notices and write the tables")
    extract.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="notice files or folders of them")
    extract.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the tables")
    extract.add_argument("--aliases", type=Path, metavar="FILE", help="extra unit aliases (canonical,full_name,aliases)")
    extract.add_argument("--notice-id", metavar="ID", help="notice_id for a single input (default: file name stem)")
    extract.add_argument("--password", metavar="PASSWORD", help="password of encrypted PDF input")
    extract.add_argument("--ocr", choices=OCR_MODES, default="auto", help="read pages by OCR: auto (pages without text), always, never")
    compare = commands.add_parser("diff", help="compare the assignments of two versions of a notice")
    compare.add_argument("old", type=Path, metavar="OLD", help="notice file or folder written by `fengong extract`")
    compare.add_argument("new", type=Path, metavar="NEW", help="notice file or folder written by `fengong extract`")
    compare.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for changes, clause_map and diff.md")
    compare.add_argument("--aliases", type=Path, metavar="FILE", help="extra unit aliases (canonical,full_name,aliases)")
    compare.add_argument("--password", metavar="PASSWORD", help="password of encrypted PDF input")
    compare.add_argument("--ocr", choices=OCR_MODES, default="auto", help="read pages by OCR: auto (pages without text), always, never")
    return parser


def _diff(args: argparse.Namespace) -> int:
    from fengong.api import compare_versions
    from fengong.outputs.write import write_tables

    found = compare_versions(args.old, args.new, args.aliases, args.password, args.ocr)
    write_tables(args.out, found.tables, found.manifest, compare_schemas(), {"diff.md": found.report})
    summary = ", ".join(f"{k} {v}" for k, v in found.manifest["changes"].items() if v) or "no changes"
    print(f"{args.old} -> {args.new}: {summary}", file=sys.stderr)
    print(f"diff written to {args.out}/: changes.csv ({len(found.changes)} rows), clause_map.csv, diff.md")
    return EXIT_CHANGED if found.changed else EXIT_OK


def compare_schemas() -> dict:
    """The Parquet schemas of the diff's tables."""
    from fengong.outputs.diff.changes import SCHEMAS

    return SCHEMAS


def _show_progress(name: str, done: int, total: int) -> None:
    """OCR's progress -> one line on the terminal, rewritten in place after each page."""
    print(f"\r{name}: OCR page {done}/{total}", end="\n" if done == total else "", file=sys.stderr, flush=True)


def _extract(args: argparse.Namespace) -> int:
    from fengong.api import read_notices
    from fengong.outputs.write import write_tables

    progress = _show_progress if sys.stderr.isatty() else None
    found = read_notices(args.inputs, args.aliases, args.password, args.notice_id, args.ocr, progress)
    for line in found.summary:
        print(line, file=sys.stderr)
    if not found.manifest["inputs"]:
        print("fengong: no usable input; no tables written", file=sys.stderr)
        return EXIT_UNUSABLE
    write_tables(args.out, found.tables, found.manifest)
    print(f"tables written to {args.out}/: " + ", ".join(f"{name}.csv ({len(f)} rows)" for name, f in found.tables.items()))
    return EXIT_UNUSABLE if found.failures else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Command-line arguments -> exit status (0 done / no change, 1 diff found changes, 2 unusable input or arguments)."""
    args = _parser().parse_args(argv)
    try:
        return _diff(args) if args.command == "diff" else _extract(args)
    except FengongError as exc:
        print(f"fengong: error: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
