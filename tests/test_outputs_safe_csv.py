"""CSV cells that a spreadsheet would run as formulas are written as text; Parquet and XLSX keep the values as read."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import fengong
from fengong.cli import main
from fengong.outputs.cells import FORMULA_STARTS, csv_cell_to_text, text_to_csv_cell

NOTICE = """关于印发测试任务分工的通知

一、=SUM(1+1)加强信用建设。（牵头单位：=市发改委，配合单位：@市财政局、+市税务局、-市统计局）
二、+推进政务公开。（牵头单位：市政府办公室）
三、-完善制度。（责任单位：市司法局）
四、@落实责任。（牵头单位：市公安局）
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("safe")
    (folder / "notice.txt").write_text(NOTICE, encoding="utf-8")
    assert main(["extract", str(folder / "notice.txt"), "--out", str(folder / "out"), "--xlsx"]) == 0
    return folder / "out"


def _csv(out, table):
    return pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")


def test_formula_like_units_and_texts_are_text_in_the_csv(out):
    resp = _csv(out, "responsibilities")
    assert list(resp["unit_raw"])[:4] == ["'=市发改委", "'@市财政局", "'+市税务局", "'-市统计局"]
    assert list(resp["unit"])[:4] == ["'=市发改委", "'@市财政局", "'+市税务局", "'-市统计局"]
    clauses = _csv(out, "clauses")
    assert list(clauses["text"]) == ["'=SUM(1+1)加强信用建设。", "'+推进政务公开。", "'-完善制度。", "'@落实责任。"]
    assert list(clauses["title"]) == ["'=SUM(1+1)加强信用建设", "'+推进政务公开", "'-完善制度", "'@落实责任"]
    lead_of_2 = resp.loc[(resp["clause_id"] == "2") & (resp["role"] == "lead"), "unit"].tolist()  # canonical name
    assert list(_csv(out, "tasks")["lead"])[:2] == ["'=市发改委", *lead_of_2]
    issues = _csv(out, "issues")
    assert not any(cell.startswith(FORMULA_STARTS) for column in issues for cell in issues[column])
    for table in ("responsibilities", "clauses", "units", "issues", "tasks"):
        frame = _csv(out, table)
        assert not any(cell.startswith(FORMULA_STARTS) for column in frame for cell in frame[column]), table


def test_parquet_keeps_the_values_as_read(out):
    tables = fengong.read_tables(out)
    assert list(tables["responsibilities"]["unit_raw"])[:4] == ["=市发改委", "@市财政局", "+市税务局", "-市统计局"]
    assert tables["clauses"]["text"][0] == "=SUM(1+1)加强信用建设。"


def test_xlsx_keeps_the_values_as_text_cells(out):
    import openpyxl

    sheet = openpyxl.load_workbook(out / "tables.xlsx")["responsibilities"]
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("unit_raw") + 1)
    assert (cell.value, cell.data_type) == ("=市发改委", "s")


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+86", "'+86"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("'=1", "''=1"), ("'quoted", "'quoted"), ("市财政局", "市财政局"), ("", ""),
])
def test_the_escape(value, cell):
    assert text_to_csv_cell(value) == cell
    assert csv_cell_to_text(cell) == value


@given(st.text(alphabet=st.sampled_from("=+-@'\t\rab市"), max_size=6))
def test_the_escape_can_be_undone_exactly(value):
    assert csv_cell_to_text(text_to_csv_cell(value)) == value
    assert not text_to_csv_cell(value).startswith(FORMULA_STARTS)


def test_a_unit_written_with_spaces_is_one_unit_and_an_escaped_cell(tmp_path):
    notice = tmp_path / "n.txt"
    notice.write_text("关于测试的通知\n\n一、加强建设。（牵头单位：=cmd|' /C calc'!A0，配合单位：市财政局）\n", encoding="utf-8")
    assert main(["extract", str(notice), "--out", str(tmp_path / "out")]) == 0
    assert list(fengong.read_tables(tmp_path / "out")["responsibilities"]["unit_raw"]) == ["=cmd|' /C calc'!A0", "市财政局"]
    assert list(_csv(tmp_path / "out", "responsibilities")["unit_raw"]) == ["'=cmd|' /C calc'!A0", "市财政局"]
