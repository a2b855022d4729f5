"""The tasks table: the notice's own shape, one row per clause with its units by role."""

import pandas as pd
import pytest

from fengong.outputs.tables import SCHEMAS

from cases import CASES, case_frames
from conftest import SAMPLE


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_tasks_are_the_clauses_with_their_units_by_role(case):
    frames = case_frames(case)
    tasks, clauses, resp = frames["tasks"], frames["clauses"], frames["responsibilities"]
    assert list(tasks.columns) == SCHEMAS["tasks"].names
    assert list(tasks["clause_id"]) == list(clauses["clause_id"])  # one row per clause, in document order
    for column in ("title", "text", "leaders", "deadline", "deadline_date", "page"):
        assert tasks[column].equals(clauses[column].reset_index(drop=True)), column
    for row in tasks.itertuples():
        mine = resp[(resp["notice_id"] == row.notice_id) & (resp["clause_id"] == row.clause_id)]
        for role in ("lead", "support", "responsible"):
            units = list(dict.fromkeys(mine.loc[mine["role"] == role, "unit"]))
            value = getattr(row, role)
            # Compared joined, not split: a unit may hold 、 itself (各县、市、区政府 is one unit).
            assert (value if isinstance(value, str) else None) == ("、".join(units) or None), (row.clause_id, role)


def test_tasks_read_against_the_notice():
    import fengong

    tasks = fengong.extract([SAMPLE])["tasks"].set_index("clause_id")
    # 附件1 二 2 (lines 154-174): 牵头单位：市发改委（市信用办），配合单位：市纪委、市中级法院、市委组织部、市公安局、市各有关部门
    row = tasks.loc["A1-2-2"]
    assert (row["lead"], row["support"]) == ("市发改委", "市纪委、市中级人民法院、市委组织部、市公安局、市各有关部门")
    assert row["responsible"] is pd.NA
    # 附件3 table row 23 (line 1180): 机动车驾驶人 市公安局、市交通运输局 under 牵头单位
    assert (tasks.loc["A3-7-T23", "title"], tasks.loc["A3-7-T23", "lead"]) == ("机动车驾驶人", "市公安局、市交通运输局")
