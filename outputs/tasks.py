"""The notice's own shape: one row per task with its units by role (tasks), and each unit's tasks (by unit)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from fengong.extract.model import Role

UNIT_SEPARATOR = "、"
ROLE_ORDER = tuple(r.value for r in Role)  # lead, support, responsible: the order a notice names them in
BY_UNIT_COLUMNS = ("unit", "role", "notice_id", "clause_id", "title", "text", "lead", "support", "responsible", "deadline",
                   "deadline_date")


def units_by_clause(responsibilities: pd.DataFrame) -> dict[tuple[str, str], dict[str, list[str]]]:
    """The responsibilities table -> {(notice_id, clause_id): {role: canonical units in written order, each once}}."""
    found: dict[tuple[str, str], dict[str, list[str]]] = {}
    rows = responsibilities[["notice_id", "clause_id", "role", "unit"]].itertuples(index=False, name=None)
    for notice_id, clause_id, role, unit in rows:
        units = found.setdefault((notice_id, clause_id), {}).setdefault(role, [])
        if unit not in units:
            units.append(unit)
    return found


def clauses_to_tasks(clauses: pd.DataFrame, responsibilities: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """The clauses and responsibilities tables -> the tasks table: one row per clause in document order, with the
    canonical units of each role joined by 、, in the given columns (the clauses' own columns keep their dtypes)."""
    units = units_by_clause(responsibilities)
    keys = list(zip(clauses["notice_id"], clauses["clause_id"], strict=True))
    frame = clauses.reset_index(drop=True)
    roles = {role: pd.array([UNIT_SEPARATOR.join(units.get(k, {}).get(role, ())) or None for k in keys], dtype="string")
             for role in ROLE_ORDER}
    return pd.DataFrame({c: roles[c] if c in roles else frame[c] for c in columns})


def tasks_to_by_unit(tasks: pd.DataFrame, responsibilities: pd.DataFrame) -> pd.DataFrame:
    """The tasks and responsibilities tables -> one row per (unit, role, task): every task each unit leads, supports or
    is responsible for; units in order of first mention, then lead, support, responsible, then document order."""
    order = {key: i for i, key in enumerate(zip(tasks["notice_id"], tasks["clause_id"], strict=True))}
    first_seen: dict[str, int] = {}
    pairs: dict[tuple[str, str, str, str], None] = {}
    for notice_id, clause_id, role, unit in responsibilities[["notice_id", "clause_id", "role", "unit"]].itertuples(index=False, name=None):
        first_seen.setdefault(unit, len(first_seen))
        pairs[(unit, role, notice_id, clause_id)] = None
    keys = sorted((k for k in pairs if (k[2], k[3]) in order), key=lambda k: (first_seen[k[0]], ROLE_ORDER.index(k[1]), order[(k[2], k[3])]))
    rows = [order[(k[2], k[3])] for k in keys]
    picked = tasks.iloc[rows].reset_index(drop=True)
    columns = {"unit": pd.array([k[0] for k in keys], dtype="string"), "role": pd.array([k[1] for k in keys], dtype="string")}
    return pd.DataFrame({c: columns[c] if c in columns else picked[c] for c in BY_UNIT_COLUMNS})
