"""`mockint daily`: today's plan: due and weak questions first, then new ones"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from mockint import fmt
from mockint.commands._common import count
from mockint.fmt import clip

if TYPE_CHECKING:
    from mockint.practice.plan import DailyPlan
    from mockint.practice.streaks import Streak

HELP = "today's plan: due and weak questions first, then new ones"
DESCRIPTION = """\
today's plan: due and weak questions first, then new ones

Spaced repetition brings back the questions you answered before, at the right time;
questions flagged weak come next; new questions fill the rest, spread across banks and
kinds (set practice.banks in config.yaml to pick your banks). The plan holds
practice.daily_questions questions (5) or about practice.daily_minutes minutes (15).

examples:
  mockint daily            open today's plan in the app
  mockint daily --list     print it
  mockint daily --json     print it as JSON (with your streak)
"""

WIDTH = 72


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--list", action="store_true", help="print the plan instead of opening it")
    parser.add_argument("--json", action="store_true", help="print the plan as JSON")


def run(args: argparse.Namespace) -> int:
    if not (args.json or args.list) and sys.stdin.isatty() and sys.stdout.isatty():
        from mockint.config import load_config
        from mockint.tui.app import run_app  # deferred: Textual (the app makes its own plan)

        return int(run_app(load_config(), start="daily"))

    from datetime import UTC, datetime

    from mockint.banks import load_catalog  # deferred: heavy imports stay out of --help
    from mockint.coach import Coach
    from mockint.config import load_config

    config = load_config()
    now = datetime.now(UTC)
    with Coach.open(config, catalog=load_catalog(), recover=False) as coach:
        plan = coach.plan_today(now)
        days = coach.streak(now)
    if args.json:
        from mockint.commands._common import print_json

        print_json({**plan.to_dict(), "streak": days.to_dict()})
    else:
        print(render(plan, days))
    return 0


def render(plan: DailyPlan, days: Streak) -> str:
    """The plan as text for the terminal."""
    when = plan.day.strftime("%a %d %b").replace(" 0", " ")
    lines: list[str] = []
    if plan.complete:
        lines.append(f"Today's plan ({when}) is done: {count(plan.done_today, 'question')}.")
        lines.append("Come back tomorrow, or practice more with `mockint practice`.")
    else:
        size = f"{count(len(plan.items), 'question')}, about {plan.estimated_minutes} min"
        lines.append(f"Today's plan ({when}): {size}")
        if plan.done_today:
            lines.append(f"({count(plan.done_today, 'question')} already answered today)")
        if plan.first_run:
            lines.append("Welcome! Your first plan starts with warm-up questions.")
        lines.append("")
        for n, item in enumerate(plan.items, 1):
            lines.append(f"{n:>2}. {item.why:<4}  {clip(item.question.text, WIDTH - 10)}")
            detail = "" if item.detail in ("", item.why) else f" · {item.detail}"  # not "new · new"
            lines.append(f"          {item.question.id}{detail}")
        lines.append("")
        lines.append("Practice one: mockint practice --question ID  (or `mockint daily`)")
    lines.append(_streak_line(days))
    return "\n".join(lines)


def _streak_line(days: Streak) -> str:
    return fmt.streak(days.current, days.best, days.last_day, days.practiced_today)
