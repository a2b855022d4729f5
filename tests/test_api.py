"""The library is the product: fengong.extract and fengong.diff give the tables the CLI writes."""

import subprocess
import sys

import pytest

import fengong
from fengong.cli import main
from fengong.outputs.write import frame_to_csv_bytes

from conftest import ROOT, SAMPLE

REVISED = ROOT / "samples" / "changzhou-2019-revised" / "changzhou-2019-revised.txt"


def test_extract_returns_the_tables_the_cli_writes(tmp_path, capsys):
    tables = fengong.extract([SAMPLE])
    assert main(["extract", str(SAMPLE), "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    for name, frame in tables.items():
        assert frame_to_csv_bytes(frame) == (tmp_path / "out" / f"{name}.csv").read_bytes(), name


def test_extract_takes_one_path_or_many():
    assert fengong.extract(str(SAMPLE))["responsibilities"].equals(fengong.extract([SAMPLE])["responsibilities"])


def test_extract_raises_for_an_unusable_input_unless_told_to_skip_it(tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(fengong.InputError, match="missing.txt: no such file"):
        fengong.extract([SAMPLE, missing])
    tables = fengong.extract([SAMPLE, missing], strict=False)
    assert len(tables["responsibilities"]) == len(fengong.extract([SAMPLE])["responsibilities"])
    with pytest.raises(fengong.FengongError):
        fengong.extract([missing], strict=False)


def test_diff_returns_changes_and_clause_map():
    tables = fengong.diff(SAMPLE, REVISED)
    assert set(tables) == {"changes", "clause_map"}
    assert "unit-added" in set(tables["changes"]["change"])
    assert fengong.diff(SAMPLE, SAMPLE)["changes"].empty


def test_the_api_works_from_outside_the_repository(tmp_path):
    code = f"import fengong; t = fengong.extract([{str(SAMPLE)!r}]); print(len(t['responsibilities']))"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 300
