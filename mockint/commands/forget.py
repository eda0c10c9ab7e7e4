"""`mockint forget`: delete attempts, their audio and their rows.

Asks before deleting when run in a terminal; elsewhere (scripts, pipes) it needs ``--yes``.
Deleted rows are overwritten (SQLite ``secure_delete``) and the write-ahead log emptied, and
``--all`` also compacts the database, so no deleted transcript lingers on disk. One attempt:
its row, audio and transcript (the practice schedule is kept). ``--all``: everything you gave
(see DESCRIPTION). A forget cut off midway is finished the next time mockint opens.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from mockint.commands._common import attempt_id, count

if TYPE_CHECKING:
    from mockint.coach import Coach

HELP = "delete attempts: their audio and their rows"
DESCRIPTION = """\
Delete one attempt (its audio, transcript and score), or with --all everything you gave:
every attempt and its audio, the files mockint made under recordings/, sessions, review
history, the practice schedule, weak flags and their reasons, and your debriefs (company,
role, feedback; banks/debriefs.yaml). Kept: config.yaml and the other banks under banks/
(settings and question lists, not answers); delete them yourself if you want.
Asks first in a terminal; in scripts add --yes.

examples:
  mockint forget 12            delete attempt 12
  mockint forget --all --yes   delete everything, without asking"""


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
            return _forget_all(coach, args.yes)
        attempt = coach.attempt(attempt_id(args.attempt))
        question = f" ({attempt.question_id})" if attempt.question_id else ""
        if not _confirm(f"Delete attempt {attempt.id}{question} and its audio?", args.yes):
            print("Nothing deleted.")
            return 0
        coach.forget(attempt.id)
        print(f"Deleted attempt {attempt.id}.")
    return 0


def _forget_all(coach: Coach, yes: bool) -> int:
    from mockint import paths

    found = coach.forget_inventory()
    if not found.anything:
        print("Nothing to forget: there are no attempts, debriefs or recordings.")
        return 0
    what = "the only attempt" if found.attempts == 1 else f"all {found.attempts} attempts"
    if not _confirm(
        f"Delete {what} with their audio, and every debrief, review and weak flag?", yes
    ):
        print("Nothing deleted.")
        return 0
    gone = coach.forget_all()
    print(
        f"Deleted {count(gone.attempts, 'attempt')} and their audio ({count(gone.files, 'file')}"
        f" under recordings/), {count(gone.debriefs, 'debrief')}, and the practice history "
        "(sessions, reviews, schedule, weak flags)."
    )
    kept = [f"banks/{p.name}" for p in sorted(paths.user_banks_dir().glob("*.yaml"))]
    if paths.config_path().exists():
        kept.insert(0, "config.yaml")
    if kept:
        print(f"Kept (settings and questions, not answers): {', '.join(kept)}.")
    return 0


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
