"""Glyphs -> lines, as pdfplumber groups them, in linear time; copies of glyphs ("fake bold") dropped."""

from fengong.extract.pdf_layout import Char, chars_to_rows, dedupe, duplicate_indexes


def _line(text: str, x: float, top: float, width: float = 10, gap: float = 0) -> list[Char]:
    return [Char(ch, x + i * (width + gap), x + i * (width + gap) + width, top, top + 10, 10) for i, ch in enumerate(text)]


def test_lines_by_top_words_by_gaps_over_three_points():
    chars = _line("任务", 50, 100.0) + _line("ab", 90, 101.5) + _line("cd", 113.1, 100.2) + _line("第二行", 50, 130)
    rows = chars_to_rows(chars)
    assert [(round(r.top), r.text) for r in rows] == [(100, "任务 ab cd"), (130, "第二行")]


def test_glyphs_drawn_in_any_order_read_left_to_right_and_spaces_end_words():
    chars = list(reversed(_line("甲乙 丙", 50, 100)))
    assert [r.text for r in chars_to_rows(chars)] == ["甲乙 丙"]


def test_copies_of_glyphs_within_a_point_are_dropped_in_drawing_order():
    text = _line("依法行政", 50, 100)
    copies = [Char(c.text, c.x0 + 0.4, c.x1 + 0.4, c.top + 0.3, c.bottom + 0.3, c.size) for c in text]
    neighbours = _line("依法", 50, 112)  # same glyphs 12 points lower: not copies
    assert dedupe(text + copies + neighbours) == text + neighbours
    assert [r.text for r in chars_to_rows(copies + text)] == ["依法行政"]
    assert [r.text for r in chars_to_rows(text + copies + neighbours)] == ["依法行政", "依法"]


def test_duplicates_are_found_across_grid_cell_borders():
    # 9.9 and 10.1 fall in different 1-point cells but are 0.2 apart: copies.
    assert duplicate_indexes(["a", "a", "b"], [9.9, 10.1, 10.0], [4.95, 5.05, 5.0]) == {1}
    assert duplicate_indexes(["a", "a"], [10.0, 11.5], [5.0, 5.0]) == set()
