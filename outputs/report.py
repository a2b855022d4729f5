"""One notice's rows -> its section of report.html: the clauses with every unit marked by its role, the issues beside
the clauses they concern, and a unit x clause matrix. One self-contained file (styles and a few lines of script
inline, no network), readable in any browser.

The report is written as the notices are read: report_head, then notice_to_html for each notice (made by the worker
that read it, from that notice's rows alone), then report_tail with the table of contents. So the writing process
holds no notice's tables, only each notice's id and title for the contents. The contents come last in the file and
are shown first (CSS flex order), since they are known only at the end.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Any

from fengong.outputs.tables import SCHEMAS
from fengong.outputs.tasks import ROLE_ORDER

ROLE_NAMES = {"lead": "牵头 lead", "support": "配合 support", "responsible": "责任 responsible"}
ROLE_LETTERS = {"lead": "牵", "support": "配", "responsible": "责"}

STYLE = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:0 auto;
max-width:1200px;padding:0 1em 3em;color:#222;line-height:1.6;display:flex;flex-direction:column}
body>header{order:0}body>nav.toc{order:1}body>main{order:2}
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

Row = dict[str, Any]


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


# Names (units, roles, clause ids) recur across clauses and notices: each escaped once, in a bounded cache.
_name = lru_cache(maxsize=16384)(escape)


def _mark(text: str, role: str, unit: str, clause_id: str) -> str:
    role_, unit_ = _name(role), _name(unit)
    return (f'<mark class="u {role_}" data-role="{role_}" data-unit="{unit_}" data-clause="{_name(clause_id)}" '
            f'title="{unit_} · {_name(ROLE_NAMES.get(role, role))}">{escape(text)}</mark>')


def marked_html(text: str, marks: list[Mark], clause_id: str) -> str:
    """A text and the marks found in it -> HTML with each mark wrapped in its role's <mark>."""
    out, at = [], 0
    for m in sorted(marks, key=lambda m: m.start):
        out.append(escape(text[at:m.start]) + _mark(text[m.start:m.end], m.role, m.unit, clause_id))
        at = m.end
    return "".join(out) + escape(text[at:])


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _issue_html(issue: Row) -> str:
    where = ", ".join(f"{k} {issue[k]}" for k in ("page", "line") if issue[k] is not None)
    return (f'<div class="issue {escape(_text(issue["severity"]))}"><code>{escape(_text(issue["code"]))}</code> '
            f'{escape(_text(issue["message"]))}{f" ({where})" if where else ""}</div>')


def _clause_html(clause: Row, rows: list[tuple[str, str, str]], issues: list[Row]) -> str:
    cid = _text(clause["clause_id"])
    fields = {"party_text": _text(clause["party_text"]), "text": _text(clause["text"])}
    marks, missing = locate_units(fields, rows)
    body = [f'<p class="head"><span class="cid">{escape(cid)}</span><b>{escape(_text(clause["title"]))}</b></p>',
            f'<p class="text">{marked_html(fields["text"], [m for m in marks if m.field == "text"], cid)}</p>']
    if fields["party_text"]:
        body.append(f'<p class="party">{marked_html(fields["party_text"], [m for m in marks if m.field == "party_text"], cid)}</p>')
    if missing:  # stated once for many clauses (heading lead, first-listed convention): shown, though not in this text
        body.append('<p class="extra">stated elsewhere: ' + "、".join(_mark(raw, role, unit, cid) for role, unit, raw in missing) + "</p>")
    extra = [f"{label}：{escape(_text(clause[k]))}" for label, k in (("责任领导", "leaders"), ("完成时限", "deadline")) if clause[k]]
    if extra:
        body.append(f'<p class="extra">{"；".join(extra)}</p>')
    aside = "".join(_issue_html(i) for i in issues)
    return (f'<div class="clause" id="c-{escape(_text(clause["notice_id"]))}-{escape(cid)}"><div class="body">{"".join(body)}</div>'
            f"<aside>{aside}</aside></div>")


def place_issues(clauses: list[Row], issues: list[Row]) -> tuple[dict[str, list[Row]], list[Row]]:
    """A notice's clauses and issues -> issues by the clause they concern (by id, else the clause their line falls in),
    and the issues that concern the notice as a whole."""
    ids = {c["clause_id"] for c in clauses}
    starts = sorted(((c["page"] or 0, c["line"]), c["clause_id"]) for c in clauses if c["line"] is not None)
    keys = [start for start, _ in starts]
    placed: dict[str, list[Row]] = {}
    general = []
    for issue in issues:
        target = issue["clause_id"] if issue["clause_id"] in ids else None
        if target is None and issue["line"] is not None:
            at = bisect_right(keys, (issue["page"] or 0, issue["line"]))
            target = starts[at - 1][1] if at else None
        if target is None:
            general.append(issue)
        else:
            placed.setdefault(target, []).append(issue)
    return placed, general


MAX_MATRIX_CELLS = 250_000  # units x clauses of one notice's matrix; beyond, a line says where the same is in table form


def matrix_html(clauses: list[Row], responsibilities: list[Row]) -> str:
    """A notice's clauses and responsibilities -> a table of units (rows, by first mention) x clauses (columns), or a
    line naming the tables that hold the same when it would have more than MAX_MATRIX_CELLS cells."""
    at = {c["clause_id"]: i for i, c in enumerate(clauses)}
    roles_of: dict[str, dict[int, list[str]]] = {}  # unit -> clause position -> roles, units in order of first mention
    for r in responsibilities:
        roles = roles_of.setdefault(r["unit"], {}).setdefault(at.get(r["clause_id"], -1), [])
        if r["role"] not in roles:
            roles.append(r["role"])
    if len(roles_of) * len(clauses) > MAX_MATRIX_CELLS:
        return (f'<p class="extra">{len(roles_of)} units x {len(clauses)} clauses: too large a matrix for a page; each unit\'s '
                f"clauses are in tasks.csv and responsibilities.csv (sheet 按单位 of tables.xlsx with --xlsx).</p>")
    ids = [_name(_text(c["clause_id"])) for c in clauses]
    head = '<th class="corner">单位 \\ 条目</th>' + "".join(f'<th title="{escape(_text(c["title"]))}">{cid}</th>' for c, cid in zip(clauses, ids, strict=True))
    rows = []
    for unit, cells in roles_of.items():
        name = _name(unit)
        tds = ["<td>"] * len(clauses)  # the empty cells at once: only the filled ones cost a step each
        for i, roles in cells.items():
            if i >= 0:
                tds[i] = (f'<td class="{_name(roles[0])}" title="{name} · {ids[i]} · {" ".join(ROLE_NAMES.get(r, r) for r in roles)}">'
                          f'{"".join(ROLE_LETTERS.get(r, "?") for r in roles)}</td>')
        rows.append(f"<tr><th>{name}</th>{''.join(tds)}</tr>")
    return f'<div class="matrix-wrap"><table class="matrix"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def rows_to_records(name: str, rows: list[tuple]) -> list[Row]:
    """Rows of a table in its schema's column order -> one dict per row, keyed by column name."""
    names = SCHEMAS[name].names
    return [dict(zip(names, row, strict=True)) for row in rows]


def _meta(notice: Row, counts: str) -> str:
    facts = [notice.get(k) for k in ("issuer", "doc_number", "date", "jurisdiction")]
    return f'<p class="meta">{escape(_text(notice["notice_id"]))} · {" · ".join(escape(_text(f)) for f in facts if f)}{" · " if any(facts) else ""}{counts}</p>'


def notice_to_html(rows: dict[str, list[tuple]]) -> str:
    """One notice's rows by table (clauses, responsibilities, issues, notices; as notice_to_rows gives them) -> its
    section of report.html ("" when it has no notices row)."""
    notices, clauses, resp, issues = (rows_to_records(t, rows.get(t, [])) for t in ("notices", "clauses", "responsibilities", "issues"))
    if not notices:
        return ""
    notice = notices[0]
    notice_id = _text(notice["notice_id"])
    units_of: dict[str, list[tuple[str, str, str]]] = {}
    for r in resp:
        units_of.setdefault(r["clause_id"], []).append((r["role"], r["unit"], _text(r["unit_raw"])))
    placed, general = place_issues(clauses, issues)
    counts = f"{len(clauses)} clauses · {len(resp)} responsibilities · {len(issues)} issues"
    parts = [f'<section class="notice" id="n-{escape(notice_id)}"><h2>{escape(_text(notice["title"]) or notice_id)}</h2>',
             _meta(notice, counts)]
    parts += [_issue_html(i) for i in general]
    section = None
    for clause in clauses:
        if clause["section_title"] and clause["section_title"] != section:
            section = clause["section_title"]
            parts.append(f'<h3 class="section">{escape(_text(section))}</h3>')
        parts.append(_clause_html(clause, units_of.get(clause["clause_id"], []), placed.get(clause["clause_id"], [])))
    if resp:
        parts.append(f"<h3>单位 × 条目 Units x clauses</h3>{matrix_html(clauses, resp)}")
    return "".join(parts) + "</section>\n"


def notice_title(rows: dict[str, list[tuple]]) -> tuple[str, str] | None:
    """One notice's rows -> (notice_id, title for the contents), or None when it has no notices row."""
    notices = rows_to_records("notices", rows.get("notices", []))
    return (_text(notices[0]["notice_id"]), _text(notices[0]["title"]) or _text(notices[0]["notice_id"])) if notices else None


def report_head() -> str:
    """-> the start of report.html: the page's head, title and legend; the notices' sections follow."""
    legend = "".join(f'<span><mark class="u {r}">{ROLE_NAMES[r]}</mark></span>' for r in ROLE_ORDER)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
            f"<title>分工报告 fengong report</title><style>{STYLE}</style></head><body>\n"
            f'<header><h1>分工报告 fengong report</h1><p class="legend">{legend} — hover a unit for its canonical name</p></header>\n<main>\n')


def report_tail(contents: list[tuple[str, str]]) -> str:
    """The (notice_id, title) of every notice written -> the end of report.html: the contents (shown at the top)."""
    toc = "".join(f'<li><a href="#n-{escape(n)}">{escape(t)}</a></li>' for n, t in contents)
    return f'</main>\n<nav class="toc"><ul>{toc}</ul></nav>\n<script>{SCRIPT}</script></body></html>\n'
