"""The hard limits per input hold whatever the input runs: a PDF that keeps pdfplumber busy in a loop is stopped at
the time limit, a DOCX that unpacks to hundreds of MB cannot take more than the memory limit; the run goes on."""

import subprocess
import sys
import time

from conftest import ROOT
from hostile import dense_pdf, docx_bomb

GOOD = "附件1：\n一、总则\n1、依法行政。（牵头单位：市司法局）\n"
# Runs the command and prints the peak resident memory of it and its workers (KB), then its exit status.
MEASURED = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            "sys.stderr.write(r.stderr); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")


def _extract(tmp_path, hostile, *options):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    command = [sys.executable, "-c", MEASURED, sys.executable, "-m", "fengong", "extract", str(hostile), str(good),
               "--out", str(tmp_path / "out"), "--no-cache", "-q", *options]
    start = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    peak_kb, status = (int(x) for x in result.stdout.split())
    return time.monotonic() - start, peak_kb // 1024, status, result.stderr


def test_a_pdf_that_runs_for_minutes_is_stopped_at_the_time_limit(tmp_path):
    hostile = tmp_path / "dense.pdf"
    hostile.write_bytes(dense_pdf(150_000))  # 0.6 KB; about 20 minutes in pdfplumber without a limit
    elapsed, _, status, stderr = _extract(tmp_path, hostile, "--time-limit", "5")
    assert elapsed < 60 and status == 3 and "Traceback" not in stderr
    assert stderr.splitlines() == [f"error: {hostile}: reading stopped after 5 s (the time limit per file, --time-limit)"] \
        or (len(stderr.splitlines()) == 1 and str(hostile) in stderr)  # or refused up front by a reader's own limit


def test_a_docx_bomb_cannot_take_more_than_the_memory_limit(tmp_path):
    hostile = docx_bomb(tmp_path / "bomb.docx", 150)  # 0.6 MB that unpacks to 150 MB of XML: GBs once parsed
    elapsed, peak_mb, status, stderr = _extract(tmp_path, hostile, "--memory-limit", "300")
    assert status == 3 and "Traceback" not in stderr
    assert len(stderr.splitlines()) == 1 and stderr.startswith(f"error: {hostile}: ")
    assert peak_mb < 1024, f"peak {peak_mb} MB"  # measured by the wrapper (RUSAGE_CHILDREN), workers included
