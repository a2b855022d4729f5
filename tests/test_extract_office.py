""".doc and .wps through LibreOffice: read like the DOCX they convert to; a missing, failing or hanging LibreOffice
is one line and exit 2. (The sample notice as .doc and .wps gives the text's tables: tests/test_published.py.)"""

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from fengong.cli import main
from fengong.extract.docx import docx_to_lines
from fengong.extract.errors import InputError
from fengong.extract.office import office_bytes_to_lines
from fengong.extract.reading import DEFAULT_LIMITS, Limits

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "samples" / "changzhou-2019-published"
FILES = Path(__file__).resolve().parent / "files"
WORD_HEAD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le")


def _lines(path: Path, soffice: str | None = None, timeout: float | None = None):
    limits = DEFAULT_LIMITS if timeout is None else Limits(office_seconds=timeout)
    return office_bytes_to_lines(path.read_bytes(), str(path), limits, soffice)[0]


def test_a_doc_reads_like_the_docx_it_was_saved_from():
    doc = [(ln.line, ln.text) for ln in _lines(PUBLISHED / "notice.doc")]
    docx = [(ln.line, ln.text) for ln in docx_to_lines(PUBLISHED / "notice.docx")]
    assert doc == docx
    assert {ln.file for ln in _lines(PUBLISHED / "notice.wps")} == {str(PUBLISHED / "notice.wps")}


def test_a_doc_that_is_really_a_docx_or_a_web_page_is_read_without_libreoffice(tmp_path):
    renamed = tmp_path / "notice.doc"
    shutil.copyfile(FILES / "notice-short.docx", renamed)
    page = tmp_path / "page.doc"
    page.write_text("<html><body><p>1、依法行政。（牵头单位：市司法局）</p></body></html>", encoding="utf-8")
    assert [ln.text for ln in _lines(renamed, soffice="/nonexistent")] == [ln.text for ln in docx_to_lines(FILES / "notice-short.docx")]
    assert [ln.text for ln in _lines(page, soffice="/nonexistent")] == ["1、依法行政。（牵头单位：市司法局）"]


def _fake_soffice(folder: Path, script: str) -> Path:
    command = folder / "soffice"
    command.write_text("#!/bin/sh\n" + script)
    command.chmod(0o755)
    return command


def test_a_libreoffice_that_hangs_is_killed_at_the_timeout(tmp_path):
    pids = tmp_path / "pids"
    # Like soffice: a shell script whose child does the work (here, sleeps).
    command = _fake_soffice(tmp_path, f"sleep 60 & echo $! >> {pids}\necho $$ >> {pids}\nwait\n")
    doc = tmp_path / "notice.doc"
    doc.write_bytes(WORD_HEAD)
    started = time.monotonic()
    with pytest.raises(InputError, match=r"gave up: LibreOffice took more than 1 s"):
        _lines(doc, soffice=str(command), timeout=1)
    assert time.monotonic() - started < 10
    time.sleep(0.2)
    assert [pid for pid in map(int, pids.read_text().split()) if _running(pid)] == []


def _running(pid: int) -> bool:
    """Whether a process runs (a killed one its parent has not reaped yet is a zombie, state Z: not running)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.parametrize("case, reason", [
    ("random bytes", "not a Word or WPS document (neither"),
    ("compound file, no WordDocument", "without a WordDocument stream"),
    ("damaged Word", "LibreOffice could not convert it"),
])
def test_a_doc_libreoffice_cannot_read_is_one_line_and_exit_2(tmp_path, capsys, case, reason):
    doc = tmp_path / "notice.doc"
    doc.write_bytes({"random bytes": bytes(range(256)) * 16, "compound file, no WordDocument": (FILES / "legacy.doc").read_bytes(),
                     "damaged Word": WORD_HEAD + bytes(range(256)) * 16}[case])
    with pytest.raises(InputError, match=re.escape(reason)):
        _lines(doc)
    assert main(["extract", str(doc), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and str(doc) in errors[0] and reason in errors[0]
    assert "Traceback" not in err and not (tmp_path / "out").exists()


def test_without_libreoffice_the_message_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on it
    doc = tmp_path / "notice.wps"
    shutil.copyfile(PUBLISHED / "notice.wps", doc)
    assert main(["extract", str(doc), "--out", str(tmp_path / "out")]) == 2
    (error,) = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("error:")]
    assert ".wps files are read through LibreOffice, which is not installed" in error
    assert "apt-get install libreoffice-writer-nogui" in error and "save the file as DOCX or PDF" in error


def test_a_libreoffice_that_hangs_past_the_workers_time_limit_is_killed_with_it(tmp_path, capsys, monkeypatch):
    pids = tmp_path / "pids"
    # LibreOffice in its own session, its child still working when the worker is stopped (before its own timeout).
    _fake_soffice(tmp_path, f"sleep 60 & echo $! >> {pids}\necho $$ >> {pids}\nwait\n")
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    doc = tmp_path / "notice.doc"
    doc.write_bytes(WORD_HEAD)
    started = time.monotonic()
    assert main(["extract", str(doc), "--time-limit", "2", "--out", str(tmp_path / "out")]) == 2
    assert time.monotonic() - started < 15
    (error,) = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("error:")]
    assert str(doc) in error and "reading stopped after 2 s" in error
    time.sleep(0.2)
    assert len(pids.read_text().split()) == 2
    assert [pid for pid in map(int, pids.read_text().split()) if _running(pid)] == []


def test_a_doc_saved_under_a_docx_name_is_read_through_libreoffice(tmp_path):
    from fengong.extract.ingest import path_to_source

    renamed = tmp_path / "notice.docx"
    shutil.copyfile(PUBLISHED / "notice.doc", renamed)
    lines = path_to_source(renamed).lines
    assert [ln.text for ln in lines] == [ln.text for ln in docx_to_lines(PUBLISHED / "notice.docx")]
