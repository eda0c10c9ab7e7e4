from __future__ import annotations

import pytest

from mockint.models import Transcript
from mockint.scoring import score_answer
from mockint.scoring.config import ScoringConfig, StructureConfig
from mockint.scoring.star_model import DEFAULT_MODEL
from mockint.scoring.structure import sentence_feature_rows, structure
from tests.unit.scoring.helpers import parse

STAR = (
    "At my last job I was a backend engineer on the payments team. "
    "My goal was to cut checkout latency in half. "
    "I profiled the service and I added a cache. "
    "As a result, latency dropped by 45%."
)


def star(text: str) -> dict[str, bool]:
    tokens, sentences = parse(text)
    return structure(tokens, sentences, True, ScoringConfig()).present


def test_a_full_star_answer_with_evidence_and_order() -> None:
    tokens, sentences = parse(STAR)
    report = structure(tokens, sentences, True, ScoringConfig())
    assert report.labels == ("situation", "task", "action", "result")
    assert report.parts["result"].evidence == ("As a result, latency dropped by 45%.",)
    assert report.in_order and report.result_quantified
    assert report.flags == ()
    assert sum(p.share for p in report.parts.values()) == pytest.approx(1.0, abs=0.01)


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("At my last job the build was slow. My goal was to speed it up. I cached it.", "result"),
        ("My goal was to speed up the build. I cached it. It went from 40 to 8 minutes.",
         "situation"),
        ("At my last job the build was slow. The build went from 40 to 8 minutes.", "action"),
    ],
)  # fmt: skip
def test_missing_parts(text: str, missing: str) -> None:
    assert star(text)[missing] is False


@pytest.mark.parametrize(
    ("result", "quantified"),
    [
        ("In the end latency dropped by 45%.", True),
        ("In the end it took three days instead of three weeks.", True),
        ("In the end costs halved.", True),
        ("In the end the client was happy.", False),
        ("In the end tickets went down to one a day.", True),
    ],
)
def test_numbers_in_the_result(result: str, quantified: bool) -> None:
    text = "At my last job I ran support. My goal was to cut tickets. I wrote a FAQ. " + result
    tokens, sentences = parse(text)
    report = structure(tokens, sentences, True, ScoringConfig())
    assert report.parts["result"].present
    assert report.result_quantified is quantified
    assert ("no_numbers_in_result" in report.flags) is not quantified


def test_an_aim_is_not_a_result() -> None:
    tokens, sentences = parse("At my last job we were slow. My goal was to cut costs in half.")
    report = structure(tokens, sentences, True, ScoringConfig())
    assert report.labels == ("situation", "task")


def test_parts_out_of_order() -> None:
    text = (
        "The client renewed in the end and churn fell by 15%. Back in 2021 I was an account "
        "manager at a software firm, and churn was the worst in the region. My goal was to "
        "halve it. I called every client myself and I rewrote the renewal offer."
    )
    tokens, sentences = parse(text)
    report = structure(tokens, sentences, True, ScoringConfig())
    assert not report.in_order
    assert report.order[0] == "result"


def test_cue_lists_are_configurable() -> None:
    tokens, sentences = parse("Once upon a time the build broke. I fixed it.")
    plain = sentence_feature_rows(tokens, sentences, ScoringConfig())
    config = ScoringConfig(structure=StructureConfig(situation_cues=["once upon a time"]))
    cued = sentence_feature_rows(tokens, sentences, config)
    assert cued[0]["cue_situation"] == plain[0]["cue_situation"] + 1
    first = DEFAULT_MODEL.sentence_probabilities(cued)[0]["situation"]
    assert first > DEFAULT_MODEL.sentence_probabilities(plain)[0]["situation"]


@pytest.mark.parametrize(
    ("plain", "with_fillers"),
    [
        (
            "I rewrote the rota and I told the team.",
            "I, uh, rewrote the rota and I, um, told the team.",
        ),
        ("So I called the agency myself.", "So I, um, like, called the agency myself."),
    ],
)
def test_fillers_inside_a_sentence_never_change_its_part(plain: str, with_fillers: str) -> None:
    lead = "At my last job we were short of staff every weekend. "
    tail = " After that the weekend shifts were always covered."
    reports = []
    for text in (plain, with_fillers):
        transcript = Transcript.from_text(lead + text + tail)
        report = score_answer(transcript)
        reports.append(report)
    assert [s.star for s in reports[0].sentences] == [s.star for s in reports[1].sentences]
    assert reports[1].sentences[1].star == "action"


def test_a_part_and_its_evidence_share_no_sentence_unless_it_shows_both() -> None:
    tokens, sentences = parse(STAR)
    report = structure(tokens, sentences, True, ScoringConfig())
    quoted = [k for part in report.parts.values() for k in part.sentences]
    assert len(quoted) == len(set(quoted))
