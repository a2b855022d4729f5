import pytest

from fengong.extract.errors import InputError
from fengong.extract.text import bytes_to_text, text_to_lines

NOTICE = "附件1：\n一、总则\n1、任务。（牵头单位：市财政局）\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_supported_encodings_decode_to_the_same_text(encoding):
    assert bytes_to_text(NOTICE.encode(encoding), "n.txt") == NOTICE


def test_gbk_is_not_mistaken_for_utf8_mojibake():
    # GBK bytes of Chinese are invalid UTF-8; they must come back as the Chinese, not replacement characters.
    text = bytes_to_text("市发改委（市信用办）".encode("gbk"), "n.txt")
    assert text == "市发改委（市信用办）"
    assert "\ufffd" not in text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "file is empty"),
        (b"  \n\r\n\t", "file is empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (bytes(range(0x80, 0x100)) * 4, "not text"),
    ],
)
def test_unusable_bytes_raise_naming_the_file(data, reason):
    with pytest.raises(InputError) as caught:
        bytes_to_text(data, "bad.txt")
    assert str(caught.value).startswith("bad.txt: ")
    assert reason in str(caught.value)


def test_crlf_and_cr_end_lines_and_numbers_are_kept():
    lines = text_to_lines("甲\r\n乙\r丙\n", "n.txt")
    assert [(ln.line, ln.text) for ln in lines] == [(1, "甲"), (2, "乙"), (3, "丙"), (4, "")]
    assert all(ln.page is None for ln in lines)


def test_form_feeds_count_pages():
    lines = text_to_lines("甲\n乙\f丙\n\f丁", "n.txt")
    assert [(ln.page, ln.text) for ln in lines if ln.text] == [(1, "甲"), (1, "乙"), (2, "丙"), (3, "丁")]
