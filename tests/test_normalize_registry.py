import pytest

from fengong.extract.model import Assignment
from fengong.normalize.registry import RegistryError, assignments_to_responsibilities, default_registry, load_registry, text_to_registry


@pytest.fixture(scope="module")
def registry():
    return default_registry()


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
def test_required_aliases(registry, raw, canonical):
    unit = registry.unit(raw)
    assert (unit.canonical, unit.known) == (canonical, True)


@pytest.mark.parametrize("raw", ["人民银行常州市中心支行", "常州海关", "常州银监分局", "常州国际机场集团有限公司", "市政务办", "团市委"])
def test_bodies_that_are_not_city_prefixed_municipal_ones_keep_their_name(registry, raw):
    assert registry.unit(raw).canonical == raw


def test_city_prefix_is_dropped_only_for_the_registry_city(registry):
    assert registry.city == "常州"
    assert registry.unit("无锡市税务局").canonical == "无锡市税务局"
    assert not registry.unit("无锡市税务局").known


def test_full_names(registry):
    assert registry.unit("市发改委（市信用办）").full_name == "常州市发展和改革委员会"
    assert registry.unit("常州市税务局").full_name == "国家税务总局常州市税务局"


@pytest.mark.parametrize("raw", ["市各有关部门", "市有关部门", "市各部门", "市相关部门", "市相关单位", "各有关单位"])
def test_catch_alls_are_generic_units(registry, raw):
    unit = registry.unit(raw)
    assert (unit.canonical, unit.generic, unit.known) == (raw, True, True)


@pytest.mark.parametrize("raw", ["市财政局", "市发改委（市信用办）", "常州市税务局", "某某新设局", "市各有关部门"])
def test_normalising_the_canonical_name_changes_nothing(registry, raw):
    once = registry.unit(raw).canonical
    assert registry.unit(once).canonical == once


def test_unknown_unit_keeps_its_spelling_and_is_reported_once(registry):
    rows = [Assignment("A1-1-1", "lead", 1, "某某新设局", False, None, 5), Assignment("A1-1-2", "lead", 1, "某某新设局", False, None, 9)]
    out, issues = assignments_to_responsibilities(rows, registry)
    assert [r.unit.canonical for r in out] == ["某某新设局", "某某新设局"]
    assert [(i.code, i.clause_id, i.line) for i in issues] == [("unknown-unit", "A1-1-1", 5)]


def test_alias_file_extends_and_overrides(tmp_path):
    extra = tmp_path / "aliases.csv"
    extra.write_text("canonical,full_name,aliases\n某某新设局,某市某某新设局,新设局\n市交通局,,\n市发改委,新的全称,\n", encoding="utf-8-sig")
    registry = load_registry(extra)
    assert registry.unit("新设局").canonical == "某某新设局"
    assert registry.unit("新设局").full_name == "某市某某新设局"
    assert registry.unit("市发改委").full_name == "新的全称"
    # A spelling made canonical of its own no longer maps to the body it was an alias of.
    assert registry.unit("市交通局").canonical == "市交通局"


@pytest.mark.parametrize("text, message", [("name,alias\n甲,乙\n", "first row must be"), ("canonical,full_name,aliases\n,全称,\n", "row 2 has no canonical")])
def test_malformed_alias_file_names_the_problem(text, message):
    with pytest.raises(RegistryError, match=message):
        text_to_registry(text, "bad.csv")


def test_missing_alias_file_names_it(tmp_path):
    with pytest.raises(RegistryError, match="nope.csv"):
        load_registry(tmp_path / "nope.csv")
