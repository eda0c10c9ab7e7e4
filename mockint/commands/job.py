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
    from mockint.prep.jobset import PracticeSet

HELP = "a practice set for a job posting: matching questions plus ones made from it"
DESCRIPTION = """\
Paste a job posting into a file (or pipe it in) and get a practice set for it: bundled
questions that practise what the posting asks (each with the reason), plus questions made
from its own duties, skills and values where no bundled question fits. The new questions
are written as your bank <data root>/banks/job-<role>.yaml, and the posting's parts that no
question covers yet are listed. Everything happens on this machine.

examples:
  mockint job posting.txt                     read, match and write the job's bank
  pbpaste | mockint job -                     the posting from standard input
  mockint job posting.txt --dry-run           show the set, write nothing
  mockint job posting.txt --name acme-nurse   choose the bank's name (job-acme-nurse)"""

MAX_BYTES = 1_000_000
"""Postings are a few KB; anything this big is the wrong file."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("posting", metavar="POSTING", help="the posting as a text file, or -")
    parser.add_argument("--name", metavar="NAME", help="bank name (default: from the role)")
    parser.add_argument("--dry-run", action="store_true", help="show the set, write nothing")
    parser.add_argument("--force", action="store_true", help="replace an existing job bank")
    parser.add_argument("--json", action="store_true", help="print as JSON")


def run(args: argparse.Namespace) -> int:
    from mockint import paths
    from mockint.banks import load_bank_file, load_catalog
    from mockint.prep.bankfile import bank_document, dump, write_bank
    from mockint.prep.jobset import build_set, slug
    from mockint.prep.posting import parse_posting

    posting = parse_posting(read_text(args.posting))
    if not posting.items:
        raise MockintError(
            "found no duties, skills or values in the posting: paste the whole posting, "
            "including its responsibilities and requirements"
        )
    name = slug(args.name or posting.role or posting.company or "posting", 4)
    bank_id = name if name.startswith("job-") else f"job-{name}"
    catalog = load_catalog()
    practice = build_set(posting, catalog.banks, bank_id=bank_id)
    path = paths.user_banks_dir() / f"{bank_id}.yaml"
    written = None
    if practice.generated and not args.dry_run:
        title = f"Job: {posting.role or bank_id}"
        about = f"Questions made from the posting for {posting.role or 'this job'}"
        about += f" at {posting.company}." if posting.company else "."
        field = practice.field
        text = dump(
            bank_document(bank_id, title, about, practice.generated, field=field),
            header="# Made by `mockint job` from a job posting. Yours to edit.\n",
        )
        write_bank(path, text, replace=args.force)
        load_bank_file(path, user=True)  # a bank we wrote must load; fail loudly if not
        written = path
    if args.json:
        from mockint.commands._common import print_json

        print_json(_as_json(practice, written))
    else:
        print(render(practice, written, dry_run=args.dry_run))
    return 0


def read_text(name: str) -> str:
    """A posting from a file or ``-`` (stdin), with a clear error for anything else."""
    if name == "-":
        return sys.stdin.read(MAX_BYTES + 1)[:MAX_BYTES]
    path = Path(name)
    if path.is_dir():
        raise MockintError(f"{path} is a folder: give the posting as a text file")
    if not path.exists():
        raise MockintError(f"no such file: {path}")
    if not path.is_file():
        raise MockintError(f"{path} is not a regular file: save the posting as a text file")
    if path.stat().st_size > MAX_BYTES:
        raise MockintError(f"{path} is over 1 MB: is it really a job posting?")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise MockintError(f"{path} is not UTF-8 text: save the posting as plain text") from None
    except OSError as exc:
        raise MockintError(f"cannot read {path} ({exc.strerror})") from None


def render(practice: PracticeSet, written: Path | None, *, dry_run: bool) -> str:
    posting = practice.posting
    lines = [f"Role: {posting.role or '(not named in the posting)'}"]
    if posting.company:
        lines[0] += f" at {posting.company}"
    from mockint.prep.posting import ItemKind

    plural = {ItemKind.DUTY: "duties", ItemKind.SKILL: "skills", ItemKind.VALUE: "values"}
    asks = [
        f"{len(posting.of_kind(k))} {k.value if len(posting.of_kind(k)) == 1 else plural[k]}"
        for k in ItemKind
    ]
    lines.append(f"The posting asks for: {', '.join(asks)}.")
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
    if practice.uncovered:
        lines.append("")
        lines.append("Not practised by any question yet:")
        for item in practice.uncovered:
            lines.append(f"  {item.label}: {clip(item.text, 80)}")
    lines.append("")
    if written is not None:
        lines.append(f"Wrote {written}.")
        lines.append(f"Practise the new questions: mockint practice --bank {practice.bank_id}")
    elif dry_run:
        lines.append("Dry run: nothing was written.")
    return "\n".join(lines)


def _as_json(practice: PracticeSet, written: Path | None) -> dict[str, Any]:
    posting = practice.posting
    return {
        "role": posting.role,
        "company": posting.company,
        "bank": practice.bank_id,
        "bank_path": str(written) if written else None,
        "items": [
            {"kind": i.kind.value, "number": i.number, "text": i.text} for i in posting.items
        ],
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
        "uncovered": [
            {"kind": i.kind.value, "number": i.number, "text": i.text} for i in practice.uncovered
        ],
    }
