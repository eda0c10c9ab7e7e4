from __future__ import annotations

import pytest

from mockint.models import Transcript, Word
from mockint.scoring.text import has_timings, normalise, split_sentences, tokenize
from tests.unit.scoring.helpers import timed


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        (" Um,", "um"),
        ("results.", "results"),
        ("30%.", "30%"),
        ("I’m", "i'm"),
        ('"No', "no"),
        ("$5,", "$5"),
        ("3.5", "3.5"),
        ("Zürich.", "zürich"),
        ("—", ""),
        ("...", ""),
    ],
)
def test_normalise(raw: str, norm: str) -> None:
    assert normalise(raw) == norm


@pytest.mark.parametrize(
    ("word", "comma", "stop", "question"),
    [
        ("so,", True, False, False),
        ("right?", False, True, True),
        ("done.", False, True, False),
        ("Um...", True, False, False),
        ("wow!", False, True, False),
        ("plain", False, False, False),
    ],
)
def test_punctuation_after(word: str, comma: bool, stop: bool, question: bool) -> None:
    (tok, _) = tokenize(Transcript.from_text(f"{word} next"))
    assert (tok.comma_after, tok.stop_after, tok.question_after) == (comma, stop, question)


def test_punctuation_only_words_fold_into_the_word_before() -> None:
    tokens = tokenize(Transcript.from_text("no budget — so I"))
    assert [t.norm for t in tokens] == ["no", "budget", "so", "i"]
    assert tokens[1].comma_after
    assert [t.word_index for t in tokens] == [0, 1, 3, 4]  # indexes still point at the words


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two two? Three!", 3),
        ("Dr. Smith came. We left.", 2),
        ("no punctuation at all here", 1),
        ("", 0),
    ],
)
def test_sentences_from_punctuation(text: str, sentences: int) -> None:
    tokens = tokenize(Transcript.from_text(text))
    assert len(split_sentences(tokens)) == sentences


def test_sentences_from_pauses_without_punctuation() -> None:
    tokens = tokenize(timed("we had a problem", 0.9, "i fixed it", 0.3, "quickly"))
    assert [s.text for s in split_sentences(tokens, 0.7)] == [
        "we had a problem",
        "i fixed it quickly",
    ]


def test_gaps_and_timings() -> None:
    tokens = tokenize(timed("one", 2.0, "two"))
    assert tokens[1].gap_before == pytest.approx(2.08, abs=0.01)
    assert has_timings(timed("one"))
    assert not has_timings(Transcript((Word("one", 0, 0),), 0))
