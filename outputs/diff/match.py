"""Diff, step 1: two versions' clauses -> matched pairs in document order.

How a match is decided: clauses are aligned in document order (an order-preserving alignment over the whole
notice, like a sequence diff), scoring each old/new pair by text similarity (character-bigram Dice), the
overlap of their canonical unit sets, and whether they sit under the same heading title. Table rows are
matched to table rows by their content cell (e.g. 重点人群), never by 序号. A pair is a candidate only when it
scores at least MATCH_THRESHOLD; the alignment takes the candidates that maximise the total score while keeping
both orders. Clauses left over on both sides are then paired greedily when they score at least MOVE_THRESHOLD
(a clause moved elsewhere). Numbers play no part in matching, so insertions, deletions and closed numbering
gaps show up as renumbering, never as content changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

MATCH_THRESHOLD = 0.5
MOVE_THRESHOLD = 0.8


@dataclass(frozen=True, slots=True)
class VClause:
    """One clause of a version, as the diff sees it."""

    clause_id: str
    is_row: bool
    title: str
    section_title: str
    text: str
    units: tuple[tuple[str, str], ...]  # (role, canonical unit) in written order

    @property
    def unit_set(self) -> frozenset[str]:
        return frozenset(u for _, u in self.units)


@dataclass(frozen=True, slots=True)
class Match:
    old: VClause | None
    new: VClause | None
    score: float | None
    how: str  # aligned | moved | removed | added


def frames_to_version(clauses: pd.DataFrame, responsibilities: pd.DataFrame) -> tuple[VClause, ...]:
    """The clauses and responsibilities tables of one notice -> its clauses with their units, in document order."""
    units: dict[str, list[tuple[str, str]]] = {}
    for clause_id, role, unit in responsibilities[["clause_id", "role", "unit"]].itertuples(index=False, name=None):
        units.setdefault(str(clause_id), []).append((str(role), str(unit)))

    def text(value) -> str:
        return "" if pd.isna(value) else str(value)

    return tuple(
        VClause(str(r.clause_id), not pd.isna(r.row) and text(r.row) != "", text(r.title), text(r.section_title), text(r.text),
                tuple(units.get(str(r.clause_id), ())))
        for r in clauses.itertuples(index=False)
    )


@lru_cache(maxsize=65536)
def _bigrams(text: str) -> frozenset[str]:
    text = "".join(text.split())
    return frozenset(text[i:i + 2] for i in range(len(text) - 1)) or frozenset([text])


def text_similarity(a: str, b: str) -> float:
    """Two texts -> Dice coefficient of their character bigrams (1.0 for equal texts)."""
    if a == b:
        return 1.0
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x or y else 1.0


def pair_score(old: VClause, new: VClause) -> float:
    """An old and a new clause -> how likely they are the same clause, from 0 to 1."""
    if old.is_row != new.is_row:
        return 0.0
    if old.is_row:
        # A table row is its content cell: same cell, same row, wherever its 序号 went.
        text = 1.0 if old.title == new.title else text_similarity(old.title, new.title) * 0.8
    else:
        text = text_similarity(old.text, new.text)
    union = old.unit_set | new.unit_set
    units = len(old.unit_set & new.unit_set) / len(union) if union else 1.0
    context = 1.0 if old.section_title == new.section_title else 0.0
    return round(0.7 * text + 0.2 * units + 0.1 * context, 4)


def match_clauses(old: tuple[VClause, ...], new: tuple[VClause, ...]) -> list[Match]:
    """Two versions -> every clause of either matched or not, in document order (see the module docstring)."""
    n, m = len(old), len(new)
    scores = [[pair_score(o, w) for w in new] for o in old]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            take = scores[i][j] + below[j + 1] if scores[i][j] >= MATCH_THRESHOLD else -1.0
            row[j] = max(below[j], row[j + 1], take)
    pairs: dict[int, tuple[int, float, str]] = {}
    i = j = 0
    while i < n and j < m:
        s = scores[i][j]
        if s >= MATCH_THRESHOLD and best[i][j] == s + best[i + 1][j + 1]:
            pairs[i] = (j, s, "aligned")
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    taken = {j for j, _, _ in pairs.values()}
    leftovers = sorted(
        ((scores[i][j], i, j) for i in range(n) if i not in pairs for j in range(m) if j not in taken and scores[i][j] >= MOVE_THRESHOLD),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for s, i, j in leftovers:
        if i not in pairs and j not in taken:
            pairs[i] = (j, s, "moved")
            taken.add(j)
    # Document order: walk the new version, placing each removed old clause after the last clause matched before it.
    out: list[Match] = []
    new_of = {j: i for i, (j, _, _) in pairs.items()}
    pending_old = [i for i in range(n) if i not in pairs]
    for j in range(m):
        if j in new_of:
            i = new_of[j]
            while pending_old and pending_old[0] < i and pairs[i][2] == "aligned":
                k = pending_old.pop(0)
                out.append(Match(old[k], None, None, "removed"))
            out.append(Match(old[i], new[j], pairs[i][1], pairs[i][2]))
        else:
            out.append(Match(None, new[j], None, "added"))
    out.extend(Match(old[k], None, None, "removed") for k in pending_old)
    return out


