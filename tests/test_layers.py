"""Layers point one way (fengong -> outputs -> normalize -> extract), and only ingestion and writers touch files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint_tree import build

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(tree: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run([str(LINT_IMPORTS), str(ROOT / "pyproject.toml"), "--no-cache"], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_layer_contract_holds(tmp_path):
    result = _lint_imports(build(tmp_path / "tree"))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("module", "upward"), [
    ("extract/model.py", "from fengong.normalize.registry import Registry"),
    ("normalize/registry.py", "import fengong.outputs.tables"),
    ("outputs/write.py", "from fengong.api import extract"),
])
def test_the_layer_contract_fails_on_an_upward_import(tmp_path, module, upward):
    tree = build(tmp_path / "tree")
    path = tree / "fengong" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{upward}  # noqa\n", encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout or "broken" in result.stdout


def test_only_ingestion_and_writers_touch_files():
    readers = {"extract/ingest.py", "extract/reading.py", "extract/pdf.py", "extract/pdf_plumber.py", "extract/docx.py",
               "extract/office.py",  # gives LibreOffice the bytes read and reads back the DOCX it made, in a private folder
               "extract/ocr.py", "extract/ofd.py",  # open( of bytes already read: an image in memory, a member of a ZIP
               "extract/resources.py", "normalize/aliasfile.py",
               "outputs/write.py",  # the writer reads back its own manifest to know what it may replace
               "outputs/read.py"}  # reading back a folder the tool wrote (diff, fengong.read_tables)
    writers = {"outputs/write.py", "extract/office.py"}  # office: the input's bytes into LibreOffice's private folder
    for package in ("extract", "normalize", "outputs"):
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = str(path.relative_to(ROOT))
            source = path.read_text(encoding="utf-8")
            if rel not in readers:
                assert "read_bytes(" not in source and "read_text(" not in source and "open(" not in source, rel
            if rel not in writers:
                assert "write_bytes(" not in source and "write_text(" not in source and ".to_parquet(" not in source, rel


def test_stage_packages_install_under_the_tool_name(tmp_path):
    code = ("import fengong, fengong.extract.model\n"
            "assert callable(fengong.extract) and callable(fengong.diff)\n"
            "try:\n    import extract\nexcept ImportError:\n    pass\nelse:\n    raise SystemExit('import extract worked')\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
