"""Legacy Word `.doc` and Kingsoft WPS `.wps` files: converted to DOCX by LibreOffice (headless), then read as DOCX.

LibreOffice runs with a private profile in a private temporary folder (so it neither touches nor waits on the
user's own LibreOffice, and runs beside other conversions), under a timeout after which it and its children are
killed. A `.doc` that is really a DOCX package or a web page (as many sites serve them) is read directly.
In a run with workers, the conversion runs in the worker reading the file, under its memory limit (LibreOffice
inherits it); a worker stopped at its time limit takes LibreOffice's session with it (fengong/pool.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from fengong.extract.errors import InputError
from fengong.extract.model import Issue, Line
from fengong.extract.reading import DEFAULT_LIMITS, Limits, read_regular_file

INSTALL_ADVICE = ("install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; "
                  "elsewhere: https://www.libreoffice.org) or save the file as DOCX or PDF")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: Word 97-2003 .doc, and WPS Writer's .wps
_WORD_STREAM = "WordDocument".encode("utf-16-le")  # the main stream of a Word (or WPS) binary document


def _kind(data: bytes) -> str:
    """A file's bytes -> what it really is: word (a binary Word/WPS document), docx, rtf, mhtml, html or unknown."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data.startswith(_OLE):
        return "word" if _WORD_STREAM in data else "ole"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head[:200].lower().startswith(b"mime-version"):
        return "mhtml"
    if head.startswith(b"<"):
        return "html"
    return "unknown"


def soffice_path() -> str | None:
    """-> the LibreOffice command on PATH (soffice, or libreoffice), or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def office_bytes_to_lines(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS,
                          soffice: str | None = None) -> tuple[tuple[Line, ...], tuple[Issue, ...]]:
    """Bytes of a .doc or .wps file named `name` -> its paragraphs and table rows as lines, as DOCX gives them, and
    the issues of reading the DOCX.

    `soffice` is the LibreOffice command (default: found on PATH); it may run `limits.office_seconds`.

    Raises:
        InputError: not a Word or WPS document, LibreOffice missing, failing or over its time, or the converted
            document unreadable.
    """
    from fengong.extract.docx import docx_bytes_to_lines

    kind = _kind(data)
    if kind == "docx":
        return docx_bytes_to_lines(data, name, limits)
    if kind == "html":
        from fengong.extract.html import html_to_lines
        from fengong.extract.text import bytes_to_text

        return html_to_lines(bytes_to_text(data, name), name), ()
    if kind == "ole":
        raise InputError(name, "not a Word or WPS document (a Compound File without a WordDocument stream: a spreadsheet or presentation?)")
    if kind == "unknown":
        raise InputError(name, "not a Word or WPS document (neither Word 97-2003, RTF, DOCX nor a web page); is it damaged or another kind of file?")
    command = soffice or soffice_path()
    if command is None:
        suffix = Path(name).suffix.lower() or "this"
        raise InputError(name, f"{suffix} files are read through LibreOffice, which is not installed: {INSTALL_ADVICE}")
    with tempfile.TemporaryDirectory(prefix="fengong-office-") as folder:
        converted = _convert(Path(folder), data, command, limits, name)
        try:
            return docx_bytes_to_lines(converted, name, limits)
        except InputError as exc:
            raise InputError(name, f"the DOCX LibreOffice made of it cannot be read ({exc.reason})") from None


def _convert(folder: Path, data: bytes, command: str, limits: Limits, name: str) -> bytes:
    """A document's bytes, a private folder -> the bytes of the DOCX LibreOffice makes of them there.

    The bytes converted are the bytes read (and hashed), written under a plain name that no option can be taken for;
    LibreOffice tells the format from the content. It runs with its own profile and HOME in `folder` (it neither
    reads nor locks the user's LibreOffice, and runs beside other conversions), in a session of its own that is
    killed whole after it ends or at the time limit (a worker stopped by the pool takes that session with it).

    Raises:
        InputError: LibreOffice failed, gave no DOCX, or ran longer than `limits.office_seconds` (then it is killed).
    """
    source, out, profile = folder / "input.doc", folder / "out", folder / "profile"
    source.write_bytes(data)
    argv = [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
            "--convert-to", "docx", "--outdir", str(out), str(source)]
    env = {**os.environ, "HOME": str(folder)}  # nothing of the user's own LibreOffice setup is read or written
    try:
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   env=env, start_new_session=True)
    except OSError as exc:
        raise InputError(name, f"LibreOffice ({command}) cannot be started: {exc.strerror or exc}; {INSTALL_ADVICE}") from None
    try:
        output, _ = process.communicate(timeout=limits.office_seconds)
    except subprocess.TimeoutExpired:
        raise InputError(name, f"gave up: LibreOffice took more than {limits.office_seconds:g} s to convert it; "
                               "the file may be damaged or hostile") from None
    finally:
        _kill(process)  # at the time limit, or the helpers LibreOffice started in its session and left behind
    result = out / "input.docx"
    if process.returncode != 0 or not result.is_file():
        said = output.decode("utf-8", "replace").strip().splitlines()
        raise InputError(name, f"LibreOffice could not convert it ({said[-1] if said else f'exit status {process.returncode}'}); is it damaged?")
    return read_regular_file(result, limits.docx_bytes, "DOCX LibreOffice made")


def _kill(process: subprocess.Popen) -> None:
    """A process started in a session of its own -> that session's processes killed and the process reaped."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
