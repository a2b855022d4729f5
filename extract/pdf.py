"""PDF ingestion with pdfplumber: a PDF -> lines in reading order with page numbers, page furniture removed."""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import regex

from fengong.extract.errors import InputError
from fengong.extract.model import Issue, IssueCode, Line

# Text a PDF yields when its fonts carry no Unicode: (cid:123) placeholders, U+FFFD, private-use code points.
_BAD_CHAR = regex.compile(r"^\(cid:\d+\)$|^[\ufffd\ue000-\uf8ff]$")
_DIGITS = regex.compile(r"\d+")
CELL_SEPARATOR = "\t"


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that stop a hostile or broken PDF from taking the machine."""

    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000
    max_chars_per_page: int = 200_000
    seconds_per_page: float = 20.0
    seconds_total: float = 600.0

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_pages", "max_chars_per_page", "seconds_per_page", "seconds_total"):
            value = getattr(self, name)
            if not value > 0:
                raise ValueError(f"Limits.{name} must be a positive number, got {value!r}")


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class _PageText:
    number: int
    rows: list[tuple[float, str]]  # (top, text) in reading order
    height: float
    chars: int
    bad: int


def _open(path: Path, password: str | None):
    name = str(path)
    try:
        head = _head(path)
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from None
    if b"%PDF-" not in head:
        raise InputError(name, "not a PDF (no %PDF- header); is it another kind of file with a .pdf name?")
    if b"%%EOF" not in _tail(path):
        raise InputError(name, "PDF is truncated or damaged (no %%EOF end marker); get a complete copy")
    try:
        return pdfplumber.open(path, password=password or "")
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many unrelated types for one cause: the file cannot be opened
        raise InputError(name, _open_failure(exc, password)) from None


def _head(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(1024)


def _tail(path: Path) -> bytes:
    with path.open("rb") as f:
        f.seek(max(0, path.stat().st_size - 4096))
        return f.read()


def _open_failure(exc: BaseException, password: str | None) -> str:
    causes = [exc]
    while (cause := causes[-1].__cause__ or causes[-1].__context__) is not None:
        causes.append(cause)
    names = " ".join(type(c).__name__ for c in causes) + " " + " ".join(str(c) for c in causes)
    if "Password" in names or "password" in names or "Encrypt" in names:
        if password:
            return "PDF is encrypted and the password given is wrong"
        return "PDF is encrypted: give its password with --password"
    return f"PDF cannot be read, it is damaged ({type(exc).__name__})"


@contextlib.contextmanager
def _deadline(seconds: float, name: str, what: str):
    """Raise InputError if the block runs longer than `seconds` (main thread only; elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise InputError(name, f"gave up: {what} took more than {seconds:g} s; the PDF may be hostile or damaged")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _page_text(page, number: int) -> _PageText:
    page = page.dedupe_chars()
    rows: list[tuple[float, str]] = []
    outside = page
    for table in page.find_tables():
        outside = outside.outside_bbox(table.bbox)
        for row, cells in zip(table.rows, table.extract(), strict=False):
            texts = [(cell or "").replace("\n", "").strip() for cell in cells]
            if any(texts):
                rows.append((row.bbox[1], CELL_SEPARATOR.join(t or "" for t in texts)))
    for line in outside.extract_text_lines(strip=True, return_chars=False):
        if line["text"].strip():
            rows.append((line["top"], line["text"]))
    rows.sort(key=lambda r: r[0])
    chars = [c["text"] for c in page.chars if not c["text"].isspace()]
    bad = sum(1 for c in chars if _BAD_CHAR.match(c))
    return _PageText(number, rows, float(page.height), len(chars), bad)


def _furniture(pages: list[_PageText]) -> set[tuple[int, float]]:
    """Pages -> (page, top) of running headers and footers: the same text (digits aside) near the same edge on most pages."""
    if len(pages) < 3:
        return set()
    seen: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for page in pages:
        for top, text in page.rows:
            edge = "top" if top < page.height * 0.12 else "bottom" if top > page.height * 0.85 else None
            if edge:
                seen.setdefault((edge, _DIGITS.sub("#", text.replace(" ", ""))), []).append((page.number, top))
    furniture = set()
    for places in seen.values():
        if len({p for p, _ in places}) >= max(3, len(pages) // 2):
            furniture.update(places)
    return furniture


def pdf_to_lines(path: Path, password: str | None = None, limits: Limits = DEFAULT_LIMITS, ocr: str = "auto",
                 progress: Callable[[int, int], None] | None = None) -> tuple[tuple[Line, ...], tuple[Issue, ...]]:
    """Path of a PDF -> its lines (page and line within the page kept) and pages that could not be read.

    Table cells (pdfplumber's table finder) come out as one line per row, cells separated by a tab, each cell's
    wrapped lines joined; running headers, footers and page numbers repeated across pages are dropped. Pages
    without usable text are read by OCR (`ocr`: auto, always or never; see extract/ocr.py), their lines carrying
    OCR's confidence; `progress` is told (pages done, pages to do) after each.

    Raises:
        InputError: not a PDF, truncated, damaged, encrypted without the right password, over the limits,
            without a text layer (scanned) or unreadable on most pages when OCR is off.
    """
    name = str(path)
    started = time.monotonic()
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise InputError(name, f"PDF is {size / 1048576:.0f} MB, more than the limit of {limits.max_bytes / 1048576:.0f} MB")
    with _open(path, password) as pdf:
        if len(pdf.pages) > limits.max_pages:
            raise InputError(name, f"PDF has {len(pdf.pages)} pages, more than the limit of {limits.max_pages}")
        pages = []
        for number, page in enumerate(pdf.pages, start=1):
            if time.monotonic() - started > limits.seconds_total:
                raise InputError(name, f"gave up at page {number}: reading took more than {limits.seconds_total:g} s")
            try:
                with _deadline(limits.seconds_per_page, name, f"page {number}"):
                    if len(page.chars) > limits.max_chars_per_page:
                        raise InputError(name, f"page {number} has {len(page.chars)} characters, more than the limit of {limits.max_chars_per_page}")
                    pages.append(_page_text(page, number))
            except InputError:
                raise
            except Exception as exc:  # noqa: BLE001 - a damaged page object: pdfminer's errors have no common base
                raise InputError(name, f"PDF page {number} cannot be read, it is damaged ({type(exc).__name__})") from None
            finally:
                page.close()
    confidence: dict[tuple[int, float], float] = {}
    if ocr != "never":
        pages, confidence = _with_ocr(path, password, pages, ocr, progress)
    if not any(p.chars for p in pages):
        raise InputError(name, "PDF has no text layer (a scanned image?); read it with --ocr auto" if ocr == "never"
                         else "PDF has no text layer, and OCR found no text on its pages")
    unreadable = [p for p in pages if p.chars and p.bad > p.chars / 2]
    with_text = [p for p in pages if p.chars]
    if len(unreadable) > len(with_text) / 2:
        raise InputError(name, f"PDF text is unreadable on {len(unreadable)} of {len(with_text)} pages (glyphs without Unicode, e.g. (cid:NNN)); {'needs OCR (--ocr auto) or the source document' if ocr == 'never' else 'OCR found no text there either: get the source document'}")
    issues = tuple(
        Issue(IssueCode.UNREADABLE_TEXT, f"page {p.number}: {p.bad} of {p.chars} characters have no Unicode; page skipped", None, None, p.number)
        for p in unreadable
    )
    skip = _furniture(pages)
    lines: list[Line] = []
    for page in pages:
        if page in unreadable:
            continue
        kept = [(top, text) for top, text in page.rows if (page.number, top) not in skip]
        lines.extend(Line(name, i, page.number, text, confidence.get((page.number, top))) for i, (top, text) in enumerate(kept, start=1))
    return tuple(lines), issues


# Fewer readable characters than this on a page and it is taken for a scan (a page number alone is not a text layer).
_MIN_TEXT_CHARS = 10


def _with_ocr(path: Path, password: str | None, pages: list[_PageText], mode: str,
              progress: Callable[[int, int], None] | None) -> tuple[list[_PageText], dict[tuple[int, float], float]]:
    """Pages as read from the text layer -> the same with pages lacking usable text (every page with mode always)
    replaced by what OCR reads on them, and the OCR confidence of each (page, top) row."""
    from fengong.extract.ocr import pdf_pages_to_ocr

    wanted = [p.number for p in pages if mode == "always" or p.chars - p.bad < _MIN_TEXT_CHARS or p.bad > p.chars / 2]
    if not wanted:
        return pages, {}
    # A page where OCR finds nothing either keeps what the text layer gave (an unreadable page stays reported).
    read = {o.number: o for o in pdf_pages_to_ocr(path, password, wanted, progress) if o.rows}
    replaced = [_PageText(p.number, [(r.top, r.text) for r in read[p.number].rows], p.height,
                          sum(len(r.text) for r in read[p.number].rows), 0) if p.number in read else p for p in pages]
    confidence = {(number, r.top): r.confidence for number, o in read.items() for r in o.rows}
    return replaced, confidence
