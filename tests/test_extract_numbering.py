import pytest

from fengong.extract.numbering import ARTICLE_LEVEL, CHAPTER_LEVEL, PART_LEVEL, line_to_attachment, line_to_marker, to_int


@pytest.mark.parametrize("printed, value", [("1", 1), ("１２", 12), ("三", 3), ("十", 10), ("十二", 12), ("二十三", 23), ("⑤", 5)])
def test_printed_numbers(printed, value):
    assert to_int(printed) == value


def test_not_a_number_raises_naming_it():
    with pytest.raises(ValueError, match="甲"):
        to_int("甲")


@pytest.mark.parametrize(
    "line, level, number, rest",
    [
        ("一、基本原则", 1, 1, "基本原则"),
        ("十一、其他", 1, 11, "其他"),
        ("（二）加强监管", 2, 2, "加强监管"),
        ("(二)加强监管", 2, 2, "加强监管"),
        ("3、依法行政。", 3, 3, "依法行政。"),
        ("3.依法行政", 3, 3, "依法行政"),
        ("3．依法行政", 3, 3, "依法行政"),
        ("3﹒依法行政", 3, 3, "依法行政"),
        ("（4）细化", 4, 4, "细化"),
        ("②细化", 5, 2, "细化"),
    ],
)
def test_markers_by_level(line, level, number, rest):
    marker = line_to_marker(line)
    assert (marker.level, marker.number, marker.rest) == (level, number, rest)


@pytest.mark.parametrize("line", ["12.5亿元用于", "2019年4月", "依法行政", "附件：", "一是加强"])
def test_no_marker(line):
    assert line_to_marker(line) is None


@pytest.mark.parametrize("line, expected", [("附件 1：", (1, "")), ("附件2", (2, "")), ("附件三：任务清单", (3, "任务清单"))])
def test_attachment_headings(line, expected):
    assert line_to_attachment(line) == expected


def test_attachment_list_label_is_not_an_attachment_heading():
    assert line_to_attachment("附件：") is None


@pytest.mark.parametrize("line, level, number, rest", [
    ("第一条 为规范管理，制定本办法。", ARTICLE_LEVEL, 1, "为规范管理，制定本办法。"),
    ("第十二条　县应急局负责统筹。", ARTICLE_LEVEL, 12, "县应急局负责统筹。"),
    ("第3条 市财政局负责", ARTICLE_LEVEL, 3, "市财政局负责"),
    ("第二十條 區住建局負責", ARTICLE_LEVEL, 20, "區住建局負責"),
    ("第一章 总则", CHAPTER_LEVEL, 1, "总则"),
    ("第三章　保障措施", CHAPTER_LEVEL, 3, "保障措施"),
    ("第二节 建设领域", PART_LEVEL, 2, "建设领域"),
    ("第二節 交通領域", PART_LEVEL, 2, "交通領域"),
])
def test_articles_chapters_and_their_sections(line, level, number, rest):
    marker = line_to_marker(line)
    assert (marker.level, marker.number, marker.rest) == (level, number, rest)
    assert CHAPTER_LEVEL < PART_LEVEL < ARTICLE_LEVEL < line_to_marker("一、总则").level


@pytest.mark.parametrize("line", ["第一条规定的事项", "第三条之规定执行", "第五条、第六条所列事项", "第二章中的要求", "第一批试点", "第三季度",
                                  "第一书记驻村", "第二十条第一款"])
def test_an_article_cited_in_a_sentence_is_no_marker(line):
    assert line_to_marker(line) is None
