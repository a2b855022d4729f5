"""Typed tables: Parquet types and column descriptions, datapackage.json for CSV readers, fengong.read_tables."""

import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import fengong
from fengong.cli import main
from fengong.outputs.headers import ZH, header
from fengong.outputs.tables import COLUMNS, SCHEMAS

from cases import CASES, case_input

FANCHANG = case_input(next(c for c in CASES if c.name.startswith("07_fanchang")))  # a deadline 2023年12月底前


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("typed") / "out"
    assert main(["extract", str(FANCHANG), "--out", str(folder)]) == 0
    return folder


def test_parquet_types_and_descriptions(out):
    for table, columns in COLUMNS.items():
        schema = pq.read_schema(out / f"{table}.parquet")
        assert schema.names == [c.name for c in columns]
        for column in columns:
            field = schema.field(column.name)
            assert field.type == column.type
            assert field.metadata[b"description"].decode() == column.description and column.description
    clauses = pq.read_schema(out / "clauses.parquet")
    assert clauses.field("deadline_date").type == pa.date32()
    assert {clauses.field(n).type for n in ("notice_id", "clause_id", "item")} == {pa.string()}
    assert {clauses.field(n).type for n in ("page", "line")} == {pa.int32()}


def test_read_tables_gives_proper_dtypes_and_the_values_written(out):
    tables = fengong.read_tables(out)
    assert list(tables) == list(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["tables"])
    clauses = tables["clauses"]
    assert clauses["item"].dtype == "string" and clauses["clause_id"].dtype == "string"
    assert clauses["page"].dtype == "Int32" and clauses["line"].dtype == "Int32" and clauses["row"].dtype == "Int32"
    assert clauses["leaders"].dtype == "string" and tables["responsibilities"]["convention"].dtype == "string"
    assert tables["responsibilities"]["generic"].dtype == "boolean"
    assert clauses["deadline_date"].dtype == pd.ArrowDtype(pa.date32())
    assert str(clauses["deadline_date"][0]) == "2023-12-31"  # 202312月底前 in the notice
    pd.testing.assert_frame_equal(tables["tasks"], fengong.extract([FANCHANG])["tasks"])


def test_read_tables_of_a_folder_that_is_not_an_output(tmp_path):
    with pytest.raises(fengong.InputError, match="manifest.json"):
        fengong.read_tables(tmp_path)


def test_datapackage_types_the_csv_columns_for_frictionless(out):
    from frictionless import Package

    package = Package(str(out / "datapackage.json"))
    report = package.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    resource = package.get_resource("clauses")
    field = resource.schema.get_field("deadline_date")
    assert field.type == "date" and "end of the month" in field.description
    rows = resource.read_rows()
    assert str(rows[0]["deadline_date"]) == "2023-12-31" and rows[0]["line"] == int(fengong.read_tables(out)["clauses"]["line"][0])
    assert [r.name for r in package.resources] == list(SCHEMAS)


def test_datapackage_with_chinese_headers(tmp_path):
    assert main(["extract", str(FANCHANG), "--out", str(tmp_path / "out"), "--headers", "zh"]) == 0
    from frictionless import Package

    package = Package(str(tmp_path / "out" / "datapackage.json"))
    assert package.validate().valid
    field = package.get_resource("tasks").schema.get_field("牵头单位")
    assert field.title == "lead" and field.type == "string"


def test_every_column_has_a_chinese_header():
    for table, schema in SCHEMAS.items():
        for name in schema.names:
            assert header(table, name, "zh") != name or name in ZH, f"{table}.{name}"
    assert len({header("units", c, "zh") for c in SCHEMAS["units"].names}) == len(SCHEMAS["units"].names)
    assert len({header("tasks", c, "zh") for c in SCHEMAS["tasks"].names}) == len(SCHEMAS["tasks"].names)


def test_a_date_that_is_not_a_day_stays_text_only(tmp_path):
    # 2月30日 is read as 2023-02-30, which no date type holds: deadline_date is empty, deadline keeps the words.
    notice = tmp_path / "n.txt"
    notice.write_text("关于测试的通知\n\n一、加强建设，2023年2月30日前完成。（牵头单位：市财政局）\n二、完善制度，2023年3月31日前完成。（牵头单位：市司法局）\n",
                      encoding="utf-8")
    assert main(["extract", str(notice), "--out", str(tmp_path / "out")]) == 0
    clauses = fengong.read_tables(tmp_path / "out")["clauses"]
    assert [str(d) if not pd.isna(d) else None for d in clauses["deadline_date"]] == [None, "2023-03-31"]
    assert "2023年2月30日前" in clauses["deadline"][0]
    pd.testing.assert_frame_equal(clauses, fengong.extract([notice])["clauses"])
