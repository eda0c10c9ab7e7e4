"""Table-driven: every labeled answer in tests/data/scoring_corpus/ scores as labeled.

Fillers, hedges and the flags that are not about STAR must match exactly. STAR parts come
from a model fitted on other writers (tests/data/labeled/), so this corpus is one more
held-out source for it: its parts are checked in aggregate here, and reported per part by
``python -m benchmarks scoring``. Cases with ``known_miss`` are answers the scorer gets
wrong on purpose-kept evidence (xfail; a fix shows as XPASS).
"""

from __future__ import annotations

import pytest

from benchmarks.scoring_corpus import STAR_PARTS, Case, load_corpus
from mockint.scoring import score_answer
from mockint.scoring.result import FLAGS

CASES = load_corpus()
#: Flags decided by the STAR model, checked in aggregate rather than per answer.
STAR_FLAGS = {f"missing_{p}" for p in STAR_PARTS} | {"no_numbers_in_result"}
MIN_RECALL = 0.7
MIN_PRECISION = 0.9


def _params() -> list[object]:
    return [
        pytest.param(
            c,
            id=c.id,
            marks=[pytest.mark.xfail(reason=c.known_miss, strict=False)] if c.known_miss else [],
        )
        for c in CASES
    ]


def test_corpus_is_big_and_varied() -> None:
    assert len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES)
    assert {c.split for c in CASES} == {"dev", "holdout"}
    assert sum(1 for c in CASES if c.star is None) >= 8  # non-behavioral answers
    assert sum(len(c.fillers) for c in CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_labels_are_consistent(case: Case) -> None:
    assert case.flags <= set(FLAGS)
    if case.star is None:
        assert not {f for f in case.flags if f.startswith("missing_")}
        return
    for part in STAR_PARTS:
        assert (f"missing_{part}" in case.flags) == (part not in case.star), part
    if "no_numbers_in_result" in case.flags:
        assert "result" in case.star


@pytest.mark.parametrize("case", _params())
def test_scores_as_labeled(case: Case) -> None:
    report = score_answer(case.transcript, case.question)
    assert report.fillers is not None and report.hedges is not None
    words = case.transcript.words

    def spans(pairs: set[tuple[int, int]]) -> list[str]:
        return [" ".join(w.text for w in words[a : b + 1]) for a, b in sorted(pairs)]

    found = {(f.word_index, f.end_index) for f in report.fillers.items}
    assert spans(found) == spans({(s.first, s.last) for s in case.fillers})
    hedges = {(h.word_index, h.end_index) for h in report.hedges.items}
    assert spans(hedges) == spans({(s.first, s.last) for s in case.hedges})
    assert (report.structure is None) == (case.star is None)
    assert set(report.flags) - STAR_FLAGS == case.flags - STAR_FLAGS
    if case.covered:
        assert report.coverage is not None
        assert tuple(p.covered for p in report.coverage.points) == case.covered


def test_star_parts_in_aggregate() -> None:
    """Each part found in most answers that have it, and claimed almost only where it is."""
    for part in STAR_PARTS:
        hits = claims = true_claims = has = 0
        for case in CASES:
            if case.star is None:
                continue
            report = score_answer(case.transcript, case.question)
            assert report.structure is not None
            found = report.structure.present[part]
            has += part in case.star
            hits += found and part in case.star
            claims += found
            true_claims += found and part in case.star
        assert hits / has >= MIN_RECALL, part
        assert true_claims / claims >= MIN_PRECISION, part
