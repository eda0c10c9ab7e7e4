"""`mockint interview`: a mock interview in the app, feedback for all answers at the end"""

from __future__ import annotations

import argparse

from mockint.errors import MockintError

HELP = "a mock interview: questions back to back, feedback for all at the end"
DESCRIPTION = """\
A mock interview in the app: an opener ("Tell me about yourself"), behavioral questions and
your job's (the banks in your config's practice.banks, or --bank), then a closing question.
Each question is read aloud, then your answer is recorded; space ends it and the next
question follows, with no feedback until the end. The end shows every answer's feedback and
the interview as a whole: the overall score, your strongest and weakest answer, the problems
that came back, and what to practise next. Esc asks before ending; answers so far are kept.

examples:
  mockint interview
  mockint interview --count 3
  mockint interview --bank software-engineering --count 6"""

MAX_COUNT = 20
"""Longer than any real interview's question list."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--count", metavar="N", type=int, help="how many questions (default 5)")
    parser.add_argument(
        "--bank", metavar="B", help="the core questions come from this bank (see `banks list`)"
    )


def run(args: argparse.Namespace) -> int:
    validate(args)
    from mockint.config import load_config
    from mockint.tui.app import run_app

    return run_app(load_config(), start="interview", bank=args.bank, count=args.count)


def validate(args: argparse.Namespace) -> None:
    """Reject bad input before the app opens, so it gets a one-line error."""
    if args.count is not None and not 1 <= args.count <= MAX_COUNT:
        raise MockintError(f"--count must be from 1 to {MAX_COUNT}, not {args.count}")
    if args.bank:
        from mockint.banks import load_catalog

        load_catalog().bank(args.bank)
