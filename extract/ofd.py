"""OFD (GB/T 33190, China's format for electronic official documents): a package -> lines in reading order per page.

An OFD is a ZIP of XML: OFD.xml names the document (DocBody/DocRoot, e.g. Doc_0/Document.xml), which lists its
pages (Pages/Page/@BaseLoc, e.g. Pages/Page_0/Content.xml). A page's layers hold TextObjects (a Boundary
`x y w h` in millimetres, a font Size, an optional CTM) whose TextCodes place their characters: X and Y (the
baseline) relative to the Boundary, DeltaX the advance between characters (`g 3 4.2` is 4.2 three times). Lines
are rebuilt from the characters' positions; PathObjects (AbbreviatedData `M x y L x y …`) give the rules of ruled
tables, read cell by cell like PDF tables. Template pages (letterheads, running headers) are not read.

The package is untrusted: members are read with size limits (a ZIP can be a bomb) and XML is parsed without
entity expansion, DTDs or network access.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex
from lxml import etree

from fengong.extract.errors import InputError
from fengong.extract.layout import Box, Rule, page_to_rows
from fengong.extract.model import Line
from fengong.extract.reading import DEFAULT_LIMITS, Limits, read_regular_file

MAX_MEMBER_BYTES = 32 * 1024 * 1024  # one XML part, decompressed
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # all parts read, decompressed
MAX_MEMBERS = 100_000
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)
_NUMBER = regex.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


@dataclass(frozen=True, slots=True)
class _Package:
    """An opened OFD: the ZIP, its name for messages, and a running count of bytes read."""

    zip: zipfile.ZipFile
    name: str
    read: list[int]  # one cell: decompressed bytes read so far
    max_pages: int


def ofd_to_lines(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[Line, ...]:
    """Path of an OFD file -> its lines (see ofd_bytes_to_lines).

    Raises:
        InputError: not a regular file, over the size limit, or unusable (see ofd_bytes_to_lines).
    """
    return ofd_bytes_to_lines(read_regular_file(path, limits.ofd_bytes, "OFD"), str(path), limits)


def ofd_bytes_to_lines(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> tuple[Line, ...]:
    """Bytes of an OFD file named `name` -> its lines in reading order, `page` 1-based and `line` counted within the
    page; ruled tables one line per row, cells joined by a tab.

    Raises:
        InputError: not a ZIP, not an OFD (no OFD.xml or document), a part missing, damaged or over the limits.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(name, f"not an OFD file (not a ZIP package: {exc}); is it damaged or another kind of file?") from None
    with archive:
        if len(archive.infolist()) > MAX_MEMBERS:
            raise InputError(name, f"OFD package has {len(archive.infolist())} parts, more than the limit of {MAX_MEMBERS}")
        package = _Package(archive, name, [0], limits.max_pages)
        lines: list[Line] = []
        for number, page in enumerate(_pages(package), start=1):
            boxes, rules = _page_objects(page)
            rows = page_to_rows(boxes, rules)
            lines.extend(Line(name, i, number, row.text) for i, row in enumerate(rows, start=1))
    return tuple(lines)


def _pages(package: _Package) -> Iterator[etree._Element]:
    """An OFD package -> the content XML of each page of its first document, in page order."""
    root = _xml(package, "OFD.xml")
    doc_root = root.findtext("{*}DocBody/{*}DocRoot")
    if not doc_root or not doc_root.strip():
        raise InputError(package.name, "not an OFD document: OFD.xml names no DocRoot (the document's Document.xml)")
    doc_path = _resolve("", doc_root)
    document = _xml(package, doc_path)
    pages = document.findall("{*}Pages/{*}Page")
    if len(pages) > package.max_pages:
        raise InputError(package.name, f"OFD has {len(pages)} pages, more than the limit of {package.max_pages}")
    for page in pages:
        location = page.get("BaseLoc")
        if not location:
            raise InputError(package.name, f"OFD page {page.get('ID')} has no BaseLoc (where its content is); the file is damaged")
        yield _xml(package, _resolve(posixpath.dirname(doc_path), location))


def _resolve(folder: str, location: str) -> str:
    """A location as an OFD writes it (relative to the referring part's folder, or absolute from the package root)
    -> the ZIP member name."""
    location = location.strip().replace("\\", "/")
    joined = location.lstrip("/") if location.startswith("/") else posixpath.join(folder, location)
    return posixpath.normpath(joined).lstrip("/")


def _xml(package: _Package, member: str) -> etree._Element:
    """A part of the package -> its parsed XML.

    Raises:
        InputError: the part is missing, over the size limits, damaged, or not well-formed XML.
    """
    name = package.name
    try:
        info = package.zip.getinfo(member)
    except KeyError:
        raise InputError(name, f"OFD package has no {member} (named by the document); the file is damaged or not an OFD") from None
    if info.file_size > MAX_MEMBER_BYTES:
        raise InputError(name, f"OFD part {member} is {info.file_size / 1048576:.0f} MB, more than the limit of {MAX_MEMBER_BYTES / 1048576:.0f} MB")
    try:
        with package.zip.open(info) as stream:
            data = stream.read(MAX_MEMBER_BYTES + 1)  # the size a ZIP declares may lie
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError) as exc:
        raise InputError(name, f"OFD part {member} cannot be read, it is damaged ({type(exc).__name__})") from None
    package.read[0] += len(data)
    if len(data) > MAX_MEMBER_BYTES or package.read[0] > MAX_TOTAL_BYTES:
        raise InputError(name, f"OFD part {member} unpacks to more than the limit; the file may be hostile (a ZIP bomb)")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(name, f"OFD part {member} is not well-formed XML ({exc}); the file is damaged") from None


def _numbers(text: str | None) -> list[float]:
    """An attribute of numbers separated by spaces -> the numbers (none for a missing or empty attribute)."""
    return [float(n) for n in _NUMBER.findall(text or "")]


def _deltas(text: str | None) -> list[float]:
    """A DeltaX or DeltaY attribute -> the advances it lists, `g N D` written out as N times D."""
    tokens, out, i = (text or "").split(), [], 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            out.extend([float(tokens[i + 2])] * min(int(float(tokens[i + 1])), 100_000))
            i += 3
        else:
            out.extend(_numbers(tokens[i]))
            i += 1
    return out


@dataclass(frozen=True, slots=True)
class _Placement:
    """Where an object's own coordinates land on the page: its Boundary's origin and its CTM (a b c d e f)."""

    x: float
    y: float
    ctm: tuple[float, ...]

    def point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.ctm
        return self.x + a * x + c * y + e, self.y + b * x + d * y + f

    @property
    def scale(self) -> float:
        return abs(self.ctm[3]) or 1.0


def _placement(element: etree._Element) -> _Placement:
    """A TextObject or PathObject -> how its coordinates map onto the page."""
    boundary = _numbers(element.get("Boundary")) + [0.0, 0.0]
    ctm = _numbers(element.get("CTM"))
    return _Placement(boundary[0], boundary[1], tuple(ctm) if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))


def _page_objects(page: etree._Element) -> tuple[list[Box], list[Rule]]:
    """A page's content XML -> one box per character of its text objects, and the straight lines of its paths."""
    boxes: list[Box] = []
    rules: list[Rule] = []
    for element in page.iter("{*}TextObject", "{*}PathObject"):
        if etree.QName(element).localname == "TextObject":
            boxes.extend(_text_boxes(element))
        else:
            rules.extend(_path_rules(element))
    return boxes, rules


def _text_boxes(element: etree._Element) -> Iterator[Box]:
    """A TextObject -> a box per character: from its baseline up by the font size, across by its advance."""
    place = _placement(element)
    size = (_numbers(element.get("Size")) or [3.5])[0]
    x = y = 0.0
    for code in element.iter("{*}TextCode"):
        text = code.text or ""
        x = (_numbers(code.get("X")) or [x])[0]
        y = (_numbers(code.get("Y")) or [y])[0]
        dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
        for i, char in enumerate(text):
            advance = dx[i] if i < len(dx) else (size if ord(char) > 0x2E7F else size / 2)
            left, base = place.point(x, y)
            right, _ = place.point(x + advance, y)
            height = size * place.scale
            yield Box(min(left, right), base - height * 0.88, max(left, right), base + height * 0.12, char)
            x += advance
            y += dy[i] if i < len(dy) else 0.0


_CURVE_ARGUMENTS = {"B": 6, "Q": 4, "A": 7}  # Bezier, quadratic, arc: they draw no table border but move the pen


def _path_rules(element: etree._Element) -> Iterator[Rule]:
    """A PathObject -> its straight horizontal and vertical segments (table borders), in page coordinates."""
    place = _placement(element)
    tokens = (element.findtext("{*}AbbreviatedData") or "").split()
    start = current = None
    i = 0
    while i < len(tokens):
        op = tokens[i]
        count = 2 if op in ("M", "S", "L") else _CURVE_ARGUMENTS.get(op, 0)
        args = [float(t) for t in tokens[i + 1:i + 1 + count] if _NUMBER.fullmatch(t)]
        if op == "C" and current is not None and start is not None:
            yield from _segment(current, start)
            current = start
        elif count and len(args) == count:
            end = place.point(*args[-2:])
            if op == "L" and current is not None:
                yield from _segment(current, end)
            if op in ("M", "S"):
                start = end
            current = end
            i += count
        i += 1


def _segment(a: tuple[float, float], b: tuple[float, float]) -> Iterator[Rule]:
    """A straight segment -> a Rule when it is horizontal or vertical (within a hundredth of its length)."""
    (x0, y0), (x1, y1) = a, b
    length = max(abs(x1 - x0), abs(y1 - y0))
    if length > 0 and min(abs(x1 - x0), abs(y1 - y0)) <= length / 100:
        yield Rule(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
