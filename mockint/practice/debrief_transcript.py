"""A debrief from what was said: a real interview's transcript (or the user's notes) read
from a file or a paste, and its questions offered for the user to confirm.

The finding is :func:`mockint.prep.transcript.parse_interview`'s; this module turns what it
found into a debrief's inputs. Where the transcript has the user's own words (a labelled
call transcript), they are the answer, scored as a first typed attempt; in unlabelled notes
the lines under a question are notes about the answer, not the answer, so they are kept
with the debrief's notes instead of being scored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mockint.models import Kind
from mockint.prep.textfile import read_text_file
from mockint.prep.transcript import parse_interview

"""A transcript of a long interview is a few hundred kB; more is not a transcript."""

# Labels that name a role, not a person: no "Hi Interviewer," in the follow-up note.
_NOT_A_NAME = re.compile(
    r"^(interviewer|recruiter|hiring manager|panel\w*|q|hr|speaker\b.*)$", re.I
)


@dataclass(frozen=True)
class FoundQuestion:
    text: str
    kind: Kind
    answer: str
    """The user's own words after it ("" when the transcript has none, or is notes)."""
    note: str
    """The user's notes under it, in unlabelled notes."""


@dataclass(frozen=True)
class FoundInterview:
    questions: tuple[FoundQuestion, ...]
    interviewer: str
    """The first interviewer's name, for the follow-up note ("" when only a role label)."""
    candidate: str


def find_questions(text: str) -> FoundInterview:
    """The interviewer's questions in a transcript or notes (maybe none)."""
    found = parse_interview(text)
    labelled = bool(found.candidate)
    questions = tuple(
        FoundQuestion(
            e.question,
            e.kind,
            answer=e.answer if labelled else "",
            note="" if labelled else e.answer,
        )
        for e in found.exchanges
    )
    names = [n for n in found.interviewers if not _NOT_A_NAME.match(n)]
    return FoundInterview(questions, names[0] if names else "", found.candidate)


def notes_from(questions: Sequence[FoundQuestion]) -> str:
    """The notes the user wrote under each question, as one text for the debrief."""
    return "\n".join(f"On “{q.text}”: {q.note}" for q in questions if q.note)


def read_transcript(path: Path) -> str:
    """The text of a transcript file; a MockintError in one line when it cannot be one."""
    return read_text_file(path, "the transcript")


NO_QUESTIONS = (
    "found no interviewer's questions in {where}: questions end with '?' or start like "
    "'Tell me about…', or follow a label such as 'Interviewer:'"
)
