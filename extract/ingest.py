"""Ingestion: a path -> the notice's lines with provenance, whatever form the notice came in."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from fengong.extract.docx import docx_to_lines
from fengong.extract.errors import InputError
from fengong.extract.html import html_to_lines
from fengong.extract.model import Issue, Line
from fengong.extract.ocr import IMAGE_SUFFIXES, OcrMode, Progress, image_file_to_lines, ocr_mode
from fengong.extract.ofd import ofd_to_lines
from fengong.extract.office import OFFICE_SUFFIXES, is_compound_file, office_to_lines
from fengong.extract.pdf import DEFAULT_LIMITS, Limits, pdf_to_lines
from fengong.extract.text import bytes_to_text, text_to_lines

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + (".pdf", ".docx", ".ofd") + OFFICE_SUFFIXES  # images only when named
_ADVICE = {
    ".et": "WPS spreadsheet .et is not read: save the notice as DOCX or PDF",
}


@dataclass(frozen=True, slots=True)
class Source:
    """One input as read: its path, content hash and lines."""

    path: str
    sha256: str
    size: int
    lines: tuple[Line, ...]
    issues: tuple[Issue, ...] = ()  # what ingestion could not read, e.g. a page without Unicode text


def path_to_source(path: Path, password: str | None = None, limits: Limits = DEFAULT_LIMITS, ocr: str | OcrMode = OcrMode.AUTO,
                   progress: Progress | None = None) -> Source:
    """Path of one notice file (text, HTML, PDF, DOCX, DOC/WPS, OFD, or a PNG/JPEG/TIFF scan) -> its lines and checksum.

    `ocr` says which pages OCR reads (see extract/ocr.py); `progress` is told (pages done, pages to do) as it does.

    Raises:
        InputError: missing, unreadable, of a form not read, empty, binary, undecodable, or a PDF/DOCX that
            cannot be opened (see pdf_to_lines, docx_to_lines).
    """
    name = str(path)
    if not path.exists():
        raise InputError(name, "no such file or folder")
    if path.is_dir():
        raise InputError(name, "is a folder, not a notice file")
    suffix = path.suffix.lower()
    if suffix in _ADVICE:
        raise InputError(name, _ADVICE[suffix])
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from None
    digest = hashlib.sha256(data).hexdigest()
    if not data:
        raise InputError(name, "file is empty")
    if suffix == ".pdf":
        lines, issues = pdf_to_lines(path, password, limits, ocr_mode(ocr), progress)
        return Source(name, digest, len(data), lines, issues)
    if suffix in OFFICE_SUFFIXES or (suffix == ".docx" and is_compound_file(data)):  # a .doc saved under a .docx name
        return Source(name, digest, len(data), office_to_lines(path, data))
    if suffix == ".ofd":
        return Source(name, digest, len(data), ofd_to_lines(path))
    if suffix in IMAGE_SUFFIXES:
        return Source(name, digest, len(data), image_file_to_lines(path, ocr_mode(ocr), progress))
    if suffix == ".docx":
        return Source(name, digest, len(data), docx_to_lines(path))
    if suffix in HTML_SUFFIXES:
        return Source(name, digest, len(data), html_to_lines(bytes_to_text(data, name), name))
    return Source(name, digest, len(data), text_to_lines(bytes_to_text(data, name), name))


def paths_to_notice_files(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Paths as given (files or folders) -> the notice files to read, in a stable order, and the unusable paths.

    A folder contributes every supported file below it, sorted by path; a folder with none is an error.
    """
    files, errors = [], []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
            if not found:
                errors.append(InputError(str(path), f"folder holds no notices ({', '.join(SUPPORTED)} files)"))
            files.extend(found)
        else:
            files.append(path)
    return files, errors
