"""Copies the package as it is installed (fengong/ with extract/, normalize/, outputs/ inside) into a folder.

mypy and import-linter find packages through the file system, not through the editable install's import hook,
so `make lint` checks this copy. Usage: python tests/lint_tree.py DEST
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("extract", "normalize", "outputs")


def build(dest: Path, root: Path = ROOT) -> Path:
    """The repository at `root` -> `dest`/fengong laid out as installed; returns `dest`."""
    package = dest / "fengong"
    if dest.exists():
        shutil.rmtree(dest)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(root / "fengong", package, ignore=ignore)
    for stage in STAGES:
        shutil.copytree(root / stage, package / stage, ignore=ignore)
    return dest


if __name__ == "__main__":
    build(Path(sys.argv[1]))
