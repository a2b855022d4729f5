"""The command as a user runs it: exit statuses, one-line errors, nothing half-written, deterministic output."""

import hashlib
import json
import subprocess
import sys

import pytest

from fengong.cli import main

from conftest import ROOT, SAMPLE

GOOD = "附件1：\n一、总则\n1、依法行政。（牵头单位：市司法局）\n"


def _run(args, capsys):
    status = main([str(a) for a in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    letter = tmp_path / "letter.txt"
    letter.write_text("各位同事：\n请于周五前提交材料。\n", encoding="utf-8")
    folder = tmp_path / "nothing-here"
    folder.mkdir()
    (folder / "readme.pdf.bak").write_text("x")
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0")
    return {
        "missing": (tmp_path / "missing.txt", "no such file"),
        "empty": (empty, "file is empty"),
        "junk": (junk, "binary"),
        "no clauses": (letter, "no task clauses"),
        "empty folder": (folder, "folder holds no notices"),
        "legacy doc": (legacy, "not a Word or WPS document"),
    }


@pytest.mark.parametrize("kind", ["missing", "empty", "junk", "no clauses", "empty folder", "legacy doc"])
def test_bad_input_is_one_line_naming_the_file_exit_2_and_no_tables(tmp_path, capsys, kind):
    path, reason = _bad_inputs(tmp_path)[kind]
    out = tmp_path / "out"
    status, stdout, stderr = _run(["extract", path, "--out", out], capsys)
    assert status == 2
    error_lines = [ln for ln in stderr.splitlines() if ln.startswith("error:")]
    assert len(error_lines) == 1 and str(path) in error_lines[0] and reason in error_lines[0]
    assert "Traceback" not in stderr
    assert not out.exists()


def test_usable_inputs_are_processed_when_others_fail(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    status, stdout, stderr = _run(["extract", good, tmp_path / "missing.txt", "--out", out], capsys)
    assert status == 3  # partial success: its own status, apart from bad arguments (2)
    assert "missing.txt: no such file" in stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [i["notice_id"] for i in manifest["inputs"]] == ["good"]
    assert manifest["failures"] == [{"path": str(tmp_path / "missing.txt"), "error": "no such file or folder"}]


def test_a_notice_without_clauses_beside_usable_ones_gets_its_no_clauses_row(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    letter = tmp_path / "letter.txt"
    letter.write_text("各位同事：\n请于周五前提交材料。\n", encoding="utf-8")
    out = tmp_path / "out"
    status, _, stderr = _run(["extract", good, letter, "--out", out], capsys)
    assert status == 3 and "letter.txt: no task clauses found" in stderr
    issues = (out / "issues.csv").read_text(encoding="utf-8-sig").splitlines()
    assert any(line.startswith("letter,no-clauses,error,,") for line in issues)


def test_folder_input_reads_every_notice_in_path_order(tmp_path, capsys):
    folder = tmp_path / "in"
    (folder / "b").mkdir(parents=True)
    (folder / "b" / "two.txt").write_text(GOOD, encoding="gb18030")
    (folder / "one.txt").write_text(GOOD, encoding="utf-8")
    status, _, _ = _run(["extract", folder, "--out", tmp_path / "out"], capsys)
    assert status == 0
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [i["notice_id"] for i in manifest["inputs"]] == ["two", "one"]


def test_notice_id_option_and_its_misuse(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    status, _, _ = _run(["extract", good, "--out", tmp_path / "out", "--notice-id", "cz-2019"], capsys)
    assert status == 0
    assert "cz-2019,A1-1-1" in (tmp_path / "out" / "clauses.csv").read_text(encoding="utf-8-sig")
    other = tmp_path / "other.txt"  # two inputs (the same file twice is one input: it is read once)
    other.write_text(GOOD, encoding="utf-8")
    status, _, stderr = _run(["extract", good, other, "--out", tmp_path / "out2", "--notice-id", "x"], capsys)
    assert status == 2 and "--notice-id" in stderr and not (tmp_path / "out2").exists()


def test_unknown_option_is_a_usage_error_with_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["extract", "--nope"])
    assert caught.value.code == 2


def test_same_input_gives_byte_identical_tables(tmp_path, capsys):
    digests = []
    for n in (1, 2):
        out = tmp_path / f"out{n}"
        assert main(["extract", str(SAMPLE), "--out", str(out)]) == 0
        digests.append({p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("*.csv"))} | {"manifest": hashlib.sha256((out / "manifest.json").read_bytes()).hexdigest()})
    assert digests[0] == digests[1]


def test_manifest_describes_the_notice(tmp_path, capsys):
    out = tmp_path / "out"
    main(["extract", str(SAMPLE), "--out", str(out)])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    notice = manifest["inputs"][0]
    assert notice["title"] == "关于印发市级部门落实市政府政务诚信建设等系列文件任务分工的通知"
    assert notice["issuer"] == "常州市社会信用体系建设领导小组办公室"
    assert notice["date"] == "2019-04-16"
    assert notice["sha256"] == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    assert [a["number"] for a in notice["attachments"]] == [1, 2, 3, 4]
    assert manifest["tables"]["responsibilities"]["rows"] == 400


def test_summary_on_stderr_counts_issues(tmp_path, capsys):
    status, stdout, stderr = _run(["extract", SAMPLE, "--out", tmp_path / "out"], capsys)
    assert status == 0
    assert "114 clauses, 400 responsibilities" in stderr
    assert "duplicate-title 1, numbering-gap 1" in stderr
    assert str(tmp_path / "out") in stdout


def test_console_entry_point_runs_as_a_module(tmp_path):
    result = subprocess.run([sys.executable, "-m", "fengong", "extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[0].endswith("nope.txt: no such file or folder")
    assert "Traceback" not in result.stderr


def test_every_command_and_option_is_documented_in_the_readme():
    from fengong.cli import _parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = _parser()
    commands = parser._subparsers._group_actions[0].choices
    for name, sub in commands.items():
        assert f"fengong {name}" in readme, name
        for action in sub._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option in readme, f"{name} {option}"
    # One sentence saying what the tool does, then the two commands.
    lines = [line.strip() for line in readme.splitlines() if line.strip()]
    assert lines[0].startswith("fengong turns") and lines[0].endswith(".")
    assert lines[1].startswith("make run") and lines[2].startswith("make test")
