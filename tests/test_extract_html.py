"""HTML ingestion: layout tables give their cells' blocks, data tables their rows; malformed pages read linearly."""

import io
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from fengong.extract.errors import InputError
from fengong.extract.html import html_to_lines
from fengong.normalize.registry import default_registry
from fengong.outputs.write import frame_to_csv_bytes
from fengong.pipeline import paths_to_run, run_to_tables

from cases import CASES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "files"))
import make_hostile_files as hostile  # noqa: E402

GOLDEN = next(c for c in CASES if c.name == "changzhou-2019-credit-task-division") / "expected"


def _texts(page: str) -> list[str]:
    return [ln.text for ln in html_to_lines(page, "n.html")]


@pytest.mark.parametrize("table", ["responsibilities", "clauses", "units", "issues"])
def test_a_notice_inside_a_layout_table_gives_the_tables_of_its_text(tmp_path, table):
    path = hostile.notice_in_layout_table(tmp_path, ROOT / "samples" / "changzhou-2019-published" / "notice.html")
    run = paths_to_run([path], default_registry())
    assert not run.failures, run.failures
    frame = run_to_tables(run)[0][table]
    found = pd.read_csv(io.BytesIO(frame_to_csv_bytes(frame)), dtype=str, keep_default_na=False)
    expected = pd.read_csv(GOLDEN / f"{table}.csv", dtype=str, keep_default_na=False)
    if table == "issues":  # the portal's footer, in the layout table's last cell, is text outside any clause
        footer = found["message"].str.endswith("主办：常州市社会信用体系建设领导小组办公室") & (found["code"] == "unplaced-text")
        assert footer.sum() == 1
        found = found[~footer].reset_index(drop=True)
    drop = [c for c in ("notice_id", "page", "line") if c in expected.columns]
    pd.testing.assert_frame_equal(found.drop(columns=drop), expected.drop(columns=drop))


def test_a_data_table_whose_cell_holds_two_paragraphs_stays_a_table():
    page = ("<table><tr><th>序号</th><th>具体任务</th><th>牵头单位</th></tr>"
            "<tr><td>1</td><td><p>完善制度。</p><p>加强考核。</p></td><td>市发改委</td></tr>"
            "<tr><td>2</td><td><p>推进公开。</p></td><td>市政府办公室</td></tr></table>")
    assert _texts(page) == ["序号\t具体任务\t牵头单位", "1\t完善制度。加强考核。\t市发改委", "2\t推进公开。\t市政府办公室"]


def test_a_data_table_nested_in_a_layout_cell_keeps_its_rows():
    page = ("<table><tr><td>首页 &gt; 通知</td></tr><tr><td><p>附件</p><p>重点人群任务分工</p>"
            "<table><tr><td>序号</td><td>重点人群</td><td>牵头单位</td></tr><tr><td>1</td><td>公务员</td><td>市委组织部</td></tr></table>"
            "<p>（此页无正文）</p></td></tr></table>")
    assert _texts(page) == ["首页 > 通知", "附件", "重点人群任务分工", "序号\t重点人群\t牵头单位", "1\t公务员\t市委组织部", "（此页无正文）"]


def test_a_notice_in_one_cell_with_line_breaks_is_read_as_lines():
    page = "<table><tr><td>附件1：<br>一、基本原则<br>1、依法行政。（牵头单位：市司法局）<br>2、政务公开。</td></tr></table>"
    assert _texts(page) == ["附件1：", "一、基本原则", "1、依法行政。（牵头单位：市司法局）", "2、政务公开。"]


def test_malformed_markup_is_read():
    page = "<p>一、总则<p>1、任务。（牵头单位：<b>市财政局）<div>2、其他</span></table>"
    assert _texts(page) == ["一、总则", "1、任务。（牵头单位：市财政局）", "2、其他"]


def test_nesting_deeper_than_the_parser_reads_is_refused():
    with pytest.raises(InputError, match="nests its elements too deeply"):
        html_to_lines("<div>" * 300 + "1、任务。" + "</div>" * 300, "n.html")


# ---------------------------------------------------------------------------- cells spanning rows and columns
SPANNED_HEAD = ('<tr><th rowspan="2">序号</th><th rowspan="2">重点任务</th><th colspan="2">责任单位</th><th rowspan="2">完成时限</th></tr>'
                "<tr><th>牵头单位</th><th>配合单位</th></tr>")
SPANNED_BODY = ("<tr><td>1</td><td>推进政务服务改革</td><td>市发改委</td><td>市财政局、市教育局</td><td>2024年底</td></tr>"
                "<tr><td>2</td><td>完善社会信用体系</td><td>市商务局</td><td>市统计局</td><td>2024年6月底</td></tr>")


def test_a_cell_spanning_rows_is_repeated_in_each_row_and_one_spanning_columns_is_one_cell():
    # As Word tables are read: a cell merged down rows gives its text to each row, one merged across columns is one cell.
    assert _texts(f"<table>{SPANNED_HEAD}{SPANNED_BODY}</table>")[:3] == [
        "序号\t重点任务\t责任单位\t完成时限", "序号\t重点任务\t牵头单位\t配合单位\t完成时限",
        "1\t推进政务服务改革\t市发改委\t市财政局、市教育局\t2024年底"]


def test_a_data_cell_spanning_rows_gives_its_text_to_each_row():
    page = ("<table><tr><td>序号</td><td>重点人群</td><td>牵头单位</td></tr><tr><td>1</td><td>公务员</td><td rowspan='2'>市委组织部</td></tr>"
            "<tr><td>2</td><td>教师</td></tr><tr><td>3</td><td>律师</td><td>市司法局</td></tr></table>")
    assert _texts(page) == ["序号\t重点人群\t牵头单位", "1\t公务员\t市委组织部", "2\t教师\t市委组织部", "3\t律师\t市司法局"]


def test_a_cell_spanning_rows_after_the_last_cell_of_a_row_keeps_its_column():
    page = ("<table><tr><td>1</td><td>推进改革</td><td rowspan='2'>市发改委</td></tr><tr><td>2</td><td>优化服务</td></tr>"
            "<tr><td rowspan='2' colspan='2'>合并</td><td>市财政局</td></tr><tr><td>市统计局</td></tr></table>")
    assert _texts(page) == ["1\t推进改革\t市发改委", "2\t优化服务\t市发改委", "合并\t市财政局", "合并\t市统计局"]


@pytest.mark.parametrize("head", [SPANNED_HEAD, SPANNED_HEAD.replace("<tr>", "<thead><tr>", 1).replace("</tr><tr>", "</tr></thead><tr>", 1)])
def test_a_web_page_table_whose_header_spans_two_rows_gives_each_unit_column_its_role(tmp_path, head):
    path = tmp_path / "n.html"
    path.write_text(f"<html><body><p>附件</p><p>重点工作任务分解表</p><table>{head}{SPANNED_BODY}</table></body></html>", encoding="utf-8")
    extracted = paths_to_run([path], default_registry()).extracted[0]
    rows = [(r.assignment.clause_id, str(r.assignment.role), r.assignment.unit_raw) for r in extracted.tables.responsibilities]
    assert rows == [("A1-T1", "lead", "市发改委"), ("A1-T1", "support", "市财政局"), ("A1-T1", "support", "市教育局"),
                    ("A1-T2", "lead", "市商务局"), ("A1-T2", "support", "市统计局")]
    assert [(c.title, c.deadline) for c in extracted.notice.clauses] == [("推进政务服务改革", "2024年底"), ("完善社会信用体系", "2024年6月底")]
    assert not [i for i in extracted.tables.issues if i.code == "no-units"]


def test_a_web_page_table_with_a_time_column_split_under_a_header_over_two_rows(tmp_path):
    path = tmp_path / "n.html"
    path.write_text("<p>附件</p><table><tr><td rowspan=2>序号</td><td rowspan=2>重点任务</td><td colspan=2>责任部门</td><td colspan=2>时间</td></tr>"
                    "<tr><td>主责</td><td>协同</td><td>开始</td><td>完成</td></tr>"
                    "<tr><td>1</td><td>推进政务服务改革</td><td>市发改委</td><td>市财政局</td><td>2024年3月</td><td>2024年底</td></tr></table>",
                    encoding="utf-8")
    extracted = paths_to_run([path], default_registry()).extracted[0]
    rows = [(r.assignment.clause_id, str(r.assignment.role), r.assignment.unit_raw) for r in extracted.tables.responsibilities]
    assert rows == [("A1-T1", "lead", "市发改委"), ("A1-T1", "support", "市财政局")]
    assert extracted.notice.clauses[0].deadline == "2024年底"


def test_cells_spanning_many_rows_cost_no_more_than_the_page():
    # 200 long cells spanning 65,534 rows over 5,000 rows would repeat 1 GB of text: repeating stops at a budget,
    # so the lines hold at most a few times the page.
    page = ("<table><tr>" + "".join(f'<td rowspan="65534" colspan="1000">{"市" * 1000}{k}</td>' for k in range(200)) + "</tr>"
            + "<tr><td>1</td></tr>" * 5000 + "</table>")
    started = time.monotonic()
    lines = _texts(page)
    assert time.monotonic() - started < 10
    assert sum(len(line) for line in lines) < 4 * len(page) and len(lines) == 5001


def test_a_lead_written_once_for_two_rows_leads_both_and_the_support_stays_support(tmp_path):
    # Without the spanned cell repeated, the second row's support unit would stand in the lead column.
    path = tmp_path / "n.html"
    path.write_text("<p>附件</p><table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>"
                    "<tr><td>1</td><td>推进政务服务改革</td><td rowspan='2'>市发改委</td><td>市财政局</td></tr>"
                    "<tr><td>2</td><td>完善社会信用体系</td><td>市商务局</td></tr></table>", encoding="utf-8")
    extracted = paths_to_run([path], default_registry()).extracted[0]
    rows = [(r.assignment.clause_id, str(r.assignment.role), r.assignment.unit_raw) for r in extracted.tables.responsibilities]
    assert rows == [("A1-T1", "lead", "市发改委"), ("A1-T1", "support", "市财政局"), ("A1-T2", "lead", "市发改委"), ("A1-T2", "support", "市商务局")]
