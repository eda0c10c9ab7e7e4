"""Fit the STAR sentence model on labeled answers: ``python -m benchmarks.train_star``.

One logistic regression per part over :data:`mockint.scoring.star_features.FEATURES` and
the words every training source uses in at least ``VOCAB_MIN`` sentences (5, chosen on the
cross-validated benchmark over 10), on
every sentence the scorer cuts from the labeled answers (typed, spoken, and the typed ones
turned into unpunctuated recogniser output), labeled with the parts of the segments it
overlaps. Each part's threshold is then set on whole answers: the answer as written must
reach it, the answer with that part's segments dropped (and a non-story) must not.
``--write`` puts the fitted numbers into mockint/scoring/star_model.py.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from mockint.scoring.config import ScoringConfig
from mockint.scoring.fillers import FillerDetector
from mockint.scoring.star_features import FEATURES, PARTS, WORD
from mockint.scoring.star_model import StarModel, context_features, logistic
from mockint.scoring.structure import sentence_feature_rows
from mockint.scoring.text import has_timings, split_sentences, tokenize
from tests.unit.scoring.labeled import LabeledCase, asr_view, load_labeled

L2 = 1.0
STEPS = 1500
RATE = 0.3
NON_STAR_MAX = 1
VOCAB_MIN = 5
MODEL_FILE = Path(__file__).resolve().parents[1] / "mockint" / "scoring" / "star_model.py"


def case_rows(
    case: LabeledCase, config: ScoringConfig
) -> tuple[list[dict[str, float]], np.ndarray]:
    """(features, labels) of each sentence the scorer cuts from ``case``."""
    tokens = tokenize(case.transcript)
    sentences = split_sentences(
        tokens, config.pauses.sentence_pause_s, has_timings(case.transcript)
    )
    found = FillerDetector(config).find(tokens, sentences)
    skip = {i for f in found for i in range(f.word_index, f.end_index + 1)}
    rows = sentence_feature_rows(tokens, sentences, config, skip)
    y = np.zeros((len(sentences), len(PARTS)))
    for k, s in enumerate(sentences):
        first, last = tokens[s.first].word_index, tokens[s.last].word_index
        shown = case.parts_of_words(first, last)
        y[k] = [p in shown for p in PARTS]
    return rows, y


def vocabulary(cases: Sequence[LabeledCase], config: ScoringConfig) -> list[str]:
    """Words every training source uses in at least ``VOCAB_MIN`` sentences: the common
    ground of the writers, not one writer's phrasing."""
    per_source: dict[str, dict[str, int]] = {}
    for case in cases:
        counts = per_source.setdefault(case.source, {})
        for row in case_rows(case, config)[0]:
            for name in row:
                if name.startswith(WORD):
                    counts[name] = counts.get(name, 0) + 1
    common = set.intersection(
        *({w for w, n in c.items() if n >= VOCAB_MIN} for c in per_source.values())
    )
    return sorted(common)


def _matrix(rows: Sequence[dict[str, float]], names: Sequence[str]) -> np.ndarray:
    return np.array([[row.get(n, 0.0) for n in names] for row in rows], dtype=float).reshape(
        len(rows), len(names)
    )


def training_cases(cases: Sequence[LabeledCase]) -> list[LabeledCase]:
    """The answers as given, each also with one part dropped (so that a sentence is not
    taken for the scene only because it now comes first), plus the typed ones as a
    recogniser would write them."""
    ablated = [a for c in cases for p in sorted(c.star) if (a := c.without(p)) is not None]
    written = [c for c in (*cases, *ablated) if not c.timed]
    return [*cases, *ablated, *(asr_view(c) for c in written)]


def _logistic(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Weights (bias in column 0, which is 1) by gradient descent with L2, classes balanced."""
    n, d = x.shape
    pos = max(1.0, y.sum())
    weight = np.where(y > 0, n / (2 * pos), n / (2 * max(1.0, n - pos)))
    w = np.zeros(d)
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ ((p - y) * weight) / n + L2 * np.r_[0.0, w[1:]] / 100
        w -= RATE * grad
    return w


def _threshold(pos: list[float], neg: list[float]) -> float:
    """The cut with the best balanced accuracy (answer found / removal caught)."""
    best, best_t = -1.0, 0.5
    for t in sorted(set(pos) | set(neg)):
        tpr = sum(p >= t for p in pos) / max(1, len(pos))
        tnr = sum(q < t for q in neg) / max(1, len(neg))
        if tpr + tnr > best:
            best, best_t = tpr + tnr, t
    # Halfway to the next lower score: a little room for answers not seen here.
    below = [v for v in (*pos, *neg) if v < best_t]
    return round((best_t + max(below)) / 2, 4) if below else round(best_t, 4)


def fit(cases: Sequence[LabeledCase], config: ScoringConfig | None = None) -> StarModel:
    config = config or ScoringConfig()
    train = training_cases(cases)
    names = [*FEATURES, *vocabulary(cases, config)]
    blocks = [case_rows(c, config) for c in train]
    x = _matrix([r for b in blocks for r in b[0]], names)
    y = np.vstack([b[1] for b in blocks])
    weights = _fit_parts(x, y, names)
    # Second pass: the same, plus what the first pass sees around each sentence.
    rows2 = []
    for rows, _ in blocks:
        first = [logistic(weights, r) for r in rows]
        rows2.extend({**r, **c} for r, c in zip(rows, context_features(first), strict=True))
    names2 = [*names, *sorted(k for k in rows2[0] if k not in names)] if rows2 else names
    context = _fit_parts(_matrix(rows2, names2), y, names2)
    model = StarModel(weights, dict.fromkeys(PARTS, 0.5), context)
    return StarModel(weights, _thresholds(train, model, config), context)


def _fit_parts(x: np.ndarray, y: np.ndarray, names: Sequence[str]) -> dict[str, dict[str, float]]:
    """One logistic regression per part. The features are not standardised on purpose: a
    clue seen in a handful of sentences keeps a small weight instead of a huge one."""
    weights: dict[str, dict[str, float]] = {}
    for j, part in enumerate(PARTS):
        w = _logistic(x, y[:, j])
        weights[part] = {name: round(float(v), 4) for name, v in zip(names, w, strict=True) if v}
    return weights


def _best(case: LabeledCase, model: StarModel, config: ScoringConfig) -> dict[str, float]:
    rows, _ = case_rows(case, config)
    probs = model.sentence_probabilities(rows)
    return {p: max((q[p] for q in probs), default=0.0) for p in PARTS}


def _thresholds(
    cases: Sequence[LabeledCase], model: StarModel, config: ScoringConfig
) -> dict[str, float]:
    pos: dict[str, list[float]] = {p: [] for p in PARTS}
    neg: dict[str, list[float]] = {p: [] for p in PARTS}
    for case in cases:
        best = _best(case, model, config)
        story = case.behavioral and len(case.star) > NON_STAR_MAX
        for part in PARTS:
            if not story:
                neg[part].append(best[part])
            elif part in case.star:
                pos[part].append(best[part])
                ablated = case.without(part)
                if ablated is not None:
                    neg[part].append(_best(ablated, model, config)[part])
    return {p: _threshold(pos[p], neg[p]) for p in PARTS}


_BLOCK = re.compile(r"# --- fitted: begin ---\n.*# --- fitted: end ---\n", re.S)


def write(model: StarModel, path: Path = MODEL_FILE) -> None:
    """Put the fitted numbers between the markers of ``path``, formatted as ruff would."""

    def table(name: str, weights: dict[str, dict[str, float]] | None) -> list[str]:
        lines = [f"{name}: dict[str, dict[str, float]] | None = {{"]
        for part in PARTS:
            lines.append(f'    "{part}": {{')
            lines.extend(f'        "{k}": {v!r},' for k, v in (weights or {})[part].items())
            lines.append("    },")
        return [*lines, "}"]

    lines = ["# --- fitted: begin ---", *table("WEIGHTS", model.weights)]
    lines[1] = "WEIGHTS: dict[str, dict[str, float]] = {"
    lines += table("CONTEXT", model.context)
    lines.append("THRESHOLDS: dict[str, float] = {")
    lines.extend(f'    "{p}": {model.thresholds[p]!r},' for p in PARTS)
    lines += ["}", "# --- fitted: end ---\n"]
    text = path.read_text(encoding="utf-8")
    path.write_text(_BLOCK.sub(lambda _: "\n".join(lines), text), encoding="utf-8")


def main(argv: list[str]) -> int:
    model = fit(load_labeled())
    for part in PARTS:
        top = sorted(model.weights[part].items(), key=lambda kv: -abs(kv[1]))[:8]
        print(part, model.thresholds[part], ", ".join(f"{k} {v:+.2f}" for k, v in top))
    if "--write" in argv:
        write(model)
        print(f"wrote {MODEL_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
