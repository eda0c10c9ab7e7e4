"""The STAR sentence features: each clue, on sentences written for it (table-driven)."""

from __future__ import annotations

import math

import pytest

from mockint.scoring.config import ScoringConfig
from mockint.scoring.star_model import softmax
from mockint.scoring.structure import PARTS, parts_shown, sentence_feature_rows
from tests.unit.scoring.helpers import parse


def features(text: str) -> dict[str, float]:
    tokens, sentences = parse(text)
    return sentence_feature_rows(tokens, sentences, ScoringConfig())[0]


@pytest.mark.parametrize(
    ("text", "feature", "value"),
    [
        # What happens to me as a result, not what I do.
        ("I passed probation a month later.", "i_outcome", 1.0),
        ("We won the contract.", "i_outcome", 1.0),
        ("I asked for a review.", "i_outcome", 0.0),
        # A change of state or measure; "I cut…" is doing, "errors cleared" is the change.
        ("Errors cleared in twelve minutes.", "change", 1.0),
        ("Handover came down to twenty minutes.", "change", 1.0),
        ("I cleared the backlog.", "change", 0.0),
        ("I quickly cut the opening.", "change", 0.0),
        ("That took the close from 40 to 8 minutes.", "from_to", 2.0),
        ("I went to the office.", "from_to", 0.0),
        # Told without "I/we": outcomes and scenes, rarely doing.
        ("The supervisor calls had dropped right off.", "past_no_i", 1.0),
        ("I rang her on Tuesday.", "past_no_i", 0.0),
        # Time after the doing, and a state that lasts.
        ("By the end of the month nobody complained.", "after_time", 1.0),
        ("In the end we kept the client.", "after_time", 1.0),
        ("I rang her back the same day.", "after_time", 0.0),
        ("We still use that checklist.", "still_now", 1.0),
        # Praise and the end of the story.
        ("The manager thanked the whole team.", "praise", 1.0),
        ("Eventually the queue settled.", "end_time", 1.0),
        # Note style: a line opening on a verb of doing, subject left out.
        ("Drafted a one-page sheet per bed.", "lead_action", 1.0),
        ("Set up bank feeds in Xero.", "lead_action", 1.0),
        ("Turned out he couldn't read.", "lead_action", 0.0),
        ("Handover down to 20 minutes.", "lead_action", 0.0),
        # "must" is what was asked of me, not a maybe.
        ("I must keep her calm.", "hypothetical", 0.0),
        ("I'd keep her calm.", "hypothetical", 1.0),
        # A plain state: "was", "had", "were".
        ("The queue was three days long.", "stative", 1.0),
        # What was mine to do, however it is said; what bounded it.
        ("The complaint landed with me.", "oblige", 1.0),
        ("I was senior so my call what to do.", "oblige", 1.0),
        ("I sorted it out.", "oblige", 0.0),
        ("By policy I couldn't refund her without consent.", "constraint", 2.0),
        ("I refunded her.", "constraint", 0.0),
        # About me now, not a story told.
        ("I want to specialise in theatre recovery.", "i_present", 1.0),
        ("I'm patient with people.", "i_present", 1.0),
        ("I wanted to specialise.", "i_present", 0.0),
        # An outcome told without an outcome word.
        ("We ended up with a written handover sheet.", "outcome", 1.0),
        ("It turned out the card was blocked.", "outcome", 1.0),
    ],
)
def test_sentence_features(text: str, feature: str, value: float) -> None:
    assert features(text)[feature] == value


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("So I rewrote the rules.", "i_past"),
        ("Errors dropped by half.", "change"),
        ("I passed the exam.", "i_outcome"),
    ],
)
def test_fillers_inside_a_sentence_change_no_feature(text: str, feature: str) -> None:
    """ "I, uh, rewrote…" reads as "I rewrote…": fillers are skipped before the features."""
    tokens, sentences = parse(text.replace(" ", " um, ", 1))
    skip = {t.word_index for t in tokens if t.norm == "um"}
    with_filler = sentence_feature_rows(tokens, sentences, ScoringConfig(), skip)[0]
    clean = features(text)
    assert with_filler[feature] == clean[feature]
    assert {k: v for k, v in with_filler.items() if k != "words"} == {
        k: v for k, v in clean.items() if k != "words"
    }


def test_softmax_parts_compete_with_each_other_and_with_none() -> None:
    weights = {p: {"bias": 0.0, "x": 0.0} for p in PARTS}
    weights["action"]["x"] = 2.0
    p = softmax(weights, {"bias": 1.0, "x": 1.0})
    assert sum(p.values()) < 1.0  # the rest is "no part"
    assert max(p, key=lambda k: p[k]) == "action"
    # A part scoring 0 is as likely as "no part"; the action's e² takes most of the rest.
    assert p["situation"] == pytest.approx(1 / (4 + math.e**2))


def test_a_star_heading_decides_the_part() -> None:
    from mockint.scoring.typed import score_text

    notes = (
        "Situation: invoices entered twice by hand.\n"
        "Task: check that fees matched the agreements before the report went out.\n"
        "Action: built one shared sheet with the team.\n"
        "Result: errors went from twelve a month to none."
    )
    report = score_text(notes)
    assert report.structure is not None
    assert [s.star for s in report.sentences] == ["situation", "task", "action", "result"]
    assert report.structure.flags == ()


@pytest.mark.parametrize(
    ("probs", "shown"),
    [
        ({"situation": 0.9, "task": 0.1, "action": 0.1, "result": 0.1}, ["situation"]),
        ({"situation": 0.1, "task": 0.1, "action": 0.1, "result": 0.1}, []),
        # Action and result told in one sentence, both clearly: evidence for both.
        ({"situation": 0.1, "task": 0.1, "action": 0.8, "result": 0.8}, ["action", "result"]),
        # Situation and result are not told together: only the clearer one.
        ({"situation": 0.8, "task": 0.1, "action": 0.1, "result": 0.9}, ["result"]),
        # The weaker part only just over its cut: one part.
        ({"situation": 0.1, "task": 0.1, "action": 0.9, "result": 0.52}, ["action"]),
    ],
)
def test_parts_shown(probs: dict[str, float], shown: list[str]) -> None:
    assert parts_shown(probs, dict.fromkeys(PARTS, 0.5)) == shown
