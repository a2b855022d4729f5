"""Rewrite samples/<case>/expected/*.csv from the current code (`make golden`).

A golden is only as good as its reading: after running this, read the diff row by row against the notice text
before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fengong.outputs.write import frame_to_csv_bytes  # noqa: E402

from cases import CASES, DERIVED_TABLES, case_frames  # noqa: E402


def main() -> int:
    for case in CASES:
        expected = case / "expected"
        expected.mkdir(exist_ok=True)
        for name, frame in case_frames(case).items():
            if name in DERIVED_TABLES:
                continue
            (expected / f"{name}.csv").write_bytes(frame_to_csv_bytes(frame))
        print(f"wrote {expected}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
