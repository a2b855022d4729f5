"""Tables written row by row (the CLI's way, no pandas) are byte for byte the tables pandas writes (the API's way)."""

import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from fengong.outputs.tables import SCHEMAS, rows_to_frame
from fengong.outputs.write import TableSink, frame_to_csv_bytes

TEXT = st.one_of(st.none(), st.text(alphabet=st.sampled_from(list('a,"\n\r\t 中、（）;\u3000\ufeff\\x')), max_size=12))
ISSUE_ROW = st.tuples(TEXT, TEXT, TEXT, TEXT, TEXT, st.one_of(st.none(), st.integers(-2**31, 2**31 - 1)), st.one_of(st.none(), st.integers(0, 9)))
UNIT_ROW = st.tuples(TEXT, TEXT, TEXT, TEXT, st.one_of(st.none(), st.booleans()), st.booleans(), TEXT, *[st.integers(0, 99)] * 4)


@settings(max_examples=60, deadline=None)
@given(issues=st.lists(st.lists(ISSUE_ROW, max_size=5), max_size=4), units=st.lists(UNIT_ROW, max_size=6))
def test_row_sinks_write_what_pandas_writes(tmp_path_factory, issues, units):
    folder = tmp_path_factory.mktemp("sink")
    for name, chunks in (("issues", issues), ("units", [units])):
        sink = TableSink(folder, name, SCHEMAS[name])
        for chunk in chunks:
            sink.add(chunk)
        sink.close()
        rows = [row for chunk in chunks for row in chunk]
        assert (folder / f"{name}.csv").read_bytes() == frame_to_csv_bytes(rows_to_frame(name, rows))
        table = pq.read_table(folder / f"{name}.parquet")
        assert table.schema.names == SCHEMAS[name].names and [tuple(r.values()) for r in table.to_pylist()] == rows
