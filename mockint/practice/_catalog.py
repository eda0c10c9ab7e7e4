"""What practice code needs from the bank catalog (``mockint.banks.load_catalog()``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from mockint.models import Question


class QuestionSource(Protocol):
    """Anything that lists questions: the loaded catalog, or a fake in tests."""

    def questions(self) -> Iterable[Question]: ...


def by_id(catalog: QuestionSource) -> dict[str, Question]:
    """Every question keyed by id; the first bank wins should two share an id."""
    found: dict[str, Question] = {}
    for question in catalog.questions():
        found.setdefault(question.id, question)
    return found
