"""Feedback as the screens show it, built from the ``score --json`` object.

Both a fresh answer (:class:`~mockint.pipeline.ScoredAnswer`) and a stored one (its saved
JSON) go through :meth:`FeedbackData.from_dict`, so the practice screen and the history
detail cannot disagree. Reading is lenient: a key the scorer does not produce (yet) just
leaves its part of the view empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

STAR_PARTS = ("situation", "task", "action", "result")

# Used only when the scorer gives no per-word annotations: vocal fillers are fillers wherever
# they appear, so marking them cannot mislead.
_VOCAL_FILLERS = frozenset({"um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "hmm", "mm"})
_WORD_CHARS = re.compile(r"[^\w']+")


@dataclass(frozen=True)
class FeedbackWord:
    text: str
    start: float
    end: float
    tag: str | None = None
    """``filler``, ``hedge`` or None."""


@dataclass(frozen=True)
class StarPart:
    name: str
    present: bool
    sentence: str | None = None
    """The sentence that shows the part, when the scorer found one."""


@dataclass(frozen=True)
class FeedbackData:
    overall: int
    parts: dict[str, int]
    flags: tuple[str, ...]
    tips: tuple[str, ...]
    words: tuple[FeedbackWord, ...]
    star: tuple[StarPart, ...]
    key_points: tuple[tuple[str, bool], ...]
    duration_s: float
    """The recording's length (silence before and after included)."""
    wpm: float | None
    fillers_total: int
    fillers_per_minute: float | None
    hedges_total: int
    audio: str | None = None
    question_id: str | None = None
    length_s: float | None = None
    """The answer's length as the scorer measured it (first word to last): the number its
    length tip quotes. None from a scorer that does not report it."""
    length_estimated: bool = False
    """``length_s`` comes from the word count (a typed answer has no timings)."""

    @property
    def length_text(self) -> str:
        """The answer's length as the card shows it: ``0:24``, ``≈0:24`` for an estimate;
        the recording's length only when the scorer gave none."""
        if self.length_s is None:
            return clock(self.duration_s)
        return ("≈" if self.length_estimated else "") + clock(self.length_s)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @classmethod
    def from_scored(cls, scored: Any) -> FeedbackData:
        """From a :class:`~mockint.pipeline.ScoredAnswer` (anything with ``to_dict()``)."""
        return cls.from_dict(scored.to_dict())

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FeedbackData:
        metrics = d.get("metrics") or {}
        score = d.get("score") or {}
        fillers = metrics.get("fillers") or {}
        hedges = metrics.get("hedges") or {}
        raw_length = metrics.get("length")
        length: dict[str, Any] = raw_length if isinstance(raw_length, dict) else {}
        return cls(
            overall=int(score.get("overall") or 0),
            parts={str(k): int(v) for k, v in (score.get("parts") or {}).items()},
            flags=tuple(d.get("flags") or ()),
            tips=tuple(_tip_text(t) for t in (d.get("tips") or ()))[:3],
            words=_words(d, metrics),
            star=_star(metrics),
            key_points=_key_points(metrics),
            duration_s=float(d.get("duration_s") or 0.0),
            wpm=_float(metrics.get("wpm")),
            fillers_total=int(fillers.get("total") or 0),
            fillers_per_minute=_float(fillers.get("per_minute")),
            hedges_total=int(hedges.get("total") or 0),
            audio=d.get("audio"),
            question_id=d.get("question"),
            length_s=_float(length.get("seconds")),
            length_estimated=bool(length.get("estimated")),
        )


def clock(seconds: float) -> str:
    """``75.4`` → ``"1:15"``: as the scorer's tips write a length (scoring.parts.clock)."""
    total = round(seconds)
    return f"{total // 60}:{total % 60:02d}"


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _tip_text(tip: Any) -> str:
    if isinstance(tip, dict):
        return str(tip.get("text") or tip.get("tip") or tip)
    return str(tip)


def _norm(text: str) -> str:
    return _WORD_CHARS.sub("", text.lower())


def _words(d: dict[str, Any], metrics: dict[str, Any]) -> tuple[FeedbackWord, ...]:
    raw = d.get("words") or []
    tags: list[str | None] = [None] * len(raw)
    annotated = _annotations(d, metrics, len(raw))
    if annotated is not None:
        tags = annotated
    else:
        tokens = [_norm(str(w.get("text", ""))) for w in raw]
        _mark_phrases(tags, tokens, (metrics.get("hedges") or {}).get("counts") or {}, "hedge")
        for i, tok in enumerate(tokens):
            if tok in _VOCAL_FILLERS:
                tags[i] = "filler"
    return tuple(
        FeedbackWord(
            str(w.get("text", "")).strip(),
            float(w.get("start", 0.0)),
            float(w.get("end", 0.0)),
            tags[i],
        )
        for i, w in enumerate(raw)
    )


def _annotations(d: dict[str, Any], metrics: dict[str, Any], n: int) -> list[str | None] | None:
    """Per-word tags from the scorer: ``[{"index": i, "tags": ["filler"]}, …]``."""
    source = d.get("annotations")
    if not isinstance(source, list):
        return None
    tags: list[str | None] = [None] * n
    for a in source:
        index = a.get("index") if isinstance(a, dict) else None
        if not isinstance(index, int) or not 0 <= index < n:
            continue
        found = a.get("tags") or ()
        # A filler inside a hedge ("I, um, think") reads best as the filler.
        tags[index] = "filler" if "filler" in found else "hedge" if "hedge" in found else None
    return tags


def _mark_phrases(tags: list[str | None], tokens: list[str], counts: Any, tag: str) -> None:
    phrases = [p.lower().split() for p in counts if isinstance(p, str)]
    for phrase in phrases:
        size = len(phrase)
        for i in range(len(tokens) - size + 1):
            if tokens[i : i + size] == phrase:
                for j in range(i, i + size):
                    tags[j] = tag


def _star(metrics: dict[str, Any]) -> tuple[StarPart, ...]:
    star = metrics.get("star")
    if not isinstance(star, dict) or not star:
        return ()
    evidence = ((metrics.get("structure") or {}).get("parts")) or {}
    parts = []
    for name in STAR_PARTS:
        found = evidence.get(name) or {}
        sentences = found.get("evidence") or [] if isinstance(found, dict) else []
        sentence = sentences[0] if isinstance(sentences, (list, tuple)) and sentences else None
        parts.append(StarPart(name, bool(star.get(name)), str(sentence) if sentence else None))
    return tuple(parts)


def _key_points(metrics: dict[str, Any]) -> tuple[tuple[str, bool], ...]:
    raw = metrics.get("key_points") or metrics.get("coverage")
    if isinstance(raw, dict):
        items = raw.get("points") or raw.get("items")
        if items is None:
            return tuple((str(k), bool(v)) for k, v in raw.items() if isinstance(v, bool))
        raw = items
    if not isinstance(raw, (list, tuple)):
        return ()
    out = []
    for item in raw:
        if isinstance(item, dict):
            name = item.get("point") or item.get("text") or item.get("name") or ""
            out.append((str(name), bool(item.get("covered", item.get("present", False)))))
    return tuple(out)
