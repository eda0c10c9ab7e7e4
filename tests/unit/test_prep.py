"""Job postings and interview transcripts, read offline (mockint.prep), table-driven over
fixtures written for these tests: four fields and one messy HTML/ALL-CAPS posting; five
transcript formats."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mockint.banks import load_bank_file
from mockint.errors import MockintError
from mockint.models import Bank, Kind, Question
from mockint.prep import verbs
from mockint.prep.bankfile import bank_document, dump, write_bank
from mockint.prep.dates import parse_day
from mockint.prep.jobset import build_set
from mockint.prep.kinds import kind_from_text
from mockint.prep.posting import ItemKind, parse_posting
from mockint.prep.transcript import parse_interview
from tests.conftest import FIXTURES

POSTINGS = FIXTURES / "postings"
TRANSCRIPTS = FIXTURES / "transcripts"


def _posting(name: str) -> str:
    return (POSTINGS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "role", "company", "counts", "items"),
    [
        (
            "staff-nurse.txt",
            "Staff Nurse – Surgical Ward",
            "",
            {ItemKind.DUTY: 6, ItemKind.SKILL: 2, ItemKind.VALUE: 4, ItemKind.REQUIREMENT: 1},
            ["Recognise deteriorating patients and escalate concerns promptly", "Compassion"],
        ),
        (
            "teacher.txt",
            "Year 4 Class Teacher",
            "Riverside Primary School",
            {ItemKind.DUTY: 6, ItemKind.SKILL: 2, ItemKind.VALUE: 3, ItemKind.REQUIREMENT: 1},
            ["Manage behaviour positively and consistently", "Qualified Teacher Status"],
        ),
        (
            "store-manager.txt",
            "Store Manager",
            "Brightmart",
            {ItemKind.DUTY: 6, ItemKind.SKILL: 2, ItemKind.VALUE: 0, ItemKind.REQUIREMENT: 1},
            ["Handle customer complaints and make sure every customer leaves happy"],
        ),
        (
            "messy-accountant.html.txt",
            "Senior accountant – finance team",
            "",
            {ItemKind.DUTY: 5, ItemKind.SKILL: 2, ItemKind.VALUE: 2, ItemKind.REQUIREMENT: 1},
            ["Review journals and accruals", "ACCA / CIMA qualified", "Integrity"],
        ),
    ],
)
def test_posting_parts(
    name: str, role: str, company: str, counts: dict[ItemKind, int], items: list[str]
) -> None:
    posting = parse_posting(_posting(name))
    assert posting.role == role
    assert posting.company == company
    assert {k: len(posting.of_kind(k)) for k in ItemKind} == counts
    texts = [i.text for i in posting.items]
    for text in items:
        assert text in texts
    # Benefits, application details and the intro are not asked of the candidate.
    assert not any(w in t.lower() for t in texts for w in ("pension", "apply", "discount"))
    assert not any(c in t for t in texts for c in "<>&•")


def test_item_numbers_count_within_kind() -> None:
    posting = parse_posting(_posting("staff-nurse.txt"))
    assert [i.number for i in posting.of_kind(ItemKind.DUTY)] == [1, 2, 3, 4, 5, 6]
    assert posting.of_kind(ItemKind.DUTY)[1].label == "duty 2"


def test_empty_posting_has_no_items() -> None:
    assert parse_posting("").items == ()
    assert parse_posting("<p>&nbsp;</p>\n\n").items == ()


@pytest.mark.parametrize(
    ("duty", "past"),
    [
        ("Assess, plan, deliver and evaluate care for patients",
         "assessed, planned, delivered and evaluated care for patients"),
        ("Lead a team of 25 and build a team", "led a team of 25 and built a team"),
        ("Administer medication safely and keep accurate records",
         "administered medication safely and kept accurate records"),
        ("Plan and teach engaging lessons", "planned and taught engaging lessons"),
        ("Manage rotas, labour and stock control", "managed rotas, labour and stock control"),
        ("Support families and carers", "supported families and carers"),
        ("Recruit, train and coach colleagues", "recruited, trained and coached colleagues"),
        ("Improve finance processes and controls", "improved finance processes and controls"),
    ],
)  # fmt: skip
def test_duties_in_the_past(duty: str, past: str) -> None:
    assert verbs.to_past(duty) == past


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Tell me about a project that failed and what you learned.", Kind.BEHAVIORAL),
        ("Tell me about a time you disagreed with your manager.", Kind.BEHAVIORAL),
        ("Give me an example of when you dealt with an angry customer.", Kind.BEHAVIORAL),
        ("Have you ever had to deliver bad news to a patient's family?", Kind.BEHAVIORAL),
        ("What would you do if two managers gave you conflicting priorities?", Kind.SITUATIONAL),
        ("How would you handle a shift where two colleagues call in sick?", Kind.SITUATIONAL),
        ("Why do you want to leave your current job?", Kind.PERSONAL),
        ("Tell me about yourself.", Kind.PERSONAL),
        ("What's your greatest weakness?", Kind.PERSONAL),
        ("Do you have any questions for us?", Kind.CLOSING),
        ("What are your salary expectations?", Kind.CLOSING),
        ("What is the difference between an accrual and a prepayment?", Kind.TECHNICAL),
        ("Explain how you would reconcile a bank account.", Kind.TECHNICAL),
    ],
)
def test_kind_from_text(question: str, kind: Kind) -> None:
    assert kind_from_text(question) is kind


@pytest.mark.parametrize(
    ("name", "interviewers", "candidate", "asked"),
    [
        (
            "teams.vtt",
            ("Priya Shah",),
            "Sam Lee",
            [
                ("Tell me about a project that failed and what you learned.", "Sure. At my"),
                ("Why do you want to leave your current job?", "I have learned"),
                ("What would you do if two managers gave you conflicting priorities?", "I would"),
            ],
        ),
        (
            "zoom.txt",
            ("Jordan Miles", "Rita Osei"),
            "Alex Kim",
            [
                ("Tell me about yourself.", "I'm a ward nurse"),
                ("Describe a time you had to escalate a concern about a patient.", "A patient's"),
                ("Do you have any questions for us?", "Yes, what does"),
            ],
        ),
        (
            "meet.txt",
            ("Dana Ruiz",),
            "Chris Park",
            [
                ("Give me an example of when you dealt with an angry customer.", "A customer"),
                ("How would you handle a shift where two colleagues call in sick?", ""),
            ],
        ),
        (
            "labels.txt",
            ("Interviewer",),
            "Me",
            [
                ("Tell me about a time you went above and beyond for a customer.", "In my first"),
                ("What's your greatest weakness?", "I take on too much"),
            ],
        ),
        (
            "notes.txt",
            (),
            "",
            [
                ("Why do you want to work here?", "said I like"),
                ("Tell me about a time you disagreed with your manager.", "I talked about"),
                ("What are your salary expectations?", ""),
                ("Walk me through your CV", ""),
            ],
        ),
    ],
)
def test_transcript_questions(
    name: str, interviewers: tuple[str, ...], candidate: str, asked: list[tuple[str, str]]
) -> None:
    found = parse_interview((TRANSCRIPTS / name).read_text(encoding="utf-8"))
    assert found.interviewers == interviewers
    assert found.candidate == candidate
    assert [e.question for e in found.exchanges] == [q for q, _ in asked]
    for exchange, (_, answer) in zip(found.exchanges, asked, strict=True):
        assert exchange.answer.startswith(answer)
        assert bool(exchange.answer) == bool(answer)


def test_small_talk_is_not_a_question() -> None:
    found = parse_interview("A: Can you hear me okay?\nB: Yes.\nA: How are you today?\nB: Good.")
    assert found.exchanges == ()


# ----- practice sets


def _q(qid: str, text: str, tags: tuple[str, ...] = (), points: tuple[str, ...] = ()) -> Question:
    return Question(qid, text, Kind.BEHAVIORAL, "core", (60, 120), tags, key_points=points)


BANK = Bank(
    "core",
    "Core",
    "",
    (
        _q("core-escalate", "Tell me about a time you escalated a concern.", ("escalation",)),
        _q("core-complaint", "Tell me about an unhappy customer.", ("complaints", "customer")),
        _q("core-yourself", "Tell me about yourself.", ("introduction",)),
    ),
    "core.yaml",
)


def test_practice_set_matches_and_makes_questions() -> None:
    posting = parse_posting(_posting("staff-nurse.txt"))
    practice = build_set(posting, [BANK], bank_id="job-staff-nurse")
    bundled = {p.question.id: p for p in practice.questions if not p.generated}
    assert set(bundled) == {"core-escalate"}
    assert bundled["core-escalate"].matches[0].item.label == "duty 2"
    assert "escalate" in bundled["core-escalate"].reason
    made = practice.generated
    assert made and all(q.kind is Kind.BEHAVIORAL and q.key_points for q in made)
    assert len({q.id for q in made}) == len(made)
    assert all(q.id.startswith("job-staff-nurse-") for q in made)
    assert "Tell me about a time you administered medication safely and kept accurate records." in [
        q.text for q in made
    ]
    # A registration is stated, not told as a story: listed as uncovered, not asked.
    assert "NMC registration" in [i.text for i in practice.uncovered]
    covered = {m.item for p in practice.questions for m in p.matches}
    assert not covered & set(practice.uncovered)
    assert covered | set(practice.uncovered) == set(posting.items)


def test_one_shared_common_word_is_no_match() -> None:
    posting = parse_posting("Responsibilities:\n- Keep the customer database tidy and current")
    practice = build_set(posting, [BANK], bank_id="job-x", generated_limit=0)
    assert practice.questions == ()
    assert len(practice.uncovered) == 1


def test_written_bank_loads(tmp_path: Path) -> None:
    posting = parse_posting(_posting("messy-accountant.html.txt"))
    practice = build_set(posting, [BANK], bank_id="job-senior-accountant")
    path = tmp_path / "job-senior-accountant.yaml"
    doc = bank_document(
        "job-senior-accountant", "Job", "About.", practice.generated, field="finance"
    )
    write_bank(path, dump(doc, header="# made\n"))
    bank = load_bank_file(path, user=True)
    assert bank.field == "finance"
    assert [q.id for q in bank.questions] == [q.id for q in practice.generated]
    assert bank.questions[0].example_outline == practice.generated[0].example_outline


def test_write_bank_never_replaces_unasked(tmp_path: Path) -> None:
    path = tmp_path / "job-x.yaml"
    path.write_text("mine\n")
    with pytest.raises(MockintError, match="already exists"):
        write_bank(path, "new\n")
    assert path.read_text() == "mine\n"
    write_bank(path, "new\n", replace=True)
    assert path.read_text() == "new\n"
    link = tmp_path / "job-link.yaml"
    link.symlink_to(path)
    with pytest.raises(MockintError, match="already exists"):
        write_bank(link, "other\n", replace=True)
    assert path.read_text() == "new\n"
    assert list(tmp_path.glob(".*.tmp")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-01-12", date(2027, 1, 12)),
        ("12 Jan", date(2027, 1, 12)),
        ("Jan 12", date(2027, 1, 12)),
        ("12th january 2027", date(2027, 1, 12)),
        ("3 dec", date(2026, 12, 3)),
        ("tomorrow", date(2026, 12, 2)),
        ("today", date(2026, 12, 1)),
    ],
)
def test_interview_dates(text: str, expected: date) -> None:
    assert parse_day(text, date(2026, 12, 1)) == expected


@pytest.mark.parametrize("text", ["soon", "31 feb", "13/13/2027", ""])
def test_not_a_date(text: str) -> None:
    with pytest.raises(MockintError, match="is not a date"):
        parse_day(text, date(2026, 12, 1))
