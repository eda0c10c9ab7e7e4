"""The per-sentence labeled corpus (tests/data/labeled/) loads, and its labels make sense."""

from __future__ import annotations

import pytest

from benchmarks.labeled import PARTS, LabeledCase, asr_view, load_labeled

CASES = load_labeled()


def test_several_independent_passes_of_many_styles() -> None:
    sources = {c.source for c in CASES}
    assert len(sources) >= 3
    assert len(CASES) >= 150
    assert len({c.id for c in CASES}) == len(CASES)
    assert len({c.style for c in CASES}) >= 10
    assert len({c.field for c in CASES}) >= 10
    assert any(c.timed for c in CASES) and any(not c.timed for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_segments_cover_the_transcript(case: LabeledCase) -> None:
    assert case.segments[0].first == 0
    assert case.segments[-1].last == len(case.transcript.words) - 1
    assert all(p in PARTS for s in case.segments for p in s.parts)
    for part in case.star:
        dropped = case.without(part)
        if dropped is not None:
            assert part not in dropped.star
    assert asr_view(case).star == case.star
