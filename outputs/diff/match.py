"""Diff, step 1: two versions' clauses -> matched pairs in document order.

How a match is decided: clauses are aligned in document order (an order-preserving alignment over the whole
notice, like a sequence diff), scoring each old/new pair by text similarity (character-bigram Dice), the
overlap of their canonical unit sets, and whether they sit under the same heading title. Table rows are
matched to table rows by their content cell (e.g. 重点人群), never by 序号. A pair is a candidate only when it
scores at least MATCH_THRESHOLD; the alignment takes the candidates that maximise the total score while keeping
both orders. Clauses left over on both sides are then paired greedily when they score at least MOVE_THRESHOLD
(a clause moved elsewhere). Numbers play no part in matching, so insertions, deletions and closed numbering
gaps show up as renumbering, never as content changes.

Cost: as a text diff anchors on unique lines, the alignment first fixes the clauses whose text (a row's content
cell) is the same in both versions and found once in each, and the runs of equal clauses at both ends; only the
stretches between these anchors are scored pair by pair. Two revisions of a notice differ in a few places, so
the work is close to linear in its length instead of the product of both lengths.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, deque
from dataclasses import dataclass, field
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
    unit_set: frozenset[str] = field(init=False, compare=False, repr=False)  # computed once: the diff asks often

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit_set", frozenset(u for _, u in self.units))


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


_MAX_CELLS = 4_000_000  # a stretch between anchors larger than this is split on its equal clauses first


def _key(clause: VClause) -> tuple[bool, str]:
    """A clause -> what must be equal for it to anchor the alignment: a row's content cell, a clause's text."""
    return (clause.is_row, clause.title if clause.is_row else "".join(clause.text.split()))


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pairs sorted by their first index -> the longest run also increasing in the second (patience sorting)."""
    tail_values: list[int] = []  # tail_values[k]: the smallest second index ending a run of length k + 1
    tail_index: list[int] = []
    back: list[int] = []
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tail_values, j)
        back.append(tail_index[k - 1] if k else -1)
        if k == len(tail_values):
            tail_values.append(j)
            tail_index.append(n)
        else:
            tail_values[k], tail_index[k] = j, n
    out, n = [], tail_index[-1] if tail_index else -1
    while n != -1:
        out.append(pairs[n])
        n = back[n]
    return out[::-1]


def _unique_anchors(keys_old: list, keys_new: list, o: range, w: range) -> list[tuple[int, int]]:
    """Two stretches -> the pairs of equal clauses found once in each, as many as keep both orders."""
    count_old = Counter(keys_old[i] for i in o)
    count_new = Counter(keys_new[j] for j in w)
    where_new = {keys_new[j]: j for j in w if count_new[keys_new[j]] == 1}
    return _increasing([(i, where_new[keys_old[i]]) for i in o if count_old[keys_old[i]] == 1 and keys_old[i] in where_new])


def _equal_anchors(keys_old: list, keys_new: list, o: range, w: range) -> list[tuple[int, int]]:
    """Two stretches without unique anchors (a notice that repeats its texts) -> equal clauses paired in order."""
    positions: dict = {}
    for j in w:
        positions.setdefault(keys_new[j], []).append(j)
    found, last = [], -1
    for i in o:
        candidates = positions.get(keys_old[i], [])
        k = bisect_right(candidates, last)
        if k < len(candidates):
            last = candidates[k]
            found.append((i, last))
    return found


def _align(old: tuple[VClause, ...], new: tuple[VClause, ...], keys: tuple[list, list], o: range, w: range,
           pairs: dict[int, tuple[int, float, str]]) -> None:
    """Two stretches of the versions -> their aligned pairs added to `pairs` (old index -> new index, score, how)."""
    keys_old, keys_new = keys
    while len(o) and len(w) and keys_old[o.start] == keys_new[w.start]:  # equal runs at both ends
        pairs[o.start] = (w.start, pair_score(old[o.start], new[w.start]), "aligned")
        o, w = range(o.start + 1, o.stop), range(w.start + 1, w.stop)
    while len(o) and len(w) and keys_old[o.stop - 1] == keys_new[w.stop - 1]:
        pairs[o.stop - 1] = (w.stop - 1, pair_score(old[o.stop - 1], new[w.stop - 1]), "aligned")
        o, w = range(o.start, o.stop - 1), range(w.start, w.stop - 1)
    if not len(o) or not len(w):
        return
    found = _unique_anchors(keys_old, keys_new, o, w) if len(o) * len(w) > 1 else []
    if not found and len(o) * len(w) > _MAX_CELLS:
        found = _equal_anchors(keys_old, keys_new, o, w)
    if found:
        bounds = [(o.start - 1, w.start - 1)] + found + [(o.stop, w.stop)]
        for (i0, j0), (i1, j1) in zip(bounds, bounds[1:], strict=False):
            if i1 < o.stop:
                pairs[i1] = (j1, pair_score(old[i1], new[j1]), "aligned")
            _align(old, new, keys, range(i0 + 1, i1), range(j0 + 1, j1), pairs)
        return
    _align_exhaustively(old, new, o, w, pairs)


def _align_exhaustively(old: tuple[VClause, ...], new: tuple[VClause, ...], o: range, w: range,
                        pairs: dict[int, tuple[int, float, str]]) -> None:
    """A stretch without anchors -> its best order-preserving pairs by total score (dynamic programming)."""
    n, m = len(o), len(w)
    scores = [[pair_score(old[i], new[j]) for j in w] for i in o]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            take = scores[i][j] + below[j + 1] if scores[i][j] >= MATCH_THRESHOLD else -1.0
            row[j] = max(below[j], row[j + 1], take)
    i = j = 0
    while i < n and j < m:
        s = scores[i][j]
        if s >= MATCH_THRESHOLD and best[i][j] == s + best[i + 1][j + 1]:
            pairs[o.start + i] = (w.start + j, s, "aligned")
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1


def _could_move(a: VClause, b: VClause) -> bool:
    """A cheap bound: whether two clauses could score MOVE_THRESHOLD at all (their bigram counts are close enough)."""
    if a.is_row != b.is_row:
        return False
    x, y = (len(_bigrams(a.title)), len(_bigrams(b.title))) if a.is_row else (len(_bigrams(a.text)), len(_bigrams(b.text)))
    return 0.7 * (2 * min(x, y) / (x + y) if x + y else 1.0) + 0.3 >= MOVE_THRESHOLD


def match_clauses(old: tuple[VClause, ...], new: tuple[VClause, ...]) -> list[Match]:
    """Two versions -> every clause of either matched or not, in document order (see the module docstring)."""
    n, m = len(old), len(new)
    pairs: dict[int, tuple[int, float, str]] = {}
    _align(old, new, ([_key(c) for c in old], [_key(c) for c in new]), range(n), range(m), pairs)
    taken = {j for j, _, _ in pairs.values()}
    rest_old = [i for i in range(n) if i not in pairs]
    rest_new = [j for j in range(m) if j not in taken]
    leftovers = sorted(
        ((s, i, j) for i in rest_old for j in rest_new if _could_move(old[i], new[j])
         for s in (pair_score(old[i], new[j]),) if s >= MOVE_THRESHOLD),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for s, i, j in leftovers:
        if i not in pairs and j not in taken:
            pairs[i] = (j, s, "moved")
            taken.add(j)
    # Document order: walk the new version, placing each removed old clause after the last clause matched before it.
    out: list[Match] = []
    new_of = {j: i for i, (j, _, _) in pairs.items()}
    pending_old = deque(i for i in range(n) if i not in pairs)
    for j in range(m):
        if j in new_of:
            i = new_of[j]
            while pending_old and pending_old[0] < i and pairs[i][2] == "aligned":
                k = pending_old.popleft()
                out.append(Match(old[k], None, None, "removed"))
            out.append(Match(old[i], new[j], pairs[i][1], pairs[i][2]))
        else:
            out.append(Match(None, new[j], None, "added"))
    out.extend(Match(old[k], None, None, "removed") for k in pending_old)
    return out
