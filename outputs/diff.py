"""Diff of assignments between two versions of a notice: clause matching, then changes on canonical units.

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
import pyarrow as pa

MATCH_THRESHOLD = 0.5
MOVE_THRESHOLD = 0.8
ROLES = ("lead", "support", "responsible")
CONTENT_CHANGES = ("clause-added", "clause-removed", "text-changed", "unit-added", "unit-removed", "role-changed")

SCHEMAS = {
    "changes": pa.schema([
        ("change", pa.string()), ("old_clause_id", pa.string()), ("new_clause_id", pa.string()), ("role", pa.string()),
        ("unit", pa.string()), ("old_role", pa.string()), ("new_role", pa.string()), ("old_text", pa.string()),
        ("new_text", pa.string()), ("similarity", pa.float64()),
    ]),
    "clause_map": pa.schema([
        ("old_clause_id", pa.string()), ("new_clause_id", pa.string()), ("score", pa.float64()), ("match", pa.string()),
    ]),
}
_DTYPES = {pa.string(): "string", pa.float64(): "Float64"}


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
class Change:
    change: str
    old_clause_id: str | None = None
    new_clause_id: str | None = None
    role: str | None = None
    unit: str | None = None
    old_role: str | None = None
    new_role: str | None = None
    old_text: str | None = None
    new_text: str | None = None
    similarity: float | None = None


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


def _roles_by_unit(units: tuple[tuple[str, str], ...]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for role, unit in units:
        if role not in found.setdefault(unit, []):
            found[unit].append(role)
    return found


def matches_to_changes(matches: list[Match]) -> list[Change]:
    """Matched clauses -> the changes between them; renumbering kept apart from content changes."""
    changes: list[Change] = []
    for m in matches:
        if m.how == "removed":
            changes.append(Change("clause-removed", old_clause_id=m.old.clause_id, old_text=m.old.text))
            continue
        if m.how == "added":
            changes.append(Change("clause-added", new_clause_id=m.new.clause_id, new_text=m.new.text))
            continue
        ids = {"old_clause_id": m.old.clause_id, "new_clause_id": m.new.clause_id}
        if m.old.clause_id != m.new.clause_id:
            changes.append(Change("clause-renumbered", **ids, similarity=m.score))
        if "".join(m.old.text.split()) != "".join(m.new.text.split()):
            changes.append(Change("text-changed", **ids, old_text=m.old.text, new_text=m.new.text,
                                  similarity=round(text_similarity(m.old.text, m.new.text), 4)))
        before, after = _roles_by_unit(m.old.units), _roles_by_unit(m.new.units)
        for unit in list(after) + [u for u in before if u not in after]:
            old_roles, new_roles = before.get(unit, []), after.get(unit, [])
            if old_roles == new_roles:
                continue
            if len(old_roles) == 1 and len(new_roles) == 1:
                changes.append(Change("role-changed", **ids, unit=unit, old_role=old_roles[0], new_role=new_roles[0]))
                continue
            for role in new_roles:
                if role not in old_roles:
                    changes.append(Change("unit-added", **ids, role=role, unit=unit))
            for role in old_roles:
                if role not in new_roles:
                    changes.append(Change("unit-removed", **ids, role=role, unit=unit))
    return changes


def _frame(name: str, rows: list[tuple]) -> pd.DataFrame:
    schema = SCHEMAS[name]
    return pd.DataFrame({f.name: pd.array([r[i] for r in rows], dtype=_DTYPES[f.type]) for i, f in enumerate(schema)})


def changes_to_frame(changes: list[Change]) -> pd.DataFrame:
    """Changes -> the changes table."""
    return _frame("changes", [(c.change, c.old_clause_id, c.new_clause_id, c.role, c.unit, c.old_role, c.new_role,
                               c.old_text, c.new_text, c.similarity) for c in changes])


def matches_to_frame(matches: list[Match]) -> pd.DataFrame:
    """Matches -> the clause_map table: every old clause with its new clause (or none), and every new one left over."""
    return _frame("clause_map", [(m.old.clause_id if m.old else None, m.new.clause_id if m.new else None, m.score, m.how)
                                 for m in matches])


def has_content_changes(changes: list[Change]) -> bool:
    """Whether anything but renumbering changed."""
    return any(c.change in CONTENT_CHANGES for c in changes)


def _section_of(clause_id: str) -> str:
    parts = clause_id.split("-")
    return "-".join(parts[:2]) if parts[0].startswith("A") else parts[0]


def changes_to_markdown(changes: list[Change], old_name: str, new_name: str) -> str:
    """Changes -> a short readable report: counts per type, each content change with both texts, renumbering per section."""
    lines = [f"# 分工变化 / Changes: {old_name} -> {new_name}", ""]
    counts = {kind: sum(1 for c in changes if c.change == kind) for kind in CONTENT_CHANGES + ("clause-renumbered",)}
    lines += ["| change | count |", "|---|---|"] + [f"| {k} | {v} |" for k, v in counts.items()] + [""]
    if not changes:
        lines.append("No changes: the two versions assign the same units to the same clauses.")
        return "\n".join(lines) + "\n"
    content = [c for c in changes if c.change != "clause-renumbered"]
    if content:
        lines.append("## Content changes")
        lines.append("")
    for c in content:
        where = " -> ".join(x for x in (c.old_clause_id, c.new_clause_id) if x)
        if c.change in ("unit-added", "unit-removed"):
            lines.append(f"- **{c.change}** {where}: {c.unit} ({c.role})")
        elif c.change == "role-changed":
            lines.append(f"- **{c.change}** {where}: {c.unit} {c.old_role} -> {c.new_role}")
        else:
            lines.append(f"- **{c.change}** {where}" + (f" (similarity {c.similarity:.2f})" if c.similarity is not None else ""))
            if c.old_text:
                lines.append(f"  - 旧 old: {c.old_text}")
            if c.new_text:
                lines.append(f"  - 新 new: {c.new_text}")
    renumbered = [c for c in changes if c.change == "clause-renumbered"]
    if renumbered:
        lines += ["", "## Renumbering", ""]
        by_section: dict[str, list[Change]] = {}
        for c in renumbered:
            by_section.setdefault(_section_of(c.new_clause_id), []).append(c)
        for section, items in by_section.items():
            pairs = ", ".join(f"{c.old_clause_id}->{c.new_clause_id}" for c in items)
            lines.append(f"- {section}: {len(items)} renumbered ({pairs})")
    return "\n".join(lines) + "\n"
