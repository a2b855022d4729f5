"""Alias files: whatever the file, one line naming it and the problem; entries that contradict each other refused."""

import os
import subprocess
import sys

import pytest

from fengong.normalize.aliasfile import MAX_BYTES, alias_text_to_rows, path_to_alias_text
from fengong.normalize.registry import RegistryError, load_registry

from conftest import ROOT, SAMPLE

HEADER = "canonical,full_name,aliases\n"


def test_rows_are_read_with_their_line_numbers():
    rows = alias_text_to_rows(HEADER + "甲局,某市甲局,甲|甲办\n\n乙局,,\n", "a.csv")
    assert [(r.number, r.canonical, r.full_name, r.aliases) for r in rows] == [(2, "甲局", "某市甲局", ("甲", "甲办")), (4, "乙局", None, ())]


@pytest.mark.parametrize("body, message", [
    ("甲局,,乙局\n乙局,,甲局\n", "乙局 is an alias of 甲局 (row 2) and a canonical name of its own (row 3): cyclic"),
    ("甲局,,乙局\n丙局,,甲局\n", "甲局 is an alias of 丙局 (row 3) and a canonical name of its own (row 2)"),
    ("甲局,,甲\n乙局,,甲\n", "甲 is given two canonical names, 甲局 (row 2) and 乙局 (row 3)"),
    (",全称,\n", "row 2 has no canonical name"),
])
def test_contradicting_entries_are_an_error_naming_them(body, message):
    with pytest.raises(RegistryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        alias_text_to_rows(HEADER + body, "a.csv")


def test_a_field_over_the_csv_limit_is_one_line():
    with pytest.raises(RegistryError, match=r"a.csv: line 2: field larger than field limit") as caught:
        alias_text_to_rows(HEADER + "甲局,\"" + "x" * 200_000 + "\",\n", "a.csv")
    assert "\n" not in str(caught.value)


def test_a_huge_file_or_a_device_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: nothing is read to find it too large
    with pytest.raises(RegistryError, match="over the limit"):
        path_to_alias_text(big)
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    with pytest.raises(RegistryError, match="zero.csv: alias file is not a regular file"):
        path_to_alias_text(link)
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    with pytest.raises(RegistryError, match="not a regular file"):
        path_to_alias_text(fifo)  # refused by stat: opening a FIFO would wait for a writer forever


def test_undecodable_alias_file_is_one_line(tmp_path):
    bad = tmp_path / "gbk.csv"
    bad.write_bytes(HEADER.encode() + "甲局,,甲\n".encode("gbk"))
    with pytest.raises(RegistryError, match="gbk.csv: alias file is not UTF-8"):
        load_registry(bad)


@pytest.mark.parametrize("kind", ["dev-zero", "long-field", "cycle"])
def test_the_cli_gives_one_line_and_exit_2(tmp_path, kind):
    path = tmp_path / f"{kind}.csv"
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "long-field":
        path.write_text(HEADER + "甲局,\"" + "x" * 200_000 + "\",\n", encoding="utf-8")
    else:
        path.write_text(HEADER + "甲局,,乙局\n乙局,,甲局\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "fengong", "extract", str(SAMPLE), "--aliases", str(path), "--out", str(tmp_path / "o")],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and f"{kind}.csv" in result.stderr
    assert not (tmp_path / "o").exists()
