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
    lines, issues = pdf_to_lines(FILES / "partly-cid.pdf")
    assert {ln.page for ln in lines} == {1, 3}
    assert [(i.code, i.page) for i in issues] == [("unreadable-text", 2)]
    assert _texts(lines) == NOTICE_LINES


@pytest.mark.parametrize(
    "limits, reason",
    [
        (Limits(max_pages=2), "3 pages, more than the limit of 2"),
        (Limits(max_bytes=1024), "more than the limit of 0 MB"),
        (Limits(max_chars_per_page=50), "more than the limit of 50"),
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
