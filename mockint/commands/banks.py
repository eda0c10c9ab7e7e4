"""`mockint banks`: question banks: list, show, validate."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockint.commands._common import count
from mockint.errors import MockintError

if TYPE_CHECKING:
    from mockint.banks import Catalog
    from mockint.models import Bank, Question

HELP = "question banks: list, show, validate"
DESCRIPTION = """\
question banks: list, show, validate

Bundled banks load first, then your own from <data root>/banks/ (one bank per
<bank id>.yaml file; the format is in question_banks/README.md).

examples:
  mockint banks list                     every bank by field, with question counts
  mockint banks show behavioral-core     a bank's questions and their ids
  mockint banks validate my-bank.yaml    check a file; problems at file:line:column
"""


ACTIONS = {
    "list": (
        "the banks by field and how many questions each has",
        """\
Every bank: the general ones first (they suit every interview), then each field's. Its id
is what --bank takes (`mockint practice --bank ID`) and what `banks show` opens.

examples:
  mockint banks list
  mockint banks list --json
""",
    ),
    "show": (
        "one bank's questions with their ids",
        """\
One bank's questions: the id of each (what --question takes), its kind, the target length
and its difficulty (* to ***).

examples:
  mockint banks show healthcare-nursing
  mockint practice --question nurse-handover   practise one of them
""",
    ),
    "validate": (
        "check bank files; every problem at file:line:column",
        """\
Check bank files before you use them: every problem is reported at its file:line:column.
Without a PATH, every loaded bank (bundled and yours under <data root>/banks/) is checked.
Exit code 0 when there is none, 2 otherwise.

examples:
  mockint banks validate my-bank.yaml
  mockint banks validate
""",
    ),
}
"""Each action's one-line help and its --help text."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str) -> argparse.ArgumentParser:
        summary, description = ACTIONS[name]
        return sub.add_parser(
            name,
            help=summary,
            description=description,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    p = action("list")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p = action("show")
    p.add_argument("name", metavar="NAME", help="bank id (see `mockint banks list`)")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p = action("validate")
    p.add_argument("paths", metavar="PATH", nargs="*", help="files (default: every loaded bank)")


def run(args: argparse.Namespace) -> int:
    if args.action == "validate":
        return _validate([Path(p) for p in args.paths])
    from mockint.banks import load_catalog  # deferred: pydantic and yaml are slow to import

    catalog = load_catalog()
    if args.action == "show":
        return _show(catalog, args.name, as_json=args.json)
    return _list(catalog, as_json=args.json)


# ----- list


def _list(catalog: Catalog, *, as_json: bool) -> int:
    banks = _by_field(catalog.banks)
    if as_json:
        from mockint.commands._common import print_json

        print_json({"banks": [_bank_summary(b) for b in banks], "problems": catalog.problems})
        return 0
    if banks:
        rows = [
            (b.field, b.id, b.title, str(len(b.questions)), _kinds_text(b), _source(b))
            for b in banks
        ]
        _print_table(("FIELD", "BANK", "TITLE", "QUESTIONS", "KINDS", "SOURCE"), rows, right={3})
        total = sum(len(b.questions) for b in catalog.banks)
        print(f"\n{count(len(catalog.banks), 'bank')}, {count(total, 'question')}")
    else:
        print("no question banks found")
    _print_warnings(catalog.problems)
    return 0


def _by_field(banks: Sequence[Bank]) -> list[Bank]:
    """General banks first (they suit everyone), then each field alphabetically; within a
    field, the load order (bundled before the user's)."""
    return sorted(banks, key=lambda b: (b.field != "general", b.field))


def _bank_summary(bank: Bank) -> dict[str, Any]:
    return {
        "id": bank.id,
        "title": bank.title,
        "field": bank.field,
        "description": bank.description,
        "questions": len(bank.questions),
        "kinds": dict(Counter(q.kind.value for q in bank.questions)),
        "source": "user" if bank.user else "bundled",
        "path": bank.path,
    }


def _kinds_text(bank: Bank) -> str:
    counts = Counter(q.kind.value for q in bank.questions)
    return ", ".join(kind for kind, _ in counts.most_common())


def _source(bank: Bank) -> str:
    return bank.path if bank.user else "bundled"


def _print_warnings(problems: Sequence[str]) -> None:
    if not problems:
        return
    # Warnings, not errors: a broken bank of the user's is skipped and the rest still works.
    print(
        f"\nwarning: {count(len(problems), 'problem')} in your banks "
        "(those banks or questions were skipped):",
        file=sys.stderr,
    )
    for line in problems:
        print(f"  {line}", file=sys.stderr)


# ----- show


def _show(catalog: Catalog, name: str, *, as_json: bool) -> int:
    bank = catalog.bank(name)
    if as_json:
        from mockint.commands._common import print_json

        print_json({**_bank_summary(bank), "questions": [_question(q) for q in bank.questions]})
        return 0
    print(f"{bank.title} ({bank.id}, {_source(bank)})")
    if bank.description:
        print(bank.description)
    print()
    rows = [
        (
            q.id,
            q.kind.value,
            f"{q.target_seconds[0]}-{q.target_seconds[1]}s",
            "*" * q.difficulty,
            " ".join(q.text.split()),  # one line per question, even for block-scalar text
        )
        for q in bank.questions
    ]
    _print_table(("ID", "KIND", "TARGET", "LEVEL", "QUESTION"), rows)
    print(
        f"\n{count(len(bank.questions), 'question')}; practice one with "
        f"`mockint practice --question ID`"
    )
    return 0


def _question(q: Question) -> dict[str, Any]:
    return {
        "id": q.id,
        "text": q.text,
        "kind": q.kind.value,
        "target_seconds": list(q.target_seconds),
        "difficulty": q.difficulty,
        "tags": list(q.tags),
        "key_points": list(q.key_points),
        "tips": list(q.tips),
        "follow_ups": list(q.follow_ups),
        "example_outline": q.example_outline,
    }


# ----- validate


def _validate(given: list[Path]) -> int:
    from mockint import paths
    from mockint.banks import bank_files, validate_files

    bundled = [(f, False) for f in bank_files(paths.bundled_banks_dir())]
    if given:
        files = [(f, True) for f in _expand(given)]
        chosen = {f.resolve() for f, _ in files}
        # The bundled banks give context (duplicate ids) unless they are what is checked.
        context = [(f, u) for f, u in bundled if f.resolve() not in chosen]
    else:
        files = bundled + [(f, True) for f in bank_files(paths.user_banks_dir())]
        context = []
    banks, problems = validate_files(files, context=context)
    for problem in problems:
        print(problem)
    if problems:
        where = count(len({p.path for p in problems}), "file")
        raise MockintError(f"{count(len(problems), 'problem')} in {where} (listed above)")
    questions = sum(len(b.questions) for b in banks)
    print(f"ok: {count(len(banks), 'bank')}, {count(questions, 'question')}")
    return 0


def _expand(given: list[Path]) -> list[Path]:
    """Files as given; folders become the bank files inside them."""
    from mockint.banks import bank_files

    out: list[Path] = []
    for path in given:
        if path.is_dir():
            found = bank_files(path)
            if not found:
                raise MockintError(f"{path}: no bank files (*.yaml) in this folder")
            out += found
        elif not path.exists():
            raise MockintError(f"{path}: no such file")
        else:
            out.append(path)
    # The same file named twice would otherwise clash with itself (duplicate bank id).
    unique: dict[Path, Path] = {}
    for path in out:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


# ----- helpers


def _print_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, right: set[int] | None = None
) -> None:
    right = right or set()
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    print(line(header))
    for row in rows:
        print(line(row))
