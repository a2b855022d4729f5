import subprocess
from pathlib import Path

import docx
import pytest

from fengong.extract.docx import docx_to_lines
from fengong.extract.errors import InputError
from fengong.extract.office import soffice_path
from fengong.extract.pdf import pdf_to_lines
from fengong.normalize.registry import default_registry
from fengong.pipeline import paths_to_run

FILES = Path(__file__).resolve().parent / "files"


def test_paragraphs_and_table_rows_in_body_order():
    lines = docx_to_lines(FILES / "notice-short.docx")
    assert [ln.text for ln in lines][-4:] == ["二、重点人群分工", "序号\t重点人群\t牵头单位", "1\t公务员\t市委组织部", "2\t律师\t市司法局"]
    assert [ln.line for ln in lines] == list(range(1, len(lines) + 1))
    assert all(ln.page is None for ln in lines)


def test_word_table_rows_become_clauses():
    run = paths_to_run([FILES / "notice-short.docx"], default_registry())
    clauses = run.extracted[0].notice.clauses
    assert [c.clause_id for c in clauses] == ["A1-1-1", "A1-1-2", "A1-2-T1", "A1-2-T2"]
    units = [(r.assignment.clause_id, r.assignment.role, r.unit.canonical) for r in run.extracted[0].tables.responsibilities]
    assert ("A1-2-T2", "lead", "市司法局") in units


@pytest.mark.parametrize("name, reason", [("legacy.doc", "legacy Word .doc"), ("not-a-zip.docx", "not a DOCX file")])
def test_unusable_word_files(name, reason, tmp_path):
    path = FILES / name
    if path.suffix == ".doc":
        # The same bytes under a .docx name: recognised by content, not by name.
        path = tmp_path / "renamed.docx"
        path.write_bytes((FILES / name).read_bytes())
    with pytest.raises(InputError, match=reason):
        docx_to_lines(path)


def test_word_table_with_merged_section_rows_reads_like_its_text(tmp_path):
    """A Word task table: section rows merged across all columns, empty cells, two unit columns, a leader column."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_genre_patterns import TAB_TABLE, _read

    document = docx.Document()
    rows = [line.split("\t") for line in TAB_TABLE.splitlines() if line]
    for line in rows[:2]:
        document.add_paragraph(line[0])
    body = [r for r in rows[2:] if r[0] != "序号"]
    table = document.add_table(rows=1 + len(body), cols=7)
    for k, name in enumerate(rows[2]):
        table.rows[0].cells[k].text = name
    for n, row in enumerate(body, start=1):
        cells = table.rows[n].cells
        if len(row) == 1:
            merged = cells[0].merge(cells[6])
            merged.text = row[0]
        else:
            for k, value in enumerate(row):
                cells[k].text = value
    path = tmp_path / "table.docx"
    document.save(path)
    from_docx = paths_to_run([path], default_registry()).extracted[0]
    from_text = _read(TAB_TABLE)[1]
    assert [(r.assignment.clause_id, r.assignment.role, r.assignment.position, r.assignment.unit_raw) for r in from_docx.tables.responsibilities] == [r[:4] for r in from_text]
    assert [c.clause_id for c in from_docx.notice.clauses] == ["A1-1-T1", "A1-1-T2", "A1-2-T3"]


SPANNED_ROWS = [("1", "推进政务服务改革", "市发改委", "市财政局、市教育局", "2024年底"), ("2", "完善社会信用体系", "市商务局", "市统计局", "2024年6月底")]


def _spanned_docx(tmp_path, merged: bool, upper=("序号", "重点任务", "责任单位", "", "完成时限"), lower=("", "", "牵头单位", "配合单位", ""),
                  rows=tuple(SPANNED_ROWS)):
    """A Word task table whose unit columns sit under one header cell: merged as Word merges cells (the upper cell across
    its columns, the others down both rows), or only drawn so (unmerged cells, the lower ones empty)."""
    document = docx.Document()
    document.add_paragraph("附件")
    table = document.add_table(rows=2 + len(rows), cols=len(upper))
    table.style = "Table Grid"  # ruled, so that its PDF has a ruled table
    for r, row in enumerate([upper, lower, *rows]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    if merged:
        for c, (top, bottom) in enumerate(zip(upper, lower, strict=True)):
            if top and not bottom:
                table.cell(0, c).merge(table.cell(1, c)).text = top
        for c, top in enumerate(upper):
            end = c + 1
            while end < len(upper) and not upper[end]:
                end += 1
            if top and end > c + 1:
                table.cell(0, c).merge(table.cell(0, end - 1)).text = top
    path = tmp_path / "n.docx"
    document.save(path)
    return path


@pytest.mark.parametrize("merged, head", [
    (True, ["序号\t重点任务\t责任单位\t完成时限", "序号\t重点任务\t牵头单位\t配合单位\t完成时限"]),  # merged down: repeated
    (False, ["序号\t重点任务\t责任单位\t\t完成时限", "\t\t牵头单位\t配合单位\t"]),  # drawn only: empty cells
])
def test_a_word_table_whose_header_spans_two_rows_gives_each_unit_column_its_role(tmp_path, merged, head):
    path = _spanned_docx(tmp_path, merged)
    assert [ln.text for ln in docx_to_lines(path)][1:3] == head
    extracted = paths_to_run([path], default_registry()).extracted[0]
    rows = [(r.assignment.clause_id, str(r.assignment.role), r.assignment.unit_raw) for r in extracted.tables.responsibilities]
    assert rows == [("A1-T1", "lead", "市发改委"), ("A1-T1", "support", "市财政局"), ("A1-T1", "support", "市教育局"),
                    ("A1-T2", "lead", "市商务局"), ("A1-T2", "support", "市统计局")]
    assert [(c.title, c.deadline) for c in extracted.notice.clauses] == [("推进政务服务改革", "2024年底"), ("完善社会信用体系", "2024年6月底")]
    assert not [i for i in extracted.tables.issues if i.code == "no-units"]


@pytest.mark.parametrize("merged", [True, False])
def test_a_word_table_with_unit_and_time_columns_split_under_two_header_cells(tmp_path, merged):
    upper, lower = ("序号", "重点任务", "责任分工", "", "时间", ""), ("", "", "牵头单位", "责任单位", "开始", "完成")
    path = _spanned_docx(tmp_path, merged, upper, lower, [("1", "推进政务服务改革", "市发改委", "市财政局", "2024年3月", "2024年底")])
    extracted = paths_to_run([path], default_registry()).extracted[0]
    found = [(r.assignment.clause_id, str(r.assignment.role), r.assignment.unit_raw) for r in extracted.tables.responsibilities]
    assert found == [("A1-T1", "lead", "市发改委"), ("A1-T1", "responsible", "市财政局")]
    assert extracted.notice.clauses[0].deadline == "2024年底"


@pytest.mark.parametrize("merged", [True, False])
def test_the_word_table_printed_to_pdf_reads_the_same(tmp_path, merged):
    # A PDF's ruled table keeps a spanning cell's columns as empty cells, whether or not Word merged the cells.
    path = _spanned_docx(tmp_path, merged)
    subprocess.run([soffice_path(), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "n.pdf"
    assert [ln.text for ln in pdf_to_lines(pdf)[0]][1:3] == ["序号\t重点任务\t责任单位\t\t完成时限", "\t\t牵头单位\t配合单位\t"]
    extracted = paths_to_run([pdf], default_registry()).extracted[0]
    rows = [(r.assignment.clause_id, str(r.assignment.role), r.assignment.unit_raw) for r in extracted.tables.responsibilities]
    assert rows == [("A1-T1", "lead", "市发改委"), ("A1-T1", "support", "市财政局"), ("A1-T1", "support", "市教育局"),
                    ("A1-T2", "lead", "市商务局"), ("A1-T2", "support", "市统计局")]


# ---------------------------------------------------------------------------- hostile packages, hidden text

import sys  # noqa: E402

from docx.oxml import parse_xml  # noqa: E402

from fengong.extract.docx import docx_bytes_to_lines  # noqa: E402

sys.path.insert(0, str(FILES))
import make_hostile_files as hostile  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("honest, reason", [
    (True, r"inflates 1,008 times \(to 90 MB\), more than the limit of 100 times: a ZIP bomb"),  # its directory says 90 MB from 90 KB: refused before inflating
    (False, "Bad CRC-32"),  # its directory lies (100 KB): inflating stops at the size it claims
])
def test_zip_bomb_is_refused(tmp_path, honest, reason):
    path = hostile.zip_bomb_docx(tmp_path, megabytes=90, honest=honest)
    with pytest.raises(InputError, match=reason):
        docx_bytes_to_lines(path.read_bytes(), "bomb.docx")


@pytest.mark.parametrize("external", [True, False])
def test_a_dtd_is_refused_rather_than_text_dropped_after_an_entity(tmp_path, external):
    path = hostile.docx_with_entity(tmp_path, external=external)
    with pytest.raises(InputError, match="word/document.xml' declares a DTD"):
        docx_bytes_to_lines(path.read_bytes(), "n.docx")


def _docx_with(tmp_path, *fragments: str):
    document = docx.Document()
    document.add_paragraph("附件1：")
    body = document.element.body
    for fragment in fragments:
        body.insert(len(body) - 1, parse_xml(fragment))  # before the section properties, which end the body
    path = tmp_path / "n.docx"
    document.save(path)
    return docx_bytes_to_lines(path.read_bytes(), "n.docx")


def test_text_in_content_controls_insertions_fields_and_text_boxes_is_read(tmp_path):
    lines, issues = _docx_with(
        tmp_path,
        f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>一、总则</w:t></w:r></w:p></w:sdtContent></w:sdt>',
        f'<w:p {W}><w:r><w:t>1、依法行政。</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>（牵头单位：</w:t></w:r></w:ins>'
        '<w:fldSimple w:instr="MERGEFIELD x"><w:r><w:t>市司法局</w:t></w:r></w:fldSimple><w:r><w:t>）</w:t></w:r></w:p>',
        f'<w:p {W}><w:r><w:t>2、政务公开。</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p>'
        '</w:txbxContent></w:pict></w:r></w:p>',
    )
    assert [ln.text for ln in lines] == ["附件1：", "一、总则", "1、依法行政。（牵头单位：市司法局）", "2、政务公开。", "文本框里的字"]
    assert issues == ()


def test_text_in_a_structure_not_read_is_reported(tmp_path):
    lines, issues = _docx_with(tmp_path, f'<w:unknownBlock {W}><w:p><w:r><w:t>看不见的文字</w:t></w:r></w:p></w:unknownBlock>')
    assert [ln.text for ln in lines] == ["附件1："]
    assert [(i.code, i.code.severity) for i in issues] == [("damaged-page", "error")] and "6 of 10 characters" in issues[0].message


def test_a_cell_merged_down_rows_gives_its_text_to_each_row(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate([("序号", "重点人群", "牵头单位"), ("1", "公务员", "市委组织部"), ("2", "教师", ""), ("3", "律师", "市司法局")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 2).merge(table.cell(2, 2))  # 市委组织部 leads rows 1 and 2
    path = tmp_path / "n.docx"
    document.save(path)
    assert [ln.text for ln in docx_to_lines(path)] == ["序号\t重点人群\t牵头单位", "1\t公务员\t市委组织部", "2\t教师\t市委组织部", "3\t律师\t市司法局"]


def test_huge_spans_and_long_merged_columns_are_read_in_linear_time(tmp_path):
    rows = "".join(f'<w:tr><w:tc><w:p><w:r><w:t>{n}</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="99999"/>'
                   f'<w:vMerge{"" if n else " w:val=" + chr(34) + "restart" + chr(34)}/></w:tcPr><w:p><w:r><w:t>市司法局</w:t></w:r></w:p></w:tc></w:tr>'
                   for n in range(3000))
    lines, issues = _docx_with(tmp_path, f"<w:tbl {W}>{rows}</w:tbl>")
    assert len(lines) == 3001 and lines[-1].text == "2999\t市司法局" and issues == ()
