"""Invariants: how the notice was typeset, paginated or encoded never changes what it says."""

import hashlib

import opencc
import pandas as pd
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fengong.extract.ingest import Source
from fengong.extract.text import bytes_to_text, text_to_lines
from fengong.normalize.jurisdiction import Jurisdiction, Level
from fengong.normalize.registry import default_registry
from fengong.pipeline import Run, run_to_tables, source_to_tables

from conftest import SAMPLE
from rewrap import blocks_to_text, sample_to_blocks

REGISTRY = default_registry()
TEXT = SAMPLE.read_text(encoding="utf-8")
BLOCKS = sample_to_blocks(TEXT)
PROVENANCE = ["page", "line", "sha256"]  # where in which file: differs between the forms of one notice
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _tables(data: bytes) -> dict[str, pd.DataFrame]:
    """Bytes of a notice -> its tables without the columns that say where in the file a row was."""
    lines = text_to_lines(bytes_to_text(data, "n.txt"), "n.txt")
    extracted = source_to_tables(Source("n.txt", hashlib.sha256(data).hexdigest(), len(data), lines), "n", REGISTRY)
    frames, _ = run_to_tables(Run((extracted,), ()))
    return {name: frame.drop(columns=[c for c in PROVENANCE if c in frame.columns]) for name, frame in frames.items()}


BASELINE = _tables(TEXT.encode("utf-8"))


def _assert_same(frames):
    for name, frame in frames.items():
        pd.testing.assert_frame_equal(frame, BASELINE[name], obj=name)


def test_baseline_is_the_full_sample():
    assert len(BASELINE["clauses"]) == 114 and len(BASELINE["responsibilities"]) == 400


furniture = st.dictionaries(
    keys=st.integers(min_value=0, max_value=len(BLOCKS) * 2),
    values=st.lists(
        st.one_of(
            st.just(""),
            st.just(" "),
            st.integers(1, 99).map(lambda n: f"— {n} —"),
            st.integers(1, 99).map(lambda n: f"- {n} -"),
            st.integers(1, 99).map(lambda n: f"第 {n} 页"),
        ),
        min_size=1,
        max_size=6,
    ),
    max_size=12,
)


@PROPERTY_SETTINGS
@given(width=st.integers(min_value=30, max_value=100), noise=furniture, crlf=st.booleans(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_rewrapping_page_noise_line_ends_and_encoding_change_no_table(width, noise, crlf, encoding):
    text = blocks_to_text(BLOCKS, width, noise)
    if crlf:
        text = text.replace("\n", "\r\n")
    _assert_same(_tables(text.encode(encoding)))


def test_the_original_in_gb18030_with_crlf_and_form_feeds_is_the_same():
    text = TEXT.replace("\n\n\n\n", "\n\f\n").replace("\n", "\r\n")
    _assert_same(_tables(text.encode("gb18030")))


def test_clauses_are_in_document_order_and_do_not_overlap():
    lines = text_to_lines(TEXT, "n.txt")
    extracted = source_to_tables(Source("n.txt", "", 0, lines), "n", REGISTRY)
    starts = [c.line for c in extracted.notice.clauses]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    resp_lines = [r.assignment.line for r in extracted.tables.responsibilities]
    assert resp_lines == sorted(resp_lines)


CHANGZHOU = REGISTRY.for_notice(Jurisdiction("常州市", Level.CITY, "江苏省"))
QUANZHOU = REGISTRY.for_notice(Jurisdiction("泉州市", Level.CITY, "福建省"))
spellings = st.sampled_from(sorted({s for e in REGISTRY.entries for s in (e.canonical, *e.spellings)})
                            + ["某某新设局", "市各有关部门", "无锡市税务局", "市发展改革委", "区发改局", "哈尔滨市政府"])


@given(raw=spellings, prefix=st.sampled_from(["", "常州"]), spaces=st.booleans(), namer=st.sampled_from([CHANGZHOU, QUANZHOU]))
def test_normalising_twice_equals_once(raw, prefix, spaces, namer):
    if prefix and raw.startswith("市"):
        raw = prefix + raw
    if spaces:
        raw = " ".join(raw)
    once = namer.unit(raw)
    assert namer.unit(once.canonical).canonical == once.canonical


_S2T = opencc.OpenCC("s2t")
# Standard spellings of city bodies, each family one body: full, standard short and common short stems, the
# short ending (委 for 委员会, 办 for 办公室), the city's name in front, traditional characters.
_FAMILIES = [
    ("发展和改革", ("发展改革", "发改"), "委员会"), ("人力资源和社会保障", ("人力资源社会保障", "人力社保", "人社"), "局"),
    ("住房和城乡建设", ("住房城乡建设", "住建"), "局"), ("市场监督管理", ("市场监管",), "局"), ("工业和信息化", ("工业信息化", "工信"), "局"),
    ("卫生健康", ("卫健",), "委员会"), ("财政", (), "局"), ("生态环境", (), "局"), ("农业农村", (), "局"), ("自然资源和规划", ("自然资源规划",), "局"),
]


@st.composite
def _respelled(draw):
    stem, shorts, ending = draw(st.sampled_from(_FAMILIES))
    written_stem = draw(st.sampled_from((stem, *shorts)))
    written_end = draw(st.sampled_from([ending] + (["委"] if ending == "委员会" else [])))
    place = draw(st.sampled_from(["", "泉州"]))
    name = f"{place}市{written_stem}{written_end}"
    return (stem, ending), _S2T.convert(name) if draw(st.booleans()) else name


@given(body=_respelled(), other=_respelled())
@settings(max_examples=200, deadline=None)
def test_respelling_a_unit_among_its_standard_forms_never_changes_its_name(body, other):
    (family, written), (other_family, other_written) = body, other
    text = f"泉州市人民政府办公室关于印发重点工作分工方案的通知\n一、任务\n1.加强工作。（牵头单位：{written}；配合单位：{other_written}）\n"
    lines = text_to_lines(text, "n.txt")
    rows = source_to_tables(Source("n.txt", "", 0, lines), "n", REGISTRY).tables.responsibilities
    assert [r.unit.canonical for r in rows] == [f"市{family[0]}{family[1]}", f"市{other_family[0]}{other_family[1]}"]
    assert {r.unit.jurisdiction for r in rows} == {"泉州市"}


VARIANTS = {
    "single newlines": lambda: blocks_to_text(BLOCKS, 52).replace("\n\n", "\n"),
    "no blank lines at all": lambda: "\n".join(line for line in TEXT.split("\n") if line.strip()),
    "half-width punctuation": lambda: TEXT.replace("（", "(").replace("）", ")").replace("：", ":").replace("，", ","),
    "1. numbering": lambda: regex.sub(r"(?m)^(\d+)、", r"\1.", TEXT),
    "full-width digits": lambda: regex.sub(r"(?m)^(\d)、", lambda m: chr(0xFF10 + int(m.group(1))) + "、", TEXT),
    "附件1 without colon": lambda: regex.sub(r"附件 (\d)：", r"附件\1", TEXT),
}


def _meaning(frames: dict[str, pd.DataFrame]) -> tuple:
    """What a variant must keep: who does what, clause by clause, and which problems where (not the written form)."""
    resp = frames["responsibilities"][["clause_id", "role", "position", "unit", "etc_follows", "generic"]]
    clauses = frames["clauses"][["clause_id", "title"]].astype(str).replace({"（": "(", "）": ")"}, regex=True)
    issues = frames["issues"][["code", "clause_id"]]
    return tuple(tuple(map(tuple, f.astype(str).values.tolist())) for f in (resp, clauses, issues))


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_variants_of_the_sample_read_the_same(variant):
    # Written forms differ by construction (（ vs (, 4、 vs ４、), so unit_raw, texts and messages are not compared.
    assert _meaning(_tables(VARIANTS[variant]().encode("utf-8"))) == _meaning(BASELINE)
