"""Faults: kill -9 at random points of a batch, and runs racing into one folder, never leave --out incomplete,
never leave a stray folder after the next run, and never leave a worker process behind."""

import hashlib
import json
import os
import random
import subprocess
import sys
import time

import psutil
import pytest

from conftest import ROOT

SAMPLES = sorted(p for p in (ROOT / "samples").glob("*/*.txt") if (p.parent / "expected").is_dir())  # notices with clauses


def _digests(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _complete(folder):
    """Whether a folder is a whole output: its manifest lists every other file in it with the right checksum."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    digests = _digests(folder)
    digests.pop("manifest.json")
    return digests == manifest["files"]


def _inputs(folder, notices, copies):
    folder.mkdir(parents=True)
    for i in range(copies):
        for notice in notices:
            (folder / f"{i:02d}-{notice.name}").write_bytes(notice.read_bytes())
    return folder


def _command(inputs, out):
    return [sys.executable, "-m", "fengong", "extract", str(inputs), "--out", str(out), "--jobs", "2", "--no-cache", "-q"]


def _workers_of(out):
    return [p for p in psutil.process_iter(["cmdline"]) if str(out) in " ".join(p.info["cmdline"] or [])]


@pytest.fixture(scope="module")
def two_batches(tmp_path_factory):
    base = tmp_path_factory.mktemp("faults")
    first = _inputs(base / "first", SAMPLES[:6], 2)
    second = _inputs(base / "second", SAMPLES[6:], 2)
    results = {}
    for name, folder in (("first", first), ("second", second)):
        start = time.monotonic()
        subprocess.run(_command(folder, base / f"ref-{name}"), cwd=ROOT, check=True, timeout=300)
        results[name] = (_digests(base / f"ref-{name}"), time.monotonic() - start)
    return first, second, results


def test_kill_9_at_random_points_of_a_batch(two_batches, tmp_path):
    first, second, results = two_batches
    out = tmp_path / "out"
    subprocess.run(_command(first, out), cwd=ROOT, check=True, timeout=300)
    longest = max(seconds for _, seconds in results.values())
    seed = int(os.environ.get("FENGONG_FAULT_SEED", random.randrange(10**6)))
    rng = random.Random(seed)
    for round_ in range(6):
        inputs = second if round_ % 2 == 0 else first
        process = subprocess.Popen(_command(inputs, out), cwd=ROOT, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, longest * 1.1))
        process.kill()
        process.wait(timeout=60)
        # The complete old result or the complete new one, whatever the moment of the kill (seed in the message).
        assert _complete(out), f"seed {seed}, round {round_}"
        assert _digests(out) in (results["first"][0], results["second"][0]), f"seed {seed}, round {round_}"
    time.sleep(0.5)
    assert not _workers_of(out), "worker processes outlived their killed parent"
    subprocess.run(_command(first, out), cwd=ROOT, check=True, timeout=300)
    assert _digests(out) == results["first"][0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], "the next run left a stray folder or lock file"


def test_runs_racing_into_one_folder_refuse_or_finish_cleanly(two_batches, tmp_path):
    first, _, results = two_batches
    out = tmp_path / "out"
    runs = [subprocess.Popen(_command(first, out), cwd=ROOT, stderr=subprocess.PIPE) for _ in range(2)]
    outcomes = [(run.wait(timeout=300), run.stderr.read().decode()) for run in runs]
    assert any(status == 0 for status, _ in outcomes)
    for status, stderr in outcomes:
        assert status == 0 or (status == 2 and "another fengong run" in stderr and len(stderr.splitlines()) == 1), stderr
    assert _digests(out) == results["first"][0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
