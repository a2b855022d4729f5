"""Writers: tables -> a folder of Parquet and CSV files that replaces only the tool's own earlier output, all at once.

How an output folder is written (the README's "Output folder" section says the same for users):
- Before anything is read, `--out` is checked: it must not be, or lie inside, an input (nor an input inside it);
  a symlink is followed; an existing folder must be empty or an earlier output whose every file is listed,
  with its sha256, in its manifest.json. Any other file in it makes the run refuse: nothing of the user's is
  deleted or replaced.
- A lock file beside it (`.NAME.fengong-lock`) makes a second run into the same folder refuse at once.
- Tables are written into a hidden staging folder beside it (`.NAME.fengong-new-…`, marked as partial), then
  swapped with the old folder in one atomic step (Linux renameat2 RENAME_EXCHANGE), so at every instant `--out`
  holds the complete old result or the complete new one, even after kill -9. What a killed run left beside
  the folder is found and removed (only if it is the tool's own) by the next run into it.
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import errno
import fcntl
import hashlib
import io
import json
import os
import shutil
import tempfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from fengong.extract.errors import FengongError
from fengong.extract.names import path_text
from fengong.outputs.cells import row_to_csv_cells, text_to_csv_cell

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

MANIFEST = "manifest.json"
STAGING_MARK = ".fengong-staging"  # inside a staging folder until it is complete
_TAG = ".fengong-"
_MAX_MANIFEST_BYTES = 64 * 1024 * 1024
# A Parquet row group closes at a notice's end once it holds this many rows or bytes (of JSON lines): bounds that
# depend on the rows only, so the files do not depend on the number of workers, and memory not on the notices.
_ROW_GROUP = 65536
_ROW_GROUP_BYTES = 16 * 1024 * 1024
_ENCODE_CHUNK = 4096


class OutputError(FengongError):
    """The output folder cannot be written; the message names it and why."""


def frame_to_csv_bytes(frame: pd.DataFrame, header: list[str] | None = None) -> bytes:
    """A table -> CSV bytes: UTF-8 with BOM (so Excel and WPS read Chinese), LF line ends, text that a spreadsheet would
    run as a formula prefixed with ' (outputs/cells.py), the header row `header` where given (else the column names).

    The same bytes as TableSink writes for the same rows (tests/test_write_rows.py).
    """
    def safe(value: object) -> object:
        return text_to_csv_cell(value) if isinstance(value, str) else value

    text_columns = [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) == "string"]
    safe_frame = frame.assign(**{str(c): frame[c].map(safe, na_action="ignore") for c in text_columns}) if text_columns else frame
    return safe_frame.to_csv(index=False, lineterminator="\n", header=header if header is not None else True).encode("utf-8-sig")


def file_sha256(path: Path) -> str:
    """A file -> the hex sha256 of its bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- atomic renames -------------------------------------------------------------------------------------------------

_RENAME_NOREPLACE, _RENAME_EXCHANGE = 1, 2
_AT_FDCWD = -100


def _renameat2(src: Path, dst: Path, flags: int) -> bool:
    """renameat2(2) with `flags` -> True when done, False where the system or file system has no such call.

    Raises:
        OSError: the call exists but failed (e.g. dst exists with RENAME_NOREPLACE).
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        call = libc.renameat2
    except (OSError, AttributeError):
        return False
    if call(_AT_FDCWD, os.fsencode(src), _AT_FDCWD, os.fsencode(dst), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), path_text(dst))


def exchange(a: Path, b: Path) -> bool:
    """Two existing paths -> swapped in one atomic step; False (nothing done) where the system cannot."""
    return _renameat2(a, b, _RENAME_EXCHANGE)


def move_into_place(src: Path, dst: Path) -> None:
    """A folder -> renamed to `dst`, which must not exist (an empty folder created meanwhile is not replaced either).

    Raises:
        OSError: `dst` exists, or the rename failed.
    """
    if not _renameat2(src, dst, _RENAME_NOREPLACE):
        if dst.exists() or dst.is_symlink():
            raise OSError(errno.EEXIST, "exists", path_text(dst))
        os.rename(src, dst)


# --- what is the tool's own ------------------------------------------------------------------------------------------

def read_manifest(folder: Path) -> dict | None:
    """A folder -> its manifest.json as a dict if the tool wrote it (tool "fengong" and file checksums), else None."""
    path = folder / MANIFEST
    try:
        if not path.is_file() or path.is_symlink() or path.stat().st_size > _MAX_MANIFEST_BYTES:
            return None
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("tool") != "fengong" or not isinstance(data.get("files"), dict):
        return None
    return data


def foreign_entry(folder: Path) -> str | None:
    """A folder -> the first entry in it the tool did not write (not in its manifest, or changed since), else None.

    An empty folder holds nothing foreign; a folder without the tool's manifest.json holds its first entry.
    """
    manifest = read_manifest(folder)
    if manifest is None:
        # Not the tool's folder: name its first entry without walking it (it may be a home folder given by mistake).
        with os.scandir(folder) as found:
            names = sorted(entry.name for entry in found)
        return None if not names else MANIFEST if MANIFEST in names else names[0]
    files = manifest["files"]
    for rel in _tree(folder):
        path = folder / rel
        if rel == MANIFEST:
            continue
        if path.is_symlink() or not path.is_file():
            if path.is_dir() and not path.is_symlink():
                continue
            return rel
        if files.get(rel) != file_sha256(path):
            return rel
    return None


def _tree(folder: Path) -> list[str]:
    """A folder -> the relative paths of everything below it (files, folders, links), sorted."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        base = Path(root).relative_to(folder)
        found.extend(str(base / name) for name in dirs + files)
    return sorted(found)


def remove_own(folder: Path) -> bool:
    """An output folder -> deleted if everything in it is the tool's own (as its manifest says); whether it was."""
    if foreign_entry(folder) is not None:
        return False
    shutil.rmtree(folder)
    return True


# --- the lock --------------------------------------------------------------------------------------------------------

def acquire_lock(path: Path, target: str) -> int:
    """A lock file path -> an open descriptor holding an exclusive lock on it.

    Raises:
        OutputError: another run holds it, or it cannot be created.
    """
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise OutputError(f"{target}: cannot write beside the output folder ({exc.strerror or exc})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise OutputError(f"{target}: another fengong run (process {holder}) is writing this folder; wait for it "
                              f"to finish or choose another --out") from None
        # The previous holder may have removed the file between our open and our lock: lock the file that is there.
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode(), 0)
            return fd
        os.close(fd)


def release_lock(path: Path, fd: int) -> None:
    """A held lock -> released and its file removed (removed first, so no other run locks a file about to vanish)."""
    with contextlib.suppress(OSError):
        os.unlink(path)
    os.close(fd)


# --- tables written incrementally ------------------------------------------------------------------------------------

def _pandas_metadata(schema: pa.Schema) -> bytes:
    """A schema -> the metadata pandas reads to give nullable dtypes (Int32, boolean, string) instead of floats."""
    import pyarrow as pa

    kinds = {pa.string(): ("unicode", "string"), pa.int32(): ("int32", "Int32"), pa.bool_(): ("bool", "boolean"),
             pa.float64(): ("float64", "Float64"), pa.date32(): ("date", "date32[day][pyarrow]")}
    columns = [{"name": f.name, "field_name": f.name, "pandas_type": kinds[f.type][0], "numpy_type": kinds[f.type][1],
                "metadata": None} for f in schema]
    return json.dumps({"index_columns": [], "column_indexes": [], "columns": columns, "attributes": {},
                       "creator": {"library": "pyarrow", "version": pa.__version__}}).encode()


@dataclass(frozen=True, slots=True)
class EncodedRows:
    """Rows of one table of one notice, encoded for the writers: their number, CSV lines and JSON lines (UTF-8).

    Workers encode what they read, so the one process that writes only appends bytes.
    """

    count: int
    csv: bytes
    json: bytes
    packed: bool = False  # csv and json zlib-compressed, as they travel from a worker to the writing process


def pack_rows(encoded: EncodedRows) -> EncodedRows:
    """Encoded rows -> the same compressed (zlib, fastest level): a long notice's rows cross from its worker to the
    writing process at a fifth of their size, and neither process holds them whole twice."""
    if encoded.packed:
        return encoded
    return EncodedRows(encoded.count, zlib.compress(encoded.csv, 1), zlib.compress(encoded.json, 1), True)


def unpack_rows(encoded: EncodedRows) -> EncodedRows:
    """Encoded rows, compressed or not -> the same uncompressed."""
    if not encoded.packed:
        return encoded
    return EncodedRows(encoded.count, zlib.decompress(encoded.csv), zlib.decompress(encoded.json))


def pack_text(text: str) -> bytes:
    """Text -> UTF-8, compressed as pack_rows compresses rows (for FileSink.write_packed); no text -> b"" (falsy, as
    the text was).

    Raises:
        UnicodeEncodeError: the text holds a lone surrogate.
    """
    return zlib.compress(text.encode("utf-8"), 1) if text else b""


_EPOCH = date(1970, 1, 1).toordinal()
_to_json = json.JSONEncoder(ensure_ascii=False).encode  # made once: json.dumps with options builds an encoder per call


def date_columns(schema: pa.Schema) -> tuple[int, ...]:
    """A schema -> the positions of its date columns (their values travel as ISO text, as Arrow days in JSON)."""
    import pyarrow as pa

    return tuple(i for i, field in enumerate(schema) if field.type == pa.date32())


def _json_row(names: list[str], row: tuple, dates: tuple[int, ...]) -> str:
    if dates:
        # Arrow's JSON reader takes a date as its number of days since 1970-01-01, not as text.
        row = tuple(date.fromisoformat(v).toordinal() - _EPOCH if i in dates and v is not None else v for i, v in enumerate(row))
    return _to_json(dict(zip(names, row, strict=True)))


def encode_rows(rows: list[tuple], names: list[str], dates: tuple[int, ...] = ()) -> EncodedRows:
    """Rows in the order of `names` (dates, at the positions `dates`, as ISO text) -> their CSV lines (the csv module with
    pandas' settings and the formula escape of outputs/cells.py, so the bytes equal frame_to_csv_bytes, as the tests
    check) and JSON lines for json_to_arrow (null kept apart from "", ints from bools, dates as days).

    Raises:
        UnicodeEncodeError: a value holds a lone surrogate (a name that was not made printable).
        ValueError: a date is not ISO text (outputs.tables.iso_date makes sure it is).
    """
    csv_parts, json_parts = [], []
    for start in range(0, len(rows), _ENCODE_CHUNK):  # in pieces: a long table is never held twice as text
        chunk = rows[start:start + _ENCODE_CHUNK]
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(row_to_csv_cells(row) for row in chunk)
        csv_parts.append(text.getvalue().encode("utf-8"))
        json_parts.append("".join(_json_row(names, row, dates) + "\n" for row in chunk).encode("utf-8"))
    return EncodedRows(len(rows), b"".join(csv_parts), b"".join(json_parts))


def json_to_arrow(data: bytes, schema: pa.Schema) -> pa.Table:
    """JSON lines of rows -> an Arrow table with `schema` (and its metadata).

    Arrow's JSON reader, not pa.array: pa.array imports pandas (a third of a second) to check for pandas types,
    and a text run needs no pandas at all. Dates come as days since 1970-01-01 (encode_rows).
    """
    import pyarrow as pa
    import pyarrow.json as pj

    if not data:
        return schema.empty_table()
    table = pj.read_json(io.BytesIO(data), read_options=pj.ReadOptions(block_size=max(1 << 20, len(data) + 1)),
                         parse_options=pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error"))
    return pa.Table.from_arrays(table.select(schema.names).columns, schema=schema)  # with the fields' descriptions


def rows_to_arrow(rows: list[tuple], schema: pa.Schema) -> pa.Table:
    """Rows as tuples in the schema's column order -> an Arrow table with that schema."""
    return json_to_arrow(encode_rows(rows, schema.names, date_columns(schema)).json, schema)


class TableSink:
    """One table being written: rows appended notice by notice to <name>.csv and <name>.parquet.

    Parquet row groups close at a notice's end after _ROW_GROUP rows or _ROW_GROUP_BYTES: the files depend on the
    rows only, never on the number of workers. With `partitioned`, the Parquet side is a dataset folder
    <name>.parquet/notice_id=<id>/part-0.parquet, one partition per notice (the layout Dask and Spark read), and
    each notice_id is added to `order` when first written (the manifest keeps the input order of the partitions).
    `header` is the CSV header row (--headers zh); Parquet keeps the column names.
    """

    def __init__(self, folder: Path, name: str, schema: pa.Schema, partitioned: bool = False, header: list[str] | None = None,
                 order: dict[str, None] | None = None):
        self.folder, self.name, self.rows = folder, name, 0
        self.schema = schema.with_metadata({b"pandas": _pandas_metadata(schema)})
        self.partitioned = partitioned and "notice_id" in schema.names
        self.order = {} if order is None else order
        self._csv = (folder / f"{name}.csv").open("wb")
        self._csv.write(b"\xef\xbb\xbf" + encode_rows([tuple(header or schema.names)], schema.names).csv)  # BOM: Excel, WPS
        self._json: list[bytes] = []
        self._pending = self._pending_bytes = 0
        self._parquet: Any = None
        self._file: Any = None

    def add(self, rows: list[tuple] | EncodedRows, notice_id: str | None = None) -> None:
        """Rows of one notice (as tuples, or encoded by a worker) -> appended to both files."""
        encoded = unpack_rows(rows) if isinstance(rows, EncodedRows) else encode_rows(rows, self.schema.names, date_columns(self.schema))
        self._csv.write(encoded.csv)
        self.rows += encoded.count
        if self.partitioned:
            self.order.setdefault(notice_id or "")
            self._write_partition(encoded.json, notice_id or "")
            return
        self._json.append(encoded.json)
        self._pending += encoded.count
        self._pending_bytes += len(encoded.json)
        if self._pending >= _ROW_GROUP or self._pending_bytes >= _ROW_GROUP_BYTES:
            self._flush()

    def _write_partition(self, data: bytes, notice_id: str) -> None:
        import pyarrow.parquet as pq

        folder = self.folder / f"{self.name}.parquet" / f"notice_id={quote(notice_id, safe='')}"
        folder.mkdir(parents=True, exist_ok=True)
        table = json_to_arrow(data, self.schema).drop_columns(["notice_id"])
        with (folder / f"part-{len(list(folder.iterdir()))}.parquet").open("wb") as f:
            pq.write_table(table, f)

    def _flush(self) -> None:
        import pyarrow.parquet as pq

        if not self._pending:
            return
        if self._parquet is None:
            # A file object, not a path: pyarrow takes paths as UTF-8 text, which a folder name need not be.
            self._file = (self.folder / f"{self.name}.parquet").open("wb")
            self._parquet = pq.ParquetWriter(self._file, self.schema)
        self._parquet.write_table(json_to_arrow(b"".join(self._json), self.schema))
        self._json, self._pending, self._pending_bytes = [], 0, 0

    def close(self) -> None:
        """Both files -> complete on disk (closing again does nothing)."""
        import pyarrow.parquet as pq

        if self._csv.closed:
            return
        self._csv.close()
        if self.partitioned:
            (self.folder / f"{self.name}.parquet").mkdir(exist_ok=True)
            return
        self._flush()
        if self._parquet is None:
            with (self.folder / f"{self.name}.parquet").open("wb") as f:
                pq.write_table(self.schema.empty_table(), f)
        else:
            self._parquet.close()
            self._file.close()

    def discard(self) -> None:
        """An abandoned table -> its files closed (the staging folder is removed by its owner)."""
        self._csv.close()
        if self._parquet is not None:
            with contextlib.suppress(Exception):
                self._parquet.close()
            self._file.close()


class FileSink:
    """One file of the output written in pieces as the notices are read (report.html): text appended, closed once."""

    def __init__(self, path: Path):
        self._file = path.open("wb")

    def write(self, text: str) -> None:
        """Text -> appended to the file as UTF-8."""
        self._file.write(text.encode("utf-8"))

    def write_packed(self, data: bytes) -> None:
        """UTF-8 text compressed by pack_text -> appended to the file."""
        self._file.write(zlib.decompress(data))

    def close(self) -> None:
        """The file -> complete on disk (closing twice is harmless)."""
        self._file.close()


def _file_name(name: str) -> str:
    """A file name the tool chose -> the same, checked to name a file inside the output folder.

    Raises:
        ValueError: the name holds a path separator or is a relative name (a programming error, never the user's).
    """
    if not name or "/" in name or name in (".", "..", MANIFEST, STAGING_MARK):
        raise ValueError(f"not a file name of the output folder: {name!r}")
    return name


# --- the output folder -----------------------------------------------------------------------------------------------

def _overlap(target: Path, inputs: Iterable[Path]) -> str | None:
    """An output folder and the inputs -> why they overlap (it is, or is inside, an input, or holds one), else None."""
    for given in inputs:
        path = Path(os.path.realpath(given))
        if target == path:
            return f"--out is the input {path_text(given)}; it would replace what it reads"
        if target.is_relative_to(path):
            return f"--out lies inside the input folder {path_text(given)}"
        if path.is_relative_to(target):
            return f"the input {path_text(given)} lies inside --out; it would replace what it reads"
    return None


def check_target(out: Path, inputs: Iterable[Path] = ()) -> Path:
    """`--out` as given -> the folder to write (a symlink followed), checked before anything is read.

    Raises:
        OutputError: it is a file, overlaps an input, or holds something the tool did not write.
    """
    target = Path(os.path.realpath(out))
    name = path_text(out)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{name}: output path is a file, not a folder")
    why = _overlap(target, inputs)
    if why:
        raise OutputError(f"{name}: {why}; choose another --out")
    if target.is_dir():
        try:
            foreign = foreign_entry(target)
        except OSError as exc:
            raise OutputError(f"{name}: cannot read the output folder ({exc.strerror or exc})") from None
        if foreign == MANIFEST and _legacy_output(target):
            raise OutputError(f"{name}: an output of an earlier fengong whose manifest lists no checksums: it is not "
                              f"replaced; remove it yourself or choose another --out")
        if foreign is not None:
            raise OutputError(f"{name}: holds {path_text(foreign)}, which fengong did not write (or which changed since); "
                              f"nothing is deleted: move it away or choose another --out")
    return target


def _legacy_output(folder: Path) -> bool:
    """A folder -> whether its manifest.json is one an earlier fengong wrote, without the checksums of its files."""
    try:
        data = json.loads((folder / MANIFEST).read_bytes()[:_MAX_MANIFEST_BYTES].decode("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("tool") == "fengong" and "files" not in data


class OutputFolder:
    """An output folder being written: checked and locked on entry, filled in a staging folder, swapped in by commit().

    Leaving the `with` block without commit() (an error, Ctrl-C) removes the staging folder: `--out` keeps its old
    content, or stays absent.
    """

    def __init__(self, out: Path, inputs: Iterable[Path] = (), partitioned: bool = False, headers: str = "en"):
        self.out, self.inputs, self.partitioned, self.headers = out, list(inputs), partitioned, headers
        self.target = Path()
        self.staging = Path()
        self.sinks: dict[str, TableSink] = {}
        self.files: dict[str, FileSink] = {}
        self.partitions: dict[str, None] = {}  # notice_ids of a partitioned output, in the order written
        self._lock: tuple[Path, int] | None = None

    def __enter__(self) -> OutputFolder:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.abort()

    def open(self) -> None:
        """Check `--out`, lock it, remove what a killed run left beside it, create the staging folder.

        Raises:
            OutputError: see check_target; locked by another run; the parent folder cannot be written.
        """
        self.target = check_target(self.out, self.inputs)
        parent, name = self.target.parent, path_text(self.out)
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{name}: cannot create output folder ({exc.strerror or exc})") from None
        lock = parent / f".{self.target.name}{_TAG}lock"
        self._lock = (lock, acquire_lock(lock, name))
        try:
            recover_leftovers(self.target)
            check_target(self.out, self.inputs)  # again, now that no other run can change it
            self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}{_TAG}new-", dir=parent))
            (self.staging / STAGING_MARK).write_bytes(b"")
        except OSError as exc:
            self.abort()
            raise OutputError(f"{name}: cannot write beside the output folder ({exc.strerror or exc})") from None
        except BaseException:
            self.abort()
            raise

    def _header(self, name: str, schema: pa.Schema) -> list[str]:
        from fengong.outputs.headers import headers

        return headers(name, schema.names, self.headers)

    def table(self, name: str, schema: pa.Schema) -> TableSink:
        """A table name and schema -> its sink in the staging folder (created on first use)."""
        if name not in self.sinks:
            self.sinks[name] = TableSink(self.staging, name, schema, self.partitioned, self._header(name, schema), self.partitions)
        return self.sinks[name]

    def write_frame(self, name: str, frame: pd.DataFrame, schema: pa.Schema) -> None:
        """A whole DataFrame -> <name>.parquet and <name>.csv in the staging folder."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        with (self.staging / f"{name}.parquet").open("wb") as f:
            pq.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False), f)
        (self.staging / f"{name}.csv").write_bytes(frame_to_csv_bytes(frame, self._header(name, schema)))

    def write_text(self, name: str, text: str) -> None:
        """A text file of the output (diff.md, datapackage.json) -> written in the staging folder."""
        self.write_bytes(name, text.encode("utf-8"))

    def write_bytes(self, name: str, data: bytes) -> None:
        """A file of the output (tables.xlsx) -> written in the staging folder, listed in the manifest with its sha256."""
        (self.staging / _file_name(name)).write_bytes(data)

    def stream(self, name: str) -> FileSink:
        """A file of the output written in pieces (report.html) -> its sink in the staging folder, closed by commit()."""
        if name not in self.files:
            self.files[name] = FileSink(self.staging / _file_name(name))
        return self.files[name]

    def read_back(self) -> dict[str, pd.DataFrame]:
        """The tables written so far (closed first) -> their DataFrames, read from the staging folder's Parquet files
        (for the outputs that need every row at once: tables.xlsx, the ledger)."""
        from fengong.outputs.read import parquet_tables

        for sink in self.sinks.values():
            sink.close()
        return parquet_tables(self.staging, list(self.sinks), list(self.partitions) if self.partitioned else None)

    def commit(self, manifest: dict) -> None:
        """The manifest (the checksums of every file added) -> the staging folder swapped in as `--out`.

        Raises:
            OutputError: the folder cannot be written, or something foreign appeared in `--out` meanwhile.
        """
        name = path_text(self.out)
        if self.partitioned:
            manifest = {**manifest, "partitions": {"column": "notice_id", "order": list(self.partitions)}}
        try:
            for sink in self.sinks.values():
                sink.close()
            for file in self.files.values():
                file.close()
            files = {rel: file_sha256(self.staging / rel) for rel in _tree(self.staging)
                     if rel != STAGING_MARK and (self.staging / rel).is_file()}
            text = json.dumps({"tool": "fengong", **manifest, "files": files}, ensure_ascii=False, indent=2) + "\n"
            (self.staging / MANIFEST).write_text(text, encoding="utf-8")
            _sync_tree(self.staging)
            os.chmod(self.staging, 0o755)
            check_target(self.out, self.inputs)
            (self.staging / STAGING_MARK).unlink()
            self._swap()
        except OSError as exc:
            raise OutputError(f"{name}: cannot write tables ({exc.strerror or exc})") from None
        finally:
            self.abort()

    def _swap(self) -> None:
        if not self.target.exists():
            move_into_place(self.staging, self.target)
            return
        if exchange(self.staging, self.target):
            # The old result is now at the staging path; it is the tool's own (checked just before).
            remove_own(self.staging)
            return
        # No atomic exchange on this system: two renames. A crash between them leaves the old result beside
        # `--out` as .NAME.fengong-old-…, which the next run puts back (recover_leftovers).
        old = self.target.parent / f".{self.target.name}{_TAG}old-{os.getpid()}"
        os.rename(self.target, old)
        os.rename(self.staging, self.target)
        remove_own(old)

    def abort(self) -> None:
        """Whatever is unfinished -> removed: open tables, the staging folder; the lock released."""
        for sink in self.sinks.values():
            sink.discard()
        for file in self.files.values():
            file.close()
        self.sinks, self.files = {}, {}
        if self.staging != Path() and (self.staging / STAGING_MARK).exists():
            shutil.rmtree(self.staging, ignore_errors=True)
        if self._lock is not None:
            release_lock(*self._lock)
            self._lock = None


def _sync_tree(folder: Path) -> None:
    """Every file and folder below `folder` -> flushed to disk, so a power cut after the swap finds them whole."""
    for root, dirs, files in os.walk(folder):
        for name in files + dirs + ["."]:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def leftovers(target: Path) -> list[Path]:
    """An output folder -> the folders a killed run into it left beside it (.NAME.fengong-new-…, -old-…), sorted."""
    prefix = f".{target.name}{_TAG}"
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return []
    return sorted(p for p in entries if p.name.startswith(prefix) and p.name[len(prefix):].startswith(("new-", "old-"))
                  and p.is_dir() and not p.is_symlink())


def recover_leftovers(target: Path) -> None:
    """What killed runs left beside `target` -> removed; a complete result put back first if `target` is missing.

    Call only while holding the lock. A staging folder still marked partial is removed; a complete one (killed
    between its last two steps) is the tool's own and is removed or, if `target` is missing, becomes it. A folder
    holding anything the tool did not write is left alone.
    """
    for path in leftovers(target):
        if (path / STAGING_MARK).is_file():
            shutil.rmtree(path, ignore_errors=True)
        elif not target.exists() and read_manifest(path) is not None and foreign_entry(path) is None:
            move_into_place(path, target)
        else:
            remove_own(path)


def write_tables(out: Path, frames: dict[str, pd.DataFrame], manifest: dict, schemas: dict[str, pa.Schema] | None = None,
                 texts: dict[str, str] | None = None, inputs: Iterable[Path] = ()) -> None:
    """Whole tables, manifest and any text files -> `out`/<table>.parquet, <table>.csv, manifest.json and the texts.

    Written as OutputFolder writes (see the module docstring): all at once, replacing only the tool's own output.

    Raises:
        OutputError: `out` is a file, overlaps an input, holds files the tool did not write, is locked by another
            run, or cannot be written.
    """
    from fengong.outputs.tables import SCHEMAS

    with OutputFolder(out, inputs) as folder:
        for name, frame in frames.items():
            folder.write_frame(name, frame, (schemas or SCHEMAS)[name])
        for name, text in (texts or {}).items():
            folder.write_text(name, text)
        folder.commit(manifest)
