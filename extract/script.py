"""Simplified and traditional Chinese: one set of rules reads both scripts (OpenCC gives the character pairs)."""

from __future__ import annotations

from functools import cache

import opencc
import regex

_T2S = opencc.OpenCC("t2s")
_S2T = opencc.OpenCC("s2t")
_HAN = regex.compile(r"\p{Han}")


@cache
def _char_to_simplified(ch: str) -> str:
    out = _T2S.convert(ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """Text in either script -> simplified, character by character (so offsets stay the same)."""
    return "".join(_char_to_simplified(ch) if _HAN.match(ch) else ch for ch in text)


@cache
def _variants(ch: str) -> str:
    traditional = _S2T.convert(ch)
    return ch + (traditional if len(traditional) == 1 and traditional != ch else "")


def both_scripts(pattern: str) -> str:
    """A regex written in simplified characters -> the same regex matching the traditional forms too.

    牵头 -> [牵牽][头頭]; inside a character class the variants are added to the class.
    """
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            out.append(ch)
            escaped = True
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        if _HAN.match(ch):
            variants = _variants(ch)
            out.append(variants if in_class or len(variants) == 1 else f"[{variants}]")
        else:
            out.append(ch)
    return "".join(out)


def compile_both(pattern: str, flags: int = 0) -> regex.Pattern:
    """regex.compile of `pattern` after both_scripts."""
    return regex.compile(both_scripts(pattern), flags)
