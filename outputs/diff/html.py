"""Diff, step 3 for browsers: changes -> diff.html, one self-contained page (inline styles, no script, no network)."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from fengong.outputs.diff.changes import CONTENT_CHANGES, Change
from fengong.outputs.diff.match import Match
from fengong.outputs.diff.report import ROLE_NAMES, Versions, char_diff, matches_to_versions, renumbering_by_section

STYLE = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:0 auto;
max-width:1100px;padding:0 1em 3em;color:#222;line-height:1.6}
h1{font-size:1.4em}table.counts{border-collapse:collapse}.counts td,.counts th{border:1px solid #ccc;padding:2px 8px}
.change{border-top:1px solid #e5e5e5;padding:.5em 0}.kind{font-weight:bold;margin-right:.5em}
.kind.clause-added,.kind.unit-added{color:#15803d}.kind.clause-removed,.kind.unit-removed{color:#b91c1c}
.kind.text-changed,.kind.role-changed{color:#92400e}
.cid{font-family:monospace;background:#eee;padding:0 .4em;border-radius:3px}
del{background:#fde2e1;color:#991b1b}ins{background:#dcfce7;color:#14532d;text-decoration:underline}
.removed{background:#fef2f2}.added{background:#f0fdf4}.text{margin:.2em 0 .2em 1em}
.u{padding:0 3px;border-bottom:3px solid;margin-right:.3em}
.u.lead{background:#fde2e1;border-color:#c0392b}.u.support{background:#dbeafe;border-color:#1d4ed8;border-bottom-style:dashed}
.u.responsible{background:#dcfce7;border-color:#15803d;border-bottom-style:dotted}
"""


def _unit(role: str | None, unit: str | None) -> str:
    role = role or ""
    return f'<span class="u {escape(role)}" data-role="{escape(role)}" title="{escape(ROLE_NAMES.get(role, role))}">{escape(unit or "")}</span>'


def runs_to_html(runs: list[tuple[str, str]]) -> str:
    """Character runs (see char_diff) -> HTML with <del> and <ins> around the changed characters."""
    tags = {"-": "del", "+": "ins"}
    return "".join(escape(t) if op == "=" else f"<{tags[op]}>{escape(t)}</{tags[op]}>" for op, t in runs)


def _change_html(c: Change, versions: Versions) -> str:
    ids = " → ".join(f'<span class="cid">{escape(x)}</span>' for x in (c.old_clause_id, c.new_clause_id) if x)
    title = versions.title(c)
    head = f'<span class="kind {c.change}">{c.change}</span>{ids} <b>{escape(title)}</b>'
    if c.change in ("unit-added", "unit-removed"):
        body = _unit(c.role, c.unit)
    elif c.change == "role-changed":
        body = f"{_unit(c.old_role, c.unit)} → {_unit(c.new_role, c.unit)}"
    elif c.change == "text-changed":
        body = f'<p class="text">{runs_to_html(char_diff(c.old_text or "", c.new_text or ""))}</p>'
        head += f" (similarity {c.similarity:.2f})" if c.similarity is not None else ""
    else:
        side = "removed" if c.change == "clause-removed" else "added"
        units = "".join(_unit(role, unit) for role, unit in versions.units(c)) or "no units"
        body = f'<p class="text {side}">{escape(c.old_text or c.new_text or "")}</p><p class="text">单位 units: {units}</p>'
    return f'<div class="change">{head}<div>{body}</div></div>'


def changes_to_html(changes: list[Change], old_name: str, new_name: str, matches: Iterable[Match] = ()) -> str:
    """Changes (and the matches they came from) -> diff.html: counts, each content change with its clause title, text
    changes marked character by character, added and removed clauses with their units, renumbering per section."""
    versions = matches_to_versions(matches)
    counts = {kind: sum(1 for c in changes if c.change == kind) for kind in CONTENT_CHANGES + ("clause-renumbered",)}
    parts = [f"<h1>分工变化 Changes: {escape(old_name)} → {escape(new_name)}</h1>",
             '<table class="counts"><tr><th>change</th><th>count</th></tr>'
             + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in counts.items()) + "</table>"]
    content = [c for c in changes if c.change != "clause-renumbered"]
    if not changes:
        parts.append("<p>No changes: the two versions assign the same units to the same clauses.</p>")
    if content:
        parts.append("<h2>Content changes</h2>" + "".join(_change_html(c, versions) for c in content))
    renumbered = renumbering_by_section(changes)
    if renumbered:
        parts.append("<h2>Renumbering</h2><ul>" + "".join(
            f"<li>{escape(section)}: {len(items)} renumbered ("
            + ", ".join(f"{escape(c.old_clause_id or '')}→{escape(c.new_clause_id or '')}" for c in items) + ")</li>"
            for section, items in renumbered.items()) + "</ul>")
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>分工变化 {escape(old_name)} → {escape(new_name)}</title>'
            f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>\n")
