"""`fengong diff`: matching clauses across versions and reporting what really changed."""

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fengong.cli import main
from fengong.normalize.registry import default_registry
from fengong.outputs.diff import changes as diff
from fengong.outputs.diff.match import match_clauses
from fengong.outputs.write import frame_to_csv_bytes
from fengong.pipeline import path_to_version

from conftest import ROOT, SAMPLE
from rewrap import blocks_to_text, sample_to_blocks

REVISED = ROOT / "samples" / "changzhou-2019-revised"
REGISTRY = default_registry()
V = path_to_version(SAMPLE, REGISTRY)


def _changes(old, new):
    return diff.matches_to_changes(match_clauses(old, new))


def test_revised_sample_reports_each_edit_and_nothing_else():
    changes = _changes(V, path_to_version(REVISED / "changzhou-2019-revised.txt", REGISTRY))
    content = [(c.change, c.old_clause_id, c.new_clause_id, c.role, c.unit, c.old_role, c.new_role)
               for c in changes if c.change != "clause-renumbered"]
    # The edit table of samples/changzhou-2019-revised/README.md, in document order.
    assert content == [
        ("clause-added", None, "A1-2-2", None, None, None, None),
        ("unit-removed", "A2-1-2", "A2-1-2", "responsible", "市气象局", None, None),
        ("clause-removed", "A2-3-4", None, None, None, None, None),
        ("text-changed", "A2-7-2", "A2-7-2", None, None, None, None),
        ("role-changed", "A3-1-4", "A3-1-4", None, "团市委", "support", "lead"),
        ("clause-added", None, "A3-7-T5", None, None, None, None),
        ("clause-removed", "A4-3-2", None, None, None, None, None),
        ("unit-added", "A4-5-1", "A4-5-1", "support", "市文明办", None, None),
    ]
    renumbered = {(c.old_clause_id, c.new_clause_id) for c in changes if c.change == "clause-renumbered"}
    assert len(renumbered) == 39
    assert ("A2-3-5", "A2-3-4") in renumbered and ("A1-3-9", "A1-3-8") in renumbered and ("A3-7-T29", "A3-7-T30") in renumbered
    expected = (REVISED / "expected-diff" / "changes.csv").read_bytes()
    assert frame_to_csv_bytes(diff.changes_to_frame(changes)) == expected


def test_cli_exit_status_and_files(tmp_path, capsys):
    out = tmp_path / "d"
    assert main(["diff", str(SAMPLE), str(REVISED / "changzhou-2019-revised.txt"), "--out", str(out)]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["changes.csv", "changes.parquet", "clause_map.csv", "clause_map.parquet", "diff.html", "diff.md",
                                                     "manifest.json"]
    report = (out / "diff.md").read_text(encoding="utf-8")
    assert "| role-changed | 1 |" in report and "- A3-7: 25 renumbered" in report and "旧 old: 加强对失信行为的行业性约束和惩戒。" in report
    clause_map = (out / "clause_map.csv").read_text(encoding="utf-8-sig").splitlines()
    assert clause_map[0] == "old_clause_id,new_clause_id,score,match"
    assert len(clause_map) - 1 == 114 + 2  # every old clause, plus the two added ones


def test_extract_folder_and_rewrapped_gb18030_copy_diff_to_nothing(tmp_path, capsys):
    folder = tmp_path / "tables"
    assert main(["extract", str(SAMPLE), "--out", str(folder)]) == 0
    copy = tmp_path / "copy.txt"
    copy.write_bytes(blocks_to_text(sample_to_blocks(SAMPLE.read_text(encoding="utf-8")), 64).replace("\n", "\r\n").encode("gb18030"))
    assert main(["diff", str(folder), str(copy), "--out", str(tmp_path / "d")]) == 0
    assert (tmp_path / "d" / "changes.csv").read_bytes() == b"\xef\xbb\xbf" + ",".join(diff.SCHEMAS["changes"].names).encode() + b"\n"


FORMULA_NOTICE = "关于测试的通知\n\n一、=SUM(1+1)加强建设。（牵头单位：=市财政局，配合单位：'+市税务局）\n二、-完善制度。（责任单位：@市司法局）\n"


@pytest.mark.parametrize("case", ["chinese-headers", "escaped-cells"])
def test_a_folder_diffs_to_nothing_against_the_notice_it_was_read_from(tmp_path, capsys, case):
    # Folders are read from their Parquet files: neither Chinese CSV headers nor the CSV's ' escapes are compared.
    notice, options = SAMPLE, ["--headers", "zh"]
    if case == "escaped-cells":
        notice, options = tmp_path / "formula.txt", []
        notice.write_text(FORMULA_NOTICE, encoding="utf-8")
    folder = tmp_path / "tables"
    assert main(["extract", str(notice), "--out", str(folder), *options]) == 0
    assert main(["diff", str(folder), str(notice), "--out", str(tmp_path / "d")]) == 0
    assert main(["diff", str(notice), str(folder), "--out", str(tmp_path / "d")]) == 0
    assert "no changes" in capsys.readouterr().err


@pytest.mark.parametrize("make_bad", ["missing", "not-an-output-folder", "two-notices"])
def test_bad_diff_input_exits_2_with_one_line(tmp_path, capsys, make_bad):
    bad = tmp_path / "bad"
    if make_bad == "not-an-output-folder":
        bad.mkdir()
    elif make_bad == "two-notices":
        second = tmp_path / "second.txt"
        second.write_bytes(SAMPLE.read_bytes())
        assert main(["extract", str(SAMPLE), str(second), "--out", str(bad)]) == 0
        capsys.readouterr()
    assert main(["diff", str(bad), str(SAMPLE), "--out", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(bad) in err[0] and "Traceback" not in err[0]
    assert not (tmp_path / "d").exists()


def test_near_twin_neighbours_are_not_swapped():
    # 附件2 三 4 and 5 differ by two characters; removing 4 must not match old 4 to new 4 (old 5).
    twin4 = next(c for c in V if c.clause_id == "A2-3-4")
    new = tuple(c for c in V if c is not twin4)
    changes = _changes(V, new)
    assert [(c.change, c.old_clause_id) for c in changes if c.change != "clause-renumbered"] == [("clause-removed", "A2-3-4")]


# Properties, on versions edited at random.

def _renumbered(version, rng):
    """Every clause id changed (as if numbers shifted), nothing else."""
    return tuple(replace(c, clause_id=f"{c.clause_id}-r{rng.randrange(1000)}") for c in version)


def _edited(version, rng):
    clauses = list(version)
    for _ in range(rng.randrange(1, 6)):
        k = rng.randrange(len(clauses))
        c = clauses[k]
        action = rng.choice(["delete", "insert", "role", "unit", "text"])
        if action == "delete":
            del clauses[k]
        elif action == "insert":
            clauses.insert(k, replace(c, clause_id=f"new-{rng.randrange(10**6)}", title="", text=f"新增任务{rng.randrange(10**6)}。全新的内容与原文无关。",
                                      units=(("lead", "市新设局"),)))
        elif action == "role" and c.units:
            role, unit = c.units[0]
            other = next(r for r in diff.ROLES if r != role and (r, unit) not in c.units)
            clauses[k] = replace(c, units=((other, unit),) + c.units[1:])
        elif action == "unit":
            clauses[k] = replace(c, units=c.units + (("support", f"市测试局{rng.randrange(100)}"),))
        elif action == "text":
            clauses[k] = replace(c, text=c.text + "并定期通报。")
    return tuple(clauses)


def test_diff_of_a_version_with_itself_is_empty():
    assert _changes(V, V) == []
    assert not diff.has_content_changes(_changes(V, V))


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10**9))
def test_renumbering_alone_reports_only_renumbering(seed):
    changes = _changes(V, _renumbered(V, random.Random(seed)))
    assert {c.change for c in changes} == {"clause-renumbered"} and len(changes) == len(V)


MIRROR = {"clause-added": "clause-removed", "clause-removed": "clause-added", "unit-added": "unit-removed", "unit-removed": "unit-added",
          "role-changed": "role-changed", "text-changed": "text-changed", "clause-renumbered": "clause-renumbered"}


def _key(c: diff.Change, mirrored: bool):
    if not mirrored:
        return (c.change, c.old_clause_id, c.new_clause_id, c.role, c.unit, c.old_role, c.new_role)
    return (MIRROR[c.change], c.new_clause_id, c.old_clause_id, c.role, c.unit, c.new_role, c.old_role)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10**9))
def test_swapping_versions_mirrors_the_changes(seed):
    a = V
    b = _edited(V, random.Random(seed))
    forward = sorted(map(str, (_key(c, False) for c in _changes(a, b))))
    backward = sorted(map(str, (_key(c, True) for c in _changes(b, a))))
    assert forward == backward


@settings(max_examples=10, deadline=None)
@given(width=st.integers(30, 100), encoding=st.sampled_from(["utf-8", "gb18030"]), crlf=st.booleans())
def test_rewrapped_or_reencoded_copy_diffs_to_nothing(width, encoding, crlf, tmp_path_factory):
    text = blocks_to_text(sample_to_blocks(SAMPLE.read_text(encoding="utf-8")), width)
    copy = tmp_path_factory.mktemp("copy") / "copy.txt"
    copy.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode(encoding))
    assert _changes(V, path_to_version(copy, REGISTRY)) == []


def test_a_pdf_of_the_notice_diffs_to_nothing_against_its_text():
    pdf = ROOT / "samples" / "changzhou-2019-published" / "notice-libreoffice.pdf"
    assert _changes(V, path_to_version(pdf, REGISTRY)) == []
