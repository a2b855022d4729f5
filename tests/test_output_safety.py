"""Output that cannot destroy anything: only the tool's own files are replaced, all at once, one run at a time."""

import json
import os
import subprocess
import sys

import pytest

from fengong.cli import main
from fengong.outputs.tables import notices_to_frames
from fengong.outputs.write import OutputError, OutputFolder, acquire_lock, leftovers, release_lock, write_tables

from conftest import ROOT, SAMPLE

GOOD = "附件1：\n一、总则\n1、依法行政。（牵头单位：市司法局）\n"


def _write(out, run=1):
    write_tables(out, notices_to_frames([]), {"run": run})


def _manifest(out):
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def _beside(out):
    """Everything the tool may have left next to the output folder (hidden staging folders, lock files)."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}"))


def test_a_file_added_to_an_earlier_output_makes_the_run_refuse_and_is_kept(tmp_path):
    out = tmp_path / "out"
    _write(out, 1)
    (out / "notes_by_analyst.xlsx").write_bytes(b"mine")
    (out / "charts").mkdir()
    (out / "charts" / "a.png").write_bytes(b"png")
    with pytest.raises(OutputError, match="charts.*fengong did not write"):
        _write(out, 2)
    assert (out / "notes_by_analyst.xlsx").read_bytes() == b"mine" and (out / "charts" / "a.png").exists()
    assert _manifest(out)["run"] == 1 and _beside(out) == []


def test_an_output_file_edited_by_hand_is_not_replaced(tmp_path):
    out = tmp_path / "out"
    _write(out, 1)
    (out / "units.csv").write_text("my edits", encoding="utf-8")
    with pytest.raises(OutputError, match="units.csv, which fengong did not write \\(or which changed since\\)"):
        _write(out, 2)
    assert (out / "units.csv").read_text(encoding="utf-8") == "my edits"


def test_another_programs_manifest_is_not_taken_for_ours(tmp_path):
    out = tmp_path / "app"
    (out / "src").mkdir(parents=True)
    (out / "manifest.json").write_text('{"name": "my-app", "version": "1.0"}')
    (out / "src" / "app.js").write_text("console.log(1)")
    (out / "important.csv").write_text("a,b")
    with pytest.raises(OutputError, match="holds manifest.json, which fengong did not write"):
        _write(out)
    assert (out / "src" / "app.js").exists() and (out / "important.csv").exists()


def test_an_empty_folder_and_an_earlier_output_are_replaced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    _write(out, 1)
    _write(out, 2)
    assert _manifest(out)["run"] == 2 and _beside(out) == []


def test_a_symlinked_out_is_followed_never_replaced(tmp_path):
    real = tmp_path / "real"
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    _write(link, 1)
    _write(link, 2)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert _manifest(real)["run"] == 2


def test_out_equal_to_or_inside_an_input_is_refused(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    for out in (folder, folder / "tables"):
        assert main(["extract", str(folder), "--out", str(out)]) == 2
        assert "it would replace what it reads" in capsys.readouterr().err or not (folder / "tables").exists()
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]


def test_diff_into_the_folder_it_reads_is_refused(tmp_path, capsys):
    old = tmp_path / "old"
    assert main(["extract", str(SAMPLE), "--out", str(old)]) == 0
    capsys.readouterr()
    before = {p.name: p.read_bytes() for p in old.iterdir()}
    assert main(["diff", str(old), str(SAMPLE), "--out", str(old)]) == 2
    err = capsys.readouterr().err
    assert "--out is the input" in err and len(err.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in old.iterdir()} == before


def test_out_is_checked_before_any_input_is_read(tmp_path, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    missing = tmp_path / "missing.txt"
    assert main(["extract", str(missing), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    # The output folder is refused first: the missing input is not even looked at.
    assert "keep.txt, which fengong did not write" in err and "missing.txt" not in err


def test_a_second_run_into_a_locked_folder_refuses_with_one_line(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    lock = tmp_path / ".out.fengong-lock"
    fd = acquire_lock(lock, "out")
    try:
        assert main(["extract", str(good), "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert f"another fengong run (process {os.getpid()}) is writing this folder" in err and len(err.strip().splitlines()) == 1
        assert not out.exists()
    finally:
        release_lock(lock, fd)
    assert main(["extract", str(good), "--out", str(out)]) == 0
    assert _beside(out) == []


def test_leaving_without_commit_keeps_the_old_output_and_leaves_nothing_beside_it(tmp_path):
    out = tmp_path / "out"
    _write(out, 1)
    with pytest.raises(RuntimeError), OutputFolder(out) as folder:
        folder.table("issues", __import__("fengong.outputs.tables", fromlist=["SCHEMAS"]).SCHEMAS["issues"]).add([("n", "x", "warning", None, "m", 1, 2)])
        raise RuntimeError("stopped")
    assert _manifest(out)["run"] == 1 and _beside(out) == []


def _killed_script(step: str) -> str:
    """A run that is killed (SIGKILL, no clean-up) at one step of the swap."""
    return f"""
import os, signal, sys
from pathlib import Path
import fengong.outputs.write as w
from fengong.outputs.tables import notices_to_frames
step = {step!r}
real_exchange, real_unlink = w.exchange, Path.unlink
def exchange(a, b):
    if step == "before-exchange":
        os.kill(os.getpid(), signal.SIGKILL)
    done = real_exchange(a, b)
    if step == "after-exchange":
        os.kill(os.getpid(), signal.SIGKILL)
    return done
def unlink(self, *args, **kwargs):
    if step == "before-mark-removed" and self.name == w.STAGING_MARK:
        os.kill(os.getpid(), signal.SIGKILL)
    return real_unlink(self, *args, **kwargs)
w.exchange, Path.unlink = exchange, unlink
if step == "no-exchange":  # a system without renameat2: killed between the two renames
    w.exchange = lambda a, b: False
    real_rename = os.rename
    def rename(src, dst):
        real_rename(src, dst)
        if ".fengong-old-" in str(dst):
            os.kill(os.getpid(), signal.SIGKILL)
    os.rename = rename
w.write_tables(Path(sys.argv[1]), notices_to_frames([]), {{"run": 2}})
"""


@pytest.mark.parametrize("step", ["before-mark-removed", "before-exchange", "after-exchange", "no-exchange"])
def test_a_kill_at_any_step_of_the_swap_leaves_a_complete_output_and_the_next_run_cleans_up(tmp_path, step):
    out = tmp_path / "out"
    _write(out, 1)
    result = subprocess.run([sys.executable, "-c", _killed_script(step), str(out)], cwd=ROOT, capture_output=True, timeout=60)
    assert result.returncode == -9, result.stderr
    if step == "no-exchange":
        # Without an atomic exchange there is an instant with no --out: the old result waits beside it...
        assert not out.exists() and any(".fengong-old-" in name for name in _beside(out))
    else:
        assert _manifest(out)["run"] in (1, 2)  # the complete old result, or the complete new one
        assert leftovers(out)  # what the killed run left
    _write(out, 3)  # ...and the next run puts it back, then replaces it, and removes what the killed run left.
    assert _manifest(out)["run"] == 3 and _beside(out) == []


def test_an_output_of_an_earlier_version_without_checksums_is_named_as_such(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text('{"tool": "fengong", "version": "0.2.0", "tables": {}}')
    (out / "units.csv").write_text("unit\n")
    with pytest.raises(OutputError, match="an output of an earlier fengong whose manifest lists no checksums"):
        _write(out)
    assert (out / "units.csv").exists()
