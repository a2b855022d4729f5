"""Records passed between the stages; each carries where in the input it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What a unit is assigned to do for a clause."""

    LEAD = "lead"  # 牵头单位, X牵头, 由X会同…
    SUPPORT = "support"  # 配合单位, 协办单位, X配合, 会同Y
    RESPONSIBLE = "responsible"  # 责任单位, X负责, X按职责分工负责


class Severity(StrEnum):
    """How much an issue matters to someone using the tables."""

    ERROR = "error"  # content was lost or cannot be trusted: read the source at that place
    WARNING = "warning"  # the tables are complete but something needs a look
    INFO = "info"  # a remark about the document, nothing lost


class IssueCode(StrEnum):
    """The kinds of problem a document can have; each is reported as a row of the issues table, never raised."""

    NUMBERING_GAP = "numbering-gap"
    """A printed number skips or repeats (3. follows 1.). Check the source: a task may be missing or misnumbered."""
    DUPLICATE_TITLE = "duplicate-title"
    """Two clauses of one attachment have the same short title. Often a copy-paste slip in the notice."""
    DUPLICATE_CLAUSE_ID = "duplicate-clause-id"
    """Printed numbers repeat, so two clauses would share an id; the later one got a suffix (-b, -c)."""
    UNKNOWN_UNIT = "unknown-unit"
    """A unit reads as a body but no registry or rule gives its canonical name; it is kept as written."""
    UNRECOGNISED_UNIT = "unrecognised-unit"
    """A unit does not read as the name of any body: check it, or add it to an alias file."""
    UNCLOSED_BRACKET = "unclosed-bracket"
    """A unit bracket is not closed; it was read to the end of its clause. Check the last units."""
    UNPLACED_TEXT = "unplaced-text"
    """Text that belongs to no numbered clause; it is not in the tables. Read it in the source."""
    NO_UNITS = "no-units"
    """A clause names no unit (or was cut off before it did). Its clause row is kept with no responsibilities."""
    NO_CLAUSES = "no-clauses"
    """The input was read but holds no task clause; is it a task-division notice?"""
    UNREADABLE_TEXT = "unreadable-text"
    """A PDF page has glyphs without Unicode ((cid:NNN)); the page was skipped. OCR or the source document is needed."""
    DAMAGED_PAGE = "damaged-page"
    """A page (or part of a file) could not be read completely; its content may be missing from the tables."""
    EMPTY_PAGE = "empty-page"
    """A page yields no text while its neighbours do (an image, or content lost); check it in the source."""
    COMPLEX_PAGE = "complex-page"
    """A PDF page draws too many paths (a map, a chart) to look for ruled tables; its text was read as plain lines."""
    CUT_OFF = "cut-off"
    """The text breaks off (an excerpt) inside a clause; the clause is kept, its units may be incomplete."""
    LOW_CONFIDENCE = "low-confidence"
    """A unit was read by OCR from a line of low confidence; check its spelling in the scan."""
    CORRECTED_UNIT = "corrected-unit"
    """A unit read by OCR was corrected to the nearest known body name; check it in the scan."""

    @property
    def severity(self) -> Severity:
        """This code -> how much it matters (error: content lost; warning: needs a look; info: a remark)."""
        return _SEVERITY.get(self, Severity.WARNING)


_SEVERITY = {
    IssueCode.DAMAGED_PAGE: Severity.ERROR, IssueCode.UNREADABLE_TEXT: Severity.ERROR, IssueCode.NO_CLAUSES: Severity.ERROR,
    IssueCode.UNPLACED_TEXT: Severity.ERROR, IssueCode.UNRECOGNISED_UNIT: Severity.WARNING,
    IssueCode.UNKNOWN_UNIT: Severity.INFO, IssueCode.DUPLICATE_TITLE: Severity.INFO, IssueCode.CUT_OFF: Severity.WARNING,
    IssueCode.DUPLICATE_CLAUSE_ID: Severity.INFO,
}


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of an input, already stripped of its line break."""

    file: str
    line: int  # 1-based line number in the input
    page: int | None  # 1-based page where the input has pages, else None
    text: str
    confidence: float | None = None  # OCR's confidence in the line (0-1, its least sure character); None: text was given


@dataclass(frozen=True, slots=True)
class Piece:
    """Where a run of characters of a joined text starts: offset into the text, and its line."""

    offset: int
    line: int
    page: int | None


@dataclass(frozen=True, slots=True)
class Span:
    """A joined text (lines reflowed into one string) with the line each part came from."""

    text: str
    pieces: tuple[Piece, ...]

    def locate(self, offset: int) -> Piece:
        """Offset into `text` -> the piece (line, page) holding that character."""
        found = self.pieces[0]
        for piece in self.pieces:
            if piece.offset > offset:
                break
            found = piece
        return found

    def sub(self, start: int, end: int) -> Span:
        """Character range of this span -> a span of its own, provenance kept."""
        pieces = [Piece(0, self.locate(start).line, self.locate(start).page)]
        for piece in self.pieces:
            if start < piece.offset < end:
                pieces.append(Piece(piece.offset - start, piece.line, piece.page))
        return Span(self.text[start:end], tuple(pieces))


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem of the document, reported as data."""

    code: IssueCode
    message: str
    clause_id: str | None = None
    line: int | None = None
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    """A fragment of a table row as extracted: its text, its line, and whether a cell boundary follows it."""

    text: str
    line: Line
    ends: bool = True


class Convention(StrEnum):
    """Why a unit has its role when the clause itself does not say it."""

    FIRST_LISTED = "first-listed-is-lead"  # the notice says 列第一位的责任单位为牵头单位
    HEADING_LEAD = "heading-lead"  # 一、强化科技创新（区科技局牵头） names the lead of every clause below
    STANDING_RULE = "standing-rule"  # 以下政策措施均需各县区人民政府落实，不再单独列出
    UPPER_LEVEL = "upper-level"  # a table's unit cell adds 省牵头单位：省农业农村厅


@dataclass(frozen=True, slots=True)
class FirstListed:
    """A notice's statement that the first unit listed for a clause leads it (列第一位的为牵头单位)."""

    others: Role = Role.RESPONSIBLE  # the role it gives the units after the first (…，其他为配合单位: support)
    several_only: bool = False  # it holds for lists of several units only (多个单位的，第一家为牵头单位): one alone stays


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitMention:
    """One unit named in a clause's unit text, as written, with its role."""

    role: Role
    unit_raw: str  # as written; a suffix shared across a list is written out (哈尔滨、黑河市政府 -> 黑河市政府, 哈尔滨市政府)
    offset: int  # where it starts in the unit text, for its line and page
    etc_follows: bool = False  # 等 / 等部门 follows it
    shared_prefix: str = ""  # the level prefix it drops and shares with the unit before it: 省环保厅、发展改革委 -> 省
    convention: Convention | None = None
    prose: bool = False  # read from a prose cue (X负责), not from a label: a named lead makes such units support
    marked: bool = False  # its role is marked after it in the list (市发改委（牵头）), not only given by the label
    same_below: bool = False  # 下同 follows it (各县（市、区）人民政府（下同）): it holds for every later clause too


@dataclass(frozen=True, slots=True)
class Party:
    """What the text naming a clause's units says: the units by role, people named, a time frame."""

    mentions: tuple[UnitMention, ...] = ()
    leaders: tuple[str, ...] = ()
    deadline: str | None = None

    def roles(self) -> frozenset[Role]:
        """The roles this text names."""
        return frozenset(m.role for m in self.mentions)


@dataclass(frozen=True, slots=True, kw_only=True)
class Clause:
    """A task clause: a numbered (or un-numbered) paragraph, or a table row."""

    clause_id: str
    attachment: int | None
    section: int | None
    item: str | None
    row: int | None
    title: str | None
    section_title: str | None
    text: str  # the task without its number and without the unit parenthetical
    party_text: str | None  # what names the units, e.g. 牵头单位：…，配合单位：…
    party: Span | None  # party_text with provenance, for locating each unit
    page: int | None
    line: int
    table_role: str | None = None  # a table row's unit column states its role itself
    leaders: tuple[str, ...] = ()  # people named for the clause (责任领导, 牵头区领导): never units
    deadline: str | None = None  # time frame as written
    deadline_date: str | None = None  # ISO date where the time frame states one
    units: Party = Party()  # party_text read once: its units by role, leaders and time frame
    heading_party: Span | None = None  # the text of a heading naming the lead of every clause below it
    heading_units: Party = Party()  # that heading's units, read once
    standing_units: Party = Party()  # units a standing rule stated earlier in the notice adds to this clause
    cut: bool = False  # the text breaks off (an excerpt) inside this clause


@dataclass(frozen=True, slots=True)
class Assignment:
    """One unit named for one role of one clause, as written."""

    clause_id: str
    role: Role
    position: int  # 1-based within the role
    unit_raw: str
    etc_follows: bool
    page: int | None
    line: int
    convention: Convention | None = None  # a role stated once for many clauses
    shared_prefix: str = ""  # the level prefix the unit shares with the one before it (省环保厅、发展改革委)


@dataclass(frozen=True, slots=True)
class Notice:
    """What segmentation found in one input."""

    file: str
    clauses: tuple[Clause, ...]
    issues: tuple[Issue, ...]
    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    attachments: tuple[tuple[int, str], ...] = field(default_factory=tuple)
    first_listed: FirstListed | None = None  # the notice says 列第一位的为牵头单位
    aliases: tuple[tuple[str, str], ...] = ()  # (short name, name) defined in the text: …（以下简称X）
    doc_number: str | None = None  # 文号: 郧政发〔2023〕5号
    text: str = ""  # the whole notice as read, for deciding its jurisdiction

    @property
    def first_listed_is_lead(self) -> bool:
        """Whether the notice says the first unit listed for a clause leads it."""
        return self.first_listed is not None
