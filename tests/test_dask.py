"""Clusters: the same run on a Dask cluster (a LocalCluster of two worker processes here) gives the same tables."""

import pandas as pd
import pyarrow.dataset as ds
import pytest

import fengong
from fengong.cli import main
from fengong.outputs.tables import SCHEMAS
from fengong.outputs.write import frame_to_csv_bytes

from conftest import ROOT

distributed = pytest.importorskip("distributed")  # a test dependency (pyproject.toml), so this never skips in `make test`
NOTICES = sorted(p for p in (ROOT / "samples").glob("*/*.txt") if (p.parent / "expected").is_dir())[:6]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


def test_the_api_on_a_cluster_gives_the_local_tables(client):
    local = fengong.extract(NOTICES)
    remote = fengong.extract(NOTICES, client=client)
    for name in SCHEMAS:
        assert frame_to_csv_bytes(remote[name]) == frame_to_csv_bytes(local[name]), name


def test_the_cli_with_scheduler_writes_the_same_csv_and_parquet_partitioned_by_notice(client, tmp_path, capsys):
    inputs = [str(p) for p in NOTICES]
    assert main(["extract", *inputs, "--out", str(tmp_path / "local"), "--no-cache", "--xlsx"]) == 0
    assert main(["extract", *inputs, "--out", str(tmp_path / "cluster"), "--no-cache", "--xlsx", "--scheduler", client.scheduler.address]) == 0
    capsys.readouterr()
    for name in SCHEMAS:
        assert (tmp_path / "cluster" / f"{name}.csv").read_bytes() == (tmp_path / "local" / f"{name}.csv").read_bytes(), name
    local = ds.dataset(tmp_path / "local" / "responsibilities.parquet").to_table()
    dataset = tmp_path / "cluster" / "responsibilities.parquet"
    # One partition per notice that has responsibilities (an excerpt cut before its first unit has none).
    assert sorted(p.name for p in dataset.iterdir()) == sorted(f"notice_id={n}" for n in set(local.column("notice_id").to_pylist()))
    remote = ds.dataset(dataset, partitioning="hive").to_table().select(SCHEMAS["responsibilities"].names)
    assert sorted(remote.to_pylist(), key=repr) == sorted(local.to_pylist(), key=repr)
    # Read back with fengong.read_tables, the partitioned folder gives the plain folder's tables, typed, in input order.
    plain, partitioned = fengong.read_tables(tmp_path / "local"), fengong.read_tables(tmp_path / "cluster")
    assert list(partitioned) == list(plain) == list(SCHEMAS)
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(partitioned[name], plain[name], obj=name)
    for name in ("report.html", "datapackage.json", "tables.xlsx"):
        assert (tmp_path / "cluster" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
