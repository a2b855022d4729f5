from pathlib import Path

import pytest

from extract.docx import docx_to_lines
from extract.errors import InputError
from fengong.pipeline import paths_to_run
from normalize.registry import default_registry

FILES = Path(__file__).resolve().parent / "files"


def test_paragraphs_and_table_rows_in_body_order():
    lines = docx_to_lines(FILES / "notice-short.docx")
    assert [ln.text for ln in lines][-4:] == ["二、重点人群分工", "序号\t重点人群\t牵头单位", "1\t公务员\t市委组织部", "2\t律师\t市司法局"]
    assert [ln.line for ln in lines] == list(range(1, len(lines) + 1))
    assert all(ln.page is None for ln in lines)


def test_word_table_rows_become_clauses():
    run = paths_to_run([FILES / "notice-short.docx"], default_registry())
    clauses = run.extracted[0].notice.clauses
    assert [c.clause_id for c in clauses] == ["A1-1-1", "A1-1-2", "A1-2-T1", "A1-2-T2"]
    units = [(r.assignment.clause_id, r.assignment.role, r.unit.canonical) for r in run.extracted[0].tables.responsibilities]
    assert ("A1-2-T2", "lead", "市司法局") in units


@pytest.mark.parametrize("name, reason", [("legacy.doc", "legacy Word .doc"), ("not-a-zip.docx", "not a DOCX file")])
def test_unusable_word_files(name, reason, tmp_path):
    path = FILES / name
    if path.suffix == ".doc":
        # The same bytes under a .docx name: recognised by content, not by name.
        path = tmp_path / "renamed.docx"
        path.write_bytes((FILES / name).read_bytes())
    with pytest.raises(InputError, match=reason):
        docx_to_lines(path)
