"""Batches as a user runs them: all cores, cache, names with any bytes, progress, passwords, Ctrl-C, exit statuses."""

import gzip
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from fengong.cli import main

from conftest import ROOT, SAMPLE

GOOD = "附件1：\n一、总则\n1、依法行政。（牵头单位：市司法局）\n"
FILES = ROOT / "tests" / "files"


def _digests(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A folder of different notices (every text sample, twice over) and one unusable file."""
    folder = tmp_path_factory.mktemp("batch") / "in"
    folder.mkdir()
    for i, notice in enumerate(sorted((ROOT / "samples").glob("*/*.txt")) * 2):
        (folder / f"{i:02d}-{notice.name}").write_bytes(notice.read_bytes())
    (folder / "zz-empty.txt").write_bytes(b"")
    return folder


def test_jobs_2_gives_byte_identical_output_to_jobs_1(batch, tmp_path, capsys):
    for jobs in (1, 2):
        assert main(["extract", str(batch), "--out", str(tmp_path / f"j{jobs}"), "--jobs", str(jobs), "--no-cache"]) == 3
    capsys.readouterr()
    one, two = _digests(tmp_path / "j1"), _digests(tmp_path / "j2")
    assert one == two and "responsibilities.parquet" in one


def test_a_cache_hit_gives_identical_tables_and_a_changed_file_is_read_again(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "b.txt").write_text(GOOD, encoding="utf-8")
    cache = tmp_path / "cache"
    args = ["extract", str(folder), "--cache", str(cache), "-v", "--jobs", "1"]
    assert main(args + ["--out", str(tmp_path / "first")]) == 0
    assert "(cached)" not in capsys.readouterr().err
    assert main(args + ["--out", str(tmp_path / "second")]) == 0
    err = capsys.readouterr().err
    assert "a.txt (cached)" in err and "b.txt (cached)" in err
    assert _digests(tmp_path / "first") == _digests(tmp_path / "second")
    (folder / "b.txt").write_text(GOOD.replace("市司法局", "市财政局"), encoding="utf-8")
    assert main(args + ["--out", str(tmp_path / "third")]) == 0
    err = capsys.readouterr().err
    assert "a.txt (cached)" in err and "b.txt (cached)" not in err
    assert "市财政局" in (tmp_path / "third" / "responsibilities.csv").read_text(encoding="utf-8-sig")


def test_a_corrupt_cache_entry_is_ignored_and_rewritten(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    cache = tmp_path / "cache"
    args = ["extract", str(good), "--cache", str(cache), "-v", "--out"]
    assert main(args + [str(tmp_path / "o1")]) == 0
    entries = list(cache.rglob("*.json.gz"))
    assert len(entries) == 1
    entries[0].write_bytes(gzip.compress(b'{"key": "x", "rows": 1'))
    assert main(args + [str(tmp_path / "o2")]) == 0
    assert "(cached)" not in capsys.readouterr().err
    assert _digests(tmp_path / "o1") == _digests(tmp_path / "o2")
    assert json.loads(gzip.decompress(entries[0].read_bytes()))["notice_id"] == "good"  # rewritten whole
    assert main(args + [str(tmp_path / "o3")]) == 0 and "(cached)" in capsys.readouterr().err


def test_no_cache_keeps_nothing_and_the_default_cache_is_the_users(tmp_path, capsys, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert main(["extract", str(good), "--out", str(tmp_path / "o1"), "--no-cache"]) == 0
    assert not (tmp_path / "xdg").exists()
    assert main(["extract", str(good), "--out", str(tmp_path / "o2")]) == 0
    assert list((tmp_path / "xdg" / "fengong").rglob("*.json.gz"))


def test_names_with_any_bytes_work_and_stay_on_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    gbk = os.fsdecode(b"\xb9\xab\xb8\xe6")  # 公告 in GBK, as names come out of Chinese zip archives
    (folder / f"{gbk}.txt").write_text(GOOD, encoding="utf-8")
    (folder / f"{gbk}2.txt").write_text(GOOD, encoding="utf-8")
    (folder / "line\nbreak.txt").write_bytes(b"")
    out = tmp_path / os.fsdecode(b"out-\xff")
    result = subprocess.run([sys.executable, "-m", "fengong", "extract", str(folder), "--out", str(out)], cwd=ROOT,
                            capture_output=True, timeout=120, env={**os.environ, "LC_ALL": "C"})
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 3 and "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {folder}/line\ufffdbreak.txt: file is empty"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    ids = [i["notice_id"] for i in manifest["inputs"]]
    assert ids == ["\ufffd\ufffd\ufffd\ufffd", "\ufffd\ufffd\ufffd\ufffd2"] and len(set(ids)) == 2
    assert "\ufffd\ufffd\ufffd\ufffd2,A1-1-1" in (out / "clauses.csv").read_text(encoding="utf-8-sig")


def test_folder_scans_skip_hidden_and_lock_files_and_name_other_formats(tmp_path, capsys):
    folder = tmp_path / "in"
    (folder / ".git").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    for name in ("~$a.docx", "._a.txt", ".hidden.txt", ".git/x.txt", ".~lock.a.docx#"):
        (folder / name).write_bytes(b"\x00junk")
    (folder / "budget.xlsx").write_bytes(b"x")
    assert main(["extract", str(folder), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"skipped {folder}/budget.xlsx: not a notice format" in err
    assert "~$a" not in err and ".hidden" not in err and "._a" not in err and ".git" not in err and ".~lock" not in err


def test_password_from_a_file_or_the_environment(tmp_path, capsys, monkeypatch):
    secret = tmp_path / "secret"
    secret.write_text("fengong\n", encoding="utf-8")
    locked = FILES / "encrypted.pdf"
    assert main(["extract", str(locked), "--password-file", str(secret), "--out", str(tmp_path / "o1")]) == 0
    monkeypatch.setenv("FENGONG_PDF_PASSWORD", "fengong")
    assert main(["extract", str(locked), "--out", str(tmp_path / "o2")]) == 0
    monkeypatch.delenv("FENGONG_PDF_PASSWORD")
    assert main(["extract", str(locked), "--out", str(tmp_path / "o3")]) == 2
    assert "encrypted" in capsys.readouterr().err


def test_quiet_verbose_and_progress(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["extract", str(good), str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o1"), "-q"]) == 3
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.splitlines() == [f"error: {tmp_path}/nope.txt: no such file or folder"]
    assert main(["extract", str(good), "--out", str(tmp_path / "o2"), "-v", "--progress", "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert f"{good}: good: 1 clauses" in err and "[1/1]" in err and "files/s" in err
    assert main(["extract", str(good), "--out", str(tmp_path / "o3"), "--no-progress"]) == 0
    assert "[1/1]" not in capsys.readouterr().err


def test_help_shows_examples_and_exit_statuses(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    text = capsys.readouterr().out
    assert "examples:" in text and "fengong extract notices/ --out tables/" in text
    assert "exit status:" in text and "3    some inputs unusable" in text and "130  interrupted" in text


def test_ctrl_c_ends_with_one_line_exit_130_and_no_output(batch, tmp_path, tmp_path_factory):
    out = tmp_path / "out"
    assert main(["extract", str(SAMPLE), "--out", str(out)]) == 0
    before = _digests(out)
    copy = tmp_path_factory.mktemp("copy") / "in"  # a second folder (the same folder twice would be read once)
    shutil.copytree(batch, copy)
    process = subprocess.Popen([sys.executable, "-m", "fengong", "extract", str(batch), str(copy), "--out", str(out), "--no-cache",
                                "--jobs", "2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    lines = stderr.decode().splitlines()
    assert process.returncode == 130, lines
    assert lines[-1] == "fengong: interrupted; nothing written (an earlier output folder is unchanged)"
    assert "Traceback" not in stderr.decode()
    assert _digests(out) == before and sorted(p.name for p in tmp_path.iterdir()) == ["out"]


class _InterruptedWhileFinalized:
    """On deletion, Ctrl-C to this process, handled while the finalizer runs (where Python drops what it raises)."""

    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(10_000):  # the handler runs at one of these steps, inside this finalizer
            pass


def test_a_ctrl_c_that_lands_in_a_finalizer_still_stops_the_run_quietly(tmp_path, capsys, monkeypatch):
    import fengong.cli

    def result(self, task, result):
        _InterruptedWhileFinalized()  # created and deleted at once
        return report_result(self, task, result)

    report_result = fengong.cli.Report.result
    monkeypatch.setattr(fengong.cli.Report, "result", result)
    assert main(["extract", str(SAMPLE), str(ROOT / "samples" / "changzhou-2019-published" / "notice.txt"),
                 "--out", str(tmp_path / "out"), "--jobs", "1"]) == 130
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "fengong: interrupted; nothing written (an earlier output folder is unchanged)"
    assert "Traceback" not in err and "Exception ignored" not in err and not (tmp_path / "out").exists()


def test_an_input_that_hangs_is_stopped_at_the_time_limit(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    start = time.monotonic()
    assert main(["extract", str(fifo), str(good), "--out", str(tmp_path / "out"), "--time-limit", "3", "--no-cache"]) == 3
    assert time.monotonic() - start < 30
    err = capsys.readouterr().err
    # Stopped by the limit, or refused up front as no regular file: either way one line, and the others are read.
    assert f"error: {fifo}: " in err and ("reading stopped after 3 s" in err or "regular file" in err)
    assert (tmp_path / "out" / "clauses.csv").exists()


def test_the_api_reads_in_workers_and_from_a_cache_with_the_same_tables(tmp_path):
    import fengong
    from fengong.api import read_notices
    from fengong.outputs.write import frame_to_csv_bytes

    plain = fengong.extract([SAMPLE])
    for options in ({"jobs": 2}, {"cache": tmp_path / "c"}, {"cache": tmp_path / "c"}):
        tables = fengong.extract([SAMPLE], **options)
        assert all(frame_to_csv_bytes(tables[name]) == frame_to_csv_bytes(plain[name]) for name in plain), options
    assert read_notices([SAMPLE], cache=tmp_path / "c").manifest["inputs"][0]["sha256"] == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
