"""OCR measured on the whole sample notice printed to images: rows read exactly, rows flagged, seconds per page, memory.

    .venv/bin/python tests/ocr_bench.py [--pages 3,24] [--dpi 144] [--scan [--turn 0.4]]

Renders samples/changzhou-2019-published/notice-libreoffice.pdf to page images with pypdfium2 and builds an
image-only PDF of them (no text layer), reads it with OCR through the whole pipeline in a worker process under the
default limits of a run (fengong.pool: --memory-limit 2048 MB of address space, --time-limit 600 s), and compares
its responsibility rows with the text sample's (content columns; page and line differ by form). The worker's
address space at its peak, beyond what it started with, is what the memory limit counts. `--scan` makes the
images look scanned: turned (by 0.4 degrees unless --turn says otherwise), grey noise, saved as JPEG. Prints one line per differing row saying
whether an issue flags it (an issue on the same clause, or on the page and line the row was read from).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import pandas as pd

from fengong.normalize.registry import default_registry
from fengong.outputs.tables import rows_to_frame
from fengong.outputs.write import frame_to_csv_bytes
from fengong.pipeline import Result, Settings, Task, lost_to_result, read_task
from fengong.pool import DEFAULT_LIMITS, Pool

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "samples" / "changzhou-2019-published" / "notice-libreoffice.pdf"
GOLDEN = ROOT / "samples" / "changzhou-2019-credit-task-division" / "expected"
CONTENT = ["clause_id", "role", "position", "unit", "unit_raw", "generic", "etc_follows", "convention"]


def image_pdf(source: Path, out: Path, pages: list[int] | None = None, dpi: float = 144, scan: bool = False, turn: float = 0.4) -> int:
    """A PDF -> an image-only PDF of its pages (1-based numbers, all by default) at `dpi`; returns the page count."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    document = pdfium.PdfDocument(str(source))
    numbers = pages or list(range(1, len(document) + 1))
    images = []
    for number in numbers:
        image = document[number - 1].render(scale=dpi / 72).to_pil().convert("RGB")
        if scan:
            image = image.rotate(turn, resample=Image.BICUBIC, fillcolor="white")
            noise = np.random.default_rng(number).normal(0, 12, (image.height, image.width, 1))
            image = Image.fromarray(np.clip(np.asarray(image, dtype=float) + noise, 0, 255).astype("uint8"))
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=75)
            image = Image.open(buffer)
        images.append(image)
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return len(images)


def as_csv(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Frames -> the same as a user reads them from the CSV files (strings, empty for missing)."""
    return {t: pd.read_csv(io.BytesIO(frame_to_csv_bytes(f)), dtype=str, keep_default_na=False) for t, f in frames.items()}


def _megabytes(field: str) -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) // 1024 for line in f if line.startswith(field + ":"))


def _measured(task: Task, settings: Settings) -> tuple[Result, int]:
    """(In the worker) an input -> its Result and the address space mapped at the peak beyond the worker's start (MB)."""
    start = _megabytes("VmSize")
    result = read_task(task, settings)
    return result, _megabytes("VmPeak") - start


def read(path: Path, ocr: str = "auto") -> tuple[dict[str, pd.DataFrame], int]:
    """An input -> its tables as read in a worker under the default limits, and the worker's peak (MB beyond its start)."""
    pool = Pool(partial(_measured, settings=Settings(default_registry(), ocr=ocr)),
                lambda task, reason: (lost_to_result(task, reason, DEFAULT_LIMITS), 0), 1, DEFAULT_LIMITS)
    ((result, peak),) = list(pool.map([Task(path, path.stem)]))
    if result.failure:
        raise SystemExit(f"{path}: {result.failure}")
    return as_csv({name: rows_to_frame(name, rows) for name, rows in result.rows.items()}), peak


def compare(found: dict[str, pd.DataFrame], expected: pd.DataFrame) -> tuple[int, list[tuple[str, dict, bool]]]:
    """Tables read by OCR, the expected responsibility rows -> rows read exactly, and each differing row with
    whether an issue flags it: (which side it is on, the row, flagged)."""
    got = found["responsibilities"]
    issues = found["issues"]
    merged = got.merge(expected[CONTENT], on=CONTENT, how="outer", indicator=True)
    exact = int((merged["_merge"] == "both").sum())
    flagged_clauses = set(issues["clause_id"])
    flagged_places = set(zip(issues["page"], issues["line"], strict=False))
    differing = []
    for _, row in merged[merged["_merge"] != "both"].iterrows():
        side = "read" if row["_merge"] == "left_only" else "missing"
        flagged = row["clause_id"] in flagged_clauses or (side == "read" and (row["page"], row["line"]) in flagged_places)
        differing.append((side, {c: row[c] for c in CONTENT + ["page", "line"] if c in row}, flagged))
    return exact, differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="page numbers, e.g. 3,24,25,26 (default: all)")
    parser.add_argument("--dpi", type=float, default=144)
    parser.add_argument("--scan", action="store_true", help="make the images look scanned (turned, noisy, JPEG)")
    parser.add_argument("--turn", type=float, default=0.4, help="degrees a --scan page is turned by")
    args = parser.parse_args(argv)
    pages = [int(p) for p in args.pages.split(",")] if args.pages else None
    expected = pd.read_csv(GOLDEN / "responsibilities.csv", dtype=str, keep_default_na=False)
    with tempfile.TemporaryDirectory() as folder:
        images = Path(folder) / "notice-images.pdf"
        count = image_pdf(SOURCE, images, pages, args.dpi, args.scan, args.turn)
        if pages:  # a part of the notice: compare with the same pages read from the text layer
            import pypdfium2 as pdfium

            part, text = pdfium.PdfDocument.new(), Path(folder) / "notice-text.pdf"
            part.import_pages(pdfium.PdfDocument(str(SOURCE)), [p - 1 for p in pages])
            part.save(str(text))
            expected = read(text, ocr="never")[0]["responsibilities"]
        started = time.monotonic()
        found, peak = read(images)
        seconds = time.monotonic() - started
    exact, differing = compare(found, expected)
    for side, row, flagged in differing:
        print(f"{side:8} {'flagged' if flagged else 'NOT FLAGGED'}  " + " ".join(f"{k}={v}" for k, v in row.items()))
    unflagged = sum(1 for _, _, f in differing if not f)
    codes = found["issues"]["code"].value_counts()
    print("issues: " + (", ".join(f"{code} {n}" for code, n in sorted(codes.items())) or "none"))
    print(f"{count} pages in {seconds:.0f} s ({seconds / count:.1f} s a page); responsibility rows read exactly: "
          f"{exact} of {len(expected)} ({exact / len(expected):.3f}); differing rows {len(differing)}, not flagged {unflagged}; "
          f"worker's address space at the peak {peak} MB beyond its start (limit {DEFAULT_LIMITS.memory // 1024**2} MB)")
    return 0 if exact / len(expected) >= 0.97 and not unflagged else 1


if __name__ == "__main__":
    sys.exit(main())
