"""Diff of assignments between two versions of a notice: match clauses, derive changes, report them.

The steps are separate modules (match, changes, report); `fengong.diff` runs them in order.
"""
