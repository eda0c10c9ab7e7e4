"""Table-driven: a closing stock phrase is dropped only over quiet or when hardly believed."""

from __future__ import annotations

import numpy as np
import pytest

from mockint.models import Word
from mockint.speech.guards import drop_phantom_tail

_RATE = 16000


def _noise(dbfs: float, seconds: float = 4.0) -> np.ndarray:
    rng = np.random.default_rng(7)
    samples = rng.standard_normal(int(seconds * _RATE)).astype(np.float32)
    return samples * np.float32(10 ** (dbfs / 20))


_SAID = [Word("I", 0.2, 0.4, 0.9), Word("fixed", 0.4, 0.9, 0.9), Word("it.", 0.9, 1.3, 0.9)]


@pytest.mark.parametrize(
    ("tail", "dbfs", "kept"),
    [
        ([Word("You", 2.0, 3.0, 0.02)], -34.0, False),  # noise, hardly believed: invented
        ([Word("Thank", 2.0, 2.4, 0.03), Word("you.", 2.4, 2.9, 0.05)], -34.0, False),
        ([Word("Thank", 2.0, 2.4, 0.9), Word("you.", 2.4, 2.9, 0.8)], -34.0, True),  # said
        ([Word("You", 2.0, 3.0, 0.6)], -70.0, False),  # over quiet: invented however sure
        ([Word("team.", 2.0, 2.5, 0.02)], -34.0, True),  # not a stock phrase: the words decide
    ],
)
def test_closing_stock_phrase(tail: list[Word], dbfs: float, kept: bool) -> None:
    words = _SAID + tail
    out = drop_phantom_tail(words, _noise(dbfs), offset_s=0.0)
    assert out == (words if kept else _SAID)
