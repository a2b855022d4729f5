"""Canonical unit names: spellings as written -> one name per body, kept apart per jurisdiction.

How a unit gets its name, in order:
1. an alias file entry for the notice's jurisdiction (the shipped aliases/changzhou.csv: 市信用办 -> 市发改委), or
   one given with --aliases (for every notice, or for the jurisdiction it names), or a short name the notice
   defines itself (…（以下简称X）);
2. else the body-name model: the standard full name with its level prefix (市发改委, 市发展改革委 and
   泉州市发展和改革委员会 in a 泉州 notice are all 市发展和改革委员会); a body of another place keeps its place
   (哈尔滨市人民政府 in a provincial notice);
3. else the name as written, simplified, reported: `unknown-unit` when it reads as a body the model does not know,
   `unrecognised-unit` when it does not read as a body at all.
`full_name` is the name with the jurisdiction (泉州市发展和改革委员会), so it joins across cities and spellings;
renamed bodies (环保局 / 生态环境局) are not joined unless an alias file says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

from fengong.extract.bodies import Body, national_name, organisation_first, parse_body
from fengong.extract.model import Assignment, Issue, IssueCode
from fengong.extract.names import path_text
from fengong.extract.resources import shipped_text
from fengong.extract.script import to_simplified
from fengong.normalize.aliasfile import RegistryError, alias_text_to_rows, path_to_alias_text
from fengong.normalize.jurisdiction import NATIONAL, Jurisdiction, Level, place_level, place_short, resolve_place

SPELLING_SEPARATOR = " | "
SHIPPED = ("changzhou.csv",)  # the alias files under normalize/aliases/, each naming its jurisdiction
_WHITESPACE = regex.compile(r"\s+")
_TRAILING_NAME = regex.compile(r"^(.+?)[（(]([^（）()]+)[）)]$")
_LEVEL_PREFIX = {Level.PROVINCE: "省", Level.CITY: "市"}
_PREFIXED_KINDS = ("government", "party", "court", "procuratorate", "congress", "cppcc", "mass")  # take a level prefix
_PREFIXED_KEYS = ("tax",)  # a vertical body named by level: 区税务局
_NAMED_KINDS = ("zone", "enterprise", "other")  # bodies whose place is part of their own name
_PREFIX_LEVEL = {"国家": Level.NATIONAL, "国务院": Level.NATIONAL, "中央": Level.NATIONAL, "全国": Level.NATIONAL,
                 "省": Level.PROVINCE, "自治区": Level.PROVINCE, "省委": Level.PROVINCE, "自治区党委": Level.PROVINCE,
                 "市": Level.CITY, "州": Level.CITY, "盟": Level.CITY, "地区": Level.CITY, "市委": Level.CITY, "州委": Level.CITY,
                 "县": Level.COUNTY, "区": Level.COUNTY, "旗": Level.COUNTY, "县委": Level.COUNTY, "区委": Level.COUNTY,
                 "镇": Level.TOWNSHIP, "乡": Level.TOWNSHIP, "街道": Level.TOWNSHIP}


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit's canonical name and what is known of it."""

    canonical: str
    full_name: str | None
    known: bool  # an alias file or the body-name model gives its name
    generic: bool  # a catch-all: 各有关部门, 市各有关单位
    jurisdiction: str | None  # the government the body belongs to (泉州市, 全国); None where the notice names none
    level: Level
    recognised: bool = True  # reads as the name of a body at all


@dataclass(frozen=True, slots=True)
class Responsibility:
    """An assignment with its unit normalised."""

    assignment: Assignment
    unit: Unit


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One body of an alias file: its canonical name, full name and other spellings; for one jurisdiction or all."""

    canonical: str
    full_name: str | None
    spellings: tuple[str, ...]
    jurisdiction: str | None = None  # None: every notice


@dataclass(frozen=True, slots=True)
class Registry:
    """Alias entries: the shipped ones (each for its own jurisdiction) and the user's (--aliases)."""

    entries: tuple[AliasEntry, ...] = ()

    def for_notice(self, jurisdiction: Jurisdiction, defined: tuple[tuple[str, str], ...] = ()) -> Namer:
        """The namer for one notice: the entries of its jurisdiction and of all, and the short names it defines."""
        spellings: dict[str, AliasEntry] = {}
        own = [e for e in self.entries if e.jurisdiction is None or e.jurisdiction == jurisdiction.name]
        # A jurisdiction's own file first, then entries for every notice, which may override it.
        for entry in sorted(own, key=lambda e: e.jurisdiction is None):
            for spelling in (entry.canonical, *entry.spellings):
                spellings[_key(spelling)] = entry
        namer = Namer(jurisdiction, spellings)
        for short, name in defined:
            namer = namer.defining(short, name)
        return namer


@dataclass(frozen=True, slots=True)
class Namer:
    """Names the units of one notice (see the module docstring for the order)."""

    jurisdiction: Jurisdiction
    spellings: dict[str, AliasEntry] = field(default_factory=dict)

    def defining(self, short: str, name: str) -> Namer:
        """A short name the notice defines (国家发展和改革委员会（以下简称国家发展改革委）) -> a namer that knows it."""
        entry = self._entry(name) or self._entry(short)
        if entry is None:
            body = parse_body(name)
            canonical = self._body_unit(body, "").canonical if body else to_simplified(short)
            entry = AliasEntry(canonical, to_simplified(name), (short, name))
        spellings = dict(self.spellings)
        spellings.setdefault(_key(short), entry)
        spellings.setdefault(_key(name), entry)
        return replace(self, spellings=spellings)

    def unit(self, raw: str, shared_prefix: str = "") -> Unit:
        """A unit as written, in either script, and the level prefix it shares with the unit before it -> its Unit."""
        name = _key(raw)
        entry = self._entry(name) or (self._entry(shared_prefix + name) if shared_prefix else None)
        if entry is not None:
            return self._entry_unit(entry)
        body = parse_body(name) or (parse_body(shared_prefix + name) if shared_prefix else None)
        if body is None:
            return Unit(name, None, False, False, self.jurisdiction.name, self.jurisdiction.level, recognised=False)
        return self._body_unit(body, shared_prefix)

    def _entry(self, name: str) -> AliasEntry | None:
        name = _key(name)
        found = self.spellings.get(name)
        if found is None and (bracket := _TRAILING_NAME.match(name)):
            found = self.spellings.get(bracket.group(1))  # 市发改委（市信用办）: one body, two names
        if found is None and self.jurisdiction.short and name.startswith(self.jurisdiction.short):
            # 常州市税务局 -> 市税务局 in a 常州 notice
            rest = name[len(self.jurisdiction.short):]
            found = self.spellings.get(rest) or (self.spellings.get(rest[1:]) if rest.startswith(("市", "区", "县")) else None)
            if found is None and not rest.startswith(("市", "区", "县", "省")):
                found = self.spellings.get(_own_prefix(self.jurisdiction) + rest)
        return found

    def _entry_unit(self, entry: AliasEntry) -> Unit:
        level = _prefix_level(entry.canonical) or self.jurisdiction.level
        return Unit(entry.canonical, entry.full_name, True, False, self.jurisdiction.name, level)

    def _body_unit(self, body: Body, shared_prefix: str) -> Unit:
        """A body read by the model -> its Unit, placed in the notice's jurisdiction or in the place it names."""
        known = body.key is not None
        if body.kind == "vertical" and body.place and not body.prefix:
            # 常州海关, 常州银监分局, 哈尔滨铁路局: a vertical body's own name holds its place where its system puts it
            # (a bare 税务局 still takes the notice's level, below).
            named = organisation_first(body) or body.text  # one official name for every spelling of a branch
            return Unit(named, named, known, False, self.jurisdiction.name, self.jurisdiction.level)
        if body.place and body.kind in _NAMED_KINDS:
            # 立山经济开发区, 长乐投资有限公司: the place is part of the name, whoever's notice it is.
            named = _placed(body.canonical, body.prefix, body.place)
            return Unit(named, named, known, False, self.jurisdiction.name, self.jurisdiction.level)
        if body.place and not _same_place(body.place, self.jurisdiction):
            place = resolve_place(body.place)
            named = _placed(body.canonical, body.prefix, body.place)
            if place is None:  # 杭州城西科创产业集聚区管委会: a name that opens with a place-like word, not another government
                return Unit(named, named, known, False, self.jurisdiction.name, self.jurisdiction.level)
            return Unit(named, _full_name(body.canonical, body.prefix, body.place, body), known, False, place, place_level(place))
        if body.kind == "office":
            # 规划处 in a department's own plan: the name does not say whose office it is, so it has no full name.
            return Unit(body.canonical, None, known, False, self.jurisdiction.name, self.jurisdiction.level)
        if body.generic:
            level = _prefix_level(body.prefix) if body.prefix else self.jurisdiction.level
            return Unit(body.canonical, None, True, True, NATIONAL if level == Level.NATIONAL else self._place_for(level), level or Level.UNKNOWN)
        prefixed = body.kind in _PREFIXED_KINDS or body.key in _PREFIXED_KEYS
        prefix = body.prefix or (shared_prefix if prefixed else "")
        level = self._level_of(prefix)
        if level == Level.NATIONAL or (not prefix and not prefixed and self.jurisdiction.level == Level.NATIONAL):
            national = national_name(body.key) if body.key else None
            return Unit(national or body.canonical, national or body.canonical, known, False, NATIONAL, Level.NATIONAL)
        if not prefix and prefixed:
            prefix = _own_prefix(self.jurisdiction)  # 统计局 in a 东城区 notice is 区统计局
        canonical = body.canonical if body.prefix else prefix + body.canonical
        where = self._place_for(level)
        full = _full_name(canonical, prefix, where, body) if where else None
        return Unit(canonical, full, known, False, where, level or Level.UNKNOWN)

    def _level_of(self, prefix: str) -> Level | None:
        """A level prefix -> the level it names in this notice: the notice's own where the prefix is its own word
        (市 in a notice of 北京市 or of the county-level 界首市, 区 in one of 东城区)."""
        name = self.jurisdiction.name
        if not prefix or (name and prefix.removesuffix("委") and name.endswith(prefix.removesuffix("委"))):
            return self.jurisdiction.level
        return _prefix_level(prefix)

    def _place_for(self, level: Level | None) -> str | None:
        """The name of the government at `level` above or at the notice's own (市 in a 东城区 notice is 北京市)."""
        if level is None or level == self.jurisdiction.level:
            return self.jurisdiction.name
        if self.jurisdiction.parent and place_level(self.jurisdiction.parent) == level:
            return self.jurisdiction.parent
        return None


def _key(text: str) -> str:
    return to_simplified(_WHITESPACE.sub("", text))


def _same_place(place: str, jurisdiction: Jurisdiction) -> bool:
    """A place written in a body's name is the notice's own: 泉州, 泉州市, or with the division above it
    (福建省泉州市, 福建泉州市 in a 泉州 notice; 泉州市安溪县 in an 安溪县 one). Only the notice's own parent counts,
    so 北京市朝阳区 is not 朝阳市 of 辽宁."""
    if not jurisdiction.name:
        return False
    if place == jurisdiction.name or place == jurisdiction.short or place_short(place) == jurisdiction.short:
        return True
    parent = jurisdiction.parent
    for head in (parent, place_short(parent)) if parent else ():
        if place.startswith(head) and len(place) > len(head):
            return _same_place(place[len(head):], replace(jurisdiction, parent=None))
    return False


def _own_prefix(jurisdiction: Jurisdiction) -> str:
    """The level prefix of a jurisdiction's own bodies: 市 for a city (and for 北京市), 区 for 东城区, 省 for a province."""
    if jurisdiction.name and jurisdiction.name[-1] in "市区县旗":
        return jurisdiction.name[-1]
    if jurisdiction.level in _LEVEL_PREFIX:
        return _LEVEL_PREFIX[jurisdiction.level]
    if jurisdiction.name and jurisdiction.level == Level.COUNTY:
        return jurisdiction.name[-1] if jurisdiction.name[-1] in "区县市旗" else "县"
    return ""


def _prefix_level(name: str) -> Level | None:
    for prefix in sorted(_PREFIX_LEVEL, key=len, reverse=True):
        if name.startswith(prefix):
            return _PREFIX_LEVEL[prefix]
    return None


def _placed(canonical: str, prefix: str, place: str) -> str:
    """A canonical name, its level prefix and a place -> the name with the place where the prefix stood
    (市发展和改革委员会 -> 泉州市发展和改革委员会, 中国人民银行市中心支行 -> 中国人民银行常州市中心支行, 铁路局 -> 哈尔滨铁路局)."""
    level_word = _level_word(prefix)
    if level_word and level_word in canonical:
        at = canonical.index(level_word)
        written = place if place.endswith(level_word) else place + level_word
        return canonical[:at] + written + canonical[at + len(level_word):]
    return place + canonical


def _level_word(prefix: str) -> str:
    """A level prefix -> the level word in it: 市委 -> 市, 自治区党委 -> 自治区 (not 自治区党, which left 党 behind
    and doubled the level: 中共广西壮族自治区自治区党委办公厅)."""
    if prefix.endswith("党委"):
        return prefix.removesuffix("党委")
    return prefix[:-1] if len(prefix) > 1 and prefix.endswith("委") else prefix


def _full_name(canonical: str, prefix: str, place: str, body: Body) -> str:
    """A body's canonical name placed -> its full name, with 中共 for party bodies and 国家税务总局 for tax bureaus."""
    named = _placed(canonical, prefix, place)
    if body.kind == "party" and not named.startswith("中共"):
        return "中共" + named
    if body.key == "tax" and not named.startswith("国家税务总局"):
        return "国家税务总局" + named
    return named


# ---------------------------------------------------------------- alias files
def text_to_entries(text: str, source: str) -> tuple[AliasEntry, ...]:
    """CSV text of an alias file (see aliasfile) -> its entries.

    Raises:
        RegistryError: the header names no canonical column, a row has none, or the rows give a spelling two
            canonical names (which includes A -> B, B -> A cycles and chains).
    """
    return tuple(AliasEntry(r.canonical, r.full_name, r.aliases, r.jurisdiction) for r in alias_text_to_rows(text, source))


def default_registry() -> Registry:
    """The alias files shipped with the tool (normalize/aliases/*.csv), each for its own jurisdiction."""
    entries: list[AliasEntry] = []
    for name in SHIPPED:
        entries.extend(text_to_entries(shipped_text("fengong.normalize", f"aliases/{name}"), f"normalize/aliases/{name}"))
    return Registry(tuple(entries))


def load_registry(aliases: Path | None = None) -> Registry:
    """The shipped alias files, with the entries of an alias file of the same shape added (they win).

    Raises:
        RegistryError: the alias file cannot be read or is malformed.
    """
    registry = default_registry()
    if aliases is None:
        return registry
    text = path_to_alias_text(aliases)  # bounded read of a regular file; one-line errors
    return Registry(registry.entries + text_to_entries(text, path_text(aliases)))


def assignments_to_responsibilities(assignments: list[Assignment], namer: Namer) -> tuple[list[Responsibility], list[Issue]]:
    """Assignments as written -> normalised responsibilities, and an issue per unit the namer cannot place."""
    out, issues, reported = [], [], set()
    for a in assignments:
        unit = namer.unit(a.unit_raw, a.shared_prefix)
        out.append(Responsibility(a, unit))
        if unit.known or unit.canonical in reported:
            continue
        reported.add(unit.canonical)
        if not unit.recognised:
            issues.append(Issue(IssueCode.UNRECOGNISED_UNIT, f"does not read as the name of a body, kept as written: {a.unit_raw}", a.clause_id, a.line, a.page))
        else:
            issues.append(Issue(IssueCode.UNKNOWN_UNIT, f"a body the name model does not know, kept as written: {a.unit_raw}", a.clause_id, a.line, a.page))
    return out, issues


__all__ = ["AliasEntry", "Namer", "Registry", "RegistryError", "Responsibility", "Unit", "assignments_to_responsibilities",
           "default_registry", "load_registry", "text_to_entries"]
