"""Command line: `fengong extract INPUT... --out DIR`. Errors become one line on stderr and exit status 2."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.errors import FengongError
from fengong import __version__
from fengong.pipeline import path_to_version, paths_to_run, run_to_summary, run_to_tables
from normalize.registry import load_registry
from outputs import diff
from outputs.write import write_tables

EXIT_OK, EXIT_CHANGED, EXIT_UNUSABLE = 0, 1, 2


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
    compare = commands.add_parser("diff", help="compare the assignments of two versions of a notice")
    compare.add_argument("old", type=Path, metavar="OLD", help="notice file or folder written by `fengong extract`")
    compare.add_argument("new", type=Path, metavar="NEW", help="notice file or folder written by `fengong extract`")
    compare.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for changes, clause_map and diff.md")
    compare.add_argument("--aliases", type=Path, metavar="FILE", help="extra unit aliases (canonical,full_name,aliases)")
    compare.add_argument("--password", metavar="PASSWORD", help="password of encrypted PDF input")
    return parser


def _diff(args: argparse.Namespace) -> int:
    registry = load_registry(args.aliases)
    old = path_to_version(args.old, registry, args.password)
    new = path_to_version(args.new, registry, args.password)
    matches = diff.match_clauses(old, new)
    changes = diff.matches_to_changes(matches)
    frames = {"changes": diff.changes_to_frame(changes), "clause_map": diff.matches_to_frame(matches)}
    counts = {kind: sum(1 for c in changes if c.change == kind) for kind in diff.CONTENT_CHANGES + ("clause-renumbered",)}
    manifest = {"tool": "fengong", "version": __version__, "old": str(args.old), "new": str(args.new), "changes": counts,
                "tables": {name: {"rows": len(f), "files": [f"{name}.parquet", f"{name}.csv"]} for name, f in frames.items()}}
    report = diff.changes_to_markdown(changes, args.old.name, args.new.name)
    write_tables(args.out, frames, manifest, diff.SCHEMAS, {"diff.md": report})
    summary = ", ".join(f"{k} {v}" for k, v in counts.items() if v) or "no changes"
    print(f"{args.old} -> {args.new}: {summary}", file=sys.stderr)
    print(f"diff written to {args.out}/: changes.csv ({len(changes)} rows), clause_map.csv, diff.md")
    return EXIT_CHANGED if diff.has_content_changes(changes) else EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    registry = load_registry(args.aliases)
    run = paths_to_run(list(args.inputs), registry, args.notice_id, args.password)
    for line in run_to_summary(run):
        print(line, file=sys.stderr)
    if not run.extracted:
        print("fengong: no usable input; no tables written", file=sys.stderr)
        return EXIT_UNUSABLE
    frames, manifest = run_to_tables(run)
    write_tables(args.out, frames, manifest)
    print(f"tables written to {args.out}/: " + ", ".join(f"{name}.csv ({len(f)} rows)" for name, f in frames.items()))
    return EXIT_UNUSABLE if run.failures else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Command-line arguments -> exit status (0 done / no change, 1 diff found changes, 2 unusable input or arguments)."""
    args = _parser().parse_args(argv)
    try:
        return _diff(args) if args.command == "diff" else _extract(args)
    except FengongError as exc:
        print(f"fengong: error: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
