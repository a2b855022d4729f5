"""`make bench`: how fast notices are read, per stage and for a folder, on the bundled sample.

Prints seconds per notice for each stage (best of several runs) and the throughput of `fengong extract` on a
folder of copies of the sample, which is what a batch of thousands costs per notice.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "changzhou-2019-credit-task-division" / "changzhou-2019-credit-task-division.txt"
PUBLISHED = ROOT / "samples" / "changzhou-2019-published"


def plain_extract_text(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


PLUMBER_PROCESS = "import sys, pdfplumber\nwith pdfplumber.open(sys.argv[1]) as pdf:\n    [p.extract_text() for p in pdf.pages]\n"


def median_seconds(fn, repeat: int) -> float:
    """A function -> the median CPU time of `repeat` calls, in seconds (CPU time, not wall: this machine is shared)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def process_seconds(args: list[str], repeat: int = 3) -> float:
    """A command -> the median CPU time (user + system) of `repeat` runs of it, start-up and imports included."""
    times = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


def pdf_report() -> None:
    """Print, per published PDF, seconds per page of fengong's ingestion and whole `fengong extract` process against
    pdfplumber's extract_text (in the process, and as a process of its own) and pdftotext (when installed).
    """
    pdftotext = shutil.which("pdftotext")
    print("PDF, CPU milliseconds per page (medians: 5 runs in this process, 3 runs of each whole process, start-up included)")
    print(f"  {'':<24}{'':>6} | in this process:{'':>14} | whole process:")
    print(f"  {'file':<24}{'pages':>6} | {'fengong':>9} {'extract_text':>13} {'':>6} | {'fengong extract':>15} {'extract_text':>13} "
          f"{'pdftotext':>10}")
    for path in sorted(PUBLISHED.glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        ours = median_seconds(lambda path=path: pdf_to_lines(path), 5) / pages
        plain = median_seconds(lambda path=path: plain_extract_text(path), 5) / pages
        with tempfile.TemporaryDirectory() as tmp:
            whole = process_seconds([sys.executable, "-m", "fengong", "extract", str(path), "--out", str(Path(tmp) / "out")]) / pages
        plain_whole = process_seconds([sys.executable, "-c", PLUMBER_PROCESS, str(path)]) / pages
        poppler = f"{process_seconds([pdftotext, str(path), '-']) / pages * 1000:10.1f}" if pdftotext else f"{'-':>10}"
        print(f"  {path.name:<24}{pages:6d} | {ours * 1000:9.1f} {plain * 1000:13.1f} {plain / ours:5.1f}x | "
              f"{whole * 1000:15.1f} {plain_whole * 1000:13.1f} {poppler}")
        readers = Counter(p.reader for p in pdf_bytes_to_pages(path.read_bytes(), path.name)[0])
        print(f"  {'':<24}{'':>6}   pages read by pdfium {readers['pdfium']}, by pdfplumber {readers['pdfplumber']}")
    if not pdftotext:
        print("  (pdftotext not installed: `make bench` installs poppler-utils where apt-get can)")
    docx_path = PUBLISHED / "notice.docx"
    print(f"DOCX ingestion: {docx_path.name} {best(lambda: docx_to_lines(docx_path), 5) * 1000:.1f} ms")

import pdfplumber  # noqa: E402

from fengong.extract.docx import docx_to_lines  # noqa: E402
from fengong.extract.ingest import Source, path_to_source  # noqa: E402
from fengong.extract.parties import clause_to_assignments  # noqa: E402
from fengong.extract.pdf import pdf_bytes_to_pages, pdf_to_lines  # noqa: E402
from fengong.extract.segment import lines_to_notice  # noqa: E402
from fengong.normalize.registry import default_registry  # noqa: E402
from fengong.pipeline import Run, run_to_tables, source_to_tables  # noqa: E402


def _extract(inputs: Path, out: Path, *options: str) -> float:
    """Seconds of one `fengong extract` process over `inputs` (process start and writing included)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "fengong", "extract", str(inputs), "--out", str(out), "-q", *options],
                   check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def _folder_of_copies(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for i in range(copies):
        shutil.copy(SAMPLE, folder / f"notice-{i:04d}.txt")
    return folder


def batch_report(copies: int = 200) -> None:
    """Notices per second for a folder of `copies` notices, with one worker and with all cores (no cache)."""
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = _folder_of_copies(Path(tmp) / "in", copies)
        for jobs in sorted({1, cores}):
            elapsed = _extract(folder, Path(tmp) / f"out-{jobs}", "--no-cache", "--jobs", str(jobs))
            print(f"fengong extract, folder of {copies} notices, --jobs {jobs}: {elapsed:.2f} s, {copies / elapsed:.1f} notices/s")
        elapsed = _extract(folder, Path(tmp) / "out-xlsx", "--no-cache", "--jobs", str(cores), "--xlsx")
        print(f"  the same with --xlsx (tables.xlsx from the tables read back), --jobs {cores}: {elapsed:.2f} s, "
              f"{copies / elapsed:.1f} notices/s")


def bulk_report(copies: int = 1000) -> None:
    """One text file of `copies` notices one after another: MB/s end to end and the peak memory of the run's processes."""
    with tempfile.TemporaryDirectory() as tmp:
        bulk = Path(tmp) / "bulk.txt"
        bulk.write_text(SAMPLE.read_text(encoding="utf-8") * copies, encoding="utf-8")
        size = bulk.stat().st_size / 1e6
        script = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
                  "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
                  "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        command = [sys.executable, "-m", "fengong", "extract", str(bulk), "--out", str(Path(tmp) / "out"), "-q", "--no-cache", "--jobs", "1"]
        result = subprocess.run([sys.executable, "-c", script, *command], check=True, capture_output=True, text=True, cwd=ROOT)
        elapsed, peak_kb = result.stdout.split()
        print(f"bulk text file of {copies} notices ({size:.1f} MB): {float(elapsed):.1f} s, {size / float(elapsed):.2f} MB/s "
              f"end to end, peak memory of one process {int(peak_kb) / 1024:.0f} MB")


def cache_report(copies: int = 200) -> None:
    """A first run filling an empty cache against a second run reading from it (same folder, all cores)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = _folder_of_copies(Path(tmp) / "in", copies)
        cache = Path(tmp) / "cache"
        first = _extract(folder, Path(tmp) / "out1", "--cache", str(cache))
        second = _extract(folder, Path(tmp) / "out2", "--cache", str(cache))
        print(f"cache: first run {first:.2f} s, re-run from the cache {second:.2f} s ({first / second:.1f}x), folder of {copies}")


def _long_version(version: tuple, copies: int) -> tuple:
    """A notice's clauses -> a notice `copies` times as long, each copy's clauses told apart by a marker."""
    from dataclasses import replace

    return tuple(replace(c, clause_id=f"P{k}-{c.clause_id}", text=f"{c.text}（第{k}部分）", title=f"{c.title}{k}")
                 for k in range(copies) for c in version)


def diff_report() -> None:
    """Diff time for long notices made of 10 and 40 copies of the sample against its revision, and the same
    comparison made with the exhaustive alignment (every clause against every clause) for 10 copies."""
    from fengong.outputs.diff.changes import matches_to_changes
    from fengong.outputs.diff.match import _align_exhaustively, match_clauses
    from fengong.pipeline import path_to_version

    registry = default_registry()
    old = path_to_version(SAMPLE, registry)
    new = path_to_version(ROOT / "samples" / "changzhou-2019-revised" / "changzhou-2019-revised.txt", registry)
    for copies in (10, 40):
        a, b = _long_version(old, copies), _long_version(new, copies)
        start = time.perf_counter()
        changes = matches_to_changes(match_clauses(a, b))
        elapsed = time.perf_counter() - start
        print(f"diff of {copies} long notices ({len(a)} and {len(b)} clauses): {elapsed:.2f} s, {len(changes)} changes")
    a, b = _long_version(old, 10), _long_version(new, 10)
    start = time.perf_counter()
    _align_exhaustively(a, b, range(len(a)), range(len(b)), {})
    print(f"  the exhaustive alignment alone, 10 long notices: {time.perf_counter() - start:.2f} s")


def best(fn, repeat: int = 20) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


# Unusual shapes of text, each at n and 4n lines: a step whose cost grows with the square of one paragraph, row
# or clause shows as a ratio near 16 instead of 4 (the bulk file only grows the number of clauses).
_HEAD = ["关于印发某某工作任务分工的通知", "一、重点任务"]
SHAPES = {
    "one paragraph of full-width lines": lambda n: ["1.推进工作"] + ["加强信用体系建设推进各项工作落实到位确保取得实效持续推进（注）"] * n,
    "one line of many unit brackets": lambda n: ["1.推进工作" + "加强建设（市发改委负责）" * n],
    "a bracket left open over many lines": lambda n: ["1.推进工作（牵头单位：市发改委"] + ["市财政局、市教育局、市民政局、市公安局"] * n,
    "one unit list of many units": lambda n: ["1.推进工作（" + "、".join(["市发改委", "市财政局", "市教育局"] * n) + "负责）"],
    "one clause of many prose sentences": lambda n: ["1.推进工作。" + "市发改委负责加强建设，市财政局配合。" * n],
    "one sentence part of many role verbs": lambda n: ["1.推进工作。市发改委负责" + "加强建设推进落实配合市财政局做好" * n],
    "a table of many rows": lambda n: ["序号\t重点任务\t牵头单位\t配合单位"] + [f"{i}\t推进某项工作\t市发改委\t市财政局" for i in range(1, n)],
}


def shapes_report(n: int = 2000) -> None:
    """Print, per unusual shape, seconds for n and 4n lines and their ratio (4 is linear)."""
    from fengong.extract.model import Line

    registry = default_registry()
    print(f"unusual shapes, read at {n} and {4 * n} (ratio 4 is linear, 16 quadratic):")
    for name, make in SHAPES.items():
        seconds = []
        for size in (n, 4 * n):
            text = _HEAD + make(size)
            lines = tuple(Line(file="shape.txt", page=1, line=i + 1, text=t) for i, t in enumerate(text))
            source = Source("shape.txt", "0" * 64, sum(len(t) for t in text), lines)
            seconds.append(best(lambda source=source: source_to_tables(source, "n", registry), repeat=1))
        print(f"  {name:<38} {seconds[0]:6.2f} s  {seconds[1]:6.2f} s  x{seconds[1] / seconds[0]:.1f}")


def main() -> int:
    registry = default_registry()
    source = path_to_source(SAMPLE)
    notice = lines_to_notice(source.lines, source.path)
    extracted = source_to_tables(source, "n", registry)
    stages = {
        "ingest (read, decode, split lines)": lambda: path_to_source(SAMPLE),
        "segment (reflow, clauses, tables)": lambda: lines_to_notice(source.lines, source.path),
        "parse units": lambda: [clause_to_assignments(c) for c in notice.clauses],
        "whole notice to records": lambda: source_to_tables(path_to_source(SAMPLE), "n", registry),
        "records to frames": lambda: run_to_tables(Run((extracted,), ())),
    }
    print(f"sample: {SAMPLE.name}, {len(source.lines)} lines, {len(notice.clauses)} clauses")
    for name, fn in stages.items():
        print(f"  {name:<38} {best(fn) * 1000:8.1f} ms")
    pdf_report()
    shapes_report()
    bulk_report(200)  # against 1000: a cost per MB that grows with the file is a step that is not linear
    bulk_report(1000)
    batch_report()
    cache_report()
    diff_report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
