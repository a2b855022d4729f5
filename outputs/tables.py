"""Records -> DataFrames with fixed columns and dtypes, one function per table, and their pyarrow schemas."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from fengong.extract.model import Clause, Issue
from fengong.normalize.registry import SPELLING_SEPARATOR, Responsibility

ROLES = ("lead", "support", "responsible")

SCHEMAS: dict[str, pa.Schema] = {
    "responsibilities": pa.schema([
        ("notice_id", pa.string()), ("clause_id", pa.string()), ("role", pa.string()), ("position", pa.int32()),
        ("unit", pa.string()), ("unit_raw", pa.string()), ("generic", pa.bool_()), ("etc_follows", pa.bool_()),
        ("convention", pa.string()), ("jurisdiction", pa.string()), ("level", pa.string()), ("page", pa.int32()),
        ("line", pa.int32()),
    ]),
    "clauses": pa.schema([
        ("notice_id", pa.string()), ("clause_id", pa.string()), ("attachment", pa.int32()), ("section", pa.int32()),
        ("item", pa.string()), ("row", pa.int32()), ("title", pa.string()), ("section_title", pa.string()),
        ("text", pa.string()), ("party_text", pa.string()), ("leaders", pa.string()), ("deadline", pa.string()),
        ("deadline_date", pa.string()), ("page", pa.int32()), ("line", pa.int32()),
    ]),
    "units": pa.schema([
        ("jurisdiction", pa.string()), ("level", pa.string()), ("unit", pa.string()), ("full_name", pa.string()),
        ("known", pa.bool_()), ("generic", pa.bool_()),
        ("spellings", pa.string()), ("lead", pa.int32()), ("support", pa.int32()), ("responsible", pa.int32()),
        ("total", pa.int32()),
    ]),
    "issues": pa.schema([
        ("notice_id", pa.string()), ("code", pa.string()), ("severity", pa.string()), ("clause_id", pa.string()),
        ("message", pa.string()), ("page", pa.int32()), ("line", pa.int32()),
    ]),
    "notices": pa.schema([
        ("notice_id", pa.string()), ("title", pa.string()), ("issuer", pa.string()), ("doc_number", pa.string()),
        ("date", pa.string()), ("jurisdiction", pa.string()), ("level", pa.string()), ("sha256", pa.string()),
        ("path", pa.string()),
    ]),
}
LEADER_SEPARATOR = "、"

_PANDAS_DTYPES = {pa.string(): "string", pa.int32(): "Int32", pa.bool_(): "boolean"}


@dataclass(frozen=True, slots=True, kw_only=True)
class NoticeInfo:
    """One notice as a whole: what it is and whose it is (a row of the notices table)."""

    notice_id: str
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None  # 文号
    date: str | None = None
    jurisdiction: str | None = None
    level: str | None = None
    sha256: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class NoticeTables:
    """Everything one notice contributes to the tables."""

    notice_id: str
    clauses: tuple[Clause, ...]
    responsibilities: tuple[Responsibility, ...]
    issues: tuple[Issue, ...]
    info: NoticeInfo


def _frame(name: str, rows: list[tuple]) -> pd.DataFrame:
    schema = SCHEMAS[name]
    columns = {field.name: [row[i] for row in rows] for i, field in enumerate(schema)}
    return pd.DataFrame({n: pd.array(v, dtype=_PANDAS_DTYPES[schema.field(n).type]) for n, v in columns.items()})


def responsibilities_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the responsibilities table: one row per (clause, role, unit), in written order."""
    return _frame("responsibilities", [
        (n.notice_id, r.assignment.clause_id, r.assignment.role, r.assignment.position, r.unit.canonical,
         r.assignment.unit_raw, r.unit.generic, r.assignment.etc_follows, r.assignment.convention, r.unit.jurisdiction,
         r.unit.level, r.assignment.page, r.assignment.line)
        for n in notices for r in n.responsibilities
    ])


def clauses_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the clauses table: every task clause and table row, in document order."""
    return _frame("clauses", [
        (n.notice_id, c.clause_id, c.attachment, c.section, c.item, c.row, c.title, c.section_title, c.text,
         c.party_text, LEADER_SEPARATOR.join(c.leaders) or None, c.deadline, c.deadline_date, c.page, c.line)
        for n in notices for c in n.clauses
    ])


def units_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the units table: each (jurisdiction, canonical unit) once, in order of first mention, with counts by role.

    The same short name in two cities (常州's and 北京's 市财政局) is two rows.
    """
    units: dict[tuple[str | None, str], dict] = {}
    for n in notices:
        for r in n.responsibilities:
            entry = units.setdefault((r.unit.jurisdiction, r.unit.canonical), {"unit": r.unit, "spellings": [], **{role: 0 for role in ROLES}})
            if r.assignment.unit_raw not in entry["spellings"]:
                entry["spellings"].append(r.assignment.unit_raw)
            entry[r.assignment.role] += 1
    return _frame("units", [
        (where, e["unit"].level, name, e["unit"].full_name, e["unit"].known, e["unit"].generic, SPELLING_SEPARATOR.join(e["spellings"]),
         e["lead"], e["support"], e["responsible"], e["lead"] + e["support"] + e["responsible"])
        for (where, name), e in units.items()
    ])


def issues_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the issues table: the documents' problems, in document order within each notice."""
    return _frame("issues", [
        (n.notice_id, i.code, i.code.severity, i.clause_id, i.message, i.page, i.line)
        for n in notices for i in sorted(n.issues, key=lambda i: (i.page or 0, i.line is None, i.line or 0))
    ])


def notices_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the notices table: one row per notice, with its title, issuer, 文号, date and jurisdiction."""
    return _frame("notices", [
        (n.notice_id, n.info.title, n.info.issuer, n.info.doc_number, n.info.date, n.info.jurisdiction, n.info.level,
         n.info.sha256, n.info.path)
        for n in notices
    ])


def notices_to_frames(notices: list[NoticeTables]) -> dict[str, pd.DataFrame]:
    """Notices -> all the tables, keyed by table name."""
    return {
        "responsibilities": responsibilities_to_frame(notices),
        "clauses": clauses_to_frame(notices),
        "units": units_to_frame(notices),
        "issues": issues_to_frame(notices),
        "notices": notices_to_frame(notices),
    }
