"""Reading input files safely: the limits on everything read, regular files only, reads that stop at the limit."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, fields
from enum import StrEnum
from pathlib import Path

from fengong.extract.errors import FengongError, InputError
from fengong.extract.model import Line

# Every reader gives a table row as one line, its cells separated by a tab (empty cells kept).
CELL_SEPARATOR = "\t"

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that stop a hostile or broken input from taking the machine; each is checked before the work it bounds."""

    pdf_bytes: int = 200 * MB
    max_pages: int = 2000
    # Characters and drawings per PDF page, counted by pdfium before any step whose cost grows with them.
    max_chars_per_page: int = 30_000
    max_drawings_for_tables: int = 5_000  # more drawn paths than this: the page is read without the table finder
    max_content_bytes_per_page: int = 32 * MB  # decoded content streams of one page
    seconds_per_page: float = 20.0
    seconds_total: float = 600.0
    docx_bytes: int = 100 * MB
    docx_members: int = 5_000
    docx_member_bytes: int = 100 * MB  # uncompressed, per member of the ZIP package
    docx_total_bytes: int = 300 * MB  # uncompressed, all members
    docx_ratio: int = 100  # uncompressed / compressed size of a member over 1 MB (XML compresses 5-20 times)
    html_bytes: int = 32 * MB
    text_bytes: int = 128 * MB
    ofd_bytes: int = 200 * MB  # an OFD package (a ZIP of XML, fonts and images); its parts are bounded in extract/ofd.py
    office_bytes: int = 100 * MB  # a .doc or .wps file, converted by LibreOffice
    office_seconds: float = 120.0  # LibreOffice's conversion of one file; a first start builds its profile (seconds)
    image_bytes: int = 200 * MB  # a PNG, JPEG or TIFF scan (a TIFF may hold many pages)
    ocr_pages: int = 500  # pages read by OCR in one input (seconds each); pixels per page are bounded in extract/ocr.py
    max_line_chars: int = 10_000  # one line of text, or a paragraph or table row of a DOCX or web page (notices: < 2,300)

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if not value > 0:
                raise ValueError(f"Limits.{field.name} must be a positive number, got {value!r}")


DEFAULT_LIMITS = Limits()


class OcrMode(StrEnum):
    """Which pages are read by OCR (extract/ocr.py)."""

    AUTO = "auto"  # pages without usable text: none or hardly any characters, or glyphs without Unicode
    ALWAYS = "always"  # every page of a PDF, its text layer ignored (a text layer that is wrong)
    NEVER = "never"  # no OCR: a scanned PDF or an image is an unusable input


def ocr_mode(value: str) -> OcrMode:
    """A mode as given (auto, always, never) -> the OcrMode.

    Raises:
        FengongError: the value is not one of the modes.
    """
    try:
        return OcrMode(value)
    except ValueError:
        raise FengongError(f"OCR mode {value!r} is not one of {', '.join(m.value for m in OcrMode)}") from None

_KINDS = (
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
    (stat.S_ISDIR, "is a folder, not a notice file"),
)


def size_text(n: int) -> str:
    """A number of bytes -> a short human reading (812 bytes, 3.7 MB, 1.2 GB)."""
    if n < 1024:
        return f"{n} bytes"
    for unit, scale in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"


def _kind_problem(mode: int) -> str | None:
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return None if stat.S_ISREG(mode) else "is not a regular file"


def _stat_problem(path: Path) -> str | None:
    try:
        info = os.stat(path)  # follows symlinks: a link to /dev/zero is judged by what it points to
    except FileNotFoundError:
        return "no such file or folder" if not os.path.lexists(path) else "is a broken symbolic link"
    except OSError as exc:
        return f"cannot read file ({exc.strerror or exc})"
    return _kind_problem(info.st_mode)


def read_regular_file(path: Path, max_bytes: int, what: str = "file") -> bytes:
    """Path -> its bytes, if it is a regular file of at most `max_bytes` (checked with stat before reading).

    The file is opened without blocking (a FIFO swapped in after the check cannot hang the read), checked again
    on the open descriptor, and read no further than the limit, so a file that grows while read is refused too.

    Raises:
        InputError: missing, not a regular file (folder, FIFO, device, socket), unreadable, or over the limit.
    """
    name = str(path)
    problem = _stat_problem(path)
    if problem:
        raise InputError(name, problem)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(name, _open_problem(exc)) from None
    with os.fdopen(fd, "rb", buffering=0) as f:
        info = os.fstat(f.fileno())
        problem = _kind_problem(info.st_mode)
        if problem:
            raise InputError(name, problem)
        if info.st_size > max_bytes:
            raise InputError(name, f"{what} is {size_text(info.st_size)}, more than the limit of {size_text(max_bytes)}")
        data = _read_at_most(f, max_bytes + 1, name)
    if len(data) > max_bytes:
        raise InputError(name, f"{what} grew past the limit of {size_text(max_bytes)} while it was read")
    return data


def _open_problem(exc: OSError) -> str:
    if exc.errno == errno.ENXIO:
        return "is a FIFO or socket without a writer, not a regular file"
    return f"cannot read file ({exc.strerror or exc})"


def _read_at_most(f, limit: int, name: str) -> bytes:
    chunks, total = [], 0
    try:
        while total < limit:
            chunk = f.read(min(1 << 20, limit - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from None
    return b"".join(chunks)


def check_line_lengths(lines: tuple[Line, ...], limits: Limits, name: str) -> tuple[Line, ...]:
    """Lines of one input -> the same lines, if none is longer than the limit.

    A notice's paragraph is at most a few thousand characters; a longer line is not a notice (a data dump, a
    minified page) and would make the steps that scan a line for its units slow.

    Raises:
        InputError: a line is longer than `limits.max_line_chars`.
    """
    for line in lines:
        if len(line.text) > limits.max_line_chars:
            where = f"page {line.page}, line {line.line}" if line.page is not None else f"line {line.line}"
            raise InputError(name, f"{where} is {len(line.text):,} characters long, more than the limit of "
                                   f"{limits.max_line_chars:,}; is it a notice?")
    return lines
