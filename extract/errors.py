"""The caller's mistakes: unusable inputs and bad arguments. The document's own problems are Issues."""

from fengong.extract.names import printable


class FengongError(Exception):
    """Base of the errors a caller can cause; the CLI prints them as one line and exits 2."""


class InputError(FengongError):
    """An input file cannot be read as a notice.

    The message names the file and the reason, e.g. ``notice.txt: file is empty``.
    """

    def __init__(self, path: str, reason: str):
        # Shown on one line whatever bytes the file name holds (a GBK name, a line break).
        self.path = printable(str(path))
        self.reason = printable(reason)
        super().__init__(f"{self.path}: {self.reason}")
