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
    heading_party: Span | None = None  # a lead named in the clause's heading: 一、强化科技创新（区科技局牵头）


@dataclass(frozen=True, slots=True)
class Assignment:
    """One unit named for one role of one clause, as written."""

    clause_id: str
    role: str  # lead | support | responsible
    position: int  # 1-based within the role
    unit_raw: str
    etc_follows: bool
    page: int | None
    line: int
    convention: str | None = None  # first-listed-is-lead, heading-lead: a role stated once for many clauses


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
    first_listed_is_lead: bool = False  # the notice says 列第一位的为牵头单位
    aliases: tuple[tuple[str, str], ...] = ()  # (short name, name) defined in the text: …（以下简称X）
