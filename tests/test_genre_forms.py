"""Forms of the genre read from two general things, bodies and role cues, each with an example of its own.

Every example here is written for the test (not copied from a sample), in the way notices of the genre write it.
"""

import opencc
import pytest

from fengong.extract import genre
from fengong.extract.paragraphs import two_row_header
from fengong.extract.parties import clause_to_assignments, party_text_to_party
from fengong.extract.segment import lines_to_notice
from fengong.extract.text import text_to_lines
from fengong.normalize.jurisdiction import NATIONAL, Jurisdiction, Level
from fengong.normalize.registry import default_registry

_S2T = opencc.OpenCC("s2t")


def _read(text: str):
    notice = lines_to_notice(text_to_lines(text, "n.txt"), "n.txt")
    rows, issues = [], list(notice.issues)
    for clause in notice.clauses:
        found, problems = clause_to_assignments(clause, notice.first_listed)
        rows.extend((a.clause_id, str(a.role), a.unit_raw, a.convention) for a in found)
        issues.extend(problems)
    return notice, rows, issues


def _roles(party: str) -> list[tuple[str, str]]:
    return [(str(m.role), m.unit_raw) for m in party_text_to_party(party).mentions]


# ---------------------------------------------------------------- one vocabulary
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("label", sorted(genre.ROLE_LABELS))
def test_every_role_label_is_a_table_header_and_an_inline_label(label, script):
    written = _S2T.convert(label) if script == "traditional" else label
    role = genre.ROLE_LABELS[label]
    assert genre.is_header_word(written) and genre.header_column(written) == genre.Column.UNITS
    assert genre.header_role(written) == role
    for form in (f"{written}：市财政局", f"{written}:市财政局", f"【{written}】市财政局"):
        assert [(m.role, m.unit_raw) for m in party_text_to_party(form).mentions] == [(role, "市财政局")], form


@pytest.mark.parametrize("label", genre.LEADER_LABELS)
def test_every_leader_label_names_people_never_units(label):
    party = party_text_to_party(f"{label}：张明、李华；牵头单位：市财政局")
    assert party.leaders == ("张明", "李华") and [m.unit_raw for m in party.mentions] == ["市财政局"]


# ---------------------------------------------------------------- the two bugs of the restructuring issue
@pytest.mark.parametrize("lead, support", [("主办单位", "协办单位"), ("牵头责任单位", "协同责任单位"), ("牵头部门", "配合部门")])
def test_a_table_without_serials_reads_every_role_header(lead, support):
    text = f"附件\n重点工作\t{lead}\t{support}\n推进信用立法\t市司法局\t市发改委、市人大法工委\n"
    _, rows, _ = _read(text)
    assert [(r[0], r[1], r[2]) for r in rows] == [("A1-T1", "lead", "市司法局"), ("A1-T1", "support", "市发改委"),
                                                  ("A1-T1", "support", "市人大法工委")]


@pytest.mark.parametrize("pair", ["[]", "（）", "〔〕", "【】", "［］"])
def test_a_label_bracket_wrapped_over_lines_keeps_every_unit(pair):
    opening, closing = pair
    _, rows, issues = _read(f"一、总则\n1、加强政务诚信建设。{opening}牵头单位：市发改委\n配合单位：市财政局{closing}\n")
    assert [(r[1], r[2]) for r in rows] == [("lead", "市发改委"), ("support", "市财政局")]
    assert not [i for i in issues if i.code == "unclosed-bracket"]


# ---------------------------------------------------------------- role cues around a list of bodies
@pytest.mark.parametrize("party, expected", [
    ("教育部、财政部负责", [("responsible", "教育部"), ("responsible", "财政部")]),
    ("统计局、人力社保局负责落实", [("responsible", "统计局"), ("responsible", "人力社保局")]),
    ("民政部、卫生健康委按职责分工负责", [("responsible", "民政部"), ("responsible", "卫生健康委")]),
    ("交通运输部、公安部分别负责", [("responsible", "交通运输部"), ("responsible", "公安部")]),
    ("外交部牵头，商务部、发展改革委按职责分工负责", [("lead", "外交部"), ("support", "商务部"), ("support", "发展改革委")]),
    ("市科技局牵头，市财政局配合", [("lead", "市科技局"), ("support", "市财政局")]),
    ("市科技局牵头，市财政局负责", [("lead", "市科技局"), ("support", "市财政局")]),
    ("市科技局牵头负责", [("lead", "市科技局")]),
    ("市科技局牵头，市财政局参与", [("lead", "市科技局"), ("support", "市财政局")]),
    ("生态环境部会同水利部负责", [("lead", "生态环境部"), ("support", "水利部")]),
    ("省人社厅配合省委组织部落实", [("support", "省人社厅"), ("lead", "省委组织部")]),
    ("市住建局、市城管局协同", [("support", "市住建局"), ("support", "市城管局")]),
    ("人力资源社会保障部负责，2024年底前完成", [("responsible", "人力资源社会保障部")]),
    ("市发改委为牵头单位，市财政局为配合单位", [("lead", "市发改委"), ("support", "市财政局")]),
    ("市发改委为主责部门，市财政局为协同部门", [("lead", "市发改委"), ("support", "市财政局")]),
    ("市发改委、市财政局为责任单位", [("responsible", "市发改委"), ("responsible", "市财政局")]),
    ("市发改委牵头；市财政局、市税务局配合", [("lead", "市发改委"), ("support", "市财政局"), ("support", "市税务局")]),
    ("市发改委负责，市财政局配合", [("responsible", "市发改委"), ("support", "市财政局")]),  # 负责 names no lead
    ("市发改委负责牵头，市财政局配合", [("lead", "市发改委"), ("support", "市财政局")]),
    ("各县区政府负责落实，市发改委负责统筹协调", [("responsible", "各县区政府"), ("responsible", "市发改委")]),
    ("市卫生健康委负责指导", [("responsible", "市卫生健康委")]),
    ("市发改委、市财政局牵头，市商务局配合", [("lead", "市发改委"), ("lead", "市财政局"), ("support", "市商务局")]),
])
def test_role_cues_around_bodies(party, expected):
    assert _roles(party) == expected


def test_a_bracket_of_prose_ends_a_clause_and_every_such_bracket_counts():
    text = "一、稳就业\n（一）扩大就业容量。（人力资源社会保障部负责）落实减负稳岗政策。（财政部、税务总局按职责分工负责）\n"
    _, rows, _ = _read(text)
    assert [(r[1], r[2]) for r in rows] == [("responsible", "人力资源社会保障部"), ("responsible", "财政部"), ("responsible", "税务总局")]


@pytest.mark.parametrize("sentence, expected", [
    ("由发展改革委会同财政部、农业农村部研究提出落实意见。", [("lead", "发展改革委"), ("support", "财政部"), ("support", "农业农村部")]),
    ("由商务部会同海关总署等部门组织实施。", [("lead", "商务部"), ("support", "海关总署")]),
    ("由市应急局负责。", [("responsible", "市应急局")]),
    ("由市商务局牵头，市财政局、市税务局参与。", [("lead", "市商务局"), ("support", "市财政局"), ("support", "市税务局")]),
    ("市发改委牵头，市财政局协助。", [("lead", "市发改委"), ("support", "市财政局")]),
    ("由市商务局负责，市财政局配合。", [("responsible", "市商务局"), ("support", "市财政局")]),
    ("市商务局会同市发改委负责。", [("lead", "市商务局"), ("support", "市发改委")]),
])
def test_prose_in_the_text_of_a_clause(sentence, expected):
    _, rows, _ = _read(f"一、甲\n1.完善重要农产品储备制度。{sentence}\n")
    assert [(r[1], r[2]) for r in rows] == expected


@pytest.mark.parametrize("item", ["落实惠企政策。【牵头单位：市发改委】【配合单位：市财政局】",
                                  "落实惠企政策。\n牵头单位：市发改委；配合单位：市财政局。完成时限：2024年6月底",
                                  "落实惠企政策。\n时间节点：2024年6月底\n牵头部门：市发改委\n配合部门：市财政局"])
def test_labels_in_brackets_of_their_own_or_on_lines_below_the_task(item):
    _, rows, _ = _read(f"一、甲\n1、{item}\n")
    assert rows == [("1-1", "lead", "市发改委", None), ("1-1", "support", "市财政局", None)]


def test_a_label_alone_on_its_line_takes_the_units_on_the_next():
    _, rows, issues = _read("一、甲\n1、完善信用体系。\n责任单位：\n市发改委、市财政局\n2、推进改革。（责任单位：市商务局）\n")
    assert rows == [("1-1", "responsible", "市发改委", None), ("1-1", "responsible", "市财政局", None),
                    ("1-2", "responsible", "市商务局", None)]
    assert not issues


def test_words_that_are_not_bodies_give_no_prose_assignment():
    # 加强监督检查负责 is not a list of bodies: no unit is made up from it.
    _, rows, issues = _read("一、甲\n1.完善制度。（加强监督检查负责）\n")
    assert rows == [] and [i.code for i in issues] == ["no-units"]


# ---------------------------------------------------------------- conventions stated once
@pytest.mark.parametrize("statement", ["列第一位的责任单位为牵头单位", "排在第一位的部门为牵头部门", "各项任务中第一个单位为牵头单位",
                                       "列在首位的为牵头单位"])
def test_first_listed_is_lead_in_its_wordings(statement):
    text = (f"关于印发重点工作责任分解的通知\n各部门：\n责任分解中，{statement}。\n某市人民政府办公室\n2024年3月1日\n"
            "一、甲\n1.任务。（责任单位：市教育局、市体育局）\n")
    _, rows, _ = _read(text)
    assert rows == [("1-1", "lead", "市教育局", "first-listed-is-lead"), ("1-1", "responsible", "市体育局", None)]


def test_a_standing_rule_adds_its_units_to_every_later_clause():
    text = ("一、支持企业\n1.减免房租。（责任单位：市国资委、市财政局，各县区人民政府。以下各项措施均需各县区人民政府落实，不再单独列出）\n"
            "2.降低用电成本。（责任单位：市发展改革委）\n3.缓缴社保。（责任单位：市人社局）\n")
    _, rows, _ = _read(text)
    assert ("1-2", "responsible", "各县区人民政府", "standing-rule") in rows
    assert ("1-3", "responsible", "各县区人民政府", "standing-rule") in rows
    assert [r for r in rows if r[0] == "1-1"] == [("1-1", "responsible", "市国资委", None), ("1-1", "responsible", "市财政局", None),
                                                ("1-1", "responsible", "各县区人民政府", None)]


def test_a_standing_rule_in_the_preamble_holds_for_every_clause():
    text = ("清河区科技创新行动方案\n为建设创新强区，制定本方案。\n以下各项任务均需各街道办事处落实，不再单独列出。\n"
            "一、培育创新主体\n1.实施高企倍增计划。（区科技局负责）\n2.建设研发机构。（区工业和信息化局负责）\n")
    _, rows, _ = _read(text)
    assert rows == [("1-1", "responsible", "区科技局", None), ("1-1", "responsible", "各街道办事处", "standing-rule"),
                    ("1-2", "responsible", "区工业和信息化局", None), ("1-2", "responsible", "各街道办事处", "standing-rule")]


@pytest.mark.parametrize("closing", ["三、工作要求", "三、保障措施", "三、组织保障", "三、组织实施"])
def test_a_closing_section_naming_no_unit_is_no_task(closing):
    text = (f"一、扩大内需\n1.提振消费。（商务部牵头）\n二、发展产业\n1.改造传统产业。\n{closing}\n"
            "（一）加强组织领导。各地区各部门要把落实工作作为重要政治任务。\n（二）强化督促检查。要加强督查，严肃问责。\n")
    notice, rows, issues = _read(text)
    assert [c.clause_id for c in notice.clauses] == ["1-1", "2-1"]
    assert rows == [("1-1", "lead", "商务部", None)]
    assert [(i.code, i.clause_id) for i in issues] == [("no-units", "2-1")]


def test_a_closing_section_that_names_units_keeps_its_clauses():
    text = ("一、扩大内需\n1.提振消费。（商务部牵头）\n二、保障措施\n1.加强组织领导。（国务院办公厅负责）\n2.强化督查。\n")
    notice, rows, issues = _read(text)
    assert [c.clause_id for c in notice.clauses] == ["1-1", "2-1", "2-2"]
    assert [(i.code, i.clause_id) for i in issues] == [("no-units", "2-2")]


def test_a_unit_named_twice_for_one_role_in_one_clause_is_one_row():
    text = ("一、稳定市场\n1.推动房地产市场止跌回稳。（住房城乡建设部牵头）因城施策。（住房城乡建设部、自然资源部按职责分工负责）"
            "构建发展新模式。（住房城乡建设部会同有关部门负责）\n")
    notice, rows, _ = _read(text)
    assert rows == [("1-1", "lead", "住房城乡建设部", None), ("1-1", "responsible", "住房城乡建设部", None),
                    ("1-1", "responsible", "自然资源部", None), ("1-1", "support", "有关部门", None)]
    found, _ = clause_to_assignments(notice.clauses[0])
    assert [(str(a.role), a.position) for a in found] == [("lead", 1), ("responsible", 1), ("responsible", 2), ("support", 1)]


@pytest.mark.parametrize("furniture", ["", "— 7 —\n第7页 共9页\n"])
def test_a_tab_separated_cell_wrapped_onto_a_line_of_its_own_stays_in_its_column(furniture):
    text = ("附件\n序号\t工作任务\t牵头单位\t配合单位\n1\t推进老旧小区改造\t市住房城乡建设局\t各区人民政府\n"
            f"2\t推进完整社区建设\t市住房城乡建设局\t市发展改革委、\n{furniture}市财政局\n3\t建设保障性租赁住房\t市住房保障中心\t各区人民政府\n")
    _, rows, _ = _read(text)
    assert [r[:3] for r in rows if r[0] == "A1-T2"] == [("A1-T2", "lead", "市住房城乡建设局"), ("A1-T2", "support", "市发展改革委"),
                                                       ("A1-T2", "support", "市财政局")]
    assert [r[:3] for r in rows if r[0] == "A1-T3"] == [("A1-T3", "lead", "市住房保障中心"), ("A1-T3", "support", "各区人民政府")]


def test_a_heading_lead_holds_for_the_items_below():
    _, rows, _ = _read("一、扩大开放（市商务局牵头）\n（一）稳外贸。（责任单位：海关）\n（二）稳外资。\n")
    assert ("1-1", "lead", "市商务局", "heading-lead") in rows


def test_a_heading_lead_on_a_label_line_under_the_heading():
    _, rows, _ = _read("一、扩大开放\n牵头单位：市商务局\n（一）稳外贸。（配合单位：海关）\n（二）稳外资。（配合单位：市发改委）\n")
    assert rows == [("1-1", "support", "海关", None), ("1-1", "lead", "市商务局", "heading-lead"),
                    ("1-2", "support", "市发改委", None), ("1-2", "lead", "市商务局", "heading-lead")]


# ---------------------------------------------------------------- notice-wide rules, worded as notices word them
# A notice of two sections and three levels; a rule is put in its covering letter, its attachment's preamble, a
# clause or a note after the list, and each clause is checked (clauses before a rule, after it, naming their own).
PLAN = """泉州市人民政府办公室关于印发2024年重点工作任务分工方案的通知
各县（市、区）人民政府，市直各单位：
现将《2024年重点工作任务分工方案》印发给你们，请认真贯彻落实。{letter}
泉州市人民政府办公室
2024年3月1日
附件
2024年重点工作任务分工方案
为推动各项任务落实，制定本方案。{preamble}
一、推动产业升级
（一）实施技改专项行动。（{first}）
（二）培育数字经济。（责任单位：市数据局）
二、扩大有效投资
（一）推进重大项目建设。
1.开工省重点项目。（责任单位：市发改委、市住建局）
2.加快城市更新。（牵头单位：市住建局；配合单位：市财政局）
{note}"""
FIRST = "责任单位：市工信局、市财政局、各县（市、区）人民政府"


def _plan(where: str, statement: str, first: str = FIRST) -> str:
    places = {"letter": "", "preamble": "", "note": ""}
    places[where] = f"注：{statement}。" if where == "note" else statement + "。"
    return PLAN.format(first=first, **places)


def _first_listed_rows(others: str, lone: str) -> list[tuple[str, str, str, str | None]]:
    convention = "first-listed-is-lead"
    rest = convention if others != "responsible" else None
    lone_row = ("A1-1-2", "lead", "市数据局", convention) if lone == "lead" else ("A1-1-2", "responsible", "市数据局", None)
    return [("A1-1-1", "lead", "市工信局", convention), ("A1-1-1", others, "市财政局", rest),
            ("A1-1-1", others, "各县（市、区）人民政府", rest), lone_row,
            ("A1-2-1-1", "lead", "市发改委", convention), ("A1-2-1-1", others, "市住建局", rest),
            ("A1-2-1-2", "lead", "市住建局", None), ("A1-2-1-2", "support", "市财政局", None)]


@pytest.mark.parametrize("where", ["letter", "preamble", "note"])
@pytest.mark.parametrize("statement, others, lone", [
    ("列第一位的为牵头单位", "responsible", "lead"),
    ("排在第一位的单位为牵头单位", "responsible", "lead"),
    ("排名第一的为牵头单位", "responsible", "lead"),
    ("列首位的单位为牵头单位", "responsible", "lead"),
    ("第一个单位为牵头单位", "responsible", "lead"),
    ("责任单位排名第一位的为牵头单位", "responsible", "lead"),
    ("排序第一的单位为牵头单位", "responsible", "lead"),
    ("位列第一的为牵头单位", "responsible", "lead"),
    ("排在第1位的单位为牵头单位", "responsible", "lead"),
    ("排在最前面的单位为牵头单位", "responsible", "lead"),
    ("牵头单位排在第一位", "responsible", "lead"),
    ("责任单位中排在首位的为牵头单位，其他为配合单位", "support", "lead"),
    ("排在第一位的为牵头单位，其余单位为配合单位", "support", "lead"),
    ("第一个单位为牵头单位，其他单位按职责分工配合", "support", "lead"),
    ("排在第一位的为牵头单位，其他为责任单位", "responsible", "lead"),
    # a rule for lists of several units: a unit named alone stays responsible
    ("多个单位的，第一家为牵头单位", "responsible", "responsible"),
    ("涉及多个部门的，排在第一位的部门为牵头部门", "responsible", "responsible"),
    ("有两个及以上责任单位的，排在第一位的为牵头单位，其他为配合单位", "support", "responsible"),
])
def test_first_listed_is_lead_worded_and_placed_as_notices_do(statement, others, lone, where):
    _, rows, _ = _read(_plan(where, statement))
    assert rows == _first_listed_rows(others, lone)


def test_first_listed_is_lead_in_traditional_characters():
    _, rows, _ = _read(_S2T.convert(_plan("letter", "責任單位中排在首位的為牽頭單位，其他為配合單位")))
    assert [(c, r) for c, r, _, _ in rows] == [(c, r) for c, r, _, _ in _first_listed_rows("support", "lead")]


@pytest.mark.parametrize("table", [
    "序号\t工作任务\t责任单位\n1\t推进老旧小区改造\t市住建局、各区人民政府\n2\t推进完整社区建设\t市发改委\n",
    "序号 工作任务 责任单位\n1 推进老旧小区改造 市住建局、各区人民政府\n2 推进完整社区建设 市发改委\n",
    "序号\n工作任务\n责任单位\n1\n推进老旧小区改造\n市住建局、各区人民政府\n2\n推进完整社区建设\n市发改委\n",
])
def test_a_note_under_a_table_states_the_convention_and_is_no_cell(table):
    # 注：… after the last row is a note of its own: not a wrapped unit cell of that row (其他为配合单位 is no unit).
    _, rows, issues = _read(f"附件\n{table}注：责任单位排在第一位的为牵头单位，其他为配合单位。\n")
    convention = "first-listed-is-lead"
    assert rows == [("A1-T1", "lead", "市住建局", convention), ("A1-T1", "support", "各区人民政府", convention),
                    ("A1-T2", "lead", "市发改委", convention)]
    assert not [i for i in issues if i.code == "unrecognised-unit"]


@pytest.mark.parametrize("party", ["责任单位：市住建局、市发改委，排名第一的为牵头单位", "责任单位：市住建局、市发改委（排名不分先后）"])
def test_a_statement_of_order_inside_a_unit_list_is_no_unit(party):
    _, rows, issues = _read(f"一、甲\n1.推进老旧小区改造。（{party}）\n")
    assert [u for _, _, u, _ in rows] == ["市住建局", "市发改委"] and not issues


@pytest.mark.parametrize("where", ["letter", "preamble", "note"])
@pytest.mark.parametrize("statement", ["排名不分先后", "责任单位排名不分先后", "配合单位排名不分先后", "排在第一位的不一定为牵头单位",
                                       "各单位排名不分先后，不以排序确定牵头单位"])
def test_no_lead_where_the_notice_says_the_order_means_nothing(statement, where):
    _, rows, _ = _read(_plan(where, statement))
    assert [r for r in rows if r[1] == "lead"] == [("A1-2-1-2", "lead", "市住建局", None)]
    assert all(r[3] is None for r in rows)


STANDING = [("以下各项任务均需各县（市、区）政府落实，不再单独列出", ["各县（市、区）政府"], "responsible"),
            ("各项任务均涉及各区政府，不再逐一列出", ["各区政府"], "responsible"),
            ("以下任务均由各县（市、区）人民政府负责落实，不再一一列出", ["各县（市、区）人民政府"], "responsible"),
            ("以下各项工作各区人民政府均为责任单位，不再单独列出", ["各区人民政府"], "responsible"),
            ("各县（市、区）政府为以下所有任务的责任单位，不再逐项列出", ["各县（市、区）政府"], "responsible"),
            ("以下各项任务均涉及各县（市、区）人民政府、市直有关单位，不再逐一列出", ["各县（市、区）人民政府", "市直有关单位"],
             "responsible"),
            ("以下各项均需各街道办事处配合，不再单独列出", ["各街道办事处"], "support")]
_LATER = ["A1-1-2", "A1-2-1-1", "A1-2-1-2"]
_OWN = {"A1-1-2": [("responsible", "市数据局")], "A1-2-1-1": [("responsible", "市发改委"), ("responsible", "市住建局")],
        "A1-2-1-2": [("lead", "市住建局"), ("support", "市财政局")]}


def _rows_of(rows, clause_id: str) -> list[tuple[str, str, str | None]]:
    return [(r, u, c) for cid, r, u, c in rows if cid == clause_id]


@pytest.mark.parametrize("where", ["letter", "preamble"])
@pytest.mark.parametrize("rule, units, role", STANDING)
def test_a_standing_rule_before_the_tasks_adds_its_units_to_every_clause(rule, units, role, where):
    _, rows, issues = _read(_plan(where, rule))
    assert _rows_of(rows, "A1-1-1") == [("responsible", u, None) for u in ("市工信局", "市财政局", "各县（市、区）人民政府")] + \
        [(role, u, "standing-rule") for u in units if u != "各县（市、区）人民政府"]
    for clause_id in _LATER:
        assert _rows_of(rows, clause_id) == [(r, u, None) for r, u in _OWN[clause_id]] + [(role, u, "standing-rule") for u in units]
    assert not [i for i in issues if i.code in ("unrecognised-unit", "no-units")]


@pytest.mark.parametrize("rule, units, role", STANDING)
def test_a_standing_rule_in_a_clause_holds_from_the_next_clause_on(rule, units, role):
    _, rows, issues = _read(_plan("letter", "", first=f"牵头单位：市工信局；配合单位：市财政局。{rule}"))
    assert _rows_of(rows, "A1-1-1") == [("lead", "市工信局", None), ("support", "市财政局", None)]
    for clause_id in _LATER:
        assert _rows_of(rows, clause_id) == [(r, u, None) for r, u in _OWN[clause_id]] + [(role, u, "standing-rule") for u in units]
    assert not [i for i in issues if i.code in ("unrecognised-unit", "no-units")]


@pytest.mark.parametrize("first, carried", [
    ("牵头单位：市工信局；配合单位：市财政局、各县（市、区）人民政府（下同）", [("support", "各县（市、区）人民政府")]),
    ("牵头单位：市工信局；配合单位：市财政局、各县（市、区）人民政府（以下同）", [("support", "各县（市、区）人民政府")]),
    ("牵头单位：市工信局；责任单位：各县（市、区）人民政府，下同", [("responsible", "各县（市、区）人民政府")]),
    ("市工信局牵头，各县（市、区）人民政府负责，下同", [("support", "各县（市、区）人民政府")]),  # X牵头，Y负责: Y supports
    ("牵头单位：市工信局；责任单位：各县（市、区）人民政府、市直有关单位（以下同）", [("responsible", "市直有关单位")]),
    ("牵头单位：市工信局；责任单位：各县（市、区）人民政府，以下不再单独列出", [("responsible", "各县（市、区）人民政府")]),
])
def test_units_marked_same_below_hold_for_every_later_clause(first, carried):
    _, rows, issues = _read(_plan("letter", "", first=first))
    own = _rows_of(rows, "A1-1-1")
    assert all(c is None for _, _, c in own) and ("lead", "市工信局", None) in own
    assert [(r, u) for r, u, _ in own if u in {u for _, u in carried}] == carried
    for clause_id in _LATER:
        added = [(r, u) for r, u, c in _rows_of(rows, clause_id) if c == "standing-rule"]
        assert added == [(r, u) for r, u in carried if (r, u) not in _OWN[clause_id]], clause_id
    assert not [i for i in issues if i.code in ("unrecognised-unit", "no-units")]


def test_a_lead_marked_same_below_leads_only_clauses_that_name_no_lead():
    _, rows, _ = _read(_plan("letter", "", first="牵头单位：市工信局（下同）；配合单位：市财政局"))
    assert [(c, r, u) for c, r, u, conv in rows if conv == "standing-rule"] == [
        ("A1-1-2", "lead", "市工信局"), ("A1-2-1-1", "lead", "市工信局")]


@pytest.mark.parametrize("first", [
    "责任单位：市工信局、各县（市、区）人民政府（含开发区管委会，下同）",  # 下同 of a scope remark, not of the unit
    "责任单位：市工信局。以下工作均需各地认真落实，确保取得实效",  # an exhortation: no units named, nothing held
    "责任单位：市工信局。以下各项任务各县（市、区）人民政府要高度重视",  # no assignment, nothing left unlisted
    "责任单位：市工信局。具体任务均涉及各县（市、区）人民政府，不再做分工",  # the notice says it assigns them nothing
])
def test_wordings_that_are_no_standing_rule_add_nothing(first):
    _, rows, issues = _read(_plan("letter", "", first=first))
    assert not [r for r in rows if r[3] == "standing-rule"]
    assert ("A1-1-1", "responsible", "市工信局", None) in rows and not [i for i in issues if i.code == "unrecognised-unit"]
    assert [(c, r, u) for c, r, u, _ in rows if c != "A1-1-1"] == [(c, r, u) for c in _LATER for r, u in _OWN[c]]


def test_a_standing_rule_before_the_first_clause_of_the_rule_reaches_no_clause_before_it():
    text = _plan("letter", "").replace("（二）培育数字经济。（责任单位：市数据局）",
                                       "（二）培育数字经济。（责任单位：市数据局。以下各项均需各区政府落实，不再单独列出）")
    _, rows, _ = _read(text)
    assert [c for c, _, u, conv in rows if conv == "standing-rule"] == ["A1-2-1-1", "A1-2-1-2"]
    assert not [r for r in rows if r[0] in ("A1-1-1", "A1-1-2") and r[2] == "各区政府"]


def test_a_standing_rule_of_one_attachment_stays_in_it():
    text = _plan("preamble", "以下各项任务均需各区政府落实，不再单独列出") + \
        "附件2\n2024年民生实事分工\n一、办好民生实事\n（一）新建学校5所。（责任单位：市教育局）\n"
    _, rows, _ = _read(text)
    assert _rows_of(rows, "A2-1-1") == [("responsible", "市教育局", None)]
    assert ("responsible", "各区政府", "standing-rule") in _rows_of(rows, "A1-2-1-2")


HEADED = """清河区2024年重点工作任务分解方案
{head}
（一）培育高新技术企业。（责任单位：区工信局、各街道办事处）
（二）建设创新平台。推动建设省级研发中心5家。
（三）引进科技人才。（牵头单位：区人社局；配合单位：区教育局）
（四）建设科创园区。（配合单位：区科技局）
二、优化营商环境
（一）深化审批改革。（责任单位：区政务服务中心）
"""


@pytest.mark.parametrize("head", ["一、强化科技创新（区科技局牵头）", "一、强化科技创新（牵头单位：区科技局）",
                                  "一、强化科技创新 牵头单位：区科技局", "一、强化科技创新（责任领导：张三副区长；牵头单位：区科技局）",
                                  "一、强化科技创新\n牵头单位：区科技局", "一、强化科技创新【牵头单位：区科技局】",
                                  "一、强化科技创新（由区科技局牵头）", "一、强化科技创新（牵头部门：区科技局）",
                                  "一、强化科技创新（区科技局牵头负责）"])
def test_a_heading_lead_in_its_wordings_holds_for_items_that_name_no_lead_of_their_own(head):
    # An item's own lead replaces the heading's (it says who leads that item); one naming the heading's lead in another
    # role keeps that role; items under the next heading inherit nothing.
    _, rows, _ = _read(HEADED.format(head=head))
    assert rows == [("1-1", "responsible", "区工信局", None), ("1-1", "responsible", "各街道办事处", None),
                    ("1-1", "lead", "区科技局", "heading-lead"), ("1-2", "lead", "区科技局", "heading-lead"),
                    ("1-3", "lead", "区人社局", None), ("1-3", "support", "区教育局", None),
                    ("1-4", "support", "区科技局", None), ("2-1", "responsible", "区政务服务中心", None)]


def test_a_heading_lead_at_the_second_level_holds_only_under_it():
    text = ("清河区2024年重点工作任务分解方案\n一、强化科技创新\n（一）培育创新主体（牵头单位：区科技局）\n1.培育高新技术企业。（责任单位：区工信局）\n"
            "2.建设创新平台。\n（二）引进人才\n1.引进科技人才。（责任单位：区人社局）\n二、优化营商环境 牵头单位：区发改局\n"
            "（一）深化审批改革。（责任单位：区政务服务中心）\n")
    _, rows, _ = _read(text)
    assert rows == [("1-1-1", "responsible", "区工信局", None), ("1-1-1", "lead", "区科技局", "heading-lead"),
                    ("1-1-2", "lead", "区科技局", "heading-lead"), ("1-2-1", "responsible", "区人社局", None),
                    ("2-1", "responsible", "区政务服务中心", None), ("2-1", "lead", "区发改局", "heading-lead")]


@pytest.mark.parametrize("party", ["各责任单位", "各牵头单位", "上述单位", "以上单位按职责分工负责", "责任单位：各责任单位",
                                   "责任单位：上述单位", "牵头单位：各牵头单位", "配合单位：上述各单位", "责任单位：以上部门",
                                   "责任单位：前述单位"])
def test_units_named_elsewhere_referred_to_are_no_units(party):
    _, rows, issues = _read(f"一、甲\n1.培育高新技术企业。（责任单位：区科技局、区工信局）\n2.建设创新平台。（{party}）\n")
    assert [r for r in rows if r[0] == "1-2"] == []
    assert [(i.code, i.clause_id) for i in issues] == [("no-units", "1-2")]


def test_a_reference_beside_named_units_leaves_the_named_ones():
    _, rows, issues = _read("一、甲\n1.建设创新平台。（牵头单位：区科技局；配合单位：区财政局、上述单位）\n")
    assert rows == [("1-1", "lead", "区科技局", None), ("1-1", "support", "区财政局", None)] and not issues


@pytest.mark.parametrize("party, unit", [("各单位按职责分工负责", "各单位"), ("相关单位按职责分工负责", "相关单位"),
                                         ("责任单位：各单位", "各单位"), ("各有关部门按职责分工负责", "各有关部门")])
def test_a_catch_all_is_a_generic_unit_as_before(party, unit):
    # 各单位 / 相关单位 name a class of bodies (as 各有关部门 does), not units named elsewhere: generic units.
    _, rows, _ = _read(f"一、甲\n1.建设创新平台。（{party}）\n")
    assert rows == [("1-1", "responsible", unit, None)]
    namer = default_registry().for_notice(Jurisdiction("泉州市", Level.CITY))
    assert namer.unit(unit).generic


# ---------------------------------------------------------------- lists
def test_a_suffix_written_once_is_shared_and_a_catch_all_stays_one_unit():
    assert _roles("省交通运输厅、南京、苏州、无锡市政府负责") == [
        ("responsible", "省交通运输厅"), ("responsible", "南京市政府"), ("responsible", "苏州市政府"), ("responsible", "无锡市政府")]
    assert _roles("有关市、县政府负责") == [("responsible", "有关市政府"), ("responsible", "有关县政府")]
    assert _roles("责任单位：各县（市、区）人民政府、市财政局") == [("responsible", "各县（市、区）人民政府"), ("responsible", "市财政局")]
    assert _roles("责任单位：各县、市、区人民政府") == [("responsible", "各县、市、区人民政府")]


def test_zones_before_a_committee_share_it():
    assert _roles("责任单位：江北新区、高新区管委会") == [("responsible", "江北新区管委会"), ("responsible", "高新区管委会")]


def test_a_prefix_shared_in_a_list_places_the_body():
    party = party_text_to_party("省生态环境厅、发展改革委、统计局负责")
    namer = default_registry().for_notice(Jurisdiction("浙江省", Level.PROVINCE))
    units = [namer.unit(m.unit_raw, m.shared_prefix).canonical for m in party.mentions]
    assert units == ["省生态环境厅", "省发展和改革委员会", "省统计局"]
    assert [m.unit_raw for m in party.mentions] == ["省生态环境厅", "发展改革委", "统计局"]


def test_etc_inside_a_list_followed_by_more():
    party = party_text_to_party("省商务厅、省财政厅等部门和各地级以上市人民政府按职责分工负责")
    assert [(m.unit_raw, m.etc_follows) for m in party.mentions] == [("省商务厅", False), ("省财政厅", True), ("各地级以上市人民政府", False)]


@pytest.mark.parametrize("party, expected", [
    ("责任单位：市发改委/市财政局/市商务局", ["市发改委", "市财政局", "市商务局"]),
    ("责任单位：市发改委／市财政局等部门", ["市发改委", "市财政局"]),
    ("责任单位：市发改委 市财政局 市商务局", ["市发改委", "市财政局", "市商务局"]),
    ("责任单位：市发改委；市财政局；市商务局", ["市发改委", "市财政局", "市商务局"]),
    ("责任单位：市发改委、市财政局等单位", ["市发改委", "市财政局"]),
])
def test_units_separated_by_slashes_spaces_and_semicolons(party, expected):
    assert [u for _, u in _roles(party)] == expected
    assert [u for _, u in _roles(_S2T.convert(party))] == [_S2T.convert(u) for u in expected]


def test_bodies_before_a_cue_across_semicolons_take_its_role():
    _, rows, _ = _read("一、甲\n1、降低成本。（市发改委牵头；市财政局；市税务局配合）\n")
    assert [(r[1], r[2]) for r in rows] == [("lead", "市发改委"), ("support", "市财政局"), ("support", "市税务局")]


@pytest.mark.parametrize("joined", ["和", "及", "与"])
def test_two_bodies_joined_by_a_conjunction(joined):
    assert [u for _, u in _roles(f"市民政局{joined}市残联负责")] == ["市民政局", "市残联"]
    assert [u for _, u in _roles("责任单位：市住房和城乡建设局")] == ["市住房和城乡建设局"]


def test_bare_national_names_in_a_state_council_notice():
    namer = default_registry().for_notice(Jurisdiction(NATIONAL, Level.NATIONAL))
    assert [namer.unit(u).canonical for _, u in _roles("教育部、财政部、人力资源社会保障部负责")] == [
        "教育部", "财政部", "人力资源和社会保障部"]


# ---------------------------------------------------------------- tables
def test_a_flattened_table_whose_serial_cells_came_out_empty():
    text = ("附件\n重点工作分解表\n序号\n目标任务\n牵头单位\n责任单位\n"
            "推进老旧小区改造，完成120个小区。\n市住建局\n各区人民政府\n"
            "发展夜间经济，打造特色街区。\n市商务局\n市文广旅局、各区人民政府\n")
    _, rows, _ = _read(text)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("A1-T1", "lead", "市住建局"), ("A1-T1", "responsible", "各区人民政府"),
        ("A1-T2", "lead", "市商务局"), ("A1-T2", "responsible", "市文广旅局"), ("A1-T2", "responsible", "各区人民政府")]


def test_leader_group_rows_and_an_upper_level_lead_in_a_flattened_table():
    text = ("一、省政府工作报告涉及本市任务\n序号\n重点工作任务\n责任单位\n（一）陈刚副市长牵头重点工作\n1*\n"
            "稳定粮食生产，确保播种面积。\n市农业农村局、市粮食局\n省牵头单位：省农业农村厅\n")
    notice, rows, _ = _read(text)
    clause = notice.clauses[0]
    assert clause.clause_id == "1-1-T1" and clause.leaders == ("陈刚",)
    assert [(r[1], r[2], r[3]) for r in rows] == [("responsible", "市农业农村局", None), ("responsible", "市粮食局", None),
                                                  ("lead", "省农业农村厅", "upper-level")]


def test_a_name_run_into_the_cell_before_it_is_split_off():
    text = "附件\n序号 重点人群 牵头单位\n1 餐饮企业法定代表人及主要负责人市市场监督管理局\n2 律师 市司法局\n"
    notice, rows, _ = _read(text)
    assert [(r[0], r[2]) for r in rows] == [("A1-T1", "市市场监督管理局"), ("A1-T2", "市司法局")]
    assert notice.clauses[0].text == "餐饮企业法定代表人及主要负责人"


# ---------------------------------------------------------------- excerpts
def test_a_clause_cut_off_keeps_its_row_and_is_reported_without_a_guessed_unit():
    text = "一、甲\n1.加快数字政府建设。（牵头单位：市大数据局，配合单位：市发\n[…]\n"
    notice, rows, issues = _read(text)
    assert [c.clause_id for c in notice.clauses] == ["1-1"]
    assert rows == [("1-1", "lead", "市大数据局", None)]
    assert "cut-off" in {i.code for i in issues}


@pytest.mark.parametrize("party, expected", [
    ("主要责任单位：市发改委；其他责任单位：市财政局、市统计局", [("lead", "市发改委"), ("responsible", "市财政局"), ("responsible", "市统计局")]),
    ("牵头单位（部门）：区住建局；配合单位（部门）：区财政局", [("lead", "区住建局"), ("support", "区财政局")]),
    ("牵头责任部门：区住建局 协助单位：区财政局", [("lead", "区住建局"), ("support", "区财政局")]),
    ("责任主体：各县（市、区）人民政府", [("responsible", "各县（市、区）人民政府")]),
    ("主责部门：市发改委；协同部门：市财政局；参与部门：市商务局", [("lead", "市发改委"), ("support", "市财政局"), ("support", "市商务局")]),
    ("牵头单位 ：市发改委；配合单位 ：市财政局", [("lead", "市发改委"), ("support", "市财政局")]),
    ("【牵头单位】市发改委【配合单位】市财政局", [("lead", "市发改委"), ("support", "市财政局")]),
    ("责任单位（部门）：市发改委、市财政局", [("responsible", "市发改委"), ("responsible", "市财政局")]),
])
def test_label_variants(party, expected):
    assert _roles(party) == expected


@pytest.mark.parametrize("party, expected", [
    ("责任单位：市发改委（牵头）、市财政局、市商务局", [("lead", "市发改委"), ("responsible", "市财政局"), ("responsible", "市商务局")]),
    ("责任单位：市发改委(牵头)，市财政局", [("lead", "市发改委"), ("responsible", "市财政局")]),
    ("责任单位：市教育局（主责）、市体育局", [("lead", "市教育局"), ("responsible", "市体育局")]),
    ("责任单位：市教育局、市体育局（配合）", [("responsible", "市教育局"), ("support", "市体育局")]),
])
def test_a_role_marked_inside_a_list(party, expected):
    assert _roles(party) == expected
    traditional = [(role, _S2T.convert(unit)) for role, unit in expected]
    assert _roles(_S2T.convert(party)) == traditional


@pytest.mark.parametrize("party, expected", [
    ("牵头单位：市发改委市财政局", ["市发改委", "市财政局"]),  # a table cell of two lines, joined without a separator
    ("责任单位：区发改局区财政局区统计局", ["区发改局", "区财政局", "区统计局"]),
    ("责任单位：市公安局交警支队", ["市公安局交警支队"]),  # one body, though it opens with another
    ("责任单位：市委组织部", ["市委组织部"]),
])
def test_names_run_together_are_split_only_into_known_bodies(party, expected):
    assert [u for _, u in _roles(party)] == expected


# ---------------------------------------------------------------- tab-separated tables (DOCX/PDF ingestion)
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("header, row, expected", [
    ("序号\t重点任务\t责任单位\t责任领导\t时间节点", "1\t推进政务服务改革\t市发改委、市财政局\t张明\t2024年6月底",
     [("responsible", "市发改委"), ("responsible", "市财政局")]),
    ("序号\t工作任务\t责任单位\t完成时限", "1\t推进政务服务改革\t市发改委（牵头）、市财政局\t2024年6月底",
     [("lead", "市发改委"), ("responsible", "市财政局")]),
    ("序号\t工作任务\t牵头单位\t配合单位\t完成时限", "1\t推进政务服务改革\t市发改委\t\t2024年6月底", [("lead", "市发改委")]),
    # 主要责任单位 leads only against other unit columns; alone it names the units responsible.
    ("序号\t具体措施\t主要责任单位\t完成时间", "1\t推进政务服务改革\t市商务局、市财政局\t2024年12月底前",
     [("responsible", "市商务局"), ("responsible", "市财政局")]),
])
def test_a_tab_separated_table_with_one_unit_column_and_a_deadline(header, row, expected, script):
    text = f"附件\n{header}\n{row}\n"
    if script == "traditional":
        text, expected = _S2T.convert(text), [(role, _S2T.convert(unit)) for role, unit in expected]
    notice, rows, issues = _read(text)
    assert [(r[0], r[1], r[2]) for r in rows] == [("A1-T1", role, unit) for role, unit in expected]
    assert notice.clauses[0].deadline is not None and not issues


def test_serials_restarting_under_section_rows_give_each_section_its_rows():
    text = ("附件\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n一、优化营商环境\n1\t简化审批流程\t市发改委\t市财政局\t2024年6月底\n"
            "2\t建立信用档案\t市商务局\t市统计局\t2024年12月底前\n二、扩大有效投资\n1\t开工重点项目\t市住建局\t各县区政府\t2024年12月底前\n")
    _, rows, issues = _read(text)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("A1-1-T1", "lead", "市发改委"), ("A1-1-T1", "support", "市财政局"), ("A1-1-T2", "lead", "市商务局"),
        ("A1-1-T2", "support", "市统计局"), ("A1-2-T1", "lead", "市住建局"), ("A1-2-T1", "support", "各县区政府")]
    assert not issues


def test_serials_restarting_under_section_lines_of_a_flattened_table():
    text = ("附件\n序号\n工作任务\n牵头单位\n配合单位\n一、优化营商环境\n1\n简化审批流程\n市发改委\n市财政局\n"
            "二、扩大有效投资\n1\n开工重点项目\n市住建局\n各县区政府\n")
    _, rows, issues = _read(text)
    assert [(r[0], r[1], r[2]) for r in rows] == [("A1-1-T1", "lead", "市发改委"), ("A1-1-T1", "support", "市财政局"),
                                                  ("A1-2-T1", "lead", "市住建局"), ("A1-2-T1", "support", "各县区政府")]
    assert not issues


def test_a_space_separated_table_with_one_unit_column_and_a_deadline():
    text = "附件\n序号 工作任务 责任单位 完成时限\n1 推进政务服务改革 市发改委、市财政局 2024年6月底\n2 完善信用体系 市商务局 长期坚持\n"
    notice, rows, issues = _read(text)
    assert [(r[0], r[1], r[2]) for r in rows] == [("A1-T1", "responsible", "市发改委"), ("A1-T1", "responsible", "市财政局"),
                                                  ("A1-T2", "responsible", "市商务局")]
    assert [c.deadline for c in notice.clauses] == ["2024年6月底", "长期坚持"] and not issues


# ---------------------------------------------------------------- precision: words and names that assign nobody
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("item, expected", [
    # role words used as ordinary words in the task text; the label alone assigns
    ("建立牵头单位负责制，加强统筹调度。（牵头单位：市发改委）", [("lead", "市发改委")]),
    ("落实责任单位主体责任。（责任单位：市工信局）", [("responsible", "市工信局")]),
    ("各配合单位要积极支持。（牵头单位：市商务局；配合单位：市财政局）", [("lead", "市商务局"), ("support", "市财政局")]),
    ("实行牵头领导负责制，明确责任部门和完成时限。（责任单位：市科技局）", [("responsible", "市科技局")]),
    ("由牵头部门定期调度工作进展。（牵头单位：市住建局）", [("lead", "市住建局")]),
    # bodies as objects of the task, not its actors
    ("支持市发改委开展项目储备，及时向市政府报告。（责任单位：区发改局）", [("responsible", "区发改局")]),
    ("编制规划报市委、市政府审定，经区政府同意后实施。（责任单位：区自然资源局）", [("responsible", "区自然资源局")]),
    ("争取国家发展改革委支持，加强与省财政厅对接。（责任单位：区财政局）", [("responsible", "区财政局")]),
    ("支持龙头企业牵头组建创新联合体。（责任单位：市科技局）", [("responsible", "市科技局")]),
    # people beside a label, places and projects in the text, a time frame after the units
    ("推进老旧小区改造。牵头领导：李四；责任单位：区住建局", [("responsible", "区住建局")]),
    ("提升医疗水平。责任人：王五（局长）；责任单位：区卫健局", [("responsible", "区卫健局")]),
    ("2024年6月底前完成XX路改造。（责任单位：县住建局，2024年6月底前）", [("responsible", "县住建局")]),
    ("持续推进XX公园建设。（责任单位：县城管局，持续推进）", [("responsible", "县城管局")]),
    ("推进XX集团投资建设的光伏发电项目和县疾控中心实验室、县农科所试验基地建设。（责任单位：县发改局）",
     [("responsible", "县发改局")]),
    ("推进高新技术产业开发区（以下简称高新区）建设。（责任单位：高新区管委会）", [("responsible", "高新区管委会")]),
    ("落实各项政策（具体见附件）。（责任单位：市财政局）", [("responsible", "市财政局")]),
])
def test_role_words_and_bodies_in_the_task_text_assign_nobody(item, expected, script):
    text = f"一、甲\n1、{item}\n"
    if script == "traditional":
        text, expected = _S2T.convert(text), [(role, _S2T.convert(unit)) for role, unit in expected]
    _, rows, _ = _read(text)
    assert [(r[1], r[2]) for r in rows] == expected


@pytest.mark.parametrize("item", ["支持市发改委开展项目储备工作。", "及时向市政府报告工作进展。", "市政府将对落实情况进行督查。",
                                  "各地区各部门要高度重视。", "市政府办公室将会同有关部门加强督查。", "张三副市长牵头。",
                                  "配合市发改委做好项目申报。", "积极参与国家发展改革委组织的试点。", "完善制度建设（具体见附件）。",
                                  "建立由市发改委牵头、各部门参与的联席会议制度。", "各牵头单位负责统筹协调，各配合单位按职责分工负责。",
                                  "建立工作专班，由市政府负责同志牵头协调。", "由市应急局负责人任召集人。"])
def test_bodies_in_prose_that_is_no_assignment_give_no_row_and_an_issue(item):
    _, rows, issues = _read(f"一、甲\n1、{item}\n")
    assert rows == [] and [i.code for i in issues] == ["no-units"]


def test_preamble_covering_letter_and_closing_sections_assign_nobody():
    text = ("关于印发某市重点工作任务分工方案的通知\n各县区人民政府，市政府各部门：\n现将方案印发给你们，请认真贯彻落实。\n"
            "某市人民政府办公室\n2024年3月1日\n某市重点工作任务分工方案\n市政府办公室负责统筹协调各项工作。\n"
            "一、重点任务\n1、推进营商环境改革。（牵头单位：市发改委；配合单位：市市场监管局）\n二、保障措施\n"
            "（一）加强组织领导。各地区各部门要高度重视，切实加强领导。\n（二）强化督查考核。市政府办公室将会同有关部门加强督查。\n"
            "三、工作要求\n各责任单位要于每季度末向市政府办公室报送进展情况。\n")
    _, rows, _ = _read(text)
    assert [(r[0], r[1], r[2]) for r in rows] == [("1-1", "lead", "市发改委"), ("1-1", "support", "市市场监管局")]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("party, expected", [
    # a remark or a time frame in brackets after a unit is no part of its name
    ("责任单位：市财政局（具体见附件）", [("responsible", "市财政局")]),
    ("牵头单位：市发改委（下同）；配合单位：市财政局", [("lead", "市发改委"), ("support", "市财政局")]),
    ("责任单位：市数据局（2024年完成）", [("responsible", "市数据局")]),
    ("责任单位：市发改委（市信用办）", [("responsible", "市发改委（市信用办）")]),  # a bracket naming a body stays
    ("牵头单位：市发改委（牵头领导：张三）", [("lead", "市发改委")]),
    ("责任单位：市发改委 2024年6月底前", [("responsible", "市发改委")]),
    ("责任单位：市发改委、市财政局 持续推进", [("responsible", "市发改委"), ("responsible", "市财政局")]),
    # people named in a unit list by their title are leaders, never units
    ("牵头单位：市发改委，张三副市长", [("lead", "市发改委")]),
    ("责任单位：区教育局，分管副区长", [("responsible", "区教育局")]),
    ("责任单位：区住建局，王五局长", [("responsible", "区住建局")]),
])
def test_remarks_and_people_in_a_unit_list_are_no_units(party, expected, script):
    if script == "traditional":
        party, expected = _S2T.convert(party), [(role, _S2T.convert(unit)) for role, unit in expected]
    assert _roles(party) == expected


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_remark_after_a_unit_in_a_table_cell_keeps_the_unit(script):
    text = ("附件\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n1\t推进XX公园建设\t市城管局（具体见附件）\t市财政局（下同）\t2024年6月底前\n"
            "2\t建设市第一中学新校区\t市教育局（2024年完成）\t\t长期坚持\n")
    # 下同 after a unit holds it for the rows below as well (a standing rule): row 2 leaves its support cell empty
    expected = [("A1-T1", "lead", "市城管局"), ("A1-T1", "support", "市财政局"), ("A1-T2", "lead", "市教育局"),
                ("A1-T2", "support", "市财政局")]
    if script == "traditional":
        text, expected = _S2T.convert(text), [(c, role, _S2T.convert(unit)) for c, role, unit in expected]
    _, rows, issues = _read(text)
    assert [(r[0], r[1], r[2]) for r in rows] == expected and not issues


def test_a_remark_after_an_open_ended_list_keeps_its_etc():
    assert [(m.unit_raw, m.etc_follows) for m in party_text_to_party("责任单位：市发改委等部门（具体见附件）").mentions] == [("市发改委", True)]


# ---------------------------------------------------------------- a bracket of bodies alone
BARE = """2024年区政府工作报告重点任务分解方案
一、推动经济高质量发展
1.加快建设现代产业体系，全年新增规上工业企业20家。（区发改局、区工信局）
2.持续优化营商环境。（区政务服务中心，2024年底前）
3.推进乡村振兴。（区农业农村局（牵头）、各街道）
4.加强财政管理（区财政局）。
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_bracket_of_bodies_alone_closing_a_sentence_names_the_responsible_units(script):
    # The shortest form of the genre: no label, no cue; the bodies in the bracket after the task are responsible.
    text = _S2T.convert(BARE) if script == "traditional" else BARE
    _, rows, issues = _read(text)
    expected = [("1-1", "responsible", "区发改局"), ("1-1", "responsible", "区工信局"), ("1-2", "responsible", "区政务服务中心"),
                ("1-3", "lead", "区农业农村局"), ("1-3", "responsible", "各街道"), ("1-4", "responsible", "区财政局")]
    convert = _S2T.convert if script == "traditional" else str
    assert [(c, r, u) for c, r, u, _ in rows] == [(c, r, convert(u)) for c, r, u in expected]
    assert not [i for i in issues if str(i.code) == "no-units"]


@pytest.mark.parametrize("task", [
    "1.由市发展和改革委员会（市发改委）统筹推进项目建设。",  # another name of the body just named
    "1.支持龙头企业（市属国企）做大做强。",  # inside the sentence, not closing it
    "1.完成年度目标任务。（2024年完成）",  # a time frame alone
    "1.推进园区建设。（含各园区）",  # a remark on scope
    "1.落实各项政策。（具体见附件）",
])
def test_a_bracket_that_is_no_list_of_bodies_closing_a_sentence_names_nobody(task):
    _, rows, _ = _read("2024年重点任务分解方案\n一、总体任务\n" + task + "\n")
    assert rows == []


# ---------------------------------------------------------------- prose around the assignee: context and conditions
# 在…领导下 names who leads the whole effort, 报…批准后 / 经…同意后 who approves first: neither is an assignee.
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("sentence, expected", [
    ("在市委、市政府统一领导下，市应急局负责组织实施。", [("responsible", "市应急局")]),
    ("在县委县政府领导下，由县发改局牵头，县财政局配合。", [("lead", "县发改局"), ("support", "县财政局")]),
    ("在省委、省政府的坚强领导下，省应急管理厅牵头，省公安厅、省消防救援总队参与。",
     [("lead", "省应急管理厅"), ("support", "省公安厅"), ("support", "省消防救援总队")]),
    ("在区委、区政府统一部署下，由区住建局会同区城管局负责组织实施。", [("lead", "区住建局"), ("support", "区城管局")]),
    ("在市政府统一领导下市应急局牵头负责。", [("lead", "市应急局")]),
    ("（在市委、市政府统一领导下，市应急局负责）", [("responsible", "市应急局")]),
    ("（在县委、县政府领导下，县发改局牵头，县财政局配合）", [("lead", "县发改局"), ("support", "县财政局")]),
])
def test_a_lead_phrase_after_a_context_clause_names_only_the_assignee(sentence, expected, script):
    text = f"一、甲\n1.加强应急管理工作。{sentence}\n"
    if script == "traditional":
        text, expected = _S2T.convert(text), [(role, _S2T.convert(unit)) for role, unit in expected]
    _, rows, _ = _read(text)
    assert [(r[1], r[2]) for r in rows] == expected


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("sentence, expected", [
    ("报市政府批准后由市财政局组织实施。", [("responsible", "市财政局")]),
    ("经区政府同意后，由区住建局牵头实施。", [("lead", "区住建局")]),
    ("经县政府批准后，县自然资源局负责组织实施。", [("responsible", "县自然资源局")]),
    ("报省政府同意后，由省发展改革委会同省财政厅制定实施细则。", [("lead", "省发展改革委"), ("support", "省财政厅")]),
    ("报市委、市政府审定后，由市商务局牵头，市财政局配合。", [("lead", "市商务局"), ("support", "市财政局")]),
    ("经市政府同意后市发改委负责组织落实。", [("responsible", "市发改委")]),
    ("（报区政府批准后，由区财政局组织实施）", [("responsible", "区财政局")]),
])
def test_a_condition_before_the_assignee_names_only_the_assignee(sentence, expected, script):
    text = f"一、甲\n1.编制专项资金管理办法。{sentence}\n"
    if script == "traditional":
        text, expected = _S2T.convert(text), [(role, _S2T.convert(unit)) for role, unit in expected]
    _, rows, _ = _read(text)
    assert [(r[1], r[2]) for r in rows] == expected


@pytest.mark.parametrize("sentence", [
    "在市委、市政府统一领导下，各地区各部门要加强协调配合。",
    "在县委县政府领导下开展工作。",
    "编制实施方案，报市政府批准后实施。",
    "经区政府同意后印发实施。",
    "报市委、市政府审定后组织实施。",
    "在省发展改革委指导下开展试点。",
    "由区发改局报区政府批准后实施。",  # the body asked to approve is no assignee; the sentence is too loose to read
    "经市政府同意，市政府办公室将会同有关部门加强督查。",
])
def test_context_and_conditions_alone_assign_nobody(sentence):
    _, rows, issues = _read(f"一、甲\n1.完善应急管理体系。{sentence}\n")
    assert rows == [] and [i.code for i in issues] == ["no-units"]


@pytest.mark.parametrize("item, expected", [
    # the leadership and the approving body in the task text; the bracket alone assigns
    ("在市委、市政府统一领导下，完善应急体系。（责任单位：市应急局）", [("responsible", "市应急局")]),
    ("编制规划报县政府批准后实施。（牵头单位：县自然资源局；配合单位：县发改局）", [("lead", "县自然资源局"), ("support", "县发改局")]),
])
def test_context_and_conditions_in_a_task_with_its_own_units(item, expected):
    _, rows, _ = _read(f"一、甲\n1、{item}\n")
    assert [(r[1], r[2]) for r in rows] == expected


# ---------------------------------------------------------------- a lead marked inside a lead list
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("party, expected", [
    ("牵头单位：市发改委（牵头）、市财政局", [("lead", "市发改委"), ("support", "市财政局")]),
    ("牵头单位：区住建局、区城管局（牵头）", [("support", "区住建局"), ("lead", "区城管局")]),
    ("牵头单位：县发改局（牵头），县财政局；配合单位：县统计局", [("lead", "县发改局"), ("support", "县财政局"), ("support", "县统计局")]),
    ("牵头部门：省商务厅(牵头)、省财政厅、省税务局", [("lead", "省商务厅"), ("support", "省财政厅"), ("support", "省税务局")]),
    ("【牵头单位】市教育局（主责）、市体育局", [("lead", "市教育局"), ("support", "市体育局")]),
    # without a mark every unit of a lead list leads; in a list of responsible units the mark does not demote
    ("牵头单位：市发改委、市财政局", [("lead", "市发改委"), ("lead", "市财政局")]),
    ("责任单位：市发改委（牵头）、市财政局", [("lead", "市发改委"), ("responsible", "市财政局")]),
    ("牵头单位：市发改委；配合单位：市财政局（牵头）、市统计局", [("lead", "市发改委"), ("lead", "市财政局"), ("support", "市统计局")]),
])
def test_a_lead_marked_in_a_lead_list_makes_the_others_support(party, expected, script):
    if script == "traditional":
        party, expected = _S2T.convert(party), [(role, _S2T.convert(unit)) for role, unit in expected]
    assert _roles(party) == expected


@pytest.mark.parametrize("table", [
    "附件\n序号\t工作任务\t牵头单位\t配合单位\n1\t推进投资审批改革\t市发改委（牵头）、市财政局\t市统计局\n",
    "附件\n序号\n工作任务\n牵头单位\n配合单位\n1\n推进投资审批改革\n市发改委（牵头）、市财政局\n市统计局\n",
    "一、甲\n1.推进投资审批改革。\n牵头单位：市发改委（牵头）、市财政局\n配合单位：市统计局\n",
])
def test_a_lead_marked_in_a_lead_column_or_label_line(table):
    _, rows, _ = _read(table)
    assert [(r[1], r[2]) for r in rows] == [("lead", "市发改委"), ("support", "市财政局"), ("support", "市统计局")]


# ---------------------------------------------------------------- articles: 第一条, under 第一章 / 第一节
ARTICLES = """某县安全生产责任分工实施办法
第一章 总则
第一条 为落实安全生产责任，制定本办法。
第二条 加强安全生产综合监督管理。（县应急局负责）
第二章 行业监管
第一节 建设领域
第三条 加强建筑施工安全监管。县住建局牵头，县交通运输局配合。
第四条 加强城镇燃气安全管理，县住建局、县城管局要严格按照本办法
第二条规定，落实行业监管责任。（责任单位：县住建局、县城管局）
第二节 交通领域
第五条 道路运输安全监管由县交通运输局负责，县交通运输局具体监管要求依照本办法
第六条执行。
第三章 附则
第六条 本办法所称监管要求，以县安全生产委员会印发的年度清单为准。
"""


def test_articles_segment_as_clauses_under_chapters_and_sections():
    notice, rows, issues = _read(ARTICLES)
    assert [c.clause_id for c in notice.clauses] == ["1-1", "1-2", "2-1-3", "2-1-4", "2-2-5", "3-6"]
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("1-2", "responsible", "县应急局"), ("2-1-3", "lead", "县住建局"), ("2-1-3", "support", "县交通运输局"),
        ("2-1-4", "responsible", "县住建局"), ("2-1-4", "responsible", "县城管局"), ("2-2-5", "responsible", "县交通运输局")]
    # 第二条 inside the sentence of 第四条 (wrapped at the margin onto a line of its own) is no article
    assert "第二条规定" in notice.clauses[3].text
    assert "第六条执行" in notice.clauses[4].text  # the next article's number, cited at the start of a wrapped line
    assert not [i for i in issues if i.code == "numbering-gap"]
    assert [c.section_title for c in notice.clauses][2:4] == ["建设领域", "建设领域"]


def test_articles_without_chapters_number_the_clauses():
    text = "某市应急管理任务分工\n第一条 统筹协调应急管理工作。由市应急局负责。\n第二条 市消防救援支队牵头，各区政府配合。\n第三条 落实经费保障。（市财政局负责）\n"
    notice, rows, issues = _read(_S2T.convert(text))
    assert [c.clause_id for c in notice.clauses] == ["1", "2", "3"]
    assert [(r[0], r[1]) for r in rows] == [("1", "responsible"), ("2", "lead"), ("2", "support"), ("3", "responsible")]


def test_text_under_a_chapter_heading_introduces_it_and_is_no_task():
    text = ("某县安全生产责任分工办法\n第一章 总则\n为落实安全生产责任，制定本办法。\n第二章 职责分工\n"
            "第一条 加强监管。（县应急局负责）\n第二条 加强执法。（县公安局负责）\n")
    notice, rows, issues = _read(text)
    assert [c.clause_id for c in notice.clauses] == ["2-1", "2-2"]
    assert [(r[0], r[2]) for r in rows] == [("2-1", "县应急局"), ("2-2", "县公安局")] and not issues


# ---------------------------------------------------------------- labels without 单位, and other label words
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("item, expected", [
    ("推进投资审批改革。（牵头：市发改委；配合：市财政局）", [("lead", "市发改委"), ("support", "市财政局")]),
    ("加快教育现代化。（主责：市教育局；协同：市体育局、市卫健委）",
     [("lead", "市教育局"), ("support", "市体育局"), ("support", "市卫健委")]),
    ("推进乡村振兴。（牵头：县农业农村局；协助：县财政局；参与：各乡镇）",
     [("lead", "县农业农村局"), ("support", "县财政局"), ("support", "各乡镇")]),
    ("加强环境治理。（牵头部门：市生态环境局；协同部门：市水利局；协办部门：市城管局）",
     [("lead", "市生态环境局"), ("support", "市水利局"), ("support", "市城管局")]),
    ("优化政务服务。（协办部门：区财政局；牵头部门：区政务服务中心）", [("support", "区财政局"), ("lead", "区政务服务中心")]),
    ("推进园区建设。（实施主体：市商务局、各县区政府）", [("responsible", "市商务局"), ("responsible", "各县区政府")]),
    ("完善社会保障。（主要责任单位：市人社局；次要责任单位：市财政局、市医保局）",
     [("lead", "市人社局"), ("support", "市财政局"), ("support", "市医保局")]),
    ("建设智慧城市。（具体承办单位：市大数据局）", [("responsible", "市大数据局")]),
    ("加强督查落实。（承办单位：县政府办公室）", [("responsible", "县政府办公室")]),
    ("推进县域经济发展。（具体责任单位：县发改局）", [("responsible", "县发改局")]),
    ("加强人才引进。（牵头 : 区人社局 ; 配合 : 区科技局）", [("lead", "区人社局"), ("support", "区科技局")]),
    ("加强人才引进。（牵头单位 : 区人社局 ，配合单位 : 区科技局）", [("lead", "区人社局"), ("support", "区科技局")]),
    ("推进文旅融合。（牵头（部门）：市文广旅局；配合（单位）：市财政局）", [("lead", "市文广旅局"), ("support", "市财政局")]),
    ("完善基层治理。\n牵头：市民政局\n配合：市司法局、各县区政府",
     [("lead", "市民政局"), ("support", "市司法局"), ("support", "各县区政府")]),
    ("加强矛盾化解。【牵头】市信访局【配合】市公安局", [("lead", "市信访局"), ("support", "市公安局")]),
    # an upper level's lead written without 单位 keeps its convention
    ("稳定粮食生产。（省牵头：省农业农村厅；责任单位：市农业农村局）", [("lead", "省农业农村厅"), ("responsible", "市农业农村局")]),
])
def test_role_labels_without_a_unit_noun_and_other_label_words(item, expected, script):
    text = f"某市2024年重点工作任务分工方案\n一、推动发展\n1.{item}\n"
    if script == "traditional":
        text, expected = _S2T.convert(text), [(role, _S2T.convert(unit)) for role, unit in expected]
    _, rows, issues = _read(text)
    assert [(r[1], r[2]) for r in rows] == expected
    assert not [i for i in issues if i.code == "no-units"]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("item", [
    "协同：推动区域协同发展，加强跨区域合作。",
    "要密切配合：一是加强沟通，二是形成合力。",
    "参与：鼓励社会资本参与基础设施建设。",
    "主责：压实主体责任，明确任务分工。",
    "加强部门协同：建立联动机制。",
    "完善工作机制。\n配合：做好相关工作",
    "落实督办：加强跟踪问效。",
    "推进政务公开。\n主办：某市人民政府办公室",  # a web page's footer: who runs the site
    "推进政务公开。\n主办：某市人民政府办公室 协办：某市大数据中心",
])
def test_a_role_word_and_colon_before_no_body_is_no_label(item, script):
    # 牵头：/配合： are labels only before a body's name; before a sentence of the task they are its words
    text = f"某市2024年重点工作任务分工方案\n一、推动发展\n1.{item}\n"
    _, rows, issues = _read(_S2T.convert(text) if script == "traditional" else text)
    assert rows == [] and [i.code for i in issues] == ["no-units"]


@pytest.mark.parametrize("party, expected", [
    # a label word with a qualifier the vocabulary does not hold: the qualifier is no unit, the label keeps its role
    ("市级责任单位：各县区政府", [("responsible", "各县区政府")]),
    ("主要责任单位：市人社局；区级责任单位：各区政府", [("lead", "市人社局"), ("responsible", "各区政府")]),
    # a unit run into the next label without a separator (two cell lines joined) stays a unit
    ("牵头单位：市发改委配合单位：市财政局", [("lead", "市发改委"), ("support", "市财政局")]),
    ("牵头：市发改委配合：市财政局、市教育局", [("lead", "市发改委"), ("support", "市财政局"), ("support", "市教育局")]),
])
def test_a_qualifier_glued_to_a_label_is_no_unit(party, expected):
    assert _roles(party) == expected


@pytest.mark.parametrize("text", [
    "一、甲\n1.加强安全生产监管。（牵头单位：市应急局；配合单位：市公安局；督办单位：市政府督查室）\n",
    "一、甲\n1.加强安全生产监管。（督办单位：市政府督查室；牵头单位：市应急局；配合单位：市公安局）\n",
    "一、甲\n1.加强安全生产监管。\n牵头单位：市应急局\n配合单位：市公安局\n督办：市政府督查室\n",
    "附件\n序号\t工作任务\t牵头单位\t配合单位\t督办单位\n1\t加强安全生产监管\t市应急局\t市公安局\t市政府督查室\n",
])
def test_a_supervisor_is_no_assignee_of_the_task(text):
    # 督办单位 follows the task up for the government; it neither leads, supports nor carries it out.
    _, rows, issues = _read(text)
    assert [(r[1], r[2]) for r in rows] == [("lead", "市应急局"), ("support", "市公安局")]
    assert not issues


def test_a_clause_naming_only_its_supervisor_names_no_unit():
    _, rows, issues = _read("一、甲\n1.加强安全生产监管。（督办单位：市政府督查室）\n")
    assert rows == [] and [i.code for i in issues] == ["no-units"]


# ---------------------------------------------------------------- a table's unit column whose cell carries roles
TABLE_ROLES = [
    ("推进投资审批改革", "牵头：县发改局 配合：县财政局、县教育局",
     [("lead", "县发改局"), ("support", "县财政局"), ("support", "县教育局")]),
    ("加快教育现代化", "县教育局（牵头），县财政局", [("lead", "县教育局"), ("responsible", "县财政局")]),
    ("推进城市更新", "牵头单位：县住建局；配合单位：县城管局", [("lead", "县住建局"), ("support", "县城管局")]),
]


@pytest.mark.parametrize("form", ["tab", "space", "flat"])
def test_a_unit_cell_carrying_its_own_roles(form):
    if form == "tab":
        body = "序号\t工作任务\t责任单位\t完成时限\n" + "".join(f"{k}\t{t}\t{u}\t2024年底前\n" for k, (t, u, _) in enumerate(TABLE_ROLES, 1))
    elif form == "space":
        body = "序号 工作任务 责任单位 完成时限\n" + "".join(f"{k} {t} {u} 2024年底前\n" for k, (t, u, _) in enumerate(TABLE_ROLES, 1))
    else:
        body = "序号\n工作任务\n责任单位\n完成时限\n" + "".join(f"{k}\n{t}\n{u}\n2024年底前\n" for k, (t, u, _) in enumerate(TABLE_ROLES, 1))
    notice, rows, issues = _read("某县2024年重点工作任务分解表\n附件\n" + body)
    expected = [(f"A1-T{k}", role, unit) for k, (_, _, units) in enumerate(TABLE_ROLES, 1) for role, unit in units]
    assert [(r[0], r[1], r[2]) for r in rows] == expected
    assert [c.text for c in notice.clauses] == [t for t, _, _ in TABLE_ROLES]
    assert not issues


# ---------------------------------------------------------------- a department's own plan: its offices are its units
OFFICES = """某市发展和改革委员会2024年重点工作任务分工方案
一、强化规划引领
1.编制国民经济和社会发展规划。（牵头处室：规划处；配合处室：综合处、法规处）
2.加强财务管理。（责任科室：财务科、委办公室）
3.落实全面从严治党要求。（责任单位：局机关各处室）
4.推进依法行政。（责任处室：政策法规科、行政审批科）
5.加强人事管理。（牵头：人事处；配合：机关党委、各处室）
6.推进重点项目建设。（重大项目处牵头，固定资产投资处配合）
7.做好安全保卫工作。（保卫科）
二、加强自身建设
1.加强干部队伍建设。
牵头科室：组织人事科
配合科室：各科室
2.开展调查研究。由政策研究室负责。
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_offices_are_the_units_of_a_departments_plan(script):
    text = _S2T.convert(OFFICES) if script == "traditional" else OFFICES
    _, rows, issues = _read(text)
    expected = [("1-1", "lead", "规划处"), ("1-1", "support", "综合处"), ("1-1", "support", "法规处"),
                ("1-2", "responsible", "财务科"), ("1-2", "responsible", "委办公室"), ("1-3", "responsible", "局机关各处室"),
                ("1-4", "responsible", "政策法规科"), ("1-4", "responsible", "行政审批科"),
                ("1-5", "lead", "人事处"), ("1-5", "support", "机关党委"), ("1-5", "support", "各处室"),
                ("1-6", "lead", "重大项目处"), ("1-6", "support", "固定资产投资处"), ("1-7", "responsible", "保卫科"),
                ("2-1", "lead", "组织人事科"), ("2-1", "support", "各科室"), ("2-2", "responsible", "政策研究室")]
    convert = _S2T.convert if script == "traditional" else str
    assert [(c, r, u) for c, r, u, _ in rows] == [(c, r, convert(u)) for c, r, u in expected]
    assert not issues


@pytest.mark.parametrize("separator", ["\t", " ", "\n"])
def test_a_departments_table_with_office_columns(separator):
    rows_in = [("编制发展规划", "规划处", "综合处、法规处"), ("加强财务管理", "财务科", "委办公室"), ("落实从严治党", "机关党委", "各处室")]
    end = "\n"
    body = separator.join(["序号", "工作任务", "牵头处室", "配合处室"]) + end
    body += "".join(separator.join([str(k), *cells]) + end for k, cells in enumerate(rows_in, 1))
    _, rows, issues = _read("泉州市发展和改革委员会2024年工作要点任务分解表\n附件\n" + body)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("A1-T1", "lead", "规划处"), ("A1-T1", "support", "综合处"), ("A1-T1", "support", "法规处"),
        ("A1-T2", "lead", "财务科"), ("A1-T2", "support", "委办公室"), ("A1-T3", "lead", "机关党委"), ("A1-T3", "support", "各处室")]
    assert not issues


@pytest.mark.parametrize("item", [
    "开展调查研究。此处所列任务由各处按职责分工负责。",
    "规范公文处理。出处不明的文件一律不得印发。",
    "加强科学决策，把各项工作落到实处。",
    "加强重点学科建设。（具体见附件）",
    "推进会议室、实验室改造。",
    "查找工作中的不足之处。由各处负责。",
    "建设道路交汇处绿化带。",
    "深入群众，走到基层深处。（到处）",
])
def test_prose_words_ending_like_an_office_name_no_unit(item):
    _, rows, issues = _read(f"某局2024年工作要点\n一、甲\n1.{item}\n")
    assert rows == [] and [i.code for i in issues] == ["no-units"]


# ---------------------------------------------------------------- time frames and remarks inside the label run
@pytest.mark.parametrize("item, expected, deadline", [
    ("（牵头单位：市发改委，完成时限：2024年6月底；配合单位：市财政局、市统计局）",
     [("lead", "市发改委"), ("support", "市财政局"), ("support", "市统计局")], "2024年6月底"),
    ("（责任单位：市大数据局（2024年底前完成））", [("responsible", "市大数据局")], "2024年底前完成"),
    ("（责任单位：市住建局 时间节点：持续推进）", [("responsible", "市住建局")], "持续推进"),
    ("\n责任单位：市农业农村局（2024年底前完成）", [("responsible", "市农业农村局")], "2024年底前完成"),
    ("（牵头单位：区住建局 完成时间：2024年底 配合单位：区财政局）", [("lead", "区住建局"), ("support", "区财政局")], "2024年底"),
    ("（牵头单位：市委组织部，配合单位：市人社局，完成时限：长期坚持）", [("lead", "市委组织部"), ("support", "市人社局")], "长期坚持"),
    # two units with time frames of their own: the clause has no one deadline
    ("（责任单位：市生态环境局（持续推进）、市水利局（2024年6月底前））", [("responsible", "市生态环境局"), ("responsible", "市水利局")], None),
])
def test_time_frames_inside_the_label_run(item, expected, deadline):
    notice, rows, issues = _read(f"一、甲\n1.推进重点工作。{item}\n")
    assert [(r[1], r[2]) for r in rows] == expected
    assert notice.clauses[0].deadline == deadline and not issues


# ---------------------------------------------------------------- a sentence whose subject is a list of bodies
# Plans written as prose (实施意见, 工作方案) assign a task in a sentence: bodies open it, the verb after them gives
# the task, the task's own words follow. Read only where the clause names no unit in a bracket or label.
def _sentence_rows(item: str, script: str = "simplified") -> list[tuple[str, str]]:
    text = f"某市2024年重点工作实施方案\n一、重点任务\n1.{item}\n"
    _, rows, _ = _read(_S2T.convert(text) if script == "traditional" else text)
    return [(r[1], r[2]) for r in rows]


def _convert(expected: list[tuple[str, str]], script: str) -> list[tuple[str, str]]:
    return [(role, _S2T.convert(unit)) for role, unit in expected] if script == "traditional" else expected


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("item, expected", [
    ("省交通运输厅负责全省农村公路养护的统筹指导。", [("responsible", "省交通运输厅")]),
    ("县应急管理局负责全县安全生产综合监管，县住建局、县交通运输局负责本行业领域安全监管。",
     [("responsible", "县应急管理局"), ("responsible", "县住建局"), ("responsible", "县交通运输局")]),
    ("区市场监管局负责食品安全日常监督检查，2024年底前实现全覆盖。", [("responsible", "区市场监管局")]),
    ("加强校园周边治理，区教育局、区公安分局负责开展联合整治。", [("responsible", "区教育局"), ("responsible", "区公安分局")]),
    ("在市委、市政府统一领导下，市水利局负责河湖长制日常工作。", [("responsible", "市水利局")]),
    ("经州政府同意后，州财政局负责拨付补助资金。", [("responsible", "州财政局")]),
    ("区住建局负责老旧小区改造；区城管局负责背街小巷整治。", [("responsible", "区住建局"), ("responsible", "区城管局")]),
    ("镇政府承担辖区内农房安全排查，确保不留死角。", [("responsible", "镇政府")]),
    ("市人社局负责人才引进政策的宣传解读。", [("responsible", "市人社局")]),  # 负责 before 人才: the verb, no person
    ("区发改局负责任务分解和进度调度。", [("responsible", "区发改局")]),
])
def test_bodies_opening_a_sentence_with_the_verb_responsible(item, expected, script):
    assert _sentence_rows(item, script) == _convert(expected, script)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("item, expected", [
    ("市商务局牵头制定促进消费实施细则，市财政局、市税务局配合。",
     [("lead", "市商务局"), ("support", "市财政局"), ("support", "市税务局")]),
    ("区教育局牵头，会同区卫生健康局制定校园传染病防控方案。", [("lead", "区教育局"), ("support", "区卫生健康局")]),
    ("省科技厅牵头组织实施重大科技专项，省财政厅负责资金保障。", [("lead", "省科技厅"), ("support", "省财政厅")]),
    ("县农业农村局负责牵头编制产业规划，会同县自然资源局、县林业局做好衔接。",
     [("lead", "县农业农村局"), ("support", "县自然资源局"), ("support", "县林业局")]),
    ("市文广旅局牵头举办文化旅游节，市公安局、市交通运输局配合做好安保和交通组织。",
     [("lead", "市文广旅局"), ("support", "市公安局"), ("support", "市交通运输局")]),
    ("市财政局配合市商务局做好资金保障，确保政策兑现。", [("support", "市财政局"), ("lead", "市商务局")]),
    # each sentence keeps its roles: a lead named in one makes nobody of another support it
    ("市发改委牵头制定推进方案。所需资金由市财政局负责保障。", [("lead", "市发改委"), ("responsible", "市财政局")]),
])
def test_bodies_opening_a_sentence_with_the_verb_lead(item, expected, script):
    assert _sentence_rows(item, script) == _convert(expected, script)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("item, expected", [
    ("市商务局会同市财政局制定支持政策，2024年6月底前出台。", [("lead", "市商务局"), ("support", "市财政局")]),
    ("自治区民政厅会同自治区财政厅研究完善救助标准，逐步提高保障水平。", [("lead", "自治区民政厅"), ("support", "自治区财政厅")]),
    ("县人社局会同县总工会等部门开展技能竞赛，每年至少举办一次。", [("lead", "县人社局"), ("support", "县总工会")]),
    ("市发改委要会同市财政局研究提出支持意见。", [("lead", "市发改委"), ("support", "市财政局")]),
    # a verb word inside a body's name is no verb: 市委组织部, not 市委 then 组织
    ("市人社局会同市委组织部研究制定人才激励办法。", [("lead", "市人社局"), ("support", "市委组织部")]),
    ("由市人社局会同市委组织部研究制定人才激励办法。", [("lead", "市人社局"), ("support", "市委组织部")]),
])
def test_bodies_opening_a_sentence_with_together_with_and_no_by(item, expected, script):
    assert _sentence_rows(item, script) == _convert(expected, script)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("item, expected", [
    ("市发改委、市财政局要按照职责分工抓好落实。", [("responsible", "市发改委"), ("responsible", "市财政局")]),
    ("完善工作机制，各有关部门要按职责分工抓好落实。", [("responsible", "各有关部门")]),
    ("县发改局、县工信局要按职责抓好落实，确保按期完成。", [("responsible", "县发改局"), ("responsible", "县工信局")]),
])
def test_bodies_opening_a_sentence_that_asks_them_to_carry_it_out(item, expected, script):
    assert _sentence_rows(item, script) == _convert(expected, script)


@pytest.mark.parametrize("item", [
    "推动企业负责产品质量追溯。",  # a verb before the subject: the bodies' verb is not the sentence's
    "项目单位负责项目建设和运营管理。",  # no body
    "督促市财政局负责资金拨付。",
    "积极配合市发改委做好项目申报。",
    "市政府主要负责同志牵头协调，分管负责同志具体抓。",  # people, never units
    "区政府分管负责同志负责统筹推进。",
    "市发改委负责人要亲自部署。",
    "建立市发改委牵头、市直各部门参与的联席会议制度。",  # a set-up description, with or without 由
    "市发改委牵头的联席会议每季度召开一次。",  # a relative clause: the meeting is the subject
    "市财政局负责的专项资金要及时拨付到位。",
    "落实“加强市场监管，市场监管局负责日常监管”的要求。",  # quoted text
    "坚持党委领导、政府负责、社会协同、公众参与。",
    "市发改委负责制定的规划要严格执行。",
    "市发改委会同市财政局制定的管理办法要严格执行。",
    "各部门要以对人民高度负责的态度抓好落实。",
    "县住建局负责任地做好群众解释工作。",  # 负责任: an adverb, not the verb 负责
])
def test_sentences_whose_subject_is_no_list_of_bodies_assign_nobody(item):
    _, rows, issues = _read(f"某市2024年重点工作实施方案\n一、重点任务\n1.{item}\n")
    assert rows == [] and [i.code for i in issues] == ["no-units"]


@pytest.mark.parametrize("item, expected", [
    # a bracket or a label names the clause's units: the sentence's subject adds nothing to them
    ("市商务局负责制定实施细则。（责任单位：市财政局）", [("responsible", "市财政局")]),
    ("市商务局牵头制定实施细则，市税务局配合。\n牵头单位：市发改委", [("lead", "市发改委")]),
    ("县住建局负责排查，县应急局负责督导。（县城管局负责）", [("responsible", "县城管局")]),
])
def test_a_clause_naming_its_units_keeps_them_and_its_sentences_add_none(item, expected):
    assert _sentence_rows(item) == expected


def test_the_unit_text_of_a_sentence_stops_after_the_verb_of_bodies_opening_a_part():
    # 市商务局牵头制定实施细则 is cut after 牵头; a sentence whose parts are all prose cues is kept as written
    notice, _, _ = _read("某市2024年重点工作实施方案\n一、重点任务\n1.市商务局牵头制定实施细则，市财政局、市税务局配合。"
                         "区教育局牵头，会同区卫生健康局制定方案。\n")
    assert notice.clauses[0].party_text == "市商务局牵头，市财政局、市税务局配合。区教育局牵头，会同区卫生健康局制定方案"


# ---------------------------------------------------------------- a header over two rows (责任单位 over 牵头单位 | 配合单位)
# Each case: the upper cell spanning the unit columns, the lower cells naming them, and the roles they give.
SPANNED = [
    ("责任单位", ("牵头单位", "配合单位"), ("lead", "support")),
    ("责任单位", ("牵头", "配合"), ("lead", "support")),
    ("责任部门", ("主责", "协同"), ("lead", "support")),
    ("责任分工", ("牵头单位", "责任单位"), ("lead", "responsible")),
]
SPANNED_ROWS = [("推进政务服务改革", "市发改委", "市财政局、市教育局", "2024年底"), ("完善社会信用体系", "市商务局", "市统计局", "2024年6月底")]


def _spanned_table(form: str, group: str, lower: tuple[str, str]) -> str:
    """A task table whose unit columns sit under one header cell, written as each input form gives it."""
    first, second = lower
    rows = [(str(k), *row) for k, row in enumerate(SPANNED_ROWS, 1)]
    if form == "flat":  # a web page's table copied as text: one cell per line, the upper row's cells first
        return "\n".join(["序号", "重点任务", group, "完成时限", first, second, *[c for row in rows for c in row]]) + "\n"
    if form == "space":  # copied as text with spaces between cells, the cells under the spanning ones dropped
        return "\n".join([f"序号 重点任务 {group} 完成时限", f"{first} {second}", *[" ".join(row) for row in rows]]) + "\n"
    head = {
        "kept": [f"序号\t重点任务\t{group}\t\t完成时限", f"\t\t{first}\t{second}\t"],  # a PDF's or a text file's empty cells
        "dropped": [f"序号\t重点任务\t{group}\t完成时限", f"{first}\t{second}"],  # empty cells dropped
        "repeated": [f"序号\t重点任务\t{group}\t完成时限", f"序号\t重点任务\t{first}\t{second}\t完成时限"],  # Word, web page
        "counted": [f"重点任务\t{group}\t\t完成时限", f"\t{first}\t{second}\t"],  # no 序号: rows are counted
    }[form]
    if form == "counted":
        rows = [row[1:] for row in rows]
    return "\n".join([*head, *["\t".join(row) for row in rows]]) + "\n"


def _spanned_expected(roles: tuple[str, str]) -> list[tuple[str, str, str]]:
    lead, other = roles
    return [("A1-T1", lead, "市发改委"), ("A1-T1", other, "市财政局"), ("A1-T1", other, "市教育局"),
            ("A1-T2", lead, "市商务局"), ("A1-T2", other, "市统计局")]


@pytest.mark.parametrize("form", ["kept", "dropped", "repeated", "counted", "space", "flat"])
@pytest.mark.parametrize("group, lower, roles", SPANNED)
def test_a_header_over_two_rows_gives_each_unit_column_the_role_its_lower_cell_names(form, group, lower, roles):
    notice, rows, issues = _read("某市2024年重点工作任务分解表\n附件\n" + _spanned_table(form, group, lower))
    assert [(r[0], r[1], r[2]) for r in rows] == _spanned_expected(roles)
    assert [(c.title, c.deadline) for c in notice.clauses] == [(task, deadline) for task, _, _, deadline in SPANNED_ROWS]
    assert not issues


def test_a_header_over_two_rows_in_traditional_characters():
    text = _S2T.convert("附件\n" + _spanned_table("kept", "责任部门", ("主责", "协同")))
    _, rows, issues = _read(text)
    assert [(r[0], r[1], r[2]) for r in rows] == [(c, r, _S2T.convert(u)) for c, r, u in _spanned_expected(("lead", "support"))]
    assert not issues


@pytest.mark.parametrize("form", ["kept", "dropped", "flat"])
def test_a_time_column_split_into_start_and_end_under_a_header_over_two_rows(form):
    upper, lower = ["序号", "重点任务", "责任单位", "时间"], ["牵头单位", "配合单位", "开始", "完成"]
    rows = [["1", "推进政务服务改革", "市发改委", "市财政局", "2024年3月", "2024年底"],
            ["2", "完善社会信用体系", "市商务局", "市统计局", "2024年1月", "2024年6月底"]]
    if form == "flat":
        body = "\n".join([*upper, *lower, *[c for row in rows for c in row]])
    elif form == "kept":
        body = "\n".join(["序号\t重点任务\t责任单位\t\t时间\t", "\t\t牵头单位\t配合单位\t开始\t完成", *["\t".join(r) for r in rows]])
    else:
        body = "\n".join(["\t".join(upper), "\t".join(lower), *["\t".join(r) for r in rows]])
    notice, found, issues = _read(f"附件\n{body}\n")
    assert [(r[0], r[1], r[2]) for r in found] == [("A1-T1", "lead", "市发改委"), ("A1-T1", "support", "市财政局"),
                                                   ("A1-T2", "lead", "市商务局"), ("A1-T2", "support", "市统计局")]
    assert [c.deadline for c in notice.clauses] == ["2024年底", "2024年6月底"]  # the end, not the start
    assert not issues


def test_a_header_over_two_rows_repeated_after_a_page_break_is_dropped():
    head = "序号\t重点任务\t责任单位\t\t完成时限\n\t\t牵头单位\t配合单位\t\n"
    text = ("附件\n" + head + "1\t推进政务服务改革\t市发改委\t市财政局、市教育局\t2024年底\n— 2 —\n" + head
            + "2\t完善社会信用体系\t市商务局\t市统计局\t2024年6月底\n")
    notice, rows, issues = _read(text)
    assert [(r[0], r[1], r[2]) for r in rows] == _spanned_expected(("lead", "support"))
    assert [c.text for c in notice.clauses] == ["推进政务服务改革", "完善社会信用体系"] and not issues


@pytest.mark.parametrize("separator", ["\t", " "])
def test_a_first_row_of_short_cells_is_no_lower_header_row(separator):
    body = "\n".join(separator.join(row) for row in [("序号", "重点任务", "牵头单位", "配合单位"), ("1", "推进工作", "市发改委", "市财政局"),
                                                     ("2", "优化服务", "市政务服务局", "市司法局")])
    _, rows, issues = _read(f"附件\n{body}\n")
    assert [(r[0], r[1], r[2]) for r in rows] == [("A1-T1", "lead", "市发改委"), ("A1-T1", "support", "市财政局"),
                                                  ("A1-T2", "lead", "市政务服务局"), ("A1-T2", "support", "市司法局")]
    assert not issues


@pytest.mark.parametrize("upper, lower", [
    ("序号\t重点任务\t牵头单位\t配合单位", "1\t推进工作\t市发改委\t市财政局"),  # a first data row of short cells
    ("序号\t重点任务\t责任单位\t完成时限", "1\t推进工作\t市发改委\t市财政局"),
    ("序号\t重点任务\t责任单位\t\t完成时限", "\t\t市级\t县级\t"),  # no role word in the lower row
    ("序号\t重点任务\t责任单位\t时间\t", "\t\t\t开始\t完成"),
    ("序号\t重点任务\t牵头单位\t配合单位\t完成时限", "\t\t牵头单位\t配合单位\t"),  # nothing spans: the same names again
    ("序号\t重点任务\t牵头单位\t配合单位\t完成时限", "配合单位\t完成时限"),  # 牵头单位 names one role: it spans nothing
    ("序号\t重点任务\t责任单位\t完成时限", "牵头单位"),  # a cell spanning columns spans two or more
    ("序号 重点任务 责任单位 完成时限", "市发改委 市财政局"),
])
def test_rows_that_are_no_lower_header_row(upper, lower):
    assert two_row_header(upper, lower) is None


def test_a_lower_row_without_role_words_gives_no_unit_a_role_from_it():
    text = "附件\n序号\t重点任务\t责任单位\t\t完成时限\n\t\t市级\t区级\t\n1\t推进政务服务改革\t市发改委\t区发改局\t2024年底\n"
    _, rows, _ = _read(text)
    assert not [r for r in rows if r[2] in ("市级", "区级")]
    assert not [r for r in rows if r[1] in ("lead", "support")]


@pytest.mark.parametrize("form", ["kept", "dropped", "repeated"])
def test_two_spanning_cells_of_one_kind_side_by_side(form):
    # 市级责任单位 and 区级责任单位, each over 牵头 | 配合: side by side, the columns are 牵头, 配合, 牵头, 配合 however the
    # lower cells divide between them.
    upper, lower = ["序号", "重点任务", "市级责任单位", "区级责任单位"], ["牵头", "配合", "牵头", "配合"]
    row = ["1", "推进政务服务改革", "市发改委", "市财政局", "区发改局", "区财政局"]
    head = {"kept": ["序号\t重点任务\t市级责任单位\t\t区级责任单位\t", "\t\t牵头\t配合\t牵头\t配合"],
            "dropped": ["\t".join(upper), "\t".join(lower)],
            "repeated": ["\t".join(upper), "\t".join(["序号", "重点任务", *lower])]}[form]
    body = "\n".join([*head, "\t".join(row)])
    _, rows, issues = _read(f"附件\n{body}\n")
    assert [(r[0], r[1], r[2]) for r in rows] == [("A1-T1", "lead", "市发改委"), ("A1-T1", "support", "市财政局"),
                                                  ("A1-T1", "lead", "区发改局"), ("A1-T1", "support", "区财政局")]
    assert not issues


def test_two_spanning_cells_of_one_kind_apart_are_not_guessed():
    # 完成时限 stands between them: which lower cells fall under which is not known without their columns.
    assert two_row_header("序号\t重点任务\t市级责任单位\t完成时限\t区级责任单位", "牵头\t配合\t牵头\t配合") is None
    _, rows, _ = _read("附件\n序号\t重点任务\t市级责任单位\t完成时限\t区级责任单位\n牵头\t配合\t牵头\t配合\n"
                       "1\t推进政务服务改革\t市发改委\t市财政局\t2024年底\t区发改局\t区财政局\n")
    assert not [r for r in rows if r[1] in ("lead", "support")]


# ---------------------------------------------------------------- enumeration words and adverbs around a sentence's subject
# Enumeration words opening a part of a sentence (一是, 其一，, 首先，, 同时，) are read past like a context clause;
# the subject rules then read what follows. They are never units.
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("item, expected", [
    ("加强统筹协调。一是市发改委负责统筹协调；二是市财政局负责资金保障。",
     [("responsible", "市发改委"), ("responsible", "市财政局")]),
    ("完善工作机制。其一，市商务局牵头制定实施细则。其二，市税务局负责政策宣传。",
     [("lead", "市商务局"), ("responsible", "市税务局")]),
    ("首先，县住建局负责排查农房安全隐患。", [("responsible", "县住建局")]),
    ("加快推进改造。同时，市商务局牵头制定支持政策，市财政局配合。", [("lead", "市商务局"), ("support", "市财政局")]),
    ("三是在区委统一领导下，区教育局负责校园安全整治。", [("responsible", "区教育局")]),
    ("此外，由市人社局会同市财政局研究提出补贴办法。", [("lead", "市人社局"), ("support", "市财政局")]),
    ("第二，省交通运输厅负责农村公路养护。", [("responsible", "省交通运输厅")]),
    # a context clause or an enumeration word run into the subject, without a comma
    ("在市委统一领导下市应急局负责组织全市应急演练。", [("responsible", "市应急局")]),
    ("二是市财政局负责资金保障，确保按时拨付。", [("responsible", "市财政局")]),
])
def test_enumeration_words_opening_a_part_are_read_past(item, expected, script):
    assert _sentence_rows(item, script) == _convert(expected, script)


@pytest.mark.parametrize("item", [
    "一是加强统筹协调；二是强化资金保障。",  # no body after the enumeration word
    "同时，企业要负责产品质量追溯。",  # 企业 is no body
    "首先，推动企业负责安全生产。",  # a verb before the subject
    "其次，市政府主要负责同志牵头协调。",  # people
    "最后一公里由社区负责打通。",  # 最后 is no enumeration word here, and 社区 alone names no body
])
def test_enumeration_words_make_no_unit_and_no_subject(item):
    _, rows, issues = _read(f"某市2024年重点工作实施方案\n一、重点任务\n1.{item}\n")
    assert rows == [] and [i.code for i in issues] == ["no-units"]


def test_an_enumeration_word_is_no_unit_of_the_unit_text():
    notice, rows, _ = _read("某市2024年重点工作实施方案\n一、重点任务\n1.一是市发改委负责统筹协调；二是市财政局负责资金保障。\n")
    assert [r[2] for r in rows] == ["市发改委", "市财政局"]
    assert not [r for r in rows if any(word in r[2] for word in ("一是", "二是"))]


# An adverb between the bodies and their role verb (积极配合, 切实负责, 主动牵头) keeps the verb's role.
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("item, expected", [
    ("市商务局牵头制定实施细则，市财政局积极配合。", [("lead", "市商务局"), ("support", "市财政局")]),
    ("市发改委要切实负责项目统筹调度。", [("responsible", "市发改委")]),
    ("市发改委牵头，各有关部门要密切配合。", [("lead", "市发改委"), ("support", "各有关部门")]),
    ("市商务局主动牵头，市财政局、市税务局配合。", [("lead", "市商务局"), ("support", "市财政局"), ("support", "市税务局")]),
    ("市体育局负责赛事组织，市教育局全力配合。", [("responsible", "市体育局"), ("support", "市教育局")]),
    ("县农业农村局认真负责落实。", [("responsible", "县农业农村局")]),
    ("区住建局要主动牵头制定改造计划。", [("lead", "区住建局")]),
    ("市教育局积极参与。", [("support", "市教育局")]),
    ("市财政局积极配合市商务局做好资金保障。", [("support", "市财政局"), ("lead", "市商务局")]),
    ("市民政局积极协助。", [("support", "市民政局")]),
    ("各有关部门要积极配合市发改委做好项目申报。", [("support", "各有关部门"), ("lead", "市发改委")]),
    ("各部门要密切配合：一是加强沟通，二是形成合力。", [("support", "各部门")]),  # the bodies' verb, no label
])
def test_an_adverb_before_the_role_verb(item, expected, script):
    assert _sentence_rows(item, script) == _convert(expected, script)


@pytest.mark.parametrize("item", [
    "积极配合国家有关部委做好试点工作。",  # no subject
    "要积极配合。",
    "企业要积极配合。",  # 企业 is no body
    "市政府主要负责同志切实负责。",  # people
    "督促市财政局积极配合。",  # a verb before the subject
    "各部门要以认真负责的态度抓好落实。",  # 认真负责 describes an attitude
])
def test_an_adverb_gives_no_subject_where_there_is_none(item):
    _, rows, issues = _read(f"某市2024年重点工作实施方案\n一、重点任务\n1.{item}\n")
    assert rows == [] and [i.code for i in issues] == ["no-units"]


@pytest.mark.parametrize("party, expected", [
    ("市发改委牵头，市财政局积极配合", [("lead", "市发改委"), ("support", "市财政局")]),
    ("市教育局主动牵头", [("lead", "市教育局")]),
    ("市商务局切实负责", [("responsible", "市商务局")]),
    ("一是市发改委负责，二是市财政局负责", [("responsible", "市发改委"), ("responsible", "市财政局")]),
])
def test_adverbs_and_enumeration_words_in_a_unit_text(party, expected):
    assert _roles(party) == expected


# ---------------------------------------------------------------- bodies after a label of no assignee
@pytest.mark.parametrize("text", [
    "一、甲\n1.推进国企改革。责任单位：市国资委；指导单位：省国资委\n",
    "一、甲\n1.推进国企改革。（责任单位：市国资委；业务指导：省国资委）\n",
    "一、甲\n1.推进国企改革。责任单位：市国资委；报送单位：各县（市、区）国资局\n",
    "附件\n序号\t工作任务\t责任单位\t指导单位\n1\t推进国企改革\t市国资委\t省国资委\n",
])
def test_bodies_that_guide_or_receive_reports_are_no_assignees(text):
    # who guides the work or reports on it is named beside the assignees, never one of them
    _, rows, _ = _read(text)
    assert [(r[1], r[2]) for r in rows] == [("responsible", "市国资委")]


@pytest.mark.parametrize("label", ["联络单位", "对接部门", "审核单位"])
def test_a_label_not_known_is_no_role_for_the_bodies_after_it(label):
    # a label the vocabulary lacks says nothing of a role: its bodies are not read as the label before it gives
    _, rows, _ = _read(f"一、甲\n1.推进国企改革。（牵头单位：市国资委；{label}：市财政局、市税务局）\n")
    assert [(r[1], r[2]) for r in rows] == [("lead", "市国资委")]


@pytest.mark.parametrize("joined", ["以及", "及", "与"])
def test_a_conjunction_opening_a_list_item_is_no_part_of_the_unit(joined):
    # 配合单位：市财政局、市人社局，以及各县（市、区）教育行政部门: 以及 joins the list, the unit starts after it
    assert _roles(f"配合单位：市财政局，{joined}各县（市、区）教育局") == [
        ("support", "市财政局"), ("support", "各县（市、区）教育局")]


@pytest.mark.parametrize("each", ["各县（市、区）教育局", "各县区教育局", "各区财政局"])
def test_a_department_of_each_place_is_one_unit_not_the_places_and_a_department(each):
    # 各县（市、区）教育局 are the counties' bureaus: neither the county governments nor the notice's own 教育局
    assert _roles(f"配合单位：市财政局、{each}") == [("support", "市财政局"), ("support", each)]


def test_a_body_whose_name_opens_like_a_conjunction_keeps_it():
    assert _roles("配合单位：市财政局，和平区政府") == [("support", "市财政局"), ("support", "和平区政府")]


@pytest.mark.parametrize(("bracket", "expected"), [
    # after the lead and its supporters, a body named with its verb and what it does is one more of them
    ("（县公安局负责，县教育局配合做好校园周边治理）", [("responsible", "县公安局"), ("support", "县教育局")]),
    ("（区人社局牵头，区教育局负责组织实施，区财政局负责资金保障）",
     [("lead", "区人社局"), ("support", "区教育局"), ("support", "区财政局")]),
    # one that only follows the task up (督办, 评估验收) is read past, as a 督办单位 is: no assignee
    ("（市教育局牵头，市财政局配合，市政府督查室负责跟踪督办）", [("lead", "市教育局"), ("support", "市财政局")]),
    ("（省教育厅牵头，省财政厅配合，省教育厅负责评估验收）", [("lead", "省教育厅"), ("support", "省财政厅")]),
])
def test_a_body_with_its_verb_and_task_after_the_roles_of_a_bracket(bracket, expected):
    _, rows, _ = _read(f"一、甲\n1.推进义务教育优质均衡发展。{bracket}\n")
    assert [(r[1], r[2]) for r in rows] == expected


@pytest.mark.parametrize("bracket", ["（市教育局负责评估验收）", "（市政府督查室负责跟踪督办）"])
def test_a_bracket_whose_only_body_follows_the_task_up_assigns_nobody(bracket):
    # with no role read before it, a body with a verb and its task is no assignment of the bracket's
    _, rows, _ = _read(f"一、甲\n1.推进义务教育优质均衡发展。{bracket}\n")
    assert rows == []
