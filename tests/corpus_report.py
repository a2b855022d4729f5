"""`make corpus`: per sample, the clauses and units read and the issues found.

Runs over every notice under samples/ (and over a folder given as argument, e.g. ../shared/corpus).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from fengong.extract.ingest import SUPPORTED  # noqa: E402
from fengong.normalize.registry import default_registry  # noqa: E402
from fengong.pipeline import paths_to_run  # noqa: E402


def notices(folders: list[Path]) -> list[Path]:
    found = []
    for folder in folders:
        if folder.is_file():
            found.append(folder)
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix in SUPPORTED and path.is_file() and "handread" not in path.name:
                found.append(path)
    return found


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [ROOT / "samples"]
    registry = default_registry()
    print(f"{'notice':<58} {'clauses':>7} {'no-unit':>7} {'lead':>5} {'supp':>5} {'resp':>5} {'units':>5}  issues")
    for path in notices(folders):
        run = paths_to_run([path], registry)
        name = path.name if path.parent.name == path.stem else f"{path.parent.name}/{path.name}"
        if run.failures:
            print(f"{name[:58]:<58} failed: {run.failures[0].reason}")
            continue
        tables = run.extracted[0].tables
        roles = Counter(r.assignment.role for r in tables.responsibilities)
        with_units = {r.assignment.clause_id for r in tables.responsibilities}
        units = {r.unit.canonical for r in tables.responsibilities}
        issues = ", ".join(f"{c} {n}" for c, n in sorted(Counter(i.code for i in tables.issues).items())) or "none"
        print(f"{name[:58]:<58} {len(tables.clauses):7d} {len(tables.clauses) - len(with_units):7d} {roles['lead']:5d} "
              f"{roles['support']:5d} {roles['responsible']:5d} {len(units):5d}  {issues}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
