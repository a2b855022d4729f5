"""tables.xlsx, opened with openpyxl as a spreadsheet program would read it."""

import openpyxl
import pytest

import fengong
from fengong.cli import main
from fengong.outputs.xlsx import display_width

from cases import CASES, case_input
from conftest import SAMPLE

LISHAN = case_input(next(c for c in CASES if c.name.startswith("04_lishan")))  # no 附件: clause ids such as 1-1


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx") / "out"
    assert main(["extract", str(SAMPLE), str(LISHAN), "--out", str(out), "--xlsx"]) == 0
    return openpyxl.load_workbook(out / "tables.xlsx"), fengong.read_tables(out)


def _rows(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return rows[0], rows[1:]


def test_sheets_are_named_for_people(written):
    book, _ = written
    assert book.sheetnames == ["任务分工", "按单位", "responsibilities", "issues", "notices"]


def test_ids_and_numbers_as_text_are_text_cells(written):
    book, tables = written
    sheet = book["任务分工"]
    header, _ = _rows(sheet)
    col = header.index("clause_id") + 1
    cells = [sheet.cell(row=r, column=col) for r in range(2, sheet.max_row + 1)]
    assert [c.value for c in cells] == list(tables["tasks"]["clause_id"])
    assert "1-1" in [c.value for c in cells]  # a spreadsheet would read 1-1 as a date if it were not text
    assert all(c.data_type == "s" and c.number_format == "@" for c in cells)
    page = book["responsibilities"].cell(row=2, column=header.index("notice_id") + 1)
    assert page.data_type == "s"


def test_tasks_sheet_is_the_tasks_table(written):
    book, tables = written
    header, rows = _rows(book["任务分工"])
    assert list(header) == list(tables["tasks"].columns)
    expected = tables["tasks"].astype(object).where(tables["tasks"].notna(), None).values.tolist()
    assert [list(r) for r in rows] == expected


def test_per_unit_sheet_holds_exactly_the_responsibilities(written):
    book, tables = written
    header, rows = _rows(book["按单位"])
    at = {name: header.index(name) for name in ("unit", "role", "notice_id", "clause_id", "title")}
    got = [(r[at["unit"]], r[at["role"]], r[at["notice_id"]], r[at["clause_id"]]) for r in rows]
    resp = tables["responsibilities"]
    assert len(got) == len(set(got))
    assert set(got) == set(zip(resp["unit"], resp["role"], resp["notice_id"], resp["clause_id"], strict=True))
    # Grouped by unit: all of one unit's rows together, lead before support before responsible.
    units = [g[0] for g in got]
    assert units == sorted(units, key=units.index)
    titles = {(n, c): t for n, c, t in zip(tables["tasks"]["notice_id"], tables["tasks"]["clause_id"], tables["tasks"]["title"], strict=True)}
    assert all(r[at["title"]] == titles[(r[at["notice_id"]], r[at["clause_id"]])] for r in rows if r[at["title"]] is not None)
    # 市司法局 in the Changzhou notice, read from the notice (lines 370, 477, 549, 935, 1124 of the text).
    sifa = [(g[1], g[3]) for g in got if g[0] == "市司法局" and g[2] == "changzhou-2019-credit-task-division"]
    assert sifa == [("lead", "A3-7-T4"), ("support", "A1-5"), ("support", "A3-2-5"), ("responsible", "A2-1-2"), ("responsible", "A2-2-2")]


def test_sheet_layout_frozen_filtered_fitted_wrapped(written):
    book, _ = written
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), sheet.title
        assert all(c.alignment.wrap_text for c in sheet[2]) or sheet.max_row == 1
    sheet = book["按单位"]
    header, rows = _rows(sheet)
    for name in ("unit", "clause_id", "text"):
        widest = max(display_width(str(r[header.index(name)] or "")) for r in rows + [header])
        assert _width(sheet, header.index(name) + 1) == pytest.approx(min(60, max(6, widest + 2)), abs=1), name


def _width(sheet, column: int) -> float:
    """A sheet and a 1-based column -> its width (openpyxl keeps runs of equal widths as one range)."""
    return next(d.width for d in sheet.column_dimensions.values() if d.min <= column <= d.max)


def test_display_width_counts_chinese_double():
    assert display_width("市公安局") == 8 and display_width("A1-2") == 4 and display_width("ab\n市") == 2


def test_chinese_headers_in_csv_and_xlsx(tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(SAMPLE), "--out", str(out), "--headers", "zh", "--xlsx"]) == 0
    assert (out / "tasks.csv").read_text(encoding="utf-8-sig").splitlines()[0] == \
        "通知编号,条目编号,标题,任务内容,牵头单位,配合单位,责任单位,责任领导,完成时限,截止日期,页码"
    assert (out / "units.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")[7:10] == ["牵头次数", "配合次数", "责任次数"]
    book = openpyxl.load_workbook(out / "tables.xlsx")
    assert [c.value for c in book["任务分工"][1]][:5] == ["通知编号", "条目编号", "标题", "任务内容", "牵头单位"]
    assert fengong.read_tables(out)["tasks"].columns[0] == "notice_id"  # Parquet keeps the column names


def test_same_tables_give_the_same_workbook_bytes(tmp_path):
    for name in ("a", "b"):
        assert main(["extract", str(SAMPLE), "--out", str(tmp_path / name), "--xlsx"]) == 0
    assert (tmp_path / "a" / "tables.xlsx").read_bytes() == (tmp_path / "b" / "tables.xlsx").read_bytes()


def test_notices_sheet_is_the_notices_table(tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(SAMPLE), str(LISHAN), "--out", str(out), "--xlsx"]) == 0
    header, rows = _rows(openpyxl.load_workbook(out / "tables.xlsx")["notices"])
    assert list(header) == ["notice_id", "title", "issuer", "doc_number", "date", "jurisdiction", "level", "sha256", "path"]
    cz, lishan = (dict(zip(header, row, strict=True)) for row in rows)
    # Read from the notices: Changzhou's signature date (line 91, under its issuer at line 89); 立山区's 文号 (line 2) and
    # date (line 13).
    assert cz["title"] == "关于印发市级部门落实市政府政务诚信建设等系列文件任务分工的通知"
    assert (cz["date"].date().isoformat(), cz["jurisdiction"], cz["level"]) == ("2019-04-16", "常州市", "city")
    assert (lishan["doc_number"], lishan["date"].date().isoformat(), lishan["jurisdiction"]) == ("鞍立政发〔2023〕2号", "2023-03-28", "立山区")
    notices = fengong.read_tables(out)["notices"]
    assert [cz["sha256"], lishan["sha256"]] == list(notices["sha256"]) and [cz["path"], lishan["path"]] == list(notices["path"])


def test_the_workbook_is_written_only_when_asked(tmp_path):
    assert main(["extract", str(SAMPLE), "--out", str(tmp_path / "out")]) == 0
    assert not (tmp_path / "out" / "tables.xlsx").exists()
