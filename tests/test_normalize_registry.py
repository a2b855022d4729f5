"""Canonical names: one name per body whatever the spelling, different bodies and different places kept apart."""

import pytest

from fengong.extract.model import Assignment, Role
from fengong.normalize.jurisdiction import NATIONAL, Jurisdiction, Level
from fengong.normalize.registry import RegistryError, assignments_to_responsibilities, default_registry, load_registry, text_to_entries

CHANGZHOU = Jurisdiction("常州市", Level.CITY, "江苏省")
QUANZHOU = Jurisdiction("泉州市", Level.CITY, "福建省")
DONGCHENG = Jurisdiction("东城区", Level.COUNTY, "北京市")


@pytest.fixture(scope="module")
def changzhou():
    return default_registry().for_notice(CHANGZHOU)


@pytest.fixture(scope="module")
def quanzhou():
    return default_registry().for_notice(QUANZHOU)


@pytest.mark.parametrize(
    "raw, canonical",
    [
        ("市发改委（市信用办）", "市发改委"),
        ("市发改委（信用办）", "市发改委"),
        ("市信用办", "市发改委"),
        ("常州市税务局", "市税务局"),
        ("市中级法院", "市中级人民法院"),
        ("市交通局", "市交通运输局"),
        ("常州市市场监督管理局", "市市场监督管理局"),
        ("市 财政局", "市财政局"),
    ],
)
def test_the_changzhou_alias_file_gives_its_names(changzhou, raw, canonical):
    unit = changzhou.unit(raw)
    assert (unit.canonical, unit.known, unit.jurisdiction) == (canonical, True, "常州市")


def test_changzhou_full_names(changzhou):
    assert changzhou.unit("市发改委（市信用办）").full_name == "常州市发展和改革委员会"
    assert changzhou.unit("常州市税务局").full_name == "国家税务总局常州市税务局"


@pytest.mark.parametrize("spelling", ["市发改委", "市发展改革委", "市发展和改革委员会", "泉州市发展和改革委员会", "泉州市发改委", "市發改委"])
def test_every_standard_spelling_of_a_body_gives_one_name(quanzhou, spelling):
    unit = quanzhou.unit(spelling)
    assert (unit.canonical, unit.full_name, unit.jurisdiction, unit.level) == ("市发展和改革委员会", "泉州市发展和改革委员会", "泉州市", Level.CITY)


@pytest.mark.parametrize("a, b", [("市发改委", "市工信局"), ("市财政局", "市税务局"), ("市发改委", "区发改局"),
                                  ("省发展改革委", "市发展改革委"), ("市环保局", "市生态环境局"), ("市国土资源局", "市自然资源局")])
def test_different_bodies_stay_apart(quanzhou, a, b):
    assert quanzhou.unit(a).canonical != quanzhou.unit(b).canonical


def test_the_changzhou_aliases_apply_to_changzhou_notices_only(quanzhou):
    assert quanzhou.unit("市信用办").canonical != "市发改委"
    assert quanzhou.unit("市发改委").full_name == "泉州市发展和改革委员会"


def test_a_body_of_another_place_keeps_its_place(changzhou):
    unit = changzhou.unit("无锡市税务局")
    assert unit.jurisdiction == "无锡市" and unit.canonical.startswith("无锡")


@pytest.mark.parametrize("name", ["泉州海关", "哈尔滨铁路局", "泉州海事局"])
def test_a_vertical_body_named_with_its_place_keeps_its_own_name(quanzhou, name):
    # Customs and regulators name their place without 市 (泉州海关, not 泉州市海关); adding a level would invent a body.
    unit = quanzhou.unit(name)
    assert (unit.canonical, unit.full_name, unit.known) == (name, name, True)


@pytest.mark.parametrize("names, official", [
    (["泉州银保监分局", "中国银保监会泉州监管分局", "中国银行保险监督管理委员会泉州监管分局"], "中国银行保险监督管理委员会泉州监管分局"),
    (["泉州金融监管分局", "国家金融监督管理总局泉州监管分局"], "国家金融监督管理总局泉州监管分局"),
    (["福建证监局", "中国证监会福建监管局"], "中国证券监督管理委员会福建监管局"),
    (["人民银行南京分行", "中国人民银行南京分行"], "中国人民银行南京分行"),
    (["泉州调查队", "国家统计局泉州调查队"], "国家统计局泉州调查队"),
])
def test_a_branch_named_after_its_organisation_gets_the_official_name(quanzhou, names, official):
    # Still no level added (泉州, not 泉州市): the organisation is written out before the place, as it officially is.
    assert {quanzhou.unit(n).canonical for n in names} == {official}
    assert {quanzhou.unit(n).full_name for n in names} == {official}


def test_branches_of_one_bureau_keep_their_own_places(quanzhou):
    # 安溪分局 and 南安分局 are two offices; the branch's place is its name, not where its parent bureau sits.
    anxi, nanan = quanzhou.unit("泉州市生态环境局安溪分局"), quanzhou.unit("市生态环境局南安分局")
    assert (anxi.canonical, anxi.full_name) == ("市生态环境局安溪分局", "泉州市生态环境局安溪分局")
    assert (nanan.canonical, nanan.full_name) == ("市生态环境局南安分局", "泉州市生态环境局南安分局")


@pytest.mark.parametrize("spelling, name", [
    ("国家开发银行", "国家开发银行"), ("国开行", "国家开发银行"), ("进出口银行", "中国进出口银行"), ("农发行", "中国农业发展银行"),
    ("中国信保", "中国出口信用保险公司"), ("工程院", "中国工程院"), ("国家版权局", "国家版权局"), ("国家密码局", "国家密码管理局"),
    ("国家原子能机构", "国家原子能机构"), ("国家核安全局", "国家核安全局"),
])
def test_state_council_notices_name_policy_banks_academies_and_agencies(spelling, name):
    # Complete State Council division notices assign tasks to these; unread, a bracket of them assigned nobody.
    national = default_registry().for_notice(Jurisdiction(NATIONAL, Level.NATIONAL))
    unit = national.unit(spelling)
    assert (unit.canonical, unit.known) == (name, True)


def test_bare_names_take_the_level_of_the_notice():
    dongcheng = default_registry().for_notice(DONGCHENG)
    unit = dongcheng.unit("统计局")
    assert (unit.canonical, unit.full_name, unit.jurisdiction) == ("区统计局", "东城区统计局", "东城区")
    national = default_registry().for_notice(Jurisdiction(NATIONAL, Level.NATIONAL))
    assert national.unit("发展改革委").canonical == "国家发展和改革委员会"
    assert national.unit("國家發展改革委").canonical == "国家发展和改革委员会"


ANXI = Jurisdiction("安溪县", Level.COUNTY, "泉州市")


@pytest.mark.parametrize("notice, raw, canonical, full_name", [
    (QUANZHOU, "市纪委市监委", "市纪委监委", "中共泉州市纪委监委"),
    (ANXI, "县纪委县监委", "县纪委监委", "中共安溪县纪委监委"),
    (QUANZHOU, "市政务服务中心", "市政务服务中心", "泉州市政务服务中心"),
    (ANXI, "县政务服务中心", "县政务服务中心", "安溪县政务服务中心"),
    (QUANZHOU, "市资规局", "市自然资源和规划局", "泉州市自然资源和规划局"),
    (QUANZHOU, "市疾控中心", "市疾病预防控制中心", "泉州市疾病预防控制中心"),
    (QUANZHOU, "市委外办", "市委外事工作委员会办公室", "中共泉州市委外事工作委员会办公室"),
    (Jurisdiction("合肥市", Level.CITY, "安徽省"), "合肥市数据资源局", "市数据资源管理局", "合肥市数据资源管理局"),
    (Jurisdiction("广西壮族自治区", Level.PROVINCE), "自治区党委办公厅", "自治区党委办公厅", "中共广西壮族自治区党委办公厅"),
    (QUANZHOU, "市政府外办", "市外事办公室", "泉州市外事办公室"),
    (QUANZHOU, "福建省泉州市发展和改革委员会", "市发展和改革委员会", "泉州市发展和改革委员会"),
    (QUANZHOU, "福建泉州市气象局", "市气象局", "泉州市气象局"),
    (ANXI, "泉州市安溪县人民法院", "县人民法院", "安溪县人民法院"),
    (QUANZHOU, "市委市直机关工委", "市委直属机关工作委员会", "中共泉州市委直属机关工作委员会"),
])
def test_bodies_of_every_level_get_their_standard_name(notice, raw, canonical, full_name):
    unit = default_registry().for_notice(notice).unit(raw)
    assert (unit.canonical, unit.full_name, unit.known) == (canonical, full_name, True)


@pytest.mark.parametrize("a, b", [("市疾控中心", "市疾控局"), ("市政务服务中心", "市政务服务管理局"), ("市数据资源局", "市数据局"),
                                  ("市数据资源局", "市大数据局"), ("市营商办", "市营商环境局")])
def test_bodies_with_alike_names_stay_apart(quanzhou, a, b):
    # Each pair is two bodies (an institution and the bureau over it, or two ways of organising data work).
    assert quanzhou.unit(a).known and quanzhou.unit(b).known
    assert quanzhou.unit(a).canonical != quanzhou.unit(b).canonical


LIXIN = Jurisdiction("利辛县", Level.COUNTY, "亳州市")
GANZHOU = Jurisdiction("赣州市", Level.CITY, "江西省")
FUJIAN = Jurisdiction("福建省", Level.PROVINCE)


@pytest.mark.parametrize("notice, spellings, canonical, full_name", [
    # public institutions under a bureau, short and full
    (ANXI, ["县社保中心", "县社会保险中心", "安溪县社会保险事业管理中心"], "县社会保险事业管理中心", "安溪县社会保险事业管理中心"),
    (GANZHOU, ["市医保中心", "赣州市医疗保障服务中心"], "市医疗保障服务中心", "赣州市医疗保障服务中心"),
    (LIXIN, ["县公积金中心", "利辛县住房公积金管理中心"], "县住房公积金管理中心", "利辛县住房公积金管理中心"),
    (QUANZHOU, ["市不动产登记中心", "泉州市不动产登记中心"], "市不动产登记中心", "泉州市不动产登记中心"),
    # merged county bureaus
    (ANXI, ["县发改商务局", "县发展改革和商务局", "安溪县发展改革和商务局"], "县发展改革和商务局", "安溪县发展改革和商务局"),
    (LIXIN, ["县文旅体局", "县文化旅游体育局", "利辛县文化旅游体育局"], "县文化旅游体育局", "利辛县文化旅游体育局"),
    (LIXIN, ["县农业农村和水利局", "县农业农村水利局"], "县农业农村和水利局", "利辛县农业农村和水利局"),
    (ANXI, ["县卫生健康和医疗保障局", "县卫生健康医疗保障局"], "县卫生健康和医疗保障局", "安溪县卫生健康和医疗保障局"),
    # central-bank branches: a 中心支行 is named with its city's level, however the notice writes it
    (QUANZHOU, ["人行泉州中支", "人行泉州市中心支行", "人民银行泉州中心支行", "人民银行泉州市中支", "中国人民银行泉州市中心支行"],
     "中国人民银行市中心支行", "中国人民银行泉州市中心支行"),
    (GANZHOU, ["人行赣州中支", "人民银行赣州市中心支行"], "中国人民银行市中心支行", "中国人民银行赣州市中心支行"),
])
def test_short_and_full_spellings_of_a_body_give_one_unit(notice, spellings, canonical, full_name):
    namer = default_registry().for_notice(notice)
    units = {(u.canonical, u.full_name, u.known, u.jurisdiction) for u in map(namer.unit, spellings)}
    assert units == {(canonical, full_name, True, notice.name)}


@pytest.mark.parametrize("spellings, official", [
    (["人行泉州中支", "人民银行泉州中心支行", "中国人民银行泉州市中心支行"], "中国人民银行泉州市中心支行"),
    (["人行三明市中支", "人民银行三明中心支行"], "中国人民银行三明市中心支行"),
    (["泉州银保监分局", "中国银保监会泉州监管分局"], "中国银行保险监督管理委员会泉州监管分局"),
    (["漳州金融监管分局", "国家金融监督管理总局漳州监管分局", "金融监管总局漳州监管分局"], "国家金融监督管理总局漳州监管分局"),
])
def test_a_provincial_notice_names_each_city_branch_once(spellings, official):
    namer = default_registry().for_notice(FUJIAN)
    assert {namer.unit(s).canonical for s in spellings} == {official}


def test_a_county_notice_places_its_city_branch_in_the_city():
    namer = default_registry().for_notice(ANXI)
    units = {(u.canonical, u.jurisdiction, u.level) for u in map(namer.unit, ["人行泉州中支", "人民银行泉州市中心支行"])}
    assert units == {("中国人民银行泉州市中心支行", "泉州市", Level.CITY)}


@pytest.mark.parametrize("raw", ["市直各执法部门", "各县（市、区）相关部门", "市直有关单位", "各乡镇（街道）", "县直各职能部门",
                                 "各有关区、县级市"])
def test_a_class_of_bodies_is_one_catch_all(raw):
    for notice in (QUANZHOU, ANXI, GANZHOU):
        unit = default_registry().for_notice(notice).unit(raw)
        assert (unit.canonical, unit.generic, unit.known, unit.recognised) == (raw, True, True, True)


@pytest.mark.parametrize("a, b", [("县社保中心", "县人社局"), ("县医保中心", "县医保局"), ("县发改商务局", "县发改局"),
                                  ("县发改商务局", "县商务局"), ("县文旅体局", "县文体旅局"), ("县农业农村和水利局", "县水利局"),
                                  ("县卫生健康和医疗保障局", "县卫健局"), ("人行泉州中支", "泉州金融监管分局"),
                                  ("泉州银保监分局", "泉州金融监管分局")])
def test_a_merged_bureau_or_an_institution_is_not_the_bureau_it_came_from(a, b):
    # Merged bureaus and the institutions under a bureau are bodies of their own; a renamed regulator is not joined.
    namer = default_registry().for_notice(ANXI)
    assert namer.unit(a).known and namer.unit(b).known
    assert namer.unit(a).canonical != namer.unit(b).canonical


def test_a_place_of_the_same_name_under_another_parent_is_another_place():
    chaoyang = default_registry().for_notice(Jurisdiction("朝阳市", Level.CITY, "辽宁省"))
    assert chaoyang.unit("北京市朝阳区发展和改革委员会").jurisdiction != "朝阳市"


def test_a_shared_prefix_places_the_body(quanzhou):
    unit = quanzhou.unit("发展改革委", shared_prefix="省")
    assert unit.canonical == "省发展和改革委员会" and unit.level == Level.PROVINCE


@pytest.mark.parametrize("raw", ["市各有关部门", "市有关部门", "市相关单位", "各有关单位", "国务院各部门", "各县、市、区人民政府"])
def test_catch_alls_are_generic_units(changzhou, raw):
    unit = changzhou.unit(raw)
    assert unit.generic and unit.known


@pytest.mark.parametrize("raw", ["市财政局", "市发改委（市信用办）", "常州市税务局", "某某新设局", "市各有关部门", "哈尔滨市政府", "区发改局"])
def test_naming_the_canonical_name_again_changes_nothing(changzhou, raw):
    once = changzhou.unit(raw).canonical
    assert changzhou.unit(once).canonical == once


def test_units_the_model_cannot_read_are_reported_once():
    namer = default_registry().for_notice(QUANZHOU)
    rows = [Assignment("1-1", Role.LEAD, 1, "张三同志", False, None, 5), Assignment("1-2", Role.LEAD, 1, "张三同志", False, None, 9)]
    out, issues = assignments_to_responsibilities(rows, namer)
    assert [r.unit.canonical for r in out] == ["张三同志", "张三同志"]
    assert [(i.code, i.clause_id, i.line) for i in issues] == [("unrecognised-unit", "1-1", 5)]


def test_alias_file_extends_and_overrides(tmp_path):
    extra = tmp_path / "aliases.csv"
    extra.write_text("canonical,full_name,aliases\n某某新设局,某市某某新设局,新设局\n市交通局,,\n市发改委,新的全称,\n", encoding="utf-8-sig")
    namer = load_registry(extra).for_notice(CHANGZHOU)
    assert namer.unit("新设局").canonical == "某某新设局"
    assert namer.unit("新设局").full_name == "某市某某新设局"
    assert namer.unit("市发改委").full_name == "新的全称"
    # A spelling made canonical of its own no longer maps to the body it was an alias of.
    assert namer.unit("市交通局").canonical == "市交通局"


def test_alias_entries_may_name_their_jurisdiction(tmp_path):
    extra = tmp_path / "aliases.csv"
    extra.write_text("canonical,full_name,aliases,jurisdiction\n市发改委,泉州市发展和改革委员会,市发展改革委,泉州市\n", encoding="utf-8")
    registry = load_registry(extra)
    assert registry.for_notice(QUANZHOU).unit("市发展改革委").canonical == "市发改委"
    assert registry.for_notice(Jurisdiction("厦门市", Level.CITY)).unit("市发展改革委").canonical == "市发展和改革委员会"


def test_units_csv_written_by_the_tool_reads_back_as_an_alias_file():
    entries = text_to_entries("jurisdiction,level,unit,full_name,known,generic,spellings,lead,support,responsible,total\n"
                              "泉州市,city,市发改委,泉州市发展和改革委员会,True,False,市发改委 | 市发展改革委,1,0,0,1\n", "units.csv")
    assert [(e.canonical, e.spellings, e.jurisdiction) for e in entries] == [("市发改委", ("市发展改革委",), "泉州市")]


@pytest.mark.parametrize("text, message", [
    ("name,alias\n甲,乙\n", "first row must name"),
    ("canonical,full_name,aliases\n,全称,\n", "row 2 has no canonical"),
    ("canonical,full_name,aliases\n甲局,,乙局\n乙局,,甲局\n", "cyclic or chained aliases"),
    ("canonical,full_name,aliases\n甲局,,丙局\n乙局,,丙局\n", "丙局 is given two canonical names"),
])
def test_malformed_alias_file_names_the_problem(text, message):
    with pytest.raises(RegistryError, match=message):
        text_to_entries(text, "bad.csv")


def test_missing_alias_file_names_it(tmp_path):
    with pytest.raises(RegistryError, match="nope.csv"):
        load_registry(tmp_path / "nope.csv")


@pytest.mark.parametrize("office", ["规划处", "财务科", "委办公室", "機關黨委"])
def test_an_office_of_a_department_keeps_its_name_and_gets_no_full_name(quanzhou, office):
    # 规划处 in a department's own plan: the name does not say whose office it is, so it is not placed in the city
    unit = quanzhou.unit(office)
    assert (unit.canonical, unit.full_name, unit.known, unit.jurisdiction) == (office.replace("機關黨委", "机关党委"), None, False, "泉州市")
