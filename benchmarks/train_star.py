"""Fit the STAR sentence model on labeled answers: ``python -m benchmarks.train_star``.

A softmax regression over the parts and "no part" (the parts compete, so a late "I rang
her back" is weighed as an action *against* a result) on
:data:`mockint.scoring.star_features.FEATURES` and the words every training source uses in
at least ``VOCAB_MIN`` sentences, plus a lexicon of every word (its log-odds per part,
:func:`lexicon`; each training sentence's from a lexicon that did not see its source),
for every sentence the scorer cuts from the labeled answers: typed, spoken, the typed
ones as unpunctuated recogniser output and as notes (the leading "I" dropped), each also
with each part dropped in turn; labels are the parts
of the segments a sentence overlaps. A second pass adds what the first says of the
sentences around each one, learned from first-pass scores of sentences it was not fitted
on (out of fold, by source). Each part's threshold is then chosen on answers from a source
the model was not fitted on, under the rule the scorer applies: the answer must be found
to have the part, and no longer once its segments are dropped; non-stories must not be
claimed. ``--write`` puts the fitted numbers into mockint/scoring/star_model.py.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from benchmarks.labeled import LabeledCase, asr_view, load_labeled, notes_view
from mockint.scoring.config import ScoringConfig
from mockint.scoring.fillers import FillerDetector
from mockint.scoring.star_features import FEATURES, PARTS, WORD
from mockint.scoring.star_model import LEX, Lexicon, StarModel, context_features
from mockint.scoring.structure import _PAIRS, SHARE_MARGIN, sentence_feature_rows
from mockint.scoring.text import has_timings, split_sentences, tokenize

L2 = 3.0
"""Ridge on every weight but the bias (times 1/100): 3 held up best cross-validated
(0.3, 1 and 3 tried)."""
NEWTON_STEPS = 40
FRESH_HESSIAN = 3
"""Newton steps with a freshly computed Hessian before reusing it (every third step)."""
NON_STAR_MAX = 1
"""A behavioral answer with at most this many labeled parts is not a STAR story."""
VOCAB_MIN = 5
ROUNDS = 2
"""Coordinate-ascent rounds over the four thresholds."""
NEAR_FULL = 3
"""Parts found from which a non-story counts as claimed to be a STAR story."""
CLAIM_ALLOWED = 0.03
CLAIM_PENALTY = 4.0
"""Non-stories claimed beyond ``CLAIM_ALLOWED`` cost this much per share of them."""
LEX_ALPHA = 1.0
"""Add-one smoothing of the lexicon's counts: measured best leave-one-source-out against
add-5, add-20 and counts shrunk toward each part's share (benchmarks/star_variants.py)."""
BALANCE = 0.1
"""Weight of the sum of found and caught rates next to the weaker of the two."""
MODEL_FILE = Path(__file__).resolve().parents[1] / "mockint" / "scoring" / "star_model.py"


def case_rows(
    case: LabeledCase, config: ScoringConfig
) -> tuple[list[dict[str, float]], np.ndarray]:
    """(features, labels) of each sentence the scorer cuts from ``case``."""
    tokens = tokenize(case.transcript)
    timed = has_timings(case.transcript)
    sentences = split_sentences(tokens, config.pauses.sentence_pause_s, timed)
    found = FillerDetector(config).find(tokens, sentences, spoken=timed)
    skip = {i for f in found for i in range(f.word_index, f.end_index + 1)}
    rows = sentence_feature_rows(tokens, sentences, config, skip)
    y = np.zeros((len(sentences), len(PARTS)))
    for k, s in enumerate(sentences):
        first, last = tokens[s.first].word_index, tokens[s.last].word_index
        shown = case.parts_of_words(first, last)
        y[k] = [p in shown for p in PARTS]
    return rows, y


Block = tuple[list[dict[str, float]], np.ndarray]
"""One answer's sentences: features and labels."""


@dataclass(frozen=True)
class Unit:
    """One answer as the scorer meets it (typed, spoken, or a typed one as a recogniser
    writes it), with each of its parts dropped in turn: the sentences' features, labels
    and what the thresholds need."""

    source: str
    story: bool
    """A behavioral answer with more than ``NON_STAR_MAX`` parts."""
    full: tuple[list[dict[str, float]], np.ndarray]
    ablated: dict[str, tuple[list[dict[str, float]], np.ndarray]]
    """Part → the answer without that part's segments."""

    def blocks(self) -> list[tuple[list[dict[str, float]], np.ndarray]]:
        return [self.full, *self.ablated.values()]


def units(cases: Sequence[LabeledCase], config: ScoringConfig) -> list[Unit]:
    """Every case; every typed one also as unpunctuated recogniser output and as notes."""
    typed = [c for c in cases if not c.timed]
    views = [*cases, *map(asr_view, typed), *filter(None, map(notes_view, typed))]
    out = []
    for case in views:
        ablated = {}
        for part in sorted(case.star):
            dropped = case.without(part)
            if dropped is not None:
                ablated[part] = case_rows(dropped, config)
        story = case.behavioral and len(case.star) > NON_STAR_MAX
        out.append(Unit(case.source, story, case_rows(case, config), ablated))
    return out


def vocabulary(data: Sequence[Unit]) -> list[str]:
    """Words every training source uses in at least ``VOCAB_MIN`` sentences: the common
    ground of the writers, not one writer's phrasing."""
    per_source: dict[str, dict[str, int]] = {}
    for unit in data:
        counts = per_source.setdefault(unit.source, {})
        for row in unit.full[0]:
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


class _Design:
    """The training units as matrices, one block per answer (full or with a part dropped)."""

    def __init__(self, data: Sequence[Unit], names: Sequence[str]) -> None:
        self.names = list(names)
        self.blocks = [b for u in data for b in u.blocks()]
        self.source = [u.source for u in data for _ in u.blocks()]
        self.x = [_matrix(rows, names) for rows, _ in self.blocks]
        self.y = [y for _, y in self.blocks]

    def rows_of(self, keep: Sequence[bool]) -> tuple[np.ndarray, np.ndarray]:
        xs = [x for x, k in zip(self.x, keep, strict=True) if k]
        ys = [y for y, k in zip(self.y, keep, strict=True) if k]
        return np.vstack(xs), np.vstack(ys)


def fit(cases: Sequence[LabeledCase], config: ScoringConfig | None = None) -> StarModel:
    """The STAR model fitted on ``cases`` (see :func:`fit_units`)."""
    return fit_units(units(cases, config or ScoringConfig()))


def fit_units(
    data: Sequence[Unit],
    extra: Sequence[str] = (),
    objective: Callable[[_Scored, np.ndarray], float] | None = None,
    wrap: Callable[[StarModel, Sequence[Unit]], StarModel] | None = None,
    lexical: bool = True,
) -> StarModel:
    """Two passes, stacked without leaking: the second pass learns from what the first
    pass says of sentences it was *not* fitted on (out of fold, by source), and the
    thresholds are chosen on answers from a source the model was not fitted on; so both
    are set for answers by a new writer, not for the training set the model knows.
    ``extra``: more feature names the rows carry (to measure variants); ``objective``: the
    threshold rule (default :func:`_objective`); ``wrap``: turns a fitted model and the
    units it was fitted on into another (a variant's post-processing), before its
    thresholds are chosen; ``lexical``: with the lexicon's features (each training
    sentence's from a lexicon that did not see its source, :func:`stacked`)."""
    wrapped = wrap or (lambda model, _: model)
    lexicon = None
    if lexical:
        data, lexicon = stacked(data)
        extra = [*LEX, *extra]
    design = _Design(data, [*FEATURES, *extra, *vocabulary(data)])
    sources = sorted(set(design.source))
    everything = [True] * len(design.blocks)
    weights = _fit_parts(*design.rows_of(everything), design.names)
    folds = {
        s: _fit_parts(*design.rows_of([t != s for t in design.source]), design.names)
        for s in sources
    }
    # Each block's context from the first pass fitted without its source.
    rows2 = [
        [{**r, **c} for r, c in zip(rows, context_features(_first(folds[s], rows)),
                                     strict=True)]
        for (rows, _), s in zip(design.blocks, design.source, strict=True)
    ]  # fmt: skip
    # The context features only: the words of the first sentence are not features.
    names2 = [*design.names, *sorted(context_features([dict.fromkeys(PARTS, 0.0)])[0])]
    x2 = [_matrix(r, names2) for r in rows2]
    context = _fit_parts(np.vstack(x2), np.vstack(design.y), names2)
    oof: dict[int, StarModel] = {}
    for s in sources:
        keep = [t != s for t in design.source]
        xs = np.vstack([x for x, k in zip(x2, keep, strict=True) if k])
        ys = np.vstack([y for y, k in zip(design.y, keep, strict=True) if k])
        held = StarModel(folds[s], dict.fromkeys(PARTS, 0.5), _fit_parts(xs, ys, names2))
        held = wrapped(held, [u for u in data if u.source != s])
        for k, u in enumerate(data):
            if u.source == s:
                oof[k] = held
    thresholds = _thresholds(data, oof, objective or _objective)
    return wrapped(StarModel(weights, thresholds, context, lexicon), data)


def _word_counts(data: Sequence[Unit]) -> dict[str, tuple[dict[str, np.ndarray], np.ndarray]]:
    """Source → (word → sentences with it in each part and not in it, all sentences so)."""
    out: dict[str, tuple[dict[str, np.ndarray], np.ndarray]] = {}
    for unit in data:
        counts, totals = out.setdefault(unit.source, ({}, np.zeros(2 * len(PARTS))))
        for rows, y in unit.blocks():
            for row, labels in zip(rows, y, strict=True):
                cols = np.concatenate([labels, 1 - labels])
                totals += cols
                for name in row:
                    if name.startswith(WORD):
                        w = name[len(WORD) :]
                        counts[w] = counts[w] + cols if w in counts else cols.copy()
    return out


def lexicon(counts: Sequence[tuple[dict[str, np.ndarray], np.ndarray]]) -> Lexicon:
    """The :class:`~mockint.scoring.star_model.Lexicon` of the summed ``counts``: per part,
    the log of the (add-``LEX_ALPHA``) share of the part's sentences with the word less
    that of the other sentences."""
    words: dict[str, np.ndarray] = {}
    totals = np.zeros(2 * len(PARTS))
    for c, t in counts:
        totals += t
        for w, v in c.items():
            words[w] = words[w] + v if w in words else v.copy()

    def odds(v: np.ndarray) -> tuple[float, float, float, float]:
        rate = np.log((v + LEX_ALPHA) / (totals + 2 * LEX_ALPHA))
        a, b, c, d = (round(float(x), 4) for x in rate[: len(PARTS)] - rate[len(PARTS) :])
        return a, b, c, d

    return Lexicon({w: odds(v) for w, v in sorted(words.items())}, odds(np.zeros(len(totals))))


def stacked(data: Sequence[Unit]) -> tuple[list[Unit], Lexicon]:
    """``data`` with each sentence's lexical features from a lexicon fitted without its
    source (so the model learns how far to trust the lexicon on a new writer's words),
    and the lexicon of all of ``data`` for the fitted model."""
    counts = _word_counts(data)
    held = {s: lexicon([c for t, c in counts.items() if t != s]) for s in counts}

    def add(block: Block, lex: Lexicon) -> Block:
        rows, y = block
        return [{**r, **lex.features(r)} for r in rows], y

    out = [
        replace(
            u,
            full=add(u.full, held[u.source]),
            ablated={p: add(b, held[u.source]) for p, b in u.ablated.items()},
        )
        for u in data
    ]
    return out, lexicon(list(counts.values()))


def _first(
    weights: dict[str, dict[str, float]], rows: list[dict[str, float]]
) -> list[dict[str, float]]:
    return StarModel(weights, {}).sentence_probabilities(rows)


def _fit_parts(x: np.ndarray, y: np.ndarray, names: Sequence[str]) -> dict[str, dict[str, float]]:
    """Part → feature → weight of one softmax regression. The features are not
    standardised on purpose: a clue seen in a handful of sentences keeps a small weight
    instead of a huge one."""
    w = _softmax_fit(x, y)
    return {
        part: {n: round(float(v), 4) for n, v in zip(names, w[:, j], strict=True) if v}
        for j, part in enumerate(PARTS)
    }


def _softmax_fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Weights (features × parts; "none" fixed at 0) of a softmax regression by Newton's
    method with L2. A sentence labeled with two parts counts half for each."""
    n, d = x.shape
    k = y.shape[1]
    labels = y.sum(axis=1, keepdims=True)
    target = np.where(labels > 0, y / np.maximum(labels, 1), 0.0)
    ridge = np.full(d, L2 / 100)
    ridge[0] = 0.0
    w = np.zeros((d, k))
    hess = np.zeros((d * k, d * k))
    for step_no in range(NEWTON_STEPS):
        z = np.clip(x @ w, -30, 30)
        top = np.maximum(z.max(axis=1, keepdims=True), 0.0)
        e = np.exp(z - top)
        p = e / (np.exp(-top) + e.sum(axis=1, keepdims=True))
        grad = (x.T @ (p - target)) / n + ridge[:, None] * w
        if step_no < FRESH_HESSIAN or step_no % FRESH_HESSIAN == 0:
            # The Hessian is most of a fit's cost; near the optimum a recent one serves
            # (the same optimum is reached: the problem is convex, only the path differs).
            hess = np.zeros((d * k, d * k))
            for a in range(k):
                for b in range(a, k):
                    s = p[:, a] * ((a == b) - p[:, b])
                    block = (x.T * s) @ x / n
                    hess[a * d : (a + 1) * d, b * d : (b + 1) * d] = block
                    hess[b * d : (b + 1) * d, a * d : (a + 1) * d] = block.T
            hess += np.diag(np.tile(ridge, k) + 1e-9)
        step = np.linalg.solve(hess, grad.T.reshape(-1)).reshape(k, d).T
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def shown_matrix(probs: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """:func:`mockint.scoring.structure.parts_shown` for many sentences at once (rows of
    ``probs``, columns in ``PARTS`` order): which parts each sentence is evidence for."""
    margin = probs - thresholds
    above = margin >= 0
    ranked = np.where(above, margin, -np.inf)
    order = np.argsort(-ranked, axis=1, kind="stable")
    rows = np.arange(len(probs))
    top, second = order[:, 0], order[:, 1]
    shown = np.zeros_like(above)
    shown[rows, top] = above[rows, top]
    pair = _PAIR_TABLE[top, second]
    clear = probs[rows, second] >= thresholds[second] + SHARE_MARGIN
    shown[rows, second] |= above[rows, top] & above[rows, second] & pair & clear
    return shown


_PAIR_TABLE = np.array([[frozenset({a, b}) in _PAIRS for b in PARTS] for a in PARTS], dtype=bool)


@dataclass
class _Scored:
    """Held-out sentence probabilities of every unit, for choosing the thresholds."""

    probs: np.ndarray
    """All sentences, stacked."""
    spans: list[tuple[int, int]]
    """(first, end) rows of each answer."""
    want: np.ndarray
    """Per answer and part: 1 the part must be found, 0 it must not (removed, or a
    non-story), -1 no matter."""
    non_story: np.ndarray
    """Answers that are not stories (must not reach ``NEAR_FULL`` parts)."""


def _scored(data: Sequence[Unit], models: dict[int, StarModel]) -> _Scored:
    probs: list[list[float]] = []
    spans, want, non_story = [], [], []
    for k, unit in enumerate(data):
        model = models[k]
        for part, (rows, _) in [(None, unit.full), *unit.ablated.items()]:
            first = len(probs)
            probs.extend([q[p] for p in PARTS] for q in model.sentence_probabilities(rows))
            spans.append((first, len(probs)))
            if not unit.story:
                want.append([0] * len(PARTS))
            elif part is None:
                has = unit.full[1].any(axis=0)
                want.append([1 if h else -1 for h in has])
            else:
                want.append([0 if p == part else -1 for p in PARTS])
            non_story.append(not unit.story and part is None)
    return _Scored(np.array(probs), spans, np.array(want), np.array(non_story))


def _objective(scored: _Scored, thresholds: np.ndarray) -> float:
    shown = shown_matrix(scored.probs, thresholds)
    present = np.array([shown[a:b].any(axis=0) if b > a else np.zeros(4, bool)
                        for a, b in scored.spans])  # fmt: skip
    total = 0.0
    for j in range(len(PARTS)):
        pos, neg = scored.want[:, j] == 1, scored.want[:, j] == 0
        found, caught = present[pos, j].mean(), (~present[neg, j]).mean()
        # Both must hold: the weaker of the two counts most.
        total += min(found, caught) + BALANCE * (found + caught)
    claimed = (present[scored.non_story].sum(axis=1) >= NEAR_FULL).mean()
    return total - CLAIM_PENALTY * max(0.0, claimed - CLAIM_ALLOWED)


def _thresholds(
    data: Sequence[Unit],
    models: dict[int, StarModel],
    objective: Callable[[_Scored, np.ndarray], float],
) -> dict[str, float]:
    """Each part's cut, chosen on answers scored by a model that did not see their source,
    under the rule the scorer applies (:func:`shown_matrix`): found in the answers that
    have the part, not found once it is removed, non-stories not claimed. Coordinate
    ascent: each part's cut in turn, the others held."""
    scored = _scored(data, models)
    t = np.full(len(PARTS), 0.5)
    grid = np.round(np.arange(0.2, 0.96, 0.01), 2)
    for _ in range(ROUNDS):
        for j in range(len(PARTS)):
            best, best_v = -np.inf, t[j]
            for v in grid:
                t[j] = v
                value = objective(scored, t)
                if value > best + 1e-9:
                    best, best_v = value, v
            t[j] = best_v
    return {p: round(float(v), 4) for p, v in zip(PARTS, t, strict=True)}


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
    lines.append("}")
    lex = model.lexicon or Lexicon({})
    lines.append("LEXICON: dict[str, tuple[float, float, float, float]] = {")
    # JSON's quoting is Python's for these words, and the double quotes ruff writes.
    lines.extend(f"    {json.dumps(w, ensure_ascii=False)}: {v!r}," for w, v in lex.odds.items())
    lines.append("}")
    lines.append(f"LEXICON_UNSEEN: tuple[float, float, float, float] = {lex.unseen!r}")
    lines += ["# --- fitted: end ---\n"]
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
