"""How well `mockint job` reads real-style postings (`python -m benchmarks.postings`).

Every posting in tests/data/postings/ against what a careful reader takes from it
(expected.yaml there): duties found, duties read that the reader did not list (summary
sentences, mostly), requirements read as requirements, requirements misread as duties or
practised as stories, benefits/EEO boilerplate leaking into the items, the role, and how
many bundled questions the practice set matches. One Markdown row per posting and a total
per split, ready to paste into README. `--verbose` prints what was missed or misread.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mockint.banks import load_catalog
from mockint.prep.jobset import build_set
from mockint.prep.posting import ItemKind, parse_posting

POSTINGS = Path(__file__).resolve().parent.parent / "tests" / "data" / "postings"


@dataclass
class Row:
    name: str
    split: str
    duties: int = 0
    duties_expected: int = 0
    other_duties: int = 0
    listed: int = 0
    requirements: int = 0
    misread: int = 0
    leaks: int = 0
    role_ok: bool = False
    bundled: int = 0
    bundled_wrong: int = 0
    notes: list[str] = field(default_factory=list)


def measure(name: str, expected: dict[str, object]) -> Row:
    """One posting through the parser and the practice set, against ``expected``."""
    posting = parse_posting((POSTINGS / name).read_text(encoding="utf-8"))
    practice = build_set(posting, load_catalog(include_user=False).banks, bank_id="job-eval")
    practised = {m.item for p in practice.questions for m in p.matches}
    row = Row(name, str(expected.get("split", "dev")))

    def having(phrase: str, wanted: object = None) -> list[str]:
        return [
            i.text
            for i in posting.items
            if phrase.lower() in i.text.lower() and (wanted is None or wanted(i))  # type: ignore[operator]
        ]

    duties = [str(d) for d in expected.get("duties", [])]  # type: ignore[attr-defined]
    row.duties_expected = len(duties)
    for phrase in duties:
        if having(phrase, lambda i: i.kind is ItemKind.DUTY):
            row.duties += 1
        else:
            row.notes.append(f"duty missed: {phrase}")
    for item in posting.of_kind(ItemKind.DUTY):
        if not any(d.lower() in item.text.lower() for d in duties):
            row.other_duties += 1
            row.notes.append(f"other duty: {item.text}")
    requirements = [str(r) for r in expected.get("requirements", [])]  # type: ignore[attr-defined]
    row.requirements = len(requirements)
    for phrase in requirements:
        if having(phrase, lambda i: i.kind.value == "requirement"):
            row.listed += 1
        else:
            row.notes.append(f"requirement not listed: {phrase}")
        if wrong := having(phrase, lambda i: i.kind is ItemKind.DUTY or i in practised):
            row.misread += 1
            row.notes.append(f"requirement as duty/story: {wrong[0]}")
    for phrase in expected.get("boilerplate", []):  # type: ignore[attr-defined]
        if leaked := having(str(phrase)):
            row.leaks += 1
            row.notes.append(f"boilerplate: {leaked[0]}")
    row.role_ok = posting.role.lower() == str(expected.get("role", "")).lower()
    if not row.role_ok:
        row.notes.append(f"role: {posting.role!r}")
    row.bundled = sum(not p.generated for p in practice.questions)
    # A bundled question credited only for requirements or boilerplate practises nothing.
    stated = [str(x).lower() for x in [*requirements, *expected.get("boilerplate", [])]]  # type: ignore[misc]
    for p in practice.questions:
        if not p.generated and all(
            any(x in m.item.text.lower() for x in stated) for m in p.matches
        ):
            row.bundled_wrong += 1
            row.notes.append(f"bundled {p.question.id} only for: {p.matches[0].item.text}")
    return row


def table(rows: list[Row]) -> str:
    lines = [
        "| posting | duties found | other duties | requirements listed "
        "| requirements as duties/stories | boilerplate leaks | role "
        "| bundled questions (of them for requirements only) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        mark = "" if r.split == "dev" else f" ({r.split})"
        lines.append(
            f"| {r.name}{mark} | {r.duties}/{r.duties_expected} | {r.other_duties} "
            f"| {r.listed}/{r.requirements} "
            f"| {r.misread} | {r.leaks} | {'ok' if r.role_ok else 'wrong'} "
            f"| {r.bundled} ({r.bundled_wrong}) |"
        )
    for split in sorted({r.split for r in rows}):
        some = [r for r in rows if r.split == split]
        lines.append(
            f"| **all {split} ({len(some)})** | {sum(r.duties for r in some)}/"
            f"{sum(r.duties_expected for r in some)} | {sum(r.other_duties for r in some)} "
            f"| {sum(r.listed for r in some)}/"
            f"{sum(r.requirements for r in some)} | {sum(r.misread for r in some)} "
            f"| {sum(r.leaks for r in some)} | {sum(r.role_ok for r in some)}/{len(some)} "
            f"| {sum(r.bundled for r in some)} ({sum(r.bundled_wrong for r in some)}) |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.postings", description=__doc__)
    parser.add_argument("--verbose", "-v", action="store_true", help="what was missed, misread")
    args = parser.parse_args(argv)
    expected = yaml.safe_load((POSTINGS / "expected.yaml").read_text(encoding="utf-8"))
    rows = [measure(name, spec) for name, spec in expected.items()]
    print(table(rows))
    if args.verbose:
        for r in rows:
            for note in r.notes:
                print(f"{r.name}: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
