"""Unit parsing: the text naming the units of a clause -> one assignment per (role, unit) as written."""

from __future__ import annotations

import regex

from extract.model import Assignment, Clause, Issue, Span

ROLES = {"牵头单位": "lead", "配合单位": "support", "责任单位": "responsible"}
_LABEL = regex.compile(r"\s*(牵头单位|配合单位|责任单位)\s*[:：]\s*")
_OPEN, _CLOSE = "（(〔[【", "）)〕]】"
# A trailing 等 / 等部门 / 等有关部门 / 等市部门 says the list is open-ended; it is no unit of its own.
_ETC = regex.compile(r"等(?:[市区县省]级?)?(?:各)?(?:有关|相关)?(?:部门|单位|机构)?(?:和单位)?$")
_UNIT_END = regex.compile(
    r"(?:局|委|办|部|院|行|会|厅|处|室|中心|公司|集团|站|关|联|团|队|所|馆|社|台|署|府|单位|部门|小组|银行|学校|大学|医院|区|街道|专班|机构)"
    r"(?:[（(][^（）()]*[）)])?$"
)
_UNIT_START = regex.compile(
    r"^(?:[市区县省州镇乡]|中共|共青团|团[市区县省]委|国家|中国|中央|国务院|全国|人民银行|各|有关|相关|"
    r"\p{Han}{2,3}(?:市|省|县|区|海关|银监|银保监|证监|海事|铁路|国际|供电|邮政|烟草|税务|军分区|警备))"
)


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


def text_to_party(span: Span, clause_id: str) -> tuple[Span, Span | None, list[Issue]]:
    """A clause's text -> (task text, text inside its unit parenthetical, problems).

    The parenthetical is the last bracket whose content opens with a role label (（牵头单位：…）). An unclosed one
    runs to the end of the clause, never further, and is reported.
    """
    text = span.text
    opens = [m.start() for m in regex.finditer(r"[（(]", text) if _LABEL.match(text, m.start() + 1)]
    if not opens:
        return span, None, []
    start = opens[-1]
    end = _close_of(text, start)
    issues = []
    if end is None:
        piece = span.locate(start)
        issues.append(Issue("unclosed-bracket", f"unit bracket opened in {clause_id} is not closed; read to the end of the clause", clause_id, piece.line, piece.page))
        end = len(text.rstrip())
        inner = span.sub(start + 1, end)
        rest = ""
    else:
        inner = span.sub(start + 1, end)
        rest = text[end + 1:]
    task = span.sub(0, start)
    if rest.strip():
        task = Span(task.text + rest, task.pieces)
    return task, _strip_span(inner), issues


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


def clause_to_assignments(clause: Clause) -> tuple[list[Assignment], list[Issue]]:
    """A clause -> its units in written order, one assignment per (role, unit), and problems found."""
    span = clause.party
    if span is None or not span.text.strip():
        return [], [Issue("no-units", f"{clause.clause_id} names no unit", clause.clause_id, clause.line, clause.page)]
    text = span.text
    out: list[Assignment] = []
    counts: dict[str, int] = {}
    role = ROLES.get(_role_label(clause.table_role)) if clause.table_role else None
    for start, end in _split_top(text, "，,；;"):
        segment = text[start:end]
        label = _LABEL.match(segment)
        if label:
            role = ROLES[label.group(1)]
            start += label.end()
        elif role is None or not all(looks_like_unit(text[a + start:b + start]) for a, b in _split_top(segment, "、")):
            continue  # a remark such as 具体分工见附表: kept in party_text, not a unit
        for a, b in _split_top(text[start:end], "、"):
            raw = text[start + a:start + b]
            lead = len(raw) - len(raw.lstrip())
            raw = raw.strip()
            etc = bool(_ETC.search(raw))
            unit = _ETC.sub("", raw).strip()
            if not unit:
                if etc and out:
                    out[-1] = _with_etc(out[-1])
                continue
            counts[role] = counts.get(role, 0) + 1
            where = span.locate(start + a + lead)
            out.append(Assignment(clause.clause_id, role, counts[role], unit, etc, where.page, where.line))
    if not out:
        return [], [Issue("no-units", f"{clause.clause_id} names no unit: {text}", clause.clause_id, clause.line, clause.page)]
    return out, []


def _role_label(header: str) -> str:
    for label in ROLES:
        if label in header or label[:2] in header:
            return label
    return "责任单位"


def _with_etc(a: Assignment) -> Assignment:
    return Assignment(a.clause_id, a.role, a.position, a.unit_raw, True, a.page, a.line)
