"""Small builders shared by the scoring unit tests."""

from __future__ import annotations

from mockint.models import Kind, Question, Transcript, Word
from mockint.scoring.config import ScoringConfig
from mockint.scoring.text import Sentence, Token, split_sentences, tokenize


def timed(*items: str | float, wpm: float = 150.0) -> Transcript:
    """Words (str) and silences (float seconds) → a timed transcript."""
    step = 60.0 / wpm
    t = 0.0
    words = []
    for item in items:
        if isinstance(item, float):
            t += item
            continue
        for w in item.split():
            words.append(Word(w, round(t, 3), round(t + 0.8 * step, 3)))
            t += step
    return Transcript(tuple(words), round(t, 3))


def parse(text: str) -> tuple[list[Token], list[Sentence]]:
    tokens = tokenize(Transcript.from_text(text))
    return tokens, split_sentences(tokens, ScoringConfig().pauses.sentence_pause_s)


def question(
    kind: Kind = Kind.BEHAVIORAL,
    target: tuple[int, int] = (20, 150),
    key_points: tuple[str, ...] = (),
) -> Question:
    return Question("q", "Tell me about a time…", kind, "test", target, key_points=key_points)
