"""A PDF page's content streams -> whether they can be read completely, checked in bounded memory before any reader.

pdfminer reads a corrupt compressed stream as far as it goes and at most logs "Data-loss while decompressing
corrupted data" (or nothing, when the data breaks off early); pdfium reads it silently. Either way the page loses
its text after the damage without an error, so the streams are inflated here first, in bounded chunks.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from pdfminer.pdftypes import LITERALS_ASCII85_DECODE, LITERALS_FLATE_DECODE, PDFStream, resolve1

_CHUNK = 1 << 20
_PIECE = 1 << 9


@dataclass(frozen=True, slots=True)
class StreamCheck:
    """What the content streams of one page hold: their decoded size, and why some of it is lost (None: nothing)."""

    decoded_bytes: int
    damage: str | None


@dataclass(frozen=True, slots=True)
class _Inflated:
    size: int  # bytes out
    ended: bool  # the deflate data reached its final block
    over: bool  # more than the limit came out; inflating stopped
    adler: int  # Adler-32 of what came out
    trailer: bytes  # bytes after the deflate data (the zlib checksum, for raw deflate)


def _inflate(data: bytes, wbits: int, limit: int) -> _Inflated:
    """Compressed bytes -> how far they inflate, in bounded memory.

    Input goes in small pieces, so that output before a corrupt spot is counted, and output comes in chunks of at
    most 1 MB, so that memory stays bounded whatever the stream inflates to.
    """
    inflater = zlib.decompressobj(wbits)
    size, adler = 0, 1
    try:
        for start in range(0, len(data), _PIECE):
            rest = data[start:start + _PIECE]
            while True:
                out = inflater.decompress(rest, _CHUNK)
                size, adler = size + len(out), zlib.adler32(out, adler)
                if size > limit:
                    return _Inflated(size, False, True, adler, b"")
                rest = inflater.unconsumed_tail
                if inflater.eof or not (out or rest):
                    break
            if inflater.eof:
                return _Inflated(size, True, False, adler, inflater.unused_data + data[start + _PIECE:])
    except zlib.error:
        pass
    return _Inflated(size, False, False, adler, b"")


def flate_check(data: bytes, limit: int) -> StreamCheck:
    """A FlateDecode stream's bytes -> its decoded size and whether its content is damaged.

    Damaged: the compressed data breaks off or is corrupt, or its checksum does not match what it inflates to
    (the content is garbled; pdfminer logs "Data-loss while decompressing corrupted data"). A stream whose only
    fault is a bad 2-byte header or a missing checksum loses nothing: it is read again as raw deflate.
    """
    wrapped = _inflate(data, zlib.MAX_WBITS, limit)
    if wrapped.ended or wrapped.over:
        return StreamCheck(wrapped.size, None)
    raw = _inflate(data[2:], -zlib.MAX_WBITS, limit)
    if raw.over or (raw.ended and (len(raw.trailer) < 4 or int.from_bytes(raw.trailer[:4], "big") == raw.adler)):
        return StreamCheck(raw.size, None)
    if raw.ended:
        return StreamCheck(raw.size, "its content stream is damaged: it fails its checksum, so what the page shows may be "
                                     "garbled or missing")
    size = max(wrapped.size, raw.size)
    return StreamCheck(size, f"its content stream is damaged: the compressed data breaks off after {size:,} bytes of page "
                             "commands, and what the page shows after that point is missing")


_A85_SPACE = b" \t\n\r\x0b\x0c\x00"


def ascii85_to_bytes(data: bytes) -> bytes:
    """ASCII85 text (as a PDF filter writes it, ending in ~>) -> its bytes, five characters at a time.

    Raises:
        ValueError: a character outside ASCII85, or a group over 2^32.
    """
    data = data.translate(None, _A85_SPACE)
    if data.startswith(b"<~"):
        data = data[2:]
    data = data.split(b"~>", 1)[0].replace(b"z", b"!!!!!")
    pad = -len(data) % 5
    data += b"u" * pad
    if data and (min(data) < 33 or max(data) > 117):
        raise ValueError("not ASCII85")
    out = bytearray()
    try:
        for i in range(0, len(data), 5):
            a, b, c, d, e = data[i:i + 5]
            out += ((((a * 85 + b) * 85 + c) * 85 + d) * 85 + e - _A85_OFFSET).to_bytes(4, "big")
    except OverflowError:
        raise ValueError("an ASCII85 group over 2^32") from None
    return bytes(out[: len(out) - pad])


_A85_OFFSET = 33 * (85**4 + 85**3 + 85**2 + 85 + 1)


def _stream_bytes(stream: PDFStream) -> bytes:
    data = stream.rawdata or b""
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    return data


def _one_stream(item, limit: int) -> StreamCheck:
    stream = resolve1(item)
    if not isinstance(stream, PDFStream):
        return StreamCheck(0, "a content stream it names is missing from the file")
    if stream.data is not None:  # already decoded by pdfminer
        return StreamCheck(len(stream.data), None)
    filters = [f for f, _ in stream.get_filters()]
    if not filters:
        return StreamCheck(len(stream.rawdata or b""), None)
    if filters[-1] in LITERALS_FLATE_DECODE and all(f in LITERALS_ASCII85_DECODE for f in filters[:-1]) and len(filters) <= 2:
        data = _stream_bytes(stream)
        if len(filters) == 2:
            try:
                data = ascii85_to_bytes(data)
            except ValueError:
                return StreamCheck(0, "its content stream is damaged (not ASCII85 data), so what the page shows is missing")
        return flate_check(data, limit)
    # Other filter chains are rare in content streams; pdfminer decodes them (its warnings are caught by the caller).
    try:
        return StreamCheck(len(stream.get_data()), None)
    except Exception as exc:  # noqa: BLE001 - each of pdfminer's decoders fails in its own way on damaged data
        return StreamCheck(0, f"its content stream cannot be decoded ({type(exc).__name__}), so what the page shows is missing")


def page_streams_check(page_obj, limit: int) -> StreamCheck:
    """A pdfminer page object -> the decoded size of its content streams and the first damage found in them.

    Decoding stops once `limit` bytes are passed (the caller refuses the page).
    """
    total, damage = 0, None
    for item in getattr(page_obj, "contents", None) or []:
        found = _one_stream(item, max(0, limit - total))
        total += found.decoded_bytes
        damage = damage or found.damage
        if total > limit:
            break
    return StreamCheck(total, damage)
