"""report.html and diff.html, checked as a reader sees them: in a real headless Chromium (screenshots under out/)."""

from collections import Counter

import pytest

from fengong.cli import main
from fengong.outputs.report import locate_units

from browser import chromium, console_errors, missing
from conftest import ROOT, SAMPLE

SHOTS = ROOT / "out" / "screenshots"
REVISED = ROOT / "samples" / "changzhou-2019-revised" / "changzhou-2019-revised.txt"
# The colours report.html gives each role (background of a unit's mark).
ROLE_BACKGROUNDS = {"lead": "rgb(253, 226, 225)", "support": "rgb(219, 234, 254)", "responsible": "rgb(220, 252, 231)"}
MARKS_JS = """return Array.from(document.querySelectorAll('mark.u[data-clause]')).map(m => [m.dataset.clause, m.dataset.role,
 m.dataset.unit, m.textContent, m.parentElement.className, getComputedStyle(m).backgroundColor, m.title]);"""


@pytest.fixture(scope="module")
def browser():
    problem = missing()
    if problem:
        pytest.fail(problem)  # a browser test that cannot run fails: it never counts as passed
    with chromium() as driver:
        yield driver


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "out"
    assert main(["extract", str(SAMPLE), "--out", str(out)]) == 0
    import fengong

    return out, fengong.read_tables(out)


def test_report_marks_every_unit_of_the_sample_with_its_role(browser, extracted):
    out, tables = extracted
    browser.get((out / "report.html").as_uri())
    assert console_errors(browser) == []
    marks = browser.execute_script(MARKS_JS)
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "report.png"))
    resp = tables["responsibilities"]
    expected = Counter(zip(resp["clause_id"], resp["role"], resp["unit"], resp["unit_raw"], strict=True))
    assert Counter((c, r, u, raw) for c, r, u, raw, *_ in marks) == expected
    # In this notice every unit is written in its clause's unit bracket, so each is marked there, not listed apart.
    assert {parent for *_, parent, _, _ in marks} == {"party"}
    for _, role, unit, _, _, background, title in marks:
        assert background == ROLE_BACKGROUNDS[role]
        assert title.startswith(unit + " · ")  # the canonical name on hover
    browser.execute_script("document.querySelector('.matrix-wrap').scrollIntoView()")
    browser.save_screenshot(str(SHOTS / "report-matrix.png"))


def test_report_shows_clause_ids_titles_issues_and_the_matrix(browser, extracted):
    out, tables = extracted
    browser.get((out / "report.html").as_uri())
    ids = browser.execute_script("return Array.from(document.querySelectorAll('.clause .cid')).map(e => e.textContent)")
    assert ids == list(tables["clauses"]["clause_id"])
    head = browser.execute_script("return document.querySelector('#c-changzhou-2019-credit-task-division-A1-2-1 .head').textContent")
    assert head == "A1-2-1公务员诚信教育"
    # The numbering gap is reported on A1-3-4 and shown beside that clause.
    aside = browser.execute_script("return document.querySelector('#c-changzhou-2019-credit-task-division-A1-3-4 aside').textContent")
    assert "numbering-gap" in aside
    cells = browser.execute_script("return document.querySelectorAll('table.matrix tbody tr').length")
    assert cells == tables["responsibilities"]["unit"].nunique()
    lead_cell = browser.execute_script(
        "return Array.from(document.querySelectorAll('table.matrix tbody tr')).find(r => r.cells[0].textContent === '市公安局')"
        ".querySelectorAll('td.lead').length")
    assert lead_cell == 6  # the six clauses 市公安局 leads (see the ledger test)


def test_report_of_formula_and_markup_text_shows_it_as_text(browser, tmp_path):
    notice = tmp_path / "n.txt"
    notice.write_text("关于测试的通知\n\n一、<b>加强</b>建设。（牵头单位：<i>市财政局</i>，配合单位：市税务局）\n", encoding="utf-8")
    assert main(["extract", str(notice), "--out", str(tmp_path / "out")]) == 0
    browser.get((tmp_path / "out" / "report.html").as_uri())
    assert console_errors(browser) == []
    assert browser.execute_script("return document.querySelectorAll('.clause b, .clause i').length") == 1  # the title's own <b>
    assert "<b>加强</b>建设" in browser.execute_script("return document.querySelector('.clause .text').textContent")


def test_diff_html_marks_text_changes_and_shows_titles_and_units(browser, tmp_path):
    out = tmp_path / "d"
    assert main(["diff", str(SAMPLE), str(REVISED), "--out", str(out)]) == 1
    browser.get((out / "diff.html").as_uri())
    assert console_errors(browser) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "diff.png"))
    # E6 of the revised sample: 报刊、广播、电视和网络等 inserted before 各类媒体, nothing deleted.
    assert browser.execute_script("return Array.from(document.querySelectorAll('ins')).map(e => e.textContent)") == ["报刊、广播、电视和网络等"]
    assert browser.execute_script("return document.querySelectorAll('del').length") == 0
    text = browser.execute_script("return document.body.innerText")
    assert "加强宣传教育" in text and "全面加强校园诚信教育" in text  # titles of the text-changed and role-changed clauses
    # E1: the added clause's units; E5: the removed clause's units, each with its role.
    units = browser.execute_script("return Array.from(document.querySelectorAll('.change')).map(c => [c.querySelector('.kind').textContent,"
                                   " Array.from(c.querySelectorAll('.u')).map(u => u.dataset.role + ':' + u.textContent)])")
    assert ["clause-added", ["lead:市委组织部", "support:市人社局"]] in units
    assert ["clause-removed", ["responsible:市工信局", "responsible:市民政局", "responsible:市工商联", "responsible:人民银行常州市中心支行"]] in units


def test_diff_md_has_the_same_content(tmp_path):
    out = tmp_path / "d"
    assert main(["diff", str(SAMPLE), str(REVISED), "--out", str(out)]) == 1
    report = (out / "diff.md").read_text(encoding="utf-8")
    assert "- **text-changed** A2-7-2 -> A2-7-2 「加强宣传教育」" in report
    assert "  - 改 marked: 加强宣传教育。充分利用{+报刊、广播、电视和网络等+}各类媒体，" in report
    assert "  - 单位 units: 牵头 lead: 市委组织部; 配合 support: 市人社局" in report
    assert "  - 单位 units: 责任 responsible: 市工信局、市民政局、市工商联、人民银行常州市中心支行" in report


def test_a_unit_written_twice_is_marked_at_each_place_in_order():
    marks, missing_rows = locate_units({"party_text": "牵头单位：市财政局，配合单位：市税务局、市财政局"},
                                       [("lead", "市财政局", "市财政局"), ("support", "市税务局", "市税务局"), ("support", "市财政局", "市财政局")])
    assert [(m.start, m.role) for m in marks] == [(5, "lead"), (15, "support"), (20, "support")]
    assert missing_rows == []


def test_a_unit_stated_elsewhere_is_listed_not_lost():
    marks, missing_rows = locate_units({"party_text": "", "text": "推进工作。"}, [("lead", "区科技局", "区科技局")])
    assert marks == [] and missing_rows == [("lead", "区科技局", "区科技局")]


def test_report_of_a_batch_has_each_notice_in_input_order_contents_on_top(browser, tmp_path):
    # Written notice by notice as the batch runs: a notice without clauses gets its section with its issue, an
    # unreadable input none; the contents, written last, are shown first.
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("关于甲的通知\n\n一、加强建设。（牵头单位：市财政局）\n", encoding="utf-8")
    (folder / "b.txt").write_text("这是一段没有任务的说明文字。\n", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"")
    (folder / "d.txt").write_text("关于丁的通知\n\n一、完善制度。（责任单位：市司法局）\n", encoding="utf-8")
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--jobs", "2"]) == 3
    browser.get((tmp_path / "out" / "report.html").as_uri())
    assert console_errors(browser) == []
    sections = browser.execute_script("return Array.from(document.querySelectorAll('section.notice')).map(s => s.id)")
    assert sections == ["n-a", "n-b", "n-d"]
    assert browser.execute_script("return Array.from(document.querySelectorAll('nav.toc a')).map(a => a.getAttribute('href'))") == \
        ["#n-a", "#n-b", "#n-d"]
    assert "no-clauses" in browser.execute_script("return document.querySelector('#n-b').textContent")
    nav_top, main_top = browser.execute_script("return [document.querySelector('nav.toc').getBoundingClientRect().top,"
                                               " document.querySelector('main').getBoundingClientRect().top]")
    assert nav_top < main_top


def test_report_and_datapackage_are_the_folders_own_files(tmp_path):
    import hashlib
    import json

    out = tmp_path / "out"
    assert main(["extract", str(SAMPLE), "--out", str(out)]) == 0
    files = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    for name in ("report.html", "datapackage.json"):
        assert files[name] == hashlib.sha256((out / name).read_bytes()).hexdigest()
    (out / "report.html").write_text("my notes", encoding="utf-8")  # edited by hand: no longer the tool's to replace
    assert main(["extract", str(SAMPLE), "--out", str(out)]) == 2
    assert (out / "report.html").read_text(encoding="utf-8") == "my notes"


def test_a_matrix_too_large_for_a_page_is_a_line_naming_the_tables(monkeypatch):
    from fengong.outputs import report

    clauses = [{"clause_id": f"{i}", "title": None} for i in range(1, 4)]
    resp = [{"clause_id": "1", "role": "lead", "unit": "市财政局"}, {"clause_id": "2", "role": "support", "unit": "市司法局"}]
    assert report.matrix_html(clauses, resp).count("<td") == 2 * 3
    monkeypatch.setattr(report, "MAX_MATRIX_CELLS", 5)
    assert report.matrix_html(clauses, resp).startswith('<p class="extra">2 units x 3 clauses: too large a matrix')
