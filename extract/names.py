"""Names as people see them: any string (a file name with undecodable bytes, a line break) -> one printable line."""

from __future__ import annotations

import os
import re

# Lone surrogates are how Python keeps the bytes of a file name that is not UTF-8 (GBK names from a zip archive);
# control characters and line separators would break a one-line message in two.
_UNPRINTABLE = re.compile(r"[\ud800-\udfff\x00-\x1f\x7f-\x9f\u2028\u2029]")
REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """Any string -> the same string with undecodable bytes and control characters shown as U+FFFD, on one line."""
    return _UNPRINTABLE.sub(REPLACEMENT, text)


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as given, whatever bytes its name holds -> a printable one-line string naming it."""
    return printable(os.fspath(path))
