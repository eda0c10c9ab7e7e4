"""Settings for scoring (section ``scoring:`` of config.yaml), one section per scoring module.

Every threshold, word list and weight the scorer uses lives here, with the shipped default
and why it is what it is. The shipped word lists are package data (``words/*.txt``, one
entry a line), read once when this module is imported, never while scoring. Lists are
matched case-insensitively against the transcript's words with punctuation stripped;
multi-word entries ("you know") match consecutive words.

config.yaml nests the same way (``scoring: {pace: {too_fast_wpm: 190}}``); the flat keys of
earlier versions (``scoring: {too_fast_wpm: 190}``) are still read: see :func:`nest_flat`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from importlib.resources import files
from typing import Any, ClassVar


def _words(name: str) -> tuple[str, ...]:
    text = files("mockint.scoring").joinpath("words", f"{name}.txt").read_text("utf-8")
    return tuple(s for line in text.splitlines() if (s := line.strip()) and s[0] != "#")


DEFAULT_VOCAL_FILLERS = _words("vocal_fillers")
DEFAULT_VERBAL_FILLERS = _words("verbal_fillers")
DEFAULT_HEDGES = _words("hedges")
DEFAULT_SITUATION_CUES = _words("situation_cues")
DEFAULT_TASK_CUES = _words("task_cues")
DEFAULT_ACTION_CUES = _words("action_cues")
DEFAULT_RESULT_CUES = _words("result_cues")
DEFAULT_NUMBER_WORDS = _words("number_words")
DEFAULT_STOP_WORDS = _words("stop_words")
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
class FillerConfig:
    vocal: list[str] = field(default_factory=lambda: list(DEFAULT_VOCAL_FILLERS))
    """Hesitation sounds, counted every time. Stretched spellings match too: "umm" and
    "ummm" count as "um", "hmmm" as "hmm"."""

    verbal: list[str] = field(default_factory=lambda: list(DEFAULT_VERBAL_FILLERS))
    """Words and phrases counted only where used as filler. Built-in context rules decide
    for like, you know, I mean, kind of/sort of, so, well, right, okay, yeah, honestly and
    actually ("I like Python", "kind of data", "so that we could", "So I rang her"
    mid-story are not fillers; "for like three months" is; in typed text a sentence-opening
    "So," or "Well," is not); any other entry you add counts every time it is said."""

    fine_per_100_words: float = 2.0
    """Fewer fillers per 100 words than this is excellent."""

    heavy_per_100_words: float = 5.0
    """More fillers per 100 words than this needs work: the answer is flagged
    ``filler_heavy``."""

    heavy_min_count: int = 3
    """``filler_heavy`` also needs at least this many fillers, so one "um" in a ten-word
    answer is not called heavy."""


@dataclass
class PaceConfig:
    LIMITS: ClassVar[dict[str, tuple[float | None, float | None]]] = {
        "band_wpm": (1, 1000),
        "too_slow_wpm": (1, 1000),
        "too_fast_wpm": (1, 1000),
        "gap_s": (0.1, 60),
        "window_s": (1, 600),
    }
    """Ranges checked when config.yaml is read (mockint.config): a zero window or gap measures
    nothing."""
    band_wpm: tuple[float, float] = (120.0, 160.0)
    """Words per minute (over speaking time) that interviewers find easy to follow."""

    too_slow_wpm: float = 100.0
    """Below this speaking-time pace the answer is flagged ``too_slow``."""

    too_fast_wpm: float = 180.0
    """Above this speaking-time pace the answer is flagged ``too_fast``."""

    gap_s: float = 1.0
    """Silences at least this long are left out of speaking time (WPM counts talking only)."""

    window_s: float = 15.0
    """Width of the windows for pace over time, which shows rushing at the end."""

    min_speech_s: float = 10.0
    """Below this much speaking time pace is too noisy to flag ``too_fast``/``too_slow``."""


@dataclass
class LengthConfig:
    LIMITS: ClassVar[dict[str, tuple[float | None, float | None]]] = {
        "default_target_seconds": (1, 3600),
        "untimed_wpm": (1, 1000),
    }
    default_target_seconds: tuple[int, int] = (60, 120)
    """Target answer length when no question is given (behavioral answers run 1–2 min)."""

    untimed_wpm: float = 150.0
    """Pace that turns a target in seconds into words, for typed answers (no timings)."""


@dataclass
class PauseConfig:
    LIMITS: ClassVar[dict[str, tuple[float | None, float | None]]] = {
        "long_pause_s": (0.1, 60),
        "hesitation_s": (0.1, 60),
        "sentence_pause_s": (0.05, 60),
    }
    long_pause_s: float = 2.0
    """A silence between words at least this long is a long pause."""

    hesitation_s: float = 1.0
    """A silence from this long up to ``long_pause_s`` is a hesitation."""

    flag_count: int = 2
    """Flag ``long_pauses`` from this many long pauses (one thinking pause is fine)."""

    sentence_pause_s: float = 0.7
    """With no punctuation in the transcript, a silence this long ends a sentence."""


@dataclass
class LanguageConfig:
    LIMITS: ClassVar[dict[str, tuple[float | None, float | None]]] = {"we_share_flag": (0, 1)}
    hedges: list[str] = field(default_factory=lambda: list(DEFAULT_HEDGES))
    """Hedges and weak words that undercut confidence. A phrase in both this list and
    ``fillers.verbal`` counts as a filler where the filler rules say so, else as a hedge."""

    hedging_per_100_words: float = 3.0
    """Flag ``hedging`` above this many hedges per 100 words…"""

    hedging_min_count: int = 3
    """…and with at least this many hedges."""

    repetition_min_count: int = 3
    """A 2–4 word phrase said this many times (or more) is reported as repetition."""

    stop_words: list[str] = field(default_factory=lambda: list(DEFAULT_STOP_WORDS))
    """Phrases made only of these words ("and then", "it was") never count as repetition,
    and these words are never a key point's content."""

    we_share_flag: float = 0.6
    """Flag ``we_not_i`` when "we" is at least this share of I/we in the action part…"""

    we_min_count: int = 3
    """…and said at least this many times there."""


@dataclass
class StructureConfig:
    LIMITS: ClassVar[dict[str, tuple[float | None, float | None]]] = {"action_min_share": (0, 1)}
    situation_cues: list[str] = field(default_factory=lambda: list(DEFAULT_SITUATION_CUES))
    """Phrases that mark a sentence as setting the scene (Situation). Cue phrases are one
    clue the STAR model weighs among many (verbs, aims, outcomes, position)."""

    task_cues: list[str] = field(default_factory=lambda: list(DEFAULT_TASK_CUES))
    """Phrases that mark a sentence as stating your goal or responsibility (Task)."""

    action_cues: list[str] = field(default_factory=lambda: list(DEFAULT_ACTION_CUES))
    """Phrases that mark a sentence as what you did (Action), besides "I/we" followed by
    a verb of doing, which is recognised without a list."""

    result_cues: list[str] = field(default_factory=lambda: list(DEFAULT_RESULT_CUES))
    """Phrases that mark a sentence as the outcome (Result); numbers add to it."""

    number_words: list[str] = field(default_factory=lambda: list(DEFAULT_NUMBER_WORDS))
    """Words that make a result quantified besides digits and "%" ("three", "doubled",
    "weekly to daily"); "one" counts after to/from/only/than ("down to one a month")."""

    star_without_question: bool = True
    """Judge STAR structure when no question is given (most practice is behavioral);
    with a question, only behavioral ones are."""

    action_min_share: float = 0.3
    """The action part should carry at least this share of the answer's time."""


@dataclass
class CoverageConfig:
    LIMITS: ClassVar[dict[str, tuple[float | None, float | None]]] = {
        "threshold": (0, 1),
        "word_similarity": (0, 100),
    }
    threshold: float = 0.5
    """Share of a key point's content words one sentence (with the next) must say, for
    points of three words or more; shorter points need every word, and no point is ever
    covered by one shared word alone."""

    word_similarity: float = 80.0
    """Two words match when their rapidfuzz ratio is at least this (0–100)."""


@dataclass
class ScoringConfig:
    fillers: FillerConfig = field(default_factory=FillerConfig)
    """Filler words (fillers.py)."""

    pace: PaceConfig = field(default_factory=PaceConfig)
    """Words per minute (pace.py)."""

    length: LengthConfig = field(default_factory=LengthConfig)
    """How long the answer runs (length.py)."""

    pauses: PauseConfig = field(default_factory=PauseConfig)
    """Silences (pauses.py), and sentences cut by them."""

    language: LanguageConfig = field(default_factory=LanguageConfig)
    """Hedges, repetition and I/we (language.py)."""

    structure: StructureConfig = field(default_factory=StructureConfig)
    """STAR (structure.py)."""

    coverage: CoverageConfig = field(default_factory=CoverageConfig)
    """Key points (coverage.py)."""

    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    """Weight of each part in the overall score. Parts that do not apply are left out and
    the rest re-normalised: structure only for behavioral questions, coverage only when the
    question has key points, pace and pauses only when the words have timings."""


#: Flat keys of earlier versions → (section, key).
_FLAT = {
    "vocal_fillers": ("fillers", "vocal"),
    "verbal_fillers": ("fillers", "verbal"),
    "filler_fine_per_100_words": ("fillers", "fine_per_100_words"),
    "filler_heavy_per_100_words": ("fillers", "heavy_per_100_words"),
    "filler_heavy_min_count": ("fillers", "heavy_min_count"),
    "pace_band_wpm": ("pace", "band_wpm"),
    "too_slow_wpm": ("pace", "too_slow_wpm"),
    "too_fast_wpm": ("pace", "too_fast_wpm"),
    "pace_gap_s": ("pace", "gap_s"),
    "pace_window_s": ("pace", "window_s"),
    "pace_min_speech_s": ("pace", "min_speech_s"),
    "default_target_seconds": ("length", "default_target_seconds"),
    "untimed_wpm": ("length", "untimed_wpm"),
    "long_pause_s": ("pauses", "long_pause_s"),
    "hesitation_s": ("pauses", "hesitation_s"),
    "long_pauses_flag_count": ("pauses", "flag_count"),
    "sentence_pause_s": ("pauses", "sentence_pause_s"),
    "hedges": ("language", "hedges"),
    "hedging_per_100_words": ("language", "hedging_per_100_words"),
    "hedging_min_count": ("language", "hedging_min_count"),
    "repetition_min_count": ("language", "repetition_min_count"),
    "repetition_stop_words": ("language", "stop_words"),
    "we_share_flag": ("language", "we_share_flag"),
    "we_min_count": ("language", "we_min_count"),
    "situation_cues": ("structure", "situation_cues"),
    "task_cues": ("structure", "task_cues"),
    "action_cues": ("structure", "action_cues"),
    "result_cues": ("structure", "result_cues"),
    "number_words": ("structure", "number_words"),
    "star_without_question": ("structure", "star_without_question"),
    "action_min_share": ("structure", "action_min_share"),
    "key_point_threshold": ("coverage", "threshold"),
    "key_point_word_similarity": ("coverage", "word_similarity"),
}
#: Flat keys that no longer do anything (the STAR model weighs position itself).
_RETIRED = frozenset({"star_position_weight"})
_SECTIONS = frozenset(f.name for f in fields(ScoringConfig))


def nest_flat(raw: dict[str, Any]) -> dict[str, Any]:
    """A ``scoring:`` mapping with the flat keys of earlier versions moved into their
    sections (``too_fast_wpm`` → ``pace.too_fast_wpm``; a nested key wins over its flat
    twin); retired keys are dropped, anything else is left for the loader to check."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key in _RETIRED:
            continue
        if key in _FLAT:
            section, name = _FLAT[key]
            nested = out.setdefault(section, {})
            if isinstance(nested, dict):
                nested.setdefault(name, value)
        elif key in _SECTIONS and isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out
