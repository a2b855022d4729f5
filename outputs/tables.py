"""Records -> DataFrames with fixed columns and dtypes, one function per table, and their pyarrow schemas."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow as pa

from fengong.extract.model import Clause, Issue
from fengong.normalize.registry import Responsibility

if TYPE_CHECKING:
    import pandas as pd

ROLES = ("lead", "support", "responsible")

SCHEMAS: dict[str, pa.Schema] = {
    "responsibilities": pa.schema([
        ("notice_id", pa.string()), ("clause_id", pa.string()), ("role", pa.string()), ("position", pa.int32()),
        ("unit", pa.string()), ("unit_raw", pa.string()), ("generic", pa.bool_()), ("etc_follows", pa.bool_()),
        ("convention", pa.string()), ("page", pa.int32()), ("line", pa.int32()),
    ]),
    "clauses": pa.schema([
        ("notice_id", pa.string()), ("clause_id", pa.string()), ("attachment", pa.int32()), ("section", pa.int32()),
        ("item", pa.string()), ("row", pa.int32()), ("title", pa.string()), ("section_title", pa.string()),
        ("text", pa.string()), ("party_text", pa.string()), ("leaders", pa.string()), ("deadline", pa.string()),
        ("deadline_date", pa.string()), ("page", pa.int32()), ("line", pa.int32()),
    ]),
    "units": pa.schema([
        ("unit", pa.string()), ("full_name", pa.string()), ("known", pa.bool_()), ("generic", pa.bool_()),
        ("spellings", pa.string()), ("lead", pa.int32()), ("support", pa.int32()), ("responsible", pa.int32()),
        ("total", pa.int32()),
    ]),
    "issues": pa.schema([
        ("notice_id", pa.string()), ("code", pa.string()), ("clause_id", pa.string()), ("message", pa.string()),
        ("page", pa.int32()), ("line", pa.int32()),
    ]),
}
SPELLING_SEPARATOR = " | "
LEADER_SEPARATOR = "、"

_PANDAS_DTYPES = {pa.string(): "string", pa.int32(): "Int32", pa.bool_(): "boolean"}


@dataclass(frozen=True, slots=True)
class NoticeTables:
    """Everything one notice contributes to the tables."""

    notice_id: str
    clauses: tuple[Clause, ...]
    responsibilities: tuple[Responsibility, ...]
    issues: tuple[Issue, ...]


def rows_to_frame(name: str, rows: list[tuple]) -> pd.DataFrame:
    """Rows of a table, in its schema's column order -> its DataFrame with the fixed dtypes."""
    import pandas as pd

    schema = SCHEMAS[name]
    columns = {field.name: [row[i] for row in rows] for i, field in enumerate(schema)}
    return pd.DataFrame({n: pd.array(v, dtype=_PANDAS_DTYPES[schema.field(n).type]) for n, v in columns.items()})


def responsibilities_to_rows(notices: list[NoticeTables]) -> list[tuple]:
    """Notices -> the rows of the responsibilities table: one per (clause, role, unit), in written order."""
    return [
        (n.notice_id, r.assignment.clause_id, r.assignment.role, r.assignment.position, r.unit.canonical,
         r.assignment.unit_raw, r.unit.generic, r.assignment.etc_follows, r.assignment.convention, r.assignment.page,
         r.assignment.line)
        for n in notices for r in n.responsibilities
    ]


def clauses_to_rows(notices: list[NoticeTables]) -> list[tuple]:
    """Notices -> the rows of the clauses table: every task clause and table row, in document order."""
    return [
        (n.notice_id, c.clause_id, c.attachment, c.section, c.item, c.row, c.title, c.section_title, c.text,
         c.party_text, LEADER_SEPARATOR.join(c.leaders) or None, c.deadline, c.deadline_date, c.page, c.line)
        for n in notices for c in n.clauses
    ]


def unit_counts(notices: list[NoticeTables], counts: dict[str, list] | None = None) -> dict[str, list]:
    """Notices (and the counts of earlier ones) -> per canonical unit, in order of first mention:
    [full_name, known, generic, spellings as written, lead, support, responsible].

    The units table's small running aggregate: a batch keeps only this in memory, not the notices, and
    counts of notices read apart merge (merge_unit_counts) to what one call over all of them gives.
    """
    units = {} if counts is None else counts
    for n in notices:
        for r in n.responsibilities:
            entry = units.setdefault(r.unit.canonical, [r.unit.full_name, r.unit.known, r.unit.generic, [], 0, 0, 0])
            if r.assignment.unit_raw not in entry[3]:
                entry[3].append(r.assignment.unit_raw)
            entry[4 + ROLES.index(r.assignment.role)] += 1
    return units


def merge_unit_counts(counts: dict[str, list], more: dict[str, list]) -> dict[str, list]:
    """Running unit counts and those of the next notices -> `counts` extended by them (first mention wins)."""
    for name, (full_name, known, generic, spellings, *roles) in more.items():
        entry = counts.setdefault(name, [full_name, known, generic, [], 0, 0, 0])
        entry[3].extend(s for s in spellings if s not in entry[3])
        for i, n in enumerate(roles):
            entry[4 + i] += n
    return counts


def unit_counts_to_rows(counts: dict[str, list]) -> list[tuple]:
    """Unit counts -> the rows of the units table: each canonical unit once, in order of first mention."""
    return [
        (name, full_name, known, generic, SPELLING_SEPARATOR.join(spellings), lead, support, responsible, lead + support + responsible)
        for name, (full_name, known, generic, spellings, lead, support, responsible) in counts.items()
    ]


def issues_to_rows(notices: list[NoticeTables]) -> list[tuple]:
    """Notices -> the rows of the issues table: the documents' problems, in document order within each notice."""
    return [
        (n.notice_id, i.code, i.clause_id, i.message, i.page, i.line)
        for n in notices for i in sorted(n.issues, key=lambda i: (i.page or 0, i.line is None, i.line or 0))
    ]


def notice_to_rows(notice: NoticeTables) -> dict[str, list[tuple]]:
    """One notice -> the rows it adds to each per-notice table (all but units), keyed by table name."""
    return {"responsibilities": responsibilities_to_rows([notice]), "clauses": clauses_to_rows([notice]),
            "issues": issues_to_rows([notice])}


def responsibilities_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the responsibilities table: one row per (clause, role, unit), in written order."""
    return rows_to_frame("responsibilities", responsibilities_to_rows(notices))


def clauses_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the clauses table: every task clause and table row, in document order."""
    return rows_to_frame("clauses", clauses_to_rows(notices))


def units_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the units table: each canonical unit once, in order of first mention, with counts by role."""
    return rows_to_frame("units", unit_counts_to_rows(unit_counts(notices)))


def issues_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the issues table: the documents' problems, in document order within each notice."""
    return rows_to_frame("issues", issues_to_rows(notices))


def notices_to_frames(notices: list[NoticeTables]) -> dict[str, pd.DataFrame]:
    """Notices -> all four tables, keyed by table name."""
    return {
        "responsibilities": responsibilities_to_frame(notices),
        "clauses": clauses_to_frame(notices),
        "units": units_to_frame(notices),
        "issues": issues_to_frame(notices),
    }
