from __future__ import annotations

import pytest

from mockint.models import Transcript
from mockint.scoring.config import ScoringConfig
from mockint.scoring.pace import pace
from mockint.scoring.pauses import pauses
from mockint.scoring.text import tokenize
from tests.unit.scoring.helpers import timed

WORDS_60 = " ".join(["word"] * 60)


@pytest.mark.parametrize(
    ("wpm", "band", "too_slow", "too_fast"),
    [
        (150, "good", False, False),
        (110, "slow", False, False),
        (90, "too slow", True, False),
        (170, "fast", False, False),
        (200, "too fast", False, True),
    ],
)
def test_pace_bands(wpm: float, band: str, too_slow: bool, too_fast: bool) -> None:
    report = pace(tokenize(timed(WORDS_60, wpm=wpm)), True, ScoringConfig())
    assert report.wpm == pytest.approx(wpm, rel=0.02)
    assert (report.band, report.too_slow, report.too_fast) == (band, too_slow, too_fast)


def test_long_silences_are_not_speaking_time() -> None:
    report = pace(tokenize(timed(WORDS_60, 10.0, WORDS_60)), True, ScoringConfig())
    assert report.wpm == pytest.approx(150, rel=0.02)
    assert report.wpm_raw is not None and report.wpm_raw < 130


def test_pace_over_time_shows_rushing_at_the_end() -> None:
    steady = " ".join(["word"] * 100)
    words = timed(steady, wpm=130).words
    offset = words[-1].end + 0.2
    fast = tuple(
        type(w)(w.text, w.start + offset, w.end + offset) for w in timed(steady, wpm=230).words
    )
    report = pace(tokenize(Transcript(words + fast, fast[-1].end)), True, ScoringConfig())
    assert report.speeds_up
    assert report.windows[-1].wpm > report.windows[0].wpm


def test_short_answers_are_not_judged_on_pace() -> None:
    report = pace(tokenize(timed("one two three", wpm=300)), True, ScoringConfig())
    assert not report.too_fast


def test_no_timings_means_unknown_pace() -> None:
    report = pace(tokenize(Transcript.from_text("a b c")), False, ScoringConfig())
    assert (report.wpm, report.band) == (None, "unknown")


def test_pauses() -> None:
    transcript = timed("we started", 2.5, "then", 1.5, "it", 3.0, "worked", 0.2, "fine")
    report = pauses(tokenize(transcript), True, ScoringConfig())
    assert [(p.after_index, p.before_index) for p in report.long_pauses] == [(1, 2), (3, 4)]
    assert report.hesitations == 1
    assert report.flagged
    assert report.longest_s == pytest.approx(3.08, abs=0.01)


def test_one_long_pause_is_not_flagged() -> None:
    report = pauses(tokenize(timed("a b", 2.5, "c d")), True, ScoringConfig())
    assert len(report.long_pauses) == 1 and not report.flagged
