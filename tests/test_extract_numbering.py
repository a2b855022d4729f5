import pytest

from fengong.extract.numbering import line_to_attachment, line_to_marker, to_int


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
