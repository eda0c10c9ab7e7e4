"""`mockint debrief`: log a real interview; the questions you struggled with become practice"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mockint.commands._common import count
from mockint.errors import MockintError
from mockint.fmt import clip

if TYPE_CHECKING:
    from mockint.practice.debrief import DebriefResult
    from mockint.prep.transcript import InterviewText

HELP = "log a real interview; the questions you struggled with become practice"
DESCRIPTION = """\
log a real interview; the questions you struggled with become practice

In a terminal, mockint asks for the company, role, date, the questions you were asked,
which ones you struggled with and any feedback you got. Each question becomes practice:
one close to a bank question is linked to it, the others go to your own bank
<data root>/banks/debriefs.yaml. The ones you struggled with are flagged weak and come
first in `mockint daily`. It ends with a follow-up note you can copy, and the command
that practises the questions you struggled with now.

With --transcript FILE (a video call's transcript export: .vtt, .srt or text, or your
own notes), the interviewer's questions are found in it and shown numbered for you to
confirm (--yes takes them all). Each gets its kind from its words (a "Tell me about a
time…" question gets STAR scoring), and your own answer, where the transcript has it,
is kept as your first typed attempt at it, scored.

examples:
  mockint debrief
  mockint debrief --transcript interview.vtt --company Acme --struggled 2
  mockint debrief --transcript notes.txt --yes --json
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
    parser.add_argument(
        "--transcript",
        metavar="FILE",
        help="the interview's transcript or your notes: its questions become the debrief's",
    )
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
    answers: list[str] = field(default_factory=list)
    """Your answers from a transcript, one per question ("" for none)."""
    interviewer: str = ""


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from mockint.banks import load_catalog  # deferred: heavy imports stay out of --help
    from mockint.coach import Coach
    from mockint.config import load_config

    interactive = sys.stdin.isatty()
    answers = _from_flags(args)
    if args.transcript:
        answers = from_transcript(answers, Path(args.transcript), args, interactive)
        if not answers.questions:
            print("No question kept: nothing saved.")
            return 1
    elif not answers.questions:
        if not interactive:
            raise MockintError(NOT_A_TTY)
        answers = ask(answers, input)
    if not args.transcript and interactive and not args.yes and not _confirm(answers, input):
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
            answers=answers.answers,
            interviewer=answers.interviewer,
        )
    if args.json:
        from mockint.commands._common import print_json

        print_json(result.to_dict())
    else:
        print(render(result))
    return 0


def from_transcript(
    given: Answers, path: Path, args: argparse.Namespace, interactive: bool
) -> Answers:
    """The transcript's questions, shown numbered; all of them with --yes, else the ones the
    user keeps. --struggled numbers count in the list as shown; --question ones come after."""
    from mockint.practice.debrief_transcript import (
        NO_QUESTIONS,
        find_questions,
        notes_from,
        read_transcript,
    )

    found = find_questions(read_transcript(path))
    if not found.exchanges:
        raise MockintError(NO_QUESTIONS.format(where=path))
    if not interactive and not args.yes:
        raise MockintError(
            f"found {count(len(found.exchanges), 'question')} in {path} and no terminal to "
            "confirm them in: add --yes to take them all"
        )
    out = sys.stderr if args.json else sys.stdout
    print(render_found(found, path), file=out)
    keep = list(range(1, len(found.exchanges) + 1))
    if not args.yes:
        keep = _kept(input("Keep which? Enter for all, numbers like 1 3, or n for none: "), keep)
    for n in given.struggled:
        if n not in keep:
            raise MockintError(
                f"--struggled {n}: give the number of a question kept from the list "
                f"({', '.join(map(str, keep)) or 'none kept'})"
            )
    struggled = [keep.index(n) + 1 for n in given.struggled]
    chosen = [found.exchanges[n - 1] for n in keep]
    if chosen and interactive and not args.yes and not given.struggled:
        if len(keep) < len(found.exchanges):
            for i, q in enumerate(chosen, 1):
                print(f"{i:>2}. {q.question}", file=out)
        struggled = _numbers(input("Which did you struggle with? Numbers (Enter for none): "))
    notes = notes_from(chosen)
    return Answers(
        company=given.company,
        role=given.role,
        day=given.day,
        questions=[q.question for q in chosen] + given.questions,
        struggled=struggled,
        feedback="\n".join(p for p in (given.feedback, notes) if p),
        answers=[q.answer for q in chosen],
        interviewer=found.interviewer,
    )


def _kept(reply: str, every: list[int]) -> list[int]:
    reply = reply.strip().lower()
    if reply in ("", "a", "all", "y", "yes"):
        return every
    if reply in ("n", "no", "none"):
        return []
    numbers = _numbers(reply)
    for n in numbers:
        if n not in every:
            raise MockintError(f"{n} is not in the list: give numbers from 1 to {len(every)}")
    return sorted(set(numbers))


def render_found(found: InterviewText, path: Path) -> str:
    who = f" (asked by {found.interviewer})" if found.interviewer else ""
    lines = [f"Found {count(len(found.exchanges), 'question')} in {path.name}{who}:"]
    for n, q in enumerate(found.exchanges, 1):
        lines.append(f"{n:>2}. {q.question}  [{q.kind}]")
        if q.answer:
            lines.append(f"    your answer: {clip(q.answer, 70)} (kept and scored)")
        elif q.note:
            lines.append(f"    your notes: {clip(q.note, 70)}")
    return "\n".join(lines)


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
        if item.answer_score is not None:
            lines.append(f"    your answer in the interview scored {item.answer_score}")
        if item.struggled:
            lines.append("    flagged weak: comes first in `mockint daily`")
    if result.bank_path:
        lines += ["", f"New questions are in {result.bank_path}."]
    if result.struggled_ids:
        lines += ["", "Practise the ones you struggled with now:"]
        lines += [f"  mockint practice --question {qid}" for qid in result.struggled_ids]
        if len(result.struggled_ids) > 1:
            lines.append(f"  or all {len(result.struggled_ids)} first in `mockint daily`")
    rule = "-" * 60
    lines += ["", "A follow-up note you can copy and adapt:", rule, result.follow_up.rstrip(), rule]
    return "\n".join(lines)
