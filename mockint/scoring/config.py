"""Settings for scoring (section ``scoring:`` of config.yaml). Pure data, no I/O.

Every threshold, word list and weight the scorer uses lives here, with the shipped default
and why it is what it is. Word lists are matched case-insensitively against the transcript's
words with punctuation stripped; multi-word entries ("you know") match consecutive words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

DEFAULT_VOCAL_FILLERS = ["um", "uh", "uhm", "er", "erm", "ah", "hmm", "mm"]
DEFAULT_VERBAL_FILLERS = [
    "like",
    "you know",
    "i mean",
    "basically",
    "actually",
    "literally",
    "kind of",
    "sort of",
    "kinda",
    "sorta",
    "so",
    "well",
    "right",
    "okay",
    "ok",
]
DEFAULT_HEDGES = [
    "i think",
    "i guess",
    "i believe",
    "i feel like",
    "i suppose",
    "i'm not sure",
    "not sure",
    "i would say",
    "maybe",
    "perhaps",
    "probably",
    "possibly",
    "hopefully",
    "somewhat",
    "a little bit",
    "more or less",
    "sort of",
    "kind of",
    "just",
]
DEFAULT_SITUATION_CUES = [
    "at my last job",
    "at my last company",
    "at my previous",
    "at my old",
    "my old job",
    "at my first job",
    "in my first job",
    "in my previous",
    "in my last role",
    "in my last job",
    "in my current role",
    "at my current",
    "when i was",
    "while i was",
    "i was working",
    "i was a",
    "i was an",
    "i was the",
    "i was on",
    "i was part of",
    "i worked as",
    "i worked at",
    "i was leading",
    "i was running",
    "i joined",
    "we were",
    "there was",
    "there were",
    "we had a",
    "we had an",
    "our team",
    "the team was",
    "the project",
    "the company",
    "the client",
    "a client",
    "a customer",
    "one of our",
    "back in",
    "years ago",
    "months ago",
    "last year",
    "at the time",
    "a few years",
    "one time",
    "a couple of",
    "used to",
    "the situation",
    "working at",
    "working on",
    "during my",
]
DEFAULT_TASK_CUES = [
    "my goal",
    "our goal",
    "the goal",
    "my job was",
    "my job is",
    "it was my job",
    "my role was",
    "my task",
    "the task",
    "my responsibility",
    "i was responsible",
    "responsible for",
    "i was in charge",
    "i needed to",
    "i had to",
    "we needed to",
    "we had to",
    "needed to",
    "i was asked",
    "i was tasked",
    "asked me to",
    "i was given",
    "gave me",
    "i wanted to",
    "i was supposed to",
    "the challenge was",
    "the problem was",
    "the objective",
    "the aim",
    "my aim",
    "i had two weeks",
    "deadline",
    "had to",
    "my target",
    "our target",
    "the target",
    "we need",
    "i need to",
    "my priority",
    "it was up to me",
    "i was hired to",
    "they needed",
    "needed a",
    "it fell to me",
    "fell to me",
]
DEFAULT_ACTION_CUES = [
    "i decided",
    "i started",
    "i began",
    "first i",
    "first, i",
    "then i",
    "next i",
    "so i",
    "after that i",
    "i also",
    "i made sure",
    "i reached out",
    "i set up",
    "i sat down",
    "i took",
    "i went",
]
DEFAULT_RESULT_CUES = [
    "as a result",
    "in the end",
    "at the end",
    "by the end",
    "ultimately",
    "eventually",
    "finally",
    "which led to",
    "that led to",
    "this led to",
    "led to",
    "resulted in",
    "the result",
    "the outcome",
    "the impact",
    "thanks to",
    "because of that",
    "since then",
    "afterwards",
    "after that we",
    "we went from",
    "went from",
    "went down",
    "went up",
    "rose",
    "fell",
    "jumped",
    "climbed",
    "instead of",
    "was back",
    "got better",
    "was better",
    "much better",
    "avoided",
    "prevented",
    "now",
    "it worked",
    "has worked",
    "worked well",
    "the right call",
    "paid off",
    "went well",
    "it helped",
    "helped us",
    "approved",
    "accepted",
    "signed",
    "renewed",
    "won",
    "passed",
    "succeeded",
    "completed",
    "happy",
    "satisfied",
    "dropped",
    "increased",
    "reduced",
    "decreased",
    "improved",
    "saved",
    "cut",
    "grew",
    "doubled",
    "halved",
    "tripled",
    "shipped",
    "launched",
    "delivered",
    "on time",
    "ahead of schedule",
    "went live",
    "promoted",
    "praised",
    "thanked",
    "adopted",
    "was successful",
    "was a success",
    "i learned",
    "we learned",
    "the lesson",
    "lesson",
    "feedback was",
    "still use",
    "still uses",
    "now use",
    "now uses",
]
DEFAULT_NUMBER_WORDS = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "dozen",
    "dozens",
    "percent",
    "half",
    "third",
    "quarter",
    "fifth",
    "tenth",
    "twice",
    "double",
    "doubled",
    "halved",
    "tripled",
    "tenfold",
    "hourly",
    "daily",
    "weekly",
    "monthly",
    "yearly",
]
DEFAULT_STOP_WORDS = [
    "a", "an", "the", "and", "or", "but", "so", "to", "of", "in", "on", "at", "for", "with",
    "by", "from", "as", "into", "about", "that", "this", "these", "those", "it", "its", "it's",
    "i", "i'm", "i'd", "i've", "me", "my", "we", "we're", "we'd", "we've", "us", "our", "you",
    "your", "he", "she", "they", "them", "their", "his", "her", "is", "are", "was", "were",
    "be", "been", "being", "have", "has", "had", "do", "does", "did", "not", "no", "then",
    "there", "what", "which", "who", "when", "if", "just", "also", "very", "really", "all",
    "some", "any", "up", "out", "can", "could", "would", "will", "should", "get", "got",
]  # fmt: skip
DEFAULT_WEIGHTS = {
    "fillers": 0.20,
    "pace": 0.15,
    "length": 0.15,
    "pauses": 0.10,
    "language": 0.15,
    "structure": 0.25,
    "coverage": 0.20,
}


@dataclass
class ScoringConfig:
    # Ranges checked when config.yaml is read (mockint.config); other numbers must be >= 0.
    # A zero window, gap or rate measures nothing; shares and thresholds are fractions.
    LIMITS: ClassVar[dict[str, tuple[float | None, float | None]]] = {
        "pace_band_wpm": (1, 1000),
        "too_slow_wpm": (1, 1000),
        "too_fast_wpm": (1, 1000),
        "untimed_wpm": (1, 1000),
        "pace_gap_s": (0.1, 60),
        "pace_window_s": (1, 600),
        "default_target_seconds": (1, 3600),
        "long_pause_s": (0.1, 60),
        "hesitation_s": (0.1, 60),
        "sentence_pause_s": (0.05, 60),
        "we_share_flag": (0, 1),
        "star_position_weight": (0, 1),
        "action_min_share": (0, 1),
        "key_point_threshold": (0, 1),
        "key_point_word_similarity": (0, 100),
    }

    # --- fillers ---------------------------------------------------------------------------
    vocal_fillers: list[str] = field(default_factory=lambda: list(DEFAULT_VOCAL_FILLERS))
    """Hesitation sounds, counted every time. Stretched spellings match too: "umm" and
    "ummm" count as "um", "hmmm" as "hmm"."""

    verbal_fillers: list[str] = field(default_factory=lambda: list(DEFAULT_VERBAL_FILLERS))
    """Words and phrases counted only where used as filler. Built-in context rules decide
    for like, you know, I mean, kind of/sort of, so, well, right and okay ("I like Python",
    "kind of data", "so that we could" are not fillers); any other entry you add counts
    every time it is said."""

    filler_fine_per_100_words: float = 2.0
    """Fewer fillers per 100 words than this is excellent."""

    filler_heavy_per_100_words: float = 5.0
    """More fillers per 100 words than this needs work: the answer is flagged
    ``filler_heavy``."""

    filler_heavy_min_count: int = 3
    """``filler_heavy`` also needs at least this many fillers, so one "um" in a ten-word
    answer is not called heavy."""

    # --- pace ------------------------------------------------------------------------------
    pace_band_wpm: tuple[float, float] = (120.0, 160.0)
    """Words per minute (over speaking time) that interviewers find easy to follow."""

    too_slow_wpm: float = 100.0
    """Below this speaking-time pace the answer is flagged ``too_slow``."""

    too_fast_wpm: float = 180.0
    """Above this speaking-time pace the answer is flagged ``too_fast``."""

    pace_gap_s: float = 1.0
    """Silences at least this long are left out of speaking time (WPM counts talking only)."""

    pace_window_s: float = 15.0
    """Width of the windows for pace over time, which shows rushing at the end."""

    pace_min_speech_s: float = 10.0
    """Below this much speaking time pace is too noisy to flag ``too_fast``/``too_slow``."""

    # --- length ----------------------------------------------------------------------------
    default_target_seconds: tuple[int, int] = (60, 120)
    """Target answer length when no question is given (behavioral answers run 1–2 min)."""

    untimed_wpm: float = 150.0
    """Pace assumed to estimate the length of a transcript without word timings."""

    # --- pauses ----------------------------------------------------------------------------
    long_pause_s: float = 2.0
    """A silence between words at least this long is a long pause."""

    hesitation_s: float = 1.0
    """A silence from this long up to ``long_pause_s`` is a hesitation."""

    long_pauses_flag_count: int = 2
    """Flag ``long_pauses`` from this many long pauses (one thinking pause is fine)."""

    sentence_pause_s: float = 0.7
    """With no punctuation in the transcript, a silence this long ends a sentence."""

    # --- language --------------------------------------------------------------------------
    hedges: list[str] = field(default_factory=lambda: list(DEFAULT_HEDGES))
    """Hedges and weak words that undercut confidence. A phrase in both this list and
    ``verbal_fillers`` counts as a filler where the filler rules say so, else as a hedge."""

    hedging_per_100_words: float = 3.0
    """Flag ``hedging`` above this many hedges per 100 words…"""

    hedging_min_count: int = 3
    """…and with at least this many hedges."""

    repetition_min_count: int = 3
    """A 2–4 word phrase said this many times (or more) is reported as repetition."""

    repetition_stop_words: list[str] = field(default_factory=lambda: list(DEFAULT_STOP_WORDS))
    """Phrases made only of these words ("and then", "it was") never count as repetition."""

    we_share_flag: float = 0.6
    """Flag ``we_not_i`` when "we" is at least this share of I/we in the action part…"""

    we_min_count: int = 3
    """…and said at least this many times there."""

    # --- structure (STAR) ------------------------------------------------------------------
    situation_cues: list[str] = field(default_factory=lambda: list(DEFAULT_SITUATION_CUES))
    """Phrases that mark a sentence as setting the scene (Situation)."""

    task_cues: list[str] = field(default_factory=lambda: list(DEFAULT_TASK_CUES))
    """Phrases that mark a sentence as stating your goal or responsibility (Task)."""

    action_cues: list[str] = field(default_factory=lambda: list(DEFAULT_ACTION_CUES))
    """Phrases that mark a sentence as what you did (Action), besides "I/we" followed by
    a past-tense verb, which is recognised without a list."""

    result_cues: list[str] = field(default_factory=lambda: list(DEFAULT_RESULT_CUES))
    """Phrases that mark a sentence as the outcome (Result); numbers add to it."""

    number_words: list[str] = field(default_factory=lambda: list(DEFAULT_NUMBER_WORDS))
    """Words that make a result quantified besides digits and "%" ("three", "doubled",
    "weekly to daily"); "one" counts after to/from/only/than ("down to one a month")."""

    star_without_question: bool = True
    """Judge STAR structure when no question is given (most practice is behavioral);
    with a question, only behavioral ones are."""

    star_position_weight: float = 0.6
    """How much a sentence's position (situation early, result late) counts against its
    cue phrases when deciding its STAR part (one cue phrase counts 1)."""

    action_min_share: float = 0.3
    """The action part should carry at least this share of the answer's time."""

    # --- coverage --------------------------------------------------------------------------
    key_point_threshold: float = 0.5
    """A key point is covered when this share of its content words (fuzzy-matched) appears
    in one sentence and the next."""

    key_point_word_similarity: float = 80.0
    """Two words match when their rapidfuzz ratio is at least this (0–100)."""

    # --- overall ---------------------------------------------------------------------------
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    """Weight of each part in the overall score. Parts that do not apply are left out and
    the rest re-normalised: structure only for behavioral questions, coverage only when the
    question has key points, pace and pauses only when the words have timings."""
