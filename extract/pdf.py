"""PDF ingestion: a PDF -> lines in reading order with page numbers, page furniture removed, damage reported.

Each page is read by the fastest reader that gives it exactly. pdfium reads the pages of upright text that draw
no ruled table (most pages of a notice) about ten times faster than pdfminer; pdfplumber reads the pages with
ruling lines (its table finder gives their rows), rotated text or glyphs without Unicode. Both give the same
lines for the same page: pdf_layout groups pdfium's characters the way pdfplumber does.

Before a page is read its content streams are inflated in bounded memory (pdf_streams), so a corrupt stream
becomes a `damaged-page` issue instead of a page that silently ends early, and pdfium counts its characters and
drawings, so no page reaches a step whose cost grows faster than its size with more than the limits allow.

Pages without usable text (a scan, an image page inside a text PDF) are read by OCR (extract/ocr.py, imported only
when such a page comes) and then go through the same steps as the others.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from fengong.extract.errors import InputError
from fengong.extract.model import Issue, IssueCode, Line
from fengong.extract.pdf_layout import PageText, TextRow, chars_to_rows
from fengong.extract.reading import CELL_SEPARATOR, DEFAULT_LIMITS, Limits, read_regular_file, size_text

if TYPE_CHECKING:  # the readers' libraries are imported when a PDF comes
    from pdfminer.pdfpage import PDFPage
    from pypdfium2 import PdfDocument

    from fengong.extract.pdf_plumber import LazyPlumber

__all__ = ["CELL_SEPARATOR", "DEFAULT_LIMITS", "Limits", "PageText", "pages_for_ocr", "pages_to_lines", "pages_without_text",
           "pdf_bytes_to_lines", "pdf_bytes_to_pages", "pdf_to_lines"]

_DIGITS = regex.compile(r"\d+")
# Fewer readable characters than this on a page and it is taken for a scan (a page number stamped on it is no text layer).
MIN_TEXT_CHARS = 10


def pdf_to_lines(path: Path, password: str | None = None, limits: Limits = DEFAULT_LIMITS, ocr: str = "auto",
                 progress: Callable[[int, int], None] | None = None) -> tuple[tuple[Line, ...], tuple[Issue, ...]]:
    """Path of a PDF -> its lines (page and line within the page kept) and what could not be read, as issues.

    Raises:
        InputError: not a regular file, over the size limit, or unusable (see pdf_bytes_to_lines).
    """
    return pdf_bytes_to_lines(read_regular_file(path, limits.pdf_bytes, "PDF"), str(path), password, limits, ocr, progress)


def pdf_bytes_to_lines(data: bytes, name: str, password: str | None = None, limits: Limits = DEFAULT_LIMITS,
                       ocr: str = "auto", progress: Callable[[int, int], None] | None = None) -> tuple[tuple[Line, ...], tuple[Issue, ...]]:
    """Bytes of a PDF named `name` -> its lines (page and line within the page kept) and its issues.

    Table cells (pdfplumber's table finder) come out as one line per row, cells separated by a tab, each cell's
    wrapped lines joined; running headers, footers and page numbers repeated across pages are dropped. The pages
    pages_for_ocr lists for `ocr` (auto, always, never) are read by OCR, their lines carrying its confidence;
    `progress` is told (pages done, pages to do) after each.

    Raises:
        InputError: not a PDF, truncated, damaged, encrypted without the right password, over the limits,
            without a text layer (scanned) or unreadable on most pages, OCR off or finding nothing there either.
    """
    pages, issues = pdf_bytes_to_pages(data, name, password, limits)
    wanted = pages_for_ocr(pages, ocr, issues)
    if wanted:
        from fengong.extract.ocr import pdf_pages_to_ocr

        read = {page.number: page for page in pdf_pages_to_ocr(data, name, password, wanted, limits, progress) if page.rows}
        pages = tuple(read.get(p.number, p) for p in pages)  # a page where OCR finds nothing keeps what it had
    return pages_to_lines(pages, issues, name, ocr)


def pages_without_text(pages: tuple[PageText, ...]) -> tuple[int, ...]:
    """Pages as read -> numbers of those without any glyph (scanned images, or pages left blank)."""
    return tuple(p.number for p in pages if not p.chars)


def pages_for_ocr(pages: tuple[PageText, ...], ocr: str, issues: tuple[Issue, ...] = ()) -> tuple[int, ...]:
    """Pages as read, the OCR mode and the issues found reading them -> numbers of the pages OCR is to read.

    never: none; always: every page; auto: the pages without usable text, that is pages without text (see
    pages_without_text), with fewer than MIN_TEXT_CHARS readable characters (a scan with a page number stamped on
    it) or whose glyphs mostly have no Unicode. A damaged page is never given to OCR (rendering it draws what the
    broken stream holds, no more): its damaged-page issue says to read it in the source.
    """
    if ocr == "never":
        return ()
    damaged = {i.page for i in issues if i.code == IssueCode.DAMAGED_PAGE}
    return tuple(p.number for p in pages if p.reader != "damaged" and p.number not in damaged and (
        ocr == "always" or p.chars - p.bad < MIN_TEXT_CHARS or p.bad > p.chars / 2))


def _check_envelope(data: bytes, name: str) -> None:
    if b"%PDF-" not in data[:1024]:
        raise InputError(name, "not a PDF (no %PDF- header); is it another kind of file with a .pdf name?")
    if b"%%EOF" not in data[-4096:]:
        raise InputError(name, "PDF is truncated or damaged (no %%EOF end marker); get a complete copy")


def _open_failure(exc: BaseException, password: str | None) -> str:
    causes = [exc]
    while (cause := causes[-1].__cause__ or causes[-1].__context__) is not None and len(causes) < 20:
        causes.append(cause)
    names = " ".join(type(c).__name__ for c in causes) + " " + " ".join(str(c) for c in causes)
    if "Password" in names or "password" in names or "Encrypt" in names:
        if password:
            return "PDF is encrypted and the password given is wrong"
        return "PDF is encrypted: give its password with --password"
    return f"PDF cannot be read, it is damaged ({type(exc).__name__})"


@contextlib.contextmanager
def _documents(data: bytes, name: str, password: str | None) -> Iterator[tuple]:
    """PDF bytes -> (pdfminer's pages, pdfium's document or None when pdfium cannot open it, pdfplumber's document
    opened when first needed); all closed after.

    Raises:
        InputError: pdfminer cannot open the document (damaged, encrypted without the right password).
    """
    from fengong.extract.pdf_pdfium import open_document
    from fengong.extract.pdf_plumber import LazyPlumber, pdfminer_pages

    try:
        pages = pdfminer_pages(data, password)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many unrelated types for one cause: the file cannot be opened
        raise InputError(name, _open_failure(exc, password)) from None
    try:
        fast = open_document(data, password)
    except Exception:  # noqa: BLE001 - pdfium refuses what pdfminer read: every page goes to pdfplumber
        fast = None
    plumber = LazyPlumber(data, password)
    try:
        yield pages, fast, plumber
    finally:
        if fast is not None:
            fast.close()
        plumber.close()


@contextlib.contextmanager
def _quiet_libraries() -> Iterator[None]:
    """A block -> the same, with pdfminer's and pdfplumber's log lines kept off stderr (what they say about lost
    content is collected page by page and becomes issues; the rest would break the one-line report of a file).
    """
    loggers = [logging.getLogger(name) for name in ("pdfminer", "pdfplumber")]
    handler = logging.NullHandler()
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


@contextlib.contextmanager
def _deadline(seconds: float, name: str, what: str):
    """Raise InputError if the block runs longer than `seconds` (main thread only; elsewhere no limit).

    Python code is interrupted; a long call into C (pdfium, zlib) ends first, which is why pages are measured
    against the limits before any step whose cost could grow with the square of their size.
    """
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


def pdf_bytes_to_pages(data: bytes, name: str, password: str | None = None,
                       limits: Limits = DEFAULT_LIMITS) -> tuple[tuple[PageText, ...], tuple[Issue, ...]]:
    """Bytes of a PDF -> each page's rows, and the damage found while reading (damaged-page, complex-page issues).

    Raises:
        InputError: not a PDF, truncated, encrypted without the right password, damaged beyond reading, or over
            the limits (pages, characters or drawing commands per page, seconds).
    """
    if len(data) > limits.pdf_bytes:
        raise InputError(name, f"PDF is {size_text(len(data))}, more than the limit of {size_text(limits.pdf_bytes)}")
    _check_envelope(data, name)
    started = time.monotonic()
    pages: list[PageText] = []
    issues: list[Issue] = []
    with _quiet_libraries(), _documents(data, name, password) as (page_objs, fast, plumber):
        if len(page_objs) > limits.max_pages:
            raise InputError(name, f"PDF has {len(page_objs)} pages, more than the limit of {limits.max_pages}")
        if fast is not None and len(fast) != len(page_objs):
            fast = None  # the two readers disagree on the page tree: pdfminer's pages are the ones read
        for number, page_obj in enumerate(page_objs, start=1):
            if time.monotonic() - started > limits.seconds_total:
                raise InputError(name, f"gave up at page {number}: reading took more than {limits.seconds_total:g} s")
            with _deadline(limits.seconds_per_page, name, f"page {number}"):
                text, found = _read_page(_Page(number, page_obj, fast, plumber), limits, name)
            pages.append(text)
            issues.extend(found)
    return tuple(pages), tuple(issues)


@dataclass(frozen=True, slots=True)
class _Page:
    """One page to read: its number, pdfminer's page object, and the documents of the readers."""

    number: int
    obj: PDFPage  # pdfminer's
    fast: PdfDocument | None  # pdfium's
    plumber: LazyPlumber


def _read_page(page: _Page, limits: Limits, name: str) -> tuple[PageText, list[Issue]]:
    """One page -> its text and the damage found on it.

    A page that cannot be read at all gives no text and a damaged-page issue (the document fails only when most
    of its pages do, see pages_to_lines).

    Raises:
        InputError: the page is over a limit.
    """
    from fengong.extract.pdf_plumber import pdfminer_losses

    number, damage, complex_page = page.number, None, False
    with pdfminer_losses() as losses:
        try:
            damage = _content_damage(page, limits, name)
            text, complex_page = _page_text(page, limits, name)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged page object: pdfminer's errors have no common base
            text = PageText(number, (), 0.0, 0, 0, "damaged")
            damage = damage or f"it cannot be read ({type(exc).__name__}); its content is missing from the tables"
    found = [f"the PDF reader reports lost content ({m})" for m in losses.messages] if damage is None else [damage]
    issues = [Issue(IssueCode.DAMAGED_PAGE, f"page {number}: {message}", None, None, number) for message in found]
    if complex_page:
        issues.append(Issue(IssueCode.COMPLEX_PAGE, f"page {number}: draws more than {limits.max_drawings_for_tables:,} paths "
                            "(a map or chart?); its text was read as lines, without looking for ruled tables", None, None, number))
    return text, issues


def _content_damage(page: _Page, limits: Limits, name: str) -> str | None:
    from fengong.extract.pdf_streams import page_streams_check

    check = page_streams_check(page.obj, limits.max_content_bytes_per_page)
    if check.decoded_bytes > limits.max_content_bytes_per_page:
        raise InputError(name, f"page {page.number} has more than {size_text(limits.max_content_bytes_per_page)} of drawing "
                               "commands, more than the limit; the PDF may be hostile or damaged")
    return check.damage


def _too_many_chars(count: int, number: int, limits: Limits, name: str) -> None:
    if count > limits.max_chars_per_page:
        raise InputError(name, f"page {number} has more than {limits.max_chars_per_page:,} characters, the limit per page; "
                               "the PDF may be hostile or damaged")


def _plumber_text(page: _Page, limits: Limits, name: str, tables: bool, counted: bool) -> PageText:
    """A page for pdfplumber -> its text, once its glyphs are known to be within the limit.

    `counted`: pdfium's count of the page's glyphs holds (it read every text object); else pdfminer counts them
    first, stopping at the limit, so a page of 150,000 glyphs is refused before pdfminer lays out any.
    """
    from fengong.extract.pdf_plumber import glyph_count, plumber_page_text

    if not counted:
        _too_many_chars(glyph_count(page.obj, limits.max_chars_per_page), page.number, limits, name)
    plumber_page = page.plumber.page(page.number - 1)
    try:
        return plumber_page_text(plumber_page, page.number, tables)
    finally:
        plumber_page.close()


def _page_text(page: _Page, limits: Limits, name: str) -> tuple[PageText, bool]:
    """A page -> its text, read by pdfium where it can be, and whether it drew too much to look for tables."""
    if page.fast is None:
        return _plumber_text(page, limits, name, tables=True, counted=False), False
    from fengong.extract import pdf_pdfium

    fast_page = page.fast[page.number - 1]
    textpage = fast_page.get_textpage()
    try:
        _too_many_chars(pdf_pdfium.count_chars(textpage), page.number, limits, name)
        objects = pdf_pdfium.page_objects(fast_page, limits.max_drawings_for_tables)
        left, bottom, right, top = fast_page.get_mediabox()
        read = pdf_pdfium.page_chars(textpage, top, objects.texts)
        if read.chars is None or fast_page.get_rotation():
            return _plumber_text(page, limits, name, tables=objects.complete, counted=read.complete), not objects.complete
        rows = _ruled_rows(read.chars, objects, (left, bottom, right, top)) if objects.may_hold_ruled_table() and objects.complete else chars_to_rows(read.chars)
        if rows is None:
            return _plumber_text(page, limits, name, tables=True, counted=True), False
        glyphs = sum(1 for c in read.chars if not c.text.isspace())
        return PageText(page.number, tuple(rows), float(top - bottom), glyphs, 0, "pdfium"), not objects.complete
    finally:
        textpage.close()
        fast_page.close()


def _ruled_rows(chars, objects, mediabox: tuple[float, float, float, float]) -> list[TextRow] | None:
    """A page's glyphs and drawn paths (pdfium's) -> its rows, ruled tables found by pdfplumber's table finder; None
    when a path cannot be read as pdfminer would read it (the page then goes to pdfplumber).
    """
    from fengong.extract.pdf_layout import without_copies
    from fengong.extract.pdf_tables import paths_to_edges, table_rows

    left, bottom, right, top = mediabox
    try:
        edges = paths_to_edges(objects.drawn, top)
    except ValueError:
        return None
    return table_rows(without_copies(chars), edges, (left, 0.0, right, top - bottom))


def _furniture(pages: tuple[PageText, ...]) -> set[tuple[int, float]]:
    """Pages -> (page, top) of running headers and footers: the same text (digits aside) near the same edge on most pages."""
    if len(pages) < 3:
        return set()
    seen: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for page in pages:
        for row in page.rows:
            edge = "top" if row.top < page.height * 0.12 else "bottom" if row.top > page.height * 0.85 else None
            if edge:
                seen.setdefault((edge, _DIGITS.sub("#", row.text.replace(" ", ""))), []).append((page.number, row.top))
    furniture = set()
    for places in seen.values():
        if len({p for p, _ in places}) >= max(3, len(pages) // 2):
            furniture.update(places)
    return furniture


def _empty_pages(kept: dict[int, list[TextRow]], reported: set[int]) -> list[Issue]:
    """Text kept per page -> an empty-page issue for each page without text whose neighbours have text."""
    numbers = sorted(kept)
    issues = []
    for number in numbers if len(numbers) > 1 else ():
        neighbours = [kept[n] for n in (number - 1, number + 1) if n in kept]
        if not kept[number] and number not in reported and all(neighbours):
            issues.append(Issue(IssueCode.EMPTY_PAGE, f"page {number}: no text, while the pages beside it have text "
                                "(an image, a scan, or content lost?); check it in the source", None, None, number))
    return issues


def pages_to_lines(pages: tuple[PageText, ...], issues: tuple[Issue, ...], name: str,
                   ocr: str = "never") -> tuple[tuple[Line, ...], tuple[Issue, ...]]:
    """Pages as read (OCR's among them) and their issues -> the document's lines (headers, footers and unreadable
    pages left out) and all its issues (unreadable-text and empty-page added); `ocr` is the mode the pages were
    read with, which the messages name.

    Raises:
        InputError: no page has a text layer (scanned), or most pages are unreadable.
    """
    damaged = [p.number for p in pages if p.reader == "damaged"]
    if len(damaged) > len(pages) / 2 or (damaged and not any(p.chars for p in pages)):
        raise InputError(name, f"PDF cannot be read, it is damaged on {len(damaged)} of {len(pages)} pages")
    if not any(p.chars for p in pages):
        raise InputError(name, "PDF has no text layer (a scanned image?); read it with --ocr auto" if ocr == "never"
                         else "PDF has no text layer, and OCR found no text on its pages")
    with_text = [p for p in pages if p.chars]
    unreadable = [p for p in with_text if p.bad > p.chars / 2]
    if len(unreadable) > len(with_text) / 2:
        advice = "needs OCR (--ocr auto) or the source document" if ocr == "never" else "OCR found no text there either: get the source document"
        raise InputError(name, f"PDF text is unreadable on {len(unreadable)} of {len(with_text)} pages (glyphs without Unicode, e.g. (cid:NNN)); {advice}")
    found = list(issues) + [
        Issue(IssueCode.UNREADABLE_TEXT, f"page {p.number}: {p.bad} of {p.chars} characters have no Unicode; page skipped", None, None, p.number)
        for p in unreadable
    ]
    skip = _furniture(pages)
    skipped = {p.number for p in unreadable}
    kept = {page.number: [] if page.number in skipped else [r for r in page.rows if (page.number, r.top) not in skip] for page in pages}
    found.extend(_empty_pages(kept, {i.page for i in found if i.page is not None}))
    lines = [Line(name, i, number, r.text, r.confidence) for number, rows in kept.items() for i, r in enumerate(rows, start=1)]
    return tuple(lines), tuple(sorted(found, key=lambda i: (i.page or 0)))

