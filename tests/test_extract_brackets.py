"""The one bracket scanner: the shortcuts that keep long paragraphs linear agree with the full scan."""

from hypothesis import given
from hypothesis import strategies as st

from fengong.extract.brackets import CLOSE, OPEN, bracket_pairs, opener_of_last
from fengong.extract.model import Line
from fengong.extract.paragraphs import Paragraph, ends_with_unit_bracket, last_bracket
from fengong.extract.parties import _ends_text, unit_list_start

# Text made of brackets of every kind (mismatched too), role words and separators: what the scanner meets.
_PIECES = st.sampled_from([*OPEN, *CLOSE, "市发改委", "负责", "牵头单位：", "、", "。", " ", "推进工作"])
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


@given(text=_TEXT, closer=st.sampled_from(CLOSE))
def test_the_opener_of_a_last_bracket_is_the_one_the_full_scan_pairs_with_it(text, closer):
    text += closer
    paired = [start for start, end in bracket_pairs(text).items() if end == len(text) - 1]
    assert opener_of_last(text) == (paired[0] if paired else None)


def test_text_not_ending_with_a_bracket_has_no_last_bracket():
    assert opener_of_last("（市发改委负责）。") is None
    assert opener_of_last("") is None


@given(chunks=st.lists(_TEXT, min_size=1, max_size=8), size=st.integers(min_value=1, max_value=300))
def test_a_paragraphs_tail_is_the_end_of_its_text(chunks, size):
    para = Paragraph("text")
    for i, chunk in enumerate(chunks):
        para.add(chunk, Line(file="x.txt", page=1, line=i + 1, text=chunk))
    assert para.tail(size) == para.text[-size:]


@given(chunks=st.lists(_TEXT, min_size=1, max_size=8), closer=st.sampled_from(CLOSE))
def test_reading_the_last_bracket_from_the_last_lines_decides_as_the_whole_text_does(chunks, closer):
    chunks[-1] += closer
    para = Paragraph("text")
    for i, chunk in enumerate(chunks):
        para.add(chunk, Line(file="x.txt", page=1, line=i + 1, text=chunk))
    assert ends_with_unit_bracket(last_bracket(para)) == ends_with_unit_bracket(para.text)


def test_a_unit_bracket_wrapped_over_lines_still_closes_the_clause():
    para = Paragraph("numbered")
    for i, chunk in enumerate(["推进信用体系建设。（牵头单位：市发改委；", "配合单位：市财政局、", "市教育局）"]):
        para.add(chunk, Line(file="x.txt", page=1, line=i + 1, text=chunk))
    assert last_bracket(para) == "（牵头单位：市发改委；配合单位：市财政局、市教育局）"
    assert ends_with_unit_bracket(last_bracket(para))


@given(text=st.lists(st.sampled_from(["。", "；", ";", " ", "\u3000", "市", "）"]), max_size=6).map("".join),
       i=st.integers(min_value=0, max_value=7))
def test_what_follows_a_bracket_is_judged_as_the_stripped_rest_would_be(text, i):
    assert _ends_text(text, i) == (text[i:].lstrip() in ("", "。", "；", ";"))


def test_a_row_of_thousands_of_fragments_still_finds_its_unit_column():
    # A table whose serials stopped reading gathers every later line into one row: its units are still the last
    # fragments, found without joining the whole tail thousands of times.
    cells = ["推进某项工作"] * 3000 + ["市发改委、", "市财政局"]
    assert unit_list_start(cells, [True] * len(cells)) == 3000
