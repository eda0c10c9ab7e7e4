"""Top tips and strengths: concrete, about this answer, most impactful first.

Each possible tip carries the overall points it would win back (its part's weight times the
points the problem costs), so the three that matter most come first.
"""

from __future__ import annotations

from dataclasses import dataclass

from mockint.fmt import count, listing, phrase, times
from mockint.models import Kind
from mockint.scoring import parts as P
from mockint.scoring.config import ScoringConfig
from mockint.scoring.result import ScoreReport
from mockint.scoring.structure import StructureReport

MAX_TIPS = 3
_MIN_IMPACT = 0.5  # overall points; below this a "tip" is nitpicking


@dataclass(frozen=True, slots=True)
class _Tip:
    impact: float
    text: str


def make_tips(
    r: ScoreReport, config: ScoringConfig, behavioral: bool, kind: Kind | None = None
) -> list[str]:
    """Up to three tips, most impactful first; ``kind`` (the question's) fits the length tip
    to what the question asks for."""
    if "no_speech" in r.flags:
        return ["Nothing was heard: check the microphone (mockint doctor) and speak up."]
    found = [
        *_filler_tips(r),
        *_pace_tips(r, config),
        *_length_tips(r, behavioral, kind),
        *_pause_tips(r),
        *_language_tips(r, config),
        *_structure_tips(r, config),
        *_coverage_tips(r),
    ]
    found = [t for t in found if t.impact >= _MIN_IMPACT]
    found.sort(key=lambda t: -t.impact)
    return [t.text for t in found[:MAX_TIPS]]


def _lost(r: ScoreReport, part: str, points: float | None = None) -> float:
    """Overall points lost on ``part`` (or ``points`` of it)."""
    if part not in r.parts:
        return 0.0
    lost = 100 - r.parts[part] if points is None else points
    return r.weights.get(part, 0.0) * lost


def _filler_tips(r: ScoreReport) -> list[_Tip]:
    f = r.fillers
    if f is None or f.total == 0 or f.band == "excellent":
        return []
    # The most frequent are named and the rest counted, so the figures add up to the total.
    said = _named_counts(list(f.counts.items()))
    where = ""
    if f.total >= 3:
        where = (
            ", mostly at the start of sentences"
            if f.at_start_share >= 0.5
            else ", mostly mid-sentence"
        )
    rate = f"{count(f.total, 'filler')}, {f.per_100_words:.1f} per 100 words"
    text = f"You said {said}{where} ({rate}) — pause silently instead."
    return [_Tip(_lost(r, "fillers"), text)]


def _named_counts(counts: list[tuple[str, int]], named: int = 2) -> str:
    """``'um' twice, 'so' once and 3 more``: all of them when few, else the top ``named``."""
    shown = counts if len(counts) <= named + 1 else counts[:named]
    parts = [f"{phrase(k)} {times(n)}" for k, n in shown]
    rest = sum(n for _, n in counts[len(shown) :])
    if rest:
        parts.append(f"{rest} more")
    return listing(parts, limit=len(parts))


def _pace_tips(r: ScoreReport, config: ScoringConfig) -> list[_Tip]:
    p = r.pace
    if p is None or p.wpm is None:
        return []
    low, high = config.pace.band_wpm
    tips = []
    if p.wpm > high:
        tips.append(
            _Tip(
                _lost(r, "pace"),
                f"You spoke at {p.wpm:.0f} words per minute — slow down to {low:g}–{high:g}: "
                "take a breath at every full stop.",
            )
        )
    elif p.wpm < low:
        tips.append(
            _Tip(
                _lost(r, "pace"),
                f"You averaged {p.wpm:.0f} words per minute — aim for {low:g}–{high:g}: "
                "know your story's beats so the words come readily.",
            )
        )
    if p.speeds_up and p.windows:
        last = p.windows[-1].wpm
        tips.append(
            _Tip(
                max(1.0, _lost(r, "pace")),
                f"You sped up to {last:.0f} WPM in the last seconds — slow down as you "
                "finish: the end is what they remember.",
            )
        )
    return tips


# What a too-short answer lacks, by the question's kind. A logistics question (notice
# period, start date: a target of at most this many seconds) wants a fact and its condition,
# never "an example".
_LOGISTICS_MAX_S = 45
_SHORT_BY_KIND: dict[Kind, str] = {
    Kind.BEHAVIORAL: "add what you did step by step, and the result",
    Kind.SITUATIONAL: "say what you would do first, why, and how you would check it worked",
    # Not "an example from your work": a graduate has none, and one who gave an example
    # (a project, with its numbers) was asked for one.
    Kind.PERSONAL: "add a concrete detail from your own experience, and why it fits this role",
    Kind.TECHNICAL: "explain how it works, then one example of using it",
    Kind.CLOSING: "give a clear answer, then one reason or condition",
}
_SHORT_LOGISTICS = "add the detail they need next: a date, a number or a condition"


#: What a short story should add for each STAR part it lacks.
_SHORT_STAR = {
    "situation": "the context",
    "task": "your goal",
    "action": "what you did step by step",
    "result": "the result",
}
_SHORT_FULL_STAR = "add detail to each step you took and to what changed, in numbers"
_SHORT_QUANTIFIED = "add detail to each step you took"


def _too_short_advice(
    kind: Kind | None, behavioral: bool, high: int, structure: StructureReport | None
) -> str:
    if behavioral and structure is not None:
        # Name what the story lacks, and never ask for a part the screen shows as there.
        lacking = [_SHORT_STAR[p] for p in _SHORT_STAR if not structure.parts[p].present]
        if lacking:
            return f"add {listing(lacking, limit=4)}"
        return _SHORT_FULL_STAR if not structure.result_quantified else _SHORT_QUANTIFIED
    if kind is None:
        return _SHORT_BY_KIND[Kind.BEHAVIORAL] if behavioral else "add a concrete example"
    if kind is Kind.CLOSING and high <= _LOGISTICS_MAX_S:
        return _SHORT_LOGISTICS
    return _SHORT_BY_KIND[kind]


def _length_tips(r: ScoreReport, behavioral: bool, kind: Kind | None) -> list[_Tip]:
    n = r.length
    if n is None or not (n.too_short or n.too_long):
        return []
    low, high = n.target
    more = _too_short_advice(kind, behavioral, high, r.structure)
    cut = (
        "cut the background to two sentences and get to what you did"
        if behavioral
        else "give the answer in a sentence or two, then stop"
        if kind is Kind.CLOSING
        else "lead with your main point and keep one example"
    )
    if n.target_words is not None:  # typed: no duration to quote
        low_w, high_w = n.target_words
        if n.too_short:
            text = f"Your answer has {n.words} words; aim for {low_w}–{high_w} — {more}."
        else:
            text = f"Your answer has {n.words} words; aim for at most {high_w} — {cut}."
    elif n.too_short:
        text = f"Your answer lasted {P.clock(n.seconds)}; aim for {low}–{high} s — {more}."
    else:
        text = f"Your answer ran {P.clock(n.seconds)}; aim for at most {P.clock(high)} — {cut}."
    return [_Tip(_lost(r, "length"), text)]


def _pause_tips(r: ScoreReport) -> list[_Tip]:
    p = r.pauses
    if p is None or not p.long_pauses:
        return []
    longest = max(p.long_pauses, key=lambda x: x.duration)
    text = (
        f"You stopped for 2 s or more {times(len(p.long_pauses))} (longest "
        f"{longest.duration:.1f} s at {P.clock(longest.start)}) — outline the story before "
        "you start so you know what comes next."
    )
    return [_Tip(_lost(r, "pauses"), text)]


def _language_tips(r: ScoreReport, config: ScoringConfig) -> list[_Tip]:
    tips = []
    weight = r.weights.get("language", 0.0)
    h = r.hedges
    if h is not None and h.total >= 2:
        listed = listing([f"{phrase(k)} ×{c}" for k, c in h.counts.items()])
        lost = weight * (100 - P.hedge_score(h.per_100_words, config))
        tips.append(
            _Tip(
                lost,
                f"You hedged {times(h.total)} ({listed}) — say what you did and know plainly.",
            )
        )
    o = r.ownership
    if o is not None and o.flagged:
        tips.append(
            _Tip(
                weight * P.WE_NOT_I_PENALTY,
                f"You said 'we' {times(o.we_count)} and 'I' {times(o.i_count)} describing the "
                "actions — say what you did yourself: 'I wrote…', 'I decided…'.",
            )
        )
    if r.repetitions:
        rep = r.repetitions[0]
        tips.append(
            _Tip(
                weight * P.REPETITION_PENALTY,
                f"You said '{rep.phrase}' {rep.count} times — vary it or cut it.",
            )
        )
    return tips


def _structure_tips(r: ScoreReport, config: ScoringConfig) -> list[_Tip]:
    s = r.structure
    if s is None:
        return []
    tips = []
    missing = {
        "result": "You never said how it turned out — end with the result: what changed, "
        "and by how much?",
        "action": "Say what you did, step by step, with 'I': the actions should be most of "
        "the answer.",
        "situation": "Open with a sentence or two of context: where you were and what was "
        "at stake.",
        "task": "Say what your goal or responsibility was, so your actions have a point.",
    }
    for part, text in missing.items():
        if not s.parts[part].present:
            tips.append(_Tip(_lost(r, "structure", P.STAR_POINTS[part]), text))
    if s.parts["result"].present and not s.result_quantified:
        said = _quote(s.parts["result"].evidence[0])
        tips.append(
            _Tip(
                _lost(r, "structure", P.NO_NUMBERS_PENALTY),
                f"Your result ({said}) has no number: how much, how many, how fast?",
            )
        )
    if s.parts["action"].present and s.action_share < config.structure.action_min_share:
        tips.append(
            _Tip(
                _lost(r, "structure", P.ACTION_SHARE_PENALTY),
                f"Only {s.action_share:.0%} of your answer was about what you did — trim the "
                "background and spend most of the time on your actions.",
            )
        )
    if not s.in_order:
        tips.append(
            _Tip(
                _lost(r, "structure", P.ORDER_PENALTY),
                f"Tell it in order — situation, task, action, result; yours went "
                f"{', '.join(s.order)}.",
            )
        )
    return tips


def _coverage_tips(r: ScoreReport) -> list[_Tip]:
    c = r.coverage
    if c is None or not c.missing:
        return []
    # Story points ("the outcome") are the STAR parts themselves, whose own tips say what is
    # missing; a worded point is one whose words were not found, which is said as such.
    worded = [p.text for p in c.points if not p.covered and p.judged_by == "words"]
    if not worded:
        return []
    listed = listing([f"'{m}'" for m in worded], other="other point")
    return [
        _Tip(
            _lost(r, "coverage"),
            f"I couldn't find {listed} in your answer — say each in a sentence of its own.",
        )
    ]


def _quote(sentence: str, words: int = 8) -> str:
    parts = sentence.split()
    return "'" + " ".join(parts[:words]) + ("…'" if len(parts) > words else "'")


def make_strengths(r: ScoreReport) -> list[str]:
    """Up to three things done well, from the parts that scored high."""
    out = []
    f, p, s, c = r.fillers, r.pace, r.structure, r.coverage
    if s is not None and all(s.present.values()) and s.in_order:
        out.append("A complete STAR story, told in order.")
    if s is not None and s.result_quantified:
        out.append(f"Your result is quantified: {_quote(s.parts['result'].evidence[0])}.")
    if c is not None and c.total and c.covered == c.total:
        out.append(f"You covered all {c.total} key points.")
    if f is not None and f.band == "excellent" and r.word_count >= 20:
        out.append(f"Hardly any fillers ({f.per_100_words:.1f} per 100 words).")
    if p is not None and p.band == "good":
        out.append(f"A comfortable pace: {p.wpm:.0f} words per minute.")
    if r.length is not None and not (r.length.too_short or r.length.too_long) and r.word_count:
        out.append("A good length for the question.")
    return out[:3]
