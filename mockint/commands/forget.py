"""`mockint forget`: delete attempts, their audio and their rows.

Asks before deleting when run in a terminal; elsewhere (scripts, pipes) it needs ``--yes``.
Deleted rows are overwritten (SQLite ``secure_delete``) and the write-ahead log emptied, and
``--all`` also compacts the database, so no deleted transcript lingers on disk. The practice
schedule (which questions are due) is kept; `--all` removes every attempt and session.
"""

from __future__ import annotations

import argparse
import sys

from mockint.commands._common import count

HELP = "delete attempts: their audio and their rows"
DESCRIPTION = """\
Delete one attempt, or all of them, with their audio and transcripts.
Asks first in a terminal; in scripts add --yes. The practice schedule is kept."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("attempt", metavar="ATTEMPT", nargs="?", help="attempt id")
    parser.add_argument("--all", action="store_true", help="delete every attempt")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def run(args: argparse.Namespace) -> int:
    from mockint.coach import Coach
    from mockint.config import load_config
    from mockint.errors import MockintError

    if bool(args.attempt) == bool(args.all):
        raise MockintError("give an attempt id or --all (see `mockint history` for the ids)")
    with Coach.open(load_config) as coach:
        if args.all:
            total = coach.count_attempts()
            if not total:
                print("Nothing to forget: there are no attempts.")
                return 0
            what = "the only attempt" if total == 1 else f"all {total} attempts"
            if not _confirm(f"Delete {what}: audio, transcripts and scores?", args.yes):
                print("Nothing deleted.")
                return 0
            deleted = coach.forget_all()
            print(f"Deleted {count(deleted, 'attempt')} and their audio.")
            return 0
        attempt = coach.attempt(_attempt_id(args.attempt))
        question = f" ({attempt.question_id})" if attempt.question_id else ""
        if not _confirm(f"Delete attempt {attempt.id}{question} and its audio?", args.yes):
            print("Nothing deleted.")
            return 0
        coach.forget(attempt.id)
        print(f"Deleted attempt {attempt.id}.")
    return 0


def _attempt_id(text: str) -> int:
    from mockint.errors import MockintError

    try:
        return int(text.lstrip("#"))
    except ValueError:
        raise MockintError(
            f"ATTEMPT is an attempt id (a number), not {text!r}: see `mockint history`"
        ) from None


def _confirm(question: str, yes: bool) -> bool:
    """True to go ahead. Asks on a terminal; elsewhere only ``--yes`` goes ahead."""
    from mockint.errors import MockintError

    if yes:
        return True
    if not sys.stdin.isatty():
        raise MockintError("not a terminal, so cannot ask before deleting: add --yes to confirm")
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")
