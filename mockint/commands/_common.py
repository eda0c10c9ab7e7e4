"""Small helpers shared by command modules."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from mockint.fmt import count

__all__ = ["count", "print_json"]


def print_json(obj: Any) -> None:
    """Print ``obj`` as pretty JSON on stdout (the machine-readable form of every command)."""
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


MAX_ID = 2**63 - 1
"""SQLite's largest integer: no attempt id, count or limit can be larger."""


def attempt_id(text: str) -> int:
    """An ATTEMPT argument (``12`` or ``#12``) as an id; a one-line error for anything else."""
    from mockint.errors import MockintError

    try:
        value = int(text.lstrip("#"))
    except ValueError:
        raise MockintError(
            f"ATTEMPT is an attempt id (a number), not {text!r}: see `mockint history`"
        ) from None
    if not 1 <= value <= MAX_ID:
        raise MockintError(f"no attempt {text[:30]}: ids are 1 or more; see `mockint history`")
    return value


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type`` for a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be {low} to {high}, not {text[:30]}")
        return value

    return parse


def require_terminal(what: str) -> None:
    """Refuse to open the app (and its microphone) without a terminal to show it in: run
    from a script, a pipe or cron it would record with nobody watching."""
    from mockint.errors import MockintError

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise MockintError(
            f"{what} needs a terminal (standard input and output are not one): run it in a "
            "terminal window; for scripts see `mockint score` and `mockint daily --list`"
        )
