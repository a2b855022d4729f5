"""DOCX ingestion with python-docx: a Word document -> its paragraphs and table rows as lines, in body order.

The ZIP package is measured before anything is inflated (members, sizes, ratios), every XML part is checked to
declare no DTD (a Word document never has one; its entities would be skipped, dropping the text after them), and
the text is read from every run of a paragraph: inside tracked insertions, content controls, fields and
hyperlinks alike, and from text boxes. What is still left over is counted and reported, never dropped silently.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import regex

from fengong.extract.errors import InputError
from fengong.extract.model import Issue, IssueCode, Line
from fengong.extract.reading import CELL_SEPARATOR, DEFAULT_LIMITS, Limits, read_regular_file, size_text

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_PROLOG_BYTES = 64 * 1024
_CHUNK = 1024 * 1024
_BIG_MEMBER = 1024 * 1024  # the ratio limit applies to members larger than this
_DTD = ("<!DOCTYPE", "<!ENTITY")
_ROOT_START = regex.compile(r"<[\p{L}_]")


def docx_to_lines(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[Line, ...]:
    """Path of a DOCX -> one line per paragraph and per table row (cells tab-separated); `line` counts them from 1.

    Raises:
        InputError: not a regular file, over a limit, or not a readable Word document (see docx_bytes_to_lines).
    """
    return docx_bytes_to_lines(read_regular_file(path, limits.docx_bytes, "DOCX"), str(path), limits)[0]


def _package_problem(package: zipfile.ZipFile, compressed: int, limits: Limits) -> str | None:
    """A ZIP package -> why it is too big to inflate (members, sizes, ratios from its directory), or None."""
    members = package.infolist()
    if len(members) > limits.docx_members:
        return f"DOCX package has {len(members):,} members, more than the limit of {limits.docx_members:,}"
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > limits.docx_member_bytes:
            return f"DOCX member {member.filename!r} inflates to {size_text(member.file_size)}, more than the limit of {size_text(limits.docx_member_bytes)}"
        if member.file_size > _BIG_MEMBER and member.file_size > limits.docx_ratio * max(1, member.compress_size):
            return (f"DOCX member {member.filename!r} inflates {member.file_size // max(1, member.compress_size):,} times "
                    f"(to {size_text(member.file_size)}), more than the limit of {limits.docx_ratio} times: a ZIP bomb?")
    if total > limits.docx_total_bytes:
        return f"DOCX package inflates to {size_text(total)}, more than the limit of {size_text(limits.docx_total_bytes)}"
    if total > _BIG_MEMBER and total > limits.docx_ratio * max(1, compressed):
        return f"DOCX package inflates {total // max(1, compressed):,} times, more than the limit of {limits.docx_ratio} times: a ZIP bomb?"
    return None


def _prolog(head: bytes) -> str:
    """The first bytes of an XML part -> its text up to the root element (UTF-8 or UTF-16, as the part says)."""
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be")):
        if head.startswith(bom):
            text = head.decode(encoding, errors="replace")
            break
    else:
        text = head.decode("utf-8", errors="replace")
    found = _ROOT_START.search(text)
    return text[: found.start()] if found else text


def _dtd_problem(package: zipfile.ZipFile) -> str | None:
    """A ZIP package -> the first XML part that declares a DTD or entities (read no further than its prolog), or None."""
    for member in package.infolist():
        if not member.filename.lower().endswith((".xml", ".rels")):
            continue
        with package.open(member) as part:
            head = part.read(_PROLOG_BYTES)
        prolog = _prolog(head)
        if any(mark in prolog for mark in _DTD):
            return (f"DOCX part {member.filename!r} declares a DTD (<!DOCTYPE>/<!ENTITY>), which Word documents never hold; "
                    "its entities would drop text, so it is not read")
        if len(prolog) == len(head.decode("utf-8", errors="replace")) and len(head) >= _PROLOG_BYTES:
            return f"DOCX part {member.filename!r} has no XML element in its first {_PROLOG_BYTES // 1024} KB; it is damaged"
    return None


def _inflate_problem(package: zipfile.ZipFile) -> str | None:
    """A ZIP package within the limits its directory states -> whether a member inflates to other than it states.

    Each member is inflated 1 MB at a time and dropped. zipfile stops a member at its stated size and checks its
    CRC; but a whole-member read (as python-docx does) asks zlib for up to 2 GB at once, so a member that lies
    about its size would take that much memory before the check.
    """
    for member in package.infolist():
        size = 0
        with package.open(member) as part:
            while chunk := part.read(_CHUNK):
                size += len(chunk)
        if size != member.file_size:
            return f"DOCX member {member.filename!r} inflates to {size_text(size)}, not the {size_text(member.file_size)} it states; it is damaged"
    return None


def _open_package(data: bytes, name: str, limits: Limits) -> zipfile.ZipFile:
    if data[:8] == _OLE:
        raise InputError(name, "legacy Word .doc format (with a .docx name) is not read: save it as DOCX or PDF")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise InputError(name, "not a DOCX file (not a ZIP package); is it damaged or another kind of file?") from None
    problem = _package_problem(package, len(data), limits)
    if problem is None:
        try:
            problem = _inflate_problem(package) or _dtd_problem(package)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error) as exc:
            problem = f"DOCX package is damaged ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
    if problem:
        raise InputError(name, problem)
    return package


def docx_bytes_to_lines(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> tuple[tuple[Line, ...], tuple[Issue, ...]]:
    """Bytes of a DOCX -> one line per paragraph and table row (cells tab-separated), and the text left unread as issues.

    Raises:
        InputError: a legacy .doc under a .docx name, not a ZIP package, over the package limits (a ZIP bomb),
            an XML part with a DTD, or not a Word document inside.
    """
    import docx

    _open_package(data, name, limits).close()
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises KeyError, ValueError, lxml or zipfile errors for a bad package
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        raise InputError(name, f"not a Word document ({type(exc).__name__}: {detail})") from None
    try:
        body = document.element.body
        texts = _block_texts(body)
        unread = _unread(body, texts)
    except Exception as exc:  # noqa: BLE001 - an XML tree python-docx accepted but that is not shaped like a Word body
        raise InputError(name, f"not a Word document, its body cannot be read ({type(exc).__name__})") from None
    return tuple(Line(name, number, None, text) for number, text in enumerate(texts, start=1)), unread


def _kept(element) -> bool:
    # AlternateContent repeats a drawing's content in mc:Fallback for old readers: read it once, from mc:Choice.
    return not any(a.tag == _FALLBACK for a in element.iterancestors())


def _paragraph_text(p) -> str:
    """A w:p -> its text from every run that belongs to it (not to a paragraph nested in one of its text boxes)."""
    runs = (r for r in p.iter(f"{_W}r") if next(r.iterancestors(f"{_W}p"), None) is p)
    return "".join(r.text for r in runs if _kept(r))


def _text_boxes(p) -> list[str]:
    """A w:p -> the paragraphs of the text boxes anchored in it, one text each."""
    boxes = [b for b in p.iter(f"{_W}txbxContent") if _kept(b) and next(b.iterancestors(f"{_W}p"), None) is p]
    return [t for box in boxes for t in _block_texts(box)]


def _cell_text(tc) -> str:
    """A w:tc -> its text: all its paragraphs joined, those of tables nested in it included."""
    return "".join(_paragraph_text(p) for p in tc.iter(f"{_W}p") if _kept(p)).strip()


def _attr(element, path: str) -> str | None:
    """An element and the path of a child under it (w:tcPr/w:gridSpan) -> that child's w:val, or None."""
    found = element.find(path.replace("w:", _W))
    return None if found is None else found.get(f"{_W}val", "")


def _int(value: str | None, default: int) -> int:
    return int(value) if value is not None and value.isdigit() and len(value) < 6 else default


def _rows(tbl) -> list[str]:
    """A w:tbl -> one text per row that holds any, cells tab-separated, in time linear in the cells.

    A cell merged across columns (gridSpan) is one cell; a cell merged down rows (vMerge) gives its text to each
    row it spans, as python-docx reads it (a unit written once for several tasks) but without its per-row search
    upwards, which is quadratic in the rows (and recursive: a long merged column overflowed Python's stack).
    """
    above: dict[int, str] = {}  # grid column -> text of the nearest cell above that starts a vertical merge there
    out = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        cells, column = [], _int(_attr(tr, "w:trPr/w:gridBefore"), 0)
        for tc in tr.iterchildren(f"{_W}tc"):
            merge = _attr(tc, "w:tcPr/w:vMerge")
            if merge is not None and merge != "restart":
                text = above.get(column, "")
            else:
                text = above[column] = _cell_text(tc)
            cells.append(text)
            column += max(1, _int(_attr(tc, "w:tcPr/w:gridSpan"), 1))
        if any(cells):
            out.append(CELL_SEPARATOR.join(cells))
    return out


def _block_texts(container) -> list[str]:
    """A body, content control or text box -> the texts of its paragraphs and table rows, in order."""
    texts: list[str] = []
    for element in container.iterchildren():
        tag = element.tag
        if tag == f"{_W}p":
            texts.append(_paragraph_text(element))
            texts.extend(_text_boxes(element))
        elif tag == f"{_W}tbl":
            texts.extend(_rows(element))
        elif tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"):
            texts.extend(_block_texts(element))
    return texts


def _unread(body, texts: list[str]) -> tuple[Issue, ...]:
    """The body and the texts read from it -> an issue if some of its w:t text was not read (a structure not known)."""
    written = sum(_visible(t.text or "") for t in body.iter(f"{_W}t") if _kept(t))
    read = sum(_visible(t) for t in texts)
    if read >= written:
        return ()
    return (Issue(IssueCode.DAMAGED_PAGE, f"{written - read:,} of {written:,} characters of the document's text are in parts "
                  "this reader does not read; check the document", None, None, None),)


def _visible(text: str) -> int:
    return len(text) - sum(1 for ch in text if ch.isspace())
