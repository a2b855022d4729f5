"""Alias files (--aliases): a path -> its text, read within bounds; the text -> checked rows, or one line saying why not.

An alias file has the registry's shape, `canonical,full_name,aliases` with aliases separated by `|`. Its rows
must give each spelling one canonical name: a spelling listed under two canonical names, or listed as an alias
and also as a canonical name of its own (A -> B and B -> A, or A -> B -> C), is an error naming both rows.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from fengong.extract.names import path_text, printable
from fengong.normalize.registry import RegistryError

MAX_BYTES = 16 * 1024 * 1024  # a registry of every body of a province is well under 1 MB
MAX_FIELD = csv.field_size_limit()  # the csv module's own limit: a field longer than any body's list of names
COLUMNS = ("canonical", "full_name", "aliases")


@dataclass(frozen=True, slots=True)
class AliasRow:
    """One row of an alias file: its line number, the canonical name, its full name and the other spellings."""

    number: int
    canonical: str
    full_name: str | None
    aliases: tuple[str, ...]


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


def _cells(text: str, source: str) -> list[tuple[int, list[str]]]:
    """CSV text -> (line number, cells) per non-blank row after the header.

    Raises:
        RegistryError: the header is wrong, or the csv module cannot read a row (a field over its limit, a NUL).
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    rows = []
    try:
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header[:3]) != COLUMNS:
            shown = printable(",".join(header or []))[:80]
            raise RegistryError(f"{source}: first row must be {','.join(COLUMNS)}, got {shown!r}")
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise RegistryError(f"{source}: line {reader.line_num}: {printable(str(exc))} (at most {MAX_FIELD:,} characters per field)") from None
    return rows


def alias_text_to_rows(text: str, source: str) -> list[AliasRow]:
    """Text of an alias file -> its rows, checked: each has a canonical name and no spelling has two canonical names.

    Raises:
        RegistryError: the header is wrong, a row cannot be read or has no canonical name, or the rows conflict
            (one spelling under two canonical names) or chain (a canonical name listed as another's alias).
    """
    source = printable(source)
    rows = []
    for number, cells in _cells(text, source):
        cells = [cell.strip() for cell in cells] + ["", ""]
        if not cells[0]:
            raise RegistryError(f"{source}: row {number} has no canonical name")
        aliases = tuple(dict.fromkeys(a.strip() for a in cells[2].split("|") if a.strip() and a.strip() != cells[0]))
        rows.append(AliasRow(number, cells[0], cells[1] or None, aliases))
    _check_consistent(rows, source)
    return rows


def _check_consistent(rows: list[AliasRow], source: str) -> None:
    """Rows -> nothing if every spelling has one canonical name.

    Raises:
        RegistryError: naming the spelling and both rows.
    """
    canonical_row: dict[str, AliasRow] = {}
    for row in rows:
        canonical_row.setdefault(row.canonical, row)
    owner: dict[str, AliasRow] = {}
    for row in rows:
        for alias in row.aliases:
            if alias in canonical_row:
                other = canonical_row[alias]
                raise RegistryError(f"{source}: {printable(alias)} is an alias of {printable(row.canonical)} (row {row.number}) and a "
                                     f"canonical name of its own (row {other.number}): cyclic or chained aliases; give each spelling one canonical name")
            first = owner.setdefault(alias, row)
            if first.canonical != row.canonical:
                raise RegistryError(f"{source}: {printable(alias)} is given two canonical names, {printable(first.canonical)} "
                                     f"(row {first.number}) and {printable(row.canonical)} (row {row.number})")
