"""Language: hedges and weak words, repeated phrases, and ownership ("I" versus "we")."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from mockint.scoring.config import ScoringConfig
from mockint.scoring.fillers import is_noun_kind_of
from mockint.scoring.phrases import PhraseIndex
from mockint.scoring.text import Sentence, Token, word_set

_I_WORDS = word_set("i i'm i've i'd i'll me my myself mine")
_WE_WORDS = word_set("we we're we've we'd we'll us our ourselves ours")
_JUST_KEEP_NEXT = word_set("in as now before after about")  # "just in time"
_JUST_PERFECT = word_set("had has have i've we've i'd we'd")
_KIND_OF = frozenset({"kind of", "sort of", "kinda", "sorta"})


@dataclass(frozen=True, slots=True)
class Hedge:
    word_index: int
    end_index: int
    text: str
    key: str
    """The configured entry it counts under, lower case: "i think"."""
    start: float


@dataclass(frozen=True)
class HedgeReport:
    items: tuple[Hedge, ...]
    counts: dict[str, int]
    total: int
    per_100_words: float
    flagged: bool
    """True when the answer is flagged ``hedging``."""


@dataclass(frozen=True, slots=True)
class Repetition:
    phrase: str
    count: int
    word_indexes: tuple[int, ...]
    """First word of each time it was said."""
    length: int
    """Words in the phrase."""


@dataclass(frozen=True)
class Ownership:
    i_count: int
    we_count: int
    scope: str
    """``action`` (the action sentences), ``answer`` (no action found) or ``none``."""
    we_share: float
    flagged: bool
    """True when the answer is flagged ``we_not_i``."""


def find_hedges(
    tokens: Sequence[Token], skip: Collection[int], word_count: int, config: ScoringConfig
) -> HedgeReport:
    """Hedges, leaving out word indexes in ``skip`` (already counted as fillers)."""
    index = PhraseIndex(config.language.hedges)
    items: list[Hedge] = []
    i = 0
    while i < len(tokens):
        hit = None if tokens[i].word_index in skip else _hedge_at(index, tokens, i)
        if hit is None:
            i += 1
            continue
        key, j = hit
        text = " ".join(t.text for t in tokens[i : j + 1])
        items.append(
            Hedge(tokens[i].word_index, tokens[j].word_index, text, key, round(tokens[i].start, 2))
        )
        i = j + 1
    counts: dict[str, int] = {}
    for h in items:
        counts[h.key] = counts.get(h.key, 0) + 1
    counts = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    per_100 = 100.0 * len(items) / word_count if word_count else 0.0
    flagged = (
        len(items) >= config.language.hedging_min_count
        and per_100 > config.language.hedging_per_100_words
    )
    return HedgeReport(tuple(items), counts, len(items), round(per_100, 2), flagged)


def _hedge_at(index: PhraseIndex, tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
    for key, j in index.matches(tokens, i):
        nxt = tokens[j + 1].norm if j + 1 < len(tokens) and not tokens[j].stop_after else ""
        if key == "just" and (nxt in _JUST_KEEP_NEXT or _prev_norm(tokens, i) in _JUST_PERFECT):
            continue  # "just in time", "had just joined": not a softener
        if key in _KIND_OF and is_noun_kind_of(tokens, i):
            continue
        return key, j
    return None


def _prev_norm(tokens: Sequence[Token], i: int) -> str:
    return tokens[i - 1].norm if i > 0 and not tokens[i - 1].stop_after else ""


def find_repetitions(
    tokens: Sequence[Token],
    sentences: Sequence[Sentence],
    skip: Collection[int],
    config: ScoringConfig,
) -> tuple[Repetition, ...]:
    """Phrases of 2–4 words said ``repetition_min_count`` times or more, longest first;
    a shorter phrase is only reported when it is said more often than a longer one
    containing it. Fillers are left out, and stop-word-only phrases never count."""
    stop = frozenset(config.language.stop_words)
    minimum = config.language.repetition_min_count
    per_sentence = [
        [t for t in tokens[s.first : s.last + 1] if t.word_index not in skip] for s in sentences
    ]
    # Any repeated phrase starts with a pair of words said at least that often: count the
    # pairs first (cheap) and only look at longer phrases where the pair qualifies.
    pairs: Counter[tuple[str, str]] = Counter()
    for words in per_sentence:
        norms = [t.norm for t in words]
        pairs.update(itertools.pairwise(norms))
    seen: dict[tuple[str, ...], list[int]] = {}
    last_at: dict[tuple[str, ...], int] = {}  # position of the last counted occurrence
    for s, words in zip(sentences, per_sentence, strict=True):
        norms = [t.norm for t in words]
        for k in range(len(norms) - 1):
            if pairs[norms[k], norms[k + 1]] < minimum:
                continue
            for n in (4, 3, 2):
                gram = tuple(norms[k : k + n])
                if len(gram) < n or all(w in stop for w in gram):
                    continue
                pos = s.first + k  # grows across sentences, so usable as a position
                if pos < last_at.get(gram, -n) + n:
                    continue  # overlapping "very very very" counts once per stretch
                last_at[gram] = pos
                seen.setdefault(gram, []).append(words[k].word_index)
    return _keep(seen, config.language.repetition_min_count)


def _merge_runs(
    grams: list[tuple[tuple[str, ...], list[int]]],
) -> list[tuple[tuple[str, ...], list[int]]]:
    """Join overlapping 4-word phrases said together into one longer phrase: "at the end
    of" + "the end of the" + "end of the day" → "at the end of the day"."""
    # (phrase, starts of its first 4 words, starts of its last 4 words)
    runs = [(g, s, s) for g, s in grams]
    merged = True
    while merged:
        merged = False
        for a, (ga, sa, ta) in enumerate(runs):
            nxt = next(
                (
                    b
                    for b, (gb, _, tb) in enumerate(runs)
                    if b != a and ga[-3:] == gb[:3] and _follows(ta, tb)
                ),
                None,
            )
            if nxt is not None:
                gb, _, tb = runs[nxt]
                runs[a] = (ga + gb[3:], sa, tb)
                del runs[nxt]
                merged = True
                break
    return [(g, s) for g, s, _ in runs]


def _follows(first: list[int], then: list[int]) -> bool:
    """Each occurrence of ``then`` starts a word (or a skipped filler) after ``first``'s."""
    return len(first) == len(then) and all(0 < b - a <= 2 for a, b in zip(first, then, strict=True))


def _keep(seen: dict[tuple[str, ...], list[int]], min_count: int) -> tuple[Repetition, ...]:
    kept: list[Repetition] = []
    frequent = [(gram, starts) for gram, starts in seen.items() if len(starts) >= min_count]
    longest = _merge_runs([(g, s) for g, s in frequent if len(g) == 4])
    frequent = longest + [(g, s) for g, s in frequent if len(g) < 4]
    for gram, starts in sorted(frequent, key=lambda kv: (-len(kv[0]), -len(kv[1]))):
        phrase = " ".join(gram)
        if any(f" {phrase} " in f" {r.phrase} " and len(starts) <= r.count for r in kept):
            continue
        kept.append(Repetition(phrase, len(starts), tuple(starts), len(gram)))
    kept.sort(key=lambda r: (-r.count, -r.length))
    return tuple(kept)


def ownership(
    tokens: Sequence[Token], scope_sentences: Sequence[Sentence], scope: str, config: ScoringConfig
) -> Ownership:
    """Count "I" against "we" in the given sentences (the action part of a story)."""
    i_count = we_count = 0
    for s in scope_sentences:
        for t in tokens[s.first : s.last + 1]:
            if t.norm in _I_WORDS:
                i_count += 1
            elif t.norm in _WE_WORDS:
                we_count += 1
    both = i_count + we_count
    share = we_count / both if both else 0.0
    flagged = we_count >= config.language.we_min_count and share >= config.language.we_share_flag
    return Ownership(
        i_count, we_count, scope if scope_sentences else "none", round(share, 2), flagged
    )
