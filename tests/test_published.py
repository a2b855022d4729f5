"""The same notice as published (DOCX, .doc, .wps, OFD, two PDFs from different producers, unwrapped text) gives the same tables."""

import io
from pathlib import Path

import pandas as pd
import pytest

from fengong.normalize.registry import default_registry
from fengong.outputs.write import frame_to_csv_bytes
from fengong.pipeline import paths_to_run, run_to_tables

from cases import CASES

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "samples" / "changzhou-2019-published"
GOLDEN = next(c for c in CASES if c.name == "changzhou-2019-credit-task-division") / "expected"
FORMS = ["notice.txt", "notice.html", "notice.docx", "notice-libreoffice.pdf", "notice-reportlab.pdf", "notice.doc", "notice.wps", "notice.ofd"]
PROVENANCE = ["notice_id", "page", "line"]


def _frames(name: str) -> dict[str, pd.DataFrame]:
    run = paths_to_run([PUBLISHED / name], default_registry())
    assert not run.failures, run.failures
    frames, _ = run_to_tables(run)
    # Compare as the CSV a user opens, so dtypes and missing values are read the same way on both sides.
    return {t: pd.read_csv(io.BytesIO(frame_to_csv_bytes(f)), dtype=str, keep_default_na=False) for t, f in frames.items()}


@pytest.fixture(scope="module", params=FORMS)
def published(request):
    return request.param, _frames(request.param)


@pytest.mark.parametrize("table", ["responsibilities", "clauses", "units", "issues"])
def test_same_tables_as_the_text(published, table):
    name, frames = published
    expected = pd.read_csv(GOLDEN / f"{table}.csv", dtype=str, keep_default_na=False)
    drop = [c for c in PROVENANCE if c in expected.columns]
    pd.testing.assert_frame_equal(frames[table].drop(columns=drop), expected.drop(columns=drop), obj=f"{name}/{table}")


# Pages read off the PDFs (pdfplumber page numbers, 1-based): where A1-1-1's units stand, and the 29-row table.
PAGES = {
    "notice-libreoffice.pdf": {("A1-1-1", 1): (3, 14), ("A3-7-T1", 1): (24, 18), ("A3-7-T29", 1): (26, 7), ("A4-5-3", 3): (33, 11)},
    "notice-reportlab.pdf": {("A1-1-1", 1): (3, 14), ("A3-7-T1", 1): (20, 19), ("A3-7-T29", 1): (22, 2), ("A4-5-3", 3): (28, 6)},
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pdf_rows_carry_their_page_and_line(name):
    resp = _frames(name)["responsibilities"]
    assert (resp["page"] != "").all()
    first, last = PAGES[name][("A3-7-T1", 1)][0], PAGES[name][("A3-7-T29", 1)][0]
    table_pages = {int(p) for p in resp[resp["clause_id"].str.contains("-T")]["page"]}
    assert table_pages == set(range(first, last + 1))
    for (clause_id, row), (page, line) in PAGES[name].items():
        found = resp[resp["clause_id"] == clause_id].iloc[row - 1]
        assert (int(found["page"]), int(found["line"])) == (page, line), (clause_id, row)
