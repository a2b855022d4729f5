"""Segmentation: paragraphs -> the notice's structure -> task clauses (numbered items, text under headings, table rows).

The steps: find where the tasks start (after a covering letter); build the tree of numbered headings, items and
table rows (paragraphs_to_tree); turn each node into its clauses (node_to_clauses); then apply what the notice
states once for many clauses (standing rules), check titles and ids, and read the front matter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import regex

from fengong.extract import genre
from fengong.extract.bodies import looks_like_body
from fengong.extract.model import Clause, FirstListed, Issue, IssueCode, Line, Notice, Party, Role, Span, UnitMention
from fengong.extract.numbering import CHAPTER_LEVEL, PART_LEVEL, Marker, line_to_marker
from fengong.extract.paragraphs import HEADING_LEVELS, Paragraph, heading_like, lines_to_paragraphs
from fengong.extract.parties import deadline_to_date, join_spans, party_text_to_party, prose_party, text_to_party, text_to_prose_units
from fengong.extract.script import to_simplified
from fengong.extract.tables import RowPlace, row_to_clause

_TITLE_STOPS = regex.compile(r"[，,；;：:]")
_SENTENCE_MARK = regex.compile(r"[。，,；;：:！？]")
_TITLE_MAX = 30  # a clause's short title is one short sentence; longer first sentences are task text
_ROW_LEVEL = 9
_PART_HEADINGS = (CHAPTER_LEVEL, PART_LEVEL, 1)  # 第一章, 第一节, 一、: text under them naming no unit introduces them
# 郧政发〔2023〕5号, 国发〔2020〕6号, 宁政发[2006]275号: a short prefix ending in 发/函/字/…, a year in brackets, a number.
_DOC_NUMBER = regex.compile(r"(\p{Han}{1,6}?(?:发|函|字|令|通|办|规|呈))\s*[〔\[［（(]\s*\d{4}\s*[〕\]］）)]\s*\d{1,4}\s*[号號]")
_BEFORE_DOC_NUMBER = regex.compile(r"^.*(?:意见|通知|方案|决定|文号|字号|文件|的|关于)")
_CLUTTER = regex.compile(r"\s*(?:发布时间|發布時間|来源|來源|字体|字號|字号|浏览次数|【打印】|索引号|发文字号|信息来源)[:：].*$")
_TITLE_WORD = regex.compile(r"(?:通知|方案|意见|要点|清单|安排|办法|措施|细则|举措|分解表|分工表|分解|分工)(?:[（(][^（）()]{1,12}[）)])?[》」）)]*")
# A signature and date, alone or at the end of a paragraph they were joined to (…任务分工。某某办公室2019年4月16日).
_SIGNED = regex.compile(r"^(?:.*[。；;])?([^。；;]{0,40}?)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_ISSUER_END = regex.compile(r"(?:人民政府|政府|办公厅|办公室|委员会|[局厅部委办])$")
_PERSON_BEFORE_TITLE = regex.compile(r"^(\p{Han}{2,4}?)(?:常务)?副?(?:市长|区长|县长|省长|主任|书记)")


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


@dataclass(slots=True)
class _Tree:
    """The notice's structure: numbered nodes per attachment, the paragraphs before the tasks, attachment titles."""

    roots: list[_Node] = field(default_factory=list)
    front: list[Paragraph] = field(default_factory=list)
    attachments: list[tuple[int, str]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def task_start(paras: list[Paragraph]) -> int | None:
    """Paragraphs of a notice without attachments -> index where its task list starts, None if it has none.

    A covering letter (even one numbered 一、二、) ends with its signature date; when numbered paragraphs follow
    the date, the tasks start after it. When nothing numbered follows and nothing before it names units, the
    notice is a covering letter only.
    """
    dates = [i for i, p in enumerate(paras) if p.kind == "text" and genre.DATE.match(p.text.strip())]
    if not dates:
        return 0
    after = [p for p in paras[dates[0] + 1:] if p.kind in ("numbered", "row", "frow")]
    if after:
        return dates[0] + 1
    before = paras[: dates[0]]
    if any(p.kind in ("label", "row", "frow") for p in before) or any(text_to_party(p.span(), "")[1] for p in before if p.kind == "numbered"):
        return 0
    return None


class _TreeBuilder:
    """Paragraphs in order -> the tree; numbering gaps found on the way. Roots are kept per attachment."""

    def __init__(self) -> None:
        self.tree = _Tree()
        self.attachment: int | None = None
        self.title_parts: list[str] | None = []
        self.stack: list[_Node] = []
        self.last_root: dict[tuple[int | None, int], _Node] = {}  # per attachment and level: kept, not searched
        self.last_child: dict[tuple[int, int], _Node] = {}
        self.last_row: dict[int, _Node] = {}  # per table: its rows are numbered on across its section rows
        self.last_at_level: dict[tuple[int | None, int], _Node] = {}  # the last node numbered at each level

    def prefix(self) -> tuple[str, ...]:
        return (f"A{self.attachment}",) if self.attachment is not None else ()

    def start_attachment(self, para: Paragraph) -> None:
        self.attachment, self.stack = para.number, []
        self.title_parts = [para.text] if para.text else []
        self.tree.attachments.append((para.number or 1, para.text))

    def add_numbered(self, para: Paragraph) -> None:
        marker = para.marker
        assert marker is not None
        while self.stack and self.stack[-1].level >= marker.level:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        node = _Node(marker.level, marker.number, marker.printed, para, (parent.path if parent else self.prefix()) + (str(marker.number),), parent)
        self._add_child(parent, node)
        self.stack.append(node)
        if self.attachment is not None and self.title_parts is not None:
            self.tree.attachments[-1] = (self.attachment, "".join(self.title_parts))
            self.title_parts = None

    def add_row(self, para: Paragraph) -> None:
        while self.stack and self.stack[-1].level == _ROW_LEVEL:
            self.stack.pop()
        section = _flat_section(para) if para.kind == "frow" else None
        if section is not None:
            # A section cell of a flattened table's row (一、全年主要预期目标) heads the rows below it.
            self.stack.clear()
            node = _Node(1, section[0].number, section[0].printed, section[1], self.prefix() + (str(section[0].number),), None)
            self._add_child(None, node)
            self.stack.append(node)
        parent = self.stack[-1] if self.stack else None
        number = para.number or 0
        node = _Node(_ROW_LEVEL, number, str(number), para, (parent.path if parent else self.prefix()) + (f"T{number}",), parent)
        self._add_child(parent, node)
        self.stack.append(node)

    def add_other(self, para: Paragraph) -> bool:
        """A paragraph without a number -> placed; False when it closes the tasks (a signature date after them)."""
        if self.tree.roots and genre.DATE.match(para.text.strip()):
            # The signature (国务院 / 2024年3月21日) after the tasks: not text of the last clause.
            if self.stack:
                _drop_signature(self.stack[-1])
            return False
        if not self.stack:
            # Before the first number of an attachment: its title, then its preamble.
            if self.attachment is not None and self.title_parts is not None and not _is_preamble(para.text):
                self.title_parts.append(para.text)
            self.tree.front.append(para)
        elif para.kind == "label":
            self.stack[-1].labels.append(para)
        else:
            self.stack[-1].body.append(para)
        return True

    def _add_child(self, parent: _Node | None, node: _Node) -> None:
        previous = self._previous_sibling(parent, node)
        expected = previous.number + 1 if previous else 1
        # Numbers that run on across sections (一、（一）（二）二、（三）…, as State Council notices print) are no gap.
        running = self.last_at_level.get((self.attachment, node.level))
        runs_on = previous is None and running is not None and node.number == running.number + 1
        self.last_at_level[(self.attachment, node.level)] = node
        if node.number != expected and not runs_on:
            where = _label(self.attachment, parent)
            before = previous.printed if previous else "the start"
            if previous is None and running is not None and node.number > running.number:
                # 5. opens 二、 after 3. closed 一、: the numbers run on and 4. is missing, not 1.
                before, expected = f"{running.printed} (numbered on from the section before)", running.number + 1
            self.tree.issues.append(Issue(IssueCode.NUMBERING_GAP, f"{where}: {node.printed} follows {before}; expected {expected}",
                                          "-".join(node.path), node.para.first.line, node.para.first.page))
        if parent is not None:
            parent.children.append(node)
            self.last_child[(id(parent), node.level)] = node
        else:
            self.tree.roots.append(node)
            self.last_root[(self.attachment, node.level)] = node

    def _previous_sibling(self, parent: _Node | None, node: _Node) -> _Node | None:
        """The node numbered before this one at its level: a table's rows run on across its section rows."""
        if node.level == _ROW_LEVEL:
            table = id(node.para.header)
            previous = self.last_row.get(table)
            self.last_row[table] = node
            # Serials that restart at 1 under a new section row (1-T1, 2-T1) are no gap.
            restarts = previous is not None and node.number == 1 and previous.parent is not parent
            return None if restarts else previous
        if parent is not None:
            return self.last_child.get((id(parent), node.level))
        return self.last_root.get((self.attachment, node.level))


def _drop_signature(node: _Node) -> None:
    """The last clause before a signature date -> without the signature lines joined to its end (…落实。国务院)."""
    para = node.body[-1] if node.body else node.para
    for k in range(1, len(para.chunks)):
        tail = "".join(t for t, _ in para.chunks[-k:])
        if _SENTENCE_MARK.search(tail) or len(tail) > 30:
            break
        if "".join(t for t, _ in para.chunks[:-k]).endswith(("。", "）", ")", "】")):
            del para.chunks[-k:]
            return
    if node.body and len(para.text) <= 30 and not _SENTENCE_MARK.search(para.text):
        node.body.pop()


def paragraphs_to_tree(paras: list[Paragraph]) -> _Tree:
    """Paragraphs of one input -> its tree of numbered nodes, the paragraphs before the tasks, attachment titles."""
    has_attachments = any(p.kind == "attachment" for p in paras)
    start = 0 if has_attachments else task_start(paras)
    in_tasks = not has_attachments and start is not None
    builder = _TreeBuilder()
    ended = False
    for index, para in enumerate(paras):
        if ended and para.kind != "attachment":
            continue
        if para.kind == "end":
            # 抄送 / (此件公开发布) after the tasks closes the notice; before them it is the covering letter's.
            ended = bool(builder.tree.roots)
        elif para.kind == "attachment":
            ended, in_tasks = False, True
            builder.start_attachment(para)
        elif not in_tasks or (start is not None and not has_attachments and index < start):
            builder.tree.front.append(para)
        elif para.kind == "numbered":
            builder.add_numbered(para)
        elif para.kind in ("row", "frow"):
            builder.add_row(para)
        elif not builder.add_other(para):
            ended = True
    return builder.tree


def paragraphs_to_notice(paras: list[Paragraph], file: str) -> Notice:
    """Paragraphs of one input -> its task clauses, the document's issues and its title, issuer, date and 文号."""
    tree = paragraphs_to_tree(paras)
    issues = list(tree.issues)
    heading_leads: dict[int, tuple[Span | None, Party]] = {}
    clauses: list[Clause] = []
    # The last section of each attachment (or of the notice), found once: asking it of every root costs n².
    last_of_part = {id(root) for root in {_attachment_of(r): r for r in tree.roots}.values()}
    for root in tree.roots:
        found, problems = _root_to_clauses(root, heading_leads)
        if not _is_closing_section(root, found, id(root) in last_of_part):
            clauses.extend(found)
            issues.extend(problems)
    clauses = with_standing_rules(clauses, tree.front)
    clauses, duplicates = with_unique_ids(clauses)
    issues.extend(duplicates)
    issues.extend(_duplicate_titles(clauses))
    everything = "".join(p.text for p in paras)
    front = tree.front if (tree.attachments or task_start(paras)) else paras
    title, issuer, date = front_matter(front)
    if not clauses:
        issues.append(Issue(IssueCode.NO_CLAUSES, "no task clauses found"))
    aliases = tuple(dict.fromkeys((m.group(2), m.group(1)) for m in genre.ALIAS.finditer(everything)))
    number = doc_number(to_simplified("".join(_opening(paras))))
    return Notice(file, tuple(clauses), tuple(issues), title, issuer, date, tuple(tree.attachments),
                  first_listed(everything), aliases, number, everything)


_STATEMENT_REACH = 40  # how far a first-listed statement's own sentence reaches around it (其他为配合单位, 多个单位的)


def first_listed(text: str) -> FirstListed | None:
    """A notice's text -> its statement that the first unit listed leads (列第一位的为牵头单位), None when it makes none.

    The same sentence may say what the others are (…，其他为配合单位) and that it holds for several units only
    (多个单位的，第一家为牵头单位). Paragraphs are joined without a mark, so a sentence is also cut at a fixed reach.
    """
    found = genre.FIRST_LISTED.search(text)
    if found is None:
        return None
    start = max(text.rfind("。", 0, found.start()) + 1, found.start() - _STATEMENT_REACH)
    end = text.find("。", found.end(), found.end() + _STATEMENT_REACH)
    others = genre.FIRST_LISTED_OTHERS.search(text, found.end(), end if end >= 0 else found.end() + _STATEMENT_REACH)
    role = genre.OTHERS_ROLES[to_simplified(others.group(1))] if others else Role.RESPONSIBLE
    return FirstListed(role, genre.FIRST_LISTED_SEVERAL.search(text, start, found.start()) is not None)


def _opening(paras: list[Paragraph]) -> list[str]:
    """A notice's paragraphs -> the texts before its first sentence (letterhead, 文号, title, addressee)."""
    out = []
    for para in paras[:15]:
        if "。" in para.text:
            break
        out.append(para.text)
    return out


def doc_number(text: str) -> str | None:
    """Text of a notice's head -> its document number (文号: 国发〔2020〕6号, 郧政发〔2023〕5号), if it prints one."""
    m = _DOC_NUMBER.search(text)
    if not m or text[max(0, m.start() - 1):m.start()] in "（(":
        return None  # （常政发〔2018〕77号）: a document cited, not this one
    prefix = _BEFORE_DOC_NUMBER.sub("", m.group(1))
    return regex.sub(r"\s+", "", prefix + m.group(0)[len(m.group(1)):]) if prefix else None


def _flat_section(para: Paragraph) -> tuple[Marker, Paragraph] | None:
    for cell in para.cells:
        marker = line_to_marker(cell.text)
        if marker is not None and marker.level == 1:
            title = Paragraph("text")
            title.chunks.append((marker.rest, cell.line))
            return marker, title
    return None


def _is_preamble(text: str) -> bool:
    return "。" in text or text.endswith(("：", ":")) or text.startswith(genre.PREAMBLE_START)


def _label(attachment: int | None, parent: _Node | None) -> str:
    parts = [f"附件{attachment}"] if attachment is not None else []
    node, chain = parent, []
    while node is not None:
        chain.append(node.printed)
        node = node.parent
    parts.extend(reversed(chain))
    return " ".join(parts) or "正文"


def _root_to_clauses(root: _Node, heading_leads: dict[int, tuple[Span | None, Party]]) -> tuple[list[Clause], list[Issue]]:
    """A top-level section -> its clauses and the issues found reading them."""
    clauses: list[Clause] = []
    issues: list[Issue] = []
    for node in _walk([root]):
        clauses.extend(node_to_clauses(node, issues, heading_leads))
    return clauses, issues


def _is_closing_section(root: _Node, clauses: list[Clause], last_of_its_part: bool) -> bool:
    """Whether a section is the plan's closing requirements (四、保障措施 / 三、工作要求), not tasks.

    Only the last section of its attachment (or notice), titled so, and naming no unit or person anywhere: such a
    section asks everyone to work well. One that does name units (五、强化组织实施 … 牵头单位：) keeps its clauses.
    """
    if not last_of_its_part or root.level == _ROW_LEVEL:
        return False
    if not genre.CLOSING_SECTION.match(to_simplified(_heading_title(root) or "")):
        return False
    return not any(c.units.mentions or c.heading_units.mentions or c.leaders for c in clauses)


def _attachment_of(node: _Node) -> str | None:
    return node.path[0] if node.path[0].startswith("A") else None


def _walk(nodes: list[_Node]):
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))


# ---------------------------------------------------------------- nodes -> clauses
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


def _heading_lead(node: _Node | None, found: dict[int, tuple[Span | None, Party]]) -> tuple[Span | None, Party]:
    """The nearest heading above a clause whose own bracket names only a lead (一、强化科技创新（区科技局牵头）).

    `found` remembers each heading's answer, so the rows of a long table do not read their heading again.
    """
    if node is None:
        return None, Party()
    if id(node) not in found:
        # The lead in the heading's bracket, or on a label line under it (一、扩大开放 / 牵头单位：市商务局).
        span = text_to_party(node.para.span(), "")[1] or _labels_span(node.labels)
        units = party_text_to_party(span.text) if span is not None else Party()
        found[id(node)] = (span, units) if units.mentions and units.roles() == {Role.LEAD} else _heading_lead(node.parent, found)
    return found[id(node)]


def _heading_leaders(node: _Node | None) -> tuple[str, ...]:
    """People a heading above a table row names: （牵头领导：成坤、柯相国）, （一）王宏副市长牵头重点工作."""
    while node is not None:
        text = to_simplified(node.para.text)
        person = _PERSON_BEFORE_TITLE.match(text)
        if person and genre.LEADER_GROUP.match(text):
            return (node.para.text[: person.end(1)],)
        _, span, _ = text_to_party(node.para.span(), "")
        if span is not None and (leaders := party_text_to_party(span.text).leaders):
            return leaders
        node = node.parent
    return ()


def _unplaced(span: Span, clause_id: str, message: str) -> Issue:
    return Issue(IssueCode.UNPLACED_TEXT, f"{message}: {span.text[:40]}", clause_id, span.pieces[0].line, span.pieces[0].page)


def node_to_clauses(node: _Node, issues: list[Issue], heading_leads: dict[int, tuple[Span | None, Party]]) -> list[Clause]:
    """A numbered node -> the clauses it holds itself (none for a heading whose only content is its children)."""
    where = _where(node)
    heading_title = _heading_title(node.parent)
    inherited = _heading_lead(node.parent, heading_leads)
    if node.level == _ROW_LEVEL:
        place = RowPlace(clause_id=where.clause_id, number=node.number, attachment=where.attachment, section=where.section,
                         item=where.item, heading_title=heading_title, heading_party=inherited[0], heading_units=inherited[1],
                         leaders=_heading_leaders(node.parent))
        return [row_to_clause(node.para, place)]
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
    text_span, party, problems = text_to_party(join_spans(parts, ""), where.clause_id)
    while rest and party is None and labels is None:
        parts.append(rest.pop(0))
        text_span, party, problems = text_to_party(join_spans(parts, ""), where.clause_id)
    issues.extend(problems)
    issues.extend(_unplaced(extra, where.clause_id, f"paragraph after {where.clause_id} has no number of its own") for extra in rest)
    party = party or labels
    if node.children and party is not None and party_text_to_party(party.text).roles() == {Role.LEAD}:
        return []  # a lead named for the heading: it holds for every item below (heading-lead)
    cut = any(p.cut for p in [node.para, *node.body, *node.labels])
    return [_clause(where, heading_title, text_span, party, parts[0], inherited, cut=cut)]


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
        joined = join_spans(current, "")
        if text_to_party(joined, where.clause_id)[1] is not None or text_to_prose_units(joined.text):
            groups.append(current)
            current = []
    cut = any(p.cut for p in [node.para, *node.body])
    if not groups:
        if node.level in _PART_HEADINGS or node.children:
            return []
        text_span, party, _ = text_to_party(join_spans(body, ""), where.clause_id)
        return [_clause(where, heading_title, text_span, party, own, inherited, _title_of(own), cut=cut)]
    if current:
        issues.append(_unplaced(current[0], where.clause_id, f"text under {where.clause_id} after its last task names no unit"))
    section_title = _title_of(own) or heading_title
    out = []
    for k, group in enumerate(groups, start=1):
        at = where if len(groups) == 1 else where.with_id(f"{where.clause_id}-U{k}")
        text_span, party, problems = text_to_party(join_spans(group, ""), at.clause_id)
        issues.extend(problems)
        out.append(_clause(at, section_title, text_span, party, group[0], inherited, cut=cut and k == len(groups)))
    return out


def _clause(where: _Where, section_title, text_span: Span, party: Span | None, first_span: Span, inherited: tuple[Span | None, Party],
            title: str | None = None, cut: bool = False) -> Clause:
    """A clause's parts -> the Clause, its units read once; title, deadline (from its units' text or its own) and leaders."""
    text = text_span.text.strip()
    if party is None:
        party = prose_party(text_span)
    units = party_text_to_party(party.text) if party is not None else Party()
    deadline = units.deadline
    if deadline is None:
        found_deadline = genre.IN_TEXT_DEADLINE.search(text)
        deadline = found_deadline.group(0) if found_deadline else None
    first = first_span.pieces[0]
    return Clause(clause_id=where.clause_id, attachment=where.attachment, section=where.section, item=where.item, row=None,
                  title=title or short_title(text), section_title=section_title, text=text,
                  party_text=party.text if party else None, party=party, page=first.page, line=first.line,
                  leaders=units.leaders, deadline=deadline, deadline_date=deadline_to_date(deadline), units=units,
                  heading_party=inherited[0], heading_units=inherited[1], cut=cut)


def _labels_span(labels: list[Paragraph]) -> Span | None:
    """Label lines under a clause -> one party text, the lines joined by ；."""
    if not labels:
        return None
    spans = []
    for para in labels:
        span = para.span()
        spans.append(span.sub(0, len(span.text.rstrip("。；; "))))
    return join_spans(spans, "；")


def _heading_title(node: _Node | None) -> str | None:
    """A heading -> its title: the text without a unit bracket it names (（区科技局牵头）) or a closing 。."""
    if node is None:
        return None
    return _title_of(node.para.span()) or None


def _title_of(span: Span) -> str:
    return text_to_party(span, "")[0].text.strip().rstrip("。").strip()


def short_title(text: str) -> str | None:
    """Clause text -> its short title: the first sentence when it reads as a heading (公务员诚信教育。)."""
    head, sep, _ = text.partition("。")
    head = head.strip()
    # A clause that is only a short heading (（一）地区生产总值增长7%以上) is its own title.
    if 0 < len(head) <= _TITLE_MAX and not _TITLE_STOPS.search(head) and (sep or head == text.strip()):
        return head
    return None


# ---------------------------------------------------------------- what holds for the whole notice
def with_standing_rules(clauses: list[Clause], front: Sequence[Paragraph] = ()) -> list[Clause]:
    """Clauses in order -> the same, every clause after a standing rule (以下…均需X落实，不再单独列出) given X.

    The rule may stand in a clause (its unit text or its text), or in the preamble before the tasks (front), where it
    holds from its line on; units marked 下同 (各县（市、区）人民政府（下同）) are one too. Rules add up, a unit taking the
    role its latest rule gives it. An attachment restates a source document of its own: the rules stated for one
    attachment end where the next begins.
    """
    preamble = [(_place(p.first.page, p.first.line), p.text) for p in front if genre.STANDING_RULE.search(to_simplified(p.text))]
    out: list[Clause] = []
    standing: dict[str, UnitMention] = {}
    scope: int | None = clauses[0].attachment if clauses else None
    for clause in clauses:
        if clause.attachment != scope:
            standing, scope = {}, clause.attachment
        while preamble and preamble[0][0] < _place(clause.page, clause.line):
            standing = _with_rule(standing, _standing_units(preamble.pop(0)[1]))
        out.append(replace(clause, standing_units=Party(tuple(standing.values()))) if standing else clause)
        for text in (clause.party_text or "", clause.text):
            standing = _with_rule(standing, _standing_units(text))
        standing = _with_rule(standing, [m for m in clause.units.mentions if m.same_below])
    return out


def _with_rule(standing: dict[str, UnitMention], units: Sequence[UnitMention]) -> dict[str, UnitMention]:
    """The units in force, a rule's units -> both, a unit named again taking its new role."""
    if not units:
        return standing
    return {**standing, **{m.unit_raw: replace(m, same_below=False) for m in units}}


def _place(page: int | None, line: int) -> tuple[int, int]:
    return (page or 0, line)


def _standing_units(text: str) -> tuple[UnitMention, ...]:
    """A text -> the units its standing rule names (以下…均需X落实，不再单独列出), none when it states none or when what it
    names does not read wholly as bodies (以下各项工作各地要认真落实: no rule)."""
    rule = genre.STANDING_RULE.search(to_simplified(text))
    if rule is None:
        return ()
    party = party_text_to_party(text[rule.start("units"):rule.end("units")], genre.standing_role(rule))
    return party.mentions if all(looks_like_body(m.unit_raw) for m in party.mentions) else ()


def with_unique_ids(clauses: list[Clause]) -> tuple[list[Clause], list[Issue]]:
    """Clauses -> the same with unique ids: where printed numbers repeat, the later clauses get _2, _3, … appended."""
    seen: dict[str, int] = {}
    out, issues = [], []
    for clause in clauses:
        count = seen.get(clause.clause_id, 0)
        seen[clause.clause_id] = count + 1
        if count:
            new_id = f"{clause.clause_id}_{count + 1}"
            issues.append(Issue(IssueCode.DUPLICATE_CLAUSE_ID, f"{clause.clause_id} appears again (numbering restarts); this one is {new_id}",
                                new_id, clause.line, clause.page))
            clause = replace(clause, clause_id=new_id)
        out.append(clause)
    return out, issues


def _duplicate_titles(clauses: list[Clause]) -> list[Issue]:
    seen: dict[tuple[int | None, str], str] = {}
    issues = []
    for clause in clauses:
        if clause.row is not None or not clause.title:
            continue
        # Attachments restate separate source documents, so only titles within one attachment must differ.
        key = (clause.attachment, clause.title)
        if key in seen:
            issues.append(Issue(IssueCode.DUPLICATE_TITLE, f"{clause.clause_id} has the same title as {seen[key]}: {clause.title}",
                                clause.clause_id, clause.line, clause.page))
        else:
            seen[key] = clause.clause_id
    return issues


def front_matter(paras: list[Paragraph]) -> tuple[str | None, str | None, str | None]:
    """Paragraphs before the task list -> the notice's title, issuer and date where they can be read."""
    lines = [_clean_front(p.text) for p in paras if p.kind in ("text", "numbered") and p.text.strip()]
    lines = [t for t in lines if t]
    issuer = date = None
    for i, text in enumerate(lines):
        # The signature and its date, on lines of their own or joined where the signature filled its line.
        m = _SIGNED.match(text)
        if m:
            date = f"{int(m.group(2)):04d}-{int(m.group(3)):02d}-{int(m.group(4)):02d}"
            before = m.group(1) or (regex.split(r"[。；;]", lines[i - 1])[-1] if i else "")
            issuer = before if len(before) <= 40 and _ISSUER_END.search(before) else None
            break
    return _title(lines), issuer, date


def _clean_front(text: str) -> str:
    """A line before the tasks -> without web-page clutter (发布时间:…, 首页 > …), letterheads and document numbers."""
    text = _CLUTTER.sub("", text.strip())
    text = regex.sub(r"^(?:首页|当前位置)\s*[>＞].*?[>＞]\s*(?=\S)", "", text)
    text = regex.sub(r"^【[^】]{0,30}】", "", text)
    text = regex.sub(r"^\S{2,24}?(?:人民政府|办公厅|办公室|委员会)文件$", "", text)
    return _DOC_NUMBER.sub("", text).strip()


def _title(lines: list[str]) -> str | None:
    """The opening lines -> the title: the first line, or run of up to three lines, that ends with a title word.

    Lines are joined before testing, so a title wrapped over lines is found whole however it was wrapped.
    """
    for i in range(min(len(lines), 10)):
        joined = ""
        for line in lines[i:i + 3]:
            if genre.DATE.match(line) or (joined and _ISSUER_END.search(line) and len(line) <= 30):
                break  # a signature is not part of a title
            joined += line
            stop = regex.search(r"[：:。]", joined)
            head = joined[: stop.start()] if stop else joined
            ends = [m for m in _TITLE_WORD.finditer(head)]
            # The title ends with its title word; an addressee (市有关部门和单位：) may have been joined after it.
            if ends and (ends[-1].end() == len(head) or (stop and len(head) - ends[-1].end() <= 15)):
                return head[: ends[-1].end()].strip("《》 ")
            if stop or len(joined) > 120:
                break
    return None


def lines_to_notice(lines: tuple[Line, ...], file: str) -> Notice:
    """Lines of one input -> its clauses and issues."""
    return paragraphs_to_notice(lines_to_paragraphs(lines), file)
