"""Writes extract/t2s.tsv: every traditional character OpenCC simplifies to one other character (`make t2s`).

The table is shipped so that reading a notice needs no OpenCC at run time (building it takes 0.4 s at every
start); tests/test_extract_script.py checks that it still equals what OpenCC gives.
"""

from __future__ import annotations

import sys
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))  # CJK extension A, unified, compatibility


def opencc_pairs() -> list[tuple[str, str]]:
    """OpenCC's t2s, character by character -> (traditional, simplified) for every character it changes."""
    chars = [chr(c) for start, end in RANGES for c in range(start, end)]
    out = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    assert len(out) == len(chars)
    return [(a, b) for a, b in zip(chars, out, strict=True) if a != b and len(b) == 1]


def main() -> int:
    lines = [f"{a}\t{b}" for a, b in opencc_pairs()]
    (ROOT / "extract" / "t2s.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote extract/t2s.tsv ({len(lines)} pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
