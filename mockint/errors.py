"""The one error type users see.

Anything raised as :class:`MockintError` is printed by the CLI as a single line,
``mockint: error: <message>``, with exit code 2 and no traceback. Raise it for every problem
the user can fix (bad input, missing device, unreadable file); let real bugs raise normally.
"""

from __future__ import annotations


class MockintError(Exception):
    """A problem the user can act on; ``str(error)`` is the whole message."""

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        #: Further lines (e.g. every located problem in a bank file), printed after the message.
        self.details: list[str] = list(details or [])
