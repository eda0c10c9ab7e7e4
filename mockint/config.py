"""User settings, read from ``<data root>/config.yaml``.

Every section is a dataclass owned by the package it configures (``audio``, ``speech``,
``scoring``, ``practice``) plus ``ui`` here; every field has a docstring saying what it does.
A missing file means all defaults: nothing needs configuring before the first use. Unknown
keys, wrong types and values out of range are reported as ``config.yaml: section.key:
problem`` (the first on the error line, the others below it).

Ranges: a section declares ``LIMITS`` (``{field: (low, high)}``, inclusive, None for no
bound) and may add cross-field rules in a ``problems()`` method. Every number without a
declared range must be finite, not negative and at most :data:`MAX_NUMBER`; a pair such as
``(60, 120)`` must be positive and in order; a mapping of weights must not be all zero.
"""

from __future__ import annotations

import dataclasses
import math
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mockint import paths
from mockint.audio.config import AudioConfig
from mockint.errors import MockintError
from mockint.practice.config import PracticeConfig
from mockint.scoring.config import ScoringConfig, nest_flat
from mockint.speech.config import SpeechConfig

Bounds = tuple[float | None, float | None]
"""An inclusive (low, high) range; None for no bound on that side."""

MAX_NUMBER = 1_000_000
"""The largest number a setting without its own range may hold: past it, a count or a
duration is a typo (and would overflow SQLite's integers or the clock's arithmetic)."""


@dataclass
class UIConfig:
    LIMITS: typing.ClassVar[dict[str, Bounds]] = {"prep_seconds": (0, 600)}

    prep_seconds: int = 5
    """Countdown before recording starts, to gather your thoughts; 0 skips it."""

    read_aloud: bool = False
    """Speak each question with espeak-ng before the countdown; recording never starts
    while it is still speaking."""

    ready_when_you_are: bool = False
    """No countdown: the question is shown (and read aloud, with ``read_aloud``), and
    recording starts when you press space. The countdown can also be paused with ``p``."""

    follow_ups: bool = True
    """After an answer, offer the follow-up question an interviewer would ask given it
    (no result: "What was the outcome?"; a "we" story: "What did you do yourself?"…).
    Follow-up answers are scored and kept beside the question, but never count in its
    average, trend or schedule."""


@dataclass
class Config:
    audio: AudioConfig = field(default_factory=AudioConfig)
    """Recording and playback."""

    speech: SpeechConfig = field(default_factory=SpeechConfig)
    """Transcription model and its settings."""

    scoring: ScoringConfig = field(default_factory=ScoringConfig)
    """Thresholds, word lists and weights used to score answers."""

    practice: PracticeConfig = field(default_factory=PracticeConfig)
    """Daily plans, spaced repetition and weak questions."""

    ui: UIConfig = field(default_factory=UIConfig)
    """The terminal app."""


def load_config(path: Path | None = None) -> Config:
    """Read config.yaml (default: the data root's); defaults for everything it leaves out."""
    path = path or paths.config_path()
    if not path.exists():
        return Config()
    if not path.is_file():  # a folder, a FIFO (which would block the read), a device
        raise MockintError(f"{path}: not a regular file: config.yaml must be a YAML file")
    import yaml  # deferred: keeps `import mockint.config` cheap

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise MockintError(f"{path}: cannot read config: {_one_line(exc)}") from None
    if raw is None:
        return Config()
    if not isinstance(raw, dict):
        raise MockintError(f"{path}: expected a mapping of sections (audio:, speech:, …)")
    return _build(Config, _upgraded(raw), path, prefix="")


def config_from_dict(raw: dict[str, Any]) -> Config:
    """Build a Config from plain data (tests, and the same validation as the file)."""
    return _build(Config, _upgraded(raw), Path("config.yaml"), prefix="")


def _upgraded(raw: dict[str, Any]) -> dict[str, Any]:
    """Older files keep working: flat ``scoring:`` keys move into their sections."""
    if isinstance(raw.get("scoring"), dict):
        return {**raw, "scoring": nest_flat(raw["scoring"])}
    return raw


def _build(cls: type, raw: dict[str, Any], path: Path, prefix: str) -> Any:
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in dataclasses.fields(cls)}
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, value in raw.items():
        where = f"{prefix}{key}"
        if key not in known:
            problems.append(f"{path}: {where}: unknown setting (known: {', '.join(known)})")
            continue
        hint = hints[key]
        if dataclasses.is_dataclass(hint):
            if not isinstance(value, dict):
                problems.append(f"{path}: {where}: expected a mapping")
                continue
            try:
                values[key] = _build(typing.cast(type, hint), value, path, prefix=f"{where}.")
            except MockintError as exc:
                problems.extend(exc.details or [str(exc)])
            continue
        checked, error = _check(hint, value)
        if error is None:
            error = _out_of_range(checked, getattr(cls, "LIMITS", {}).get(key))
        if error:
            problems.append(f"{path}: {where}: {error}")
        else:
            values[key] = checked
    if not problems:
        built = cls(**values)
        check = getattr(built, "problems", None)
        problems = [f"{path}: {prefix}{p}" for p in (check() if check else [])]
    if problems:
        raise MockintError(problems[0], details=problems[1:])
    return built


def _out_of_range(value: Any, bounds: Bounds | None) -> str | None:
    """Why a type-checked value is nonsense (a number out of range), or None."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return None
    if isinstance(value, int | float):
        if not math.isfinite(value):
            return f"must be a finite number, not {value}"
        low, high = bounds if bounds is not None else (0, MAX_NUMBER)
        if (low is not None and value < low) or (high is not None and value > high):
            return f"must be {_range_text(low, high)}, not {_short(value)}"
        return None
    if isinstance(value, tuple) and len(value) == 2 and all(_is_number(v) for v in value):
        lo, hi = value
        for v in value:
            error = _out_of_range(v, bounds)
            if error:
                return error
        if not (0 < lo <= hi):
            return f"must be (low, high) with 0 < low <= high, not [{_short(lo)}, {_short(hi)}]"
        return None
    if isinstance(value, dict):
        numbers = [v for v in value.values() if _is_number(v)]
        for name, v in value.items():
            error = _out_of_range(v, bounds)
            if error:
                return f"{name}: {error}"
        if numbers and not any(numbers):
            return "at least one must be above 0"
    if isinstance(value, list):
        for v in value:
            error = _out_of_range(v, bounds)
            if error:
                return error
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _range_text(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"between {_short(low)} and {_short(high)}"
    if low is not None:
        return f"at least {_short(low)}"
    return f"at most {_short(high)}"


def _short(value: float | None) -> str:
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text if len(text) <= 24 else text[:21] + "..."


def _check(hint: Any, value: Any) -> tuple[Any, str | None]:
    from pydantic import TypeAdapter, ValidationError  # deferred: heavy import

    try:
        return TypeAdapter(hint).validate_python(value, strict=False), None
    except ValidationError as exc:
        return None, exc.errors()[0]["msg"].lower()


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
