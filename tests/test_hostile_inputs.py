"""Hostile and broken inputs, run as a user runs the tool: `python -m fengong extract`, in a child process whose
time and peak memory are measured (and bounded: killed after a time-out, address space capped), so that a hang or
a blow-up fails the test instead of the machine.

Each input is written by tests/files/make_hostile_files.py into a temporary folder; none is committed.
"""

from __future__ import annotations

import csv
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "files"))
import make_hostile_files as hostile  # noqa: E402

TIME_OUT = 60  # seconds before the child is killed: a hang
SECONDS = 20  # what a case may take, process start (about 1.5 s) included, on a busy 2-core machine
PEAK_MB = 400  # peak resident memory of the child; reading a small notice takes about 180 MB
ADDRESS_SPACE = 3 << 30  # a blow-up stops here (MemoryError) instead of taking the machine


@dataclass(frozen=True)
class Outcome:
    status: int
    stderr: str
    seconds: float
    peak_mb: float


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_extract(inputs: list[Path], out: Path) -> Outcome:
    """`python -m fengong extract INPUTS --out OUT` in a child -> its exit status, stderr, seconds and peak memory."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-m", "fengong", "extract", *map(str, inputs), "--out", str(out)],
                                 stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL, cwd=ROOT, preexec_fn=_cap_memory)
        timer = threading.Timer(TIME_OUT, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)  # the child's own rusage: its peak memory
        finally:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        stderr.seek(0)
        return Outcome(child.returncode, stderr.read().decode("utf-8", "replace"), seconds, usage.ru_maxrss / 1024)


def _bounded(outcome: Outcome) -> None:
    assert outcome.seconds < SECONDS, outcome
    assert outcome.peak_mb < PEAK_MB, outcome
    assert "Traceback" not in outcome.stderr and "internal error" not in outcome.stderr, outcome.stderr


REFUSED = {
    "fifo": (hostile.fifo, "is a FIFO (named pipe), not a regular file"),
    "link to /dev/zero": (hostile.link_to_dev_zero, "is a character device, not a regular file"),
    "sparse 1.2 GB file": (hostile.sparse_file, "PDF is 1.2 GB, more than the limit of 200 MB"),
    "4 MB line": (hostile.long_line, "line 3 is 4,000,012 characters long, more than the limit of 10,000"),
    "DOCX with an external entity": (hostile.docx_with_entity, "declares a DTD"),
    "zip bomb (4 MB -> 3.9 GB)": (hostile.zip_bomb_docx, "inflates to 3.9 GB, more than the limit of 100 MB"),
    "zip bomb lying about its size": (lambda f: hostile.zip_bomb_docx(f, honest=False), "Bad CRC-32"),
    "PDF page of 150,000 characters": (hostile.crowded_page_pdf, "page 1 has more than 30,000 characters"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_hostile_input_is_refused_in_one_line_quickly_in_little_memory(tmp_path, case):
    make, reason = REFUSED[case]
    path = make(tmp_path)
    outcome = run_extract([path], tmp_path / "out")
    _bounded(outcome)
    assert outcome.status == 2
    errors = [line for line in outcome.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {path}: {errors[0].split(': ', 2)[2]}"] and reason in errors[0], outcome.stderr
    assert not (tmp_path / "out").exists()


def _issues(out: Path) -> list[dict[str, str]]:
    with (out / "issues.csv").open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_corrupt_content_stream_gives_a_damaged_page_row_and_exit_0(tmp_path):
    outcome = run_extract([hostile.corrupt_stream_pdf(tmp_path)], tmp_path / "out")
    _bounded(outcome)
    assert outcome.status == 0 and "damaged-page 1" in outcome.stderr
    damaged = [row for row in _issues(tmp_path / "out") if row["code"] == "damaged-page"]
    assert [(row["page"], row["clause_id"]) for row in damaged] == [("2", "")]
    assert "fails its checksum" in damaged[0]["message"]


def test_fake_bold_page_reads_as_its_notice(tmp_path):
    outcome = run_extract([hostile.fake_bold_pdf(tmp_path)], tmp_path / "out")  # 24,300 glyphs, 81 of them distinct
    _bounded(outcome)
    assert outcome.status == 0 and "2 clauses, 3 responsibilities (lead 2, support 1, responsible 0)" in outcome.stderr


def test_notice_inside_a_layout_table_is_read(tmp_path):
    outcome = run_extract([hostile.notice_in_layout_table(tmp_path, ROOT / "samples" / "changzhou-2019-published" / "notice.html")],
                          tmp_path / "out")
    _bounded(outcome)
    assert outcome.status == 0 and "114 clauses, 400 responsibilities" in outcome.stderr


def test_malformed_web_page_of_6_mb_is_parsed_in_linear_time(tmp_path):
    path = tmp_path / "notice.html"
    path.write_text("<p>附件1：</p>" + "<a " * 2_000_000, encoding="utf-8")  # the standard library's parser: hours
    outcome = run_extract([path], tmp_path / "out")
    _bounded(outcome)
    assert outcome.status == 2 and "no task clauses" in outcome.stderr
