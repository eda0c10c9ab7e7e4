"""`mockint debrief`: log a real interview; the questions you struggled with become practice"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from mockint.commands._common import count
from mockint.errors import MockintError

if TYPE_CHECKING:
    from mockint.practice.debrief import DebriefResult

HELP = "log a real interview; the questions you struggled with become practice"
DESCRIPTION = """\
log a real interview; the questions you struggled with become practice

In a terminal, mockint asks for the company, role, date, the questions you were asked,
which ones you struggled with and any feedback you got. Each question becomes practice:
one close to a bank question is linked to it, the others go to your own bank
<data root>/banks/debriefs.yaml. The ones you struggled with are flagged weak and come
first in `mockint daily`. It ends with a follow-up note you can copy.

examples:
  mockint debrief
  mockint debrief --company Acme --role "Data analyst" --date 2025-03-01 \\
      --question "Tell me about a time you failed" --question "Why Acme?" \\
      --struggled 1 --feedback "Wanted more concrete results" --yes
"""

NOT_A_TTY = (
    "no questions given and no terminal to ask in: pass them with --question TEXT "
    "(repeatable), with --company, --role, --date YYYY-MM-DD, --struggled N (repeatable) "
    "and --feedback TEXT"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--company", metavar="NAME", help="the company you interviewed with")
    parser.add_argument("--role", metavar="ROLE", help="the role you interviewed for")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="when (default: today)")
    parser.add_argument(
        "--question",
        metavar="TEXT",
        action="append",
        default=[],
        help="a question you were asked (repeat for each); skips the prompts",
    )
    parser.add_argument(
        "--struggled",
        metavar="N",
        type=int,
        action="append",
        default=[],
        help="number of a question you struggled with, from 1 (repeatable)",
    )
    parser.add_argument("--feedback", metavar="TEXT", default="", help="feedback you received")
    parser.add_argument("--yes", action="store_true", help="save without asking to confirm")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


@dataclass
class Answers:
    """What the user told us, from flags or prompts."""

    company: str = ""
    role: str = ""
    day: str = ""
    questions: list[str] = field(default_factory=list)
    struggled: list[int] = field(default_factory=list)
    feedback: str = ""


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from mockint.banks import load_catalog  # deferred: heavy imports stay out of --help
    from mockint.coach import Coach
    from mockint.config import load_config

    interactive = sys.stdin.isatty()
    answers = _from_flags(args)
    if not answers.questions:
        if not interactive:
            raise MockintError(NOT_A_TTY)
        answers = ask(answers, input)
    if interactive and not args.yes and not _confirm(answers, input):
        print("Nothing saved.")
        return 1
    with Coach.open(load_config, catalog=load_catalog(), recover=False) as coach:
        result = coach.save_debrief(
            questions=answers.questions,
            struggled=list(answers.struggled),
            company=answers.company,
            role=answers.role,
            feedback=answers.feedback,
            interview_date=answers.day or None,
            now=datetime.now(UTC),
        )
    if args.json:
        from mockint.commands._common import print_json

        print_json(result.to_dict())
    else:
        print(render(result))
    return 0


def _from_flags(args: argparse.Namespace) -> Answers:
    return Answers(
        company=args.company or "",
        role=args.role or "",
        day=args.date or "",
        questions=[q for q in args.question if q.strip()],
        struggled=list(args.struggled),
        feedback=args.feedback or "",
    )


def ask(given: Answers, prompt: Callable[[str], str]) -> Answers:
    """Fill in what the flags left out by asking, one prompt at a time."""
    print("Debrief a real interview. Ctrl+C stops without saving anything.")
    company = given.company or prompt("Company: ").strip()
    role = given.role or prompt("Role: ").strip()
    day = given.day or prompt(f"Date [{date.today().isoformat()}]: ").strip()
    print("The questions you were asked, one per line; an empty line ends the list:")
    questions: list[str] = []
    while line := prompt(f"  {len(questions) + 1}> ").strip():
        questions.append(line)
    if not questions:
        raise MockintError("no questions given, so nothing to practice: nothing saved")
    struggled = given.struggled or _numbers(
        prompt("Which did you struggle with? Numbers like 1 3 (Enter for none): ")
    )
    print("Feedback you received, if any (an empty line ends it):")
    feedback_lines: list[str] = []
    while line := prompt("  > ").strip():
        feedback_lines.append(line)
    feedback = given.feedback or " ".join(feedback_lines)
    return Answers(company, role, day, questions, struggled, feedback)


def _numbers(text: str) -> list[int]:
    numbers = []
    for part in text.replace(",", " ").split():
        if not part.isdigit():
            raise MockintError(f"{part!r} is not a question number: give numbers like 1 3")
        numbers.append(int(part))
    return numbers


def _confirm(answers: Answers, prompt: Callable[[str], str]) -> bool:
    reply = prompt(f"Save {count(len(answers.questions), 'question')}? [Y/n] ").strip().lower()
    return reply in ("", "y", "yes")


def render(result: DebriefResult) -> str:
    about = ", ".join(
        p for p in (result.company, result.role, result.interview_date.isoformat()) if p
    )
    lines = [f"Saved the debrief ({about}): {len(result.items)} questions.", ""]
    for n, item in enumerate(result.items, 1):
        lines.append(f"{n:>2}. {item.text}")
        if item.linked:
            lines.append(f"    linked to {item.question_id} ({item.similarity:.0f}% alike)")
        else:
            lines.append(f"    added as {item.question_id} ({item.kind})")
        if item.struggled:
            lines.append("    flagged weak: comes first in `mockint daily`")
    if result.bank_path:
        lines += ["", f"New questions are in {result.bank_path}."]
    rule = "-" * 60
    lines += ["", "A follow-up note you can copy and adapt:", rule, result.follow_up.rstrip(), rule]
    return "\n".join(lines)
