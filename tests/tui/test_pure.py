"""The app's pure helpers, table-driven: no app, no Textual event loop."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date, datetime

import pytest

from mockint.errors import MockintError
from mockint.models import Transcript
from mockint.practice.progress import DayStat
from mockint.speech.live import LiveUpdate
from mockint.tui.data import AttemptRow, HomeData, PendingResult, pending_notice
from mockint.tui.feedback import FeedbackData, FeedbackWord
from mockint.tui.screens.debrief import parse_interview_date, parse_questions
from mockint.tui.screens.history import columns_for, matches, sort_rows
from mockint.tui.screens.progress import chart_title, time_axis, y_range
from mockint.tui.screens.summary import change
from mockint.tui.session import live_text
from mockint.tui.widgets.level_meter import level_fraction
from mockint.tui.widgets.score_card import render_card
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


def _update(text: str) -> LiveUpdate:
    words = Transcript.from_text(text).words
    return LiveUpdate(words, words, 0.0, 0.0)


@pytest.mark.parametrize(
    ("update", "text"),
    [(_update("so far"), "so far"), (_update(""), "")],
)
def test_live_text(update: LiveUpdate, text: str) -> None:
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


# -- answers waiting to be scored -------------------------------------------------------------


def _home(pending: int, recovered: int) -> HomeData:
    return HomeData((), 0, 0, (), (), 3, pending, recovered)


@pytest.mark.parametrize(
    ("days", "last", "line"),
    [
        (0, None, "Streak: none yet"),
        (0, date(2025, 3, 12), "Streak: ended after Mar 12 (best 4 days)"),  # a missed day
        (3, date(2025, 3, 14), "3-day streak"),
    ],
)
def test_home_streak_says_when_it_ended(days: int, last: date | None, line: str) -> None:
    from mockint.tui.screens.home import render_streak

    data = replace(_home(0, 0), streak_days=days, streak_best=4, streak_last_day=last)
    assert line in render_streak(data).plain


@pytest.mark.parametrize(
    ("pending", "recovered", "line"),
    [
        (0, 0, ""),
        (1, 1, "1 unfinished answer was recovered — press R to score it"),
        (2, 2, "2 unfinished answers were recovered — press R to score them"),
        (1, 0, "1 answer is not scored yet — press R to score it"),
        (3, 1, "3 answers are not scored yet (1 recovered after a crash) — press R to score them"),
    ],
)
def test_pending_notice(pending: int, recovered: int, line: str) -> None:
    assert pending_notice(_home(pending, recovered)) == line


def test_pending_result_message() -> None:
    assert PendingResult().message() == "Nothing was waiting to be scored."
    assert PendingResult(((1, 72),)).message() == "Scored 1 answer (72); see History."
    both = PendingResult(((1, 72), (2, 40)), ((3, "no audio"),)).message()
    assert both == "Scored 2 answers (72, 40); see History. 1 failed again: no audio."


# -- the debrief's interview date -------------------------------------------------------------

TODAY = date(2025, 3, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-14", date(2025, 3, 14)),
        (" 2024-12-31 ", date(2024, 12, 31)),
        ("2025-3-1", "YYYY-MM-DD"),
        ("20250314", "YYYY-MM-DD"),
        ("", "YYYY-MM-DD"),
        ("2025-02-30", "not a real date"),
        ("2025-03-15", "in the future"),
    ],
)
def test_parse_interview_date(text: str, expected: date | str) -> None:
    if isinstance(expected, date):
        assert parse_interview_date(text, TODAY) == expected
    else:
        with pytest.raises(ValueError, match=expected):
            parse_interview_date(text, TODAY)


# -- one duration everywhere ------------------------------------------------------------------


def test_the_card_shows_the_length_the_tips_quote() -> None:
    from dataclasses import replace

    from mockint.models import Transcript
    from tests.tui.fakes import QUESTIONS, fake_score

    # 75 s of audio, but the words span about 20 s: the scorer's length is the answer's.
    words = Transcript.from_text("So I led the migration and errors fell by half. " * 5, wpm=140)
    scored = fake_score(replace(words, duration_s=75.0), QUESTIONS[0])
    data = FeedbackData.from_scored(scored)
    assert data.duration_s == 75.0
    tip = next(t for t in scored.report.tips if "lasted" in t)
    assert f"lasted {data.length_text};" in tip
    card = _plain(render_card(data))
    assert data.length_text in card and "1:15" not in card


@pytest.mark.parametrize(
    ("length", "text"),
    [
        ({"seconds": 24.4, "estimated": False}, "0:24"),
        ({"seconds": 61.0, "estimated": True}, "≈1:01"),  # stored without its word count
        ({"estimated": True, "words": 152, "target_words": [150, 300]}, "152 words"),
        ({"estimated": True, "words": 1}, "1 word"),
        (None, "1:32"),  # a scorer without the length metric: the recording's length
    ],
)
def test_length_text(length: dict[str, object] | None, text: str) -> None:
    metrics = {"length": length} if length else {}
    assert FeedbackData.from_dict({"duration_s": 92.4, "metrics": metrics}).length_text == text


@pytest.mark.parametrize("width", [30, 40, 80])
def test_the_score_card_fits_its_width(width: int) -> None:
    data = FeedbackData.from_dict({**SCORE_JSON, "score": {"overall": 64, "parts": PARTS}})
    lines = _plain(render_card(data, width), width).splitlines()
    assert max(len(line.rstrip()) for line in lines) <= width
    assert "…" not in "".join(lines)  # nothing truncated: the layout stacks instead


PARTS = {"fillers": 60, "length": 34, "language": 84, "structure": 90, "coverage": 0}


def _plain(renderable: object, width: int = 100) -> str:
    from rich.console import Console

    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


# -- progress by date -------------------------------------------------------------------------


def test_time_axis_by_day() -> None:
    axis = time_axis([date(2025, 3, 8), date(2025, 3, 10), date(2025, 3, 14)])
    assert axis.title == "date"
    assert axis.xs == [0.0, 2.0, 6.0]
    assert axis.labels[0] == "Mar 8" and axis.labels[-1] == "Mar 14"
    assert axis.ticks[0] == 0 and axis.ticks[-1] == 6 and len(axis.ticks) <= 4


def test_time_axis_on_one_day_is_that_day() -> None:
    axis = time_axis([date(2025, 3, 14)])
    assert axis.xs == [0.0] and axis.labels == ["Mar 14"]


def test_time_axis_across_years_names_them() -> None:
    axis = time_axis([date(2024, 12, 28), date(2025, 3, 14)])
    assert axis.labels[0] == "Dec 28 '24" and axis.labels[-1] == "Mar 14 '25"


def test_y_range_holds_the_spread_and_the_pace_band() -> None:
    stats = [DayStat(date(2025, 3, 8), 170.0, 150.0, 190.0, 3)]
    low, high = y_range(stats, (120.0, 160.0))
    assert low < 120 and high > 190


# -- 80 columns -------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 100, 140])
def test_history_columns_fit_the_terminal(width: int) -> None:
    cols = columns_for(width)
    when = len(datetime(2025, 3, 14, 9, 30).strftime(cols.when)) + 2  # "▶ " marks one row
    used = when + cols.bank + cols.question + 5 + 5 + cols.flags
    used += 2 * (6 if cols.flags else 5) + 4  # cell padding; page padding and scrollbar
    assert used <= width
    assert cols.question >= 30


@pytest.mark.parametrize(
    ("why", "detail", "shown", "never"),
    [
        ("new", "new", "  new\n", "new: new"),
        ("new", "warm-up", "new: warm-up", ""),
        ("due", "overdue by 2 days", "due: overdue by 2 days", ""),
    ],
)
def test_the_plan_says_why_each_question_is_there_once(
    why: str, detail: str, shown: str, never: str
) -> None:
    from mockint.commands.daily import render
    from mockint.practice.plan import DailyPlan, PlanItem
    from mockint.practice.streaks import Streak
    from mockint.tui.screens.home import render_plan
    from tests.tui.fakes import QUESTIONS

    item = PlanItem(QUESTIONS[0], why, detail, 2.0)  # type: ignore[arg-type]
    home = render_plan(HomeData((item,), 2, 0, (), (), 1)).plain + "\n"
    assert shown in home and (not never or never not in home)
    plan = DailyPlan(date(2026, 12, 1), (item,), 5, 15, 0, False)
    printed = render(plan, Streak(0, 0, False, None))
    line = next(x for x in printed.splitlines() if QUESTIONS[0].id in x)
    assert line.strip() == (QUESTIONS[0].id if detail == why else f"{QUESTIONS[0].id} · {detail}")


@pytest.mark.parametrize(
    ("chart", "has_points", "says"),
    [
        ("chart-pace", False, "Pace: none yet (spoken answers only)"),
        ("chart-fillers", False, "Fillers per minute: none yet (spoken answers only)"),
        ("chart-pace", True, "Pace (wpm)"),
        ("chart-overall", False, "Overall: none yet"),
    ],
)
def test_an_empty_chart_says_why(chart: str, has_points: bool, says: str) -> None:
    """Typed answers have no minutes: the pace and fillers charts stay empty, and say so."""
    stats = [DayStat(date(2026, 12, 1), 140.0, 140.0, 140.0, 1)] if has_points else []
    title = "Pace (wpm)" if chart == "chart-pace" else "Overall"
    assert chart_title(chart, title, stats) == says


def test_help_lists_every_screen_the_home_screen_opens() -> None:
    from mockint.tui.screens.help import other_screens

    names = [name for name, _ in other_screens()]
    assert {"Interview", "Job", "Debrief", "Progress", "History", "Banks"} <= set(names)
    assert all(what and "``" not in what for _, what in other_screens())
