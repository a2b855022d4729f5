"""Diff, step 3: changes -> a short report for people (diff.md)."""

from __future__ import annotations

from fengong.outputs.diff.changes import CONTENT_CHANGES, Change


def _section_of(clause_id: str) -> str:
    parts = clause_id.split("-")
    return "-".join(parts[:2]) if parts[0].startswith("A") else parts[0]


def changes_to_markdown(changes: list[Change], old_name: str, new_name: str) -> str:
    """Changes -> a short readable report: counts per type, each content change with both texts, renumbering per section."""
    lines = [f"# 分工变化 / Changes: {old_name} -> {new_name}", ""]
    counts = {kind: sum(1 for c in changes if c.change == kind) for kind in CONTENT_CHANGES + ("clause-renumbered",)}
    lines += ["| change | count |", "|---|---|"] + [f"| {k} | {v} |" for k, v in counts.items()] + [""]
    if not changes:
        lines.append("No changes: the two versions assign the same units to the same clauses.")
        return "\n".join(lines) + "\n"
    content = [c for c in changes if c.change != "clause-renumbered"]
    if content:
        lines.append("## Content changes")
        lines.append("")
    for c in content:
        where = " -> ".join(x for x in (c.old_clause_id, c.new_clause_id) if x)
        if c.change in ("unit-added", "unit-removed"):
            lines.append(f"- **{c.change}** {where}: {c.unit} ({c.role})")
        elif c.change == "role-changed":
            lines.append(f"- **{c.change}** {where}: {c.unit} {c.old_role} -> {c.new_role}")
        else:
            lines.append(f"- **{c.change}** {where}" + (f" (similarity {c.similarity:.2f})" if c.similarity is not None else ""))
            if c.old_text:
                lines.append(f"  - 旧 old: {c.old_text}")
            if c.new_text:
                lines.append(f"  - 新 new: {c.new_text}")
    renumbered = [c for c in changes if c.change == "clause-renumbered"]
    if renumbered:
        lines += ["", "## Renumbering", ""]
        by_section: dict[str, list[Change]] = {}
        for c in renumbered:
            by_section.setdefault(_section_of(c.new_clause_id or ""), []).append(c)
        for section, items in by_section.items():
            pairs = ", ".join(f"{c.old_clause_id}->{c.new_clause_id}" for c in items)
            lines.append(f"- {section}: {len(items)} renumbered ({pairs})")
    return "\n".join(lines) + "\n"
