"""More transcript shapes for the debrief, table-driven: SRT, Otter-style "Speaker 1  0:03",
a VTT with inline word timings, list bullets and numbers in notes, "Q1:"/"A1:" notes."""

from __future__ import annotations

import pytest

from mockint.models import Kind
from mockint.practice.debrief_transcript import find_questions, notes_from
from mockint.prep.transcript import parse_interview

CASES = [
    (
        "srt",
        "1\n00:00:01,000 --> 00:00:04,000\n<i>Interviewer:</i> Tell me about yourself.\n\n"
        "2\n00:00:04,500 --> 00:00:09,000\nMe: I am a teacher of ten years.\n",
        "Me",
        [("Tell me about yourself.", "I am a teacher")],
    ),
    (
        "otter",
        "Speaker 1  0:03\nThanks for coming. Why do you want this job?\n\n"
        "Speaker 2  0:08\nBecause I love teaching and your school has a great name for it.\n",
        "Speaker 2",
        [("Why do you want this job?", "Because I love")],
    ),
    (
        "vtt-inline-timings",
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n"
        "<v Dana>What would <00:00:02.000><c>you do</c> if a patient refused care?</v>\n\n"
        "00:00:05.000 --> 00:00:08.000\n<v Chris>I would listen first.</v>\n",
        "Chris",
        [("What would you do if a patient refused care?", "I would listen")],
    ),
    (
        "bullets",
        "Interview notes\n- Why do you want this job?\n- said it was the mission\n"
        "• Tell me about a time you failed\n* What is your notice period?\n",
        "",
        [
            ("Why do you want this job?", "said it was"),
            ("Tell me about a time you failed", ""),
            ("What is your notice period?", ""),
        ],
    ),
    (
        "numbered",
        "1. Why do you want this job?\n2) Tell me about a conflict with a colleague.\n"
        "3 - What are your salary expectations?\n",
        "",
        [
            ("Why do you want this job?", ""),
            ("Tell me about a conflict with a colleague.", ""),
            ("What are your salary expectations?", ""),
        ],
    ),
    (
        "numbered-q-and-a",
        "Q1: Why do you want this job?\nA1: I said the mission.\n"
        "Q2: Tell me about a time you failed.\nA2: The launch nobody used.\n",
        "A",
        [
            ("Why do you want this job?", "I said the mission."),
            ("Tell me about a time you failed.", "The launch"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "text", "candidate", "asked"), CASES, ids=[c[0] for c in CASES])
def test_transcript_formats(
    name: str, text: str, candidate: str, asked: list[tuple[str, str]]
) -> None:
    found = parse_interview(text)
    assert found.candidate == candidate
    assert [e.question for e in found.exchanges] == [q for q, _ in asked]
    for exchange, (_, answer) in zip(found.exchanges, asked, strict=True):
        assert exchange.answer.startswith(answer) and bool(exchange.answer) == bool(answer)


@pytest.mark.parametrize(
    ("text", "answers", "notes", "interviewer"),
    [
        # A labelled transcript: the user's words are the answer, to be scored.
        (
            "Priya Shah: Tell me about a time you failed.\nSam: The launch.",
            ["The launch."],
            "",
            "Priya Shah",
        ),
        # Notes: the line under a question is a note about the answer, not the answer.
        (
            "Why do you want Acme?\nsaid the mission, vague",
            [""],
            "On “Why do you want Acme?”: said the mission, vague",
            "",
        ),
        # A role label is no name for "Hi …," in the follow-up note.
        ("Interviewer: Why do you want Acme?\nMe: The mission.", ["The mission."], "", ""),
    ],
)
def test_found_questions_split_answers_from_notes(
    text: str, answers: list[str], notes: str, interviewer: str
) -> None:
    found = find_questions(text)
    assert [q.answer for q in found.exchanges] == answers
    assert notes_from(found.exchanges) == notes
    assert found.interviewer == interviewer


def test_found_questions_have_kinds() -> None:
    found = find_questions("Interviewer: Tell me about a project that failed.\nMe: Ours did.")
    assert [q.kind for q in found.exchanges] == [Kind.BEHAVIORAL]
