"""Text the user gives as a file (a job posting, an interview transcript): read whole, with
one clear error for anything that cannot be such a text."""

from __future__ import annotations

import stat
from pathlib import Path

from mockint.errors import MockintError

MAX_BYTES = 1_000_000
"""Postings and transcripts are a few KB; anything this big is the wrong file."""


def read_text_file(path: Path, what: str) -> str:
    """The text of ``path``; ``what`` names it in errors ("the posting", "the transcript")."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise MockintError(f"{path}: no such file (give {what} as a text file)") from None
    except OSError as exc:
        raise MockintError(f"cannot read {path} ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise MockintError(f"{path} is a folder: give {what} as a text file")
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read forever
        raise MockintError(
            f"{path} is not a regular file (a pipe or a device): save {what} to a file first"
        )
    if info.st_size > MAX_BYTES:
        raise MockintError(
            f"{path} is {info.st_size / 1e6:.1f} MB: {what} is text under 1 MB; "
            "is it the right file?"
        )
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MockintError(f"{path} is not UTF-8 text: save {what} as plain text") from None
    except OSError as exc:
        raise MockintError(f"cannot read {path} ({exc.strerror})") from None
