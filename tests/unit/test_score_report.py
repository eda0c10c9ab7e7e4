"""ScoreReport.from_dict reads back exactly what to_dict wrote (stored attempts, --json)."""

from __future__ import annotations

import json

import pytest

from mockint.models import Kind, Question, Transcript
from mockint.scoring import ScoreReport, score_answer

BEHAVIORAL = Question(
    "beh-x",
    "Tell me about a conflict.",
    Kind.BEHAVIORAL,
    "beh",
    (60, 120),
    key_points=("the conflict", "the outcome"),
)
ANSWERS = [
    ("", None),
    ("Um, so I, uh, think we basically did stuff, you know.", None),
    (
        "At my last job two engineers disagreed about a release. My task was to get us "
        "shipping again. I set up a meeting and wrote down both plans. As a result we "
        "shipped a week early and cut bugs by thirty percent.",
        BEHAVIORAL,
    ),
]


@pytest.mark.parametrize(("text", "question"), ANSWERS, ids=["empty", "ramble", "star"])
def test_from_dict_round_trips_to_dict(text: str, question: Question | None) -> None:
    report = score_answer(Transcript.from_text(text, wpm=140), question)
    stored = json.loads(json.dumps(report.to_dict()))  # as the store keeps it
    back = ScoreReport.from_dict(stored)
    assert json.loads(json.dumps(back.to_dict())) == stored
    assert (back.overall, back.flags, back.tips) == (report.overall, report.flags, report.tips)
    assert back.annotations == report.annotations
    assert back.sentences == report.sentences
    assert back.word_count == report.word_count


def test_from_dict_of_an_older_report_keeps_defaults() -> None:
    back = ScoreReport.from_dict({"metrics": {"wpm": 120.0}, "score": {"overall": 64}})
    assert (back.overall, back.flags, back.annotations, back.sentences) == (64, [], {}, ())
