"""Re-typesetting the sample as other PDF exports would: paragraphs re-wrapped at another width, page furniture.

Paragraph ends are read from the sample itself, independently of the code under test: its extractor left a space
at the end of every line that ends a paragraph, title line or table cell, and none at the end of a wrapped line.
"""

from __future__ import annotations

import unicodedata


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def sample_to_blocks(text: str) -> list[tuple[str, str]]:
    """The sample's text -> blocks in order: ("para", joined text) for prose, ("table", raw lines) kept as they are."""
    blocks: list[tuple[str, str]] = []
    current = ""
    in_table = False
    for raw in text.split("\n"):
        if not raw.strip():
            continue
        if raw.strip().startswith("序号"):
            in_table = True
        elif in_table and raw.strip().startswith("附件"):
            in_table = False
        if in_table:
            blocks.append(("table", raw))
            continue
        current += raw.strip()
        if raw != raw.rstrip():
            blocks.append(("para", current))
            current = ""
    if current:
        blocks.append(("para", current))
    return blocks


def wrap(paragraph: str, width: int) -> list[str]:
    """A paragraph -> lines no wider than `width` display columns (a Chinese character is two)."""
    lines, line, used = [], "", 0
    for ch in paragraph:
        if used + _width(ch) > width and line:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += _width(ch)
    if line:
        lines.append(line)
    return lines


def blocks_to_text(blocks: list[tuple[str, str]], width: int, furniture: dict[int, list[str]] | None = None) -> str:
    """Blocks -> text wrapped at `width`, with page furniture lines inserted before the given output lines."""
    out: list[str] = []
    for kind, content in blocks:
        out.extend([content] if kind == "table" else wrap(content, width))
    if furniture:
        for at in sorted(furniture, reverse=True):
            out[at:at] = furniture[at]
    return "\n\n".join(out) + "\n"
