"""Generators of hostile inputs, small to write and cheap to make: nothing large is committed.

    dense_pdf(chars)   a PDF of under 1 KB whose one page holds `chars` characters on top of each other
                       (pdfplumber's duplicate-character removal is quadratic in them)
    docx_bomb(path, mb) a DOCX of well under 1 MB whose document.xml unpacks to `mb` MB of paragraphs
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path


def dense_pdf(chars: int = 150_000) -> bytes:
    """A number of characters -> a one-page PDF drawing them all at one spot, in a compressed content stream."""
    stream = zlib.compress(b"BT /F1 1 Tf 10 10 Td (" + b"A" * chars + b") Tj ET", 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def docx_bomb(path: Path, mb: int = 150) -> Path:
    """A path and a size -> a DOCX there whose document.xml unpacks to about `mb` MB (written in a stream)."""
    paragraph = b"<w:p><w:r><w:t>" + "一、".encode() * 20 + b"</w:t></w:r></w:p>"
    chunk = paragraph * (1024 * 1024 // len(paragraph))
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                         f'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
                         f'document.xml" ContentType="{main}"/></Types>')
        package.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                         '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        with package.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                    b'wordprocessingml/2006/main"><w:body>')
            for _ in range(mb):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return path
