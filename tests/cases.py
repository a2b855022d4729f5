"""The sample cases: each folder under samples/ with a notice file and an expected/ folder of CSVs."""

from __future__ import annotations

from pathlib import Path

from fengong.extract.ingest import SUPPORTED
from fengong.normalize.registry import load_registry
from fengong.pipeline import paths_to_run, run_to_tables

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CASES = sorted(p.parent for p in SAMPLES.glob("*/expected"))
# Tables computed from other tables (tasks joins clauses and responsibilities) have no expected files of their own:
# their inputs are the hand-checked goldens, and tests/test_outputs_tasks.py checks the join on every case.
DERIVED_TABLES = frozenset({"tasks"})


def case_input(case: Path) -> Path:
    """A case folder -> its one notice file (the file that shares the folder's name)."""
    found = [p for p in case.iterdir() if p.is_file() and p.suffix in SUPPORTED and p.stem == case.name]
    if len(found) != 1:
        raise ValueError(f"{case}: expected one notice file named {case.name}.<{'|'.join(SUPPORTED)}>, found {found}")
    return found[0]


def case_frames(case: Path, aliases: Path | None = None) -> dict:
    """A case folder -> the tables the pipeline makes of its notice (aliases.csv in the folder is used if present)."""
    local = case / "aliases.csv"
    registry = load_registry(aliases or (local if local.exists() else None))
    run = paths_to_run([case_input(case)], registry)
    assert not run.failures, run.failures
    frames, _ = run_to_tables(run)
    # Where the input was read from differs from machine to machine: the goldens hold it relative to the repository.
    notices = frames["notices"].copy()
    notices["path"] = notices["path"].map(lambda p: Path(p).resolve().relative_to(ROOT).as_posix(), na_action="ignore").astype("string")
    frames["notices"] = notices
    return frames
