"""Names of government bodies: whether a text names a body (市发改委, 国务院各部门, 常州海关), and how lists of them read.

Placeholder grammar (prefix and ending words) until the body-name model with its data lands.
"""

from __future__ import annotations

from functools import lru_cache

from fengong.extract import genre
from fengong.extract.brackets import split_top
from fengong.extract.script import compile_both

_UNIT_END = compile_both(
    r"(?:局|委|办|部|院|行|会|厅|处|室|中心|公司|集团|站|关|联|团|队|所|馆|社|台|署|府|单位|部门|小组|银行|学校|大学|医院|区|县|镇|乡|街道|专班|机构)"
    r"(?:[（(][^（）()]*[）)])?$"
)
_UNIT_START = compile_both(
    r"^(?:[市区县省州镇乡]|中共|共青团|团[市区县省]委|国家|中国|中央|国务院|全国|全市|全区|全省|人民银行|各|有关|相关|"
    r"\p{Han}{2,3}(?:市|省|县|区|海关|银监|银保监|证监|海事|铁路|国际|供电|邮政|烟草|税务|军分区|警备|经济|开发|高新))"
)


@lru_cache(maxsize=65536)
def looks_like_body(text: str) -> bool:
    """Text -> whether it reads as the name of a body (市财政局, 常州海关, 市各有关部门)."""
    text = genre.ETC.sub("", text.strip())
    return bool(text) and bool(_UNIT_START.match(text)) and bool(_UNIT_END.search(text))


def ends_like_body(text: str) -> bool:
    """Text -> whether it ends the way a body's name ends (局, 委, 厅, 政府, …), whatever its start."""
    return bool(_UNIT_END.search(genre.ETC.sub("", text.strip())))


def looks_like_unit_list(text: str) -> bool:
    """Text -> whether it reads as a list of bodies separated by 、，, (a unit cell of a table)."""
    items = [text[a:b] for a, b in split_top(text, "、，,")]
    return bool(text.strip()) and all(looks_like_body(item) for item in items)


def body_suffix_start(text: str) -> int | None:
    """Text -> where the longest tail of it that names a body starts (负责人市住房和城乡建设局 -> at 市), or None."""
    for start in range(len(text)):
        if looks_like_body(text[start:]):
            return start
    return None


def expand_shared_suffix(items: list[str]) -> list[str] | None:
    """Items of a list sharing one suffix (哈尔滨、黑河、绥芬河市政府) -> the names written out, or None."""
    return None
