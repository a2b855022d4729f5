import hashlib
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from fengong.outputs.tables import SCHEMAS, notices_to_frames
from fengong.outputs.write import OutputError, frame_to_csv_bytes, write_tables


def test_empty_frames_still_have_the_fixed_columns():
    frames = notices_to_frames([])
    for name, frame in frames.items():
        assert list(frame.columns) == SCHEMAS[name].names


def test_csv_is_utf8_with_bom_and_lf():
    frame = pd.DataFrame({"unit": pd.array(["市财政局"], dtype="string")})
    data = frame_to_csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data
    assert data.decode("utf-8-sig") == "unit\n市财政局\n"


def _frames():
    return notices_to_frames([])


def test_write_puts_parquet_csv_and_manifest(tmp_path):
    out = tmp_path / "out"
    write_tables(out, _frames(), {"tool": "fengong"})
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f"{t}.{ext}" for t in SCHEMAS for ext in ("csv", "parquet")] + ["manifest.json"])
    assert pq.read_schema(out / "clauses.parquet").names == SCHEMAS["clauses"].names
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tool"] == "fengong"
    # Every file is listed with its checksum: what a later run may replace, and nothing else.
    assert sorted(manifest["files"]) == sorted(n for n in names if n != "manifest.json")
    assert manifest["files"]["units.csv"] == hashlib.sha256((out / "units.csv").read_bytes()).hexdigest()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_earlier_output_is_replaced(tmp_path):
    out = tmp_path / "out"
    write_tables(out, _frames(), {"run": 1})
    write_tables(out, _frames(), {"run": 2})
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["run"] == 2


def test_a_folder_that_is_not_an_earlier_output_is_not_overwritten(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(OutputError, match="holds notes.txt, which fengong did not write"):
        write_tables(out, _frames(), {})
    assert (out / "notes.txt").read_text() == "keep me"


def test_a_failed_write_leaves_no_folder_that_looks_complete(tmp_path):
    out = tmp_path / "out"
    frames = _frames()
    frames["clauses"] = pd.DataFrame({"wrong": [1]})  # does not fit the clauses schema
    with pytest.raises((KeyError, ValueError, TypeError)):
        write_tables(out, frames, {})
    assert list(tmp_path.iterdir()) == []
