from fengong.extract.bodies import looks_like_body
from fengong.extract.genre import header_role
from fengong.extract.model import Clause, Piece, Span
from fengong.extract.parties import clause_to_assignments, party_text_to_party, text_to_party, unit_list_start


def _span(text: str, line: int = 10) -> Span:
    return Span(text, (Piece(0, line, None),))


def _clause(party: str, table_role: str | None = None) -> Clause:
    units = party_text_to_party(party, header_role(table_role) if table_role else None)
    return Clause(clause_id="A1-1-1", attachment=1, section=1, item="1", row=None, title=None, section_title=None, text="任务",
                  party_text=party, party=_span(party), page=None, line=10, units=units)


def _rows(party: str, table_role: str | None = None):
    assignments, issues = clause_to_assignments(_clause(party, table_role))
    return [(a.role, a.position, a.unit_raw, a.etc_follows) for a in assignments], [i.code for i in issues]


def test_lead_and_support_with_nested_brackets():
    rows, issues = _rows("牵头单位：市发改委（市信用办）、市财政局，配合单位：市纪委、市各有关部门")
    assert rows == [
        ("lead", 1, "市发改委（市信用办）", False),
        ("lead", 2, "市财政局", False),
        ("support", 1, "市纪委", False),
        ("support", 2, "市各有关部门", False),
    ]
    assert issues == []


def test_roles_separated_by_semicolon_and_responsible_role():
    rows, _ = _rows("责任单位：市司法局、市政务办；配合单位：市各有关部门")
    assert rows == [("responsible", 1, "市司法局", False), ("responsible", 2, "市政务办", False), ("support", 1, "市各有关部门", False)]


def test_trailing_etc_forms_mark_the_unit_before_and_make_no_row():
    for tail in ["等", "等部门", "等有关部门", "等市部门", "等单位"]:
        rows, _ = _rows(f"配合单位：市公安局、市妇联{tail}")
        assert rows == [("support", 1, "市公安局", False), ("support", 2, "市妇联", True)], tail


def test_a_merged_bureau_is_one_unit_and_two_bureaus_joined_by_and_are_two():
    # 县农业农村和水利局 is one bureau (2019 reform); 县农业农村局和水利局 names two, the second sharing the level.
    rows, issues = _rows("牵头单位：县农业农村和水利局；配合单位：县发改商务局、县卫生健康和医疗保障局、县农业农村局和水利局")
    assert [r[2] for r in rows] == ["县农业农村和水利局", "县发改商务局", "县卫生健康和医疗保障局", "县农业农村局", "水利局"]
    assert issues == []


def test_institutions_branches_and_classes_of_bodies_are_one_unit_each():
    rows, _ = _rows("牵头单位：市直各执法部门；配合单位：各乡镇（街道）、各县（市、区）相关部门、人行赣州中支、区社保中心、县不动产登记中心")
    assert [r[2] for r in rows] == ["市直各执法部门", "各乡镇（街道）", "各县（市、区）相关部门", "人行赣州中支", "区社保中心", "县不动产登记中心"]


def test_units_in_prose_are_read_in_their_short_forms():
    rows, _ = _rows("县社保中心负责，县医保中心、人行泉州中支配合")
    assert [(r[0], r[2]) for r in rows] == [("responsible", "县社保中心"), ("support", "县医保中心"), ("support", "人行泉州中支")]


def test_remark_is_not_a_unit():
    rows, _ = _rows("责任单位：市各有关部门，具体分工见附表")
    assert rows == [("responsible", 1, "市各有关部门", False)]


def test_no_units_is_reported():
    rows, issues = _rows("")
    assert rows == [] and issues == ["no-units"]


def test_table_cell_takes_the_role_of_its_column():
    rows, _ = _rows("市委组织部、市公务员管理局", table_role="牵头单位")
    assert rows == [("lead", 1, "市委组织部", False), ("lead", 2, "市公务员管理局", False)]


def test_unit_line_comes_from_where_the_unit_starts():
    span = Span("牵头单位：市财政局，配合单位：市审计局", (Piece(0, 7, 2), Piece(10, 9, 3)))
    clause = Clause(clause_id="A1-1-1", attachment=1, section=1, item="1", row=None, title=None, section_title=None, text="任务",
                    party_text=span.text, party=span, page=2, line=7, units=party_text_to_party(span.text))
    assignments, _ = clause_to_assignments(clause)
    assert [(a.unit_raw, a.line, a.page) for a in assignments] == [("市财政局", 7, 2), ("市审计局", 9, 3)]


def test_party_is_the_last_labelled_bracket():
    task, party, issues = text_to_party(_span("依托市公共信用信息系统（平台）开展工作。（牵头单位：市发改委（市信用办））"), "A1-1-1")
    assert task.text == "依托市公共信用信息系统（平台）开展工作。"
    assert party.text == "牵头单位：市发改委（市信用办）"
    assert issues == []


def test_unclosed_bracket_reads_to_the_end_of_the_clause_and_is_reported():
    task, party, issues = text_to_party(_span("开展工作。（牵头单位：市财政局，配合单位：市审计局"), "A1-1-1")
    assert party.text == "牵头单位：市财政局，配合单位：市审计局"
    assert [i.code for i in issues] == ["unclosed-bracket"]


def test_text_without_a_labelled_bracket_has_no_party():
    task, party, issues = text_to_party(_span("依托平台（系统）开展工作。"), "A1-1-1")
    assert party is None and task.text == "依托平台（系统）开展工作。" and issues == []


def test_unit_names_by_the_genre():
    for name in ["市财政局", "常州海关", "常州银监分局", "人民银行常州市中心支行", "团市委", "市各有关部门", "教育部", "國務院各部門"]:
        assert looks_like_body(name), name
    for name in ["公务员", "任人市", "企业法定代表人", "具体分工见附表"]:
        assert not looks_like_body(name), name


def test_table_unit_column_starts_after_the_text_cells():
    # 企业法定代表人及相关责 / 任人 / 市市场监督管理局: the cell end marked after 任人 decides.
    assert unit_list_start(["企业法定代表人及相关责", "任人", "市市场监督管理局"], [False, True, True]) == 2
    assert unit_list_start(["公务员", "市委组织部、市公务员管理", "局"], [True, False, True]) == 1
    assert unit_list_start(["金融从业人员", "市地方金融监督管理局、人", "民银行常州市中心支行、常", "州银监分局"], [True, False, False, True]) == 1
