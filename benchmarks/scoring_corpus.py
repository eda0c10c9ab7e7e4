"""The labeled scoring corpus (tests/data/scoring_corpus/*.yaml): loading and markup.

Markup inside ``text`` (see the corpus README): ``[um]`` marks a filler, ``{I think}`` a
hedge, ``<2.5>`` a 2.5 s silence before the next word. The marks are labels, stripped from
the transcript the scorer sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mockint.models import Kind, Question, Transcript, Word

CORPUS_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "scoring_corpus"
DEFAULT_TARGET = (20, 150)
STAR_PARTS = ("situation", "task", "action", "result")


@dataclass(frozen=True)
class Span:
    first: int
    """Index of the first word (in ``Transcript.words``)."""
    last: int
    text: str


@dataclass(frozen=True)
class Case:
    id: str
    split: str
    """``dev`` (rules were tuned on it) or ``holdout`` (written after the rules froze)."""
    transcript: Transcript
    question: Question | None
    fillers: tuple[Span, ...]
    hedges: tuple[Span, ...]
    star: frozenset[str] | None
    """Labeled STAR parts present (behavioral cases), else None."""
    flags: frozenset[str]
    covered: tuple[bool, ...] = ()
    known_miss: str = ""
    """Why the scorer gets this case wrong, if it does (kept: it is measured)."""
    raw: dict[str, Any] = field(default_factory=dict)


def parse_markup(
    text: str, wpm: float = 150.0, timed: bool = True
) -> tuple[Transcript, tuple[Span, ...], tuple[Span, ...]]:
    """A transcript with synthetic timings from marked-up text, and the marked spans."""
    step = 60.0 / wpm
    words: list[Word] = []
    spans: dict[str, list[Span]] = {"[": [], "{": []}
    open_at: dict[str, int | None] = {"[": None, "{": None}
    t = 0.0
    for raw in text.split():
        if raw.startswith("<") and raw.endswith(">"):
            t += float(raw[1:-1])
            continue
        for opener in "[{":
            if opener in raw:
                open_at[opener] = len(words)
        clean = raw.translate(str.maketrans("", "", "[]{}"))
        if timed:
            words.append(Word(clean, round(t, 3), round(t + step * 0.8, 3)))
        else:
            words.append(Word(clean, 0.0, 0.0))
        t += step
        for opener, closer in (("[", "]"), ("{", "}")):
            first = open_at[opener]
            if closer in raw and first is not None:
                text_ = " ".join(w.text for w in words[first:])
                spans[opener].append(Span(first, len(words) - 1, text_))
                open_at[opener] = None
    duration = round(t, 3) if timed else 0.0
    return Transcript(tuple(words), duration), tuple(spans["["]), tuple(spans["{"])


def _question(case: dict[str, Any]) -> Question | None:
    if case.get("no_question"):
        return None
    kind = Kind(case.get("kind", "behavioral"))
    target = tuple(case.get("target", DEFAULT_TARGET))
    return Question(
        id=case["id"],
        text=case.get("question", "Tell me about a time…"),
        kind=kind,
        bank="corpus",
        target_seconds=(int(target[0]), int(target[1])),
        key_points=tuple(case.get("key_points", ())),
    )


def load_corpus() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(CORPUS_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for raw in data["cases"]:
            transcript, fillers, hedges = parse_markup(
                raw["text"], float(raw.get("wpm", 150)), raw.get("timings", True)
            )
            question = _question(raw)
            behavioral = question is None or question.expects_star
            star = frozenset(raw.get("star", ())) if behavioral else None
            cases.append(
                Case(
                    id=raw["id"],
                    split=data["split"],
                    transcript=transcript,
                    question=question,
                    fillers=fillers,
                    hedges=hedges,
                    star=star,
                    flags=frozenset(raw.get("flags", ())),
                    covered=tuple(raw.get("covered", ())),
                    known_miss=raw.get("known_miss", ""),
                    raw=raw,
                )
            )
    return cases
