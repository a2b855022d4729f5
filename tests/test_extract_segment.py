from pathlib import Path

import pytest

from fengong.extract.parties import clause_to_assignments
from fengong.extract.segment import lines_to_notice
from fengong.extract.text import text_to_lines


def _notice(text: str):
    return lines_to_notice(text_to_lines(text, "n.txt"), "n.txt")


def _ids(notice):
    return [c.clause_id for c in notice.clauses]


COVERING = """关于印发重点工作任务分工的通知

市有关部门：
现将任务分工印发给你们，请认真贯彻落实。

附件：
1、《实施意见》任务分工；
2、重点人群任务分工。

某市信用办
2019 年 4 月 16 日

附件 1：
《实施意见》任务分工
为贯彻落实有关文件，现将任务分工如下：
"""


def test_covering_letter_and_attachment_list_are_not_tasks():
    notice = _notice(COVERING + "一、基本原则\n1、依法行政。（牵头单位：市司法局）\n")
    assert _ids(notice) == ["A1-1-1"]
    assert notice.title == "关于印发重点工作任务分工的通知"
    assert notice.issuer == "某市信用办"
    assert notice.date == "2019-04-16"
    assert notice.attachments == ((1, "《实施意见》任务分工"),)


def test_wrapped_lines_join_without_spaces_even_inside_labels_and_units():
    text = "一、总则\n1、建立联合奖惩系统。依托平台建\n立系统。（牵头单\n位：市发改委\n（市信用办），配合单位：市\n财政局）\n2、加强宣传。（牵头单位：市委宣传部）\n"
    notice = _notice(text)
    first = notice.clauses[0]
    assert first.text == "建立联合奖惩系统。依托平台建立系统。"
    assert first.party_text == "牵头单位：市发改委（市信用办），配合单位：市财政局"
    assert first.title == "建立联合奖惩系统"
    assert first.line == 2
    assert _ids(notice) == ["1-1", "1-2"]


def test_text_under_a_heading_without_number_takes_the_heading_path():
    text = "附件1：\n一、原则\n1、甲任务。（牵头单位：市财政局）\n二、健全保障措施\n加快法规制度建设。逐步完善制度。（牵头单位：市司法局）\n"
    notice = _notice(text)
    assert _ids(notice) == ["A1-1-1", "A1-2"]
    clause = notice.clauses[1]
    assert (clause.section, clause.item, clause.title, clause.section_title) == (2, None, "加快法规制度建设", "健全保障措施")


def test_numbering_gap_keeps_printed_numbers_and_is_reported():
    notice = _notice("一、甲\n1、任务一。（牵头单位：市财政局）\n2、任务二。（牵头单位：市财政局）\n4、任务四。（牵头单位：市财政局）\n")
    assert _ids(notice) == ["1-1", "1-2", "1-4"]
    gaps = [i for i in notice.issues if i.code == "numbering-gap"]
    assert len(gaps) == 1 and gaps[0].clause_id == "1-4" and gaps[0].line == 4


def test_a_gap_in_numbers_running_on_across_sections_names_the_number_before():
    text = ("一、甲\n1.任务。（牵头单位：市财政局）\n2.任务。（牵头单位：市财政局）\n3.任务。（牵头单位：市财政局）\n"
            "二、乙\n5.任务。（牵头单位：市商务局）\n6.任务。（牵头单位：市商务局）\n")
    notice = _notice(text)
    assert _ids(notice) == ["1-1", "1-2", "1-3", "2-5", "2-6"]
    gaps = [(i.clause_id, i.message, i.line) for i in notice.issues if i.code == "numbering-gap"]
    assert gaps == [("2-5", "二、: 5. follows 3. (numbered on from the section before); expected 4", 6)]


def test_deeper_levels_append_to_the_path():
    text = "一、甲\n（一）乙\n1.丙\n（1）任务。（责任单位：市财政局）\n（2）任务。（责任单位：市审计局）\n2.任务。（责任单位：市统计局）\n（二）任务。（责任单位：市民政局）\n"
    notice = _notice(text)
    assert _ids(notice) == ["1-1-1-1", "1-1-1-2", "1-1-2", "1-2"]
    assert notice.clauses[0].section == 1 and notice.clauses[0].item == "1-1-1"


def test_unclosed_bracket_never_swallows_the_next_clause():
    notice = _notice("一、甲\n1、任务一。（牵头单位：市财政局，配合单位：市审计局\n2、任务二。（牵头单位：市统计局）\n")
    assert _ids(notice) == ["1-1", "1-2"]
    assert notice.clauses[0].party_text == "牵头单位：市财政局，配合单位：市审计局"
    assert notice.clauses[1].party_text == "牵头单位：市统计局"


def test_page_numbers_are_not_text():
    notice = _notice("一、甲\n1、任务一，继续\n\n— 3 —\n\n写完。（牵头单位：市财政局）\n- 4 -\n第5页\n2、任务二。（牵头单位：市统计局）\n")
    assert notice.clauses[0].text == "任务一，继续写完。"
    assert _ids(notice) == ["1-1", "1-2"]


TABLE = """附件1：
七、重点人群信用建设任务分工
序号 重点人群 牵头单位
1 公务员
市委组织部、市公务员管理
局
2 事业单位工作人员 市人社局
3
企业法定代表人及相关责
任人 
市市场监督管理局


序号 重点人群 牵头单位
4 律师 市司法局
附件2：
一、甲
1、任务。（牵头单位：市财政局）
"""


def test_table_rows_with_wrapped_cells_and_repeated_header():
    notice = _notice(TABLE)
    assert _ids(notice) == ["A1-7-T1", "A1-7-T2", "A1-7-T3", "A1-7-T4", "A2-1-1"]
    rows = notice.clauses[:4]
    assert [r.title for r in rows] == ["公务员", "事业单位工作人员", "企业法定代表人及相关责任人", "律师"]
    assert [r.party_text for r in rows] == ["市委组织部、市公务员管理局", "市人社局", "市市场监督管理局", "市司法局"]
    assert [r.row for r in rows] == [1, 2, 3, 4]
    assert rows[0].section_title == "重点人群信用建设任务分工"


def test_duplicate_title_within_an_attachment():
    notice = _notice("附件1：\n一、甲\n1、完善体系。甲。（牵头单位：市财政局）\n2、完善体系。乙。（牵头单位：市财政局）\n附件2：\n一、甲\n1、完善体系。丙。（牵头单位：市财政局）\n")
    dups = [i for i in notice.issues if i.code == "duplicate-title"]
    assert [d.clause_id for d in dups] == ["A1-1-2"]


def test_text_without_task_clauses():
    notice = _notice("这是一封普通的信。\n没有任何编号的任务。\n")
    assert notice.clauses == ()
    assert [i.code for i in notice.issues] == ["no-clauses"]


def test_unnumbered_text_after_an_item_with_units_is_unplaced_not_lost():
    notice = _notice("一、甲\n1、任务。（牵头单位：市财政局）\n\n各单位要高度重视，确保落实到位，此段没有编号也没有单位，应当报告出来。\n")
    assert _ids(notice) == ["1-1"]
    assert [i.code for i in notice.issues] == ["unplaced-text"]


# ---------------------------------------------------------------- complete notices, start to end
# Each notice in tests/files/complete/ was written for the test in one of the genre's usual shapes (a State Council
# 分工意见, a city notice with a plan and a task table, a county plan numbered on across sections, a notice with an
# attachment list, 抄送/印发 lines and page furniture). Its .expected file was read line by line against the notice:
# the clause ids, then one row per unit (clause role position unit [等] [convention]), then the issues.
COMPLETE = sorted((Path(__file__).parent / "files" / "complete").glob("*.txt"))


def _pinned(path: Path) -> str:
    notice = lines_to_notice(text_to_lines(path.read_text(encoding="utf-8"), path.name), path.name)
    rows, issues = [], list(notice.issues)
    for clause in notice.clauses:
        found, problems = clause_to_assignments(clause, notice.first_listed)
        rows += [" ".join([a.clause_id, str(a.role), str(a.position), a.unit_raw] + (["等"] if a.etc_follows else [])
                          + ([str(a.convention)] if a.convention else [])) for a in found]
        issues += problems
    lines = ["ids: " + " ".join(_ids(notice)), *rows, "issues: " + "; ".join(f"{i.code} {i.clause_id} {i.line}" for i in issues)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", COMPLETE, ids=lambda p: p.stem)
def test_a_complete_notice_reads_as_pinned(path):
    assert _pinned(path) == path.with_suffix(".expected").read_text(encoding="utf-8")
