"""The result cache: what reading an input gave, kept on disk under a key of everything that decides it.

The key is the sha256 of (the input's bytes, the tool's version and code, the alias file's content, the notice_id,
the password and the OCR mode). A changed input, alias file or tool gives a new key and the input is read again. Entries
are gzip-compressed JSON (plain values, never pickles: a cache folder may be shared), written to a temporary
name and renamed, so a killed run leaves no half entry under a real name; an entry that does not read back
(damaged, truncated, foreign) is ignored and rewritten.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import importlib
import json
import os
import stat
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from fengong.version import __version__

_MAX_INPUT = 256 * 1024**2  # larger inputs are not hashed for the cache (over every reader's size limit anyway)
_FORMAT = 1


def default_cache_dir() -> Path:
    """The per-user cache folder: $XDG_CACHE_HOME/fengong, or ~/.cache/fengong."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "fengong"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The tool's version and the sha256 of its own source and data files (so an edited install never reuses results)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    # The stage packages may be installed apart from this one (an editable install maps them from the repository).
    stages = [importlib.import_module(f"fengong.{name}") for name in ("extract", "normalize", "outputs")]
    folders = [root] + [Path(p).resolve() for m in stages for p in m.__path__]
    for folder in sorted(set(folders)):
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def input_digest(path: Path) -> str | None:
    """An input path -> the sha256 of its bytes; None for anything but a regular file of bounded size."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_INPUT:
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def cache_key(input_sha: str, aliases_sha: str, notice_id: str, password: str | None, ocr: str = "auto") -> str:
    """Everything that decides a result -> its key (hex sha256)."""
    parts = [str(_FORMAT), code_fingerprint(), input_sha, aliases_sha, notice_id,
             hashlib.sha256(password.encode()).hexdigest() if password else "", str(ocr)]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def _entry_path(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.json.gz"


def load_entry(folder: Path, key: str) -> dict | None:
    """A cache folder and key -> the stored value, or None when missing or unreadable (then it is rewritten)."""
    try:
        with gzip.open(_entry_path(folder, key), "rb") as f:
            value = json.loads(f.read(256 * 1024**2).decode("utf-8"))
    except (OSError, ValueError, EOFError):
        return None
    if not isinstance(value, dict) or value.get("key") != key:
        return None
    return value


def store_entry(folder: Path, key: str, value: dict) -> None:
    """A key and a JSON-ready value -> stored under the key (atomically); a cache that cannot be written is skipped."""
    path = _entry_path(folder, key)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # results of one user's documents: private
        path.parent.mkdir(exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
            f.write(json.dumps({**value, "key": key}, ensure_ascii=False).encode("utf-8"))
        os.replace(tmp, path)
        _remove_stale(path.parent)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)


def _remove_stale(folder: Path, age: float = 3600.0) -> None:
    """A cache sub-folder -> the temporary files that killed runs left in it (older than `age` seconds) removed."""
    now = time.time()
    for path in folder.glob(".tmp-*"):
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > age:
                path.unlink()
