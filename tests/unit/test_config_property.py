"""Property (issue 16, case 7): whatever value a numeric setting holds, loading the config
either fails with one line naming the setting, or gives settings that every part using them
survives: FSRS schedules reviews, and scoring gives a 0-100 score, without an exception."""

from __future__ import annotations

import dataclasses
import math
import typing
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fsrs import Card, Rating
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockint.config import Config, config_from_dict
from mockint.errors import MockintError
from mockint.models import Kind, Question, Transcript, Word
from mockint.practice.scheduler import make_scheduler, rating_for_score
from mockint.scoring.overall import score_answer

SETTINGS = dict(
    deadline=None,  # the machine is shared: never fail on timing
    database=None,
    derandomize=True,  # the same values every run: a failure reproduces
    suppress_health_check=[HealthCheck.too_slow],
)


def _numeric_settings(cls: type = Config, at: str = "") -> list[tuple[str, str, Any]]:
    """(section, field, type hint) of every number, pair of numbers and mapping of numbers;
    nested sections (``scoring.pace``) are named with a dot."""
    found = []
    for name, hint in typing.get_type_hints(cls).items():
        if name == "LIMITS":
            continue
        if dataclasses.is_dataclass(hint):
            found.extend(_numeric_settings(hint, f"{at}.{name}" if at else name))
        elif at and any(t in str(hint) for t in ("int", "float")):
            found.append((at, name, hint))
    return found


def _put(raw: dict[str, Any], section: str, name: str, value: Any) -> None:
    for key in section.split("."):
        raw = raw.setdefault(key, {})
    raw[name] = value


NUMERIC = _numeric_settings()

numbers = st.one_of(
    st.integers(min_value=-(10**25), max_value=10**25),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1, 0.0, -0.0, 0.5, 0.99, 1.0, 100, 101, 10**20, float("nan")]),
)
values = st.one_of(
    numbers,
    st.lists(numbers, min_size=0, max_size=3),
    st.dictionaries(st.sampled_from(["fillers", "pace", "length", "structure"]), numbers),
)

WORDS = tuple(
    Word(w, i * 0.4, i * 0.4 + 0.3)
    for i, w in enumerate(
        "um so at my last job I led the migration and we cut costs by 20 percent".split()  # noqa: SIM905
    )
)
QUESTION = Question("beh-x", "Tell me.", Kind.BEHAVIORAL, "behavioral", (60, 120))


def _use(config: Config) -> None:
    report = score_answer(Transcript(WORDS, duration_s=8.0), QUESTION, config.scoring)
    assert 0 <= report.overall <= 100
    scheduler = make_scheduler(config.practice)
    card, when = Card(), datetime(2026, 1, 1, tzinfo=UTC)
    for score in (report.overall, 30, 95):
        rating = Rating(rating_for_score(score, config.practice))
        card, _ = scheduler.review_card(card, rating, review_datetime=when)
        assert card.due >= when
        when += timedelta(days=1)


@settings(max_examples=600, **SETTINGS)  # type: ignore[arg-type]
@given(st.sampled_from(NUMERIC), values, st.sampled_from(NUMERIC), values)
def test_any_numeric_setting_is_refused_in_one_line_or_works(
    first: tuple[str, str, Any], a: Any, second: tuple[str, str, Any], b: Any
) -> None:
    raw: dict[str, Any] = {}
    _put(raw, first[0], first[1], a)
    _put(raw, second[0], second[1], b)
    try:
        config = config_from_dict(raw)
    except MockintError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith("config.yaml: ")
        named = [(s, f) for s, f, _ in (first, second) if f in message]
        assert any(f"config.yaml: {s}." in message for s, _ in named), message
        return
    _use(config)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"practice": {"desired_retention": 0}}, "practice.desired_retention: must be between"),
        ({"practice": {"desired_retention": -1}}, "practice.desired_retention"),
        ({"practice": {"daily_questions": -5}}, "practice.daily_questions: must be between 1"),
        ({"practice": {"weak_flag_window": 0}}, "practice.weak_flag_window"),
        ({"scoring": {"weights": {"pace": math.nan}}}, "scoring.weights: pace: must be finite"),
        # Flat keys of earlier config files are read, and named by their section now.
        ({"scoring": {"default_target_seconds": [0, 0]}}, "scoring.length.default_target"),
        ({"scoring": {"pace_window_s": 0}}, "scoring.pace.window_s: must be between 1 and 600"),
        ({"scoring": {"pace": {"gap_s": 0}}}, "scoring.pace.gap_s: must be between 0.1 and 60"),
        ({"practice": {"daily_questions": 10**30}}, "practice.daily_questions"),
        ({"practice": {"again_below": 90}}, "practice.hard_below: must be at least again_below"),
        ({"speech": {"beam_size": 0}}, "speech.beam_size: must be between 1 and 20, not 0"),
        ({"audio": {"silence_dbfs": 5}}, "audio.silence_dbfs"),
        ({"ui": {"prep_seconds": -1}}, "ui.prep_seconds"),
    ],
)
def test_nonsense_values_are_named_with_their_range(raw: dict[str, Any], message: str) -> None:
    with pytest.raises(MockintError) as caught:
        config_from_dict(raw)
    assert message.replace("must be finite", "must be a finite number") in str(caught.value)


def test_every_numeric_setting_is_covered() -> None:
    names = {f"{s}.{f}" for s, f, _ in NUMERIC}
    assert {"practice.desired_retention", "scoring.weights", "scoring.pace.window_s"} <= names
    assert "speech.beam_size" in names
    assert len(names) >= 40


@pytest.mark.parametrize("kind", ["dir", "fifo"])
def test_a_config_that_is_not_a_file_is_an_error_not_the_defaults(tmp_path: Any, kind: str) -> None:
    import os

    from mockint.config import load_config

    path = tmp_path / "config.yaml"
    if kind == "dir":
        path.mkdir()
    else:
        os.mkfifo(path)
    with pytest.raises(MockintError, match="not a regular file"):
        load_config(path)
