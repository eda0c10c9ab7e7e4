"""Tokens and sentences from a transcript's words: the common ground of every metric.

Whisper attaches punctuation and capitals to words (" Um,", "results.", "30%"), so each word
becomes a :class:`Token` with a normalised form plus what punctuation surrounded it.
Tokens keep the index of their word in ``Transcript.words`` so evidence points back at it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from mockint.models import Transcript
from mockint.scoring.config import DEFAULT_VOCAL_FILLERS

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
# Word characters, plus what belongs to numbers and amounts ("30%", "$5", "3.5").
_LEAD_JUNK = re.compile(r"^[^\w$£€]+")
_TRAIL_JUNK = re.compile(r"[^\w%]+$")
_CACHE_SIZE = 8192  # distinct word forms; answers reuse a small vocabulary
_BULLETS = frozenset({"-", "•", "*", "·"})
"""Alone, these start a list item (a typed answer in bullet points)."""
LINE_END = "\n"
"""A typed answer's line break, kept as a word of its own: it ends a sentence."""
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "e.g", "i.e", "vs", "st", "approx", "no"})


class Token(NamedTuple):
    """One spoken word, normalised, with the punctuation and silence around it.

    A named tuple rather than a dataclass: thousands are built per answer, and tuples
    build several times faster."""

    word_index: int
    """Index of the word in ``Transcript.words``."""
    text: str
    """As transcribed, stripped of surrounding whitespace."""
    norm: str
    """Lower case, outer punctuation removed, curly apostrophes straightened."""
    start: float
    end: float
    comma_after: bool
    """Followed by a soft break: , ; : dash or an ellipsis."""
    stop_after: bool
    """Ends a sentence: . ? or !"""
    question_after: bool
    gap_before: float
    """Silence before this word in seconds (0 for the first word or without timings)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A run of tokens ``tokens[first:last + 1]`` ended by punctuation or a pause."""

    index: int
    first: int
    """Position of its first token in the token list (not the word index)."""
    last: int
    start: float
    end: float
    text: str
    continues: bool = False
    """Cut from a run-on at a clause start: no punctuation or pause ended the one before."""

    @property
    def duration(self) -> float:
        return max(0.0, self.end - self.start)

    @property
    def size(self) -> int:
        return self.last - self.first + 1


def word_set(words: str) -> frozenset[str]:
    """``"a b c"`` → ``frozenset({"a", "b", "c"})``: word lists written compactly."""
    return frozenset(words.split())


@lru_cache(maxsize=_CACHE_SIZE)
def normalise(text: str) -> str:
    """``" Um,"`` → ``"um"``; ``"30%."`` → ``"30%"``; ``"I’m"`` → ``"i'm"``."""
    s = text.strip().lower().translate(_APOSTROPHES)
    s = _TRAIL_JUNK.sub("", _LEAD_JUNK.sub("", s))
    return s.strip("'")


_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=_CACHE_SIZE)
def squash(word: str) -> str:
    """Stretched spellings to one form: "ummm" → "um", "hmmm" → "hm"."""
    return _REPEATS.sub(r"\1", word)


_VOCAL = frozenset(squash(normalise(w)) for w in DEFAULT_VOCAL_FILLERS)


def is_vocal_filler(word: str) -> bool:
    """Is ``word`` a hesitation sound ("Um,", "ummm", "Hmm.")? The built-in vocabulary
    (``words/vocal_fillers.txt``), shared by the clause splitter, the speech path's search
    for dropped fillers and the displays of old reports. What a user's
    ``scoring.fillers.vocal`` changes is what the scorer counts (``FillerDetector``); where
    speech looks for hesitations and how clauses split stay built in."""
    return squash(normalise(word)) in _VOCAL


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A configured phrase as the normalised words it must match: "I'm not sure"."""
    return tuple(w for w in (normalise(p) for p in phrase.split()) if w)


def has_timings(transcript: Transcript) -> bool:
    """False for typed or synthetic-less transcripts where every time is zero."""
    return any(w.end > 0 or w.start > 0 for w in transcript.words)


def tokenize(transcript: Transcript) -> list[Token]:
    """Every word that has letters or digits; punctuation-only words ("-", "...") are
    folded into the punctuation of the word before them."""
    tokens: list[Token] = []
    prev_end: float | None = None
    for index, word in enumerate(transcript.words):
        raw, norm, comma, stop, question, dash_before = _analyse(word.text)
        if raw in _BULLETS or word.text == LINE_END:  # a list item or a line has ended
            comma, stop = False, True
        if not norm:
            if tokens and (comma or stop):
                tokens[-1] = _with_punct(tokens[-1], comma, stop, question)
            continue
        if tokens and dash_before:
            tokens[-1] = _with_punct(tokens[-1], True, False, False)
        gap = max(0.0, word.start - prev_end) if prev_end is not None else 0.0
        tokens.append(Token(index, raw, norm, word.start, word.end, comma, stop, question, gap))
        prev_end = word.end
    return tokens


@lru_cache(maxsize=_CACHE_SIZE)
def _analyse(text: str) -> tuple[str, str, bool, bool, bool, bool]:
    """(stripped text, norm, comma after, stop after, question after, dash before)."""
    raw = text.strip()
    match = _TRAIL_JUNK.search(raw.translate(_APOSTROPHES))
    comma, stop, question = _classify(match.group(0) if match else "")
    dash_before = raw[:1] in {"-", "—", "–"} and len(raw) > 1
    return raw, normalise(raw), comma, stop, question, dash_before


def _with_punct(token: Token, comma: bool, stop: bool, question: bool) -> Token:
    return token._replace(
        comma_after=token.comma_after or comma,
        stop_after=token.stop_after or stop,
        question_after=token.question_after or question,
    )


def _classify(trail: str) -> tuple[bool, bool, bool]:
    """(comma, stop, question) for the punctuation after a word."""
    if "?" in trail:
        return False, True, True
    if "!" in trail:
        return False, True, False
    if "..." in trail or "…" in trail:
        # Whisper writes a trailing-off "Um..." with an ellipsis: a pause, not an end.
        return True, False, False
    if "." in trail:
        return False, True, False
    return any(c in trail for c in ",;:-—–"), False, False


def split_sentences(
    tokens: Sequence[Token], pause_s: float = 0.7, timed: bool = True
) -> list[Sentence]:
    """Sentences from punctuation; without any sentence punctuation, from pauses. A run-on
    stretch (no punctuation, no pause: a recogniser's or a rambler's) is cut into clauses
    where a new one starts ("… and then I …", "… so we …")."""
    if not tokens:
        return []
    punctuated = any(t.stop_after for t in tokens[:-1])
    ends: list[int] = []
    for i, tok in enumerate(tokens[:-1]):
        if punctuated:
            if tok.stop_after and tok.norm not in _ABBREVIATIONS:
                ends.append(i)
        elif timed and tokens[i + 1].gap_before >= pause_s:
            ends.append(i)
    ends.append(len(tokens) - 1)
    return list(_sentences(tokens, _clauses(tokens, ends), set(ends)))


_RUN_ON = 30
"""A sentence longer than this many words is a run-on, cut into clauses."""
_MIN_CLAUSE = 6
_CLAUSE_START = frozenset({"so", "then", "but", "after", "afterwards", "because", "which"})
_AND_NEXT = frozenset({"i", "we", "then", "she", "he", "they", "it", "that", "now", "so"})
_SUBJECT_NEXT = frozenset({"i", "we", "she", "he", "they", "it", "the", "that", "my", "our"})
_SUBJECTS = frozenset({"i", "we", "i'd", "i'm", "we'd", "we're", "i've", "we've"})
#: Words after which "I"/"we" goes on the same clause ("the day that I…", "and we…").
_BINDS = word_set(
    "and or but so that because when if what where which who whom than as while until "
    "after before since though although whether how why once like said told thought "
    "think know knew said say says"
)


def _clause_start(tokens: Sequence[Token], i: int) -> bool:
    """Does a new clause start at ``i`` ("and then", "so I", "um so", "but we")?"""
    w = tokens[i].norm
    nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    if w == "and":
        return nxt in _AND_NEXT
    if is_vocal_filler(w):
        return True
    if w in _SUBJECTS:
        before = tokens[i - 1].norm if i > 0 else ""
        return bool(before) and before not in _BINDS and not is_vocal_filler(before)
    if w in {"so", "but", "then"}:
        return nxt in _SUBJECT_NEXT or is_vocal_filler(nxt) or nxt == "then"
    return w in _CLAUSE_START and nxt in _SUBJECT_NEXT


def _clauses(tokens: Sequence[Token], ends: list[int]) -> list[int]:
    out: list[int] = []
    first = 0
    for last in ends:
        if last - first + 1 > _RUN_ON:
            start = first
            for i in range(first + _MIN_CLAUSE, last - _MIN_CLAUSE + 2):
                if (
                    i - start >= _MIN_CLAUSE
                    and _clause_start(tokens, i)
                    and not _clause_start(tokens, i - 1)
                ):
                    out.append(i - 1)
                    start = i
        out.append(last)
        first = last + 1
    return out


def _sentences(
    tokens: Sequence[Token], ends: Iterable[int], real_ends: Collection[int]
) -> Iterable[Sentence]:
    first = 0
    for n, last in enumerate(ends):
        part = tokens[first : last + 1]
        text = " ".join(t.text for t in part)
        cut = first > 0 and first - 1 not in real_ends
        yield Sentence(n, first, last, part[0].start, part[-1].end, text, cut)
        first = last + 1


def span_seconds(tokens: Sequence[Token]) -> float:
    """From the first word's start to the last word's end."""
    return max(0.0, tokens[-1].end - tokens[0].start) if tokens else 0.0
