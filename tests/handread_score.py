"""Recall and precision of the tool against hand readings, on (clause, lead-or-not, unit as written).

Usage: python tests/handread_score.py [FOLDER ...]   (default: samples/)
Each notice folder holds the notice (named like the folder) and handread-responsibilities.csv. Prints one line
per notice (hand rows, tool rows, matched, recall, precision), the rows that differ with -v, and the totals.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from fengong.api import extract  # noqa: E402
from fengong.extract.ingest import SUPPORTED  # noqa: E402

Key = tuple[str, bool, str]


def _hand_keys(path: Path) -> set[Key]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {(r["clause_id"], r["role"] == "lead", r["unit_raw"]) for r in csv.DictReader(f)}


def _tool_keys(notice: Path) -> set[Key]:
    try:
        frame = extract([notice], strict=True)["responsibilities"]
    except Exception as exc:  # noqa: BLE001 - a notice the tool refuses scores zero rows, with its reason shown
        print(f"  ({notice.name}: {exc})")
        return set()
    return {(str(c), str(r) == "lead", str(u)) for c, r, u in frame[["clause_id", "role", "unit_raw"]].itertuples(index=False, name=None)}


def folders(args: list[str]) -> list[Path]:
    """Arguments -> notice folders that hold a hand reading."""
    roots = [Path(a) for a in args] or [ROOT / "samples"]
    return sorted(p.parent for root in roots for p in root.glob("*/handread-responsibilities.csv"))


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    total_hand = total_tool = total_hit = 0
    for folder in folders(args):
        notice = next(p for p in folder.iterdir() if p.stem == folder.name and p.suffix in SUPPORTED)
        hand, tool = _hand_keys(folder / "handread-responsibilities.csv"), _tool_keys(notice)
        hit = len(hand & tool)
        total_hand, total_tool, total_hit = total_hand + len(hand), total_tool + len(tool), total_hit + hit
        recall = hit / len(hand) if hand else 1.0
        precision = hit / len(tool) if tool else 1.0
        print(f"{folder.name[:60]:<60} hand {len(hand):4d} tool {len(tool):4d} hit {hit:4d}  R {recall:.2f}  P {precision:.2f}")
        if verbose:
            for key in sorted(hand - tool):
                print(f"    missed  {key}")
            for key in sorted(tool - hand):
                print(f"    extra   {key}")
    recall = total_hit / total_hand if total_hand else 1.0
    precision = total_hit / total_tool if total_tool else 1.0
    print(f"{'TOTAL':<60} hand {total_hand:4d} tool {total_tool:4d} hit {total_hit:4d}  R {recall:.3f}  P {precision:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
