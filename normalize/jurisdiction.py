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
from importlib import resources

import regex

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
_GOVERNMENT = r"(?:人民政府(?:办公厅|办公室)?|政府(?:办公厅|办公室)?|人民政府文件)"
# 泉州市人民政府办公室, 北京市东城区人民政府, 鞍山市立山区人民政府文件, 江苏省政府
_ISSUER = regex.compile(rf"((?:\p{{Han}}{{2,8}}?{_SUFFIX})(?:\p{{Han}}{{2,5}}?(?:区|县|市|旗))?){_GOVERNMENT}")
_LABELLED = regex.compile(r"(?:发文机关|發文機關|发布部门|发文单位|信息来源)\s*[:：]\s*(\S{2,30})")
# 国务院关于…, 国务院办公厅关于…, 国家发展改革委关于…: a national issuer opens the title (a city's title may cite one later).
_NATIONAL = regex.compile(r"^(?:国务院|中共中央|中央人民政府|国家\p{Han}{1,12}?(?:委员会|委|部|总局|局|署)(?:办公厅)?关于)")
_BARE_LEVEL = regex.compile(r"(?:^|[^\p{Han}])(省|市|区|县)(?:人民)?政府(?:办公厅|办公室)?(?:关于|文件)")
_NOT_PLACE = regex.compile(r"^(?:各|有关|相关|全|本|我|该|上级|下级|所在)")
_PREFECTURE_SUFFIX = ("自治州", "地区", "盟")


@cache
def divisions() -> dict[str, Division]:
    """The shipped divisions table (normalize/divisions.csv) -> divisions by full name."""
    try:
        text = resources.files("fengong.normalize").joinpath("divisions.csv").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
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


def text_to_place(text: str) -> Jurisdiction | None:
    """An issuer or a line naming one (北京市东城区人民政府办公室) -> the place it names, most specific first."""
    m = _ISSUER.search(text)
    if not m:
        return None
    name = m.group(1)
    if _NOT_PLACE.match(name):
        return None
    for outer in sorted((d for d in divisions() if name.startswith(d) and name != d), key=len, reverse=True):
        inner = name[len(outer):]
        return Jurisdiction(inner, place_level(inner, outer), outer)
    split = regex.match(r"^(\p{Han}{2,6}?(?:省|自治区|市))(\p{Han}{2,5}(?:区|县|市|旗))$", name)
    if split and split.group(1) not in ("自治区",):
        return Jurisdiction(split.group(2), place_level(split.group(2), split.group(1)), split.group(1))
    known = divisions().get(name)
    return Jurisdiction(name, place_level(name), known.parent if known else None)


def notice_to_jurisdiction(title: str | None, issuer: str | None, head: str) -> Jurisdiction:
    """A notice's title, issuer and first lines -> its jurisdiction (name where one is written, and level)."""
    head = to_simplified(head)
    candidates = [to_simplified(t) for t in (issuer, title) if t] + [m.group(1) for m in _LABELLED.finditer(head)]
    for text in candidates:
        if _NATIONAL.match(text.strip()):
            return Jurisdiction(NATIONAL, Level.NATIONAL)
        found = text_to_place(text)
        if found:
            return found
    for line in head.splitlines()[:40]:
        if _NATIONAL.match(line.strip()):
            return Jurisdiction(NATIONAL, Level.NATIONAL)
        found = text_to_place(line)
        if found:
            return found
    bare = _BARE_LEVEL.search(head)
    if bare:
        return Jurisdiction(None, {"省": Level.PROVINCE, "市": Level.CITY}.get(bare.group(1), Level.COUNTY))
    return Jurisdiction(None, Level.UNKNOWN)
