"""Paragraphs: a notice's lines -> paragraphs, wrapped lines joined, numbered ones opened, table rows gathered.

A line break is never a boundary by itself. A paragraph ends where a line stops short of the right margin (and
is not inside a bracket), where it closes its unit bracket, or where the next line opens a number, a label, an
attachment or a table.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from fengong.extract.model import Line, Piece, Span
from fengong.extract.numbering import Marker, line_to_attachment, line_to_marker
from fengong.extract.parties import LABEL, text_to_party
from fengong.extract.script import compile_both

# Page furniture a PDF leaves in its text: "— 3 —", "- 3 -", "第3页", "第 3 页 共 10 页", "3/10".
_PAGE_NUMBER = regex.compile(r"^(?:[—–\-－~～]+\s*\d{1,4}\s*[—–\-－~～]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")
_CJK = r"\p{Han}\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026"
_SPACE_NEAR_CJK = regex.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_TERMINAL = tuple("。；;：:！？!?）)」』”\"")
# Closing furniture of a 公文 (GB/T 9704 版记): 抄送：…, 主送：…, "XX办公室 2019年4月16日印发", (此件公开发布).
END_MATTER = regex.compile(r"^(?:(?:抄\s*送|主\s*送)\s*[:：]|\S.{0,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$|[（(]此件公开发布[）)]$)")
DATE = regex.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
# Some mirrors of gov.cn pages print pinyin after characters: 發(fā)展. Noise, not text.
_PINYIN = regex.compile(r"(?<=\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_EXCERPT_MARK = regex.compile(r"^\[(?:…|\.\.\.|……)\]$")
_HEADER_WORD = compile_both(r"^(?:序号|重点工作|工作内容|工作任务|具体任务(?:分解)?|主要任务|任务|内容|工作|项目|目标|完成时限|完成时间|时间节点|牵头单位|牵头部门|责任单位|配合单位|协同单位|牵头区领导|牵头领导|责任领导|责任人|备注|指标)$")
HEADING_LEVELS = (1, 2)
COUNTED = "序号"  # stands in for the serial column of a table that prints none
_BLANKS = regex.compile(r"[ \t]+")
_WORD_SPACE = regex.compile(r"(?<=\p{Han}\p{Han})[ \t]+(?=\p{Han}\p{Han})")
_WHITESPACE = regex.compile(r"\s+")
_KEEP_SPACES = regex.compile(r"(\s+)")
_SERIAL = regex.compile(r"^(\d{1,3})(?:\s|$)")
_HAN_WORD = regex.compile(r"\p{Han}+")
ROLE_HEADER = regex.compile(r"单位|部门|單位|部門")  # a column (or label) naming units
_LABEL_LINE = regex.compile(r"\s*[【\[]?\s*\p{Han}")
_BARE_ATTACHMENT = regex.compile(r"附\s*件")
_CLAUSE_PUNCTUATION = regex.compile(r"[，,；;]")


def clean_text(text: str) -> str:
    """A line as extracted -> its text with the spaces a PDF puts next to Chinese characters removed.

    A space between two words of two or more characters each is kept (牵头单位：市商务局 协办单位：市财政局 市统计局
    separates units by spaces only); spaces beside digits (29 类) and between letter-spaced characters (通 知) go.
    """
    text = _PINYIN.sub("", text.replace("\u3000", " ").replace("\xa0", " ").strip())
    text = _WORD_SPACE.sub("\x00", text)
    return _BLANKS.sub(" ", _SPACE_NEAR_CJK.sub("", text)).replace("\x00", " ")


def display_width(text: str) -> int:
    """Text -> its width in half-width cells (a Chinese character counts two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@dataclass(slots=True)
class Paragraph:
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
    m = _SERIAL.match(following)
    return bool(m) and int(m.group(1)) == last_row + 1


def _table_header(raw: str) -> tuple[str, ...] | None:
    """A table's header row -> its column names, 序号 first.

    A header of a real table (tab-separated cells from PDF, DOCX or HTML) may have no 序号 column when it has a
    unit column; its rows are then counted (T1, T2, …) and a 序号 column stands in front of the names.
    """
    cells = tuple(c for c in (raw.strip().split("\t") if "\t" in raw else _WHITESPACE.split(raw.strip())) if c.strip())
    cells = tuple(c.strip() for c in cells)
    if len(cells) < 2 or not all(len(c) <= 8 and _HAN_WORD.fullmatch(c) for c in cells):
        return None
    if cells[0] == "序号" and len(cells) >= 3:
        return cells
    if "\t" in raw and any(ROLE_HEADER.search(c) for c in cells) and all(_HEADER_WORD.match(c) for c in cells):
        return (COUNTED,) + cells
    return None


def _flat_header(texts: list[str], i: int) -> tuple[tuple[str, ...], int] | None:
    """A table flattened to one cell per line (a web page's table as text): its header cells and where rows start."""
    if texts[i] != "序号":
        return None
    j = i + 1
    while j < len(texts) and j - i <= 20 and _HEADER_WORD.match(texts[j]):
        j += 1
    header = tuple(texts[i:j])
    roles = [h for h in header if ROLE_HEADER.search(h)]
    if roles and j < len(texts) and texts[j] == "1":
        return header, j
    return None


def lines_to_paragraphs(lines: tuple[Line, ...]) -> list[Paragraph]:
    """Physical lines -> paragraphs: wrapped lines joined, markers opening new ones, table rows gathered."""
    cleaned = [(ln, clean_text(ln.text)) for ln in lines]
    kept_pairs = [(ln, t) for ln, t in cleaned if t and not _PAGE_NUMBER.match(t) and not _EXCERPT_MARK.match(t)]
    kept = [ln for ln, _ in kept_pairs]
    texts = [t for _, t in kept_pairs]
    full = _full_width([display_width(t) for t in texts])
    paras: list[Paragraph] = []
    current: Paragraph | None = None
    last_number: dict[int, int] = {}
    header: tuple[str, ...] | None = None
    flat: tuple[str, ...] | None = None
    last_row = 0
    counted_rows = False  # the table prints no 序号: its rows are counted

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
            if attachment is None and not END_MATTER.match(text) and not DATE.match(text):
                if text.isdigit() and len(text) <= 3 and last_row < int(text) <= last_row + 5:
                    close()
                    last_row = int(text)
                    current = Paragraph("frow", number=last_row, header=flat)
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
                section = Paragraph("numbered", marker=marker, number=marker.number, closed=True)
                section.chunks.append((marker.rest, ln))
                paras.append(section)
                continue
            if attachment is None and not (marker and marker.level in HEADING_LEVELS) and not END_MATTER.match(text):
                if "\t" in raw:
                    # Cells of a PDF or Word table, one per column, empty ones kept so columns stay aligned.
                    fragments = []
                    for cell in raw.split("\t"):
                        fragments.extend([cell.strip() or "", "\t"])
                    fragments = fragments[:-1]
                else:
                    fragments = [f for f in _KEEP_SPACES.split(raw.strip()) if f]
                counted = counted_rows and "\t" in raw
                serial = fragments[0] if fragments and fragments[0].isdigit() and len(fragments[0]) <= 3 else None
                if counted:
                    fragments = [str(last_row + 1), "\t"] + fragments
                    serial = str(last_row + 1)
                if serial and last_row < int(serial) <= last_row + 5:
                    close()
                    last_row = int(serial)
                    current = Paragraph("row", number=last_row, header=header)
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
        bare_attachment = _BARE_ATTACHMENT.fullmatch(text) is not None
        if bare_attachment or (attachment is not None and (not attachment[1] or len(attachment[1]) <= 60)):
            close()
            para = Paragraph("attachment", number=1 if bare_attachment else attachment[0])
            para.chunks.append(("" if bare_attachment else attachment[1], ln))
            para.closed = True
            paras.append(para)
            last_number.clear()
            continue
        table = _table_header(ln.text)
        if table is not None:
            close()
            header, last_row = table, 0
            counted_rows = not ln.text.strip().startswith("序号")
            continue
        flat_found = _flat_header(texts, i)
        if flat_found is not None:
            close()
            flat, last_row = flat_found[0], 0
            i = flat_found[1] - 1
            continue
        inside_bracket = current is not None and not current.closed and _unclosed(current.text)
        if END_MATTER.match(text):
            close()
            current = Paragraph("end")
            paras.append(current)
        elif LABEL.match(text) and _LABEL_LINE.match(text) and not inside_bracket and marker is None:
            # 牵头单位：区发改局 on a line of its own: the units of the clause above.
            close()
            current = Paragraph("label")
            paras.append(current)
        elif marker is not None and _opens_paragraph(current, marker, last_number):
            close()
            current = Paragraph("numbered", marker=marker, number=marker.number)
            paras.append(current)
            last_number[marker.level] = marker.number
            for deeper in [lv for lv in last_number if lv > marker.level]:
                del last_number[deeper]
            text = marker.rest
        elif current is None or current.closed:
            current = Paragraph("text")
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


def _opens_paragraph(current: Paragraph | None, marker: Marker, last_number: dict[int, int]) -> bool:
    """Whether a line opening with `marker` starts a new paragraph rather than continuing a wrapped one."""
    if current is None or current.closed or current.kind in ("attachment", "end", "label"):
        return True
    if current.text.endswith(_TERMINAL):
        return True
    expected = last_number.get(marker.level, 0) + 1
    if marker.level not in last_number and marker.level in HEADING_LEVELS and heading_like(marker.rest):
        return True  # the first heading of an excerpt may not be 一、 (二、责任主体及工作分工)
    return marker.number in (expected, 1)


def heading_like(text: str) -> bool:
    """Text that reads as a heading (约束性指标的责任部门), not as the start of a task sentence."""
    text = text.strip().rstrip("。")
    return 0 < len(text) <= 40 and "。" not in text and not text.endswith(("，", "、", ",")) and not _CLAUSE_PUNCTUATION.search(text)
