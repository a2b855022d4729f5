"""Unit parsing: the text naming a clause's units -> a Party (units by role, people, time frame), read once.

The genre names units in two general ways, read here into the same records: a label before a list (牵头单位：
A、B，配合单位：C; 【牵头单位】…; label lines under the clause; a table's column header), and a role cue around
a list of bodies (A、B负责; A牵头，B配合; 由A会同B研究提出落实意见; A配合B落实, where B leads). Leaders named in
the same place (责任领导：…) are people, never units; time frames (年内持续推进) are deadlines; supervisors (督办单位：…)
are no assignees and are read past. Which words are labels and cues is `genre`; which text names a body is `bodies`.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from fengong.extract import genre
from fengong.extract.bodies import body_suffix_start, ends_like_body, expand_shared_suffix, looks_like_body, parse_body
from fengong.extract.brackets import OPEN, bracket_pairs, split_top, top_level_mask
from fengong.extract.genre import LabelKind
from fengong.extract.model import Assignment, Clause, Convention, FirstListed, Issue, IssueCode, Party, Piece, Role, Span, UnitMention
from fengong.extract.script import compile_both, to_simplified

_ADMIN_WORD = compile_both(r"^(?:各)?(?:有关|相关)?(?:县级市|自治区|自治州|自治县|直辖市|[省市区县州盟旗乡镇])(?:人民)?(?:政府|党委)?$")
_ZONE = compile_both(r"(?:开发区|经开区|高新区|园区|新区|试验区|合作区)$")  # a zone named without its 管委会
_COMMITTEE = compile_both(r"(?<=(?:开发区|经开区|高新区|园区|新区|试验区|合作区))(?:管委会|管理委员会)$")
_DEPARTMENT_END = compile_both(r"(?:局|委|厅|办|办公室|部|署|总局|中心)$")
_NAME_SEPARATORS = compile_both(r"[、，,；;\s]+")
_LIST_SEPARATORS = "、，,；;\t"
_WORD_SPACE = compile_both(r"(?<=[\p{Han}）)】\]])[ \u3000]+(?=[\p{Han}（(【\[])")  # 市财政局 市统计局: a space between names
_SEGMENT_SEPARATORS = "，,；;。\n"
_LEVEL_PREFIXES = ("自治区", "自治州", "自治县", "国家", "省", "市", "区", "县", "州", "盟", "旗", "镇", "乡")


@dataclass(frozen=True, slots=True)
class _Item:
    """One unit of a list as written: its name, where it starts, and what surrounds it."""

    name: str
    offset: int
    etc: bool = False
    mark: Role | None = None  # 市发展改革委（牵头） inside a list
    same_below: bool = False  # 各县（市、区）人民政府（下同）: it holds for every later clause too
    frame: str | None = None  # a time frame in its own bracket: 市数据局（2024年完成）


# ---------------------------------------------------------------- finding the unit text of a clause
def text_to_party(span: Span, clause_id: str) -> tuple[Span, Span | None, list[Issue]]:
    """A clause's text -> (task text, text naming its units, problems).

    The units are named by every bracket whose content opens with a role label (（牵头单位：…）) or reads as a
    prose assignment (（市财政局牵头，市审计局配合）, （教育部、财政部负责）), or, without such brackets, from a
    label standing in the text (【牵头单位】…, …。牵头单位：市住建局) to the end. An unclosed bracket runs to the end
    of the clause, never further, and is reported.
    """
    text = span.text
    bare, chosen = _party_places(text)
    if bare is not None:
        return span.sub(0, bare), _strip_span(span.sub(bare, len(text))), []
    if not chosen:
        return span, None, []
    issues: list[Issue] = []
    parts: list[Span] = []
    for start, end in chosen:
        if end is None:
            piece = span.locate(start)
            issues.append(Issue(IssueCode.UNCLOSED_BRACKET, f"unit bracket opened in {clause_id} is not closed; read to the end of the clause",
                                clause_id, piece.line, piece.page))
        parts.append(_strip_span(span.sub(start + 1, len(text.rstrip()) if end is None else end)))
    # Each bracket is a sentence of its own: a lead named in one does not change the roles named in another.
    return _without(span, chosen), join_spans(parts, "。"), issues


@lru_cache(maxsize=4096)
def _party_places(text: str) -> tuple[int | None, tuple[tuple[int, int | None], ...]]:
    """A clause's text -> where a bare label starts the units (or None), and the unit brackets (start, end or None).

    Cached: segmentation asks about the same text more than once (does it name units? then, which?).
    """
    pairs = bracket_pairs(text)
    labelled = [(s, e) for s, e in pairs.items() if label_at(text, s + 1) or genre.UPPER_LEVEL_LABEL.match(text, s + 1)]
    if not labelled:
        bare = [m.start() for m in genre.LABEL_AT.finditer(text) if label_holds(text, m.start(), m.end()) and _at_boundary(text, m.start())]
        if bare:
            return bare[0], ()
    return None, tuple(_outermost(labelled) if labelled else _prose_brackets(text, pairs))


# How far after a role word (牵头：) a body's name is looked for: the longest names fit, the cost stays fixed.
_LABEL_WINDOW = 64


def label_at(text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
    """A label opening text[pos:endpos] (牵头单位：, 【配合单位】, 牵头：市发改委), or None; see label_holds."""
    found = genre.LABEL.match(text, pos, len(text) if endpos is None else endpos)
    return found if found is not None and label_holds(text, found.start(), found.end()) else None


def label_holds(text: str, start: int, end: int) -> bool:
    """Whether the label text[start:end] is one: a role word alone (牵头：, 配合：) is a label only where a body's name
    follows it (牵头：市发改委; on the next line too), since 协同：推动区域协同发展 is a sentence of the task. Every
    other label holds; only the label's own characters and a fixed window after it are read."""
    if genre.label_name(text[start:end]) not in genre.ROLE_WORDS:
        return True
    window = text[end:end + _LABEL_WINDOW].lstrip()
    after = genre.ANY_LABEL.search(window)  # 牵头：市发改委配合：… (two cell lines joined): the name ends at the next label
    window = window[:after.start()] if after is not None else window
    if not window:
        return True  # 牵头： closing the text: its units come on the next line
    a, b = split_top(window, "、，,；;。\n\t ")[0]
    return looks_like_body(_strip_etc(window[a:b]))


def _outermost(found: list[tuple[int, int | None]]) -> list[tuple[int, int | None]]:
    """Bracket ranges -> those not inside another one (an unclosed bracket reaches to the end)."""
    out: list[tuple[int, int | None]] = []
    for start, end in sorted(found):
        if out and (out[-1][1] is None or start < (out[-1][1] or 0)):
            continue
        out.append((start, end))
    return out


def _prose_brackets(text: str, pairs: dict[int, int | None]) -> list[tuple[int, int | None]]:
    """Closed top-level brackets that read as prose assignments (（教育部、财政部负责）), in written order."""
    top = top_level_mask(text)
    found: list[tuple[int, int | None]] = []
    for start, end in sorted(pairs.items()):
        if end is None or (start > 0 and not top[start - 1] and text[start - 1] in OPEN) or not _outside(top, text, start):
            continue
        if is_prose_party(text[start + 1:end]) or _is_bare_list_bracket(text, start, end):
            found.append((start, end))
    return found


def _is_bare_list_bracket(text: str, start: int, end: int) -> bool:
    """Whether a bracket that closes a sentence holds only bodies and time frames (…。（区发改局、区工信局）,
    （区政务服务中心，2024年底前）): the genre's shortest way to name who is responsible.

    Not a bracket right after a body's name (市发展和改革委员会（市发改委）: another name of that body).
    """
    if not (start > 0 and text[start - 1] in "。；;！") and not _ends_text(text, end + 1):
        return False
    if start > 0 and body_suffix_start(text[:start]) is not None:
        return False
    parts = [text[start + 1 + a:start + 1 + b].strip() for a, b in split_top(text[start + 1:end], "，,；;")]
    deadlines = [p for p in parts if p and genre.DEADLINE.match(to_simplified(p))]
    bodies = [p for p in parts if p and p not in deadlines]
    return bool(bodies) and all(_all_bodies(p) for p in bodies)


def _ends_text(text: str, i: int) -> bool:
    """Whether nothing but spaces and at most one closing 。；; follows position i (looked at without copying the rest:
    a clause with many brackets would cost its length squared)."""
    while i < len(text) and text[i].isspace():
        i += 1
    return i >= len(text) or (i == len(text) - 1 and text[i] in "。；;")


def _outside(top: list[bool], text: str, start: int) -> bool:
    """Whether the bracket opened at `start` stands at the top level of the text."""
    return start == 0 or top[start - 1] or text[start - 1] in "）)〕]】］"


def is_prose_party(inner: str) -> bool:
    """Whether a bracket's content assigns units in prose: (X牵头，Y配合), (X、Y按职责分工负责), (X配合Y落实)."""
    saw_role = waiting = False
    for a, b in split_top(inner, "，,；;。"):
        part = inner[a:b].strip()
        if not part or genre.DEADLINE.match(to_simplified(part)) or is_preface(part):
            continue
        if _prose(part, 0, saw_role) is not None or (saw_role and _subject_prose(part, 0) is not None):
            saw_role, waiting = True, False
        elif saw_role and (end := _subject_end(part, True)) is not None and _follows_up(part, end):
            continue  # 市政府督查室负责跟踪督办 after the assignees: read past, as a 督办单位 is
        elif _all_bodies(part):
            waiting = True  # 市财政局；市税务局配合: bodies that take the role of the cue after them
        else:
            return saw_role and not waiting and bool(genre.REMARK.search(part))  # …负责，具体分工见附表
    return saw_role and not waiting


def _without(span: Span, ranges: tuple[tuple[int, int | None], ...]) -> Span:
    """A span without the given bracket ranges: the task text around the unit brackets."""
    kept, last = [], 0
    for start, end in ranges:
        kept.append(span.sub(last, start))
        last = len(span.text) if end is None else end + 1
    kept.append(span.sub(last, len(span.text)))
    return join_spans([k for k in kept if k.text], "")


def _at_boundary(text: str, i: int) -> bool:
    """Whether a label at `i` starts a part of the text: at its start, after a sentence, a space or 】, outside brackets."""
    if text[i] in "【[［":
        return True
    before = text[:i]
    return _depth(before) <= 0 and (not before.strip() or before.rstrip(" ")[-1] in "。；;：:】] " or before.endswith(" "))


def _depth(text: str) -> int:
    return sum(ch in OPEN for ch in text) - sum(ch in "）)〕]】］" for ch in text)


def text_to_prose_units(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Clause text without a unit bracket -> where its sentences assign units, sentence by sentence (empty when none
    does): each sentence's ranges that name bodies and their role.

    A part of a sentence assigns when it holds a 由…(会同…) frame (由发展改革委会同财政部研究提出落实意见), is a list of
    bodies and its role verb (…，由市财政局负责), or opens with one and goes on with the task (市商务局牵头制定实施细则,
    read up to 牵头). Parts inside quotes (“…”) are words cited, never read.
    """
    quoted = _quoted(text)
    found = []
    for a, b in split_top(text, "。"):
        ranges = _sentence_assignments(text, a, b, quoted)
        if ranges:
            found.append(ranges)
    return tuple(found)


def prose_party(span: Span) -> Span | None:
    """Clause text without a unit bracket -> the text naming its units in its sentences, or None.

    The ranges of one sentence are joined by ， (a lead named in it makes the others support it: 市商务局牵头，市财政局、
    市税务局配合), sentences by 。 (each keeps its roles).
    """
    found = text_to_prose_units(span.text)
    if not found:
        return None
    return join_spans([join_spans([span.sub(a, b) for a, b in ranges], "，") for ranges in found], "。")


def _sentence_assignments(text: str, start: int, end: int, quoted: list[bool]) -> tuple[tuple[int, int], ...]:
    """A sentence text[start:end] -> the ranges of its parts that assign units.

    A sentence whose every part is a whole prose assignment (在县委领导下，由县发改局牵头，县财政局配合) is one range from
    its first assignment (its context read past) to its end, as written.
    """
    parts = [_strip_range(text, start + a, start + b) for a, b in split_top(text[start:end], "，,；;")]
    parts = [(a, b) for a, b in parts if a < b]
    while len(parts) > 1 and is_preface(text[parts[0][0]:parts[0][1]]):
        parts.pop(0)
    ranges: list[tuple[int, int]] = []
    whole = True
    for a, b in parts:
        found = None if quoted[a] else _part_assignment(text[a:b], bool(ranges))
        whole = whole and found is not None and found[2]
        if found is not None:
            ranges.append((a + found[0], a + found[1]))
    if whole and len(parts) > 1:
        return ((parts[0][0], parts[-1][1]),)
    return tuple(ranges)


# How far before 由 a verb of setting up is looked for (建立了一个由…): the longest such verb fits, the cost stays fixed.
_SET_UP_REACH = 8


def _part_assignment(part: str, after_subject: bool) -> tuple[int, int, bool] | None:
    """A part of a sentence -> the range in it that assigns units (由X会同Y研究; 市商务局牵头 of 市商务局牵头制定实施细则) and
    whether the whole part reads as a prose assignment, or None. `after_subject`: an earlier part of the sentence named
    its subject, so 会同Y… continues it.

    A 由… right after a verb of setting up (建立由市发改委牵头…的机制) describes what is set up and assigns nobody.
    """
    whole = _prose(part, 0, after_subject) is not None
    for m in genre.BY_PHRASE.finditer(part):
        if genre.SET_UP_VERB.search(part, max(0, m.start() - _SET_UP_REACH), m.start()):
            continue
        if _all_bodies(m.group(1)) and (not m.group(2) or _all_bodies(_strip_etc(m.group(2)))):
            return m.start(), m.end(), whole
    if whole and not genre.RELATIVE_CLAUSE.search(part):  # 市发改委会同市财政局制定的方案要严格执行: a modifier
        return 0, len(part), True
    end = _subject_end(part, after_subject)
    return None if end is None else (0, end, False)


def _subject_prose(segment: str, base: int) -> list[UnitMention] | None:
    """A part of a unit bracket after a role already read, naming bodies, their verb and what they do
    (（市教育局牵头，市财政局配合，市政府教育督导室负责评估验收）: 市政府教育督导室负责) -> its units, or None."""
    core = segment.strip()
    end = _subject_end(core, True)
    if end is None or _follows_up(core, end):
        return None
    return _prose(core[:end], base + len(segment) - len(segment.lstrip()), True)


def _follows_up(part: str, verb_end: int) -> bool:
    """Whether what the bodies do after their verb is following the task up (…负责跟踪督办, 负责评估验收): no assignee."""
    return bool(genre.FOLLOW_UP.match(part, verb_end))


def _subject_end(part: str, after_subject: bool) -> int | None:
    """A part of a sentence opening (after a context or a condition) with bodies and their role verb, the task after
    it (市发展改革委负责全市信用体系建设的统筹协调) -> where the verb ends, or None.

    The part up to there must read as a prose assignment itself, so its subject is wholly bodies; bodies and a verb
    that modify a noun (市发改委负责制定的规划要严格执行) are no subject.
    """
    at = _after_preface(part)
    rest = part[at:]  # the patterns open with ^, which matches at the start of the string only
    patterns = [genre.SUBJECT_SUPPORT_LEAD, genre.PROSE_WITH, genre.SUBJECT_CUE] + ([genre.WITH_CONTINUED] if after_subject else [])
    for pattern in patterns:
        m = pattern.match(rest)
        if m is None or _prose(part[:at + m.end()], 0, after_subject) is None:
            continue
        return None if genre.RELATIVE_CLAUSE.search(part, at + m.end()) else at + m.end()
    return None


_QUOTES = {"“": 1, "「": 1, "『": 1, "《": 1, "”": -1, "」": -1, "』": -1, "》": -1}


def _quoted(text: str) -> list[bool]:
    """Text -> for each position, whether it stands inside quotes or a title (“…”, 「…」, 《…》): one pass."""
    mask, depth, straight = [], 0, False
    for ch in text:
        if ch == '"':
            straight = not straight
        depth = max(0, depth + _QUOTES.get(ch, 0))
        mask.append(depth > 0 or straight)
    return mask


def _strip_range(text: str, a: int, b: int) -> tuple[int, int]:
    """A range of text -> the same without the spaces at its ends."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def is_preface(part: str) -> bool:
    """Whether a part of a sentence is only an enumeration word, a context clause or a condition (其一; 首先;
    在市委、市政府统一领导下; 报市政府批准后): it names no assignee, and is read past."""
    stripped = part.strip()
    return bool(stripped) and _after_preface(stripped) == len(stripped)


def _after_preface(text: str) -> int:
    """Text of a part of a sentence -> where it goes on after an enumeration word, a context clause or a condition
    opening it (在市政府统一领导下市应急局牵头 -> 9, 一是市发改委负责 -> 2), 0 when it opens with none."""
    enumeration = genre.ENUMERATION.match(text)  # 一是在市委领导下，…: the word comes first
    at = enumeration.end() if enumeration else 0
    for _ in range(2):  # 在市委领导下经市政府同意后…: a context and a condition may follow each other
        found = genre.CONTEXT.match(text, at) or genre.CONDITION.match(text, at)
        if found is None:
            break
        at = found.end()
    return at


def _strip_span(span: Span) -> Span:
    lead = len(span.text) - len(span.text.lstrip())
    return span.sub(lead, len(span.text.rstrip()))


def join_spans(spans: list[Span], separator: str) -> Span:
    """Spans -> one span of their texts joined by `separator`, each part keeping its lines."""
    pieces, texts, offset = [], [], 0
    for span in spans:
        for piece in span.pieces:
            pieces.append(Piece(offset + piece.offset, piece.line, piece.page))
        texts.append(span.text)
        offset += len(span.text) + len(separator)
    return Span(separator.join(texts), tuple(pieces))


# ---------------------------------------------------------------- reading the unit text
def party_text_to_party(text: str, role: Role | None = None) -> Party:
    """The text naming a clause's units (a bracket's content, labelled lines or a table cell) -> a Party.

    `role` is the role of text that has no label of its own (a table's 牵头单位 column).
    """
    mentions: list[UnitMention] = []
    reader = _PartyReader(text, role)
    for start, end in _sentences(text):
        if _is_rule_or_remark(text[start:end]):
            continue
        for a, b in _segments(text, start, end):
            reader.segment(a, b)
        reader.bare_list_is_responsible()
        # X牵头，Y负责: once a lead is named, the others named in prose in the same sentence support it.
        mentions.extend(_prose_to_support(reader.take_mentions()))
    party = reader.party()
    return Party(tuple(mentions), party.leaders, party.deadline)


def _prose_to_support(mentions: list[UnitMention]) -> list[UnitMention]:
    if not any(m.role == Role.LEAD for m in mentions):
        return mentions
    return [replace(m, role=Role.SUPPORT) if m.prose and m.role == Role.RESPONSIBLE else m for m in mentions]


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b in split_top(text, "。\n") if text[a:b].strip()]


def _is_rule_or_remark(sentence: str) -> bool:
    """A sentence of a unit bracket that states a rule or a remark (以下…均需…落实，不再单独列出; 具体任务均涉及…，不再做分工);
    not one opening with a label (具体承办单位：市大数据局).

    A list closed by 下同 (责任单位：各区政府，下同; …，以下不再单独列出) is no remark: its units are read, and held for the
    clauses below.
    """
    simple = to_simplified(sentence.strip())
    opens_remark = simple.startswith(("具体", "以下", "下同", "其中", "注")) and not label_at(simple)
    return bool(genre.STANDING_RULE.search(simple)) or opens_remark


class _PartyReader:
    """Segments of one unit text, in order -> mentions, leaders and time frame (the label in force carries over)."""

    def __init__(self, text: str, role: Role | None) -> None:
        self.text = text
        self.kind: LabelKind | None = LabelKind.ROLE if role else None
        self.role = role
        self.convention: Convention | None = None
        self.mentions: list[UnitMention] = []
        self.pending: list[UnitMention] = []  # bodies before a prose cue that will give them its role
        self.leaders: list[str] = []
        self.deadline: str | None = None
        self.run_start = 0  # where the units of the label in force start in `mentions`
        self.segment_start = 0  # where the units of the last segment start in `mentions`
        self.marked_lead = False  # the label in force is a lead list that marks its lead: 牵头单位：市发改委（牵头）、…
        self.frames: list[str] = []  # time frames in the units' own brackets: 市大数据局（2024年底前完成）

    def new_label(self, kind: LabelKind, role: Role | None, convention: Convention | None) -> None:
        """A label read: the units after it take its role, and a lead marked before it decides nothing after it."""
        self.kind, self.role, self.convention = kind, role, convention
        self.run_start, self.marked_lead = len(self.mentions), False

    def label(self, start: int, end: int) -> tuple[int, bool]:
        """A segment's opening label, if any, read into the reader -> where its text starts, and whether it had one."""
        segment = self.text[start:end]
        upper = genre.UPPER_LEVEL_LABEL.match(segment)
        if upper is not None:
            self.new_label(LabelKind.ROLE, Role.LEAD, Convention.UPPER_LEVEL)
            return start + upper.end(), True
        label = label_at(self.text, start, end)
        if label is not None:
            self.new_label(*genre.label_kind(label.group(1) or label.group(2)), None)
            return label.end(), True
        other = genre.OTHER_LABEL.match(self.text, start, end)
        if other is not None and not looks_like_body(other.group(1)):
            self.new_label(LabelKind.UNKNOWN, None, None)
            return other.end(), True
        return start, False

    def segment(self, start: int, end: int) -> None:
        if genre.SAME_BELOW.fullmatch(to_simplified(self.text[start:end].strip())):
            # 责任单位：各区政府，下同: the units of the list it closes hold for the clauses below as well
            self.mentions[self.segment_start:] = [replace(m, same_below=True) for m in self.mentions[self.segment_start:]]
            return
        self.segment_start = len(self.mentions)
        start, labelled = self.label(start, end)
        segment = self.text[start:end]
        simple = to_simplified(segment.strip())
        if not simple or (not labelled and _qualifies_label(self.text, start, end)):
            return
        if self.kind == LabelKind.DEADLINE or (not labelled and genre.DEADLINE.match(simple)):
            self.deadline = segment.strip() or self.deadline
        elif self.kind == LabelKind.LEADER:
            self.leaders.extend(name for name in _NAME_SEPARATORS.split(segment.strip()) if name)
        elif not labelled and (prose := _prose(segment, start, bool(self.mentions))
                               or (_subject_prose(segment, start) if self.mentions else None)) is not None:
            self.mentions.extend(replace(m, role=prose[0].role) for m in self.pending)
            self.pending = []
            self.mentions.extend(prose)
        elif self.kind in (LabelKind.SUPERVISOR, LabelKind.UNKNOWN):
            # 督办单位：市政府督查室 follows the task up for the government: no assignee, no unit; after 联络单位： (a label
            # the vocabulary lacks) a body's role is unknown, and a wrong role is worse than none
            return
        elif self.role is None or (not labelled and _is_remark(segment)):
            if self.role is None and _all_bodies(segment):
                self.pending.extend(_mentions(Role.RESPONSIBLE, segment, start, prose=True))
        else:
            self.listed(segment, start, self.role)

    def listed(self, segment: str, start: int, role: Role) -> None:
        """A list of units under the label in force -> its mentions; people by title, a time frame after it and
        references to units named elsewhere (上述单位) set aside."""
        verb = genre.TRAILING_VERB.search(segment.rstrip())
        listed = segment.rstrip()[: verb.start()] if verb else segment
        listed, self.deadline = _split_deadline(listed, self.deadline)
        found = [m for m in _mentions(role, listed, start, self.mentions, convention=self.convention, frames=self.frames)
                 if not _named_elsewhere(m.unit_raw)]
        # 市发改委，张三副市长: a person by title in the list is a leader, never a unit
        self.leaders.extend(m.unit_raw for m in found if genre.PERSON_TITLE.search(m.unit_raw))
        self.mentions.extend(m for m in found if not genre.PERSON_TITLE.search(m.unit_raw))
        self.marks_decide()

    def marks_decide(self) -> None:
        """牵头单位：市发改委（牵头）、市财政局 (a label or a table's 牵头单位 column): where a lead list marks its lead,
        the units it does not mark support it. A list of responsible units keeps its others responsible."""
        run = self.mentions[self.run_start:]
        self.marked_lead = self.marked_lead or any(m.marked and m.role == Role.LEAD for m in run)
        if self.role != Role.LEAD or self.convention is not None or not self.marked_lead:
            return
        self.mentions[self.run_start:] = [replace(m, role=Role.SUPPORT) if m.role == Role.LEAD and not (m.marked or m.prose) else m
                                          for m in run]

    def bare_list_is_responsible(self) -> None:
        """A sentence of bodies with no label or cue at all (（区发改局、区工信局）): they are its responsible units."""
        if self.pending and not self.mentions and self.role is None:
            self.mentions, self.pending = [replace(m, prose=False) for m in self.pending], []

    def take_mentions(self) -> list[UnitMention]:
        """The mentions read so far (one sentence's), handed over and forgotten."""
        taken, self.mentions, self.pending, self.run_start, self.segment_start = self.mentions, [], [], 0, 0
        return taken

    def party(self) -> Party:
        """What was read: leaders and time frame (mentions are taken sentence by sentence).

        Without a time frame of the clause's own, one its units' brackets give (市大数据局（2024年底前完成）) is the
        clause's; units with different ones (市水利局（持续推进）、市财政局（2024年底前）) leave it unstated.
        """
        deadline = self.deadline or (self.frames[0] if len(set(self.frames)) == 1 else None)
        return Party(tuple(self.mentions), tuple(self.leaders), deadline)


def _qualifies_label(text: str, start: int, end: int) -> bool:
    """Whether a segment is a word run into the label after it (市级 of 市级责任单位：, 区级 of 区级责任单位：): part of
    that label's name, never a unit. A list of bodies run into the next label (…市发改委配合：…) stays a list."""
    glued = start < end < len(text) and not text[end - 1].isspace() and text[end - 1] not in _SEGMENT_SEPARATORS
    label = genre.ANY_LABEL.match(text, end) if glued else None
    return label is not None and label_holds(text, end, label.end()) and not _all_bodies(text[start:end])


def _named_elsewhere(name: str) -> bool:
    """Whether a list's item refers to units named elsewhere (各责任单位, 各牵头单位, 上述单位, 以上部门): no unit of its own."""
    simple = to_simplified(name)
    return bool(genre.ROLE_REFERENCE.match(simple) or genre.NAMED_ELSEWHERE.match(simple))


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence of a unit text -> its segments: split at top-level ，；, and before every label."""
    cuts = {start + a for a, _ in split_top(text[start:end], _SEGMENT_SEPARATORS)}
    top = top_level_mask(text[start:end])
    # One scan for labels (the longest first, so 牵头责任单位: is one label though it holds 责任单位:); those at the top level cut.
    for label in genre.ANY_LABEL.finditer(text, start, end):
        i = label.start()
        if not label_holds(text, i, label.end()):
            continue
        if top[i - start] or (text[i] in OPEN and (i == start or top[i - start - 1] or text[i - 1] in "）)〕]】］")):
            cuts.add(i)
    bounds = sorted(cuts) + [end + 1]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        stop = b - 1 if b - 1 < end and text[b - 1] in _SEGMENT_SEPARATORS else min(b, end)
        out.append((a, stop))
    return out


def _prose(segment: str, base: int, after_subject: bool = False) -> list[UnitMention] | None:
    """A prose segment (X牵头 / X负责 / 由X会同Y… / X配合Y落实 / X配合) -> its units in written order, or None.

    `after_subject`: an earlier segment of the sentence named bodies, so 会同Y alone (区教育局牵头，会同区卫健局) names
    Y, who support them; without one, 会同Y names nobody.
    """
    stripped = segment.strip()
    lead = base + len(segment) - len(segment.lstrip())
    preface = _after_preface(stripped)  # 经市政府同意后市发改委负责: the approving body is no assignee
    stripped, lead = stripped[preface:], lead + preface
    if not stripped:
        return None
    m = genre.WITH_CONTINUED.match(stripped) if after_subject else None
    if m and _all_bodies(_strip_etc(m.group(1))):
        return _mentions(Role.SUPPORT, m.group(1), lead + m.start(1), prose=True)
    m = genre.PROSE_SUPPORT_LEAD.match(stripped)
    if m and _all_bodies(m.group(1)) and _all_bodies(m.group(2)):
        return _mentions(Role.SUPPORT, m.group(1), lead, prose=True) + _mentions(Role.LEAD, m.group(2), lead + m.start(2), prose=True)
    m = genre.PROSE_WITH.match(stripped)
    if m and _all_bodies(m.group(1)) and _all_bodies(_strip_etc(m.group(2))):
        return _mentions(Role.LEAD, m.group(1), lead + m.start(1), prose=True) + \
            _mentions(Role.SUPPORT, m.group(2), lead + m.start(2), prose=True)
    by = stripped.startswith("由")
    for pattern, role in ((genre.PROSE_LEAD, Role.LEAD), (genre.PROSE_RESPONSIBLE, Role.RESPONSIBLE), (genre.PROSE_SUPPORT, Role.SUPPORT)):
        m = pattern.match(stripped.removeprefix("由") if by else stripped)
        if m and _all_bodies(m.group(1)):
            return _mentions(role, m.group(1), lead + by, prose=True)
    return None


def _strip_etc(text: str) -> str:
    return genre.ETC.sub("", text.strip())


def _all_bodies(text: str) -> bool:
    """Whether a list reads as bodies; after the first, a body may drop the prefix it shares (省环保厅、发展改革委)."""
    items = unit_items(text, 0)
    if not items or not looks_like_body(items[0].name):
        return False
    prefix = level_prefix(items[0].name)
    return all(looks_like_body(i.name) or (prefix and looks_like_body(prefix + i.name)) or ends_like_body(i.name) for i in items[1:])


def level_prefix(name: str) -> str:
    """A body's name -> the level prefix it opens with (省环保厅 -> 省), or ''."""
    return next((p for p in _LEVEL_PREFIXES if name.startswith(p) and len(name) > len(p) + 1), "")


def _mentions(role: Role, text: str, base: int, before: list[UnitMention] | None = None, prose: bool = False,
              convention: Convention | None = None, frames: list[str] | None = None) -> list[UnitMention]:
    """A list of units for one role -> mentions; a bare 等部门 marks the unit before it; prefixes shared are noted.

    `frames` receives the time frames the units' own brackets give (市数据局（2024年完成）).
    """
    out: list[UnitMention] = []
    prefix = ""
    for item in unit_items(text, base):
        if item.frame and frames is not None:
            frames.append(item.frame)
        if len(item.name) == 1:
            continue  # a lone character (责任单位：区 where a copy breaks off) names no body
        if not item.name:
            previous = out or before
            if item.etc and previous:
                previous[-1] = replace(previous[-1], etc_follows=True)
            continue
        own = level_prefix(item.name)
        shared = prefix if not own and _bare_department(item.name) else ""
        prefix = own or prefix
        out.append(UnitMention(role=item.mark or role, unit_raw=item.name, offset=item.offset, etc_follows=item.etc,
                               shared_prefix=shared, prose=prose, convention=convention, marked=item.mark is not None,
                               same_below=item.same_below))
    return out


def _bare_department(name: str) -> bool:
    """A department named without level or place (发展改革委, 统计局): in a list it shares the prefix before it."""
    return not level_prefix(name) and not name.startswith(("各", "中共", "国务院", "中国", "中央", "全国")) and len(name) <= 8 \
        and bool(_DEPARTMENT_END.search(to_simplified(name)))


def unit_items(text: str, base: int) -> list[_Item]:
    """A list of units as written -> its units: split on 、，; and spaces, 和/及 between bodies, shared suffixes kept.

    各县、市、区政府 is one catch-all; 哈尔滨、黑河市政府 shares 市政府 and gives two bodies; X等部门 marks X.
    """
    items: list[_Item] = []
    # A space separates names only between Chinese words: =cmd|' /C calc'!A0 stays one (odd) name, never three.
    spaced = _WORD_SPACE.sub(lambda m: "\t" * len(m.group(0)), text)
    for a, b in split_top(spaced, _LIST_SEPARATORS):
        raw = text[a:b]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            for part, at in _split_slash(raw.strip(), base + a + lead):
                items.extend(_split_conjunction(part, at))
    merged = _share_committee(_expand_suffixes(_merge_admin_words(text, base, [_item_of(i) for i in items])))
    return [part for item in merged for part in _run_together(item)]


def _run_together(item: _Item) -> list[_Item]:
    """市发改委市财政局 (two cell lines joined without a separator) -> one item per body, when every part is a known body."""
    if len(item.name) < 6 or len(item.name) > 60 or _known_body(item.name):
        return [item]
    parts = _split_known(to_simplified(item.name))
    if not parts or len(parts) < 2 or _departments_of_each(parts):
        return [item]
    out, at = [], 0
    for k, part in enumerate(parts):
        last = k == len(parts) - 1
        out.append(_Item(item.name[at:at + len(part)], item.offset + at, item.etc if last else False, item.mark,
                         same_below=item.same_below and last, frame=item.frame if last else None))
        at += len(part)
    return out


def _departments_of_each(parts: tuple[str, ...]) -> bool:
    """Whether a name split into known bodies is one catch-all of departments: 各县（市、区）教育局 names the education
    bureau of each county, not the county governments (各县（市、区）) and a bureau of the notice's own level (教育局)."""
    body = parse_body(parts[0])
    return body is not None and body.generic and _bare_department(parts[1])


def _known_body(name: str) -> bool:
    body = parse_body(name)
    return body is not None and (body.key is not None or body.generic)


@lru_cache(maxsize=8192)
def _split_known(name: str) -> tuple[str, ...] | None:
    """A name -> the known bodies it is made of, left to right (the first split that reads wholly), or None."""
    if _known_body(name):
        return (name,)
    for i in range(3, len(name) - 2):
        if _known_body(name[:i]):
            rest = _split_known(name[i:])
            if rest:
                return (name[:i], *rest)
    return None


_SLASH = compile_both(r"[/／]")


def _split_slash(unit: str, offset: int) -> list[tuple[str, int]]:
    """市发改委/市财政局 -> two units, when every part reads as a body; any other slash stays in its name."""
    cuts = [m.start() for m in _SLASH.finditer(unit)]
    if not cuts:
        return [(unit, offset)]
    bounds = [-1, *cuts, len(unit)]
    parts = [(unit[a + 1:b], offset + a + 1) for a, b in zip(bounds, bounds[1:], strict=False)]
    if all(looks_like_body(_strip_etc(p)) for p, _ in parts):
        return parts
    return [(unit, offset)]


def _split_conjunction(unit: str, offset: int) -> list[_Item]:
    """市级各有关部门及各县市区政府 -> two units, when both sides read as units; 住房和城乡建设局 stays one; 以及各县教育局
    (an item opening with the conjunction that joins it to the list) -> 各县教育局."""
    opening = genre.LEADING_CONJUNCTION.match(unit)
    if opening is not None:
        return _split_conjunction(unit[opening.end():], offset + opening.end())
    for m in genre.CONJUNCTION.finditer(unit):
        left, right = unit[: m.start()], unit[m.end():]
        if top_level_mask(unit)[m.start()] and looks_like_body(_strip_etc(left)) and looks_like_body(_strip_etc(right)):
            return [_Item(left, offset)] + _split_conjunction(right, offset + m.end())
    return [_Item(unit, offset)]


def _item_of(item: _Item) -> _Item:
    """A raw item -> its name without 等部门, an alias definition (以下简称…), a role mark or 下同, which it records."""
    same_below = _ends_same_below(item.name)
    name = _without_remark(item.name)
    etc = bool(genre.ETC.search(name))
    name = _strip_etc(name)
    alias = genre.ALIAS.search(name)
    if alias and alias.end() == len(name):
        name = name[: name.rfind("（" if "（" in name[alias.start():] else "(")].strip()
    marked = genre.ROLE_MARK.search(name)
    mark = None
    if marked:
        mark = genre.ROLE_MARKS[to_simplified(marked.group(1))]
        name = name[: marked.start()].strip()
    return _Item(name, item.offset, etc, mark, same_below=same_below, frame=_own_frame(item.name))


def _ends_same_below(name: str) -> bool:
    """Whether a unit as written ends with a bracket holding only 下同 / 以下同 (各县（市、区）人民政府（下同）); a 下同 inside
    a remark of its own (（含开发区管委会，下同）) holds for that remark, not for the unit's role."""
    if not name.endswith(("）", ")")):
        return False
    start = max(name.rfind("（"), name.rfind("("))
    return start > 0 and bool(genre.SAME_BELOW.fullmatch(to_simplified(name[start:])))


def _own_frame(name: str) -> str | None:
    """A unit with a time frame in its last bracket (市数据局（2024年完成）) -> that time frame as written, else None."""
    if not name.endswith(("）", ")")):
        return None
    inner = name[max(name.rfind("（"), name.rfind("(")) + 1:-1].strip()
    return inner if inner and genre.DEADLINE.match(to_simplified(inner)) else None


def _split_deadline(listed: str, deadline: str | None) -> tuple[str, str | None]:
    """市发改委、市财政局 2024年6月底前 -> the units and the time frame a space sets after them (no unit of its own)."""
    text = listed.rstrip()
    cut = max(text.rfind(" "), text.rfind("\u3000"))
    if cut > 0 and text[:cut].strip() and genre.DEADLINE.match(to_simplified(text[cut + 1:])):
        return text[:cut], text[cut + 1:]
    return listed, deadline


def _is_remark(segment: str) -> bool:
    """A segment that is only a remark (具体分工见附表; 排名第一的为牵头单位, a convention stated in the list); a unit
    followed by one (市城管局（具体见附件）) is a unit."""
    simple = to_simplified(_without_remark(segment.strip()))
    return bool(genre.REMARK.search(simple) or genre.FIRST_LISTED.search(simple))


def _without_remark(name: str) -> str:
    """A unit with a remark or a time frame in its last bracket (市财政局（具体见附件）, 市数据局（2024年完成）) -> the unit
    alone; a bracket that names a body (市发改委（市信用办）) is part of the name and stays."""
    if not name.endswith(("）", ")")):
        return name
    start = max(name.rfind("（"), name.rfind("("))
    inner = to_simplified(name[start + 1:-1].strip())
    remark = genre.REMARK.search(inner) or genre.DEADLINE.match(inner) or inner.startswith(genre.LEADER_LABELS)
    if start > 0 and inner and remark and not looks_like_body(inner):
        return name[:start].rstrip()
    return name


def _share_committee(items: list[_Item]) -> list[_Item]:
    """滁州经开区、中新苏滁高新区管委会: zones listed before the one whose 管委会 is written share it."""
    out = list(items)
    for k in range(len(out) - 2, -1, -1):
        committee = _COMMITTEE.search(out[k + 1].name)
        if committee and _ZONE.search(out[k].name):
            out[k] = replace(out[k], name=out[k].name + committee.group(0))
    return out


def _merge_admin_words(text: str, base: int, items: list[_Item]) -> list[_Item]:
    """各县、市、区政府 / 各区、县级市: bare administrative words joined by 、 are one catch-all unit."""
    merged: list[_Item] = []
    sharing = False
    for item in items:
        if merged and _admin_word(item.name) and (sharing or (_admin_word(merged[-1].name) and merged[-1].name.startswith("各"))):
            last = merged[-1]
            merged[-1] = _Item(text[last.offset - base:item.offset - base + len(item.name)], last.offset, item.etc, last.mark, item.same_below, item.frame)
            sharing = True
        else:
            merged.append(item)
            sharing = False
    return merged


def _admin_word(name: str) -> bool:
    return bool(_ADMIN_WORD.match(name))


def _expand_suffixes(items: list[_Item]) -> list[_Item]:
    """Runs of names that are not bodies before one that is (哈尔滨、黑河、绥芬河市政府) -> the shared suffix written out."""
    out: list[_Item] = []
    run: list[_Item] = []
    for item in items:
        if item.name and not looks_like_body(item.name) and not item.etc:
            run.append(item)
            continue
        if run and item.name:
            expanded = expand_shared_suffix([r.name for r in run] + [item.name])
            if expanded:
                # The names are written out in the script the notice uses: 哈爾濱、黑河市政府 -> 哈爾濱市政府.
                written = {to_simplified(ch): ch for r in [*run, item] for ch in r.name}
                out.extend(_Item("".join(written.get(ch, ch) for ch in name), r.offset, r.etc, r.mark, r.same_below, r.frame)
                           for name, r in zip(expanded, [*run, item], strict=True))
                run = []
                continue
        out.extend(run)
        run = []
        out.append(item)
    return out + run




# ---------------------------------------------------------------- time frames
def deadline_to_date(deadline: str | None) -> str | None:
    """A time frame as written -> the ISO date it states (end of the month when no day): 2023年12月底前 -> 2023-12-31."""
    if not deadline:
        return None
    text = to_simplified(deadline)
    m = genre.ISO_DATE.search(text) or genre.YEAR_MONTH_RUN.search(text)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            return None
        day = int(m.group(3)) if m.lastindex and m.lastindex >= 3 and m.group(3) else calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-{day:02d}"
    m = genre.YEAR_END.search(text)
    return f"{int(m.group(1)):04d}-12-31" if m else None


# ---------------------------------------------------------------- tables
_MAX_UNIT_FRAGMENTS = 64


def unit_list_start(cells: list[str], cell_ends: list[bool], first: int = 1) -> int:
    """A table row's fragments after its serial -> index where the unit column starts.

    Candidates are the splits whose tail reads as a list of units; a split the extraction marked as a cell end
    (text then space) beats one that is only a line break; the earliest wins among equals. `first` is the number
    of text columns before the unit column, each holding at least one fragment.
    """
    best, best_score = len(cells), None
    # The unit column is one of the last fragments: a row of thousands (a table whose serials stopped reading) must
    # not cost thousands of joins of its whole tail.
    for k in range(max(min(first, len(cells)), len(cells) - _MAX_UNIT_FRAGMENTS), len(cells)):
        if not reads_as_unit_text("".join(cells[k:])):
            continue
        score = (k == 0 or cell_ends[k - 1], -k)
        if best_score is None or score > best_score:
            best, best_score = k, score
    return best


def reads_as_unit_text(text: str) -> bool:
    """A run of table fragments -> whether it holds only units: bodies separated by 、，, (县教育局（牵头），县财政局), or
    lists each after a role label (牵头：县发改局 配合：县财政局、县教育局). A label alone is not units."""
    lists = genre.role_label_lists(text)
    return all(_only_bodies(listed) for listed in ([text] if lists is None else lists))


def _only_bodies(text: str) -> bool:
    return all(looks_like_body(text[a:b]) for a, b in split_top(text, "、，,"))


def split_merged_unit(text: str) -> int:
    """A unit cell whose first name ran into the text before it (…主要负责人市住房和城乡建设局) -> where the units start;
    a cell opening with its label (牵头：县发改局…) starts with its units."""
    if (label := genre.ANY_LABEL.match(text)) and label_holds(text, 0, label.end()):
        return 0
    first = split_top(text, "、，,")[0]
    head = text[first[0]:first[1]]
    if looks_like_body(head):
        return 0
    start = body_suffix_start(head)
    return start if start is not None else 0


# ---------------------------------------------------------------- a clause's assignments
def clause_to_assignments(clause: Clause, first_listed: FirstListed | None = None) -> tuple[list[Assignment], list[Issue]]:
    """A clause -> its units in written order, one assignment per (role, unit), and problems found.

    Conventions stated once apply here, the clause's own words first: a heading's lead (heading-lead) leads a clause
    that names no lead of its own (an item's own lead replaces it: it says who leads that item); where neither names
    a lead and the notice says 列第一位的为牵头单位 (`first_listed`), the first responsible unit leads; a standing rule's
    units (standing-rule) are added with their role where the clause does not name them, a lead only where the clause
    has none.
    """
    mentions = _once_per_role(clause.units.mentions)
    issues: list[Issue] = []
    if clause.cut and mentions and not looks_like_body(mentions[-1].unit_raw):
        dropped = mentions.pop()
        issues.append(_issue(clause, IssueCode.CUT_OFF, f"{clause.clause_id}: the text breaks off in a unit name ({dropped.unit_raw}); it is left out"))
    elif clause.cut:
        issues.append(_issue(clause, IssueCode.CUT_OFF, f"{clause.clause_id}: the text breaks off in this clause; its units may be incomplete"))
    named = {m.unit_raw for m in mentions}
    has_lead = any(m.role == Role.LEAD for m in mentions)
    heading = [] if has_lead else [replace(m, convention=Convention.HEADING_LEAD) for m in clause.heading_units.mentions
                                   if m.role == Role.LEAD and m.unit_raw not in named]
    if first_listed is not None and not has_lead and not heading:
        mentions = _first_listed_leads(mentions, first_listed)
    out = _to_assignments(clause, clause.party, mentions)
    out += _to_assignments(clause, clause.heading_party, heading, out)
    named |= {m.unit_raw for m in heading}
    led = any(a.role == Role.LEAD for a in out)
    standing = [replace(m, convention=Convention.STANDING_RULE) for m in clause.standing_units.mentions
                if m.unit_raw not in named and not (m.role == Role.LEAD and led)]
    out += _to_assignments(clause, None, standing, out)
    if not out:
        what = f": {clause.party_text}" if clause.party_text and clause.party_text.strip() else ""
        issues.append(_issue(clause, IssueCode.NO_UNITS, f"{clause.clause_id} names no unit{what}"))
    return out, issues


def _first_listed_leads(mentions: list[UnitMention], statement: FirstListed) -> list[UnitMention]:
    """A clause's units, none of them a lead -> its first responsible unit the lead, the other responsible ones taking
    the role the statement gives them (…，其他为配合单位); a unit alone stays where the statement is for several only."""
    listed = [i for i, m in enumerate(mentions) if m.role == Role.RESPONSIBLE]
    if not listed or (statement.several_only and len(listed) < 2):
        return mentions
    out = list(mentions)
    out[listed[0]] = replace(out[listed[0]], role=Role.LEAD, convention=Convention.FIRST_LISTED)
    if statement.others != Role.RESPONSIBLE:
        for i in listed[1:]:
            out[i] = replace(out[i], role=statement.others, convention=Convention.FIRST_LISTED)
    return out


def _once_per_role(mentions: tuple[UnitMention, ...]) -> list[UnitMention]:
    """Mentions -> the first of each (role, unit): a clause with several brackets may name its lead again in a later
    one (（住房城乡建设部牵头）…（住房城乡建设部会同有关部门负责）), which is still one row."""
    seen: set[tuple[Role, str]] = set()
    out = []
    for m in mentions:
        if (m.role, m.unit_raw) not in seen:
            seen.add((m.role, m.unit_raw))
            out.append(m)
    return out


def _to_assignments(clause: Clause, span: Span | None, mentions: list[UnitMention], before: list[Assignment] | None = None) -> list[Assignment]:
    counts: dict[Role, int] = {}
    for a in before or []:
        counts[a.role] = max(counts.get(a.role, 0), a.position)
    out = []
    for m in mentions:
        counts[m.role] = counts.get(m.role, 0) + 1
        where = span.locate(m.offset) if span is not None else Piece(0, clause.line, clause.page)
        out.append(Assignment(clause.clause_id, m.role, counts[m.role], m.unit_raw, m.etc_follows, where.page, where.line,
                              m.convention, m.shared_prefix))
    return out


def _issue(clause: Clause, code: IssueCode, message: str) -> Issue:
    return Issue(code, message, clause.clause_id, clause.line, clause.page)
