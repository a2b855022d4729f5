"""The anchored alignment of `fengong diff` gives the pairs the exhaustive one gives, in near-linear time."""

import random
from dataclasses import replace

import pytest

from fengong.normalize.registry import default_registry
from fengong.outputs.diff.match import _align, _align_exhaustively, _key, match_clauses
from fengong.pipeline import path_to_version

from conftest import SAMPLE

V = path_to_version(SAMPLE, default_registry())


def _edited(version, rng, edits):
    """A version -> a copy with `edits` random deletions, insertions, rewordings and unit changes."""
    clauses = list(version)
    for n in range(edits):
        kind, at = rng.choice(["delete", "insert", "reword", "units"]), rng.randrange(len(clauses))
        if kind == "delete":
            del clauses[at]
        elif kind == "insert":
            clauses.insert(at, replace(rng.choice(version), clause_id=f"new{n}", text=f"新增任务{n}：" + rng.choice(version).text[:30]))
        elif kind == "reword":
            clauses[at] = replace(clauses[at], text=clauses[at].text[:-3] + "并加强督查。")
        else:
            clauses[at] = replace(clauses[at], units=clauses[at].units[1:] + (("support", "市文明办"),))
    return tuple(clauses)


def _pairs(old, new, exhaustive):
    found: dict = {}
    if exhaustive:
        _align_exhaustively(old, new, range(len(old)), range(len(new)), found)
    else:
        _align(old, new, ([_key(c) for c in old], [_key(c) for c in new]), range(len(old)), range(len(new)), found)
    return found


@pytest.mark.parametrize("seed", range(12))
def test_anchored_alignment_equals_the_exhaustive_one(seed):
    rng = random.Random(seed)
    new = _edited(V, rng, rng.randrange(1, 15))
    assert _pairs(V, new, exhaustive=False) == _pairs(V, new, exhaustive=True)


def test_a_notice_that_repeats_its_clauses_is_still_diffed_by_anchors():
    """Forty copies of the notice, with no clause found once: equal runs and equal clauses anchor the alignment."""
    old = V * 40
    new = V * 20 + V[1:] + V * 19
    matches = match_clauses(old, new)
    assert sum(1 for m in matches if m.how == "removed") == 1 and sum(1 for m in matches if m.how == "added") == 0
