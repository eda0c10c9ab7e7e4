from __future__ import annotations

import pytest

from mockint.scoring.config import ScoringConfig
from mockint.scoring.coverage import coverage
from tests.unit.scoring.helpers import parse

ANSWER = (
    "First the browser resolves the domain with a DNS lookup. "
    "Then it opens a TCP connection. "
    "Finally the browser renders the page."
)


@pytest.mark.parametrize(
    ("point", "covered"),
    [
        ("DNS lookup of the domain", True),
        ("TCP connection", True),
        ("the browser renders the page", True),  # "renders" ~ "rendering"
        ("rendering the page", True),
        ("HTTP caching headers", False),
        ("", False),
    ],
)
def test_key_points(point: str, covered: bool) -> None:
    tokens, sentences = parse(ANSWER)
    report = coverage([point], tokens, sentences, ScoringConfig())
    assert report.points[0].covered is covered
    assert report.covered == int(covered)


def test_evidence_is_the_best_sentence() -> None:
    tokens, sentences = parse(ANSWER)
    (point,) = coverage(["TCP connection"], tokens, sentences, ScoringConfig()).points
    assert point.evidence == "Then it opens a TCP connection."
    assert point.sentence == 1


def test_threshold_is_configurable() -> None:
    tokens, sentences = parse(ANSWER)
    strict = ScoringConfig(key_point_threshold=1.0)
    report = coverage(["DNS lookup and HTTP caching"], tokens, sentences, strict)
    assert not report.points[0].covered
    assert report.missing == ("DNS lookup and HTTP caching",)
