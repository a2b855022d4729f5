"""Diff, step 3: changes -> reports for people: diff.md and diff.html (see outputs/diff/html.py).

Both show each clause with its title, a text change marked character by character (difflib), and the units of
added and removed clauses; renumbering is summarised per section.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from fengong.outputs.diff.changes import CONTENT_CHANGES, Change
from fengong.outputs.diff.match import Match, VClause

# Above this many character pairs a changed middle is shown as one deletion and one insertion: difflib's matching
# grows with the product of the lengths, and a change that large is read as a whole anyway.
MAX_DIFF_CELLS = 4_000_000
ROLE_NAMES = {"lead": "牵头 lead", "support": "配合 support", "responsible": "责任 responsible"}


@dataclass(frozen=True, slots=True)
class Versions:
    """Both versions' clauses by id, for titles and units of the clauses a change names."""

    old: dict[str, VClause]
    new: dict[str, VClause]

    def title(self, change: Change) -> str:
        """A change -> the title of its clause (the new one where there is one), or the start of its text."""
        clause = self.new.get(change.new_clause_id or "") or self.old.get(change.old_clause_id or "")
        if clause is None:
            return ""
        return clause.title or (clause.text[:30] + ("…" if len(clause.text) > 30 else ""))

    def units(self, change: Change) -> tuple[tuple[str, str], ...]:
        """A clause-added or clause-removed change -> the (role, unit) pairs of that clause, in written order."""
        clause = self.new.get(change.new_clause_id or "") if change.change == "clause-added" else self.old.get(change.old_clause_id or "")
        return clause.units if clause else ()


def matches_to_versions(matches: Iterable[Match]) -> Versions:
    """Matched clauses -> both versions' clauses by id."""
    old, new = {}, {}
    for m in matches:
        if m.old is not None:
            old[m.old.clause_id] = m.old
        if m.new is not None:
            new[m.new.clause_id] = m.new
    return Versions(old, new)


def char_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Two texts -> runs of ("=", same), ("-", only in old), ("+", only in new) that turn old into new."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    a, b = old[head:len(old) - tail], new[head:len(new) - tail]
    runs = [("=", old[:head])]
    if len(a) * len(b) > MAX_DIFF_CELLS:
        runs += [("-", a), ("+", b)]
    else:
        for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op == "equal":
                runs.append(("=", a[i1:i2]))
            else:
                runs += [("-", a[i1:i2]), ("+", b[j1:j2])]
    runs.append(("=", old[len(old) - tail:] if tail else ""))
    return [r for r in runs if r[1]]


def runs_to_markdown(runs: list[tuple[str, str]]) -> str:
    """Character runs -> one line, deletions as [-…-] and insertions as {+…+} (readable as plain text)."""
    return "".join(text if op == "=" else f"[-{text}-]" if op == "-" else f"{{+{text}+}}" for op, text in runs)


def units_to_text(units: Iterable[tuple[str, str]]) -> str:
    """(role, unit) pairs -> 牵头 lead: X、Y; 配合 support: Z."""
    by_role: dict[str, list[str]] = {}
    for role, unit in units:
        by_role.setdefault(role, []).append(unit)
    return "; ".join(f"{ROLE_NAMES.get(role, role)}: {'、'.join(names)}" for role, names in by_role.items()) or "none"


def _section_of(clause_id: str) -> str:
    parts = clause_id.split("-")
    return "-".join(parts[:2]) if parts[0].startswith("A") else parts[0]


def renumbering_by_section(changes: list[Change]) -> dict[str, list[Change]]:
    """Changes -> the clause-renumbered ones grouped by the section of their new id, in order."""
    by_section: dict[str, list[Change]] = {}
    for c in changes:
        if c.change == "clause-renumbered":
            by_section.setdefault(_section_of(c.new_clause_id or ""), []).append(c)
    return by_section


def _change_lines(c: Change, versions: Versions) -> list[str]:
    where = " -> ".join(x for x in (c.old_clause_id, c.new_clause_id) if x)
    title = versions.title(c)
    head = f"- **{c.change}** {where}" + (f" 「{title}」" if title else "")
    if c.change in ("unit-added", "unit-removed"):
        return [f"{head}: {c.unit} ({c.role})"]
    if c.change == "role-changed":
        return [f"{head}: {c.unit} {c.old_role} -> {c.new_role}"]
    lines = [head + (f" (similarity {c.similarity:.2f})" if c.similarity is not None else "")]
    if c.change == "text-changed":
        return lines + [f"  - 改 marked: {runs_to_markdown(char_diff(c.old_text or '', c.new_text or ''))}"]
    lines += [f"  - 旧 old: {c.old_text}"] if c.old_text else []
    lines += [f"  - 新 new: {c.new_text}"] if c.new_text else []
    return lines + [f"  - 单位 units: {units_to_text(versions.units(c))}"]


def changes_to_markdown(changes: list[Change], old_name: str, new_name: str, matches: Iterable[Match] = ()) -> str:
    """Changes (and the matches they came from, for titles and units) -> diff.md: counts per type, each content change
    with its clause title (text changes marked [-deleted-]{+inserted+}, added and removed clauses with their units),
    renumbering per section."""
    versions = matches_to_versions(matches)
    lines = [f"# 分工变化 / Changes: {old_name} -> {new_name}", ""]
    counts = {kind: sum(1 for c in changes if c.change == kind) for kind in CONTENT_CHANGES + ("clause-renumbered",)}
    lines += ["| change | count |", "|---|---|"] + [f"| {k} | {v} |" for k, v in counts.items()] + [""]
    if not changes:
        lines.append("No changes: the two versions assign the same units to the same clauses.")
        return "\n".join(lines) + "\n"
    content = [c for c in changes if c.change != "clause-renumbered"]
    if content:
        lines += ["## Content changes", "", "Text changes: [-deleted-]{+inserted+}.", ""]
    for c in content:
        lines += _change_lines(c, versions)
    renumbered = renumbering_by_section(changes)
    if renumbered:
        lines += ["", "## Renumbering", ""]
        for section, items in renumbered.items():
            pairs = ", ".join(f"{c.old_clause_id}->{c.new_clause_id}" for c in items)
            lines.append(f"- {section}: {len(items)} renumbered ({pairs})")
    return "\n".join(lines) + "\n"
