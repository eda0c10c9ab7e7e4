"""Text pieces of stored attempts: durations, sparklines, filler and hedge marks."""

from __future__ import annotations

import io
from typing import Any

import pytest

from mockint.commands.replay import StepPrinter
from mockint.fmt import clip
from mockint.models import Transcript
from mockint.store import display


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(None, "-"), (0.0, "0:00"), (59.6, "1:00"), (92.4, "1:32"), (600, "10:00")],
)
def test_duration(seconds: float | None, text: str) -> None:
    assert display.duration(seconds) == text


@pytest.mark.parametrize(
    ("scores", "spark"),
    [([], ""), ([0, 100], "▁█"), ([50, 70, 90], "▅▆▇"), ([0] * 10 + [100] * 30, "█" * 30)],
)
def test_sparkline(scores: list[int], spark: str) -> None:
    assert display.sparkline(scores) == spark


@pytest.mark.parametrize(
    ("text", "width", "out"), [("short", 10, "short"), ("a  b\nc", 10, "a b c")]
)
def test_clip(text: str, width: int, out: str) -> None:
    assert clip(text, width) == out


def test_clip_long() -> None:
    assert clip("abcdefghij", 5) == "abcd…"


SAID = "Um I think we like shipped it uh on time"

CASES: list[tuple[str, dict[str, Any], str]] = [
    ("no report: vocal fillers only", {}, "[Um] I think we like shipped it [uh] on time"),
    (
        "hedge counts from the report",
        {"metrics": {"hedges": {"counts": {"i think": 1}}}},
        "[Um] {I think} we like shipped it [uh] on time",
    ),
    (
        "scorer's items (word_index/end_index)",
        {
            "metrics": {
                "fillers": {"items": [{"word_index": 4, "end_index": 4}]},
                "hedges": {"items": [{"word_index": 1, "end_index": 2}]},
            }
        },
        "Um {I think} we [like] shipped it uh on time",
    ),
    (
        "annotations as ScoreReport.to_dict() gives them",
        {
            "annotations": [
                {"index": 0, "tags": ["filler"]},
                {"index": 1, "tags": ["hedge"]},
                {"index": 2, "tags": ["hedge"]},
                {"index": 4, "tags": ["filler", "hedge"]},
                {"index": 5, "tags": ["star_action"]},
            ],
            "metrics": {"hedges": {"counts": {"on time": 1}}},  # annotations win
        },
        "[Um] {I think} we [like] shipped it uh on time",
    ),
    (
        "annotations with kinds and ranges",
        {
            "annotations": [
                {"kind": "filler", "start_word": 0},
                {"kind": "hedge", "start_word": 1, "end_word": 2},
                {"kind": "other", "start_word": 3},
                {"kind": "filler", "start_word": 99},
            ]
        },
        "[Um] {I think} we like shipped it uh on time",
    ),
]


@pytest.mark.parametrize(("report", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_marked_transcript(report: dict[str, Any], expected: str) -> None:
    words = Transcript.from_text(SAID).words
    assert display.marked_transcript(words, report) == expected


def test_step_printer_prints_words_as_playback_reaches_them() -> None:
    words = Transcript.from_text("um one two three four", wpm=60).words  # one word a second
    out = io.StringIO()
    printer = StepPrinter(words, display.word_marks(words, {}), out, width=12)
    printer.advance(0.5)
    assert out.getvalue() == "[um]"
    printer.advance(2.0)
    assert out.getvalue() == "[um] one two"
    printer.finish()
    assert out.getvalue() == "[um] one two\nthree four\n"
