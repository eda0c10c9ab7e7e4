"""Key points: which of the question's key points the answer covers, as a checklist.

Two kinds of key point:
- A point that names a part of the story ("the outcome", "a specific example", "what I
  did") is judged by the STAR analysis itself, so the checklist and the structure never
  contradict each other ("✔ achieved the goal" beside "✘ Result not found").
- Any other point is covered when one sentence (with the next) says its content words in
  the same or other words: a word matches by stem (rapidfuzz for spelling), or by meaning
  through small groups of everyday equivalents ("right now" ~ "current", "boss" ~
  "manager"). One shared word is never enough for a point of two or more: "I noticed the
  area" does not cover "my notice period". A negated mention ("I didn't call her
  parents") does not count. How a point rates the doing ("escalated appropriately") and a
  light verb before its noun ("kept a record") are not asked of the answer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from mockint.scoring.config import ScoringConfig
from mockint.scoring.structure import ACTION, RESULT, SITUATION, StructureReport
from mockint.scoring.text import Sentence, Token, phrase_words, word_set

_MIN_WORD = 3
_STEM = 5  # "negotiate"/"negotiation": a long shared prefix is the same idea
_NEGATION_REACH = 3
_NEGATIONS = word_set("not never no without didn't don't doesn't wasn't weren't couldn't won't")
#: Words of a key point that carry no content of their own ("how I handled it").
_VAGUE = word_set(
    "how what why when where which who way thing things something someone somebody "
    "any some one own other others them they their it its i'm i've able make made "
    "did done doing got get gave give having being took take specific real clear "
    "clearly genuine particular concrete example"
)
#: Words a point may have that the answer need not say: how the point rates what was done
#: ("escalated appropriately", "relevant experience": the doing is the point, the rating is
#: the interviewer's), and light verbs whose noun says the point ("kept a record", "stayed
#: calm", "used evidence").
_UNSAID = _VAGUE | word_set(
    "relevant appropriately appropriate promptly properly effectively positive key"
    " professional professionally kept stayed used acted put remained found"
)
#: Everyday equivalents, as "words | phrases": any of a group matches any other; a word in
#: two groups ("taught": learned, trained) matches both.
_GROUPS = (
    "current currently now nowadays | right now, these days, at the moment",
    "role job position post work works working employed | i'm a, i'm an, i am a, i am an,"
    " i work as, i work at, i work on, i'm at, i'm on",
    "background history previously | before that, used to, started out, started my career",
    "manager boss supervisor lead head senior",
    "colleague colleagues coworker coworkers teammate teammates team staff peers",
    "customer customers client clients guest guests patient patients user users",
    "showed show shared share presented pulled | went through, walked through",
    "data numbers figures stats statistics evidence report spreadsheet",
    "privately private aside alone | one on one, one-to-one, 1:1, in private, kept back",
    "themselves herself himself themself yourself | on their own, on her own, on his own",
    "mistake error errors mistakes slip fault",
    "apologised apologized apology apologise apologize sorry",
    "escalated escalate raised reported flagged told informed",
    "learned learnt learn lesson lessons taught",
    "salary pay money compensation package",
    "start starting available availability join",
    "calm composed",
    "listened listen heard hear",
    "spoke speak talked talk chatted met asked | sat down with, had a word",
    "followed follow | follow up, followed up, checked back, checked in, rang back",
    "empathy empathised empathized understanding sympathy",
    "improve improved improving better develop developing",
    "strength strengths strong",
    "weakness weaknesses struggle struggles",
    "trained train training taught teach coached coach",
    "documented document recorded record wrote logged",
)
_ROLE_WORDS = {
    RESULT: word_set("result results outcome outcomes impact resolved achieved difference"),
    "story": word_set("example instance situation story"),
    ACTION: word_set("action actions steps"),
}


def _build_groups() -> tuple[dict[str, frozenset[int]], dict[tuple[str, ...], frozenset[int]]]:
    words: dict[str, set[int]] = {}
    phrases: dict[tuple[str, ...], set[int]] = {}
    for g, line in enumerate(_GROUPS):
        singles, _, multi = line.partition("|")
        for w in singles.split():
            words.setdefault(w, set()).add(g)
        for phrase in multi.split(","):
            if phrase.split():
                phrases.setdefault(tuple(phrase.split()), set()).add(g)
    return (
        {w: frozenset(g) for w, g in words.items()},
        {p: frozenset(g) for p, g in phrases.items()},
    )


_WORD_GROUP, _PHRASE_GROUP = _build_groups()


@dataclass(frozen=True, slots=True)
class KeyPoint:
    text: str
    covered: bool
    score: float
    """Share of the key point's content words found (0–1); 1 or 0 for a story part."""
    sentence: int | None
    """Index of the sentence that matches best (evidence), if any word matched."""
    evidence: str
    """That sentence's text ("" when nothing matched)."""
    judged_by: str = "words"
    """``words`` (said in the answer) or a STAR part (``result``, ``action``, ``story``)
    when the point names a part of the story and the STAR analysis decides it."""


@dataclass(frozen=True)
class CoverageReport:
    points: tuple[KeyPoint, ...]
    covered: int
    total: int

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(p.text for p in self.points if not p.covered)


def content_words(text: str, stop: frozenset[str]) -> tuple[str, ...]:
    return tuple(
        w
        for w in phrase_words(text)
        if w not in stop and w not in _UNSAID and (w in _WORD_GROUP or len(w) >= _MIN_WORD)
    )


@dataclass(frozen=True)
class _Window:
    """What one sentence says (with the next one): its words and their meaning groups,
    negated mentions left out."""

    words: frozenset[str]
    groups: frozenset[int]


def coverage(
    key_points: Sequence[str],
    tokens: Sequence[Token],
    sentences: Sequence[Sentence],
    config: ScoringConfig,
    star: StructureReport | None = None,
) -> CoverageReport:
    """Check each key point: story parts against ``star``, the rest against the words of
    every sentence (with the one after it)."""
    stop = frozenset(config.language.stop_words)
    alone = [_window(tokens, s.first, s.last) for s in sentences]
    both = [
        _merge(alone[k], alone[k + 1]) if k + 1 < len(alone) else alone[k]
        for k in range(len(alone))
    ]
    answer = _Answer(both, alone, sentences, stop, config)
    points = tuple(_by_story(kp, star, sentences) or _said(kp, answer) for kp in key_points)
    return CoverageReport(points, sum(p.covered for p in points), len(points))


def alternatives(point: str) -> tuple[str, ...]:
    """A point a bank gives as "X or Y" is covered by either; a one-word side borrows the
    other side's words ("involved parents or colleagues" → "involved colleagues", "called or
    escalated it" → "called it"), so neither is judged as a lone shared word."""
    words = point.split()
    if "or" not in words[1:-1]:
        return (point,)
    k = words.index("or", 1)
    left, right = words[:k], words[k + 1 :]
    if len(right) == 1 < len(left):
        right = left[:-1] + right
    elif len(left) == 1 < len(right):
        left = left + right[1:]
    return (" ".join(left), " ".join(right))


def _window(tokens: Sequence[Token], first: int, last: int) -> _Window:
    norms = [t.norm for t in tokens[first : last + 1]]
    kept: list[str] = []
    groups: set[int] = set()
    for k, w in enumerate(norms):
        if any(
            n in _NEGATIONS or n.endswith("n't") for n in norms[max(0, k - _NEGATION_REACH) : k]
        ):
            continue
        kept.append(w)
        groups |= _WORD_GROUP.get(w, frozenset())
    for phrase, g in _PHRASE_GROUP.items():
        n = len(phrase)
        if any(tuple(norms[i : i + n]) == phrase for i in range(len(norms) - n + 1)):
            groups |= g
    return _Window(frozenset(kept), frozenset(groups))


def _merge(a: _Window, b: _Window) -> _Window:
    return _Window(a.words | b.words, a.groups | b.groups)


def _role(point: str) -> str | None:
    words = [w for w in phrase_words(point) if w not in _VAGUE or w in _ROLE_WORDS["story"]]
    if phrase_words(point)[:3] == ("what", "i", "did"):  # "what I did personally"
        return ACTION
    for role, names in _ROLE_WORDS.items():
        if any(w in names for w in words[:3]):
            return role
    return None


def _by_story(
    point: str, star: StructureReport | None, sentences: Sequence[Sentence]
) -> KeyPoint | None:
    """A point naming a part of the story, judged by the STAR analysis (None otherwise)."""
    role = _role(point)
    if star is None or role is None:
        return None
    if role == "story":  # an example: a told story, with what was done in it
        present = star.parts[ACTION].present and star.parts[SITUATION].present
        part = star.parts[ACTION]
    else:
        part = star.parts[role]
        present = part.present
        if present and "measurable" in phrase_words(point):
            present = star.result_quantified
    k = part.sentences[0] if part.sentences else None
    evidence = sentences[k].text if k is not None and present else ""
    return KeyPoint(point, present, float(present), k if present else None, evidence, role)


@dataclass(frozen=True)
class _Answer:
    """What every point is checked against: each sentence's window with the next (``both``)
    and alone, the sentences, the stop words and the config."""

    both: Sequence[_Window]
    alone: Sequence[_Window]
    sentences: Sequence[Sentence]
    stop: frozenset[str]
    config: ScoringConfig


def _said(point: str, answer: _Answer) -> KeyPoint:
    """The point judged by its words: the best of its alternatives, under its own text."""
    judged = (_check(alt, answer) for alt in alternatives(point))
    return replace(max(judged, key=lambda p: (p.covered, p.score)), text=point)


def _check(point: str, answer: _Answer) -> KeyPoint:
    both, alone, sentences, config = answer.both, answer.alone, answer.sentences, answer.config
    wanted = content_words(point, answer.stop)
    if not wanted:
        return KeyPoint(point, False, 0.0, None, "")
    need = _needed(len(wanted), config.coverage.threshold)
    best_found, best_k, best_single = 0, None, 0
    for k, window in enumerate(both):
        found = _found(wanted, window, config.coverage.word_similarity)
        best_found = max(best_found, found)
        single = _found(wanted, alone[k], config.coverage.word_similarity) if found else 0
        if single > best_single:  # evidence: the one sentence that says most of it
            best_single, best_k = single, k
    covered = best_found >= need
    evidence = sentences[best_k].text if best_k is not None else ""
    return KeyPoint(point, covered, round(best_found / len(wanted), 2), best_k, evidence)


def _needed(n: int, share: float) -> int:
    """Content words a window must say: all of one or two, else ``share`` of them but never
    fewer than two (one shared word is not the point)."""
    if n <= 2:
        return n
    return max(2, math.ceil(share * n))


def _found(wanted: Sequence[str], window: _Window, similarity: float) -> int:
    return sum(_match(w, window, similarity) for w in wanted)


def _match(word: str, window: _Window, similarity: float) -> bool:
    if _WORD_GROUP.get(word, frozenset()) & window.groups:
        return True
    if word in window.words:
        return True
    if len(word) >= _STEM and any(c.startswith(word[:_STEM]) for c in window.words):
        return True
    from rapidfuzz import fuzz, process  # deferred: only answers with key points need it

    candidates = [c for c in window.words if len(c) >= _MIN_WORD]
    return bool(candidates) and (
        process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=similarity) is not None
    )
