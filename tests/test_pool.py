"""Worker processes with hard limits: a file that runs too long or takes too much memory is stopped, the rest read."""

import os
import time

import pytest

from fengong.pool import Limits, Pool


def _work(item):
    kind, value = item
    if kind == "sleep":
        time.sleep(value)
    elif kind == "memory":
        blocks = [bytearray(64 * 1024**2) for _ in range(value)]  # value × 64 MB, touched
        return len(blocks)
    elif kind == "crash":
        os._exit(3)
    elif kind == "raise":
        raise ValueError("bad")
    return value


def _lost(item, reason):
    return f"lost:{reason}"


def _run(items, jobs=2, seconds=5.0, memory=512 * 1024**2):
    pool = Pool(_work, _lost, jobs, Limits(seconds, memory))
    start = time.monotonic()
    return list(pool.map(items)), time.monotonic() - start


def test_results_come_in_input_order_whatever_finishes_first():
    items = [("sleep", 0.3), ("value", 1), ("sleep", 0.1), ("value", 2), ("value", 3)]
    assert _run(items)[0] == [0.3, 1, 0.1, 2, 3]


def test_an_item_over_the_time_limit_is_killed_and_the_others_go_on():
    results, elapsed = _run([("value", 1), ("sleep", 60), ("value", 2)], seconds=1.0)
    assert results == [1, "lost:time", 2] and elapsed < 20


def test_an_item_over_the_memory_limit_is_stopped_and_the_others_go_on():
    results, _ = _run([("memory", 40), ("value", 7)], memory=256 * 1024**2)  # 2.5 GB asked, 256 MB allowed
    assert results == ["lost:memory", 7]


def test_a_crashing_or_raising_item_does_not_stop_the_batch():
    results, _ = _run([("crash", 0), ("raise", 0), ("value", 5)], jobs=1)
    assert results[0] == "lost:died" and results[1].startswith("lost:error: ValueError") and results[2] == 5


def test_limits_must_be_positive():
    with pytest.raises(ValueError):
        Limits(0, 1)
