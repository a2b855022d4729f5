"""The forms read through other programs (OCR for scans, LibreOffice for .doc/.wps, the OFD reader): the ingest
reads their bytes as it reads any file's, and loads their libraries only when such a file comes."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from fengong.extract.errors import InputError
from fengong.extract.ingest import path_to_source
from fengong.pipeline import folder_to_files

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "samples" / "changzhou-2019-published"
HEAVY = ("onnxruntime", "rapidocr_onnxruntime", "cv2", "PIL", "fengong.extract.ocr", "fengong.extract.ofd", "fengong.extract.office")


def test_a_run_over_text_loads_no_ocr_image_or_ofd_code():
    code = ("import sys, fengong\n"
            f"fengong.extract([{str(PUBLISHED / 'notice.txt')!r}, {str(PUBLISHED / 'notice.docx')!r}])\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r} or m in {HEAVY!r}))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("name", ["notice.ofd", "notice.doc", "scan.png"])
def test_a_fifo_under_a_new_form_is_refused_by_name_without_blocking(tmp_path, name):
    path = tmp_path / name
    os.mkfifo(path)
    outcome: list = []

    def read():
        try:
            path_to_source(path)
        except InputError as exc:
            outcome.append(str(exc))

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive() and outcome == [f"{path}: is a FIFO (named pipe), not a regular file"]


def test_images_are_read_when_named_and_left_out_of_folders(tmp_path):
    for name in ("notice.ofd", "notice.doc", "notice.wps", "notice.docx", "chart.png", "photo.jpg", "scan.tif"):
        (tmp_path / name).write_bytes(b"x")
    found, skipped = folder_to_files(tmp_path)
    assert [p.name for p in found] == ["notice.doc", "notice.docx", "notice.ofd", "notice.wps"]
    assert [p.name for p in skipped] == ["chart.png", "photo.jpg", "scan.tif"]
    with pytest.raises(InputError, match="not an image that can be read"):
        path_to_source(tmp_path / "chart.png")  # named, it is read (as an image: these bytes are none)


def test_the_same_bytes_are_hashed_and_converted(tmp_path):
    import hashlib

    doc = tmp_path / "notice.wps"
    doc.write_bytes((PUBLISHED / "notice.wps").read_bytes())
    source = path_to_source(doc)
    assert source.sha256 == hashlib.sha256(doc.read_bytes()).hexdigest()
    assert {line.file for line in source.lines} == {str(doc)}
