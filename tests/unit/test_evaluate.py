"""The evaluation's own arithmetic (benchmarks/evaluate.py): a wrong yardstick would make
every figure in README wrong."""

from __future__ import annotations

import pytest

from benchmarks.corpus import Clip
from benchmarks.evaluate import (
    Tally,
    _with_settings,
    expected_flags,
    invented,
    normalise,
    unsure_flags,
    verbatim,
)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Um, we cut costs by 30%.", ["we", "cut", "costs", "by", "30", "percent"]),
        ("forty services in three-months", ["40", "services", "in", "3", "months"]),
        ("Uhh, hmm... so, like, okay", ["so", "like", "okay"]),
        ("", []),
    ],
)
def test_normalise(text: str, words: list[str]) -> None:
    assert normalise(text) == words


@pytest.mark.parametrize(
    ("pairs", "prf"),
    [
        ([(2, 2)], (1.0, 1.0, 1.0)),
        ([(2, 1)], (1.0, 0.5, 2 / 3)),
        ([(0, 2)], (0.0, 1.0, 0.0)),
        ([], (1.0, 1.0, 1.0)),
    ],
)
def test_tally(pairs: list[tuple[int, int]], prf: tuple[float, float, float]) -> None:
    tally = Tally()
    for expected, found in pairs:
        tally.add(expected, found)
    assert tally.prf() == pytest.approx(prf)


def _clip(words: int, speech_s: float, **kw: object) -> Clip:
    return Clip(
        id="c",
        path="c.wav",
        script_id="s",
        kind="behavioral",
        variant=None,
        reference=" ".join(["word"] * words),
        duration_s=speech_s + 1.0,
        **kw,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("words", "speech_s", "expected", "unsure"),
    [
        (100, 60.0, set(), set()),  # 100 wpm is exactly the threshold: not checked
        (130, 60.0, set(), set()),
        (220, 60.0, {"too_fast"}, set()),
        (185, 60.0, {"too_fast"}, {"too_fast"}),
        (80, 60.0, {"too_slow"}, set()),
    ],
)
def test_pace_labels_come_from_the_reference_pace(
    words: int, speech_s: float, expected: set[str], unsure: set[str]
) -> None:
    clip = _clip(words, speech_s, flags=["too_slow"])  # espeak's own label is ignored
    assert expected_flags(clip) & {"too_fast", "too_slow"} == expected
    assert unsure_flags(clip) == unsure | ({"too_slow"} if words == 100 else set())


def test_star_labels_become_missing_flags_and_long_pauses_count() -> None:
    clip = _clip(
        130,
        60.0,
        star={"situation": True, "task": False, "action": True, "result": False},
        pauses=[(3.0, 5.5), (9.0, 10.0)],
    )
    assert {"missing_task", "missing_result", "long_pauses"} <= expected_flags(clip)
    assert "missing_action" not in expected_flags(clip)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Umm, Mr. Smith, uhh, ten-four", ["um", "mister", "smith", "uh", "10", "4"]),
        ("Erm... MMM, OK", ["er", "hmm", "okay"]),
    ],
)
def test_verbatim_keeps_fillers_spelled_one_way(text: str, words: list[str]) -> None:
    assert verbatim(text) == words


@pytest.mark.parametrize(
    ("reference", "hypothesis", "count"),
    [
        ("we shipped it", "we shipped it thank you", 2),
        ("thank you for coming", "thank you for coming", 0),
        ("we shipped it", "we we shipped it", 1),  # a seam said twice
        ("", "you", 1),  # anything on a clip without speech
        ("so so good", "so so good", 0),
    ],
)
def test_invented(reference: str, hypothesis: str, count: int) -> None:
    assert invented(verbatim(reference), verbatim(hypothesis)) == count


def test_settings_given_as_text_take_each_fields_type() -> None:
    from mockint.speech.config import SpeechConfig

    base = SpeechConfig(file_beam_size=3)
    cfg = _with_settings(base, ["file_filler_max_tokens=0", "compute_type=int16", "vad=0"])
    assert (cfg.file_filler_max_tokens, cfg.compute_type, cfg.vad) == (0, "int16", False)
    assert _with_settings(base, ["vad=false"]).vad is False
    assert _with_settings(base, ["vad=1"]).vad is True
    assert cfg.file_beam_size == 3  # what is not named stays as given
    assert _with_settings(base, []) == base
