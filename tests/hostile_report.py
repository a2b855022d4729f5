"""`make hostile-report`: every hostile or broken input of the reliability suite, run as a user runs the tool, with
what the tool did (exit status and its message), the seconds it took and the peak memory of the run.

The assertions live in tests/test_hostile_inputs.py, tests/test_hostile_limits.py and tests/test_output_safety.py;
this prints the same cases as one table, to read or paste, on the machine at hand.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "files"))
import make_hostile_files as files  # noqa: E402

from hostile import dense_pdf, docx_bomb  # noqa: E402

NOTICE = "附件1：\n一、总则\n1、依法行政。（牵头单位：市司法局）\n"
HTML = ROOT / "samples" / "changzhou-2019-published" / "notice.html"


def _run(args: list[str], cwd: Path) -> tuple[int, str, float, float]:
    """`fengong ARGS` in a child -> exit status, its message (stderr, first line), seconds, peak MB of the child and
    its workers (each case runs in a fresh wrapper so that the peak is this case's)."""
    wrapper = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True, "
               "stdin=subprocess.DEVNULL); sys.stderr.write(r.stderr); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "fengong", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=600)
    seconds = time.monotonic() - start
    peak_kb, status = (int(x) for x in done.stdout.split())
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    message = next((line for line in lines if line.startswith("error:")), lines[0] if lines else "")
    return status, message, seconds, peak_kb / 1024


def _extract(*paths: Path, options: tuple[str, ...] = ()) -> Callable[[Path], list[str]]:
    return lambda tmp: ["extract", *map(str, paths), "--out", str(tmp / "out"), "--no-cache", *options]


def _input_cases() -> dict[str, Callable[[Path], list[str]]]:
    """Name -> a function that writes the case into a folder and gives the command line."""
    def made(make: Callable[[Path], Path], *options: str) -> Callable[[Path], list[str]]:
        return lambda tmp: _extract(make(tmp), options=options)(tmp)

    def dense(tmp: Path) -> Path:
        (tmp / "dense.pdf").write_bytes(dense_pdf(150_000))  # 0.6 KB; about 20 minutes in pdfplumber without limits
        return tmp / "dense.pdf"

    def html_6mb(tmp: Path) -> Path:
        (tmp / "notice.html").write_text("<p>附件1：</p>" + "<a " * 2_000_000, encoding="utf-8")
        return tmp / "notice.html"

    return {
        "FIFO given as input": made(files.fifo),
        "symlink to /dev/zero": made(files.link_to_dev_zero),
        "sparse 1.2 GB file named .pdf": made(files.sparse_file),
        "text with a 4 MB line": made(files.long_line),
        "DOCX declaring an external entity": made(files.docx_with_entity),
        "ZIP bomb DOCX (4 MB -> 3.9 GB)": made(files.zip_bomb_docx),
        "ZIP bomb lying about its sizes": made(lambda t: files.zip_bomb_docx(t, honest=False)),
        "PDF page of 150,000 characters": made(files.crowded_page_pdf),
        "0.6 KB PDF of 150,000 stacked glyphs (--time-limit 5)": made(dense, "--time-limit", "5"),
        "0.6 MB DOCX unpacking to 150 MB (--memory-limit 300)": made(lambda t: docx_bomb(t / "bomb.docx", 150), "--memory-limit", "300"),
        "PDF with a corrupt content stream": made(files.corrupt_stream_pdf),
        "PDF with fake bold (24,300 glyphs)": made(files.fake_bold_pdf),
        "notice inside an HTML layout table": made(lambda t: files.notice_in_layout_table(t, HTML)),
        "malformed 6 MB web page": made(html_6mb),
    }


def _output_cases() -> dict[str, Callable[[Path], list[str]]]:
    def notice(tmp: Path) -> Path:
        (tmp / "notice.txt").write_text(NOTICE, encoding="utf-8")
        return tmp / "notice.txt"

    def foreign_file(tmp: Path) -> list[str]:
        (tmp / "out").mkdir()
        (tmp / "out" / "mine.xlsx").write_text("a user's own file", encoding="utf-8")
        return _extract(notice(tmp))(tmp)

    def out_inside_input(tmp: Path) -> list[str]:
        notice(tmp)
        return ["extract", str(tmp), "--out", str(tmp / "out"), "--no-cache"]

    def cyclic_aliases(tmp: Path) -> list[str]:
        (tmp / "aliases.csv").write_text("canonical,aliases\n市发改委,市信用办\n市信用办,市发改委\n", encoding="utf-8")
        return _extract(notice(tmp), options=("--aliases", str(tmp / "aliases.csv")))(tmp)

    def odd_name(tmp: Path) -> list[str]:
        name = os.fsdecode(b"notice-\xff\xfe\nline.txt")
        (tmp / name).write_text(NOTICE, encoding="utf-8")
        return _extract(tmp / name)(tmp)

    return {"--out holding a file the tool did not write": foreign_file, "--out inside an input folder": out_inside_input,
            "cyclic aliases (A -> B, B -> A)": cyclic_aliases, "file name with invalid bytes and a newline": odd_name}


def main() -> int:
    print("| case | exit | what the tool says | seconds | peak MB |")
    print("|---|---|---|---|---|")
    for name, case in {**_input_cases(), **_output_cases()}.items():
        with tempfile.TemporaryDirectory() as tmp:
            status, message, seconds, peak = _run(case(Path(tmp)), ROOT)
        shown = message.replace(tmp, "TMP").replace("|", "\\|")
        print(f"| {name} | {status} | {shown[:160]} | {seconds:.1f} | {peak:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))  # a blow-up stops here, not on the machine
    sys.exit(main())
