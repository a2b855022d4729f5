"""Records passed between the stages; each carries where in the input it came from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of an input, already stripped of its line break."""

    file: str
    line: int  # 1-based line number in the input
    page: int | None  # 1-based page where the input has pages, else None
    text: str


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

    code: str  # kebab-case
    message: str
    clause_id: str | None = None
    line: int | None = None
    page: int | None = None


@dataclass(frozen=True, slots=True)
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
