"""Property tests: scoring never crashes and always stays in range, whatever it is given."""

from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockint.models import Kind, Question, Transcript, Word
from mockint.scoring import score_answer
from mockint.scoring.result import FLAGS

VOCABULARY = [
    "Um,", "uh", "like,", "like", "so", "So,", "well,", "right?", "you", "know,", "I", "mean",
    "kind", "of", "think", "maybe", "just", "we", "I", "built", "reduced", "30%", "three",
    "At", "my", "last", "job", "goal", "was", "to", "as", "a", "result,", "the", "end.",
    "—", "...", "", " ", "Zürich", "José’s", "🙂", "日本語", "?", ".", "-", "in",
]  # fmt: skip

words_text = st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=12))
times = st.floats(min_value=-5, max_value=1e4, allow_nan=False, allow_infinity=False)


@st.composite
def transcripts(draw: st.DrawFn) -> Transcript:
    texts = draw(st.lists(words_text, max_size=80))
    if draw(st.booleans()):  # ordered, realistic timings
        gaps = draw(st.lists(st.floats(0, 5), min_size=len(texts), max_size=len(texts)))
        t, words = 0.0, []
        for text, gap in zip(texts, gaps, strict=True):
            words.append(Word(text, t + gap, t + gap + 0.3))
            t += gap + 0.3
        return Transcript(tuple(words), t)
    if draw(st.booleans()):  # no timings at all
        return Transcript(tuple(Word(x, 0.0, 0.0) for x in texts), 0.0)
    return Transcript(  # any timings, even backwards
        tuple(Word(x, draw(times), draw(times)) for x in texts), draw(times)
    )


questions = st.one_of(
    st.none(),
    st.builds(
        Question,
        id=st.just("q"),
        text=st.just("?"),
        kind=st.sampled_from(list(Kind)),
        bank=st.just("b"),
        target_seconds=st.tuples(st.integers(0, 100), st.integers(0, 300)),
        key_points=st.lists(st.text(max_size=30), max_size=3).map(tuple),
    ),
)


def _check(transcript: Transcript, question: Question | None) -> None:
    report = score_answer(transcript, question)
    assert 0 <= report.overall <= 100
    assert all(0 <= s <= 100 for s in report.parts.values())
    assert set(report.flags) <= set(FLAGS)
    assert len(report.tips) <= 3
    assert all(0 <= i < len(transcript.words) for i in report.annotations)
    json.dumps(report.to_dict())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts(), questions)
def test_scoring_never_crashes_and_stays_in_range(
    transcript: Transcript, question: Question | None
) -> None:
    _check(transcript, question)


@settings(max_examples=5, deadline=None)
@given(st.integers(0, 2**32), st.booleans())
def test_ten_thousand_words(seed: int, timed: bool) -> None:
    texts = random.Random(seed).choices(VOCABULARY, k=10_000)
    transcript = Transcript.from_text(" ".join(t for t in texts if t.strip()))
    if not timed:
        transcript = Transcript(tuple(Word(w.text, 0.0, 0.0) for w in transcript.words), 0.0)
    _check(transcript, None)


def test_one_word_and_empty() -> None:
    _check(Transcript.from_text("Hello."), None)
    _check(Transcript.from_text(""), None)
    _check(Transcript((Word("", 0, 0),), 0), None)
