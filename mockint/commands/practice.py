"""`mockint practice`: practice questions in the app (a bank, one question, or a few)"""

from __future__ import annotations

import argparse

from mockint.commands._common import require_terminal
from mockint.errors import MockintError

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
    validate(args)
    require_terminal("mockint practice")
    from mockint.config import load_config
    from mockint.tui.app import run_app

    config = load_config()
    if args.bank or args.question:
        from mockint.banks import load_catalog

        # Before the app opens: an unknown name is a one-line error with the closest id,
        # not an empty practice screen.
        catalog = load_catalog()
        if args.bank:
            catalog.bank(args.bank)
        if args.question:
            catalog.question(args.question)
    if args.drill is not None:
        flag = None if args.drill == DRILL_ALL else args.drill
        return run_app(config, start="drill", count=args.count, drill_flag=flag)
    return run_app(
        config,
        start="practice",
        bank=args.bank,
        question=args.question,
        count=args.count,
        job=args.job,
    )


def validate(args: argparse.Namespace) -> None:
    """Reject bad input before the app opens, so it gets a one-line error."""
    if args.count is not None and not 1 <= args.count <= MAX_COUNT:
        raise MockintError(
            f"--count must be 1 or more (at most {MAX_COUNT}), not {str(args.count)[:30]}"
        )
    if args.drill is not None and (args.bank or args.question):
        raise MockintError("--drill picks its own questions: leave out --bank and --question")
    if args.job and (args.bank or args.question or args.drill is not None):
        raise MockintError("--job picks its own questions: leave out --bank, --question, --drill")
    if args.job:
        from mockint.coach import Coach
        from mockint.config import load_config

        with Coach.open(load_config()) as coach:
            if not coach.job_questions(args.job):
                raise MockintError(f"job {args.job!r} has no questions left in your banks")
    if args.drill not in (None, DRILL_ALL):
        from mockint.scoring.result import FLAGS

        if args.drill not in FLAGS:
            raise MockintError(
                f"unknown flag {args.drill!r} for --drill (known: {', '.join(FLAGS)})"
            )
    if args.bank or args.question:
        from mockint.banks import load_catalog

        catalog = load_catalog()
        if args.question:
            question = catalog.question(args.question)
            if args.bank and question.bank != args.bank:
                raise MockintError(
                    f"question {args.question!r} is in bank {question.bank!r}, not {args.bank!r}"
                )
        if args.bank:
            catalog.bank(args.bank)
