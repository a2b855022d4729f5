"""Recognise names of Chinese government bodies and give each one canonical name.

A body name is read as ``[place] [prefix] stem ending`` (泉州市 + 市 + 发展和改革 + 委员会),
as an official national name (国家发展和改革委员会, 财政部), as an "organisation first" name of a
vertical body (人民银行 + 常州市 + 中心支行), as a catch-all (各有关部门, 国务院各部门), or, as a
last resort, by grammar alone (区招商服务中心, 立山经济开发区).  The kinds of body are data, in
``bodies.csv`` beside this file; README.md describes the format and the grammar.

Public API: :class:`Body`, :func:`parse_body`, :func:`looks_like_body`,
:func:`body_suffix_start`, :func:`expand_shared_suffix`.  Everything is a pure function of its
arguments; the data are read once, at import.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass

import regex

from fengong.extract import genre
from fengong.extract.brackets import split_top
from fengong.extract.resources import shipped_text
from fengong.extract.script import t2s_table

__all__ = ["Body", "parse_body", "looks_like_body", "body_suffix_start", "expand_shared_suffix", "national_name",
           "organisation_first", "ends_like_body", "looks_like_unit_list", "vocabulary"]

DATA_FILE = "bodies.csv"  # shipped beside this module (fengong.extract)

#: Longest name body_suffix_start looks at (characters).
MAX_NAME_LEN = 48


@dataclass(frozen=True, slots=True)
class Body:
    """One body name, read."""

    text: str  # the name as given, simplified, spaces removed
    place: str | None  # jurisdiction written inside the name (泉州市, 常州), None when absent
    prefix: str  # level prefix as written after the place (市, 省委, 国家 …), "" when none
    key: str | None  # bodies.csv key; None for catch-alls and grammar-only bodies
    kind: str  # bodies.csv kind, "generic" for catch-alls, "other" for grammar-only bodies
    canonical: str  # standard full name without the place, with the prefix as written
    generic: bool  # a catch-all (各有关部门, 国务院各部门 …)


# --------------------------------------------------------------------------------------------
# Grammar vocabulary.  Every word the grammar knows sits here, each with an example.
# --------------------------------------------------------------------------------------------

#: Short spellings of endings, general grammar (市发改委 = 市发展和改革委员会).
ENDING_SHORTS: tuple[tuple[str, str], ...] = (
    ("常务委员会", "常委会"),  # 人大常委会
    ("管理委员会", "管委会"),  # 高新区管委会
    ("管理委员会", "管委"),  # 开发区管委
    ("工作委员会", "工委"),  # 机关工委, 关工委
    ("委员会", "委"),  # 发改委
    ("办公室", "办"),  # 编办, 政府办
)

#: Level words written in a place or as a prefix, longest first, with the prefix each gives.
LEVEL_WORDS: dict[str, str] = {
    "特别行政区": "特别行政区",
    "自治区": "自治区",  # 广西壮族自治区
    "自治州": "州",  # 延边朝鲜族自治州 -> 州
    "自治县": "县",
    "自治旗": "旗",
    "地区": "地区",  # 阿里地区
    "林区": "区",  # 神农架林区
    "矿区": "区",
    "新区": "区",  # 浦东新区
    "特区": "区",  # 六枝特区
    "街道": "街道",
    "省": "省",
    "市": "市",
    "州": "州",
    "盟": "盟",
    "县": "县",
    "区": "区",
    "旗": "旗",
    "镇": "镇",
    "乡": "乡",
}

#: Level prefixes a name may start with when no place is written (市发改委, 县委组织部).
GOV_PREFIXES: tuple[str, ...] = ("自治区", "街道", "省", "市", "州", "盟", "县", "区", "旗", "镇", "乡")
PARTY_PREFIXES: tuple[str, ...] = (
    "自治区党委", "省委", "市委", "州委", "盟委", "县委", "区委", "旗委",
)
#: Levels that take 委 to make a party prefix (市 -> 市委).
PARTY_LEVELS = frozenset({"省", "市", "州", "盟", "县", "区", "旗"})
#: Prefixes read off national names as written (国家发展改革委 -> 国家).
NATIONAL_PREFIXES: tuple[tuple[str, str], ...] = (
    ("中共中央", "中央"), ("国务院", "国务院"), ("国家", "国家"), ("中央", "中央"), ("全国", "全国"),
)
#: Level words of a prefecture (泉州市, 延边朝鲜族自治州, 阿里地区, 兴安盟).
PREFECTURE_LEVELS = frozenset({"市", "州", "自治州", "地区", "盟"})
#: Endings of branches whose official name writes the prefecture with its level (中国人民银行泉州市中心支行,
#: 国家外汇管理局泉州市中心支局), however often notices leave it out (人行泉州中支, 人民银行泉州中心支行).
LEVELLED_BRANCH_ENDINGS = ("中心支行", "中心支局")
#: Party marker dropped in front of party bodies (中共常州市委组织部).
PARTY_MARKERS: tuple[str, ...] = ("中国共产党", "中共")

#: Ethnic groups written in names of autonomous areas (延边朝鲜族自治州).
ETHNIC_GROUPS: tuple[str, ...] = (
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西",
    "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
    "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
    "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
)

#: Bare (suffix-less) place names that are also common words; never read as a place without
#: their level (城关镇 is a place, 城关 alone is not).
BARE_PLACE_DENY = frozenset({
    "城关", "城中", "城东", "城西", "城南", "城北", "市中", "新城", "新华", "和平", "长安", "平安",
    "东方", "合作", "新兴", "开发", "高新", "江南", "江北", "河东", "河西", "中山", "白云", "青山",
    "永和", "安全", "东风", "胜利", "前进", "红旗", "向阳", "友好", "新市", "大通", "通州", "永安",
    "朝阳", "宝山", "金山", "东山", "西山", "南山", "北山", "鼓楼", "城阳", "新北", "海港", "龙华",
    "福田", "吉利", "光明", "民主", "建设", "文化", "先锋", "团结", "长城", "江城", "东区", "西区",
})

#: Two-character bare forms that are common words, not names (政府 alone says nothing).
BARE2_DENY = frozenset({"政府", "党委", "工会", "法院", "街办"})

#: Endings a grammar-only body may have (区招商服务中心, 哈尔滨机场扩建指挥部), longest first.
ORG_SUFFIXES: tuple[str, ...] = tuple(sorted({
    "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "集团", "公司",
    "领导小组办公室", "领导小组", "指挥部", "管理委员会", "管委会", "工作委员会", "委员会", "办公室",
    "办事处", "管理处", "管理所", "管理站", "服务中心", "中心", "研究院", "研究所", "研究室", "学院",
    "大学", "医院", "协会", "学会", "商会", "联合会", "总会", "工作组", "专班", "总队", "支队",
    "大队", "分局", "局", "委", "办", "厅", "署", "院", "所", "馆", "队", "处", "室",
}, key=len, reverse=True))

#: Zone words (立山经济开发区, 中新苏滁高新区管委会), from the zone rows of bodies.csv at import.
ZONE_GOVERNING = ("管理委员会", "管委会", "管委")
#: Zone words that name a body on their own, without a name or 管委会 (高新区 牵头).
BARE_ZONE_WORDS = frozenset({"高新区", "经开区", "开发区", "综保区", "自贸区", "高新技术产业开发区",
                             "经济技术开发区", "经济开发区"})

#: Characters and words that never occur inside the free part of a name read by grammar alone.
STOP_CHARS = frozenset(
    "的了在对将把由按请要应须等或及并被从向以于其该此这那年月日个项条次届第之也都就但而不无没已再又"
    "还让使给做搞抓各、，,。；;：:！!？?（）()《》<>“”\"'·…—-_/\\[]【】〔〕0123456789"
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)
STOP_WORDS: tuple[str, ...] = (
    "负责", "牵头", "配合", "协同", "落实", "推进", "推动", "确保", "完成", "开展", "加强", "加快",
    "做好", "持续", "按照", "根据", "关于", "通过", "进行", "实施", "分工", "任务", "部署", "会议",
    "意见", "方案", "通知", "规定", "办法", "精神", "决策", "要求", "目标", "指标", "措施", "政策",
    "年度", "重点工作", "有关", "相关", "主要", "具体", "全面", "积极", "认真", "切实", "努力",
    "健全", "完善", "提升", "书记", "市长", "县长", "区长", "省长", "局长", "主任", "部长", "厅长",
    "处长", "科长", "同志", "副", "领导", "成员", "单位", "部门", "政府", "党委", "办公厅", "人大",
    "政协", "区域", "简称", "获批", "选择", "依托", "围绕", "争创", "创建", "申报", "设立", "成立",
    "组建", "筹建", "批准", "认定", "以下", "既有",
)
#: Words of institutions' names that hold a stop character (不 of negation, 年 of dates): 县不动产登记服务中心,
#: 区青少年活动中心, 市老年大学 are names all the same.
FREE_COMPOUNDS: tuple[str, ...] = ("不动产", "青少年", "老年", "项目")  # 重大项目处, 区重点项目服务中心
#: A level prefix and the next character that make an ordinary word, not a name (区域, 市场).
PREFIX_WORDS = frozenset({"区域", "市场", "县域", "县城", "市区", "市域", "市县", "省市", "市内", "省内",
                          "区内", "县内", "乡村", "镇村", "区块", "市级", "省级", "区级", "县级"})
#: In the free words of a catch-all, 领导小组各成员单位 is fine.
GENERIC_STOP_WORDS: tuple[str, ...] = tuple(w for w in STOP_WORDS if w not in ("领导", "成员"))
#: Words that make a grammar-only reading a thing, not a body (市政府网站, 市长热线).
NOT_ORG_WORDS: tuple[str, ...] = ("网站", "热线", "文件", "网页", "平台", "系统", "会议", "大会", "实验室")

#: Endings of a department's offices, the units of its own plan (牵头处室：规划处；配合处室：综合处; 责任科室：财务科).
OFFICE_ENDINGS: tuple[str, ...] = ("处", "科")
#: Rooms that are offices (政策研究室, 委办公室, 纪检监察室); other rooms (会议室, 实验室, 工作室) are places, not units.
OFFICE_ROOMS: tuple[str, ...] = ("办公室", "研究室", "督查室", "机要室", "秘书室", "监察室", "信访室")
#: A department's own party and staff bodies: 机关党委, 局机关党委, 机关纪委.
OFFICE_PARTY: tuple[str, ...] = ("党委", "纪委", "工会", "党总支")
#: Ordinary words that end as an office does (落到实处, 内心深处, 道路交汇处, 重点学科): never offices.
OFFICE_DENY: tuple[str, ...] = (
    "实处", "深处", "之处", "好处", "益处", "用处", "难处", "长处", "短处", "远处", "近处", "高处", "低处", "别处",
    "到处", "随处", "出处", "住处", "去处", "相处", "共处", "身处", "所处", "地处", "交汇处", "交界处", "交叉处",
    "结合处", "衔接处", "连接处", "入口处", "出口处", "路口处", "学科", "专科", "本科", "预科", "分科", "百科",
)
#: Stop words of a name's free part that are also what an office does: 政策法规科, 政府采购处.
OFFICE_WORDS: tuple[str, ...] = ("政策", "政府")

_HAN = r"\p{Han}"


# --------------------------------------------------------------------------------------------
# Traditional -> simplified, as a one-character table built once from OpenCC.
# --------------------------------------------------------------------------------------------

def _build_t2s(protected: frozenset[str]) -> dict[int, str]:
    """Map each traditional character to its simplified form; leave `protected` characters alone.

    A character table (not OpenCC's phrase conversion) keeps every index of the text, so
    body_suffix_start can answer in the caller's coordinates.  Characters that occur in our own
    (simplified) data are protected: OpenCC maps 乾 to 干, but 乾安县 is a place.
    """
    return {code: simplified for code, simplified in t2s_table().items() if chr(code) not in protected}


# --------------------------------------------------------------------------------------------
# Data.
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Ending:
    full: str  # "" for "-"
    spellings: tuple[str, ...]  # all spellings, full first; "" when it may be left out
    caret: bool  # organisation-first official name (人民银行常州市中心支行)
    standalone: bool  # "^^": may stand without the organisation after a place or prefix


@dataclass(frozen=True, slots=True)
class _Row:
    key: str
    kind: str
    stem: str
    shorts: tuple[str, ...]
    endings: tuple[_Ending, ...]
    national: str
    national_shorts: tuple[str, ...]
    note: str

    @property
    def caret(self) -> bool:
        return any(e.caret for e in self.endings)


@dataclass(frozen=True, slots=True)
class _Form:
    """One way to write the part after place and prefix, for one row."""

    key: str
    kind: str
    stem: str  # full stem
    ending: str  # full ending
    caret: bool
    org_omitted: bool  # 常州调查队 (国家统计局 left out)
    ending_omitted: bool  # 市政协, 市人行
    empty_stem: bool  # 市委办: only after a party prefix
    bare_ok: bool  # may stand with neither place nor prefix
    short_spelling: bool = False  # the ending is written short (银监分局 for 监管分局)
    needs_level: bool = False  # one character (府 in 市府): only right after a level word


KINDS = frozenset({"government", "party", "court", "procuratorate", "congress", "cppcc", "mass",
                   "vertical", "enterprise", "zone", "national-only"})
COLUMNS = ["key", "kind", "stem", "shorts", "endings", "national", "national_shorts", "note"]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def _ending_variants(word: str) -> set[str]:
    """All spellings of an ending under ENDING_SHORTS (委员会办公室 -> 委办公室, 委员会办, 委办 …)."""
    seen = {word}
    todo = [word]
    while todo:
        w = todo.pop()
        for long, short in ENDING_SHORTS:
            if long in w:
                for v in (w.replace(long, short, 1), w.replace(long, short)):
                    if v not in seen:
                        seen.add(v)
                        todo.append(v)
    return seen


def _parse_endings(cell: str) -> tuple[_Ending, ...]:
    out = []
    for raw in cell.split("|"):
        raw = raw.strip()
        if not raw:
            continue
        standalone = raw.startswith("^^")
        caret = raw.startswith("^")
        raw = raw.lstrip("^")
        if raw == "-":
            out.append(_Ending("", ("",), caret, standalone))
            continue
        parts = raw.split(":")
        full = parts[0]
        spell: list[str] = []
        for p in [full, *parts[1:]]:
            for v in sorted(_ending_variants(p), key=lambda x: (x != p, -len(x), x)):
                if v not in spell:
                    spell.append(v)
        out.append(_Ending(full, tuple(spell), caret, standalone))
    return tuple(out)


def _read_rows(name: str) -> tuple[_Row, ...]:
    """The shipped bodies.csv -> its rows.  Raises: ValueError naming a bad row."""
    rows: list[_Row] = []
    keys: set[str] = set()
    reader = csv.DictReader(io.StringIO(shipped_text("fengong.extract", name)))
    if reader.fieldnames != COLUMNS:
        raise ValueError(f"{name}: columns are {reader.fieldnames}, expected {COLUMNS}")
    for n, r in enumerate(reader, start=2):
        key, kind = r["key"].strip(), r["kind"].strip()
        if not key or key in keys or not key.isascii():
            raise ValueError(f"{name} line {n}: bad or repeated key {key!r}")
        if kind not in KINDS:
            raise ValueError(f"{name} line {n}: kind {kind!r} not in {sorted(KINDS)}")
        keys.add(key)
        rows.append(_Row(key, kind, r["stem"].strip(), _split(r["shorts"]),
                         _parse_endings(r["endings"]), r["national"].strip(),
                         _split(r["national_shorts"]), r["note"].strip()))
    return tuple(rows)


_ROWS: tuple[_Row, ...] = ()
_ROW: dict[str, _Row] = {}
_CORE: dict[str, tuple[_Form, ...]] = {}
_NATIONAL: dict[str, tuple[str, str]] = {}  # name -> (key, official national name)
_ORG: dict[str, frozenset[str]] = {}  # organisation written first -> keys
_ZONE_WORDS: dict[str, str] = {}  # zone word as written -> zone key
_ZONE_RE: regex.Pattern | None = None
_ORG_FIRST: dict[str, tuple[int, ...]] = {}


def _core_forms(rows: tuple[_Row, ...]) -> dict[str, tuple[_Form, ...]]:
    """Rows -> every local spelling (stem or short, by each ending spelling) with the forms it can be."""
    core: dict[str, list[_Form]] = {}

    def add(form: str, f: _Form) -> None:
        if form and f not in core.setdefault(form, []):
            core[form].append(f)

    for row in rows:
        if row.kind == "national-only":
            continue
        stems = [row.stem, *row.shorts] if row.stem else [""]
        for e in row.endings:
            for st in stems:
                for sp in e.spellings:
                    form = st + sp
                    # two characters stand alone only as a whole name (海关) or with a short
                    # ending (纪委, 编办); 政府 and 科局 do not
                    two_ok = (form not in BARE2_DENY
                              and (st == row.stem or sp not in ("", e.full) or not e.full))
                    bare = (bool(row.stem) and not (e.caret and sp == "")
                            and (len(form) >= 3 or (len(form) == 2 and two_ok)))
                    add(form, _Form(row.key, row.kind, row.stem, e.full, e.caret, False,
                                    sp == "" and e.full != "", not row.stem, bare,
                                    sp not in ("", e.full), len(form) < 2))
            if e.caret and e.standalone:
                for sp in e.spellings:
                    if len(sp) >= 3:
                        add(sp, _Form(row.key, row.kind, row.stem, e.full, True, True, False,
                                      False, False))
    return {k: tuple(v) for k, v in core.items()}


def _national_names(rows: tuple[_Row, ...]) -> dict[str, tuple[str, str]]:
    """Rows -> national spellings: explicit ones first (first row wins), then derived ones that name one body."""
    national: dict[str, tuple[str, str]] = {}
    for row in rows:
        for name in (row.national, *row.national_shorts) if row.national else ():
            national.setdefault(name, (row.key, row.national))
    derived: dict[str, set[tuple[str, str]]] = {}
    for row in rows:
        if not row.national:
            continue
        names = {row.national}
        if row.national.startswith("中共中央"):
            names.add(row.national[2:])
        if row.stem and row.stem in row.national:
            names |= {row.national.replace(row.stem, s) for s in row.shorts}
        for name in list(names):
            names |= _tail_variants(name)
        for name in names:
            derived.setdefault(name, set()).add((row.key, row.national))
    for name, vals in derived.items():
        if name not in national and len(vals) == 1 and len(name) >= 3:
            national[name] = next(iter(vals))
    return national


def _org_first_names(rows: tuple[_Row, ...]) -> dict[str, frozenset[str]]:
    """Rows -> organisations written before the place (人民银行 + 常州市 + 中心支行) with their keys."""
    org: dict[str, set[str]] = {}
    for row in rows:
        written: list[str] = []
        if row.caret:
            written += [row.stem, *row.shorts]
        if row.kind in ("vertical", "enterprise") and row.national:
            written += [row.national, *row.national_shorts]
        for n in written:
            if n:
                org.setdefault(n, set()).add(row.key)
    return {k: frozenset(v) for k, v in org.items()}


def _build_tables(rows: tuple[_Row, ...]) -> None:
    """Rows of bodies.csv -> the lookup tables the readers use (module state, built once at import)."""
    global _ROWS, _ROW, _CORE, _NATIONAL, _ORG, _ZONE_WORDS, _ZONE_RE
    zones: dict[str, str] = {}
    for row in rows:
        if row.kind == "zone":
            for w in (row.stem, *row.shorts):
                zones.setdefault(w, row.key)
    _ROWS = rows
    _ROW = {r.key: r for r in rows}
    _CORE = _core_forms(rows)
    _NATIONAL = _national_names(rows)
    _ORG = _org_first_names(rows)
    _ORG_FIRST.clear()
    for k in _ORG:
        _ORG_FIRST[k[0]] = tuple(sorted(set(_ORG_FIRST.get(k[0], ())) | {len(k)}, reverse=True))
    _ZONE_WORDS = zones
    alt = "|".join(sorted(map(regex.escape, zones), key=len, reverse=True))
    gov = "|".join(ZONE_GOVERNING)
    _ZONE_RE = regex.compile(rf"(?P<name>{_HAN}{{0,12}}?)(?P<zone>{alt})(?P<gov>{gov})?")


def _tail_variants(name: str) -> set[str]:
    """Short endings at the end of a national name (国家卫生健康委员会 -> 国家卫生健康委)."""
    out = set()
    for long, short in (("委员会", "委"), ("办公室", "办")):
        if name.endswith(long):
            out.add(name[: -len(long)] + short)
    return out


# --------------------------------------------------------------------------------------------
# Places: a gazetteer of provinces, prefectures and counties (current and some historic).
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Base:
    levels: frozenset[str]  # level words it may be written with (市, 自治州, 州 …)
    bare_ok: bool  # may be written without a level (常州海关)
    high: bool = False  # a province or prefecture


_BASES: dict[str, _Base] = {}
_ETHNIC_RE = regex.compile("(?:" + "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True)) + ")族")
_LEVEL_RE = regex.compile(
    rf"(?:(?:{_ETHNIC_RE.pattern})*自治(?:区|州|县|旗))|"
    + "|".join(sorted((w for w in LEVEL_WORDS if not w.startswith("自治")), key=len, reverse=True))
)


def _split_place(name: str) -> tuple[str, str] | None:
    """泉州市 -> (泉州, 市); 延边朝鲜族自治州 -> (延边, 自治州); None if no level word ends it."""
    for lw in sorted(LEVEL_WORDS, key=len, reverse=True):
        if name.endswith(lw) and len(name) > len(lw):
            base = name[: -len(lw)]
            if lw.startswith("自治"):
                while True:
                    m = regex.search(rf"(?:{_ETHNIC_RE.pattern})$", base)
                    if not m or m.start() == 0:
                        break
                    base = base[: m.start()]
            return base, lw
    return None


def _build_places() -> None:
    global _BASES
    acc: dict[str, tuple[set[str], bool]] = {}
    high: set[str] = set()
    for tier, block in (("province", _PROVINCES), ("prefecture", _PREFECTURES), ("county", _COUNTIES)):
        for name in block.split():
            sp = _split_place(name)
            if not sp:
                continue
            base, lw = sp
            levels, bare = acc.setdefault(base, (set(), False))
            levels.add(lw)
            if lw.startswith("自治") and lw != "自治区":
                levels.add(lw[-1])  # 延边州, 恩施州
            ok = (len(base) >= 2 and base not in BARE_PLACE_DENY
                  and (tier != "county" or lw not in ("区", "新区", "矿区", "林区", "特区")))
            acc[base] = (levels, bare or ok)
            if tier != "county":
                high.add(base)
    _BASES = {b: _Base(frozenset(lv), ok, b in high) for b, (lv, ok) in acc.items()}
    first: dict[str, set[int]] = {}
    for b in _BASES:
        first.setdefault(b[0], set()).add(len(b))
    _BASE_FIRST.clear()
    _BASE_FIRST.update({c: tuple(sorted(v, reverse=True)) for c, v in first.items()})


_BASE_FIRST: dict[str, tuple[int, ...]] = {}


# --------------------------------------------------------------------------------------------
# Reading.
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Place:
    end: int  # index after the place
    level: str | None  # normalised level of the last part (市), None when written bare
    parts: int


def _bases_at(s: str, i: int, strict: bool) -> list[str]:
    if i >= len(s):
        return []
    out = []
    for ln in _BASE_FIRST.get(s[i], ()):
        b = s[i:i + ln]
        if b in _BASES and (ln >= 2 or not strict):
            out.append(b)
    return out


@functools.lru_cache(maxsize=8192)
def _places(s: str, i: int = 0, strict: bool = False, depth: int = 1) -> tuple[_Place, ...]:
    """Every way to read a gazetteer place chain starting at i (江苏省南京市, 常州, 北京市东城区)."""
    return tuple(_places_list(s, i, strict, depth))


def _places_list(s: str, i: int, strict: bool, depth: int) -> list[_Place]:
    out: list[_Place] = []
    for b in _bases_at(s, i, strict):
        info = _BASES[b]
        j = i + len(b)
        m = _LEVEL_RE.match(s, j)
        if m:
            lw = m.group()
            key = lw[lw.index("自治"):] if "自治" in lw else lw
            if key in info.levels:
                if len(b) >= 2 or key in ("县", "自治县"):
                    out.append(_Place(m.end(), LEVEL_WORDS[key], depth))
                    if depth < 3:
                        out.extend(_places(s, m.end(), strict, depth + 1))
        if info.bare_ok and len(b) >= 2:
            out.append(_Place(j, None, depth))
            if depth < 3:
                out.extend(p for p in _places(s, j, strict, depth + 1))
    return out


def _free_ok(w: str, max_len: int = 12, stop_words: tuple[str, ...] = ()) -> bool:
    """A free part of a grammar-only name: Han characters, no stop characters or words."""
    if not w or len(w) > max_len or not _HAN_RE.fullmatch(w):
        return False
    if not STOP_CHARS.isdisjoint(_FREE_COMPOUND_RE.sub("", w)):
        return False
    return not any(sw in w for sw in (stop_words or STOP_WORDS))


_HAN_RE = regex.compile(rf"{_HAN}+")
_FREE_COMPOUND_RE = regex.compile("|".join(FREE_COMPOUNDS))


@dataclass(frozen=True, slots=True)
class _Reading:
    place: str | None
    prefix: str
    key: str | None
    kind: str
    canonical: str
    generic: bool = False


def _heads(s: str, strict: bool, towns: bool = False) -> list[tuple[int, str | None, str, bool]]:
    """Ways to read place + prefix at the start: (index after prefix, place, prefix, party).

    With towns=True only the town and street readings (湖塘镇, 新桥街道), read by shape, are given.
    """
    if towns:
        return _town_heads(s, strict)
    out: list[tuple[int, str | None, str, bool]] = [(0, None, "", False)]
    for p in GOV_PREFIXES:
        if s.startswith(p):
            out.append((len(p), None, p, False))
    for p in PARTY_PREFIXES:
        if s.startswith(p):
            out.append((len(p), None, p, True))
    for pl in _places(s, 0, strict):
        place = s[:pl.end]
        if pl.level is None:
            out.append((pl.end, place, "", False))
            continue
        out.append((pl.end, place, pl.level, False))
        if pl.level in PARTY_LEVELS and s.startswith("委", pl.end):
            out.append((pl.end + 1, place, pl.level + "委", True))
        elif pl.level == "自治区" and s.startswith("党委", pl.end):
            out.append((pl.end + 2, place, "自治区党委", True))
    return out


_TOWN_RE = regex.compile(rf"(?P<n>{_HAN}{{2,5}}?)(?P<l>街道|镇|乡)")


def _town_heads(s: str, strict: bool) -> list[tuple[int, str | None, str, bool]]:
    """A town or street read by shape (湖塘镇, 武进区湖塘镇), only when nothing else reads."""
    out: list[tuple[int, str | None, str, bool]] = []
    if strict:
        return out
    for st in [0] + [pl.end for pl in _places(s, 0, strict) if pl.level]:
        m = _TOWN_RE.match(s, st)
        if m:
            n = m.group("n")
            if _free_ok(n, 5) and n[0] not in _LEVEL_CHARS and n[-1] not in "乡镇":
                out.append((m.end(), s[:m.end()], m.group("l"), False))
    return out


_LEVEL_CHARS = frozenset("省市区县州盟旗乡镇")


def _pick(forms: list[_Form], party: bool, place_only: bool = False) -> _Form | None:
    """One form among those left, or None when they name different bodies.

    Ties are broken the way notices write: without a party prefix a government body beats a
    party one (市金融办); a vertical body's short form (金融监管局 of 国家金融监督管理总局) beats a
    local one only after a bare place (江苏金融监管局), not after a level (市金融监管局).
    """
    keys = {f.key for f in forms}
    if len(keys) > 1 and not party:
        forms = [f for f in forms if f.kind != "party"] or forms
        keys = {f.key for f in forms}
    if len(keys) > 1:
        weak = [f for f in forms if f.caret and f.short_spelling]
        strong = [f for f in forms if not (f.caret and f.short_spelling)]
        forms = (weak if place_only else strong) or forms
        keys = {f.key for f in forms}
    if len(keys) != 1:
        return None
    return forms[0]


def _read_local(s: str, strict: bool, party_marker: bool, towns: bool = False) -> list[_Reading]:
    """Readings of s as [place] [prefix] core."""
    out: list[_Reading] = []
    for end, place, prefix, party in _heads(s, strict, towns):
        r = s[end:]
        street = prefix == "街道" and "街道" + r in _CORE
        if street:
            r = "街道" + r  # 新桥街道办事处: 街道 is both the level and the start of the name
        has_place = place is not None
        if r == "":
            if party and (has_place or prefix):
                out.append(_Reading(place, prefix, "party-committee", "party", prefix))
            continue
        if party_marker and r in ("委员会", "委") and prefix in PARTY_LEVELS and has_place:
            out.append(_Reading(place, prefix + "委", "party-committee", "party", prefix + "委"))
            continue
        forms = [f for f in _CORE.get(r, ()) if _compatible(f, has_place, prefix, party, party_marker)]
        if not forms and (inner := _own_words_dropped(r, prefix, party)):
            forms = [f for f in _CORE.get(inner, ()) if _compatible(f, has_place, prefix, party, party_marker)
                     and (party or f.ending in _GOVERNMENT_NAMED)]
        f = _pick(forms, party, has_place and not prefix)
        if f is not None:
            if f.caret:
                level = _branch_level(place, prefix, f.ending)
                out.append(_Reading(place, level, f.key, f.kind, f.stem + level + f.ending))
            else:
                out.append(_Reading(place, prefix, f.key, f.kind, ("" if street else prefix) + f.stem + f.ending))
            continue
        sub = _read_branch(r, strict, party)
        if sub is not None and (has_place or prefix or sub[0] is not None):
            f, subplace = sub
            # The branch's own place stays in its name (市生态环境局咸安分局): it names which branch, not where the
            # parent bureau is, and two branches of one bureau must not become one name.
            canonical = (f.stem + prefix + f.ending if f.caret else prefix + f.stem + f.ending) + (subplace or "") + "分局"
            out.append(_Reading(place, prefix, f.key, f.kind, canonical))
    return out


# Offices and commissions officially named with their government (泉州市人民政府外事办公室, 市人民政府国有资产监督管理委员会),
# so 市政府外办 is 市外办; bureaus are not named so, and 市政府X局 is left unread.
_GOVERNMENT_NAMED = ("办公室", "委员会")


def _own_words_dropped(r: str, prefix: str, party: bool) -> str | None:
    """The core after words that repeat the body's own government or level: 市政府外办 -> 外办 (after 市),
    市委市直机关工委 -> 直机关工委 (after 市委); None when r starts with neither."""
    if not prefix:
        return None
    if party:
        level = prefix.removesuffix("委")
        return r[len(level):] if r.startswith((level + "直", level + "级")) else None
    for word in ("人民政府", "政府"):
        if r.startswith(word) and len(r) > len(word) + 1:
            return r[len(word):]
    return None


def _compatible(f: _Form, has_place: bool, prefix: str, party: bool, party_marker: bool) -> bool:
    if (party or party_marker) and f.kind != "party":
        return False
    if f.empty_stem and not party:
        return False
    if f.needs_level and not prefix:
        return False  # 市府, 常州市府; not 黄山府
    if (f.org_omitted or (f.caret and f.ending_omitted)) and not (has_place or prefix):
        return False
    if not has_place and not prefix and not f.bare_ok:
        return False
    if prefix == "街道" and f.kind not in ("government", "party"):
        return False
    return True


_BRANCH_RE = regex.compile(rf"(?P<core>{_HAN}+?局)(?P<sub>{_HAN}{{0,4}}?)分局")


def _read_branch(r: str, strict: bool, party: bool) -> tuple[_Form, str | None] | None:
    """市生态环境局咸安分局 -> the 生态环境局 form and 咸安."""
    m = _BRANCH_RE.fullmatch(r)
    if not m:
        return None
    forms = [f for f in _CORE.get(m.group("core"), ()) if not f.org_omitted and not f.empty_stem]
    f = _pick(forms, party)
    if f is None:
        return None
    sub = m.group("sub")
    if sub:
        # The branch's place sits between the bureau and 分局, so even a strict reading (a tail after junk) takes
        # a free one in: it cannot swallow the junk before the name (负责人市生态环境局咸安分局).
        known = any(p.end == len(sub) for p in _places(sub, 0, strict))
        if not known and (not _free_ok(sub, 4) or len(sub) < 2):
            return None
    return f, sub or None


def _read_org_first(s: str, strict: bool) -> list[_Reading]:
    """人民银行常州市中心支行, 国家税务总局常州市税务局, 政协常州市委员会, 团市委."""
    out: list[_Reading] = []
    for ln in _ORG_FIRST.get(s[:1], ()):
        org = s[:ln]
        keys = _ORG.get(org)
        if not keys:
            continue
        rest = s[ln:]
        heads: list[tuple[int, str | None, str]] = [(0, None, "")]
        heads += [(len(p), None, p) for p in GOV_PREFIXES if rest.startswith(p)]
        for pl in _places(rest, 0, strict):
            heads.append((pl.end, rest[:pl.end], pl.level or ""))
        for end, place, prefix in heads:
            r = rest[end:]
            found: list[_Reading] = []
            for key in keys:
                row = _ROW[key]
                if row.caret:
                    ending = next((e.full for e in row.endings if r in e.spellings), None)
                    if ending is None or (r == "" and not (place or prefix)):
                        continue
                    level = _branch_level(place, prefix, ending)
                    found.append(_Reading(place, level, key, row.kind, row.stem + level + ending))
                elif place or prefix:
                    ending = _local_ending(row, r)
                    if ending is not None:
                        found.append(_Reading(place, prefix, key, row.kind, prefix + row.stem + ending))
            if len({f.key for f in found}) == 1:
                out.append(found[0])
    return out


def _branch_level(place: str | None, prefix: str, ending: str) -> str:
    """The level prefix of an organisation-first branch: as written, or for a branch whose official name holds the
    level (LEVELLED_BRANCH_ENDINGS) after a bare prefecture, the prefecture's own (人行泉州中支 -> 市, as in
    中国人民银行泉州市中心支行), so that every spelling of one branch gives one name."""
    if prefix or not place or ending not in LEVELLED_BRANCH_ENDINGS:
        return prefix
    last = next((place[i:] for i in range(len(place)) if place[i:] in _BASES), "")
    if not last or not _BASES[last].high:
        return prefix
    levels = {LEVEL_WORDS[lw] for lw in _BASES[last].levels if lw in PREFECTURE_LEVELS}
    return levels.pop() if len(levels) == 1 else prefix


def _local_ending(row: _Row, r: str) -> str | None:
    """The full ending when r is a stem (or short) + ending of this row, or an ending alone."""
    for e in row.endings:
        for sp in e.spellings:
            if sp and r == sp:
                return e.full
            for st in (row.stem, *row.shorts):
                if r == st + sp and st:
                    return e.full
    return None


def _national(s: str) -> _Reading | None:
    hit = _NATIONAL.get(s)
    if hit is None:
        return None
    key, name = hit
    prefix = next((p for w, p in NATIONAL_PREFIXES if s.startswith(w)), "")
    return _Reading(None, prefix, key, _ROW[key].kind, name)


# ---- catch-alls ------------------------------------------------------------------------------

_LW = (r"(?:计划单列市|副省级城市|地级以上市|地级市|县级市|设区的市|设区市|直辖市|自治区|自治州|自治县|功能区|开发区|"
       r"管委会|乡镇|街道|园区|镇街|地方|省级|市级|县级|省|市|州|盟|县|区|旗|乡|镇|地)")
_LL = rf"{_LW}(?:[、和及与/]?{_LW})*"
_LWB = rf"{_LW}(?:\({_LL}\))?"  # 县（市、区）, 市（州）
_LLB = rf"{_LWB}(?:[、和及与/]?{_LWB})*"  # 县（市）区, 省、自治区、直辖市
_GOVN = r"(?:人民政府|政府|党委和政府|党委、政府|党委政府|党委|党工委|管委会|街道办事处|办事处|街道办|街办|办)"
_UNIT = (r"(?:部门和单位|部门及单位|部门、单位|部门单位|部门|单位|部委|委办厅局|委办局|厅局|直属机构|机构|国有企业|企业|"
         r"院校|高校|成员单位|金融机构|工作专班|专班|社区|省份|"
         r"处室|科室|处\(室\)|科\(室\))")  # a department's offices: 各处室, 有关科室, 局机关各处（室）; never 各处 alone
_UNIT_GE = rf"(?:{_UNIT}|地区|地方|地|委|办|局|大中专院校|学校|乡镇|街道|县区)"
_QUAL = r"(?:有关|相关|直属|所属|下属|其他|其它|垂管)"
_ROLE = r"(?:牵头|配合|责任|协办|协同|参与)"
_SCOPE = (r"(?:国务院|中央和国家机关|中央国家机关|中央|国家|地方|全(?:省|市|区|县|州|镇|乡|旗)|驻\p{Han}{1,3}|市府|"
          r"[委厅局部院署]?机关|"  # a department's own: 局机关各处室, 机关各科室
          r"(?:自治区|省|市|州|盟|县|区|旗|镇|乡|街道)(?:人民政府|政府|党委|委|直属|直|级|属)?)")
_LVQ = r"(?:[省市区县]直|[省市区县]属)"  # 区直 in 各区直部门
# What a class of departments does, between the marker and the unit noun (市直各执法部门, 有关职能部门, 各行业主管部门).
_DUTY = r"(?:行政执法|综合执法|执法|行业监管|监管|行业主管|业务主管|主管|职能)"
_ITEM = (
    rf"(?:各{_LLB}{_GOVN}?"  # 各县（市、区）人民政府, 各乡镇, 各街道
    rf"|各{_GOVN}"  # 各街办
    rf"|各(?:有关|相关){_LLB}{_GOVN}?"  # 各有关区、县级市: 各 covers every level listed (相关市、县政府 is a list)
    rf"|(?:有关|相关){_LWB}{_GOVN}"  # 相关市（州）人民政府 (one level only: 相关市、县政府 is a list)
    rf"|各级(?:{_GOVN}|{_UNIT})(?:[和及、](?:{_GOVN}|{_UNIT}))*"  # 各级政府和部门
    rf"|各[委办局](?:、[委办局])+"  # 各委、办、局
    rf"|{_QUAL}*各{_LVQ}?{_QUAL}*(?:{_ROLE}?{_UNIT_GE}|{_DUTY}{_UNIT})"  # 各有关部门, 垂管各单位, 各区直部门, 各执法部门
    rf"|(?:{_QUAL}+{_LVQ}?|{_LVQ}){_QUAL}*{_DUTY}?{_UNIT})"  # 有关部门, 直属机构, 区直部门, 有关职能部门
)
# After a catch-all item, the streets may follow without their own 各 (各乡镇人民政府、街道办事处): 各 covers both.
_STREETS = r"(?:街道办事处|街道办|街道)"
_GENERIC_RE = regex.compile(
    rf"(?P<scope>{_SCOPE})?(?P<free>\p{{Han}}{{2,10}}?)??(?P<body>{_ITEM}(?:[、和及与]?{_ITEM}|[、和及与]{_STREETS})*|{_UNIT})"
    rf"(?:\(管委会\))?"
)
_GENERIC_MARK = regex.compile(rf"各|{_QUAL}|^(?:全|驻)|^\p{{Han}}{{0,4}}(?:直|属|级)")
_BODY_MARK = regex.compile(rf"各|{_QUAL}|^{_LVQ}")
_SCOPE_MARK = regex.compile(r"^(?:全|驻|各级)|(?:直|属|级)$")
_FREE_ORG_END = ("领导小组", "委员会", "指挥部", "联席会议", "工作组")


def _read_generic(s: str, strict: bool) -> _Reading | None:
    heads: list[tuple[str | None, str]] = [(None, s)]
    for pl in _places(s, 0, strict):
        if pl.level in PARTY_LEVELS:
            heads.append((s[:pl.end], pl.level + s[pl.end:]))
    for place, t in heads:
        m = _GENERIC_RE.fullmatch(t)
        if not m:
            continue
        body, scope, free = m.group("body"), m.group("scope") or "", m.group("free") or ""
        if free:
            if strict or not _free_ok(free, 10, GENERIC_STOP_WORDS) or free[0] in "和与及":
                continue
            if not scope and not free.endswith(_FREE_ORG_END):
                continue
            if "各" not in body:
                continue
            if free[-1] in "局办委厅院部署室队司" and not free.endswith(_FREE_ORG_END):
                continue  # 市生态环境局各县: a body, then a catch-all
        if body in ("地", "委", "办", "局") or not _GENERIC_MARK.search(scope + body):
            continue
        if not _BODY_MARK.search(body) and not _SCOPE_MARK.search(scope):
            continue  # a bare unit noun needs a marked scope: 全市高校, 市直部门, 驻芜单位
        if not (_GENERIC_MARK.search(body) or _GENERIC_MARK.search(scope)):
            continue
        if place is not None and not scope:
            continue
        prefix = _scope_prefix(scope)
        canonical = t.replace("(", "（").replace(")", "）")
        return _Reading(place, prefix, None, "generic", canonical, True)
    return None


def _scope_prefix(scope: str) -> str:
    for w in ("国务院", "中央", "国家"):
        if scope.startswith(w):
            return w
    if scope.startswith(("全", "驻")):
        scope = scope[1:]
    for p in sorted(GOV_PREFIXES, key=len, reverse=True):
        if scope.startswith(p):
            return p
    return ""


# ---- grammar only ------------------------------------------------------------------------------

def _read_zone(s: str, strict: bool) -> _Reading | None:
    """中新苏滁高新区管委会 (zone key), 立山经济开发区 (grammar only)."""
    assert _ZONE_RE is not None  # built at import
    m = _ZONE_RE.fullmatch(s)
    if not m:
        return None
    name, zone, gov = m.group("name"), m.group("zone"), m.group("gov")
    for w in _ZONE_WORDS:
        if len(w) > len(zone) and w.endswith(zone):
            head = w[: -len(zone)]
            if any(name.endswith(head[k:]) for k in range(len(head))):
                return None  # 技术产业开发区 is a piece of 高新技术产业开发区
    if name:
        whole = any(p.end == len(name) for p in _places(name, 0, strict))
        if not whole:
            if strict:
                return None
            # a leading place counts when it has a level word or starts with a province or
            # prefecture (亳州芜湖现代产业园区), not a bare county name (资源 in 资源服务产业园)
            first_high = any(_BASES[b].high for b in _bases_at(name, 0, strict))
            lead = max((p.end for p in _places(name, 0, strict) if p.level or first_high),
                       default=0)
            if not _free_ok(name[lead:], 8) or len(name) < 2:
                return None
            if not lead and not gov and zone not in BARE_ZONE_WORDS:
                return None  # 人才资源服务产业园: a project, not a body
        split = _split_place(name + zone)
        if name + zone in _BASES or (split is not None and split[0] in _BASES):
            return None  # 浦东新区 is a place, not a zone
    elif not gov and zone not in BARE_ZONE_WORDS:
        return None  # 统筹各类产业园区: a kind of place, not a body
    place = name or None
    if gov:
        key = _ZONE_WORDS[zone]
        return _Reading(place, "", key, "zone", _ROW[key].stem + "管理委员会")
    return _Reading(place, "", None, "other", zone)


def _read_grammar(s: str, strict: bool) -> _Reading | None:
    """区招商服务中心, 长乐投资有限公司, 哈尔滨机场扩建指挥部: place or prefix, free words, suffix."""
    if strict:
        return None
    for end, place, prefix, _party in _heads(s, strict):
        if place is None and not prefix:
            continue
        r = s[end:]
        if not r or r[0] in "省市区县乡镇州盟旗级委和与及":  # 县级医院, 市委和区委
            continue
        if (prefix[-1:] + r[0]) in PREFIX_WORDS or any(w in r for w in NOT_ORG_WORDS):
            continue  # 区域金融中心, 市政府网站
        if _read(r, strict=True) is not None:
            continue  # 会同 (a county) + 中央农办: a place glued to a body is no one name
        for suf in ORG_SUFFIXES:
            if r.endswith(suf) and len(r) > len(suf):
                free = r[: -len(suf)]
                if _free_ok(free + suf[0], 13) and (len(suf) > 1 or len(free) >= 2):
                    return _Reading(place, prefix, None, "other", prefix + r)
                break
    return None


_DEPARTMENT_OF = regex.compile(r"[委厅局部院署办]|[委厅局部院署]?机关")  # 委办公室, 局机关办公室: the office's department


def _read_office(s: str, strict: bool) -> _Reading | None:
    """规划处, 政策法规科, 委办公室, 政策研究室, 机关党委: an office of a department, named without place or level.

    Never in a tail (strict): a word before an office's name is no part of it. The words before 处 / 科 are free
    words (no stop characters or words) of two characters or more, so 此处, 各处 and 出处 are no offices, and ordinary
    words that end as one does (落到实处, 重点学科) are denied; 办公室 alone names no office (whose?).
    """
    if strict:
        return None
    m = _OFFICE_RE.fullmatch(s)
    if m is None:
        return None
    before = m.group("before") or ""
    if m.group("end"):
        ok = len(before) >= 2 and not s.endswith(OFFICE_DENY) and _free_ok(before, 8, _OFFICE_STOP_WORDS)
    elif m.group("room"):
        ok = bool(_DEPARTMENT_OF.fullmatch(before)) or (len(before) >= 2 and _free_ok(before, 6, _OFFICE_STOP_WORDS)) or \
            (not before and m.group("room") != "办公室")
    else:
        ok = True  # 机关党委
    return _Reading(None, "", None, "office", s) if ok else None


_OFFICE_STOP_WORDS = tuple(w for w in STOP_WORDS if w not in OFFICE_WORDS)
_OFFICE_RE = regex.compile(
    rf"(?P<before>{_HAN}{{0,8}}?)(?:(?P<room>{'|'.join(OFFICE_ROOMS)})|(?P<end>{'|'.join(OFFICE_ENDINGS)}))"
    rf"|[委厅局部院署]?机关(?:{'|'.join(OFFICE_PARTY)})"
)


# --------------------------------------------------------------------------------------------
# Public functions.
# --------------------------------------------------------------------------------------------

_SPACE_RE = regex.compile(r"\s+")
_TRAIL_BRACKET_RE = regex.compile(r"(?P<out>.+?)\((?P<alias>[^()]*)\)")


def _simplify(name: str) -> str:
    """Traditional -> simplified, spaces removed; brackets kept as written."""
    if not _TRAD.isdisjoint(name):
        name = name.translate(_T2S_TEXT)
    return _SPACE_RE.sub("", name) if _SPACE_RE.search(name) else name


def _to_read(text: str) -> str:
    """Traditional -> simplified with brackets unified (（ -> (), as the grammar reads."""
    if _TRAD_OR_BRACKET.isdisjoint(text):
        return text
    return text.translate(_T2S_READ)


_BRACKETS = {ord("（"): "(", ord("）"): ")", ord("［"): "(", ord("］"): ")", ord("【"): "(",
             ord("】"): ")", ord("〔"): "(", ord("〕"): ")"}
_T2S_TEXT: dict[int, str] = {}  # traditional -> simplified, one character each
_T2S_READ: dict[int, str] = {}  # the same, and brackets unified
_TRAD: frozenset[str] = frozenset()
_TRAD_OR_BRACKET: frozenset[str] = frozenset()


def _read(s: str, strict: bool) -> _Reading | None:
    """Read a normalised name; the order is the grammar's precedence (README, Grammar)."""
    if not s or s[-1] not in _END_CHARS:
        return None
    marker = next((m for m in PARTY_MARKERS if s.startswith(m) and len(s) > len(m)), "")
    body = s[len(marker):]
    best = _best(_read_local(body, strict, bool(marker)))
    if best is None:
        best = _best(_read_local(body, strict, bool(marker), towns=True))
    if best is not None and best.place is None and not best.prefix:
        return best
    if not marker:
        nat = _national(s)
        if nat is not None:
            return nat
    elif best is None:
        nat = _national(s)
        if nat is not None and nat.kind == "party":
            return nat
    if best is not None:
        return best
    if marker:
        return None
    org = _best(_read_org_first(s, strict))
    if org is not None:
        return org
    gen = _read_generic(s, strict)
    if gen is not None:
        return gen
    zone = _read_zone(s, strict)
    if zone is not None:
        return zone
    return _read_grammar(s, strict) or _read_office(s, strict)


def _best(readings: list[_Reading]) -> _Reading | None:
    """The reading with the shortest place (the longest name read from the data).

    常州市公安交警总队 is 常州市 + 公安交警总队, not 常州市公安 (公安县) + 交警总队.  None when
    readings with equally short places name different bodies.
    """
    if not readings:
        return None
    top = min(len(r.place or "") for r in readings)
    tops = [r for r in readings if len(r.place or "") == top]
    if len({r.key for r in tops}) != 1:
        return None
    tops.sort(key=lambda r: (len(r.prefix), r.canonical), reverse=True)
    return tops[0]


@functools.lru_cache(maxsize=131072)
def parse_body(name: str) -> Body | None:
    """Read one name as a body: Body, or None when the text is not a body name at all."""
    if not isinstance(name, str):
        return None
    text = _simplify(name)
    if not text or len(text) > 80 or genre.ROLE_REFERENCE.match(text):
        return None  # 各配合单位 refers to a role of the notice, not to a body
    s = _to_read(text)
    r = _read(s, strict=False)
    if r is None:
        m = _TRAIL_BRACKET_RE.fullmatch(s)
        if m:
            r = _read(m.group("out"), strict=False)
        elif s.startswith("(") and s.endswith(")") and len(s) > 2:
            r = _read(s[1:-1], strict=False)
    if r is None:
        return None
    return Body(text=text, place=r.place, prefix=r.prefix, key=r.key, kind=r.kind,
                canonical=r.canonical, generic=r.generic)


def looks_like_body(name: str) -> bool:
    """True when parse_body(name) reads a body."""
    return parse_body(name) is not None


@functools.lru_cache(maxsize=65536)
def _tail_ok(tail: str) -> bool:
    return _read(tail, strict=True) is not None


def body_suffix_start(text: str) -> int | None:
    """Start index in `text` of the longest tail that is a body name, or None.

    Only the last MAX_NAME_LEN non-space characters are looked at, so the cost does not grow
    with the text.  A tail that starts inside the text is read strictly: places must be in the
    gazetteer and no free words are taken in (负责人长乐投资有限公司 does not swallow 负责人, and
    gives None); a tail that is the whole text is read as parse_body reads it.
    """
    if not isinstance(text, str) or not text:
        return None
    n0 = len(text)
    if not _SPACE_RE.search(text, max(0, n0 - 2 * MAX_NAME_LEN)):
        first = max(0, n0 - MAX_NAME_LEN)
        idx: list[int] | range = range(first, n0)
        whole = first == 0
        s = _to_read(text[first:])
    else:  # spaces inside: keep the index of every non-space character
        idx = []
        j = n0 - 1
        while j >= 0 and len(idx) < MAX_NAME_LEN:
            if not text[j].isspace():
                idx.append(j)
            j -= 1
        if not idx:
            return None
        idx.reverse()
        whole = j < 0
        s = _to_read("".join(text[k] for k in idx))
    n = len(s)
    if s[-1] not in _END_CHARS:
        return None
    bracket = s[-1] == ")"
    if whole and parse_body(text) is not None:
        return idx[0]
    for i in range(1 if whole else 0, n - 1):
        if s[i] not in _START1 and s[i:i + 2] not in _START2:
            continue
        tail = s[i:]
        if _tail_ok(tail) or (bracket and _tail_ok_bracket(tail)):
            return idx[i]
    return None


def _tail_ok_bracket(tail: str) -> bool:
    m = _TRAIL_BRACKET_RE.fullmatch(tail)
    return bool(m) and _tail_ok(m.group("out"))


_LEVEL_HEAD_RE = regex.compile(rf"(?P<q>有关|相关)?(?P<l>{'|'.join(sorted(LEVEL_WORDS, key=len, reverse=True))})")


def expand_shared_suffix(items: list[str]) -> list[str] | None:
    """Share the body suffix of the last item with the heads before it.

    ["哈尔滨", "黑河", "绥芬河市政府"] -> ["哈尔滨市政府", "黑河市政府", "绥芬河市政府"];
    ["相关市", "县政府"] -> ["相关市政府", "相关县政府"].  None when the items are no such list:
    each is already a body, the whole is one catch-all (各县、市、区政府), or a head is not a place
    or level word.
    """
    if not items or len(items) < 2 or not all(isinstance(x, str) for x in items):
        return None
    norm = [_simplify(x) for x in items]
    if any(not x for x in norm):
        return None
    if parse_body("、".join(norm)) is not None:
        return None
    parsed = [parse_body(x) for x in norm]
    last = parsed[-1]
    if last is None or any(p is not None for p in parsed[:-1]):
        return None
    tail = norm[-1]
    heads = norm[:-1]
    # heads that are level words, with an optional qualifier (相关市, 县)
    lh = [_LEVEL_HEAD_RE.fullmatch(h) for h in heads]
    mt = _LEVEL_HEAD_RE.match(tail)
    if all(lh) and mt and (not mt.group("q") or all(m.group("q") == mt.group("q") for m in lh)):
        q = next((m.group("q") for m in lh if m.group("q")), "") if not mt.group("q") else ""
        rest = tail[mt.end():]
        if rest and all(m.group("q") == lh[0].group("q") for m in lh):
            out = [h + rest for h in heads] + [q + tail]
            if all(parse_body(x) is not None for x in out):
                return out
        return None
    return _share_place_suffix(heads, tail, last)


def _share_place_suffix(heads: list[str], tail: str, last: Body) -> list[str] | None:
    """Heads that are places (哈尔滨, 南京市) and a last item naming a body of a place -> each head with that body."""
    # the last item is cut after its place (with its level word) or after its place name (before the level word)
    cuts: dict[bool, set[int]] = {True: set(), False: set()}
    for pl in _places(tail, 0, False):
        if pl.level is None:
            cuts[False].add(pl.end)
            continue
        cuts[True].add(pl.end)
        lw = _level_word_before(tail, pl.end)
        if lw:
            cuts[False].add(pl.end - len(lw))
    out: list[str] = []
    for h in heads:
        hp = [p for p in _places(h, 0, False) if p.end == len(h)]
        if not hp:
            return None
        options = sorted(cuts[any(p.level is not None for p in hp)], reverse=True)
        found = next((h + tail[k:] for k in options if _same_kind(parse_body(h + tail[k:]), last)), None)
        if found is None:
            return None
        out.append(found)
    return out + [tail]


def _same_kind(body: Body | None, last: Body) -> bool:
    return body is not None and body.key == last.key and body.kind == last.kind and bool(body.place)


def _level_word_before(s: str, end: int) -> str | None:
    for lw in sorted(LEVEL_WORDS, key=len, reverse=True):
        if s.endswith(lw, 0, end):
            return lw
    m = regex.search(rf"(?:{_ETHNIC_RE.pattern})*自治(?:区|州|县|旗)$", s[:end])
    return m.group() if m else None


# --------------------------------------------------------------------------------------------
# Gazetteer: names of provinces, prefectures and counties (from the cpca package's adcodes,
# MIT licence, plus historic names seen in notices since 2006).  One name per word.
# --------------------------------------------------------------------------------------------

_PROVINCES = """
北京市 天津市 河北省 山西省 内蒙古自治区 辽宁省 吉林省 黑龙江省 上海市 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 湖北省 湖南省 广东省 广西壮族自治区 海南省 重庆市
四川省 贵州省 云南省 西藏自治区 陕西省 甘肃省 青海省 宁夏回族自治区 新疆维吾尔自治区 台湾省
"""
_PREFECTURES = """
石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市 太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市 呼和浩特市
包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 兴安盟 锡林郭勒盟 阿拉善盟 沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市
盘锦市 铁岭市 朝阳市 葫芦岛市 长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边朝鲜族自治州 哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市
七台河市 牡丹江市 黑河市 绥化市 大兴安岭地区 南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 镇江市 泰州市 宿迁市 杭州市 宁波市 温州市 嘉兴市
湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市 合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 亳州市 池州市 宣城市 福州市
厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市 南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市 济南市 青岛市 淄博市 枣庄市 东营市
烟台市 潍坊市 济宁市 泰安市 威海市 日照市 莱芜市 临沂市 德州市 聊城市 滨州市 菏泽市 郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市
三门峡市 南阳市 商丘市 信阳市 周口市 驻马店市 武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 咸宁市 随州市 恩施土家族苗族自治州 长沙市 株洲市 湘潭市
衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市 湘西土家族苗族自治州 广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 惠州市
梅州市 汕尾市 河源市 阳江市 清远市 东莞市 中山市 潮州市 揭阳市 云浮市 南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市
海口市 三亚市 三沙市 儋州市 成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 广安市 达州市 雅安市 巴中市 资阳市
阿坝藏族羌族自治州 甘孜藏族自治州 凉山彝族自治州 贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市 黔西南布依族苗族自治州 黔东南苗族侗族自治州 黔南布依族苗族自治州 昆明市 曲靖市 玉溪市
保山市 昭通市 丽江市 普洱市 临沧市 楚雄彝族自治州 红河哈尼族彝族自治州 文山壮族苗族自治州 西双版纳傣族自治州 大理白族自治州 德宏傣族景颇族自治州 怒江傈僳族自治州 迪庆藏族自治州
拉萨市 日喀则市 昌都市 林芝市 山南市 那曲地区 阿里地区 西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市 兰州市 嘉峪关市 金昌市 白银市 天水市 武威市
张掖市 平凉市 酒泉市 庆阳市 定西市 陇南市 临夏回族自治州 甘南藏族自治州 西宁市 海东市 海北藏族自治州 黄南藏族自治州 海南藏族自治州 果洛藏族自治州 玉树藏族自治州
海西蒙古族藏族自治州 银川市 石嘴山市 吴忠市 固原市 中卫市 乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 昌吉回族自治州 博尔塔拉蒙古自治州 巴音郭楞蒙古自治州 阿克苏地区
克孜勒苏柯尔克孜自治州 喀什地区 和田地区 伊犁哈萨克自治州 塔城地区 阿勒泰地区 襄樊市 淮阴市 思茅市 巢湖市
"""
_COUNTIES = """
东城区 西城区 朝阳区 丰台区 石景山区 海淀区 门头沟区 房山区 通州区 顺义区 昌平区 大兴区 怀柔区 平谷区 密云区 延庆区 和平区 河东区 河西区 南开区 河北区 红桥区 东丽区
西青区 津南区 北辰区 武清区 宝坻区 滨海新区 宁河区 静海区 蓟州区 长安区 桥西区 新华区 井陉矿区 裕华区 藁城区 鹿泉区 栾城区 井陉县 正定县 行唐县 灵寿县 高邑县 深泽县
赞皇县 无极县 平山县 元氏县 赵县 晋州市 新乐市 路南区 路北区 古冶区 开平区 丰南区 丰润区 曹妃甸区 滦县 滦南县 乐亭县 迁西县 玉田县 遵化市 迁安市 海港区 山海关区 北戴河区
抚宁区 青龙满族自治县 昌黎县 卢龙县 邯山区 丛台区 复兴区 峰峰矿区 邯郸县 临漳县 成安县 大名县 涉县 磁县 肥乡县 永年县 邱县 鸡泽县 广平县 馆陶县 魏县 曲周县 武安市 桥东区
邢台县 临城县 内丘县 柏乡县 隆尧县 任县 南和县 宁晋县 巨鹿县 新河县 广宗县 平乡县 威县 清河县 临西县 南宫市 沙河市 竞秀区 莲池区 满城区 清苑区 徐水区 涞水县 阜平县
定兴县 唐县 高阳县 容城县 涞源县 望都县 安新县 易县 曲阳县 蠡县 顺平县 博野县 雄县 涿州市 安国市 高碑店市 宣化区 下花园区 万全区 崇礼区 张北县 康保县 沽源县 尚义县 蔚县
阳原县 怀安县 怀来县 涿鹿县 赤城县 双桥区 双滦区 鹰手营子矿区 承德县 兴隆县 平泉县 滦平县 隆化县 丰宁满族自治县 宽城满族自治县 围场满族蒙古族自治县 运河区 沧县 青县 东光县
海兴县 盐山县 肃宁县 南皮县 吴桥县 献县 孟村回族自治县 泊头市 任丘市 黄骅市 河间市 安次区 广阳区 固安县 永清县 香河县 大城县 文安县 大厂回族自治县 霸州市 三河市 桃城区
冀州区 枣强县 武邑县 武强县 饶阳县 安平县 故城县 景县 阜城县 深州市 定州市 辛集市 小店区 迎泽区 杏花岭区 尖草坪区 万柏林区 晋源区 清徐县 阳曲县 娄烦县 古交市 城区 矿区
南郊区 新荣区 阳高县 天镇县 广灵县 灵丘县 浑源县 左云县 大同县 郊区 平定县 盂县 长治县 襄垣县 屯留县 平顺县 黎城县 壶关县 长子县 武乡县 沁县 沁源县 潞城市 沁水县 阳城县
陵川县 泽州县 高平市 朔城区 平鲁区 山阴县 应县 右玉县 怀仁县 榆次区 榆社县 左权县 和顺县 昔阳县 寿阳县 太谷县 祁县 平遥县 灵石县 介休市 盐湖区 临猗县 万荣县 闻喜县
稷山县 新绛县 绛县 垣曲县 夏县 平陆县 芮城县 永济市 河津市 忻府区 定襄县 五台县 代县 繁峙县 宁武县 静乐县 神池县 五寨县 岢岚县 河曲县 保德县 偏关县 原平市 尧都区 曲沃县
翼城县 襄汾县 洪洞县 古县 安泽县 浮山县 吉县 乡宁县 大宁县 隰县 永和县 蒲县 汾西县 侯马市 霍州市 离石区 文水县 交城县 兴县 临县 柳林县 石楼县 岚县 方山县 中阳县 交口县
孝义市 汾阳市 新城区 回民区 玉泉区 赛罕区 土默特左旗 托克托县 和林格尔县 清水河县 武川县 东河区 昆都仑区 青山区 石拐区 白云鄂博矿区 九原区 土默特右旗 固阳县
达尔罕茂明安联合旗 海勃湾区 海南区 乌达区 红山区 元宝山区 松山区 阿鲁科尔沁旗 巴林左旗 巴林右旗 林西县 克什克腾旗 翁牛特旗 喀喇沁旗 宁城县 敖汉旗 科尔沁区 科尔沁左翼中旗
科尔沁左翼后旗 开鲁县 库伦旗 奈曼旗 扎鲁特旗 霍林郭勒市 东胜区 康巴什区 达拉特旗 准格尔旗 鄂托克前旗 鄂托克旗 杭锦旗 乌审旗 伊金霍洛旗 海拉尔区 扎赉诺尔区 阿荣旗
莫力达瓦达斡尔族自治旗 鄂伦春自治旗 鄂温克族自治旗 陈巴尔虎旗 新巴尔虎左旗 新巴尔虎右旗 满洲里市 牙克石市 扎兰屯市 额尔古纳市 根河市 临河区 五原县 磴口县 乌拉特前旗 乌拉特中旗
乌拉特后旗 杭锦后旗 集宁区 卓资县 化德县 商都县 兴和县 凉城县 察哈尔右翼前旗 察哈尔右翼中旗 察哈尔右翼后旗 四子王旗 丰镇市 乌兰浩特市 阿尔山市 科尔沁右翼前旗 科尔沁右翼中旗
扎赉特旗 突泉县 二连浩特市 锡林浩特市 阿巴嘎旗 苏尼特左旗 苏尼特右旗 东乌珠穆沁旗 西乌珠穆沁旗 太仆寺旗 镶黄旗 正镶白旗 正蓝旗 多伦县 阿拉善左旗 阿拉善右旗 额济纳旗 沈河区
大东区 皇姑区 铁西区 苏家屯区 浑南区 沈北新区 于洪区 辽中区 康平县 法库县 新民市 中山区 西岗区 沙河口区 甘井子区 旅顺口区 金州区 普兰店区 长海县 瓦房店市 庄河市 铁东区
立山区 千山区 台安县 岫岩满族自治县 海城市 新抚区 东洲区 望花区 顺城区 抚顺县 新宾满族自治县 清原满族自治县 平山区 溪湖区 明山区 南芬区 本溪满族自治县 桓仁满族自治县 元宝区
振兴区 振安区 宽甸满族自治县 东港市 凤城市 古塔区 凌河区 太和区 黑山县 义县 凌海市 北镇市 站前区 西市区 鲅鱼圈区 老边区 盖州市 大石桥市 海州区 新邱区 太平区 清河门区
细河区 阜新蒙古族自治县 彰武县 白塔区 文圣区 宏伟区 弓长岭区 太子河区 辽阳县 灯塔市 双台子区 兴隆台区 大洼区 盘山县 银州区 清河区 铁岭县 西丰县 昌图县 调兵山市 开原市
双塔区 龙城区 朝阳县 建平县 喀喇沁左翼蒙古族自治县 北票市 凌源市 连山区 龙港区 南票区 绥中县 建昌县 兴城市 南关区 宽城区 二道区 绿园区 双阳区 九台区 农安县 榆树市 德惠市
昌邑区 龙潭区 船营区 丰满区 永吉县 蛟河市 桦甸市 舒兰市 磐石市 梨树县 伊通满族自治县 公主岭市 双辽市 龙山区 西安区 东丰县 东辽县 东昌区 二道江区 通化县 辉南县 柳河县
梅河口市 集安市 浑江区 江源区 抚松县 靖宇县 长白朝鲜族自治县 临江市 宁江区 前郭尔罗斯蒙古族自治县 长岭县 乾安县 扶余市 洮北区 镇赉县 通榆县 洮南市 大安市 延吉市 图们市
敦化市 珲春市 龙井市 和龙市 汪清县 安图县 道里区 南岗区 道外区 平房区 松北区 香坊区 呼兰区 阿城区 双城区 依兰县 方正县 宾县 巴彦县 木兰县 通河县 延寿县 尚志市 五常市
龙沙区 建华区 铁锋区 昂昂溪区 富拉尔基区 碾子山区 梅里斯达斡尔族区 龙江县 依安县 泰来县 甘南县 富裕县 克山县 克东县 拜泉县 讷河市 鸡冠区 恒山区 滴道区 梨树区 城子河区
麻山区 鸡东县 虎林市 密山市 向阳区 工农区 南山区 兴安区 东山区 兴山区 萝北县 绥滨县 尖山区 岭东区 四方台区 宝山区 集贤县 友谊县 宝清县 饶河县 萨尔图区 龙凤区 让胡路区
红岗区 大同区 肇州县 肇源县 林甸县 杜尔伯特蒙古族自治县 伊春区 南岔区 友好区 西林区 翠峦区 新青区 美溪区 金山屯区 五营区 乌马河区 汤旺河区 带岭区 乌伊岭区 红星区 上甘岭区
嘉荫县 铁力市 前进区 东风区 桦南县 桦川县 汤原县 同江市 富锦市 抚远市 新兴区 桃山区 茄子河区 勃利县 东安区 阳明区 爱民区 林口县 绥芬河市 海林市 宁安市 穆棱市 东宁市
爱辉区 嫩江县 逊克县 孙吴县 北安市 五大连池市 北林区 望奎县 兰西县 青冈县 庆安县 明水县 绥棱县 安达市 肇东市 海伦市 呼玛县 塔河县 漠河县 黄浦区 徐汇区 长宁区 静安区
普陀区 虹口区 杨浦区 闵行区 嘉定区 浦东新区 金山区 松江区 青浦区 奉贤区 崇明区 玄武区 秦淮区 建邺区 鼓楼区 浦口区 栖霞区 雨花台区 江宁区 六合区 溧水区 高淳区 锡山区
惠山区 滨湖区 梁溪区 新吴区 江阴市 宜兴市 云龙区 贾汪区 泉山区 铜山区 丰县 沛县 睢宁县 新沂市 邳州市 天宁区 钟楼区 新北区 武进区 金坛区 溧阳市 虎丘区 吴中区 相城区
姑苏区 吴江区 常熟市 张家港市 昆山市 太仓市 崇川区 港闸区 海安县 如东县 启东市 如皋市 海门市 连云区 赣榆区 东海县 灌云县 灌南县 淮安区 淮阴区 清江浦区 洪泽区 涟水县
盱眙县 金湖县 亭湖区 盐都区 大丰区 响水县 滨海县 阜宁县 射阳县 建湖县 东台市 广陵区 邗江区 江都区 宝应县 仪征市 高邮市 京口区 润州区 丹徒区 丹阳市 扬中市 句容市 海陵区
高港区 姜堰区 兴化市 靖江市 泰兴市 宿城区 宿豫区 沭阳县 泗阳县 泗洪县 上城区 下城区 江干区 拱墅区 西湖区 滨江区 萧山区 余杭区 富阳区 桐庐县 淳安县 建德市 临安市 海曙区
江东区 江北区 北仑区 镇海区 鄞州区 象山县 宁海县 余姚市 慈溪市 奉化市 鹿城区 龙湾区 瓯海区 洞头区 永嘉县 平阳县 苍南县 文成县 泰顺县 瑞安市 乐清市 南湖区 秀洲区 嘉善县
海盐县 海宁市 平湖市 桐乡市 吴兴区 南浔区 德清县 长兴县 安吉县 越城区 柯桥区 上虞区 新昌县 诸暨市 嵊州市 婺城区 金东区 武义县 浦江县 磐安县 兰溪市 义乌市 东阳市 永康市
柯城区 衢江区 常山县 开化县 龙游县 江山市 定海区 岱山县 嵊泗县 椒江区 黄岩区 路桥区 玉环县 三门县 天台县 仙居县 温岭市 临海市 莲都区 青田县 缙云县 遂昌县 松阳县 云和县
庆元县 景宁畲族自治县 龙泉市 瑶海区 庐阳区 蜀山区 包河区 长丰县 肥东县 肥西县 庐江县 镜湖区 弋江区 鸠江区 三山区 芜湖县 繁昌县 南陵县 无为县 龙子湖区 蚌山区 禹会区 淮上区
怀远县 五河县 固镇县 大通区 田家庵区 谢家集区 八公山区 潘集区 凤台县 寿县 花山区 雨山区 博望区 当涂县 含山县 和县 杜集区 相山区 烈山区 濉溪县 铜官区 义安区 枞阳县 迎江区
大观区 宜秀区 怀宁县 潜山县 太湖县 宿松县 望江县 岳西县 桐城市 屯溪区 黄山区 徽州区 歙县 休宁县 黟县 祁门县 琅琊区 南谯区 来安县 全椒县 定远县 凤阳县 天长市 明光市
颍州区 颍东区 颍泉区 临泉县 太和县 阜南县 颍上县 界首市 埇桥区 砀山县 萧县 灵璧县 泗县 金安区 裕安区 叶集区 霍邱县 舒城县 金寨县 霍山县 谯城区 涡阳县 蒙城县 利辛县
贵池区 东至县 石台县 青阳县 宣州区 郎溪县 广德县 泾县 绩溪县 旌德县 宁国市 台江区 仓山区 马尾区 晋安区 闽侯县 连江县 罗源县 闽清县 永泰县 平潭县 福清市 长乐市 思明区
海沧区 湖里区 集美区 同安区 翔安区 城厢区 涵江区 荔城区 秀屿区 仙游县 梅列区 三元区 明溪县 清流县 宁化县 大田县 尤溪县 沙县 将乐县 泰宁县 建宁县 永安市 鲤城区 丰泽区
洛江区 泉港区 惠安县 安溪县 永春县 德化县 金门县 石狮市 晋江市 南安市 芗城区 龙文区 云霄县 漳浦县 诏安县 长泰县 东山县 南靖县 平和县 华安县 龙海市 延平区 建阳区 顺昌县
浦城县 光泽县 松溪县 政和县 邵武市 武夷山市 建瓯市 新罗区 永定区 长汀县 上杭县 武平县 连城县 漳平市 蕉城区 霞浦县 古田县 屏南县 寿宁县 周宁县 柘荣县 福安市 福鼎市 东湖区
青云谱区 湾里区 青山湖区 新建区 南昌县 安义县 进贤县 昌江区 珠山区 浮梁县 乐平市 安源区 湘东区 莲花县 上栗县 芦溪县 濂溪区 浔阳区 九江县 武宁县 修水县 永修县 德安县
都昌县 湖口县 彭泽县 瑞昌市 共青城市 庐山市 渝水区 分宜县 月湖区 余江县 贵溪市 章贡区 南康区 赣县 信丰县 大余县 上犹县 崇义县 安远县 龙南县 定南县 全南县 宁都县 于都县
兴国县 会昌县 寻乌县 石城县 瑞金市 吉州区 青原区 吉安县 吉水县 峡江县 新干县 永丰县 泰和县 遂川县 万安县 安福县 永新县 井冈山市 袁州区 奉新县 万载县 上高县 宜丰县 靖安县
铜鼓县 丰城市 樟树市 高安市 临川区 南城县 黎川县 南丰县 崇仁县 乐安县 宜黄县 金溪县 资溪县 东乡县 广昌县 信州区 广丰区 上饶县 玉山县 铅山县 横峰县 弋阳县 余干县 鄱阳县
万年县 婺源县 德兴市 历下区 市中区 槐荫区 天桥区 历城区 长清区 平阴县 济阳县 商河县 章丘市 市南区 市北区 黄岛区 崂山区 李沧区 城阳区 胶州市 即墨市 平度市 莱西市 淄川区
张店区 博山区 临淄区 周村区 桓台县 高青县 沂源县 薛城区 峄城区 台儿庄区 山亭区 滕州市 东营区 河口区 垦利区 利津县 广饶县 芝罘区 福山区 牟平区 莱山区 长岛县 龙口市 莱阳市
莱州市 蓬莱市 招远市 栖霞市 海阳市 潍城区 寒亭区 坊子区 奎文区 临朐县 昌乐县 青州市 诸城市 寿光市 安丘市 高密市 昌邑市 任城区 兖州区 微山县 鱼台县 金乡县 嘉祥县 汶上县
泗水县 梁山县 曲阜市 邹城市 泰山区 岱岳区 宁阳县 东平县 新泰市 肥城市 环翠区 文登区 荣成市 乳山市 东港区 岚山区 五莲县 莒县 莱城区 钢城区 兰山区 罗庄区 沂南县 郯城县
沂水县 兰陵县 费县 平邑县 莒南县 蒙阴县 临沭县 德城区 陵城区 宁津县 庆云县 临邑县 齐河县 平原县 夏津县 武城县 乐陵市 禹城市 东昌府区 阳谷县 莘县 茌平县 东阿县 冠县
高唐县 临清市 滨城区 沾化区 惠民县 阳信县 无棣县 博兴县 邹平县 牡丹区 定陶区 曹县 单县 成武县 巨野县 郓城县 鄄城县 东明县 中原区 二七区 管城回族区 金水区 上街区 惠济区
中牟县 巩义市 荥阳市 新密市 新郑市 登封市 龙亭区 顺河回族区 禹王台区 金明区 祥符区 杞县 通许县 尉氏县 兰考县 老城区 西工区 瀍河回族区 涧西区 吉利区 洛龙区 孟津县 新安县
栾川县 嵩县 汝阳县 宜阳县 洛宁县 伊川县 偃师市 卫东区 石龙区 湛河区 宝丰县 叶县 鲁山县 郏县 舞钢市 汝州市 文峰区 北关区 殷都区 龙安区 安阳县 汤阴县 滑县 内黄县 林州市
鹤山区 山城区 淇滨区 浚县 淇县 红旗区 卫滨区 凤泉区 牧野区 新乡县 获嘉县 原阳县 延津县 封丘县 长垣县 卫辉市 辉县市 解放区 中站区 马村区 山阳区 修武县 博爱县 武陟县 温县
沁阳市 孟州市 华龙区 清丰县 南乐县 范县 台前县 濮阳县 魏都区 许昌县 鄢陵县 襄城县 禹州市 长葛市 源汇区 郾城区 召陵区 舞阳县 临颍县 湖滨区 陕州区 渑池县 卢氏县 义马市
灵宝市 宛城区 卧龙区 南召县 方城县 西峡县 镇平县 内乡县 淅川县 社旗县 唐河县 新野县 桐柏县 邓州市 梁园区 睢阳区 民权县 睢县 宁陵县 柘城县 虞城县 夏邑县 永城市 浉河区
平桥区 罗山县 光山县 新县 商城县 固始县 潢川县 淮滨县 息县 川汇区 扶沟县 西华县 商水县 沈丘县 郸城县 淮阳县 太康县 鹿邑县 项城市 驿城区 西平县 上蔡县 平舆县 正阳县
确山县 泌阳县 汝南县 遂平县 新蔡县 济源市 江岸区 江汉区 硚口区 汉阳区 武昌区 洪山区 东西湖区 汉南区 蔡甸区 江夏区 黄陂区 新洲区 黄石港区 西塞山区 下陆区 铁山区 阳新县
大冶市 茅箭区 张湾区 郧阳区 郧西县 竹山县 竹溪县 房县 丹江口市 西陵区 伍家岗区 点军区 猇亭区 夷陵区 远安县 兴山县 秭归县 长阳土家族自治县 五峰土家族自治县 宜都市 当阳市
枝江市 襄城区 樊城区 襄州区 南漳县 谷城县 保康县 老河口市 枣阳市 宜城市 梁子湖区 华容区 鄂城区 东宝区 掇刀区 京山县 沙洋县 钟祥市 孝南区 孝昌县 大悟县 云梦县 应城市
安陆市 汉川市 沙市区 荆州区 公安县 监利县 江陵县 石首市 洪湖市 松滋市 黄州区 团风县 红安县 罗田县 英山县 浠水县 蕲春县 黄梅县 麻城市 武穴市 咸安区 嘉鱼县 通城县 崇阳县
通山县 赤壁市 曾都区 随县 广水市 恩施市 利川市 建始县 巴东县 宣恩县 咸丰县 来凤县 鹤峰县 仙桃市 潜江市 天门市 神农架林区 芙蓉区 天心区 岳麓区 开福区 雨花区 望城区 长沙县
宁乡县 浏阳市 荷塘区 芦淞区 石峰区 天元区 株洲县 攸县 茶陵县 炎陵县 醴陵市 雨湖区 岳塘区 湘潭县 湘乡市 韶山市 珠晖区 雁峰区 石鼓区 蒸湘区 南岳区 衡阳县 衡南县 衡山县
衡东县 祁东县 耒阳市 常宁市 双清区 大祥区 北塔区 邵东县 新邵县 邵阳县 隆回县 洞口县 绥宁县 新宁县 城步苗族自治县 武冈市 岳阳楼区 云溪区 君山区 岳阳县 华容县 湘阴县 平江县
汨罗市 临湘市 武陵区 鼎城区 安乡县 汉寿县 澧县 临澧县 桃源县 石门县 津市市 武陵源区 慈利县 桑植县 资阳区 赫山区 南县 桃江县 安化县 沅江市 北湖区 苏仙区 桂阳县 宜章县
永兴县 嘉禾县 临武县 汝城县 桂东县 安仁县 资兴市 零陵区 冷水滩区 祁阳县 东安县 双牌县 道县 江永县 宁远县 蓝山县 新田县 江华瑶族自治县 鹤城区 中方县 沅陵县 辰溪县 溆浦县
会同县 麻阳苗族自治县 新晃侗族自治县 芷江侗族自治县 靖州苗族侗族自治县 通道侗族自治县 洪江市 娄星区 双峰县 新化县 冷水江市 涟源市 吉首市 泸溪县 凤凰县 花垣县 保靖县 古丈县
永顺县 龙山县 荔湾区 越秀区 海珠区 天河区 白云区 黄埔区 番禺区 花都区 南沙区 从化区 增城区 武江区 浈江区 曲江区 始兴县 仁化县 翁源县 乳源瑶族自治县 新丰县 乐昌市 南雄市
罗湖区 福田区 宝安区 龙岗区 盐田区 香洲区 斗门区 金湾区 龙湖区 金平区 濠江区 潮阳区 潮南区 澄海区 南澳县 禅城区 南海区 顺德区 三水区 高明区 蓬江区 江海区 新会区 台山市
开平市 鹤山市 恩平市 赤坎区 霞山区 坡头区 麻章区 遂溪县 徐闻县 廉江市 雷州市 吴川市 茂南区 电白区 高州市 化州市 信宜市 端州区 鼎湖区 高要区 广宁县 怀集县 封开县 德庆县
四会市 惠城区 惠阳区 博罗县 惠东县 龙门县 梅江区 梅县区 大埔县 丰顺县 五华县 平远县 蕉岭县 兴宁市 海丰县 陆河县 陆丰市 源城区 紫金县 龙川县 连平县 和平县 东源县 江城区
阳东区 阳西县 阳春市 清城区 清新区 佛冈县 阳山县 连山壮族瑶族自治县 连南瑶族自治县 英德市 连州市 湘桥区 潮安区 饶平县 榕城区 揭东区 揭西县 惠来县 普宁市 云城区 云安区
新兴县 郁南县 罗定市 兴宁区 青秀区 江南区 西乡塘区 良庆区 邕宁区 武鸣区 隆安县 马山县 上林县 宾阳县 横县 城中区 鱼峰区 柳南区 柳北区 柳江区 柳城县 鹿寨县 融安县
融水苗族自治县 三江侗族自治县 秀峰区 叠彩区 象山区 七星区 雁山区 临桂区 阳朔县 灵川县 全州县 兴安县 永福县 灌阳县 龙胜各族自治县 资源县 平乐县 荔浦县 恭城瑶族自治县 万秀区
长洲区 龙圩区 苍梧县 藤县 蒙山县 岑溪市 海城区 银海区 铁山港区 合浦县 港口区 防城区 上思县 东兴市 钦南区 钦北区 灵山县 浦北县 港北区 港南区 覃塘区 平南县 桂平市 玉州区
福绵区 容县 陆川县 博白县 兴业县 北流市 右江区 田阳县 田东县 平果县 德保县 那坡县 凌云县 乐业县 田林县 西林县 隆林各族自治县 靖西市 八步区 平桂区 昭平县 钟山县
富川瑶族自治县 金城江区 南丹县 天峨县 凤山县 东兰县 罗城仫佬族自治县 环江毛南族自治县 巴马瑶族自治县 都安瑶族自治县 大化瑶族自治县 宜州市 兴宾区 忻城县 象州县 武宣县
金秀瑶族自治县 合山市 江州区 扶绥县 宁明县 龙州县 大新县 天等县 凭祥市 秀英区 龙华区 琼山区 美兰区 海棠区 吉阳区 天涯区 崖州区 五指山市 琼海市 文昌市 万宁市 东方市 定安县
屯昌县 澄迈县 临高县 白沙黎族自治县 昌江黎族自治县 乐东黎族自治县 陵水黎族自治县 保亭黎族苗族自治县 琼中黎族苗族自治县 万州区 涪陵区 渝中区 大渡口区 沙坪坝区 九龙坡区 南岸区
北碚区 綦江区 大足区 渝北区 巴南区 黔江区 长寿区 江津区 合川区 永川区 南川区 璧山区 铜梁区 潼南区 荣昌区 开州区 梁平县 城口县 丰都县 垫江县 武隆县 忠县 云阳县 奉节县
巫山县 巫溪县 石柱土家族自治县 秀山土家族苗族自治县 酉阳土家族苗族自治县 彭水苗族土家族自治县 锦江区 青羊区 金牛区 武侯区 成华区 龙泉驿区 青白江区 新都区 温江区 双流区 金堂县
郫县 大邑县 蒲江县 新津县 都江堰市 彭州市 邛崃市 崇州市 简阳市 自流井区 贡井区 大安区 沿滩区 荣县 富顺县 东区 西区 仁和区 米易县 盐边县 江阳区 纳溪区 龙马潭区 泸县
合江县 叙永县 古蔺县 旌阳区 中江县 罗江县 广汉市 什邡市 绵竹市 涪城区 游仙区 安州区 三台县 盐亭县 梓潼县 北川羌族自治县 平武县 江油市 利州区 昭化区 朝天区 旺苍县 青川县
剑阁县 苍溪县 船山区 安居区 蓬溪县 射洪县 大英县 东兴区 威远县 资中县 隆昌县 沙湾区 五通桥区 金口河区 犍为县 井研县 夹江县 沐川县 峨边彝族自治县 马边彝族自治县 峨眉山市
顺庆区 高坪区 嘉陵区 南部县 营山县 蓬安县 仪陇县 西充县 阆中市 东坡区 彭山区 仁寿县 洪雅县 丹棱县 青神县 翠屏区 南溪区 宜宾县 江安县 长宁县 高县 珙县 筠连县 兴文县
屏山县 广安区 前锋区 岳池县 武胜县 邻水县 华蓥市 通川区 达川区 宣汉县 开江县 大竹县 渠县 万源市 雨城区 名山区 荥经县 汉源县 石棉县 天全县 芦山县 宝兴县 巴州区 恩阳区
通江县 南江县 平昌县 雁江区 安岳县 乐至县 马尔康市 汶川县 理县 茂县 松潘县 九寨沟县 金川县 小金县 黑水县 壤塘县 阿坝县 若尔盖县 红原县 康定市 泸定县 丹巴县 九龙县 雅江县
道孚县 炉霍县 甘孜县 新龙县 德格县 白玉县 石渠县 色达县 理塘县 巴塘县 乡城县 稻城县 得荣县 西昌市 木里藏族自治县 盐源县 德昌县 会理县 会东县 宁南县 普格县 布拖县 金阳县
昭觉县 喜德县 冕宁县 越西县 甘洛县 美姑县 雷波县 南明区 云岩区 花溪区 乌当区 观山湖区 开阳县 息烽县 修文县 清镇市 钟山区 六枝特区 水城县 盘县 红花岗区 汇川区 播州区
桐梓县 绥阳县 正安县 道真仡佬族苗族自治县 务川仡佬族苗族自治县 凤冈县 湄潭县 余庆县 习水县 赤水市 仁怀市 西秀区 平坝区 普定县 镇宁布依族苗族自治县 关岭布依族苗族自治县
紫云苗族布依族自治县 七星关区 大方县 黔西县 金沙县 织金县 纳雍县 威宁彝族回族苗族自治县 赫章县 碧江区 万山区 江口县 玉屏侗族自治县 石阡县 思南县 印江土家族苗族自治县 德江县
沿河土家族自治县 松桃苗族自治县 兴义市 兴仁县 普安县 晴隆县 贞丰县 望谟县 册亨县 安龙县 凯里市 黄平县 施秉县 三穗县 镇远县 岑巩县 天柱县 锦屏县 剑河县 台江县 黎平县 榕江县
从江县 雷山县 麻江县 丹寨县 都匀市 福泉市 荔波县 贵定县 瓮安县 独山县 平塘县 罗甸县 长顺县 龙里县 惠水县 三都水族自治县 五华区 盘龙区 官渡区 西山区 东川区 呈贡区 晋宁县
富民县 宜良县 石林彝族自治县 嵩明县 禄劝彝族苗族自治县 寻甸回族彝族自治县 安宁市 麒麟区 沾益区 马龙县 陆良县 师宗县 罗平县 富源县 会泽县 宣威市 红塔区 江川区 澄江县 通海县
华宁县 易门县 峨山彝族自治县 新平彝族傣族自治县 元江哈尼族彝族傣族自治县 隆阳区 施甸县 龙陵县 昌宁县 腾冲市 昭阳区 鲁甸县 巧家县 盐津县 大关县 永善县 绥江县 镇雄县 彝良县
威信县 水富县 古城区 玉龙纳西族自治县 永胜县 华坪县 宁蒗彝族自治县 思茅区 宁洱哈尼族彝族自治县 墨江哈尼族自治县 景东彝族自治县 景谷傣族彝族自治县 镇沅彝族哈尼族拉祜族自治县
江城哈尼族彝族自治县 孟连傣族拉祜族佤族自治县 澜沧拉祜族自治县 西盟佤族自治县 临翔区 凤庆县 云县 永德县 镇康县 双江拉祜族佤族布朗族傣族自治县 耿马傣族佤族自治县 沧源佤族自治县
楚雄市 双柏县 牟定县 南华县 姚安县 大姚县 永仁县 元谋县 武定县 禄丰县 个旧市 开远市 蒙自市 弥勒市 屏边苗族自治县 建水县 石屏县 泸西县 元阳县 红河县 金平苗族瑶族傣族自治县
绿春县 河口瑶族自治县 文山市 砚山县 西畴县 麻栗坡县 马关县 丘北县 广南县 富宁县 景洪市 勐海县 勐腊县 大理市 漾濞彝族自治县 祥云县 宾川县 弥渡县 南涧彝族自治县
巍山彝族回族自治县 永平县 云龙县 洱源县 剑川县 鹤庆县 瑞丽市 芒市 梁河县 盈江县 陇川县 泸水市 福贡县 贡山独龙族怒族自治县 兰坪白族普米族自治县 香格里拉市 德钦县
维西傈僳族自治县 城关区 堆龙德庆区 林周县 当雄县 尼木县 曲水县 达孜县 墨竹工卡县 桑珠孜区 南木林县 江孜县 定日县 萨迦县 拉孜县 昂仁县 谢通门县 白朗县 仁布县 康马县 定结县
仲巴县 亚东县 吉隆县 聂拉木县 萨嘎县 岗巴县 卡若区 江达县 贡觉县 类乌齐县 丁青县 察雅县 八宿县 左贡县 芒康县 洛隆县 边坝县 巴宜区 工布江达县 米林县 墨脱县 波密县 察隅县
朗县 乃东区 扎囊县 贡嘎县 桑日县 琼结县 曲松县 措美县 洛扎县 加查县 隆子县 错那县 浪卡子县 那曲县 嘉黎县 比如县 聂荣县 安多县 申扎县 索县 班戈县 巴青县 尼玛县 双湖县
普兰县 札达县 噶尔县 日土县 革吉县 改则县 措勤县 碑林区 莲湖区 灞桥区 未央区 雁塔区 阎良区 临潼区 高陵区 蓝田县 周至县 户县 王益区 印台区 耀州区 宜君县 渭滨区 金台区
陈仓区 凤翔县 岐山县 扶风县 眉县 陇县 千阳县 麟游县 凤县 太白县 秦都区 杨陵区 渭城区 三原县 泾阳县 乾县 礼泉县 永寿县 彬县 长武县 旬邑县 淳化县 武功县 兴平市 临渭区
华州区 潼关县 大荔县 合阳县 澄城县 蒲城县 白水县 富平县 韩城市 华阴市 宝塔区 安塞区 延长县 延川县 子长县 志丹县 吴起县 甘泉县 富县 洛川县 宜川县 黄龙县 黄陵县 汉台区
南郑县 城固县 洋县 西乡县 勉县 宁强县 略阳县 镇巴县 留坝县 佛坪县 榆阳区 横山区 神木县 府谷县 靖边县 定边县 绥德县 米脂县 佳县 吴堡县 清涧县 子洲县 汉滨区 汉阴县 石泉县
宁陕县 紫阳县 岚皋县 平利县 镇坪县 旬阳县 白河县 商州区 洛南县 丹凤县 商南县 山阳县 镇安县 柞水县 七里河区 西固区 安宁区 红古区 永登县 皋兰县 榆中县 金川区 永昌县 白银区
平川区 靖远县 会宁县 景泰县 秦州区 麦积区 清水县 秦安县 甘谷县 武山县 张家川回族自治县 凉州区 民勤县 古浪县 天祝藏族自治县 甘州区 肃南裕固族自治县 民乐县 临泽县 高台县
山丹县 崆峒区 泾川县 灵台县 崇信县 华亭县 庄浪县 静宁县 肃州区 金塔县 瓜州县 肃北蒙古族自治县 阿克塞哈萨克族自治县 玉门市 敦煌市 西峰区 庆城县 环县 华池县 合水县 正宁县
宁县 镇原县 安定区 通渭县 陇西县 渭源县 临洮县 漳县 岷县 武都区 成县 文县 宕昌县 康县 西和县 礼县 徽县 两当县 临夏市 临夏县 康乐县 永靖县 广河县 和政县 东乡族自治县
积石山保安族东乡族撒拉族自治县 合作市 临潭县 卓尼县 舟曲县 迭部县 玛曲县 碌曲县 夏河县 城东区 城西区 城北区 大通回族土族自治县 湟中县 湟源县 乐都区 平安区 民和回族土族自治县
互助土族自治县 化隆回族自治县 循化撒拉族自治县 门源回族自治县 祁连县 海晏县 刚察县 同仁县 尖扎县 泽库县 河南蒙古族自治县 共和县 同德县 贵德县 兴海县 贵南县 玛沁县 班玛县
甘德县 达日县 久治县 玛多县 玉树市 杂多县 称多县 治多县 囊谦县 曲麻莱县 格尔木市 德令哈市 乌兰县 都兰县 天峻县 兴庆区 西夏区 金凤区 永宁县 贺兰县 灵武市 大武口区 惠农区
平罗县 利通区 红寺堡区 盐池县 同心县 青铜峡市 原州区 西吉县 隆德县 泾源县 彭阳县 沙坡头区 中宁县 海原县 天山区 沙依巴克区 新市区 水磨沟区 头屯河区 达坂城区 米东区
乌鲁木齐县 独山子区 克拉玛依区 白碱滩区 乌尔禾区 高昌区 鄯善县 托克逊县 伊州区 巴里坤哈萨克自治县 伊吾县 昌吉市 阜康市 呼图壁县 玛纳斯县 奇台县 吉木萨尔县 木垒哈萨克自治县
博乐市 阿拉山口市 精河县 温泉县 库尔勒市 轮台县 尉犁县 若羌县 且末县 焉耆回族自治县 和静县 和硕县 博湖县 阿克苏市 温宿县 库车县 沙雅县 新和县 拜城县 乌什县 阿瓦提县 柯坪县
阿图什市 阿克陶县 阿合奇县 乌恰县 喀什市 疏附县 疏勒县 英吉沙县 泽普县 莎车县 叶城县 麦盖提县 岳普湖县 伽师县 巴楚县 塔什库尔干塔吉克自治县 和田市 和田县 墨玉县 皮山县
洛浦县 策勒县 于田县 民丰县 伊宁市 奎屯市 霍尔果斯市 伊宁县 察布查尔锡伯自治县 霍城县 巩留县 新源县 昭苏县 特克斯县 尼勒克县 塔城市 乌苏市 额敏县 沙湾县 托里县 裕民县
和布克赛尔蒙古自治县 阿勒泰市 布尔津县 富蕴县 福海县 哈巴河县 青河县 吉木乃县 石河子市 阿拉尔市 图木舒克市 五家渠市 铁门关市 崇文区 宣武区 卢湾区 闸北区 南汇区 塘沽区 汉沽区
大港区 芳村区 白下区 下关区 金阊区 沧浪区 平江区 戚墅堰区 楚州区 清浦区 维扬区 江都市 姜堰市 金坛市 溧水县 高淳县 吴江市 三水市 南海市 顺德市 番禺市 花都市 增城市 从化市
萧山市 余杭市 富阳市 武进市 锡山市 九台市 双城市 阿城市 呼兰县 莱芜区
"""


def _init() -> None:
    global _T2S_TEXT, _T2S_READ, _TRAD, _TRAD_OR_BRACKET, _START1, _START2, _END_CHARS
    rows = _read_rows(DATA_FILE)
    _build_places()
    _build_tables(rows)
    protected: set[str] = set()
    for block in (_PROVINCES, _PREFECTURES, _COUNTIES):
        protected.update(block)
    for row in rows:
        for cell in (row.stem, row.national, *row.shorts, *row.national_shorts):
            protected.update(cell)
    _T2S_TEXT = _build_t2s(frozenset(protected))
    _T2S_READ = {**_T2S_TEXT, **_BRACKETS}
    _TRAD = frozenset(chr(c) for c in _T2S_TEXT)
    _TRAD_OR_BRACKET = _TRAD | frozenset(chr(c) for c in _BRACKETS)
    # the first two characters any body name can start with (body_suffix_start skips the rest)
    lead = ("有关", "相关", "其他", "其它", "直属", "所属", "下属", "垂管", "国务", "中央", "国家", "市府")
    words = (list(_CORE) + list(_NATIONAL) + list(_ORG) + list(_ZONE_WORDS) + list(PARTY_PREFIXES)
             + list(PARTY_MARKERS) + list(GOV_PREFIXES) + list(lead)
             + [b for b in _BASES if len(b) >= 2])
    second = {w[0] for w in _CORE} | set("委直属级各有相其垂政府党人全驻") | {w[0] for w in _ZONE_WORDS}
    starts2 = {w[:2] for w in words if len(w) >= 2}
    for p in [p for p in GOV_PREFIXES if len(p) == 1] + [o for o in _ORG if len(o) == 1]:
        starts2.update(p + c for c in second | set(GOV_PREFIXES))
    starts: set[str] = set("各驻全")
    ends: set[str] = set()
    for w in list(_CORE) + list(_NATIONAL) + list(ORG_SUFFIXES) + list(_ZONE_WORDS) + list(ZONE_GOVERNING):
        if w:
            ends.add(w[-1])
    ends.update("门位委局办地区县市镇乡道府构业校班区会)科")  # 科: an office (财务科)
    _START1 = frozenset(starts)
    _START2 = frozenset(starts2)
    _END_CHARS = frozenset(ends)


_START1: frozenset[str] = frozenset()
_START2: frozenset[str] = frozenset()
_END_CHARS: frozenset[str] = frozenset()
_init()


# ---------------------------------------------------------------- helpers the readers of lists use
@functools.cache
def vocabulary() -> frozenset[str]:
    """-> the words names are read from: local and national names, organisations, zones, places, level prefixes
    (what a reader that mends misread names, OCR, may substitute characters from)."""
    words = (*_CORE, *_NATIONAL, *_ORG, *_ZONE_WORDS, *_BASES, *LEVEL_WORDS, *GOV_PREFIXES, *PARTY_PREFIXES, *PARTY_MARKERS)
    return frozenset(w for w in words if w)


def organisation_first(body: Body) -> str | None:
    """A body named organisation-first with a place and no level (泉州银保监分局, 中国银保监会泉州监管分局) -> its
    official name with that place (中国银行保险监督管理委员会泉州监管分局); None for other bodies, and for a branch
    of such a body (福建银保监局泉州分局), whose name the rows do not give."""
    row = _ROW.get(body.key) if body.key else None
    if row is None or not row.stem or body.place is None or body.prefix:
        return None
    for ending in row.endings:
        if ending.caret and body.canonical == row.stem + ending.full:
            return row.stem + body.place + ending.full
    return None


def national_name(key: str) -> str | None:
    """A body's key -> its official national name (development-reform -> 国家发展和改革委员会), None if it has none."""
    row = _ROW.get(key)
    return row.national or None if row else None


_LOOSE_END = regex.compile(r"(?:局|委|办|部|院|行|会|厅|处|室|中心|公司|集团|站|关|联|团|队|所|馆|社|台|署|府|单位|部门|小组|银行|"
                           r"学校|大学|医院|区|县|镇|乡|街道|专班|机构|指挥部)(?:[（(][^（）()]*[）)])?$")


def ends_like_body(text: str) -> bool:
    """Text -> whether it ends the way a body's name ends (局, 委, 厅, 政府, …), whatever its start."""
    return bool(_LOOSE_END.search(_simplify(genre.ETC.sub("", text.strip()))))


def looks_like_unit_list(text: str) -> bool:
    """Text -> whether it reads as a list of bodies separated by 、，, (a unit cell of a table), or as such lists each
    after a role label (牵头：县发改局 配合：县财政局、县教育局)."""
    lists = genre.role_label_lists(text)
    return all(_bodies_listed(listed) for listed in ([text] if lists is None else lists))


def _bodies_listed(text: str) -> bool:
    items = [text[a:b] for a, b in split_top(text, "、，,")]
    return bool(text.strip()) and all(looks_like_body(genre.ETC.sub("", item.strip())) for item in items if item.strip())
