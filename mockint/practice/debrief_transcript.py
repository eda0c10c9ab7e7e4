"""A debrief from what was said: a real interview's transcript (or the user's notes) read
from a file or a paste, and its questions offered for the user to confirm.

The finding is :func:`mockint.prep.transcript.parse_interview`'s; this module turns what it
found into a debrief's inputs. Where the transcript has the user's own words (a labelled
call transcript), they are the answer, scored as a first typed attempt; in unlabelled notes
the lines under a question are notes about the answer, not the answer, so they are kept
with the debrief's notes instead of being scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mockint.prep.textfile import read_text_file
from mockint.prep.transcript import Exchange, InterviewText, parse_interview


def find_questions(text: str) -> InterviewText:
    """The interviewer's questions in a transcript or notes (maybe none), the user's words
    apart from their notes."""
    return parse_interview(text).answers_apart()


def notes_from(questions: Sequence[Exchange]) -> str:
    """The notes the user wrote under each question, as one text for the debrief."""
    return "\n".join(f"On “{q.question}”: {q.note}" for q in questions if q.note)


def read_transcript(path: Path) -> str:
    """The text of a transcript file; a MockintError in one line when it cannot be one."""
    return read_text_file(path, "the transcript")


NO_QUESTIONS = (
    "found no interviewer's questions in {where}: questions end with '?' or start like "
    "'Tell me about…', or follow a label such as 'Interviewer:'"
)
