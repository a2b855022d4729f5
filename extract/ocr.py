"""OCR of pages without a text layer: a page image -> rows of text in reading order, each with its confidence.

RapidOCR (PP-OCR's Chinese detection and recognition models, shipped inside the `rapidocr-onnxruntime` wheel, so
nothing is fetched at run time) finds boxes of text on the image; `layout` puts them in reading order and reads
ruled tables cell by cell, with the table's rules found on the image itself. Scanned PDFs (and image pages inside
a text PDF) are rendered with pypdfium2; PNG, JPEG and TIFF files are read with Pillow. Everything here works on
bytes already read (extract/reading.py bounds them); the engine, OpenCV, NumPy and Pillow are imported only when a
page is read, so a run without scans loads none of them.

Memory: a worker's limit counts address space (RLIMIT_AS). Loading the engine maps about 550 MB and reading a page
a few hundred more at the peak (onnxruntime's own memory arena is off in RapidOCR's sessions, and the process's
threads share two malloc arenas, see _share_malloc_arenas): a 33-page scan peaks at about 1.3 GB beyond the
worker's start, inside the default 2 GB (`make bench-ocr` measures it). The engine is loaded once per process.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache
from statistics import median
from typing import Any

import regex

from fengong.extract.errors import InputError
from fengong.extract.layout import Box, Row, Rule, page_to_rows
from fengong.extract.model import Assignment, Issue, IssueCode, Line
from fengong.extract.pdf_layout import PageText, TextRow
from fengong.extract.reading import DEFAULT_LIMITS, Limits, OcrMode, ocr_mode

# Below this, a line's recognition is doubtful enough for its units to be checked against the scan. A line's
# confidence is that of its least sure Chinese character. Measured on the sample notice printed to images (33
# pages, OCR lines against the text layer's): of 640 lines read right, 7 score under 0.8 (the lowest 0.59), 95 %
# score 0.93 or more; the one line with a misread character (诋毁 read as 低毁) scores 0.54. The other 14 lines
# read wrong differ only in brackets (〔 read as 【), which no unit holds.
LOW_CONFIDENCE = 0.8
RENDER_SCALE = 2.0  # 144 dpi: body text of a notice (16 pt) is 32 px high, what PP-OCR reads best
MAX_SIDE = 4000  # pixels: larger images and pages are scaled down before OCR (the engine works at 2000 px anyway)
MAX_PIXELS = 100_000_000  # an image with more pixels is refused before it is decoded (a decompression bomb)

Progress = Callable[[int, int], None]
"""Told (pages done, pages to do) after each page read by OCR, e.g. to draw a progress line on a terminal."""


# The engine of each process, by process id. A worker forked from a process that had loaded one loads its own:
# onnxruntime's thread pools do not survive a fork, and the inherited engine is kept, never freed, because freeing
# it waits for threads that exist only in the parent (the worker would hang).
_ENGINES: dict[int, Any] = {}


def _engine() -> Any:
    """The OCR engine of this process, loaded once (about a second: three ONNX models from the installed package)."""
    pid = os.getpid()
    if pid not in _ENGINES:
        from rapidocr_onnxruntime import RapidOCR

        _share_malloc_arenas()
        _ENGINES[pid] = RapidOCR()
    return _ENGINES[pid]


_M_ARENA_MAX = -8  # glibc's mallopt parameter


def _share_malloc_arenas() -> None:
    """This process -> its threads share at most two malloc arenas (glibc; elsewhere nothing changes).

    glibc gives each new thread an arena of its own, each reserving 64 MB of address space or more; with the
    engine's threads that is half a gigabyte of address space it never uses, and a worker's memory limit
    (RLIMIT_AS) counts address space. Measured on the 33-page sample scan in a worker: 1,763 MB beyond its start at
    the peak with an arena per thread, 1,239 MB with two.
    """
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).mallopt(_M_ARENA_MAX, 2)


_HALF_WIDTH = {"(": "（", ")": "）", ":": "：", ";": "；", ",": "，", "?": "？", "!": "！"}
# A half-width mark with Chinese before or after it, digits and spaces between allowed (附件1: -> 附件1：).
_HALF_BESIDE_CJK = regex.compile(r"(?<=\p{Han}[\d\s]{0,4})[():;,?!]|[():;,?!](?=[\d\s]{0,4}\p{Han})")
_FULL_WIDTH_MARK = r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f“”‘’]"
_SPACE_BY_MARK = regex.compile(rf"\s+(?={_FULL_WIDTH_MARK})|(?<={_FULL_WIDTH_MARK})\s+")


# A page number between dashes, which the recogniser reads as -, —, 一 (one) or _ in any mix: -10 一, — 3 -.
_PAGE_NUMBER = regex.compile(r"^[-—–―一_~～]+\s*(\d{1,4})\s*[-—–―一_~～]+$")


def clean_ocr_text(text: str) -> str:
    """Text the recogniser read -> the same as the notice prints it: ( ) : ; , ? ! beside Chinese full-width, no
    space beside a full-width mark, a page number as `— N —`.

    The recogniser often reads （ as ( and ： as :, which the units' spelling (unit_raw) would keep otherwise, and
    reads the blank half of a full-width bracket as a space (执业药师 （从业药师）). A page number read as `-10 一`
    would be neither dropped as furniture nor known as a page number, and would join the text it interrupts.
    """
    text = text.strip()
    if page := _PAGE_NUMBER.match(text):
        return f"— {page.group(1)} —"
    text = _HALF_BESIDE_CJK.sub(lambda m: _HALF_WIDTH[m.group()], text)
    return _SPACE_BY_MARK.sub("", text)


def image_to_boxes(image: Any) -> list[Box]:
    """A page image (2-D uint8 array, dark text on light) -> the boxes of text the OCR engine reads on it."""
    return _boxes(_read(image), None)


_HAN = regex.compile(r"\p{Han}")


def _read(image: Any) -> list[tuple[Any, str, float]]:
    """A page image -> what the engine reads: (four corners, text, confidence) per box of text.

    The confidence is that of the box's least sure Chinese character (of the whole box when it has none). The
    engine's own score is the mean over the characters, in which one misread character among thirty hardly shows
    (诋毁 read as 低毁 scores 0.97), and brackets (〔 or 【) are often unsure without mattering to any unit.
    """
    # The angle classifier turns lone digits over (9 -> 6): off, pages are upright. Word boxes give each character's score.
    found, _ = _engine()(image, use_cls=False, return_word_box=True)
    read = []
    for points, text, score, *detail in found or []:
        words, scores = (detail[1], detail[2]) if len(detail) == 3 else ([], [])
        han = [float(c) for word, c in zip(words, scores, strict=False) if _HAN.search(word)]
        read.append((points, text, min(han) if han else float(score)))
    return read


def _boxes(found: list[tuple[Any, str, float]], matrix: Any) -> list[Box]:
    """What the engine read, and the affine matrix that straightens the page (None: it is straight) -> upright boxes."""
    boxes = []
    for points, raw, score in found:
        corners = [(p[0], p[1]) if matrix is None else (matrix[0][0] * p[0] + matrix[0][1] * p[1] + matrix[0][2],
                                                         matrix[1][0] * p[0] + matrix[1][1] * p[1] + matrix[1][2]) for p in points]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        text = clean_ocr_text(raw)
        if text:
            boxes.append(Box(float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys)), text, score))
    return boxes


def skew_degrees(found: list[tuple[Any, str, float]]) -> float:
    """What the engine read -> how far the page is turned, in degrees (clockwise positive, as y grows downwards):
    the median slope of the top edges of its long boxes (lines of text)."""
    import math

    slopes = []
    for points, _, _ in found:
        (x0, y0), (x1, y1) = points[0], points[1]
        height = abs(points[3][1] - points[0][1])
        if x1 - x0 > 4 * max(height, 1):
            slopes.append(math.degrees(math.atan2(y1 - y0, x1 - x0)))
    return median(slopes) if slopes else 0.0


def image_to_rules(image: Any, text_height: float) -> list[Rule]:
    """A page image and its text height in pixels -> its ruling lines: straight dark runs far longer than any stroke
    of a character (3 text heights across, 1.5 down)."""
    import cv2
    import numpy as np

    dark = (image < 180).astype(np.uint8)
    rules: list[Rule] = []
    for size in ((max(3, round(3 * text_height)), 1), (1, max(3, round(1.5 * text_height)))):
        opened = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))
        _, _, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=8)
        rules.extend(Rule(float(x), float(y), float(x + w), float(y + h)) for x, y, w, h, _ in stats[1:])
    return rules


def image_to_rows(image: Any) -> list[Row]:
    """A page image -> its rows in reading order (tops in pixels), ruled tables one row per table row.

    A page scanned askew (more than 0.1 degree) is straightened before its rules are looked for: turned by a degree,
    a table's rules would break into pieces that meet no other rule. The boxes are turned with it.
    """
    import cv2

    found = _read(image)
    if not found:
        return []
    angle = skew_degrees(found)
    matrix = None
    if abs(angle) > 0.1:
        height, width = image.shape[:2]
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
        image = cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)
    boxes = _boxes(found, matrix)
    if not boxes:
        return []
    return page_to_rows(boxes, image_to_rules(image, median(b.height for b in boxes)))


def _to_array(picture: Any) -> Any:
    """A Pillow image -> the 2-D array OCR reads: its red channel, in which a red seal or letterhead fades to white
    while black text stays black, scaled down to MAX_SIDE."""
    import numpy as np

    if max(picture.size) > MAX_SIDE:
        factor = MAX_SIDE / max(picture.size)
        picture = picture.resize((max(1, round(picture.width * factor)), max(1, round(picture.height * factor))))
    if picture.mode in ("RGB", "RGBA", "P", "CMYK"):
        picture = picture.convert("RGB").getchannel("R")
    elif picture.mode != "L":
        picture = picture.convert("L")  # bilevel fax scans ("1"), 16-bit grey, grey with alpha
    return np.asarray(picture, dtype=np.uint8)


def pdf_pages_to_ocr(data: bytes, name: str, password: str | None, numbers: tuple[int, ...], limits: Limits = DEFAULT_LIMITS,
                     progress: Progress | None = None) -> list[PageText]:
    """Bytes of a PDF named `name` and the numbers (1-based) of its pages to read by OCR -> what OCR read on each,
    as the PDF reader's pages (tops in PDF points, `reader` ocr, each row with its confidence). A page that cannot
    be rendered gives no rows (it stays as the text layer gave it).

    Raises:
        InputError: more pages than the limit of OCR'd pages, or the PDF cannot be opened for rendering.
    """
    import pypdfium2 as pdfium

    if len(numbers) > limits.ocr_pages:
        raise InputError(name, f"{len(numbers)} pages need OCR, more than the limit of {limits.ocr_pages}; split the scan")
    try:
        document = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        raise InputError(name, f"PDF cannot be rendered for OCR ({exc})") from None
    pages = []
    try:
        for done, number in enumerate(numbers, start=1):
            pages.append(_ocr_pdf_page(document, number))
            if progress:
                progress(done, len(numbers))
    finally:
        document.close()
    return pages


def _ocr_pdf_page(document: Any, number: int) -> PageText:
    """An open pypdfium2 document and a page number -> what OCR reads on that page, rendered at RENDER_SCALE."""
    import pypdfium2 as pdfium

    try:
        page = document[number - 1]
    except pdfium.PdfiumError:
        return PageText(number, (), 0.0, 0, 0, "ocr")
    width, height = page.get_size()
    scale = min(RENDER_SCALE, MAX_SIDE / max(width, height, 1.0))
    try:
        image = _to_array(page.render(scale=scale).to_pil())
    except pdfium.PdfiumError:
        return PageText(number, (), float(height), 0, 0, "ocr")
    finally:
        page.close()
    rows = tuple(TextRow(r.top / scale, r.text, r.confidence) for r in image_to_rows(image))
    return PageText(number, rows, float(height), sum(len(r.text.replace(" ", "").replace("\t", "")) for r in rows), 0, "ocr")


def _frames(data: bytes, name: str, limits: Limits) -> Iterator[tuple[Any, int]]:
    """Bytes of an image file -> its frames (a TIFF may hold a scan of many pages) as Pillow images, each with the count.

    Raises:
        InputError: not an image Pillow reads, damaged, too many pixels or frames.
    """
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as picture:
            frames = getattr(picture, "n_frames", 1)
            if frames > limits.ocr_pages:
                raise InputError(name, f"image has {frames} pages, more than the limit of {limits.ocr_pages}")
            for frame in ImageSequence.Iterator(picture):
                if frame.width * frame.height > MAX_PIXELS:
                    raise InputError(name, f"image is {frame.width}x{frame.height} pixels, more than the limit of {MAX_PIXELS:,}")
                frame.load()
                yield frame, frames
    except UnidentifiedImageError:
        raise InputError(name, "not an image that can be read (PNG, JPEG or TIFF); is it damaged or another kind of file?") from None
    except Image.DecompressionBombError:
        raise InputError(name, f"image has more pixels than the limit of {MAX_PIXELS:,} (a decompression bomb?)") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise InputError(name, f"image is damaged ({type(exc).__name__}: {exc})") from None


def image_bytes_to_lines(data: bytes, name: str, ocr: str = "auto", limits: Limits = DEFAULT_LIMITS,
                         progress: Progress | None = None) -> tuple[Line, ...]:
    """Bytes of a PNG, JPEG or TIFF scan named `name` -> its lines by OCR, `page` the frame (1-based), confidence kept.

    Raises:
        InputError: OCR is off (`ocr` never), the file is not a readable image (see _frames), or no text was found.
    """
    if ocr_mode(ocr) == OcrMode.NEVER:
        raise InputError(name, "is an image: its text can be read only by OCR, which --ocr never turns off")
    lines: list[Line] = []
    for number, (frame, total) in enumerate(_frames(data, name, limits), start=1):
        rows = image_to_rows(_to_array(frame))
        lines.extend(Line(name, i, number, r.text, r.confidence) for i, r in enumerate(rows, start=1))
        if progress:
            progress(number, total)
    if not lines:
        raise InputError(name, "no text found in the image by OCR")
    return tuple(lines)


def low_confidence_issues(assignments: list[Assignment], lines: tuple[Line, ...]) -> list[Issue]:
    """Units read and the lines they were read from -> a low-confidence issue for each unit that stands on an OCR
    line (or runs onto the next one) whose confidence is under LOW_CONFIDENCE."""
    doubtful = {(line.page, line.line): line for line in lines if line.confidence is not None and line.confidence < LOW_CONFIDENCE}
    if not doubtful:
        return []
    by_place = {(line.page, line.line): line for line in lines}
    issues = []
    for a in assignments:
        start = by_place.get((a.page, a.line))
        places = [(a.page, a.line)]
        if start is not None and a.unit_raw.replace(" ", "") not in start.text.replace(" ", ""):
            places.append((a.page, a.line + 1))  # the unit wraps onto the next line
        weak = [doubtful[p] for p in places if p in doubtful]
        if weak:
            score = min(w.confidence or 0.0 for w in weak)
            issues.append(Issue(IssueCode.LOW_CONFIDENCE, f"unit {a.unit_raw!r} was read by OCR with confidence {score:.2f}; check it in the scan",
                                a.clause_id, a.line, a.page))
    return issues


_MASK = "\0"
MAX_NAME_CHARS = 48  # no body's name is longer (extract/bodies.py); a longer unit is not mended (the search grows with its cube)


@lru_cache(maxsize=8)
def _masked_index(words: frozenset[str]) -> dict[str, frozenset[str]]:
    """Words -> for each word with one character masked (发改\0), the characters that fill the mask in some word."""
    index: dict[str, set[str]] = {}
    for word in words:
        for i in range(len(word)):
            index.setdefault(word[:i] + _MASK + word[i + 1:], set()).add(word[i])
    return {masked: frozenset(chars) for masked, chars in index.items()}


def one_off_candidates(text: str, vocabularies: tuple[frozenset[str], ...]) -> set[str]:
    """A name as read and the vocabularies names are made of -> every text that differs from it in one character
    where some word of a vocabulary, laid over the text across that character, fits all its other characters
    (市发改姿 with 发改委 known -> 市发改委). Names are made of words (place, level, stem, ending), so the
    substitutions tried are the words' own characters, not every character there is.
    """
    if len(text) > MAX_NAME_CHARS:
        return set()
    indexes = [_masked_index(v) for v in vocabularies]
    found: set[str] = set()
    for i in range(len(text)):
        chars: set[str] = set()
        for start in range(i + 1):
            for end in range(i + 1, len(text) + 1):
                masked = text[start:i] + _MASK + text[i + 1:end]
                for index in indexes:
                    chars.update(index.get(masked, ()))
        found.update(text[:i] + c + text[i + 1:] for c in chars if c != text[i])
    return found


def correct_ocr_units(assignments: list[Assignment], lines: tuple[Line, ...], vocabularies: tuple[frozenset[str], ...],
                      known: Callable[[str, str], bool]) -> tuple[list[Assignment], list[Issue]]:
    """Units as read, the lines they were read from, the vocabularies of body names (the body-name model's words, the
    notice's registry spellings) and a test of whether a name, after the level prefix it shares with the unit before
    it, is a known body -> the units with each unknown one read by OCR set to the known body one character off, and a
    corrected-unit issue for each correction.

    Precision first: only units on OCR lines are looked at (a text layer gives a unit as its author wrote it), only
    one substituted character is mended, and only when exactly one known body fits; everything else stays as read
    (and gets its unknown-unit issue as any unit would).
    """
    read_by_ocr = {(line.page, line.line) for line in lines if line.confidence is not None}
    if not read_by_ocr:
        return assignments, []
    fixes: dict[tuple[str, str], str | None] = {}
    out, issues = [], []
    for a in assignments:
        if (a.page, a.line) in read_by_ocr and not known(a.unit_raw, a.shared_prefix):
            key = (a.unit_raw, a.shared_prefix)
            if key not in fixes:
                fits = {c for c in one_off_candidates(a.unit_raw, vocabularies) if known(c, a.shared_prefix)}
                fixes[key] = fits.pop() if len(fits) == 1 else None
            name = fixes[key]
            if name is not None:
                issues.append(Issue(IssueCode.CORRECTED_UNIT, f"unit read by OCR as {a.unit_raw!r} was corrected to {name!r}, the known body "
                                    "one character off; check it in the scan", a.clause_id, a.line, a.page))
                a = replace(a, unit_raw=name)
        out.append(a)
    return out, issues
