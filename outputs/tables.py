"""Records -> DataFrames with fixed columns and dtypes, one function per table, and their pyarrow schemas."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow as pa

from fengong.extract.model import Clause, Issue
from fengong.normalize.registry import SPELLING_SEPARATOR, Responsibility

if TYPE_CHECKING:
    import pandas as pd

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
         r.assignment.unit_raw, r.unit.generic, r.assignment.etc_follows, r.assignment.convention, r.unit.jurisdiction,
         r.unit.level, r.assignment.page, r.assignment.line)
        for n in notices for r in n.responsibilities
    ]


def clauses_to_rows(notices: list[NoticeTables]) -> list[tuple]:
    """Notices -> the rows of the clauses table: every task clause and table row, in document order."""
    return [
        (n.notice_id, c.clause_id, c.attachment, c.section, c.item, c.row, c.title, c.section_title, c.text,
         c.party_text, LEADER_SEPARATOR.join(c.leaders) or None, c.deadline, c.deadline_date, c.page, c.line)
        for n in notices for c in n.clauses
    ]


UnitKey = str  # "jurisdiction\tunit": a plain string, so the counts travel as JSON between processes


def unit_counts(notices: list[NoticeTables], counts: dict[UnitKey, list] | None = None) -> dict[UnitKey, list]:
    """Notices (and the counts of earlier ones) -> per (jurisdiction, canonical unit), in order of first mention:
    [level, full_name, known, generic, spellings as written, lead, support, responsible].

    The units table's small running aggregate: a batch keeps only this in memory, not the notices, and
    counts of notices read apart merge (merge_unit_counts) to what one call over all of them gives.
    """
    units = {} if counts is None else counts
    for n in notices:
        for r in n.responsibilities:
            key = f"{r.unit.jurisdiction or ''}\t{r.unit.canonical}"
            entry = units.setdefault(key, [str(r.unit.level), r.unit.full_name, r.unit.known, r.unit.generic, [], 0, 0, 0])
            if r.assignment.unit_raw not in entry[4]:
                entry[4].append(r.assignment.unit_raw)
            entry[5 + ROLES.index(r.assignment.role)] += 1
    return units


def merge_unit_counts(counts: dict[UnitKey, list], more: dict[UnitKey, list]) -> dict[UnitKey, list]:
    """Running unit counts and those of the next notices -> `counts` extended by them (first mention wins)."""
    for key, (level, full_name, known, generic, spellings, *roles) in more.items():
        entry = counts.setdefault(key, [level, full_name, known, generic, [], 0, 0, 0])
        entry[4].extend(s for s in spellings if s not in entry[4])
        for i, n in enumerate(roles):
            entry[5 + i] += n
    return counts


def unit_counts_to_rows(counts: dict[UnitKey, list]) -> list[tuple]:
    """Unit counts -> the rows of the units table: each (jurisdiction, canonical unit) once, in order of first mention."""
    rows = []
    for key, (level, full_name, known, generic, spellings, lead, support, responsible) in counts.items():
        jurisdiction, name = key.split("\t", 1)
        rows.append((jurisdiction or None, level, name, full_name, known, generic, SPELLING_SEPARATOR.join(spellings),
                     lead, support, responsible, lead + support + responsible))
    return rows


def issues_to_rows(notices: list[NoticeTables]) -> list[tuple]:
    """Notices -> the rows of the issues table: the documents' problems, in document order within each notice."""
    return [
        (n.notice_id, i.code, i.code.severity, i.clause_id, i.message, i.page, i.line)
        for n in notices for i in sorted(n.issues, key=lambda i: (i.page or 0, i.line is None, i.line or 0))
    ]


def notice_to_rows(notice: NoticeTables) -> dict[str, list[tuple]]:
    """One notice -> the rows it adds to each per-notice table (all but units), keyed by table name."""
    return {"responsibilities": responsibilities_to_rows([notice]), "clauses": clauses_to_rows([notice]),
            "issues": issues_to_rows([notice]), "notices": notices_to_rows([notice])}


def responsibilities_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the responsibilities table: one row per (clause, role, unit), in written order."""
    return rows_to_frame("responsibilities", responsibilities_to_rows(notices))


def clauses_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the clauses table: every task clause and table row, in document order."""
    return rows_to_frame("clauses", clauses_to_rows(notices))


def units_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the units table: each (jurisdiction, canonical unit) once, in order of first mention, with counts by role.

    The same short name in two cities (常州's and 北京's 市财政局) is two rows.
    """
    return rows_to_frame("units", unit_counts_to_rows(unit_counts(notices)))


def issues_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the issues table: the documents' problems, in document order within each notice."""
    return rows_to_frame("issues", issues_to_rows(notices))


def notices_to_rows(notices: list[NoticeTables]) -> list[tuple]:
    """Notices -> the rows of the notices table: one per notice, with its title, issuer, 文号, date and jurisdiction."""
    return [(n.notice_id, n.info.title, n.info.issuer, n.info.doc_number, n.info.date, n.info.jurisdiction, n.info.level,
             n.info.sha256, n.info.path) for n in notices]


def notices_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the notices table: one row per notice, with its title, issuer, 文号, date and jurisdiction."""
    return rows_to_frame("notices", notices_to_rows(notices))


def notices_to_frames(notices: list[NoticeTables]) -> dict[str, pd.DataFrame]:
    """Notices -> all the tables, keyed by table name."""
    return {
        "responsibilities": responsibilities_to_frame(notices),
        "clauses": clauses_to_frame(notices),
        "units": units_to_frame(notices),
        "issues": issues_to_frame(notices),
        "notices": notices_to_frame(notices),
    }
