"""What a file given as a recording turns out to be, when it is not one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mockint.errors import MockintError


class TextNotAudio(MockintError):
    """A text file given where a recording goes (a written draft, notes): each front end
    adds how it scores text instead."""


def looks_like_text(path: Path) -> bool:
    """Whether ``path`` starts as readable text: audio containers hold NUL bytes or bytes
    that are not UTF-8 within their first few hundred bytes."""
    try:
        with path.open("rb") as f:
            head = f.read(2048)
    except OSError:
        return False
    if not head or b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # only a character cut at the end of the block
    return True


@contextmanager
def refusing_text(path: Path) -> Iterator[None]:
    """Turn a decoder's "not audio" about a text file into :class:`TextNotAudio`."""
    try:
        yield
    except TextNotAudio:
        raise
    except MockintError as exc:
        if looks_like_text(path):
            raise TextNotAudio(f"{path}: this is a text file, not a recording") from exc
        raise
