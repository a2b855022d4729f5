#!/usr/bin/env python3
"""Write notice.doc and notice.wps: the published DOCX saved by LibreOffice as Word 97-2003 (.doc).

notice.wps is the same bytes under WPS Writer's suffix: a .wps of WPS Office is a Word 97-2003 binary document
(a Compound File with a WordDocument stream) under another name, and LibreOffice tells the format from the
content. No WPS Office is available here to save a native one, so this copy stands in for it.

Needs LibreOffice (Debian: apt-get install libreoffice-writer-nogui). Run from anywhere:
    python3 samples/changzhou-2019-published/make_doc.py
The .doc is not byte-for-byte reproducible (LibreOffice writes the save time into it).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "profile"
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        "--convert-to", "doc:MS Word 97", "--outdir", folder, str(HERE / "notice.docx")],
                       check=True, timeout=300, stdout=subprocess.DEVNULL)
        shutil.copyfile(Path(folder) / "notice.doc", HERE / "notice.doc")
    shutil.copyfile(HERE / "notice.doc", HERE / "notice.wps")
    print(f"{HERE / 'notice.doc'}: {(HERE / 'notice.doc').stat().st_size} bytes; notice.wps the same bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
