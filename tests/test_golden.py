"""Golden tables: each sample's tables equal its hand-checked expected/*.csv, byte for byte."""

import io

import pandas as pd
import pyarrow.parquet as pq
import pytest

from fengong.cli import main
from fengong.outputs.tables import SCHEMAS
from fengong.outputs.write import frame_to_csv_bytes

from cases import CASES, DERIVED_TABLES, ROOT, case_frames, case_input

CHANGZHOU = next(c for c in CASES if c.name == "changzhou-2019-credit-task-division")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
@pytest.mark.parametrize("table", [t for t in SCHEMAS if t not in DERIVED_TABLES])
def test_tables_equal_expected(case, table):
    frames = case_frames(case)
    expected = (case / "expected" / f"{table}.csv").read_bytes()
    actual = frame_to_csv_bytes(frames[table])
    if actual != expected:
        exp = pd.read_csv(io.BytesIO(expected), dtype=str, keep_default_na=False)
        act = pd.read_csv(io.BytesIO(actual), dtype=str, keep_default_na=False)
        merged = exp.merge(act, how="outer", indicator=True)
        diff = merged[merged["_merge"] != "both"].head(20).to_string()
        pytest.fail(f"{case.name}/{table} differs from expected (left_only = expected, right_only = actual):\n{diff}")


def test_changzhou_counts_as_read_from_the_notice():
    frames = case_frames(CHANGZHOU)
    clauses, resp, issues = frames["clauses"], frames["responsibilities"], frames["issues"]
    numbered = clauses[clauses["item"].notna()]
    unnumbered = clauses[clauses["item"].isna() & clauses["row"].isna()]
    rows = clauses[clauses["row"].notna()]
    assert (len(numbered), len(unnumbered), len(rows)) == (84, 1, 29)
    assert list(unnumbered["clause_id"]) == ["A1-5"]
    assert len(resp) == 400
    assert resp["role"].value_counts().to_dict() == {"support": 187, "lead": 127, "responsible": 86}
    assert list(issues[["code", "clause_id"]].itertuples(index=False, name=None)) == [
        ("numbering-gap", "A1-3-4"),
        ("duplicate-title", "A4-1-3"),
    ]
    # Every unit of the notice is known to the shipped registry.
    assert frames["units"]["known"].all()


def test_changzhou_rows_read_against_the_text():
    """Spot checks a reader makes against the notice: wrapped units, nested brackets, the table, 等."""
    frames = case_frames(CHANGZHOU)
    resp = frames["responsibilities"].set_index(["clause_id", "role", "position"])
    assert resp.loc[("A1-2-2", "lead", 1), ["unit", "unit_raw", "line"]].tolist() == ["市发改委", "市发改委（市信用办）", 170]
    assert resp.loc[("A1-2-2", "support", 2), ["unit", "unit_raw"]].tolist() == ["市中级人民法院", "市中级法院"]
    assert resp.loc[("A2-1-2", "responsible", 24), ["unit", "etc_follows"]].tolist() == ["市政务办", True]
    assert resp.loc[("A2-2-1", "support", 7), ["unit", "unit_raw"]].tolist() == ["市税务局", "常州市税务局"]
    assert resp.loc[("A3-7-T17", "lead", 3), "unit"] == "常州银监分局"
    assert resp.loc[("A3-7-T3", "lead", 1), "line"] == 1122
    assert bool(resp.loc[("A1-2-2", "support", 5), "generic"]) is True
    clauses = frames["clauses"].set_index("clause_id")
    assert clauses.loc["A3-2-4", "party_text"] == "责任单位：市各有关部门，具体分工见附表"
    assert clauses.loc["A3-7-T3", "title"] == "企业法定代表人及相关责任人"
    assert clauses.loc["A1-2-1", "title"] == "公务员诚信教育"


def test_parquet_reads_back_equal_to_csv(tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(case_input(CHANGZHOU)), "--out", str(out)]) == 0
    for table in SCHEMAS:
        from_parquet = pq.read_table(out / f"{table}.parquet").to_pandas()
        from_csv = pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
        assert list(from_parquet.columns) == list(from_csv.columns)
        as_text = from_parquet.astype(object).where(from_parquet.notna(), "").astype(str)
        assert as_text.values.tolist() == from_csv.values.tolist(), table


def test_a_covering_letter_without_its_task_list_is_refused(tmp_path, capsys):
    notice = next((ROOT / "samples").glob("30_*/30_*.txt"))
    assert main(["extract", str(notice), "--out", str(tmp_path / "out")]) == 2
    assert "no task clauses found" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
