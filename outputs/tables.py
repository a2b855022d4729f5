"""Records -> DataFrames with fixed columns and dtypes, one function per table, and their pyarrow schemas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import pyarrow as pa

from fengong.extract.model import Clause, Issue
from fengong.normalize.registry import Responsibility
from fengong.outputs.tasks import clauses_to_tasks

ROLES = ("lead", "support", "responsible")

@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its name, its Parquet type and what it holds (Parquet field metadata, datapackage.json)."""

    name: str
    type: pa.DataType
    description: str


# The tables' columns, in order, one line each: adding a column is one line here (and its value in the frame function).
# Every id is a string (clause ids 1-2 or A1-3-4 are not numbers or dates); page and line are nullable integers.
COLUMNS: dict[str, tuple[Column, ...]] = {
    "responsibilities": (
        Column("notice_id", pa.string(), "The notice: --notice-id, or the input file's name without its suffix."),
        Column("clause_id", pa.string(), "The clause: path of printed numbers, A{附件}-{一、}-{1、}…, T{序号} for a table row."),
        Column("role", pa.string(), "lead (牵头), support (配合) or responsible (责任)."),
        Column("position", pa.int32(), "1-based position of the unit within its role, as written."),
        Column("unit", pa.string(), "The unit's canonical name (registry or alias file), else as written."),
        Column("unit_raw", pa.string(), "The unit as written in the notice."),
        Column("generic", pa.bool_(), "The unit is a catch-all such as 市各有关部门."),
        Column("etc_follows", pa.bool_(), "The list goes on with 等 after this unit."),
        Column("convention", pa.string(), "A role stated once for many clauses: first-listed-is-lead or heading-lead."),
        Column("page", pa.int32(), "1-based page where the unit is written (PDF, or text with form feeds)."),
        Column("line", pa.int32(), "1-based line where the unit is written (line of the page for PDF)."),
    ),
    "clauses": (
        Column("notice_id", pa.string(), "The notice: --notice-id, or the input file's name without its suffix."),
        Column("clause_id", pa.string(), "The clause: path of printed numbers, A{附件}-{一、}-{1、}…, T{序号} for a table row."),
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
        Column("unit", pa.string(), "The unit's canonical name."),
        Column("full_name", pa.string(), "The unit's full name, where the registry or the notice gives it."),
        Column("known", pa.bool_(), "The registry or an alias file knows the unit."),
        Column("generic", pa.bool_(), "The unit is a catch-all such as 市各有关部门."),
        Column("spellings", pa.string(), "The unit's spellings as written, separated by ' | '."),
        Column("lead", pa.int32(), "Number of clauses the unit leads."),
        Column("support", pa.int32(), "Number of clauses the unit supports."),
        Column("responsible", pa.int32(), "Number of clauses the unit is responsible for."),
        Column("total", pa.int32(), "lead + support + responsible."),
    ),
    "issues": (
        Column("notice_id", pa.string(), "The notice the problem is in."),
        Column("code", pa.string(), "Kind of problem: numbering-gap, unknown-unit, unplaced-text, … (see the README)."),
        Column("clause_id", pa.string(), "The clause concerned, if any."),
        Column("message", pa.string(), "What is wrong, naming the text concerned."),
        Column("page", pa.int32(), "1-based page of the problem, where the input has pages."),
        Column("line", pa.int32(), "1-based line of the problem."),
    ),
    "tasks": (
        Column("notice_id", pa.string(), "The notice: --notice-id, or the input file's name without its suffix."),
        Column("clause_id", pa.string(), "The clause: path of printed numbers, A{附件}-{一、}-{1、}…, T{序号} for a table row."),
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

SPELLING_SEPARATOR = " | "
LEADER_SEPARATOR = "、"

_PANDAS_DTYPES = {pa.string(): "string", pa.int32(): "Int32", pa.bool_(): "boolean", pa.date32(): pd.ArrowDtype(pa.date32())}


@dataclass(frozen=True, slots=True)
class NoticeTables:
    """Everything one notice contributes to the tables."""

    notice_id: str
    clauses: tuple[Clause, ...]
    responsibilities: tuple[Responsibility, ...]
    issues: tuple[Issue, ...]


def _frame(name: str, rows: list[tuple]) -> pd.DataFrame:
    schema = SCHEMAS[name]
    columns = {field.name: [_typed(row[i], field.type) for row in rows] for i, field in enumerate(schema)}
    return pd.DataFrame({n: pd.array(v, dtype=_PANDAS_DTYPES[schema.field(n).type]) for n, v in columns.items()})


def _typed(value, type_: pa.DataType):
    # Records carry dates as ISO strings (2023-12-31); the tables carry them as dates.
    return date.fromisoformat(value) if type_ == pa.date32() and isinstance(value, str) else value


def responsibilities_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the responsibilities table: one row per (clause, role, unit), in written order."""
    return _frame("responsibilities", [
        (n.notice_id, r.assignment.clause_id, r.assignment.role, r.assignment.position, r.unit.canonical,
         r.assignment.unit_raw, r.unit.generic, r.assignment.etc_follows, r.assignment.convention, r.assignment.page,
         r.assignment.line)
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
    """Notices -> the units table: each canonical unit once, in order of first mention, with counts by role."""
    units: dict[str, dict] = {}
    for n in notices:
        for r in n.responsibilities:
            entry = units.setdefault(r.unit.canonical, {"unit": r.unit, "spellings": [], **{role: 0 for role in ROLES}})
            if r.assignment.unit_raw not in entry["spellings"]:
                entry["spellings"].append(r.assignment.unit_raw)
            entry[r.assignment.role] += 1
    return _frame("units", [
        (name, e["unit"].full_name, e["unit"].known, e["unit"].generic, SPELLING_SEPARATOR.join(e["spellings"]),
         e["lead"], e["support"], e["responsible"], e["lead"] + e["support"] + e["responsible"])
        for name, e in units.items()
    ])


def issues_to_frame(notices: list[NoticeTables]) -> pd.DataFrame:
    """Notices -> the issues table: the documents' problems, in document order within each notice."""
    return _frame("issues", [
        (n.notice_id, i.code, i.clause_id, i.message, i.page, i.line)
        for n in notices for i in sorted(n.issues, key=lambda i: (i.page or 0, i.line is None, i.line or 0))
    ])


def notices_to_frames(notices: list[NoticeTables]) -> dict[str, pd.DataFrame]:
    """Notices -> all the tables, keyed by table name."""
    frames = {
        "responsibilities": responsibilities_to_frame(notices),
        "clauses": clauses_to_frame(notices),
        "units": units_to_frame(notices),
        "issues": issues_to_frame(notices),
    }
    frames["tasks"] = clauses_to_tasks(frames["clauses"], frames["responsibilities"], SCHEMAS["tasks"].names)
    return frames
