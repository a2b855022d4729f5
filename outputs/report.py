"""The tables -> report.html: each notice's clauses with every unit marked by its role, the issues beside the clauses
they concern, and a unit x clause matrix. One self-contained file (styles and a few lines of script inline, no
network), readable in any browser.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from html import escape

import pandas as pd

from fengong.extract.model import IssueCode
from fengong.outputs.notices import notice_titles
from fengong.outputs.tasks import ROLE_ORDER

ROLE_NAMES = {"lead": "牵头 lead", "support": "配合 support", "responsible": "责任 responsible"}
ROLE_LETTERS = {"lead": "牵", "support": "配", "responsible": "责"}

STYLE = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:0 auto;
max-width:1200px;padding:0 1em 3em;color:#222;line-height:1.6}
h1{font-size:1.4em}h2{font-size:1.25em;border-bottom:2px solid #888;margin-top:2em}h3.section{font-size:1.05em;margin:1.4em 0 .4em;color:#444}
.legend span{margin-right:1em}.meta{color:#555;font-size:.9em}
mark.u{background:none;padding:0 1px;border-bottom:3px solid;cursor:help}
mark.lead{background:#fde2e1;border-color:#c0392b;border-bottom-style:solid}
mark.support{background:#dbeafe;border-color:#1d4ed8;border-bottom-style:dashed}
mark.responsible{background:#dcfce7;border-color:#15803d;border-bottom-style:dotted}
mark.u.hot{outline:2px solid #f59e0b}
.clause{display:flex;gap:1em;border-top:1px solid #e5e5e5;padding:.4em 0}
.clause .body{flex:1 1 auto;min-width:0}.clause aside{flex:0 0 300px;font-size:.85em}
.cid{font-family:monospace;background:#eee;padding:0 .4em;border-radius:3px;margin-right:.5em}
.party{color:#333;font-size:.95em}.party::before{content:"分工：";color:#777}
.extra{color:#555;font-size:.9em}
.issue{background:#fff7e6;border-left:4px solid #f0a020;padding:.2em .5em;margin-bottom:.3em}
.issue.error{background:#fdecea;border-color:#d93025}.issue.info{background:#f4f6f8;border-color:#9aa5b1}.issue code{font-weight:bold}
.matrix-wrap{overflow:auto;max-height:80vh;border:1px solid #ccc}
table.matrix{border-collapse:collapse;font-size:12px}
.matrix th,.matrix td{border:1px solid #ddd;padding:1px 3px;text-align:center;min-width:1.4em}
.matrix thead th{position:sticky;top:0;background:#f6f6f6;writing-mode:vertical-rl;font-family:monospace;font-weight:normal}
.matrix tbody th{position:sticky;left:0;background:#f6f6f6;text-align:left;white-space:nowrap;font-weight:normal}
.matrix thead th.corner{writing-mode:horizontal-tb;left:0;z-index:2}
.matrix td.lead{background:#f5b7b1}.matrix td.support{background:#aecbfa}.matrix td.responsible{background:#a8e6b8}
"""

# Hovering a unit outlines all its marks on the page: where else does this body appear?
SCRIPT = """
document.addEventListener("mouseover",function(e){var m=e.target.closest&&e.target.closest("mark.u");
document.querySelectorAll("mark.u.hot").forEach(function(x){x.classList.remove("hot")});
if(!m)return;document.querySelectorAll("mark.u").forEach(function(x){if(x.dataset.unit===m.dataset.unit)x.classList.add("hot")});});
"""


@dataclass(frozen=True, slots=True)
class Mark:
    """One responsibility located in a clause's text: which field, where, and who in which role."""

    field: str  # party_text | text
    start: int
    end: int
    role: str
    unit: str


def _free(text: str, raw: str, taken: list[tuple[int, int]], start: int) -> int:
    """The first occurrence of `raw` in `text` at or after `start` that overlaps no taken span, or -1."""
    pos = text.find(raw, start)
    while pos >= 0 and any(a < pos + len(raw) and pos < b for a, b in taken):
        pos = text.find(raw, pos + 1)
    return pos


def locate_units(fields: dict[str, str], rows: list[tuple[str, str, str]]) -> tuple[list[Mark], list[tuple[str, str, str]]]:
    """A clause's texts by field and its (role, unit, unit_raw) rows in written order -> the marks found, in the order of
    the rows, and the rows whose spelling is in none of the texts (a unit stated once for many clauses)."""
    taken: dict[str, list[tuple[int, int]]] = {f: [] for f in fields}
    cursor = dict.fromkeys(fields, 0)
    marks, missing = [], []
    for role, unit, raw in rows:
        for name, text in fields.items():
            pos = _free(text, raw, taken[name], cursor[name]) if raw else -1
            pos = pos if pos >= 0 or not raw else _free(text, raw, taken[name], 0)
            if pos >= 0:
                taken[name].append((pos, pos + len(raw)))
                cursor[name] = pos + len(raw)
                marks.append(Mark(name, pos, pos + len(raw), role, unit))
                break
        else:
            missing.append((role, unit, raw))
    return marks, missing


def _mark(text: str, role: str, unit: str, clause_id: str) -> str:
    return (f'<mark class="u {role}" data-role="{role}" data-unit="{escape(unit)}" data-clause="{escape(clause_id)}" '
            f'title="{escape(unit)} · {ROLE_NAMES[role]}">{escape(text)}</mark>')


def marked_html(text: str, marks: list[Mark], clause_id: str) -> str:
    """A text and the marks found in it -> HTML with each mark wrapped in its role's <mark>."""
    out, at = [], 0
    for m in sorted(marks, key=lambda m: m.start):
        out.append(escape(text[at:m.start]) + _mark(text[m.start:m.end], m.role, m.unit, clause_id))
        at = m.end
    return "".join(out) + escape(text[at:])


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _severity(issue) -> str:
    """An issues row -> its severity: the table's own column where it has one, else the code's."""
    if _text(getattr(issue, "severity", "")):
        return _text(issue.severity)
    try:
        return IssueCode(_text(issue.code)).severity.value
    except ValueError:
        return ""


def _issue_html(issue) -> str:
    where = ", ".join(f"{k} {_text(v)}" for k, v in (("page", issue.page), ("line", issue.line)) if _text(v))
    severity = _severity(issue)
    return (f'<div class="issue {escape(severity)}"><code>{escape(_text(issue.code))}</code> '
            f'{escape(_text(issue.message))}{f" ({where})" if where else ""}</div>')


def _clause_html(clause, rows: list[tuple[str, str, str]], issues: list) -> str:
    cid = _text(clause.clause_id)
    fields = {"party_text": _text(clause.party_text), "text": _text(clause.text)}
    marks, missing = locate_units(fields, rows)
    body = [f'<p class="head"><span class="cid">{escape(cid)}</span><b>{escape(_text(clause.title))}</b></p>',
            f'<p class="text">{marked_html(fields["text"], [m for m in marks if m.field == "text"], cid)}</p>']
    if fields["party_text"]:
        body.append(f'<p class="party">{marked_html(fields["party_text"], [m for m in marks if m.field == "party_text"], cid)}</p>')
    if missing:  # stated once for many clauses (heading lead, first-listed convention): shown, though not in this text
        body.append('<p class="extra">stated elsewhere: ' + "、".join(_mark(raw, role, unit, cid) for role, unit, raw in missing) + "</p>")
    extra = [f"{label}：{escape(_text(v))}" for label, v in (("责任领导", clause.leaders), ("完成时限", clause.deadline)) if _text(v)]
    if extra:
        body.append(f'<p class="extra">{"；".join(extra)}</p>')
    aside = "".join(_issue_html(i) for i in issues)
    return f'<div class="clause" id="c-{escape(_text(clause.notice_id))}-{escape(cid)}"><div class="body">{"".join(body)}</div><aside>{aside}</aside></div>'


def _place_issues(clauses: pd.DataFrame, issues: pd.DataFrame) -> tuple[dict[str, list], list]:
    """A notice's clauses and issues -> issues by the clause they concern (by id, else the clause their line falls in),
    and the issues that concern the notice as a whole."""
    ids = set(clauses["clause_id"])
    starts = sorted(((int(_text(c.page) or 0), int(c.line)), c.clause_id) for c in clauses.itertuples() if _text(c.line))
    keys = [start for start, _ in starts]
    placed: dict[str, list] = {}
    general = []
    for issue in issues.itertuples():
        target = issue.clause_id if _text(issue.clause_id) in ids else None
        if target is None and _text(issue.line):
            at = bisect_right(keys, (int(_text(issue.page) or 0), int(issue.line)))
            target = starts[at - 1][1] if at else None
        if target is None:
            general.append(issue)
        else:
            placed.setdefault(target, []).append(issue)
    return placed, general


def matrix_html(clauses: pd.DataFrame, responsibilities: pd.DataFrame) -> str:
    """A notice's clauses and responsibilities -> a table of units (rows, by first mention) x clauses (columns)."""
    cells: dict[tuple[str, str], list[str]] = {}
    for cid, role, unit in responsibilities[["clause_id", "role", "unit"]].itertuples(index=False, name=None):
        roles = cells.setdefault((unit, cid), [])
        if role not in roles:
            roles.append(role)
    units = list(dict.fromkeys(responsibilities["unit"]))
    ids = [(str(c), _text(t)) for c, t in zip(clauses["clause_id"], clauses["title"], strict=True)]
    head = '<th class="corner">单位 \\ 条目</th>' + "".join(f'<th title="{escape(t)}">{escape(c)}</th>' for c, t in ids)
    rows = []
    for unit in units:
        tds = []
        for cid, _ in ids:
            roles = cells.get((unit, cid), [])
            tds.append(f'<td class="{roles[0]}" title="{escape(unit)} · {escape(cid)} · {" ".join(ROLE_NAMES[r] for r in roles)}">'
                       f'{"".join(ROLE_LETTERS[r] for r in roles)}</td>' if roles else "<td>")
        rows.append(f"<tr><th>{escape(unit)}</th>{''.join(tds)}</tr>")
    return f'<div class="matrix-wrap"><table class="matrix"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _by_notice(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {str(n): part for n, part in frame.groupby("notice_id", sort=False)}


def _notice_html(notice_id: str, title: str, clauses: pd.DataFrame, resp: pd.DataFrame, issues: pd.DataFrame) -> str:
    rows_of: dict[str, list[tuple[str, str, str]]] = {}
    for cid, role, unit, raw in resp[["clause_id", "role", "unit", "unit_raw"]].itertuples(index=False, name=None):
        rows_of.setdefault(cid, []).append((role, unit, _text(raw)))
    placed, general = _place_issues(clauses, issues)
    parts = [f'<section class="notice" id="n-{escape(notice_id)}"><h2>{escape(title or notice_id)}</h2>',
             f'<p class="meta">{escape(notice_id)} · {len(clauses)} clauses · {len(resp)} responsibilities · {len(issues)} issues</p>']
    parts += [_issue_html(i) for i in general]
    section = None
    for clause in clauses.itertuples():
        if _text(clause.section_title) and clause.section_title != section:
            section = clause.section_title
            parts.append(f'<h3 class="section">{escape(_text(section))}</h3>')
        parts.append(_clause_html(clause, rows_of.get(clause.clause_id, []), placed.get(clause.clause_id, [])))
    if len(resp):
        parts.append(f"<h3>单位 × 条目 Units x clauses</h3>{matrix_html(clauses, resp)}")
    return "".join(parts) + "</section>"


def tables_to_html(frames: dict[str, pd.DataFrame], notices: pd.DataFrame) -> str:
    """The extract's tables and the notices table -> report.html: every notice's clauses, units marked by role."""
    titles = notice_titles(notices)
    ids = list(dict.fromkeys(list(notices["notice_id"]) + list(frames["clauses"]["notice_id"]) + list(frames["issues"]["notice_id"])))
    legend = "".join(f'<span><mark class="u {r}">{ROLE_NAMES[r]}</mark></span>' for r in ROLE_ORDER)
    toc = "".join(f'<li><a href="#n-{escape(n)}">{escape(titles.get(n, n))}</a></li>' for n in ids)
    parts = {name: _by_notice(frames[name]) for name in ("clauses", "responsibilities", "issues")}
    body = "".join(_notice_html(n, titles.get(n, ""), *(parts[t].get(n, frames[t].iloc[:0]) for t in parts)) for n in ids)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
            f"<title>分工报告 fengong report</title><style>{STYLE}</style></head><body><h1>分工报告 fengong report</h1>"
            f'<p class="legend">{legend} — hover a unit for its canonical name</p><ul class="toc">{toc}</ul>{body}'
            f"<script>{SCRIPT}</script></body></html>\n")
