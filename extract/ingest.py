"""Ingestion: a path -> the notice's lines with provenance, whatever form the notice came in.

Every input is read once, as bytes, after checks that cost nothing: it must be a regular file (not a folder,
FIFO, device or socket, wherever a symbolic link points) within its form's size limit, measured with stat and
enforced by a read that stops at the limit. The readers of each form then work on those bytes, so the hash in
the manifest is of exactly what was read. Each form's reader is imported only when a file of that form comes
(a run over text files loads neither the PDF libraries, nor the OCR engine, Pillow or the OFD reader).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fengong.extract.errors import InputError
from fengong.extract.model import Issue, Line
from fengong.extract.reading import DEFAULT_LIMITS, Limits, check_line_lengths, read_regular_file

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
OFFICE_SUFFIXES = (".doc", ".wps")  # legacy Word and WPS Writer, converted by LibreOffice
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")  # scans, read by OCR
# Images are read when named, not picked out of a folder: a folder's photos and charts are not notices.
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + (".pdf", ".docx", ".ofd") + OFFICE_SUFFIXES
_ADVICE = {
    ".et": "WPS spreadsheet .et is not read: save the notice as DOCX or PDF",
}
_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and WPS: a .doc saved under a .docx name

Progress = Callable[[int, int], None]
"""Told (pages done, pages to do) after each page OCR reads: it takes seconds a page."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input as read: its path, content hash and lines."""

    path: str
    sha256: str
    size: int
    lines: tuple[Line, ...]
    issues: tuple[Issue, ...] = ()  # what ingestion could not read, e.g. a page without Unicode text


def _size_limit(suffix: str, limits: Limits) -> tuple[int, str]:
    if suffix == ".pdf":
        return limits.pdf_bytes, "PDF"
    if suffix == ".docx":
        return limits.docx_bytes, "DOCX"
    if suffix == ".ofd":
        return limits.ofd_bytes, "OFD"
    if suffix in OFFICE_SUFFIXES:
        return limits.office_bytes, "document"
    if suffix in IMAGE_SUFFIXES:
        return limits.image_bytes, "image"
    if suffix in HTML_SUFFIXES:
        return limits.html_bytes, "web page"
    return limits.text_bytes, "text file"


def bytes_to_lines(data: bytes, suffix: str, name: str, password: str | None = None, limits: Limits = DEFAULT_LIMITS,
                   ocr: str = "auto", progress: Progress | None = None) -> tuple[tuple[Line, ...], tuple[Issue, ...]]:
    """Bytes of a notice file, the suffix of its name (.pdf, .docx, .doc, .wps, .ofd, .html, an image's, else text)
    -> its lines and issues.

    `ocr` (auto, always, never) says which pages OCR reads (see extract/ocr.py); `progress` is told (pages done,
    pages to do) after each page it reads.

    Raises:
        InputError: empty, binary, undecodable, over a limit, or a PDF/DOCX/DOC/OFD/image that cannot be read
            (see pdf_bytes_to_lines, docx_bytes_to_lines, office_bytes_to_lines, ofd_bytes_to_lines, image_bytes_to_lines).
    """
    if not data:
        raise InputError(name, "file is empty")
    issues: tuple[Issue, ...] = ()
    if suffix == ".pdf":
        from fengong.extract.pdf import pdf_bytes_to_lines

        lines, issues = pdf_bytes_to_lines(data, name, password, limits, ocr, progress)
    elif suffix in OFFICE_SUFFIXES or (suffix == ".docx" and data.startswith(_COMPOUND_FILE)):
        from fengong.extract.office import office_bytes_to_lines

        lines, issues = office_bytes_to_lines(data, name, limits)
    elif suffix == ".ofd":
        from fengong.extract.ofd import ofd_bytes_to_lines

        lines = ofd_bytes_to_lines(data, name, limits)
    elif suffix in IMAGE_SUFFIXES:
        from fengong.extract.ocr import image_bytes_to_lines

        lines = image_bytes_to_lines(data, name, ocr, limits, progress)
    elif suffix == ".docx":
        from fengong.extract.docx import docx_bytes_to_lines

        lines, issues = docx_bytes_to_lines(data, name, limits)
    elif suffix in HTML_SUFFIXES:
        from fengong.extract.html import html_to_lines
        from fengong.extract.text import bytes_to_text

        lines = html_to_lines(bytes_to_text(data, name), name)
    else:
        from fengong.extract.text import bytes_to_text, text_to_lines

        lines = text_to_lines(bytes_to_text(data, name), name)
    return check_line_lengths(lines, limits, name), issues


def path_to_source(path: Path, password: str | None = None, limits: Limits = DEFAULT_LIMITS, ocr: str = "auto",
                   progress: Progress | None = None) -> Source:
    """Path of one notice file (text, HTML, PDF, DOCX, DOC/WPS, OFD, or a PNG/JPEG/TIFF scan) -> its lines and checksum;
    `ocr` and `progress` as for bytes_to_lines.

    Raises:
        InputError: missing, not a regular file, over its form's size limit, unreadable, of a form not read,
            empty, binary, undecodable, or a file of its form that cannot be read (see bytes_to_lines).
    """
    suffix = path.suffix.lower()
    if suffix in _ADVICE and path.is_file():
        raise InputError(str(path), _ADVICE[suffix])
    max_bytes, what = _size_limit(suffix, limits)
    data = read_regular_file(path, max_bytes, what)
    lines, issues = bytes_to_lines(data, suffix, str(path), password, limits, ocr, progress)
    return Source(str(path), hashlib.sha256(data).hexdigest(), len(data), lines, issues)


def paths_to_notice_files(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Paths as given (files or folders) -> the notice files to read, in a stable order, and the unusable paths.

    A folder contributes every supported name below it, sorted by path (a FIFO or device among them is refused by
    name when read); a folder with none is an error.
    """
    files, errors = [], []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if not p.is_dir() and p.suffix.lower() in SUPPORTED)
            if not found:
                errors.append(InputError(str(path), f"folder holds no notices ({', '.join(SUPPORTED)} files)"))
            files.extend(found)
        else:
            files.append(path)
    return files, errors
