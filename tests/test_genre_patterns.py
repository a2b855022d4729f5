"""The common ways notices of the genre assign units, one small notice each."""

import pytest

from fengong.extract.parties import clause_to_assignments, deadline_to_date, party_text_to_party
from fengong.extract.segment import lines_to_notice
from fengong.extract.text import text_to_lines
from fengong.normalize.jurisdiction import NATIONAL, Jurisdiction, Level, notice_to_jurisdiction
from fengong.normalize.registry import default_registry


def _read(text: str):
    notice = lines_to_notice(text_to_lines(text, "n.txt"), "n.txt")
    rows = []
    for clause in notice.clauses:
        assignments, _ = clause_to_assignments(clause, notice.first_listed)
        rows.extend((a.clause_id, a.role, a.position, a.unit_raw, a.etc_follows, a.convention) for a in assignments)
    return notice, rows


def _units(text: str, role: str | None = None):
    return [(m.role, m.unit_raw, m.etc_follows) for m in party_text_to_party(text, role).mentions]


def test_labelled_lines_under_a_clause():
    notice, rows = _read("一、目标\n1.地区生产总值增长6%左右。\n牵头单位:区发改局\n责任单位:立山经济开发区,各街道、区直各部门\n2.规上工业增加值增长5%。\n牵头单位：区工信局\n")
    assert rows == [
        ("1-1", "lead", 1, "区发改局", False, None),
        ("1-1", "responsible", 1, "立山经济开发区", False, None),
        ("1-1", "responsible", 2, "各街道", False, None),
        ("1-1", "responsible", 3, "区直各部门", False, None),
        ("1-2", "lead", 1, "区工信局", False, None),
    ]


@pytest.mark.parametrize(
    "party, expected",
    [
        ("牵头责任单位:省发展改革委；协同责任单位:省财政厅、省统计局", [("lead", "省发展改革委"), ("support", "省财政厅"), ("support", "省统计局")]),
        ("主办单位：市商务局 协办单位：市财政局 市统计局", [("lead", "市商务局"), ("support", "市财政局"), ("support", "市统计局")]),
        ("【牵头单位】市教育局【配合单位】市财政局", [("lead", "市教育局"), ("support", "市财政局")]),
        ("责任领导：张三；牵头单位：市发改委；责任单位：市财政局、市统计局", [("lead", "市发改委"), ("responsible", "市财政局"), ("responsible", "市统计局")]),
        ("市财政局牵头，市审计局配合", [("lead", "市财政局"), ("support", "市审计局")]),
        ("市发展改革委、市财政局按职责分工负责", [("responsible", "市发展改革委"), ("responsible", "市财政局")]),
        ("省人事厅配合省委有关部门落实", [("support", "省人事厅"), ("lead", "省委有关部门")]),
        ("國務院各部門分別負責，年內持續推進", [("responsible", "國務院各部門")]),
        ("省環保廳、發展改革委按職責分工負責", [("responsible", "省環保廳"), ("responsible", "發展改革委")]),
    ],
)
def test_labels_and_prose(party, expected):
    assert [(r, u) for r, u, _ in _units(party)] == expected


def test_person_names_are_leaders_not_units_and_deadlines_are_kept():
    party = party_text_to_party("责任领导：张三、李四；牵头单位：市发改委；完成时限：2023年6月底前")
    assert party.leaders == ("张三", "李四")
    assert [m.unit_raw for m in party.mentions] == ["市发改委"]
    assert party.deadline == "2023年6月底前"


@pytest.mark.parametrize("brackets", ["（{}）", "({})", "〔{}〕", "[{}]"])
def test_bracket_forms(brackets):
    text = "一、甲\n1.加强监管。" + brackets.format("责任单位：市场监管局、市公安局") + "\n"
    _, rows = _read(text)
    assert [(r[1], r[3]) for r in rows] == [("responsible", "市场监管局"), ("responsible", "市公安局")]


def test_by_phrase_in_the_text():
    _, rows = _read("一、甲\n1.加强粮食生产。由发展改革委会同中央农办、财政部等部门负责。\n")
    assert rows == [("1-1", "lead", 1, "发展改革委", False, None), ("1-1", "support", 1, "中央农办", False, None), ("1-1", "support", 2, "财政部", True, None)]


def test_first_listed_is_lead_convention():
    text = "某市人民政府办公室关于印发重点工作责任分解的通知\n各部门：\n责任分解中，列第一位的责任单位为牵头单位。\n某市人民政府办公室\n2020年5月20日\n重点工作责任分解\n一、甲\n1.任务。（责任单位：市发改委、市财政局）\n"
    notice, rows = _read(text)
    assert notice.first_listed_is_lead
    assert rows == [("1-1", "lead", 1, "市发改委", False, "first-listed-is-lead"), ("1-1", "responsible", 1, "市财政局", False, None)]


def test_heading_lead_convention():
    # An item naming its own lead (2.培育企业 led by 区工信局) is led by it alone: the heading's lead is the default.
    text = "一、强化科技创新（区科技局牵头）\n1.建设实验室。（责任单位：区财政局）\n2.培育企业。（牵头单位：区工信局）\n二、其他\n1.任务。（责任单位：区统计局）\n"
    _, rows = _read(text)
    assert rows == [
        ("1-1", "responsible", 1, "区财政局", False, None),
        ("1-1", "lead", 1, "区科技局", False, "heading-lead"),
        ("1-2", "lead", 1, "区工信局", False, None),
        ("2-1", "responsible", 1, "区统计局", False, None),
    ]


def test_covering_letter_numbered_paragraphs_are_not_tasks():
    text = ("关于印发目标任务责任分解方案的通知\n各部门：\n现就有关事项通知如下：\n一、各责任单位要高度重视。\n二、按季度报送进展。\n"
            "某区人民政府办公室\n2023年1月3日\n目标任务责任分解方案\n一、主要预期目标\n（一）地区生产总值增长7%以上\n责任单位:区发展和改革局\n")
    notice, rows = _read(text)
    assert [c.clause_id for c in notice.clauses] == ["1-1"]
    assert notice.clauses[0].title == "地区生产总值增长7%以上"
    assert rows == [("1-1", "responsible", 1, "区发展和改革局", False, None)]


def test_a_covering_letter_alone_has_no_tasks():
    text = "关于印发责任分解的通知\n各部门：\n一、要提高站位。\n二、列第一位的责任单位为牵头单位。\n某市人民政府办公厅\n2020年5月20日\n"
    notice, _ = _read(text)
    assert notice.clauses == () and notice.first_listed_is_lead


def test_shared_suffix_lists_are_one_unit():
    assert [u for _, u, _ in _units("责任单位：各县、市、区政府，市财政局")] == ["各县、市、区政府", "市财政局"]
    assert [u for _, u, _ in _units("责任单位：各区、县级市")] == ["各区、县级市"]
    assert [u for _, u, _ in _units("责任单位：各街道、区直各部门")] == ["各街道", "区直各部门"]


def test_numbering_variants():
    text = "一、甲\n1﹒任务一。（责任单位：市财政局）\n2．任务二。（责任单位：市审计局）\n（3）任务三。（责任单位：市统计局）\n①任务四。（责任单位：市民政局）\n"
    notice, rows = _read(text)
    # A numbered item that names units and also has items below it is a clause of its own.
    assert [c.clause_id for c in notice.clauses] == ["1-1", "1-2", "1-2-3", "1-2-3-1"]
    assert [(r[0], r[3]) for r in rows] == [("1-1", "市财政局"), ("1-2", "市审计局"), ("1-2-3", "市统计局"), ("1-2-3-1", "市民政局")]


def test_flattened_table_one_cell_per_line():
    text = ("附件\n重点工作任务\n序号\n重点工作\n完成时限\n牵头单位\n责任单位\n牵头区领导\n责任人\n工作\n内容\n主要任务\n"
            "1\n一、全年主要预期目标\n1.地区生产总值\n增长8.5%左右\n202312月底前\n区发展改革委\n区经济和信息化局、区商务局\n鲁胜启\n桂仁章\n"
            "2\n2.一般公共预算收入\n增长6%\n2023年12月底前\n区财政局\n区税务局\n王五\n赵六\n")
    notice, rows = _read(text)
    assert [c.clause_id for c in notice.clauses] == ["A1-1-T1", "A1-1-T2"]
    first = notice.clauses[0]
    assert (first.title, first.text, first.leaders, first.deadline, first.deadline_date) == ("地区生产总值", "增长8.5%左右", ("鲁胜启", "桂仁章"), "202312月底前", "2023-12-31")
    assert rows[:3] == [("A1-1-T1", "lead", 1, "区发展改革委", False, None), ("A1-1-T1", "responsible", 1, "区经济和信息化局", False, None),
                        ("A1-1-T1", "responsible", 2, "区商务局", False, None)]


@pytest.mark.parametrize("raw, iso", [("2023年12月底前", "2023-12-31"), ("2022年10月底前", "2022-10-31"), ("2024年2月", "2024-02-29"),
                                      ("2023年6月15日前", "2023-06-15"), ("202312月底前", "2023-12-31"), ("2023年底前", "2023-12-31"),
                                      ("年内持续推进", None), ("长期坚持", None)])
def test_deadlines_to_dates(raw, iso):
    assert deadline_to_date(raw) == iso


def test_traditional_units_normalise_to_simplified_and_keep_their_spelling():
    _, rows = _read("一、甲\n1.任務。（牽頭單位：市發展改革委；責任單位：市級各有關部門）\n")
    assert [(r[1], r[3]) for r in rows] == [("lead", "市發展改革委"), ("responsible", "市級各有關部門")]
    registry = default_registry().for_notice(Jurisdiction(None, Level.CITY))
    assert registry.unit("市級各有關部門").canonical == "市级各有关部门" and registry.unit("市級各有關部門").generic


def test_inline_aliases_feed_normalisation():
    notice, _ = _read("为推进工作，国家发展和改革委员会（以下简称国家发展改革委）牵头。\n一、甲\n1.任务。（牵头单位：国家发展改革委）\n")
    assert ("国家发展改革委", "国家发展和改革委员会") in notice.aliases
    national = default_registry().for_notice(Jurisdiction(NATIONAL, Level.NATIONAL), notice.aliases)
    assert national.unit("国家发展改革委").canonical == national.unit("国家发展和改革委员会").canonical == "国家发展和改革委员会"
    # A short name the model does not know on its own joins the long name the notice gave it.
    notice, _ = _read("安徽阜阳界首高新技术产业开发区管委会（以下简称高新区管委会）负责协调。\n一、甲\n1.任务。（牵头单位：高新区管委会）\n")
    namer = default_registry().for_notice(Jurisdiction("界首市", Level.COUNTY, "阜阳市"), notice.aliases)
    assert namer.unit("高新区管委会").canonical == namer.unit("安徽阜阳界首高新技术产业开发区管委会").canonical


def test_shipped_city_table_only_applies_to_notices_of_its_city():
    registry = default_registry()
    changzhou = notice_to_jurisdiction("常州市人民政府关于印发分工方案的通知", None, "")
    beijing = notice_to_jurisdiction("北京市人民政府办公厅关于印发工作要点的通知", None, "")
    assert registry.for_notice(changzhou).unit("市发展改革委").canonical == "市发改委"
    unit = registry.for_notice(beijing).unit("市发展改革委")
    assert (unit.canonical, unit.full_name, unit.jurisdiction) == ("市发展和改革委员会", "北京市发展和改革委员会", "北京市")


def test_html_text_blocks_and_table_rows():
    from fengong.extract.html import html_to_lines

    page = ("<html><head><title>标题</title><script>var x='1、不是任务';</script></head><body>"
            "<div><p>一、重点人群</p><table><tr><th>序号</th><th>重点人群</th><th>牵头单位</th></tr>"
            "<tr><td>1</td><td>公务员</td><td>市委组织部、<br>市公务员管理局</td></tr></table>"
            "<p>二、其他</p><p>1、任务。（牵头单位：市财政局&#xff09;</p></div></body></html>")
    lines = [ln.text for ln in html_to_lines(page, "n.html")]
    assert lines == ["一、重点人群", "序号\t重点人群\t牵头单位", "1\t公务员\t市委组织部、市公务员管理局", "二、其他", "1、任务。（牵头单位：市财政局）"]


TAB_TABLE = "\n".join([
    "附件",
    "2023年重点工作任务",
    "序号\t重点工作\t具体任务\t完成时限\t牵头单位\t责任单位\t牵头区领导",
    "一、稳增长",
    "1\t地区生产总值\t增长8%\t2023年12月底前\t区发展改革委\t区商务局、区财政局\t张三",
    "2\t固定资产投资\t增长10%\t\t区发展改革委\t\t李四",
    "序号\t重点工作\t具体任务\t完成时限\t牵头单位\t责任单位\t牵头区领导",
    "二、促改革",
    "3\t营商环境\t优化服务\t年内持续推进\t区政务服务局\t各街道\t王五",
    "",
])


def test_word_or_pdf_table_with_section_rows_and_serials_running_on():
    notice, rows = _read(TAB_TABLE)
    assert [c.clause_id for c in notice.clauses] == ["A1-1-T1", "A1-1-T2", "A1-2-T3"]
    assert [i.code for i in notice.issues] == []  # 3 follows 2 across the section row: no gap
    first, second, third = notice.clauses
    assert (first.title, first.text, first.deadline_date, first.leaders, first.section_title) == ("地区生产总值", "增长8%", "2023-12-31", ("张三",), "稳增长")
    assert (second.deadline, second.leaders) == (None, ("李四",))
    assert (third.deadline, third.section_title) == ("年内持续推进", "促改革")
    assert rows == [
        ("A1-1-T1", "lead", 1, "区发展改革委", False, None),
        ("A1-1-T1", "responsible", 1, "区商务局", False, None),
        ("A1-1-T1", "responsible", 2, "区财政局", False, None),
        ("A1-1-T2", "lead", 1, "区发展改革委", False, None),
        ("A1-2-T3", "lead", 1, "区政务服务局", False, None),
        ("A1-2-T3", "responsible", 1, "各街道", False, None),
    ]


def test_lead_marked_inside_a_list():
    assert _units("责任单位：市发展改革委（牵头）、市财政局、市统计局(配合)") == [
        ("lead", "市发展改革委", False), ("responsible", "市财政局", False), ("support", "市统计局", False)]


def test_shared_suffix_of_provincial_lists():
    assert [u for _, u, _ in _units("配合单位：省财政厅，各市、县人民政府")] == ["省财政厅", "各市、县人民政府"]


def test_labels_in_the_text_of_an_item_with_items_below():
    text = ("一、稳增长\n（一）扩大投资\n2.实施城市更新。牵头领导：王五 牵头单位：市住建局 协办单位：市财政局 市统计局\n"
            "（1）老旧小区改造。（责任单位：各区人民政府）\n")
    notice, rows = _read(text)
    assert [c.clause_id for c in notice.clauses] == ["1-1-2", "1-1-2-1"]
    assert notice.clauses[0].leaders == ("王五",) and notice.clauses[1].section_title == "实施城市更新"
    assert [(r[0], r[1], r[3]) for r in rows] == [("1-1-2", "lead", "市住建局"), ("1-1-2", "support", "市财政局"),
                                                  ("1-1-2", "support", "市统计局"), ("1-1-2-1", "responsible", "各区人民政府")]


def test_html_table_without_serial_numbers_counts_its_rows():
    from fengong.extract.html import html_to_lines
    from fengong.extract.segment import lines_to_notice as to_notice

    page = ("<p>附件</p><p>重点工作任务</p><table><tr><th>重点工作</th><th>牵头单位</th><th>责任单位</th></tr>"
            "<tr><td>优化营商环境</td><td>市发展改革委</td><td>市市场监管局、市政务办</td></tr>"
            "<tr><td>稳定就业</td><td>市人社局</td><td></td></tr></table>")
    notice = to_notice(html_to_lines(page, "n.html"), "n.html")
    assert [(c.clause_id, c.title) for c in notice.clauses] == [("A1-T1", "优化营商环境"), ("A1-T2", "稳定就业")]
    rows = [(a.clause_id, a.role, a.unit_raw) for c in notice.clauses for a in clause_to_assignments(c)[0]]
    assert rows == [("A1-T1", "lead", "市发展改革委"), ("A1-T1", "responsible", "市市场监管局"), ("A1-T1", "responsible", "市政务办"),
                    ("A1-T2", "lead", "市人社局")]
