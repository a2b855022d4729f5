"""Layers point one way: fengong -> outputs -> normalize -> extract; nothing imports upward."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["extract", "normalize", "outputs", "fengong"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", ORDER)
def test_no_upward_imports(package):
    allowed = set(ORDER[: ORDER.index(package) + 1])
    for path in sorted((ROOT / package).glob("*.py")):
        upward = (_imports(path) & set(ORDER)) - allowed
        assert not upward, f"{path.relative_to(ROOT)} imports {sorted(upward)}"


def test_only_ingestion_and_writers_touch_files():
    readers = {"extract/ingest.py", "extract/pdf.py", "extract/docx.py", "normalize/registry.py"}
    writers = {"outputs/write.py"}
    for package in ORDER[:-1]:
        for path in sorted((ROOT / package).glob("*.py")):
            rel = str(path.relative_to(ROOT))
            source = path.read_text(encoding="utf-8")
            if rel not in readers:
                assert "read_bytes(" not in source and "read_text(" not in source and "open(" not in source, rel
            if rel not in writers:
                assert "write_bytes(" not in source and "write_text(" not in source and ".to_parquet(" not in source, rel
