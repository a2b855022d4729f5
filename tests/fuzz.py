"""`make fuzz`: byte and character mutations of the samples in every format, read by `fengong extract` with a time
bound; fails on a traceback, a hang, an exit status other than 0/2/3, or a file its time or memory limit had to
stop. An "internal error" line (an unexpected exception, caught and reported in one line for that file) is
listed; with --strict it fails the run too.

    python tests/fuzz.py [--seconds 60] [--seed N] [--batch 12] [--strict]

Each round writes a batch of mutated files (text, HTML, DOCX, PDF, OFD) into a folder and runs one `fengong extract`
process over it. A failing batch is kept under build/fuzz-failures/SEED-ROUND/ with the command's stderr, so it
can be replayed. Nothing large is committed: the seeds are the samples already in the repository.
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "samples" / "changzhou-2019-published"
FILES = ROOT / "tests" / "files"
SEEDS = [PUBLISHED / "notice.txt", PUBLISHED / "notice.html", PUBLISHED / "notice.docx", FILES / "notice-short.docx",
         FILES / "notice-short.pdf", PUBLISHED / "notice-reportlab.pdf", PUBLISHED / "notice.ofd",
         *sorted(p for p in (ROOT / "samples").glob("*/*.txt") if (p.parent / "expected").is_dir())[:4]]
# Pieces of the genre that steer the parser: numbering, unit brackets, labels, attachments, tables, page noise.
TOKENS = ["一、", "（一）", "1、", "1.", "（1）", "①", "附件1", "附件", "（牵头单位：", "配合单位：", "责任单位：", "）", "（", "、", "，",
          "；", "。", "市发改委", "等部门", "牵头", "配合", "负责", "序号\t重点工作\t牵头单位", "\t", "\n", "\f", "— 3 —", "〔", "〕",
          "【", "】", "以下简称", "2023年12月底前", "\u3000", "\ufeff", "\x00", "\ufffd", "<table><tr><td>", "</td></tr></table>",
          "<p>", "<script>", "&#x4e00;", "]]>", "<w:t>", "</w:t>"]
FAILURE_MARKS = ("Traceback", "reading stopped", "Fatal Python error")
REPORTED_MARKS = ("internal error",)


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """Bytes -> the same with a few random flips, insertions, deletions, duplications or a truncation."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not out:
            break
        at = rng.randrange(len(out))
        kind = rng.choice(["flip", "insert", "delete", "duplicate", "truncate", "zero"])
        if kind == "flip":
            out[at] ^= 1 << rng.randrange(8)
        elif kind == "insert":
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif kind == "delete":
            del out[at:at + rng.randint(1, 256)]
        elif kind == "duplicate":
            out[at:at] = out[at:at + rng.randint(1, 512)] * rng.randint(1, 4)
        elif kind == "truncate" and rng.random() < 0.2:
            del out[at:]
        else:
            out[at:at + rng.randint(1, 64)] = bytes(rng.randint(1, 64))
    return bytes(out)


def mutate_text(text: str, rng: random.Random) -> str:
    """Text -> the same with genre tokens, random characters and line breaks inserted, deleted or swapped."""
    chars = list(text)
    for _ in range(rng.randint(1, 30)):
        at = rng.randrange(len(chars) + 1)
        kind = rng.choice(["token", "char", "delete", "swap", "repeat"])
        if kind == "token":
            chars[at:at] = list(rng.choice(TOKENS))
        elif kind == "char":
            chars[at:at] = [chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0x4e00, 0x9fff), rng.randrange(0x3000, 0x3040),
                                            rng.randrange(0xff00, 0xff60), rng.randrange(0x10000, 0x10ffff)]))]
        elif kind == "delete":
            del chars[at:at + rng.randint(1, 40)]
        elif kind == "swap" and chars:
            b = rng.randrange(len(chars))
            chars[min(at, len(chars) - 1)], chars[b] = chars[b], chars[min(at, len(chars) - 1)]
        else:
            chars[at:at] = chars[at:at + rng.randint(1, 200)] * rng.randint(2, 20)
    return "".join(chars)


def mutate_docx(data: bytes, rng: random.Random) -> bytes:
    """A DOCX (or an OFD) -> the same package with its document.xml text (one page's Content.xml) mutated as
    characters (a valid zip, odd content)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    pages = [i.filename for i in source.infolist() if i.filename.endswith("/Content.xml")]
    chosen = "word/document.xml" if not pages else rng.choice(pages)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == chosen:
                content = mutate_text(content.decode("utf-8"), rng).encode("utf-8", "surrogatepass")
            target.writestr(item, content)
    return out.getvalue()


def mutant(seed: Path, rng: random.Random) -> tuple[str, bytes]:
    """A seed file -> (suffix, mutated bytes): byte mutations for every format, character mutations where the
    format is text (text, HTML) or holds text (the XML inside a DOCX or OFD)."""
    data, suffix = seed.read_bytes(), seed.suffix
    if suffix in (".txt", ".html") and rng.random() < 0.7:
        encoding = rng.choice(["utf-8", "utf-8", "gb18030", "utf-16"])
        return suffix, mutate_text(data.decode("utf-8"), rng).encode(encoding, "replace")
    if suffix in (".docx", ".ofd") and rng.random() < 0.6:
        return suffix, mutate_docx(data, rng)
    return suffix, mutate_bytes(data, rng)


def run_batch(folder: Path, out: Path, timeout: float) -> tuple[int | None, str]:
    """A folder of mutants -> (exit status or None on a hang, stderr) of one `fengong extract` over it."""
    # OCR off: a mutant whose text layer broke would be read by OCR at seconds a page, past the time limit here
    # (OCR's own inputs are tested in tests/test_extract_ocr.py).
    command = [sys.executable, "-m", "fengong", "extract", str(folder), "--out", str(out), "--no-cache", "--jobs", "2",
               "--time-limit", "20", "--memory-limit", "1024", "--ocr", "never", "-q"]
    try:
        result = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        return None, (exc.stderr or b"").decode("utf-8", "replace")
    return result.returncode, result.stderr.decode("utf-8", "replace")


def problems(status: int | None, stderr: str, marks: tuple[str, ...] = FAILURE_MARKS) -> list[str]:
    """A run's outcome -> what is wrong with it (nothing when it ended cleanly, whatever it read)."""
    found = []
    if status is None:
        found.append("hang: the run did not end within its time bound")
    elif status not in (0, 2, 3):
        found.append(f"exit status {status}")
    found.extend(line for line in stderr.splitlines() if any(mark in line for mark in marks))
    return found


def main(argv: list[str] | None = None) -> int:
    """Command-line arguments -> rounds of mutated batches until the time is up; exit 1 if any round failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="stop starting rounds after this long")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: new each run, printed)")
    parser.add_argument("--batch", type=int, default=12, help="mutated files per round")
    parser.add_argument("--strict", action="store_true", help="internal errors fail the run too")
    args = parser.parse_args(argv)
    marks = FAILURE_MARKS + (REPORTED_MARKS if args.strict else ())
    reported: list[str] = []
    seed = args.seed if args.seed is not None else random.randrange(10**9)
    rng = random.Random(seed)
    start, rounds, files, failed = time.monotonic(), 0, 0, 0
    print(f"fuzz: seed {seed}, {args.seconds:g} s, {args.batch} files per round, seeds: {', '.join(p.name for p in SEEDS)}")
    while time.monotonic() - start < args.seconds:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for i in range(args.batch):
                suffix, data = mutant(rng.choice(SEEDS), rng)
                (folder / f"m{i:02d}{suffix}").write_bytes(data)
            status, stderr = run_batch(folder, Path(tmp) / "out", timeout=180)
            rounds, files = rounds + 1, files + args.batch
            found = problems(status, stderr, marks)
            reported.extend(line for line in problems(0, stderr, REPORTED_MARKS) if line not in found)
            if found:
                failed += 1
                keep = ROOT / "build" / "fuzz-failures" / f"{seed}-{rounds}"
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(folder, keep)
                (keep / "stderr.txt").write_text(stderr, encoding="utf-8")
                print(f"round {rounds}: {len(found)} problems, batch kept in {keep.relative_to(ROOT)}:")
                for line in found[:5]:
                    print(f"  {line[:300]}")
    for line in reported:
        print(f"reported, not failing (--strict fails): {line[:300]}")
    print(f"fuzz: {rounds} rounds, {files} files, {failed} failed rounds, {len(reported)} internal errors "
          f"({time.monotonic() - start:.0f} s, seed {seed})")
    print(f"fuzz: {rounds - failed} passed, {failed} failed")  # rounds, in the closing line CI reads
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
