"""Reading inputs: regular files only, sizes checked before reading, reads that stop at the limit, line length."""

import os
import threading

import pytest

from fengong.extract.errors import InputError
from fengong.extract.ingest import path_to_source, paths_to_notice_files
from fengong.extract.reading import Limits, read_regular_file, size_text

NOTICE = "附件1：\n一、总则\n1、任务。（牵头单位：市财政局）\n"


def _refused(path, max_bytes=1 << 20) -> str:
    """Read in a thread, so that a read that blocks fails the test instead of hanging it."""
    outcome: list = []

    def read():
        try:
            read_regular_file(path, max_bytes)
        except InputError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), f"reading {path} blocked"
    assert outcome, f"{path} was read"
    return str(outcome[0])


@pytest.mark.parametrize("make, reason", [
    (lambda p: os.mkfifo(p), "is a FIFO (named pipe), not a regular file"),
    (lambda p: p.symlink_to("/dev/zero"), "is a character device, not a regular file"),
    (lambda p: p.symlink_to(p.parent / "gone.txt"), "is a broken symbolic link"),
    (lambda p: p.mkdir(), "is a folder, not a notice file"),
])
def test_what_is_not_a_regular_file_is_refused_by_name_without_reading(tmp_path, make, reason):
    path = tmp_path / "notice.txt"
    make(path)
    assert _refused(path) == f"{path}: {reason}"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "notice.pdf"
    with path.open("wb") as f:
        f.truncate(1200 << 20)  # sparse: no disk used, and reading it would take seconds
    assert _refused(path, 200 << 20) == f"{path}: file is 1.2 GB, more than the limit of 200 MB"


@pytest.mark.parametrize("suffix, limits, reason", [
    (".txt", Limits(text_bytes=100), "text file is 123 bytes, more than the limit of 100 bytes"),
    (".html", Limits(html_bytes=100), "web page is 123 bytes, more than the limit of 100 bytes"),
    (".docx", Limits(docx_bytes=100), "DOCX is 123 bytes, more than the limit of 100 bytes"),
    (".pdf", Limits(pdf_bytes=100), "PDF is 123 bytes, more than the limit of 100 bytes"),
    (".ofd", Limits(ofd_bytes=100), "OFD is 123 bytes, more than the limit of 100 bytes"),
    (".doc", Limits(office_bytes=100), "document is 123 bytes, more than the limit of 100 bytes"),
    (".wps", Limits(office_bytes=100), "document is 123 bytes, more than the limit of 100 bytes"),
    (".png", Limits(image_bytes=100), "image is 123 bytes, more than the limit of 100 bytes"),
    (".tiff", Limits(image_bytes=100), "image is 123 bytes, more than the limit of 100 bytes"),
])
def test_each_form_has_its_own_size_limit(tmp_path, suffix, limits, reason):
    path = tmp_path / f"notice{suffix}"
    path.write_bytes(b"x" * 123)
    with pytest.raises(InputError, match=reason):
        path_to_source(path, limits=limits)


def test_a_line_longer_than_the_limit_is_refused(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE + "2、" + "任务" * 6000 + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 4 is 12,002 characters long, more than the limit of 10,000"):
        path_to_source(path)
    assert len(path_to_source(path, limits=Limits(max_line_chars=20_000)).lines) == 5


def test_the_hash_is_of_the_bytes_read(tmp_path):
    import hashlib

    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    source = path_to_source(path)
    assert source.sha256 == hashlib.sha256(NOTICE.encode("utf-8")).hexdigest() and source.size == len(NOTICE.encode())


def test_a_fifo_in_a_folder_is_named_not_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(NOTICE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    files, errors = paths_to_notice_files([tmp_path])
    assert [f.name for f in files] == ["good.txt", "pipe.txt"] and errors == []
    with pytest.raises(InputError, match="pipe.txt: is a FIFO"):
        path_to_source(files[1])


@pytest.mark.parametrize("n, text", [(812, "812 bytes"), (3_879_731, "3.7 MB"), (1024, "1 KB"), (200 << 20, "200 MB")])
def test_sizes_read_as_people_write_them(n, text):
    assert size_text(n) == text
