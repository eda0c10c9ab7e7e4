"""``score_answer``: one transcript in, one :class:`ScoreReport` out. Pure: no I/O.

The overall score is the weighted mean of the parts that apply (weights in
``ScoringConfig.weights``, re-normalised): structure only for behavioral answers, coverage
only when the question has key points, pace and pauses only when words have timings.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockint.models import Question, Transcript
from mockint.scoring import parts as P
from mockint.scoring.config import ScoringConfig
from mockint.scoring.coverage import coverage
from mockint.scoring.fillers import Filler, FillerDetector, filler_report
from mockint.scoring.language import (
    HedgeReport,
    Ownership,
    Repetition,
    find_hedges,
    find_repetitions,
    ownership,
)
from mockint.scoring.length import length
from mockint.scoring.metrics import build_metrics
from mockint.scoring.pace import pace
from mockint.scoring.pauses import PauseReport, pauses
from mockint.scoring.result import (
    FILLER,
    FLAGS,
    HEDGE,
    LONG_PAUSE_BEFORE,
    REPEAT,
    ScoreReport,
    SentenceInfo,
)
from mockint.scoring.star_model import DEFAULT_MODEL, StarModel
from mockint.scoring.structure import ACTION, SITUATION, StructureReport, structure
from mockint.scoring.text import Sentence, Token, has_timings, split_sentences, tokenize
from mockint.scoring.tips import make_strengths, make_tips


def score_answer(
    transcript: Transcript,
    question: Question | None = None,
    config: ScoringConfig | None = None,
    star_model: StarModel = DEFAULT_MODEL,
) -> ScoreReport:
    """Score one answer: metrics with evidence, part scores, overall, flags and tips.
    ``star_model``: the fitted STAR weights (another only to cross-validate them)."""
    config = config or ScoringConfig()
    tokens = tokenize(transcript)
    timed = has_timings(transcript)
    sentences = split_sentences(tokens, config.pauses.sentence_pause_s, timed)
    behavioral = question.expects_star if question else config.structure.star_without_question

    found = FillerDetector(config).find(tokens, sentences, spoken=timed)
    filler_words = {i for f in found for i in range(f.word_index, f.end_index + 1)}
    pace_r = pace(tokens, timed, config)
    length_r = length(tokens, timed, question, config)
    # Fillers per minute only where minutes were measured.
    minutes = pace_r.speaking_s / 60.0 if timed else None
    fillers_r = filler_report(found, len(tokens), minutes, config)
    pauses_r = pauses(tokens, timed, config)
    hedges_r = find_hedges(tokens, filler_words, len(tokens), config)
    reps = find_repetitions(tokens, sentences, filler_words, config)
    star = (
        structure(tokens, sentences, timed, config, filler_words, star_model)
        if behavioral and tokens
        else None
    )
    own = _ownership(tokens, sentences, star, config) if star else None
    key_points = question.key_points if question else ()
    asked = question.text if question else ""
    cov = (
        coverage(key_points, tokens, sentences, config, star, asked)
        if key_points and tokens
        else None
    )

    part_list = [
        P.fillers_part(fillers_r, len(tokens), config),
        P.length_part(length_r),
        P.language_part(hedges_r, reps, own, config),
    ]
    if timed:
        part_list += [P.pace_part(pace_r, config), P.pauses_part(pauses_r)]
    if star is not None:
        part_list.append(P.structure_part(star, config))
    if cov is not None:
        part_list.append(P.coverage_part(cov))
    weights = _weights(config, [p.name for p in part_list])
    scores = {p.name: p.score for p in part_list}
    overall = round(sum(weights[n] * s for n, s in scores.items())) if tokens else 0

    raised = {
        "no_speech": not tokens,
        "too_short": length_r.too_short,
        "too_long": length_r.too_long,
        "too_fast": pace_r.too_fast,
        "too_slow": pace_r.too_slow,
        "filler_heavy": fillers_r.flagged,
        "long_pauses": pauses_r.flagged,
        "hedging": hedges_r.flagged,
        "we_not_i": own is not None and own.flagged,
    }
    if star is not None:
        raised.update(dict.fromkeys(star.flags, True))
    flags = ["no_speech"] if not tokens else [f for f in FLAGS if raised.get(f)]

    report = ScoreReport(
        metrics={},  # filled in below, from the typed fields
        overall=int(min(100, max(0, overall))),
        parts=scores if tokens else {},
        flags=flags,
        explanations={p.name: p.explanation for p in part_list} if tokens else {},
        weights={n: round(w, 3) for n, w in weights.items()},
        annotations=_annotations(found, hedges_r, reps, pauses_r),
        sentences=_sentence_infos(tokens, sentences, star),
        word_count=len(tokens),
        fillers=fillers_r,
        pace=pace_r,
        length=length_r,
        pauses=pauses_r,
        hedges=hedges_r,
        repetitions=reps,
        ownership=own,
        structure=star,
        coverage=cov,
    )
    report.metrics = build_metrics(report)
    report.tips = make_tips(report, config, behavioral, question.kind if question else None)
    report.strengths = make_strengths(report) if tokens else []
    return report


def _weights(config: ScoringConfig, names: Sequence[str]) -> dict[str, float]:
    raw = {n: max(0.0, float(config.weights.get(n, 0.0))) for n in names}
    total = sum(raw.values())
    if total <= 0:  # every weight zeroed by the user: fall back to a plain mean
        return {n: 1.0 / len(names) for n in names} if names else {}
    return {n: w / total for n, w in raw.items()}


def _ownership(
    tokens: Sequence[Token],
    sentences: Sequence[Sentence],
    star: StructureReport,
    config: ScoringConfig,
) -> Ownership:
    """I/we in the action sentences; without any, in everything but the scene-setting."""
    action = [s for s, label in zip(sentences, star.labels, strict=True) if label == ACTION]
    if action:
        return ownership(tokens, action, "action", config)
    rest = [s for s, label in zip(sentences, star.labels, strict=True) if label != SITUATION]
    return ownership(tokens, rest, "answer", config)


def _annotations(
    fillers: Sequence[Filler],
    hedges: HedgeReport,
    reps: Sequence[Repetition],
    pauses_r: PauseReport,
) -> dict[int, tuple[str, ...]]:
    tags: dict[int, list[str]] = {}

    def tag(first: int, last: int, name: str) -> None:
        for i in range(first, last + 1):
            if name not in tags.setdefault(i, []):
                tags[i].append(name)

    for f in fillers:
        tag(f.word_index, f.end_index, FILLER)
    for h in hedges.items:
        tag(h.word_index, h.end_index, HEDGE)
    for r in reps:
        for start in r.word_indexes:
            tag(start, start + r.length - 1, REPEAT)
    for p in pauses_r.long_pauses:
        tag(p.before_index, p.before_index, LONG_PAUSE_BEFORE)
    return {i: tuple(t) for i, t in sorted(tags.items())}


def _sentence_infos(
    tokens: Sequence[Token], sentences: Sequence[Sentence], star: StructureReport | None
) -> tuple[SentenceInfo, ...]:
    labels = star.labels if star else (None,) * len(sentences)
    return tuple(
        SentenceInfo(
            s.index,
            tokens[s.first].word_index,
            tokens[s.last].word_index,
            round(s.start, 2),
            round(s.end, 2),
            s.text,
            label,
        )
        for s, label in zip(sentences, labels, strict=True)
    )
