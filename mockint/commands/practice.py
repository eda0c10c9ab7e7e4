"""`mockint practice`: practice questions in the app (a bank, one question, or a few)"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from mockint.commands._common import require_terminal
from mockint.errors import MockintError

if TYPE_CHECKING:
    from mockint.coach import Coach

HELP = "practice questions in the app (a bank, one question, or a few)"
DESCRIPTION = """\
Practice questions in the app: today's plan by default, or a bank (--bank), one question
(--question) or your weak questions (--drill, optionally only those with one problem, e.g.
--drill missing_result). --count limits how many.

examples:
  mockint practice --bank behavioral-core --count 3
  mockint practice --question beh-conflict-coworker
  mockint practice --drill filler_heavy
  mockint practice --job job-staff-nurse   the set `mockint job POSTING` made"""

DRILL_ALL = "*"
MAX_COUNT = 1000
"""More questions than any bank set holds; past it a number is a typo (or an overflow)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bank", metavar="B", help="practice questions from this bank")
    parser.add_argument("--question", metavar="ID", help="practice this one question")
    parser.add_argument("--count", metavar="N", type=int, help="how many questions")
    parser.add_argument(
        "--job", metavar="NAME", help="practice a job's set (made by `mockint job POSTING`)"
    )
    parser.add_argument(
        "--drill",
        metavar="FLAG",
        nargs="?",
        const=DRILL_ALL,
        help="drill weak questions; with FLAG, those whose last answer had it (e.g. hedging)",
    )


def run(args: argparse.Namespace) -> int:
    from mockint.coach import Coach
    from mockint.config import load_config

    # One Coach for the checks and the app: the config and banks are read and the store
    # opened once, each when first needed (a bad --count is refused before any of them).
    coach = Coach.open(load_config, shared=True)
    try:
        validate(args, coach)
        require_terminal("mockint practice")
    except BaseException:
        coach.close()
        raise
    from mockint.tui.app import run_app

    if args.drill is not None:
        flag = None if args.drill == DRILL_ALL else args.drill
        return run_app(coach.config, start="drill", count=args.count, drill_flag=flag, coach=coach)
    return run_app(
        coach.config,
        start="practice",
        bank=args.bank,
        question=args.question,
        count=args.count,
        job=args.job,
        coach=coach,
    )


def validate(args: argparse.Namespace, coach: Coach | None = None) -> None:
    """Reject bad input before the app opens, so it gets a one-line error (an unknown name
    with the closest id, not an empty practice screen). ``coach``: the one the app will run
    on; without it, one is opened for the checks alone."""
    if coach is None:
        from mockint.coach import Coach
        from mockint.config import load_config

        with Coach.open(load_config) as own:
            validate(args, own)
        return
    if args.count is not None and not 1 <= args.count <= MAX_COUNT:
        raise MockintError(
            f"--count must be 1 or more (at most {MAX_COUNT}), not {str(args.count)[:30]}"
        )
    if args.drill is not None and (args.bank or args.question):
        raise MockintError("--drill picks its own questions: leave out --bank and --question")
    if args.job and (args.bank or args.question or args.drill is not None):
        raise MockintError("--job picks its own questions: leave out --bank, --question, --drill")
    if args.job and not coach.job_questions(args.job):
        raise MockintError(f"job {args.job!r} has no questions left in your banks")
    if args.drill not in (None, DRILL_ALL):
        from mockint.scoring.result import FLAGS

        if args.drill not in FLAGS:
            raise MockintError(
                f"unknown flag {args.drill!r} for --drill (known: {', '.join(FLAGS)})"
            )
    if args.bank or args.question:
        catalog = coach.catalog
        if args.question:
            question = catalog.question(args.question)
            if args.bank and question.bank != args.bank:
                raise MockintError(
                    f"question {args.question!r} is in bank {question.bank!r}, not {args.bank!r}"
                )
        if args.bank:
            catalog.bank(args.bank)
