"""A PDF page's content streams -> whether they can be read completely, checked in bounded memory before any reader.

pdfminer reads a corrupt compressed stream as far as it goes and at most logs "Data-loss while decompressing
corrupted data" (or nothing, when the data breaks off early); pdfium reads it silently. Either way the page loses
its text after the damage without an error, so the streams are inflated here first, in bounded chunks.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1

_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class StreamCheck:
    """What the content streams of one page hold: their decoded size, and why some of it is lost (None: nothing)."""

    decoded_bytes: int
    damage: str | None


def _inflate(data: bytes, wbits: int, limit: int) -> tuple[int, bool, bool]:
    """Compressed bytes -> (bytes out, whether the compressed data ended cleanly, whether `limit` was passed)."""
    inflater = zlib.decompressobj(wbits)
    size, rest = 0, data
    try:
        while True:
            out = inflater.decompress(rest, _CHUNK)
            size += len(out)
            if size > limit:
                return size, False, True
            rest = inflater.unconsumed_tail
            if inflater.eof or not (out or rest):
                break
    except zlib.error:
        return size, False, False
    return size, inflater.eof, False


def flate_check(data: bytes, limit: int) -> StreamCheck:
    """A FlateDecode stream's bytes -> its decoded size and whether the compressed data is damaged.

    A stream whose deflate data is complete but whose 2-byte header or 4-byte checksum is wrong or missing loses
    nothing (pdfminer's "Data-loss" warning is also logged for a bad checksum): it is read again as raw deflate.
    """
    size, complete, over = _inflate(data, zlib.MAX_WBITS, limit)
    if complete or over:
        return StreamCheck(size, None)
    raw_size, raw_complete, over = _inflate(data[2:], -zlib.MAX_WBITS, limit)
    if raw_complete or over:
        return StreamCheck(raw_size, None)
    return StreamCheck(max(size, raw_size), f"its compressed content breaks off after {max(size, raw_size):,} bytes of drawing commands; what follows is lost")


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
    if len(filters) == 1 and filters[0] in LITERALS_FLATE_DECODE:
        return flate_check(_stream_bytes(stream), limit)
    # Other filter chains are rare in content streams; pdfminer decodes them (its warnings are caught by the caller).
    return StreamCheck(len(stream.get_data()), None)


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
