"""STAR structure of a behavioral answer: Situation, Task, Action, Result.

Each sentence gets a probability per part from the STAR model (:mod:`star_model`: the parts
compete with each other and with "no part") over general features (:mod:`star_features`);
fillers inside a sentence are skipped, so they never change its part. A part is present when
some sentence shows it (:func:`parts_shown`; the thresholds are chosen, cross-validated by
source, under this same rule). A sentence is
evidence for the part it shows most clearly, and for a second one only when it clearly shows
both ("At my last job I was asked to…"); a sentence that shows nothing continues the part
before it (for time shares, not as evidence).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from mockint.scoring.config import ScoringConfig
from mockint.scoring.phrases import PhraseIndex
from mockint.scoring.star_features import CueLists, sentence_features, without
from mockint.scoring.star_model import DEFAULT_MODEL, StarModel
from mockint.scoring.text import Sentence, Token, phrase_words, word_set

SITUATION, TASK, ACTION, RESULT = "situation", "task", "action", "result"
PARTS = (SITUATION, TASK, ACTION, RESULT)

_YEAR = re.compile(r"^(19|20)\d\d$")
_ONE_AMOUNT_PREV = word_set("to from only than under over about just")
#: Parts so often told in one sentence that a sentence can be evidence for both.
_PAIRS = frozenset(
    {frozenset({SITUATION, TASK}), frozenset({TASK, ACTION}), frozenset({ACTION, RESULT})}
)
SHARE_MARGIN = 0.1
"""How far above its threshold the weaker part must be for one sentence to show two."""


@dataclass(frozen=True, slots=True)
class StarPart:
    """One STAR part: whether it is there, and the sentences that show it."""

    name: str
    present: bool
    sentences: tuple[int, ...]
    """Indexes of the sentences that show it (evidence), the clearest first."""
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
        self.lists = CueLists(
            {
                SITUATION: config.structure.situation_cues,
                TASK: config.structure.task_cues,
                ACTION: config.structure.action_cues,
                RESULT: config.structure.result_cues,
            }
        )
        self.numbers = PhraseIndex(config.structure.number_words)
        self.number_words = frozenset(
            w[0] for w in map(phrase_words, config.structure.number_words) if w
        )


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


def sentence_feature_rows(
    tokens: Sequence[Token],
    sentences: Sequence[Sentence],
    config: ScoringConfig,
    skip: Collection[int] = (),
) -> list[dict[str, float]]:
    """The STAR features of each sentence; words in ``skip`` (fillers) are ignored."""
    cues = _Cues(config)
    n = max(1, len(tokens))
    rows = []
    for s in sentences:
        words = without(tokens[s.first : s.last + 1], skip)
        position = (s.first + s.last + 1) / 2 / n
        rows.append(sentence_features(words, position, s.index, len(sentences), cues.lists))
    return rows


def parts_shown(p: dict[str, float], thresholds: dict[str, float]) -> list[str]:
    """The parts one sentence shows: its clearest one, plus a second only when the pair is
    often told together and the sentence clearly shows both."""
    above = sorted(
        (part for part in PARTS if p[part] >= thresholds[part]),
        key=lambda part: p[part] - thresholds[part],
        reverse=True,
    )
    if not above:
        return []
    shown = [above[0]]
    for part in above[1:2]:
        if frozenset({above[0], part}) in _PAIRS and p[part] >= thresholds[part] + SHARE_MARGIN:
            shown.append(part)
    return shown


def structure(
    tokens: Sequence[Token],
    sentences: Sequence[Sentence],
    timed: bool,
    config: ScoringConfig,
    skip: Collection[int] = (),
    model: StarModel = DEFAULT_MODEL,
) -> StructureReport:
    """Which STAR parts the answer has, where, in what order and for how long."""
    rows = sentence_feature_rows(tokens, sentences, config, skip)
    probs = model.sentence_probabilities(rows)
    labels: list[str | None] = []
    evidence: dict[str, list[int]] = {part: [] for part in PARTS}
    previous: str | None = None
    for s, p in zip(sentences, probs, strict=True):
        shown = parts_shown(p, model.thresholds)
        if not shown:
            labels.append(previous)  # shows nothing: continues the part before
            continue
        labels.append(shown[0])
        previous = shown[0]
        for part in shown:
            evidence[part].append(s.index)
    # Clearest first: the first quote is the sentence that shows the part best.
    for part, idx in evidence.items():
        idx.sort(key=lambda i: -probs[i][part])
    return _report(tokens, sentences, labels, evidence, timed, _Cues(config))


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
        idx = tuple(dict.fromkeys(evidence[part]))
        share = sum(w for w, label in zip(weights, labels, strict=True) if label == part) / total
        parts[part] = StarPart(
            part,
            bool(idx),
            idx,
            tuple(sentences[i].text for i in idx),
            round(sentences[min(idx)].start, 2) if idx and timed else None,
            round(share, 3),
        )
    present = [p for p in PARTS if parts[p].present]
    order = tuple(sorted(present, key=lambda p: min(parts[p].sentences)))
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
