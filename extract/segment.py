"""Segmentation: paragraphs -> the notice's structure -> task clauses (numbered items, text under headings, table rows)."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from fengong.extract.model import Clause, Issue, IssueCode, Line, Notice, Piece, Span
from fengong.extract.numbering import Marker, line_to_marker
from fengong.extract.paragraphs import DATE, HEADING_LEVELS, Paragraph, heading_like, lines_to_paragraphs
from fengong.extract.parties import deadline_to_date, party_text_to_party, text_to_party, text_to_prose_units
from fengong.extract.script import compile_both
from fengong.extract.tables import row_to_clause

_TITLE_WORDS = regex.compile(r"通知|方案|意见|清单|分工|要点|安排|办法")
_TITLE_STOPS = regex.compile(r"[，,；;：:]")
_TITLE_MAX = 30  # a clause's short title is one short sentence; longer first sentences are task text
_FIRST_LISTED = compile_both(r"(?:列|排)(?:在)?第一位的?(?:责任)?(?:单位|部门)?为牵头|第一(?:个|家)?(?:责任)?(?:单位|部门)为牵头")
_ALIAS = compile_both(r"([\p{Han}（）()]{2,40}?)[（(]以下(?:简称|称)[“\"「]?([\p{Han}]{2,20}?)[”\"」]?[）)]")
_IN_TEXT_DEADLINE = compile_both(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末)?(?:前|以前)|\d{4}年(?:底|年底)前|年内持续推进|长期坚持")


@dataclass(slots=True)
class _Node:
    level: int  # numbering level; table rows are 9
    number: int
    printed: str
    para: Paragraph
    path: tuple[str, ...]
    parent: _Node | None
    children: list[_Node] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    labels: list[Paragraph] = field(default_factory=list)  # 牵头单位：… lines under the clause


def _task_start(paras: list[Paragraph]) -> int | None:
    """Paragraphs of a notice without attachments -> index where its task list starts, None if it has none.

    A covering letter (even one numbered 一、二、) ends with its signature date; when numbered paragraphs follow
    the date, the tasks start after it. When nothing numbered follows and nothing before it names units, the
    notice is a covering letter only.
    """
    dates = [i for i, p in enumerate(paras) if p.kind == "text" and DATE.match(p.text.strip())]
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


def paragraphs_to_notice(paras: list[Paragraph], file: str) -> Notice:
    """Paragraphs of one input -> its task clauses, the document's issues and its title, issuer and date."""
    has_attachments = any(p.kind == "attachment" for p in paras)
    issues: list[Issue] = []
    roots: list[_Node] = []
    attachments: list[tuple[int, str]] = []
    front: list[Paragraph] = []  # paragraphs before the task list: covering letter, titles, preambles
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
            issues.append(Issue(IssueCode.NUMBERING_GAP, f"{where}: {node.printed} follows {before}; expected {expected}", "-".join(node.path), node.para.first.line, node.para.first.page))
        (node_parent.children if node_parent else roots).append(node)

    def roots_of_attachment() -> list[_Node]:
        return [r for r in roots if r.path[: len(prefix())] == prefix()]

    def add_row(para: Paragraph) -> None:
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
    heading_leads: dict[int, Span | None] = {}
    for node in _walk(roots):
        clauses.extend(_node_to_clauses(node, issues, heading_leads))
    _check_titles(clauses, issues)
    title, issuer, date = _front_matter(front if (has_attachments or start) else paras)
    if not clauses:
        issues.append(Issue(IssueCode.NO_CLAUSES, "no task clauses found"))
    everything = "".join(p.text for p in paras)
    aliases = tuple(dict.fromkeys((m.group(2), m.group(1)) for m in _ALIAS.finditer(everything)))
    return Notice(file, tuple(clauses), tuple(issues), title, issuer, date, tuple((a, t) for a, t in attachments),
                  bool(_FIRST_LISTED.search(everything)), aliases)


def _flat_section(para: Paragraph) -> tuple[Marker, Paragraph] | None:
    for text, line, _ in para.cells:
        marker = line_to_marker(text)
        if marker is not None and marker.level == 1:
            title = Paragraph("text")
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


def _leads_only(party: Span) -> bool:
    roles = {role for role, *_ in party_text_to_party(party.text).units}
    return roles == {"lead"}


def _heading_party(node: _Node | None, found: dict[int, Span | None]) -> Span | None:
    """The nearest heading above a clause whose own bracket names only a lead (一、强化科技创新（区科技局牵头））.

    `found` remembers each heading's answer, so the rows of a long table do not read their heading again.
    """
    if node is None:
        return None
    if id(node) not in found:
        _, party, _ = text_to_party(node.para.span(), "")
        found[id(node)] = party if party is not None and _leads_only(party) else _heading_party(node.parent, found)
    return found[id(node)]


@dataclass(frozen=True, slots=True)
class _Where:
    """Where a clause sits: its id and the numbers the clauses table reports."""

    clause_id: str
    attachment: int | None
    section: int | None
    item: str | None

    def with_id(self, clause_id: str) -> _Where:
        return _Where(clause_id, self.attachment, self.section, self.item)


def _where(node: _Node) -> _Where:
    numbers = [p for p in node.path if not p.startswith(("A", "T"))]
    attachment = int(node.path[0][1:]) if node.path[0].startswith("A") else None
    return _Where("-".join(node.path), attachment, int(numbers[0]) if numbers else None, "-".join(numbers[1:]) or None)


def _unplaced(span: Span, clause_id: str, message: str) -> Issue:
    return Issue(IssueCode.UNPLACED_TEXT, f"{message}: {span.text[:40]}", clause_id, span.pieces[0].line, span.pieces[0].page)


def _node_to_clauses(node: _Node, issues: list[Issue], heading_leads: dict[int, Span | None]) -> list[Clause]:
    """A numbered node -> the clauses it holds itself (none for a heading whose only content is its children)."""
    where = _where(node)
    heading_title = _heading_title(node.parent)
    inherited = _heading_party(node.parent, heading_leads)
    if node.level == 9:
        return [row_to_clause(node.para, node.number, where.clause_id, where.attachment, where.section, where.item, heading_title, inherited)]
    own = node.para.span()
    body = [p.span() for p in node.body]
    labels = _labels_span(node.labels)
    names_units = labels is not None or text_to_party(own, where.clause_id)[1] is not None
    reads_as_heading = node.level in HEADING_LEVELS or heading_like(own.text)
    if not names_units and reads_as_heading and (body or node.children):
        return _heading_to_clauses(node, where, own, body, heading_title, inherited, issues)
    if node.children and not names_units:
        issues.extend(_unplaced(span, where.clause_id, f"text after the heading of {where.clause_id} is not under a number") for span in body[:1])
        return []
    # A numbered task: its own text, continued by following paragraphs until its units are named.
    parts, rest = [own], list(body)
    text_span, party, problems = text_to_party(_join(parts), where.clause_id)
    while rest and party is None and labels is None:
        parts.append(rest.pop(0))
        text_span, party, problems = text_to_party(_join(parts), where.clause_id)
    issues.extend(problems)
    issues.extend(_unplaced(extra, where.clause_id, f"paragraph after {where.clause_id} has no number of its own") for extra in rest)
    party = party or labels
    if node.children and party is not None and _leads_only(party):
        return []  # a lead named for the heading: it holds for every item below (heading-lead)
    return [_clause(where, heading_title, text_span, party, parts[0], inherited)]


def _heading_to_clauses(node: _Node, where: _Where, own: Span, body: list[Span], heading_title, inherited, issues: list[Issue]) -> list[Clause]:
    """A heading naming no units -> the clauses in the text under it that has no number of its own.

    One such paragraph naming units is the heading's clause (附件1 五); several are clauses -U1, -U2, … (lines of
    tasks under 1. 约束性指标的责任部门). A heading with no units anywhere under it is an introduction (一、总体要求),
    unless it is a numbered task of its own whose units are not (yet) named, e.g. where an excerpt breaks off.
    """
    groups: list[list[Span]] = []
    current: list[Span] = []
    for span in body:
        current.append(span)
        joined = _join(current)
        if text_to_party(joined, where.clause_id)[1] is not None or text_to_prose_units(joined.text):
            groups.append(current)
            current = []
    if not groups:
        if node.level == 1 or node.children:
            return []
        text_span, party, _ = text_to_party(_join(body), where.clause_id)
        return [_clause(where, heading_title, text_span, party, own, inherited, _title_of(own))]
    if current:
        issues.append(_unplaced(current[0], where.clause_id, f"text under {where.clause_id} after its last task names no unit"))
    section_title = _title_of(own) or heading_title
    out = []
    for k, group in enumerate(groups, start=1):
        at = where if len(groups) == 1 else where.with_id(f"{where.clause_id}-U{k}")
        text_span, party, problems = text_to_party(_join(group), at.clause_id)
        issues.extend(problems)
        out.append(_clause(at, section_title, text_span, party, group[0], inherited))
    return out


def _clause(where: _Where, section_title, text_span: Span, party: Span | None, first_span: Span, inherited, title: str | None = None) -> Clause:
    """A clause's parts -> the Clause: title, deadline (from its units' text or its own) and leaders read off."""
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
    return Clause(clause_id=where.clause_id, attachment=where.attachment, section=where.section, item=where.item, row=None,
                  title=title or _short_title(text), section_title=section_title, text=text,
                  party_text=party.text if party else None, party=party, page=first.page, line=first.line,
                  leaders=parsed.leaders if parsed else (), deadline=deadline, deadline_date=deadline_to_date(deadline),
                  heading_party=inherited)


def _labels_span(labels: list[Paragraph]) -> Span | None:
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
    """A heading -> its title: the text without a unit bracket it names (（区科技局牵头）) or a closing 。."""
    if node is None:
        return None
    return _title_of(node.para.span()) or None


def _title_of(span: Span) -> str:
    return text_to_party(span, "")[0].text.strip().rstrip("。").strip()


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
    if 0 < len(head) <= _TITLE_MAX and not _TITLE_STOPS.search(head) and (sep or head == text.strip()):
        return head
    return None


def _check_titles(clauses: list[Clause], issues: list[Issue]) -> None:
    seen: dict[tuple[int | None, str], str] = {}
    for clause in clauses:
        if clause.row is not None or not clause.title:
            continue
        # Attachments restate separate source documents, so only titles within one attachment must differ.
        key = (clause.attachment, clause.title)
        if key in seen:
            issues.append(Issue(IssueCode.DUPLICATE_TITLE, f"{clause.clause_id} has the same title as {seen[key]}: {clause.title}", clause.clause_id, clause.line, clause.page))
        else:
            seen[key] = clause.clause_id


def _front_matter(paras: list[Paragraph]) -> tuple[str | None, str | None, str | None]:
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
        m = DATE.match(text)
        if m:
            date = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            if i and len(lines[i - 1]) <= 40 and "。" not in lines[i - 1]:
                issuer = lines[i - 1]
            break
    return title, issuer, date


def lines_to_notice(lines: tuple[Line, ...], file: str) -> Notice:
    """Lines of one input -> its clauses and issues."""
    return paragraphs_to_notice(lines_to_paragraphs(lines), file)
