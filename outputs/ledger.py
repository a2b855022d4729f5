"""The tables -> a DuckDB ledger file that accumulates notices over many runs, one version of a notice per sha256.

Loading is idempotent: a notice whose sha256 is already in the ledger adds nothing, so a folder loaded twice gives
the same database. Every ledger table carries the notice's sha256 (a notice_id, the file name stem, may be reused
by another file). Views:
- `notice_versions`: every notice with its version number among the notices of the same title (or notice_id where
  no title was found), ordered by the notice's date, then by load, then by input order within a load;
- `current_assignments`: for the latest version of each notice, one row per (unit, role, clause) with the task.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from fengong.extract.errors import FengongError
from fengong.extract.names import path_text

LEDGER_TABLES = ("notices", "tasks", "clauses", "responsibilities", "issues")

VIEWS = {
    "notice_versions": """
        SELECT coalesce(title, notice_id) AS notice_key, notice_id, title, issuer, doc_number, date, jurisdiction, level,
               sha256, path, load, input,
               row_number() OVER w AS version, count(*) OVER (PARTITION BY coalesce(title, notice_id)) AS versions
        FROM notices
        WINDOW w AS (PARTITION BY coalesce(title, notice_id) ORDER BY date NULLS FIRST, load, input)""",
    "current_assignments": """
        SELECT DISTINCT r.unit, r.role, r.notice_id, r.clause_id, t.title, t.text, t.lead, t.support, t.responsible,
               t.deadline, t.deadline_date, v.title AS notice_title, v.date AS notice_date, r.sha256
        FROM responsibilities r
        JOIN notice_versions v ON v.sha256 = r.sha256 AND v.version = v.versions
        JOIN tasks t ON t.sha256 = r.sha256 AND t.clause_id = r.clause_id""",
}


class LedgerError(FengongError):
    """The ledger file cannot be opened or written; the message names it and why."""


@dataclass(frozen=True, slots=True)
class LedgerLoad:
    """What a load did: the notices added, and those already in the ledger (or repeated in this run), by notice_id."""

    added: tuple[str, ...]
    skipped: tuple[str, ...]


def notices_to_add(notices: pd.DataFrame, known: set[str]) -> pd.DataFrame:
    """The run's notices and the sha256 already in the ledger -> the notices to add (each sha256 once, first kept)."""
    fresh = notices[notices["sha256"].notna() & ~notices["sha256"].isin(known)]
    return fresh.drop_duplicates("sha256", keep="first")


def _with_sha(frame: pd.DataFrame, sha_of: dict[str, str]) -> pa.Table:
    kept = frame[frame["notice_id"].isin(list(sha_of))]
    return pa.Table.from_pandas(kept.assign(sha256=pd.array(kept["notice_id"].map(sha_of), dtype="string")), preserve_index=False)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> None:
    con.register("incoming", rows)
    con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" AS SELECT * FROM incoming WHERE false')
    have = {r[0] for r in con.execute(f'DESCRIBE "{table}"').fetchall()}
    for name, type_, *_ in con.execute("DESCRIBE incoming").fetchall():
        if name not in have:  # a newer tool writes a column the ledger does not have yet
            con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {type_}')
    con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM incoming')
    con.unregister("incoming")


def _load(con: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame], notices: pd.DataFrame) -> LedgerLoad:
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'notices'").fetchall()[0][0]
    known = {r[0] for r in con.execute("SELECT sha256 FROM notices").fetchall()} if exists else set()
    load = con.execute("SELECT coalesce(max(load), 0) + 1 FROM notices").fetchall()[0][0] if exists else 1
    fresh = notices_to_add(notices, known)
    sha_of = dict(zip(fresh["notice_id"], fresh["sha256"], strict=True))
    if sha_of:
        order = pd.array([int(i) + 1 for i in fresh.index], dtype="Int32")  # position among the run's inputs
        stamped = fresh.assign(load=pd.array([load] * len(fresh), dtype="Int32"), input=order)
        _insert(con, "notices", pa.Table.from_pandas(stamped, preserve_index=False))
        for table in LEDGER_TABLES[1:]:
            _insert(con, table, _with_sha(frames[table], sha_of))
    if sha_of or exists:
        for name, query in VIEWS.items():
            con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {query}')
    skipped = [str(n) for n in notices["notice_id"] if n not in sha_of]
    return LedgerLoad(tuple(sha_of), tuple(skipped))


def check_ledger(db: Path) -> None:
    """A ledger path -> nothing, when it is missing (it will be created) or a DuckDB file this process can open.

    Raises:
        LedgerError: it is something else (a text file, a folder), or another program holds it.
    """
    if not db.exists():
        return
    if not db.is_file():
        raise LedgerError(f"{path_text(db)}: cannot open the ledger (not a regular file)")
    try:
        duckdb.connect(str(db), read_only=True).close()
    except duckdb.Error as exc:
        raise LedgerError(f"{path_text(db)}: cannot open the ledger ({exc})") from None


def tables_to_ledger(db: Path, frames: dict[str, pd.DataFrame]) -> LedgerLoad:
    """The extract's tables -> the notices not yet in the DuckDB file `db`, added in one transaction (created when
    missing); returns which notices were added and which were already there.

    Raises:
        LedgerError: the file cannot be opened as a DuckDB database (another program holds it, or it is something else).
    """
    try:
        con = duckdb.connect(str(db))
    except duckdb.Error as exc:
        raise LedgerError(f"{path_text(db)}: cannot open the ledger ({exc})") from None
    try:
        con.execute("BEGIN TRANSACTION")
        found = _load(con, frames, frames["notices"])
        con.execute("COMMIT")
        return found
    except duckdb.Error as exc:
        con.rollback()
        raise LedgerError(f"{path_text(db)}: cannot add to the ledger ({exc})") from None
    finally:
        con.close()
