"""Tables written row by row (the CLI's way, no pandas) are byte for byte the tables pandas writes (the API's way):
quotes, line breaks, BOMs, nulls, formula-like text (escaped with ' in both), dates, and Chinese header rows."""

from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from fengong.outputs.cells import FORMULA_STARTS
from fengong.outputs.headers import headers
from fengong.outputs.tables import SCHEMAS, rows_to_frame
from fengong.outputs.write import TableSink, frame_to_csv_bytes

# Characters that matter to CSV (quotes, separators, line breaks) and to spreadsheets (= + - @ ' tab CR at the start).
TEXT = st.one_of(st.none(), st.text(alphabet=st.sampled_from(list('a,"\n\r\t 中、（）;\u3000\ufeff\\x=+-@\'')), max_size=12))
INT = st.one_of(st.none(), st.integers(-2**31, 2**31 - 1))
DATE = st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31)).map(date.isoformat))
ISSUE_ROW = st.tuples(TEXT, TEXT, TEXT, TEXT, TEXT, INT, st.one_of(st.none(), st.integers(0, 9)))
UNIT_ROW = st.tuples(TEXT, TEXT, TEXT, TEXT, st.one_of(st.none(), st.booleans()), st.booleans(), TEXT, *[st.integers(0, 99)] * 4)
TASK_ROW = st.tuples(*[TEXT] * 9, DATE, INT)


@settings(max_examples=60, deadline=None)
@given(issues=st.lists(st.lists(ISSUE_ROW, max_size=5), max_size=4), units=st.lists(UNIT_ROW, max_size=6),
       tasks=st.lists(st.lists(TASK_ROW, max_size=4), max_size=3), style=st.sampled_from(["en", "zh"]))
def test_row_sinks_write_what_pandas_writes(tmp_path_factory, issues, units, tasks, style):
    folder = tmp_path_factory.mktemp("sink")
    for name, chunks in (("issues", issues), ("units", [units]), ("tasks", tasks)):
        header = headers(name, SCHEMAS[name].names, style)
        sink = TableSink(folder, name, SCHEMAS[name], header=header)
        for chunk in chunks:
            sink.add(chunk)
        sink.close()
        rows = [row for chunk in chunks for row in chunk]
        written = (folder / f"{name}.csv").read_bytes()
        assert written == frame_to_csv_bytes(rows_to_frame(name, rows), header)
        # Parquet keeps the values as they are (no escape), dates as dates, and the English column names.
        table = pq.read_table(folder / f"{name}.parquet")
        expected = [tuple(date.fromisoformat(v) if isinstance(v, str) and pa.types.is_date32(f.type) else v
                          for v, f in zip(row, SCHEMAS[name], strict=True)) for row in rows]
        assert table.schema.names == SCHEMAS[name].names and [tuple(r.values()) for r in table.to_pylist()] == expected


def test_formula_cells_are_escaped_the_same_way_in_both_paths(tmp_path):
    rows = [("=1+1", "+86", "-x", "@SUM(A1)", "\t=1", 3, None), ("'=1", "'quoted", "市财政局", "", None, None, 1)]
    sink = TableSink(tmp_path, "issues", SCHEMAS["issues"])
    sink.add(rows)
    sink.close()
    written = (tmp_path / "issues.csv").read_bytes()
    assert written == frame_to_csv_bytes(rows_to_frame("issues", rows))
    lines = written.decode("utf-8-sig").split("\n")
    assert lines[1] == "'=1+1,'+86,'-x,'@SUM(A1),'\t=1,3,"
    assert lines[2] == "''=1,'quoted,市财政局,,,,1"
    assert not any(cell.startswith(FORMULA_STARTS) for line in lines[1:] for cell in line.split(","))
