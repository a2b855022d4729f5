"""The notice's own shape: one row per task with its units by role (tasks), and each unit's tasks (by unit).

The tasks rows are made per notice, from that notice's clauses and responsibilities (outputs/tables.py), so the
tasks table streams like the others; the by-unit view, which groups across notices, is made for the workbook only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

UNIT_SEPARATOR = "、"
ROLE_ORDER = ("lead", "support", "responsible")  # the order a notice names them in
BY_UNIT_COLUMNS = ("unit", "role", "notice_id", "clause_id", "title", "text", "lead", "support", "responsible", "deadline",
                   "deadline_date")


def units_by_clause(rows: Iterable[tuple[str, str, str]]) -> dict[str, dict[str, list[str]]]:
    """(clause_id, role, canonical unit) of one notice, in written order -> {clause_id: {role: units, each once, in
    written order}}."""
    found: dict[str, dict[str, list[str]]] = {}
    for clause_id, role, unit in rows:
        units = found.setdefault(clause_id, {}).setdefault(role, [])
        if unit not in units:
            units.append(unit)
    return found


def joined_units(roles: dict[str, list[str]]) -> tuple[str | None, ...]:
    """{role: units} of one clause -> the lead, support and responsible cells (units joined by 、, None when none)."""
    return tuple(UNIT_SEPARATOR.join(roles.get(role, ())) or None for role in ROLE_ORDER)


def tasks_to_by_unit(tasks: pd.DataFrame, responsibilities: pd.DataFrame) -> pd.DataFrame:
    """The tasks and responsibilities tables -> one row per (unit, role, task): every task each unit leads, supports or
    is responsible for; units in order of first mention, then lead, support, responsible, then document order."""
    import pandas as pd

    order = {key: i for i, key in enumerate(zip(tasks["notice_id"], tasks["clause_id"], strict=True))}
    first_seen: dict[str, int] = {}
    pairs: dict[tuple[str, str, str, str], None] = {}
    for notice_id, clause_id, role, unit in responsibilities[["notice_id", "clause_id", "role", "unit"]].itertuples(index=False, name=None):
        first_seen.setdefault(unit, len(first_seen))
        pairs[(unit, role, notice_id, clause_id)] = None
    keys = sorted((k for k in pairs if (k[2], k[3]) in order), key=lambda k: (first_seen[k[0]], ROLE_ORDER.index(k[1]), order[(k[2], k[3])]))
    picked = tasks.iloc[[order[(k[2], k[3])] for k in keys]].reset_index(drop=True)
    columns = {"unit": pd.array([k[0] for k in keys], dtype="string"), "role": pd.array([k[1] for k in keys], dtype="string")}
    return pd.DataFrame({c: columns[c] if c in columns else picked[c] for c in BY_UNIT_COLUMNS})
