"""Fixtures for real-model tests (faster-whisper with the bundled tiny.en).

The committed clips in ``tests/fixtures/speech/`` are made by ``make.sh`` there (espeak-ng
and sox); :data:`SCRIPTS` holds what each one says, for word error rates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockint.speech.transcriber import Transcriber

__all__ = ["SCRIPTS", "SPEECH", "normalised_words", "speech_wer", "transcriber"]

SPEECH = Path(__file__).resolve().parents[1] / "fixtures" / "speech"

SCRIPTS = {
    "star": "Um, so at my last job I led the migration of our billing system to a new "
    "database. The old system failed every week, and uh, customers were charged twice. "
    "I wrote a plan and split the work into three phases. Hmm, I tested each phase with "
    "real data before we switched. Umm, in the end we cut billing errors by ninety percent.",
    "phrase": "I enjoy solving hard problems with my team.",
    "speech_then_quiet": "Thank you for the question, I will keep it short.",
    "silence": "",
    "noise": "",
}

FILLERS = {"um", "umm", "uh", "uhh", "er", "erm", "hmm", "ah", "mm", "uhm"}
_DIGITS = {"90%": "ninety percent", "90": "ninety"}


def normalised_words(text: str, *, fillers: bool = True) -> list[str]:
    """Lower case, no punctuation, digits spelled as the scripts spell them."""
    text = re.sub(r"\d+%?", lambda m: _DIGITS.get(m.group(0), m.group(0)), text.lower())
    words = re.sub(r"[^a-z0-9' ]+", " ", text).split()
    return [w for w in words if fillers or w not in FILLERS]


def speech_wer(reference: str, hypothesis: str) -> float:
    """Word error rate over words other than fillers (those are checked on their own)."""
    import jiwer

    ref = " ".join(normalised_words(reference, fillers=False))
    hyp = " ".join(normalised_words(hypothesis, fillers=False))
    return float(jiwer.wer(ref, hyp))


@pytest.fixture(scope="session")
def transcriber() -> Iterator[Transcriber]:
    """One warmed-up real transcriber for the whole session (the model loads once)."""
    t = Transcriber()
    t.warm_up()
    yield t
