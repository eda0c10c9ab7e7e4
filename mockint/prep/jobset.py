"""A practice set for one job posting: bundled questions that practise what it asks, plus
questions made from its own duties, skills and values where no bundled one fits.

Matching is by shared content words between a posting item and a question's text, tags and
key points, each word weighted by how rare it is among the questions (so "customer" counts
for less than "escalation"), and every match says which words it rests on. A question is
only ever credited for an item it shares meaning-bearing words with; what nothing covers is
listed, not hidden. Requirements (a licence, a degree, years of experience) are stated in an
interview, not told as stories: they are listed with what the set leaves uncovered, never
matched to a question or made into one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from mockint.fmt import clip
from mockint.models import Bank, Kind, Question
from mockint.prep import verbs
from mockint.prep.bankfile import unique_id
from mockint.prep.clauses import is_requirement
from mockint.prep.posting import ItemKind, Posting, PostingItem
from mockint.prep.words import content_words

MATCH_SHARE = 0.25
"""Share (0-1) of an item's word weight a question must carry, with at least two words in
common, to count as practising it. Words are weighted by rarity, so two common words
("team", "customers") rarely reach it while "escalate … concerns" does."""
SINGLE_WORD_SHARE = 0.6
"""A single shared word suffices only when it is most of the item ("Advanced Excel")."""

BUNDLED_LIMIT = 10
"""Bundled questions in a set at most: about two sessions' worth of practice."""
GENERATED_LIMIT = 8
"""Questions made from the posting at most; the rest of its items are listed as uncovered."""

STAR_OUTLINE = (
    "S: At <where you worked>, <what was going on, in a sentence>.\n"
    "T: I needed to {task}.\n"
    "A: I <first thing you did>, then <the next step>, and <how you kept it on track>.\n"
    "R: In the end <what changed, with a number if you have one>, and <what you learned>."
)


@dataclass(frozen=True)
class Match:
    item: PostingItem
    words: tuple[str, ...]
    """The posting's words the question shares, as the posting spells them."""
    share: float


@dataclass(frozen=True)
class PracticeQuestion:
    question: Question
    matches: tuple[Match, ...]
    """The posting items this question practises, best first."""
    generated: bool
    """Made from the posting (in the job's own bank) rather than a bundled question."""

    @property
    def reason(self) -> str:
        parts = []
        for m in self.matches[:2]:
            shared = f" (shares {', '.join(m.words[:3])})" if m.words and not self.generated else ""
            parts.append(f'{m.item.label} "{clip(m.item.text, 50)}"{shared}')
        return "practises " + "; ".join(parts) if parts else ""


@dataclass(frozen=True)
class PracticeSet:
    posting: Posting
    bank_id: str
    questions: tuple[PracticeQuestion, ...]
    uncovered: tuple[PostingItem, ...]
    """Items of the posting that no question in the set practises."""
    field: str = "general"
    """The posting's field, as the banks name fields ("general" when none clearly fits)."""

    @property
    def generated(self) -> tuple[Question, ...]:
        return tuple(p.question for p in self.questions if p.generated)

    @property
    def gaps(self) -> tuple[PostingItem, ...]:
        """Uncovered items a story could show: what is left to practise."""
        return tuple(i for i in self.uncovered if i.kind is not ItemKind.REQUIREMENT)

    @property
    def requirements(self) -> tuple[PostingItem, ...]:
        """The posting's requirements: stated in an interview, never asked as stories."""
        return tuple(i for i in self.uncovered if i.kind is ItemKind.REQUIREMENT)


def build_set(
    posting: Posting,
    banks: Sequence[Bank],
    *,
    bank_id: str,
    bundled_limit: int = BUNDLED_LIMIT,
    generated_limit: int = GENERATED_LIMIT,
) -> PracticeSet:
    """Choose bundled questions that cover the posting's items, greedily (each pick covers
    the most items not yet covered), then make questions for what is left. Questions come
    from the general banks and the posting's own field (see :func:`posting_field`)."""
    pool = [b for b in banks if not b.id.startswith("job-")]
    field = posting_field(posting, pool)
    if field is not None:
        pool = [b for b in pool if b.field in (field, *CROSS_FIELD)]
    # Word weights within the chosen banks: in a nursing set "patient" is everywhere and
    # says little, while "deteriorating" picks out one question.
    index = _Index([q for b in pool for q in b.questions])
    asked = [i for i in posting.items if i.kind is not ItemKind.REQUIREMENT]
    candidates = {q.id: index.matches(q, asked) for q in index.questions}
    chosen: list[PracticeQuestion] = []
    covered: set[PostingItem] = set()
    while len(chosen) < bundled_limit:
        best_id, best_gain = None, 0.0
        for qid, found in candidates.items():
            gain = sum(m.share for m in found if m.item not in covered)
            if gain > best_gain:
                best_id, best_gain = qid, gain
        if best_id is None:
            break
        found = candidates.pop(best_id)
        chosen.append(PracticeQuestion(index.by_id[best_id], tuple(found), generated=False))
        covered.update(m.item for m in found)
    made: list[PracticeQuestion] = []
    taken = {q.id for q in index.questions}
    for item in _by_priority(asked):
        if len(made) >= generated_limit:
            break
        if item in covered:
            continue
        question = _question_for(item, bank_id, taken)
        if question is None:
            continue
        taken.add(question.id)
        made.append(PracticeQuestion(question, (Match(item, (), 1.0),), generated=True))
        covered.add(item)
    uncovered = tuple(i for i in posting.items if i not in covered)
    return PracticeSet(posting, bank_id, tuple(chosen + made), uncovered, field or "general")


CROSS_FIELD = ("general", "leadership", "early-career")
"""Fields whose banks suit a posting in any field."""
FIELD_MARGIN = 1.25
"""How far the best field's match must lead the next one to be taken as the posting's."""


def posting_field(
    posting: Posting, banks: Sequence[Bank], index: _Index | None = None
) -> str | None:
    """The field whose questions match the posting best, or None when no field clearly
    leads. A nurse's posting shares words with the healthcare bank far more than with any
    other; without this, generic words ("deliver", "build") pull in questions of other
    fields."""
    index = _Index([q for b in banks for q in b.questions])
    by_field: dict[str, list[Question]] = {}
    for b in banks:
        if b.field not in CROSS_FIELD:
            by_field.setdefault(b.field, []).extend(b.questions)
    totals: list[tuple[float, str]] = []
    for name, questions in by_field.items():
        best: dict[PostingItem, float] = {}
        for q in questions:
            for m in index.matches(q, posting.items):
                best[m.item] = max(best.get(m.item, 0.0), m.share)
        totals.append((sum(best.values()), name))
    totals.sort(reverse=True)
    if not totals or totals[0][0] == 0:
        return None
    if len(totals) > 1 and totals[0][0] < FIELD_MARGIN * totals[1][0]:
        return None
    return totals[0][1]


def slug(text: str, words: int = 5) -> str:
    """An id-safe slug: "Staff Nurse – Surgical Ward" → "staff-nurse-surgical-ward"."""
    tokens = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(tokens[:words]) or "posting"


class _Index:
    """Questions with their content words and the rarity weight of every word."""

    def __init__(self, questions: list[Question]) -> None:
        self.questions = questions
        self.by_id = {q.id: q for q in questions}
        self.words: dict[str, set[str]] = {}
        self.points: dict[str, set[str]] = {}
        df: Counter[str] = Counter()
        for q in questions:
            tags = " ".join(t.replace("-", " ") for t in q.tags)
            self.words[q.id] = set(content_words(f"{q.text} {tags}"))
            self.points[q.id] = set(content_words(" ".join(q.key_points))) - self.words[q.id]
            df.update(self.words[q.id] | self.points[q.id])
        n = max(len(questions), 1)
        self.weight = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self.unseen = math.log(n + 1)

    def matches(self, q: Question, items: Sequence[PostingItem]) -> list[Match]:
        found = []
        for item in items:
            spelled = _spellings(item.text)
            if not spelled:
                continue
            total = sum(self.weight.get(w, self.unseen) for w in spelled)
            in_text = [w for w in spelled if w in self.words[q.id]]
            in_points = [w for w in spelled if w in self.points[q.id]]
            # Key points say what an answer covers, not what the question asks: half weight.
            got = sum(self.weight.get(w, self.unseen) for w in in_text) + 0.5 * sum(
                self.weight.get(w, self.unseen) for w in in_points
            )
            share = got / total if total else 0.0
            shared = len(in_text) + len(in_points)
            if (shared >= 2 and share >= MATCH_SHARE) or share >= SINGLE_WORD_SHARE:
                words = tuple(spelled[w] for w in [*in_text, *in_points])
                found.append(Match(item, words, round(share, 2)))
        found.sort(key=lambda m: -m.share)
        return found


def _spellings(text: str) -> dict[str, str]:
    """Stem → the first word of ``text`` it comes from, for showing why a match was made."""
    out: dict[str, str] = {}
    originals = re.findall(r"[A-Za-z0-9]+(?:'[a-z]+)?", text)
    for word in originals:
        stems = content_words(word)
        if stems and stems[0] not in out:
            out[stems[0]] = word.lower()
    return out


def _by_priority(items: Sequence[PostingItem]) -> list[PostingItem]:
    """Duties first (they make the best stories), then values, then skills."""
    order = {ItemKind.DUTY: 0, ItemKind.VALUE: 1, ItemKind.SKILL: 2}
    return sorted(items, key=lambda i: (order[i.kind], i.number))


def _question_for(item: PostingItem, bank_id: str, taken: set[str]) -> Question | None:
    phrase = _phrase(item.text)
    if not phrase:
        return None
    if item.kind is ItemKind.DUTY:
        first = phrase.split()[0]
        if verbs.is_verb(first):
            did = verbs.to_past(phrase)
            text = f"Tell me about a time you {did}."
            task = _base_phrase(phrase)
            points = (did, "the steps I took myself", "how it turned out")
        else:
            text = f"Tell me about a time you were responsible for {_lower_first(phrase)}."
            task = f"take care of {_lower_first(phrase)}"
            points = (_lower_first(phrase), "the steps I took myself", "how it turned out")
    elif item.kind is ItemKind.VALUE:
        value = _lower_first(phrase)
        text = f"Tell me about a time when {value} really mattered in your work."
        task = f"hold on to {value} when it was hard to"
        points = (f"{value} in what I did", "what I did myself", "the difference it made")
    elif is_requirement(item.text):
        return None  # "NMC registration", "Flexible to work weekends": stated, not told
    else:
        skill = _lower_first(phrase)
        if m := _EXPERIENCE.match(skill):
            text = f"Tell me about a time your experience {m.group(1)} made a difference."
        elif skill.split()[0] in _ADJECTIVES:
            text = f"Give me an example from your own work that shows you are {skill}."
        else:
            text = f"Give me an example from your own work that shows your {skill}."
        task = f"put my {skill} to work"
        points = (skill, "a real example", "the result")
    qid = unique_id(f"{bank_id}-{slug(' '.join(content_words(phrase)), 3)}", taken)
    return Question(
        id=qid,
        text=text,
        kind=Kind.BEHAVIORAL,
        bank=bank_id,
        target_seconds=(60, 120),
        tags=("job-posting", item.kind.value),
        difficulty=2,
        key_points=points,
        tips=(
            f'The posting asks for this ({item.label}: "{clip(item.text, 70)}"). Pick a story '
            "that shows it, say what you did yourself, and end with the result.",
        ),
        follow_ups=("What would you do differently next time?", "How did you know it worked?"),
        example_outline=STAR_OUTLINE.format(task=task),
    )


_EXPERIENCE = re.compile(r"^(?:\d+\+?\s+years?\s+)?(?:of\s+)?experience\s+(.+)$")
_ADJECTIVES_TEXT = """
    confident comfortable able flexible happy willing keen passionate skilled proficient
    fluent organised organized calm resilient
"""
_ADJECTIVES = frozenset(_ADJECTIVES_TEXT.split())


def _phrase(text: str) -> str:
    """An item cut to a question-sized phrase: its first clause, at most 14 words."""
    text = re.split(r"\s[–—-]\s|[;:(]|\.\s", text)[0].strip(" .,")
    words = text.split()
    if len(words) > 14:
        cut = " ".join(words[:14])
        text = cut.rsplit(",", 1)[0] if "," in cut else cut
    return text.strip(" .,")


def _base_phrase(phrase: str) -> str:
    words = phrase.split()
    base = verbs.base_of(words[0]) or words[0]
    return " ".join([base, *words[1:]])


def _lower_first(text: str) -> str:
    first = text.split()[0] if text.split() else ""
    return text if first.isupper() else text[:1].lower() + text[1:]
