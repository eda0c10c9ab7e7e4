"""The shared vocabulary: questions and banks, words and transcripts.

Plain frozen dataclasses, importable anywhere (no Textual, no I/O). Results of the scoring
engine live in :mod:`mockint.scoring.result`; stored attempts in :mod:`mockint.store`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

RATINGS = ("again", "hard", "good", "easy")
"""The self-ratings of an answer, in FSRS order: ``RATINGS[r - 1]`` names rating ``r`` (1–4)."""


class Kind(StrEnum):
    """What sort of question it is; decides how an answer is judged."""

    BEHAVIORAL = "behavioral"  # "Tell me about a time…": judged on STAR structure
    SITUATIONAL = "situational"  # "What would you do if…"
    PERSONAL = "personal"  # about you: strengths, motivation, background
    TECHNICAL = "technical"  # role knowledge, explained aloud
    CLOSING = "closing"  # questions for them, salary, availability


@dataclass(frozen=True)
class Question:
    id: str
    """Unique across every loaded bank, e.g. ``beh-conflict-coworker``."""
    text: str
    kind: Kind
    bank: str
    """Id of the bank the question comes from."""
    target_seconds: tuple[int, int]
    """Answer length that works well: (min, max) seconds."""
    tags: tuple[str, ...] = ()
    difficulty: int = 2
    """1 (warm-up) to 3 (hard)."""
    key_points: tuple[str, ...] = ()
    """What a strong answer covers; scored as a checklist."""
    tips: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    example_outline: str | None = None

    @property
    def expects_star(self) -> bool:
        return self.kind is Kind.BEHAVIORAL


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    description: str
    questions: tuple[Question, ...]
    path: str
    """File the bank was read from."""
    user: bool = False
    """True for the user's own banks (``<data root>/banks/``), False for bundled ones."""
    field: str = "general"
    """The field of work the bank serves (``general`` for every field, ``healthcare``,
    ``teaching``…): `banks list` groups by it and the daily plan draws from general banks
    plus the user's field."""


@dataclass(frozen=True)
class Word:
    """One recognised word with its time in the audio, in seconds."""

    text: str
    """As transcribed, punctuation attached ("Um," "results.")."""
    start: float
    end: float
    probability: float = 1.0


@dataclass(frozen=True)
class Transcript:
    """What was said, word by word, over an audio of ``duration_s`` seconds."""

    words: tuple[Word, ...]
    duration_s: float
    segments: tuple[str, ...] = field(default=())
    """Sentence-ish pieces as the recogniser returned them (for display only)."""

    @property
    def text(self) -> str:
        return " ".join(w.text.strip() for w in self.words if w.text.strip())

    @property
    def speech_s(self) -> float:
        """Time spent speaking: the sum of word durations."""
        return sum(max(0.0, w.end - w.start) for w in self.words)

    @classmethod
    def from_text(cls, text: str, wpm: float = 150.0) -> Transcript:
        """A transcript of typed text with evenly spaced synthetic timings (typed answers,
        tests)."""
        step = 60.0 / wpm
        words = tuple(
            Word(tok, round(i * step, 3), round(i * step + step * 0.8, 3))
            for i, tok in enumerate(text.split())
        )
        return cls(words=words, duration_s=round(len(words) * step, 3))
