"""Key points: which of the question's key points the answer covers, as a checklist.

A key point ("I listened to understand their view") is covered when enough of its content
words appear, fuzzily (rapidfuzz, so "listening" matches "listened"), within one sentence
and the next. The best window is kept as evidence either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mockint.scoring.config import ScoringConfig
from mockint.scoring.text import Sentence, Token, phrase_words

_MIN_WORD = 3
_STEM = 5  # "negotiate"/"negotiation": a long shared prefix is the same idea


@dataclass(frozen=True, slots=True)
class KeyPoint:
    text: str
    covered: bool
    score: float
    """Share of the key point's content words found (0–1)."""
    sentence: int | None
    """Index of the sentence that matches best (evidence), if any word matched."""
    evidence: str
    """That sentence's text ("" when nothing matched)."""


@dataclass(frozen=True)
class CoverageReport:
    points: tuple[KeyPoint, ...]
    covered: int
    total: int

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(p.text for p in self.points if not p.covered)


def content_words(text: str, stop: frozenset[str]) -> tuple[str, ...]:
    return tuple(w for w in phrase_words(text) if len(w) >= _MIN_WORD and w not in stop)


def coverage(
    key_points: Sequence[str],
    tokens: Sequence[Token],
    sentences: Sequence[Sentence],
    config: ScoringConfig,
) -> CoverageReport:
    """Check each key point against every sentence (with the one after it)."""
    stop = frozenset(config.repetition_stop_words)
    windows = [_window_words(tokens, sentences, k, stop) for k in range(len(sentences))]
    points = tuple(_check(kp, windows, sentences, stop, config) for kp in key_points)
    return CoverageReport(points, sum(p.covered for p in points), len(points))


def _window_words(
    tokens: Sequence[Token], sentences: Sequence[Sentence], k: int, stop: frozenset[str]
) -> tuple[list[str], list[str]]:
    """Content words of sentence ``k`` with the next one, and of sentence ``k`` alone."""
    first, last = sentences[k].first, sentences[k].last
    after = sentences[min(k + 1, len(sentences) - 1)].last
    alone = {t.norm for t in tokens[first : last + 1] if t.norm not in stop}
    both = alone | {t.norm for t in tokens[last + 1 : after + 1] if t.norm not in stop}
    return list(both), list(alone)


def _check(
    point: str,
    windows: Sequence[tuple[list[str], list[str]]],
    sentences: Sequence[Sentence],
    stop: frozenset[str],
    config: ScoringConfig,
) -> KeyPoint:
    wanted = content_words(point, stop)
    if not wanted:
        return KeyPoint(point, False, 0.0, None, "")
    best_score, best_k, best_single = 0.0, None, 0.0
    for k, (window, alone) in enumerate(windows):
        score = _share(wanted, window, config)
        if score > best_score:
            best_score = score
        single = _share(wanted, alone, config) if score else 0.0
        if single > best_single:  # evidence: the one sentence that says most of it
            best_single, best_k = single, k
    covered = best_score >= config.key_point_threshold
    evidence = sentences[best_k].text if best_k is not None else ""
    return KeyPoint(point, covered, round(best_score, 2), best_k, evidence)


def _share(wanted: Sequence[str], words: list[str], config: ScoringConfig) -> float:
    found = sum(_found(w, words, config.key_point_word_similarity) for w in wanted)
    return found / len(wanted)


def _found(word: str, candidates: list[str], similarity: float) -> bool:
    if not candidates:
        return False
    if len(word) >= _STEM and any(c.startswith(word[:_STEM]) for c in candidates):
        return True
    from rapidfuzz import fuzz, process  # deferred: only answers with key points need it

    return (
        process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=similarity) is not None
    )
