"""Key points: the rules against sentence embeddings and a learned combination, held out.

Four ways to judge "does the answer cover this point?", each on the same labeled points:
- rules: ``mockint.scoring.coverage`` as the app runs it;
- MiniLM cosine: all-MiniLM-L6-v2 (``benchmarks/minilm.py``), the point against each
  sentence, each clause or each two-sentence window; covered when the best cosine reaches
  a threshold;
- learned: a logistic regression over a handful of features (best cosines, cosine margin,
  the rules' share of content words and verdict, point length);
- rules OR cosine: the rules' credit, plus the embedding's above its threshold.

Nothing is judged on what it was fitted on. Thresholds and weights are fitted on the
tuning passes (``TUNING``) less one and scored on that one; the passes written later by
outside writers (every other source) are scored once, by what was fitted on all tuning
passes, and were never looked at while choosing. Points that name a part of the story
("the outcome") are judged by the STAR analysis in every column, so coverage and STAR
never disagree.
"""

from __future__ import annotations

import itertools
import math
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from benchmarks import minilm
from benchmarks.labeled import LabeledCase

TUNING = ("pass-a", "pass-b", "pass-c", "pass-d")
"""The passes the methods were compared and tuned on; later passes are held out whole."""
BATCH = 16
L2 = 1.0
NEWTON_STEPS = 30
_CLAUSE = re.compile(
    r"[,;:]\s+|\s+(?:and|but|so|because|which|then|while|when|after|before)\s+", re.I
)
FEATURES = (
    "best sentence cosine",
    "best window cosine",
    "best clause cosine",
    "whole-answer cosine",
    "best minus mean sentence cosine",
    "best cosine of 'I <point>'",
    "rules: share of content words",
    "rules: covered",
    "point length (words)",
)

Goal = tuple[str, str, str]


@dataclass(frozen=True)
class Point:
    source: str
    gold: bool
    rule: bool
    by_story: bool
    """Judged by the STAR analysis (every method keeps that verdict)."""
    features: tuple[float, ...]


def _texts(case_sentences: Sequence[str]) -> tuple[list[str], list[str]]:
    windows = [a + " " + b for a, b in itertools.pairwise(case_sentences)]
    clauses = [c for s in case_sentences for c in _CLAUSE.split(s) if len(c.split()) >= 2]
    return windows or list(case_sentences), clauses or list(case_sentences)


def points(
    cases: Sequence[LabeledCase],
    scorer: Callable[[LabeledCase], object],
    model: minilm.MiniLM,
) -> tuple[list[Point], float, int]:
    """Every labeled point with its features; also the embedding seconds and text count."""
    staged = []
    wanted: set[str] = set()
    for case in cases:
        if not case.key_points:
            continue
        report = scorer(case)
        sentences = [s.text for s in report.sentences]  # type: ignore[attr-defined]
        windows, clauses = _texts(sentences)
        whole = " ".join(sentences)
        wanted.update(sentences, windows, clauses, [whole])
        for label in case.key_points:
            wanted.update([label.point, f"I {label.point}"])
        staged.append((case, report, sentences, windows, clauses, whole))
    vectors, seconds = _embed(model, wanted)
    out = []
    for case, report, sentences, windows, clauses, whole in staged:
        for k, label in enumerate(case.key_points):
            kp = report.coverage.points[k]  # type: ignore[attr-defined]
            p, p_i = vectors[label.point], vectors[f"I {label.point}"]
            per_sentence = np.array([p @ vectors[s] for s in sentences])
            features = (
                float(per_sentence.max()),
                max(float(p @ vectors[w]) for w in windows),
                max(float(p @ vectors[c]) for c in clauses),
                float(p @ vectors[whole]),
                float(per_sentence.max() - per_sentence.mean()),
                max(float(p_i @ vectors[s]) for s in sentences),
                float(kp.score),
                float(kp.covered),
                float(len(label.point.split())),
            )
            out.append(
                Point(case.source, label.covered, kp.covered, kp.judged_by != "words", features)
            )
    return out, seconds, len(wanted)


def _embed(model: minilm.MiniLM, texts: set[str]) -> tuple[dict[str, np.ndarray], float]:
    # Sorted by length, so a batch pads to about its own length (not to the longest answer).
    ordered = sorted(texts, key=lambda s: (len(s.split()), s))
    started = time.perf_counter()
    vectors: dict[str, np.ndarray] = {}
    for i in range(0, len(ordered), BATCH):
        batch = ordered[i : i + BATCH]
        vectors.update(zip(batch, model.embed(batch), strict=True))
    return vectors, time.perf_counter() - started


# --- methods: fitted on some points, judging others ---------------------------------------

Judge = Callable[[Point], bool]
Method = Callable[[Sequence[Point]], Judge]


def _pr(pred: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, int, int, int]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def _f1(pred: Sequence[bool], gold: Sequence[bool]) -> float:
    p, r, *_ = _pr(pred, gold)
    return 2 * p * r / (p + r) if p + r else 0.0


def _best_threshold(scores: Sequence[float], gold: Sequence[bool], base: Sequence[bool]) -> float:
    """The threshold with the best F1 for ``base OR score >= t``."""
    best, at = -1.0, math.inf
    for t in sorted(set(scores)):
        f = _f1([b or s >= t for s, b in zip(scores, base, strict=True)], gold)
        if f > best:
            best, at = f, t
    return at


def rules(_train: Sequence[Point]) -> Judge:
    return lambda p: p.rule


def cosine(feature: int, *, or_rules: bool = False) -> Method:
    def fit(train: Sequence[Point]) -> Judge:
        said = [p for p in train if not p.by_story]
        base = [p.rule and or_rules for p in said]
        t = _best_threshold([p.features[feature] for p in said], [p.gold for p in said], base)
        return lambda p: p.rule if p.by_story else (p.rule and or_rules) or p.features[feature] >= t

    return fit


def learned(train: Sequence[Point]) -> Judge:
    """Logistic regression (L2, Newton's method) on standardised features; the decision
    threshold with the best F1 on the training points."""
    said = [p for p in train if not p.by_story]
    x = np.array([p.features for p in said])
    y = np.array([p.gold for p in said], dtype=float)
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.c_[(x - mu) / sd, np.ones(len(x))]
    w = np.zeros(z.shape[1])
    penalty = L2 * np.diag([*([1.0] * (z.shape[1] - 1)), 0.0])
    for _ in range(NEWTON_STEPS):
        prob = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (prob - y) + penalty @ w
        hess = (z.T * (prob * (1 - prob))) @ z + penalty
        w -= np.linalg.solve(hess, grad)

    def prob_of(p: Point) -> float:
        v = np.r_[(np.array(p.features) - mu) / sd, 1.0]
        return float(1 / (1 + np.exp(-v @ w)))

    t = _best_threshold([prob_of(p) for p in said], [p.gold for p in said], [False] * len(said))
    return lambda p: p.rule if p.by_story else prob_of(p) >= t


METHODS: tuple[tuple[str, Method], ...] = (
    ("rules (as shipped)", rules),
    ("MiniLM sentence cosine", cosine(0)),
    ("MiniLM clause cosine", cosine(2)),
    ("MiniLM 2-sentence window cosine", cosine(1)),
    ("logistic regression, 9 features", learned),
    ("rules OR MiniLM cosine", cosine(0, or_rules=True)),
)


def held_out(rows: Sequence[Point], method: Method) -> dict[str, tuple[list[bool], list[bool]]]:
    """Per source: (predicted, gold), each judged by what was fitted without it."""
    out: dict[str, tuple[list[bool], list[bool]]] = {}
    final_judge = method([p for p in rows if p.source in TUNING])
    for source in sorted({p.source for p in rows}):
        judge = (
            method([p for p in rows if p.source in TUNING and p.source != source])
            if source in TUNING
            else final_judge
        )
        test = [p for p in rows if p.source == source]
        out[source] = ([judge(p) for p in test], [p.gold for p in test])
    return out


def auc(scores: Sequence[float], gold: Sequence[bool]) -> float:
    """Chance that a covered point scores above a not-covered one (0.5: no signal)."""
    pos = [s for s, g in zip(scores, gold, strict=True) if g]
    neg = [s for s, g in zip(scores, gold, strict=True) if not g]
    if not pos or not neg:
        return float("nan")
    wins = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg)
    return wins / (len(pos) * len(neg))


def _text(pred: Sequence[bool], gold: Sequence[bool]) -> str:
    p, r, tp, _fp, fn = _pr(pred, gold)
    return f"P {p:.2f} · R {r:.2f} (n={tp + fn})"


def comparison_rows(rows: Sequence[Point]) -> list[Goal]:
    """One row per method and held-out source, then the tuning passes together and the
    later passes together; then each feature's separation (AUC) on the points said in words."""
    out: list[Goal] = []
    later = sorted({p.source for p in rows} - set(TUNING))
    for name, method in METHODS:
        by_source = held_out(rows, method)
        for source, (pred, gold) in by_source.items():
            out.append((f"key points, {name}: {source} held out", _text(pred, gold), "P, R ≥ 0.85"))
        together = (("a–d, each held out", TUNING), ("later passes, held out", tuple(later)))
        for label, group in together:
            pred = [x for s in group if s in by_source for x in by_source[s][0]]
            gold = [x for s in group if s in by_source for x in by_source[s][1]]
            if gold:
                metric = f"key points, {name}: {label}"
                out.append((metric, _text(pred, gold), "P, R ≥ 0.85"))
    said = [p for p in rows if not p.by_story]
    for k, feature in enumerate(FEATURES):
        value = auc([p.features[k] for p in said], [p.gold for p in said])
        out.append((f"key points in words, AUC: {feature}", f"{value:.2f}", "1 = perfect"))
    base = sum(p.gold for p in rows) / max(1, len(rows))
    out.append(("key points labeled covered (base rate: P of 'credit all')", f"{base:.2f}", "—"))
    return out
