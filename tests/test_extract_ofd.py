"""OFD packages: lines rebuilt from placed characters, ruled tables read cell by cell, hostile packages refused in one
line. (The sample notice as OFD gives the text's tables: tests/test_published.py.)"""

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from fengong.cli import main
from fengong.extract import ofd
from fengong.extract.errors import InputError
from fengong.extract.ofd import ofd_to_lines

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "samples" / "changzhou-2019-published"
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
OFD_XML = f'<ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'


def _document(*locations: str) -> str:
    pages = "".join(f'<ofd:Page ID="{i}" BaseLoc="{loc}"/>' for i, loc in enumerate(locations, start=10))
    return f"<ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID></ofd:CommonData><ofd:Pages>{pages}</ofd:Pages></ofd:Document>"


def _page(objects: str) -> str:
    return f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="1">{objects}</ofd:Layer></ofd:Content></ofd:Page>'


def _package(tmp_path: Path, parts: dict[str, str | bytes], name: str = "notice.ofd") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, data in parts.items():
            z.writestr(member, data)
    return path


def _notice(tmp_path: Path, *pages: str) -> Path:
    parts: dict[str, str | bytes] = {"OFD.xml": OFD_XML, "Doc_0/Document.xml": _document(*(f"Pages/Page_{i}/Content.xml" for i in range(len(pages))))}
    parts.update({f"Doc_0/Pages/Page_{i}/Content.xml": page for i, page in enumerate(pages)})
    return _package(tmp_path, parts)


def test_the_sample_ofd_is_what_its_generator_writes(tmp_path):
    out = tmp_path / "notice.ofd"
    subprocess.run([sys.executable, str(PUBLISHED / "make_ofd.py"), "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (PUBLISHED / "notice.ofd").read_bytes()


def test_the_sample_reads_in_order_without_its_template_and_with_its_table_rows():
    lines = ofd_to_lines(PUBLISHED / "notice.ofd")
    texts = [ln.text for ln in lines]
    assert texts[:3] == ["关于印发市级部门落实市政府政务诚信建设等", "系列文件任务分工的通知", "市有关部门和单位："]
    assert not any("领导小组办公室文件" in t for t in texts)  # the running header sits on the template page
    assert "17\t金融从业人员\t市地方金融监督管理局、人民银行常州市中心支行、常州银监分局" in texts
    assert texts.count("序号\t重点人群\t牵头单位") == 3  # the header row repeated on each page of the table
    assert [(ln.page, ln.line) for ln in lines[:2]] == [(1, 1), (1, 2)] and lines[-1].page == 32


def test_runs_per_character_per_run_and_with_a_ctm_make_the_same_line(tmp_path):
    run = ('<ofd:TextObject ID="1" Boundary="20 30 100 8" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 4 5 5 2.5">'
           "牵头单位：12</ofd:TextCode></ofd:TextObject>")
    chars = "".join(f'<ofd:TextObject ID="{i}" Boundary="{50 + 5 * i} 30 5 8" Size="5"><ofd:TextCode X="0" Y="5">{c}</ofd:TextCode>'
                    "</ofd:TextObject>" for i, c in enumerate("市发改委"))
    # Drawn at size 1 and scaled five times by its CTM; the second TextCode continues where the first ended.
    scaled = ('<ofd:TextObject ID="9" Boundary="70 30 30 8" Size="1" CTM="5 0 0 5 0 0"><ofd:TextCode X="0" Y="1">，</ofd:TextCode>'
              '<ofd:TextCode DeltaX="1">配合</ofd:TextCode></ofd:TextObject>')
    below = '<ofd:TextObject ID="20" Boundary="20 40 100 8" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 5 5">市各有关部门</ofd:TextCode></ofd:TextObject>'
    lines = ofd_to_lines(_notice(tmp_path, _page(below + scaled + chars + run)))
    assert [ln.text for ln in lines] == ["牵头单位：12市发改委，配合", "市各有关部门"]


def test_a_table_drawn_as_rectangles_is_read_cell_by_cell(tmp_path):
    # Each cell a closed rectangle path (M L L L C) with its Boundary at the cell's corner, as some producers draw them.
    cells = [(20, 50, 15, 10), (35, 50, 60, 10), (95, 50, 60, 10), (20, 60, 15, 10), (35, 60, 60, 10), (95, 60, 60, 10)]
    paths = "".join(f'<ofd:PathObject ID="{30 + i}" Boundary="{x} {y} {w} {h}"><ofd:AbbreviatedData>M 0 0 L {w} 0 L {w} {h} L 0 {h} C'
                    "</ofd:AbbreviatedData></ofd:PathObject>" for i, (x, y, w, h) in enumerate(cells))
    texts = [("序号", 22, 52), ("重点人群", 37, 52), ("牵头单位", 97, 52), ("1", 25, 62), ("公务员", 37, 62), ("市委组织部", 97, 62)]
    objects = "".join(f'<ofd:TextObject ID="{50 + i}" Boundary="{x} {y} 60 6" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g {len(t) - 1} 4">{t}'
                      "</ofd:TextCode></ofd:TextObject>" for i, (t, x, y) in enumerate(texts))
    lines = ofd_to_lines(_notice(tmp_path, _page(paths + objects)))
    assert [ln.text for ln in lines] == ["序号\t重点人群\t牵头单位", "1\t公务员\t市委组织部"]


def test_page_locations_may_be_absolute(tmp_path):
    page = _page('<ofd:TextObject ID="1" Boundary="0 0 50 8" Size="5"><ofd:TextCode X="0" Y="5">附件</ofd:TextCode></ofd:TextObject>')
    path = _package(tmp_path, {"OFD.xml": OFD_XML, "Doc_0/Document.xml": _document("/Doc_0/Pages/P1/Content.xml"), "Doc_0/Pages/P1/Content.xml": page})
    assert [(ln.page, ln.text) for ln in ofd_to_lines(path)] == [(1, "附件")]


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 9))
          + "]>" + _page('<ofd:TextObject ID="1" Boundary="0 0 50 8" Size="5"><ofd:TextCode X="0" Y="5">&lol8;</ofd:TextCode></ofd:TextObject>'))


def _hostile(tmp_path: Path, case: str) -> Path:
    page = _page('<ofd:TextObject ID="1" Boundary="0 0 50 8" Size="5"><ofd:TextCode X="0" Y="5">附件</ofd:TextCode></ofd:TextObject>')
    document = {"OFD.xml": OFD_XML, "Doc_0/Document.xml": _document("Pages/Page_0/Content.xml")}
    if case == "not a zip":
        path = tmp_path / "notice.ofd"
        path.write_bytes(b"%PDF-1.7 not an OFD at all")
        return path
    parts: dict[str, str | bytes] = {
        "no OFD.xml": {"Doc_0/Document.xml": _document()},
        "no DocRoot": {"OFD.xml": f"<ofd:OFD {NS}><ofd:DocBody/></ofd:OFD>"},
        "no Document.xml": {"OFD.xml": OFD_XML},
        "missing page": document,
        "bad XML": {**document, "Doc_0/Pages/Page_0/Content.xml": page[:-20]},
        "bomb": {**document, "Doc_0/Pages/Page_0/Content.xml": b" " * (ofd.MAX_MEMBER_BYTES + 1)},
    }[case]
    return _package(tmp_path, parts)


HOSTILE = {
    "not a zip": "not an OFD file (not a ZIP package",
    "no OFD.xml": "OFD package has no OFD.xml",
    "no DocRoot": "OFD.xml names no DocRoot",
    "no Document.xml": "OFD package has no Doc_0/Document.xml",
    "missing page": "OFD package has no Doc_0/Pages/Page_0/Content.xml",
    "bad XML": "Content.xml is not well-formed XML",
    "bomb": "more than the limit of 32 MB",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_damaged_or_hostile_package_is_one_line_and_exit_2(tmp_path, capsys, case):
    path = _hostile(tmp_path, case)
    with pytest.raises(InputError, match=re.escape(HOSTILE[case])):
        ofd_to_lines(path)
    assert main(["extract", str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and str(path) in errors[0] and HOSTILE[case] in errors[0]
    assert "Traceback" not in err and not (tmp_path / "out").exists()


def test_entities_are_never_expanded(tmp_path):
    path = _package(tmp_path, {"OFD.xml": OFD_XML, "Doc_0/Document.xml": _document("Pages/Page_0/Content.xml"),
                               "Doc_0/Pages/Page_0/Content.xml": LAUGHS})
    try:
        lines = ofd_to_lines(path)
    except InputError as exc:  # libxml2 refuses the amplification itself
        assert "not well-formed XML" in str(exc)
    else:
        assert sum(len(ln.text) for ln in lines) < 100  # expanded, &lol8; would be 10^8 * 30 characters


def test_a_zip_that_lies_about_its_sizes_is_stopped_at_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(ofd, "MAX_MEMBER_BYTES", 1000)
    page = _page("".join(f'<ofd:TextObject ID="{i}" Boundary="0 {i} 50 8" Size="5"><ofd:TextCode X="0" Y="5">附件</ofd:TextCode>'
                         "</ofd:TextObject>" for i in range(100)))
    path = _notice(tmp_path, page)
    data = bytearray(path.read_bytes())
    # Rewrite the page's declared size (local header and central directory) to 10 bytes.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.rfind(signature)
        data[at + offset:at + offset + 4] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as caught:
        ofd_to_lines(path)
    assert "limit" in str(caught.value) or "damaged" in str(caught.value)

