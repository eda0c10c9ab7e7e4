"""Plain-text pieces of stored attempts, shared by `history`, `replay` and `export`.

Pure functions: no I/O, no terminal codes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mockint.clock import parse
from mockint.fmt import clock
from mockint.models import Word
from mockint.store.attempts import Attempt, Status

SPARK = "▁▂▃▄▅▆▇█"

FILLER = "filler"
HEDGE = "hedge"

_NON_WORD = re.compile(r"[^\w']+")


def duration(seconds: float | None) -> str:
    """``92.4`` → ``1:32``; unknown → ``-``."""
    return "-" if seconds is None else clock(seconds)


def local_time(stamp: str) -> str:
    """A stored UTC timestamp in the user's time zone, to the minute."""
    return parse(stamp).astimezone().strftime("%Y-%m-%d %H:%M")


def sparkline(scores: Sequence[int], width: int = 30) -> str:
    """The last ``width`` scores (0–100) as bar characters, oldest left."""
    shown = list(scores)[-width:]
    top = len(SPARK) - 1
    return "".join(SPARK[min(top, max(0, round(s / 100 * top)))] for s in shown)


NOT_COUNTED = "(n): kept, but not counted: no speech heard, left mid-take, or a follow-up"
"""What a bracketed score means, for the lists that show one."""


def score_text(attempt: Attempt) -> str:
    """The score, or what stands in its way (``recorded``, ``failed``…); in brackets,
    ``(0)``, when the answer does not count (see :data:`NOT_COUNTED`)."""
    if attempt.status is Status.SCORED and attempt.overall is not None:
        return str(attempt.overall) if attempt.counted else f"({attempt.overall})"
    return str(attempt.status)


@dataclass(frozen=True)
class Mark:
    """A word's part in a filler or hedge: ``first``/``last`` say where a phrase's brackets go."""

    tag: str
    """``filler`` or ``hedge``."""
    first: bool = True
    last: bool = True


Span = tuple[int, int, str]
"""(first word index, last word index, tag)."""


def word_marks(words: Sequence[Word], report: dict[str, Any]) -> list[Mark | None]:
    """What each word is: part of a filler, of a hedge, or None.

    From the scorer's per-word annotations when the stored report has them (any of the
    shapes :func:`_annotated_spans` reads); otherwise only unmistakable marks: vocal fillers,
    and hedge phrases the report counted.
    """
    metrics = report.get("metrics") or {}
    spans = _annotated_spans(report, metrics) or _guessed_spans(words, metrics)
    marks: list[Mark | None] = [None] * len(words)
    for first, last, tag in sorted(spans):
        last = min(last, len(words) - 1)
        for i in range(max(first, 0), last + 1):
            marks[i] = Mark(tag, first=i == first, last=i == last)
    return marks


def _annotated_spans(report: dict[str, Any], metrics: dict[str, Any]) -> list[Span]:
    """Spans from the scorer's own marks, from the first of these it gave:

    - ``annotations``: ``[{"index": 3, "tags": ["filler"]}]`` (per word; neighbours with
      the same tag join into one span, so "I think" reads as one hedge), or
      ``[{"kind": "hedge", "start_word": 1, "end_word": 2}]``;
    - ``metrics.fillers.items`` / ``metrics.hedges.items``: ``[{"word_index", "end_index"}]``.
    """
    annotations = report.get("annotations") or metrics.get("annotations")
    if isinstance(annotations, list) and annotations:
        return _join_neighbours([span for item in annotations for span in _annotation_spans(item)])
    spans: list[Span] = []
    for key, tag in (("fillers", FILLER), ("hedges", HEDGE)):
        items = (metrics.get(key) or {}).get("items")
        for item in items if isinstance(items, list) else ():
            first = _first_int(item, "word_index") if isinstance(item, dict) else None
            if first is not None:
                last = _first_int(item, "end_index")
                spans.append((first, max(first, last if last is not None else first), tag))
    return spans


def _annotation_spans(item: Any) -> list[Span]:
    if not isinstance(item, dict):
        return []
    first = _first_int(item, "index", "word_index", "start_word", "word")
    if first is None:
        return []
    last = _first_int(item, "end_index", "end_word")
    last = max(first, last if last is not None else first)
    raw = item.get("tags")
    kinds = [str(t) for t in raw] if isinstance(raw, list) else []
    kinds.append(str(item.get("kind") or item.get("type") or ""))
    tags = {tag for kind in kinds if (tag := _tag_of(kind))}
    # A word that is both (rare) reads as a filler: that is what the listener hears.
    tag = FILLER if FILLER in tags else HEDGE if tags else None
    return [(first, last, tag)] if tag else []


def _join_neighbours(spans: list[Span]) -> list[Span]:
    joined: list[Span] = []
    for first, last, tag in sorted(spans):
        if joined and joined[-1][2] == tag and joined[-1][1] + 1 >= first:
            joined[-1] = (joined[-1][0], max(last, joined[-1][1]), tag)
        else:
            joined.append((first, last, tag))
    return joined


def _guessed_spans(words: Sequence[Word], metrics: dict[str, Any]) -> list[Span]:
    # Marked even when the scorer gave no per-word tags: a vocal filler is one wherever it is
    # ("like" or "so" need context, so they are only marked from the scorer's own tags). The
    # scorer's own vocabulary, so the two cannot disagree; imported here, only for reports
    # stored before the scorer tagged words (importing scoring costs `history` its speed).
    from mockint.scoring.text import is_vocal_filler

    tokens = [_NON_WORD.sub("", w.text.lower()) for w in words]
    spans = [(i, i, FILLER) for i, t in enumerate(tokens) if is_vocal_filler(t)]
    hedges = (metrics.get("hedges") or {}).get("counts") or {}
    for phrase in hedges if isinstance(hedges, dict) else ():
        parts = str(phrase).lower().split()
        size = len(parts)
        spans += [
            (i, i + size - 1, HEDGE)
            for i in range(len(tokens) - size + 1)
            if size and tokens[i : i + size] == parts
        ]
    return spans


def _tag_of(kind: str) -> str | None:
    kind = kind.lower()
    if FILLER in kind:
        return FILLER
    return HEDGE if HEDGE in kind else None


def _first_int(item: dict[str, Any], *keys: str) -> int | None:
    for key in keys:
        value = item.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


_BRACKETS = {FILLER: ("[", "]"), HEDGE: ("{", "}")}


def marked(text: str, mark: Mark | None) -> str:
    """A word as printed: ``[um]`` for a filler, ``{I think}`` for a hedge (over two words)."""
    if mark is None:
        return text
    opening, closing = _BRACKETS.get(mark.tag, ("", ""))
    return f"{opening if mark.first else ''}{text}{closing if mark.last else ''}"


LEGEND = "[…] filler   {…} hedge"


def marked_transcript(words: Sequence[Word], report: dict[str, Any]) -> str:
    """The transcript with fillers and hedges marked (see :func:`marked`)."""
    marks = word_marks(words, report)
    return " ".join(marked(w.text.strip(), m) for w, m in zip(words, marks, strict=True))
