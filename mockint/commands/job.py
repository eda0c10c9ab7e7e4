"""`mockint job`: a practice set for one job posting."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockint.commands._common import count
from mockint.errors import MockintError
from mockint.fmt import clip

if TYPE_CHECKING:
    from mockint.coach.prepare import PreparedJob
    from mockint.practice.jobs import Job

HELP = "a practice set for a job posting: matching questions plus ones made from it"
DESCRIPTION = """\
Paste a job posting into a file (or pipe it in) and get a practice set for it: bundled
questions that practise what the posting asks (each with the reason), plus questions made
from its own duties, skills and values where no bundled question fits. The new questions
are written as your bank <data root>/banks/job-<role>.yaml, the set is kept as a job you can
practise, and the posting's parts that no question covers yet are listed. With an
interview date, the daily plan gives the job more of each day as the date nears.
Everything happens on this machine.

examples:
  mockint job posting.txt                     read, match, write the bank, keep the job
  mockint job posting.txt --interview 12-jan  plan towards the interview on 12 January
  pbpaste | mockint job -                     the posting from standard input
  mockint job posting.txt --dry-run           show the set, write nothing
  mockint job --list                          the jobs you are preparing for
  mockint practice --job job-store-manager    practise a job's whole set"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "posting", metavar="POSTING", nargs="?", help="the posting as a text file, or -"
    )
    parser.add_argument("--name", metavar="NAME", help="the job's name (default: from the role)")
    parser.add_argument(
        "--interview", metavar="DATE", help="interview date: YYYY-MM-DD, '12 Jan', 'tomorrow'"
    )
    parser.add_argument("--dry-run", action="store_true", help="show the set, write nothing")
    parser.add_argument("--force", action="store_true", help="replace a job of the same name")
    parser.add_argument("--list", action="store_true", help="the jobs you are preparing for")
    parser.add_argument("--json", action="store_true", help="print as JSON")


def run(args: argparse.Namespace) -> int:
    from mockint.clock import local_date, utc
    from mockint.coach import Coach
    from mockint.config import load_config
    from mockint.prep.dates import parse_day
    from mockint.prep.posting import parse_posting

    if args.list:
        if args.posting:
            raise MockintError("--list takes no posting")
        with Coach.open(load_config(), recover=False) as coach:
            return _list(coach.jobs(), as_json=args.json)
    if not args.posting:
        raise MockintError("give the posting as a file, or - for standard input (see --help)")
    posting = parse_posting(read_text(args.posting))
    if not posting.items:
        raise MockintError(
            "found no duties, skills or values in the posting: paste the whole posting, "
            "including its responsibilities and requirements"
        )
    today = local_date(utc(None))
    interview = parse_day(args.interview, today) if args.interview else None
    if interview is not None and interview < today:
        raise MockintError(f"the interview date {interview.isoformat()} has already passed")
    with Coach.open(load_config()) as coach:
        prepared = coach.prepare_job(
            posting,
            name=args.name,
            interview=interview,
            replace=args.force,
            dry_run=args.dry_run,
        )
    if args.json:
        from mockint.commands._common import print_json

        print_json(_as_json(prepared, dry_run=args.dry_run))
    else:
        print(render(prepared, dry_run=args.dry_run))
    return 0


def read_text(name: str) -> str:
    """A posting from a file or ``-`` (stdin), with a clear error for anything else."""
    from mockint.prep.textfile import MAX_BYTES, read_text_file

    if name == "-":
        return sys.stdin.read(MAX_BYTES + 1)[:MAX_BYTES]
    return read_text_file(Path(name), "the posting")


def render(prepared: PreparedJob, *, dry_run: bool) -> str:
    from mockint.prep.posting import ItemKind

    practice, job = prepared.practice, prepared.job
    posting = practice.posting
    lines = [f"Role: {posting.role or '(not named in the posting)'}"]
    if posting.company:
        lines[0] += f" at {posting.company}"
    plural = {
        ItemKind.DUTY: "duties",
        ItemKind.SKILL: "skills",
        ItemKind.VALUE: "values",
        ItemKind.REQUIREMENT: "requirements",
    }
    asks = []
    for kind in ItemKind:
        n = len(posting.of_kind(kind))
        asks.append(f"{n} {kind.value if n == 1 else plural[kind]}")
    lines.append(f"The posting asks for: {', '.join(asks)}.")
    if practice.field != "general":
        lines.append(f"Field: {practice.field} (questions from its banks and the general ones)")
    lines.append("")
    made = len(practice.generated)
    lines.append(
        f"Practice set: {count(len(practice.questions), 'question')} "
        f"({len(practice.questions) - made} bundled, {made} made from the posting)"
    )
    for p in practice.questions:
        mark = "new" if p.generated else "   "
        lines.append(f"  {mark} {p.question.id}")
        lines.append(f"        {clip(p.question.text, 88)}")
        lines.append(f"        {clip(p.reason, 88)}")
    gaps, stated = practice.gaps, practice.requirements
    if gaps:
        lines.append("")
        lines.append("Not practised by any question yet:")
        lines.extend(f"  {item.label}: {clip(item.text, 80)}" for item in gaps)
    if stated:
        lines.append("")
        lines.append("Requirements: say you meet them (no story needed):")
        lines.extend(f"  {item.label}: {clip(item.text, 80)}" for item in stated)
    lines.append("")
    if dry_run:
        lines.append("Dry run: nothing was written.")
        return "\n".join(lines)
    if prepared.bank_path is not None:
        lines.append(f"Wrote {prepared.bank_path}.")
    if job.interview_date is not None:
        lines.append(
            f"Interview on {job.interview_date:%a %d %b %Y}: the daily plan gives this job more "
            "of each day as it nears."
        )
    lines.append(f"Practise the set: mockint practice --job {job.name}")
    return "\n".join(lines)


def _list(found: list[Job], *, as_json: bool) -> int:
    if as_json:
        from mockint.commands._common import print_json

        print_json({"jobs": [_job_json(j) for j in found]})
        return 0
    if not found:
        print("No jobs yet. Save a posting as text and run `mockint job posting.txt`.")
        return 0
    for j in found:
        when = f"interview {j.interview_date.isoformat()}" if j.interview_date else "no date"
        role = j.role + (f" at {j.company}" if j.company else "")
        print(f"{j.name:<36} {when:<21} {count(len(j.question_ids), 'question'):>13}  {role}")
    return 0


def _job_json(job: Job) -> dict[str, Any]:
    return {
        "name": job.name,
        "role": job.role,
        "company": job.company,
        "field": job.field,
        "questions": list(job.question_ids),
        "interview_date": job.interview_date.isoformat() if job.interview_date else None,
    }


def _as_json(prepared: PreparedJob, *, dry_run: bool) -> dict[str, Any]:
    practice = prepared.practice
    posting = practice.posting
    return {
        **_job_json(prepared.job),
        "saved": not dry_run,
        "bank_path": str(prepared.bank_path) if prepared.bank_path else None,
        "items": [i.to_dict() for i in posting.items],
        "questions": [
            {
                "id": p.question.id,
                "text": p.question.text,
                "kind": p.question.kind.value,
                "generated": p.generated,
                "practises": [m.item.label for m in p.matches],
                "reason": p.reason,
            }
            for p in practice.questions
        ],
        "uncovered": [i.to_dict() for i in practice.uncovered],
    }
