"""score_answer end to end: the report's shape, flags, scores, tips and annotations."""

from __future__ import annotations

import json

import pytest

from mockint.config import config_from_dict
from mockint.models import Kind, Transcript
from mockint.scoring import ScoreReport, score_answer
from mockint.scoring.config import ScoringConfig
from mockint.scoring.result import FLAGS, TAGS
from tests.unit.scoring.helpers import question, timed

CLEAN = (
    "At my last job I was a backend engineer on the payments team. Our checkout page was "
    "timing out during sales, and my goal was to cut the checkout latency in half before "
    "Black Friday. I profiled the service and found that we were calling the fraud API twice "
    "for every order. I added a cache in front of it and I wrote load tests that replayed "
    "real traffic. I also set up an alert on the latency. As a result, latency dropped by "
    "45% and we handled three times the usual traffic with no incidents."
)
RAMBLE = (
    "Um, so yeah, like, I've done a lot of projects, you know, and uh there was this one "
    "time where, um, we had like a lot going on and uh it was kind of crazy. Basically "
    "everyone was like, busy and um I was doing stuff too, you know, helping out and uh "
    "things were like all over the place. So yeah, it was a lot, I mean, it was fine, I "
    "guess, I think, maybe. Um, and, like, we kind of did stuff and, uh, you know, it was "
    "okay I guess."
)


def test_a_clean_star_answer_clearly_outscores_a_filler_heavy_ramble() -> None:
    clean, ramble = (
        score_answer(Transcript.from_text(CLEAN)),
        score_answer(Transcript.from_text(RAMBLE)),
    )
    assert abs(clean.word_count - ramble.word_count) <= 10  # the same length
    assert clean.overall - ramble.overall >= 20
    assert "filler_heavy" in ramble.flags and "filler_heavy" not in clean.flags


def test_the_contract_keys_and_json() -> None:
    report = score_answer(Transcript.from_text(CLEAN), question())
    data = json.loads(json.dumps(report.to_dict()))
    assert {"metrics", "score", "flags", "tips"} <= set(data)
    metrics = data["metrics"]
    assert {"word_count", "wpm", "fillers", "long_pauses", "hedges", "star"} <= set(metrics)
    assert {"total", "per_minute", "per_100_words", "counts"} <= set(metrics["fillers"])
    assert {"total", "counts"} <= set(metrics["hedges"])
    assert set(metrics["star"]) == {"situation", "task", "action", "result"}
    assert set(data["score"]) >= {"overall", "parts"}
    assert set(data["score"]["parts"]) == set(data["score"]["explanations"])
    assert data["flags"] == []
    assert sum(report.weights.values()) == pytest.approx(1.0, abs=0.01)


def test_empty_transcript_is_no_speech() -> None:
    report = score_answer(Transcript((), 0.0))
    assert report.flags == ["no_speech"]
    assert report.overall == 0
    assert report.tips and "microphone" in report.tips[0]
    json.dumps(report.to_dict())


def test_fillers_and_hedges_are_annotated_per_word() -> None:
    report = score_answer(Transcript.from_text("Um, I think we, like, shipped it."))
    assert report.tags(0) == ("filler",)
    assert report.tags(1) == report.tags(2) == ("hedge",)
    assert report.tags(4) == ("filler",)
    assert report.tags(5) == ()
    assert {t for tags in report.annotations.values() for t in tags} <= set(TAGS)


def test_long_pauses_are_annotated_on_the_word_after() -> None:
    report = score_answer(timed("we started", 2.5, "then it worked"))
    assert report.tags(2) == ("long_pause_before",)
    assert report.metrics["long_pauses"][0]["start"] == pytest.approx(0.72, abs=0.01)


@pytest.mark.parametrize(
    ("kind", "has_structure"),
    [(Kind.BEHAVIORAL, True), (Kind.TECHNICAL, False), (Kind.PERSONAL, False)],
)
def test_structure_only_for_behavioral_questions(kind: Kind, has_structure: bool) -> None:
    report = score_answer(Transcript.from_text("I like Go."), question(kind))
    assert (report.structure is not None) is has_structure
    assert ("structure" in report.parts) is has_structure
    assert not any(f.startswith("missing_") for f in report.flags) or has_structure


def test_coverage_only_with_key_points() -> None:
    q = question(Kind.TECHNICAL, key_points=("DNS lookup", "TLS handshake"))
    report = score_answer(Transcript.from_text("The browser does a DNS lookup first."), q)
    assert report.coverage is not None and report.coverage.covered == 1
    assert report.parts["coverage"] == 50
    assert report.metrics["key_points"][0]["covered"] is True
    assert any("TLS handshake" in tip for tip in report.tips)


def test_untimed_transcripts_skip_pace_and_pauses() -> None:
    words = Transcript.from_text(CLEAN).words
    untimed = Transcript(tuple(type(w)(w.text, 0.0, 0.0) for w in words), 0.0)
    report = score_answer(untimed)
    assert "pace" not in report.parts and "pauses" not in report.parts
    # Nothing measured in time is reported for a typed answer, not even as "None".
    assert not {"wpm", "wpm_raw", "pace", "pauses", "long_pauses"} & set(report.metrics)
    assert "per_minute" not in report.metrics["fillers"]
    assert report.length is not None and report.length.target_words is not None
    assert "s target" not in report.explanations["length"]
    assert report.structure is not None
    assert all(p.start is None for p in report.structure.parts.values())


@pytest.mark.parametrize(
    ("target", "flag"),
    [((60, 120), "too_short"), ((5, 20), "too_long"), ((20, 60), None)],
)
def test_length_flags_follow_the_question_target(target: tuple[int, int], flag: str | None) -> None:
    report = score_answer(Transcript.from_text(CLEAN), question(target=target))
    length_flags = {"too_short", "too_long"} & set(report.flags)
    assert length_flags == ({flag} if flag else set())


def test_tips_are_specific_and_at_most_three() -> None:
    report = score_answer(Transcript.from_text(RAMBLE), question(target=(20, 150)))
    assert 1 <= len(report.tips) <= 3
    # the worst first; the rest counted, so the figures add up to the total
    assert "You said 'like' 5 times, 'uh' 4 times and 15 more" in report.tips[0]
    assert "(24 fillers," in report.tips[0]


def test_tip_for_a_result_without_numbers() -> None:
    text = (
        "At my last job the client was unhappy. My job was to win them back. I met them and "
        "I rebuilt their reports. In the end the client was happy and renewed."
    )
    report = score_answer(Transcript.from_text(text), question(target=(5, 150)))
    assert report.flags == ["no_numbers_in_result"]
    assert any("no number" in tip for tip in report.tips)


def test_weights_are_the_users() -> None:
    only_fillers = ScoringConfig(weights={"fillers": 1.0})
    report = score_answer(Transcript.from_text("Um, uh, um, we shipped it."), config=only_fillers)
    assert report.overall == report.parts["fillers"]
    assert report.weights["fillers"] == 1.0


def test_scoring_config_loads_from_config_yaml_data() -> None:
    config = config_from_dict(
        {"scoring": {"vocal_fillers": ["um"], "long_pause_s": 3, "weights": {"fillers": 2}}}
    ).scoring
    assert config.fillers.vocal == ["um"]
    assert config.pauses.long_pause_s == 3.0
    assert config.weights == {"fillers": 2.0}


def test_reports_can_still_be_built_by_hand() -> None:
    """Fakes elsewhere build ScoreReport directly; only metrics and overall are needed."""
    report = ScoreReport(metrics={"word_count": 3}, overall=50, flags=["too_short"])
    assert report.to_dict()["score"]["overall"] == 50
    assert set(report.flags) <= set(FLAGS)


def test_config_sections_and_the_flat_keys_of_earlier_versions() -> None:
    from mockint.config import config_from_dict

    nested = config_from_dict({"scoring": {"pace": {"too_fast_wpm": 190}}}).scoring
    flat = config_from_dict({"scoring": {"too_fast_wpm": 190, "star_position_weight": 1}})
    assert nested.pace.too_fast_wpm == flat.scoring.pace.too_fast_wpm == 190
    both = config_from_dict(
        {"scoring": {"too_fast_wpm": 170, "pace": {"too_fast_wpm": 190}, "hedges": ["maybe"]}}
    ).scoring
    assert both.pace.too_fast_wpm == 190 and both.language.hedges == ["maybe"]
    assert "um" in ScoringConfig().fillers.vocal  # the shipped lists are package data
