import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

SAMPLE = ROOT / "samples" / "changzhou-2019-credit-task-division" / "changzhou-2019-credit-task-division.txt"


@pytest.fixture(autouse=True, scope="session")
def _no_user_cache(tmp_path_factory):
    """The CLI caches results in $XDG_CACHE_HOME/fengong by default: tests (and the commands they start) use a
    folder of their own, never the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield

