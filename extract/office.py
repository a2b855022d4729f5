"""Legacy Word `.doc` and Kingsoft WPS `.wps` files: converted to DOCX by LibreOffice (headless), then read as DOCX.

LibreOffice runs with a private profile in a private temporary folder (so it neither touches nor waits on the
user's own LibreOffice, and runs beside other conversions), under a timeout after which it and its children are
killed. A `.doc` that is really a DOCX package or a web page (as many sites serve them) is read directly.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from fengong.extract.docx import docx_to_lines
from fengong.extract.errors import InputError
from fengong.extract.html import html_to_lines
from fengong.extract.model import Line
from fengong.extract.text import bytes_to_text

OFFICE_SUFFIXES = (".doc", ".wps")
TIMEOUT_SECONDS = 120.0  # a first start builds the profile (a few seconds); a hostile file must not hang the run
MAX_BYTES = 100 * 1024 * 1024
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


def is_compound_file(data: bytes) -> bool:
    """A file's bytes -> whether it is a Compound File (Word 97-2003, WPS, or an Excel/PowerPoint file), whatever its name."""
    return data.startswith(_OLE)


def soffice_path() -> str | None:
    """-> the LibreOffice command on PATH (soffice, or libreoffice), or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def office_to_lines(path: Path, data: bytes, soffice: str | None = None, timeout: float | None = None) -> tuple[Line, ...]:
    """A .doc or .wps file and its bytes -> its paragraphs and table rows as lines, as DOCX gives them.

    `soffice` is the LibreOffice command (default: found on PATH); `timeout` in seconds (default TIMEOUT_SECONDS).

    Raises:
        InputError: not a Word or WPS document, too large, LibreOffice missing, failing or over the timeout, or
            the converted document unreadable.
    """
    name = str(path)
    kind = _kind(data)
    if kind == "docx":
        return _renamed(docx_to_lines(path), name)
    if kind == "html":
        return html_to_lines(bytes_to_text(data, name), name)
    if kind == "ole":
        raise InputError(name, "not a Word or WPS document (a Compound File without a WordDocument stream: a spreadsheet or presentation?)")
    if kind == "unknown":
        raise InputError(name, "not a Word or WPS document (neither Word 97-2003, RTF, DOCX nor a web page); is it damaged or another kind of file?")
    if len(data) > MAX_BYTES:
        raise InputError(name, f"document is {len(data) / 1048576:.0f} MB, more than the limit of {MAX_BYTES / 1048576:.0f} MB")
    command = soffice or soffice_path()
    if command is None:
        raise InputError(name, f"{path.suffix.lower() or 'this'} files are read through LibreOffice, which is not installed: {INSTALL_ADVICE}")
    with tempfile.TemporaryDirectory(prefix="fengong-office-") as folder:
        converted = _convert(Path(folder), path.resolve(), command, timeout or TIMEOUT_SECONDS, name)
        try:
            return _renamed(docx_to_lines(converted), name)
        except InputError as exc:
            raise InputError(name, f"the DOCX LibreOffice made of it cannot be read ({exc.reason})") from None


def _renamed(lines: tuple[Line, ...], name: str) -> tuple[Line, ...]:
    """Lines read from a copy -> the same lines naming the input file."""
    return tuple(dataclasses.replace(line, file=name) for line in lines)


def _convert(folder: Path, source: Path, command: str, timeout: float, name: str) -> Path:
    """A document (absolute path: never taken for an option), a private folder -> the DOCX LibreOffice made of it there.

    Raises:
        InputError: LibreOffice failed, gave no DOCX or ran longer than `timeout` seconds (then it is killed).
    """
    out, profile = folder / "out", folder / "profile"
    argv = [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
            "--convert-to", "docx", "--outdir", str(out), str(source)]
    env = {**os.environ, "HOME": str(folder)}  # nothing of the user's own LibreOffice setup is read or written
    try:
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   env=env, start_new_session=True)
    except OSError as exc:
        raise InputError(name, f"LibreOffice ({command}) cannot be started: {exc.strerror or exc}; {INSTALL_ADVICE}") from None
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise InputError(name, f"gave up: LibreOffice took more than {timeout:g} s to convert it; the file may be damaged or hostile") from None
    _kill(process)  # helpers LibreOffice started in its session and left behind
    result = out / (source.stem + ".docx")  # LibreOffice tells the format from the content, whatever the suffix
    if process.returncode != 0 or not result.is_file():
        said = output.decode("utf-8", "replace").strip().splitlines()
        raise InputError(name, f"LibreOffice could not convert it ({said[-1] if said else f'exit status {process.returncode}'}); is it damaged?")
    return result


def _kill(process: subprocess.Popen) -> None:
    """A process started in a session of its own -> that session's processes killed and the process reaped."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
