"""Simplified and traditional Chinese: one set of rules reads both scripts.

The character pairs are OpenCC's (t2s, one character to one character, so offsets stay the same), shipped as
extract/t2s.tsv (made by tests/make_t2s_table.py): building them from OpenCC at every start would cost 0.4 s.
"""

from __future__ import annotations

from functools import cache

import regex

from fengong.extract.resources import shipped_text

_HAN = regex.compile(r"\p{Han}")


@cache
def t2s_table() -> dict[int, str]:
    """The shipped pairs -> a str.translate table, traditional character -> simplified."""
    table = {}
    for line in shipped_text("fengong.extract", "t2s.tsv").splitlines():
        traditional, _, simplified = line.partition("\t")
        if traditional and simplified:
            table[ord(traditional)] = simplified
    return table


@cache
def _traditional_of() -> dict[str, str]:
    """Simplified character -> every traditional character that simplifies to it (发 -> 發髮)."""
    out: dict[str, str] = {}
    for code, simplified in t2s_table().items():
        out[simplified] = out.get(simplified, "") + chr(code)
    return out


def to_simplified(text: str) -> str:
    """Text in either script -> simplified, character by character (so offsets stay the same)."""
    return text.translate(t2s_table())


def _variants(ch: str) -> str:
    return ch + _traditional_of().get(ch, "")


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
