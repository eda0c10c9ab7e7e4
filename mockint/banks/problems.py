"""Located problems in bank files: :class:`Problem`, :class:`BankError`, and the parsed
document that collects them while a file is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mockint.errors import MockintError

MAX_PROBLEMS = 100
"""Problems listed per file; a file with more is reported with a count of the rest."""


class BankError(MockintError):
    """A bank file (or several) that cannot be used; ``details`` holds every located problem,
    one ``file:line:column: field: message`` line each."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a bank file, at a place a person can go and fix."""

    path: str
    line: int | None
    """1-based; None for problems with the whole file (too big, unreadable)."""
    column: int | None
    """1-based."""
    field: str
    """Where in the bank, e.g. ``questions[3].target_seconds``; empty for the file itself."""
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}:{self.column}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class _Abort(Exception):
    """Reading cannot go on (a syntax error, a bomb): the problems so far are all there is."""


_Mark = tuple[int, int]
_Path = tuple[str | int, ...]


@dataclass
class _Doc:
    """A parsed file: plain data and where each value (and each mapping key) starts."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    marks: dict[_Path, _Mark] = field(default_factory=dict)
    key_marks: dict[_Path, _Mark] = field(default_factory=dict)
    unreadable: set[_Path] = field(default_factory=set)
    """Values already reported while reading (a bad tag, a number too big): the schema's
    complaints about them would only repeat the problem."""

    def add(self, at: _Path, message: str, *, key: bool = False) -> None:
        line, col = self.locate(at, key=key)
        self.problems.append(Problem(self.path, line, col, _field_name(at), message))

    def locate(self, at: _Path, *, key: bool = False) -> _Mark:
        """The line:column of ``at`` or, when it does not exist (a missing field), of the
        nearest enclosing value."""
        if key and at in self.key_marks:
            return self.key_marks[at]
        while at and at not in self.marks:
            at = at[:-1]
        return self.marks.get(at, (1, 1))


def _field_name(at: _Path) -> str:
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
