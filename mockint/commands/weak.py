"""`mockint weak`: questions flagged weak, weakest first, with why"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from mockint.fmt import clip

if TYPE_CHECKING:
    from mockint.practice.weak import WeakQuestion

HELP = "questions flagged weak, weakest first, with why"
DESCRIPTION = """\
questions flagged weak, weakest first, with why

mockint flags a question weak when an answer scores low, when the same problem (like
missing_result) keeps coming back, or when you keep forgetting it; and when you say so.
Two good answers in a row clear an automatic flag; flags you set stay until you clear them.

examples:
  mockint weak                          the list, weakest first
  mockint weak --json                   as JSON, with which questions share each problem
  mockint weak --mark beh-failure       flag a question yourself
  mockint weak --unmark beh-failure     clear a flag
"""

WIDTH = 72

EMPTY = """\
No weak questions yet.

mockint flags a question weak when an answer scores below {below}, when the same problem
(like missing_result) shows up in {count} of your last {window} answers, or when you keep
forgetting it; you can also flag one yourself with `mockint weak --mark ID`.
Start practicing with `mockint daily`, or log a real interview with `mockint debrief`."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print as JSON")
    parser.add_argument("--mark", metavar="ID", help="flag this question weak yourself")
    parser.add_argument("--reason", metavar="TEXT", help="why (with --mark)")
    parser.add_argument("--unmark", metavar="ID", help="clear this question's weak flag")


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from mockint.banks import load_catalog  # deferred: heavy imports stay out of --help
    from mockint.coach import Coach
    from mockint.config import load_config
    from mockint.errors import MockintError

    config = load_config()
    now = datetime.now(UTC)
    with Coach.open(config, catalog=load_catalog(), recover=False) as coach:
        if args.mark:
            question = coach.catalog.question(args.mark)  # an unknown id names the closest one
            coach.flag_weak(question.id, args.reason, now=now)
            print(f"flagged weak: {question.id}")
            return 0
        if args.unmark:
            if not coach.unflag_weak(args.unmark):
                raise MockintError(f"{args.unmark} is not flagged weak (see `mockint weak`)")
            print(f"cleared: {args.unmark}")
            return 0
        found = coach.weak_questions(now)
        problems = coach.latest_flags()
    if args.json:
        from mockint.commands._common import print_json

        print_json({"questions": [w.to_dict() for w in found], "problems": problems})
        return 0
    if not found:
        print(
            EMPTY.format(
                below=config.practice.weak_below,
                count=config.practice.weak_flag_count,
                window=config.practice.weak_flag_window,
            )
        )
        return 0
    print(render(found))
    return 0


def render(found: list[WeakQuestion]) -> str:
    lines = [f"Weak questions ({len(found)}), weakest first", ""]
    for n, w in enumerate(found, 1):
        scores = ", ".join(str(s) for s in w.last_scores) or "not answered yet"
        lines.append(f"{n:>2}. {clip(w.text, WIDTH - 4)}")
        lines.append(f"    {w.question_id} · last scores: {scores}")
        for reason in w.reasons:
            lines.append(f"    - {reason}")
    lines += ["", "Drill them in the app: mockint practice --question ID"]
    return "\n".join(lines)
