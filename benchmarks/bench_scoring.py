"""Scoring accuracy on the labeled corpus, and scoring speed.

Filler detection is scored per filler (exact word span and kind) and STAR detection per
part present, over ``tests/data/scoring_corpus/``. The rules were tuned on the ``dev`` split
only; ``holdout`` was written afterwards, so its figures are the honest ones. Run with
``python -m benchmarks scoring`` (or ``python -m benchmarks.bench_scoring`` for details).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass

from mockint.models import Transcript, Word
from mockint.scoring import score_answer
from mockint.scoring.fillers import squash
from mockint.scoring.text import normalise
from tests.unit.scoring.corpus import STAR_PARTS, Case, load_corpus

GOAL = "≥ 0.90"
SPEED_RUNS = 30
TEN_MINUTES_WORDS = 1500
VOCAL = {squash(w) for w in ("um", "uh", "uhm", "er", "erm", "ah", "hmm", "mm")}


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
        return f"P {self.precision:.2f} · R {self.recall:.2f} · F1 {self.f1:.2f} (n={n})"


def _kind(case: Case, first: int) -> str:
    word = normalise(case.transcript.words[first].text)
    return "vocal" if squash(word) in VOCAL else "verbal"


def evaluate(cases: Iterable[Case]) -> dict[str, Tally]:
    """Tallies for fillers (vocal, verbal, all), hedges and each STAR part."""
    t = {k: Tally() for k in ("vocal", "verbal", "fillers", "hedges", *STAR_PARTS, "flags")}
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
        t["flags"].add(set(report.flags), set(case.flags))
    return t


def _speed_transcript() -> Transcript:
    """About ten minutes of speech (1,500 words at 150 WPM) from the corpus texts."""
    texts = [w.text for c in load_corpus() for w in c.transcript.words]
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


def run() -> list[tuple[str, str, str]]:
    cases = load_corpus()
    rows: list[tuple[str, str, str]] = []
    splits = {
        "all": cases,
        "dev": [c for c in cases if c.split == "dev"],
        "holdout": [c for c in cases if c.split == "holdout"],
    }
    for name, subset in splits.items():
        t = evaluate(subset)
        label = f"{name} ({len(subset)} answers)"
        rows.append((f"filler detection, vocal — {label}", t["vocal"].text(), GOAL))
        rows.append((f"filler detection, verbal — {label}", t["verbal"].text(), GOAL))
        rows.append((f"filler detection, all — {label}", t["fillers"].text(), GOAL))
        for part in STAR_PARTS:
            rows.append((f"STAR {part} — {label}", t[part].text(), GOAL))
        rows.append((f"hedge detection — {label}", t["hedges"].text(), "—"))
        rows.append((f"flags — {label}", t["flags"].text(), "—"))
    cpu, wall = scoring_ms()
    what = f"scoring a 10-minute transcript ({TEN_MINUTES_WORDS} words), median of {SPEED_RUNS}"
    rows.append((f"{what}, CPU time", f"{cpu:.1f} ms", "< 50 ms"))
    rows.append((f"{what}, wall time", f"{wall:.1f} ms (load {os.getloadavg()[0]:.1f})", "—"))
    return rows


def main() -> int:
    for metric, value, goal in run():
        print(f"{metric:70s} {value:40s} {goal}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
