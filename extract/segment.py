"""Segmentation: lines with provenance -> paragraphs -> task clauses (numbered items, text under headings, table rows)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from extract.model import Clause, Issue, Line, Notice, Piece, Span
from extract.numbering import Marker, line_to_attachment, line_to_marker
from extract.parties import (
    LABEL,
    deadline_to_date,
    looks_like_unit,
    party_text_to_party,
    text_to_party,
    text_to_prose_units,
    unit_list_start,
)
from extract.script import compile_both, to_simplified

# Page furniture a PDF leaves in its text: "— 3 —", "- 3 -", "第3页", "第 3 页 共 10 页", "3/10".
_PAGE_NUMBER = regex.compile(r"^(?:[—–\-－~～]+\s*\d{1,4}\s*[—–\-－~～]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")
_CJK = r"\p{Han}\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026"
_SPACE_NEAR_CJK = regex.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_TERMINAL = tuple("。；;：:！？!?）)」』”\"")
# Closing furniture of a 公文 (GB/T 9704 版记): 抄送：…, 主送：…, "XX办公室 2019年4月16日印发", (此件公开发布).
_END_MATTER = regex.compile(r"^(?:(?:抄\s*送|主\s*送)\s*[:：]|\S.{0,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$|[（(]此件公开发布[）)]$)")
_DATE = regex.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_TITLE_WORDS = regex.compile(r"通知|方案|意见|清单|分工|要点|安排|办法")
_TITLE_MAX = 30  # a clause's short title is one short sentence; longer first sentences are task text
# Some mirrors of gov.cn pages print pinyin after characters: 發(fā)展. Noise, not text.
_PINYIN = regex.compile(r"(?<=\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_EXCERPT_MARK = regex.compile(r"^\[(?:…|\.\.\.|……)\]$")
_FIRST_LISTED = compile_both(r"(?:列|排)(?:在)?第一位的?(?:责任)?(?:单位|部门)?为牵头|第一(?:个|家)?(?:责任)?(?:单位|部门)为牵头")
_ALIAS = compile_both(r"([\p{Han}（）()]{2,40}?)[（(]以下(?:简称|称)[“\"「]?([\p{Han}]{2,20}?)[”\"」]?[）)]")
_IN_TEXT_DEADLINE = compile_both(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末)?(?:前|以前)|\d{4}年(?:底|年底)前|年内持续推进|长期坚持")
_HEADER_WORD = compile_both(r"^(?:序号|重点工作|工作内容|工作任务|具体任务(?:分解)?|主要任务|任务|内容|工作|项目|目标|完成时限|完成时间|时间节点|牵头单位|牵头部门|责任单位|配合单位|协同单位|牵头区领导|牵头领导|责任领导|责任人|备注|指标)$")
_PERSON = regex.compile(r"^\p{Han}{2,4}$")
HEADING_LEVELS = (1, 2)


def clean_text(text: str) -> str:
    """A line as extracted -> its text with the spaces a PDF puts next to Chinese characters removed."""
    text = _PINYIN.sub("", text.replace("\u3000", " ").replace("\xa0", " ").strip())
    return regex.sub(r"[ \t]+", " ", _SPACE_NEAR_CJK.sub("", text))


def display_width(text: str) -> int:
    """Text -> its width in half-width cells (a Chinese character counts two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@dataclass(slots=True)
class _Para:
    kind: str  # attachment | numbered | text | label | row | frow (flattened table row) | end
    marker: Marker | None = None
    number: int | None = None
    chunks: list[tuple[str, Line]] = field(default_factory=list)
    cells: list[tuple[str, Line, bool]] = field(default_factory=list)  # table rows: fragment, line, cell ends after it
    header: tuple[str, ...] = ()
    closed: bool = False

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.chunks)

    def span(self) -> Span:
        pieces, offset = [], 0
        for text, line in self.chunks:
            pieces.append(Piece(offset, line.line, line.page))
            offset += len(text)
        return Span(self.text, tuple(pieces))

    @property
    def first(self) -> Line:
        return self.chunks[0][1] if self.chunks else self.cells[0][1]


def _full_width(widths: list[int]) -> float:
    """Display widths of a document's lines -> the width from which a line counts as filled to the margin."""
    if not widths:
        return 0
    ordered = sorted(widths)
    typical = ordered[(len(ordered) * 3) // 4]
    # One paragraph per line (text saved from a web page): no line is a wrapped one.
    return float("inf") if typical > 160 else typical * 0.85


def _next_is_row(kept: list[Line], i: int, last_row: int) -> bool:
    following = kept[i + 1].text.strip() if i + 1 < len(kept) else ""
    m = regex.match(r"^(\d{1,3})(?:\s|$)", following)
    return bool(m) and int(m.group(1)) == last_row + 1


def _table_header(raw: str) -> tuple[str, ...] | None:
    cells = tuple(c for c in regex.split(r"\t" if "\t" in raw else r"\s+", raw.strip()) if c.strip())
    cells = tuple(c.strip() for c in cells)
    if len(cells) >= 3 and cells[0] == "序号" and all(len(c) <= 8 and regex.fullmatch(r"\p{Han}+", c) for c in cells):
        return cells
    return None


def _flat_header(texts: list[str], i: int) -> tuple[tuple[str, ...], int] | None:
    """A table flattened to one cell per line (a web page's table as text): its header cells and where rows start."""
    if texts[i] != "序号":
        return None
    j = i + 1
    while j < len(texts) and j - i <= 20 and _HEADER_WORD.match(texts[j]):
        j += 1
    header = tuple(texts[i:j])
    roles = [h for h in header if regex.search(r"单位|部门|單位|部門", h)]
    if roles and j < len(texts) and texts[j] == "1":
        return header, j
    return None


def lines_to_paragraphs(lines: tuple[Line, ...]) -> list[_Para]:
    """Physical lines -> paragraphs: wrapped lines joined, markers opening new ones, table rows gathered."""
    kept = [ln for ln in lines if (t := clean_text(ln.text)) and not _PAGE_NUMBER.match(t) and not _EXCERPT_MARK.match(t)]
    texts = [clean_text(ln.text) for ln in kept]
    full = _full_width([display_width(t) for t in texts])
    paras: list[_Para] = []
    current: _Para | None = None
    last_number: dict[int, int] = {}
    header: tuple[str, ...] | None = None
    flat: tuple[str, ...] | None = None
    last_row = 0

    def close() -> None:
        nonlocal current
        if current is not None:
            current.closed = True
        current = None

    i = -1
    while i + 1 < len(kept):
        i += 1
        ln, text = kept[i], texts[i]
        attachment = line_to_attachment(text)
        marker = line_to_marker(text)
        if flat is not None:
            # A flattened table: each line one cell; a row starts at the next serial number.
            if attachment is None and not _END_MATTER.match(text) and not _DATE.match(text):
                if regex.fullmatch(r"\d{1,3}", text) and last_row < int(text) <= last_row + 5:
                    close()
                    last_row = int(text)
                    current = _Para("frow", number=last_row, header=flat)
                    current.chunks.append((text, ln))
                    paras.append(current)
                elif current is not None and current.kind == "frow":
                    current.cells.append((text, ln, True))
                continue
            flat = None
            close()
        if header is not None:
            # Inside a table: rows until a heading or attachment ends it; repeated headers are dropped.
            if _table_header(ln.text) == header:
                continue
            raw = ln.text.replace("\u3000", " ").rstrip("\r\n")
            if marker and marker.level in HEADING_LEVELS and "\t" not in raw.strip() and _next_is_row(kept, i, last_row):
                # A section row (一、全年主要预期目标) groups the rows below it; the serial numbers run on.
                close()
                section = _Para("numbered", marker=marker, number=marker.number, closed=True)
                section.chunks.append((marker.rest, ln))
                paras.append(section)
                continue
            if attachment is None and not (marker and marker.level in HEADING_LEVELS) and not _END_MATTER.match(text):
                if "\t" in raw:
                    # Cells of a PDF or Word table, one per column, empty ones kept so columns stay aligned.
                    fragments = []
                    for cell in raw.split("\t"):
                        fragments.extend([cell.strip() or "", "\t"])
                    fragments = fragments[:-1]
                else:
                    fragments = [f for f in regex.split(r"(\s+)", raw.strip()) if f]
                m = regex.match(r"^(\d{1,3})$", fragments[0]) if fragments else None
                if m and last_row < int(m.group(1)) <= last_row + 5:
                    close()
                    last_row = int(m.group(1))
                    current = _Para("row", number=last_row, header=header)
                    current.chunks.append((fragments[0], ln))
                    paras.append(current)
                    fragments = fragments[2:]
                elif current is None or current.kind != "row":
                    header = None  # not a row: the table is over
                if header is not None:
                    trailing = raw != raw.rstrip()
                    words = fragments[::2]
                    for k, word in enumerate(words):
                        ends = k < len(words) - 1 or trailing
                        current.cells.append((clean_text(word), ln, ends))
                    continue
            header = None
            close()
        bare_attachment = text == "附件" or (text.startswith("附件") and regex.fullmatch(r"附\s*件", text) is not None)
        if bare_attachment or (attachment is not None and (not attachment[1] or len(attachment[1]) <= 60)):
            close()
            para = _Para("attachment", number=1 if bare_attachment else attachment[0])
            para.chunks.append(("" if bare_attachment else attachment[1], ln))
            para.closed = True
            paras.append(para)
            last_number.clear()
            continue
        table = _table_header(ln.text)
        if table is not None:
            close()
            header, last_row = table, 0
            continue
        flat_found = _flat_header(texts, i)
        if flat_found is not None:
            close()
            flat, last_row = flat_found[0], 0
            i = flat_found[1] - 1
            continue
        inside_bracket = current is not None and not current.closed and _unclosed(current.text)
        if _END_MATTER.match(text):
            close()
            current = _Para("end")
            paras.append(current)
        elif LABEL.match(text) and regex.match(r"\s*[【\[]?\s*\p{Han}", text) and not inside_bracket and marker is None:
            # 牵头单位：区发改局 on a line of its own: the units of the clause above.
            close()
            current = _Para("label")
            paras.append(current)
        elif marker is not None and _opens_paragraph(current, marker, last_number):
            close()
            current = _Para("numbered", marker=marker, number=marker.number)
            paras.append(current)
            last_number[marker.level] = marker.number
            for deeper in [lv for lv in last_number if lv > marker.level]:
                del last_number[deeper]
            text = marker.rest
        elif current is None or current.closed:
            current = _Para("text")
            paras.append(current)
        current.chunks.append((text, ln))
        if current.kind in ("numbered", "text") and _ends_with_party(current.text):
            close()
        elif display_width(text if current.marker is None or len(current.chunks) > 1 else clean_text(ln.text)) < full and _may_end(current.text):
            close()
    return paras


def _ends_with_party(text: str) -> bool:
    """Whether text ends by closing its unit bracket (…（牵头单位：市财政局）), which ends a clause."""
    if not text.endswith(("）", ")", "〕", "】")):
        return False
    _, party, _ = text_to_party(Span(text, (Piece(0, 0, None),)), "")
    return party is not None and not _unclosed(text)


def _may_end(text: str) -> bool:
    """Whether a paragraph can end after this text: not inside a bracket, not after a comma or enumeration mark."""
    return not _unclosed(text) and not text.endswith(("，", ",", "、", "（", "("))


def _unclosed(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += ch in "（(〔【"
        depth -= ch in "）)〕】"
    return depth > 0


def _opens_paragraph(current: _Para | None, marker: Marker, last_number: dict[int, int]) -> bool:
    """Whether a line opening with `marker` starts a new paragraph rather than continuing a wrapped one."""
    if current is None or current.closed or current.kind in ("attachment", "end", "label"):
        return True
    if current.text.endswith(_TERMINAL):
        return True
    expected = last_number.get(marker.level, 0) + 1
    if marker.level not in last_number and marker.level in HEADING_LEVELS and _heading_like(marker.rest):
        return True  # the first heading of an excerpt may not be 一、 (二、责任主体及工作分工)
    return marker.number in (expected, 1)


@dataclass(slots=True)
class _Node:
    level: int  # numbering level; table rows are 9
    number: int
    printed: str
    para: _Para
    path: tuple[str, ...]
    parent: _Node | None
    children: list[_Node] = field(default_factory=list)
    body: list[_Para] = field(default_factory=list)
    labels: list[_Para] = field(default_factory=list)  # 牵头单位：… lines under the clause


def _task_start(paras: list[_Para]) -> int | None:
    """Paragraphs of a notice without attachments -> index where its task list starts, None if it has none.

    A covering letter (even one numbered 一、二、) ends with its signature date; when numbered paragraphs follow
    the date, the tasks start after it. When nothing numbered follows and nothing before it names units, the
    notice is a covering letter only.
    """
    dates = [i for i, p in enumerate(paras) if p.kind == "text" and _DATE.match(p.text.strip())]
    if not dates:
        return 0
    after = [p for p in paras[dates[0] + 1:] if p.kind in ("numbered", "row", "frow")]
    if after:
        return dates[0] + 1
    before = paras[: dates[0]]
    if any(p.kind in ("label", "row", "frow") for p in before) or any(_party_of(p.span()) for p in before if p.kind == "numbered"):
        return 0
    return None


def _party_of(span: Span) -> bool:
    return text_to_party(span, "")[1] is not None


def paragraphs_to_notice(paras: list[_Para], file: str) -> Notice:
    """Paragraphs of one input -> its task clauses, the document's issues and its title, issuer and date."""
    has_attachments = any(p.kind == "attachment" for p in paras)
    issues: list[Issue] = []
    roots: list[_Node] = []
    attachments: list[tuple[int, str]] = []
    front: list[_Para] = []  # paragraphs before the task list: covering letter, titles, preambles
    attachment: int | None = None
    attachment_title: list[str] | None = []
    stack: list[_Node] = []
    start = 0 if has_attachments else _task_start(paras)
    in_tasks = not has_attachments and start is not None
    ended = False

    def prefix() -> tuple[str, ...]:
        return (f"A{attachment}",) if attachment is not None else ()

    last_row: dict[int, _Node] = {}  # per table: its rows are numbered on across its section rows

    def add_child(node_parent: _Node | None, node: _Node) -> None:
        siblings = [c for c in (node_parent.children if node_parent else roots_of_attachment()) if c.level == node.level]
        if node.level == 9:
            table = id(node.para.header)
            siblings = [last_row[table]] if table in last_row else []
            last_row[table] = node
        expected = siblings[-1].number + 1 if siblings else 1
        if node.number != expected:
            where = _label(attachment, node_parent)
            before = siblings[-1].printed if siblings else "the start"
            issues.append(Issue("numbering-gap", f"{where}: {node.printed} follows {before}; expected {expected}", "-".join(node.path), node.para.first.line, node.para.first.page))
        (node_parent.children if node_parent else roots).append(node)

    def roots_of_attachment() -> list[_Node]:
        return [r for r in roots if r.path[: len(prefix())] == prefix()]

    def add_row(para: _Para) -> None:
        while stack and stack[-1].level == 9:
            stack.pop()
        parent = stack[-1] if stack else None
        if para.kind == "frow":
            section = _flat_section(para)
            if section is not None:
                # A section row of a flattened table (一、全年主要预期目标) heads the rows below it.
                while stack:
                    stack.pop()
                marker, title_para = section
                node = _Node(1, marker.number, marker.printed, title_para, prefix() + (str(marker.number),), None)
                add_child(None, node)
                stack.append(node)
                parent = node
        path = (parent.path if parent else prefix()) + (f"T{para.number}",)
        node = _Node(9, para.number, str(para.number), para, path, parent)
        add_child(parent, node)
        stack.append(node)

    for index, para in enumerate(paras):
        if ended and para.kind != "attachment":
            continue
        if para.kind == "end":
            # 抄送 / (此件公开发布) after the tasks closes the notice; before them it is the covering letter's.
            ended = bool(roots)
            continue
        if para.kind == "attachment":
            ended = False
            attachment, stack, in_tasks = para.number, [], True
            attachment_title = [para.text] if para.text else []
            attachments.append((attachment, para.text))
            continue
        if not in_tasks or (not has_attachments and index < start):
            front.append(para)
            continue
        if para.kind == "numbered":
            marker = para.marker
            while stack and stack[-1].level >= marker.level:
                stack.pop()
            parent = stack[-1] if stack else None
            path = (parent.path if parent else prefix()) + (str(marker.number),)
            node = _Node(marker.level, marker.number, marker.printed, para, path, parent)
            add_child(parent, node)
            stack.append(node)
            if attachment is not None and attachment_title is not None:
                attachments[-1] = (attachment, "".join(attachment_title))
                attachment_title = None
        elif para.kind in ("row", "frow"):
            add_row(para)
        elif not stack:
            # Before the first number of an attachment: its title, then its preamble.
            if attachment is not None and attachment_title is not None and not _is_preamble(para.text):
                attachment_title.append(para.text)
            front.append(para)
        elif para.kind == "label":
            stack[-1].labels.append(para)
        else:
            stack[-1].body.append(para)

    clauses: list[Clause] = []
    for node in _walk(roots):
        clauses.extend(_node_to_clauses(node, issues))
    _check_titles(clauses, issues)
    title, issuer, date = _front_matter(front if (has_attachments or start) else paras)
    if not clauses:
        issues.append(Issue("no-clauses", "no task clauses found"))
    everything = "".join(p.text for p in paras)
    aliases = tuple(dict.fromkeys((m.group(2), m.group(1)) for m in _ALIAS.finditer(everything)))
    return Notice(file, tuple(clauses), tuple(issues), title, issuer, date, tuple((a, t) for a, t in attachments),
                  bool(_FIRST_LISTED.search(everything)), aliases)


def _flat_section(para: _Para) -> tuple[Marker, _Para] | None:
    for text, line, _ in para.cells:
        marker = line_to_marker(text)
        if marker is not None and marker.level == 1:
            title = _Para("text")
            title.chunks.append((marker.rest, line))
            return marker, title
    return None


def _is_preamble(text: str) -> bool:
    return "。" in text or text.endswith(("：", ":")) or text.startswith("为")


def _label(attachment: int | None, parent: _Node | None) -> str:
    parts = [f"附件{attachment}"] if attachment is not None else []
    node, chain = parent, []
    while node is not None:
        chain.append(node.printed)
        node = node.parent
    parts.extend(reversed(chain))
    return " ".join(parts) or "正文"


def _walk(nodes: list[_Node]):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _heading_like(text: str) -> bool:
    """Text that reads as a heading (约束性指标的责任部门), not as the start of a task sentence."""
    text = text.strip().rstrip("。")
    return 0 < len(text) <= 40 and "。" not in text and not text.endswith(("，", "、", ",")) and not regex.search(r"[，,；;]", text)


def _leads_only(party: Span) -> bool:
    roles = {role for role, *_ in party_text_to_party(party.text).units}
    return roles == {"lead"}


def _heading_party(node: _Node | None) -> Span | None:
    """The nearest heading above a clause whose own bracket names only a lead (一、强化科技创新（区科技局牵头））."""
    while node is not None:
        _, party, _ = text_to_party(node.para.span(), "")
        if party is not None and _leads_only(party):
            return party
        node = node.parent
    return None


def _node_to_clauses(node: _Node, issues: list[Issue]) -> list[Clause]:
    """A numbered node -> the clauses it holds itself (none for a heading whose only content is its children)."""
    clause_id = "-".join(node.path)
    attachment = int(node.path[0][1:]) if node.path[0].startswith("A") else None
    numbers = [p for p in node.path if not p.startswith(("A", "T"))]
    section = int(numbers[0]) if numbers else None
    item = "-".join(numbers[1:]) or None
    heading_title = _heading_title(node.parent)
    inherited = _heading_party(node.parent)
    if node.level == 9:
        return [_row_to_clause(node, clause_id, attachment, section, item, heading_title, inherited)]
    own = node.para.span()
    body = [p.span() for p in node.body]
    labels = _labels_span(node.labels)
    own_party = text_to_party(own, clause_id)[1] is not None or labels is not None
    if own_party or not (node.level in HEADING_LEVELS or _heading_like(own.text)) or not body and not node.children:
        if node.children and not own_party:
            if body:
                issues.append(Issue("unplaced-text", f"text after the heading of {clause_id} is not under a number", clause_id, body[0].pieces[0].line, body[0].pieces[0].page))
            return []
        # A numbered task: its own text, continued by following paragraphs until its units are named.
        parts, rest = [own], body
        text_span, party, problems = text_to_party(_join(parts), clause_id)
        while rest and party is None and labels is None:
            parts.append(rest.pop(0))
            text_span, party, problems = text_to_party(_join(parts), clause_id)
        issues.extend(problems)
        for extra in rest:
            issues.append(Issue("unplaced-text", f"paragraph after {clause_id} has no number of its own: {extra.text[:40]}", clause_id, extra.pieces[0].line, extra.pieces[0].page))
        if node.children and (party or labels) is not None and _leads_only(party or labels):
            return []  # a lead named for the heading: it holds for every item below (heading-lead)
        return [_clause(clause_id, attachment, section, item, heading_title, text_span, party or labels, parts[0], inherited)]
    # A heading: text under it without a number of its own (附件1 五) is its clause; several such paragraphs, each
    # naming units, are clauses -U1, -U2, … (lines of tasks under 1. 约束性指标的责任部门).
    groups: list[list[Span]] = []
    current: list[Span] = []
    for span in body:
        current.append(span)
        if text_to_party(_join(current), clause_id)[1] is not None or text_to_prose_units(_join(current).text):
            groups.append(current)
            current = []
    if not groups:
        if node.level == 1 or node.children:
            # Aims or an introduction that names no unit: not a task (一、总体要求).
            return []
        # A task whose units are not (yet) named, e.g. where an excerpt breaks off: a clause without units.
        text_span, party, problems = text_to_party(_join(body), clause_id)
        return [_clause(clause_id, attachment, section, item, heading_title, text_span, party, own, inherited, own.text.strip())]
    if current:
        issues.append(Issue("unplaced-text", f"text under {clause_id} after its last task names no unit: {current[0].text[:40]}", clause_id, current[0].pieces[0].line, current[0].pieces[0].page))
    section_title = own.text.strip() or heading_title
    out = []
    for k, group in enumerate(groups, start=1):
        cid = clause_id if len(groups) == 1 else f"{clause_id}-U{k}"
        text_span, party, problems = text_to_party(_join(group), cid)
        issues.extend(problems)
        out.append(_clause(cid, attachment, section, item, section_title, text_span, party, group[0], inherited))
    return out


def _clause(clause_id, attachment, section, item, section_title, text_span: Span, party: Span | None, first_span: Span,
            inherited, title: str | None = None) -> Clause:
    text = text_span.text.strip()
    if party is None:
        phrase = text_to_prose_units(text)
        if phrase is not None:
            start = text_span.text.index(phrase)
            party = text_span.sub(start, start + len(phrase))
    parsed = party_text_to_party(party.text) if party is not None else None
    deadline = parsed.deadline if parsed and parsed.deadline else None
    if deadline is None:
        found = _IN_TEXT_DEADLINE.search(text)
        deadline = found.group(0) if found else None
    first = first_span.pieces[0]
    return Clause(clause_id, attachment, section, item, None, title or _short_title(text), section_title, text,
                  party.text if party else None, party, first.page, first.line,
                  leaders=parsed.leaders if parsed else (), deadline=deadline, deadline_date=deadline_to_date(deadline),
                  heading_party=inherited)


def _labels_span(labels: list[_Para]) -> Span | None:
    """Label lines under a clause -> one party text, the lines joined by ；."""
    if not labels:
        return None
    pieces, texts, offset = [], [], 0
    for para in labels:
        span = para.span()
        for piece in span.pieces:
            pieces.append(Piece(offset + piece.offset, piece.line, piece.page))
        texts.append(span.text.rstrip("。；; "))
        offset += len(texts[-1]) + 1
    return Span("；".join(texts), tuple(pieces))


def _heading_title(node: _Node | None) -> str | None:
    if node is None:
        return None
    return node.para.text.strip() or None


def _join(spans: list[Span]) -> Span:
    pieces, offset, texts = [], 0, []
    for span in spans:
        for piece in span.pieces:
            pieces.append(Piece(offset + piece.offset, piece.line, piece.page))
        offset += len(span.text)
        texts.append(span.text)
    return Span("".join(texts), tuple(pieces))


def _short_title(text: str) -> str | None:
    """Clause text -> its short title: the first sentence when it reads as a heading (公务员诚信教育。)."""
    head, sep, _ = text.partition("。")
    head = head.strip()
    # A clause that is only a short heading (（一）地区生产总值增长7%以上) is its own title.
    if 0 < len(head) <= _TITLE_MAX and not regex.search(r"[，,；;：:]", head) and (sep or head == text.strip()):
        return head
    return None


def _row_to_clause(node: _Node, clause_id: str, attachment, section, item, heading_title, inherited) -> Clause:
    """A table row -> a clause: its text cells, and its unit cells as the party text."""
    para = node.para
    if para.kind == "frow":
        return _flat_row_to_clause(node, clause_id, attachment, section, item, heading_title, inherited)
    header = para.header
    role_columns = [i for i, name in enumerate(header[1:]) if regex.search(r"单位|部门|單位|部門", name)]
    cells = para.cells
    split = unit_list_start([c[0] for c in cells], [c[2] for c in cells], role_columns[0]) if role_columns else len(cells)
    text = "".join(c[0] for c in cells[:split])
    unit_cells = cells[split:]
    if len(role_columns) > 1 and len(cells) == len(header) - 1:
        # One fragment per column (a Word or PDF table): each unit column keeps its own role.
        return _typed_row(node, clause_id, attachment, section, item, heading_title, inherited,
                          [(header[1 + k], c[0], c[1]) for k, c in enumerate(cells)])
    pieces, offset = [], 0
    for fragment, line, _ in unit_cells:
        pieces.append(Piece(offset, line.line, line.page))
        offset += len(fragment)
    party = Span("".join(c[0] for c in unit_cells), tuple(pieces)) if unit_cells else None
    role_name = header[1 + role_columns[0]] if role_columns else None
    first = para.first
    return Clause(clause_id, attachment, section, item, node.number, text or None,
                  heading_title, text, party.text if party else None, party, first.page, first.line, table_role=role_name,
                  heading_party=inherited)


def _flat_row_to_clause(node: _Node, clause_id, attachment, section, item, heading_title, inherited) -> Clause:
    """A row of a flattened table: cells are typed by what they hold, since empty and spanned cells are missing."""
    header = [h for h in node.para.header if h != "序号"]
    unit_columns = [h for h in header if regex.search(r"单位|部门|單位|部門", h)]
    typed: list[tuple[str, str, Line]] = []
    units_seen = 0
    for text, line, _ in node.para.cells:
        marker = line_to_marker(text)
        if marker is not None and marker.level == 1:
            continue  # the section cell, already the row's heading
        if marker is not None and marker.level == 3:
            typed.append(("内容", marker.rest, line))
        elif regex.fullmatch(r"\d{4}\s*年?\s*\d{1,2}\s*月.*|.*(?:年内|年底|长期|持续).*", text) and len(text) <= 20:
            typed.append(("完成时限", text, line))
        elif looks_like_unit(text.split("、")[0]) and units_seen < len(unit_columns):
            typed.append((unit_columns[units_seen], text, line))
            units_seen += 1
        elif units_seen and _PERSON.match(text) and not looks_like_unit(text):
            typed.append(("责任人", text, line))
        else:
            typed.append(("主要任务", text, line))
    return _typed_row(node, clause_id, attachment, section, item, heading_title, inherited, typed)


def _typed_row(node: _Node, clause_id, attachment, section, item, heading_title, inherited, typed) -> Clause:
    """(column name, cell text, line) of one row -> a clause; unit columns give roles, leader columns leaders."""
    title = text = None
    parts, pieces, leaders, deadline, offset = [], [], [], None, 0
    for name, cell, line in typed:
        if not cell:
            continue
        simple = to_simplified(name)
        if regex.search(r"单位|部门", simple):
            label = f"{simple}："
            pieces.append(Piece(offset, line.line, line.page))
            parts.append(label + cell)
            offset += len(label) + len(cell) + 1
        elif regex.search(r"领导|责任人", simple):
            leaders.extend(p for p in regex.split(r"[、，,\s]+", cell) if p)
        elif regex.search(r"时限|时间", simple):
            deadline = cell
        elif regex.search(r"内容|重点工作|工作任务|人群|项目|指标", simple) and title is None:
            title = cell
        elif not regex.search(r"备注", simple):
            text = cell if text is None else text + cell
    party = Span("；".join(parts), tuple(pieces)) if parts else None
    first = node.para.first
    return Clause(clause_id, attachment, section, item, node.number, title, heading_title, text or title or "",
                  party.text if party else None, party, first.page, first.line, leaders=tuple(leaders),
                  deadline=deadline, deadline_date=deadline_to_date(deadline), heading_party=inherited)


def _check_titles(clauses: list[Clause], issues: list[Issue]) -> None:
    seen: dict[tuple[int | None, str], str] = {}
    for clause in clauses:
        if clause.row is not None or not clause.title:
            continue
        # Attachments restate separate source documents, so only titles within one attachment must differ.
        key = (clause.attachment, clause.title)
        if key in seen:
            issues.append(Issue("duplicate-title", f"{clause.clause_id} has the same title as {seen[key]}: {clause.title}", clause.clause_id, clause.line, clause.page))
        else:
            seen[key] = clause.clause_id


def _front_matter(paras: list[_Para]) -> tuple[str | None, str | None, str | None]:
    """Paragraphs before the task list -> the notice's title, issuer and date where they can be read."""
    lines = [t.strip() for p in paras if p.kind in ("text", "numbered") for t, _ in p.chunks if t.strip()]
    # The title is the opening lines up to the addressee (市有关部门和单位：), often centred over two lines.
    opening = []
    for text in lines[:6]:
        if text.endswith(("：", ":")) or "。" in text:
            break
        opening.append(text)
    joined = "".join(opening)
    title = joined if opening and _TITLE_WORDS.search(joined) and len(joined) <= 100 else None
    issuer = date = None
    for i, text in enumerate(lines):
        m = _DATE.match(text)
        if m:
            date = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            if i and len(lines[i - 1]) <= 40 and "。" not in lines[i - 1]:
                issuer = lines[i - 1]
            break
    return title, issuer, date


def lines_to_notice(lines: tuple[Line, ...], file: str) -> Notice:
    """Lines of one input -> its clauses and issues."""
    return paragraphs_to_notice(lines_to_paragraphs(lines), file)
