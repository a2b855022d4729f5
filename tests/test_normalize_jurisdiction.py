"""Jurisdictions: each notice placed in its government; the same body one name, different bodies and places apart."""

import pytest

import fengong
from fengong.normalize.jurisdiction import NATIONAL, Level, notice_to_jurisdiction, place_level, resolve_place

NOTICE = """{city}人民政府办公室关于印发2024年重点工作责任分工方案的通知
各县（市、区）人民政府，市政府各部门：
现将方案印发给你们，请认真贯彻执行。
{city}人民政府办公室
2024年2月20日
一、稳增长
1.扩大有效投资。（牵头单位：{a}；配合单位：{b}、{c}）
2.促进消费。（牵头单位：{d}；责任单位：各县（市、区）人民政府）
"""
SPELLINGS = {"a": "市发改委", "b": "市财政局", "c": "市统计局", "d": "市商务局"}
RESPELT = {"a": "泉州市发展和改革委员会", "b": "泉州市财政局", "c": "市统計局", "d": "市商务局"}


@pytest.mark.parametrize("title, issuer, expected", [
    ("泉州市人民政府办公室关于印发分工方案的通知", None, ("泉州市", Level.CITY)),
    ("北京市东城区人民政府办公室关于印发工作要点的通知", None, ("东城区", Level.COUNTY)),
    ("界首市人民政府关于印发2020年市政府重点工作的通知", None, ("界首市", Level.COUNTY)),
    ("国务院办公厅关于落实重点工作分工的通知", None, (NATIONAL, Level.NATIONAL)),
    ("关于进一步优化营商环境的若干意见", "湖北省人民政府", ("湖北省", Level.PROVINCE)),
    ("加快西宁市流通业发展实施意见", None, ("西宁市", Level.CITY)),
])
def test_a_notice_is_placed_in_its_government(title, issuer, expected):
    found = notice_to_jurisdiction(title, issuer, "")
    assert (found.name, found.level) == expected


@pytest.mark.parametrize("written, full, level", [
    ("泉州", "泉州市", Level.CITY), ("常州", "常州市", Level.CITY), ("三明", "三明市", Level.CITY),
    ("泉州市", "泉州市", Level.CITY), ("晋江", "晋江市", Level.COUNTY), ("恩施州", "恩施土家族苗族自治州", Level.CITY),
    ("延边州", "延边朝鲜族自治州", Level.CITY), ("恩施市", "恩施市", Level.COUNTY),
])
def test_a_place_written_short_is_the_division_it_names(written, full, level):
    # A prefecture's short name can end in 州 (泉州, 常州): it is still a short, not a full name of its own.
    assert resolve_place(written) == full and place_level(full) == level


def test_a_notice_that_names_no_place_gets_its_level():
    found = notice_to_jurisdiction(None, None, "区人民政府办公室关于印发2023年区政府工作报告重点任务分解的通知\n")
    assert (found.name, found.level) == (None, Level.COUNTY)


def _write(tmp_path, name: str, city: str, spellings: dict) -> str:
    path = tmp_path / f"{name}.txt"
    path.write_text(NOTICE.format(city=city, **spellings), encoding="utf-8")
    return str(path)


def test_a_notice_reissued_with_other_standard_spellings_diffs_to_no_content_change(tmp_path):
    old = _write(tmp_path, "old", "泉州市", SPELLINGS)
    new = _write(tmp_path, "new", "泉州市", RESPELT)
    changes = fengong.diff(old, new)["changes"]
    assert set(changes["change"]) <= {"clause-renumbered"}


@pytest.mark.parametrize("a, b", [("市发改委", "市工信局"), ("市财政局", "市税务局"), ("市发改委", "区发改局"), ("市发展改革委", "省发展改革委")])
def test_a_different_body_is_a_change(tmp_path, a, b):
    old = _write(tmp_path, "old", "泉州市", {**SPELLINGS, "a": a})
    new = _write(tmp_path, "new", "泉州市", {**SPELLINGS, "a": b})
    changes = fengong.diff(old, new)["changes"]
    assert {"unit-added", "unit-removed"} <= set(changes["change"]) or "role-changed" in set(changes["change"])


def test_two_cities_keep_their_own_rows_for_the_same_short_name(tmp_path):
    tables = fengong.extract([_write(tmp_path, "quanzhou", "泉州市", SPELLINGS), _write(tmp_path, "xiamen", "厦门市", SPELLINGS)])
    units = tables["units"]
    finance = units[units["unit"] == "市财政局"]
    assert sorted(zip(finance["jurisdiction"], finance["full_name"], strict=True)) == [("厦门市", "厦门市财政局"), ("泉州市", "泉州市财政局")]
    assert set(tables["notices"]["jurisdiction"]) == {"泉州市", "厦门市"}
    responsibilities = tables["responsibilities"]
    assert set(responsibilities.loc[responsibilities["notice_id"] == "xiamen", "jurisdiction"]) == {"厦门市"}


def test_changzhou_keeps_its_own_names(tmp_path):
    tables = fengong.extract([_write(tmp_path, "changzhou", "常州市", {**SPELLINGS, "a": "市信用办"})])
    lead = tables["responsibilities"].iloc[0]
    assert (lead["unit"], lead["jurisdiction"]) == ("市发改委", "常州市")
