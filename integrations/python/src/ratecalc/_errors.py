"""The exceptions of the ratecalc package."""
from __future__ import annotations

from typing import Sequence


class RatecalcError(Exception):
    """ratecalc refused the input or failed: ``str(error)`` is the tool's one error line.

    ``message`` is that line without the ``ratecalc: `` prefix, ``status`` the exit status
    (2 for bad input) and ``arguments`` the command line that was run.
    """

    def __init__(self, message: str, status: int = 2, arguments: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.arguments = tuple(arguments)


class BinaryNotFoundError(RatecalcError):
    """No ratecalc executable: neither ``binary=``, ``RATECALC_BINARY`` nor ``ratecalc`` on PATH."""


class OutputError(RatecalcError):
    """ratecalc's output is not what docs/json-schema.json promises (a version mismatch)."""
