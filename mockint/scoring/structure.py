"""STAR structure of a behavioral answer: Situation, Task, Action, Result.

Each sentence gets a score per part from cue phrases (configurable), first-person
past-tense verbs (actions) and numbers (results), nudged by where it falls in the answer
(scene-setting early, results late). The best-scoring part labels the sentence; a sentence
with no cue at all continues the part before it (for time shares, not as evidence). An
action sentence with a result cue is evidence for the Result too ("I rewrote X, which cut
Y").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mockint.scoring.config import ScoringConfig
from mockint.scoring.phrases import PhraseIndex
from mockint.scoring.text import Sentence, Token, phrase_words, word_set

SITUATION, TASK, ACTION, RESULT = "situation", "task", "action", "result"
PARTS = (SITUATION, TASK, ACTION, RESULT)

_SUBJECTS = frozenset({"i", "we"})
_ADVERBS = word_set(
    "also then first quickly immediately personally finally just actually eventually "
    "really carefully basically soon still even later together both all"
)
_IRREGULAR_PAST = word_set(
    "built wrote rewrote led made ran set took met spoke sent began brought chose drove "
    "found gave got held kept left put sat saw spent split taught told went won broke did "
    "drew fought paid read sought shut dug caught stood bought cut shipped laid rebuilt "
    "redid undertook overcame"
)
_STATE_VERBS = word_set(
    "was were had wanted needed used liked loved hated seemed felt knew thought believed "
    "hoped expected joined noticed realised realized owned"
)
_AIM = word_set("to will would could should can might must")
_WORKED_SCENE = frozenset({"as", "at", "for", "in"})
_YEAR = re.compile(r"^(19|20)\d\d$")
_CUE_CAP = 2.0
_LATE = 2 / 3
_ONE_AMOUNT_PREV = word_set("to from only than under over about just")
#: Parts so often told in one sentence that a sentence can be evidence for both.
_PAIRS = {
    SITUATION: (TASK,),
    TASK: (SITUATION, ACTION),
    ACTION: (TASK, RESULT),
    RESULT: (),
}
_LINKING = word_set("got became was were is are now")
_NOT_COMPARATIVE = word_set(
    "under over after never ever other together either neither rather later whether "
    "number order member manager engineer customer developer user partner leader"
)
_NUMBER_BONUS = 0.5


@dataclass(frozen=True, slots=True)
class StarPart:
    """One STAR part: whether it is there, and the sentences that show it."""

    name: str
    present: bool
    sentences: tuple[int, ...]
    """Indexes of the sentences that show it (evidence)."""
    evidence: tuple[str, ...]
    """Their text."""
    start: float | None
    """When the part first appears, in seconds (None untimed: a typed answer)."""
    share: float
    """Share of the answer's time spent on it (0–1)."""


@dataclass(frozen=True)
class StructureReport:
    parts: dict[str, StarPart]
    labels: tuple[str | None, ...]
    """STAR part of each sentence (``None``: no part), cue-less sentences continuing the
    part before them."""
    order: tuple[str, ...]
    """Present parts in the order they first appear."""
    in_order: bool
    """True when the parts that are present come in S, T, A, R order."""
    result_quantified: bool
    """The result says how much: digits, %, number words, "doubled"…"""
    action_share: float
    flags: tuple[str, ...]
    """``missing_*`` and ``no_numbers_in_result`` as they apply."""

    @property
    def present(self) -> dict[str, bool]:
        return {name: part.present for name, part in self.parts.items()}


class _Cues:
    """The configured cue lists, ready to look up in a sentence."""

    def __init__(self, config: ScoringConfig) -> None:
        lists = {
            SITUATION: config.situation_cues,
            TASK: config.task_cues,
            ACTION: config.action_cues,
            RESULT: config.result_cues,
        }
        # One index over every list, so a sentence is scanned once for all four parts.
        self.parts_of: dict[str, set[str]] = {}
        for part, phrases in lists.items():
            for phrase in phrases:
                words = phrase_words(phrase)
                if words:
                    self.parts_of.setdefault(" ".join(words), set()).add(part)
        self.index = PhraseIndex(self.parts_of)
        self.numbers = PhraseIndex(config.number_words)
        self.number_words = frozenset(w[0] for w in map(phrase_words, config.number_words) if w)
        self.result_words = frozenset(
            w[0] for w in map(phrase_words, config.result_cues) if len(w) == 1
        )


def sentence_scores(
    tokens: Sequence[Token], sentence: Sentence, position: float, cues: _Cues, weight: float
) -> tuple[dict[str, float], dict[str, float]]:
    """(cue score, total score) per part for one sentence at relative ``position``."""
    words = tokens[sentence.first : sentence.last + 1]
    cue = dict.fromkeys(PARTS, 0.0)
    for phrase in cues.index.found_in(words):
        for part in cues.parts_of[phrase]:
            cue[part] += 1
    cue[RESULT] -= _intended(words, cues.result_words)
    cue[ACTION] += _past_actions(words)
    cue[RESULT] += _comparatives(words)
    if any(_YEAR.match(t.norm) for t in words):
        cue[SITUATION] += 1
    if _has_number(words, cues):
        # A number late in the answer is usually the outcome; early, or in a sentence
        # stating the goal ("to cut it in half"), it is context or an aim.
        late = position > _LATE and not cue[TASK]
        cue[RESULT] += 2 * _NUMBER_BONUS if late else _NUMBER_BONUS
    cue = {part: min(_CUE_CAP, v) for part, v in cue.items()}
    prior = _priors(position)
    total = {part: cue[part] + weight * prior[part] for part in PARTS}
    return cue, total


def _intended(words: Sequence[Token], result_words: frozenset[str]) -> float:
    """One-word result cues said as an aim ("my goal was to cut…", "we could save…") do
    not make a result: count the distinct ones that only ever follow "to"/a modal."""
    aims = {t.norm for p, t in itertools.pairwise(words) if p.norm in _AIM}
    real = {
        t.norm for p, t in zip([None, *words], words, strict=False) if not p or p.norm not in _AIM
    }
    return float(len((aims - real) & result_words))


def _comparatives(words: Sequence[Token]) -> float:
    """ "got shorter", "was faster", "were fewer": a change, so an outcome."""
    for a, b in itertools.pairwise(words):
        if a.norm in _LINKING and not a.stop_after:
            w = b.norm
            if w in {"more", "less", "fewer"} or (
                len(w) > 4 and w.endswith("er") and w not in _NOT_COMPARATIVE
            ):
                return 1.0
    return 0.0


def _past_actions(words: Sequence[Token]) -> float:
    """ "I/we" then (after up to two adverbs) a past-tense verb that is not a state."""
    hits = 0
    for k, t in enumerate(words):
        if t.norm not in _SUBJECTS or t.stop_after:
            continue
        verb = _verb_after(words, k)
        if verb is None:
            continue
        norm = verb.norm
        if norm in _STATE_VERBS:
            continue
        if norm == "worked" and _next_norm(words, verb) in _WORKED_SCENE:
            continue
        if norm in _IRREGULAR_PAST or (len(norm) > 4 and norm.endswith("ed")):
            hits += 1
    return float(hits)


def _verb_after(words: Sequence[Token], k: int) -> Token | None:
    for t in words[k + 1 : k + 4]:
        if t.norm not in _ADVERBS:
            return t
    return None


def _next_norm(words: Sequence[Token], tok: Token) -> str:
    for a, b in itertools.pairwise(words):
        if a is tok:
            return b.norm
    return ""


def _has_number(words: Sequence[Token], cues: _Cues) -> bool:
    for k, t in enumerate(words):
        if any(c.isdigit() for c in t.norm) and not _YEAR.match(t.norm):
            return True
        if "%" in t.norm or t.norm.startswith(("$", "£", "€")):
            return True
        if t.norm in cues.number_words and next(cues.numbers.matches(words, k), None):
            return True
        if t.norm == "one" and k > 0 and words[k - 1].norm in _ONE_AMOUNT_PREV:
            return True
    return False


def _priors(p: float) -> dict[str, float]:
    """How typical each part is at relative position ``p`` (0 = start, 1 = end)."""
    return {
        SITUATION: max(0.0, 1.0 - 2.0 * p),
        TASK: max(0.0, 1.0 - 3.0 * abs(p - 0.25)),
        ACTION: max(0.0, 1.0 - 2.5 * abs(p - 0.55)),
        RESULT: max(0.0, 2.0 * p - 1.0),
    }


def structure(
    tokens: Sequence[Token],
    sentences: Sequence[Sentence],
    timed: bool,
    config: ScoringConfig,
) -> StructureReport:
    """Which STAR parts the answer has, where, in what order and for how long."""
    cues = _Cues(config)
    n = max(1, len(tokens))
    labels: list[str | None] = []
    evidence: dict[str, list[int]] = {part: [] for part in PARTS}
    previous: str | None = None
    for s in sentences:
        position = (s.first + s.last + 1) / 2 / n
        cue, total = sentence_scores(tokens, s, position, cues, config.star_position_weight)
        if max(cue.values()) <= _NUMBER_BONUS:
            labels.append(previous)  # no cue: continues the part before
            continue
        best = max(PARTS, key=lambda part: total[part] if cue[part] > 0 else -1.0)
        labels.append(best)
        previous = best
        evidence[best].append(s.index)
        for pair in _PAIRS[best]:
            if cue[pair] >= 1.0:  # "At my last job I was asked to…", "I did X, which cut Y"
                evidence[pair].append(s.index)
    return _report(tokens, sentences, labels, evidence, timed, cues)


def _report(
    tokens: Sequence[Token],
    sentences: Sequence[Sentence],
    labels: list[str | None],
    evidence: dict[str, list[int]],
    timed: bool,
    cues: _Cues,
) -> StructureReport:
    weights = [s.duration if timed else float(s.size) for s in sentences]
    total = sum(weights) or 1.0
    parts: dict[str, StarPart] = {}
    for part in PARTS:
        idx = tuple(sorted(set(evidence[part])))
        share = sum(w for w, label in zip(weights, labels, strict=True) if label == part) / total
        parts[part] = StarPart(
            part,
            bool(idx),
            idx,
            tuple(sentences[i].text for i in idx),
            round(sentences[idx[0]].start, 2) if idx and timed else None,
            round(share, 3),
        )
    present = [p for p in PARTS if parts[p].present]
    order = tuple(sorted(present, key=lambda p: parts[p].sentences[0]))
    result_idx = {i for i, label in enumerate(labels) if label == RESULT} | set(evidence[RESULT])
    quantified = any(
        _has_number(tokens[sentences[i].first : sentences[i].last + 1], cues) for i in result_idx
    )
    flags = [f"missing_{p}" for p in PARTS if not parts[p].present]
    if parts[RESULT].present and not quantified:
        flags.append("no_numbers_in_result")
    return StructureReport(
        parts=parts,
        labels=tuple(labels),
        order=order,
        in_order=list(order) == [p for p in PARTS if p in order],
        result_quantified=quantified,
        action_share=parts[ACTION].share,
        flags=tuple(flags),
    )
