"""OCR: the sample notice printed to images reads like its text, every doubtful row is flagged, bad images fail cleanly.

OCR takes seconds a page, so the notice is read on four pages (a text page and the three pages of its 29-row
table); `make bench-ocr` (tests/ocr_bench.py) measures the whole notice.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from fengong.api import read_notices
from fengong.cli import main
from fengong.extract.bodies import vocabulary
from fengong.extract.errors import FengongError, InputError
from fengong.extract.model import Assignment, IssueCode, Line
from fengong.extract.ocr import (
    LOW_CONFIDENCE,
    clean_ocr_text,
    correct_ocr_units,
    image_bytes_to_lines,
    low_confidence_issues,
    one_off_candidates,
    skew_degrees,
)
from fengong.extract.pdf import pdf_to_lines
from fengong.extract.reading import ocr_mode

from ocr_bench import SOURCE, as_csv, compare, image_pdf

PAGES = [3, 24, 25, 26]  # 附件1's first page; the pages of the 29-row table


def image_file_to_lines(path: Path) -> tuple[Line, ...]:
    return image_bytes_to_lines(path.read_bytes(), str(path))


def _outcome(fn, *args, **kwargs):
    """(In the worker) fn(*args, **kwargs) -> ("ok", its value) or ("error", the InputError's message)."""
    try:
        return "ok", fn(*args, **kwargs)
    except InputError as exc:
        return "error", str(exc)


@pytest.fixture(scope="module")
def ocr():
    """Runs a reader in one worker process kept for these tests, as a run reads in workers: this test process never
    loads the engine (a process forked from it later would count the engine's memory in its own peak, which
    tests/test_hostile_inputs.py bounds). ocr(fn, *args) -> fn's value; an InputError comes back as its message."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        def run(fn, *args, **kwargs):
            kind, value = pool.submit(_outcome, fn, *args, **kwargs).result()
            if kind == "error":
                raise InputError(*value.split(": ", 1))
            return value

        yield run


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The four pages as an image-only PDF (no text layer) and as a text PDF, and the tables read from each."""
    import pypdfium2 as pdfium

    folder = tmp_path_factory.mktemp("printed")
    images, text = folder / "notice-images.pdf", folder / "notice-text.pdf"
    image_pdf(SOURCE, images, PAGES)
    part = pdfium.PdfDocument.new()
    part.import_pages(pdfium.PdfDocument(str(SOURCE)), [p - 1 for p in PAGES])
    part.save(str(text))
    calls = []
    # In a worker, as a run reads (the progress comes back from it page by page).
    found = read_notices([images], jobs=1, progress=lambda task, done, total: calls.append((str(task.path), done, total)))
    expected = read_notices([text], ocr="never")
    assert not found.failures and not expected.failures
    return images, as_csv(found.tables), as_csv(expected.tables), calls


def test_the_printed_notice_gives_its_rows_and_every_differing_row_is_flagged(printed):
    _, found, expected, _ = printed
    exact, differing = compare(found, expected["responsibilities"])
    assert len(expected["responsibilities"]) >= 40
    assert exact / len(expected["responsibilities"]) >= 0.97, differing
    assert [d for d in differing if not d[2]] == []


def test_the_ruled_table_is_read_row_by_row(printed):
    _, found, expected, _ = printed
    clauses = found["clauses"]
    rows = clauses[clauses["clause_id"].str.contains("-T")]
    assert len(rows) == 29
    resp, text = found["responsibilities"], expected["responsibilities"]
    row17 = resp[resp["clause_id"].str.endswith("-T17")]
    assert list(row17["unit_raw"]) == ["市地方金融监督管理局", "人民银行常州市中心支行", "常州银监分局"]  # as printed
    assert list(row17["unit"]) == list(text[text["clause_id"].str.endswith("-T17")]["unit"])
    pages = {int(p) for p in resp[resp["clause_id"].str.contains("-T")]["page"]}
    assert pages == {2, 3, 4}  # the table's pages in the four-page PDF


def test_progress_is_told_after_each_page(printed):
    images, _, _, calls = printed
    assert calls == [(str(images), done, len(PAGES)) for done in range(1, len(PAGES) + 1)]


def test_ocr_never_refuses_a_scan_in_one_line(printed, tmp_path, capsys):
    images = printed[0]
    assert main(["extract", str(images), "--ocr", "never", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "no text layer" in errors[0] and "--ocr auto" in errors[0]
    assert not (tmp_path / "out").exists()


def test_an_image_page_inside_a_text_pdf_is_read_by_ocr_and_only_that_page(tmp_path, ocr):
    import pypdfium2 as pdfium

    scan = tmp_path / "page-26.pdf"
    image_pdf(SOURCE, scan, [26])
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(str(SOURCE)), [23, 24])  # pages 24 and 25: the table's rows 1-23, as text
    mixed.import_pages(pdfium.PdfDocument(str(scan)))  # page 26, rows 24-29, as an image
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    lines, issues = ocr(pdf_to_lines, path)
    assert issues == ()
    assert {ln.page for ln in lines if ln.confidence is not None} == {3}
    assert {ln.page for ln in lines if ln.confidence is None} == {1, 2}
    rows = [ln.text.split("\t")[0] for ln in lines if "\t" in ln.text and ln.text.split("\t")[0].isdigit()]
    assert rows == [str(n) for n in range(1, 30)]


def test_a_page_of_glyphs_without_unicode_goes_to_ocr_and_keeps_its_issue_when_ocr_finds_nothing(ocr):
    files = Path(__file__).resolve().parent / "files"
    lines, issues = ocr(pdf_to_lines, files / "partly-cid.pdf")  # page 2: a font not embedded, it renders blank
    assert [(i.code, i.page) for i in issues] == [("unreadable-text", 2)]
    assert {ln.page for ln in lines} == {1, 3} and all(ln.confidence is None for ln in lines)


def test_a_blank_page_between_pages_with_text_is_still_an_empty_page_after_ocr(tmp_path, ocr):
    sys.path.insert(0, str(Path(__file__).resolve().parent / "files"))
    import make_hostile_files as hostile

    gid_of = hostile._gids("".join(hostile.NOTICE_LINES))
    contents = [hostile._text_ops(hostile.NOTICE_LINES[:2], gid_of), b"", hostile._text_ops(hostile.NOTICE_LINES[3:], gid_of)]
    lines, issues = ocr(pdf_to_lines, hostile._write_pdf(tmp_path / "n.pdf", contents, gid_of))
    assert [(i.code, i.page) for i in issues] == [("empty-page", 2)] and all(ln.confidence is None for ln in lines)


def test_ocr_always_reads_a_page_that_has_text(tmp_path, ocr):
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument.new()
    page.import_pages(pdfium.PdfDocument(str(SOURCE)), [25])
    path = tmp_path / "page-26.pdf"
    page.save(str(path))
    given, _ = pdf_to_lines(path, ocr="never")
    read, _ = ocr(pdf_to_lines, path, ocr="always")
    assert all(ln.confidence is None for ln in given) and all(ln.confidence is not None for ln in read)
    table = [ln.text for ln in given if "\t" in ln.text]
    assert len(table) == 7 and [ln.text for ln in read if "\t" in ln.text] == table


def test_a_png_scan_turned_askew_is_read_with_its_table_and_confidences(tmp_path, ocr):
    import pypdfium2 as pdfium
    from PIL import Image

    png = tmp_path / "page-26.png"
    page = pdfium.PdfDocument(str(SOURCE))[25].render(scale=2).to_pil()
    page.rotate(-1.5, resample=Image.BICUBIC, fillcolor="white").save(png)  # 1.5 degrees clockwise, as a scan may be
    lines = ocr(image_file_to_lines, png)
    texts = [ln.text for ln in lines]
    assert [t.split("\t")[0] for t in texts if "\t" in t] == ["序号"] + [str(n) for n in range(24, 30)]
    assert "29\t工程建设设计、施工、监理注册人员\t市住房和城乡建设局" in texts
    assert all(ln.page == 1 and ln.confidence is not None and 0 < ln.confidence <= 1 for ln in lines)
    assert [ln.line for ln in lines] == list(range(1, len(lines) + 1))


def test_each_page_of_a_tiff_scan_is_a_page(tmp_path, ocr):
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(SOURCE))[25].render(scale=2).to_pil().convert("L")
    rows = [page.crop((150, 364, 1050, 489)), page.crop((150, 479, 1050, 648))]  # rows 25-26, then 27-28, with their rules
    tiff = tmp_path / "scan.tif"
    rows[0].save(tiff, save_all=True, append_images=rows[1:], compression="tiff_deflate")
    lines = ocr(image_file_to_lines, tiff)
    assert [(ln.page, ln.text.split("\t")[0]) for ln in lines] == [(1, "25"), (1, "26"), (2, "27"), (2, "28")]


@pytest.mark.parametrize("text, cleaned", [
    ("附件1:", "附件1："),
    ("(牵头单位:市发改委(市信用办),配合单位:市各有关部门)", "（牵头单位：市发改委（市信用办），配合单位：市各有关部门）"),
    ("执业药师 （从业药师）", "执业药师（从业药师）"),
    ("市发改委 市财政局", "市发改委 市财政局"),  # a space between names separates units: kept
    ("see (a) b: c", "see (a) b: c"),
    ("-10 一", "— 10 —"),  # a page footer as read
    ("-24 -", "— 24 —"),
])
def test_ocr_text_gets_the_punctuation_a_chinese_notice_prints(text, cleaned):
    assert clean_ocr_text(text) == cleaned


def test_the_skew_of_a_page_is_the_slope_of_its_lines_of_text():
    line = [[100, 200], [900, 214], [900, 244], [100, 230]]  # 14 px down over 800 px: 1.0 degree clockwise
    short = [[100, 300], [120, 280], [120, 310], [100, 330]]  # a lone character says nothing about the page
    assert round(skew_degrees([(line, "市", 1.0), (line, "局", 1.0), (short, "1", 1.0)]), 2) == 1.0
    assert skew_degrees([]) == 0.0


def _line(number: int, text: str, confidence: float | None) -> Line:
    return Line("scan.pdf", number, 2, text, confidence)


def test_a_unit_on_a_doubtful_line_gets_a_low_confidence_issue_with_its_place():
    lines = (_line(1, "1、依法行政。（牵头单位：市发改姿，", 0.62), _line(2, "配合单位：市各有关部门）", 0.99))
    units = [Assignment("A1-1-1", "lead", 1, "市发改姿", False, 2, 1), Assignment("A1-1-1", "support", 1, "市各有关部门", False, 2, 2)]
    (issue,) = low_confidence_issues(units, lines)
    assert (issue.code, issue.clause_id, issue.page, issue.line) == (IssueCode.LOW_CONFIDENCE, "A1-1-1", 2, 1)
    assert "市发改姿" in issue.message and "0.62" in issue.message


def test_a_unit_wrapped_onto_a_doubtful_line_is_flagged_and_given_text_never_is():
    lines = (_line(1, "（牵头单位：市全面推进依法行政工作领导", 0.99), _line(2, "小组办公室）", LOW_CONFIDENCE - 0.01))
    unit = [Assignment("A1-1-1", "lead", 1, "市全面推进依法行政工作领导小组办公室", False, 2, 1)]
    assert [i.line for i in low_confidence_issues(unit, lines)] == [1]
    assert low_confidence_issues(unit, tuple(_line(n, t.text, None) for n, t in enumerate(lines, start=1))) == []


def test_an_ocr_mode_that_does_not_exist_is_the_callers_error_naming_it():
    assert ocr_mode("never") == "never"
    with pytest.raises(FengongError, match="'sometimes' is not one of auto, always, never"):
        ocr_mode("sometimes")


def _png_header(width: int, height: int) -> bytes:
    """The signature and IHDR chunk of a 1-bit greyscale PNG claiming the given size."""
    import struct
    import zlib

    body = b"IHDR" + struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + body + struct.pack(">I", zlib.crc32(body))


def _bad_images(folder: Path) -> dict[str, tuple[Path, str]]:
    from PIL import Image

    text = folder / "notes.png"
    text.write_text("这不是图片", encoding="utf-8")
    good = folder / "good.png"
    Image.new("L", (60, 40), 255).save(good)
    truncated = folder / "truncated.png"
    truncated.write_bytes(good.read_bytes()[:60])
    bomb = folder / "bomb.png"  # 60000 x 60000 pixels declared in a file of a hundred bytes
    bomb.write_bytes(_png_header(60000, 60000) + good.read_bytes()[33:])
    blank = folder / "blank.jpg"
    Image.new("RGB", (300, 200), "white").save(blank)
    return {"not an image": (text, "not an image"), "truncated": (truncated, "damaged"),
            "bomb": (bomb, "than the limit of 100,000,000"), "blank": (blank, "no text found")}


@pytest.mark.parametrize("kind", ["not an image", "truncated", "bomb", "blank"])
def test_a_bad_image_is_one_line_and_exit_2(tmp_path, capsys, kind, ocr):
    path, reason = _bad_images(tmp_path)[kind]
    with pytest.raises(InputError, match=reason):
        ocr(image_file_to_lines, path)
    assert main(["extract", str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and str(path) in errors[0] and reason in errors[0]
    assert "Traceback" not in err


def test_the_ocr_models_come_with_the_package_and_load_without_network():
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse\nsocket.create_connection = refuse\nsocket.getaddrinfo = refuse\n"
        "from fengong.extract.ocr import image_to_rows\nimport numpy as np\n"
        "print(image_to_rows(np.full((64, 64), 255, dtype=np.uint8)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _known_in(names: list[str]):
    return lambda name, prefix: prefix + name in names


def test_a_unit_one_character_off_a_known_body_is_corrected_and_flagged():
    lines = (_line(1, "（牵头单位：市发改姿、市财政局、市公安分局，", 0.97), _line(2, "配合单位：市统计司）", None))
    names = ["市发改委", "市财政局", "市公安局", "市统计局"]
    units = [Assignment("A1-1-1", "lead", n, u, False, 2, 1) for n, u in enumerate(["市发改姿", "市财政局", "市公安分局"], start=1)]
    units.append(Assignment("A1-1-1", "support", 1, "市统计司", False, 2, 2))
    fixed, issues = correct_ocr_units(units, lines, (frozenset(names),), _known_in(names))
    # 市公安分局 is two characters off any name, and 市统计司 stands on a line that was given, not read by OCR.
    assert [a.unit_raw for a in fixed] == ["市发改委", "市财政局", "市公安分局", "市统计司"]
    assert [(i.code, i.clause_id, i.page, i.line) for i in issues] == [(IssueCode.CORRECTED_UNIT, "A1-1-1", 2, 1)]
    assert "市发改姿" in issues[0].message and "市发改委" in issues[0].message


def test_a_unit_that_fits_two_known_bodies_is_left_as_read():
    lines = (_line(1, "（牵头单位：市X局）", 0.95),)
    names = ["市A局", "市B局"]
    fixed, issues = correct_ocr_units([Assignment("A1-1-1", "lead", 1, "市X局", False, 2, 1)], lines, (frozenset(names),), _known_in(names))
    assert [a.unit_raw for a in fixed] == ["市X局"] and issues == []


def test_candidates_come_from_the_words_names_are_made_of():
    words = (frozenset({"发改委", "财政局", "常州", "市"}),)
    assert "市发改委" in one_off_candidates("市发改姿", words)  # the ending's word laid over the misread character
    assert "常州市财政局" in one_off_candidates("常州巿财政局", words)  # 巿 (U+5DFF) for 市: a level word of one character
    assert one_off_candidates("市公安分局", words) <= {"市公安分局"[:i] + c + "市公安分局"[i + 1:] for i in range(5) for c in "发改委财政局常州市"}
    assert one_off_candidates("x" * 49, words) == set()  # longer than any body's name: not searched


def _ocr_lines(*texts: str) -> tuple[Line, ...]:
    return tuple(_line(n, text, 0.95) for n, text in enumerate(texts, start=1))


def _changzhou_namer():
    from fengong.normalize.jurisdiction import notice_to_jurisdiction
    from fengong.normalize.registry import default_registry

    return default_registry().for_notice(notice_to_jurisdiction("常州市人民政府办公室关于印发任务分工的通知", "常州市人民政府办公室", "", None))


@pytest.mark.parametrize("read, body", [
    ("市发展和改革委员今", "市发展和改革委员会"),  # an ending the body-name model knows
    ("市司去局", "市司法局"),  # a stem it knows
    ("市住房和城多建设局", "市住房和城乡建设局"),
    ("常州海夫", "常州海关"),  # a place and a body without a level
    ("人民银行常州市中心支衧", "人民银行常州市中心支行"),  # an organisation written before its place
])
def test_the_body_name_model_mends_a_body_read_one_character_off(read, body):
    from fengong.pipeline import ocr_checked

    namer = _changzhou_namer()
    assert not namer.unit(read).known and namer.unit(body).known
    issues: list = []
    fixed = ocr_checked([Assignment("A1-1", "lead", 1, read, False, 2, 1)], _ocr_lines(f"（牵头单位：{read}）"), namer, issues)
    assert [a.unit_raw for a in fixed] == [body]
    assert [(i.code, i.page, i.line) for i in issues] == [(IssueCode.CORRECTED_UNIT, 2, 1)]
    # The same unit in a text layer is as its author wrote it: never mended.
    given = (Line("notice.pdf", 1, 2, f"（牵头单位：{read}）"),)
    assert [a.unit_raw for a in ocr_checked([Assignment("A1-1", "lead", 1, read, False, 2, 1)], given, namer, [])] == [read]


@pytest.mark.parametrize("read, fits", [
    ("市发改姿", {"市发改委", "市发改局"}),  # a commission or a bureau: both are bodies somewhere
    ("常州巿财政局", {"常州市财政局", "常州镇财政局", "常州乡财政局"}),  # 巿 (U+5DFF) for 市, or a town's bureau
    ("市教育周", {"市教育局", "市教育委", "市教育厅"}),
])
def test_a_unit_one_character_off_several_bodies_is_left_as_read(read, fits):
    from fengong.pipeline import ocr_checked

    namer = _changzhou_namer()
    assert {c for c in one_off_candidates(read, (vocabulary(), frozenset(namer.spellings))) if namer.unit(c).known} == fits
    issues: list = []
    fixed = ocr_checked([Assignment("A1-1", "lead", 1, read, False, 2, 1)], _ocr_lines(f"（牵头单位：{read}）"), namer, issues)
    assert [a.unit_raw for a in fixed] == [read] and issues == []


def test_a_registry_name_is_mended_to_as_the_models_are():
    from fengong.pipeline import ocr_checked

    namer = _changzhou_namer()
    # 市信用办 is known to the Changzhou registry (an alias of 市发改委); 市信用亦 is one character off it alone.
    assert namer.unit("市信用办").known and not namer.unit("市信用亦").known
    issues: list = []
    fixed = ocr_checked([Assignment("A1-1", "lead", 1, "市信用亦", False, 2, 1)], _ocr_lines("（牵头单位：市信用亦）"), namer, issues)
    assert [a.unit_raw for a in fixed] == ["市信用办"] and [i.code for i in issues] == [IssueCode.CORRECTED_UNIT]


def test_the_library_and_the_cli_refuse_an_ocr_mode_that_does_not_exist(tmp_path, capsys):
    import fengong

    with pytest.raises(FengongError, match="'sometimes'"):
        fengong.extract([SOURCE], ocr="sometimes")
    with pytest.raises(SystemExit) as caught:
        main(["extract", str(SOURCE), "--ocr", "sometimes", "--out", str(tmp_path / "out")])
    assert caught.value.code == 2 and "invalid choice: 'sometimes'" in capsys.readouterr().err


def test_a_worker_forked_after_ocr_in_the_caller_reads_a_scan(tmp_path):
    """The engine a process loaded is never freed in a worker forked from it (freeing it there would wait forever)."""
    import pypdfium2 as pdfium

    png = tmp_path / "page-3.png"
    pdfium.PdfDocument(str(SOURCE))[2].render(scale=2).to_pil().save(png)
    code = ("import numpy as np\n"
            "from fengong.api import read_notices\nfrom fengong.extract.ocr import image_to_rows\nfrom fengong.pool import Limits\n"
            "image_to_rows(np.full((64, 64), 255, dtype=np.uint8))  # the engine loaded in the caller\n"
            f"found = read_notices([{str(png)!r}], jobs=1, limits=Limits(seconds=120))\n"
            "print(found.failures, len(found.tables['responsibilities']))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    failures, rows = done.stdout.strip().rsplit(" ", 1)
    assert failures == "()" and int(rows) > 0


def test_a_scan_stopped_at_the_time_limit_is_told_how_to_give_it_more_time_and_the_cache_keeps_modes_apart():
    from fengong.cache import cache_key
    from fengong.pipeline import Task, lost_to_result
    from fengong.pool import Limits

    limits = Limits(seconds=600)
    assert "--time-limit; 3-8 s a page" in lost_to_result(Task(Path("scan.pdf"), "scan"), "time", limits).failure
    assert "--time-limit; 3-8 s a page" in lost_to_result(Task(Path("page.TIF"), "page"), "time", limits).failure
    assert "OCR" not in lost_to_result(Task(Path("notice.txt"), "notice"), "time", limits).failure
    keys = {cache_key("0" * 64, "", "scan", None, mode) for mode in ("auto", "always", "never")}
    assert len(keys) == 3  # a result read without OCR is never given for a run with it


def test_the_progress_line_names_the_page_ocr_is_reading(tmp_path, capsys):
    from PIL import Image

    scan = tmp_path / "scan.tif"
    pages = [Image.new("L", (300, 200), 255), Image.new("L", (300, 200), 255)]
    pages[0].save(scan, save_all=True, append_images=pages[1:])
    assert main(["extract", str(scan), "--progress", "--out", str(tmp_path / "out")]) == 2  # blank: no text
    err = capsys.readouterr().err
    assert f"{scan}: OCR page 1/2" in err and f"{scan}: OCR page 2/2" in err
