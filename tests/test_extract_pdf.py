"""PDF ingestion: text with pages, and every kind of unusable PDF as one clear error."""

from pathlib import Path

import pytest

from fengong.cli import main
from fengong.extract.errors import InputError
from fengong.extract.pdf import Limits, pdf_to_lines

FILES = Path(__file__).resolve().parent / "files"
NOTICE_LINES = [
    "附件1：",
    "一、基本原则",
    "1、依法行政。健全依法决策机制。（牵头单位：市司法局，配合单位：市各有关部门）",
    "2、政务公开。多途径依法公开政务信息。（牵头单位：市政府办公室）",
]


def _texts(lines):
    return [ln.text.replace(" ", "") for ln in lines]


def test_short_notice_lines_with_page_and_line():
    lines, issues = pdf_to_lines(FILES / "notice-short.pdf")
    assert _texts(lines) == NOTICE_LINES
    assert [(ln.page, ln.line) for ln in lines] == [(1, 1), (1, 2), (1, 3), (1, 4)]
    assert issues == ()


def test_encrypted_pdf_opens_with_its_password():
    lines, _ = pdf_to_lines(FILES / "encrypted.pdf", password="fengong")
    assert _texts(lines) == NOTICE_LINES


@pytest.mark.parametrize(
    "name, password, reason",
    [
        ("encrypted.pdf", None, "encrypted: give its password with --password"),
        ("encrypted.pdf", "wrong", "password given is wrong"),
        ("scanned.pdf", None, "no text layer (a scanned image?); read it with --ocr auto"),
        ("truncated.pdf", None, "truncated"),
        ("not-a-pdf.pdf", None, "not a PDF"),
        ("cid-only.pdf", None, "unreadable on 3 of 3 pages"),
    ],
)
def test_unusable_pdfs_raise_naming_the_file_and_the_cause(name, password, reason):
    with pytest.raises(InputError) as caught:
        pdf_to_lines(FILES / name, password=password, ocr="never")
    assert str(caught.value).startswith(str(FILES / name) + ": ")
    assert reason in str(caught.value)


def test_one_unreadable_page_is_reported_and_the_others_read():
    lines, issues = pdf_to_lines(FILES / "partly-cid.pdf", ocr="never")  # with OCR: tests/test_extract_ocr.py
    assert {ln.page for ln in lines} == {1, 3}
    assert [(i.code, i.page) for i in issues] == [("unreadable-text", 2)]
    assert _texts(lines) == NOTICE_LINES


@pytest.mark.parametrize(
    "limits, reason",
    [
        (Limits(max_pages=2), "3 pages, more than the limit of 2"),
        (Limits(pdf_bytes=1024), "more than the limit of 1 KB"),
        (Limits(max_chars_per_page=50), "more than 50 characters"),
        (Limits(seconds_per_page=1e-6), "gave up"),
    ],
)
def test_limits_stop_a_hostile_pdf_with_a_clear_message(limits, reason):
    with pytest.raises(InputError, match=reason):
        pdf_to_lines(FILES / "cid-only.pdf", limits=limits)


@pytest.mark.parametrize("name", ["scanned.pdf", "encrypted.pdf", "truncated.pdf", "not-a-pdf.pdf", "cid-only.pdf", "legacy.doc", "not-a-zip.docx"])
def test_cli_reports_a_bad_file_in_one_line_with_exit_2(tmp_path, capsys, name):
    out = tmp_path / "out"
    assert main(["extract", str(FILES / name), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and str(FILES / name) in errors[0]
    assert "Traceback" not in err and not out.exists()


def test_cli_password_option(tmp_path, capsys):
    assert main(["extract", str(FILES / "encrypted.pdf"), "--password", "fengong", "--out", str(tmp_path / "out")]) == 0
    assert "市司法局" in (tmp_path / "out" / "responsibilities.csv").read_text(encoding="utf-8-sig")


def test_unreadable_page_becomes_an_issue_row(tmp_path, capsys):
    assert main(["extract", str(FILES / "partly-cid.pdf"), "--out", str(tmp_path / "out")]) == 0
    issues = (tmp_path / "out" / "issues.csv").read_text(encoding="utf-8-sig")
    assert "unreadable-text" in issues and ",2," in issues


# ---------------------------------------------------------------------------- two readers, one reading

import sys  # noqa: E402

sys.path.insert(0, str(FILES))
import make_hostile_files as hostile  # noqa: E402

from fengong.extract import pdf_pdfium  # noqa: E402
from fengong.extract.pdf import pdf_bytes_to_pages  # noqa: E402
from fengong.extract.pdf_streams import flate_check  # noqa: E402

PUBLISHED = FILES.parent.parent / "samples" / "changzhou-2019-published"
CELL = "\t"


def _both_readers(data: bytes, monkeypatch):
    fast, _ = pdf_bytes_to_pages(data, "n.pdf")
    with monkeypatch.context() as m:
        m.setattr(pdf_pdfium, "open_document", lambda data, password: (_ for _ in ()).throw(RuntimeError("pdfium off")))
        slow, _ = pdf_bytes_to_pages(data, "n.pdf")
    assert all(p.reader == "pdfplumber" for p in slow)
    return fast, slow


@pytest.mark.parametrize("name, ruled", [("notice-libreoffice.pdf", {24, 25, 26}), ("notice-reportlab.pdf", {20, 21, 22})])
def test_pdfium_reads_every_page_as_pdfplumber_does_ruled_tables_too(name, ruled, monkeypatch):
    fast, slow = _both_readers((PUBLISHED / name).read_bytes(), monkeypatch)
    assert all(p.reader == "pdfium" for p in fast)
    assert {p.number for p in fast if any(CELL in r.text for r in p.rows)} == ruled
    for a, b in zip(fast, slow, strict=True):
        assert [r.text for r in a.rows] == [r.text for r in b.rows], a.number
        # pdfium takes a font's descent from the font program, pdfminer from its descriptor: tops may differ a little.
        assert all(abs(x.top - y.top) < 3 for x, y in zip(a.rows, b.rows, strict=True)), a.number
        assert (a.chars, a.bad) == (b.chars, b.bad)


def _one_page(tmp_path, lines, **options):
    gid_of = hostile._gids("".join(lines))
    return hostile._write_pdf(tmp_path / "n.pdf", [hostile._text_ops(lines, gid_of, **options)], gid_of).read_bytes()


@pytest.mark.parametrize("lines", [["甲乙丙", "）", "丁戊"], ["）", "甲"], ["1、依法行政。", "（牵头单位：市司法局）"]])
def test_a_text_object_pdfium_leaves_out_sends_the_page_to_pdfplumber(tmp_path, monkeypatch, lines):
    # pdfium drops a one-glyph text object of a font that is neither embedded nor installed (its box is empty).
    fast, slow = _both_readers(_one_page(tmp_path, lines), monkeypatch)
    assert [r.text for r in fast[0].rows] == [r.text for r in slow[0].rows] == lines


def test_text_scaled_by_its_matrix_has_its_drawn_size(tmp_path, monkeypatch):
    gid_of = hostile._gids("一、基本原则")
    ops = b"BT /F1 1 Tf 12 0 0 12 60 770 Tm <" + b"".join(b"%04X" % gid_of[c] for c in "一、基本原则") + b"> Tj ET\n"
    data = hostile._write_pdf(tmp_path / "n.pdf", [ops], gid_of).read_bytes()
    fast, slow = _both_readers(data, monkeypatch)
    assert fast[0].reader == "pdfium" and [r.text for r in fast[0].rows] == ["一、基本原则"]
    assert abs(fast[0].rows[0].top - slow[0].rows[0].top) < 0.01  # 12 points high, as pdfminer says


def test_fake_bold_copies_are_removed(tmp_path):
    lines, issues = pdf_to_lines(hostile.fake_bold_pdf(tmp_path, copies=4))
    assert _texts(lines) == ["附件1：", "一、基本原则", NOTICE_LINES[2][:-1], "）", NOTICE_LINES[3]]
    assert issues == ()


def test_corrupt_content_stream_is_a_damaged_page_and_the_other_pages_are_read(tmp_path):
    lines, issues = pdf_to_lines(hostile.corrupt_stream_pdf(tmp_path))
    assert [(i.code, i.page, i.code.severity) for i in issues] == [("damaged-page", 2, "error")]
    assert {ln.page for ln in lines} == {1, 3} and _texts(lines)[-1] == NOTICE_LINES[3]


def test_a_page_without_text_between_pages_with_text_is_reported(tmp_path):
    gid_of = hostile._gids("".join(NOTICE_LINES))
    contents = [hostile._text_ops(NOTICE_LINES[:2], gid_of), b"", hostile._text_ops(NOTICE_LINES[3:], gid_of)]
    lines, issues = pdf_to_lines(hostile._write_pdf(tmp_path / "n.pdf", contents, gid_of), ocr="never")  # OCR'd: the same
    assert [(i.code, i.page) for i in issues] == [("empty-page", 2)]


def test_a_crowded_page_is_refused_before_pdfminer_lays_it_out(tmp_path):
    with pytest.raises(InputError, match="page 1 has more than 30,000 characters"):
        pdf_to_lines(hostile.crowded_page_pdf(tmp_path, chars=40_000))


def _flate(text: bytes) -> bytes:
    import zlib

    return zlib.compress(text)


@pytest.mark.parametrize("data, damaged", [
    (_flate(b"BT (hello) Tj ET " * 100), False),
    (_flate(b"BT (hello) Tj ET " * 100)[:-4], False),  # checksum missing: nothing lost
    (b"xx" + _flate(b"BT (hello) Tj ET " * 100)[2:], False),  # header broken: nothing lost
    (_flate(b"BT (hello) Tj ET " * 100)[:-1] + b"\x00", True),  # checksum does not match: content garbled
    (_flate(b"BT (hello) Tj ET " * 100)[:20], True),  # breaks off
    (b"not deflate at all", True),
])
def test_flate_check_finds_lost_content(data, damaged):
    assert (flate_check(data, 10**6).damage is not None) == damaged


def test_flate_check_stops_past_its_limit():
    check = flate_check(_flate(b" " * (8 << 20)), 1 << 20)
    assert check.decoded_bytes > 1 << 20 and check.decoded_bytes <= 2 << 20 and check.damage is None


def test_pages_without_a_text_layer_are_listed_for_a_reader_of_images():
    from fengong.extract.pdf import pages_without_text

    pages, issues = pdf_bytes_to_pages((FILES / "scanned.pdf").read_bytes(), "scanned.pdf")
    assert pages_without_text(pages) == (1, 2) and issues == ()
    assert pages_without_text(pdf_bytes_to_pages((FILES / "partly-cid.pdf").read_bytes(), "p.pdf")[0]) == ()


def test_pages_for_ocr_are_those_without_usable_text_and_never_a_damaged_one(tmp_path):
    from fengong.extract.pdf import pages_for_ocr

    scanned = pdf_bytes_to_pages((FILES / "scanned.pdf").read_bytes(), "scanned.pdf")
    assert pages_for_ocr(*scanned[:1], "auto") == (1, 2) and pages_for_ocr(*scanned[:1], "never") == ()
    partly = pdf_bytes_to_pages((FILES / "partly-cid.pdf").read_bytes(), "p.pdf")
    assert pages_for_ocr(partly[0], "auto", partly[1]) == (2,)  # glyphs without Unicode
    assert pages_for_ocr(partly[0], "always", partly[1]) == (1, 2, 3)
    corrupt = pdf_bytes_to_pages(hostile.corrupt_stream_pdf(tmp_path).read_bytes(), "c.pdf")
    assert [(i.code, i.page) for i in corrupt[1]] == [("damaged-page", 2)]
    assert pages_for_ocr(corrupt[0], "auto", corrupt[1]) == () and pages_for_ocr(corrupt[0], "always", corrupt[1]) == (1, 3)


@pytest.mark.parametrize("style", ["lines", "rects", "filled", "curves"])
@pytest.mark.parametrize("in_form", [False, True])
def test_ruled_tables_from_pdfium_paths_are_pdfplumbers_tables(tmp_path, monkeypatch, style, in_form):
    fast, slow = _both_readers(hostile.ruled_table_pdf(tmp_path, style, in_form).read_bytes(), monkeypatch)
    assert [r.text for r in fast[0].rows] == [r.text for r in slow[0].rows]
    if style != "curves":  # with rounded corners pdfplumber finds only some of the cells (the same ones from pdfium)
        assert [r.text for r in fast[0].rows] == ["二、重点人群任务分工", "序号\t重点人群\t牵头单位", "1\t公务员\t市委组织部", "2\t律师\t市司法局、市律师协会"]


def test_ascii85_content_streams_are_checked_as_pdfminer_reads_them():
    import base64

    from fengong.extract.pdf_streams import ascii85_to_bytes

    for data in (b"", b"\x00\x00\x00\x00abc", bytes(range(256)) * 3):
        assert ascii85_to_bytes(base64.a85encode(data, wrapcol=60) + b"~>") == data
    with pytest.raises(ValueError):
        ascii85_to_bytes(b"uuuuu~>")


def test_a_page_drawing_more_paths_than_the_limit_is_read_as_lines_and_reported(tmp_path):
    lines, issues = pdf_to_lines(hostile.ruled_table_pdf(tmp_path, "lines"), limits=Limits(max_drawings_for_tables=5))
    assert [(i.code, i.page) for i in issues] == [("complex-page", 1)]
    assert "\t" not in "".join(ln.text for ln in lines) and "市委组织部" in "".join(ln.text for ln in lines)
