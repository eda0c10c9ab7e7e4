"""The app's pure helpers, table-driven: no app, no Textual event loop."""

from __future__ import annotations

import argparse
from datetime import datetime

import pytest

from mockint.errors import MockintError
from mockint.tui.data import AttemptRow
from mockint.tui.feedback import FeedbackData, FeedbackWord
from mockint.tui.screens.debrief import parse_questions
from mockint.tui.screens.history import matches, sort_rows
from mockint.tui.screens.summary import change
from mockint.tui.session import live_text
from mockint.tui.widgets.level_meter import level_fraction
from mockint.tui.widgets.timer import clock, target_state
from mockint.tui.widgets.transcript_view import word_at


@pytest.mark.parametrize(
    ("seconds", "expected"), [(0, "0:00"), (9.9, "0:09"), (61, "1:01"), (600, "10:00")]
)
def test_clock(seconds: float, expected: str) -> None:
    assert clock(seconds) == expected


@pytest.mark.parametrize(
    ("elapsed", "state"),
    [(0, "short"), (59.9, "short"), (60, "good"), (120, "good"), (121, "long")],
)
def test_target_state(elapsed: float, state: str) -> None:
    assert target_state(elapsed, (60, 120)) == state


@pytest.mark.parametrize(
    ("dbfs", "fraction"),
    [(-120, 0.0), (-60, 0.0), (-30, 0.5), (0, 1.0), (6, 1.0), (float("nan"), 0.0)],
)
def test_level_fraction(dbfs: float, fraction: float) -> None:
    assert level_fraction(dbfs) == pytest.approx(fraction)


WORDS = [FeedbackWord("a", 0.0, 0.4), FeedbackWord("b", 0.5, 0.9), FeedbackWord("c", 1.2, 1.5)]


@pytest.mark.parametrize(
    ("position", "index"), [(-1.0, None), (0.0, 0), (0.45, 0), (0.5, 1), (1.0, 1), (9.0, 2)]
)
def test_word_at(position: float, index: int | None) -> None:
    assert word_at(WORDS, position) == index


@pytest.mark.parametrize(
    ("now", "before", "text"),
    [(None, 50, "not scored"), (70, None, "first time"), (70, 60, "+10"), (60, 60, "same"),
     (50, 60, "-10")],
)  # fmt: skip
def test_change(now: int | None, before: int | None, text: str) -> None:
    assert change(now, before) == text


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        ("", ()),
        ("Why us?\n\n- A failure?\n* Pay?", ("Why us?", "A failure?", "Pay?")),
        ("  • Strengths  \n", ("Strengths",)),
    ],
)
def test_parse_questions(text: str, questions: tuple[str, ...]) -> None:
    assert parse_questions(text) == questions


def _row(i: int, score: int | None, flags: tuple[str, ...] = ()) -> AttemptRow:
    return AttemptRow(
        i, f"q{i}", f"Question {i}", "behavioral", datetime(2025, 1, i), "scored", 60.0, score,
        flags,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("query", "hit"),
    [("", True), ("behav", True), ("question 1", True), ("missing_result", True),
     ("BEHAVIORAL q1", True), ("sales", False)],
)  # fmt: skip
def test_history_filter(query: str, hit: bool) -> None:
    assert matches(_row(1, 50, ("missing_result",)), query) is hit


def test_history_sorts_by_date_and_by_score_unscored_last() -> None:
    rows = [_row(1, 40), _row(2, None), _row(3, 90)]
    assert [r.id for r in sort_rows(rows, "date")] == [3, 2, 1]
    assert [r.id for r in sort_rows(rows, "score")] == [3, 1, 2]


class _Update:
    def __init__(self, words: tuple[object, ...]) -> None:
        self.words = words


@pytest.mark.parametrize(
    ("update", "text"),
    [("so far", "so far"), (_Update(()), ""), (42, "42")],
)
def test_live_text(update: object, text: str) -> None:
    assert live_text(update) == text


SCORE_JSON = {
    "audio": "a.flac",
    "question": "beh-x",
    "duration_s": 61.0,
    "words": [
        {"text": "Um,", "start": 0.0, "end": 0.3},
        {"text": "I", "start": 0.4, "end": 0.5},
        {"text": "think", "start": 0.5, "end": 0.8},
        {"text": "we", "start": 0.9, "end": 1.0},
    ],
    "metrics": {
        "wpm": 140.0,
        "fillers": {"total": 1, "per_minute": 1.0},
        "hedges": {"total": 1},
        "star": {"situation": True, "task": False, "action": True, "result": False},
        "structure": {"parts": {"situation": {"evidence": ["At my last job…"]}}},
        "key_points": [{"text": "the outcome", "covered": True}],
    },
    "score": {"overall": 71, "parts": {"fillers": 90}},
    "flags": ["missing_task"],
    "tips": ["one", "two", "three", "four"],
    "annotations": [{"index": 0, "tags": ["filler"]}, {"index": 1, "tags": ["hedge"]},
                    {"index": 2, "tags": ["hedge"]}],
}  # fmt: skip


def test_feedback_from_the_score_json() -> None:
    data = FeedbackData.from_dict(SCORE_JSON)
    assert (data.overall, data.parts, data.flags) == (71, {"fillers": 90}, ("missing_task",))
    assert data.tips == ("one", "two", "three")  # the top three only
    assert [w.tag for w in data.words] == ["filler", "hedge", "hedge", None]
    assert [(p.name, p.present) for p in data.star] == [
        ("situation", True), ("task", False), ("action", True), ("result", False),
    ]  # fmt: skip
    assert data.star[0].sentence == "At my last job…"
    assert data.key_points == (("the outcome", True),)


@pytest.mark.parametrize("drop", ["metrics", "score", "words", "annotations", "tips"])
def test_feedback_tolerates_missing_keys(drop: str) -> None:
    data = FeedbackData.from_dict({k: v for k, v in SCORE_JSON.items() if k != drop})
    assert isinstance(data.overall, int)


def test_without_annotations_vocal_fillers_are_still_marked() -> None:
    raw = {k: v for k, v in SCORE_JSON.items() if k != "annotations"}
    assert FeedbackData.from_dict(raw).words[0].tag == "filler"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--count", "0"], "--count must be 1 or more"),
        (["--drill", "bogus"], "unknown flag 'bogus'"),
        (["--drill", "--bank", "x"], "--drill picks its own questions"),
        (["--bank", "no-such-bank"], "no-such-bank"),
        (["--question", "no-such-question"], "no-such-question"),
    ],
)
def test_practice_command_rejects_bad_input_before_opening(argv: list[str], message: str) -> None:
    from mockint.commands import practice

    parser = argparse.ArgumentParser()
    practice.add_arguments(parser)
    with pytest.raises(MockintError, match=message):
        practice.run(parser.parse_args(argv))
