"""The one bracket scanner: every reader finds, nests and skips brackets the same way.

A notice mixes full- and half-width brackets, and web copies mismatch them (（…) or [ … 】), so any closing
bracket closes the innermost open one: depth is what matters, not the kind. The pairs are （） () 〔〕 [] 【】 ［］.
"""

from __future__ import annotations

OPEN = "（(〔[【［"
CLOSE = "）)〕]】］"
_DEPTH = {**{ch: 1 for ch in OPEN}, **{ch: -1 for ch in CLOSE}}


def bracket_pairs(text: str) -> dict[int, int | None]:
    """Text -> for every opening bracket, the index of the bracket closing it (None when it is never closed).

    One pass with a stack, so a line with many brackets costs no more than its length.
    """
    pairs: dict[int, int | None] = {}
    stack: list[int] = []
    for i, ch in enumerate(text):
        step = _DEPTH.get(ch)
        if step == 1:
            stack.append(i)
            pairs[i] = None
        elif step == -1 and stack:
            pairs[stack.pop()] = i
    return pairs


def opener_of_last(text: str) -> int | None:
    """Text ending with a closing bracket -> the index of the bracket it closes (as bracket_pairs pairs them), None
    when it closes none. Read backwards, so it costs the bracket's length, not the text's."""
    if not text or _DEPTH.get(text[-1]) != -1:
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        step = _DEPTH.get(text[i])
        if step:
            depth -= step
            if depth == 0:
                return i
    return None


def close_of(text: str, start: int) -> int | None:
    """Index of the bracket closing the one opened at `start`, nesting respected; None when it is never closed."""
    depth = 0
    for i in range(start, len(text)):
        step = _DEPTH.get(text[i])
        if step:
            depth += step
            if depth == 0:
                return i
    return None


def depth_after(text: str, depth: int = 0) -> int:
    """Text (after `depth` open brackets) -> how many are still open at its end (closers without an opener ignored)."""
    for ch in text:
        step = _DEPTH.get(ch)
        if step:
            depth = max(0, depth + step)
    return depth


def is_unclosed(text: str) -> bool:
    """Whether a bracket is still open at the end of `text` (a paragraph wrapped inside its unit bracket)."""
    return depth_after(text) > 0


def split_top(text: str, separators: str) -> list[tuple[int, int]]:
    """Text -> (start, end) of the parts between separators that stand outside every bracket."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        step = _DEPTH.get(ch)
        if step:
            depth = max(0, depth + step)
        elif ch in separators and depth == 0:
            parts.append((start, i))
            start = i + 1
    parts.append((start, len(text)))
    return parts


def top_level_mask(text: str) -> list[bool]:
    """Text -> for each character, whether it stands outside every bracket (brackets themselves count as inside)."""
    mask, depth = [], 0
    for ch in text:
        step = _DEPTH.get(ch)
        if step == 1:
            depth += 1
            mask.append(False)
        elif step == -1:
            mask.append(False)
            depth = max(0, depth - 1)
        else:
            mask.append(depth == 0)
    return mask
