"""Jurisdiction: which government a notice belongs to (泉州市人民政府办公室 -> 泉州市, city; 国务院办公厅 -> national).

Read from the notice's issuer, title and first lines, with the divisions table (divisions.csv: provinces,
prefecture-level divisions, county-level cities and the municipalities' districts) to tell a prefecture-level
city from a county-level one; where no place is named, the level alone (区人民政府办公室 -> county).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

import regex

from fengong.extract.resources import shipped_text
from fengong.extract.script import to_simplified


class Level(StrEnum):
    """The level of a government (and of its bodies)."""

    NATIONAL = "national"  # 国务院, 国家发展改革委
    PROVINCE = "province"  # 省, 自治区, 直辖市
    CITY = "city"  # 地级市, 自治州, 地区, 盟
    COUNTY = "county"  # 县, 县级市, 区, 旗
    TOWNSHIP = "township"  # 镇, 乡, 街道
    UNKNOWN = "unknown"


NATIONAL = "全国"  # the jurisdiction of the State Council and its ministries


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """A government: its name (泉州市, 东城区, 江苏省, 全国; None where the notice names no place) and level."""

    name: str | None
    level: Level
    parent: str | None = None  # the division above it, where known (阜阳市 for 界首市, 北京市 for 东城区)

    @property
    def short(self) -> str | None:
        """泉州市 -> 泉州, 宁夏回族自治区 -> 宁夏: how the place is written inside body names."""
        return place_short(self.name) if self.name else None


@dataclass(frozen=True, slots=True)
class Division:
    name: str
    short: str
    level: Level
    parent: str | None


_SUFFIX = r"(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|省|市|盟|区|县|旗)"
_GOVERNMENT = r"(?:人民政府|政府|委员会|发展和改革委员会|党委|人民代表大会|人大常委会|办公厅|办公室)"
# A place opening an issuer or a title: a division of the table (泉州市, 北京市), then perhaps a county below it
# (东城区, 立山区); or a county not in the table right before its government (繁昌区人民政府).
_COUNTY_AFTER = regex.compile(r"\p{Han}{1,4}?(?:区|县|市|旗)(?=\p{Han}{0,4}?(?:人民政府|政府|委员会|党委|办公室|文件))")
_BARE_COUNTY = regex.compile(rf"^(\p{{Han}}{{1,4}}?(?:区|县|旗|市))(?={_GOVERNMENT})")
_LABELLED = regex.compile(r"(?:发文机关|發文機關|发布部门|发文单位|信息来源|发布机构)\s*[:：]\s*(\S{2,30})")
# 国务院关于…, 国务院办公厅关于…, 国家发展改革委关于…: a national issuer opens the title (a city's title may cite one later).
_NATIONAL = regex.compile(r"^(?:国务院|中共中央|中央人民政府|国家\p{Han}{1,12}?(?:委员会|委|部|总局|局|署)(?:办公厅)?关于)")
_BARE_LEVEL = regex.compile(r"(?:^|[^\p{Han}])(省|市|区|县)(?:人民)?政府(?:办公厅|办公室)?(?:关于|文件)")
_PREFECTURE_SUFFIX = ("自治州", "地区", "盟")
# The one-character names of the provinces that open their government's document numbers: 鄂政发 -> 湖北省.
_PROVINCE_ABBREVIATIONS = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省", "蒙": "内蒙古自治区",
    "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省", "闽": "福建省", "赣": "江西省",
    "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省", "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省",
    "川": "四川省", "贵": "贵州省", "黔": "贵州省", "云": "云南省", "滇": "云南省", "藏": "西藏自治区", "陕": "陕西省",
    "甘": "甘肃省", "青": "青海省", "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区",
}


@cache
def divisions() -> dict[str, Division]:
    """The shipped divisions table (normalize/divisions.csv) -> divisions by full name."""
    text = shipped_text("fengong.normalize", "divisions.csv")
    out = {}
    for row in csv.DictReader(io.StringIO(text)):
        out[row["name"]] = Division(row["name"], row["short"], Level(row["level"]), row["parent"] or None)
    return out


def place_short(name: str) -> str:
    """A place's full name -> the short form used inside body names (泉州市 -> 泉州, 东城区 -> 东城)."""
    known = divisions().get(name)
    if known:
        return known.short
    return regex.sub(rf"{_SUFFIX}$", "", name) or name


@cache
def _by_short() -> dict[str, str | None]:
    """Short place names -> the one division they name (None where several share it: 朝阳, 吉林)."""
    out: dict[str, str | None] = {}
    for division in divisions().values():
        out[division.short] = None if division.short in out and out[division.short] != division.name else division.name
    return out


def resolve_place(place: str) -> str | None:
    """A place as written in a body's name (哈尔滨, 哈尔滨市, 常州, 延边州) -> the division's full name, None if it names none.

    Shorts are looked up before a level word is trusted: 泉州 and 常州 end in 州 but are the shorts of 泉州市 and 常州市,
    and 延边州 is 延边朝鲜族自治州."""
    if place in divisions():
        return place
    full = _by_short().get(place) or _autonomous_prefectures().get(place)
    if full:
        return full
    if place.endswith(("省", "市", "区", "县", "州", "盟", "旗", "自治区", "地区")):
        return place
    return None


@cache
def _autonomous_prefectures() -> dict[str, str]:
    """Autonomous prefectures as notices shorten them (延边州, 恩施州) -> their full names."""
    return {d.short + "州": d.name for d in divisions().values() if d.name.endswith("自治州")}


def place_level(name: str, parent: str | None = None) -> Level:
    """A place's full name -> its level: the divisions table first, then its suffix (X区 under a city is a county)."""
    known = divisions().get(name)
    if known:
        return known.level
    if name.endswith(("省", "自治区", "特别行政区")):
        return Level.PROVINCE
    if name.endswith(_PREFECTURE_SUFFIX) or (name.endswith("市") and parent is None):
        return Level.CITY
    if name.endswith(("镇", "乡", "街道")):
        return Level.TOWNSHIP
    return Level.COUNTY


@cache
def _division_at_start() -> regex.Pattern:
    names = sorted(divisions(), key=len, reverse=True)
    return regex.compile("^(?:" + "|".join(regex.escape(n) for n in names) + ")") if names else regex.compile(r"(?!)")


def text_to_place(text: str) -> Jurisdiction | None:
    """An issuer or title that opens with a place (北京市东城区人民政府办公室, 泉州市…, 繁昌区人民政府) -> that place."""
    text = text.strip()
    known = _division_at_start().match(text)
    if known:
        outer = known.group(0)
        inner = _COUNTY_AFTER.match(text, known.end())
        if inner and inner.group(0) != outer:
            return Jurisdiction(inner.group(0), place_level(inner.group(0), outer), outer)
        division = divisions()[outer]
        return Jurisdiction(outer, division.level, division.parent)
    bare = _BARE_COUNTY.match(text)
    if bare and len(bare.group(1)) >= 2 and not regex.match(r"各|和|与|及|有关|相关|全|本|我|该|市|省|区|县", bare.group(1)):
        return Jurisdiction(bare.group(1), place_level(bare.group(1), "?"))
    return None


def notice_to_jurisdiction(title: str | None, issuer: str | None, head: str, doc_number: str | None = None) -> Jurisdiction:
    """A notice's title, issuer, first lines and 文号 -> its jurisdiction (name where one is written, and level)."""
    head = to_simplified(head)
    lines = [regex.sub(r"^(?:首页|当前位置).*?[>＞]\s*|^[【《]|[】》]", "", line.strip()) for line in head.splitlines()[:40]]
    candidates = [to_simplified(t) for t in (issuer, title) if t] + [m.group(1) for m in _LABELLED.finditer(head)] + lines
    for text in candidates:
        if _NATIONAL.match(text.strip()):
            return Jurisdiction(NATIONAL, Level.NATIONAL)
        found = text_to_place(text)
        if found:
            return found
    if title:
        # A title that names a place further in (加快西宁市流通业发展实施意见): that place, the most specific one.
        named = [d for d in divisions() if d in to_simplified(title) and len(d) >= 3]
        if named:
            best = max(named, key=lambda d: (divisions()[d].level == Level.COUNTY, divisions()[d].level == Level.CITY, len(d)))
            return Jurisdiction(best, divisions()[best].level, divisions()[best].parent)
    bare = _BARE_LEVEL.search(head)
    if bare:
        level = {"省": Level.PROVINCE, "市": Level.CITY}.get(bare.group(1), Level.COUNTY)
        province = _PROVINCE_ABBREVIATIONS.get((doc_number or " ")[0]) if level == Level.PROVINCE else None
        return Jurisdiction(province, level)
    return Jurisdiction(None, Level.UNKNOWN)


def level_from_units(jurisdiction: Jurisdiction, units: list[str]) -> Jurisdiction:
    """A jurisdiction of unknown level and the units a notice names -> the level most of their prefixes give (市财政局: city)."""
    if jurisdiction.level != Level.UNKNOWN:
        return jurisdiction
    counts = {Level.PROVINCE: 0, Level.CITY: 0, Level.COUNTY: 0}
    for unit in units:
        level = {"省": Level.PROVINCE, "市": Level.CITY, "区": Level.COUNTY, "县": Level.COUNTY}.get(to_simplified(unit[:1]))
        if level:
            counts[level] += 1
    best = max(counts, key=lambda level: counts[level])
    return Jurisdiction(jurisdiction.name, best) if counts[best] else jurisdiction
