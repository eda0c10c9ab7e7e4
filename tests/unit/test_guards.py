"""Table-driven: a closing stock phrase is dropped only over quiet, over nothing louder
than the recording's own noise floor, or when hardly believed; a segment is dropped as a
loop only when its own words loop."""

from __future__ import annotations

import numpy as np
import pytest

from mockint.models import Word
from mockint.speech.guards import Segment, drop_phantom_tail, keep_segment

_RATE = 16000


def _noise(
    dbfs: float, seconds: float = 4.0, *, voiced: tuple[float, float] = (0.2, 1.3)
) -> np.ndarray:
    """Steady noise at ``dbfs``, with a louder "voice" (-20 dBFS) in the ``voiced`` span."""
    rng = np.random.default_rng(7)
    samples = rng.standard_normal(int(seconds * _RATE)).astype(np.float32)
    samples *= np.float32(10 ** (dbfs / 20))
    a, b = (int(t * _RATE) for t in voiced)
    samples[a:b] = rng.standard_normal(b - a).astype(np.float32) * np.float32(0.1)
    return samples


def _phrase(text: str, start: float = 2.0) -> list[Word]:
    """``text`` said a quarter second a word from ``start``, fairly believed."""
    return [Word(w, start + k / 4, start + k / 4 + 0.2, 0.5) for k, w in enumerate(text.split())]


_SAID = [Word("I", 0.2, 0.4, 0.9), Word("fixed", 0.4, 0.9, 0.9), Word("it.", 0.9, 1.3, 0.9)]


@pytest.mark.parametrize(
    ("tail", "dbfs", "said", "kept"),
    [
        ([Word("You", 2.0, 3.0, 0.02)], -34.0, True, False),  # hardly believed: invented
        ([Word("Thank", 2.0, 2.4, 0.03), Word("you.", 2.4, 2.9, 0.05)], -34.0, True, False),
        ([Word("Thank", 2.0, 2.4, 0.9), Word("you.", 2.4, 2.9, 0.8)], -34.0, True, True),
        # sure of it, but over the noise floor alone: invented
        ([Word("Thank", 2.0, 2.4, 0.6), Word("you.", 2.4, 2.9, 0.5)], -34.0, False, False),
        ([Word("You", 2.0, 3.0, 0.6)], -70.0, True, True),  # said in a quiet room
        ([Word("You", 2.0, 3.0, 0.6)], -70.0, False, False),  # over quiet: invented
        ([Word("team.", 2.0, 2.5, 0.02)], -34.0, False, True),  # not a stock phrase
        # Live, in a pause mid-answer at real-time pace (the neural eval voice)
        (_phrase("I'll see you next time."), -70.0, False, False),
        (_phrase("See you in the next video."), -70.0, False, False),
    ],
)
def test_closing_stock_phrase(tail: list[Word], dbfs: float, said: bool, kept: bool) -> None:
    words = _SAID + tail
    audio = _noise(dbfs, voiced=(0.2, 3.0) if said else (0.2, 1.3))
    out = drop_phantom_tail(words, audio, offset_s=0.0)
    assert out == (words if kept else _SAID)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (" He was not an ill disposed young man.", True),
        # A reader who says the same sentence again is speech, however the window compresses.
        (" He was not an ill disposed young man. " * 3, True),
        (" the" * 30, False),
        (" and then" * 15, False),
        (" I said" * 12, False),
    ],
)
def test_a_segment_is_a_loop_only_when_its_own_words_loop(text: str, kept: bool) -> None:
    segment = Segment(text, 0.2, 1.3, no_speech_prob=0.01, avg_logprob=-0.3)
    assert keep_segment(segment, _noise(-60.0)) is kept
