"""Filler words: vocal ones (um, uh…) always, verbal ones (like, so, you know…) by context.

The context rules look only at neighbouring words, punctuation (Whisper's commas mark
the little breaks that set a filler off), sentence position and the medium: a recogniser
leaves a mid-clause "like" or "you know" unpunctuated where a writer would set it off, and a
writer opens a sentence with "So," by choice, so typed text counts fewer. They were designed
on the labeled corpora in ``tests/data/scoring_corpus/`` and ``tests/data/labeled/``;
``benchmarks/bench_scoring.py`` measures them per writing pass.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from mockint.scoring.config import ScoringConfig
from mockint.scoring.phrases import PhraseIndex
from mockint.scoring.text import Sentence, Token, normalise, squash, word_set

VOCAL = "vocal"
VERBAL = "verbal"


_DETERMINERS = word_set(
    "a an the this that these those my our his her their your its some any each every "
    "no one another what which"
)
_SUBJECTS = word_set("i we you they he she it there i'm we're you're they're")
_BE = word_set(
    "was were is are am be been being it's that's he's she's i'm we're they're you're there's"
)
_CONJUNCTIONS = word_set("and but because or then cause")
# "I like", "would like", "looks like", "something like": like as a verb or "such as".
_LIKE_KEEP_PREV = word_set(
    "i we you they would i'd we'd you'd they'd to don't didn't doesn't do does did really "
    "also always never not look looks looked looking sound sounds sounded seem seems seemed "
    "feel feels felt feeling something anything nothing things stuff more much exactly "
    "just"
)
_LIKE_KEEP_NEXT = _DETERMINERS | word_set(
    "him her them me us it nothing something anything everything everyone"
)
_AMOUNTS = word_set(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million half dozen couple few"
)
_CLAUSE_SUBJECTS = _SUBJECTS | word_set(
    "nobody everyone everybody someone somebody no i'd we'd i've we've he'd she'd they'd"
)
_LIKE_SIMILE_NEXT = word_set(
    "me him her us them yours mine ours theirs that this those these it before normal usual"
)
# Past forms: after "like" they show it is not the verb ("I like sat down with her").
_PAST_VERBS = word_set(
    "sat went told got made took said put ran rang did had saw came gave found thought kept "
    "left felt brought bought spoke wrote rewrote knew began drove sent spent stood lost won "
    "met paid broke chose grew threw shook woke forgot understood sold held built lent meant "
    "caught taught fought led fell hid quit shut cut let became"
)
_AFTER_A_VERB = (
    _DETERMINERS
    | _SUBJECTS
    | word_set("me him her us them she'd he'd they'd by to with in on at up out down over back off")
)
_LIKE_SIMILE_PREV = word_set("it that this them him her me us")
_SO_KEEP_NEXT = word_set("that much many far long few little often as")
_SO_FILLER_NEXT = word_set("yeah yes anyway um uh")
_SO_BEFORE_FILLER = word_set("like basically")
_SO_CLAUSE_NEXT = word_set(
    "i we she he they it that the this my our his her their you i'd we'd i'm we're there then "
    "i've we've you've they've you're they're he's she's it's there's now"
)
_YOU_KNOW_KEEP_PREV = word_set(
    "do did don't didn't if as would you'd i'd let might may whether how"
)
# "everything you know about it", "the people you know": "you know" as a relative clause.
_YOU_KNOW_HEADS = word_set(
    "what who that which people someone somebody anyone anybody everyone everybody "
    "everything anything something things stuff all"
)
_YOU_KNOW_KEEP_NEXT = _DETERMINERS | word_set(
    "how why when where who whether if about it him her them me us someone something "
    "everything anything nothing more exactly each"
)
_I_MEAN_KEEP_PREV = word_set("what if do don't did didn't that's")
_I_MEAN_KEEP_NEXT = word_set(
    "that it to what which by this when something anything nothing everything"
)
# A writer opens a sentence with "So," or "Well," by choice, to link it to the last one;
# said aloud at the start of an answer or a sentence they are the tic a coach counts.
_SPOKEN_OPENERS = word_set("so well okay ok alright right yeah oh")
_SAID = word_set("said say says saying told asked replied went")
# Fillers that can follow an opener in a run ("Yeah, so…", "Okay so…", "Right, well…").
_OPENER_NEXT = word_set("so well like basically anyway okay ok right yeah")
_TAG_KEEP_PREV = word_set("that's is it's was that not all be are")
_KIND_KEEP_PREV = _DETERMINERS | word_set(
    "same different other new right wrong whatever all certain particular"
)


@dataclass(frozen=True, slots=True)
class Filler:
    """One filler as said, with where it is."""

    word_index: int
    """Index of its first word in ``Transcript.words``."""
    end_index: int
    """Index of its last word (the same for one-word fillers)."""
    text: str
    key: str
    """The configured entry it counts under: "um" for "Umm,", "you know"."""
    kind: str
    """``vocal`` (um, uh…) or ``verbal`` (like, you know…)."""
    start: float
    end: float
    at_sentence_start: bool
    """Said before the sentence's first real word ("Um, so we…")."""


@dataclass(frozen=True)
class FillerReport:
    items: tuple[Filler, ...]
    counts: dict[str, int]
    """Per configured entry, most frequent first."""
    total: int
    vocal: int
    verbal: int
    per_minute: float | None
    """None without word timings."""
    per_100_words: float
    band: str
    """``excellent`` (< 2 per 100 words), ``fine`` or ``needs work`` (> 5)."""
    at_start_share: float = 0.0
    """Share of fillers said at the start of a sentence."""
    flagged: bool = field(default=False)
    """True when the answer is ``filler_heavy``."""


@dataclass
class _Ctx:
    """What a context rule can see: the tokens, the phrase at ``i..j``, sentence starts."""

    tokens: Sequence[Token]
    i: int
    j: int
    at_start: bool
    is_vocal: Callable[[Token], bool]
    opening: bool
    """Nothing but fillers has been said yet: the answer's very first words."""
    spoken: bool
    """A transcript of speech, not typed text: mid-clause "like", "you know" and "I mean"
    come unpunctuated from a recogniser, where a writer would have set them off."""

    def norm(self, pos: int) -> str:
        return self.tokens[pos].norm if 0 <= pos < len(self.tokens) else ""

    @property
    def prev(self) -> str:
        """The word before, or "" across a sentence end."""
        if self.i == 0 or self.tokens[self.i - 1].stop_after:
            return ""
        return self.tokens[self.i - 1].norm

    @property
    def after_filler(self) -> bool:
        """Comes after a filler that opened the same sentence ("Okay, so")."""
        return self.i > 0 and not self.tokens[self.i - 1].stop_after

    @property
    def next(self) -> str:
        return "" if self.at_end else self.norm(self.j + 1)

    @property
    def comma_after(self) -> bool:
        return self.tokens[self.j].comma_after

    @property
    def question_after(self) -> bool:
        return self.tokens[self.j].question_after

    @property
    def at_end(self) -> bool:
        return self.tokens[self.j].stop_after or self.j == len(self.tokens) - 1

    @property
    def break_before(self) -> bool:
        """Set off from what came before: a comma, a dash, a pause or a vocal filler."""
        if self.i == 0:
            return True
        before = self.tokens[self.i - 1]
        return (
            before.comma_after
            or before.stop_after
            or self.tokens[self.i].gap_before >= 0.5
            or self.is_vocal(before)
        )

    @property
    def set_off(self) -> bool:
        """Between commas (or vocal fillers) on both sides: "which, I mean, is…"."""
        if self.i == 0 or self.at_end:
            return False
        before = self.tokens[self.i - 1]
        return (before.comma_after or self.is_vocal(before)) and (
            self.comma_after or self.vocal_next
        )

    @property
    def vocal_next(self) -> bool:
        return self.j + 1 < len(self.tokens) and self.is_vocal(self.tokens[self.j + 1])

    @property
    def such_as(self) -> bool:
        """ "…, like Terraform" / "like pandas and FastAPI": an example list follows."""
        if self.at_end:
            return False
        nxt = self.tokens[self.j + 1]
        if nxt.text[:1].isupper() and nxt.norm != "i" and not nxt.norm.startswith("i'"):
            return True
        ahead = self.tokens[self.j + 2 : self.j + 5]
        return any(t.norm in {"and", "or"} for t in ahead) and not any(
            t.stop_after for t in self.tokens[self.j + 1 : self.j + 4]
        )

    @property
    def approximate(self) -> bool:
        """A rough amount follows: "like 30", "like three months", "like a couple of"."""
        nxt = self.next
        if any(ch.isdigit() for ch in nxt) or nxt in _AMOUNTS:
            return True
        return nxt in {"a", "an"} and self.norm(self.j + 2) in _AMOUNTS

    @property
    def what_it_is_like(self) -> bool:
        """ "what it's like", "what the job is like": "like" ends the question."""
        if self.prev not in _BE:
            return False
        return any(self.norm(k) == "what" for k in range(max(0, self.i - 5), self.i))


def _like(c: _Ctx) -> bool:
    if c.prev == "for" and c.norm(c.i - 2) == "like":  # "like for like"
        return False
    if c.comma_after or c.vocal_next:  # "like, um" / "it was, like, huge"
        return True
    # A verb after it ("I like showed her", "I like sat down"): like is not the verb, nor
    # "such as" ("I like baked beans" has no verb after it)
    if c.next in _PAST_VERBS or (c.next.endswith("ed") and c.norm(c.j + 2) in _AFTER_A_VERB):
        return True
    if (c.prev in _LIKE_KEEP_PREV and not c.break_before) or c.next == "to":
        return False  # a verb ("I like Go", "I'd like to") or "looks like"
    if c.what_it_is_like:
        return False
    if c.next == "i" and c.norm(c.j + 2) in {"said", "mentioned"}:
        return False
    if c.approximate:  # "for like three months": hedging a number
        return True
    if c.i > 0 and c.tokens[c.i - 1].comma_after:
        # ", like a replacement or a credit" gives examples; ", like nobody owned it" fills
        return c.next in _CLAUSE_SUBJECTS
    if c.spoken:
        # Unpunctuated speech: "handovers were just like rushed", "the alerts like see
        # what's broken"; not a simile ("leave it like that", "people like me") or "such as"
        return not (c.next in _LIKE_SIMILE_NEXT or c.prev in _LIKE_SIMILE_PREV or c.such_as)
    if c.next in _LIKE_KEEP_NEXT or c.such_as:
        return False  # "such as", simile ("like a queue")
    return c.at_start or c.break_before or c.prev in _BE or c.prev in _CONJUNCTIONS


def _so(c: _Ctx) -> bool:
    if c.next in _SO_KEEP_NEXT and not c.comma_after:  # "so that", "so much", "so far"
        return False
    if c.vocal_next or c.next in _SO_FILLER_NEXT:  # "so, um", "so yeah"
        return True
    if c.next in _SO_BEFORE_FILLER:  # "So, like, I…"; not "…, so, like, I had to pick"
        return c.at_start
    if c.at_start and c.after_filler:  # "Okay, so my job was…": a run of fillers
        return True
    if not c.opening and c.next in _SO_CLAUSE_NEXT:
        # Mid-answer, "So I kept him back…" / "So, that took…" says what followed from
        # what came before: a conjunction, even where the recogniser put a comma.
        return False
    if c.comma_after:
        return True
    return c.at_start or (c.at_end and c.break_before)


def _well(c: _Ctx) -> bool:
    if c.comma_after or c.vocal_next:
        return c.at_start or c.break_before
    return c.at_start and c.next in _SUBJECTS


def _tag(c: _Ctx) -> bool:
    """right / okay as a tag ("…, right?") or an opener ("Okay, so")."""
    if c.prev in _TAG_KEEP_PREV or c.prev in _SAID:  # "that's right", "she said okay"
        return False
    if c.question_after:
        return True
    if c.at_start:  # "Okay so…", "Um, right, I was…"; not "Right now I…"
        return (
            c.comma_after
            or c.at_end
            or c.vocal_next
            or c.next in _OPENER_NEXT
            or (c.after_filler and c.next in _SUBJECTS)
        )
    return c.break_before and (c.comma_after or c.at_end)


def _you_know(c: _Ctx) -> bool:
    if c.set_off:  # "we wanted to, you know, cut that down"
        return True
    if c.prev in _YOU_KNOW_KEEP_PREV:  # "as you know", "do you know"
        return False
    if c.comma_after or c.question_after or c.at_end or c.vocal_next:
        return True
    if c.next == "what" and c.norm(c.j + 2) == "i" and c.norm(c.j + 3) == "mean":
        return True
    if c.spoken and c.prev and c.prev not in _YOU_KNOW_HEADS:
        # Unpunctuated speech: "he signed the form and you know the next morning he…";
        # not "everything you know about it"
        return True
    return c.next not in _YOU_KNOW_KEEP_NEXT


def _i_mean(c: _Ctx) -> bool:
    if c.set_off:  # "…, which, I mean, should've been there anyway"
        return True
    if c.prev in _I_MEAN_KEEP_PREV:
        return False
    if c.comma_after or c.at_end or c.vocal_next:
        return True
    if c.next in _I_MEAN_KEEP_NEXT:
        return False
    # Unpunctuated speech: "I'm pretty careful I mean I've been a sparky for years"
    return c.spoken or c.at_start or c.break_before or c.prev in _CONJUNCTIONS


def _kind_of(c: _Ctx) -> bool:
    """ "kind of hard" is filler; "this kind of data" and "what sort of bug" are not."""
    return c.prev not in _KIND_KEEP_PREV


def _actually(c: _Ctx) -> bool:
    """ "actually": filler when set off ("Actually, …", "it was, actually, fine") or beside
    a vocal filler; inside a clause ("he actually handed it in", "nobody had actually
    booked it") it says "contrary to what you'd expect". (basically and literally rarely
    carry anything and count every time.)"""
    return c.at_start or c.comma_after or c.break_before or c.vocal_next


def _aside(c: _Ctx) -> bool:
    """oh: a filler when said as an aside ("Oh, um, …"); inside a clause ("I was oh so
    tired") it is a word."""
    return c.at_start or c.comma_after or c.break_before or c.vocal_next or c.prev == "so"


def _yeah(c: _Ctx) -> bool:
    """ "yeah" opening the answer says yes to the question ("Um, yeah, there's a good one",
    "yeah a couple") unless more fillers follow ("Yeah, um, so…"); anywhere else it only
    marks time ("…, so yeah", "the lot yeah the guest never knew"), unless it is quoted
    ("he said yeah"). Typed, it counts only set off by punctuation."""
    if c.opening:
        return c.at_end or c.vocal_next or c.next in _OPENER_NEXT
    return c.prev not in _SAID and (c.spoken or _aside(c))


def _honestly(c: _Ctx) -> bool:
    """ "honestly" is filler only set off on both sides ("which, honestly, is where…",
    "Um, honestly, I'd say…"); opening a sentence ("Honestly, the management…") or inside
    a clause ("I was honestly surprised") it says the speaker is being candid."""
    return c.set_off


_RULES: dict[str, Callable[[_Ctx], bool]] = {
    "yeah": _yeah,
    "oh": _aside,
    "honestly": _honestly,
    "actually": _actually,
    "like": _like,
    "so": _so,
    "well": _well,
    "right": _tag,
    "okay": _tag,
    "ok": _tag,
    "alright": _tag,
    "you know": _you_know,
    "i mean": _i_mean,
    "kind of": _kind_of,
    "sort of": _kind_of,
    "kinda": _kind_of,
    "sorta": _kind_of,
}


def is_noun_kind_of(tokens: Sequence[Token], i: int) -> bool:
    """ "this kind of data": the noun sense, neither filler nor hedge."""
    return i > 0 and not tokens[i - 1].stop_after and tokens[i - 1].norm in _KIND_KEEP_PREV


class FillerDetector:
    """Finds fillers with one configuration (build once, use for many transcripts)."""

    def __init__(self, config: ScoringConfig) -> None:
        self._vocal: dict[str, str] = {}
        for entry in config.fillers.vocal:
            self._vocal.setdefault(squash(normalise(entry)), normalise(entry))
        self._verbal = PhraseIndex(config.fillers.verbal)

    def vocal_key(self, token: Token) -> str | None:
        return self._vocal.get(squash(token.norm))

    def is_vocal(self, token: Token) -> bool:
        return squash(token.norm) in self._vocal

    def find(
        self, tokens: Sequence[Token], sentences: Sequence[Sentence], *, spoken: bool
    ) -> list[Filler]:
        """The fillers in ``tokens``; ``spoken``: a transcript of speech, not typed text."""
        # A clause cut from a run-on is not a sentence start: "…, so I rang" stays a "so".
        starts = {s.first for s in sentences if not s.continues}
        found: list[Filler] = []
        at_start = True
        opening = True
        i = 0
        while i < len(tokens):
            if i in starts:
                at_start = True
            hit = self._at(tokens, i, at_start, opening, spoken)
            if hit is None:
                # A typed "Right, so," is not counted, but what follows still opens it.
                if spoken or tokens[i].norm not in _SPOKEN_OPENERS:
                    at_start = opening = False
                i += 1
                continue
            found.append(hit[0])
            i = hit[1] + 1
        return found

    def _at(
        self, tokens: Sequence[Token], i: int, at_start: bool, opening: bool, spoken: bool
    ) -> tuple[Filler, int] | None:
        """The filler starting at ``i`` and the position of its last token, if any."""
        key = self.vocal_key(tokens[i])
        if key is not None and not _unit(tokens, i):
            return _filler(tokens, i, i, key, VOCAL, at_start), i
        for key, j in self._verbal.matches(tokens, i):
            if at_start and not spoken and key in _SPOKEN_OPENERS:
                continue
            rule = _RULES.get(key)
            if rule is None or rule(_Ctx(tokens, i, j, at_start, self.is_vocal, opening, spoken)):
                return _filler(tokens, i, j, key, VERBAL, at_start), j
        return None


def _unit(tokens: Sequence[Token], i: int) -> bool:
    """ "30 mm out of plumb": millimetres after a number, not a hum."""
    if tokens[i].norm != "mm" or i == 0 or tokens[i - 1].stop_after:
        return False
    before = tokens[i - 1].norm
    return any(ch.isdigit() for ch in before) or before in _AMOUNTS


def _filler(tokens: Sequence[Token], i: int, j: int, key: str, kind: str, at_start: bool) -> Filler:
    text = " ".join(t.text for t in tokens[i : j + 1])
    return Filler(
        tokens[i].word_index, tokens[j].word_index, text, key, kind, tokens[i].start, tokens[j].end,
        at_start,
    )  # fmt: skip


def filler_report(
    fillers: Sequence[Filler], word_count: int, speech_minutes: float | None, config: ScoringConfig
) -> FillerReport:
    """Counts and rates of the fillers found, judged against the configured bands."""
    counts: dict[str, int] = {}
    for f in fillers:
        counts[f.key] = counts.get(f.key, 0) + 1
    counts = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    total = len(fillers)
    per_100 = 100.0 * total / word_count if word_count else 0.0
    per_minute = total / speech_minutes if speech_minutes else None
    if per_100 < config.fillers.fine_per_100_words:
        band = "excellent"
    elif per_100 <= config.fillers.heavy_per_100_words:
        band = "fine"
    else:
        band = "needs work"
    vocal = sum(1 for f in fillers if f.kind == VOCAL)
    return FillerReport(
        items=tuple(fillers),
        counts=counts,
        total=total,
        vocal=vocal,
        verbal=total - vocal,
        per_minute=None if per_minute is None else round(per_minute, 2),
        per_100_words=round(per_100, 2),
        band=band,
        at_start_share=sum(f.at_sentence_start for f in fillers) / total if total else 0.0,
        flagged=band == "needs work" and total >= config.fillers.heavy_min_count,
    )
