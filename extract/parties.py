"""Unit parsing: the text naming the units of a clause -> one assignment per (role, unit) as written.

The genre names units in several ways, all read here into the same records: labelled lists (牵头单位：A、B，
配合单位：C; 【牵头单位】…; 牵头责任单位: / 协同责任单位: on lines of their own), and prose (A牵头，B配合;
A、B按职责分工负责; A配合B落实, where B leads; 由A会同B负责). Leaders named in the same place (责任领导：…)
are people, never units; time frames (年内持续推进, 2023年12月底前) are deadlines. Both scripts are read.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace

import regex

from fengong.extract.model import Assignment, Clause, Issue, IssueCode, Span
from fengong.extract.script import compile_both, to_simplified

ROLES = {
    "牵头单位": "lead", "牵头责任单位": "lead", "牵头部门": "lead", "主办单位": "lead", "主责单位": "lead",
    "配合单位": "support", "协同责任单位": "support", "协同单位": "support", "协办单位": "support",
    "配合部门": "support", "参与单位": "support",
    "责任单位": "responsible", "责任部门": "responsible",
}
LEADER_LABELS = ("牵头负责领导", "牵头区领导", "牵头市领导", "牵头县领导", "牵头领导", "责任领导", "分管领导", "联系领导", "责任人")
DEADLINE_LABELS = ("完成时限", "完成时间", "时间节点", "时限要求")
_ALL_LABELS = sorted(list(ROLES) + list(LEADER_LABELS) + list(DEADLINE_LABELS), key=len, reverse=True)
# A label needs its colon, or brackets of its own (【牵头单位】), to be a label and not a word in the text.
LABEL = compile_both(r"\s*(?:[【\[]\s*(" + "|".join(_ALL_LABELS) + r")\s*[】\]]\s*[:：]?|(" + "|".join(_ALL_LABELS) + r")\s*[:：])\s*")
_LABEL_AT = compile_both(r"(?:[【\[]\s*(?:" + "|".join(_ALL_LABELS) + r")\s*[】\]]|(?:" + "|".join(_ALL_LABELS) + r")\s*[:：])")
_OPEN, _CLOSE = "（(〔[【", "）)〕]】"
# A trailing 等 / 等部门 / 等有关部门 / 等市部门 says the list is open-ended; it is no unit of its own.
_ETC = compile_both(r"等(?:[市区县省]级?)?(?:各)?(?:有关|相关)?(?:部门|单位|机构)?(?:和单位)?$")
_UNIT_END = compile_both(
    r"(?:局|委|办|部|院|行|会|厅|处|室|中心|公司|集团|站|关|联|团|队|所|馆|社|台|署|府|单位|部门|小组|银行|学校|大学|医院|区|县|镇|乡|街道|专班|机构)"
    r"(?:[（(][^（）()]*[）)])?$"
)
_UNIT_START = compile_both(
    r"^(?:[市区县省州镇乡]|中共|共青团|团[市区县省]委|国家|中国|中央|国务院|全国|全市|全区|全省|人民银行|各|有关|相关|"
    r"\p{Han}{2,3}(?:市|省|县|区|海关|银监|银保监|证监|海事|铁路|国际|供电|邮政|烟草|税务|军分区|警备|经济|开发|高新))"
)
# Prose assignments inside the bracket (or a segment of it).
_PROSE_LEAD = compile_both(r"^(.+?)(?:牵头(?:负责|落实|实施)?|为牵头单位)$")
_PROSE_RESPONSIBLE = compile_both(r"^(.+?)(?:按职责分工|按照职责分工|按职责|分别|共同|各自)?(?:负责|落实|承担)(?:落实|实施|推进)?$")
_PROSE_SUPPORT_LEAD = compile_both(r"^(.+?)配合(.+?)(?:落实|实施|推进|开展|负责)$")
_PROSE_SUPPORT = compile_both(r"^(.+?)(?:协助|配合|参与)$")
_BY = compile_both(r"由(.{2,60}?)(?:会同(.{2,120}?))?(?:共同)?负责")
# A unit list ends with its verb when written as prose: 省发展改革委、省统计局按职责分工负责.
_TRAILING_VERB = compile_both(r"(?:按职责分工|按照职责分工|按职责|分别|共同|各自)?(?:负责|牵头|配合)(?:落实|实施|推进)?$")
_REMARK = compile_both(r"见|按照|根据|具体|下同|不再|涉及|均|附表|要求|分工|确保|做好|其中")
_DEADLINE = compile_both(
    r"^(?:\d{4}\s*年?\s*\d{0,2}\s*月?(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬)?(?:前|以前|之前)?(?:完成)?|"
    r"(?:\d{4}年)?(?:年内|年底前|年底|上半年|下半年)(?:完成|持续推进)?|年内持续推进|持续推进|长期坚持|长期|常态化推进|每年|每季度|每月|逐年推进)$"
)
_ISO = regex.compile(r"(\d{4})\s*年?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?")
_YEAR_END = regex.compile(r"(\d{4})\s*年\s*(?:底|年底)")
# 各县、市、区政府 / 各区、县级市: one unit whose parts share 各 and a suffix across 、.
_CONJUNCTION = compile_both(r"及|和|与")
_ROLE_MARK = compile_both(r"[（(](牵头|配合)[）)]$")
_ADMIN_WORD = compile_both(r"^(?:各)?(?:县级市|自治区|自治州|自治县|直辖市|[省市区县州盟旗乡镇])(?:人民)?(?:政府|党委)?$")


@dataclass(frozen=True, slots=True)
class Party:
    """What the text naming a clause's units says: units by role, leaders, deadline, remarks."""

    units: tuple[tuple[str, str, bool, int], ...]  # (role, unit as written, 等 follows, offset in the text)
    leaders: tuple[str, ...] = ()
    deadline: str | None = None
    remarks: tuple[str, ...] = ()


def _close_of(text: str, start: int) -> int | None:
    """Index of the bracket closing the one opened at `start`, nesting respected; None when unclosed."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] in _OPEN:
            depth += 1
        elif text[i] in _CLOSE:
            depth -= 1
            if depth == 0:
                return i
    return None


def _is_prose_party(inner: str) -> bool:
    """Whether a bracket's content assigns units in prose: (X牵头，Y配合), (X、Y按职责分工负责), (X配合Y落实)."""
    parts = [inner[a:b].strip() for a, b in _split_top(inner, "，,；;。")]
    parts = [p for p in parts if p]
    if not parts:
        return False
    saw_role = False
    for part in parts:
        if _DEADLINE.match(part):
            continue
        if _prose(part, 0) is None:
            return False
        saw_role = True
    return saw_role


def text_to_party(span: Span, clause_id: str) -> tuple[Span, Span | None, list[Issue]]:
    """A clause's text -> (task text, text naming its units, problems).

    The units are named by the last bracket whose content opens with a role label (（牵头单位：…）) or reads as
    a prose assignment (（市财政局牵头，市审计局配合）), or from a 【牵头单位】 label to the end. An unclosed
    bracket runs to the end of the clause, never further, and is reported.
    """
    text = span.text
    opens = [i for i, ch in enumerate(text) if ch in "（(〔[" and LABEL.match(text, i + 1)]
    if not opens:
        # Labels outside brackets (【牵头单位】…, or …。牵头领导：王五 牵头单位：市住建局) name units to the end.
        bare = [m.start() for m in _LABEL_AT.finditer(text) if _at_boundary(text, m.start())]
        if bare:
            return span.sub(0, bare[0]), _strip_span(span.sub(bare[0], len(text))), []
        opens = [i for i, ch in enumerate(text) if ch in "（(〔[" and (end := _close_of(text, i)) is not None
                 and not text[end + 1:].strip(" 。；;") and _is_prose_party(text[i + 1:end])]
        if not opens:
            return span, None, []
    start = opens[-1]
    end = _close_of(text, start)
    issues = []
    if end is None:
        piece = span.locate(start)
        issues.append(Issue(IssueCode.UNCLOSED_BRACKET, f"unit bracket opened in {clause_id} is not closed; read to the end of the clause", clause_id, piece.line, piece.page))
        end = len(text.rstrip())
        rest = ""
    else:
        rest = text[end + 1:]
    inner = span.sub(start + 1, end)
    task = span.sub(0, start)
    if rest.strip():
        task = Span(task.text + rest, task.pieces)
    return task, _strip_span(inner), issues


def _at_boundary(text: str, i: int) -> bool:
    """Whether a label at `i` starts a part of the text: at its start, after a sentence, a space or 】, outside brackets."""
    if text[i] in "【[":
        return True
    before = text[:i]
    depth = sum(ch in "（(〔" for ch in before) - sum(ch in "）)〕" for ch in before)
    return depth <= 0 and (not before.strip() or before.rstrip(" ")[-1] in "。；;：:】] " or before.endswith(" "))


def text_to_prose_units(text: str) -> str | None:
    """Clause text without a unit bracket -> the 由X会同Y负责 phrase naming its units, if it has one."""
    m = _BY.search(text)
    # The 由…负责 frame is itself the evidence; ministries are often named without a prefix (发展改革委, 财政部).
    if m and all(_UNIT_END.search(_ETC.sub("", u)) for u, _ in _unit_items(m.group(1), 0)):
        return m.group(0)
    return None


def _strip_span(span: Span) -> Span:
    lead = len(span.text) - len(span.text.lstrip())
    return span.sub(lead, len(span.text.rstrip()))


def _split_top(text: str, separators: str) -> list[tuple[int, int]]:
    """Text -> (start, end) of the parts between top-level separators (none inside brackets)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            parts.append((start, i))
            start = i + 1
    parts.append((start, len(text)))
    return parts


def looks_like_unit(text: str) -> bool:
    """Text -> whether it reads as the name of a body (市财政局, 常州海关, 市各有关部门), by the genre's naming."""
    text = _ETC.sub("", text.strip())
    return bool(text) and bool(_UNIT_START.match(text)) and bool(_UNIT_END.search(text))


def _unit_items(text: str, base: int) -> list[tuple[str, int]]:
    """A list of units as written -> (unit, offset) per unit: split on 、，, and spaces, shared suffixes kept whole."""
    items: list[tuple[str, int]] = []
    for a, b in _split_top(text, "、，,； ;\t"):
        raw = text[a:b]
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        items.extend(_split_conjunction(raw.strip(), base + a + lead))
    merged: list[tuple[str, int]] = []
    sharing = False  # the last unit is a run of bare administrative words opened by 各
    for unit, offset in items:
        # 各县、市、区政府: bare administrative words joined by 、 are one unit.
        if merged and _ADMIN_WORD.match(_ETC.sub("", unit)) and (sharing or (_ADMIN_WORD.match(merged[-1][0]) and merged[-1][0].startswith("各"))):
            prev, start = merged[-1]
            merged[-1] = (text[start - base:offset - base + len(unit)], start)
            sharing = True
        else:
            merged.append((unit, offset))
            sharing = False
    return merged


def _split_conjunction(unit: str, offset: int) -> list[tuple[str, int]]:
    """市级各有关部门及各县市区政府 -> two units, when both sides read as units; 住房和城乡建设局 stays one."""
    for m in _CONJUNCTION.finditer(unit):
        left, right = unit[: m.start()], unit[m.end():]
        if looks_like_unit(left) and looks_like_unit(right):
            return [(left, offset)] + _split_conjunction(right, offset + m.end())
    return [(unit, offset)]


def _label_kind(label: str) -> tuple[str, str]:
    name = to_simplified(label)
    if name in ROLES:
        return "role", ROLES[name]
    if name in LEADER_LABELS:
        return "leader", name
    return "deadline", name


def party_text_to_party(text: str, role: str | None = None) -> Party:
    """The text naming a clause's units (a bracket's content, labelled lines or a table cell) -> a Party.

    `role` is the role of text that has no label of its own (a table's 牵头单位 column).
    """
    if _BY.fullmatch(text.strip()):
        return by_phrase_to_party(text.strip())
    units: list[tuple[str, str, bool, int]] = []
    leaders: list[str] = []
    remarks: list[str] = []
    deadline = None
    kind = "role" if role else None
    for start, end in _segments(text):
        segment = text[start:end]
        if not segment.strip():
            continue
        label = LABEL.match(segment)
        simplified = to_simplified(segment.strip())
        if label:
            kind, value = _label_kind(label.group(1) or label.group(2))
            start += label.end()
            segment = text[start:end]
            if kind == "role":
                role = value
            elif kind == "leader":
                leaders.extend(u for u, _ in _unit_items(segment, 0) if u)
                continue
            else:
                deadline = segment.strip() or deadline
                continue
        elif _DEADLINE.match(simplified):
            deadline = segment.strip()
            continue
        elif kind == "leader":
            leaders.extend(u for u, _ in _unit_items(segment, 0) if u)
            continue
        else:
            prose = _prose(segment, start)
            if prose is not None:
                units.extend(prose)
                continue
            if role is None or _REMARK.search(simplified) or not segment.strip():
                remarks.append(segment.strip())
                continue
        verb = _TRAILING_VERB.search(segment.rstrip())
        if verb:
            segment = segment.rstrip()[: verb.start()]
        units.extend(_rows(role, segment, start, units, remarks))
    return Party(tuple(units), tuple(leaders), deadline, tuple(remarks))


def _segments(text: str) -> list[tuple[int, int]]:
    """Party text -> its segments: split at top-level ，；。 and before every label (labels may be apart by spaces only)."""
    cuts = set()
    for start, _ in _split_top(text, "，,；;。\n"):
        cuts.add(start)
    depth, i = 0, 0
    while i < len(text):
        ch = text[i]
        label = _LABEL_AT.match(text, i) if depth == 0 else None
        if label:
            cuts.add(i)
            i = label.end()  # 牵头责任单位: holds 责任单位: but is one label
            continue
        if ch in "（(〔":
            depth += 1
        elif ch in "）)〕":
            depth = max(0, depth - 1)
        i += 1
    bounds = sorted(cuts) + [len(text) + 1]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        end = b - 1 if b - 1 < len(text) and text[b - 1] in "，,；;。\n" else min(b, len(text))
        out.append((a, end))
    return out


def _prose(segment: str, base: int) -> list[tuple[str, str, bool, int]] | None:
    """A prose segment (X牵头 / X负责 / X配合Y落实 / X配合) -> its units in written order, or None."""
    stripped = segment.strip()
    lead = base + len(segment) - len(segment.lstrip())
    m = _PROSE_SUPPORT_LEAD.match(stripped)
    if m and _all_units(m.group(1)) and _all_units(m.group(2)):
        return _rows("support", m.group(1), lead) + _rows("lead", m.group(2), lead + m.start(2))
    for pattern, role in ((_PROSE_LEAD, "lead"), (_PROSE_RESPONSIBLE, "responsible"), (_PROSE_SUPPORT, "support")):
        m = pattern.match(stripped)
        if m and _all_units(m.group(1)):
            return _rows(role, m.group(1), lead)
    return None


def _all_units(text: str) -> bool:
    """Whether a list reads as units; after the first, a unit may drop the prefix it shares (省环保厅、发展改革委)."""
    items = _unit_items(text, 0)
    return bool(items) and looks_like_unit(items[0][0]) and all(_UNIT_END.search(_ETC.sub("", u)) for u, _ in items[1:])


def _rows(role: str, text: str, base: int, before: list | None = None, remarks: list | None = None) -> list[tuple[str, str, bool, int]]:
    """A list of units for one role -> (role, unit, 等 follows, offset) rows; a bare 等部门 marks the unit before it."""
    out: list[tuple[str, str, bool, int]] = []
    for unit, offset in _unit_items(text, base):
        etc = bool(_ETC.search(unit))
        name = _ETC.sub("", unit).strip()
        # 责任单位：市发展改革委（牵头）、市财政局 marks the lead inside the list.
        marked = _ROLE_MARK.search(name)
        own_role = role
        if marked:
            own_role = "lead" if to_simplified(marked.group(1)) == "牵头" else "support"
            name = name[: marked.start()].strip()
        if len(name) == 1:
            if remarks is not None:
                remarks.append(name)  # a lone character (责任单位：区 where a copy breaks off) names no body
        elif name:
            out.append((own_role, name, etc, offset))
        elif etc:
            previous = out if out else before
            if previous:
                previous[-1] = previous[-1][:2] + (True,) + previous[-1][3:]
    return out


def by_phrase_to_party(phrase: str) -> Party:
    """由X会同Y负责 -> X leads, Y supports; 由X负责 -> X is responsible."""
    m = _BY.match(phrase)
    if m.group(2):
        return Party(tuple(_rows("lead", m.group(1), m.start(1)) + _rows("support", m.group(2), m.start(2))))
    return Party(tuple(_rows("responsible", m.group(1), m.start(1))))


def deadline_to_date(deadline: str | None) -> str | None:
    """A time frame as written -> the ISO date it states (end of the month when no day): 2023年12月底前 -> 2023-12-31."""
    if not deadline:
        return None
    text = to_simplified(deadline)
    m = _ISO.search(text) or regex.search(r"(\d{4})(\d{1,2})月", text)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            return None
        day = int(m.group(3)) if m.lastindex and m.lastindex >= 3 and m.group(3) else calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-{day:02d}"
    m = _YEAR_END.search(text)
    if m:
        return f"{int(m.group(1)):04d}-12-31"
    return None


def unit_list_start(fragments: list[str], cell_ends: list[bool], first: int = 1) -> int:
    """A table row's fragments after its serial -> index where the unit column starts.

    Candidates are the splits whose tail reads as a list of units; a split the extraction marked as a cell end
    (text then space) beats one that is only a line break; the earliest wins among equals. `first` is the number
    of text columns before the unit column, each holding at least one fragment.
    """
    best, best_score = len(fragments), None
    for k in range(min(first, len(fragments)), len(fragments)):
        tail = "".join(fragments[k:])
        items = [tail[a:b] for a, b in _split_top(tail, "、，,")]
        if not all(looks_like_unit(item) for item in items):
            continue
        score = (k == 0 or cell_ends[k - 1], -k)
        if best_score is None or score > best_score:
            best, best_score = k, score
    return best


def clause_to_assignments(clause: Clause, first_listed_is_lead: bool = False) -> tuple[list[Assignment], list[Issue]]:
    """A clause -> its units in written order, one assignment per (role, unit), and problems found.

    With `first_listed_is_lead` (the notice says 列第一位的为牵头单位) the first responsible unit is marked
    with the convention first-listed-is-lead; a lead named in the clause's heading is added to it (heading-lead).
    """
    span = clause.party
    party = party_text_to_party(span.text, _table_role(clause.table_role)) if span is not None else Party(())
    out: list[Assignment] = []
    counts: dict[str, int] = {}
    for role, unit, etc, offset in party.units:
        counts[role] = counts.get(role, 0) + 1
        where = span.locate(offset)
        out.append(Assignment(clause.clause_id, role, counts[role], unit, etc, where.page, where.line))
    if first_listed_is_lead:
        first = next((i for i, a in enumerate(out) if a.role == "responsible"), None)
        if first is not None:
            out[first] = replace(out[first], convention="first-listed-is-lead")
    if clause.heading_party is not None:
        inherited = party_text_to_party(clause.heading_party.text)
        for role, unit, etc, offset in inherited.units:
            if role == "lead" and not any(a.role == "lead" and a.unit_raw == unit for a in out):
                counts["lead"] = counts.get("lead", 0) + 1
                where = clause.heading_party.locate(offset)
                out.append(Assignment(clause.clause_id, "lead", counts["lead"], unit, etc, where.page, where.line, "heading-lead"))
    if not out:
        what = f": {span.text}" if span is not None and span.text.strip() else ""
        return [], [Issue(IssueCode.NO_UNITS, f"{clause.clause_id} names no unit{what}", clause.clause_id, clause.line, clause.page)]
    return out, []


def _table_role(header: str | None) -> str | None:
    if not header:
        return None
    name = to_simplified(header)
    for label, role in sorted(ROLES.items(), key=lambda kv: -len(kv[0])):
        if label in name:
            return role
    return "lead" if "牵头" in name else "support" if "配合" in name or "协" in name else "responsible"
