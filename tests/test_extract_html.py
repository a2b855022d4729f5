"""HTML ingestion: layout tables give their cells' blocks, data tables their rows; malformed pages read linearly."""

import io
import sys
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
