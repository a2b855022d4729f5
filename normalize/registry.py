"""The unit registry: spellings as written -> canonical names and full official names."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import regex

from fengong.extract.errors import FengongError
from fengong.extract.model import Assignment, Issue, IssueCode
from fengong.extract.script import to_simplified

# Catch-alls (市各有关部门, 市相关单位): kept as units so no clause loses its row, flagged generic.
_GENERIC = regex.compile(
    r"^(?:[市区县省]级?|国务院|省政府|市政府|区政府|县政府|全市|全区|全省)?(?=.*(?:各|有关|相关))(?:各)?(?:有关|相关)?"
    r"(?:部门|单位|机构|委办局)(?:和单位|及单位)?$"
)
# A municipal body named with its city: 常州市税务局 -> 市税务局. Not 人民银行常州市中心支行 (does not open with the
# city) nor 常州海关 / 常州银监分局 (no 市 after the city).
_CITY_PREFIXED = regex.compile(r"^(\p{Han}{2,3}?)市(\p{Han}+)$")
_BODY_END = regex.compile(r"(?:局|委员会|委|办公室|办|厅|院|部|会|中心)$")
_TRAILING_NAME = regex.compile(r"^(.+?)[（(]([^（）()]+)[）)]$")
_WHITESPACE = regex.compile(r"\s+")
COLUMNS = ("canonical", "full_name", "aliases")


class RegistryError(FengongError):
    """An alias file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A canonical unit as the registry knows it."""

    canonical: str
    full_name: str | None
    known: bool
    generic: bool


@dataclass(frozen=True, slots=True)
class Responsibility:
    """An assignment with its unit normalised."""

    assignment: Assignment
    unit: Unit


@dataclass(frozen=True, slots=True)
class Registry:
    """Canonical names with their full names, and every spelling that maps to one."""

    full_names: dict[str, str | None]
    spellings: dict[str, str]
    city: str | None = None  # the city whose municipal bodies the 市X names are: 常州 for the shipped table
    own: Registry | None = None  # the entries a user gave with --aliases, which hold for every notice

    def for_notice(self, text: str) -> Registry:
        """The registry that fits a notice: a city's table (its 市X names) only for notices that name the city.

        市发展改革委 in a Beijing notice is not 常州市发展和改革委员会; entries the user gave hold everywhere.
        """
        if self.city is None or self.city in text:
            return self
        return self.own or Registry({}, {}, None)

    def with_aliases(self, aliases: tuple[tuple[str, str], ...]) -> Registry:
        """Short names a notice defines itself (…（以下简称X）) -> this registry knowing them too."""
        if not aliases:
            return self
        spellings, full_names = dict(self.spellings), dict(self.full_names)
        for short, name in aliases:
            short, name = to_simplified(short), to_simplified(name)
            known = self._lookup(name) or self._lookup(short)
            canonical = known or short
            spellings.setdefault(short, canonical)
            spellings.setdefault(name, canonical)
            if not known:
                full_names.setdefault(canonical, name)
        return Registry(full_names, spellings, self.city, self.own)

    def unit(self, raw: str) -> Unit:
        """A unit as written, in either script -> its canonical unit (simplified; itself, unknown, when nothing matches)."""
        name = to_simplified(_WHITESPACE.sub("", raw))
        if _GENERIC.match(name):
            return Unit(name, None, True, True)
        found = self._lookup(name)
        if found is None:
            bracket = _TRAILING_NAME.match(name)
            if bracket:
                found = self._lookup(bracket.group(1))
        if found is not None:
            return Unit(found, self.full_names.get(found), True, False)
        if name in self.full_names:
            return Unit(name, self.full_names[name], True, False)
        return Unit(self._municipal_form(name) or name, None, False, False)

    def _lookup(self, name: str) -> str | None:
        if name in self.spellings:
            return self.spellings[name]
        municipal = self._municipal_form(name)
        if municipal is not None and municipal in self.spellings:
            return self.spellings[municipal]
        return None

    def _municipal_form(self, name: str) -> str | None:
        """常州市税务局 -> 市税务局 when 常州 is this registry's city and the rest names a government body."""
        m = _CITY_PREFIXED.match(name)
        if not m or m.group(1) != self.city:
            return None
        rest = m.group(2)
        return "市" + rest if _BODY_END.search(rest) else None


def _city_of(full_names: dict[str, str | None]) -> str | None:
    """Full names of a registry's bodies -> the city most of its 市X bodies belong to (常州市财政局 -> 常州)."""
    counts: dict[str, int] = {}
    for canonical, full in full_names.items():
        if full and canonical.startswith("市"):
            m = regex.search(r"(\p{Han}{2,3}?)市" + regex.escape(canonical[1:2]), full)
            if m:
                counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return max(sorted(counts), key=lambda city: counts[city]) if counts else None


def text_to_registry(text: str, source: str, base: Registry | None = None) -> Registry:
    """CSV text of a registry (canonical,full_name,aliases) -> a registry, extending `base` when given.

    Raises:
        RegistryError: the header is not canonical,full_name,aliases or a row has no canonical name.
    """
    full_names = dict(base.full_names) if base else {}
    spellings = dict(base.spellings) if base else {}
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header[:3]) != COLUMNS:
        raise RegistryError(f"{source}: first row must be {','.join(COLUMNS)}, got {','.join(header or [])!r}")
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        row = [cell.strip() for cell in row] + ["", ""]
        canonical, full_name, aliases = row[0], row[1], row[2]
        if not canonical:
            raise RegistryError(f"{source}: row {number} has no canonical name")
        if full_name or canonical not in full_names:
            full_names[canonical] = full_name or None
        spellings[canonical] = canonical
        for alias in filter(None, (a.strip() for a in aliases.split("|"))):
            spellings[alias] = canonical
    return Registry(full_names, spellings, _city_of(full_names))


def default_registry() -> Registry:
    """The registry shipped with the tool (normalize/units.csv)."""
    text = resources.files("fengong.normalize").joinpath("units.csv").read_text(encoding="utf-8")
    return text_to_registry(text, "normalize/units.csv")


def load_registry(aliases: Path | None = None) -> Registry:
    """The shipped registry, extended or overridden by an alias file of the same shape.

    Raises:
        RegistryError: the alias file cannot be read or is malformed.
    """
    registry = default_registry()
    if aliases is None:
        return registry
    from fengong.normalize.aliasfile import alias_text_to_rows, path_to_alias_text, printable

    text = path_to_alias_text(aliases)  # bounded read of a regular file; one-line errors
    alias_text_to_rows(text, printable(str(aliases)))  # field limits, conflicting and cyclic entries
    merged = text_to_registry(text, str(aliases), registry)
    own = text_to_registry(text, str(aliases))
    return Registry(merged.full_names, merged.spellings, merged.city, Registry(own.full_names, own.spellings, None))


def assignments_to_responsibilities(assignments: list[Assignment], registry: Registry) -> tuple[list[Responsibility], list[Issue]]:
    """Assignments as written -> normalised responsibilities, and an unknown-unit issue per unknown unit."""
    out, issues, reported = [], [], set()
    for a in assignments:
        unit = registry.unit(a.unit_raw)
        out.append(Responsibility(a, unit))
        if not unit.known and unit.canonical not in reported:
            reported.add(unit.canonical)
            issues.append(Issue(IssueCode.UNKNOWN_UNIT, f"unit not in the registry, kept as written: {a.unit_raw}", a.clause_id, a.line, a.page))
    return out, issues
