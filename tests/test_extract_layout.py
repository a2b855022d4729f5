"""Page layout from positioned text (OCR boxes, OFD characters): lines in reading order, ruled tables cell by cell."""

from fengong.extract.layout import Box, Rule, boxes_to_rows, page_to_rows


def _chars(text: str, x: float, top: float, size: float = 10.0, confidence: float = 1.0) -> list[Box]:
    """One box per character, as an OFD places them."""
    return [Box(x + i * size, top, x + (i + 1) * size, top + size, c, confidence) for i, c in enumerate(text)]


def test_boxes_become_lines_top_to_bottom_and_left_to_right_whatever_their_order():
    boxes = _chars("配合单位", 100, 40) + _chars("牵头单位：", 0, 10) + _chars("市发改委", 50, 10.8)  # 市发改委 sits a little low
    rows = boxes_to_rows(list(reversed(boxes)))
    assert [r.text for r in rows] == ["牵头单位：市发改委", "配合单位"]
    assert rows[0].top == 10


def test_a_wide_gap_is_a_space_and_a_line_keeps_its_least_confident_box():
    boxes = [Box(0, 0, 40, 10, "序号"), Box(80, 0, 120, 10, "重点人群", 0.8), Box(121, 0, 141, 10, "一", 0.95)]
    (row,) = boxes_to_rows(boxes)
    assert row.text == "序号 重点人群一"
    assert row.confidence == 0.8


def _grid(xs: list[float], ys: list[float]) -> list[Rule]:
    """The rules of a full grid: horizontal lines at ys across xs, vertical lines at xs down ys."""
    return [Rule(xs[0], y, xs[-1], y + 0.3) for y in ys] + [Rule(x, ys[0], x + 0.3, ys[-1]) for x in xs]


def test_a_ruled_table_gives_one_row_per_table_row_cells_joined_by_tabs():
    rules = _grid([0, 30, 130, 230], [100, 120, 150])
    boxes = (_chars("序号", 5, 105) + _chars("重点人群", 35, 105) + _chars("牵头单位", 135, 105)
             + _chars("3", 12, 130)  # centred between the two lines of its neighbour
             + _chars("企业法定代表人及相关", 32, 122) + _chars("责任人", 32, 136)
             + _chars("市市场监督管理局", 135, 130)
             + _chars("其后正文", 0, 160))
    rows = page_to_rows(boxes, rules)
    assert [r.text for r in rows] == ["序号\t重点人群\t牵头单位", "3\t企业法定代表人及相关责任人\t市市场监督管理局", "其后正文"]
    assert [r.top for r in rows] == [100.15, 120.15, 160]


def test_an_empty_cell_is_kept_and_a_letterhead_rule_makes_no_table():
    rules = _grid([0, 30, 130, 230], [100, 120]) + [Rule(0, 20, 230, 21)]  # a red rule under the letterhead
    boxes = _chars("常州市文件", 50, 5) + _chars("1", 12, 105) + _chars("市人社局", 135, 105) + _chars("正文", 0, 30)
    assert [r.text for r in page_to_rows(boxes, rules)] == ["常州市文件", "正文", "1\t\t市人社局"]


def test_a_cell_merged_across_columns_is_one_cell():
    # The section row has no rule between its columns: one cell, like a merged Word cell.
    rules = [Rule(0, y, 230, y + 0.3) for y in (100, 120, 140)] + [Rule(x, 100, x + 0.3, 140) for x in (0, 230)]
    rules += [Rule(x, 120, x + 0.3, 140) for x in (30, 130)]
    boxes = _chars("一、社会信用", 60, 105) + _chars("1", 12, 125) + _chars("公务员", 35, 125) + _chars("市委组织部", 135, 125)
    assert [r.text for r in page_to_rows(boxes, rules)] == ["一、社会信用", "1\t公务员\t市委组织部"]
