"""The STAR model's lexicon: each sentence's mean word log-odds per part (table-driven)."""

from __future__ import annotations

import pytest

from mockint.scoring.config import ScoringConfig
from mockint.scoring.star_model import DEFAULT_MODEL, LEX, Lexicon, StarModel
from mockint.scoring.structure import PARTS, sentence_feature_rows
from tests.unit.scoring.helpers import parse

LEXICON = Lexicon(
    {"rang": (0.0, 0.0, 2.0, 0.0), "dropped": (0.0, 0.0, -1.0, 3.0)},
    unseen=(1.0, 1.0, 1.0, 1.0),
)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # The mean over the sentence's words, each part on its own.
        (["rang"], (0.0, 0.0, 2.0, 0.0)),
        (["rang", "dropped"], (0.0, 0.0, 0.5, 1.5)),
        # A word never seen counts with the unseen odds, not as nothing.
        (["rang", "xyzzy"], (0.5, 0.5, 1.5, 0.5)),
        (["xyzzy"], (1.0, 1.0, 1.0, 1.0)),
        # No words (an empty sentence): no lexical evidence at all.
        ([], (0.0, 0.0, 0.0, 0.0)),
    ],
)
def test_lexical_features_are_the_mean_word_odds(
    words: list[str], expected: tuple[float, ...]
) -> None:
    row = {"bias": 1.0, "i_past": 1.0, **{f"w:{w}": 1.0 for w in words}}
    assert LEXICON.features(row) == dict(zip(LEX, expected, strict=True))


def test_the_model_adds_the_lexical_features_it_weighs() -> None:
    # Only lex_action is weighed: "rang" (odds 2) makes the sentence an action.
    weights = {p: {"lex_action": 3.0 if p == "action" else 0.0} for p in PARTS}
    model = StarModel(weights, dict.fromkeys(PARTS, 0.5), lexicon=LEXICON)
    rang, other = model.sentence_probabilities([{"w:rang": 1.0}, {"w:dropped": 1.0}])
    assert rang["action"] > 0.9 > 0.1 > other["action"]
    # Without a lexicon the rows must carry the features (as in training).
    bare = StarModel(weights, dict.fromkeys(PARTS, 0.5))
    (p,) = bare.sentence_probabilities([{"lex_action": 2.0}])
    assert p["action"] == pytest.approx(rang["action"])


def test_the_shipped_lexicon_knows_the_corpus_words() -> None:
    assert DEFAULT_MODEL.lexicon is not None
    odds = DEFAULT_MODEL.lexicon.odds
    tokens, sentences = parse("I rang every client myself.")
    (row,) = sentence_feature_rows(tokens, sentences, ScoringConfig())
    assert all(name[2:] in odds for name in row if name.startswith("w:"))
