"""Records -> rows of fixed-schema tables, one function per table (and DataFrames of them for the library); the
tables' columns with their types and descriptions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from fengong.extract.model import Clause, Issue
from fengong.normalize.registry import SPELLING_SEPARATOR, Responsibility
from fengong.outputs.tasks import joined_units, units_by_clause

if TYPE_CHECKING:
    import pandas as pd

ROLES = ("lead", "support", "responsible")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its name, its Parquet type and what it holds (Parquet field metadata, datapackage.json)."""

    name: str
    type: pa.DataType
    description: str


_NOTICE_ID = Column("notice_id", pa.string(), "The notice: --notice-id, or the input file's name without its suffix.")
_CLAUSE_ID = Column("clause_id", pa.string(), "The clause: path of printed numbers, A{附件}-{一、}-{1、}…, T{序号} for a table row.")
_JURISDICTION = "The government the unit belongs to (常州市, 全国, …), where known."
_LEVEL = "Level of that government: national, province, city, county, township or unknown."

# The tables' columns, in order, one line each: adding a column is one line here (and its value in the rows function).
# Every id is a string (clause ids 1-2 or A1-3-4 are not numbers or dates); page and line are nullable integers.
COLUMNS: dict[str, tuple[Column, ...]] = {
    "responsibilities": (
        _NOTICE_ID,
        _CLAUSE_ID,
        Column("role", pa.string(), "lead (牵头), support (配合) or responsible (责任)."),
        Column("position", pa.int32(), "1-based position of the unit within its role, as written."),
        Column("unit", pa.string(), "The unit's canonical name (registry or alias file), else as written."),
        Column("unit_raw", pa.string(), "The unit as written in the notice."),
        Column("generic", pa.bool_(), "The unit is a catch-all such as 市各有关部门."),
        Column("etc_follows", pa.bool_(), "The list goes on with 等 after this unit."),
        Column("convention", pa.string(), "A role stated once for many clauses: first-listed-is-lead or heading-lead."),
        Column("jurisdiction", pa.string(), _JURISDICTION),
        Column("level", pa.string(), _LEVEL),
        Column("page", pa.int32(), "1-based page where the unit is written (PDF, or text with form feeds)."),
        Column("line", pa.int32(), "1-based line where the unit is written (line of the page for PDF)."),
    ),
    "clauses": (
        _NOTICE_ID,
        _CLAUSE_ID,
        Column("attachment", pa.int32(), "Number of the attachment (附件) holding the clause."),
        Column("section", pa.int32(), "Number of the top heading (一、二、…) holding the clause."),
        Column("item", pa.string(), "The clause's own printed number path below its section, such as 1 or 1-2."),
        Column("row", pa.int32(), "序号 of a table row (or its count when the table prints none)."),
        Column("title", pa.string(), "The clause's short title: its first sentence when short, or a table row's content cell."),
        Column("section_title", pa.string(), "Title of the heading the clause sits under."),
        Column("text", pa.string(), "The task as written, without its number and without the unit bracket."),
        Column("party_text", pa.string(), "The text naming the units, such as 牵头单位：…，配合单位：…"),
        Column("leaders", pa.string(), "People named for the clause (责任领导, 牵头区领导), joined by 、."),
        Column("deadline", pa.string(), "The time frame as written (完成时限, 2023年12月底前, 长期坚持)."),
        Column("deadline_date", pa.date32(), "The deadline as a date where one is stated (end of the month when no day is given)."),
        Column("page", pa.int32(), "1-based page where the clause starts (PDF, or text with form feeds)."),
        Column("line", pa.int32(), "1-based line where the clause starts (line of the page for PDF)."),
    ),
    "units": (
        Column("jurisdiction", pa.string(), _JURISDICTION),
        Column("level", pa.string(), _LEVEL),
        Column("unit", pa.string(), "The unit's canonical name (one row per jurisdiction and name)."),
        Column("full_name", pa.string(), "The unit's full name, where the registry or the notice gives it."),
        Column("known", pa.bool_(), "The registry or an alias file knows the unit."),
        Column("generic", pa.bool_(), "The unit is a catch-all such as 市各有关部门."),
        Column("spellings", pa.string(), "The unit's spellings as written, separated by ' | '."),
        Column("lead", pa.int32(), "Number of times the unit is named to lead."),
        Column("support", pa.int32(), "Number of times the unit is named to support."),
        Column("responsible", pa.int32(), "Number of times the unit is named responsible."),
        Column("total", pa.int32(), "lead + support + responsible."),
    ),
    "issues": (
        Column("notice_id", pa.string(), "The notice the problem is in."),
        Column("code", pa.string(), "Kind of problem: numbering-gap, unknown-unit, unplaced-text, … (see the README)."),
        Column("severity", pa.string(), "error (content lost or not to be trusted), warning (needs a look) or info."),
        Column("clause_id", pa.string(), "The clause concerned, if any."),
        Column("message", pa.string(), "What is wrong, naming the text concerned."),
        Column("page", pa.int32(), "1-based page of the problem, where the input has pages."),
        Column("line", pa.int32(), "1-based line of the problem."),
    ),
    "notices": (
        _NOTICE_ID,
        Column("title", pa.string(), "The notice's title, where found."),
        Column("issuer", pa.string(), "The body that issued it (发文机关), where found."),
        Column("doc_number", pa.string(), "Its document number (文号), such as 国发〔2020〕6号, where found."),
        Column("date", pa.date32(), "The date it was signed (成文日期), where found."),
        Column("jurisdiction", pa.string(), "The government whose notice it is (常州市, 全国, …), where known."),
        Column("level", pa.string(), "Level of that government: national, province, city, county, township or unknown."),
        Column("sha256", pa.string(), "SHA-256 of the input file's bytes."),
        Column("path", pa.string(), "The input file as given."),
    ),
    "tasks": (
        _NOTICE_ID,
        _CLAUSE_ID,
        Column("title", pa.string(), "The clause's short title."),
        Column("text", pa.string(), "The task as written, without its number and without the unit bracket."),
        Column("lead", pa.string(), "Lead units (牵头单位), canonical names joined by 、 in written order."),
        Column("support", pa.string(), "Supporting units (配合单位), canonical names joined by 、 in written order."),
        Column("responsible", pa.string(), "Responsible units (责任单位), canonical names joined by 、 in written order."),
        Column("leaders", pa.string(), "People named for the clause (责任领导, 牵头区领导), joined by 、."),
        Column("deadline", pa.string(), "The time frame as written."),
        Column("deadline_date", pa.date32(), "The deadline as a date where one is stated (end of the month when no day is given)."),
        Column("page", pa.int32(), "1-based page where the clause starts."),
    ),
}
SCHEMAS: dict[str, pa.Schema] = {
    name: pa.schema([pa.field(c.name, c.type, metadata={"description": c.description}) for c in columns])
    for name, columns in COLUMNS.items()
}
LEADER_SEPARATOR = "、"


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


def iso_date(text: str | None) -> str | None:
    """A date as the reader gives it (ISO, YYYY-MM-DD) -> the same when it is a day of the calendar, else None.

    Rows carry dates as ISO text (JSON, the cache); the tables type them as dates, which 2019-04-31 cannot be.
    The text as written stays in its own column (deadline), so nothing is lost.
    """
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat() if len(text) == 10 else None
    except ValueError:
        return None


def _pandas_value(value: Any, type_: pa.DataType) -> Any:
    return date.fromisoformat(value) if type_ == pa.date32() and isinstance(value, str) else value


def rows_to_frame(name: str, rows: list[tuple], schemas: dict[str, pa.Schema] | None = None) -> pd.DataFrame:
    """Rows of a table, in its schema's column order -> its DataFrame with the fixed dtypes (dates as date32)."""
    import pandas as pd

    dtypes = {pa.string(): "string", pa.int32(): "Int32", pa.bool_(): "boolean", pa.float64(): "Float64",
              pa.date32(): pd.ArrowDtype(pa.date32())}
    schema = (schemas or SCHEMAS)[name]
    return pd.DataFrame({field.name: pd.array([_pandas_value(row[i], field.type) for row in rows], dtype=dtypes[field.type])
                         for i, field in enumerate(schema)})


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
         c.party_text, LEADER_SEPARATOR.join(c.leaders) or None, c.deadline, iso_date(c.deadline_date), c.page, c.line)
        for n in notices for c in n.clauses
    ]


def tasks_to_rows(notices: list[NoticeTables]) -> list[tuple]:
    """Notices -> the rows of the tasks table: one per clause, in document order, with the canonical units of each
    role joined by 、 (each unit once per role, in written order) — the notice's own shape."""
    rows: list[tuple] = []
    for n in notices:
        units = units_by_clause((r.assignment.clause_id, str(r.assignment.role), r.unit.canonical) for r in n.responsibilities)
        rows.extend((n.notice_id, c.clause_id, c.title, c.text, *joined_units(units.get(c.clause_id, {})),
                     LEADER_SEPARATOR.join(c.leaders) or None, c.deadline, iso_date(c.deadline_date), c.page)
                    for c in n.clauses)
    return rows


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


def notices_to_rows(notices: list[NoticeTables]) -> list[tuple]:
    """Notices -> the rows of the notices table: one per notice, with its title, issuer, 文号, date and jurisdiction."""
    return [(n.notice_id, n.info.title, n.info.issuer, n.info.doc_number, iso_date(n.info.date), n.info.jurisdiction,
             n.info.level, n.info.sha256, n.info.path) for n in notices]


def notice_to_rows(notice: NoticeTables) -> dict[str, list[tuple]]:
    """One notice -> the rows it adds to each per-notice table (all but units), keyed by table name."""
    return {"responsibilities": responsibilities_to_rows([notice]), "clauses": clauses_to_rows([notice]),
            "issues": issues_to_rows([notice]), "notices": notices_to_rows([notice]), "tasks": tasks_to_rows([notice])}


def notices_to_frames(notices: list[NoticeTables]) -> dict[str, pd.DataFrame]:
    """Notices -> all the tables, keyed by table name, in the order they are written."""
    rows: dict[str, list[tuple]] = {name: [] for name in SCHEMAS}
    for notice in notices:
        for name, found in notice_to_rows(notice).items():
            rows[name].extend(found)
    rows["units"] = unit_counts_to_rows(unit_counts(notices))
    return {name: rows_to_frame(name, found) for name, found in rows.items()}
