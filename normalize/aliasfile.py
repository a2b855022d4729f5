"""Alias files (--aliases): a path -> its text, read within bounds; the text -> checked rows, or one line saying why not.

An alias file names its columns in its first row: `canonical` (or `unit`), `full_name`, `aliases` (or `spellings`,
separated by `|`) and, optionally, `jurisdiction` (the entry then holds only for notices of that government). A
`units.csv` written by fengong has those columns, so it can be edited and given back. Its rows must give each
spelling one canonical name within a jurisdiction: a spelling listed under two canonical names, or listed as an
alias and also as a canonical name of its own (A -> B and B -> A, or A -> B -> C), is an error naming both rows.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from fengong.extract.errors import FengongError
from fengong.extract.names import path_text, printable

MAX_BYTES = 16 * 1024 * 1024  # a registry of every body of a province is well under 1 MB
MAX_FIELD = csv.field_size_limit()  # the csv module's own limit: a field longer than any body's list of names
COLUMNS = ("canonical", "full_name", "aliases")


class RegistryError(FengongError):
    """An alias file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class AliasRow:
    """One row of an alias file: its line number, canonical name, full name, other spellings and jurisdiction."""

    number: int
    canonical: str
    full_name: str | None
    aliases: tuple[str, ...]
    jurisdiction: str | None = None


def path_to_alias_text(path: Path) -> str:
    """Path of an alias file -> its text (UTF-8, BOM allowed), read only if it is a regular file within MAX_BYTES.

    Raises:
        RegistryError: missing, not a regular file (a FIFO, a device such as /dev/zero), too large, unreadable,
            or not UTF-8.
    """
    name = path_text(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise RegistryError(f"{name}: alias file is not a regular file (a folder, device, FIFO or socket)")
        if info.st_size > MAX_BYTES:
            raise RegistryError(f"{name}: alias file is {info.st_size:,} bytes, over the limit of {MAX_BYTES:,}")
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)  # bounded: a file that grows while it is read cannot take the memory
    except OSError as exc:
        raise RegistryError(f"{name}: cannot read alias file ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise RegistryError(f"{name}: alias file is over the limit of {MAX_BYTES:,} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegistryError(f"{name}: alias file is not UTF-8 (undecodable byte at offset {exc.start})") from None


def _columns(header: list[str], source: str) -> dict[str, int]:
    """The header of an alias file -> the position of each column it names.

    Raises:
        RegistryError: no canonical (or unit) column.
    """
    names = [h.strip().lstrip("\ufeff") for h in header]
    found = {}
    for wanted, spellings in (("canonical", ("canonical", "unit")), ("full_name", ("full_name",)), ("aliases", ("aliases", "spellings")),
                              ("jurisdiction", ("jurisdiction",))):
        for spelling in spellings:
            if spelling in names:
                found[wanted] = names.index(spelling)
                break
    if "canonical" not in found:
        shown = printable(",".join(names))[:80]
        raise RegistryError(f"{source}: first row must name the columns canonical,full_name,aliases[,jurisdiction] "
                            f"(or be a units.csv written by fengong), got {shown!r}")
    return found


def _cells(text: str, source: str) -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    """CSV text -> its columns, and (line number, cells) per non-blank row after the header.

    Raises:
        RegistryError: the header is wrong, or the csv module cannot read a row (a field over its limit, a NUL).
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    rows = []
    try:
        columns = _columns(next(reader, []), source)
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise RegistryError(f"{source}: line {reader.line_num}: {printable(str(exc))} (at most {MAX_FIELD:,} characters per field)") from None
    return columns, rows


def alias_text_to_rows(text: str, source: str) -> list[AliasRow]:
    """Text of an alias file -> its rows, checked: each has a canonical name and no spelling has two canonical names.

    Raises:
        RegistryError: the header is wrong, a row cannot be read or has no canonical name, or the rows conflict
            (one spelling under two canonical names) or chain (a canonical name listed as another's alias).
    """
    source = printable(source)
    columns, found = _cells(text, source)
    rows = []
    for number, cells in found:
        def cell(name: str, cells: list[str] = cells) -> str:
            return cells[columns[name]].strip() if name in columns and columns[name] < len(cells) else ""

        canonical = cell("canonical")
        if not canonical:
            raise RegistryError(f"{source}: row {number} has no canonical name")
        aliases = tuple(dict.fromkeys(a.strip() for a in cell("aliases").split("|") if a.strip() and a.strip() != canonical))
        rows.append(AliasRow(number, canonical, cell("full_name") or None, aliases, cell("jurisdiction") or None))
    _check_consistent(rows, source)
    return rows


def _check_consistent(rows: list[AliasRow], source: str) -> None:
    """Rows -> nothing if every spelling has one canonical name.

    Raises:
        RegistryError: naming the spelling and both rows.
    """
    canonical_row: dict[tuple[str | None, str], AliasRow] = {}
    for row in rows:
        canonical_row.setdefault((row.jurisdiction, row.canonical), row)
    owner: dict[tuple[str | None, str], AliasRow] = {}
    for row in rows:
        for alias in row.aliases:
            if (row.jurisdiction, alias) in canonical_row:
                other = canonical_row[(row.jurisdiction, alias)]
                raise RegistryError(f"{source}: {printable(alias)} is an alias of {printable(row.canonical)} (row {row.number}) and a "
                                     f"canonical name of its own (row {other.number}): cyclic or chained aliases; give each spelling one canonical name")
            first = owner.setdefault((row.jurisdiction, alias), row)
            if first.canonical != row.canonical:
                raise RegistryError(f"{source}: {printable(alias)} is given two canonical names, {printable(first.canonical)} "
                                     f"(row {first.number}) and {printable(row.canonical)} (row {row.number})")
