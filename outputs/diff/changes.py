"""Diff, step 2: matched clauses -> changes on canonical units, renumbering kept apart; the diff's tables."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from fengong.outputs.diff.match import Match, text_similarity

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """One difference between two versions (see the README for the kinds)."""

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
        if m.new is None and m.old is not None:
            changes.append(Change(change="clause-removed", old_clause_id=m.old.clause_id, old_text=m.old.text))
            continue
        if m.old is None and m.new is not None:
            changes.append(Change(change="clause-added", new_clause_id=m.new.clause_id, new_text=m.new.text))
            continue
        assert m.old is not None and m.new is not None
        old, new = m.old, m.new
        if old.clause_id != new.clause_id:
            changes.append(Change(change="clause-renumbered", old_clause_id=old.clause_id, new_clause_id=new.clause_id, similarity=m.score))
        if "".join(old.text.split()) != "".join(new.text.split()):
            changes.append(Change(change="text-changed", old_clause_id=old.clause_id, new_clause_id=new.clause_id, old_text=old.text, new_text=new.text,
                                  similarity=round(text_similarity(old.text, new.text), 4)))
        before, after = _roles_by_unit(old.units), _roles_by_unit(new.units)
        for unit in list(after) + [u for u in before if u not in after]:
            old_roles, new_roles = before.get(unit, []), after.get(unit, [])
            if old_roles == new_roles:
                continue
            if len(old_roles) == 1 and len(new_roles) == 1:
                changes.append(Change(change="role-changed", old_clause_id=old.clause_id, new_clause_id=new.clause_id, unit=unit, old_role=old_roles[0], new_role=new_roles[0]))
                continue
            for role in new_roles:
                if role not in old_roles:
                    changes.append(Change(change="unit-added", old_clause_id=old.clause_id, new_clause_id=new.clause_id, role=role, unit=unit))
            for role in old_roles:
                if role not in new_roles:
                    changes.append(Change(change="unit-removed", old_clause_id=old.clause_id, new_clause_id=new.clause_id, role=role, unit=unit))
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


