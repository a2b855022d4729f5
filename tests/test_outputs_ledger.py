"""The DuckDB ledger (--db): notices accumulate, keyed by sha256; loading again adds nothing."""

import re

import duckdb
import pytest

from fengong.cli import main

from conftest import ROOT, SAMPLE

REVISED = ROOT / "samples" / "changzhou-2019-revised" / "changzhou-2019-revised.txt"
TABLES = ("notices", "tasks", "clauses", "responsibilities", "issues")


def _counts(db) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}


def _readme_query() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", readme, flags=re.S)
    return next(b for b in blocks if "市公安局" in b)


def test_loading_the_sample_twice_gives_the_same_rows(tmp_path, capsys):
    db = tmp_path / "ledger.duckdb"
    assert main(["extract", str(SAMPLE), "--out", str(tmp_path / "a"), "--db", str(db)]) == 0
    first = _counts(db)
    assert first == {"notices": 1, "tasks": 114, "clauses": 114, "responsibilities": 400, "issues": 2}
    assert main(["extract", str(SAMPLE), "--out", str(tmp_path / "b"), "--db", str(db)]) == 0
    assert _counts(db) == first
    assert "0 notices added, 1 already there" in capsys.readouterr().out


def test_a_folder_loaded_twice_gives_the_same_database(tmp_path):
    folder = ROOT / "samples" / "changzhou-2019-credit-task-division"
    once, twice = tmp_path / "once.duckdb", tmp_path / "twice.duckdb"
    assert main(["extract", str(folder), "--out", str(tmp_path / "a"), "--db", str(once)]) == 0
    for name in ("b", "c"):
        assert main(["extract", str(folder), "--out", str(tmp_path / name), "--db", str(twice)]) == 0
    with duckdb.connect(str(once), read_only=True) as a, duckdb.connect(str(twice), read_only=True) as b:
        for table in TABLES:
            query = f"SELECT * FROM {table} ORDER BY ALL"
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table


def test_the_readme_query_finds_the_tasks_led_by_the_police(loaded):
    with duckdb.connect(str(loaded), read_only=True) as con:
        rows = con.execute(_readme_query()).fetchall()
    # Read from the notice: 牵头单位：市公安局 at lines 897, 933, 953 (with 市发改委), 962 (wrapped 市公安\n局), 1242,
    # and row 23 of the 附件3 table (机动车驾驶人, line 1180).
    notice = "changzhou-2019-credit-task-division"
    assert rows == [(notice, "A3-2-1", "推动完善个人实名登记制度"), (notice, "A3-2-5", None), (notice, "A3-3-1", "保护个人信息安全"),
                    (notice, "A3-3-2", "加强隐私保护"), (notice, "A3-7-T23", "机动车驾驶人"), (notice, "A4-1-1", "建立实名登记和认证制度")]


def test_a_new_version_is_current_and_the_old_one_kept(tmp_path):
    db = tmp_path / "ledger.duckdb"
    assert main(["extract", str(SAMPLE), "--out", str(tmp_path / "a"), "--db", str(db)]) == 0
    assert main(["extract", str(REVISED), "--out", str(tmp_path / "b"), "--db", str(db)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        versions = con.execute("SELECT notice_id, version, versions, load FROM notice_versions ORDER BY version").fetchall()
        assert versions == [("changzhou-2019-credit-task-division", 1, 2, 1), ("changzhou-2019-revised", 2, 2, 2)]
        # E7 of the revised sample: 团市委 moved from support to lead in A3-1-4; the current view shows the new role.
        roles = con.execute("SELECT role FROM current_assignments WHERE unit = '团市委' AND clause_id = 'A3-1-4'").fetchall()
        assert roles == [("lead",)]
        assert con.execute("SELECT count(DISTINCT notice_id) FROM current_assignments").fetchall() == [(1,)]


def test_the_same_input_twice_on_one_command_line_is_read_once(tmp_path, capsys):
    db = tmp_path / "ledger.duckdb"
    assert main(["extract", str(SAMPLE), str(SAMPLE), "--out", str(tmp_path / "out"), "--db", str(db)]) == 0
    captured = capsys.readouterr()
    assert f"warning: {SAMPLE} is given twice (again); read once" in captured.err
    assert "responsibilities.csv (400 rows)" in captured.out
    assert _counts(db)["notices"] == 1
    assert main(["extract", str(SAMPLE), str(SAMPLE.parent), "--out", str(tmp_path / "out2")]) == 0
    assert f"is given twice (inside {SAMPLE.parent})" in capsys.readouterr().err


def test_a_file_that_is_not_a_ledger_is_refused_in_one_line(tmp_path, capsys):
    db = tmp_path / "notes.txt"
    db.write_text("not a database", encoding="utf-8")
    assert main(["extract", str(SAMPLE), "--out", str(tmp_path / "out"), "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(f"fengong: error: {db}: cannot open the ledger")
    assert db.read_text(encoding="utf-8") == "not a database"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ledger")
    assert main(["extract", str(SAMPLE), "--out", str(folder / "out"), "--db", str(folder / "ledger.duckdb")]) == 0
    return folder / "ledger.duckdb"


@pytest.mark.parametrize("table", TABLES)
def test_ledger_columns_are_typed(loaded, table):
    with duckdb.connect(str(loaded), read_only=True) as con:
        types = dict(con.execute(f"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}'").fetchall())
    assert types["sha256"] == "VARCHAR" and types["notice_id"] == "VARCHAR"
    if "deadline_date" in types:
        assert types["deadline_date"] == "DATE"
    if "page" in types:
        assert types["page"] == "INTEGER"
