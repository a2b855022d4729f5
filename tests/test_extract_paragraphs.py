from fengong.extract.paragraphs import clean_text, lines_to_paragraphs
from fengong.extract.text import text_to_lines


def _kinds(text: str):
    return [(p.kind, p.text) for p in lines_to_paragraphs(text_to_lines(text, "n.txt"))]


def test_clean_text_drops_spaces_beside_chinese_only():
    assert clean_text(" 建立健全 29 类重点人群 ") == "建立健全29类重点人群"
    assert clean_text("ISO 9001 认证") == "ISO 9001认证"


def test_pinyin_noise_after_characters_is_dropped():
    assert clean_text("省發(fā)展改革委") == "省發展改革委"


def test_a_line_break_is_never_a_boundary_by_itself():
    # Full lines join; the short last line ends the paragraph; a number opens the next one.
    text = "1、建立健全守信激励机制，对诚信事迹突出的公务员予以激\n励。（牵头单位：市发改委）\n2、加强宣传。（牵头单位：市文明办）\n"
    assert _kinds(text) == [("numbered", "建立健全守信激励机制，对诚信事迹突出的公务员予以激励。（牵头单位：市发改委）"),
                            ("numbered", "加强宣传。（牵头单位：市文明办）")]


def test_a_wrapped_line_starting_with_a_number_continues_when_the_number_is_out_of_sequence():
    text = "一、甲\n1、任务包括以下内容并由各部门落实到\n3、5个重点领域。（牵头单位：市发改委）\n2、任务二。（牵头单位：市财政局）\n"
    kinds = _kinds(text)
    assert [k for k, _ in kinds] == ["numbered", "numbered", "numbered"]
    assert kinds[1][1] == "任务包括以下内容并由各部门落实到3、5个重点领域。（牵头单位：市发改委）"


def test_label_lines_are_paragraphs_of_their_own_but_not_inside_a_bracket():
    assert [k for k, _ in _kinds("1.任务。\n牵头单位:区发改局\n责任单位:各街道\n")] == ["numbered", "label", "label"]
    # 配合单位： at the start of a line inside an open bracket continues that bracket.
    kinds = _kinds("1、任务。（牵头单位：市财政局，\n配合单位：市审计局）\n")
    assert kinds == [("numbered", "任务。（牵头单位：市财政局，配合单位：市审计局）")]


def test_tables_and_page_numbers():
    text = "七、分工\n序号 重点人群 牵头单位\n1 公务员 市委组织部\n— 12 —\n序号 重点人群 牵头单位\n2 律师 市司法局\n"
    paras = lines_to_paragraphs(text_to_lines(text, "n.txt"))
    assert [(p.kind, p.number) for p in paras] == [("numbered", 7), ("row", 1), ("row", 2)]
    assert [c.text for c in paras[2].cells] == ["律师", "市司法局"]


def test_spaces_between_words_are_kept_letter_spacing_is_not():
    assert clean_text("协办单位：市财政局 市统计局") == "协办单位：市财政局 市统计局"
    assert clean_text("通 知") == "通知"
    assert clean_text("市 财政局") == "市财政局"
