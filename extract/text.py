"""Text ingestion: bytes of a plain-text notice -> lines with provenance."""

from __future__ import annotations

from fengong.extract.errors import InputError
from fengong.extract.model import Line

# A decode that needs replacement characters is mojibake, never a notice: encodings are tried strictly.
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def bytes_to_text(data: bytes, name: str) -> str:
    """Raw bytes of a text notice -> str (UTF-8, UTF-8 with BOM, UTF-16 with BOM, or GB18030/GBK).

    Raises:
        InputError: the bytes are empty, binary, or no supported encoding decodes them cleanly.
    """
    if not data.strip():
        raise InputError(name, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), name)
            except UnicodeDecodeError:
                raise InputError(name, f"starts with a {encoding} byte-order mark but does not decode as {encoding}") from None
    if b"\x00" in data:
        raise InputError(name, "binary file, not text (contains NUL bytes)")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(encoding), name)
        except UnicodeDecodeError:
            continue
    raise InputError(name, "not text in UTF-8 or GB18030/GBK (undecodable bytes)")


def _checked(text: str, name: str) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise InputError(name, "binary file, not text (control characters)")
    if not text.strip():
        raise InputError(name, "file is empty")
    return text


def text_to_lines(text: str, file: str) -> tuple[Line, ...]:
    """Decoded text -> its physical lines, numbered from 1; pages counted from form feeds where present."""
    has_pages = "\f" in text
    page = 1 if has_pages else None
    lines = []
    # CRLF, lone CR and form feeds all end a line; a form feed also starts a new page.
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        parts = raw.split("\f")
        for i, part in enumerate(parts):
            if i and page is not None:
                page += 1
            lines.append(Line(file, number, page, part.rstrip("\ufeff")))
    return tuple(lines)
